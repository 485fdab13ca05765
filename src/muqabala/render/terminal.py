"""The report in the terminal (rich), laid out to read at 15 outlets: per event a
one-line header, one line per slot (consensus, how many give it, the dissenters),
conflicts grouped by class with each dissenter's sentence, the widely carried
claims with who omitted them, the claims × outlets matrix only where it fits
(up to MATRIX_MAX outlets), and the unassigned articles. Values wrap, never cut."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..report import Report
from .bidi import bidi_enabled, visual
from .common import MARK, claim_cells, short, slot_name, support

STYLE = {"conflict": "bold red", "omitted": "yellow", "agree": "green", "superseded": "cyan", "single": "dim",
         "no_majority": "magenta", "cannot_compare": "dim"}
CLASSES = (("naming", "Naming conflicts"), ("factual", "Factual conflicts"), ("superseded", "Superseded plans"),
           ("title", "Title differences"))
MATRIX_MAX = 5          # outlets: beyond this the matrix goes to --format html/md/json only
CLAIMS_SHOWN = 12


def _day_span(value: str) -> str:
    """2017-03-14/2017-03-15 -> 2017-03-14–15 (one line, nothing cut)."""
    a, _, b = value.partition("/")
    if b and a[:8] == b[:8]:
        return f"{a}–{b[8:]}"
    if b and a[:5] == b[:5]:
        return f"{a}–{b[5:]}"
    return value


def _names(outlets: list[str], limit: int = 4) -> str:
    return ", ".join(outlets[:limit]) + (f" and {len(outlets) - limit} more" if len(outlets) > limit else "")


def render_terminal(report: Report, console: Console, max_claims: int = 60) -> None:
    on = bidi_enabled(console.is_terminal)
    width = console.width
    for w in report.warnings:
        console.print(f"[yellow]warning:[/] {w}", highlight=False)
    for ev in report.events:
        n = len(ev.articles)
        langs = ", ".join(sorted({a.language for a in ev.articles}))
        header = f"{ev.title} · {ev.dates} · {n} outlet{'s' * (n != 1)} · {langs}"
        if len(header) + 6 <= width:
            console.rule(Text(header, style="bold"))
        else:  # a rule would cut the header: a plain rule, then the header wrapped
            console.rule()
            console.print(Text(header, style="bold"))
        outlets = "; ".join(f"{a.label} ({a.published or '?'})" for a in ev.articles)
        console.print(Text("outlets: ", style="dim") + Text(visual(outlets, width - 10, on)), soft_wrap=False)

        # ------------------------------------------------------------ slots
        table = Table(title="Slots", title_justify="left", expand=True, show_lines=False, pad_edge=False)
        table.add_column("slot", style="bold", overflow="fold", max_width=max(12, width // 6))
        table.add_column("status", overflow="fold")
        table.add_column("consensus (outlets)", ratio=2, overflow="fold")
        table.add_column("departs from it", ratio=3, overflow="fold")
        for v in ev.slots:
            status = Text(v.status.value if hasattr(v.status, "value") else str(v.status), style=STYLE.get(v.status))
            if v.consensus is not None:
                shown = _day_span(v.consensus_printed) if v.consensus_printed[:4].isdigit() else v.consensus_printed
                consensus = Text(visual(shown or v.consensus, 60, on)) + Text(" " + support(v),
                                                                                             style="dim")
            elif v.status == "no_majority":
                consensus = Text("no majority: " + "; ".join(f"{x.outlet}: {x.printed}" for x in v.values
                                                               if not x.witness), style="magenta")
            else:
                consensus = Text("—", style="dim")
            dissent = Text()
            for k, x in enumerate(v.dissent):
                dissent.append(("\n" if k else "") + f"✗ {x.outlet}: ", style="red")
                dissent.append(visual(x.printed, 60, on) + f" [{x.label.value if x.label else ''}]")
            for x in v.superseded:
                dissent.append(("\n" if dissent else "") + f"↺ {x.outlet}: {visual(x.printed, 60, on)} (plan)",
                               style="cyan")
            if not dissent and v.omitted_by and v.status != "single":
                names = f": {_names(v.omitted_by, 3)}" if len(v.omitted_by) <= 3 or width >= 120 else ""
                dissent.append(f"{len(v.omitted_by)} of {n} do not report it{names}", style="dim")
            table.add_row(slot_name(v), status, consensus, dissent)
        console.print(table)

        # ------------------------------------------------------------ conflicts by class
        for cls, title in CLASSES:
            group = [v for v in ev.slots if v.conflict_class == cls
                     and (v.status == "conflict" or (cls in ("superseded", "title")))]
            if not group:
                continue
            console.print(Text(f"{title} ({len(group)})", style="bold"))
            for v in group:
                console.print(Text(f"  {slot_name(v)} [{v.label.value if v.label else ''}]: ", style="red")
                              + Text(visual(v.reason or "; ".join(v.notes), width - 10, on)), soft_wrap=False)
                for x in (v.dissent or v.superseded or v.retitled)[:6]:
                    art = next(a for a in ev.articles if a.id == x.article_id)
                    s = art.sentence(x.sentence_id)
                    console.print(f"    {x.outlet} ({s.id}, chars {s.start}-{s.end}):", highlight=False)
                    console.print(Text(visual(s.text, width - 8, on), style="italic"), soft_wrap=False)
        if not ev.conflicts:
            console.print(Text("Conflicts: none", style="green"))

        # ------------------------------------------------------------ claims
        if n <= MATRIX_MAX:
            matrix = Table(title="Coverage: claims × outlets (✓ carried, — omitted, ✗ conflicting)",
                           title_justify="left", expand=True)
            matrix.add_column("claim", ratio=1, overflow="fold")
            matrix.add_column("status", no_wrap=True)
            for a in ev.articles:
                matrix.add_column(short(a.label, 14), justify="center", no_wrap=True)
            for c in ev.claims[:max_claims]:
                cells = claim_cells(ev, c)
                text = visual(short(c.claim.members[0].text, 90), max(20, width - 30 - 16 * n), on)
                matrix.add_row(f"{c.claim.id} {text}", Text(c.status, style=STYLE.get(c.status)),
                               *[Text(MARK[cells[a.id]], style=STYLE.get("conflict" if cells[a.id] == "conflict" else
                                                                          "agree" if cells[a.id] == "carried" else "omitted"))
                                 for a in ev.articles])
            if len(ev.claims) > max_claims:
                matrix.caption = f"{len(ev.claims) - max_claims} more claims in --format json/md/html"
            console.print(matrix)
        else:
            shared = sorted((c for c in ev.claims if len(c.carried_by) > 1), key=lambda c: -len(c.carried_by))
            table = Table(title=f"Widely carried claims ({len(shared)} shared; the full claims × outlets matrix is in "
                                f"--format html)", title_justify="left", expand=True)
            table.add_column("outlets", no_wrap=True, justify="right")
            table.add_column("claim", ratio=3, overflow="fold")
            table.add_column("omitted by", ratio=2, overflow="fold")
            for c in shared[:CLAIMS_SHOWN]:
                table.add_row(f"{len(c.carried_by)}/{n}", visual(short(c.claim.members[0].text, 160), 80, on),
                              _names(c.omitted_by, 3) if c.omitted_by else "—")
            console.print(table)
            alone = sum(1 for c in ev.claims if c.alone)
            console.print(Text(f"{alone} claims are carried by one outlet only.", style="dim"))
        console.print()

    if report.unassigned:
        table = Table(title=f"Unassigned ({len(report.unassigned)}): never compared", title_justify="left",
                      expand=True)
        table.add_column("article", overflow="fold")
        table.add_column("outlet", overflow="fold")
        table.add_column("why", ratio=2, overflow="fold")
        for f in report.unassigned:
            table.add_row(f.article.id, f.article.label, f.event.reason if f.event else "no known series")
        console.print(table)
