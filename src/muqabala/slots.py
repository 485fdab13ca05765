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
from dataclasses import dataclass, field
from datetime import date

from .corpus import Article, Sentence
from .events import EventAssignment, _words_re, assign_events, round_mentions
from .knowledge import Knowledge, Series
from .names import canonical_person
from .normalize import fold, fold_key, fold_with_offsets
from .timeexpr import TimeValue, parse_times

HOLD_VERBS = ("عقدت", "عقد", "انعقد", "انعقدت", "انتهت", "اختتمت", "اختتم", "انطلقت", "بدات", "جرت", "تستضيف",
              "تستضيفه", "استضافت", "استضاف", "تنعقد", "held", "hosted", "ended", "began", "opened", "concluded",
              "convened", "took place", "kicked off")
HOSTING = ("تستضيف", "تستضيفه", "استضافت", "استضاف", "تستضيفها", "hosted", "hosts", "host")
TBD = re.compile(r"(بمكان|في\s+مكان|مكان)\s+(يحدد|سيحدد|يتحدد|لم\s+يحدد|يعلن)|(venue|place|location)\s+(to\s+be|will\s+be|yet\s+to\s+be)\s+"
                 r"(determined|decided|announced|set)|undecided\s+venue", re.I)
OBSERVER = re.compile(r"(?<![\w])(?:[وبلفك]|كـ)?(مراقب\w*|observer\w*)", re.I)
HEAD_TRIGGER = re.compile(
    r"(?<![\w])(?:و|ف)?(?P<verb>تراس|يتراس|تتراس|تراست|يراس|تراسه|يراسه|تراسها|يراسها|برياسه|رياسه|رييس|head(?:ed|s)?\s+by|led\s+by|"
    r"chaired\s+by|head\s+of|headed|led)(?![\w])", re.I)
CLAUSE_BREAK = re.compile(r"[،,;؛:()\[\]]|(?<![\w])(?:فيما|بينما|بالاضافه\s+الي|فضلا\s+عن|كما|while|whereas|and\s+the)(?![\w])", re.I)
GENITIVE_BEFORE = {"للرييس", "الرييس", "لرييس", "رييس", "president", "للامين", "لوزير", "الملك", "للملك"}
STOP = set(fold_key(w) for w in """
في عن من مع و او أو ثم ان أن إن قد وقد لقد الذي التي الذين اللذين فيما بينما كما هو هي هم كان كانت
السفير سفير الممثل ممثل الخاص الخاصة المبعوث مبعوث نائب وزير وزيرة الخارجية الخارجيه مستشار مستشارة مساعد معاون كبير
كبيرة مدير مديرة عام العام رئيس الرئيس رئيسة الأمين امين الوفد وفد وفود الدولة الشؤون السياسية العلاقات الثنائية
السورية وزارة المغتربين والمغتربين للشؤون اللجنة لجنة سوريا دمشق خلال بعد قبل حول بشأن أيضا ايضا نحو لدى عبر
الجانب المسؤول المستشار المساعد المعاون المتحدث الناطق الرسمي الجديد السابق الحالي الاول الثاني الذي باسم اسم مؤتمر صحفي تصريحات بيان البيان السيد السيدة الدكتور د الجنرال العميد اللواء السفيرة
يرأس يرأسه ترأس يترأس برئاسة رئاسة الاجتماعات الاجتماع المحادثات محادثات شارك وشارك يشارك مثل ومثل حضر يحضر
the of for to and in on at by with a an head headed led chaired deputy foreign minister special envoy ambassador
president presidential representative adviser advisor director general senior un secretary delegation delegations
russian turkish iranian syrian government opposition kazakh kazakhstan's his her its their who which
""".split())


@dataclass
class SlotValue:
    slot: str
    key: str
    value: str
    printed: str
    sentence_id: str
    span: tuple[int, int]
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"slot": self.slot, "key": self.key, "value": self.value, "printed": self.printed,
                "sentence_id": self.sentence_id, "start": self.span[0], "end": self.span[1], **self.extra}


