"""Observers: the parties that attended as observers (Jordan, Lebanon, Iraq,
the UN, ...), read from a clause with the word observer and the list that
continues it across commas. Compared per party: an observer one outlet lists
and another does not is an omission, never a conflict."""
from __future__ import annotations

import re

from ..knowledge import Mention
from ..names import known_party
from ..normalize import fold
from .base import (OBSERVER, About, SlotValue, _clauses, _Ctx, _fpos, another_bodys, next_party_at,
                   previous_party_end, spokesperson)
from .registry import SlotType, register


ATTEND = re.compile(r"(?<![\w])(?:attend\w*|participat\w*|represent\w*|invit\w*|بحضور|حضور|يحضر|تحضر|حضر|حضرها|"
                    r"بمشارك\w*|مشارك\w*|يشارك|تشارك|شارك|دعو\w*|دعوات|ممثلين|ممثلي|"
                    r"particip\w*|assist\w*|représent\w*|présents?|présence)(?![\w])", re.I)
REFUSED = re.compile(r"(?<![\w])(?:امتنع\w*|رفض\w*|لم\s+(?:ترسل|يرسل|تشارك|يشارك)|لن\s+(?:ترسل|يرسل|تشارك|يشارك)|"
                     r"عدم\s+(?:مشارك\w*|حضور)|غياب|تغيب\w*|"
                     r"declin\w*|refus\w*|abstain\w*|absence|absent|will\s+not|won't|did\s+not|didn't|no\s+longer|"
                     r"ne\s+(?:\S+\s+){0,2}?(?:participera|participe|assistera|enverra)\s+pas|"
                     r"(?:has|have)\s+yet\s+to|لم\s+(?:تتلق|يتلق)\w*|"
                     r"boycott\w*|قاطع\w*|no(?=\s+(?:[\w.]+\s+){0,2}(?:representatives?|delegation|delegates)))(?![\w])",
                     re.I)
UNKNOWN = re.compile(r"(?<![\w])(?:عدم\s+وجود\s+معلومات|لا\s+(?:توجد\s+)?معلومات|no\s+information|unclear|"
                     r"غير\s+واضح|not\s+(?:yet\s+)?known|(?:has|have)\s+not\s+(?:yet\s+)?confirmed)(?![\w])", re.I)
# "agreed to invite Iraq and Lebanon to the subsequent meetings as observers": observers of rounds to come
LATER = re.compile(r"(?<![\w])و?(?:(?:agreed|decided)\s+to\s+invite|\w*(?:تفق|قرر)\w*[^.]{0,120}?علي\s+دعوه|"
                   r"subsequent|future|upcoming\s+(?:rounds|meetings)|next\s+(?:rounds|meetings)|المستقبل\w*|اللاحقه|"
                   r"conférer|accorder|(?:قد|could|may)\s+(?:تضم|يضم|include)|"
                   r"expand\w*|widen\w*|توسيع|توسعه|زياده\s+عدد)(?![\w])", re.I)
# "the next round": in a preview that is the article's own round
NEXT_ROUND_WORDS = re.compile(r"(?<![\w])(?:المقبله|القادمه)(?![\w])", re.I)


def _observer_parties(ctx: _Ctx, roles: tuple[str, ...] = ("observer",)):
    """Mentions of observer parties (with the UN, the mediator, where `roles` says so), by name or adjective
    ("the Jordanian delegation")."""
    found = ctx.kb.find(ctx.sentence.text, "party", ctx.sentence.start) + \
        ctx.kb.find(ctx.sentence.text, "adjective", ctx.sentence.start)
    found = [m for m in found if ctx.kb.parties[m.key].role in roles]
    # "Assistant Secretary Stuart Jones will attend": an official of an observer party stands for it (its
    # spokesman speaks, he attends nothing)
    for m in ctx.kb.find(ctx.sentence.text, "person", ctx.sentence.start):
        party = known_party(m.key, ctx.kb)
        if party in ctx.kb.parties and ctx.kb.parties[party].role == "observer" and "observer" in roles \
                and not spokesperson(ctx.kb, m.key):
            found.append(Mention(party, m.printed, m.span))
    # "the UN Office of the High Commissioner for Refugees" is UNHCR, not the UN as well
    found = [m for m in found if not any(o is not m and o.span[0] <= m.span[0] and m.span[1] <= o.span[1]
                                         and o.span != m.span for o in found)]
    return sorted(found, key=lambda m: m.span)


