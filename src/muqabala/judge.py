"""Stage 7, judge: verdicts by consensus, per slot and per claim, within one
event only (facts about different rounds are never compared).

For each registered slot type (and key) every article gives at most one value.
Values are grouped by the slot type's own `compare`: the group most outlets give
(an official statement weighs double, and the series calendar counts as one
witness) is the consensus; only the outlets that depart from it are flagged,
each with the label of the difference. Where no group has a majority, nothing
is flagged. Values from articles published before the round are plans: when
later reports differ the plan is superseded, never in conflict.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from .align import Claim
from .knowledge import Knowledge
from .normalize import fold
from .slots import REGISTRY, About, ArticleFacts, Comparison, Label, SlotValue, Status
from .slots.base import CLASS_OF
from .slots.next_summit import round_vs_summit
from .timeexpr import PubDate

CONFLICT = Status.CONFLICT
OFFICIAL_KINDS = ("statement", "official")
WITNESS = "series calendar"
# The calendar is a fact: it outweighs one relay, never two outlets that agree with each other.
WITNESS_WEIGHT = 1.5
NEXT_PLAN_DAYS = 10


@dataclass
class OutletValue:
    article_id: str
    outlet: str
    slot_value: SlotValue
    weight: float = 1.0
    flagged: bool = False       # this outlet departs from the consensus
    plan: bool = False          # published before the round, or "expected"
    published: date | None = None
    label: Label | None = None
    reason: str = ""

    @property
    def value(self) -> str:
        return self.slot_value.value

    @property
    def printed(self) -> str:
        return self.slot_value.printed

    @property
    def sentence_id(self) -> str:
        return self.slot_value.sentence_id

    @property
    def span(self) -> tuple[int, int]:
        return self.slot_value.span

    @property
    def witness(self) -> bool:
        return self.article_id == WITNESS


@dataclass
class SlotVerdict:
    slot: str
    key: str                    # party for heads/observers, when/where/round for next_*, "" otherwise
    status: Status
    label: Label | None = None
    reason: str = ""
    values: list[OutletValue] = field(default_factory=list)
    consensus: str | None = None
    consensus_printed: str = ""
    consensus_count: int = 0
    reported_by: list[str] = field(default_factory=list)
    omitted_by: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    recalled_round: int | None = None   # a check of an earlier round an outlet recalls, against the calendar

    @property
    def dissent(self) -> list[OutletValue]:
        return [x for x in self.values if x.flagged]

    @property
    def superseded(self) -> list[OutletValue]:
        return [x for x in self.values if x.label is Label.PLAN_VS_OUTCOME]

    @property
    def retitled(self) -> list[OutletValue]:
        """Outlets that give the consensus person a title most others do not."""
        return [x for x in self.values if x.label is Label.TITLE_DIFFERENCE]

    @property
    def conflict_class(self) -> str:
        """naming, factual, superseded or title: how the report groups it."""
        if self.label is None:
            return ""
        return CLASS_OF.get(self.label, "factual")


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
    """The publication day; for a month-only date the month's last day (so 'published before the
    round' holds only when it holds for every day the date allows)."""
    p = PubDate.parse(article.published)
    if p is None:
        return None
    if p.as_date:
        return p.as_date
    if p.month:
        import calendar

        return date(p.year, p.month, calendar.monthrange(p.year, p.month)[1])
    return None


def round_start(all_facts: list[ArticleFacts], kb: Knowledge) -> date | None:
    event = all_facts[0].event if all_facts else None
    known = kb.series[event.series].round(event.round) if event and event.series else None
    if known:
        return known.start
    from .slots.dates import event_span

    spans = [s for f in all_facts if (s := event_span(f.get("dates")))]
    return min(s[0] for s in spans) if spans else None


def source_weight(facts: ArticleFacts, kb: Knowledge) -> float:
    """An official statement, or the host's or a guarantor's foreign ministry, outweighs a relay."""
    kind = getattr(facts.article, "kind", None) or ""
    if kind in OFFICIAL_KINDS or facts.article.outlet in kb.official_outlets:
        return 2.0
    return 1.0