@dataclass
class ArticleFacts:
    article: Article
    events: list[EventAssignment]
    slots: list[SlotValue]

    @property
    def event(self) -> EventAssignment | None:
        return self.events[0] if self.events else None

    def get(self, slot: str, key: str | None = None) -> list[SlotValue]:
        return [s for s in self.slots if s.slot == slot and (key is None or s.key == key)]


# ------------------------------------------------------------------ helpers
@dataclass
class _Ctx:
    article: Article
    sentence: Sentence
    folded: object
    kb: Knowledge
    series: Series
    event_round: int | None


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


def _is_talks_name(ftext: str, fstart: int, fend: int, talk: re.Pattern) -> bool:
    before = ftext[max(0, fstart - 30):fstart]
    before = re.sub(r"[\"'“”«»\s]+$", "", before)
    last = re.findall(r"[\w]+$", before)
    if last and talk.fullmatch(last[0]):
        return True
    after = ftext[fend:fend + 6]
    if re.match(r"\s*-?\s*\d", after):
        return True  # "أستانة 22"
    quoted = fstart > 0 and ftext[fstart - 1] in "\"'“«" and fend < len(ftext) and ftext[fend] in "\"'”»"
    return quoted


def _location_cue(ftext: str, fstart: int) -> bool:
    """'في X', 'بـX', 'في العاصمة الكازاخستانية، X', 'in X', 'at X'."""
    before = ftext[max(0, fstart - 60):fstart]
    pattern = r"(?:(?<![\w])(?:في|ب|in|at)\s+|(?<![\w])ب)(?:(?:ال)?عاصمه(?:\s+\w+يه?)?\s*,?\s*|(?:the\s+)?(?:\w+\s+)?capital(?:\s+city)?(?:\s+of\s+\w+)?\s*,?\s*)?$"
    if re.search(pattern, before, re.I):
        return True
    # the place itself carries the prefix: "بأستانة"
    return False


def _prefixed(ftext: str, fstart: int) -> bool:
    return fstart > 0 and ftext[fstart - 1] == "ب" and (fstart < 2 or not ftext[fstart - 2].isalpha())


def _hosting(ftext: str, fstart: int, fend: int) -> bool:
    near = ftext[max(0, fstart - 25):fend + 25]
    return any(re.search(rf"(?<![\w]){h}(?![\w])", near, re.I) for h in HOSTING)


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
    bare = re.sub(r"^(?:و|ف)(?=\w{3,})", "", f)
    if len(f) < 2 or not re.search(r"[^\W\d_]", f) or f in STOP or bare in STOP:
        return False
    if re.match(r"^(?:ال|وال|بال|لل|فال|كال)", word):
        return False  # definite nouns and adjectives, not given names (أل/إل spellings pass)
    if kb.party_by_word(word) or kb.find(word, "place"):
        return False
    if word.isascii():
        return word[:1].isupper()
    return True


def _surname_like(word: str, kb: Knowledge) -> bool:
    f = fold_key(word)
    if not re.match(r"^ال\w{2,}$", f) or f in STOP or f.endswith("يه") or word.isascii():
        return False
    return not (kb.party_by_word(word) or kb.find(word, "place"))


def _find_name(ctx: _Ctx, fstart: int, fend: int) -> tuple[int, int, str] | None:
    """The first person name in a folded region: a run of 2-5 name-like words, or a known person."""
    tokens = _name_tokens(ctx, fstart, fend)
    known = [m for m in ctx.kb.find(ctx.sentence.text, "person", ctx.sentence.start)
             if fstart <= _fpos(ctx, m.span[0]) < fend]
    run: list[tuple[int, int, str]] = []
    candidates = []
    previous_word = ""
    for tok in tokens + [(fend, fend, "")]:
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
    for m in known:
        a = _fpos(ctx, m.span[0])
        prev = re.findall(r"(\S+)\s*$", ctx.folded.text[:a])
        if prev and prev[0] in GENITIVE_BEFORE:
            continue
        candidates.append((a, a + len(fold(m.printed))))
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


