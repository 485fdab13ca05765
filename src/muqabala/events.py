"""Which event (series + round) each article reports.

Series evidence comes first: a round mention counts for a series only when it
is tied to it (the series' name in the same sentence or right after the
mention, or an article whose series evidence is clear); a round of another
body ("the fifth round of the Constitutional Committee") is that body's.

Round mentions are read as a small grammar, not a list of phrases: a meeting
noun, a few modifiers and an ordinal or number in either order ("الاجتماع
الدولي الـ 21", "the 20th international meeting", "round 14"), and the
series' short forms ("Astana-14", "جنيف 8"). Each mention gets a role: the
article's own round, the previous one, the next one or background. The
article's round is decided from the evidence over the whole text (the lead
weighs more), with the series calendar as a witness: the publication date
and the dates an article gives point at a round too. An article whose round
cannot be decided is left unassigned, with the reason, and never compared.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

from .corpus import Article, Sentence
from .knowledge import Knowledge, Series
from .normalize import fold, fold_with_offsets
from .timeexpr import PubDate, coming_weekday, parse_times

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
# French ordinals, whole words ("neuvième round", "dix-septième réunion"), with and without accents
_FR = ["premier", "deuxième", "troisième", "quatrième", "cinquième", "sixième", "septième", "huitième", "neuvième",
       "dixième", "onzième", "douzième", "treizième", "quatorzième", "quinzième", "seizième", "dix-septième",
       "dix-huitième", "dix-neuvième", "vingtième", "vingt et unième", "vingt-deuxième", "vingt-troisième"]
for _i, _w in enumerate(_FR):
    EN_UNITS[_w] = EN_UNITS[_w.replace("è", "e")] = _i + 1
EN_UNITS.update({"première": 1, "premiere": 1, "second": 2, "seconde": 2, "vingt-et-unième": 21, "vingt-et-unieme": 21})
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40}
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
         "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15}

_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_TEN = "|".join(sorted(TENS, key=len, reverse=True))
AR_ORDINAL = re.compile(
    rf"(?<![\w])(?:ال)?(?P<unit>{_UNIT})(?:\s+(?:ال)?(?P<teen>عشر|عشره)|\s+و\s*(?:ال)?(?P<ten>{_TEN}))?(?![\w])"
    rf"|(?<![\w])(?:ال)?(?P<tens>{_TEN})(?![\w])")
EN_ORDINAL = re.compile(
    rf"(?<![\w])(?:(?P<entens>{'|'.join(EN_TENS)})[- ](?P<enunit>{'|'.join(k for k in EN_UNITS if EN_UNITS[k] < 10)})"
    rf"|(?P<enord>{'|'.join(sorted(EN_UNITS, key=len, reverse=True))})|(?P<ennum>\d{{1,3}})(?:st|nd|rd|th|e|ème|eme|er|ère))(?![\w])", re.I)
# "الـ 21", "ال21", "21": a number after a meeting noun (the tatweel is folded away)
AR_NUMBER = re.compile(r"(?:ال\s*-?\s*)?(?P<num>\d{1,3})(?![\d/.:,]\d|\w)")
# Role words: right before or after a mention, or between its noun and number.
PREV_WORDS = ("السابق", "السابقه", "الماضي", "الماضيه", "الفايت", "الفايته", "المنصرم", "المنصرمه", "الاخير", "الاخيره",
              "previous", "last", "prior", "preceding", "earlier", "précédent", "précédente", "dernier", "dernière",
              "suivent", "suit")  # "ces discussions suivent un premier round …": the round they follow
NEXT_WORDS = ("المقبل", "المقبله", "القادم", "القادمه", "next", "upcoming", "forthcoming", "coming", "prochain", "prochaine")
FUTURE_WORDS = ("ستعقد", "سيعقد", "ستنعقد", "سينعقد", "ستنطلق", "سينطلق", "ستبدا", "سيبدا", "ستستضيف", "تستعد", "يستعد",
                "المرتقب", "المرتقبه", "المزمع", "المقرر", "مقرر", "will be held", "will take place", "would be held",
                "is expected", "are expected", "scheduled", "due to", "will host", "to host", "to be held", "to hold",
                "will start", "will begin", "will kick off", "ahead of", "تنطلق غدا", "غدا",
                "se tiendra", "se tiendront", "aura lieu", "auront lieu", "doit se tenir", "doivent se tenir", "prévu",
                "prévue", "prévus", "prévues", "demain")
DECIDED_WORDS = ("to hold", "decided to hold", "agreed to hold", "will hold", "convene the", "agreed that",
                 "decided that", "لعقد", "بعقد", "تقرر عقد", "على عقد", "على ان تعقد", "على ان يعقد",
                 # "تم الاتفاق على أن الجولة السابعة … ستكون": agreed that the next round will be
                 "الاتفاق على ان", "اتفقت على ان", "اتفقوا على ان", "convenu que", "décidé de tenir",
                 "سيتم خلال", "will be discussed at")  # what is to be done at a round: a round ahead
RECALLED = "\u2063recalled"  # marker on a mention in a sentence dated in the past
ROLE_MODIFIERS = PREV_WORDS + NEXT_WORDS + ("رقم", "number", "no.", "no")
# "the next round", "الجولة المقبلة" with no number: the calendar says which round comes next
NEXT_UNNUMBERED = re.compile(
    r"(?<![\w])(?:ال|[وبلف]ال)(?:جوله|اجتماع|لقاء|محادثات|مباحثات|مفاوضات)\s+(?:ال\S+\s+)?(?:المقبله|القادمه|المقبل|القادم|الجديده|الجديد)(?![\w])"
    r"|(?<![\w])(?:next|upcoming|forthcoming|new|fresh)\s+(?:\S+\s+)?(?:round|meeting|session)(?![\w])"
    r"|(?<![\w])(?:prochaine?|nouvelle|nouveau)\s+(?:round|réunion|reunion|session|cycle|rencontre)(?![\w])"
    r"|(?<![\w])(?:round|réunion|reunion|session|cycle|rencontre)\s+(?:\S+\s+)?(?:prochaine?)(?![\w])", re.I)


class Role(StrEnum):
    OWN = "own"
    PREVIOUS = "previous"
    NEXT = "next"
    BACKGROUND = "background"


# How much one mention weighs for the article's round, by role.
ROLE_WEIGHT = {Role.OWN: 2.0, Role.PREVIOUS: 0.2, Role.NEXT: 0.3, Role.BACKGROUND: 0.3}
MEMO_MAX = 100_000
LEAD_FACTOR = 1.5           # headline and first two sentences
MIN_SCORE = 0.9             # below this the round is not decided
MIN_MARGIN = 1.4            # the best round must outweigh the runner-up by this factor


@dataclass(frozen=True)
class RoundMention:
    number: int
    role: Role
    sentence_id: str
    span: tuple[int, int]     # in the article text
    printed: str
    series: str | None = None  # the series it is tied to; None: untied (the article's series decides)
    body: str | None = None    # another body's round ("Constitutional Committee"): not a series round
    recalled: bool = False     # in a sentence dated in the past ("held on 16 February last")


@dataclass(frozen=True)
class Evidence:
    kind: str                 # mention, dates, published
    round: int
    role: Role
    weight: float
    sentence_id: str | None
    span: tuple[int, int] | None
    printed: str
    note: str = ""


@dataclass
class EventAssignment:
    series: str | None
    round: int | None
    confidence: float
    evidence: list[Evidence] = field(default_factory=list)
    reason: str = ""          # why the round was decided, or why not
    scores: dict[int, float] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.series or '?'}#{self.round if self.round is not None else '?'}"

    @property
    def assigned(self) -> bool:
        return self.series is not None and self.round is not None


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
    if g.get("num"):
        return int(g["num"])
    return None


def parse_ordinal(text: str) -> int | None:
    """The first ordinal number written in `text` (Arabic, English or French), if any."""
    folded = fold(text)
    for pattern in (AR_ORDINAL, EN_ORDINAL):
        m = pattern.search(folded)
        if m:
            return ordinal_value(m)
    return None


def _alts(words) -> str:
    # "سوريا" and "سورية" (folded سوريه) are one word
    return "|".join(re.escape(fold(w)).replace(r"\ ", r"\s+").replace(r"\-", r"[\s-]*").replace("سوريا", "سوري[اه]")
                    for w in sorted(set(words), key=len, reverse=True))


def _words_re(words) -> re.Pattern:
    """Words or phrases with Arabic attached particles allowed in front (و، ب، ل، ف، ال)."""
    return _compiled_words(tuple(words))


@lru_cache(maxsize=256)
def _compiled_words(words: tuple[str, ...]) -> re.Pattern:
    # built once per word list: every sentence of every article asks for the same few lists
    return re.compile(rf"(?<![\w])(?:وال|بال|فال|لل|ال|وب|ول|[وبلف])?(?:{_alts(words)})(?![\w])", re.I)


@dataclass(frozen=True)
class _SeriesPatterns:
    names: re.Pattern           # the process named ("صيغة أستانا", "Astana format")
    talk_place: re.Pattern      # a talk word then a series place ("talks in Geneva", "محادثات جنيف")
    noun_first: re.Pattern      # "الجولة الدولية الـ 21", "round 14"
    number_first: re.Pattern    # "the 20th international meeting"
    short_form: re.Pattern | None  # "Astana-14", "جنيف 8", "Geneva IV"
    round_words: re.Pattern


@lru_cache(maxsize=32)
def _patterns(series: Series, place_names: tuple[str, ...], numbered: tuple[str, ...],
              hosts: tuple[str, ...] = ()) -> _SeriesPatterns:
    nouns = _alts(series.round_words)
    # "اجتماع أستانة الرابع", "the seventh international Astana meeting": the series' place as a modifier
    mods = _alts(series.round_modifiers + ROLE_MODIFIERS + ("حول سوريا", "بشان سوريا", "on syria") + place_names)
    number = rf"(?:{AR_NUMBER.pattern}|{AR_ORDINAL.pattern}|{EN_ORDINAL.pattern})"
    noun_first = re.compile(
        rf"(?<![\w])(?:وال|بال|فال|لل|ال|وب|ول|[وبلف])?(?P<noun>{nouns})(?P<mods>(?:\s+(?:{mods}))*)\s*[(]?\s*(?P<n>{number})",
        re.I)
    number_first = re.compile(
        rf"(?<![\w])(?P<n>{EN_ORDINAL.pattern})(?P<mods>(?:[\s-]+(?:{mods}))*)\s+(?P<noun>{nouns})(?![\w])", re.I)
    short = None
    if numbered:
        short = re.compile(rf"(?<![\w])(?:[وبلف])?(?:{_alts(numbered)})\s*[-–]?\s*(?P<n>\d{{1,2}}|(?-i:[IVX]{{1,5}}))(?![\w\d])",
                           re.I)
    talk = _alts(series.talk_words)
    places = _alts(place_names + hosts)
    # the place the rounds are numbered by, or the host country, after a talk word further on in the clause:
    # "peace talks between the government and the factions, today, in Astana"
    far = (rf"|(?<![\w])(?:وال|بال|فال|لل|ال|وب|ول|[وبلف])?(?:{talk})(?:\s+[^\s.;؛]+){{6,16}}?\s+(?:(?:في|in|at|à|au|en)\s+|ب)"
           rf"(?:{_alts(numbered + hosts)})(?![\w])") if numbered or hosts else ""
    talk_place = re.compile(
        rf"(?<![\w])(?:وال|بال|فال|لل|ال|وب|ول|[وبلف])?(?:{talk})(?:\s+\S+){{0,5}}?\s+\x22?(?:[وبلف]|in\s+|at\s+|of\s+|d'|à\s+)?\x22?(?:{places})(?![\w])"
        + far +
        rf"|(?<![\w])(?:[وبلف])?(?:{places})[\x22\s,،-]+(?:\S+\s+){{0,4}}(?:وال|ال|[وبلف])?(?:{talk})(?![\w])", re.I)
    return _SeriesPatterns(_words_re(series.names) if series.names else re.compile(r"(?!x)x"),
                           talk_place, noun_first, number_first, short, _words_re(series.round_words))


def series_patterns(series: Series, kb: Knowledge) -> _SeriesPatterns:
    def names_of(keys):
        return tuple(n for key in keys if key in kb.places for e in kb.places[key].eras for n in e.names)
    return _patterns(series, names_of(series.name_places), names_of(series.numbered_places),
                     names_of(series.host_countries))


def _bodies_re(kb: Knowledge) -> re.Pattern | None:
    names = tuple(n for b in kb.bodies.values() for n in b.names)
    return _words_re(names) if names else None


def _body_in(kb: Knowledge, text: str) -> tuple[str | None, int]:
    """The first body a text names, and where (in its folded form)."""
    pattern = _bodies_re(kb)
    m = pattern.search(fold(text)) if pattern is not None else None
    if not m:
        return None, -1
    found = fold(m.group())
    return next((b.key for b in kb.bodies.values() if any(fold(n) in found for n in b.names)), None), m.start()


def _body_at(kb: Knowledge, text: str) -> str | None:
    return _body_in(kb, text)[0]


def _memo(kb: Knowledge, name: str) -> dict:
    """A per-knowledge cache: assignment, slots and the judge ask the same sentence the same questions.
    Bounded: emptied once it holds MEMO_MAX answers, so a long-running process does not grow without end."""
    memo = kb.__dict__.setdefault("_memo", {}).setdefault(name, {})
    if len(memo) > MEMO_MAX:
        memo.clear()
    return memo


def series_evidence(ftext: str, series: Series, kb: Knowledge) -> list[tuple[int, int]]:
    """Spans of a folded sentence that name the series."""
    memo = _memo(kb, "series_evidence")
    key = (ftext, series.key)
    if key not in memo:
        memo[key] = _series_evidence(ftext, series, kb)
    return memo[key]


def _series_evidence(ftext: str, series: Series, kb: Knowledge) -> list[tuple[int, int]]:
    p = series_patterns(series, kb)
    spans = [m.span() for m in p.names.finditer(ftext)] + [m.span() for m in p.talk_place.finditer(ftext)]
    if p.short_form:
        spans += [m.span() for m in p.short_form.finditer(ftext)]
    return spans


def _near(ftext: str, pos: int, words, before: int, after: int) -> bool:
    window = ftext[max(0, pos[0] - before):pos[0]] + " | " + ftext[pos[1]:pos[1] + after]
    return bool(re.search(rf"(?<![\w])(?:[وبلف])?(?:{_alts(words)})(?![\w])", window, re.I))


def _role(ftext: str, span: tuple[int, int], mods: str) -> Role:
    mods_f = fold(mods or "")
    if re.search(rf"(?<![\w])(?:{_alts(PREV_WORDS)})(?![\w])", mods_f, re.I) or _near(ftext, span, PREV_WORDS, 12, 14):
        return Role.PREVIOUS
    if re.search(rf"(?<![\w])(?:{_alts(NEXT_WORDS)})(?![\w])", mods_f, re.I) or _near(ftext, span, NEXT_WORDS, 12, 20):
        return Role.NEXT
    if re.search(rf"(?<![\w])(?:{_alts(DECIDED_WORDS)})(?![\w])", ftext[max(0, span[0] - 35):span[0]], re.I):
        return Role.NEXT  # "decided to hold the 17th meeting": announced, not reported
    return Role.OWN


def _background(ftext: str, numbers: set[int]) -> bool:
    """A sentence about the talks' history: several rounds counted, or 'since 2017'."""
    if len(numbers) >= 3:
        return True
    return bool(re.search(r"(?<![\w])(?:منذ|since|so far|حتى الان|حتي الان|until now|to date|depuis|jusqu'à présent)(?![\w])",
                          ftext, re.I))


