"""Stage 1, load: read .txt/.html/.htm/.jsonl files (or directories of them)
into raw documents with their metadata and where each value came from.

Encodings are detected (strict UTF-8 first, then charset-normalizer), never
guessed silently; HTML goes through trafilatura; a manifest.toml beside the
files supplies outlet, dates, language and URL and wins over inference.
"""
from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import MuqabalaError

SUFFIXES = {".txt", ".html", ".htm", ".jsonl"}
MANIFEST = "manifest.toml"
META_FIELDS = ("outlet", "published", "page_date", "language", "url", "title", "kind")


@dataclass
class RawDocument:
    id: str
    path: str
    text: str
    encoding: str
    meta: dict[str, str] = field(default_factory=dict)
    provenance: dict[str, str] = field(default_factory=dict)


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding). Raise MuqabalaError for empty, binary or undecodable data."""
    if not data.strip():
        raise MuqabalaError(f"{name}: file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise MuqabalaError(f"{name}: has a UTF-8 BOM but is not valid UTF-8 ({exc.reason})") from None
    if b"\x00" in data[:8192]:
        raise MuqabalaError(f"{name}: looks binary (NUL bytes), not a text article")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=None).best()
    if best is None or best.encoding is None:
        raise MuqabalaError(f"{name}: cannot detect the text encoding (not UTF-8, no confident match)")
    encoding = best.encoding
    # Arabic single-byte text: charset-normalizer may name a sibling code page;
    # prefer Windows-1256 when it decodes cleanly and yields Arabic letters.
    if _arabic_ratio(str(best)) < 0.3:
        try:
            alt = data.decode("cp1256")
            if _arabic_ratio(alt) >= 0.3:
                return alt, "cp1256"
        except UnicodeDecodeError:
            pass
    text = str(best)
    if _control_ratio(text) > 0.05:
        raise MuqabalaError(f"{name}: decodes only to control characters; binary or corrupt")
    return text, encoding


def _arabic_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0600" <= c <= "\u06ff") / len(letters)


def _control_ratio(text: str) -> float:
    if not text:
        return 1.0
    return sum(1 for c in text if ord(c) < 32 and c not in "\r\n\t") / len(text)


def read_manifest(directory: Path) -> dict[str, dict[str, str]]:
    path = directory / MANIFEST
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise MuqabalaError(f"{path}: invalid manifest ({exc})") from None
    entries = {}
    for entry in data.get("article", []):
        if "file" not in entry:
            raise MuqabalaError(f"{path}: an [[article]] entry has no 'file'")
        entries[entry["file"]] = {k: str(v) for k, v in entry.items() if k in META_FIELDS and v != ""}
    return entries


def _html_document(path: Path, text: str, encoding: str) -> RawDocument:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except ImportError as exc:
        raise MuqabalaError(f"{path}: HTML extraction is not installed correctly ({exc})") from None
    except Exception as exc:  # noqa: BLE001 - a malformed page is bad input, not a crash
        raise MuqabalaError(f"{path}: cannot extract the article from this HTML ({type(exc).__name__})") from None
    if doc is None:
        raise MuqabalaError(f"{path}: no article text found in the HTML page")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = (data.get("text") or "").strip()
    if not body:
        raise MuqabalaError(f"{path}: no article text found in the HTML page")
    meta, prov = {}, {}
    for key, source in (("title", "title"), ("outlet", "sitename"), ("published", "date"), ("url", "url")):
        if data.get(source):
            meta[key] = str(data[source])
            prov[key] = "html"
    return RawDocument(_doc_id(path), str(path), body, encoding, meta, prov)


def _doc_id(path: Path) -> str:
    return path.stem


def _jsonl_documents(path: Path, text: str, encoding: str) -> list[RawDocument]:
    docs = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise MuqabalaError(f"{path}:{lineno}: invalid JSON ({exc.msg})") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            raise MuqabalaError(f"{path}:{lineno}: each line needs a non-empty 'text' field")
        meta = {k: str(obj[k]) for k in META_FIELDS if obj.get(k)}
        prov = {k: "jsonl" for k in meta}
        doc_id = str(obj.get("id") or f"{path.stem}-{lineno}")
        docs.append(RawDocument(doc_id, f"{path}:{lineno}", obj["text"], encoding, meta, prov))
    if not docs:
        raise MuqabalaError(f"{path}: no articles in the JSONL file")
    return docs


def read_file(path: Path, manifest: dict[str, dict[str, str]] | None = None) -> list[RawDocument]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MuqabalaError(f"{path}: cannot read ({exc.strerror})") from None
    text, encoding = decode_bytes(data, str(path))
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        docs = [_html_document(path, text, encoding)]
    elif suffix == ".jsonl":
        docs = _jsonl_documents(path, text, encoding)
    else:
        docs = [RawDocument(_doc_id(path), str(path), text, encoding)]
    entry = (manifest or {}).get(path.name)
    if entry:
        for doc in docs:
            for key, value in entry.items():
                doc.meta[key] = value
                doc.provenance[key] = "manifest"
    return docs


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def iter_files(paths: list[Path]) -> list[Path]:
    """Expand directories recursively. Missing paths are errors (MuqabalaError)."""
    files: list[Path] = []
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise MuqabalaError(f"{path}: no such file or directory")
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                                and not _inside_index_or_hidden(p, path)))
        else:
            files.append(path)
    return files


def _inside_index_or_hidden(file: Path, root: Path) -> bool:
    """Skip hidden folders and muqabala's own index folders (their JSONL is not news)."""
    for parent in file.relative_to(root).parents:
        if parent == Path("."):
            continue
        if parent.name.startswith(".") or (root / parent / "manifest.json").is_file():
            return True
    return False


def load_documents(paths: list[Path]) -> tuple[list[RawDocument], list[str]]:
    """Load every file; a bad file among good ones becomes a warning."""
    files = iter_files(paths)
    warnings: list[str] = []
    docs: list[RawDocument] = []
    errors: list[str] = []
    manifests: dict[Path, dict] = {}
    for file in files:
        directory = file.parent
        try:
            if directory not in manifests:
                manifests[directory] = read_manifest(directory)
            loaded = read_file(file, manifests[directory])
            docs.extend(loaded)
            if loaded and loaded[0].encoding not in ("utf-8", "utf-8-sig"):
                warnings.append(f"{file}: not UTF-8; decoded as {loaded[0].encoding} (detected)")
        except MuqabalaError as exc:
            errors.append(str(exc))
    if not docs:
        if errors:
            raise MuqabalaError(errors[0] if len(errors) == 1 else f"nothing could be loaded: {errors[0]} (and {len(errors) - 1} more)")
        raise MuqabalaError("no articles found (looked for .txt, .html, .htm, .jsonl)")
    return docs, warnings + [f"skipped {e}" for e in errors]
