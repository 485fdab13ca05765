"""Dates: when the article's own round met.

Time expressions are resolved against the publication date (weekdays,
"yesterday", "this month"); a value that cannot be resolved to a year is not a
value and is never compared. Only sentences about this round count: the
talks' history ("since January 2017") is background, and a previous round's
dates are kept apart (about=previous). Two dates agree when one falls within
the other (opening day against the whole meeting).
"""
from __future__ import annotations

from datetime import date, timedelta

from ..knowledge import Knowledge
import re

from ..events import _words_re
from ..normalize import fold
from ..timeexpr import ANCHORS, WEEKDAYS, PubDate, _alt, coming_weekday
from .base import (AGREE, ARRIVAL, HOLD_VERBS, HOSTING, About, ArticleFacts, Comparison, Label, SlotValue, Status, _clauses, _Ctx,
                   _fpos, other_round)
from .registry import SlotType, register


# verbs of holding, opening, lasting and closing a meeting, with the prefixes Arabic joins to them
_HOLD = _words_re(HOLD_VERBS + HOSTING + ("تنطلق", "ينطلق", "انطلاق", "اختتام", "ختام", "بدء", "يعقد", "تعقد", "ينعقد",
                                         "تبدا", "يبدا", "ستبدا", "سيبدا", "بدا", "تستمر", "يستمر", "ستستمر",
                                         "سيستمر", "تتواصل", "يتواصل", "meet", "met", "meets", "starts", "start",
                                         "opens", "ends", "closes", "continue", "continues", "lasts", "last", "begin",
                                         "begins", "اتفقت", "اتفق", "agreed", "signed", "وقعت", "انتهاء",
                                         # the future with its prefix: "التي ستعقد يومي السابع والثامن"
                                         "ستعقد", "سيعقد", "ستنعقد", "سينعقد", "ستنطلق", "سينطلق", "ستجري", "سيجري",
                                         "تجري", "يجري", "ستختتم", "سيختتم"))
MEETING = re.compile(r"جوله|اجتماع|لقاء|محادثات|مباحثات|مفاوضات|round|meeting|talks|session|negotiations", re.I)
# a weekday or "today" next to a verb of saying dates the statement, not the meeting
SPEECH = re.compile(r"(?<![\w])(?:[وف]?س?(?:يصل|تصل|قال|قالت|اعلن|اعلنت|اكد|اكدت|صرح|صرحت|اوضح|اوضحت|اضاف|اضافت|ذكر|ذكرت|افاد|افادت|"
                    r"كشف|كشفت|نقل|نقلت|توقع|يتوقع|وصل|وصلت|وصول|جدد|جددت|شدد|شددت|نفي|نفت)|said|says|told|announced|stated|added|noted|reported|"
                    r"according|expected|arrived|arrives|arrival)(?![\w])", re.I)


BOUND = re.compile(r"(?<![\w])(?:before|after|until|till|by|قبل|بعد|حتي|منذ|avant|après|jusqu'au|jusqu'à|d'ici|depuis)"
                   r"\s+(?:the\s+|le\s+|la\s+)?$", re.I)
# Meetings that are not the round itself, or that did not take place as planned.
OTHER_MEETING = re.compile(r"(?<![\w])(?:(?:ال|لل|ل)?(?:فنيه|فني|خبراء|تقنيه|تقني|تحضيري\w*)|(?:ال)?اجتماع\w*\s+عمل|"
                           r"working[\s-]+(?:level\s+)?meetings?|"
                           r"(?:technical|expert|experts'?|preparatory)(?:[\s-]+level)?\s+(?:meeting|talks|consultations|"
                           r"group|session|round)s?|(?:at|on)\s+the\s+(?:expert|technical)\s+level|"
                           r"كان\s+مقررا|كان\s+من\s+المقرر|was\s+(?:scheduled|supposed|due|expected)|had\s+been\s+scheduled|"
                           r"devai(?:en)?t|était\s+prévue?|étaient\s+prévue?s|"
                           # the expected end of a round under way is a plan, not its dates
                           r"(?:are|is)\s+expected\s+to\s+(?:end|conclude|wrap\s+up|close)|"
                           r"devrai(?:en)?t\s+(?:s'accomplir|s'achever|prendre\s+fin|se\s+terminer|se\s+conclure))(?![\w])",
                           re.I)
# the meeting itself named right after the day ("اليوم الخميس في الجلسة العامة", "on Friday at the plenary")
AT_SESSION = re.compile(r"^\s*,?\s*(?:في|خلال|at|during)\s+(?:the\s+)?(?:ال)?(?:جلسه|اجتماع|plenary|closing|session|meeting)",
                        re.I)