def _sentence_context(ctx: _Ctx) -> str:
    mentions = round_mentions(ctx.sentence, ctx.series, ctx.kb)
    if any(m.number == ctx.event_round for m in mentions):
        return "own"
    later = ctx.event_round is not None
    if any(m.role != "next" and m.number != ctx.event_round and not (later and m.number > ctx.event_round)
           for m in mentions):
        return "other"
    f = _mask_quotes(ctx.folded.text)
    # singular round words only: "الاجتماعات الماضية" (past meetings) is no specific round
    rw = "|".join(re.escape(fold(w)) for w in ctx.series.round_words if not fold(w).endswith("ات"))
    if re.search(rf"(?<![\w])(?:ال|وال)?(?:{rw})\s+(?:السابقه|الماضيه|السابق|الماضي|الفايته|الفايت)|(?:previous|last|prior)\s+(?:round|meeting)", f, re.I):
        return "previous"
    return "own"


def _next_mentions(ctx: _Ctx) -> list[tuple[str, int, int, int | None]]:
    """('round'|'summit', fstart, fend, number) for announcements of what comes next."""
    f = ctx.folded.text
    out = []
    rw = "|".join(re.escape(fold(w)) for w in ctx.series.round_words)
    for m in re.finditer(rf"(?<![\w])(?:و|ل|ب)?(?:{rw})(?:\s+ال\s*\d+|\s+\S+)?\s+(?:المقبله|المقبل|القادمه|القادم)(?![\w])"
                         rf"|(?:next|upcoming|forthcoming)\s+(?:round|meeting|session)", f, re.I):
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
        for m in re.finditer(rf"(?<![\w])(?:[وبلف]|لعقد\s+)?(?:{sw})(?![\w])", f, re.I):
            out.append(("summit", m.start(), m.end(), None))
    return sorted(out, key=lambda x: x[1])


TITLE = re.compile(r"(?<![\w])(?:ال)?(?:مبعوث|وزير|مستشار|مساعدي|مساعد|معاون|سفير|متحدث|envoy|minister|adviser|advisor|"
                   r"ambassador|spokes\w+)(?![\w])", re.I)


def _people(ctx: _Ctx, add) -> None:
    """People named with a party: known officials, and a name set off by commas right after a title
    that names its party ('نائب وزير الخارجية السوري، أيمن سوسان،')."""
    kb, s = ctx.kb, ctx.sentence
    for m in kb.find(s.text, "person", s.start):
        person = kb.people[m.key]
        party = next((r.split(":")[0].strip() for r in person.roles if ":" in r), None)
        if party in kb.parties:
            add(SlotValue("people", party, person.key, m.printed, s.id, m.span, {"matched": "knowledge"}))
    clauses = _clauses(ctx.folded.text)
    for (pa, pb), (ca, cb) in zip(clauses, clauses[1:]):
        if not TITLE.search(ctx.folded.text[pa:pb]):
            continue
        tokens = _name_tokens(ctx, ca, cb)
        if not 2 <= len(tokens) <= 4 or not all(_name_like(t[2], kb) for t in tokens):
            continue
        party = _party_in(ctx, pa, pb)
        if party:
            s0, e0, printed = _span(ctx, tokens[0][0], tokens[-1][1])
            key, how = canonical_person(printed, kb)
            add(SlotValue("people", party, key, printed, s.id, (s0, e0), {"matched": how or "new name"}))


def _observer_list(ctx: _Ctx, ca: int, cb: int) -> list:
    """Observer parties named in a clause, and in the comma-separated list that continues it
    ("observers from Jordan, Lebanon and Iraq")."""
    mentions = [(m, _fpos(ctx, m.span[0])) for m in ctx.kb.find(ctx.sentence.text, "party", ctx.sentence.start)
                if ctx.kb.parties[m.key].role in ("observer", "mediator")]
    out = [m for m, pa in mentions if ca <= pa < cb]
    all_clauses = _clauses(ctx.folded.text)
    for a, b in reversed([c for c in all_clauses if c[1] <= ca]):
        # "Jordan, Lebanon and Iraq attended as observers": the list may come first
        inside = [m for m, pa in mentions if a <= pa < b]
        if not inside or len(re.findall(r"\w+", ctx.folded.text[a:b])) > 2 * len(inside) + 1:
            break
        out = inside + out
    clauses = [c for c in all_clauses if c[0] >= cb]
    for a, b in clauses:
        inside = [(m, pa) for m, pa in mentions if a <= pa < b]
        if not inside:
            break
        last_end = inside[-1][1] + len(fold(inside[-1][0].printed))
        if len(re.findall(r"\w+", ctx.folded.text[a:last_end])) > 2 * len(inside) + 1:
            break  # not a list of names
        out += [m for m, _ in inside]
        if len(re.findall(r"\w+", ctx.folded.text[last_end:b])) > 2:
            break  # the sentence goes on after the list
    return out


