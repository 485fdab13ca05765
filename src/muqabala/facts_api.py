"""Library calls for slots: load articles and extract their events and facts."""
from __future__ import annotations

from .knowledge import load_knowledge
from .pipeline import load_corpus
from .slots import ArticleFacts, extract_facts

FACTS_SCHEMA = "muqabala.facts/2"


def load_facts(paths, knowledge_paths=()):
    kb = load_knowledge(list(knowledge_paths))
    corpus = load_corpus(paths, kb)
    return corpus, [extract_facts(a, kb) for a in corpus.articles]


def facts_to_json(all_facts: list[ArticleFacts]) -> dict:
    return {"schema": FACTS_SCHEMA, "articles": [{
        "id": f.article.id, "outlet": f.article.outlet, "published": f.article.published,
        "events": [{"series": e.series, "round": e.round, "confidence": e.confidence, "assigned": e.assigned,
                    "reason": e.reason, "scores": {str(k): round(v, 2) for k, v in e.scores.items()},
                    "evidence": [{"kind": m.kind, "role": m.role.value, "round": m.round, "weight": m.weight,
                                  "printed": m.printed, "sentence_id": m.sentence_id, "note": m.note,
                                  "start": m.span[0] if m.span else None, "end": m.span[1] if m.span else None}
                                 for m in e.evidence]} for e in f.events],
        "slots": [s.to_dict() for s in f.slots],
    } for f in all_facts]}
