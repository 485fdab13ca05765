"""Next round: the round announced to follow this one, with its number, when
and where (each compared on its own key). Values are about the next event
(about=next). A place still "to be decided" never conflicts."""
from __future__ import annotations

import re

from ..knowledge import Knowledge
from ..normalize import fold
from .base import (AGREE, HYPOTHETICAL, TBD, About, Comparison, Label, SlotValue, Status, _Ctx, _fpos, _is_talks_name,
                   _location_cue, _names_only_another_series, _prefixed, _span)
from ..events import _bodies_re, _body_at
from .dates import OTHER_MEETING, compare_times, time_value
from .registry import SlotType, register
from ..events import _words_re


UNDERWAY = re.compile(r"(?<![\w])(?:(?:is|are)\s+(?:currently\s+|now\s+)?(?:underway|under\s+way|being\s+held|taking\s+place)|"
                      r"جاريه|تجري\s+حاليا|منعقده)(?![\w])", re.I)
POSTPONED = re.compile(r"(?<![\w])(?:(?:was|were|been)\s+(?:delayed|postponed|put\s+off)|تم\s+تاجيل\w*|تاجل\w*|ارجي\w*)(?![\w])",
                       re.I)
HOPE = re.compile(r"(?<![\w])(?:hope\w*|wish\w*|يامل|تامل|يأمل|تأمل|الامل|امله|املها|نامل)(?![\w])", re.I)


def announcements(ctx: _Ctx, kind: str, slot: str) -> list[SlotValue]:
    """when/where (and the number, for rounds) after each announcement of `kind`, up to the next one."""
    if ctx.about in (About.BACKGROUND, About.PREVIOUS):
        return []  # what the previous round announced as next is the article's own round
    own = ctx.series.round(ctx.event_round)
    if ctx.preview:
        return []  # a preview: "the next meeting" it announces is the article's own round
    f = ctx.folded.text
    talk = _words_re(ctx.series.talk_words + ctx.series.round_words)
    out = []
    for i, (k, a, b, number) in enumerate(ctx.nexts):
        if k != kind:
            continue
        limit = ctx.nexts[i + 1][1] if i + 1 < len(ctx.nexts) else len(f)
        other = _bodies_re(ctx.kb).search(f, b, limit) if _bodies_re(ctx.kb) else None
        if other:
            limit = other.start()  # "…, and the next session of the joint working group in Tehran": another body's
        if HYPOTHETICAL.search(f[max(0, a - 40):min(limit, b + 80)]) or HOPE.search(f[max(0, a - 60):a]):
            continue  # "the next round could be moved to …", "hoped the next meeting would be in …": no announcement
        if _body_at(ctx.kb, f[b:b + 45]):
            continue  # "the next meeting of the joint working group": another body's meeting
        if OTHER_MEETING.search(f[a:b + 25]):
            continue  # "من المقرر أن يعقد اجتماع عمل …", "a technical meeting": not the next round
        if _names_only_another_series(f[b:min(limit, b + 40)], ctx.series, ctx.kb):
            continue  # "welcome the next round of the Geneva talks": another process's round
        if _other_series_place(ctx, b, limit):
            continue  # "preparing for the next round of the political process in Geneva": another process's round
        if number is not None and number == ctx.event_round:
            continue  # "the upcoming 11th meeting" in a story on round 11: its own round
        if UNDERWAY.search(f[b:min(limit, b + 60)]) \
                or POSTPONED.search(f, b, limit):
            continue  # "the next round … is currently underway", "was scheduled for March but was delayed"
        first = next((t for t in ctx.times if b <= _fpos(ctx, t.span[0]) < limit and t.resolved), None)
        if own and first and first.start <= own.end and own.start <= first.end and (first.end - first.start).days <= 7:
            continue  # "the next round was expected on February 15-16": the article's own round, not the one after
        if own and first and first.start <= own.start and own.end <= first.end and not ctx.article.published \
                and (first.end - first.start).days <= 31:
            continue  # a page with no date: "the next round … in July" and the own round met in July: that round
        s0, e0, printed = _span(ctx, a, b)
        if kind == "round":
            n = number if number and number != ctx.event_round else (ctx.event_round + 1 if ctx.event_round else None)
            if n:
                out.append(SlotValue(slot, "round", str(n), printed, ctx.sentence.id, (s0, e0), about=About.NEXT,
                                     weak=number is None))
        for t in ctx.times:
            if b <= _fpos(ctx, t.span[0]) < limit and t.resolved:
                if HYPOTHETICAL.search(f[b:_fpos(ctx, t.span[0])]):
                    break  # "… the next meeting. The meeting could be held in mid-September"
                tb = _fpos(ctx, t.span[1] - 1) + 1
                after = f[tb:tb + 60]
                after = re.split(r"[،,]\s*(?:و|and\s)|;|؛|(?<![\w])(?:while|whereas|بينما|فيما)(?![\w])", after)[0]
                if _body_at(ctx.kb, f[b:tb] + after) and not _body_at(ctx.kb, f[max(0, a - 60):a]):
                    continue  # "set January 29-30 as the date of the Sochi congress": another body's date
                out.append(time_value(slot, "when", t, ctx, About.NEXT))
                break
        places = ctx.kb.find(ctx.sentence.text, "place", ctx.sentence.start)
        for i, m in enumerate(places):
            pa = _fpos(ctx, m.span[0])
            pb = pa + len(fold(m.printed))
            if b <= pa < limit and not _is_talks_name(f, pa, pb, talk) and (_location_cue(f, pa) or _prefixed(f, pa)) \
                    and not OTHER_MEETING.search(f[max(b, pa - 60):pa]):  # "preparatory meetings in Tehran"
                named = places[i + 1] if i + 1 < len(places) else None
                if named and named.key == m.key and named.span[0] - m.span[1] <= 3 \
                        and all(e.descriptive for e in ctx.kb.places[m.key].era_of(m.printed)):
                    m = named  # "في عاصمة كازاخستان نور سلطان": the name the outlet gives
                place = ctx.kb.places[m.key]
                out.append(SlotValue(slot, "where", m.key, m.printed, ctx.sentence.id, m.span, about=About.NEXT,
                                     weak=place.kind == "country"))
                break
        else:
            tbd = TBD.search(f[b:limit])
            if tbd:
                s1, e1, printed_tbd = _span(ctx, b + tbd.start(), b + tbd.end())
                out.append(SlotValue(slot, "where", "to be decided", printed_tbd, ctx.sentence.id, (s1, e1),
                                     about=About.NEXT))
    return out