def _other_series_place(ctx: _Ctx, text: str) -> bool:
    """A place where another series meets, named right before a date."""
    keys = {k for s in ctx.kb.series.values() if s.key != ctx.series.key for k in s.name_places}
    keys -= set(ctx.series.name_places)
    return any(m.key in keys for m in ctx.kb.find(text, "place"))


# a date that names a document or an accord ("the July 1, 2020, agreement", "اتفاق 5 آذار")
DOCUMENT_AFTER = re.compile(r"\s*,?\s*(?:agreement|accord|memorandum|deal|ceasefire|truce|decision)(?![\w])", re.I)
DOCUMENT_BEFORE = re.compile(r"(?<![\w])(?:ال)?(?:اتفاق|اتفاقيه|مذكره|هدنه|قرار)\s+(?:(?:ال)?\w+\s+)?$", re.I)


# another event's date: a bombing or an attack (with its place) right before the date, or a ceasefire with a
# clause of its own
EVENT_BEFORE = re.compile(
    r"(?<![\w])(?:(?:ال)?تفجير\w*|(?:ال)?هجوم|(?:ال)?هجمات|(?:ال)?قصف|(?:ال)?انفجار|(?:ال)?اغتيال|attacks?|bombings?|blasts?|"
    r"explosions?)\s+(?:\S+\s+){0,2}(?:يوم\s+|on\s+)?(?:\S+\s+)?$"
    r"|(?<![\w])(?:وقف\s+اطلاق\s+النار|(?:ال)?هدنه|ceasefire|truce)\s+(?:الذي|التي|which|that)\s+(?:\S+\s+){0,10}$"
    r"|(?<![\w])(?:deadline|(?:ال)?مهله)\s+(?:\S+\s+){0,8}$", re.I)  # "the deadline … set for March 20"
# an agency dateline in brackets: "MOSCOW (UrduPoint News / Sputnik - " before the date
BRACKET_DATELINE = re.compile(r"^\W*[A-Z]{3,}(?:[ .'’-]+[A-Z]{2,})*(?:,\s*[A-Za-z ]+)?\s*\([^()]*$")  # a city in capitals


def _dates_the_meeting(ctx: _Ctx, t) -> bool:
    """A time in a clause about the meeting (not an experts' meeting, not a plan that fell through);
    not the day a statement was made; a bare weekday also needs no verb of saying in its clause."""
    a = _fpos(ctx, t.span[0])
    clauses = _clauses(ctx.folded.text)
    i = next((i for i, (ca, cb) in enumerate(clauses) if ca <= a < cb), None)
    clause = ctx.folded.text if i is None else ctx.folded.text[clauses[i][0]:clauses[i][1]]
    clause_start = clauses[i][0] if i is not None else 0
    if i is not None and _only_times(ctx, clauses[i]):
        # "انطلقت، اليوم الثلاثاء، في مدينة سوتشي أعمال الجولة", "، اليوم الأربعاء وغدا الخميس،": times set off by
        # commas go with their neighbours
        clause_start = clauses[max(0, i - 1)][0]
        clause = ctx.folded.text[clause_start:clauses[min(len(clauses) - 1, i + 1)][1]]
    if OTHER_MEETING.search(ctx.folded.text[max(0, a - 80):a + 60]):
        return False
    if a <= 25 and re.match(r"\s*,?\s*(?:\(?[a-z]+\)?\s*)?[-—]|\s*,\s*[a-z]+\s*[-—]", ctx.folded.text[_fpos(ctx, t.span[1] - 1) + 1:], re.I):
        return False  # "Moscow, Feb 15, IRNA - …": the dateline's date is the story's, not the meeting's
    if _other_series_place(ctx, ctx.folded.text[max(0, a - 50):a]):
        return False  # "a meeting in Geneva scheduled for February 23rd"
    b = _fpos(ctx, t.span[1] - 1) + 1
    if BOUND.search(ctx.folded.text[max(0, a - 12):a]):
        return False  # "no meeting before 21 March": a bound, not the meeting's date
    if DOCUMENT_AFTER.match(ctx.folded.text[b:b + 30]) or DOCUMENT_BEFORE.search(ctx.folded.text[max(0, a - 30):a]):
        return False  # "their July 1, 2020, agreement", "مذكرة 4 أيار": the date of a document, not a meeting
    if EVENT_BEFORE.search(ctx.folded.text[max(0, a - 70):a]):
        return False  # "تفجيرات دمشق يوم السبت 11 آذار", "the ceasefire that took effect on 30 December"
    s0 = t.span[0] - ctx.sentence.start
    if BRACKET_DATELINE.match(ctx.sentence.text[:s0]) and re.match(r"\s*\)", ctx.sentence.text[t.span[1] - ctx.sentence.start:]):
        return False  # "MOSCOW (UrduPoint News / Sputnik - 13th June, 2019)": the story's date
    if _HOLD.search(ctx.folded.text[max(0, a - 18):a]) or MEETING.search(ctx.folded.text[max(0, a - 12):a]) \
            or AT_SESSION.match(ctx.folded.text[b:b + 30]):
        # "التي بدأت الخميس", "opened on Monday", "انتهاء اجتماع اليوم", "said on Thursday at the plenary":
        # the verb or the meeting itself goes with the day
        return True
    lead = i is not None and a - clauses[i][0] <= 5 and i > 0
    said = SPEECH.search(ctx.folded.text[clauses[i - 1][0]:clauses[i - 1][1]]) if lead else None
    after = SPEECH.search(ctx.folded.text[b:b + 25])
    if after is None and i is not None and a - clauses[i][0] <= 4:
        # "On July 2, the defence ministry reported that …": a date leading a clause whose verb is one of
        # saying is the day of the statement
        later = SPEECH.search(ctx.folded.text[b:b + 70])
        if later and not (_HOLD.search(ctx.folded.text[b:b + later.start()])
                          or MEETING.search(ctx.folded.text[b:b + later.start()])):
            after = later
    if after and after.group().lower().startswith("according"):
        after = None  # "… on 16-17 February, according to TASS": the whole sentence's source
    if said or SPEECH.search(ctx.folded.text[max(0, a - 60):a]) or after:
        return False  # "the State Department said on Friday (13 January)", "on 4 January X announced": a statement's day
    if ARRIVAL.search(ctx.folded.text[clause_start:a]) and not _HOLD.search(clause):
        return False  # "delegations started arriving … on Monday", "وصل الوفد أمس": the day of arrival
    if re.search(r"\d", t.text):
        return True
    # a verb of saying before the time in its clause makes it the statement's day; one after it
    # ("تنطلق اليوم مفاوضات … ويتوقع أن") says nothing about the time
    return bool(_HOLD.search(clause) or MEETING.search(clause)) and not SPEECH.search(
        ctx.folded.text[clause_start:b])


