"""Tests of the topic-model metrics (careertext.topic_metrics). Terms and documents are written for
the tests."""

from __future__ import annotations

import pytest

from careertext.topic_metrics import npmi_coherence, topic_diversity, topic_stability


def test_metrics():
    docs = [["pay", "raise"], ["pay", "raise"], ["boss", "toxic"], ["boss", "toxic"]]
    assert npmi_coherence([["pay", "raise"]], docs) == pytest.approx(1.0)
    assert npmi_coherence([["pay", "boss"]], docs) == -1.0
    assert npmi_coherence([[("pay", 1.0), ("raise", 0.5)]], docs, per_topic=True) == [1.0]
    assert npmi_coherence([["pay raise"]], docs) == 0.0  # one term: no pairs
    assert npmi_coherence([["pay raise", "boss"]], [["pay", "raise", "boss"], ["x"]]) == 1.0
    assert topic_diversity([["a", "b"], ["a", "c"]]) == 0.75
    assert topic_stability([["a", "b"]], [["a", "b"]]) == 1.0
    assert topic_stability([["a", "b"], ["c"]], [["a", "b"]]) == 0.5
