"""Tests of careertext.records: Essay, Skip and the internal _Skipped."""

from __future__ import annotations

import json

import pytest

from careertext.records import Essay, Skip, _Skipped


def test_essay_is_frozen_hashable_and_serialisable() -> None:
    essay = Essay(id="x", text="one two three", metadata={"k": [1]}, removed=("5 min read",))
    with pytest.raises(AttributeError):
        essay.id = "y"  # type: ignore[misc]
    assert hash(essay) == hash(Essay(id="x", text="one two three", removed=("5 min read",)))
    data = essay.to_dict()
    assert data["removed"] == ["5 min read"] and data["metadata"] == {"k": [1]}
    assert json.loads(json.dumps(data)) == data


def test_essay_words_and_html_repr_escape_the_text() -> None:
    essay = Essay(id="<b>x</b>", text="<script>alert(1)</script> and more words")
    assert essay.words == 4
    shown = essay._repr_html_()
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert "<b>x</b>" not in shown


def test_skip_and_skipped_carry_their_reason() -> None:
    skip = Skip("a.csv", 3, "malformed_row", "no text")
    assert (skip.source, skip.row, skip.reason, skip.detail) == ("a.csv", 3, "malformed_row",
                                                                 "no text")
    with pytest.raises(_Skipped) as info:
        raise _Skipped("binary", "the file contains NUL bytes")
    assert info.value.reason == "binary" and str(info.value) == "the file contains NUL bytes"