# a full stop inside a sentence, a semicolon, a bracket or a new clause ("كما", "while") between a party and
# the word observer: unrelated
SEPARATE = re.compile(r"[;؛()\[\]]|(?<![A-Z])\.\s|(?<![\w])(?:كما|فيما|بينما|while|whereas|tandis)(?![\w])", re.I)
# "Jordan will be represented by a delegation", "invitations were sent to representatives of …": the talks
# need not be named where delegates attend
DELEGATES = re.compile(r"(?<![\w])(?:delegat\w*|délégations?|representatives?|représentants?|(?:[وب]?ال)?(?:وفد|وفود|ممثل\w*))(?![\w])", re.I)
MINISTRY = re.compile(r"(?:وزاره\s+الخارجيه|(?<!وزير\s)(?<!لوزير\s)الخارجيه|foreign\s+ministry\s+of|ministry\s+of\s+foreign\s+affairs\s+of)\s*$",
                      re.I)
INVITED = re.compile(r"(?<![\w])(?:invit\w*|expected|will\s+attend|دعو\w*|دعوات|سيشارك|ستشارك|يتوقع)(?![\w])", re.I)


@register
class Observers(SlotType):
    name = "observers"
    keyed = True
    title = "observers"

    def extract(self, ctx: _Ctx) -> list[SlotValue]:
        if ctx.about is not About.THIS or LATER.search(ctx.folded.text) or (
                not ctx.preview and NEXT_ROUND_WORDS.search(ctx.folded.text)):
            return []
        out = []
        for ca, cb in _clauses(ctx.folded.text):
            if OBSERVER.search(ctx.folded.text[ca:cb]):
                for m in observer_list(ctx, ca, cb):
                    out.append(SlotValue(self.name, m.key, m.key, m.printed, ctx.sentence.id, m.span))
        # "delegates from Jordan and the U.S. have also attended as observers", "Iraq, Lebanon and Jordan, as
        # well as the United Nations": observer parties (by name or adjective) near the word observer
        marks = [m.start() for m in OBSERVER.finditer(ctx.folded.text)]
        seen = {v.key for v in out}
        # the UN counts here, beside the word observer; merely attending, it is the mediator, not an observer
        parties = _observer_parties(ctx, ("observer", "mediator"))
        starts = {_fpos(ctx, m.span[0]) for m in parties}
        for m in parties:
            a = _fpos(ctx, m.span[0])
            near = [x for x in marks if abs(a - x) <= 120]
            if m.key in seen or not near:
                continue
            between = (min(a, *near), max(a, *marks))
            # "delegations of the UNHCR and the ICRC arrived, and observers arrived from Jordan…": a clause
            # with its own verb ("، ووصل") between a party and the word observer that follows it
            if SEPARATE.search(ctx.folded.text[between[0]:between[1]]) or (
                    all(x > a for x in near) and _verb_clause_between(ctx, a, min(near), starts)):
                continue
            out.append(SlotValue(self.name, m.key, m.key, m.printed, ctx.sentence.id, m.span))
            seen.add(m.key)
        if not out and (ctx.about_talks or DELEGATES.search(ctx.folded.text)) and ATTEND.search(ctx.folded.text):
            # "delegations from the UN, Jordan and the US are also attending": parties the knowledge
            # gives the observer role, named close to a word of attending
            plan = bool(INVITED.search(ctx.folded.text))
            attend = [m.start() for m in ATTEND.finditer(ctx.folded.text)]
            for m in _observer_parties(ctx):
                a = _fpos(ctx, m.span[0])
                if any(abs(a - x) <= 120 for x in attend):
                    out.append(SlotValue(self.name, m.key, m.key, m.printed, ctx.sentence.id, m.span, plan=plan))
        # "the US declined to send an observer delegation": a party that stayed away is no observer;
        # "the congress will invite observers from the UN": another body's guests
        # a party said anywhere in the sentence to stay away ("invited the US … has yet to confirm Washington
        # will be involved") is no observer under any of its names; a ministry ("وزارة الخارجية الأمريكية")
        # speaks, it is no delegation
        away = {m.key for m in _observer_parties(ctx, ("observer", "mediator")) if _stayed_away(ctx, m)}
        return [v for v in out if v.key not in away and not another_bodys(ctx, _fpos(ctx, v.span[0]))
                and not MINISTRY.search(ctx.folded.text[:_fpos(ctx, v.span[0])])]


