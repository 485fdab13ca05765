"""Alignment quality on the seeds: precision and recall of same-claim sentence
pairs against the gold pairs (weak pairs neither required nor penalised), and
a sweep over the threshold to show how flat the choice is. Prints figures only.

    python benchmarks/bench_align.py
"""
from __future__ import annotations

import os
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "seeds_gold.toml"


def pairs_of(claims, a_id, b_id):
    out = set()
    for claim in claims:
        a = [s.index for s in claim.members if s.article_id == a_id]
        b = [s.index for s in claim.members if s.article_id == b_id]
        out |= {(x, y) for x in a for y in b}
    return out


def evaluate(claims, gold_pairs, weak_pairs, a_id, b_id):
    predicted = pairs_of(claims, a_id, b_id) - weak_pairs
    tp = len(predicted & gold_pairs)
    precision = tp / len(predicted) if predicted else 1.0
    recall = tp / len(gold_pairs)
    return precision, recall, predicted


def main() -> int:
    os.environ.setdefault("MUQABALA_INDEXES", tempfile.mkdtemp(prefix="muqabala-align-"))
    os.environ.setdefault("MUQABALA_MODELS", str(ROOT / "indexes" / "models"))
    from muqabala.align import LEXICAL_WEIGHT, THRESHOLD, align_event
    from muqabala.config import indexes_root
    from muqabala.embed.models import load_embedder
    from muqabala.pipeline import load_corpus

    gold = tomllib.loads(GOLD.read_text(encoding="utf-8"))
    corpus = load_corpus([ROOT / "seeds"])
    a = corpus.article("000_ea5d325999e94b85")
    b = corpus.article("001_9e61edb7ab7a6c13")

    def index_of(article, text):
        return next(s.index for s in article.sentences if text in s.text)

    gold_pairs, weak_pairs = set(), set()
    for p in gold["pair"]:
        (weak_pairs if p.get("weak") else gold_pairs).add((index_of(a, p["a"]), index_of(b, p["b"])))
    embedder = load_embedder()
    cache = indexes_root() / "embeddings.sqlite"
    print(f"gold: {len(gold_pairs)} pairs (+{len(weak_pairs)} weak) between {a.id} and {b.id}")
    for weight in (0.0, 0.5, LEXICAL_WEIGHT, 1.2):
        for threshold in (0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65):
            claims = align_event([a, b], embedder, cache, threshold, weight)
            p, r, _ = evaluate(claims, gold_pairs, weak_pairs, a.id, b.id)
            mark = "  <- default" if (weight, threshold) == (LEXICAL_WEIGHT, THRESHOLD) else ""
            print(f"lexical_weight={weight:.1f} threshold={threshold:.2f}: precision {p:.2f} recall {r:.2f}{mark}")
    claims = align_event([a, b], embedder, cache)
    p, r, predicted = evaluate(claims, gold_pairs, weak_pairs, a.id, b.id)
    print(f"default: precision {p:.2f}, recall {r:.2f} (target: recall >= 0.85 at precision >= 0.80)")
    print(f"missed gold pairs: {sorted(gold_pairs - predicted)}; extra pairs: {sorted(predicted - gold_pairs)}")
    shared = [c for c in claims if len(c.article_ids) > 1]
    print(f"claims: {len(claims)} ({len(shared)} carried by both outlets)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
