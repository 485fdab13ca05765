"""Stage 5, extract slots: typed facts about an article's event, each tied to
the exact words it came from (sentence id and character span).

A slot type is the unit of extension: one module with its `extract` (values
from one sentence) and its `compare` (two values: agree, conflict with a label,
or cannot compare), listed in the ordered registry below. The judge, QA and
trace all ask the same `compare`, so each rule has one home.
"""
from __future__ import annotations

import re
from datetime import date

from ..corpus import Article
from ..events import EventAssignment, _words_re, assign_events, round_mentions
from ..knowledge import Knowledge
from ..normalize import fold, fold_with_offsets
from ..timeexpr import PubDate, parse_times
from .base import (AGREE, CLASS_OF, HOLD_VERBS, HYPOTHETICAL, About, ArticleFacts, Comparison, Label, SlotValue,
                   Status, _Ctx, _mask_quotes, other_round, _names_only_another_series, _next_mentions,
                   _sentence_context)
from .registry import REGISTRY, SlotType, register

# Importing the modules registers them, in this order (the report's order).
from . import venue, dates, heads, un, observers, next_round, next_summit, people  # noqa: E402,F401

COMPARED = tuple(name for name, t in REGISTRY.items() if t.compared)


def sentence_contexts(article: Article, kb: Knowledge, event: EventAssignment):
    """Each sentence with what slot types share: which round it speaks of, announcements, times."""
    series = kb.series[event.series]
    talk = _words_re(series.talk_words + series.round_words + series.names)
    # each sentence's times are read once: the preview test and every slot type share them
    # a page with no date at all: its days are read in the year of the round it was assigned to (the
    # values say so in their note), or they would have no year and could never be compared
    own = series.round(event.round)
    published = article.published or (str(own.start.year) if own else None)
    times = [parse_times(s.text, published, base=s.start) for s in article.sentences]
    preview = _published_before(article, series.round(event.round), times)
    # the last sentence that named a round: what it was about, which other round it named, how far back
    named_before: tuple[About, int | None, int] | None = None  # (about, recalled round, sentences since)
    previous = None
    for sentence, sentence_times in zip(article.sentences, times):
        folded = fold_with_offsets(sentence.text)
        ctx = _Ctx(article, sentence, folded, kb, series, event.round)
        ctx.previous, previous = previous, sentence
        ctx.about = _sentence_context(ctx)
        mentions = [m for m in round_mentions(sentence, series, kb) if m.body is None and m.role != "next"]
        if ctx.about in (About.PREVIOUS, About.BACKGROUND):
            # one earlier round named, and no other: what the sentence recalls ("the first round, held on …")
            numbers = {m.number for m in mentions}
            if len(numbers) == 1 and event.round and (n := next(iter(numbers))) < event.round:
                ctx.recalled = n
        if mentions:
            named_before = (ctx.about, ctx.recalled, 0)
        elif named_before is not None:
            named_before = (named_before[0], named_before[1], named_before[2] + 1)
            # "The sixth meeting took place in September. … The meeting involved the guarantors …": a sentence
            # opening on "the meeting" goes on about the round the text just named
            if (ctx.about is About.THIS and named_before[0] in (About.PREVIOUS, About.BACKGROUND)
                    and named_before[2] <= 2 and ANAPHOR.match(folded.text)):
                ctx.about = named_before[0]  # (not checked against the calendar: the round is not named here)
        if ctx.about is About.THIS and _names_only_another_series(folded.text, series, kb):
            ctx.about = About.BACKGROUND  # "a new round in Geneva next month": another process's meeting
        ctx.names_own_round = event.round is not None and any(
            m.number == event.round and m.body is None for m in round_mentions(sentence, series, kb))
        ctx.about_talks = bool(talk.search(TALKS_TO_PRESS.sub(" ", folded.text)))
        ctx.hypothetical = bool(HYPOTHETICAL.search(_mask_quotes(folded.text).split('"')[0]))
        ctx.nexts = _next_mentions(ctx)
        ctx.preview = preview
        # in a preview, "the next round" is the article's own round: only a later numbered one is ahead
        ahead = [a for _, a, _, n in ctx.nexts if not preview or (n and event.round and n > event.round)]
        ctx.first_next = ahead[0] if ahead else len(folded.text)
        ctx.times = sentence_times
        own = series.round(event.round)
        if ctx.about is About.THIS and own and not ctx.names_own_round:
            # a sentence dated within an earlier known round speaks of that round (a later round's dates
            # are an announcement, read as the next round)
            dated = [n for t in ctx.times if (n := other_round(series, t, own)) and n < own.number]
            if dated and not any(t.resolved and own.start <= t.start <= own.end for t in ctx.times):
                ctx.about = About.PREVIOUS if dated[0] == own.number - 1 else About.BACKGROUND
        yield ctx


