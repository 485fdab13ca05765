"""Build small in-memory articles for tests (no files, no model)."""
from __future__ import annotations

from muqabala.corpus import Article, Sentence
from muqabala.segment import split_sentences
from muqabala.clean import clean


def article(text: str, published: str | None = None, outlet: str = "Test Outlet", aid: str = "t",
            kind: str | None = None) -> Article:
    art = Article(id=aid, path=f"<{aid}>", text=text, outlet=outlet, published=published, kind=kind,
                  language="en" if text[:1].isascii() else "ar")
    cleaned = clean(text)
    art.sentences = [Sentence(f"{aid}:{i}", aid, i, p.start, p.end, p.text)
                     for i, p in enumerate(split_sentences(cleaned.kept))]
    return art