def _only_times(ctx: _Ctx, clause: tuple[int, int]) -> bool:
    """The clause holds nothing but times and a conjunction (", اليوم الأربعاء وغدا الخميس,")."""
    words = len(re.findall(r"\w+", ctx.folded.text[clause[0]:clause[1]]))
    timed = sum(len(re.findall(r"\w+", x.text)) for x in ctx.times
                if clause[0] <= _fpos(ctx, x.span[0]) < clause[1])
    return words - timed <= 2


def time_value(slot: str, key: str, t, ctx: _Ctx, about: About) -> SlotValue:
    return SlotValue(slot, key, t.label, t.text, ctx.sentence.id, t.span, about=about, start=t.start, end=t.end,
                     granularity=t.granularity, note=t.note)


@register
class Dates(SlotType):
    name = "dates"
    title = "dates"

    def extract(self, ctx: _Ctx) -> list[SlotValue]:
        if not ctx.about_talks or not (ctx.about in (About.THIS, About.PREVIOUS) or ctx.recalled):
            return []
        out = []
        own = ctx.series.round(ctx.event_round)
        explicit = [t for t in ctx.times if re.search(r"\d", t.text)]
        pub = PubDate.parse(ctx.article.published)
        # the earliest day the story can have been written (a month-only date: the month's first day)
        written = (pub.as_date or date(pub.year, pub.month or 1, 1)) if pub else None
        for t in ctx.times:
            if not re.search(r"\d", t.text) and any(abs(e.span[0] - t.span[1]) <= 3 or abs(t.span[0] - e.span[1]) <= 3
                                                    for e in explicit):
                continue  # "يوم الخميس 16 فبراير": the weekday goes with the explicit date
            if not t.resolved or t.granularity not in ("day", "month"):
                continue
            if (ctx.about is About.THIS or ctx.recalled) and _fpos(ctx, t.span[0]) >= ctx.first_next:
                continue  # what comes after an announcement is about the next round
            if not _dates_the_meeting(ctx, t) or _of_another_body(ctx, t):
                continue
            t = _coming_weekday(ctx, t)
            about = ctx.about
            if about is About.THIS and own and other_round(ctx.series, t, own):
                about = About.BACKGROUND  # the dates of another known round, recalled
            elif about is About.THIS and own and t.relative == "past" and t.end < own.start:
                about = About.BACKGROUND  # "18-19 April last": something before the round
            elif about is About.THIS and own and t.start > own.end and (
                    (t.relative == "next" and not ctx.preview) or (written and written > own.end and t.start > written)):
                # "8 February next", or a day still ahead in a story written after the round ended:
                # something after the round
                about = About.BACKGROUND
            elif about is About.THIS and own and ctx.preview and written and t.end < written:
                about = About.BACKGROUND  # a day already past in a story written before the round
            elif about is About.THIS and own and _far(t, own) and not ctx.names_own_round and not ctx.preview:
                # weeks away from the round's known dates, in a sentence that does not name the round:
                # another occasion (a congress, a summit, a ministers' call), not this round's dates
                about = About.BACKGROUND
            value = time_value(self.name, "", t, ctx, about)
            if about is not About.THIS and ctx.recalled:
                value.round = ctx.recalled  # "the first round, held on 23-24 January": checked against the calendar
            out.append(value)
        return out

    def representative(self, values: list[SlotValue]) -> list[SlotValue]:
        merged = dates_value(values)
        return [merged] if merged else []

    def compare(self, a: SlotValue, b: SlotValue, kb: Knowledge) -> Comparison:
        return compare_times(a, b)


