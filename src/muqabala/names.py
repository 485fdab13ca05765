"""One person, many spellings: two printed names match when they agree after
normalisation, by rapidfuzz similarity, or by their dotless letter skeleton
(rasm), so حاجي / خاجي and أصغر / أضغر match while different people do not.
Arabic and Latin spellings of one person meet through the knowledge files.
"""
from __future__ import annotations

from rapidfuzz import fuzz

from .knowledge import Knowledge
from .normalize import fold_key

# Letters that differ only by their dots share one skeleton letter.
_RASM = str.maketrans({
    "ب": "ٮ", "ت": "ٮ", "ث": "ٮ", "ن": "ٮ", "ي": "ٮ", "ى": "ٮ", "ئ": "ٮ",
    "ج": "ح", "خ": "ح", "ذ": "د", "ز": "ر", "ش": "س", "ض": "ص", "ظ": "ط", "غ": "ع",
    "ق": "ف", "ة": "ه", "ؤ": "و", "أ": "ا", "إ": "ا", "آ": "ا",
})
FUZZY_THRESHOLD = 88


def rasm(text: str) -> str:
    return fold_key(text).translate(_RASM)


def _tokens(name: str) -> list[str]:
    return fold_key(name).replace("-", " ").split()


def spelling_match(a: str, b: str) -> str | None:
    """How two printed names match ('exact', 'fuzzy', 'rasm', 'surname') or None."""
    fa, fb = fold_key(a), fold_key(b)
    if not fa or not fb:
        return None
    if fa == fb:
        return "exact"
    if rasm(a) == rasm(b):
        return "rasm"
    if fuzz.ratio(fa, fb) >= FUZZY_THRESHOLD:
        return "fuzzy"
    ta, tb = _tokens(a), _tokens(b)
    if ta and tb and (len(ta) == 1 or len(tb) == 1):
        short, long_ = (ta, tb) if len(ta) == 1 else (tb, ta)
        if short[0] == long_[-1] or rasm(short[0]) == rasm(long_[-1]):
            return "surname"
    if len(ta) >= 2 and len(tb) >= 2 and len(ta) != len(tb):
        # title words glued to a name: "Political Affairs Ali Asghar Khaji" / "Ali Asghar Khaji"
        short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
        if long_[-len(short):] == short or all(rasm(x) == rasm(y) for x, y in zip(short, long_[-len(short):])):
            return "contained"
    if len(ta) >= 2 and len(tb) >= 2 and len(ta) == len(tb):
        if all(x == y or rasm(x) == rasm(y) or fuzz.ratio(x, y) >= 80 for x, y in zip(ta, tb)):
            return "rasm"
    return None


def canonical_person(printed: str, kb: Knowledge) -> tuple[str, str | None]:
    """(canonical key, how it matched a knowledge entry or None)."""
    best = None
    for person in kb.people.values():
        for name in person.names:
            how = spelling_match(printed, name)
            if how and how != "surname":
                return person.key, how
            if how == "surname" and best is None:
                best = (person.key, how)
    if best:
        return best
    # scraped pages glue words together ("سورياستيفان دي مستوراإلى"): a known full name inside the run
    squeezed = fold_key(printed).replace(" ", "")
    for person in kb.people.values():
        for name in person.names:
            whole = fold_key(name).replace(" ", "")
            if " " in name.strip() and len(whole) >= 8 and whole in squeezed and whole != squeezed:
                return person.key, "glued"
    return fold_key(printed), None


def known_party(key: str, kb: Knowledge) -> str | None:
    """The party the knowledge places a person in ("Russia: envoy" -> Russia)."""
    person = kb.people.get(key)
    if person is None:
        return None
    party = next((r.split(":")[0].strip() for r in person.roles if ":" in r), None)
    return party


def same_person(a: str, b: str, kb: Knowledge) -> tuple[bool | None, str]:
    """Whether two printed names name one person (None: cannot tell), and a short note on why."""
    ka, how_a = canonical_person(a, kb)
    kb_, how_b = canonical_person(b, kb)
    if how_a and how_b:
        if ka == kb_:
            note = "" if fold_key(a) == fold_key(b) else f"spelling variant ({a} / {b})"
            return True, note
        return False, f"different people ({ka} / {kb_})"
    how = spelling_match(a, b)
    if how:
        return True, "" if how == "exact" else f"spelling variant ({a} / {b})"
    if _script(a) != _script(b):
        # one name known: compare the other with the known person's spellings in its own script
        for known, other in ((ka, b), (kb_, a)) if (how_a or how_b) else ():
            if known not in kb.people or (known == ka and not how_a) or (known == kb_ and not how_b):
                continue
            same_script = [n for n in kb.people[known].names if _script(n) == _script(other)]
            if same_script:
                if any(spelling_match(other, n) for n in same_script):
                    return True, f"spelling variant ({a} / {b})"
                return False, f"different people ({known} / {other})"
        # "بوراك أكجابار" / "Burak Akcapar": without a knowledge entry, scripts cannot be compared
        return None, f"names in different scripts, not in the knowledge files: cannot compare ({a} / {b})"
    return False, f"different names ({a} / {b})"


def _script(name: str) -> str:
    return "arabic" if any("\u0600" <= c <= "\u06ff" for c in name) else "latin"
