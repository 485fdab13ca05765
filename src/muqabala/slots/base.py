"""Stage 5, extract slots: typed facts about an article's event, each tied to
the exact words it came from (sentence id and character span).

Slots: venue (checked against the dates each place name was valid), dates,
heads of delegation (party -> person, also people in no knowledge file), next
round (number, when, where), next summit (when, where), observers, people
named with a party, and the previous round's dates when an article gives them.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ..corpus import Article, Sentence
from ..events import EventAssignment, round_mentions
from ..knowledge import Knowledge, Series
from ..normalize import fold, fold_key

HOLD_VERBS = ("عقدت", "عقد", "انعقد", "انعقدت", "انتهت", "اختتمت", "اختتم", "انطلقت", "بدات", "جرت", "تستضيف",
              "تستضيفه", "استضافت", "استضاف", "تنعقد", "held", "hosted", "ended", "began", "opened", "concluded",
              "convened", "took place", "kicked off",
              # French
              "s'est tenu", "s'est tenue", "se sont tenus", "se sont tenues", "a eu lieu", "ont eu lieu", "s'est déroulé",
              "s'est déroulée", "se déroule", "se tient", "se tiennent", "ont commencé", "a commencé", "s'est ouvert",
              "s'est ouverte", "se sont ouverts", "s'ouvre", "s'ouvrent", "a pris fin", "ont pris fin", "s'est achevé",
              "s'est achevée", "se sont achevés", "réunis", "réunies", "accueille", "a accueilli")
HOSTING = ("تستضيف", "تستضيفه", "استضافت", "استضاف", "تستضيفها", "احتضنت", "تحتضن", "يحتضن", "احتضن", "hosted",
           "hosts", "host", "hosting", "تشهد", "يشهد", "شهدت", "accueille", "a accueilli", "accueillera")  # "تشهد العاصمة الكازاخية … انعقاد الجولة 16"
TBD = re.compile(r"(بمكان|في\s+مكان|مكان)\s+(يحدد|سيحدد|يتحدد|لم\s+يحدد|يعلن)|لم\s+(?:يتم\s+)?(?:يحدد|تحديد)\s+(?:ال)?مكان|"
                 r"(venue|place|location)\s+(to\s+be|will\s+be|yet\s+to\s+be|has\s+not\s+been|is\s+not\s+yet)\s+"
                 r"(determined|decided|announced|set|agreed|specified|chosen|confirmed)|undecided\s+venue|"
                 r"without\s+specifying\s+(?:its|the)\s+(?:venue|location|place)|"
                 # "in another city", "في مكان آخر": not here, and not yet named
                 r"(?:another|a\s+different|a\s+new)\s+(?:venue|location|city|capital|country)|elsewhere|"
                 r"(?:مكان|مدينه|عاصمه|دوله)\s+(?:اخر|اخري)|دون\s+تحديد\s+(?:ال)?مكان\w*", re.I)
# observer(s), never "مراقبة" (monitoring: "ceasefire monitoring", "joint monitoring forces")
OBSERVER = re.compile(r"(?<![\w])(?:[وبلفك]|كـ)?(?:ال)?(مراقب(?:ين|ون|ا|ي)?(?![\w])|observer\w*|observat(?:eur|rice)s?)", re.I)
HEAD_TRIGGER = re.compile(
    r"(?<![\w])(?:و|ف)?(?P<verb>(?:تراس|يتراس|تتراس|تراست|يراس|سيتراس|ستتراس|سيراس)(?:ه|ها)?|برياسه|رياسه|رييس|"
    r"head(?:ed|s)?\s+by|led\s+by|leader\s+of|chief\s+of|"
    r"chaired\s+by|head\s+of(?!\s+(?:the\s+)?(?:press|media|information|department|office|division|mission)(?![\w]))|"
    r"headed|led|(?:is\s+|was\s+|are\s+|were\s+)?represented\s+by|has\s+sent|has\s+dispatched|sent|dispatched|"
    r"يمثلها|يمثله|ويمثل|يمثل|مثلها|مثله|ممثله|ممثلا\s+ب|"
    # French: "la délégation russe, conduite par …", "à la tête de la délégation"
    r"(?:dirig|condu|men|présid|représent)(?:é|i)e?s?\s+par|conduite?s?\s+par|dirige|dirigeait|conduit|mène|"
    r"à\s+la\s+tête\s+de|chef\s+de)(?![\w])", re.I)
CLAUSE_BREAK = re.compile(r"[،,;؛:()\[\]]|(?<![\w])(?:فيما|بينما|بالاضافه\s+الي|فضلا\s+عن|كما|while|whereas|and\s+the)(?![\w])", re.I)
# a run of capitalised words after these is what the person belongs to, not the person ("the envoy of Vladimir
# Putin", "a senior member in Jaysh al-Islam, Mohammed Alloush")
GENITIVE_BEFORE = {"للرييس", "الرييس", "لرييس", "رييس", "president", "للامين", "لوزير", "الملك", "للملك", "président", "de",
                   "du", "of", "in", "from"}
STOP = set(fold_key(w) for w in """
في عن من مع و او أو ثم ان أن إن قد وقد لقد الذي التي الذين اللذين فيما بينما كما هو هي هم كان كانت
السفير سفير الممثل ممثل الخاص الخاصة المبعوث مبعوث نائب وزير وزيرة الخارجية الخارجيه مستشار مستشارة مساعد معاون كبير
كبيرة مدير مديرة عام العام رئيس الرئيس رئيسة الأمين امين الوفد وفد وفود الدولة الشؤون السياسية العلاقات الثنائية
السورية وزارة المغتربين والمغتربين للشؤون اللجنة لجنة سوريا دمشق خلال بعد قبل حول بشأن أيضا ايضا نحو لدى عبر
الجانب المسؤول المستشار المساعد المعاون المتحدث الناطق الرسمي الجديد السابق الحالي الاول الثاني الذي باسم اسم مؤتمر صحفي تصريحات بيان البيان السيد السيدة الدكتور د الجنرال العميد اللواء السفيرة
يرأس يرأسه ترأس يترأس برئاسة رئاسة الاجتماعات الاجتماع المحادثات محادثات شارك وشارك يشارك مثل ومثل حضر يحضر بصفة بصفته صفة مراقب مراقبين المراقبين
the of for to and in on at by with a an head headed led chaired deputy foreign minister special envoy ambassador
president presidential representative adviser advisor director general senior un secretary delegation delegations
russian turkish iranian syrian government opposition kazakh kazakhstan's his her its their who which
قسم دائره اداره مديريه مندوب مندوبه مندوبها المندوب الدائم دائم سوريه سورية هيئه هيئة الاركان الأركان رئاسه
مكتب المكتب سفاره السفاره جمهوريه الجمهوريه العربيه
political affairs department ministry middle east north africa arab republic permanent representative
mission office chief team negotiator negotiators spokesman spokeswoman spokesperson foreign defence defense
شمال افريقيا الشرق الاوسط دون غير اشار واشار قال وقال اكد واكد اضاف واضاف اوضح واوضح يغادر غادر وصل يصل
dr dr. mr mr. press service agency news united nations اركان الجيش جيش القوات قوات
رفيع المستوي كبار اجتماع جلسه لقاء هذا هذه ذلك تلك مره المره ظل غياب حضور مشاركه اشخاص شخص شخصا افراد اعضاء خبراء مسوولين ممثلين اثنين اثنان ثلاثه اربعه خمسه سته سبعه ثمانيه تسعه عشره
persons people members experts officials two three four five six seven eight nine ten
affaires étrangères étrangère ministre vice-ministre ministère président présidente ambassadeur envoyé envoyée
émissaire spécial spéciale adjoint adjointe délégation chef porte-parole conseiller conseillère directeur
directrice général générale représentant représentante syrien syrienne russe turc turque iranien iranienne onu
etrangeres etrangères étrangeres expatriés expatries haut-assistant assistant secrétaire d'etat d'état
""".split())


class About(StrEnum):
    """Which event a value describes. Only values about what a slot type compares are compared."""
    THIS = "this"
    PREVIOUS = "previous"
    NEXT = "next"
    BACKGROUND = "background"


class Status(StrEnum):
    AGREE = "agree"
    CONFLICT = "conflict"
    CANNOT_COMPARE = "cannot_compare"
    OMITTED = "omitted"
    SUPERSEDED = "superseded"
    SINGLE = "single"
    NO_MAJORITY = "no_majority"


class Label(StrEnum):
    NAMING_CONFLICT = "naming_conflict"
    OUTDATED_NAME = "outdated_name"
    DIFFERENT_VENUE = "different_venue"
    WRONG_MONTH = "wrong_month"
    WRONG_YEAR = "wrong_year"
    DAYS_OFF_BY_ONE = "days_off_by_one"
    DIFFERENT_DATES = "different_dates"
    DIFFERENT_TIMING = "different_timing"
    DIFFERENT_PLACE = "different_place"
    DIFFERENT_NUMBER = "different_number"
    DIFFERENT_PERSON = "different_person"
    TITLE_DIFFERENCE = "title_difference"
    NEXT_ROUND_VS_SUMMIT = "next_round_vs_summit"
    PLAN_VS_OUTCOME = "plan_vs_outcome"
    WITHIN_SPAN = "within_span"
    SPELLING = "spelling_variant"
    CANNOT_COMPARE = "cannot_compare"
    UNRESOLVED = "unresolved"


# Conflict classes as the report groups them.
CLASS_OF = {Label.NAMING_CONFLICT: "naming", Label.OUTDATED_NAME: "naming", Label.TITLE_DIFFERENCE: "title",
            Label.PLAN_VS_OUTCOME: "superseded"}


@dataclass
class SlotValue:
    slot: str
    key: str
    value: str
    printed: str
    sentence_id: str
    span: tuple[int, int]
    about: About = About.THIS
    start: date | None = None       # time values: the interval they denote
    end: date | None = None
    granularity: str = ""
    title: str = ""                 # people: the title this outlet gives
    name_status: str = ""           # venue: valid, outdated, not yet, unknown
    weak: bool = False              # a country for its capital, a number inferred
    plan: bool = False              # expected, not yet happened ("expected to attend")
    matched: str = ""               # people: how the name matched the knowledge
    round: int | None = None        # a value about an earlier round the sentence names: that round's number
    reason: str = ""
    note: str = ""

    def to_dict(self) -> dict:
        out = {"slot": self.slot, "key": self.key, "value": self.value, "printed": self.printed,
               "sentence_id": self.sentence_id, "start": self.span[0], "end": self.span[1], "about": self.about.value}
        for name in ("granularity", "title", "name_status", "matched", "reason", "note"):
            if getattr(self, name):
                out[name] = getattr(self, name)
        for name in ("weak", "plan"):
            if getattr(self, name):
                out[name] = True
        if self.round is not None:
            out["round"] = self.round
        if self.start:
            out["from"], out["to"] = self.start.isoformat(), self.end.isoformat()
        return out


@dataclass(frozen=True)
class Comparison:
    status: Status
    label: Label | None = None
    reason: str = ""


AGREE = Comparison(Status.AGREE)


@dataclass
class ArticleFacts:
    article: Article
    events: list[EventAssignment]
    slots: list[SlotValue]

    @property
    def event(self) -> EventAssignment | None:
        return self.events[0] if self.events else None

    def get(self, slot: str, key: str | None = None, about: About | None = About.THIS) -> list[SlotValue]:
        """Values of a slot (and key). By default only those about the article's own round;
        next_round/next_summit values are about the next event and come with about=NEXT."""
        if slot in ("next_round", "next_summit") and about is About.THIS:
            about = About.NEXT
        return [s for s in self.slots if s.slot == slot and (key is None or s.key == key)
                and (about is None or s.about == about)]


# ------------------------------------------------------------------ helpers
@dataclass
class _Ctx:
    """One sentence of an article, with what every slot type needs to know about it."""
    article: Article
    sentence: Sentence
    folded: object
    kb: Knowledge
    series: Series
    event_round: int | None
    about: About = About.THIS           # which round the sentence speaks of
    about_talks: bool = False           # names the talks or a meeting word
    hypothetical: bool = False          # "could be", "might", "يمكن": no fact about the round
    nexts: list = None                  # announcements of what comes next (kind, fstart, fend, number)
    first_next: int = 0                 # folded offset of the first announcement
    times: list = None                  # time expressions of the sentence
    names_own_round: bool = False       # the sentence names the article's own round ("the 8th round")
    preview: bool = False               # the article was published before its round began
    recalled: int | None = None         # the one earlier round a sentence about another round names
    previous: Sentence | None = None    # the sentence before ("وصل الوفد الحكومي … ويترأس الوفد …")



def other_round(series: Series, t, own) -> int | None:
    """The known round a day-precise date far from the article's own round falls in ("April 26, 2019" in
    a story on the August round: a photo from the round before)."""
    if not t.resolved or t.granularity != "day" or abs((t.start - own.start).days) < 45:
        return None
    return next((r.number for r in series.rounds if r.number != own.number and t.start <= r.end
                 and r.start <= t.end), None)


def another_bodys(ctx: _Ctx, pa: int) -> bool:
    """The nearest gathering named before a folded position is another body (the Sochi congress, the
    Constitutional Committee, a working group), not the talks."""
    from ..events import _bodies_re, _words_re

    f = ctx.folded.text
    # only within the clause run that leads to the position: "…the Constitutional Committee, while the UN envoy
    # said the meeting failed" speaks of the envoy at the talks
    cut = max((m.end() for m in NEW_CLAUSE.finditer(f[:pa])), default=0)
    pattern = _bodies_re(ctx.kb)
    # "the first meeting since the Sochi congress, which the envoy will attend": a body named as a time is
    # not the gathering
    body = max((m.end() for m in pattern.finditer(f[cut:pa]) if not SINCE.search(f[max(0, cut + m.start() - 12):
                                                                                   cut + m.start()])),
               default=-1) if pattern else -1
    talk = _words_re(ctx.series.talk_words + ctx.series.round_words)  # a gathering, not "the guarantor states"
    talks = max((m.end() for m in talk.finditer(f[cut:pa])), default=-1)
    if body > talks:
        return True
    # "representatives of the ICRC will come to hold a meeting of the working group": come for another body
    end = min((m.start() for m in NEW_CLAUSE.finditer(f, pa)), default=len(f))
    later = pattern.search(f, pa, end) if pattern else None
    return bool(later and FOR_PURPOSE.search(f, pa, later.start()))


SINCE = re.compile(r"(?<![\w])(?:منذ|since|بعد|after|قبل|before)\s+(?:the\s+)?$", re.I)
# coming for something: "to hold", "to attend", "لعقد", "لحضور", "للمشاركة في"
FOR_PURPOSE = re.compile(r"(?<![\w])(?:to\s+(?:hold|attend|take\s+part\s+in|join)|لعقد|لحضور|للمشاركه\s+في)(?![\w])", re.I)


# a new clause: a semicolon, "while", or a comma and a verb joined to "و" ("، وسيحضر", "، ويشارك"), not a list
# item ("، والصليب الأحمر")
NEW_CLAUSE = re.compile(r"[;؛]|(?<![\w])(?:بينما|فيما|كما|while|whereas|meanwhile)(?![\w])|[،,]\s*وس?[يت]\w{2,}|"
                        # a new statement: "…, لافتا إلى أنه", "…, noting that"
                        r"(?<![\w])(?:لافتا|مشيرا|مضيفا|موضحا|موكدا|noting|adding)(?![\w])", re.I)


def _clauses(text: str) -> list[tuple[int, int]]:
    """Clause boundaries (start, end) in a folded sentence."""
    cuts = [0] + [m.start() for m in CLAUSE_BREAK.finditer(text)] + [len(text)]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _span(ctx: _Ctx, fstart: int, fend: int) -> tuple[int, int, str]:
    s, e = ctx.folded.span(fstart, fend)
    return ctx.sentence.start + s, ctx.sentence.start + e, ctx.sentence.text[s:e]


def _fpos(ctx: _Ctx, abs_offset: int) -> int:
    """Folded index of an absolute article offset inside the current sentence."""
    return bisect_left(ctx.folded.offsets, abs_offset - ctx.sentence.start)


def _is_talks_name(ftext: str, fstart: int, fend: int, talk: re.Pattern, names_talks: bool = True) -> bool:
    """The place is the talks' name ("محادثات أستانا", "Astana-14", "the Astana process", "«أستانا»"); a
    place that names no talks (`names_talks` False: Sochi, Nur-Sultan) is never one just for its quotes."""
    before = ftext[max(0, fstart - 30):fstart]
    before = re.sub(r"[\"'“”«»\s]+$", "", before)
    last = re.findall(r"[\w]+$", before)
    if last and talk.fullmatch(last[0]):
        return True
    after = ftext[fend:fend + 6]
    if re.match(r"\s*-?\s*\d", after):
        return True  # "أستانة 22"
    if re.match(r"[\s-]*(?:peace\s+)?(?:talks|process|format|meetings?|negotiations|platform|guarantors|framework|track)\b",
                ftext[fend:fend + 30], re.I):
        return True  # "in Astana talks", "the Astana process"
    quoted = fstart > 0 and ftext[fstart - 1] in "\"'“«" and fend < len(ftext) and ftext[fend] in "\"'”»"
    return quoted and names_talks


# A place noun that may stand between a cue and the name: "في منتجع سوتشي", "بمدينة أستانا", "in the southern
# Russian resort of Sochi", "in Kazakhstan's capital, Nur-Sultan", and a quote mark ("«نور سلطان»").
PLACE_NOUN = (r"(?:(?:ال)?(?:عاصمه|مدينه|منتجع)(?:\s+\w+يه?)?\s*,?\s*"
              r"|(?:la\s+|l')?(?:capitale|ville|station\s+balnéaire)(?:\s+\w+)?(?:\s+(?:de|du))?\s*,?\s*"
              r"|(?:the\s+)?(?:[\w'’]+\s+){0,2}(?:capital|city|resort|town)(?:\s+city)?(?:\s+of(?:\s+\w+)?)?\s*,?\s*"
              r"|\w+['’]s\s+)?"
              r"[«\"“]?\s*$")
# ("in the newly renamed Kazakh capital": adverbs and participles may stand after the article)
LOCATION_CUE = re.compile(rf"(?:(?<![\w])(?:في|ب|in|at|à|au|en|dans)\s+(?:the\s+(?:[a-z]+(?:ly|ed)\s+){{0,2}}|la\s+|le\s+|l')?"
                          rf"|(?<![\w])ب){PLACE_NOUN}", re.I)
ARRIVAL_CUE = re.compile(rf"(?<![\w])(?:الي|to|for|pour|vers)\s+(?:the\s+)?{PLACE_NOUN}", re.I)


def _location_cue(ftext: str, fstart: int) -> bool:
    """'في X', 'بـX', 'في العاصمة الكازاخستانية، X', 'in X', 'at X'."""
    return bool(LOCATION_CUE.search(ftext[max(0, fstart - 60):fstart]))


ARRIVAL = re.compile(r"(?<![\w])(?:[وس]{0,2}|لل|ل)(?:وصل\w*|يصل|تصل|توجه\w*|يتوجه|تتوجه|متجه\w*|غادر\w*|arriv\w*|left|leaves|travel\w*|"
                     r"head(?:s|ed)?|flew|set\s+off)(?![\w])", re.I)


def _arrival_cue(ftext: str, fstart: int) -> bool:
    """'وصل الوفد إلى العاصمة الكازاخية نور سلطان', 'left Tehran for Nur-Sultan': where delegations travel to."""
    before = ftext[max(0, fstart - 70):fstart]
    m = ARRIVAL_CUE.search(before)
    return bool(m and ARRIVAL.search(before[:m.start()]))


SPOKESPERSON = re.compile(r"spokes|متحدث", re.I)


def spokesperson(kb: Knowledge, key: str) -> bool:
    """A known official whose role is to speak for a party: he speaks of delegations, he neither leads nor
    attends as one ("…, government spokesman Mohamed Momani said")."""
    return key in kb.people and any(SPOKESPERSON.search(r) for r in kb.people[key].roles)


def next_party_at(ctx: _Ctx, start: int) -> int | None:
    """The folded position of the first party named (by name or adjective) at or after `start`: where the
    words about the previous person or party end ("… in the absence of the American side")."""
    return min([a for a, _ in _party_marks(ctx) if a >= start], default=None)


def previous_party_end(ctx: _Ctx, start: int) -> int:
    """The folded end of the last party named before `start` (0 if none): where words about it end."""
    return max([b for a, b in _party_marks(ctx) if b <= start], default=0)


def _party_marks(ctx: _Ctx) -> list[tuple[int, int]]:
    return [(_fpos(ctx, m.span[0]), _fpos(ctx, m.span[1] - 1) + 1) for kind in ("party", "adjective")
            for m in ctx.kb.find(ctx.sentence.text, kind, ctx.sentence.start)]


def _prefixed(ftext: str, fstart: int) -> bool:
    return fstart > 0 and ftext[fstart - 1] == "ب" and (fstart < 2 or not ftext[fstart - 2].isalpha())


def _hosting(ftext: str, fstart: int, fend: int) -> bool:
    near = ftext[max(0, fstart - 25):fend + 25]
    # with an object pronoun too: "التي استضافتها العاصمة الكازاخستانية"
    return any(re.search(rf"(?<![\w])[وف]?{h}(?:ه|ها|هما)?(?![\w])", near, re.I) for h in HOSTING)


def _name_tokens(ctx: _Ctx, fstart: int, fend: int) -> list[tuple[int, int, str]]:
    """Words of a folded region as (fstart, fend, original word)."""
    out = []
    for m in re.finditer(r"[^\s,;:\"'“”«»()\[\].!?،؛؟-]+", ctx.folded.text[fstart:fend]):
        a, b = fstart + m.start(), fstart + m.end()
        s, e = ctx.folded.span(a, b)
        out.append((a, b, ctx.sentence.text[s:e]))
    return out


RAW_STOP = {"على", "إلى", "الى", "لدى", "حتى", "سوى", "متى", "to", "by"}


def _name_like(word: str, kb: Knowledge) -> bool:
    if re.sub(r"[\u064b-\u0652]", "", word) in RAW_STOP:
        return False
    f = fold_key(word)
    bare = re.sub(r"^(?:و|ف|ب)(?=\w{3,})", "", f)  # "بخمسة أشخاص": by five people, no name
    if len(f) < 2 or re.search(r"\d", f) or f in STOP or bare in STOP:
        return False  # a name has letters only: "و29 نوفمبر" is a date
    if re.match(r"^(?:ال|وال|بال|لل|فال|كال)", word):
        return False  # definite nouns and adjectives, not given names (أل/إل spellings pass)
    if kb.party_by_word(word) or kb.find(word, "place"):
        return False
    if word.isascii():
        # "al" of "al-Jaafari", "el-Assad": the article of a family name (the hyphen splits the words)
        return word[:1].isupper() or word in ("al", "el", "ad", "ash", "an", "ar", "az")
    return True


def _surname_like(word: str, kb: Knowledge) -> bool:
    f = fold_key(word)
    if not re.match(r"^ال\w{2,}$", f) or f in STOP or f.endswith("يه") or word.isascii():
        return False
    return not (kb.party_by_word(word) or kb.find(word, "place"))


def _title_case(text: str) -> bool:
    """A line whose words are nearly all capitalised (an English headline): capitals mark no names there."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 5 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _find_name(ctx: _Ctx, fstart: int, fend: int) -> tuple[int, int, str] | None:
    """The first person name in a folded region: a run of 2-5 name-like words, or a known person."""
    tokens = _name_tokens(ctx, fstart, fend)
    known = [m for m in ctx.kb.find(ctx.sentence.text, "person", ctx.sentence.start)
             if fstart <= _fpos(ctx, m.span[0]) < fend]
    run: list[tuple[int, int, str]] = []
    run_prev = ""
    candidates = []
    previous_word = ""
    last_end = fstart
    for tok in tokens + [(fend, fend, "")]:
        if run and re.search(r"[\"'“”«»,.;:()]", ctx.folded.text[last_end:tok[0]]):
            # a quote or a comma ends a name: 'طعمة" يغادر'
            if 2 <= len(run) <= 5 and fold_key(run_prev) not in GENITIVE_BEFORE:
                candidates.append((run[0][0], run[-1][1]))
            run = []
        last_end = tok[1]
        if tok[2] and _name_like(tok[2], ctx.kb):
            if not run:
                run_prev = previous_word
            run.append(tok)
        elif run and tok[2] and _surname_like(tok[2], ctx.kb):
            run.append(tok)  # a family name with the article: هادي البحرة
            if 2 <= len(run) <= 5 and fold_key(run_prev) not in GENITIVE_BEFORE:
                candidates.append((run[0][0], run[-1][1]))
            run = []
        else:
            if 2 <= len(run) <= 5 and fold_key(run_prev) not in GENITIVE_BEFORE:
                candidates.append((run[0][0], run[-1][1]))
            run = []
        previous_word = tok[2]
    known_spans = []
    for m in known:
        a = _fpos(ctx, m.span[0])
        prev = re.findall(r"(\S+)\s*$", ctx.folded.text[:a])
        if prev and prev[0] in GENITIVE_BEFORE:
            continue
        known_spans.append((a, a + len(fold(m.printed))))
    if _title_case(ctx.sentence.text):
        candidates = []  # "Expects UN Special Envoy To Attend Next Astana Talks": a headline in Title Case
    # a known person wins over an unknown run before it, which is most often a piece of a long title
    # ("برئاسة مدير قسم الشرق الأوسط وشمال إفريقيا في الخارجية الروسية سيرغي فيرشينين")
    candidates = known_spans or candidates
    if not candidates:
        return None
    a, b = min(candidates)
    return _span(ctx, a, b)