def _title_before(ctx: _Ctx, fstart: int, name_start: int) -> str:
    """The words between a head-of-delegation trigger and the name: the person's title as printed."""
    a, _ = ctx.folded.span(fstart, fstart + 1) if fstart < len(ctx.folded.text) else (0, 0)
    raw = ctx.sentence.text[a:max(a, name_start - ctx.sentence.start)]
    raw = re.sub(r"^\s*(?:ال)?وفدي?\s+\S+(?:\s+(?:السوري|السورية))?", "", raw)
    raw = re.sub(r"^\s*(?:الذي|التي)\s+\S+", "", raw)
    return raw.strip(" ،,")


def _times(ctx: _Ctx) -> list[TimeValue]:
    return parse_times(ctx.sentence.text, ctx.article.published, base=ctx.sentence.start)


def extract_facts(article: Article, kb: Knowledge, events: list[EventAssignment] | None = None) -> ArticleFacts:
    events = events if events is not None else assign_events(article, kb)
    slots: list[SlotValue] = []
    if not events:
        return ArticleFacts(article, events, slots)
    event = events[0]
    series = kb.series[event.series]
    talk = _words_re(series.talk_words + series.round_words)
    hold = _words_re(HOLD_VERBS)
    seen: set[tuple] = set()

    def add(value: SlotValue) -> None:
        ident = (value.slot, value.key, value.value, value.span)
        if ident not in seen:
            seen.add(ident)
            slots.append(value)

    for sentence in article.sentences:
        folded = fold_with_offsets(sentence.text)
        ctx = _Ctx(article, sentence, folded, kb, series, event.round)
        f = folded.text
        context = _sentence_context(ctx)
        if context == "other":
            continue
        about_talks = bool(talk.search(f))
        nexts = _next_mentions(ctx)
        first_next = nexts[0][1] if nexts else len(f)
        times = _times(ctx)

        # next round / next summit: what follows each announcement, up to the next one
        for i, (kind, a, b, number) in enumerate(nexts):
            limit = nexts[i + 1][1] if i + 1 < len(nexts) else len(f)
            slot = "next_round" if kind == "round" else "next_summit"
            s0, e0, printed = _span(ctx, a, b)
            if kind == "round":
                n = number if number and number != event.round else (event.round + 1 if event.round else None)
                if n:
                    add(SlotValue(slot, "round", str(n), printed, sentence.id, (s0, e0),
                                  {"inferred": number is None}))
            for t in times:
                ta = _fpos(ctx, t.span[0])
                if b <= ta < limit:
                    add(SlotValue(slot, "when", t.label, t.text, sentence.id, t.span,
                                  {"granularity": t.granularity, "start": t.start.isoformat() if t.start else None,
                                   "end": t.end.isoformat() if t.end else None, "note": t.note}))
                    break
            for m in kb.find(sentence.text, "place", sentence.start):
                pa = _fpos(ctx, m.span[0])
                pb = pa + len(fold(m.printed))
                if b <= pa < limit and not _is_talks_name(f, pa, pb, talk) and (_location_cue(f, pa) or _prefixed(f, pa)):
                    add(SlotValue(slot, "where", m.key, m.printed, sentence.id, m.span))
                    break
            else:
                tbd = TBD.search(f[b:limit])
                if tbd:
                    s1, e1, printed_tbd = _span(ctx, b + tbd.start(), b + tbd.end())
                    add(SlotValue(slot, "where", "to be decided", printed_tbd, sentence.id, (s1, e1)))

        if context == "previous":
            for t in times:
                if t.granularity in ("day", "month") and t.resolved:
                    add(SlotValue("previous_round_dates", "", t.label, t.text, sentence.id, t.span,
                                  {"start": t.start.isoformat(), "end": t.end.isoformat()}))
            continue

        # venue: a place where the round was held, never the talks' name
        if about_talks:
            for m in kb.find(sentence.text, "place", sentence.start):
                pa = _fpos(ctx, m.span[0])
                pb = pa + len(fold(m.printed))
                if pa >= first_next or _is_talks_name(f, pa, pb, talk):
                    continue
                if not (_location_cue(f, pa) or _prefixed(f, pa) or _hosting(f, pa, pb)):
                    continue
                if not (hold.search(f) or re.search(r"عاصمه|capital|ختام|اجتماع|جوله", f)):
                    continue
                place = kb.places[m.key]
                canonical = place.key
                extra = {"kind": place.kind}
                if place.kind == "country" and place.capital:
                    canonical = place.capital
                    extra["note"] = f"country named ({place.key}); its capital assumed"
                elif place.kind == "country":
                    continue
                add(SlotValue("venue", "", canonical, m.printed, sentence.id, m.span, extra))

        # dates of the round
        if about_talks:
            for t in times:
                if _fpos(ctx, t.span[0]) >= first_next or t.granularity not in ("day", "month"):
                    continue
                add(SlotValue("dates", "", t.label, t.text, sentence.id, t.span,
                              {"granularity": t.granularity, "start": t.start.isoformat() if t.start else None,
                               "end": t.end.isoformat() if t.end else None, "note": t.note}))

        # heads of delegation, people and observers, clause by clause
        for ca, cb in _clauses(f):
            clause = f[ca:cb]
            trig = HEAD_TRIGGER.search(clause)
            if trig and (re.search(r"وفد|delegation", f) or trig.group("verb").startswith(("ترا", "يترا", "تترا", "يرا"))):
                name_from = ca + trig.end()
                party_region = (ca, cb)
                name = _find_name(ctx, name_from, cb)
                if name is None and trig.group("verb").lower().startswith(("headed", "led")):
                    name = _find_name(ctx, ca, ca + trig.start())
                party = _party_in(ctx, *party_region)
                if party is None:
                    # "الوفد الذي يرأسه الممثل الخاص للأمم المتحدة": the title names the party
                    party = _party_in(ctx, ca, cb)
                if name and party:
                    s0, e0, printed = name
                    key, how = canonical_person(printed, kb)
                    add(SlotValue("heads", party, key, printed, sentence.id, (s0, e0),
                                  {"matched": how or "new name", "title": _title_before(ctx, name_from, s0)}))
                    continue
            if OBSERVER.search(clause):
                for m in _observer_list(ctx, ca, cb):
                    add(SlotValue("observers", m.key, m.key, m.printed, sentence.id, m.span))
        _people(ctx, add)

    _check_venue_names(slots, kb, series, event, article)
    return ArticleFacts(article, events, slots)


