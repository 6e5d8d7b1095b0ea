"""The records a corpus load produces and passes between its modules: :class:`Essay` (one
loaded essay) and :class:`Skip` (a file or table row that was not loaded, and why), both
re-exported by :mod:`careertext.corpus`; and two internal ones, ``_Options`` (the validated
options of a :func:`careertext.corpus.load_corpus` call) and ``_Skipped`` (the exception that
skips a whole file)."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Skip:
    """A file or table row that was not loaded, and why.

    Attributes
    ----------
    source : str
        The file's path.
    row : int or None
        The table row (1-based record number after the header for CSV, the line number for JSON
        Lines), or ``None`` when the whole file was skipped.
    reason : str
        One of :data:`SKIP_REASONS`.
    detail : str
        A readable explanation.
    """

    source: str
    row: int | None
    reason: str
    detail: str = ""


@dataclass(frozen=True)
class Essay:
    """One loaded essay.

    Attributes
    ----------
    id : str
        Stable identifier: the file name without extension (a relative path when two files share
        a name); for tables the id column's value or ``<file stem>-<row>``. Unique in a corpus
        (a repeated id gets a ``-2``, ``-3`` ... suffix).
    text : str
        The cleaned text (see :func:`careertext.cleaning.clean_text`).
    title, author : str or None
        From front matter, HTML or table columns.
    date : str or None
        ``YYYY-MM-DD`` when the date could be parsed, else the raw string.
    source : str
        The file's path.
    row : int or None
        The table row (see :class:`Skip`), ``None`` for one-essay files.
    metadata : dict
        Everything else (front-matter keys, other table columns, the HTML canonical URL).
    removed : tuple of str
        The boilerplate lines cleaning removed.
    encoding : str or None
        The detected encoding (``"utf-8"``, ``"utf-8-sig"``, ``"utf-16"``, ``"cp1252"`` ...).

    Examples
    --------
    >>> essay = Essay(id="a", text="I quit my job in May.", title="Leaving")
    >>> essay.words
    6
    >>> essay.to_dict()["title"]
    'Leaving'
    """

    id: str
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    source: str | None = None
    row: int | None = None
    metadata: dict[str, Any] = field(default_factory=dict, hash=False)
    removed: tuple[str, ...] = ()
    encoding: str | None = None

    @property
    def words(self) -> int:
        """Number of whitespace-separated words in :attr:`text`."""
        return len(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form (JSON-serialisable when the metadata is)."""
        return {
            "id": self.id, "text": self.text, "title": self.title, "author": self.author,
            "date": self.date, "source": self.source, "row": self.row,
            "metadata": dict(self.metadata), "removed": list(self.removed),
            "encoding": self.encoding,
        }

    def _repr_html_(self) -> str:
        excerpt = self.text[:300] + ("…" if len(self.text) > 300 else "")
        title = html.escape(self.title or self.id)
        meta = f"id {html.escape(self.id)} · {self.words:,} words"
        if self.date:
            meta += f" · {html.escape(self.date)}"
        if self.removed:
            meta += f" · {len(self.removed)} boilerplate line(s) removed"
        return (
            f'<div class="careertext-essay"><strong>{title}</strong><br>'
            f"<small>{meta}</small>"
            f'<p style="white-space: pre-wrap">{html.escape(excerpt)}</p></div>'
        )


@dataclass(frozen=True)
class _Options:
    text_columns: tuple[str, ...] | None
    joiner: str
    id_column: str | None
    title_column: str | None
    date_column: str | None
    author_column: str | None
    dedupe: bool
    max_bytes: int
    remove_boilerplate: bool
    dayfirst: bool | None


class _Skipped(Exception):
    """Internal: a whole file is skipped."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail
