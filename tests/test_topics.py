"""Tests of LessonModel (careertext.topics); the tokenising and the topic metrics it re-exports are
tested in test_tokens.py and test_topic_metrics.py. Texts are written for the tests.

scikit-learn's estimator checks mostly feed 2-D numeric arrays, which a text model rejects by
design (its tags say ``input_tags.string = True`` and ``two_d_array = False``). The checks that
do not depend on the input type are run as they are (``check_no_attributes_set_in_init``,
``check_get_params_invariance``, ``check_set_params``, ``check_parameters_default_constructible``);
the behaviour the numeric-input checks verify (idempotent fit, no overwritten parameters,
not-fitted errors, ``fit_transform == fit().transform`` shape, deterministic fits) is tested
here on text.
"""

from __future__ import annotations

import json
import random

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.base import clone
from sklearn.exceptions import NotFittedError as SkNotFittedError
from sklearn.utils.estimator_checks import (
    check_get_params_invariance,
    check_no_attributes_set_in_init,
    check_parameters_default_constructible,
    check_set_params,
)

from careertext.errors import CareertextError, InputError, NotFittedError
from careertext.topics import (
    Lesson,
    LessonModel,
    lemma_tokens,
    npmi_coherence,
    topic_diversity,
    topic_stability,
)

THEMES = {
    "money": ["negotiate the salary offer", "ask for a raise with evidence",
              "the pay band and bonus",
              "salary negotiation and the offer letter", "a raise needs market salary data"],
    "health": ["protect your health and sleep", "burnout and exhaustion wreck your sleep",
               "see a doctor before burnout", "mental health matters more than the job",
               "sleep and health come first"],
    "network": ["your network finds you jobs", "keep in touch with former colleagues",
                "referrals from your network matter", "colleagues remember you for years",
                "a former colleague referred me"],
    "savings": ["build savings before you quit", "an emergency fund of six months",
                "savings let you say no", "put money aside every month into savings",
                "months of expenses in a savings account"],
}


def corpus(n_per=6, seed=0):
    rng = random.Random(seed)
    texts, ids = [], []
    for e in range(n_per):
        for _theme, sents in THEMES.items():
            a, b = rng.sample(sents, 2)
            texts.append(f"{a.capitalize()}. {b.capitalize()}.")
            ids.append(f"essay{e}")
    return texts, ids


@pytest.fixture(scope="module")
def data():
    return corpus()


@pytest.fixture(scope="module")
def fitted(data):
    texts, ids = data
    return LessonModel(n_lessons=4, random_state=0).fit(texts, essay_ids=ids)


def test_finds_planted_lessons(fitted, data):
    texts, _ = data
    assert fitted.n_lessons_ == 4 and len(fitted.lessons_) == 4
    heads = {le.terms[0][0] for le in fitted.lessons_}
    vocab = {"money": {"salary", "raise", "offer", "negotiate", "pay"},
             "health": {"health", "sleep", "burnout"},
             "network": {"network", "colleague", "former", "referral", "refer"},
             "savings": {"saving", "savings", "month", "money", "fund", "expense"}}
    for words in vocab.values():
        assert heads & words
    le = fitted.lessons_[0]
    assert isinstance(le, Lesson) and le.label and le.quotes and le.essays
    assert all(q in texts for q in le.quotes)
    assert abs(sum(x.share for x in fitted.lessons_) - 1.0) < 1e-6
    assert all(len(x.terms) <= fitted.n_top_terms for x in fitted.lessons_)


def test_transform_and_names(fitted, data):
    texts, _ = data
    W = fitted.transform(texts[:5])
    assert W.shape == (5, 4) and (W >= 0).all()
    assert list(fitted.get_feature_names_out()) == ["lesson0", "lesson1", "lesson2", "lesson3"]
    assert fitted.transform([]).shape == (0, 4)
    ft = clone(fitted).fit_transform(texts)
    assert ft.shape == (len(texts), 4)


def test_sklearn_conventions(data):
    texts, _ = data
    name = "LessonModel"
    check_no_attributes_set_in_init(name, LessonModel())
    check_get_params_invariance(name, LessonModel())
    check_set_params(name, LessonModel())
    check_parameters_default_constructible(name, LessonModel())
    tags = LessonModel().__sklearn_tags__()
    assert tags.input_tags.string and not tags.input_tags.two_d_array
    m = LessonModel(n_lessons=3, random_state=np.random.RandomState(0))
    params = m.get_params()
    m.fit(texts)
    assert m.get_params()["random_state"] is params["random_state"]  # kept as given
    assert m.get_params().keys() == params.keys()
    with pytest.raises(NotFittedError):
        LessonModel().transform(texts)
    with pytest.raises(SkNotFittedError):  # also scikit-learn's error
        LessonModel().get_feature_names_out()


def test_deterministic_and_idempotent(data):
    texts, ids = data
    a = LessonModel(n_lessons=4, random_state=3).fit(texts)
    b = LessonModel(n_lessons=4, random_state=3).fit(texts)
    np.testing.assert_allclose(a.components_, b.components_)
    first = a.components_.copy()
    a.fit(texts)
    np.testing.assert_allclose(a.components_, first)
    assert a.lessons_ == b.lessons_


@pytest.mark.parametrize("method", ["lda", "kmeans", "hdbscan"])
def test_other_methods(data, method, tmp_path):
    texts, ids = data
    m = LessonModel(n_lessons=4, method=method, random_state=0).fit(texts, groups=ids)
    assert m.n_lessons_ >= 1 and len(m.lessons_) == m.n_lessons_
    W = m.transform(texts[:3])
    assert W.shape == (3, m.n_lessons_)
    loaded = LessonModel.load(m.save(tmp_path / method))
    np.testing.assert_allclose(loaded.transform(texts[:3]), W, atol=1e-8)