def event_span(slots: list[SlotValue]) -> tuple[date, date] | None:
    days = [(date.fromisoformat(s.extra["start"]), date.fromisoformat(s.extra["end"]))
            for s in slots if s.slot == "dates" and s.extra.get("start")]
    if not days:
        return None
    return min(d[0] for d in days), max(d[1] for d in days)


def reference_date(slots, series: Series, event: EventAssignment, article: Article) -> tuple[date | None, str]:
    """The date a venue name is checked against: the article's own dates, the
    series calendar, or the publication date, in that order."""
    span = event_span(slots)
    if span:
        return span[0], "the article's dates"
    known = series.round(event.round)
    if known:
        return known.start, f"the known dates of round {event.round}"
    from .timeexpr import PubDate

    pub = PubDate.parse(article.published)
    if pub:
        return date(pub.year, pub.month or 1, pub.day or 1), "the publication date"
    return None, ""


def _check_venue_names(slots, kb: Knowledge, series: Series, event: EventAssignment, article: Article) -> None:
    on, basis = reference_date(slots, series, event, article)
    for s in slots:
        if s.slot != "venue":
            continue
        place = kb.places.get(s.value)
        if place is None or on is None:
            s.extra["name_status"] = "unchecked"
            continue
        status, reason = place.name_status(s.printed, on)
        s.extra["name_status"] = status
        if reason:
            s.extra["reason"] = f"{reason}; checked against {basis}"
