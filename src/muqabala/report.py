"""The library entry point for the consistency report: load or open an index,
extract slots, group articles by event, align claims and judge them.

    from muqabala.report import build_report
    report = build_report(["seeds/"])
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable

from .align import align_event
from .config import DEFAULT_INDEX, indexes_root
from .corpus import Article
from .embed.models import LazyEmbedder
from .errors import MuqabalaError
from .index import SentenceIndex
from .judge import ClaimVerdict, SlotVerdict, judge_claims, judge_slots
from .knowledge import Knowledge, load_knowledge
from .pipeline import load_corpus
from .slots import ArticleFacts, extract_facts
from .slots.dates import event_span

REPORT_SCHEMA = "muqabala.report/2"


@dataclass
class EventReport:
    series: str
    series_name: str
    round: int | None
    facts: list[ArticleFacts]
    slots: list[SlotVerdict] = field(default_factory=list)
    claims: list[ClaimVerdict] = field(default_factory=list)
    calendar: str = ""          # the series calendar's dates for the round, when it knows them

    @property
    def articles(self) -> list[Article]:
        return [f.article for f in self.facts]

    @property
    def title(self) -> str:
        return f"{self.series_name}, round {self.round if self.round is not None else '?'}"

    @property
    def dates(self) -> str:
        """The round's dates as most outlets give them, marked when disputed."""
        verdict = next((v for v in self.slots if v.slot == "dates"), None)
        if verdict is not None and verdict.consensus:
            return verdict.consensus + (" (disputed)" if verdict.status == "conflict" else "")
        if verdict is not None and verdict.status == "no_majority":
            return "disputed"
        spans = [s for f in self.facts if (s := event_span(f.get("dates")))]
        if not spans:
            return f"{self.calendar} (series calendar)" if self.calendar else "?"
        start, end = min(s[0] for s in spans), max(s[1] for s in spans)
        return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"

    @property
    def conflicts(self) -> list[SlotVerdict]:
        return [v for v in self.slots if v.status == "conflict"]


@dataclass
class Report:
    events: list[EventReport]
    model: str
    index: str
    warnings: list[str] = field(default_factory=list)
    unassigned: list[ArticleFacts] = field(default_factory=list)   # never compared; reason in .event.reason
    created: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))


def group_by_event(all_facts: list[ArticleFacts], kb: Knowledge) -> list[EventReport]:
    groups: dict[tuple, list[ArticleFacts]] = {}
    for f in all_facts:
        if f.event is None or not f.event.assigned:
            continue  # unassigned articles are never compared
        groups.setdefault((f.event.series, f.event.round), []).append(f)
    events = [EventReport(series, kb.series[series].name, rnd, facts, calendar=_calendar(kb, series, rnd))
              for (series, rnd), facts in groups.items()]
    return sorted(events, key=lambda e: (e.series, -(e.round or 0)))


def coverage_articles(paths, index: str, model: str | None, kb: Knowledge, progress=None, log=None):
    """(articles, embedder, warnings): `paths` indexed on the way, or everything in the index."""
    if paths:
        corpus = load_corpus(paths, kb)
        embedder = LazyEmbedder(model, log=log)
        SentenceIndex.update(index, corpus, embedder, progress=progress)
        return corpus.articles, embedder, list(corpus.warnings)
    idx = SentenceIndex.open(index, model=model)
    return idx.corpus.articles, LazyEmbedder(idx.model_id, log=log), []


def judge_event(ev: EventReport, embedder, kb: Knowledge) -> EventReport:
    """Align the event's claims and judge its slots and claims, in place."""
    claims = align_event(ev.articles, embedder, indexes_root() / "embeddings.sqlite")
    ev.slots = judge_slots(ev.facts, kb)
    ev.claims = judge_claims(claims, ev.facts, ev.slots)
    return ev


def build_report(paths=None, index: str = DEFAULT_INDEX, model: str | None = None, event: int | None = None,
                 knowledge=(), progress: Callable[[int, int], None] | None = None,
                 log: Callable[[str], None] | None = None) -> Report:
    """Cross-check `paths` (indexed on the way) or, without paths, everything in the index."""
    kb = load_knowledge(list(knowledge))
    articles, embedder, warnings = coverage_articles(paths, index, model, kb, progress, log)
    all_facts = [extract_facts(a, kb) for a in articles]
    unassigned = [f for f in all_facts if f.event is None or not f.event.assigned]
    events = group_by_event(all_facts, kb)
    if event is not None:
        events = [e for e in events if e.round == event]
        if not events:
            raise MuqabalaError(f"no article reports round {event}")
    for ev in events:
        judge_event(ev, embedder, kb)
    return Report(events, embedder.model_id, index, warnings, unassigned)


def _calendar(kb: Knowledge, series: str, rnd: int | None) -> str:
    known = kb.series[series].round(rnd) if rnd is not None else None
    if known is None:
        return ""
    return known.start.isoformat() if known.start == known.end else f"{known.start.isoformat()}/{known.end.isoformat()}"
