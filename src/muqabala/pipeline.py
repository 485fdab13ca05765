"""load → clean → segment, as one library call: `load_corpus(paths) -> Corpus`.

Metadata precedence: manifest or JSONL fields, then HTML metadata, then what
the text itself shows (masthead, date line); each value records its source.
"""
from __future__ import annotations

from pathlib import Path

from .clean import clean
from .corpus import Article, Corpus, Sentence
from .language import detect_language
from .load import RawDocument, load_documents
from .knowledge import load_knowledge
from .segment import split_sentences


def build_article(doc: RawDocument, knowledge=None) -> Article:
    cleaned = clean(doc.text)
    meta, prov = dict(doc.meta), dict(doc.provenance)
    if "outlet" not in meta and cleaned.masthead:
        kb = knowledge or load_knowledge()
        meta["outlet"] = kb.outlet_name(cleaned.masthead) or cleaned.masthead
        prov["outlet"] = "masthead"
    if "page_date" not in meta and cleaned.page_date:
        meta["page_date"] = cleaned.page_date
        prov["page_date"] = "dateline"
    for key in ("outlet", "published", "page_date"):
        prov.setdefault(key, "unknown" if key not in meta else prov.get(key, "unknown"))
    article = Article(
        id=doc.id, path=doc.path, text=doc.text, outlet=meta.get("outlet"),
        published=meta.get("published"), page_date=meta.get("page_date"),
        url=meta.get("url"), title=meta.get("title"), kind=meta.get("kind"), encoding=doc.encoding,
        provenance=prov, dropped=cleaned.dropped,
    )
    body = " ".join(line.text for line in cleaned.kept)
    article.language = meta.get("language") or detect_language(body)
    prov.setdefault("language", "manifest" if "language" in meta else "detected")
    article.sentences = [
        Sentence(f"{doc.id}:{i}", doc.id, i, piece.start, piece.end, piece.text)
        for i, piece in enumerate(split_sentences(cleaned.kept))
    ]
    return article


def load_corpus(paths, knowledge=None) -> Corpus:
    """Load, clean and segment every article under `paths` (files or directories)."""
    docs, warnings = load_documents([Path(p) for p in paths])
    kb = knowledge or load_knowledge()
    articles = [build_article(doc, kb) for doc in docs]
    ids: dict[str, int] = {}
    for article in articles:
        if article.id in ids:
            warnings.append(f"two articles share the id {article.id}; the later one is renamed")
            ids[article.id] += 1
            article.id = f"{article.id}~{ids[article.id]}"
            article.sentences = [Sentence(f"{article.id}:{s.index}", article.id, s.index, s.start, s.end, s.text)
                                 for s in article.sentences]
        else:
            ids[article.id] = 0
    return Corpus(articles, warnings)
