"""The data types every stage passes along: Article, Sentence, Corpus.

An Article keeps its text exactly as published; every Sentence is a span
(start, end) into that text, so evidence can be sliced and highlighted as printed.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sentence:
    id: str
    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Dropped:
    start: int
    end: int
    text: str
    reason: str


@dataclass
class Article:
    id: str
    path: str
    text: str
    outlet: str | None = None
    published: str | None = None
    page_date: str | None = None
    language: str = "other"
    url: str | None = None
    title: str | None = None
    kind: str | None = None         # preview, report, statement, passing (manifest); statements weigh double
    encoding: str = "utf-8"
    provenance: dict[str, str] = field(default_factory=dict)
    sentences: list[Sentence] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The outlet's name, or the article id when the outlet is unknown."""
        return self.outlet or f"unknown ({self.id})"

    def sentence(self, sentence_id: str) -> Sentence:
        index = int(sentence_id.rsplit(":", 1)[1])
        return self.sentences[index]


@dataclass
class Corpus:
    articles: list[Article]
    warnings: list[str] = field(default_factory=list)

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    @property
    def sentences(self) -> list[Sentence]:
        return [s for a in self.articles for s in a.sentences]