def _tie(ftext: str, start: int, end: int, series: Series, kb: Knowledge,
         others: list[tuple[str, list[tuple[int, int]]]], body_spans: list[tuple[str, int]]) -> tuple[str | None, str | None]:
    """(series key, body key) a mention belongs to: what follows it, then what its sentence names."""
    tail = ftext[end:end + 70]
    tail = re.split(r"[.;,]|(?<![\w])(?:و?التي|و?الذي|which|that|where|حيث|after|بعد)(?![\w])", tail)[0]
    body, at = _body_in(kb, tail)
    own_spans = [(s, e) for s, e in series_evidence(ftext, series, kb) if s < end + len(tail) and e > end]
    own_here = bool(own_spans)
    # "الجولة الخامسة من اجتماعات «لجنة مناقشة الدستور» في جنيف": the body named first is whose round it is,
    # though the talks' place follows
    if body and (not own_here or end + at < min(e for _, e in own_spans)):
        return None, body
    if own_here:
        return series.key, None
    for key, spans in others:
        if any(s < end + len(tail) and e > end for s, e in spans):
            return key, None
    # the sentence's nearest named process or body
    candidates = [(min(abs(s - start) for s, _ in spans), key, None) for key, spans in
                  [(series.key, series_evidence(ftext, series, kb))] + others if spans]
    candidates += [(abs(pos - start), None, b) for b, pos in body_spans]
    if candidates:
        _, key, b = min(candidates, key=lambda c: c[0])
        return key, b
    return None, None


