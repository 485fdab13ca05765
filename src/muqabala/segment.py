"""Stage 3, segment: split kept lines into sentences for news Arabic and English.

Splits on . ؟ ? ! ؛ ; where they end a sentence and at every line break (so a
dash-led sub-heading is its own sentence). It does not split inside numbers
(1,271; 2023/06/21; 4:16), after abbreviations, or inside a quotation that
continues the sentence. The Arabic comma never ends a sentence.
"""
from __future__ import annotations

import re

from .clean import Line

ENDERS = ".؟?!؛;…"
OPEN_QUOTES = {"“": "”", "«": "»", "‹": "›", '"': '"', "„": "”"}
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "st", "jr", "sr", "no", "vs",
    "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.g", "i.e", "etc", "approx", "dept", "gov", "sen", "rep",
}
_ABBREV_AR = re.compile(r"(?:^|\s)(?:[\u0621-\u064a]|د|م|ص|ج|ه|ق)\.$")


# two Arabic words of 3+ letters joined by a full stop with no space are two sentences (web copy drops
# the space); Latin "U.S." and "example.com" are not
_ARABIC_WORD_END = re.compile(r"[\u0621-\u064a]{3,}$")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) index pairs of balanced quotations in one line."""
    spans = []
    i = 0
    while i < len(text):
        ch = text[i]
        closer = OPEN_QUOTES.get(ch)
        if closer:
            j = text.find(closer, i + 1)
            if j > i:
                spans.append((i, j))
                i = j + 1
                continue
        i += 1
    return spans


def _is_boundary(text: str, i: int, quotes: list[tuple[int, int]]) -> bool:
    ch = text[i]
    if ch not in ENDERS:
        return False
    nxt = text[i + 1] if i + 1 < len(text) else ""
    prev = text[i - 1] if i > 0 else ""
    if ch == "." and prev.isdigit() and nxt.isdigit():
        return False
    glued = ch == "." and _ARABIC_WORD_END.search(text[:i]) and _ARABIC_LETTER.match(nxt or " ")
    if nxt and not nxt.isspace() and nxt not in "”»\"')]" and nxt not in ENDERS and not glued:
        return False  # "U.S.", "2.5", "example.com"; but "لإيران.وقال": Arabic sentences glued by a full stop
    if any(a < i < b for a, b in quotes):
        return False
    if ch == ".":
        word = re.findall(r"[\w.]+$", text[: i])
        token = word[0].lower().rstrip(".") if word else ""
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha() and token.isascii()):
            return False
        if _ABBREV_AR.search(text[: i + 1]):
            return False
    return True


def split_line(line: Line) -> list[Line]:
    text = line.text
    quotes = _quote_spans(text)
    pieces: list[Line] = []
    start = 0
    i = 0
    while i < len(text):
        if _is_boundary(text, i, quotes):
            end = i + 1
            while end < len(text) and (text[end] in ENDERS or text[end] in "”»\"')]"):
                end += 1
            _append(pieces, line, start, end)
            start = end
            i = end
            continue
        i += 1
    _append(pieces, line, start, len(text))
    return pieces


def _append(pieces: list[Line], line: Line, start: int, end: int) -> None:
    chunk = line.text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    body = chunk.strip()
    if not body or not re.search(r"\w", body):
        return
    s = line.start + start + lead
    pieces.append(Line(s, s + len(body), body))


def split_sentences(lines: list[Line]) -> list[Line]:
    return [piece for line in lines for piece in split_line(line)]
