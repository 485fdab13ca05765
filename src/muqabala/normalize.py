"""Arabic/English normalisation for matching only, never for display.

Folds diacritics, tatweel, alef/hamza variants, alef maqsura, ta marbuta,
Arabic-Indic and Persian digits and punctuation variants. The character
classes come from pyarabic; the fold keeps a map back to original offsets so
that every match can be shown in the text as published.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pyarabic.araby as araby

_DROP = set(araby.TASHKEEL) | {araby.TATWEEL} | set(araby.SMALL_HAMZAT if hasattr(araby, "SMALL_HAMZAT") else ()) | {
    "\u0670", "\u0653", "\u0654", "\u0655", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c",
}
_FOLD: dict[str, str] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و", "ئ": "ي", "ى": "ي", "ی": "ي", "ة": "ه", "ک": "ك",
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",",
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‹": '"', "›": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'",
    "–": "-", "—": "-", "−": "-", "\u00a0": " ",
    # hashtags: "#بشار_الجعفري" reads as the name
    "_": " ", "#": " ",
}
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)
    _FOLD[chr(0x06F0 + _i)] = str(_i)
_LIGATURES = {"ﻻ": "لا", "ﻷ": "لا", "ﻹ": "لا", "ﻵ": "لا"}


@dataclass(frozen=True)
class Folded:
    """A normalised string and, per character, its offset in the original."""

    text: str
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) for a span of the folded text."""
        if start >= len(self.offsets):
            last = self.offsets[-1] + 1 if self.offsets else 0
            return last, last
        return self.offsets[start], self.offsets[end - 1] + 1 if end > start else self.offsets[start]


@lru_cache(maxsize=2048)
def fold_with_offsets(text: str, base: int = 0) -> Folded:
    # cached (bounded: a few MB): slot types and knowledge lookups fold the same sentence many times
    out: list[str] = []
    offs: list[int] = []
    for i, ch in enumerate(text):
        if ch in _DROP:
            continue
        rep = _LIGATURES.get(ch) or _FOLD.get(ch)
        if rep is None:
            if ord(ch) > 0x2000 and unicodedata.category(ch) == "Zs":
                rep = " "
            else:
                rep = ch.lower()
        for r in rep:
            out.append(r)
            offs.append(base + i)
    return Folded("".join(out), tuple(offs))


def fold(text: str) -> str:
    """Normalised form of `text` for comparisons and hashing."""
    return fold_with_offsets(text).text


def fold_key(text: str) -> str:
    """Fold and squeeze whitespace: a key for 'is this the same line'."""
    return " ".join(fold(text).split())
