"""Temporal expressions of news Arabic, English and French, resolved against the
article's publication date.

Covers Gregorian and Levantine month names (also paired, "نوفمبر/ تشرين الثاني"),
day ranges, numeric dates, weekdays with today/yesterday, relative months and
years (الجاري، الماضي، المقبل …), halves, quarters and seasons. Each result is
an interval with a granularity and the exact span it was read from. When the
year cannot be known from the text or the publication date, it stays unknown.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .normalize import fold, fold_with_offsets

MONTHS: dict[str, int] = {
    # Gregorian (Egyptian/Gulf) names, folded
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "افريل": 4, "مايو": 5, "ماي": 5,
    "يونيو": 6, "يونيه": 6, "جوان": 6, "يوليو": 7, "يوليه": 7, "جويليه": 7, "اغسطس": 8, "اوت": 8,
    "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    # Levantine names
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7,
    "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    # also written without the article ("كانون أول")
    "كانون ثاني": 1, "تشرين اول": 10, "تشرين ثاني": 11, "كانون اول": 12,
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
}
WEEKDAYS = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6,
            "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
            "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}
PAST = ("الماضي", "الماضيه", "الفائت", "الفائته", "المنصرم", "المنصرمه", "السابق", "last", "past", "previous",
        "dernier", "dernière")
CURRENT = ("الجاري", "الجاريه", "الحالي", "الحاليه", "this", "current", "en cours", "courant")
NEXT = ("المقبل", "المقبله", "القادم", "القادمه", "next", "coming", "prochain", "prochaine", "prochains")
SEASONS = {"الربيع": "spring", "الصيف": "summer", "الخريف": "autumn", "الشتاء": "winter",
           "spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn", "winter": "winter"}
SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}
ORDINAL_PART = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "first": 1, "second": 2, "third": 3, "fourth": 4}
# Days of the month in words, as Arabic papers often print them ("يومي السابع والثامن من تموز").
_UNITS = ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
DAY_WORDS: dict[str, int] = {w: i + 1 for i, w in enumerate(_UNITS)}
DAY_WORDS.update({"العاشر": 10, "العشرين": 20, "الثلاثين": 30, "الحادي عشر": 11, "الثاني عشر": 12})
DAY_WORDS.update({f"{w} عشر": i + 1 + 10 for i, w in enumerate(_UNITS) if i >= 2})
DAY_WORDS.update({f"{'الحادي' if i == 0 else w} والعشرين": 21 + i for i, w in enumerate(_UNITS)})
DAY_WORDS.update({"الحادي والثلاثين": 31})
# "يستمر يومين", "for two days": how long a meeting that starts on a given day lasts
DURATION = re.compile(r"^[\s,،]*(?:(?:و)?(?:يستمر|تستمر|ستستمر|سيستمر|تتواصل|تمتد|يمتد)\s+(?:ل|علي\s+مدي\s+|لمده\s+)?"
                      r"(?P<ar>يومين|ثلاثه\s+ايام)|(?:and\s+)?(?:will\s+)?(?:last|run|continue)s?\s+(?:for\s+)?"
                      r"(?P<en>two|three)\s+days)", re.I)
# Patterns run on folded text, so every word list is folded the same way.
PAST, CURRENT, NEXT = (tuple(fold(w) for w in words) for words in (PAST, CURRENT, NEXT))


@dataclass(frozen=True)
class PubDate:
    """A publication date known to the year, month or day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> "PubDate | None":
        if not value:
            return None
        m = re.match(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", value.strip())
        if not m:
            return None
        y, mo, d = m.groups()
        return cls(int(y), int(mo) if mo else None, int(d) if d else None)

    @property
    def as_date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.month and self.day else None


@dataclass(frozen=True)
class TimeValue:
    start: date | None
    end: date | None
    granularity: str          # day, month, quarter, half, season, year
    label: str                # ISO-ish: 2024-11-11/2024-11-12, 2024-11, 2025-H1, 2022-spring
    text: str                 # as printed
    span: tuple[int, int]     # offsets into the text that was parsed
    note: str = ""
    relative: str = ""        # past/current/next when the text was relative

    @property
    def resolved(self) -> bool:
        return self.start is not None

    def overlaps(self, other: "TimeValue") -> bool:
        if not (self.resolved and other.resolved):
            return False
        return self.start <= other.end and other.start <= self.end

    def contains(self, other: "TimeValue") -> bool:
        return self.resolved and other.resolved and self.start <= other.start and other.end <= self.end


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_MONTH = rf"(?:{_alt(MONTHS)})"
_REL = rf"(?:{_alt(PAST + CURRENT + NEXT)})"
_MONTH_EXPR = rf"(?P<m1>{_MONTH})\.?(?:\s*(?:/|\(|-)\s*(?P<m2>{_MONTH})\s*\)?)?"
_YEAR_TAIL = rf"(?:\s*[,-]?\s*(?:(?:من\s+)?(?:عام|العام|سنه)\s+)?(?P<year>(?:19|20)\d\d)\b|\s+(?P<rel>{_REL})\b)?"
_DAY_SEP = r"\s*(?:-|/|و\s*|الي\s+|حتي\s+|and\s+|to\s+|until\s+|through\s+|(?:et|au)\s+(?:le\s+)?)\s*"
_P = r"(?<![\w])"   # start-of-word guard (Arabic letters are \w)
_E = r"(?![\w])"

# "اليوم الأول" (the first day), "اليوم الوطني" (national day), "اليوم نفسه" (that same day): not today
_NOT_TODAY = r"(?:الاول|الثاني|الثالث|الرابع|الاخير|الختامي|الوطني|العالمي|الدولي|التالي|السابق|الموالي|نفسه|ذاته|من)"
PATTERNS: list[tuple[str, re.Pattern]] = [
    ("ymd", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[/.-](?P<mo>\d{1,2})[/.-](?P<d>\d{1,2})(?!\d)")),
    ("dmy", re.compile(r"(?<!\d)(?P<d>\d{1,2})[/.-](?P<mo>\d{1,2})[/.-](?P<y>(?:19|20)\d\d)(?!\d)")),
    ("range_dm", re.compile(
        # "ال3 و ال 4 من مايو": the article may stand before each day
        rf"(?<!\d)(?:ال\s?)?(?P<d1>\d{{1,2}}){_DAY_SEP}(?:ال\s?)?(?P<d2>\d{{1,2}})\s*(?:(?:من|في)\s+)?(?:شهر\s+|of\s+)?{_MONTH_EXPR}{_E}{_YEAR_TAIL}",
        re.I)),
    ("range_md", re.compile(
        rf"{_P}{_MONTH_EXPR}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th|er)?{_DAY_SEP}(?P<d2>\d{{1,2}})(?:st|nd|rd|th|er)?{_E}{_YEAR_TAIL}", re.I)),
    # "13 و 14 الشهر الجاري", "يوم 25 من الشهر المقبل": days of a month named relative to the page's
    ("range_rel", re.compile(
        rf"(?<![\d/])(?:ال\s?)?(?P<d1>\d{{1,2}})(?:{_DAY_SEP}(?:ال\s?)?(?P<d2>\d{{1,2}}))?\s*(?:من\s+)?(?:ال)?شهر\s+"
        rf"(?P<rel>{_REL}){_E}", re.I)),
    ("day_dm", re.compile(
        rf"(?<![\d/])(?P<d1>\d{{1,2}})(?:st|nd|rd|th|er)?\s*(?:من\s+|of\s+)?{_MONTH_EXPR}{_E}{_YEAR_TAIL}", re.I)),
    ("words_dm", re.compile(
        rf"{_P}(?P<d1w>{_alt(DAY_WORDS)})(?:\s*(?:و|الي\s+|حتي\s+|-)\s*(?P<d2w>{_alt(DAY_WORDS)}))?"
        rf"\s+من\s+(?:شهر\s+)?{_MONTH_EXPR}{_E}{_YEAR_TAIL}", re.I)),
    ("day_md", re.compile(
        rf"{_P}{_MONTH_EXPR}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th|er)?(?![\d\w]){_YEAR_TAIL}", re.I)),
    ("half", re.compile(
        rf"{_P}(?:(?:ال)?نصف\s+(?P<p_ar>الاول|الثاني)|(?:the\s+)?(?P<p_en>first|second)\s+half)"
        rf"\s*(?:من|of|in)?\s*(?:(?:(?:عام|العام|سنه|the\s+year)\s*)?(?:(?P<year>(?:19|20)\d\d)|(?P<rel>{_REL})(?:\s+year)?)"
        rf"|(?P<cur>(?:the|this)\s+year|العام|السنه)(?![\w]))", re.I)),
    ("quarter", re.compile(
        rf"{_P}(?:(?:ال)?ربع\s+(?P<p_ar>الاول|الثاني|الثالث|الرابع)|(?:the\s+)?(?P<p_en>first|second|third|fourth)\s+quarter)"
        rf"\s*(?:من|of|in)?\s*(?:(?:(?:عام|العام|سنه|the\s+year)\s*)?(?:(?P<year>(?:19|20)\d\d)|(?P<rel>{_REL})(?:\s+year)?)"
        rf"|(?P<cur>(?:the|this)\s+year|العام|السنه)(?![\w]))", re.I)),
    ("season", re.compile(
        rf"{_P}(?:(?P<rel_pre>next|this|last|coming)\s+)?(?:فصل\s+)?(?P<season>الربيع|الصيف|الخريف|الشتاء|spring|summer|autumn|fall|winter)"
        rf"(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)|\s+(?P<rel>{_REL}))?{_E}", re.I)),
    ("month", re.compile(rf"{_P}(?:(?:شهر|month\s+of)\s+)?{_MONTH_EXPR}{_E}{_YEAR_TAIL}", re.I)),
    ("rel_month", re.compile(rf"{_P}(?:الشهر\s+(?P<rel>{_REL})|(?P<rel_pre>this|last|next)\s+month)", re.I)),
    ("year", re.compile(
        # "العام الجاري 2020": the year written wins over the word for it
        rf"{_P}(?:(?:عام|العام|سنه|year)\s+(?:{_REL}\s+)?(?P<year>(?:19|20)\d\d)|(?:العام|السنه)\s+(?P<rel>{_REL})"
        rf"|(?P<rel_pre>this|last|next)\s+year)", re.I)),
    ("weekday", re.compile(
        rf"(?:(?<![\w])|(?<=[وف]))(?:(?P<anchor>امس|اليوم|غدا|للغد|الغد|yesterday|today|tomorrow|hier|demain|aujourd'hui)\s*,?\s+)?(?:(?:يوم|on|ce|le)\s+)?"
        rf"(?P<wd>{_alt(WEEKDAYS)}){_E}",
        re.I)),
    # bare "اليوم" is today unless it is "the first day", "the national day", "that day" …
    # "وغدا", "وأمس": the conjunction joined to the word is not part of the time
    ("anchor", re.compile(rf"(?:(?<![\w])|(?<=(?<![\w])[وف]))(?P<anchor>امس|غدا|للغد|yesterday|today|tomorrow|hier|demain|aujourd'hui|"
                          rf"اليوم(?!\s+{_NOT_TODAY}(?![\w])))"
                          rf"{_E}", re.I)),
]
_DAY_NUMBER_AFTER = re.compile(r"\s*,?\s*\d{1,2}(?:st|nd|rd|th|er)?(?![\d/.:-])")
_BARE_YEAR = re.compile(r"(?<![\d/.-])(?P<year>(?:19|20)\d\d)(?![\d/.-])")


def _rel_kind(word: str | None) -> str:
    if not word:
        return ""
    w = word.lower()
    if w in PAST:
        return "past"
    if w in CURRENT:
        return "current"
    if w in NEXT:
        return "next"
    return ""


def _month_of(name: str | None) -> int | None:
    if not name:
        return None
    return MONTHS.get(" ".join(name.lower().split()))


def _resolve_month_year(month: int, year: int | None, rel: str, pub: PubDate | None,
                        day: int | None = None) -> tuple[int | None, str]:
    if year:
        return year, ""
    if pub is None:
        return None, "year unknown: no publication date"
    if pub.month is None:
        return pub.year, "year taken from the publication year"
    if rel == "current":
        if month != pub.month:
            return pub.year, f"'current' month {month} differs from the publication month {pub.month}"
        return pub.year, ""
    same_month_ahead = month == pub.month and day is not None and pub.day is not None and day >= pub.day
    if rel == "past":
        if month == pub.month and day is not None and pub.day is not None and day < pub.day:
            return pub.year, ""
        return (pub.year if month < pub.month else pub.year - 1), ""
    if rel == "next":
        return (pub.year if month > pub.month or same_month_ahead else pub.year + 1), ""
    # No marker: the occurrence nearest the publication month.
    best = min((pub.year - 1, pub.year, pub.year + 1), key=lambda y: abs((y * 12 + month) - (pub.year * 12 + pub.month)))
    return best, ""


def _rel_year(rel: str, pub: PubDate | None) -> tuple[int | None, str]:
    if pub is None:
        return None, "year unknown: no publication date"
    return pub.year + {"past": -1, "current": 0, "next": 1}.get(rel, 0), ""


def _month_value(year: int | None, month: int) -> tuple[date | None, date | None, str]:
    if year is None:
        return None, None, f"--{month:02d}"
    last = calendar.monthrange(year, month)[1]
    return date(year, month, 1), date(year, month, last), f"{year}-{month:02d}"


def _safe_date(y, m, d) -> date | None:
    try:
        return date(y, m, d)
    except (ValueError, TypeError):
        return None


def _build(kind: str, m: re.Match, pub: PubDate | None) -> tuple | None:
    g = m.groupdict()
    rel = "current" if g.get("cur") else _rel_kind(g.get("rel") or g.get("rel_pre"))  # "the second half of the year"
    note = ""
    if kind in ("ymd", "dmy"):
        d = _safe_date(int(g["y"]), int(g["mo"]), int(g["d"]))
        if not d:
            return None
        return d, d, "day", d.isoformat(), "", ""
    if kind == "words_dm":
        if re.search(r"(?:نصف|ربع|اسبوع|عقد|الشهر)\s*$", m.string[max(0, m.start() - 12):m.start()]):
            return None  # "النصف الثاني من ديسمبر": the second half of a month, not its second day
        g = {**g, "d1": str(_day_word(g["d1w"])), "d2": str(_day_word(g["d2w"])) if g.get("d2w") else None}
    if kind in ("range_dm", "range_md", "day_dm", "day_md", "words_dm"):
        month = _month_of(g["m1"])
        m2 = _month_of(g.get("m2"))
        if m2 and m2 != month:
            note = f"paired month names disagree ({g['m1']} / {g['m2']})"
        d1 = int(g["d1"])
        year, why = _resolve_month_year(month, int(g["year"]) if g.get("year") else None, rel, pub, d1)
        note = note or why
        d2 = int(g["d2"]) if g.get("d2") else d1
        if not (1 <= d1 <= 31 and 1 <= d2 <= 31):
            return None
        if d2 < d1:
            # "25-16 April": a range that runs backwards is a misprint; its first day is kept, with a note
            note, d2 = f"reversed day range ({d1}-{g['d2']})", d1
        if year is None:
            label = f"--{month:02d}-{d1:02d}" + (f"/--{month:02d}-{d2:02d}" if d2 != d1 else "")
            return None, None, "day", label, note, rel
        start, end = _safe_date(year, month, d1), _safe_date(year, month, d2)
        if not start or not end:
            return None
        label = start.isoformat() + (f"/{end.isoformat()}" if end != start else "")
        return start, end, "day", label, note, rel
    if kind == "month":
        month = _month_of(g["m1"])
        if g["m1"].lower() in ("may", "mar") and not (g.get("year") or rel) and not re.search(
                r"(?<![\w])(?:in|early|mid|late|since|until|by|of|end\s+of|beginning\s+of)[\s-]+$",
                m.string[max(0, m.start() - 16):m.start()], re.I):
            return None  # English "may"/"mar" are usually not months ("in May", "early May" are)
        if g["m1"] == "اب" and not (g.get("year") or rel):
            return None  # "اب" alone is usually "father"
        year, note = _resolve_month_year(month, int(g["year"]) if g.get("year") else None, rel, pub)
        start, end, label = _month_value(year, month)
        return start, end, "month", label, note, rel
    if kind == "range_rel":
        if pub is None or pub.month is None:
            return None
        idx = pub.year * 12 + pub.month - 1 + {"past": -1, "current": 0, "next": 1}[rel]
        year, month = idx // 12, idx % 12 + 1
        d1 = int(g["d1"])
        d2 = int(g["d2"]) if g.get("d2") else d1
        start, end = _safe_date(year, month, d1), _safe_date(year, month, max(d1, d2))
        if not start or not end:
            return None
        return start, end, "day", start.isoformat() + (f"/{end.isoformat()}" if end != start else ""), "", rel
    if kind == "rel_month":
        if pub is None or pub.month is None:
            return None, None, "month", "month?", "month unknown: no publication month", rel
        offset = {"past": -1, "current": 0, "next": 1}[rel]
        idx = pub.year * 12 + pub.month - 1 + offset
        start, end, label = _month_value(idx // 12, idx % 12 + 1)
        return start, end, "month", label, "", rel
    if kind in ("half", "quarter"):
        part = ORDINAL_PART[(g.get("p_ar") or g.get("p_en")).lower()]
        year, note = (int(g["year"]), "") if g.get("year") else _rel_year(rel, pub)
        size = 6 if kind == "half" else 3
        tag = f"H{part}" if kind == "half" else f"Q{part}"
        if year is None:
            return None, None, kind, f"????-{tag}", note, rel
        first = (part - 1) * size + 1
        start = date(year, first, 1)
        end = date(year, first + size - 1, calendar.monthrange(year, first + size - 1)[1])
        return start, end, kind, f"{year}-{tag}", note, rel
    if kind == "season":
        season = SEASONS[g["season"].lower()]
        first, last = SEASON_MONTHS[season]
        if g.get("year"):
            year = int(g["year"])
        elif pub is None:
            return None, None, "season", f"????-{season}", "year unknown: no publication date", rel
        else:
            year = pub.year
            pm = pub.month or 1
            if rel == "next" and (pm > last if season != "winter" else False):
                year += 1
            elif rel == "past" and pm <= last and season != "winter":
                year -= 1
        end_year = year + 1 if season == "winter" else year
        start = date(year, first, 1)
        end = date(end_year, last, calendar.monthrange(end_year, last)[1])
        return start, end, "season", f"{year}-{season}", note, rel
    if kind == "year":
        year, note = (int(g["year"]), "") if g.get("year") else _rel_year(rel, pub)
        if year is None:
            return None, None, "year", "????", note, rel
        return date(year, 1, 1), date(year, 12, 31), "year", str(year), note, rel
    if kind in ("weekday", "anchor"):
        anchor = (g.get("anchor") or "").lower()
        target = pub.as_date if pub else None
        if target is None:
            return None, None, "day", g.get("wd") or anchor, "day unknown: no publication day", rel
        anchor = {"اليوم": "today", "aujourd'hui": "today", "hier": "yesterday", "demain": "tomorrow"}.get(anchor, anchor)
        if anchor in ("امس", "yesterday"):
            target -= timedelta(days=1)
        elif anchor in ("غدا", "للغد", "الغد", "tomorrow"):
            target += timedelta(days=1)
        wd = g.get("wd")
        if wd:
            want = WEEKDAYS[wd.lower()]
            shift = (target.weekday() - want) % 7
            if anchor and shift:
                note = f"weekday {wd} does not match {anchor} ({target.isoformat()})"
            target -= timedelta(days=shift)
        return target, target, "day", target.isoformat(), note, rel
    return None


def _day_word(word: str) -> int:
    return DAY_WORDS[" ".join(word.split())]


def _lasting(value: TimeValue, ftext: str, fend: int) -> TimeValue:
    """A single day followed by how long the meeting lasts ("الأربعاء، ويستمر ليومين") becomes a span."""
    m = DURATION.match(ftext[fend:fend + 50])
    if not m or value.granularity != "day" or value.start is None or value.start != value.end:
        return value
    days = 3 if (m.group("ar") or m.group("en") or "").startswith(("ثلاث", "three")) else 2
    end = value.start + timedelta(days=days - 1)
    return TimeValue(value.start, end, "day", f"{value.start.isoformat()}/{end.isoformat()}", value.text,
                     value.span, (value.note + "; " if value.note else "") + f"lasts {days} days", value.relative)


def parse_times(text: str, published: str | None = None, base: int = 0) -> list[TimeValue]:
    """All temporal expressions in `text`; spans are offsets into `text` (+ base)."""
    folded = fold_with_offsets(text)
    ftext = folded.text
    pub = PubDate.parse(published)
    found: list[tuple[int, int, str, re.Match]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(ftext):
            found.append((m.start(), m.end(), kind, m))
    for m in _BARE_YEAR.finditer(ftext):
        found.append((m.start(), m.end(), "year", m))
    # a weekday written right before a day number ("الخميس 3 مايو", "Thursday 25 April"): the weekday the
    # outlet gives that date, checked below
    weekday_at: dict[int, tuple[int, str]] = {}
    for start, end, kind, m in found:
        if kind == "weekday" and (dm := _DAY_NUMBER_AFTER.match(ftext, _trim(ftext, start, end))):
            weekday_at[re.search(r"\d", ftext[dm.start():dm.end()]).start() + dm.start()] = (
                WEEKDAYS[m.group("wd").lower()], m.group("wd"))
    # Longest match wins; earlier patterns win ties.
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    taken: list[tuple[int, int]] = []
    results: list[TimeValue] = []
    for start, end, kind, m in found:
        end = _trim(ftext, start, end)
        if any(start < e and s < end for s, e in taken):
            continue
        if kind == "weekday" and not m.group("anchor") and _DAY_NUMBER_AFTER.match(ftext, end):
            continue  # "jeudi 1er et vendredi 2 août", "Thursday 25 April": the day number dates it
        built = _build(kind, m, pub)
        if built is None:
            continue
        taken.append((start, end))
        s, e = folded.span(start, end)
        d1, d2, gran, label, note, rel = built
        named = weekday_at.get(start)
        if named and d1 and gran == "day" and d1.weekday() != named[0]:
            # "الخميس 3 مايو" when 3 May was a Wednesday: the outlet's own two statements disagree
            note = (note + "; " if note else "") + (f"weekday does not match its date ({named[1]} / "
                                                    f"{d1.isoformat()} was a {calendar.day_name[d1.weekday()]})")
        results.append(_lasting(TimeValue(d1, d2, gran, label, text[s:e], (s + base, e + base), note, rel),
                                ftext, end))
    results.sort(key=lambda t: t.span)
    return results


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " ,":
        end -= 1
    return end


# words of what is ahead: a bare weekday in their clause is the coming one, not the last
AHEAD = re.compile(r"(?<![\w])(?:will|would|is\s+to|are\s+to|due|scheduled|expected|set\s+to|to\s+(?:start|begin|open|be\s+held)|"
                   r"سيعقد|ستعقد|ستنطلق|سينطلق|تنطلق|ينطلق|يبدا|تبدا|يعقد|تعقد|ستبدا|سيبدا|ستستمر|المقرر|مقرر|المزمع|المرتقب|المقبل|القادم|"
                   r"تتوقع|يتوقع|نتوقع|المتوقع|متوقع|بحلول|se\s+tiendra|débutera|s'ouvrira|prévue?s?)(?![\w])", re.I)
# words that count a day from the page's date (one home: the dates slot reads them too)
ANCHORS = r"امس|اليوم|غدا|الغد|للغد|yesterday|today|tomorrow|hier|demain|aujourd'hui"
ANCHOR_WORD = re.compile(rf"(?<![\w])(?:{ANCHORS})(?![\w])", re.I)


def coming_weekday(t: TimeValue, clause: str, published: str | None, ahead: bool = False) -> TimeValue:
    """A bare weekday is read as the last such day before publication; in a clause that speaks of what is
    ahead ("talks set to begin on Monday"), or where the caller knows it is (`ahead`), it is the coming one.
    `clause` is folded text. Event assignment and the dates slot share this one rule."""
    from dataclasses import replace

    if re.search(r"\d", t.text) or t.granularity != "day" or not t.resolved or t.relative == "past":
        return t
    if ANCHOR_WORD.search(fold(t.text)) or not (ahead or AHEAD.search(clause)):
        return t
    pub = PubDate.parse(published)
    if pub is None or pub.as_date is None or t.start >= pub.as_date:
        return t
    shift = timedelta(days=7)
    return replace(t, start=t.start + shift, end=t.end + shift, label=(t.start + shift).isoformat(),
                   note="the coming weekday (the clause speaks of what is ahead)")


def parse_date_line(line: str) -> TimeValue | None:
    """The single absolute date printed on a date line (e.g. a page date bullet)."""
    values = [v for v in parse_times(line) if v.resolved and v.granularity == "day"]
    return values[0] if values else None
