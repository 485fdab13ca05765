"""Editorial QA of a draft against the indexed coverage of one event.

Each draft sentence is `conflicting` (a slot value disagrees with an outlet's,
or names a place by a name it no longer had), `supported` (an outlet carries
it: an aligned sentence or an agreeing slot value) or `unsupported`. The
draft's omissions are the claims and slots the outlets report and it lacks,
most widely reported first.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .align import content_bag, embed_units
from .config import DEFAULT_INDEX, indexes_root
from .corpus import Article
from .errors import MuqabalaError
from .events import EventAssignment, assign_events
from .judge import WITNESS, recalled_rounds
from .knowledge import load_knowledge
from .load import RawDocument, _html_document, decode_bytes
from .pipeline import build_article
from .report import EventReport, coverage_articles, group_by_event, judge_event
from .slots import REGISTRY, ArticleFacts, Label, SlotValue, Status, compare, extract_facts

QA_SCHEMA = "muqabala.qa/2"
# A draft sentence is carried by an outlet sentence when its cosine to it stands
# SUPPORT_MARGIN above the median of its cosines to all of the event's sentences
# (relative to its own distribution, so an English draft against Arabic coverage
# is judged on the same scale); shared content words add LEXICAL_BONUS x overlap.
SUPPORT_MARGIN = 0.06
LEXICAL_BONUS = 0.05
FAIL_LEVELS = ("conflict", "unsupported", "omission")


@dataclass
class Evidence:
    outlet: str
    article_id: str
    sentence_id: str
    start: int
    end: int
    text: str
    score: float | None = None


@dataclass
class SlotConflict:
    slot: str
    key: str
    label: str
    reason: str
    outlet: str = ""


@dataclass
class DraftSentence:
    index: int
    start: int
    end: int
    text: str
    status: str                      # supported, conflicting, unsupported
    reasons: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    conflicts: list[SlotConflict] = field(default_factory=list)   # slot, key and label of each conflict


@dataclass
class Omission:
    kind: str                        # slot or claim
    what: str
    reported_by: list[str]
    evidence: list[Evidence]

    @property
    def count(self) -> int:
        return len(self.reported_by)


@dataclass
class QAResult:
    draft: Article
    event: EventReport
    sentences: list[DraftSentence]
    omissions: list[Omission]
    min_outlets: int

    @property
    def counts(self) -> dict[str, int]:
        out = {"supported": 0, "conflicting": 0, "unsupported": 0}
        for s in self.sentences:
            out[s.status] += 1
        out["omissions"] = len(self.widely_reported_omissions)
        return out

    @property
    def widely_reported_omissions(self) -> list[Omission]:
        return [o for o in self.omissions if o.count >= self.min_outlets]

    def fails(self, level: str) -> bool:
        c = self.counts
        if level == "conflict":
            return c["conflicting"] > 0
        if level == "unsupported":
            return c["conflicting"] + c["unsupported"] > 0
        return c["conflicting"] + c["unsupported"] + c["omissions"] > 0


def read_draft(source: str, text: str | None = None) -> Article:
    """A draft from a path, '-' (text given), plain text or saved HTML."""
    if text is None:
        path = Path(source)
        if not path.is_file():
            raise MuqabalaError(f"{source}: no such draft file")
        data = path.read_bytes()
        decoded, encoding = decode_bytes(data, source)
        if path.suffix.lower() in (".html", ".htm"):
            doc = _html_document(path, decoded, encoding)
        else:
            doc = RawDocument("draft", source, decoded, encoding)
    else:
        if not text.strip():
            raise MuqabalaError("the draft is empty")
        doc = RawDocument("draft", "<stdin>", text, "utf-8")
    draft = build_article(doc)
    draft.outlet = "draft"
    if draft.language not in ("ar", "en", "fr"):
        raise MuqabalaError(f"the draft does not read as Arabic, English or French (detected: {draft.language}); "
                            "muqabala checks drafts in Arabic, English or French")
    if not draft.sentences:
        raise MuqabalaError("the draft has no sentences to check")
    return draft


def _evidence(facts: ArticleFacts, slot: SlotValue) -> Evidence:
    s = facts.article.sentence(slot.sentence_id)
    return Evidence(facts.article.label, facts.article.id, s.id, s.start, s.end, s.text)


def _slot_conflicts(value: SlotValue, event: EventReport, kb) -> tuple[list[SlotConflict], list[Evidence], list[Evidence]]:
    """How a draft slot value fares against the outlets' values of that slot, through the slot type's own
    `compare` (the one the report uses): conflicts, evidence against, evidence for."""
    conflicts, against, support = [], [], []
    if value.slot == "venue" and value.name_status == "outdated":
        conflicts.append(SlotConflict(value.slot, value.key, Label.NAMING_CONFLICT.value,
                                      f"outdated place name: {value.reason or value.printed}"))
    facts_by_id = {f.article.id: f for f in event.facts}
    for verdict in event.slots:
        if verdict.slot != value.slot or verdict.key != value.key:
            continue
        for x in verdict.values:
            if x.flagged or x.witness:
                continue  # an outlet that departs from the consensus is no evidence against the draft
            c = compare(value, x.slot_value, kb)
            ev = _evidence(facts_by_id[x.article_id], x.slot_value)
            if c.status is Status.CONFLICT:
                conflicts.append(SlotConflict(value.slot, value.key, c.label.value if c.label else "",
                                              f"{c.reason} ({x.outlet})", x.outlet))
                against.append(ev)
            elif c.status is Status.AGREE:
                if value.slot == "venue" and value.name_status == "outdated":
                    if x.slot_value.name_status == "valid":
                        against.append(ev)  # an outlet that uses the name valid at the time
                    continue
                support.append(ev)
    return conflicts, against, support


def check_draft(draft: Article, event: EventReport, embedder, kb, min_outlets: int = 2) -> QAResult:
    assignment = EventAssignment(event.series, event.round, 1.0, [])
    found = assign_events(draft, kb)
    if found and found[0].round == event.round and found[0].series == event.series:
        assignment = found[0]
    facts = extract_facts(draft, kb, [assignment] + [e for e in found if e.round != event.round])
    recalled = recalled_rounds([facts], kb)
    # draft sentences against outlet sentences: centred cosine + lexical overlap, as in alignment
    outlet_sentences = [s for a in event.articles for s in a.sentences]
    cache = indexes_root() / "embeddings.sqlite"
    outlet_vecs = embed_units([s.text for s in outlet_sentences], embedder, cache)
    draft_vecs = embed_units([s.text for s in draft.sentences], embedder, cache)
    sims = draft_vecs @ outlet_vecs.T
    margins = sims - np.median(sims, axis=1, keepdims=True)
    bags = [content_bag(s.text) for s in outlet_sentences]
    labels = {a.id: a.label for a in event.articles}
    results: list[DraftSentence] = []
    covered_outlet_sentences: set[str] = set()
    for i, sentence in enumerate(draft.sentences):
        dbag = content_bag(sentence.text)
        scores = margins[i] + LEXICAL_BONUS * np.array([len(dbag & b) / max(1, min(len(dbag), len(b))) for b in bags])
        ds = DraftSentence(sentence.index, sentence.start, sentence.end, sentence.text, "unsupported")
        conflicts, against, support = [], [], []
        own_values = [v for t in REGISTRY.values() if t.compared
                      for v in t.representative([x for x in facts.get(t.name, about=t.about) if x.sentence_id == sentence.id])]
        for value in own_values:
            c, a, s = _slot_conflicts(value, event, kb)
            conflicts += c
            against += a
            support += s
        # an earlier round the draft recalls, checked against the series calendar as the report does
        conflicts += [SlotConflict(v.slot, v.key, v.label.value if v.label else "", v.reason, WITNESS)
                      for v in recalled if v.values[0].sentence_id == sentence.id]
        reasons = [f"{c.slot.replace('_', ' ')}{': ' + c.key if c.key else ''}: {c.reason}" for c in conflicts]
        order = np.argsort(-scores)
        matched = [int(j) for j in order[:5] if scores[j] >= SUPPORT_MARGIN]
        for j in matched:
            covered_outlet_sentences.add(outlet_sentences[j].id)
        if reasons:
            ds.status, ds.reasons, ds.evidence = "conflicting", list(dict.fromkeys(reasons)), _dedupe(against)
            ds.conflicts = conflicts
        elif matched or support:
            ds.status = "supported"
            best_per_outlet: dict[str, Evidence] = {}
            for j in matched:
                s = outlet_sentences[j]
                best_per_outlet.setdefault(s.article_id, Evidence(labels[s.article_id], s.article_id, s.id, s.start,
                                                                  s.end, s.text, round(float(scores[j]), 3)))
            ds.evidence = list(best_per_outlet.values()) + [e for e in _dedupe(support)
                                                            if e.article_id not in best_per_outlet]
        results.append(ds)
    return QAResult(draft, event, results, _omissions(event, facts, covered_outlet_sentences), min_outlets)


def _dedupe(evidence: list[Evidence]) -> list[Evidence]:
    seen, out = set(), []
    for e in evidence:
        if e.sentence_id not in seen:
            seen.add(e.sentence_id)
            out.append(e)
    return out


def _omissions(event: EventReport, draft_facts: ArticleFacts, covered: set[str]) -> list[Omission]:
    out: list[Omission] = []
    have = {(s.slot, s.key) for s in draft_facts.slots}
    for v in event.slots:
        if (v.slot, v.key) in have:
            continue
        if v.label == "next_round_vs_summit":
            continue
        facts_by_id = {f.article.id: f for f in event.facts}
        evidence = []
        for x in v.values:
            if x.witness:
                continue
            s = facts_by_id[x.article_id].article.sentence(x.sentence_id)
            evidence.append(Evidence(x.outlet, x.article_id, s.id, s.start, s.end, s.text))
        out.append(Omission("slot", v.slot.replace("_", " ") + (f": {v.key}" if v.key else ""), v.reported_by, evidence))
    for c in event.claims:
        if len(c.carried_by) < 2 or any(s.id in covered for s in c.claim.members):
            continue
        evidence = [Evidence(next(a.label for a in event.articles if a.id == s.article_id), s.article_id, s.id,
                             s.start, s.end, s.text) for s in c.claim.members]
        out.append(Omission("claim", c.claim.members[0].text, c.carried_by, evidence))
    out.sort(key=lambda o: (-o.count, o.kind != "slot"))
    return out


def coverage_event(index: str, corpus_paths, event_round: int | None, draft: Article, kb, embedder_name=None,
                   progress=None, log=None) -> tuple[EventReport, object]:
    """The event the draft is about, with its outlets' slots and claims judged."""
    articles, embedder, _ = coverage_articles(corpus_paths, index, embedder_name, kb, progress, log)
    events = group_by_event([extract_facts(a, kb) for a in articles], kb)
    if event_round is None:
        found = assign_events(draft, kb)
        if not found or not found[0].assigned:
            rounds = sorted({e.round for e in events if e.round is not None})
            raise MuqabalaError(f"cannot tell which round the draft is about; pass --event N (indexed rounds: "
                                f"{', '.join(map(str, rounds)) or 'none'})")
        event_round = found[0].round
    chosen = [e for e in events if e.round == event_round]
    if not chosen:
        raise MuqabalaError(f"no indexed article reports round {event_round}; index coverage first "
                            f"(muqabala index PATH...) or pass --corpus")
    return judge_event(chosen[0], embedder, kb), embedder


def run_qa(draft_source: str | Article, index: str = DEFAULT_INDEX, corpus=None, event: int | None = None,
           knowledge=(), stdin_text: str | None = None, model: str | None = None, min_outlets: int = 2,
           progress=None, log=None) -> QAResult:
    """Library entry point: read the draft (a path, '-' with stdin_text, or an Article), find its event, check it."""
    kb = load_knowledge(list(knowledge))
    draft = draft_source if isinstance(draft_source, Article) else read_draft(draft_source, stdin_text)
    ev, embedder = coverage_event(index, corpus, event, draft, kb, model, progress, log)
    return check_draft(draft, ev, embedder, kb, min_outlets)


__all__ = ["run_qa", "check_draft", "read_draft", "QAResult", "DraftSentence", "Omission", "Evidence",
           "FAIL_LEVELS", "QA_SCHEMA"]
