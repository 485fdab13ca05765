"""`muqabala report`: the consistency report (the main job)."""
from __future__ import annotations

from pathlib import Path

import typer

from ..config import DEFAULT_INDEX
from ..errors import MuqabalaError
from ..render.html import report_to_html
from ..render.json import report_to_json
from ..render.markdown import report_to_markdown
from ..render.terminal import render_terminal
from ..report import build_report
from .common import check_format, console, err_console, guarded, print_json
from .index import MODEL_OPT, progress_bar
from ..index import SentenceIndex, _atomic_write


@guarded
def report(
    paths: list[Path] = typer.Argument(None, help="Articles to cross-check (indexed on the way). "
                                                   "Without paths, everything already in --index."),
    index: str = typer.Option(DEFAULT_INDEX, "--index", "-i", help="Index name under indexes/ (or a path)."),
    event: int = typer.Option(None, "--event", "-e", help="Only this round number."),
    format: str = typer.Option("table", "--format", "-f", help="table, md, html or json (schema muqabala.report/2)."),
    out: Path = typer.Option(None, "--out", "-o", help="Write to this file instead of the terminal."),
    model: str = MODEL_OPT,
    knowledge: list[Path] = typer.Option([], "--knowledge", help="Extra knowledge TOML file or folder."),
) -> None:
    """Per event: each slot's consensus and the outlets that depart from it, conflicts by class with evidence,
    the widely carried claims (the full claims × outlets matrix up to 5 outlets, or in --format html), and the
    articles that could not be assigned to a round."""
    check_format(format, ("table", "md", "html", "json"))
    if not paths and not SentenceIndex.exists(index):
        raise MuqabalaError(f"give article paths, or build the index '{index}' first with: muqabala index PATH...")
    with progress_bar() as bar:
        task = bar.add_task("embedding sentences", total=None)
        result = build_report(paths or None, index=index, model=model, event=event,
                              knowledge=[str(k) for k in knowledge],
                              progress=lambda done, total: bar.update(task, completed=done, total=total),
                              log=lambda m: err_console.print(f"[cyan]{m}[/]"))
    if format == "table" and out is None:
        render_terminal(result, console)
        return
    if format == "json":
        import json

        text = json.dumps(report_to_json(result), ensure_ascii=False, indent=2)
    elif format == "md":
        text = report_to_markdown(result)
    elif format == "html":
        text = report_to_html(result)
    else:
        from io import StringIO

        from rich.console import Console

        buffer = StringIO()
        render_terminal(result, Console(file=buffer, width=120, force_terminal=False, color_system=None))
        text = buffer.getvalue()
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(out, text.encode("utf-8"))
        err_console.print(f"wrote {out}")
    elif format == "json":
        print_json(report_to_json(result))
    else:
        console.print(text, markup=False, highlight=False, soft_wrap=True)