def round_mentions(sentence: Sentence, series: Series, kb: Knowledge) -> list[RoundMention]:
    """Round mentions in one sentence that could belong to `series` (tied to it, or untied)."""
    memo = _memo(kb, "round_mentions")
    key = (sentence, series.key)
    if key not in memo:
        memo[key] = _round_mentions(sentence, series, kb)
    return memo[key]


def _round_mentions(sentence: Sentence, series: Series, kb: Knowledge) -> list[RoundMention]:
    folded = fold_with_offsets(sentence.text)
    ftext = folded.text
    p = series_patterns(series, kb)
    found: list[tuple[int, int, int, str]] = []
    for m in p.noun_first.finditer(ftext):
        if fold(m.group("noun")).endswith("ات") and re.match(r"\s*(?:ال\s*)?\d", ftext[m.start("n"):]):
            continue  # "الاجتماعات يومي 15": a plural noun with a day number
        value = _value(m, "n")
        if value:
            found.append((m.start(), m.end(), value, m.group("mods")))
    for m in p.number_first.finditer(ftext):
        value = _value(m, "n")
        if value:
            found.append((m.start(), m.end(), value, m.group("mods")))
    if p.short_form:
        for m in p.short_form.finditer(ftext):
            raw = m.group("n")
            value = int(raw) if raw.isdigit() else ROMAN.get(raw.lower())
            if value:
                found.append((m.start(), m.end(), value, ""))
    if not found:
        return []
    others = [(s.key, series_evidence(ftext, s, kb)) for s in kb.series.values() if s.key != series.key]
    body_pattern = _bodies_re(kb)
    body_spans = [(_body_at(kb, m.group()), m.start()) for m in body_pattern.finditer(ftext)] if body_pattern else []
    numbers = {v for _, _, v, _ in found}
    background = _background(ftext, numbers)
    # "held on 16 February last": a sentence dated in the past speaks of an earlier round
    recalled = any(t.relative == "past" and t.granularity in ("day", "month") for t in parse_times(sentence.text))
    out = []
    taken: list[tuple[int, int]] = []
    for start, end, value, mods in sorted(found, key=lambda f: (f[0], -f[1])):
        if not 0 < value < 100 or any(a <= start < b for a, b in taken):
            continue
        taken.append((start, end))
        key, body = _tie(ftext, start, end, series, kb, others, body_spans)
        if key is not None and key != series.key:
            continue  # another series' round
        role = _role(ftext, (start, end), mods)
        if role is Role.OWN and background:
            role = Role.BACKGROUND
        elif role is Role.OWN and recalled:
            mods = (mods or "") + " " + RECALLED  # weighs less, but may still be the article's subject
        s, e = folded.span(start, min(end, len(ftext)))
        out.append(RoundMention(value, role, sentence.id, (sentence.start + s, sentence.start + e),
                                sentence.text[s:e].strip(), key, body, recalled=RECALLED in (mods or "")))
    return out