def test_auto_k_keeps_selection(data):
    texts, _ = data
    m = LessonModel(random_state=0, k_range=(2, 6)).fit(texts)
    ks = [row["k"] for row in m.selection_]
    assert ks == list(range(2, 7))
    assert {"npmi", "stability", "diversity", "score"} <= set(m.selection_[0])
    best = max(m.selection_, key=lambda r: r["score"])
    assert m.n_lessons_ == best["k"]


def test_seed_terms(data):
    texts, _ = data
    m = LessonModel(n_lessons=4, random_state=0,
                    seed_terms={"Save first": ["savings", "emergency fund"]}).fit(texts)
    seeded = [le for le in m.lessons_ if le.seed == "Save first"]
    assert len(seeded) == 1 and seeded[0].label == "Save first"
    assert any("saving" in t for t, _ in seeded[0].terms[:3])
    with pytest.raises(CareertextError):
        LessonModel(method="lda", seed_terms={"x": ["y"]}).fit(texts)


def test_save_load_round_trip(fitted, data, tmp_path):
    texts, _ = data
    path = fitted.save(tmp_path / "model")
    assert sorted(p.name for p in path.iterdir()) == ["arrays.npz", "model.json"]
    loaded = LessonModel.load(path)
    assert loaded.lessons_ == fitted.lessons_
    assert loaded.get_params() == fitted.get_params()
    np.testing.assert_allclose(loaded.transform(texts), fitted.transform(texts))
    assert "<table>" in loaded._repr_html_()
    # version refusal
    meta = json.loads((path / "model.json").read_text())
    meta["format_version"] = 99
    (path / "model.json").write_text(json.dumps(meta))
    with pytest.raises(CareertextError, match="format version 99"):
        LessonModel.load(path)
    with pytest.raises(CareertextError, match="E057"):
        LessonModel.load(tmp_path / "nothing")


def test_tiny_corpus():
    texts = ["Negotiate your salary.", "Protect your sleep and health.", "Save money first.",
             "Your network matters.", "Ask for the raise in writing."]
    m = LessonModel(random_state=0).fit(texts)
    assert 1 <= m.n_lessons_ <= 2
    one = LessonModel(n_lessons=10, random_state=0).fit(texts)
    assert one.n_lessons_ <= 2


def test_repr_html_escapes():
    texts = ["<script>alert(1)</script> negotiate salary"] * 3 + ["sleep health burnout"] * 3
    m = LessonModel(n_lessons=2, random_state=0, min_df=1).fit(texts)
    html = m._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_input_errors():
    with pytest.raises(InputError):
        LessonModel().fit("one string")
    with pytest.raises(InputError):
        LessonModel().fit([b"bytes"])
    with pytest.raises(CareertextError, match="E051"):
        LessonModel().fit([])
    with pytest.raises(CareertextError, match="E051"):
        LessonModel().fit(["the and of", "it is"])
    with pytest.raises(CareertextError, match="E055"):
        LessonModel(n_lessons=2).fit(["a b c"] * 4, essay_ids=["x"])
    with pytest.raises(CareertextError, match="E052"):
        LessonModel(method="pca").fit(["salary raise"] * 4)


def test_docs_as_input(data):
    from careertext.pipeline import load_pipeline

    nlp = load_pipeline()
    texts, _ = data
    docs = list(nlp.pipe(texts[:8]))
    m = LessonModel(n_lessons=2, random_state=0, min_df=1).fit(docs)
    assert m.transform(docs).shape == (8, 2)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(max_size=40), max_size=8), st.integers(1, 4))
def test_any_strings_fit_or_documented_error(texts, k):
    model = LessonModel(n_lessons=k, random_state=0, k_range=(1, 3))
    try:
        model.fit(texts)
    except CareertextError as exc:
        assert exc.code in {"E051"}
        return
    assert 1 <= model.n_lessons_ <= k
    W = model.transform(texts)
    assert W.shape == (len(texts), model.n_lessons_)
    assert np.isfinite(W).all()


def test_co_occurring_terms_are_picked_from_the_lessons_own_passages():
    import scipy.sparse as sp

    from careertext.topics import _co_occurring

    # columns: 0 appears in one passage only (rare), 1 and 2 in most, 3 with 1 and 2 in two
    rows = sp.csr_matrix(np.array([[1, 1, 1, 0], [0, 1, 1, 1], [0, 1, 1, 1], [0, 1, 0, 0]]))
    order = _co_occurring(rows, 3)
    assert order[0] == 1 and set(order) == {1, 2, 3}  # the rare term is left out



def test_reexported_names_are_the_moved_objects():
    import careertext
    from careertext import tokens, topic_metrics, topics

    moved = {"lemma_tokens": tokens, "npmi_coherence": topic_metrics,
             "topic_diversity": topic_metrics, "topic_stability": topic_metrics}
    imported = {"lemma_tokens": lemma_tokens, "npmi_coherence": npmi_coherence,
                "topic_diversity": topic_diversity, "topic_stability": topic_stability}
    for name, module in moved.items():
        assert imported[name] is getattr(module, name) is getattr(topics, name)
        assert name in topics.__all__ and name in module.__all__
    for name in ("npmi_coherence", "topic_diversity", "topic_stability"):
        assert getattr(careertext, name) is getattr(topic_metrics, name)
