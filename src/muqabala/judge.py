"""Stage 7, judge: agree / omitted / conflict, per slot and per claim, within
one event only (facts about different rounds are never compared).

Conflicts carry a label and a one-line reason. Naming conflicts (a place under
a name it no longer had) are kept apart from factual ones (another city,
another month, another person). Some differences are not conflicts: a date
inside the other outlet's span (opening vs closing day), a spelling variant of
one person, and a plan reported before the event against what later reports
say happened ("superseded").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .align import Claim
from .knowledge import Knowledge
from .names import same_person
from .normalize import fold_key
from .slots import ArticleFacts, SlotValue, event_span
from .timeexpr import PubDate

SLOTS = ("venue", "dates", "heads", "next_round", "next_summit", "observers")
CONFLICT = "conflict"
# Titles that name one rank in different words: not a different person.
TITLE_SYNONYMS = [{"نائب", "معاون", "مساعد", "deputy", "assistant"}]


@dataclass
class OutletValue:
    article_id: str
    outlet: str
    value: str
    printed: str
    sentence_id: str
    span: tuple[int, int]
    extra: dict = field(default_factory=dict)
    flagged: bool = False       # this outlet's value is the one in conflict

    @classmethod
    def of(cls, facts: ArticleFacts, slot: SlotValue) -> "OutletValue":
        return cls(facts.article.id, facts.article.label, slot.value, slot.printed, slot.sentence_id, slot.span,
                   dict(slot.extra))


@dataclass
class SlotVerdict:
    slot: str
    key: str                    # party for heads/observers, when/where/round for next_*, "" otherwise
    status: str                 # agree, omitted, conflict, superseded
    label: str = ""             # naming_conflict, different_venue, wrong_month, days_off_by_one, ...
    reason: str = ""
    values: list[OutletValue] = field(default_factory=list)
    reported_by: list[str] = field(default_factory=list)
    omitted_by: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class ClaimVerdict:
    claim: Claim
    status: str
    carried_by: list[str]
    omitted_by: list[str]
    alone: bool
    reason: str = ""
    conflicting_sentences: list[str] = field(default_factory=list)


def _pub(article) -> date | None:
    p = PubDate.parse(article.published)
    return p.as_date if p else None


def _event_start(all_facts: list[ArticleFacts], kb: Knowledge) -> date | None:
    event = all_facts[0].event
    known = kb.series[event.series].round(event.round) if event else None
    if known:
        return known.start
    spans = [event_span(f.slots) for f in all_facts]
    spans = [s for s in spans if s]
    return min(s[0] for s in spans) if spans else None


def _superseded(a: ArticleFacts, b: ArticleFacts, start: date | None) -> ArticleFacts | None:
    """The article that was published before the event when the other was published after it."""
    if start is None:
        return None
    pa, pb = _pub(a.article), _pub(b.article)
    if pa and pb:
        if pa < start <= pb:
            return a
        if pb < start <= pa:
            return b
    return None


def _supersede(v: "SlotVerdict", reason: str) -> None:
    """A plan reported before the event against what happened: a note, or the status when nothing conflicts."""
    if v.status != CONFLICT:
        v.status, v.label, v.reason = "superseded", "plan_vs_outcome", reason
    elif reason not in v.notes:
        v.notes.append("superseded by later reporting: " + reason)


def compare_times(a: OutletValue, b: OutletValue) -> tuple[str, str, str]:
    """(status, label, reason) for two date/time values of one slot."""
    sa, ea = a.extra.get("start"), a.extra.get("end")
    sb, eb = b.extra.get("start"), b.extra.get("end")
    if not (sa and sb):
        return ("agree", "", "") if a.value == b.value else ("agree", "unresolved", "a date could not be resolved to compare")
    da, db = (date.fromisoformat(sa), date.fromisoformat(ea)), (date.fromisoformat(sb), date.fromisoformat(eb))
    if da == db:
        return "agree", "", ""
    if da[0] >= db[0] and da[1] <= db[1] or db[0] >= da[0] and db[1] <= da[1]:
        return "agree", "within_span", f"{a.printed} falls within {b.printed}" if da[1] - da[0] < db[1] - db[0] \
            else f"{b.printed} falls within {a.printed}"
    if da[0] <= db[1] and db[0] <= da[1]:
        shift = abs((da[0] - db[0]).days)
        if shift == 1 and (da[1] - da[0]) == (db[1] - db[0]):
            return CONFLICT, "days_off_by_one", f"the days are off by one ({a.value} vs {b.value})"
        return CONFLICT, "different_dates", f"overlapping but different dates ({a.value} vs {b.value})"
    if da[0].year != db[0].year and (da[0].month, da[0].day) == (db[0].month, db[0].day):
        return CONFLICT, "wrong_year", f"same day and month, different year ({a.value} vs {b.value})"
    if da[0].year != db[0].year and da[0].month == db[0].month:
        return CONFLICT, "wrong_year", f"different year ({a.value} vs {b.value})"
    if da[0].month != db[0].month and abs(da[0].year * 12 + da[0].month - db[0].year * 12 - db[0].month) <= 2 \
            and a.extra.get("granularity") in ("day", "month") and b.extra.get("granularity") in ("day", "month"):
        return CONFLICT, "wrong_month", f"different month ({a.printed} vs {b.printed})"
    gran = a.extra.get("granularity") or ""
    label = "different_timing" if gran in ("half", "quarter", "season", "year") else "different_dates"
    return CONFLICT, label, f"different {'timing' if label == 'different_timing' else 'dates'} ({a.value} vs {b.value})"


def _titles_differ(a: str, b: str) -> bool:
    ta, tb = set(fold_key(a).split()), set(fold_key(b).split())
    if not ta or not tb or ta == tb:
        return False
    for group in TITLE_SYNONYMS:
        g = {fold_key(w) for w in group}
        if ta & g and tb & g:
            return (ta - g) == (tb - g) and ta != tb
    return False


def _merge_article_values(facts: ArticleFacts, slot: str) -> dict[str, list[SlotValue]]:
    by_key: dict[str, list[SlotValue]] = {}
    for s in facts.get(slot):
        by_key.setdefault(s.key, []).append(s)
    return by_key


def dates_value(facts: ArticleFacts) -> SlotValue | None:
    """One value per article for its round's dates: the span its date mentions cover."""
    values = [s for s in facts.get("dates") if s.extra.get("start")]
    if not values:
        values = facts.get("dates")
        return values[0] if values else None
    span = event_span(values)
    first = min(values, key=lambda s: s.span)
    widest = max(values, key=lambda s: (date.fromisoformat(s.extra["end"]) - date.fromisoformat(s.extra["start"])))
    label = span[0].isoformat() if span[0] == span[1] else f"{span[0].isoformat()}/{span[1].isoformat()}"
    if all(s.extra.get("granularity") == "month" for s in values):
        label = widest.value
    extra = dict(widest.extra, start=span[0].isoformat(), end=span[1].isoformat(),
                 granularity="month" if all(s.extra.get("granularity") == "month" for s in values) else "day",
                 parts=[s.value for s in values])
    return SlotValue("dates", "", label, widest.printed if widest.value == label else first.printed,
                     widest.sentence_id, widest.span, extra)


