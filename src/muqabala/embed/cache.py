"""Embedding cache in SQLite, keyed by (model id, hash of the normalised
sentence), so nothing is embedded twice. Vectors are raw float32 bytes; no
pickle is ever read.
"""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import numpy as np

from ..errors import MuqabalaError
from ..normalize import fold_key


def sentence_hash(text: str) -> str:
    return hashlib.sha256(fold_key(text).encode("utf-8")).hexdigest()


class EmbeddingCache:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path)
            self.db.execute("CREATE TABLE IF NOT EXISTS vectors (model TEXT NOT NULL, hash TEXT NOT NULL, "
                            "dim INTEGER NOT NULL, vector BLOB NOT NULL, PRIMARY KEY (model, hash))")
        except sqlite3.DatabaseError as exc:
            raise MuqabalaError(f"{self.path}: embedding cache is corrupt ({exc}); delete it and run again") from None

    def get_many(self, model: str, hashes: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        unique = list(dict.fromkeys(hashes))
        for start in range(0, len(unique), 500):
            chunk = unique[start:start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT hash, dim, vector FROM vectors WHERE model = ? AND hash IN ({marks})",
                                   [model, *chunk])
            for h, dim, blob in rows:
                vec = np.frombuffer(blob, dtype=np.float32)
                if vec.shape[0] == dim:
                    found[h] = vec
        return found

    def put_many(self, model: str, items: dict[str, np.ndarray]) -> None:
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)",
                                [(model, h, int(v.shape[0]), np.asarray(v, dtype=np.float32).tobytes())
                                 for h, v in items.items()])

    def close(self) -> None:
        self.db.close()
