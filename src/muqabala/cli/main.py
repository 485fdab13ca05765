"""The `muqabala` command: a thin layer over the library, one module per command group."""
from __future__ import annotations

import typer

from . import corpus, index

app = typer.Typer(
    name="muqabala",
    help="Cross-check news reports of one event across outlets, claim by claim: "
         "where they agree, where one omits what others report, and where they conflict.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("sentences")(corpus.sentences)
app.command("index")(index.index)
app.command("search")(index.search)
app.command("model")(index.model)

from . import facts, qa, report  # noqa: E402

app.command("facts")(facts.facts)
app.command("report")(report.report)
app.command("qa")(qa.qa)
app.command("trace")(qa.trace)

if __name__ == "__main__":
    app()
