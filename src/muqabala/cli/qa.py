"""`muqabala qa` (check a draft before publishing) and `muqabala trace` (provenance of a claim)."""
from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import typer
from rich.table import Table

from ..config import DEFAULT_INDEX
from ..errors import MuqabalaError
from ..index import _atomic_write
from ..qa import FAIL_LEVELS, read_draft, run_qa
from ..render.qa import qa_to_html, qa_to_json, qa_to_markdown, render_qa_terminal
from ..trace import MIN_SIMILARITY, TRACE_SCHEMA, trace as run_trace
from .common import check_format, console, err_console, guarded, print_json
from .display import bidi
from .index import MODEL_OPT, progress_bar


@guarded
def qa(
    draft: str = typer.Argument(..., help="The draft: a .txt or .html file, or - to read standard input."),
    index: str = typer.Option(DEFAULT_INDEX, "--index", "-i", help="Index holding the coverage."),
    corpus: list[Path] = typer.Option(None, "--corpus", help="Coverage articles to index and check against "
                                                             "(instead of what --index already holds)."),
    event: int = typer.Option(None, "--event", "-e", help="The round the draft is about (default: read from the draft)."),
    format: str = typer.Option("table", "--format", "-f", help="table, md, html or json (schema muqabala.qa/2)."),
    fail_on: str = typer.Option("conflict", "--fail-on", help="Exit 1 when anything reaches this level: "
                                                              "conflict, unsupported or omission."),
    min_outlets: int = typer.Option(2, "--min-outlets", min=1, help="Omissions count from this many outlets."),
    out: Path = typer.Option(None, "--out", "-o", help="Write the output to this file."),
    model: str = MODEL_OPT,
    knowledge: list[Path] = typer.Option([], "--knowledge", help="Extra knowledge TOML file or folder."),
) -> None:
    """Check a draft: each sentence supported, conflicting or unsupported, plus what it leaves out.
    Exit 0 when nothing reaches --fail-on, 1 when something does, 2 on usage errors."""
    check_format(format, ("table", "md", "html", "json"))
    if fail_on not in FAIL_LEVELS:
        raise MuqabalaError(f"--fail-on must be one of {', '.join(FAIL_LEVELS)} (got '{fail_on}')")
    stdin_text = sys.stdin.read() if draft == "-" else None
    draft_article = read_draft(draft, stdin_text)
    with progress_bar(transient=True) as bar:
        task = bar.add_task("embedding sentences", total=None)
        result = run_qa(draft_article, index=index, corpus=corpus or None, event=event,
                        knowledge=[str(k) for k in knowledge], stdin_text=stdin_text, model=model,
                        min_outlets=min_outlets,
                        progress=lambda done, total: bar.update(task, completed=done, total=total),
                        log=lambda m: err_console.print(f"[cyan]{m}[/]"))
    if format == "table" and out is None:
        render_qa_terminal(result, console, fail_on)
    else:
        text = {"json": lambda: json.dumps(qa_to_json(result, fail_on), ensure_ascii=False, indent=2),
                "md": lambda: qa_to_markdown(result, fail_on), "html": lambda: qa_to_html(result, fail_on),
                "table": lambda: _terminal_text(result, fail_on)}[format]()
        if out:
            out.parent.mkdir(parents=True, exist_ok=True)
            _atomic_write(out, text.encode("utf-8"))
            err_console.print(f"wrote {out}")
        else:
            sys.stdout.write(text + "\n")
    raise typer.Exit(1 if result.fails(fail_on) else 0)


def _terminal_text(result, fail_on) -> str:
    from io import StringIO

    from rich.console import Console

    buffer = StringIO()
    render_qa_terminal(result, Console(file=buffer, width=120, color_system=None), fail_on)
    return buffer.getvalue()


@guarded
def trace(
    claim: str = typer.Argument(..., help="The claim, in Arabic, English or French."),
    index: str = typer.Option(DEFAULT_INDEX, "--index", "-i", help="Index to look in."),
    k: int = typer.Option(10, "--k", "-k", min=1, help="Neighbours to consider."),
    format: str = typer.Option("table", "--format", "-f", help="table or json (schema muqabala.trace/1)."),
    min_similarity: float = typer.Option(MIN_SIMILARITY, "--min-similarity",
                                         help="Weakest cosine that counts as a match (set for the default model)."),
) -> None:
    """Which outlets carried a claim, in which sentence, who reported it first, and what conflicts with it."""
    check_format(format, ("table", "json"))
    result = run_trace(claim, index=index, k=k, min_similarity=min_similarity,
                       log=lambda m: err_console.print(f"[cyan]{m}[/]"))
    if format == "json":
        data = asdict(result)
        data["schema"] = TRACE_SCHEMA
        print_json(data)
        return
    if not result.found:
        console.print(f"No outlet in index '{index}' carries this claim (best similarity {result.best_similarity:.3f}, "
                      f"{result.margin:+.3f} over the median; a match needs {min_similarity:.2f}).", highlight=False)
        return
    console.print(f"[bold]{result.event or 'no known event'}[/] · claim {result.claim_id} · {result.claim_status}",
                  highlight=False)
    table = Table(expand=True)
    for col in ("outlet", "published", "sim", "span", "sentence"):
        table.add_column(col, ratio=1 if col == "sentence" else None, no_wrap=col != "sentence")
    for c in result.carriers:
        table.add_row(c.outlet, c.published or "?", f"{c.similarity:.3f}", f"{c.start}-{c.end}",
                      bidi(c.text, max(30, console.width - 60)))
    console.print(table)
    if result.first:
        rest = " → ".join(f"{c.outlet} ({c.published})" for c in result.order[1:])
        hedge = "" if result.first_certain else " (as far as the dates tell: a month-only date leaves the order open)"
        console.print(f"first reported by [bold]{result.first.outlet}[/] ({result.first.published})"
                      + (f", then {rest}" if rest else "") + hedge, highlight=False)
    if result.undated:
        console.print("no publication date: " + ", ".join(c.outlet for c in result.undated), highlight=False)
    if result.omitted_by:
        console.print("not carried by: " + ", ".join(result.omitted_by), highlight=False)
    for x in result.conflicts:
        console.print(f"[red]conflict[/] {x['slot']}{': ' + x['key'] if x['key'] else ''} [{x['label']}] "
                      f"{x['outlet']}: {bidi(x['printed'])} - {x['reason']}", highlight=False)