def _party_in(ctx: _Ctx, fstart: int, fend: int) -> str | None:
    """The party whose delegation a folded region names ('الوفد الروسي', 'وفد النظام', 'Russian delegation')."""
    region = ctx.folded.text[fstart:fend]
    delegation = re.search(r"(?<![\w])(?:ال)?وفد(?:ي)?\s+(\S+(?:\s+\S+)?)|(\w+(?:\s+\w+)?)\s+delegation|(?<![\w])مثل\s+(\S+)", region, re.I)
    if delegation:
        words = next(g for g in delegation.groups() if g)
        for cand in (words, words.split()[0], words.split()[-1]):
            party = ctx.kb.party_by_word(cand)
            if party:
                return party
    found = ctx.kb.find(ctx.sentence.text, "adjective", ctx.sentence.start) + \
        ctx.kb.find(ctx.sentence.text, "party", ctx.sentence.start)
    rel = sorted((m for m in found if fstart <= _fpos(ctx, m.span[0]) < fend), key=lambda m: m.span)
    return rel[0].key if rel else None


# ------------------------------------------------------------------ extraction
def _mask_quotes(text: str) -> str:
    """Blank out quoted speech: what someone said is not the report's own framing."""
    return re.sub(r'"[^"]*"', lambda m: " " * len(m.group()), text)