def _coming_weekday(ctx: _Ctx, t):
    """A bare weekday is resolved to the last such day before publication; in a clause that speaks of
    what is ahead ("talks will open on Monday") it is the coming one."""
    a = _fpos(ctx, t.span[0])
    clause = next((ctx.folded.text[ca:cb] for ca, cb in _clauses(ctx.folded.text) if ca <= a < cb), "")
    # in a clause about what is ahead, or in a preview, where the round itself is still ahead
    return coming_weekday(t, clause, ctx.article.published, ctx.preview)


def _far(t, own, days: int = 20) -> bool:
    """No part of the time lies within `days` of the round's known dates (a month: no day of it is the round's)."""
    if t.granularity == "month":
        return t.end < own.start or t.start > own.end
    return t.end < own.start - timedelta(days=days) or t.start > own.end + timedelta(days=days)


INNER_STOP = re.compile(r"(?<![\s.][A-Z])[.!?؟](?=\s)")  # not after an initial ("Stuart E. Jones", "U.S.")


def _of_another_body(ctx: _Ctx, t) -> bool:
    """'setting January 29 and 30 as the date of the Sochi congress': the date belongs to another body
    (named near it, or anywhere in the sentence when the date is not the round's known one)."""
    from ..events import _body_at

    text = ctx.sentence.text
    a, b = t.span[0] - ctx.sentence.start, t.span[1] - ctx.sentence.start
    # within the inner sentence: a quote of several sentences is segmented as one ("… the Constitutional
    # Committee. At the end of next month the 11th round is scheduled")
    lo = max((m.end() for m in INNER_STOP.finditer(text, 0, a)), default=0)
    hi = next((m.start() + 1 for m in INNER_STOP.finditer(text, b)), len(text))
    if _body_at(ctx.kb, text[max(lo, a - 60):min(hi, b + 60)]) is not None:
        return True
    own = ctx.series.round(ctx.event_round)
    outside = own is not None and t.resolved and not (t.start <= own.end and own.start <= t.end)
    return outside and _body_at(ctx.kb, text[lo:hi]) is not None


def event_span(values: list[SlotValue]) -> tuple[date, date] | None:
    days = [(s.start, s.end) for s in values if s.start]
    if not days:
        return None
    return min(d[0] for d in days), max(d[1] for d in days)


def dates_value(values: list[SlotValue] | ArticleFacts) -> SlotValue | None:
    """One value per article for its round's dates: the span its date mentions cover."""
    if isinstance(values, ArticleFacts):
        values = values.get("dates")
    values = [s for s in values if s.start]
    if not values:
        return None
    # the first day-precise date stated anchors the value; dates within a few days of it
    # (opening day, closing day) extend it; a month alone counts only when no day is given
    days = sorted((s for s in values if s.granularity == "day"), key=lambda s: s.span)
    if days:
        anchor = days[0]
        values = [s for s in days if s.start <= anchor.end + timedelta(days=3) and anchor.start - timedelta(days=3) <= s.end
                  # a written date is not stretched by a day named only relative to the page ("talks yesterday
                  # on the agenda" beside "opened on 14 March"): that day may be another meeting's
                  and (s is anchor or relative_day(anchor) or not relative_day(s)
                       or anchor.start <= s.start <= s.end <= anchor.end)]
    else:
        values = [min(values, key=lambda s: s.span)]
    start, end = event_span(values)
    months = all(s.granularity == "month" for s in values)
    widest = max(values, key=lambda s: s.end - s.start)
    first = min(values, key=lambda s: s.span)
    label = widest.value if months else start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"
    return SlotValue("dates", "", label, widest.printed if widest.value == label else first.printed,
                     widest.sentence_id, widest.span, start=start, end=end, granularity="month" if months else "day",
                     # the values' own notes travel with them ("paired month names disagree")
                     note="; ".join(dict.fromkeys([" + ".join(dict.fromkeys(s.value for s in values))] * (len(values) > 1)
                                                  + [s.note for s in values if s.note])))