def judge_slots(all_facts: list[ArticleFacts], kb: Knowledge) -> list[SlotVerdict]:
    """Per-slot verdicts across the articles of one event."""
    verdicts: list[SlotVerdict] = []
    labels = {f.article.id: f.article.label for f in all_facts}
    start = _event_start(all_facts, kb)
    facts_of = {f.article.id: f for f in all_facts}

    def finish(v: SlotVerdict) -> SlotVerdict:
        v.reported_by = list(dict.fromkeys(x.outlet for x in v.values))
        reporters = {x.article_id for x in v.values}
        v.omitted_by = [labels[a] for a in labels if a not in reporters]
        if len(labels) == 1:
            v.status = "single"  # one outlet: nothing to compare with
        elif v.status == "agree" and len(reporters) < 2:
            v.status = "omitted"
        verdicts.append(v)
        return v

    # ------------------------------------------------ venue
    per_article = {}
    for f in all_facts:
        venues = f.get("venue")
        if venues:
            cities = [v for v in venues if v.extra.get("kind") == "city"] or venues
            per_article[f.article.id] = OutletValue.of(f, cities[0])
    if per_article:
        values = list(per_article.values())
        v = SlotVerdict("venue", "", "agree", values=values)
        canon = {x.value for x in values}
        outdated = [x for x in values if x.extra.get("name_status") == "outdated"]
        if len(canon) > 1:
            v.status, v.label = CONFLICT, "different_venue"
            v.reason = "different places: " + " vs ".join(f"{x.outlet}: {x.printed}" for x in values)
            for x in values:
                x.flagged = True
        elif outdated and len(values) > 1:
            v.status, v.label = CONFLICT, "naming_conflict"
            v.reason = "; ".join(f"{x.outlet}: {x.extra.get('reason', 'outdated name')}" for x in outdated)
            for x in outdated:
                x.flagged = True
        elif outdated:
            v.notes.append(outdated[0].extra.get("reason", "outdated name"))
            v.label = "outdated_name"
        printed = {fold_key(x.printed) for x in values}
        if v.status != CONFLICT and len(printed) > 1:
            v.notes.append("spelling variants of one place: " + " / ".join(dict.fromkeys(x.printed for x in values)))
        finish(v)

    # ------------------------------------------------ dates
    per_article = {f.article.id: OutletValue.of(f, d) for f in all_facts if (d := dates_value(f))}
    if per_article:
        values = list(per_article.values())
        v = SlotVerdict("dates", "", "agree", values=values)
        for i in range(len(values)):
            for j in range(i + 1, len(values)):
                status, label, reason = compare_times(values[i], values[j])
                if status == CONFLICT:
                    old = _superseded(facts_of[values[i].article_id], facts_of[values[j].article_id], start)
                    if old is not None:
                        newer = values[j] if old.article.id == values[i].article_id else values[i]
                        _supersede(v, f"{old.article.label} was published before the event ({old.article.published}); "
                                      f"later reporting ({newer.outlet}) gives {newer.value}")
                        continue
                    v.status, v.label, v.reason = CONFLICT, label, reason
                    values[i].flagged = values[j].flagged = True
                elif reason and reason not in v.notes:
                    v.notes.append(reason)
        finish(v)

    # ------------------------------------------------ heads, per party
    parties: dict[str, dict[str, OutletValue]] = {}
    for f in all_facts:
        for party, slots in _merge_article_values(f, "heads").items():
            parties.setdefault(party, {})[f.article.id] = OutletValue.of(f, slots[0])
    for party, per in parties.items():
        values = list(per.values())
        v = SlotVerdict("heads", party, "agree", values=values)
        for i in range(len(values)):
            for j in range(i + 1, len(values)):
                same, note = same_person(values[i].printed, values[j].printed, kb)
                if same is None:
                    if note not in v.notes:
                        v.notes.append(note)
                    if v.status != CONFLICT and not v.label:
                        v.label = "cannot_compare"
                    continue
                if not same:
                    old = _superseded(facts_of[values[i].article_id], facts_of[values[j].article_id], start)
                    if old is not None:
                        _supersede(v, f"{old.article.label} reported the expected head before the event "
                                      f"({old.article.published}); later reporting differs")
                        continue
                    v.status, v.label = CONFLICT, "different_person"
                    v.reason = f"two different heads of the {party} delegation: " \
                               f"{values[i].outlet}: {values[i].printed} vs {values[j].outlet}: {values[j].printed}"
                    values[i].flagged = values[j].flagged = True
                else:
                    if note and note not in v.notes:
                        v.notes.append(note)
                    if _titles_differ(values[i].extra.get("title", ""), values[j].extra.get("title", "")) \
                            and v.status != CONFLICT:
                        v.label = "title_difference"
                        note = f"same person, different title: {values[i].extra.get('title')} / {values[j].extra.get('title')}"
                        if note not in v.notes:
                            v.notes.append(note)
        finish(v)

    # ------------------------------------------------ next round / summit
    for slot in ("next_round", "next_summit"):
        for key in ("round", "when", "where"):
            per = {}
            for f in all_facts:
                got = f.get(slot, key)
                if got:
                    per[f.article.id] = OutletValue.of(f, got[0])
            if not per:
                continue
            values = list(per.values())
            v = SlotVerdict(slot, key, "agree", values=values)
            for i in range(len(values)):
                for j in range(i + 1, len(values)):
                    a, b = values[i], values[j]
                    if key == "when":
                        status, label, reason = compare_times(a, b)
                        if status == CONFLICT:
                            v.status, v.label, v.reason = CONFLICT, "different_timing", \
                                f"different timing for the {slot.replace('_', ' ')}: {a.outlet}: {a.printed} vs {b.outlet}: {b.printed}"
                            a.flagged = b.flagged = True
                    elif a.value != b.value and "to be decided" not in (a.value, b.value):
                        v.status, v.label = CONFLICT, "different_place" if key == "where" else "different_number"
                        v.reason = f"{a.outlet}: {a.printed} vs {b.outlet}: {b.printed}"
                        a.flagged = b.flagged = True
            finish(v)

    # the next round confused with the leaders' summit
    round_where = {f.article.id: f.get("next_round", "where") for f in all_facts}
    summit_where = {f.article.id: f.get("next_summit", "where") for f in all_facts}
    for a_id, rw in round_where.items():
        for b_id, sw in summit_where.items():
            if a_id == b_id or not rw or not sw:
                continue
            if rw[0].value == sw[0].value and not any(s.value == rw[0].value for s in summit_where.get(a_id) or []):
                fa, fb = facts_of[a_id], facts_of[b_id]
                verdicts.append(SlotVerdict(
                    "next_round", "where", CONFLICT, "next_round_vs_summit",
                    f"{fa.article.label} puts the next round in {rw[0].printed}, where {fb.article.label} "
                    f"puts the next summit: round and summit confused",
                    values=[OutletValue.of(fa, rw[0]), OutletValue.of(fb, sw[0])]))
                verdicts[-1].values[0].flagged = True
                verdicts[-1].reported_by = [fa.article.label, fb.article.label]

    # ------------------------------------------------ observers
    observers: dict[str, dict[str, OutletValue]] = {}
    for f in all_facts:
        for party, slots in _merge_article_values(f, "observers").items():
            observers.setdefault(party, {})[f.article.id] = OutletValue.of(f, slots[0])
    for party, per in observers.items():
        finish(SlotVerdict("observers", party, "agree", values=list(per.values())))

    # slots nobody reported are omitted by everyone: not listed
    return verdicts


