"""The report as JSON (schema muqabala.report/1, documented in the README)."""
from __future__ import annotations

from ..judge import OutletValue
from ..report import REPORT_SCHEMA, Report


def _value(v: OutletValue) -> dict:
    return {"article": v.article_id, "outlet": v.outlet, "value": v.value, "printed": v.printed,
            "sentence_id": v.sentence_id, "start": v.span[0], "end": v.span[1], "flagged": v.flagged,
            **{k: x for k, x in v.extra.items() if k in ("name_status", "reason", "note", "granularity", "title", "start_date")}}


def report_to_json(report: Report) -> dict:
    events = []
    for ev in report.events:
        events.append({
            "series": ev.series, "series_name": ev.series_name, "round": ev.round, "dates": ev.dates,
            "articles": [{"id": a.id, "outlet": a.label, "published": a.published, "page_date": a.page_date,
                          "path": a.path, "url": a.url} for a in ev.articles],
            "slots": [{"slot": v.slot, "key": v.key, "status": v.status, "label": v.label, "reason": v.reason,
                       "notes": v.notes, "reported_by": v.reported_by, "omitted_by": v.omitted_by,
                       "values": [_value(x) for x in v.values]} for v in ev.slots],
            "claims": [{"id": c.claim.id, "status": c.status, "carried_by": c.carried_by, "omitted_by": c.omitted_by,
                        "alone": c.alone, "reason": c.reason, "conflicting_sentences": c.conflicting_sentences,
                        "members": [{"article": s.article_id, "outlet": ev_label(ev, s.article_id),
                                     "sentence_id": s.id, "start": s.start, "end": s.end, "text": s.text}
                                    for s in c.claim.members]} for c in ev.claims],
        })
    return {"schema": REPORT_SCHEMA, "created": report.created, "model": report.model, "index": report.index,
            "warnings": report.warnings, "events": events}


def ev_label(ev, article_id: str) -> str:
    return next(a.label for a in ev.articles if a.id == article_id)