def witnesses(slot: str, all_facts: list[ArticleFacts], kb: Knowledge) -> list[OutletValue]:
    """The series calendar as one more witness: the round's dates and its host city's name."""
    event = all_facts[0].event if all_facts else None
    if event is None or not event.series:
        return []
    return calendar_witness(slot, kb.series[event.series].round(event.round), kb)


def calendar_witness(slot: str, known, kb: Knowledge) -> list[OutletValue]:
    """What the series calendar says of one known round, for a slot it records (dates, venue)."""
    if known is None:
        return []
    if slot == "dates":
        label = f"{known.start.isoformat()}/{known.end.isoformat()}" if known.start != known.end else known.start.isoformat()
        v = SlotValue("dates", "", label, label, "", (0, 0), start=known.start, end=known.end, granularity="day")
        return [OutletValue(WITNESS, WITNESS, v, weight=WITNESS_WEIGHT)]
    if slot == "venue" and known.venue in kb.places:
        place = kb.places[known.venue]
        name = next((e.names[-1] for e in place.eras if (e.valid_from is None or e.valid_from <= known.start)
                     and (e.valid_until is None or known.start < e.valid_until)), known.venue)
        v = SlotValue("venue", "", known.venue, name, "", (0, 0), name_status="valid")
        return [OutletValue(WITNESS, WITNESS, v, weight=WITNESS_WEIGHT)]
    return []


def _groups(values: list[OutletValue], compare) -> list[list[OutletValue]]:
    """Values grouped with any value they agree with (single link: 14 March and 15 March both agree
    with 14-15 March, so the three are one group)."""
    groups: list[list[OutletValue]] = []
    for v in values:
        joined = [g for g in groups if any(compare(m.slot_value, v.slot_value).status is Status.AGREE for m in g)]
        if not joined:
            groups.append([v])
            continue
        merged = [m for g in joined for m in g] + [v]
        groups = [g for g in groups if not any(g is j for j in joined)] + [merged]
    return groups


def _anchor(group: list[OutletValue], compare) -> OutletValue:
    """The group's representative: the series calendar when it is in the group, else the value most
    outlets give word for word, else the one that agrees with most of the others."""
    witness = next((m for m in group if m.witness), None)
    if witness is not None:
        return witness

    def score(m):
        same = sum(1 for o in group if o.value == m.value)
        agree = sum(1 for o in group if o is not m and compare(m.slot_value, o.slot_value).status is Status.AGREE)
        return (same, agree)
    return max(group, key=score)


def _announced_right_before(x: OutletValue, plans: list[OutletValue], anchor: OutletValue, compare) -> bool:
    """Another plan, published no later than this one, already gave what happened: the plan had not
    changed, so this outlet's different value is an error, not a superseded plan."""
    if x.published is None:
        return False
    return any(p is not x and p.published and p.published <= x.published
               and compare(anchor.slot_value, p.slot_value).status is Status.AGREE for p in plans)


