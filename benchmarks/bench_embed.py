"""Embedding and index benchmark. Prints figures; never fails on speed.

    python benchmarks/bench_embed.py [--synthetic 100000] [--embed-limit 3000] [--embed-all]

Seeds: cold embedding throughput (empty cache), throughput from cache, index
build time and peak memory, search latency p50/p95 over >= 200 queries.
Synthetic: >= 100,000 sentences made by recombining seed sentences (the head
of one cut at a random word + the tail of another). Embedding all of them takes ~20-30 min on
2 cores, so by default `--embed-limit` of them are embedded for throughput and
the index-scale figures use vectors mixed from those real embeddings; pass
--embed-all to embed every synthetic sentence instead.
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values, q):
    return float(np.percentile(np.asarray(values) * 1000, q))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--synthetic", type=int, default=100_000)
    parser.add_argument("--embed-limit", type=int, default=3000)
    parser.add_argument("--embed-all", action="store_true")
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="muqabala-bench-"))
    os.environ["MUQABALA_INDEXES"] = str(tmp)
    os.environ.setdefault("MUQABALA_MODELS", str(ROOT / "indexes" / "models"))
    import faiss
    import torch

    from muqabala.embed.cache import EmbeddingCache, sentence_hash
    from muqabala.embed.models import load_embedder
    from muqabala.index import HNSW_EF_SEARCH, HNSW_THRESHOLD, SentenceIndex, _make_faiss
    from muqabala.pipeline import load_corpus

    print(f"# muqabala embedding benchmark, {date.today()}, {platform.machine()} {os.cpu_count()} cores, "
          f"torch {torch.__version__} threads={torch.get_num_threads()}, faiss {faiss.__version__}")
    t = time.perf_counter()
    embedder = load_embedder()
    print(f"model load: {time.perf_counter() - t:.1f} s ({embedder.model_id}, dim {embedder.dim})")

    corpus = load_corpus([ROOT / "seeds"])
    n = len(corpus.sentences)
    t = time.perf_counter()
    rss0 = peak_rss_mb()
    idx, stats = SentenceIndex.update("bench", corpus, embedder)
    cold = time.perf_counter() - t
    print(f"seeds: {n} sentences; cold index build {cold:.2f} s = {n / cold:.1f} sentences/s "
          f"(embedded {stats.embedded}); peak RSS {peak_rss_mb():.0f} MB (was {rss0:.0f} MB)")
    t = time.perf_counter()
    idx, stats = SentenceIndex.update("bench", corpus, embedder)
    warm = time.perf_counter() - t
    print(f"seeds: rebuild from cache {warm:.3f} s = {n / warm:.0f} sentences/s (embedded {stats.embedded})")

    queries = [s.text for s in corpus.sentences]
    queries = (queries * (args.queries // len(queries) + 1))[: args.queries]
    latencies, faiss_only = [], []
    for q in queries:
        t0 = time.perf_counter()
        vec = embedder.encode([q], kind="query")
        t1 = time.perf_counter()
        idx.search(vec, 10)
        t2 = time.perf_counter()
        latencies.append(t2 - t0)
        faiss_only.append(t2 - t1)
    print(f"seeds: search over {len(queries)} queries, end to end (embed query + search) "
          f"p50 {percentile(latencies, 50):.1f} ms, p95 {percentile(latencies, 95):.1f} ms; "
          f"index only p50 {percentile(faiss_only, 50):.3f} ms")

    # ---------------------------------------------------------------- synthetic
    rng = random.Random(7)
    words = [s.text.split() for s in corpus.sentences if len(s.text.split()) >= 6]
    synthetic = set()
    while len(synthetic) < args.synthetic:
        # the head of one seed sentence and the tail of another, cut at random word positions
        a, b = rng.sample(words, 2)
        cut_a, cut_b = rng.randrange(2, len(a) - 1), rng.randrange(1, len(b) - 2)
        synthetic.add(" ".join(a[:cut_a] + b[cut_b:]))
    synthetic = sorted(synthetic)
    rng.shuffle(synthetic)
    to_embed = synthetic if args.embed_all else synthetic[: args.embed_limit]
    t = time.perf_counter()
    vecs = embedder.encode(to_embed, kind="passage", batch_size=64)
    took = time.perf_counter() - t
    print(f"synthetic: embedded {len(to_embed)} recombined sentences cold in {took:.1f} s = "
          f"{len(to_embed) / took:.1f} sentences/s")
    cache = EmbeddingCache(tmp / "bench-cache.sqlite")
    hashes = [sentence_hash(s) for s in to_embed]
    cache.put_many(embedder.model_id, dict(zip(hashes, vecs)))
    t = time.perf_counter()
    got = cache.get_many(embedder.model_id, hashes)
    took = time.perf_counter() - t
    print(f"synthetic: {len(got)} vectors from cache in {took:.2f} s = {len(got) / took:.0f} sentences/s")
    if args.embed_all:
        all_vecs = vecs
    else:
        # Mixtures of two real embeddings, renormalised: the same geometry class,
        # enough to time index build and search at scale.
        extra = args.synthetic - len(vecs)
        i = np.array([rng.randrange(len(vecs)) for _ in range(extra)])
        j = np.array([rng.randrange(len(vecs)) for _ in range(extra)])
        w = np.array([rng.uniform(0.2, 0.8) for _ in range(extra)], dtype=np.float32)[:, None]
        mixed = w * vecs[i] + (1 - w) * vecs[j]
        mixed /= np.linalg.norm(mixed, axis=1, keepdims=True)
        all_vecs = np.vstack([vecs, mixed]).astype(np.float32)
    print(f"synthetic: {len(all_vecs)} vectors ({'all embedded' if args.embed_all else f'{len(vecs)} embedded, rest mixed'})")
    for label, force_flat in (("flat (exact)", True), ("auto", False)):
        rss0 = peak_rss_mb()
        t = time.perf_counter()
        if force_flat:
            index = faiss.IndexFlatIP(all_vecs.shape[1])
            index.add(all_vecs)
            kind = "flat"
        else:
            index, kind = _make_faiss(all_vecs)
        build = time.perf_counter() - t
        qv = embedder.encode(queries[:200], kind="query")
        lat = []
        results = []
        for q in qv:
            t0 = time.perf_counter()
            _, rows = index.search(q[None, :], 10)
            lat.append(time.perf_counter() - t0)
            results.append(rows[0])
        if force_flat:
            exact = results
        recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(results, exact)])
        print(f"synthetic {label} -> {kind}: build {build:.2f} s, peak RSS {peak_rss_mb():.0f} MB "
              f"(before {rss0:.0f} MB), search p50 {percentile(lat, 50):.2f} ms p95 {percentile(lat, 95):.2f} ms, "
              f"recall@10 vs exact {recall:.3f}")
    print(f"(HNSW is used above {HNSW_THRESHOLD} vectors, M=32, efSearch={HNSW_EF_SEARCH})")


if __name__ == "__main__":
    sys.exit(main())
