"""Stage 4, embed/index: a persistent sentence index under indexes/<name>/.

It holds the articles (text, metadata, sentence spans) as JSON lines, their
sentence vectors in FAISS (exact inner product up to HNSW_THRESHOLD vectors,
HNSW above), and a manifest with the model id, dimension, counts, times, a
format version and checksums. Every write goes to new files first and the
manifest is replaced last, atomically, so a crash never leaves a broken index.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import numpy as np

from .config import indexes_root
from .corpus import Article, Corpus, Dropped, Sentence
from .embed.cache import EmbeddingCache, sentence_hash
from .errors import MuqabalaError
from .load import content_hash

FORMAT_VERSION = 1
HNSW_THRESHOLD = 50_000
HNSW_M = 32
HNSW_EF_SEARCH = 128


@dataclass
class IndexStats:
    articles: int
    sentences: int
    embedded: int
    cached: int
    seconds: float
    added: int = 0
    replaced: int = 0
    unchanged: int = 0


@dataclass
class Hit:
    sentence: Sentence
    article: Article
    score: float


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def article_to_dict(a: Article) -> dict:
    return {
        "id": a.id, "path": a.path, "outlet": a.outlet, "published": a.published, "page_date": a.page_date,
        "language": a.language, "url": a.url, "title": a.title, "encoding": a.encoding,
        "provenance": a.provenance, "content_hash": content_hash(a.text), "text": a.text,
        "sentences": [[s.start, s.end] for s in a.sentences],
        "dropped": [asdict(d) for d in a.dropped],
    }


def article_from_dict(d: dict) -> Article:
    a = Article(id=d["id"], path=d["path"], text=d["text"], outlet=d.get("outlet"), published=d.get("published"),
                page_date=d.get("page_date"), language=d.get("language", "other"), url=d.get("url"),
                title=d.get("title"), encoding=d.get("encoding", "utf-8"), provenance=d.get("provenance", {}))
    a.sentences = [Sentence(f"{a.id}:{i}", a.id, i, s, e, a.text[s:e]) for i, (s, e) in enumerate(d["sentences"])]
    a.dropped = [Dropped(**x) for x in d.get("dropped", [])]
    return a


def _make_faiss(vectors: np.ndarray):
    import faiss

    dim = vectors.shape[1]
    if len(vectors) > HNSW_THRESHOLD:
        index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = HNSW_EF_SEARCH
        kind = "hnsw"
    else:
        index = faiss.IndexFlatIP(dim)
        kind = "flat"
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index, kind


class SentenceIndex:
    def __init__(self, path: Path, manifest: dict, corpus: Corpus, faiss_index, vectors: np.ndarray):
        self.path = path
        self.manifest = manifest
        self.corpus = corpus
        self.faiss = faiss_index
        self.vectors = vectors
        self.sentences = corpus.sentences
        self.row_of = {s.id: i for i, s in enumerate(self.sentences)}
        self._articles = {a.id: a for a in corpus.articles}

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def model_id(self) -> str:
        return self.manifest["model"]

    def article(self, article_id: str) -> Article:
        return self._articles[article_id]

    def vector(self, sentence_id: str) -> np.ndarray:
        return self.vectors[self.row_of[sentence_id]]

    # ---------------------------------------------------------------- open
    @staticmethod
    def location(name: str) -> Path:
        path = Path(name)
        if path.is_absolute() or os.sep in name or name.startswith("."):
            return path
        return indexes_root() / name

    @classmethod
    def exists(cls, name: str) -> bool:
        return (cls.location(name) / "manifest.json").is_file()

    @classmethod
    def open(cls, name: str, model: str | None = None) -> "SentenceIndex":
        import faiss

        path = cls.location(name)
        rebuild = f"rebuild it with: muqabala index PATH... --index {name} --rebuild"
        manifest_path = path / "manifest.json"
        if not manifest_path.is_file():
            raise MuqabalaError(f"no index named '{name}' at {path}; build one with: muqabala index PATH... --index {name}")
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise MuqabalaError(f"index '{name}' is corrupt (unreadable manifest); {rebuild}") from None
        if manifest.get("format_version") != FORMAT_VERSION:
            raise MuqabalaError(f"index '{name}' has format version {manifest.get('format_version')}, "
                                f"this muqabala reads {FORMAT_VERSION}; {rebuild}")
        if model and model != manifest.get("model"):
            raise MuqabalaError(f"index '{name}' was built with model '{manifest.get('model')}', not '{model}'; "
                                f"use that model or {rebuild} --model {model}")
        blobs = {}
        for role, entry in manifest["files"].items():
            file = path / entry["name"]
            try:
                data = file.read_bytes()
            except OSError:
                raise MuqabalaError(f"index '{name}' is missing {entry['name']}; {rebuild}") from None
            if len(data) != entry["bytes"] or _sha(data) != entry["sha256"]:
                raise MuqabalaError(f"index '{name}' is corrupt or truncated ({entry['name']}); {rebuild}")
            blobs[role] = data
        try:
            articles = [article_from_dict(json.loads(line)) for line in blobs["articles"].decode("utf-8").splitlines() if line]
            index = faiss.deserialize_index(np.frombuffer(blobs["vectors"], dtype=np.uint8))
        except Exception:  # noqa: BLE001
            raise MuqabalaError(f"index '{name}' is corrupt; {rebuild}") from None
        corpus = Corpus(articles)
        count = len(corpus.sentences)
        if index.ntotal != count or count != manifest.get("count"):
            raise MuqabalaError(f"index '{name}' is inconsistent ({index.ntotal} vectors, {count} sentences); {rebuild}")
        vectors = index.reconstruct_n(0, count) if count else np.zeros((0, manifest["dim"]), np.float32)
        return cls(path, manifest, corpus, index, vectors)

    # --------------------------------------------------------------- build
    @classmethod
    def update(cls, name: str, corpus: Corpus, embedder, rebuild: bool = False,
               progress: Callable[[int, int], None] | None = None) -> tuple["SentenceIndex", IndexStats]:
        """Add or replace `corpus`'s articles in the index `name` (created if missing)."""
        started = time.perf_counter()
        path = cls.location(name)
        old: SentenceIndex | None = None
        if not rebuild and cls.exists(name):
            old = cls.open(name)
            if old.model_id != embedder.model_id:
                raise MuqabalaError(f"index '{name}' was built with model '{old.model_id}', not '{embedder.model_id}'; "
                                    f"pass --rebuild to re-embed it with the new model")
        merged: dict[str, Article] = {a.id: a for a in old.corpus.articles} if old else {}
        added = replaced = unchanged = 0
        for article in corpus.articles:
            prev = merged.get(article.id)
            if prev is None:
                added += 1
            elif content_hash(prev.text) == content_hash(article.text) and prev.published == article.published \
                    and prev.outlet == article.outlet and len(prev.sentences) == len(article.sentences):
                unchanged += 1
            else:
                replaced += 1
            merged[article.id] = article
        articles = list(merged.values())
        sentences = [s for a in articles for s in a.sentences]
        cache = EmbeddingCache(indexes_root() / "embeddings.sqlite")
        try:
            hashes = [sentence_hash(s.text) for s in sentences]
            found = cache.get_many(embedder.model_id, hashes)
            missing = [i for i, h in enumerate(hashes) if h not in found]
            todo_texts: dict[str, str] = {}
            for i in missing:
                todo_texts.setdefault(hashes[i], sentences[i].text)
            cached_count = len(sentences) - len(missing)
            if progress:
                progress(cached_count, len(sentences))
            if todo_texts:
                keys = list(todo_texts)
                done = [cached_count]

                def step(n: int) -> None:
                    done[0] += n
                    if progress:
                        progress(min(done[0], len(sentences)), len(sentences))

                vecs = embedder.encode([todo_texts[k] for k in keys], kind="passage", progress=step)
                new = dict(zip(keys, vecs))
                cache.put_many(embedder.model_id, new)
                found.update(new)
        finally:
            cache.close()
        vectors = np.stack([found[h] for h in hashes]).astype(np.float32) if sentences \
            else np.zeros((0, embedder.dim), np.float32)
        index = cls._write(path, embedder, articles, vectors, old.manifest if old else None)
        stats = IndexStats(len(articles), len(sentences), len(todo_texts), cached_count,
                           time.perf_counter() - started, added, replaced, unchanged)
        return index, stats

    @classmethod
    def _write(cls, path: Path, embedder, articles: list[Article], vectors: np.ndarray, old_manifest: dict | None):
        import faiss

        path.mkdir(parents=True, exist_ok=True)
        index, kind = _make_faiss(vectors)
        generation = (old_manifest or {}).get("generation", 0) + 1
        blobs = {
            "articles": "".join(json.dumps(article_to_dict(a), ensure_ascii=False) + "\n" for a in articles).encode("utf-8"),
            "vectors": faiss.serialize_index(index).tobytes(),
        }
        names = {"articles": f"articles-{generation}.jsonl", "vectors": f"vectors-{generation}.faiss"}
        for role, data in blobs.items():
            _atomic_write(path / names[role], data)
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        manifest = {
            "format_version": FORMAT_VERSION, "model": embedder.model_id, "dim": int(vectors.shape[1]),
            "count": int(len(vectors)), "articles": len(articles), "index_kind": kind,
            "created": (old_manifest or {}).get("created", now), "updated": now, "generation": generation,
            "files": {role: {"name": names[role], "bytes": len(data), "sha256": _sha(data)} for role, data in blobs.items()},
        }
        _atomic_write(path / "manifest.json", json.dumps(manifest, indent=2).encode("utf-8"))
        for stale in path.glob("*-*.*"):
            if stale.name not in names.values() and stale.suffix in (".jsonl", ".faiss"):
                stale.unlink(missing_ok=True)
        corpus = Corpus(articles)
        return cls(path, manifest, corpus, index, vectors)

    # -------------------------------------------------------------- search
    def search(self, query_vectors: np.ndarray, k: int = 10) -> list[list[Hit]]:
        if not len(self.sentences):
            return [[] for _ in range(len(query_vectors))]
        k = min(k, len(self.sentences))
        scores, rows = self.faiss.search(np.ascontiguousarray(query_vectors, dtype=np.float32), k)
        out = []
        for srow, rrow in zip(scores, rows):
            hits = []
            for score, row in zip(srow, rrow):
                if row < 0:
                    continue
                s = self.sentences[row]
                hits.append(Hit(s, self._articles[s.article_id], float(score)))
            out.append(hits)
        return out