def judge_slot(slot_type, key: str, values: list[OutletValue], labels: dict[str, str],
               wit: list[OutletValue], kb: Knowledge) -> SlotVerdict:
    """Consensus and dissent for one slot (and key) across the articles of one event."""
    compare = lambda a, b: slot_type.compare(a, b, kb)  # noqa: E731
    v = SlotVerdict(slot_type.name, key, Status.AGREE, values=list(values))
    outcomes = [x for x in values if not x.plan]
    plans = [x for x in values if x.plan]
    # what happened is known from reports after the round, or from the series calendar
    known_outcome = bool(outcomes or wit)
    by = "later reports give" if outcomes else "the series calendar gives"
    pool = outcomes or plans
    groups = _groups(pool + wit, compare)
    weight = lambda g: sum(x.weight for x in g)  # noqa: E731
    # a value said outright outranks weak ones (a country for its city, a leader only named at the talks)
    groups.sort(key=lambda g: (all(x.slot_value.weak for x in g), -weight(g), -sum(1 for x in g if not x.witness)))
    top = groups[0]
    lead = _anchor(top, compare)
    contested = [g for g in groups[1:] if any(compare(lead.slot_value, x.slot_value).status is CONFLICT for x in g)]
    reporters = {x.article_id for x in values}
    v.reported_by = list(dict.fromkeys(x.outlet for x in values))
    v.omitted_by = [labels[a] for a in labels if a not in reporters]
    if contested and weight(contested[0]) >= weight(top):
        v.status, v.label = Status.NO_MAJORITY, None
        v.reason = "no majority: " + " vs ".join(
            f"{g[0].printed} ({', '.join(x.outlet for x in g)})" for g in [top] + contested)
        return v
    anchor = _anchor(top, compare)
    shown = anchor if not anchor.witness else next((m for m in top if not m.witness and m.value == anchor.value),
                                                      anchor)
    v.consensus, v.consensus_printed = anchor.value, shown.printed
    if anchor.slot_value.start:  # a date: the ISO value reads better than "on Wednesday"
        v.consensus_printed = anchor.value
    if all(x.slot_value.weak for x in top) and shown.slot_value.note:
        v.consensus_printed += f" ({shown.slot_value.note})"  # "Lavrentiev (named at the talks, not said to lead)"
    # a plan that came true is one more outlet giving the consensus
    v.consensus_count = sum(1 for x in top if not x.witness) + sum(
        1 for x in values if x.plan and outcomes and compare(anchor.slot_value, x.slot_value).status is Status.AGREE)
    # who departs from the consensus, and how
    for x in values:
        if any(x is m for m in top):
            continue
        c: Comparison = compare(anchor.slot_value, x.slot_value)
        wider = bool(x.slot_value.start and anchor.slot_value.start and (
            x.slot_value.start < anchor.slot_value.start or x.slot_value.end > anchor.slot_value.end))
        if x.plan and known_outcome and c.status is not CONFLICT and c.label is Label.WITHIN_SPAN and wider:
            # announced 14-16 June, held 15-16 June: the plan changed, nobody is wrong
            x.label, x.reason = Label.PLAN_VS_OUTCOME, (
                f"{x.outlet} reported the plan ({x.printed}) before the round; {by} {anchor.printed}")
        elif c.status is CONFLICT:
            if x.plan and known_outcome and not _announced_right_before(x, plans, anchor, compare):
                x.label, x.reason = Label.PLAN_VS_OUTCOME, (
                    f"{x.outlet} reported the plan ({x.printed}) before the round; {by} {anchor.printed}")
            else:
                x.flagged, x.label, x.reason = True, c.label, c.reason
        elif c.status is Status.CANNOT_COMPARE and c.reason and c.reason not in v.notes:
            v.notes.append(c.reason)
    # notes inside the consensus: spellings, titles, a date within the other's span. Titles are read
    # against the title most members share, so the outlet with the odd title is the one named.
    # (a preview's title for the same person counts too: a title does not change with the plan)
    titled = [m for m in top if not m.witness and m.slot_value.title] + [
        x for x in plans if outcomes and x.slot_value.title and compare(anchor.slot_value, x.slot_value).status is Status.AGREE]
    usual = max(titled, key=lambda m: sum(1 for o in titled if o is m or compare(m.slot_value, o.slot_value).label
                                          is not Label.TITLE_DIFFERENCE), default=anchor)
    for x in top:
        if x is anchor and x is usual:
            continue
        c = compare(anchor.slot_value, x.slot_value)
        if c.label is Label.TITLE_DIFFERENCE or (x is not usual and not x.witness):
            c = compare(usual.slot_value, x.slot_value)
        if c.label in (Label.TITLE_DIFFERENCE, Label.WITHIN_SPAN, Label.SPELLING) and c.reason not in v.notes:
            v.notes.append(c.reason)
        if c.label is Label.TITLE_DIFFERENCE:
            x.label, x.reason = c.label, f"{x.outlet}: {c.reason}"
    dissent = v.dissent
    if dissent:
        v.status = CONFLICT
        v.label = dissent[0].label
        v.reason = "; ".join(f"{x.outlet}: {x.reason}" for x in dissent)
    elif v.superseded:
        v.status, v.label = Status.SUPERSEDED, Label.PLAN_VS_OUTCOME
        v.reason = "; ".join(x.reason for x in v.superseded)
    elif any(x.label is Label.TITLE_DIFFERENCE for x in values):
        v.label = Label.TITLE_DIFFERENCE
    elif slot_type.name == "venue" and any(x.slot_value.name_status == "outdated" for x in values):
        v.label = Label.OUTDATED_NAME
    if len(labels) == 1 and v.status is Status.AGREE:
        v.status = Status.SINGLE
    elif v.status is Status.AGREE and len(reporters) < 2:
        v.status = Status.OMITTED
    return v