BACKGROUND = re.compile(
    # ("so far", "حتى الآن" alone say nothing of history: "the agenda is not ready so far"; a count of rounds
    # held so far is read below)
    r"(?<![\w])(?:منذ|since|depuis|"
    r"سلسله\s+(?:من\s+)?(?:ال)?(?:جولات|اجتماعات|لقاءات|مفاوضات)|series\s+of\s+(?:rounds|meetings|talks)|"
    # "began in 2017", "انطلقت في مطلع عام 2017" (the talks' start), never "انطلقت في العاصمة … الجولة 12"
    r"(?:انطلقت|بدات|began|launched|started)\s+(?:في\s+|in\s+)?(?:early\s+|late\s+|عام\s+|مطلع\s+|بدايه\s+|اوايل\s+)*"
    r"(?:عام|(?:\S+\s+)?(?:19|20)\d\d)|first\s+(?:round|meeting)\s+(?:was\s+)?held|"
    r"(?:جولات|اجتماعات|لقاءات|rounds|meetings)\s+(?:عقدت|سابقه|عديده|كثيره|held|previous|earlier)|"
    r"(?:عده|several|many|numerous)\s+(?:جولات|اجتماعات|لقاءات|rounds|meetings)|"
    r"\d+\s+(?:جولات|جوله|اجتماعا|اجتماعات|rounds|meetings))(?![\w])", re.I)
