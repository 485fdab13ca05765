"""Arabic for this CLI's console: see render/bidi.py."""
from __future__ import annotations

from ..render.bidi import bidi_enabled, visual
from .common import console


def bidi(text: str, width: int | None = None) -> str:
    return visual(text, width or max(30, console.width - 30), bidi_enabled(console.is_terminal))
