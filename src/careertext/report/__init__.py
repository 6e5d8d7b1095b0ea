"""The theme report: one command from a corpus to an HTML report, a Markdown report and tables.

>>> from careertext.report import report                        # doctest: +SKIP
>>> result = report("corpus", "reports")                         # doctest: +SKIP
>>> print(result.summary())                                      # doctest: +SKIP

:func:`report` writes to its ``out`` folder:

- ``index.html``: one self-contained file (inline CSS and SVG charts, no scripts, no network):
  corpus overview, reasons for leaving (prevalence, push/pull/involuntary, essay × reason
  heatmap, evidence quotes linked to their essays), themes (prevalence, co-occurrence, sentiment
  per theme), sentiment (distribution and the phrases that drive it), recurring lessons, every
  essay with its findings highlighted, and method and provenance;
- ``report.md``: the same findings in Markdown; ``charts/*.svg``: the charts;
- five CSV tables (UTF-8, ``\\n`` line ends, a header row; lists inside a cell are joined with
  ``;``; character offsets ``start``/``end`` index the essay's text, so that
  ``text[start:end]`` is the quoted passage):

``essays.csv`` (one row per essay, sorted by ``essay_id``)
    ``essay_id``: the essay's id; ``title``, ``author``, ``date``, ``source``: from the corpus
    (empty when unknown); ``n_words``: alphabetic tokens; ``n_sentences``: sentence units;
    ``n_reasons``: reasons for leaving found; ``reason_codes``: their distinct codes;
    ``directions``: their distinct directions (``push``, ``pull``, ``involuntary``);
    ``n_themes``: distinct themes mentioned; ``theme_codes``: their codes; ``n_lessons``: lesson
    passages; ``compound``, ``neg``, ``neu``, ``pos``: the essay's sentiment (compound in
    -1..1; the others shares in 0..1); ``error``: the message when the analysis failed, else
    empty.

``reasons.csv`` (one row per reason, sorted by ``essay_id``, ``start``, ``code``)
    ``essay_id``; ``code``: codebook id (e.g. ``compensation``); ``label``: its readable name;
    ``direction``: ``push``, ``pull`` or ``involuntary``; ``voice``: ``self``, ``reported`` or
    ``advice``; ``score``: confidence in 0..1; ``start``, ``end``: offsets of the evidence;
    ``evidence``: the sentence that states the reason; ``cues``: what made the decision
    (``problem:underpaid``, ``leave:quit`` ...).

``themes.csv`` (one row per theme mention, sorted by ``essay_id``, ``start``, ``code``)
    ``essay_id``; ``code``: theme id (every codebook code is a theme); ``label``; ``start``,
    ``end``: offsets of the sentence; ``is_reason``: whether the same sentence gives this code
    as a reason for leaving; ``compound``: the sentence's sentiment (aspect sentiment of the
    mention, -1..1; empty without sentiment); ``evidence``: the sentence; ``cues``: the phrases
    that matched.

``sentences.csv`` (one row per scored sentence, sorted by ``essay_id``, ``start``)
    ``essay_id``; ``sentence``: its number in the essay (from 0); ``start``, ``end``;
    ``compound`` (-1..1), ``neg``, ``neu``, ``pos`` (0..1); ``phrases``: the words and phrases
    that moved the score, as ``phrase (+weight)`` in text order (VADER's -4..4 scale after
    negation, boosters and contrast); ``text``: the sentence.

``lessons.csv`` (one row per lesson passage, sorted by ``essay_id``, ``start``)
    ``essay_id``; ``start``, ``end``; ``kind``: ``lesson`` (drawn from the author's own
    experience), ``advice`` (to the reader) or ``insight`` (a generalisation); ``score``:
    confidence in 0..1; ``lesson``: the label of the recurring lesson the passage belongs to
    (empty when none was modelled or assigned); ``text``: the passage; ``cues``: what made the
    decision.

The chart functions of :mod:`careertext.report.charts` return matplotlib Figures for notebooks;
the tables are also available as DataFrames from :mod:`careertext.report.tables`.
"""

from __future__ import annotations

from .build import ReportResult, corpus_fingerprint, report

__all__ = ["ReportResult", "corpus_fingerprint", "report"]
