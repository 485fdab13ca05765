"""Library calls for slots: load articles and extract their events and facts."""
from __future__ import annotations

from .knowledge import load_knowledge
from .pipeline import load_corpus
from .slots import ArticleFacts, extract_facts

FACTS_SCHEMA = "muqabala.facts/1"


def load_facts(paths, knowledge_paths=()):
    kb = load_knowledge(list(knowledge_paths))
    corpus = load_corpus(paths, kb)
    return corpus, [extract_facts(a, kb) for a in corpus.articles]


def facts_to_json(all_facts: list[ArticleFacts]) -> dict:
    return {"schema": FACTS_SCHEMA, "articles": [{
        "id": f.article.id, "outlet": f.article.outlet, "published": f.article.published,
        "events": [{"series": e.series, "round": e.round, "confidence": e.confidence,
                    "evidence": [{"role": m.role, "round": m.number, "printed": m.printed, "sentence_id": m.sentence_id,
                                  "start": m.span[0], "end": m.span[1]} for m in e.evidence]} for e in f.events],
        "slots": [s.to_dict() for s in f.slots],
    } for f in all_facts]}
