"""UN representation: who represented the United Nations at the round (the
special envoy, a deputy envoy, or the envoy's office). "Expected to attend"
is a plan (plan=True), superseded by later reports of who attended."""
from __future__ import annotations

import re

from ..knowledge import Knowledge
from ..names import canonical_person, known_party
from ..normalize import fold
from .base import (About, Comparison, SlotValue, _arrival_cue, _clauses, _Ctx, _find_name, _fpos, _location_cue, _prefixed,
                   another_bodys, next_party_at)
from .heads import compare_people
from .registry import SlotType, register

UN_TITLE = re.compile(
    r"(?<![\w])(?:(?:the\s+)?(?:un|united\s+nations|u\.n\.)\s+(?:deputy\s+)?(?:special\s+)?(?:envoy|representative|mediator)"
    r"|(?:deputy\s+)?(?:un\s+|united\s+nations\s+)?special\s+(?:envoy|representative)(?:\s+(?:of\s+the\s+)?(?:un\s+)?secretary[-\s]general)?"
    r"(?:\s+(?:for|on)\s+syria)?"
    r"|(?:نايب\w*\s+)?(?:ال)?مبعوث\w*\s+(?:ال)?(?:اممي|الاممي|الدولي|الخاص)\w*(?:\s+(?:الخاص|الى\s+سوريا|لسوريا|الى\s+سوريه|لسوريه))*"
    r"|(?:نايب\w*\s+)?(?:ال)?مبعوث\w*\s+(?:ال)?خاص\s+(?:ل)?(?:ل?الامين\s+العام|للامم\s+المتحده)(?:\s+(?:الى\s+سوري\w|لسوري\w))?"
    r"|(?:نايب\w*\s+)?(?:ال)?ممثل\w*\s+(?:ال)?(?:اممي|الامم\s+المتحده|للامم\s+المتحده)"
    # French: "l'émissaire de l'ONU pour la Syrie", "l'envoyé spécial des Nations unies"
    r"|(?:l')?(?:émissaire|envoyée?|médiat(?:eur|rice)|représentante?)(?:\s+(?:spéciale?|adjointe?))*\s+"
    r"(?:de\s+l'onu|des\s+nations\s+unies|de\s+l'organisation\s+des\s+nations\s+unies)(?:\s+pour\s+la\s+syrie)?)", re.I)
# Envoys and their deputies represent the UN at a round; the Secretary-General, spokespeople and advisers
# (one sat with the Russian delegation) do not.
REPRESENTING = re.compile(r"envoy|representative|مبعوث|ممثل|émissaire|envoyé|médiat|représentant", re.I)
NOT_REPRESENTING = re.compile(r"secretary-general$|spokes|advis|أمين|متحدث|مستشار", re.I)
DEPUTY = re.compile(r"(?<![\w])(?:deputy|نايب\w*)(?![\w])", re.I)
PRESENT = re.compile(r"(?<![\w])[وف]?(?:attend\w*|particip\w*|assist(?:e|ent|era|eront|ait|é)|présents?|présence|arriv\w*|confirmed\s+(?:ones|guests|attendees)|participat\w*|observers?|delegation|headed|consult\w*|met|meet\w*|"
                     r"represent\w*|يمثل|سيمثل|ممثلا|"
                     r"وصل|يصل|تصل|سيصل|يشارك|شارك|سيشارك|حضر|يحضر|سيحضر|بحضور|حضور|التقي|يلتقي|لقاء|مشاورات|وفد)(?![\w])",
                     re.I)
ABSENT = re.compile(r"(?<![\w])(?:(?:not|\w+n't)\s+(?:\w+\s+){0,3}(?:attend|participate|take\s+part|come|travel)|"
                    r"cannot\s+(?:attend|participate|take\s+part)|unable\s+to|absent|absence|skip\w*|"
                    r"لن\s+(?:يشارك|يحضر)|لم\s+(?:يشارك|يحضر)|يغيب|[بو]?غياب|تغيب\w*|اعتذر\w*|"
                    r"[لب]?عدم\s+(?:حضور|مشارك)\w*|ne\s+(?:\S+\s+){0,2}?(?:participera|assistera|sera|viendra|s'y\s+rendra)\s+pas)(?![\w])", re.I)
# "a representative of the UN special envoy, Geir Pedersen": the envoy's office was there, not the envoy
ON_BEHALF = re.compile(r"(?<![\w])(?:(?:a\s+)?representatives?\s+of|on\s+behalf\s+of|(?:ال)?(?:ممثل|مندوب)\w*\s+(?:عن|ل))\s+"
                       r"(?:the\s+)?(?:\S+\s+){0,3}?(?:(?:ال|لل)?مبعوث\w*|envoy)(?![\w])[^.]{0,40}$", re.I)
# "في مؤتمر جنيف", "at the Geneva talks": a gathering in another city (patterns run on folded text)
AT_GATHERING = re.compile(r"(?<![\w])(?:في|خلال|in|at|during)\s+(?:the\s+)?(?:ال)?(?:موتمر|محادثات|مفاوضات|اجتماعات|جوله|"
                          r"conference|talks|round)\s*$", re.I)
ATTRIBUTED = re.compile(r"(?<![\w])(?:بتاكيد|بحسب|حسب|وفقا\s+ل|according\s+to|as\s+(?:confirmed|said|stated)\s+by)\s+"
                        r"(?:\S+\s+){0,5}$", re.I)
# "Pedersen, who visited Damascus recently": where the envoy went, not the round
VISITED = re.compile(r"(?<![\w])(?:visit\w*|زار|زارت|يزور|زياره|بزياره)\s+(?:\w+\s+)?$", re.I)
PLAN = re.compile(r"(?<![\w])(?:expected|will\s+attend|will\s+take\s+part|to\s+attend|devrait|participera|assistera|attendu|يتوقع|من\s+المتوقع|سيشارك|ستشارك|"
                  r"سيحضر|ستحضر|المرتقب)(?![\w])", re.I)


