"""The report as Markdown. Article text is untrusted: HTML and Markdown
metacharacters are escaped in every cell and quote."""
from __future__ import annotations

import html
import re

from ..report import Report
from .common import MARK, claim_cells, short, slot_name, support

_MD = re.compile(r"([\\`*_{}\[\]()#+!|>~-])")


def esc(text: str) -> str:
    return _MD.sub(r"\\\1", html.escape(" ".join(str(text).split()), quote=False))


def report_to_markdown(report: Report) -> str:
    out = ["# muqabala consistency report", "", f"model: {esc(report.model)} · index: {esc(report.index)} · {report.created}", ""]
    for w in report.warnings:
        out.append(f"> warning: {esc(w)}")
    for ev in report.events:
        langs = ", ".join(sorted({a.language for a in ev.articles}))
        out += ["", f"## {esc(ev.title)}", "", f"dates: {esc(ev.dates)} · {len(ev.articles)} outlets · {esc(langs)}", ""]
        out += ["| outlet | article | published |", "|---|---|---|"]
        out += [f"| {esc(a.label)} | {esc(a.id)} | {esc(a.published or '?')} |" for a in ev.articles]
        out += ["", "### Slots", "", "| slot | status | consensus | departs from it | why |", "|---|---|---|---|---|"]
        for v in ev.slots:
            consensus = f"{esc(v.consensus_printed or v.consensus)} {support(v)}" if v.consensus else "—"
            dissent = "; ".join(f"✗ {esc(x.outlet)}: {esc(x.printed)} ({x.label or ''})" for x in v.dissent)
            dissent += "".join(f"; ↺ {esc(x.outlet)}: {esc(x.printed)} (plan)" for x in v.superseded)
            out.append(f"| {esc(slot_name(v))} | {v.status}{' (' + str(v.label) + ')' if v.label else ''} | {consensus} | "
                       f"{dissent.strip('; ') or '—'} | {esc(v.reason or '; '.join(v.notes))} |")
        out += ["", "### Values per outlet", "", "| slot | " + " | ".join(esc(a.label) for a in ev.articles) + " |",
                "|---|" + "---|" * len(ev.articles)]
        for v in ev.slots:
            cells = []
            for a in ev.articles:
                vals = [x for x in v.values if x.article_id == a.id]
                cells.append(" / ".join(("**✗ " if x.flagged else "") + esc(x.printed) + ("**" if x.flagged else "")
                                        for x in vals) or "—")
            out.append(f"| {esc(slot_name(v))} | " + " | ".join(cells) + " |")
        out += ["", "### Coverage (claims × outlets)", "", "| claim | status | " + " | ".join(esc(a.label) for a in ev.articles) + " |",
                "|---|---|" + "---|" * len(ev.articles)]
        for c in ev.claims:
            cells = claim_cells(ev, c)
            out.append(f"| {esc(c.claim.id)}: {esc(short(c.claim.members[0].text))} | {c.status} | "
                       + " | ".join(MARK[cells[a.id]] for a in ev.articles) + " |")
        conflicts = [v for v in ev.slots if v.status == "conflict"]
        out += ["", "### Conflicts", ""]
        if not conflicts:
            out.append("None.")
        for v in conflicts:
            out.append(f"- **{esc(slot_name(v))}** ({v.label}): {esc(v.reason)}")
            for x in [y for y in v.values if y.flagged or y is v.values[0]]:
                if x.witness:
                    continue
                sentence = next(s for a in ev.articles if a.id == x.article_id for s in a.sentences if s.id == x.sentence_id)
                out.append(f"  - {esc(x.outlet)}: “{esc(sentence.text)}” (chars {sentence.start}-{sentence.end})")
        omitted = [v for v in ev.slots if v.status == "omitted"]
        if omitted:
            out += ["", "### Omissions", ""]
            out += [f"- {esc(slot_name(v))}: reported by {esc(', '.join(v.reported_by))}; omitted by {esc(', '.join(v.omitted_by))}"
                    for v in omitted]
    if report.unassigned:
        out += ["", f"## Unassigned ({len(report.unassigned)}): never compared", "", "| article | outlet | why |",
                "|---|---|---|"]
        out += [f"| {esc(f.article.id)} | {esc(f.article.label)} | {esc(f.event.reason if f.event else 'no known series')} |"
                for f in report.unassigned]
    return "\n".join(out) + "\n"
