"""The report as JSON (schema muqabala.report/2, documented in the README)."""
from __future__ import annotations

from ..judge import OutletValue, SlotVerdict
from ..report import REPORT_SCHEMA, Report


def _value(v: OutletValue) -> dict:
    return {"article": v.article_id, "outlet": v.outlet, "flagged": v.flagged, "plan": v.plan,
            "weight": v.weight, "label": v.label.value if v.label else None, "reason": v.reason,
            **v.slot_value.to_dict()}


def _slot(v: SlotVerdict) -> dict:
    return {"slot": v.slot, "key": v.key, "status": v.status.value, "label": v.label.value if v.label else None,
            "class": v.conflict_class or None, "reason": v.reason, "notes": v.notes,
            "consensus": ({"value": v.consensus, "printed": v.consensus_printed, "count": v.consensus_count}
                          if v.consensus is not None else None),
            "dissent": [{"article": x.article_id, "outlet": x.outlet, "value": x.value, "printed": x.printed,
                         "label": x.label.value if x.label else None, "reason": x.reason,
                         "sentence_id": x.sentence_id} for x in v.dissent],
            "superseded": [{"article": x.article_id, "outlet": x.outlet, "value": x.value, "reason": x.reason}
                           for x in v.superseded],
            "reported_by": v.reported_by, "omitted_by": v.omitted_by, "recalled_round": v.recalled_round,
            "values": [_value(x) for x in v.values if not x.witness]}


def report_to_json(report: Report) -> dict:
    events = []
    for ev in report.events:
        events.append({
            "series": ev.series, "series_name": ev.series_name, "round": ev.round, "dates": ev.dates,
            "languages": sorted({a.language for a in ev.articles}),
            "articles": [{"id": a.id, "outlet": a.label, "published": a.published, "page_date": a.page_date,
                          "path": a.path, "url": a.url, "kind": a.kind, "language": a.language,
                          "event_confidence": f.event.confidence if f.event else None,
                          "event_reason": f.event.reason if f.event else None}
                         for f, a in zip(ev.facts, ev.articles)],
            "slots": [_slot(v) for v in ev.slots],
            "claims": [{"id": c.claim.id, "status": c.status, "carried_by": c.carried_by, "omitted_by": c.omitted_by,
                        "alone": c.alone, "reason": c.reason, "conflicting_sentences": c.conflicting_sentences,
                        "members": [{"article": s.article_id, "outlet": ev_label(ev, s.article_id),
                                     "sentence_id": s.id, "start": s.start, "end": s.end, "text": s.text}
                                    for s in c.claim.members]} for c in ev.claims],
        })
    return {"schema": REPORT_SCHEMA, "created": report.created, "model": report.model, "index": report.index,
            "warnings": report.warnings, "events": events,
            "unassigned": [{"id": f.article.id, "outlet": f.article.label, "published": f.article.published,
                            "path": f.article.path, "series": f.event.series if f.event else None,
                            "reason": f.event.reason if f.event else "no known series"} for f in report.unassigned]}


def ev_label(ev, article_id: str) -> str:
    return next(a.label for a in ev.articles if a.id == article_id)
