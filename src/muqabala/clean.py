"""Stage 2, clean: split an article into lines with offsets and drop what is
not a claim: mastheads, date/time bullet lines, a headline or caption printed
twice (one copy stays), "read more" teasers, related-article navigation and
photo credits. Also infers the outlet from a masthead and the page date from a
date line, when no manifest says otherwise.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .corpus import Dropped
from .normalize import fold_key
from .timeexpr import parse_date_line

BULLETS = "•·●▪◦‣∙-–—*"
_MASTHEAD_WORDS = re.compile(
    r"(وكاله|شبكه|صحيفه|جريده|موقع|قناه|اذاعه|مجله|للانباء|نيوز|news|agency|times|post|herald|tribune|press|daily|gazette|radio|tv)",
    re.I)
_TEASER = re.compile(r"^\s*(اقرا\s+(ايضا|المزيد)|اقرا|شاهد\s+ايضا|read\s+(more|also)|see\s+also|related\s*:)", re.I)
_NAV = re.compile(r"^\s*(مقالات\s+(ذات\s+صله|متعلقه)|اخبار\s+(ذات\s+صله|متعلقه)|المزيد\s+من|related\s+(articles|stories|news)|more\s+(from|on)\b|share\s+this|شارك)", re.I)
_CREDIT = re.compile(r"^\s*(\(?\s*(الصوره|صوره|تصوير|المصدر\s*:\s*صوره|photo|image|picture)\s*(:|\(|-|by\b))", re.I)
_TIME_ONLY = re.compile(r"^\s*\d{1,2}:\d{2}(\s*(م|ص|am|pm))?\s*$", re.I)


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


@dataclass
class Cleaned:
    kept: list[Line]
    dropped: list[Dropped]
    masthead: str | None = None
    page_date: str | None = None


def split_lines(text: str) -> list[Line]:
    lines = []
    for m in re.finditer(r"[^\r\n]+", text):
        raw = m.group()
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if body:
            start = m.start() + lead
            lines.append(Line(start, start + len(body), body))
    return lines


def _strip_bullet(text: str) -> str:
    return text.lstrip(BULLETS + " \t")


# Page furniture around a story: a "date 2017-08 …" stamp line, share/print widgets.
_STAMP = re.compile(r"^date\s+\d{4}-\d{2}(?:-\d{2})?\b", re.I)
_WIDGET = re.compile(r"^(?:thank you!?|e-mail article\b.*|share( this)?( article)?|print|leave a reply\b.*|menu|"
                     r"search|home|skip to content|your email address will not be published.*|"
                     r"(?:publishing date|published|posted|updated|last updated|تاريخ النشر|نشر في|آخر تحديث)\s*:?.*\d.*)$",
                     re.I)


def _is_date_line(text: str) -> bool:
    body = _strip_bullet(text)
    if _STAMP.match(body) and len(body.split()) <= 14:
        return True
    if _TIME_ONLY.match(body):
        return True
    if len(body.split()) > 6:
        return False
    value = parse_date_line(body)
    if value is None:
        return False
    # Mostly a date: little left once the date and weekday are taken out.
    rest = re.sub(r"[\d\W_]+", " ", body.replace(value.text, " ")).split()
    return len(rest) <= 1


def _looks_like_masthead(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 6 or re.search(r"[.!?؟:،,]$", text):
        return False
    return bool(_MASTHEAD_WORDS.search(fold_key(text)))


def clean(text: str) -> Cleaned:
    lines = split_lines(text)
    kept: list[Line] = []
    dropped: list[Dropped] = []
    masthead = None
    page_date = None
    seen: set[str] = set()
    in_navigation = False

    def drop(line: Line, reason: str) -> None:
        dropped.append(Dropped(line.start, line.end, line.text, reason))

    for position, line in enumerate(lines):
        stamp = _STAMP.match(_strip_bullet(line.text))
        if stamp and len(line.text[line.text.index(stamp.group()) + stamp.end():].split()) >= 3:
            # "date 2017-02-15 ALMATY (Sputnik) — …": the stamp goes, the story stays
            cut = line.text.index(stamp.group()) + stamp.end()
            rest = line.text[cut:]
            lead = len(rest) - len(rest.lstrip())
            drop(Line(line.start, line.start + cut, line.text[:cut]), "date line")
            if page_date is None:
                value = parse_date_line(stamp.group())
                page_date = value.label if value else None
            line = Line(line.start + cut + lead, line.end, rest.strip())
        key = fold_key(line.text)
        if in_navigation:
            if len(line.text.split()) <= 5:
                drop(line, "navigation")
                continue
            in_navigation = False
        if position == 0 and _looks_like_masthead(line.text):
            masthead = line.text
            drop(line, "masthead")
            continue
        if _is_date_line(line.text):
            if page_date is None:
                value = parse_date_line(_strip_bullet(line.text))
                if value is not None:
                    page_date = value.label
            drop(line, "date line")
            continue
        if _WIDGET.match(key) and len(line.text.split()) <= 14:
            drop(line, "page widget")
            continue
        if _TEASER.match(key):
            drop(line, "teaser")
            continue
        if _NAV.match(key) and len(line.text.split()) <= 6:
            drop(line, "navigation")
            in_navigation = True
            continue
        if _CREDIT.match(key) and len(line.text.split()) <= 12:
            drop(line, "photo credit")
            continue
        if key in seen:
            drop(line, "printed twice")
            continue
        seen.add(key)
        kept.append(line)
    return Cleaned(_join_soft_wraps(text, kept), dropped, masthead, page_date)


# a wire story hard-wrapped at a fixed width: a line that stops mid-sentence and a next line that goes on
# in lower case ("talks held in the Kazakh\ncapital Astana") are one line
_ENDS_SENTENCE = re.compile(r"[.!?؟:;؛\"'”»)\]]\s*$")


def _join_soft_wraps(text: str, lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and re.fullmatch(r"[ \t]*\r?\n[ \t]*", text[prev.end:line.start]) \
                and not _ENDS_SENTENCE.search(prev.text) and re.match(r"[a-z]", line.text):
            # the same length as the original span, so offsets still point into the text
            joined = re.sub(r"[\r\n]", " ", text[prev.start:line.end])
            out[-1] = Line(prev.start, line.end, joined)
        else:
            out.append(line)
    return out
