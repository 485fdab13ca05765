"""Heads of delegation, per party: who led each delegation.

A head is a name after a head-of-delegation trigger ("برئاسة", "يترأسه",
"headed by", "led by") in a clause that names the party's delegation. The name
is separated from its title; the title this outlet gives is kept, and two
titles for one person are a title difference, not a conflict. A person whom
the knowledge places in one party is never another party's head. Spellings of
one person agree (حاجي / خاجي); an unknown name is compared against a known
person through that person's spellings in the same script.
"""
from __future__ import annotations

import re

from ..knowledge import Knowledge
from ..names import canonical_person, known_party, same_person
from ..normalize import fold
from .base import (AGREE, HEAD_TRIGGER, OBSERVER, TITLE, About, Comparison, Label, SlotValue, Status, _clauses, _Ctx,
                   _find_name, _fpos, _party_in, _title_before, spokesperson)
from .registry import SlotType, register

HONORIFICS = re.compile(r"(?<![\w])(?:الدكتور|الدكتوره|د\.|السيد|السيده|السفير(?=\s*$)|Dr\.?|Mr\.?|Mrs\.?|Ms\.?)(?![\w])", re.I)


ELLIPSIS = re.compile(r"[\s,;]*(?:و|and\s+|while\s+|whereas\s+|فيما\s+|بينما\s+|et\s+)?(?P<verb>(?:ال)?وفد\s+\S+|the\s+\S+(?:\s+\S+)?\s+(?:delegation\s+)?(?:-\s*by|-|by)"
                      r"|(?:la\s+délégation\s+\S+|l'\S+|la\s+\S+|le\s+\S+)\s+par)",
                      re.I)  # "…, while the Syrian opposition - by Ahmad Toma"; "…, la délégation russe par …"
WITH = re.compile(r"(?<![\w])(?:مع|with)(?=\s+(?:ال)?(?:وفد|\S+\s+delegation|the\s+\S+\s+delegation))", re.I)


PLANNED = re.compile(r"(?<![\w])(?:expected|will\s+be\s+led|سيتراس|سيرأس|يتوقع|من\s+المتوقع|المرتقب)(?![\w])", re.I)
# Words that say who leads a delegation, in any construction, and the delegation itself.
LEAD_CUE = re.compile(r"(?<![\w])(?:heads?|headed|heading|leads?|leading|led|chair(?:s|ed|ing)?|negotiator|"
                      r"sending|dispatching|sends|dispatches|"
                      r"represent\w*|يتراس|يراس|تراس|سيتراس|سيراس|يتراسه|يراسه|برياسه|رييس|يمثل|سيمثل|ويمثل|"
                      r"كبير\s+المفاوضين|علي\s+راس|و?مثل(?=\s+(?:ال)?(?:جانب|وفد))|"
                      # "the Kremlin's envoy to these negotiations": sent to the talks
                      r"(?:envoy|موفد|مبعوث)\w*\s+(?:\S+\s+){0,2}?(?:to|الي)\s+(?:the\s+|these\s+|هذه\s+)?"
                      r"(?:talks|negotiations|meeting|(?:ال)?(?:مفاوضات|محادثات|مباحثات|اجتماع)))(?![\w])", re.I)
DELEGATION_WORD = re.compile(r"وفد|d[eé]l[eé]gation|team|الجانب|side|مفاوض|negotiat", re.I)
MEMBER_CUE = re.compile(r"(?<![\w])(?:includ\w*|comprising|members?|alongside|accompanied|along\s+with|as\s+well\s+as|"
                        r"ضم|يضم|تضم|وضم|ومنهم|بينهم|عضو|اعضاء|برفقه|بجانب|الي\s+جانب)(?![\w])", re.I)


CHAIRS_MEETING = re.compile(r"\s*(?:the\s+)?(?:ال)?(?:اجتماع|اجتماعات|جلسه|جلسات|لقاء|meeting|session|plenary)(?![\w])", re.I)
BARE_DELEGATION = re.compile(r"(?<![\w])(?:الوفد|the\s+delegation)(?!\s+(?:ال\w+|of\b|\w+يه?\b))", re.I)