def judge_slots(all_facts: list[ArticleFacts], kb: Knowledge) -> list[SlotVerdict]:
    """Per-slot verdicts across the articles of one event, in the registry's order."""
    labels = {f.article.id: f.article.label for f in all_facts}
    start = round_start(all_facts, kb)
    verdicts: list[SlotVerdict] = []
    dates = [d for f in all_facts if (d := _pub(f.article))]
    latest = max(dates) if dates else None
    for slot_type in REGISTRY.values():
        if not slot_type.compared:
            continue
        per_key: dict[str, list[OutletValue]] = {}
        for f in all_facts:
            published = _pub(f.article)
            early = bool(start and published and published < start)
            if slot_type.about is About.NEXT:
                # what comes next is re-announced as plans change: an announcement made well before the
                # latest report is an earlier plan, superseded rather than contradicted
                early = bool(latest and published and (latest - published).days > NEXT_PLAN_DAYS)
            for sv in slot_type.representative(f.get(slot_type.name, about=slot_type.about)):
                ov = OutletValue(f.article.id, f.article.label, sv, source_weight(f, kb), plan=sv.plan or early,
                                 published=published)
                per_key.setdefault(sv.key, []).append(ov)
        for key, values in per_key.items():
            wit = witnesses(slot_type.name, all_facts, kb) if not slot_type.keyed else []
            verdicts.append(judge_slot(slot_type, key, values, labels, wit, kb))
    for v in verdicts:
        _announced_against_calendar(v, all_facts, kb)
    verdicts += _round_vs_summit(all_facts)
    verdicts += recalled_rounds(all_facts, kb)
    return verdicts


def _announced_against_calendar(v: SlotVerdict, all_facts: list[ArticleFacts], kb: Knowledge) -> None:
    """The next round as announced, against when and where the series calendar says it met: a plan that
    changed later ("July" for a round held on 1-2 August) is superseded, and no outlet is at fault."""
    event = all_facts[0].event if all_facts else None
    if v.slot != "next_round" or v.key not in ("when", "where") or v.consensus is None or v.status not in (
            Status.AGREE, Status.OMITTED, Status.SINGLE) or event is None or not event.series or not event.round:
        return
    known = kb.series[event.series].round(event.round + 1)
    anchor = next((x for x in v.values if x.value == v.consensus and not x.flagged), None)
    if known is None or anchor is None:
        return
    if v.key == "when":
        wit = calendar_witness("dates", known, kb)[0].slot_value
        held = wit.value
    elif known.venue:
        held = kb.places[known.venue].name_on(known.start) if known.venue in kb.places else known.venue
        wit = SlotValue("next_round", "where", known.venue, held, "", (0, 0))
    else:
        return
    wit = replace(wit, slot="next_round", key=v.key)
    if REGISTRY["next_round"].compare(anchor.slot_value, wit, kb).status is not CONFLICT:
        return
    v.status, v.label = Status.SUPERSEDED, Label.PLAN_VS_OUTCOME
    v.reason = (f"announced {anchor.printed.rstrip('.،,; ')}; round {known.number} met {held} (series calendar): "
                "the plan changed, nobody is at fault")
    for x in v.values:
        if not x.flagged and REGISTRY["next_round"].compare(anchor.slot_value, x.slot_value, kb).status is Status.AGREE:
            x.label = Label.PLAN_VS_OUTCOME


# words of what is still ahead: a recalled round is in the past, so a date they introduce is of something else
AHEAD_OF_RECALL = re.compile(r"(?<![\w])(?:will|would|scheduled|expected|to\s+(?:return|resume|continue)|"
                             r"سيعقد|ستعقد|المقرر|مقرر|المزمع|للعوده|لمواصله|لاستيناف|استيناف)(?![\w])", re.I)


