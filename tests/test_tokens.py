"""Tests of the passage tokenising of the lesson topic model (careertext.tokens). Texts are written
for the tests."""

from __future__ import annotations

from careertext.tokens import lemma_tokens


def test_lemma_tokens():
    assert lemma_tokens(["Managers don't care, https://x.y/z"]) == [["manager", "care"]]
