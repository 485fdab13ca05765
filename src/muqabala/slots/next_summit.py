"""Next summit: a leaders' (presidents') summit announced, when and where.
Kept apart from the next round; an outlet that puts the next round where the
others put the summit has confused the two (next_round_vs_summit)."""
from __future__ import annotations

from .base import Comparison, Label, SlotValue, Status
from .next_round import Announced
from .registry import register


@register
class NextSummit(Announced):
    name = "next_summit"
    title = "next summit"
    kind = "summit"


def round_vs_summit(round_where: SlotValue, summit_wheres: list[SlotValue], own_summits: list[SlotValue]) -> Comparison:
    """An outlet's next-round place that equals where others put the summit, when the outlet itself
    names no summit there: round and summit confused."""
    if any(s.value == round_where.value for s in own_summits):
        return Comparison(Status.AGREE)
    if any(s.value == round_where.value and s.value != "to be decided" for s in summit_wheres):
        return Comparison(Status.CONFLICT, Label.NEXT_ROUND_VS_SUMMIT,
                          f"puts the next round in {round_where.printed}, where others put the next summit")
    return Comparison(Status.AGREE)
