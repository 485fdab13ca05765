"""Sentence splitters compared on the seeds: muqabala's own rules, pysbd (ar)
and sentencex (ar). Prints figures only.

    pip install pysbd sentencex   # the comparison libraries are not dependencies
    python benchmarks/bench_segment.py

Per splitter, over the cleaned lines of the five seeds: sentences produced;
gold substrings (every quoted text in seeds_gold.toml) cut across two
sentences; pieces that end in an Arabic comma; and pieces under 4 words.
"""
from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "seeds_gold.toml"


def gold_texts(gold: dict) -> list[str]:
    texts = []
    for p in gold["pair"]:
        texts += [p["a"], p["b"]]
    for o in gold["only"]:
        texts += o["text"]
    for s in gold["slot"]:
        for key in ("venue", "next_round", "next_summit"):
            if isinstance(s.get(key), dict) and "text" in s[key]:
                texts.append(s[key]["text"])
    return texts


def main() -> int:
    from muqabala.clean import clean
    from muqabala.segment import split_sentences

    splitters = {"muqabala": lambda line: [p.text for p in split_sentences([line])]}
    try:
        import pysbd

        seg = pysbd.Segmenter(language="ar", clean=False)
        splitters["pysbd (ar)"] = lambda line: [s.strip() for s in seg.segment(line.text) if s.strip()]
    except ImportError:
        print("pysbd not installed: skipped")
    try:
        from sentencex import segment

        splitters["sentencex (ar)"] = lambda line: [s.strip() for s in segment("ar", line.text) if s.strip()]
    except ImportError:
        print("sentencex not installed: skipped")

    gold = tomllib.loads(GOLD.read_text(encoding="utf-8"))
    texts = gold_texts(gold)
    lines = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        lines += clean(path.read_text(encoding="utf-8")).kept
    full = [line.text for line in lines]
    present = [t for t in texts if any(t in f for f in full)]
    print(f"{len(lines)} cleaned lines; {len(present)} gold substrings to keep whole")
    for name, split in splitters.items():
        pieces = [p for line in lines for p in split(line)]
        cut = sum(1 for t in present if not any(t in p for p in pieces))
        comma = sum(1 for p in pieces if re.search(r"،\s*$", p))
        short = sum(1 for p in pieces if len(p.split()) < 4)
        print(f"{name:16s} sentences {len(pieces):4d}  gold substrings cut {cut:2d}/{len(present)}  "
              f"ending in '،' {comma:3d}  under 4 words {short:3d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