def recalled_rounds(all_facts: list[ArticleFacts], kb: Knowledge) -> list[SlotVerdict]:
    """An outlet recalling an earlier round it names ("the first round, held on 23-24 February") is checked
    against the series calendar; a sentence whose dates all depart from it is flagged. Where one of its dates
    agrees, the others date something else (a ceasefire, the next meeting)."""
    out: list[SlotVerdict] = []
    for f in all_facts:
        if f.event is None or not f.event.series:
            continue
        series = kb.series[f.event.series]
        recalled: dict[tuple[str, int], list[SlotValue]] = {}
        for sv in f.slots:
            if sv.round is not None and sv.about is not About.THIS and sv.slot in REGISTRY:
                recalled.setdefault((sv.slot, sv.round), []).append(sv)
        for (slot, number), values in recalled.items():
            wit = calendar_witness(slot, series.round(number), kb)
            if not wit:
                continue
            compare = REGISTRY[slot].compare
            results = [(sv, compare(wit[0].slot_value, sv, kb)) for sv in values]
            if any(c.status is not CONFLICT for _, c in results):
                continue
            sv, c = results[0]
            published = _pub(f.article)
            if c.label is Label.WRONG_YEAR and not re.search(r"(?:19|20)\d\d", sv.printed):
                continue  # a year the parser supplied, not the outlet's error
            if AHEAD_OF_RECALL.search(fold(f.article.sentence(sv.sentence_id).text)):
                continue  # "invited them to return to Geneva on 23 March": a date ahead, not the round recalled
            x = OutletValue(f.article.id, f.article.label, sv, source_weight(f, kb), published=published)
            x.flagged, x.label = True, c.label
            x.reason = (f"{x.outlet} gives round {number} as {sv.printed} ({sv.value}); "
                        f"the series calendar has {wit[0].slot_value.value}")
            out.append(SlotVerdict(slot, f"round {number} (recalled)", CONFLICT, c.label, x.reason, [x, wit[0]],
                                   consensus=wit[0].slot_value.value, consensus_printed=wit[0].slot_value.value,
                                   reported_by=[x.outlet], recalled_round=number))
    return out


def _round_vs_summit(all_facts: list[ArticleFacts]) -> list[SlotVerdict]:
    """The next round put where the other outlets put the leaders' summit."""
    out = []
    summits = {f.article.id: f.get("next_summit", "where") for f in all_facts}
    for f in all_facts:
        for rw in f.get("next_round", "where")[:1]:
            others = [s for aid, ss in summits.items() if aid != f.article.id for s in ss]
            c = round_vs_summit(rw, others, summits[f.article.id])
            if c.status is CONFLICT:
                confused = OutletValue(f.article.id, f.article.label, rw, flagged=True, label=c.label,
                                       reason=c.reason)
                other = next(g for g in all_facts if g.article.id != f.article.id
                             and any(s.value == rw.value for s in summits[g.article.id]))
                witness = OutletValue(other.article.id, other.article.label,
                                      next(s for s in summits[other.article.id] if s.value == rw.value))
                out.append(SlotVerdict("next_round", "where", CONFLICT, c.label, f"{f.article.label} {c.reason}",
                                       values=[confused, witness],
                                       reported_by=[f.article.label, other.article.label]))
    return out


def judge_claims(claims: list[Claim], all_facts: list[ArticleFacts], slot_verdicts: list[SlotVerdict]) -> list[ClaimVerdict]:
    labels = {f.article.id: f.article.label for f in all_facts}
    conflicts = [v for v in slot_verdicts if v.status is CONFLICT]
    out = []
    for claim in claims:
        carried = claim.article_ids
        carried_by = [labels[a] for a in carried]
        omitted_by = [labels[a] for a in labels if a not in carried]
        members = {s.id for s in claim.members}
        reason, flagged = "", []
        if len(carried) > 1:
            for v in conflicts:
                mine = [x for x in v.values if x.sentence_id in members]
                if any(x.flagged for x in mine) and any(not x.flagged and x.article_id in carried for x in v.values):
                    reason = f"{v.slot}{' (' + v.key + ')' if v.key else ''}: {v.reason}"
                    flagged = [x.sentence_id for x in mine if x.flagged]
                    break
        if len(labels) == 1:
            status = "single"
        elif reason:
            status = "conflict"
        elif len(carried) > 1:
            status = "agree"
        else:
            status = "omitted"
        out.append(ClaimVerdict(claim, status, carried_by, omitted_by, len(carried) == 1, reason, flagged))
    return out