# "the talks" / "المحادثات" often mean the process as a whole: only a single meeting or round is anaphoric
ANAPHOR = re.compile(r"\s*(?:(?:the|that|this)\s+(?:meeting|round)|[وف]?(?:ذلك\s+|هذا\s+|تلك\s+|هذه\s+)?"
                     r"(?:الاجتماع|الجوله|اللقاء)(?!\s+(?:المقبل|القادم|المرتقب|المقبله|القادمه|المرتقبه)))"
                     r"(?![\w])", re.I)
# "talks to press in Damascus" (a photo caption): the verb, not the talks
TALKS_TO_PRESS = re.compile(r"(?<![\w])talks?\s+(?:to|with)\s+(?:the\s+)?(?:press|reporters|journalists|media)(?![\w])",
                            re.I)
AHEAD_WORDS = re.compile(r"(?<![\w])(?:next|upcoming|forthcoming|المقبل|المقبله|القادم|القادمه|المرتقب|المرتقبه)(?![\w])",
                         re.I)


def _published_before(article: Article, own, times: list[list]) -> bool:
    """A preview: published (at the latest, for a month-only date, at the month's end) before the round began;
    or, where only the month is known, one that announces its own round's dates as what comes next."""
    pub = PubDate.parse(article.published)
    if own is None or pub is None or not pub.year:
        return False
    latest = pub.as_date or date(pub.year, pub.month or 12, 28)
    if latest < own.start:
        return True
    if pub.as_date is None:
        # "the next meeting … on February 16 and 17", "to be held … on 16-17 February": the round's opening
        # day still ahead
        from ..timeexpr import AHEAD

        for s, sentence_times in zip(article.sentences, times):
            f = fold(s.text)
            if (AHEAD_WORDS.search(f) or AHEAD.search(f)) and any(
                    t.resolved and t.start == own.start for t in sentence_times):
                return True
    return False


def extract_facts(article: Article, kb: Knowledge, events: list[EventAssignment] | None = None) -> ArticleFacts:
    """Every registered slot type's values for one article, about the article's own round or marked otherwise."""
    events = events if events is not None else assign_events(article, kb)
    facts = ArticleFacts(article, events, [])
    if not events or events[0].series is None:
        return facts
    seen: set[tuple] = set()
    for ctx in sentence_contexts(article, kb, events[0]):
        for slot_type in REGISTRY.values():
            for value in slot_type.extract(ctx):
                ident = (value.slot, value.key, value.value, value.span, value.about)
                if ident not in seen:
                    seen.add(ident)
                    facts.slots.append(value)
    for slot_type in REGISTRY.values():
        slot_type.finish(facts, kb)
    return facts


def compare(a: SlotValue, b: SlotValue, kb: Knowledge) -> Comparison:
    """The one comparison of two values of one slot (and key)."""
    return REGISTRY[a.slot].compare(a, b, kb)


__all__ = ["About", "ArticleFacts", "Comparison", "Label", "SlotValue", "Status", "REGISTRY", "COMPARED", "SlotType",
           "register", "extract_facts", "compare", "AGREE", "CLASS_OF", "HOLD_VERBS"]