RELATIVE_WORD = re.compile(rf"(?<![\w])(?:{ANCHORS}|{_alt(WEEKDAYS)})(?![\w])", re.I)  # a day counted from the page's
# the outlet's own misprints (timeexpr's notes): flagged against any other value
MISPRINTS = {"paired month names disagree": Label.WRONG_MONTH, "reversed day range": Label.DIFFERENT_DATES,
             "weekday does not match its date": Label.DIFFERENT_DATES}


def relative_day(v: SlotValue) -> bool:
    """A day named only relative to the page's date ("today", "on Tuesday"), with no date written."""
    return v.granularity == "day" and not re.search(r"\d", v.printed) and bool(RELATIVE_WORD.search(fold(v.printed)))


def compare_times(a: SlotValue, b: SlotValue) -> Comparison:
    """Two date/time values of one slot: agree, within the other's span, or a labelled conflict."""
    if not (a.start and b.start):
        return Comparison(Status.CANNOT_COMPARE, Label.UNRESOLVED, "a date could not be resolved to compare")
    for mark, label in MISPRINTS.items():
        # "10 و11 من كانون الأول/ يناير" (two month names), "25-16 April" (a range that runs backwards)
        torn = [v for v in (a, b) if mark in (v.note or "")]
        if len(torn) == 1:
            return Comparison(Status.CONFLICT, label, f"{torn[0].printed}: {torn[0].note}")
    da, db = (a.start, a.end), (b.start, b.end)
    if da == db:
        return AGREE
    if relative_day(a) != relative_day(b) and a.granularity == b.granularity == "day" and \
            da[0] <= db[1] + timedelta(days=1) and db[0] <= da[1] + timedelta(days=1) and not (
            da[0] >= db[0] and da[1] <= db[1] or db[0] >= da[0] and db[1] <= da[1]):
        # "the round ended today" on a page dated the next morning: a day named relative to the page's date
        # one day off is not an outlet's error the text shows
        rel = a if relative_day(a) else b
        return Comparison(Status.CANNOT_COMPARE, Label.CANNOT_COMPARE,
                          f"'{rel.printed}' is counted from the page's date, which may be a day off ({a.value} / {b.value})")
    if da[0] >= db[0] and da[1] <= db[1] or db[0] >= da[0] and db[1] <= da[1]:
        inner, outer = (a, b) if da[1] - da[0] < db[1] - db[0] else (b, a)
        return Comparison(Status.AGREE, Label.WITHIN_SPAN, f"{inner.printed} falls within {outer.printed}")
    if da[0] <= db[1] and db[0] <= da[1]:
        shift = abs((da[0] - db[0]).days)
        if shift == 1 and (da[1] - da[0]) == (db[1] - db[0]):
            return Comparison(Status.CONFLICT, Label.DAYS_OFF_BY_ONE, f"the days are off by one ({a.value} vs {b.value})")
        return Comparison(Status.CONFLICT, Label.DIFFERENT_DATES, f"overlapping but different dates ({a.value} vs {b.value})")
    if da[0].year != db[0].year and da[0].month == db[0].month:
        return Comparison(Status.CONFLICT, Label.WRONG_YEAR, f"different year ({a.value} vs {b.value})")
    months_apart = abs(da[0].year * 12 + da[0].month - db[0].year * 12 - db[0].month)
    if da[0].month != db[0].month and months_apart <= 2 and a.granularity in ("day", "month") \
            and b.granularity in ("day", "month"):
        return Comparison(Status.CONFLICT, Label.WRONG_MONTH, f"different month ({a.printed} vs {b.printed})")
    label = Label.DIFFERENT_TIMING if a.granularity in ("half", "quarter", "season", "year") else Label.DIFFERENT_DATES
    return Comparison(Status.CONFLICT, label, f"different {'timing' if label is Label.DIFFERENT_TIMING else 'dates'} "
                                             f"({a.value} vs {b.value})")