def _other_series_place(ctx: _Ctx, b: int, limit: int) -> bool:
    """The first place the announcement names is where only another series meets (Geneva)."""
    f = ctx.folded.text
    for m in ctx.kb.find(ctx.sentence.text, "place", ctx.sentence.start):
        pa = _fpos(ctx, m.span[0])
        if b <= pa < limit and (_location_cue(f, pa) or _prefixed(f, pa)):
            return m.key not in ctx.series.name_places and any(
                m.key in s.name_places for s in ctx.kb.series.values() if s.key != ctx.series.key)
    return False


def compare_announced(a: SlotValue, b: SlotValue, slot_title: str, kb: Knowledge | None = None) -> Comparison:
    if a.key == "when":
        c = compare_times(a, b)
        if c.status is Status.CONFLICT:
            # a month or a year written wrong keeps its label; anything coarser is a different timing
            label = c.label if c.label in (Label.WRONG_MONTH, Label.WRONG_YEAR, Label.DAYS_OFF_BY_ONE) \
                else Label.DIFFERENT_TIMING
            return Comparison(Status.CONFLICT, label,
                              f"different timing for the {slot_title}: {a.printed} ({a.value}) vs {b.printed} ({b.value})")
        return c
    if a.value == b.value or "to be decided" in (a.value, b.value):
        return AGREE
    if a.weak or b.weak:
        # "in Kazakhstan" and "in Astana": the city says more, and says the same
        places = kb.places if kb else {}
        if any(places.get(x.value) and places[x.value].country == y.value for x, y in ((a, b), (b, a))):
            return Comparison(Status.AGREE, Label.WITHIN_SPAN, f"{a.printed} / {b.printed}: the city is in the country")
        return Comparison(Status.CANNOT_COMPARE, Label.CANNOT_COMPARE, f"{a.printed} / {b.printed}")
    label = Label.DIFFERENT_PLACE if a.key == "where" else Label.DIFFERENT_NUMBER
    return Comparison(Status.CONFLICT, label, f"{a.printed} vs {b.printed}")


class Announced(SlotType):
    """What is announced to come next (a round, a summit): number / when / where, about the next event."""
    about = About.NEXT
    keyed = True
    kind = "round"

    def extract(self, ctx: _Ctx) -> list[SlotValue]:
        return announcements(ctx, self.kind, self.name)

    def compare(self, a: SlotValue, b: SlotValue, kb: Knowledge) -> Comparison:
        return compare_announced(a, b, self.title, kb)

    def representative(self, values: list[SlotValue]) -> list[SlotValue]:
        """As for every slot type, the first stated; but a time the article narrows later ("in May", then
        "on May 3-4") is given by its narrowest statement."""
        out = super().representative(values)
        for i, v in enumerate(out):
            if v.key == "when" and v.start:
                inside = [w for w in values if w.key == "when" and w.start and v.start <= w.start and w.end <= v.end]
                out[i] = min(inside, key=lambda w: (w.end - w.start, values.index(w)), default=v)
        return out


@register
class NextRound(Announced):
    name = "next_round"
    title = "next round"
    kind = "round"