def _value(m: re.Match, group: str) -> int | None:
    text = m.group(group)
    for pattern in (AR_NUMBER, AR_ORDINAL, EN_ORDINAL):
        n = pattern.fullmatch(text.strip())
        if n:
            return ordinal_value(n)
    return None


def _pub(article: Article) -> date | None:
    p = PubDate.parse(article.published)
    if p is None:
        return None
    return p.as_date or (date(p.year, p.month, 15) if p.month else None)


def _time_factor(series: Series, number: int, role: Role, pub: date | None) -> float:
    """The calendar as a witness: a round that had not begun when the article appeared is
    a plan (fine for a 'next' mention, odd for an 'own' one); one long over is recalled."""
    known = series.round(number)
    if known is None or pub is None:
        return 1.0
    if role is Role.NEXT:
        return 4.0 if known.start - timedelta(days=75) <= pub <= known.end else 0.5
    if known.start - timedelta(days=45) <= pub <= known.end + timedelta(days=20):
        return 1.5
    if pub < known.start - timedelta(days=45):
        return 0.6  # announced far ahead: a plan, or a misnumbered round
    return 0.7 if pub <= known.end + timedelta(days=60) else 0.4  # recalled; the longer ago, the less it says


def _date_evidence(article: Article, series: Series, kb: Knowledge, talk: re.Pattern) -> list[Evidence]:
    """Meeting dates given in a sentence about the talks, and the publication date, read against
    the series calendar."""
    out: list[Evidence] = []
    pub_day = _pub(article)
    in_progress = bool(pub_day and series.round_on(pub_day, before=0, after=3))
    lead = {s.id for s in article.sentences[:3]}
    for s in article.sentences:
        f = fold(s.text)
        if not (talk.search(f) or series_evidence(f, series, kb)):
            continue
        prev = bool(re.search(rf"(?<![\w])(?:{_alts(PREV_WORDS)})(?![\w])", f, re.I))
        ahead = bool(re.search(rf"(?<![\w])(?:{_alts(NEXT_WORDS + DECIDED_WORDS)})(?![\w])", f, re.I))
        for t in parse_times(s.text, article.published, base=s.start):
            # "talks set to begin on Monday": the coming Monday (the clause: up to the next comma or stop)
            at = t.span[0] - s.start
            clause = re.split(r"[,;:.،؛]", fold(s.text[:at]))[-1] + re.split(r"[,;:.،؛]", fold(s.text[at:]))[0]
            t = coming_weekday(t, clause, article.published)
            if t.granularity == "day" and not t.resolved and not pub_day:
                out += _yearless_range(t, s, series, prev, lead)
                continue
            if t.granularity != "day" or not t.resolved:
                continue
            for r in series.rounds:
                if t.start <= r.end and r.start <= t.end:
                    role = Role.PREVIOUS if prev else Role.NEXT if ahead else Role.OWN
                    weight = 1.2 if role is Role.OWN else 0.2
                    if role is Role.NEXT and pub_day and pub_day < r.start and not in_progress:
                        weight = 0.8  # a preview dating the meeting ahead: that meeting is its subject
                    if s.id in lead:
                        weight *= LEAD_FACTOR
                    if pub_day and pub_day > r.end + timedelta(days=20):
                        weight *= 0.5  # a round long over when the article appeared: recalled
                    out.append(Evidence("dates", r.number, role, round(weight, 3), s.id, t.span,
                                        t.text, f"dates within round {r.number} ({r.start}/{r.end})"))
    pub = PubDate.parse(article.published)
    if pub and pub.month and not pub.day:
        # known only to the month: a month with exactly one round of the series points at it
        month = [r for r in series.rounds if (r.start.year, r.start.month) == (pub.year, pub.month)]
        if len(month) == 1:
            out.append(Evidence("published", month[0].number, Role.OWN, 0.9, None, None, article.published,
                                f"published in the month of round {month[0].number} ({month[0].start})"))
    if pub and pub.as_date:
        r = series.round_on(pub.as_date, before=0, after=1)
        just_after = series.round_on(pub.as_date, before=0, after=3)
        if r:
            out.append(Evidence("published", r.number, Role.OWN, 1.0, None, None, article.published,
                                f"published during round {r.number} ({r.start}/{r.end})"))
        elif just_after:
            out.append(Evidence("published", just_after.number, Role.OWN, 0.8, None, None, article.published,
                                f"published just after round {just_after.number} ({just_after.start}/{just_after.end})"))
        else:
            soon = series.round_on(pub.as_date, before=6, after=0)
            future = re.search(rf"(?<![\w])(?:{_alts(FUTURE_WORDS)})(?![\w])",
                               fold(" ".join(s.text for s in article.sentences[:3])), re.I)
            if soon and future:
                out.append(Evidence("published", soon.number, Role.NEXT, 0.6, None, None, article.published,
                                    f"a preview published days before round {soon.number} ({soon.start})"))
    if pub_day and not in_progress:
        upcoming = next((r for r in sorted(series.rounds, key=lambda r: r.start)
                         if r.start > pub_day and r.start - pub_day <= timedelta(days=120)), None)
        if upcoming:
            for s in article.sentences:
                m = NEXT_UNNUMBERED.search(fold(s.text))
                if m:
                    out.append(Evidence("calendar", upcoming.number, Role.NEXT, 1.0, s.id, None, m.group(),
                                        f"the next meeting after {article.published} is round {upcoming.number} "
                                        f"({upcoming.start})"))
                    break
    return out


