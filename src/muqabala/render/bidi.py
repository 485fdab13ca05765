"""Terminal display of Arabic: most terminals draw text left to right without
shaping, so Arabic is wrapped in logical order first and then reordered and
shaped per line (python-bidi, arabic-reshaper). Off when output is not a
terminal, or with MUQABALA_BIDI=0 for terminals that do bidi themselves.
"""
from __future__ import annotations

import os
import re
import textwrap

_RTL = re.compile(r"[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]")


def bidi_enabled(is_terminal: bool) -> bool:
    setting = os.environ.get("MUQABALA_BIDI", "auto").lower()
    if setting in ("0", "off", "no", "false"):
        return False
    if setting in ("1", "on", "yes", "true"):
        return True
    return is_terminal


def visual(text: str, width: int, enabled: bool) -> str:
    """Text as a left-to-right terminal should draw it, wrapped to `width`."""
    if not text or not enabled or not _RTL.search(text):
        return text
    import arabic_reshaper
    from bidi import get_display

    lines = textwrap.wrap(text, max(10, width)) or [text]
    return "\n".join(get_display(arabic_reshaper.reshape(line), base_dir="R") for line in lines)
