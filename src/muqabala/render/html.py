"""The report as one self-contained HTML page: right-to-left, outlets side by
side, conflicting words highlighted. Every piece of article text is escaped."""
from __future__ import annotations

from html import escape

from ..report import Report
from .common import MARK, claim_cells, short, slot_name, support

CSS = """
body{font-family:"Noto Naskh Arabic","Amiri","DejaVu Sans",Tahoma,sans-serif;margin:1.5rem;color:#1d1d1f;background:#fafafa}
h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:2px solid #333}h3{margin-top:1.4rem}
table{border-collapse:collapse;margin:.5rem 0;background:#fff}td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top}
th{background:#eee}.conflict{background:#fde2e1}.omitted{background:#fff6d6}.agree{background:#e6f4ea}.single{background:#f0f0f0}
mark.bad{background:#ff9e9e;padding:0 .15em;border-radius:3px}.ltr{direction:ltr;text-align:left}
.outlets{display:grid;gap:1rem}.outlet{background:#fff;border:1px solid #ccc;padding:.6rem;border-radius:6px}
.outlet p{margin:.25rem 0;line-height:1.7}.meta{color:#666;font-size:.85rem}.mark{text-align:center;font-size:1.1rem}
.reason{font-size:.9rem}.no_majority{background:#f3e8fd}.superseded{background:#e0f4f7}
.scroll{overflow:auto;max-height:80vh;border:1px solid #ddd}.scroll th{position:sticky;top:0;z-index:2}
.scroll td:first-child,.scroll th:first-child{position:sticky;right:0;background:#fff;z-index:1}
.scroll th:first-child{z-index:3;background:#eee}.why{min-width:26rem;max-width:40rem}
.scroll td{max-width:16rem}.scroll td.why{max-width:40rem}
"""


def _e(text) -> str:
    return escape(str(text), quote=True)


def _b(text) -> str:
    """A value isolated in its own direction: Latin and digits left to right inside the RTL page."""
    text = str(text)
    return f'<bdi dir="ltr">{_e(text)}</bdi>' if text.isascii() else f"<bdi>{_e(text)}</bdi>"


def _highlighted(article, sentence, spans, reasons) -> str:
    pieces, pos = [], sentence.start
    for (a, b), why in sorted(zip(spans, reasons)):
        if a < sentence.start or b > sentence.end or a < pos:
            continue
        pieces.append(_e(article.text[pos:a]))
        pieces.append(f'<mark class="bad" title="{_e(why)}">{_e(article.text[a:b])}</mark>')
        pos = b
    pieces.append(_e(article.text[pos:sentence.end]))
    return "".join(pieces)


