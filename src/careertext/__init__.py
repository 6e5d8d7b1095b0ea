"""careertext: reasons for leaving, themes, sentiment and recurring lessons in career essays.

The public API, in one place::

    careertext.load_corpus(source)            essays with metadata, cleaned; skips recorded
    careertext.extract_reasons(text)          reasons for leaving, with evidence offsets
    careertext.reasons_frame(corpus)          all reasons of a corpus as one DataFrame
    careertext.extract_themes(text)           theme mentions per sentence
    careertext.sentiment(text)                explainable sentence and essay sentiment
    careertext.extract_lessons(text)          lesson and advice passages
    careertext.LessonModel(...)               scikit-learn topic model of recurring lessons
    careertext.analyze(corpus)                all of the above in one streaming pass
    careertext.write_results(analyses, path)  stream results to Parquet or CSV
    careertext.report(corpus, out)            the theme report (HTML, Markdown, CSV)
    careertext.evaluate(gold, texts)          score reason extraction against gold

Importing careertext registers nothing with spaCy: the components (``careertext_reasons``,
``careertext_themes``, ``careertext_sentiment``, ``careertext_lessons``) are registered through
the ``spacy_factories`` entry point when spaCy needs them.
"""

from __future__ import annotations

from .analyze import EssayAnalysis, analyze, write_results
from .codebook import Code, Codebook, default_codebook, load_codebook
from .corpus import Corpus, Essay, Skip, load_corpus
from .errors import (
    CareertextError,
    CodebookError,
    CorpusError,
    GoldError,
    InputError,
    ModelError,
    ModelWarning,
    NotFittedError,
)
from .evaluate import agreement, evaluate
from .lessons import LessonPassage, extract_lessons, extract_lessons_many
from .pipeline import load_pipeline
from .reasons import Reason, extract_reasons, extract_reasons_many, reasons_frame
from .report import ReportResult, report
from .sentiment import Sentiment, aspect_sentiment, sentiment, sentiment_many
from .themes import ThemeMention, extract_themes, extract_themes_many, theme_cooccurrence

__version__ = "0.1.0"

# The topic model needs scikit-learn (about half of import time): loaded on first use; its
# metrics do not, and load without it.
_LAZY = {"Lesson": "topics", "LessonModel": "topics", "npmi_coherence": "topic_metrics",
         "topic_diversity": "topic_metrics", "topic_stability": "topic_metrics"}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

__all__ = [
    "CareertextError",
    "Code",
    "Codebook",
    "CodebookError",
    "Corpus",
    "CorpusError",
    "Essay",
    "EssayAnalysis",
    "GoldError",
    "InputError",
    "Lesson",
    "LessonModel",
    "LessonPassage",
    "ModelError",
    "ModelWarning",
    "NotFittedError",
    "Reason",
    "ReportResult",
    "Sentiment",
    "Skip",
    "ThemeMention",
    "__version__",
    "agreement",
    "analyze",
    "aspect_sentiment",
    "default_codebook",
    "evaluate",
    "extract_lessons",
    "extract_lessons_many",
    "extract_reasons",
    "extract_reasons_many",
    "extract_themes",
    "extract_themes_many",
    "load_codebook",
    "load_corpus",
    "load_pipeline",
    "npmi_coherence",
    "reasons_frame",
    "report",
    "sentiment",
    "sentiment_many",
    "theme_cooccurrence",
    "topic_diversity",
    "topic_stability",
    "write_results",
]