def _at_the_venue(ctx: _Ctx) -> bool:
    """"قال المبعوث … أمس في أستانة", "said in Sochi": the sentence puts someone in the round's own city."""
    known = ctx.series.round(ctx.event_round)
    if known is None or not known.venue:
        return False
    return any(m.key == known.venue and _location_cue(ctx.folded.text, _fpos(ctx, m.span[0]))
               for m in ctx.kb.find(ctx.sentence.text, "place", ctx.sentence.start))


@register
class UNRepresentation(SlotType):
    name = "un"
    title = "UN representation"

    def extract(self, ctx: _Ctx) -> list[SlotValue]:
        f = ctx.folded.text
        # a sentence about the round, or one that says the envoy is there ("will also arrive in Sochi",
        # "the UN delegation headed by …") without naming the talks
        if ctx.about is not About.THIS or not (ctx.about_talks or PRESENT.search(f) or _at_the_venue(ctx)):
            return []
        out = []
        plan = bool(PLAN.search(f))
        seen_people = set()
        for m in ctx.kb.find(ctx.sentence.text, "person", ctx.sentence.start):
            if _represents(ctx.kb, m.key):
                role = _role(ctx.kb.people[m.key].roles)
                a = _fpos(ctx, m.span[0])
                if DEPUTY.search(f[max(0, a - 40):a]):
                    role = "deputy special envoy"
                seen_people.add(m.key)
                # "… de Mistura, and Jordan as an observer, in the absence of the American side": the words
                # about the envoy end at the next party named
                after = next_party_at(ctx, a + len(fold(m.printed)))
                if ABSENT.search(f[a:min(after or a + 120, a + 120)]) \
                        or ABSENT.search(f[max(0, a - 40):a]):
                    continue  # "would not participate personally", "cannot attend due to health problems"
                if ON_BEHALF.search(f[max(0, a - 70):a]):
                    continue  # someone from the envoy's office stood in for him
                if ATTRIBUTED.search(f[max(0, a - 60):a]) and not PRESENT.search(f):
                    continue  # "…, as the UN envoy confirmed": a source quoted, not a participant
                if _elsewhere(ctx, a) or another_bodys(ctx, a):
                    continue  # "Lavrov met de Mistura in Moscow"; "on the sidelines of the Constitutional Committee"
                out.append(SlotValue(self.name, "", m.key, m.printed, ctx.sentence.id, m.span, title=role, plan=plan,
                                     matched="knowledge"))
        for t in UN_TITLE.finditer(f):
            if not re.search(r"envoy|mediator|مبعوث", t.group(), re.I):
                continue  # "the UN representative of Syria" is a country's ambassador, not the UN's
            name = _find_name(ctx, t.end(), min(len(f), t.end() + 40))
            if name is None:
                continue
            s0, e0, printed = name
            if printed.startswith("و") or printed.startswith("ف"):
                continue  # "وأطراف النزاع": a conjunction, not a name
            key, how = canonical_person(printed, ctx.kb)
            if key in seen_people or (how and known_party(key, ctx.kb) not in ("UN", "United Nations")):
                continue
            if how and not _represents(ctx.kb, key) or re.search(r"(?:advis\w+|مستشار\w*)\s+(?:to\s+)?(?:the\s+)?$",
                                                                 f[max(0, t.start() - 25):t.start()], re.I):
                continue  # "Special Adviser to the Special Envoy, Vitaly Naumkin": not the UN's representative
            role = "deputy special envoy" if DEPUTY.search(t.group()) else "special envoy"
            out.append(SlotValue(self.name, "", key, printed, ctx.sentence.id, (s0, e0), title=role, plan=plan,
                                 matched=how or "new name"))
        return out

    def compare(self, a: SlotValue, b: SlotValue, kb: Knowledge) -> Comparison:
        return compare_people(a, b, kb)


def _elsewhere(ctx: _Ctx, a: int) -> bool:
    """A place other than the round's venue named in the person's clause ("in Moscow", "في جنيف")."""
    known = ctx.series.round(ctx.event_round)
    venue = known.venue if known else ctx.series.usual_venue
    f = ctx.folded.text
    clause = next(((ca, cb) for ca, cb in _clauses(f) if ca <= a < cb), (0, len(f)))
    places = [(m, _fpos(ctx, m.span[0])) for m in ctx.kb.find(ctx.sentence.text, "place", ctx.sentence.start)]
    # places of the clause, before any announcement of the next meeting
    here = [m for m, pa in places if clause[0] <= pa < min(max(clause[1], a + 60), ctx.first_next)
            and ctx.kb.places[m.key].kind != "country" and (_location_cue(f, pa) or _prefixed(f, pa) or
                                                            _arrival_cue(f, pa) or AT_GATHERING.search(f[:pa])
                                                            or VISITED.search(f[max(0, pa - 25):pa]))]
    # "heads to Astana after talks in Moscow" names the venue too
    return bool(here) and all(m.key != venue for m in here)


def _represents(kb: Knowledge, key: str) -> bool:
    """A known UN envoy or deputy envoy, who represents the UN at a round."""
    roles = " ".join(kb.people[key].roles) if key in kb.people else ""
    return known_party(key, kb) in ("UN", "United Nations") and bool(REPRESENTING.search(roles)) \
        and not NOT_REPRESENTING.search(roles)


def _role(roles) -> str:
    text = fold(" ".join(roles)).lower()
    if "office" in text:
        return "office of the envoy"
    return "deputy special envoy" if "deputy" in text else "special envoy"
