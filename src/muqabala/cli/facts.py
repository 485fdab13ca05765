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
    format: str = typer.Option("table", "--format", "-f", help="table or json (schema muqabala.facts/1, see README)."),
    knowledge: list[Path] = typer.Option([], "--knowledge", help="Extra knowledge TOML file or folder."),
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
        if ev:
            head += f"\nevent: {ev.series} round {ev.round if ev.round is not None else '?'} (confidence {ev.confidence})"
            if ev.evidence:
                head += " from: " + " | ".join(bidi(m.printed) for m in ev.evidence[:3])
        else:
            head += "\nevent: none found"
        table = Table(title=head, title_justify="left", expand=True)
        for col in ("slot", "key", "value", "as printed", "sentence", "note"):
            table.add_column(col, ratio=1 if col in ("as printed", "note") else None)
        for s in f.slots:
            note = s.extra.get("reason") or s.extra.get("note") or ("inferred" if s.extra.get("inferred") else "")
            style = "bold red" if s.extra.get("name_status") == "outdated" else None
            table.add_row(s.slot, s.key, s.value, bidi(s.printed, 22), s.sentence_id.rsplit(":", 1)[1], note, style=style)
        console.print(table)
