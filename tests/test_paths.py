"""Tests of careertext.paths: a file's kind and stem from its path."""

from __future__ import annotations

from pathlib import Path

import pytest

from careertext.paths import SUPPORTED_EXTENSIONS, _kind, _path_key, _stem


@pytest.mark.parametrize(("name", "kind", "stem"), [
    ("essay.txt", "text", "essay"),
    ("Essay.MD", "markdown", "Essay"),
    ("post.markdown", "markdown", "post"),
    ("page.htm", "html", "page"),
    ("rows.csv.gz", "csv", "rows"),
    ("rows.JSONL.GZ", "jsonl", "rows"),
    ("lines.ndjson", "jsonl", "lines"),
    ("notes.pdf", None, "notes"),
    (".txt", None, ".txt"),  # a hidden file, not a text file
])
def test_kind_and_stem(name: str, kind: str | None, stem: str) -> None:
    assert _kind(Path("dir") / name) == kind
    assert _stem(Path("dir") / name) == stem


def test_supported_extensions_and_path_key(tmp_path: Path) -> None:
    assert ".txt" in SUPPORTED_EXTENSIONS and ".csv.gz" in SUPPORTED_EXTENSIONS
    assert _path_key(tmp_path / "a" / ".." / "b.txt") == _path_key(tmp_path / "b.txt")