def _yearless_range(t, s, series: Series, prev: bool, lead: set) -> list[Evidence]:
    """A page with no date: "les 14 et 15 septembre" has no year, but a day range that is the first and last
    day of exactly one round of the calendar points at it."""
    m = re.fullmatch(r"--(\d\d)-(\d\d)/--(\d\d)-(\d\d)", t.label)
    if not m:
        return []
    a, b = (int(m[1]), int(m[2])), (int(m[3]), int(m[4]))
    hits = [r for r in series.rounds if (r.start.month, r.start.day) == a and (r.end.month, r.end.day) == b]
    if len(hits) != 1:
        return []
    role = Role.PREVIOUS if prev else Role.OWN
    weight = (1.0 if role is Role.OWN else 0.2) * (LEAD_FACTOR if s.id in lead else 1.0)
    return [Evidence("dates", hits[0].number, role, round(weight, 3), s.id, t.span, t.text,
                     f"the days of round {hits[0].number} ({hits[0].start}/{hits[0].end}); the page has no date")]


def series_score(article: Article, series: Series, kb: Knowledge) -> tuple[float, list[str]]:
    """How strongly the article names the series (the lead counts double), with the phrases."""
    score, printed = 0.0, []
    for i, s in enumerate(article.sentences):
        f = fold(s.text)
        spans = series_evidence(f, series, kb)
        if spans:
            # one count per sentence; the headline or first sentence says what the article is about
            score += 3.0 if i == 0 else 1.5 if i < 3 else 1.0
            printed += [f[a:b] for a, b in spans[:2]]
    return score, printed


