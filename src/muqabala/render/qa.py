"""QA results as JSON (schema muqabala.qa/2), Markdown, HTML (the draft with
highlights and evidence on hover) and a colour-coded terminal view.
All article and draft text is escaped."""
from __future__ import annotations

from dataclasses import asdict
from html import escape

from rich.console import Console
from rich.text import Text

from ..qa import QA_SCHEMA, QAResult
from .bidi import bidi_enabled, visual
from .markdown import esc

COLOUR = {"supported": "green", "conflicting": "bold red", "unsupported": "yellow"}
BG = {"supported": "#e6f4ea", "conflicting": "#fde2e1", "unsupported": "#fff3c4"}


def qa_to_json(result: QAResult, fail_on: str) -> dict:
    return {
        "schema": QA_SCHEMA, "event": {"series": result.event.series, "round": result.event.round,
                                       "outlets": [a.label for a in result.event.articles]},
        "draft": {"path": result.draft.path, "language": result.draft.language},
        "counts": result.counts, "fail_on": fail_on, "failed": result.fails(fail_on),
        "sentences": [asdict(s) for s in result.sentences],
        "omissions": [{"kind": o.kind, "what": o.what, "reported_by": o.reported_by, "count": o.count,
                       "widely_reported": o.count >= result.min_outlets,
                       "evidence": [asdict(e) for e in o.evidence]} for o in result.omissions],
    }


def qa_to_markdown(result: QAResult, fail_on: str) -> str:
    c = result.counts
    out = [f"# Draft check: {esc(result.event.title)}", "",
           f"supported {c['supported']} · conflicting {c['conflicting']} · unsupported {c['unsupported']} · "
           f"omissions {c['omissions']} · fail-on {fail_on}: {'FAIL' if result.fails(fail_on) else 'pass'}", "",
           "| # | status | sentence | why / evidence |", "|---|---|---|---|"]
    for s in result.sentences:
        why = "; ".join(s.reasons) or "; ".join(f"{e.outlet}: {e.text}" for e in s.evidence[:2])
        out.append(f"| {s.index} | {s.status} | {esc(s.text)} | {esc(why)} |")
    out += ["", "## Omissions", ""]
    for o in result.omissions:
        tier = "" if o.count >= result.min_outlets else " (one outlet)"
        out.append(f"- {o.kind}: {esc(o.what)} — {esc(', '.join(o.reported_by))}{tier}")
    return "\n".join(out) + "\n"


def qa_to_html(result: QAResult, fail_on: str) -> str:
    c = result.counts
    parts = ['<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>muqabala QA</title>',
             "<style>body{font-family:'Noto Naskh Arabic',Tahoma,sans-serif;margin:1.5rem;line-height:1.9}"
             "span.s{padding:.1em .2em;border-radius:3px;cursor:help}.ltr{direction:ltr;text-align:left}"
             "li{margin:.3rem 0}</style></head><body>",
             f'<h1 class="ltr">Draft check · {escape(result.event.title)}</h1>',
             f'<p class="ltr">supported {c["supported"]} · conflicting {c["conflicting"]} · unsupported '
             f'{c["unsupported"]} · omissions {c["omissions"]} · fail-on {escape(fail_on)}: '
             f'<strong>{"FAIL" if result.fails(fail_on) else "pass"}</strong></p><p>']
    for s in result.sentences:
        hover = "\n".join(s.reasons + [f"{e.outlet}: {e.text}" for e in s.evidence[:3]]) or s.status
        parts.append(f'<span class="s" style="background:{BG[s.status]}" title="{escape(hover, quote=True)}">'
                     f'{escape(s.text)}</span> ')
    parts.append('</p><h2 class="ltr">Omissions</h2><ul>')
    for o in result.omissions:
        parts.append(f"<li>{escape(o.kind)}: {escape(o.what)} — {escape(', '.join(o.reported_by))}</li>")
    parts.append("</ul></body></html>")
    return "\n".join(parts)


def render_qa_terminal(result: QAResult, console: Console, fail_on: str) -> None:
    on = bidi_enabled(console.is_terminal)
    width = max(30, console.width - 6)
    console.print(Text(f"Draft check against {result.event.title} "
                       f"({', '.join(a.label for a in result.event.articles)})", style="bold"))
    for s in result.sentences:
        console.print(Text(f"[{s.index}] {s.status}", style=COLOUR[s.status]))
        console.print(Text(visual(s.text, width, on), style=COLOUR[s.status]))
        for r in s.reasons:
            console.print(Text(f"    why: {r}", style="red"))
        for e in s.evidence[:3]:
            console.print(Text(f"    {e.outlet} ({e.sentence_id}, chars {e.start}-{e.end}):", style="dim"))
            console.print(Text(visual(e.text, width - 4, on), style="dim italic"))
    wide = result.widely_reported_omissions
    console.print(Text(f"\nOmissions reported by {result.min_outlets}+ outlets ({len(wide)}):", style="bold"))
    for o in wide:
        console.print(Text(f"  - {o.kind}: " + visual(o.what[:100], width - 10, on) + f"  [{', '.join(o.reported_by)}]"))
    single = [o for o in result.omissions if o not in wide]
    if single:
        console.print(Text(f"Also reported by one outlet ({len(single)}):", style="bold"))
        for o in single:
            console.print(Text(f"  - {o.kind}: " + visual(o.what[:100], width - 10, on) + f"  [{', '.join(o.reported_by)}]",
                               style="dim"))
    c = result.counts
    verdict = "FAIL" if result.fails(fail_on) else "pass"
    console.print(Text(f"\n{verdict} (--fail-on {fail_on}): supported {c['supported']}, conflicting {c['conflicting']}, "
                       f"unsupported {c['unsupported']}, omissions {c['omissions']}",
                       style="bold red" if verdict == "FAIL" else "bold green"))
