"""Themes: what each sentence talks about, whether or not it is a reason for leaving.

Every codebook code is a theme; theme-only codes (``job_search``, ``education``,
``company_type``, ``labor_market``) are never reasons. The ``careertext_themes`` component marks
at most one mention per theme and sentence unit, with the cue phrases that matched.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .base import DocComponent, PlainData
from .codebook import Codebook, resolve_codebook
from .errors import check_text
from .matching import CueMatcher, sentence_units, unit_index

__all__ = [
    "ThemeMention", "ThemeTagger", "extract_themes", "extract_themes_many", "theme_cooccurrence",
    "theme_summary",
]


@dataclass(frozen=True)
class ThemeMention(PlainData):
    """A sentence that mentions a theme.

    Attributes
    ----------
    code : str
        Theme id (a codebook id).
    label : str
        Readable name.
    evidence : str
        The sentence, ``text[start:end]``.
    start, end : int
        Character offsets of the sentence.
    cues : tuple of str
        The phrases that matched.
    """

    code: str
    label: str
    evidence: str
    start: int
    end: int
    cues: tuple[str, ...] = ()


def themes_from_data(obj: Doc | Span) -> tuple[ThemeMention, ...]:
    """Getter of ``doc._.themes`` / ``span._.themes``."""
    doc = obj.doc if isinstance(obj, Span) else obj
    lo, hi = (obj.start_char, obj.end_char) if isinstance(obj, Span) else (0, len(doc.text))
    return tuple(ThemeMention.from_data(d, doc.text) for d in (doc._.ct_themes or [])
                 if lo <= d["start"] and d["end"] <= hi)


class ThemeTagger(DocComponent):
    """spaCy component made by ``nlp.add_pipe("careertext_themes")``; see :mod:`careertext.themes`.

    Parameters
    ----------
    nlp : Language
        The pipeline.
    name : str
        Component name.
    codebook : str, Codebook or None
        A codebook (or its path); None for the bundled one.
    """

    def __init__(self, nlp: Language, name: str = "careertext_themes", *,
                 codebook: str | Codebook | None = None) -> None:
        self.name = name
        self.codebook = resolve_codebook(codebook)
        self.matcher = CueMatcher.shared(nlp, self.codebook)

    data_attr = "ct_themes"

    def find(self, doc: Doc) -> list[dict[str, Any]]:
        """Theme mentions of ``doc`` as plain dicts, sorted by position then code."""
        units = list(sentence_units(doc))
        unit_of = unit_index(units)
        found: dict[tuple[int, str], list[str]] = {}
        for hit in self.matcher(doc):
            k = unit_of.get(hit.start)
            if k is None or hit.kind not in ("cue", "problem"):
                continue
            cue = doc[hit.start:hit.end].text
            found.setdefault((k, hit.key), [])
            if cue not in found[(k, hit.key)]:
                found[(k, hit.key)].append(cue)
        return [
            {"code": code, "label": self.codebook.label(code), "start": units[k].start_char,
             "end": units[k].end_char, "cues": cues}
            for (k, code), cues in sorted(found.items())
        ]


def extract_themes(text: str, *, nlp: Language | str | None = None) -> list[ThemeMention]:
    """Return the theme mentions of a text, one per theme and sentence.

    Examples
    --------
    >>> [m.code for m in extract_themes("The interviews went well. The salary was fair.")]
    ['job_search', 'compensation']
    """
    check_text(text)
    return next(extract_themes_many([text], nlp=nlp))


def extract_themes_many(texts: Iterable[str], *, nlp: Language | str | None = None,
                        n_process: int = 1, batch_size: int = 64) -> Iterator[list[ThemeMention]]:
    """Stream :func:`extract_themes` over many texts (long texts in chunks, offsets kept)."""
    from .pipeline import pipe_texts, shifted, with_components

    pipeline = with_components(nlp, ["careertext_themes"])
    for text, parts in pipe_texts(pipeline, texts, n_process=n_process, batch_size=batch_size):
        out = [ThemeMention.from_data(d, text) for d in shifted(parts, lambda doc: doc._.ct_themes)]
        yield out


def theme_summary(mentions: Iterable[ThemeMention],
                  n_sentences: int) -> dict[str, dict[str, float]]:
    """Per theme: the number of sentences that mention it and their share of ``n_sentences``.

    Examples
    --------
    >>> ms = extract_themes("The salary was fair. I liked the pay. My boss was kind.")
    >>> theme_summary(ms, 3)["compensation"]
    {'count': 2, 'share': 0.6667}
    """
    counts = Counter(m.code for m in mentions)
    return {code: {"count": n, "share": round(n / n_sentences, 4) if n_sentences else 0.0}
            for code, n in sorted(counts.items())}


def theme_cooccurrence(essay_themes: Iterable[Iterable[ThemeMention]], *,
                       level: str = "essay"):
    """Theme co-occurrence across a corpus as a square pandas DataFrame.

    Parameters
    ----------
    essay_themes : iterable of iterables of ThemeMention
        The mentions of each essay.
    level : {"essay", "sentence"}
        Count pairs that appear in the same essay, or in the same sentence.

    Returns
    -------
    pandas.DataFrame
        ``df.loc[a, b]``: the number of essays (or sentences) mentioning both; the diagonal holds
        the number mentioning ``a``.
    """
    import pandas as pd

    if level not in ("essay", "sentence"):
        raise ValueError("level must be 'essay' or 'sentence'")
    groups: list[set[str]] = []
    for mentions in essay_themes:
        mentions = list(mentions)
        if level == "essay":
            groups.append({m.code for m in mentions})
        else:
            by_sent: dict[tuple[int, int], set[str]] = {}
            for m in mentions:
                by_sent.setdefault((m.start, m.end), set()).add(m.code)
            groups.extend(by_sent.values())
    pairs: Counter = Counter((a, b) for g in groups for a in g for b in g)
    codes = sorted(set().union(*groups)) if groups else []
    return pd.DataFrame([[pairs[(a, b)] for b in codes] for a in codes], index=codes,
                        columns=codes, dtype="int64")
