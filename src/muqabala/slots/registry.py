"""The slot-type registry: a small ordered mapping from name to slot type.

A slot type subclasses `SlotType` and is registered with `@register`; the
judge loops over the registry, so adding a slot type touches no other module.
"""
from __future__ import annotations

from ..knowledge import Knowledge
from .base import AGREE, About, ArticleFacts, Comparison, SlotValue, _Ctx

REGISTRY: dict[str, "SlotType"] = {}


class SlotType:
    name: str = ""
    about: About = About.THIS      # which event the compared values describe
    keyed: bool = False            # values are compared per key (party, when/where)
    compared: bool = True          # False: extracted for display and QA only
    title: str = ""                # how the report names it

    def extract(self, ctx: _Ctx) -> list[SlotValue]:
        return []

    def finish(self, facts: ArticleFacts, kb: Knowledge) -> None:
        """After all sentences: checks that need the article's other values."""

    def representative(self, values: list[SlotValue]) -> list[SlotValue]:
        """One value per key for one article (the first stated, by default)."""
        out: dict[str, SlotValue] = {}
        for v in values:
            if not v.weak or v.key not in out:
                if v.key not in out or (out[v.key].weak and not v.weak):
                    out[v.key] = v
        return list(out.values())

    def compare(self, a: SlotValue, b: SlotValue, kb: Knowledge) -> Comparison:
        return AGREE

    def describe(self, v: SlotValue) -> str:
        return v.value


def register(cls):
    REGISTRY[cls.name] = cls()
    return cls
