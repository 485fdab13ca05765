"""Where things live: the indexes root, the model cache, the default model.

Every location can be changed with an environment variable, so a notebook, the
CLI and CI agree: MUQABALA_INDEXES (default ./indexes), MUQABALA_MODELS
(default <indexes>/models) and MUQABALA_MODEL (default: the bundled e5-small).
"""
from __future__ import annotations

import os
from pathlib import Path

DEFAULT_MODEL = "intfloat/multilingual-e5-small"
DEFAULT_INDEX = "default"


def indexes_root() -> Path:
    return Path(os.environ.get("MUQABALA_INDEXES", "indexes"))


def models_root() -> Path:
    return Path(os.environ.get("MUQABALA_MODELS", str(indexes_root() / "models")))


def model_name(explicit: str | None = None) -> str:
    return explicit or os.environ.get("MUQABALA_MODEL") or DEFAULT_MODEL
