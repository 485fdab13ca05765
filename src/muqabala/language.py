"""Language tag (ar, en, fr, other) from py3langid, a small offline detector."""
from __future__ import annotations

import re

_ARABIC = re.compile(r"[\u0600-\u06FF]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> str:
    sample = text[:4000]
    if not sample.strip():
        return "other"
    import py3langid

    lang, _ = py3langid.classify(sample)
    if lang in ("ar", "en", "fr"):
        return lang
    # Short or name-heavy texts confuse the classifier; fall back on the script.
    arabic, latin = len(_ARABIC.findall(sample)), len(_LATIN.findall(sample))
    if arabic > 3 * max(latin, 1) and lang in ("fa", "ur", "ps", "ku", "ckb"):
        return "ar" if "ال" in sample else "other"
    return "other"