FIRST_SINCE = re.compile(r"(?<![\w])(?:(?:للمره|المره)\s+الاولي|الاول|الاولي|(?:for\s+)?the\s+first(?:\s+time)?)"
                         r"(?![\w])[^.]{0,60}?(?:منذ|since)(?![\w])", re.I)
HYPOTHETICAL = re.compile(
    # ("as soon as possible", "as soon as the situation makes it possible" say when, not whether)
    r"(?<![\w])(?:could|might|may\s+be|would\s+be\s+moved|(?<!as\ssoon\sas\s)(?<!makes\sit\s)possibl\w+|option\w*|"
    r"proposed|suggest\w*|"
    r"pourrai[te]nt|pourrait|éventuel\w*|proposé\w*|"
    r"يمكن|قد\s+(?:تعقد|يعقد|تنقل|ينقل)|ربما|اقتراح|اقترح\w*|مقترح|احتمال|نقل\s+(?:مكان|الاجتماعات|المحادثات))(?![\w])",
    re.I)


def _sentence_context(ctx: _Ctx) -> About:
    """Which round the sentence speaks of: this one, the previous one, another (background)."""
    mentions = round_mentions(ctx.sentence, ctx.series, ctx.kb)
    mentions = [m for m in mentions if m.body is None]
    # "meet for the first time since the congress": the meeting is this one, the history only its measure
    history = BACKGROUND.search(FIRST_SINCE.sub(" ", ctx.folded.text))
    if any(m.number == ctx.event_round and m.role != "next" for m in mentions) and not history:
        return About.THIS
    later = ctx.event_round is not None
    if any(m.role != "next" and m.number != ctx.event_round and not (later and m.number > ctx.event_round)
           for m in mentions):
        prev = ctx.event_round is not None and any(m.number == ctx.event_round - 1 for m in mentions)
        return About.PREVIOUS if prev else About.BACKGROUND
    f = _mask_quotes(ctx.folded.text)
    # singular round words only: "الاجتماعات الماضية" (past meetings) is no specific round
    rw = "|".join(re.escape(fold(w)) for w in ctx.series.round_words if not fold(w).endswith("ات"))
    # "the last round" is the one before, but "this would be the last round" is the final one
    if re.search(rf"(?<![\w])(?:ال|وال)?(?:{rw})\s+(?:السابقه|الماضيه|السابق|الماضي|الفايته|الفايت)|(?:previous|(?<!is\sthe\s)(?<!be\sthe\s)(?<!as\sthe\s)(?<!was\sthe\s)last|prior)\s+(?:round|meeting)", f, re.I):
        return About.PREVIOUS
    if BACKGROUND.search(FIRST_SINCE.sub(" ", f)) or any(m.number == ctx.event_round for m in mentions
                                                         if m.role == "background"):
        return About.BACKGROUND
    return About.THIS