def _delegation_before(ctx: _Ctx) -> str | None:
    """The one party whose delegation the previous sentence names ("الوفد الحكومي السوري", "the Iranian
    delegation"), if exactly one."""
    prev = ctx.previous
    folded = fold(prev.text)
    found = {m.key for kind in ("party", "adjective") for m in ctx.kb.find(prev.text, kind)
             if re.search(r"(?:وفد|d[eé]l[eé]gation)\S*\s+(?:\S+\s+)?$", fold(prev.text[:m.span[0]]), re.I)
             or re.match(r"\s*d[eé]l[eé]gation", prev.text[m.span[1]:], re.I)}
    return next(iter(found)) if len(found) == 1 and folded else None


def _person_like(kb: Knowledge, printed: str, title: str) -> bool:
    """An unknown name is a person's: in Latin script (capitalised words), or in Arabic with a title before it
    or a given name first."""
    if not re.search(r"[\u0600-\u06ff]", printed):
        return True
    first = re.sub(r"^[وف](?=\S{3,})", "", printed.split()[0])
    return bool(title) or kb.known_given_name(printed.split()[0]) or kb.known_given_name(first)


def _head_clauses(f: str) -> list[tuple[int, int]]:
    """Clauses, also cut before "with the Iranian delegation headed by …": one sentence often pairs two heads."""
    out = []
    for a, b in _clauses(f):
        cuts = [a] + [a + m.start() for m in WITH.finditer(f[a:b])] + [b]
        out += [(x, y) for x, y in zip(cuts, cuts[1:]) if y > x]
    return out


def clean_title(raw: str) -> str:
    """The title as printed, from its first title word, without honorifics or leftovers."""
    m = TITLE.search(raw) or re.search(r"(?<![\w])(?:رئيس|head|chief|director|senior|special|deputy|نائب)(?![\w])",
                                       raw, re.I)
    if not m:
        return ""
    start = m.start()
    # keep a rank word right before the title word ("نائب وزير", "Deputy Foreign Minister")
    before = re.search(r"(?:(?<![\w])(?:نائب|نائبه|مساعد|معاون|كبير|deputy|assistant|senior|special|foreign)\s+)+$",
                       raw[:start], re.I)
    if before:
        start = before.start()
    title = HONORIFICS.sub("", raw[start:]).strip(" ،,-")
    return " ".join(title.split())


def title_around(ctx: _Ctx, fstart: int, fend: int) -> str:
    """The title an outlet gives a person: the words before the name in its clause ("Iranian Deputy Foreign
    Minister Hossein Jaberi Ansari"), else an apposition after it ("Khaji, a senior adviser to the minister")."""
    f = ctx.folded.text
    ca = max([a for a, b in _clauses(f) if a <= fstart] or [0])
    s, _ = ctx.folded.span(ca, ca + 1) if ca < len(f) else (0, 0)
    e, _ = ctx.folded.span(fstart, fstart + 1)
    before = " ".join(ctx.sentence.text[s:e].split()[-8:])
    before = re.split(r"(?<![\w])(?:and|as well as)(?![\w])", before, flags=re.I)[-1]  # not the previous person's title
    title = clean_title(before)
    if title:
        return title
    comma = re.match(r"\s*[,،]\s*", f[fend:fend + 120])
    if comma:
        start = fend + comma.end()
        seg = re.split(r"[,،.;()]", f[start:start + 100])[0]
        t = TITLE.search(seg)
        if t and len(seg[:t.start()].split()) <= 3:
            a0, a1 = ctx.folded.span(start, start + len(seg))
            return clean_title(ctx.sentence.text[a0:a1])
    return ""


