"""What the corpus loader reads from a file's path alone: its kind by extension (``_KINDS``,
:data:`SUPPORTED_EXTENSIONS`, re-exported by :mod:`careertext.corpus`, and the table kinds),
its stem (the default essay id) and the key that identifies a file reached twice
(``_path_key``)."""

from __future__ import annotations

import os
from pathlib import Path

_KINDS = {
    ".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
    ".csv": "csv", ".csv.gz": "csv", ".jsonl": "jsonl", ".jsonl.gz": "jsonl",
    ".ndjson": "jsonl", ".ndjson.gz": "jsonl",
}
SUPPORTED_EXTENSIONS = tuple(_KINDS)
"""File extensions :func:`load_corpus` reads (case-insensitive)."""

_TABLE_KINDS = ("csv", "jsonl")


def _path_key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    for ext in (".csv.gz", ".jsonl.gz", ".ndjson.gz"):
        if name.endswith(ext):
            return _KINDS[ext]
    return _KINDS.get(Path(name).suffix)


def _stem(path: Path) -> str:
    name = path.name
    lower = name.lower()
    for ext in sorted(_KINDS, key=len, reverse=True):
        if lower.endswith(ext) and len(name) > len(ext):
            return name[: -len(ext)]
    return path.stem or name
