"""Tests of careertext.tables: column resolution and reading CSV and JSON Lines rows (the
loader's behaviour on whole folders of tables is tested in tests/test_corpus.py)."""

from __future__ import annotations

import gzip
from dataclasses import replace
from pathlib import Path

from careertext.records import Essay, Skip, _Options
from careertext.tables import _find_column, _read_table, _resolve_columns

OPTIONS = _Options(text_columns=None, joiner="\n\n", id_column=None, title_column=None,
                   date_column=None, author_column=None, dedupe=True, max_bytes=1_000_000,
                   remove_boilerplate=True, dayfirst=None)


def test_find_column_folds_case_and_space_only_when_unambiguous() -> None:
    assert _find_column(["ID", "Text"], "text") == "Text"
    assert _find_column([" text ", "TEXT"], "text") is None
    assert _find_column(["body"], "text") is None


def test_resolve_columns_defaults_and_explicit_text_columns() -> None:
    columns = _resolve_columns(["id", "selftext", "created_at", "Title"], OPTIONS)
    assert (columns.text, columns.id, columns.date, columns.title) == (
        ("selftext",), "id", "created_at", "Title")
    explicit = _resolve_columns(["id", "a", "b"], replace(OPTIONS, text_columns=("a", "c")))
    assert explicit.text == ("a",) and explicit.missing_text == ("c",)
    assert _resolve_columns(["id"], OPTIONS).missing_text == ("text/body/content/selftext",)


def test_read_table_csv_rows_become_essays_or_skips(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("id,title,text\np1,A &amp; B,First row of text.\np2,Empty,\n",
                    encoding="utf-8")
    items = list(_read_table(path, "csv", "t", OPTIONS))
    essays = [i for i in items if isinstance(i, Essay)]
    skips = [i for i in items if isinstance(i, Skip)]
    assert [(e.id, e.title, e.text) for e in essays] == [("p1", "A & B", "First row of text.")]
    assert [(s.row, s.reason) for s in skips] == [(2, "empty")]


def test_read_table_gzipped_jsonl_with_a_malformed_line(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "a", "body": "Some text here."}\n{not json\n'))
    items = list(_read_table(path, "jsonl", "t", OPTIONS))
    assert isinstance(items[0], Essay) and items[0].text == "Some text here."
    assert isinstance(items[1], Skip) and (items[1].row, items[1].reason) == (2,
                                                                             "malformed_row")