@register
class Heads(SlotType):
    name = "heads"
    keyed = True
    title = "heads of delegation"

    def extract(self, ctx: _Ctx) -> list[SlotValue]:
        if ctx.about is not About.THIS:
            return []
        f = ctx.folded.text
        out = []
        clauses = _head_clauses(f)
        previous_had_head = False
        for ci, (ca, cb) in enumerate(clauses):
            trig = HEAD_TRIGGER.search(f[ca:cb])
            continued = False
            if trig is None and previous_had_head:
                # "…، والوفد الإيراني حسين جابري أنصاري": the list goes on without repeating the verb
                trig = ELLIPSIS.match(f[ca:cb])
                continued = trig is not None
            verb = trig.group("verb").lower() if trig else ""
            represent = verb.startswith(("represent", "is repr", "was repr", "are repr", "were repr", "sent", "has ",
                                         "dispatched", "يمثل", "ويمثل", "مثل", "ممثل", "représent"))
            if not trig or not (re.search(r"وفد|d[eé]l[eé]gation", f) or verb.startswith(("ترا", "يترا", "تترا", "يرا"))
                                or represent or continued):
                continue
            name_from = ca + trig.end()
            if CHAIRS_MEETING.match(f, name_from):
                continue  # "سوف يترأس الاجتماع رفيع المستوى", "will chair the session": chairing, not leading a delegation
            name = _find_name(ctx, name_from, cb)
            if name is None:
                # "led by Presidential Envoy for the Syrian Settlement, Alexander Lavrentiev";
                # "يترأس الوفد الروسي، المبعوث الروسي الخاص، ألكسندر لافرنتييف": the name is in one of the
                # next two short clauses (a title may stand between)
                for nxt in clauses[ci + 1:ci + 3]:
                    if len(f[nxt[0]:nxt[1]].split()) > 7 or HEAD_TRIGGER.search(f[nxt[0]:nxt[1]]):
                        break
                    name = _find_name(ctx, *nxt)
                    if name or not TITLE.search(f[nxt[0]:nxt[1]]):
                        break
            if name is None and trig.group("verb").lower().startswith(("headed", "led", "head of", "رييس", "leader of",
                                                                       "chief of")):
                name = _find_name(ctx, ca, ca + trig.start())
                before = f[ca:ca + trig.start()]
                if name is None and ci > 0 and (trig.start() <= 3 or (TITLE.search(before) and len(before.split()) <= 10
                                                                      and len(f[slice(*clauses[ci - 1])].split()) <= 5)):
                    # "Alexander Lavrentiev, head of the Russian delegation", "Bashar al-Jaafari, Syria's ambassador
                    # to the UN and leader of the government delegation": the name is the short clause before
                    name = _find_name(ctx, *clauses[ci - 1])
            party = _party_in(ctx, ca, cb)
            if party is None and ci > 0 and len(f[clauses[ci - 1][0]:clauses[ci - 1][1]].split()) <= 7 \
                    and re.search(r"وفد|d[eé]l[eé]gation", f[clauses[ci - 1][0]:clauses[ci - 1][1]], re.I):
                # "، ووفد المعارضة المسلحة، برئاسة أحمد طعمة": the delegation is named just before
                party = _party_in(ctx, *clauses[ci - 1])
            if party is None and ctx.previous is not None and BARE_DELEGATION.search(f[ca:cb]):
                # "وصل الوفد الحكومي السوري … ويترأس الوفد معاون الوزير أيمن سوسان": the delegation of the
                # sentence before
                party = _delegation_before(ctx)
            if party is None and represent:
                # "Moscow has sent ...", "Iran is represented by ...": the party before the verb
                party = _party_in(ctx, max(0, ca - 1), ca + trig.start()) or _party_in(ctx, ca, cb)
            if not (name and party):
                continue
            previous_had_head = True
            s0, e0, printed = name
            key, how = canonical_person(printed, ctx.kb)
            home = known_party(key, ctx.kb) if how else None
            if home and home != party:
                continue  # the knowledge places this person in another party
            if how and spokesperson(ctx.kb, key):
                continue  # "…, government spokesman Mohamed Momani said": he speaks of the delegation
            title = clean_title(_title_before(ctx, name_from, s0))
            if not how and not _person_like(ctx.kb, printed, title):
                continue  # "سيدوم يومين", "عدم حرفية": Arabic words after a trigger that are no one's name
            plan = bool(PLANNED.search(f))
            out.append(SlotValue(self.name, party, key, printed, ctx.sentence.id, (s0, e0),
                                 matched=how or "new name", title=title, plan=plan))
        if re.search(r"وفد|d[eé]l[eé]gation", f, re.I):
            out += self._listed(ctx)
        out += self._known_leaders(ctx, out)
        return out

    def _known_leaders(self, ctx: _Ctx, found: list[SlotValue]) -> list[SlotValue]:
        """A known delegation leader named in a sentence about who leads the delegations, in wording the
        patterns above do not read: "Lavrentiev leads the Russian team", "X, Y and Z are heading the
        delegations of their countries", "Heading an Iranian delegation, Khaji left for Nur-Sultan"."""
        f = ctx.folded.text
        # a word of leading, sending or representing, and the delegation or the talks named. A known leader
        # merely named at the talks ("at the close of the meeting, Lavrentiev said") is not said to head
        # anything: he is a weak value, one more outlet for the consensus, never a conflict on his own.
        said_to_lead = bool(LEAD_CUE.search(f) and (DELEGATION_WORD.search(f) or ctx.about_talks))
        if not said_to_lead and not (ctx.about_talks and ctx.about is About.THIS and not ctx.hypothetical):
            return []
        parties = {v.key for v in found}
        people = {v.value for v in found}
        known = [m for m in ctx.kb.find(ctx.sentence.text, "person", ctx.sentence.start)
                 if ctx.kb.people[m.key].heads_delegations]
        out = []
        for m in known:
            party = known_party(m.key, ctx.kb)
            if not party or party in parties or m.key in people:
                continue
            if any(o.key != m.key and known_party(o.key, ctx.kb) == party for o in known):
                continue  # two leaders of one party named: which one led is not said
            pa = _fpos(ctx, m.span[0])
            if MEMBER_CUE.search(f[max(0, pa - 50):pa]):
                continue  # "the delegation includes …": a member, not the head
            out.append(SlotValue(self.name, party, m.key, m.printed, ctx.sentence.id, m.span,
                                 matched="knowledge", weak=not said_to_lead,
                                 note="" if said_to_lead else "named at the talks, not said to lead",
                                 plan=bool(PLANNED.search(f)), title=title_around(ctx, pa, pa + len(fold(m.printed)))))
            parties.add(party)
        return out

    def _listed(self, ctx: _Ctx) -> list[SlotValue]:
        """"Alexander Lavrentyev (Russia), Sedat Onal (Turkey)": a known person with the party in brackets."""
        out = []
        marks = [m.start() for m in OBSERVER.finditer(ctx.folded.text)]
        for m in ctx.kb.find(ctx.sentence.text, "person", ctx.sentence.start):
            if any(x < _fpos(ctx, m.span[0]) for x in marks):
                break  # "…, observer states, namely David Satterfield (U.S.)": the observers' list, not heads
            after = ctx.kb.find(ctx.sentence.text[m.span[1] - ctx.sentence.start:][:25], "party")
            bracket = re.match(r"\s*\(", ctx.sentence.text[m.span[1] - ctx.sentence.start:])
            if bracket and after and known_party(m.key, ctx.kb) in (after[0].key, None):
                out.append(SlotValue(self.name, after[0].key, m.key, m.printed, ctx.sentence.id, m.span,
                                     matched="knowledge"))
        return out

    def compare(self, a: SlotValue, b: SlotValue, kb: Knowledge) -> Comparison:
        return compare_people(a, b, kb)


