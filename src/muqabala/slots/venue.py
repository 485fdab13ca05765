"""Venue: the city the round was held in, from the gazetteer.

A place counts only in a sentence about this round's meeting, after a location
cue ("في", "in the Russian resort of", "hosted", "arrived in"), or as the
dateline of a story filed from the round's host city while the round is on;
never as the talks' name ("محادثات أستانا") and
never in a background or hypothetical sentence ("16 meetings, two in Sochi";
"the venue could be Moscow or Tehran"). "The Kazakh capital" resolves to the
name valid on the round's date; a country is a weak value standing for its
capital. Each printed name is checked against the dates it was valid, so
Nur-Sultan for a 2024 round is a naming question, never another venue.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..events import _words_re
from ..knowledge import Knowledge
from ..normalize import fold
from ..timeexpr import PubDate
from .base import (AGREE, HOLD_VERBS, TITLE, About, ArticleFacts, Comparison, Label, SlotValue, Status, _Ctx, _fpos,
                   _arrival_cue, _hosting, _is_talks_name, _location_cue, _prefixed)
from .registry import SlotType, register

_HOLD = _words_re(HOLD_VERBS)
DELEGATION = re.compile(r"(?<![\w])(?:[وبل]?(?:ال)?(?:وفد|وفود)\w*|delegations?|délégations?)(?![\w])", re.I)
MEETING_CUE = re.compile(r"عاصمه|capital|ختام|اجتماع|جوله|محادثات|مباحثات|talks|meeting|round|pourparlers|réunion|"
                         r"négociations|rencontre|cycle", re.I)
RENAMED = re.compile(r"(?<![\w])(?:renamed|formerly|previously\s+(?:known|called)|former\s+name|once\s+called|"
                     r"سابقا|الاسم\s+السابق|اسمها\s+السابق|استعادت\s+اسمها|اعيدت\s+تسميتها|اعيد\s+تسميتها|"
                     r"تغير\s+اسمها|غيرت\s+اسمها|بات\s+اسمها|اصبح\s+اسمها|حاليا)(?![\w])", re.I)
# Several places joined by "or" / "أو": a list of options, not the venue.
OPTIONS = re.compile(r"(?<![\w])(?:or|او|أو|ou)(?![\w])", re.I)
FUTURE = re.compile(r"(?<![\w])(?:سيعقد|ستعقد|سينعقد|ستنعقد|سيكون|ستكون|المقبل|المقبله|القادم|القادمه|will|would|"
                    r"next|upcoming|planned|scheduled|due|prochaine?|prévue?s?|se\s+tiendra|aura\s+lieu|"
                    r"[وف]?س[يتن](?:جتمع|لتقي|عقد|نعقد|نطلق|ستضيف|حتضن|جري|شارك)\w*)(?![\w])", re.I)  # "فيما سيجتمع"
# what follows a dateline's city: a dash, a colon, a comma and the date, or the agency in brackets
DATELINE_END = re.compile(r"\s*(?:[-—–:,(/]|\d|[^\W\d_]+\s+\d)", re.I)
DATED_DATELINE_END = re.compile(r"\s*(?:,\s*[^\W\d_]+\.?\s+\d|\(|[-—–])", re.I)
CLAUSE_END = re.compile(r"[.,;:()]|(?<![\w])(?:while|whereas|after|before|فيما|بينما|بعد|قبل|tandis|alors|après|avant)(?![\w])",
                        re.I)


MEETING_WORD = re.compile(r"(?<![\w])(?:at|in|during|خلال|في)\s+(?:a|the|ال)?\s*(?:meeting|talks|round|اجتماع|جوله)(?![\w])",
                          re.I)


def _header(ctx: _Ctx, pa: int, pb: int) -> bool:
    """"International Meeting on Syria, Sochi, July 30-31, 2018": a statement's header, the meeting's name, the
    city, the dates."""
    f = ctx.folded.text
    before = re.search(r"[,،]\s*$", f[max(0, pa - 4):pa])
    if not before or not re.match(r"\s*[,،]\s*(?:\d|[^\W\d_]+\s+\d)", f[pb:pb + 20]):
        return False
    name = _words_re(ctx.series.names + ctx.series.round_words)
    return any(m.end() >= pa - 4 for m in name.finditer(f, max(0, pa - 60), pa))


def _BODY_NEAR(ctx: _Ctx, text: str) -> bool:
    """Another body (the Constitutional Committee, the congress) named around the place."""
    from ..events import _body_at

    return _body_at(ctx.kb, text) is not None


def _options(ctx: _Ctx, places) -> bool:
    """Places joined by "or" ("Moscow, Ankara or Tehran"): a list of options, not the venue. The "or" must
    stand between two places named close together, not anywhere in the sentence."""
    f = ctx.folded.text
    spans = sorted((_fpos(ctx, m.span[0]), _fpos(ctx, m.span[0]) + len(fold(m.printed))) for m in places)
    return any(b[0] - a[1] <= 40 and OPTIONS.search(f[a[1]:b[0]]) for a, b in zip(spans, spans[1:]))


@register
class Venue(SlotType):
    name = "venue"
    title = "venue"

    def extract(self, ctx: _Ctx) -> list[SlotValue]:
        dateline = self._dateline(ctx)
        if dateline:
            return dateline
        f = ctx.folded.text
        # a sentence about the round's meeting; or one where its delegations arrive ("وصل إلى أستانا وفد سورية"),
        # which need not name the talks
        arrivals_only = not ctx.about_talks and bool(DELEGATION.search(f))
        if ctx.about is not About.THIS or not (ctx.about_talks or arrivals_only) or ctx.hypothetical:
            return []
        if not (_HOLD.search(f) or MEETING_CUE.search(f) or arrivals_only):
            return []
        talk = _words_re(ctx.series.talk_words + ctx.series.round_words)
        places = [m for m in ctx.kb.find(ctx.sentence.text, "place", ctx.sentence.start)]
        if len(places) >= 3 and _options(ctx, places):
            return []
        hosts = {r.venue for r in ctx.series.rounds} | {ctx.series.usual_venue}
        # a country whose capital hosts the series ("انطلقت في كازاخستان الجولة السابعة") is a host too
        hosts |= {k for k, p in ctx.kb.places.items() if p.kind == "country" and p.capital in hosts}
        other_series = [s for s in ctx.kb.series.values() if s.key != ctx.series.key]
        out = []
        for m in places:
            pa = _fpos(ctx, m.span[0])
            pb = pa + len(fold(m.printed))
            if pa >= ctx.first_next or _is_talks_name(f, pa, pb, talk, m.key in ctx.series.name_places):
                continue
            if arrivals_only and not _arrival_cue(f, pa):
                continue
            if not (_location_cue(f, pa) or _prefixed(f, pa) or _hosting(f, pa, pb) or _arrival_cue(f, pa)
                    or _header(ctx, pa, pb)):
                continue
            if TITLE.search(f[max(0, pa - 30):pa]):
                continue  # "Iraq's ambassador in Moscow": part of a title, not a venue
            known = ctx.series.round(ctx.event_round)
            if known and known.venue and m.key != known.venue:
                # not where the calendar puts this round: only where the sentence names the round, speaks of
                # no other body, and the place is not announced for later ("will be held in July in Sochi")
                if not ctx.names_own_round or _BODY_NEAR(ctx, f) or FUTURE.search(f[max(0, pa - 60):pb + 30]):
                    continue  # "… while the delegations will meet in Sochi next month": a later meeting
            clause_start = max([0] + [c.end() for c in CLAUSE_END.finditer(f[:pa])])
            clause = f[clause_start:pa]
            # from the last meeting word before the place: "(setting up a constitutional committee) at a meeting
            # in the Kazakh capital" is the talks' meeting, "a meeting of the committee in Geneva" the committee's
            meeting_word = max((x.start() for x in MEETING_WORD.finditer(f, max(clause_start, pa - 80), pa)), default=0)
            if _BODY_NEAR(ctx, f[max(clause_start, pa - 80, meeting_word):pb + 40]):
                continue  # the congress, the committee, a summit: another body's venue
            if m.key not in hosts:
                # a place the series never met in: only when the clause itself says the round met there
                if any(m.key in s.name_places for s in other_series):
                    continue
                if not (_HOLD.search(clause) and re.search(r"جوله|اجتماع|محادثات|round|meeting|talks", clause, re.I)):
                    continue
            place = ctx.kb.places[m.key]
            if place.kind == "country":
                if not place.capital:
                    continue
                out.append(SlotValue(self.name, "", place.capital, m.printed, ctx.sentence.id, m.span, weak=True,
                                     note=f"country named ({place.key}); its capital assumed"))
            else:
                out.append(SlotValue(self.name, "", place.key, m.printed, ctx.sentence.id, m.span))
        return out

    def _dateline(self, ctx: _Ctx) -> list[SlotValue]:
        """"ASTANA, May 4 (TASS) –", "أستانا- سبوتنيك", "نور سلطان أول أغسطس 2019 (شينخوا)": a story filed from
        the round's host city while the round is on was written at the venue."""
        known = ctx.series.round(ctx.event_round)
        pub = PubDate.parse(ctx.article.published)
        if ctx.sentence.index > 5 or not known or not pub or not pub.as_date \
                or not (known.start - timedelta(days=1) <= pub.as_date <= known.end + timedelta(days=1)):
            return []
        f = ctx.folded.text
        for m in ctx.kb.find(ctx.sentence.text, "place", ctx.sentence.start):
            pa = _fpos(ctx, m.span[0])
            pb = pa + len(fold(m.printed))
            # after a page's furniture (headline, "All news") only a city then a date, an agency or a dash
            ending = DATELINE_END if ctx.sentence.index <= 1 else DATED_DATELINE_END
            if m.key == known.venue and not f[:pa].strip(" \"'“«") and ending.match(f[pb:pb + 12]):
                return [SlotValue(self.name, "", m.key, m.printed, ctx.sentence.id, m.span, note="dateline")]
        return []

    def finish(self, facts: ArticleFacts, kb: Knowledge) -> None:
        on, basis = reference_date(facts, kb)
        for s in facts.get(self.name):
            place = kb.places.get(s.value)
            if place is None or on is None or s.weak:
                s.name_status = "unchecked"
                continue
            s.name_status, reason = place.name_status(s.printed, on)
            pub = PubDate.parse(facts.article.published)
            if s.name_status == "outdated" and pub and pub.as_date and pub.as_date < on \
                    and place.name_status(s.printed, pub.as_date)[0] == "valid":
                # a preview written before the rename used the name of its day: no naming error
                s.name_status, reason = "valid", f"'{s.printed}' was the name when the article was written ({pub.as_date})"
            if s.name_status == "outdated" and RENAMED.search(fold(facts.article.sentence(s.sentence_id).text)):
                # "in Nur-Sultan, which was renamed Astana", "أستانا (نور سلطان سابقا)": the outlet names the
                # rename itself; the old name is history, not a naming error
                s.name_status, reason = "renamed", f"{reason}; the sentence names the rename"
            if reason:
                s.reason = f"{reason}; checked against {basis}"

    def representative(self, values: list[SlotValue]) -> list[SlotValue]:
        # a city's name before its description ("the Kazakh capital"), before a country
        # the name of the day before the old one, but a name outdated on the round's date wherever the
        # article uses one: "NUR-SULTAN, December 11" over "held in Kazakhstan's capital of Astana" would
        # hide the outlet's naming error behind its dateline
        named = sorted((v for v in values if not v.weak and v.name_status != "descriptive"),
                       key=lambda v: (v.name_status != "outdated", v.name_status == "renamed"))
        strong = [v for v in values if not v.weak]
        return (named or strong or values)[:1]

    def compare(self, a: SlotValue, b: SlotValue, kb: Knowledge) -> Comparison:
        if a.value != b.value:
            if a.weak or b.weak:
                return Comparison(Status.CANNOT_COMPARE, Label.CANNOT_COMPARE,
                                  f"a country against a city ({a.printed} / {b.printed})")
            return Comparison(Status.CONFLICT, Label.DIFFERENT_VENUE, f"different places ({a.printed} vs {b.printed})")
        outdated = [v for v in (a, b) if v.name_status == "outdated"]
        if len(outdated) == 1:
            return Comparison(Status.CONFLICT, Label.NAMING_CONFLICT, outdated[0].reason or "outdated name")
        return AGREE


def reference_date(facts: ArticleFacts, kb: Knowledge) -> tuple[date | None, str]:
    """The date a venue name is checked against: the article's own dates, the
    series calendar, or the publication date, in that order."""
    from .dates import event_span

    span = event_span(facts.get("dates"))
    if span:
        return span[0], "the article's dates"
    event = facts.event
    known = kb.series[event.series].round(event.round) if event and event.series else None
    if known:
        return known.start, f"the known dates of round {event.round}"
    pub = PubDate.parse(facts.article.published)
    if pub:
        return date(pub.year, pub.month or 1, pub.day or 1), "the publication date"
    return None, ""