def judge_claims(claims: list[Claim], all_facts: list[ArticleFacts], slot_verdicts: list[SlotVerdict]) -> list[ClaimVerdict]:
    labels = {f.article.id: f.article.label for f in all_facts}
    conflicts = [v for v in slot_verdicts if v.status == CONFLICT]
    out = []
    for claim in claims:
        carried = claim.article_ids
        carried_by = [labels[a] for a in carried]
        omitted_by = [labels[a] for a in labels if a not in carried]
        members = {s.id for s in claim.members}
        reason, flagged = "", []
        if len(carried) > 1:
            for v in conflicts:
                involved = [x for x in v.values if x.sentence_id in members]
                if len({x.article_id for x in involved}) > 1 or (involved and any(
                        x.sentence_id in members for x in v.values if x.flagged) and len(carried) > 1
                        and any(x.article_id in carried for x in v.values if not x.flagged)):
                    reason = f"{v.slot}{' (' + v.key + ')' if v.key else ''}: {v.reason}"
                    flagged = [x.sentence_id for x in v.values if x.flagged and x.sentence_id in members]
                    break
        if len(labels) == 1:
            status = "single"
        elif reason:
            status = CONFLICT
        elif not omitted_by:
            status = "agree"
        elif len(carried) > 1:
            status = "agree"
        else:
            status = "omitted"
        out.append(ClaimVerdict(claim, status, carried_by, omitted_by, len(carried) == 1, reason, flagged))
    return out