def compare_people(a: SlotValue, b: SlotValue, kb: Knowledge) -> Comparison:
    same, note = same_person(a.printed, b.printed, kb)
    if same is None:
        return Comparison(Status.CANNOT_COMPARE, Label.CANNOT_COMPARE, note)
    if not same and (a.weak or b.weak):
        # a leader only named at the talks may have come along with the head another outlet names
        weak = a if a.weak else b
        return Comparison(Status.CANNOT_COMPARE, Label.CANNOT_COMPARE,
                          f"{weak.printed} is named at the talks, not said to lead ({a.printed} / {b.printed})")
    if not same:
        return Comparison(Status.CONFLICT, Label.DIFFERENT_PERSON, note or f"{a.printed} vs {b.printed}")
    if titles_differ(a.title, b.title, kb):
        return Comparison(Status.AGREE, Label.TITLE_DIFFERENCE, f"same person, different title: {a.title} / {b.title}")
    if note:
        return Comparison(Status.AGREE, Label.SPELLING, note)
    return AGREE


def titles_differ(a: str, b: str, kb: Knowledge) -> bool:
    """Two titles name different ranks ("deputy foreign minister" / "deputy undersecretary";
    "نائب وزير الخارجية" / "assistant foreign minister"), in any script. A title with no known rank
    word says nothing either way."""
    ra, rb = kb.title_ranks_in(a), kb.title_ranks_in(b)
    return bool(ra and rb and ra != rb)
