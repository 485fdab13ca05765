"""People named with a party (not compared): known officials anywhere in the
article's own-round sentences, and a name set off by commas right after a
title that names its party ("نائب وزير الخارجية السوري، أيمن سوسان،").
Used for display and by QA to support a draft's names."""
from __future__ import annotations

from ..names import canonical_person, known_party
from .base import TITLE, About, SlotValue, _clauses, _Ctx, _name_like, _name_tokens, _party_in, _span
from .registry import SlotType, register


@register
class People(SlotType):
    name = "people"
    keyed = True
    compared = False
    title = "people"

    def extract(self, ctx: _Ctx) -> list[SlotValue]:
        if ctx.about is not About.THIS:
            return []
        kb, s = ctx.kb, ctx.sentence
        out = []
        for m in kb.find(s.text, "person", s.start):
            party = known_party(m.key, kb)
            if party in kb.parties:
                out.append(SlotValue(self.name, party, m.key, m.printed, s.id, m.span, matched="knowledge"))
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
                out.append(SlotValue(self.name, party, key, printed, s.id, (s0, e0), matched=how or "new name"))
        return out