def assign_events(article: Article, kb: Knowledge) -> list[EventAssignment]:
    """The article's event first: an assigned (series, round), or an unassigned entry with the reason."""
    ranked_series = sorted(((series_score(article, s, kb), s) for s in kb.series.values()),
                           key=lambda x: -x[0][0])
    results: list[EventAssignment] = []
    pub = _pub(article)
    lead = {s.id for s in article.sentences[:3]}
    best_series_score = ranked_series[0][0][0] if ranked_series else 0.0
    # where each series is named, by sentence: an untied round mention goes to the process named nearest to it
    index_of = {s.id: i for i, s in enumerate(article.sentences)}
    named_at = {series.key: [i for i, s in enumerate(article.sentences) if series_evidence(fold(s.text), series, kb)]
                for series in kb.series.values()}

    def nearest_series(sentence_id: str) -> str | None:
        i = index_of[sentence_id]
        dist = {k: min(abs(i - j) for j in where) for k, where in named_at.items() if where}
        if not dist:
            return None
        best = min(dist.values())
        closest = [k for k, d in dist.items() if d == best]
        return closest[0] if len(closest) == 1 else None

    for (sscore, names), series in ranked_series:
        mentions = [m for s in article.sentences for m in round_mentions(s, series, kb)]
        tied = [m for m in mentions if m.series == series.key]
        # untied mentions belong to this series only when the article clearly names it, and names it
        # most or nearest to the mention
        clear = sscore > 0 and sscore >= best_series_score
        usable = [m for m in mentions if m.body is None and (m.series == series.key or (
            m.series is None and sscore > 0 and (nearest_series(m.sentence_id) or (series.key if clear else None))
            == series.key))]
        if sscore == 0 and not tied:
            continue
        # a process the article names less than another is mentioned in passing: its rounds weigh less
        share = min(1.0, sscore / best_series_score) if best_series_score else 1.0
        evidence: list[Evidence] = []
        for m in usable:
            weight = ROLE_WEIGHT[m.role] * _time_factor(series, m.number, m.role, pub) * share
            if m.recalled:
                weight *= 0.4
            if m.sentence_id in lead:
                weight *= LEAD_FACTOR
            evidence.append(Evidence("mention", m.number, m.role, round(weight, 3), m.sentence_id, m.span, m.printed,
                                     f"tied to the series by {'its name' if m.series else 'the article'}"))
        talk = _words_re(series.talk_words + series.round_words)
        if clear:  # the calendar speaks only for the series the article is about
            evidence += _date_evidence(article, series, kb, talk)
        # a mention of the previous round says the article is about a later one
        scores: dict[int, float] = {}
        for e in evidence:
            scores[e.round] = scores.get(e.round, 0.0) + e.weight
        if not scores:
            results.append(EventAssignment(series.key, None, 0.2, evidence,
                                           f"{series.name} named ({', '.join(names[:2])}), but no round found",
                                           scores))
            continue
        ranked = sorted(scores, key=lambda n: -scores[n])
        top = scores[ranked[0]]
        second = scores[ranked[1]] if len(ranked) > 1 else 0.0
        total = sum(scores.values())
        if top < MIN_SCORE:
            results.append(EventAssignment(series.key, None, round(top / (total or 1) * 0.5, 2), evidence,
                                           f"evidence for round {ranked[0]} too weak ({top:.1f})", scores))
            continue
        if second and top < MIN_MARGIN * second:
            results.append(EventAssignment(series.key, None, 0.3, evidence,
                                           f"rounds {ranked[0]} ({top:.1f}) and {ranked[1]} ({second:.1f}) "
                                           "are equally supported", scores))
            continue
        conf = round(min(0.99, 0.4 + 0.6 * top / total) * (1.0 if sscore > 0 else 0.8), 2)
        kinds = {e.kind for e in evidence if e.round == ranked[0]}
        how = "named" if "mention" in kinds else "dated" if "dates" in kinds else "published during it"
        if "mention" not in kinds:
            conf = round(conf * 0.75, 2)
        results.append(EventAssignment(series.key, ranked[0], conf, evidence,
                                       f"round {ranked[0]} {how} (score {top:.1f} of {total:.1f})", scores))
    if not results:
        return [EventAssignment(None, None, 0.0, [], "no known series")]
    # two processes with a round each (a roundup): the one with the stronger evidence for its round
    results.sort(key=lambda e: (not e.assigned, -(max(e.scores.values()) if e.assigned else 0.0), -e.confidence))
    return results