def _names_only_another_series(ftext: str, series, kb: Knowledge) -> bool:
    """The text names another series ("a new round in Geneva") and not this one."""
    from ..events import series_evidence

    others = [s for s in kb.series.values() if s.key != series.key]
    return any(series_evidence(ftext, s, kb) for s in others) and not series_evidence(ftext, series, kb)


def _next_mentions(ctx: _Ctx) -> list[tuple[str, int, int, int | None]]:
    """('round'|'summit', fstart, fend, number) for announcements of what comes next."""
    f = ctx.folded.text
    out = []
    rw = "|".join(re.escape(fold(w)) for w in ctx.series.round_words)
    ahead = re.search(r"(?<![\w])(?:will|would|to\s+be\s+held|سيعقد|ستعقد|ستنعقد|سينعقد|se\s+tiendra|aura\s+lieu|"
                      r"devrait|prévue?)(?![\w])", f, re.I)
    for m in re.finditer(rf"(?<![\w])(?:ولل|لل|و|ل|ب)?(?:{rw})(?:\s+ال\s*\d+|\s+\S+)?\s+(?:المقبله|المقبل|القادمه|القادم)(?![\w])"
                         rf"|(?:next|upcoming|forthcoming)\s+(?:[\w-]+\s+){{0,3}}?(?:round|meeting|session)"
                         rf"|prochaine?\s+(?:[\w-]+\s+){{0,2}}?(?:round|réunion|session|cycle|rencontre)"
                         rf"|(?:round|réunion|session|cycle|rencontre)\s+(?:[\w'-]+\s+){{0,3}}?prochaine?(?![\w])"
                         rf"|(?:تقرر|قرر\w*|اتفق\w*\s+(?:\S+\s+){{0,4}}?علي|الاتفاق\s+علي)\s+(?:ان\s+)?(?:عقد|يعقد|تعقد)\s+(?:ال)?(?:{rw})"
                         rf"|(?:will|would|to)\s+(?:next\s+meet|meet\s+next|reconvene)(?![\w])"
                         rf"|(?:decided|agreed|agreement|decision)\s+(?:of\s+the\s+\w+\s+)?to\s+(?:hold|conduct|convene)\s+(?:the\s+|a\s+)?"
                         rf"(?:[\w-]+\s+){{0,3}}?(?:round|meeting|session)"
                         rf"|(?:to\s+)?meet\s+again|(?:تلتقي|يلتقي|الالتقاء|اللقاء|الاجتماع)\s+(?:مجددا|مره\s+اخري)"
                         + (r"|(?<![\w])(?:new|future|further|another)\s+round|(?<![\w])(?:future|further)\s+(?:talks|meetings?)"
                            r"|(?<![\w])(?:nouveau\s+round|nouvelle\s+(?:réunion|session))"
                            r"|(?<![\w])(?:جوله|الجوله)\s+(?:جديده|اخري)"
                            if ahead else ""), f, re.I):
        if re.search(r"(?<![\w])(?:held|عقدت|اختتمت|انطلقت)\s+(?:a\s+)?$", f[max(0, m.start() - 15):m.start()], re.I):
            continue  # "where the three countries held a new round": the round going on
        num = re.search(r"\d+", m.group())
        out.append(("round", m.start(), m.end(), int(num.group()) if num else None))
    for rm in round_mentions(ctx.sentence, ctx.series, ctx.kb):
        # a later round than the article's own is announced, whatever the wording
        if rm.role == "next" or (ctx.event_round is not None and rm.number > ctx.event_round and rm.role == "own"):
            a = _fpos(ctx, rm.span[0])
            if not any(a <= s < e or s <= a < e for _, s, e, _ in out):
                out.append(("round", a, a + len(fold(rm.printed)), rm.number))
    sw = "|".join(re.escape(fold(w)) for w in ctx.series.leaders_meeting_words)
    future = re.search(r"(?<![\w])(المقبله|المقبل|القادمه|القادم|سيكون|ستعقد|سيعقد|الاستعدادات|التحضير|التحضيرات|مقرر|"
                       r"next|upcoming|will|preparations|planned|scheduled)(?![\w])", f, re.I)
    if future:
        # ("the two-day Summit on Syria peace talks": an outlet's word for a round, not a leaders' meeting)
        for m in re.finditer(rf"(?<![\w])(?:[وبلف]|لعقد\s+)?(?:{sw})(?![\w])"
                             rf"(?!\s+(?:on|of)\s+(?:\S+\s+){{0,2}}?(?:peace\s+)?(?:talks|negotiations))", f, re.I):
            out.append(("summit", m.start(), m.end(), None))
    return sorted(out, key=lambda x: x[1])


TITLE = re.compile(r"(?<![\w])(?:ال)?(?:مبعوث|وزير|مستشار|مساعدي|مساعد|معاون|سفير|متحدث|envoy|minister|adviser|advisor|"
                   r"ambassador|spokes\w+)(?![\w])", re.I)


def _title_before(ctx: _Ctx, fstart: int, name_start: int) -> str:
    """The words between a head-of-delegation trigger and the name: the person's title as printed."""
    a, _ = ctx.folded.span(fstart, fstart + 1) if fstart < len(ctx.folded.text) else (0, 0)
    raw = ctx.sentence.text[a:max(a, name_start - ctx.sentence.start)]
    raw = re.sub(r"^\s*(?:ال)?وفدي?\s+\S+(?:\s+(?:السوري|السورية))?", "", raw)
    raw = re.sub(r"^\s*(?:الذي|التي)\s+\S+", "", raw)
    return raw.strip(" ،,")




