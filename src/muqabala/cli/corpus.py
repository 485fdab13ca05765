"""`muqabala sentences`: show what was loaded, kept and dropped."""
from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from ..pipeline import load_corpus
from ..knowledge import load_knowledge
from .common import check_format, console, guarded, print_json, warn
from .display import bidi


@guarded
def sentences(
    paths: list[Path] = typer.Argument(..., help="Article files (.txt, .html, .htm, .jsonl) or folders, read recursively."),
    format: str = typer.Option("table", "--format", "-f", help="table or json."),
    show_dropped: bool = typer.Option(False, "--show-dropped", help="Also list every boilerplate line that was dropped."),
    knowledge: list[Path] = typer.Option([], "--knowledge", help="Extra knowledge TOML file or folder."),
) -> None:
    """Load articles, clean boilerplate and list every kept sentence with its offsets."""
    check_format(format, ("table", "json"))
    corpus = load_corpus(paths, load_knowledge([str(k) for k in knowledge]))
    for message in corpus.warnings:
        warn(message)
    if format == "json":
        print_json({"articles": [{
            "id": a.id, "path": a.path, "outlet": a.outlet, "published": a.published, "page_date": a.page_date,
            "language": a.language, "url": a.url, "title": a.title, "encoding": a.encoding, "provenance": a.provenance,
            "sentences": [{"id": s.id, "index": s.index, "start": s.start, "end": s.end, "text": s.text} for s in a.sentences],
            "dropped": [{"start": d.start, "end": d.end, "text": d.text, "reason": d.reason} for d in a.dropped],
        } for a in corpus.articles], "warnings": corpus.warnings})
        return
    for a in corpus.articles:
        meta = ", ".join(f"{k}: {getattr(a, k) or '?'} ({a.provenance.get(k, 'unknown')})"
                         for k in ("outlet", "published", "page_date"))
        table = Table(title=f"{a.id}  [{a.language}, {a.encoding}]\n{meta}", title_justify="left",
                      show_lines=False, expand=True)
        table.add_column("id", no_wrap=True)
        table.add_column("span", no_wrap=True, justify="right")
        table.add_column("sentence", ratio=1)
        for s in a.sentences:
            table.add_row(str(s.index), f"{s.start}-{s.end}", bidi(s.text))
        console.print(table)
        dropped = ", ".join(f"{d.reason}" for d in a.dropped)
        console.print(f"  kept {len(a.sentences)} sentences; dropped {len(a.dropped)} lines" + (f" ({dropped})" if dropped else ""))
        if show_dropped:
            for d in a.dropped:
                console.print(f"    [dim]- {d.reason} @{d.start}-{d.end}:[/] {bidi(d.text)}", highlight=False)
