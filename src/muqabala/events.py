"""Which event (series + round) each article reports.

Round numbers are read from digits ("أستانة 22", "الجولة الـ17", "22nd round")
and from spelled ordinals in either gender and case ("الثانية والعشرون",
"الاجتماع العشرين", "twentieth meeting"). Each mention gets a role: the
article's own round, a previous round, or the next one; the article's event is
the best-supported own round, with a confidence and the words it rests on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .corpus import Article, Sentence
from .knowledge import Knowledge, Series
from .normalize import fold, fold_with_offsets

UNITS = {
    "اول": 1, "اولي": 1, "حادي": 1, "حاديه": 1, "ثاني": 2, "ثانيه": 2, "ثالث": 3, "ثالثه": 3,
    "رابع": 4, "رابعه": 4, "خامس": 5, "خامسه": 5, "سادس": 6, "سادسه": 6, "سابع": 7, "سابعه": 7,
    "ثامن": 8, "ثامنه": 8, "تاسع": 9, "تاسعه": 9, "عاشر": 10, "عاشره": 10,
}
TENS = {"عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
        "خمسون": 50, "خمسين": 50}
EN_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
            "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
            "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40}
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40}

_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_TEN = "|".join(sorted(TENS, key=len, reverse=True))
AR_ORDINAL = re.compile(
    rf"(?<![\w])(?:ال)?(?P<unit>{_UNIT})(?:\s+(?:ال)?(?P<teen>عشر|عشره)|\s+و\s*(?:ال)?(?P<ten>{_TEN}))?(?![\w])"
    rf"|(?<![\w])(?:ال)?(?P<tens>{_TEN})(?![\w])")
EN_ORDINAL = re.compile(
    rf"(?<![\w])(?:(?P<entens>{'|'.join(EN_TENS)})[- ](?P<enunit>{'|'.join(k for k in EN_UNITS if EN_UNITS[k] < 10)})"
    rf"|(?P<enord>{'|'.join(sorted(EN_UNITS, key=len, reverse=True))})|(?P<ennum>\d{{1,3}})(?:st|nd|rd|th))(?![\w])", re.I)
DIGITS = re.compile(r"(?<![\w/.:,])(?:ال\s*)?(?P<num>\d{1,3})(?![\d/.:,]\d|\w)")
NEXT_WORDS = ("المقبل", "المقبله", "القادم", "القادمه", "next", "upcoming", "forthcoming", "ستعقد", "سيعقد",
              "ستنعقد", "سينعقد", "will be held", "would be held", "شهر المقبل")
PREV_WORDS = ("السابق", "السابقه", "الماضي", "الماضيه", "الفايت", "الفايته", "previous", "last", "prior", "preceding")


@dataclass(frozen=True)
class RoundMention:
    number: int
    role: str                 # own, previous, next
    sentence_id: str
    span: tuple[int, int]     # in the article text
    printed: str


@dataclass
class EventAssignment:
    series: str
    round: int | None
    confidence: float
    evidence: list[RoundMention] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.series}#{self.round if self.round is not None else '?'}"


def ordinal_value(m: re.Match) -> int | None:
    g = m.groupdict()
    if g.get("tens"):
        return TENS[g["tens"]]
    if g.get("unit"):
        unit = UNITS[g["unit"]]
        if g.get("teen"):
            return 10 + unit if unit < 10 else None
        if g.get("ten"):
            return TENS[g["ten"]] + (unit if unit < 10 else 0) if unit < 10 else None
        return unit
    if g.get("enord"):
        return EN_UNITS[g["enord"].lower()]
    if g.get("entens"):
        return EN_TENS[g["entens"].lower()] + EN_UNITS[g["enunit"].lower()]
    if g.get("ennum"):
        return int(g["ennum"])
    return None


def parse_ordinal(text: str) -> int | None:
    """The first ordinal number written in `text` (Arabic or English), if any."""
    folded = fold(text)
    for pattern in (AR_ORDINAL, EN_ORDINAL):
        m = pattern.search(folded)
        if m:
            return ordinal_value(m)
    return None


def _words_re(words) -> re.Pattern:
    alts = "|".join(re.escape(fold(w)).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:وال|بال|فال|لل|ال|وب|ول|[وبلف])?(?:{alts})(?![\w])", re.I)


def _role(ftext: str, start: int, end: int) -> str:
    after = ftext[end:end + 60]
    before = ftext[max(0, start - 40):start]
    window = before + " " + after
    if re.search(r"(?<![\w])(" + "|".join(PREV_WORDS) + r")(?![\w])", ftext[max(0, start - 25):end + 25], re.I):
        return "previous"
    if re.search(r"(?<![\w])(" + "|".join(re.escape(fold(w)) for w in NEXT_WORDS) + r")(?![\w])", window, re.I):
        return "next"
    return "own"


def round_mentions(sentence: Sentence, series: Series, kb: Knowledge) -> list[RoundMention]:
    folded = fold_with_offsets(sentence.text)
    ftext = folded.text
    found: list[tuple[int, int, int]] = []
    round_words = _words_re(series.round_words)
    for m in round_words.finditer(ftext):
        tail = ftext[m.end():m.end() + 40]
        # the number follows the round word, or one qualifier ("الجولة السابقة الـ17", "round No. 5")
        tail_m = re.match(r"\s*(?:(?:السابقه|الماضيه|المقبله|القادمه|الاخيره|رقم|number|no\.?)\s+)?", tail, re.I)
        for pattern in (DIGITS, AR_ORDINAL, EN_ORDINAL):
            if pattern is DIGITS and fold(m.group()).endswith("ات"):
                continue  # "الاجتماعات يومي 15": a plural round word takes no number
            n = pattern.match(tail.lstrip()) or (pattern.match(tail[tail_m.end():]) if tail_m else None)
            if n is None and pattern is AR_ORDINAL:
                # an adjective may come between: "الاجتماع الدولي الحادي والعشرين"
                adj = re.match(r"\s*(?:ال\w+ي\s+)", tail)
                if adj:
                    n = pattern.match(tail[adj.end():])
                    if n:
                        offset = m.end() + adj.end()
                        value = ordinal_value(n)
                        if value and 0 < value < 200:
                            found.append((m.start(), offset + n.end(), value))
                        break
            if n:
                value = int(n.group("num")) if pattern is DIGITS else ordinal_value(n)
                if value and 0 < value < 200:
                    offset = m.end() + (len(tail) - len(tail.lstrip()) if pattern.match(tail.lstrip()) else tail_m.end())
                    found.append((m.start(), offset + n.end(), value))
                    break
        # English order: "22nd round", "the twentieth meeting"
    for m in EN_ORDINAL.finditer(ftext):
        rest = ftext[m.end():m.end() + 30]
        if re.match(r"\s+(?:round|meeting|session)", rest, re.I):
            found.append((m.start(), m.end() + len(re.match(r"\s+\w+", rest).group()), ordinal_value(m)))
    # "أستانة 22", "Astana-22": a series place name with a number
    for mention in kb.find(sentence.text, "place"):
        if mention.key not in series.name_places:
            continue
        tail = sentence.text[mention.span[1]:mention.span[1] + 8]
        n = re.match(r"\s*-?\s*(\d{1,3})(?!\d)", tail)
        if n:
            fstart = next(i for i, o in enumerate(folded.offsets) if o >= mention.span[0])
            found.append((fstart, fstart + len(fold(mention.printed)) + len(fold(n.group())), int(n.group(1))))
    out = []
    place_names = [n for key in series.name_places if key in kb.places for e in kb.places[key].eras for n in e.names]
    talk = _words_re(series.talk_words + tuple(place_names))
    for start, end, value in sorted(set(found)):
        if value is None or _owned_by_other_body(ftext, end, talk):
            continue
        s, e = folded.span(start, min(end, len(ftext)))
        out.append(RoundMention(value, _role(ftext, start, end), sentence.id, (sentence.start + s, sentence.start + e),
                                sentence.text[s:e]))
    return out


def _owned_by_other_body(ftext: str, end: int, talk: re.Pattern) -> bool:
    """"الجولة التاسعة للجنة الصياغة": a round of some other body, not of the series."""
    nxt = re.match(r"\s*(\S+)", ftext[end:])
    if not nxt:
        return False
    word = nxt.group(1)
    if re.match(r"^(?:لل|ل(?!ل)\w)", word) or word.lower() in ("of", "for"):
        if word.lower() in ("of", "for"):
            following = re.match(r"\s*\S+\s+(?:the\s+)?(\S+)", ftext[end:])
            word = following.group(1) if following else ""
        return not talk.search(word)
    return False


def mentions_series(article: Article, series: Series, kb: Knowledge) -> bool:
    talk = _words_re(series.talk_words)
    for s in article.sentences:
        folded = fold(s.text)
        places = [m for m in kb.find(s.text, "place") if m.key in series.name_places]
        if places and talk.search(folded):
            return True
    return False


def assign_events(article: Article, kb: Knowledge) -> list[EventAssignment]:
    """Events the article reports, best first."""
    results: list[EventAssignment] = []
    for series in kb.series.values():
        mentions = [m for s in article.sentences for m in round_mentions(s, series, kb)]
        if not mentions and not mentions_series(article, series, kb):
            continue
        scores: dict[int, float] = {}
        lead = {s.id for s in article.sentences[:3]}
        for m in mentions:
            weight = {"own": 2.0, "previous": 0.6, "next": 0.0}[m.role]
            if m.sentence_id in lead:
                weight *= 1.5
            scores[m.number] = scores.get(m.number, 0.0) + weight
        ranked = sorted((n for n in scores if scores[n] > 0), key=lambda n: -scores[n])
        if not ranked:
            results.append(EventAssignment(series.key, None, 0.3, mentions))
            continue
        total = sum(scores.values())
        for n in ranked:
            own = [m for m in mentions if m.number == n]
            conf = round(min(0.99, 0.5 + 0.5 * scores[n] / total) if n == ranked[0] else 0.5 * scores[n] / total, 2)
            if all(m.role == "previous" for m in own):
                conf = round(conf * 0.8, 2)
            results.append(EventAssignment(series.key, n, conf, own))
    results.sort(key=lambda e: -e.confidence)
    return results
