"""Claim alignment without a model: a fake embedder with fixed vectors shows how links join."""
from __future__ import annotations

import numpy as np
from helpers_articles import article

from muqabala.align import align_event

# Each line's vector: A's first line is close to B's first, B's first to C's first, and C's first
# to A's second line. Linked naively, the chain would make one claim of A's two different lines.
VECTORS = {
    "alpha bravo charlie delta echo": [1, 0, 0, 0],
    "foxtrot golf hotel india juliet": [0.9, 0.45, 0, 0],
    "kilo lima mike november oscar": [0.5, 0.85, 0, 0],
    "papa quebec romeo sierra tango": [0, 1, 0, 0],
    "uniform victor whiskey xray yankee": [0, 0, 1, 0],
    "zulu amber basalt cobalt dune": [0, 0, 0, 1],
}


class FixedEmbedder:
    model_id, dim = "fixed-test-vectors", 4

    def encode(self, texts, kind="passage"):
        rows = [np.array(VECTORS[t.rstrip(".").lower()], np.float32) for t in texts]
        return np.stack([r / np.linalg.norm(r) for r in rows])


def test_links_never_chain_two_lines_of_one_article_into_one_claim(tmp_path):
    a = article("Alpha bravo charlie delta echo. Papa quebec romeo sierra tango.", "2024-01-01", aid="A")
    b = article("Foxtrot golf hotel india juliet. Uniform victor whiskey xray yankee.", "2024-01-01", aid="B")
    c = article("Kilo lima mike november oscar. Zulu amber basalt cobalt dune.", "2024-01-01", aid="C")
    claims = align_event([a, b, c], FixedEmbedder(), tmp_path / "embeddings.sqlite")
    groups = [sorted(s.id for s in cl.members) for cl in claims]
    for cl in claims:
        arts = [s.article_id for s in cl.members]
        assert len(arts) == len(set(arts)), groups
    assert ["A:0", "B:0"] in groups and ["A:1", "C:0"] in groups
