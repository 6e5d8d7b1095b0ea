from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from careertext.analyze import EssayAnalysis, analyze

analyze_mod = importlib.import_module("careertext.analyze")  # the package exports the function

TEXTS = ["I quit because I was badly underpaid. Lesson: always negotiate.",
         "The interviews went well. I love my job."]


def test_analyze_strings_all_analyses():
    out = list(analyze(TEXTS))
    assert [a.id for a in out] == ["text-0", "text-1"]
    first = out[0]
    assert [r["code"] for r in first.reasons] == ["compensation"]
    assert first.themes and first.sentiment is not None and first.n_sentences == 2
    assert first.reason_objects()[0].evidence == "I quit because I was badly underpaid."
    json.dumps(first.to_dict())  # plain, JSON-safe data
    assert EssayAnalysis.from_dict(first.to_dict()) == first


def test_only_requested_analyses_run():
    (a,) = analyze(TEXTS[:1], analyses=["themes"])
    assert a.reasons == [] and a.sentiment is None and a.themes


def test_unknown_analysis():
    with pytest.raises(ValueError):
        list(analyze(TEXTS, analyses=["astrology"]))


def test_cache_reuses_and_reanalyses_changed(tmp_path: Path, monkeypatch):
    calls = []
    real = analyze_mod._collect
    monkeypatch.setattr(analyze_mod, "_collect", lambda *a: calls.append(a[0]) or real(*a))
    first = list(analyze(TEXTS, cache_dir=tmp_path))
    assert len(calls) == 2
    again = list(analyze(TEXTS, cache_dir=tmp_path))
    assert len(calls) == 2 and again == first
    list(analyze([TEXTS[0], TEXTS[1] + " Changed."], cache_dir=tmp_path))
    assert calls[2:] == ["text-1"]


def test_failure_is_recorded_not_raised(monkeypatch):
    from careertext import reasons

    real = reasons.ReasonExtractor.find

    def boom(self, doc):
        if "explode" in doc.text:
            raise RuntimeError("kaboom")
        return real(self, doc)

    monkeypatch.setattr(reasons.ReasonExtractor, "find", boom)
    out = list(analyze(["I quit because I was underpaid.", "explode", "I was laid off."]))
    assert out[1].error and "kaboom" in out[1].error
    assert out[0].reasons and out[2].reasons


def test_essay_analysis_renders_escaped_html():
    (a,) = analyze(["I quit because the company underpaid me <script>alert(1)</script>."])
    html = a._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "ct-badge-reason" in html and 'class="ct-neg ct-reason' in html


def test_chunked_text_sentiment_matches_sentiment_function(blank_nlp):
    from careertext.sentiment import sentiment

    para = ("The team was wonderful and I loved the work. "
            "The hours were awful and I was exhausted. ") * 40 + "\n\n"
    text = para * 40  # over 100,000 characters: analysed in chunks
    (a,) = analyze([text], nlp=blank_nlp, analyses=["sentiment"])
    whole = sentiment(text, nlp=blank_nlp)
    assert len(a.sentiment["sentences"]) == len(whole.sentences) > 1000
    assert a.sentiment["compound"] == whole.compound
    assert (a.sentiment["neg"], a.sentiment["pos"]) == (whole.neg, whole.pos)
