"""Shared fixtures: the seeds, the gold annotations (tests only), the model."""
from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD_PATH = ROOT / "tests" / "data" / "seeds_gold.toml"  # a copy of the seeds gold kept in the repository

# The converted model is cached in the project's indexes/models; everything
# else a test writes goes to a temporary indexes root.
os.environ.setdefault("MUQABALA_MODELS", str(ROOT / "indexes" / "models"))
os.environ["MUQABALA_BIDI"] = "0"


@pytest.fixture(autouse=True)
def _tmp_indexes(tmp_path, monkeypatch):
    monkeypatch.setenv("MUQABALA_INDEXES", str(tmp_path / "indexes"))


@pytest.fixture(scope="session")
def gold() -> dict:
    assert GOLD_PATH.is_file(), f"gold annotations missing: {GOLD_PATH}"
    return tomllib.loads(GOLD_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seeds_corpus():
    from muqabala.pipeline import load_corpus

    return load_corpus([SEEDS])


@pytest.fixture(scope="session")
def embedder():
    from muqabala.embed.models import load_embedder

    return load_embedder()


def article_for(corpus, filename: str):
    return corpus.article(Path(filename).stem)


def sentence_containing(corpus, filename: str, text: str):
    article = article_for(corpus, filename)
    for s in article.sentences:
        if text in s.text:
            return s
    raise AssertionError(f"no sentence of {filename} contains {text!r}")
