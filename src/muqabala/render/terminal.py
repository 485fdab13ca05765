"""The report in the terminal (rich): per event a header, the slot table with
outlets as columns, the coverage matrix and the conflicts with evidence."""
from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..report import Report
from .bidi import bidi_enabled, visual
from .common import MARK, claim_cells, short, slot_name

STYLE = {"conflict": "bold red", "omitted": "yellow", "agree": "green", "superseded": "cyan", "single": "dim"}


def render_terminal(report: Report, console: Console, max_claims: int = 60) -> None:
    on = bidi_enabled(console.is_terminal)
    for w in report.warnings:
        console.print(f"[yellow]warning:[/] {w}", highlight=False)
    for ev in report.events:
        n = max(1, len(ev.articles))
        col = max(12, (console.width - 40) // n)
        outlets = "\n".join(f"{a.label}: published {a.published or '?'} ({a.id})" for a in ev.articles)
        console.print(Panel(f"[bold]{ev.title}[/]   dates: {ev.dates}\n{outlets}", expand=True, highlight=False))
        slots = Table(title="Slots", title_justify="left", expand=True, show_lines=True)
        slots.add_column("slot", no_wrap=True)
        slots.add_column("status")
        for a in ev.articles:
            slots.add_column(short(a.label, col), max_width=col)
        for v in ev.slots:
            cells = []
            for a in ev.articles:
                vals = [x for x in v.values if x.article_id == a.id]
                cell = Text()
                for k, x in enumerate(vals):
                    cell.append(("\n" if k else "") + ("✗ " if x.flagged else "") + visual(x.printed, col - 4, on),
                                style="bold red" if x.flagged else None)
                cells.append(cell if vals else Text("—", style="dim"))
            status = Text(v.status + (f"\n{v.label}" if v.label else ""), style=STYLE.get(v.status))
            slots.add_row(slot_name(v), status, *cells)
        console.print(slots)
        for v in ev.slots:
            if v.status != "conflict" and (v.reason or v.notes):
                console.print(Text(f"  note on {slot_name(v)}: {v.reason or '; '.join(v.notes)}", style="dim"))
        matrix = Table(title="Coverage: claims × outlets (✓ carried, — omitted, ✗ conflicting)", title_justify="left",
                       expand=True)
        matrix.add_column("claim", ratio=1)
        matrix.add_column("status", no_wrap=True)
        for a in ev.articles:
            matrix.add_column(short(a.label, 14), justify="center", no_wrap=True)
        for c in ev.claims[:max_claims]:
            cells = claim_cells(ev, c)
            text = visual(short(c.claim.members[0].text, 60), max(20, console.width - 30 - 16 * n), on)
            matrix.add_row(f"{c.claim.id} {text}", Text(c.status, style=STYLE.get(c.status)),
                           *[Text(MARK[cells[a.id]], style=STYLE.get("conflict" if cells[a.id] == "conflict" else
                                                                      "agree" if cells[a.id] == "carried" else "omitted"))
                             for a in ev.articles])
        if len(ev.claims) > max_claims:
            matrix.caption = f"{len(ev.claims) - max_claims} more claims in --format json/md/html"
        console.print(matrix)
        conflicts = [v for v in ev.slots if v.status == "conflict"]
        console.print(Text("Conflicts", style="bold"), Text(f"({len(conflicts)})"))
        for v in conflicts:
            console.print(Text(f"✗ {slot_name(v)} [{v.label}]: {v.reason}", style="red"))
            for x in v.values:
                sentence = next(s for a in ev.articles if a.id == x.article_id for s in a.sentences if s.id == x.sentence_id)
                console.print(f"    {x.outlet} ({sentence.id}, chars {sentence.start}-{sentence.end}):", highlight=False)
                console.print(Text(visual(sentence.text, console.width - 8, on), style="italic"), soft_wrap=False)
        if not conflicts:
            console.print("  none")
        console.print()
