"""`muqabala facts`: each article's event and its slots with their evidence."""
from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from ..facts_api import facts_to_json, load_facts
from .common import check_format, console, guarded, print_json, warn
from .display import bidi


@guarded
def facts(
    paths: list[Path] = typer.Argument(..., help="Article files or folders."),
    format: str = typer.Option("table", "--format", "-f", help="table or json (schema muqabala.facts/2, see README)."),
    knowledge: list[Path] = typer.Option([], "--knowledge", help="Extra knowledge TOML file or folder."),
    explain: bool = typer.Option(False, "--explain", help="Show every candidate round with its score and evidence."),
) -> None:
    """Show which round each article reports and the facts it gives: venue, dates, heads, next round, observers."""
    check_format(format, ("table", "json"))
    corpus, all_facts = load_facts(paths, [str(k) for k in knowledge])
    for message in corpus.warnings:
        warn(message)
    if format == "json":
        print_json(facts_to_json(all_facts))
        return
    for f in all_facts:
        a = f.article
        ev = f.event
        head = f"{a.label} - {a.id} (published {a.published or '?'})"
        if ev and ev.assigned:
            head += f"\nevent: {ev.series} round {ev.round} (confidence {ev.confidence}): {ev.reason}"
        else:
            head += f"\nevent: unassigned ({ev.reason if ev else 'no known series'}); never compared"
        if explain and ev:
            for cand in f.events:
                scores = ", ".join(f"round {n}: {v:.2f}" for n, v in sorted(cand.scores.items(), key=lambda x: -x[1]))
                head += f"\n  {cand.series}: {scores or 'no round evidence'}"
                for e in cand.evidence:
                    head += (f"\n    {e.kind:<9} round {e.round:<3} {e.role.value:<10} weight {e.weight:<5} "
                             f"{bidi(e.printed, 40)}{'  (' + e.note + ')' if e.note else ''}")
        table = Table(title=head, title_justify="left", expand=True)
        for col in ("slot", "key", "value", "as printed", "sentence", "note"):
            table.add_column(col, ratio=1 if col in ("as printed", "note") else None)
        for s in f.slots:
            note = s.reason or s.note or s.title or ("plan" if s.plan else "") or ("weak" if s.weak else "")
            if s.about.value != "this":
                note = f"[{s.about.value}] {note}"
            style = "bold red" if s.name_status == "outdated" else "dim" if s.about.value not in ("this", "next") else None
            table.add_row(s.slot, s.key, s.value, bidi(s.printed, 22), s.sentence_id.rsplit(":", 1)[1], note, style=style)
        console.print(table)
