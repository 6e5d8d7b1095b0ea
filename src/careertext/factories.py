"""All of careertext's spaCy registrations: component factories and ``Doc``/``Span`` extensions.

This module is loaded by spaCy through the ``spacy_factories`` entry point (so that
``nlp.add_pipe("careertext_reasons")`` works without importing careertext first) and by
:func:`careertext.load_pipeline`. spaCy imports every such entry point whenever it builds a
``Language``, so this module stays light: component classes are imported inside the factories.

Results are stored as plain data (lists and dicts) in ``doc._.ct_*`` attributes, so that they
survive ``DocBin(store_user_data=True)`` and ``nlp.pipe(..., n_process=2)``; the public
attributes (``doc._.reasons`` ...) are getters that turn that data into frozen dataclasses.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

__all__ = [
    "make_attribute_ruler", "make_lemmatizer", "make_lessons", "make_reasons", "make_sentiment",
    "make_themes", "register_extensions",
]


def _reasons_getter(obj):
    from .reasons import reasons_from_data

    return reasons_from_data(obj)


def _themes_getter(obj):
    from .themes import themes_from_data

    return themes_from_data(obj)


def _sentiment_getter(obj):
    from .sentiment import sentiment_from_data

    return sentiment_from_data(obj)


def _lessons_getter(obj):
    from .lessons import passages_from_data

    return passages_from_data(obj)


def register_extensions() -> None:
    """Register careertext's ``Doc`` and ``Span`` extensions (idempotent)."""
    if Doc.has_extension("ct_reasons"):
        return
    for name in ("ct_reasons", "ct_themes", "ct_lessons"):
        Doc.set_extension(name, default=None)
    Doc.set_extension("ct_sentiment", default=None)
    for name, getter in (
        ("reasons", _reasons_getter),
        ("themes", _themes_getter),
        ("sentiment", _sentiment_getter),
        ("lessons", _lessons_getter),
    ):
        Doc.set_extension(name, getter=getter)
        Span.set_extension(name, getter=getter)


@Language.factory(
    "careertext_reasons",
    default_config={"codebook": None, "threshold": None, "evidence_threshold": None,
                    "model": None, "use_model": True},
    assigns=["doc._.ct_reasons"],
    requires=["token.lemma", "doc.sents"],
)
def make_reasons(nlp: Language, name: str, codebook: str | None, threshold: float | None,
                 evidence_threshold: float | None, model: str | None, use_model: bool):
    """Reasons for leaving, per sentence (``doc._.reasons``). ``codebook``: a file path or None
    for the bundled codebook; ``threshold``: the minimum score of a returned reason (None: the
    trained one); ``evidence_threshold``: the minimum score of further evidence sentences for a
    code already found (None: the trained one); ``model``: a scorer JSON path (None: bundled);
    ``use_model``: False to score with the hand-written rules alone."""
    from .reasons import ReasonExtractor

    register_extensions()
    return ReasonExtractor(nlp, name, codebook=codebook, threshold=threshold,
                           evidence_threshold=evidence_threshold, model=model, use_model=use_model)


@Language.factory(
    "careertext_themes",
    default_config={"codebook": None},
    assigns=["doc._.ct_themes"],
    requires=["token.lemma", "doc.sents"],
)
def make_themes(nlp: Language, name: str, codebook: str | None):
    """Theme mentions per sentence (``doc._.themes``), reasons or not."""
    from .themes import ThemeTagger

    register_extensions()
    return ThemeTagger(nlp, name, codebook=codebook)


@Language.factory(
    "careertext_sentiment",
    default_config={"lexicon": None, "explain": True, "domain": "auto"},
    assigns=["doc._.ct_sentiment"],
    requires=["doc.sents"],
)
def make_sentiment(nlp: Language, name: str, lexicon: str | None, explain: bool, domain: str):
    """Sentence and document sentiment with explanations (``doc._.sentiment``)."""
    from .sentiment import SentimentScorer

    register_extensions()
    return SentimentScorer(nlp, name, lexicon=lexicon, explain=explain, domain=domain)


@Language.factory(
    "careertext_lessons",
    default_config={"min_score": 0.5},
    assigns=["doc._.ct_lessons"],
    requires=["doc.sents"],
)
def make_lessons(nlp: Language, name: str, min_score: float):
    """Lesson and advice passages (``doc._.lessons``)."""
    from .lessons import LessonDetector

    register_extensions()
    return LessonDetector(nlp, name, min_score=min_score)


@Language.factory(
    "careertext_attribute_ruler",
    default_config={"validate": False,
                    "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_attribute_ruler(nlp: Language, name: str, validate: bool, scorer):
    """spaCy's ``attribute_ruler`` with a memo for one-token patterns (same output, faster)."""
    from .fast_attributes import FastAttributeRuler

    return FastAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


@Language.factory(
    "careertext_lemmatizer",
    default_config={"model": None, "mode": "rule", "overwrite": False,
                    "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}},
    assigns=["token.lemma"],
)
def make_lemmatizer(nlp: Language, model, name: str, mode: str, overwrite: bool, scorer):
    """spaCy's English ``lemmatizer`` with memoised rule lemmas (same output, faster)."""
    from .fast_attributes import CachedLemmatizer

    return CachedLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)