VERB_CLAUSE = re.compile(r"[،,]\s*و(?!ال)(\w+)")


def _verb_clause_between(ctx: _Ctx, a: int, b: int, party_starts: set[int]) -> bool:
    """A comma and a word joined to "و" that names no party ("، ووصل", not "، ولبنان"), between two
    folded positions."""
    return any(m.start(1) not in party_starts for m in VERB_CLAUSE.finditer(ctx.folded.text, a, b))


def _stayed_away(ctx: _Ctx, v: Mention) -> bool:
    """Words of refusing or absence around the party, up to the next party named ("Jordan attended as an
    observer, in the absence of the American side" keeps Jordan)."""
    pa = _fpos(ctx, v.span[0])
    own_end = pa + len(fold(v.printed))
    after = next_party_at(ctx, own_end + 1)
    # the words just before the next party are about that party ("in the absence of the American side")
    end = max(own_end, min(after - 25 if after is not None else pa + 60, pa + 60))
    # "no information yet on whether the United States takes part": not known either way
    # … and the words before it, back to the party named before ("the US stayed away; Jordan attended")
    return bool(REFUSED.search(ctx.folded.text[max(0, pa - 40, previous_party_end(ctx, pa)):end])
                or UNKNOWN.search(ctx.folded.text[max(0, pa - 80):pa]))


def observer_list(ctx: _Ctx, ca: int, cb: int) -> list:
    """Observer parties named in a clause, and in the comma-separated list that continues it
    ("observers from Jordan, Lebanon and Iraq")."""
    mentions = [(m, _fpos(ctx, m.span[0])) for m in ctx.kb.find(ctx.sentence.text, "party", ctx.sentence.start)
                if ctx.kb.parties[m.key].role in ("observer", "mediator")]
    out = [m for m, pa in mentions if ca <= pa < cb]
    all_clauses = _clauses(ctx.folded.text)
    starts = {pa for _, pa in mentions}
    # "…the ICRC, and observers arrived from Jordan": a clause with its own verb has no list before it
    opening = VERB_CLAUSE.match(ctx.folded.text, ca)
    before = [] if opening and opening.start(1) not in starts else [c for c in all_clauses if c[1] <= ca]
    for a, b in reversed(before):
        # "Jordan, Lebanon and Iraq attended as observers": the list may come first
        inside = [m for m, pa in mentions if a <= pa < b]
        if not inside or _other_words(ctx, a, b, inside) > len(inside) + 1:
            break
        out = inside + out
    for a, b in [c for c in all_clauses if c[0] >= cb]:
        inside = [(m, pa) for m, pa in mentions if a <= pa < b]
        if not inside:
            break
        last_end = inside[-1][1] + len(fold(inside[-1][0].printed))
        if _other_words(ctx, a, last_end, [m for m, _ in inside]) > len(inside) + 1:
            break  # not a list of names
        out += [m for m, _ in inside]
        if len(re.findall(r"\w+", ctx.folded.text[last_end:b])) > 2:
            break  # the sentence goes on after the list
    return out


def _other_words(ctx: _Ctx, a: int, b: int, mentions: list) -> int:
    """Words of a folded region outside the named parties ("and the", "as well as"): a list has few."""
    words = len(re.findall(r"\w+", ctx.folded.text[a:b]))
    return words - sum(len(re.findall(r"\w+", fold(m.printed))) for m in mentions)