def report_to_html(report: Report) -> str:
    out = ['<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           "<title>muqabala – تقرير المقابلة</title>", f"<style>{CSS}</style></head><body>",
           '<h1>muqabala · تقرير المقابلة بين المصادر</h1>',
           f'<p class="meta ltr">model {_e(report.model)} · index {_e(report.index)} · {_e(report.created)}</p>']
    for w in report.warnings:
        out.append(f'<p class="meta ltr">warning: {_e(w)}</p>')
    for ev in report.events:
        langs = ", ".join(sorted({a.language for a in ev.articles}))
        out.append(f'<section><h2 class="ltr">{_e(ev.title)} · {_e(ev.dates)} · {len(ev.articles)} outlets · '
                   f'{_e(langs)}</h2>')
        # slots: consensus and dissent first, then every outlet's value (scrollable, sticky headers)
        out.append('<h3 class="ltr">Slots</h3><div class="scroll"><table><tr><th>slot</th><th>status</th>'
                   '<th>consensus</th><th>departs from it</th><th class="why">why</th>')
        out += [f"<th>{_e(a.label)}<br><span class='meta'>{_e(a.published or '?')}</span></th>" for a in ev.articles]
        out.append("</tr>")
        for v in ev.slots:
            consensus = (f"{_b(v.consensus_printed or v.consensus)} {_e(support(v))}"
                         if v.consensus else "—")
            dissent = "<br>".join(f"{_e(x.outlet)}: {_b(x.printed)} ({_e(x.label.value if x.label else '')})"
                                  for x in v.dissent + v.superseded)
            out.append(f'<tr class="{_e(v.status)}"><td class="ltr">{_e(slot_name(v))}</td>'
                       f'<td class="ltr">{_e(v.status)}{(" · " + _e(v.label)) if v.label else ""}</td>'
                       f'<td>{consensus}</td><td>{dissent or "—"}</td>'
                       f'<td class="reason ltr why">{_e(v.reason or "; ".join(v.notes))}</td>')
            for a in ev.articles:
                vals = [x for x in v.values if x.article_id == a.id]
                cell = "<br>".join((f'<mark class="bad">{_b(x.printed)}</mark>' if x.flagged else _b(x.printed))
                                   for x in vals)
                out.append(f"<td>{cell or '—'}</td>")
            out.append("</tr>")
        out.append("</table></div>")
        # coverage: the full matrix, scrollable
        out.append('<h3 class="ltr">Coverage: claims × outlets</h3><div class="scroll"><table><tr><th>claim</th>'
                   '<th>status</th>')
        out += [f"<th>{_e(a.label)}</th>" for a in ev.articles]
        out.append("</tr>")
        for c in ev.claims:
            cells = claim_cells(ev, c)
            out.append(f'<tr class="{_e(c.status)}"><td dir="auto" title="{_e(c.reason)}">{_e(c.claim.id)}: '
                       f'{_e(short(c.claim.members[0].text, 90))}</td><td class="ltr">{_e(c.status)}</td>')
            out += [f'<td class="mark">{MARK[cells[a.id]]}</td>' for a in ev.articles]
            out.append("</tr>")
        out.append("</table></div>")
        # outlets side by side
        out.append(f'<h3 class="ltr">Articles side by side</h3><div class="outlets" '
                   f'style="grid-template-columns:repeat({min(3, max(1, len(ev.articles)))},minmax(18rem,1fr))">')
        for a in ev.articles:
            bad = [(x.span, v.reason) for v in ev.slots if v.status == "conflict" for x in v.values
                   if x.article_id == a.id and x.flagged]
            spans, reasons = [b[0] for b in bad], [b[1] for b in bad]
            # each article in its own direction: an English article in a right-to-left page reads left to right
            out.append(f'<div class="outlet" dir="{"rtl" if a.language == "ar" else "ltr"}"><strong>{_e(a.label)}</strong> '
                       f'<span class="meta">{_e(a.published or "?")} · {_e(a.id)}</span>')
            out += [f'<p id="{_e(s.id)}" dir="auto">{_highlighted(a, s, spans, reasons)}</p>' for s in a.sentences]
            out.append("</div>")
        out.append("</div>")
        conflicts = [v for v in ev.slots if v.status == "conflict"]
        out.append('<h3 class="ltr">Conflicts</h3><ul>')
        if not conflicts:
            out.append("<li class='ltr'>None.</li>")
        for v in conflicts:
            out.append(f'<li><span class="ltr"><strong>{_e(slot_name(v))}</strong> ({_e(v.label)}): {_e(v.reason)}</span><ul>')
            for x in [y for y in v.values if not y.witness]:
                art = next(a for a in ev.articles if a.id == x.article_id)
                sentence = next(s for s in art.sentences if s.id == x.sentence_id)
                out.append(f'<li dir="auto">{_e(x.outlet)}: '
                           f'{_highlighted(art, sentence, [x.span] if x.flagged else [], [v.reason])}</li>')
            out.append("</ul></li>")
        out.append("</ul></section>")
    if report.unassigned:
        out.append(f'<section><h2 class="ltr">Unassigned ({len(report.unassigned)}): never compared</h2>'
                   '<table class="ltr"><tr><th>article</th><th>outlet</th><th>why</th></tr>')
        for f in report.unassigned:
            out.append(f"<tr><td>{_e(f.article.id)}</td><td>{_e(f.article.label)}</td>"
                       f"<td>{_e(f.event.reason if f.event else 'no known series')}</td></tr>")
        out.append("</table></section>")
    out.append("</body></html>")
    return "\n".join(out)
