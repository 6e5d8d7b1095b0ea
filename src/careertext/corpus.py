"""Loading a corpus of essays from files: text, Markdown, HTML, CSV and JSON Lines.

:func:`load_corpus` takes a directory, a file, a glob or a list of these and returns a lazy
:class:`Corpus`: iterating it reads one file at a time (and streams table rows), cleans each text
with :func:`careertext.cleaning.clean_text`, drops exact duplicates, and yields :class:`Essay`
objects. Nothing is lost silently: every file or table row that is not loaded is recorded in
:attr:`Corpus.skipped` as a :class:`Skip` with one of the reasons in :data:`SKIP_REASONS`.

Supported formats
-----------------
``.txt``
    Plain text.
``.md``, ``.markdown``
    Markdown with optional YAML front matter (see :func:`split_front_matter`): ``title``,
    ``author`` and ``date`` become essay fields, every other key (``url``, ``tags``, ...) goes to
    ``metadata``. Without a front-matter title, a leading ``# Heading`` is the title.
``.html``, ``.htm``
    The main text of the page: ``<article>`` (the longest one) or ``<main>`` when present, else
    ``<body>``; scripts, styles, navigation, headers, footers, asides and forms are dropped and
    block elements are separated by blank lines. The title is ``<title>`` (else the first
    ``<h1>``); ``<meta name="author">``, the publication date and the canonical URL are read.
``.csv``, ``.csv.gz``, ``.jsonl``, ``.jsonl.gz``, ``.ndjson``
    One essay per row, with a column mapping (``text_columns``, ``id_column``, ...). Other
    columns go to ``metadata``. HTML entities such as ``&amp;`` in cell values are unescaped.

Manifests
---------
A table with a ``file`` column (or ``path``, ``filename``, ``file_name``) and no text column
is a *manifest*: each row describes the essay in that file (a path relative to the manifest's
folder). Its ``title``, ``author`` and date (``date``, ..., else ``year``) fill the fields the
file leaves empty, its other columns go to the essay's ``metadata`` (the file's own keys win),
and a listed file that was not among the sources is loaded too, so ``load_corpus("manifest.csv")``
reads the essays it lists. A row naming a missing file is skipped as ``unreadable``; the
manifests themselves are listed in :attr:`Corpus.manifests`, not loaded as essays.
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import glob
import gzip
import hashlib
import html
import io
import json
import os
import re
import stat
import warnings
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import yaml

from .cleaning import clean_text
from .errors import CorpusError, InputError, check_text

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SKIP_REASONS",
    "SUPPORTED_EXTENSIONS",
    "Corpus",
    "Essay",
    "Skip",
    "load_corpus",
    "split_front_matter",
]

DEFAULT_MAX_BYTES = 200_000_000
"""Files larger than this (200 MB) are skipped with reason ``"too_large"``."""

SKIP_REASONS = (
    "unreadable", "binary", "empty", "undecodable", "malformed_row", "duplicate", "too_large",
    "unsupported",
)
"""Why a file or a table row was not loaded (the ``reason`` of a :class:`Skip`).

``unreadable``
    The file could not be read (an ``OSError``, e.g. permissions, a broken link, a corrupt gzip).
``binary``
    The file holds NUL bytes or is mostly not text.
``empty``
    Nothing is left after cleaning (or a table has no data rows, or the text cell is empty,
    ``[removed]`` or ``[deleted]``).
``undecodable``
    The file is not UTF-8 and no other encoding was detected with confidence.
``malformed_row``
    A CSV/JSONL row cannot be parsed or lacks the text column.
``duplicate``
    Same (whitespace-normalised) text as an essay loaded earlier; ``detail`` names its id.
``too_large``
    The file is bigger than ``max_bytes``.
``unsupported``
    The file extension is not supported, or the path is not a regular file.
"""

_KINDS = {
    ".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
    ".csv": "csv", ".csv.gz": "csv", ".jsonl": "jsonl", ".jsonl.gz": "jsonl",
    ".ndjson": "jsonl", ".ndjson.gz": "jsonl",
}
SUPPORTED_EXTENSIONS = tuple(_KINDS)
"""File extensions :func:`load_corpus` reads (case-insensitive)."""

_TABLE_KINDS = ("csv", "jsonl")
_DEFAULT_TEXT_COLUMNS = ("text", "body", "content", "selftext")
_DEFAULT_TITLE_COLUMNS = ("title",)
_DEFAULT_ID_COLUMNS = ("id",)
_DEFAULT_DATE_COLUMNS = ("date", "date_created", "created_at", "published")
_DEFAULT_AUTHOR_COLUMNS = ("author",)
_DEFAULT_FILE_COLUMNS = ("file", "path", "filename", "file_name")
_PLACEHOLDERS = {"[removed]", "[deleted]"}
_PREFERRED_ENCODINGS = ("cp1252", "latin_1", "iso8859_15")
_SAMPLE_BYTES = 1 << 18  # bytes read to detect a table's encoding
_CSV_FIELD_LIMIT = 1 << 30
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


# ----------------------------------------------------------------------------------------------
# Data classes
# ----------------------------------------------------------------------------------------------


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


@dataclass(frozen=True)
class _PassResult:
    essays: int
    words: int
    skipped: tuple[Skip, ...]
    ids: tuple[str, ...]


class _Skipped(Exception):
    """Internal: a whole file is skipped."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


# ----------------------------------------------------------------------------------------------
# The corpus
# ----------------------------------------------------------------------------------------------


class Corpus:
    """A lazy collection of essays; create it with :func:`load_corpus`.

    Iterating reads the input files one at a time, in a deterministic order, and streams table
    rows, so a large corpus is never held in memory. Every iteration re-reads the files.

    The counts (``len()``, :meth:`summary`), :attr:`skipped` and :attr:`ids` come from a full
    pass: the first complete iteration records them, and asking for them before any complete
    pass makes one (reading every file once without keeping the essays). They are cached, so
    later changes to the files are not seen by them.

    Note that ``list(corpus)`` asks for ``len()`` first: on a fresh corpus that reads the files
    twice. Use ``[*iter(corpus)]`` or :meth:`to_frame` to read them once.
    """

    def __init__(self, paths: Sequence[Path], file_ids: Sequence[str], options: _Options,
                 scan_skips: Sequence[Skip] = (), manifest: _Manifest | None = None) -> None:
        self._paths = tuple(paths)
        self._file_ids = tuple(file_ids)
        self._options = options
        self._scan_skips = tuple(scan_skips)
        self._manifest = manifest or _Manifest((), {})
        self._result: _PassResult | None = None

    # iteration --------------------------------------------------------------------------------

    @property
    def paths(self) -> tuple[Path, ...]:
        """The input files, in reading order."""
        return self._paths

    @property
    def manifests(self) -> tuple[Path, ...]:
        """The manifest tables whose rows describe the input files (not read as essays)."""
        return self._manifest.paths

    def __iter__(self) -> Iterator[Essay]:
        return self._pass()

    def _pass(self) -> Iterator[Essay]:
        opts = self._options
        skipped: list[Skip] = list(self._scan_skips)
        kept_by_hash: dict[bytes, str] = {}
        ids: list[str] = []
        seen_ids: set[str] = set()
        words = 0
        for path, file_id in zip(self._paths, self._file_ids, strict=True):
            described = self._manifest.rows.get(_path_key(path))
            for item in _read_path(path, file_id, opts):
                if isinstance(item, Skip):
                    skipped.append(item)
                    continue
                if described is not None:
                    item = described.fill(item)
                key = _text_key(item.text)
                if opts.dedupe and key in kept_by_hash:
                    skipped.append(Skip(item.source or str(path), item.row, "duplicate",
                                        f"same text as essay {kept_by_hash[key]!r}"))
                    continue
                essay = item
                if essay.id in seen_ids:
                    n = 2
                    while f"{essay.id}-{n}" in seen_ids:
                        n += 1
                    essay = _replace_id(essay, f"{essay.id}-{n}")
                seen_ids.add(essay.id)
                kept_by_hash.setdefault(key, essay.id)
                ids.append(essay.id)
                words += essay.words
                yield essay
        self._result = _PassResult(len(ids), words, tuple(skipped), tuple(ids))

    def _full(self) -> _PassResult:
        if self._result is None:
            for _ in self._pass():
                pass
        assert self._result is not None
        return self._result

    def __len__(self) -> int:
        return self._full().essays

    @property
    def skipped(self) -> tuple[Skip, ...]:
        """Every input file or table row that was not loaded, in reading order.

        Complete after a full pass; asking for it before any complete pass makes one.
        """
        return self._full().skipped

    @property
    def ids(self) -> tuple[str, ...]:
        """The essay ids, in reading order (makes a full pass if none was done)."""
        return self._full().ids

    def __getitem__(self, key: str | int) -> Essay:
        """The essay with id ``key`` (a str), or at position ``key`` (an int)."""
        if isinstance(key, bool) or not isinstance(key, (str, int)):
            raise InputError("E026", f"A corpus is indexed by essay id (str) or position (int), "
                             f"not {type(key).__name__}.", "Use corpus['my-essay'] or corpus[0].")
        if isinstance(key, int):
            index = key + len(self) if key < 0 else key
            if index >= 0:
                for i, essay in enumerate(self):
                    if i == index:
                        return essay
            raise IndexError(f"corpus index {key} out of range")
        for essay in self:
            if essay.id == key:
                return essay
        raise KeyError(key)

    # summaries --------------------------------------------------------------------------------

    def to_frame(self) -> pd.DataFrame:
        """One row per essay (one pass over the files).

        Columns: ``id``, ``title``, ``author``, ``date``, ``source``, ``row``, ``words``,
        ``text``, ``n_removed``, ``encoding`` and ``metadata`` (a dict per row).
        """
        import pandas as pd

        columns = ["id", "title", "author", "date", "source", "row", "words", "text",
                   "n_removed", "encoding", "metadata"]
        records = [
            (e.id, e.title, e.author, e.date, e.source, e.row, e.words, e.text,
             len(e.removed), e.encoding, dict(e.metadata))
            for e in self
        ]
        frame = pd.DataFrame.from_records(records, columns=columns)
        frame["row"] = frame["row"].astype("Int64")
        return frame

    def summary(self) -> dict[str, Any]:
        """Counts: ``essays``, ``words``, ``skipped`` (by reason), ``sources`` (input files)
        and ``manifests``."""
        result = self._full()
        by_reason = Counter(s.reason for s in result.skipped)
        return {
            "essays": result.essays,
            "words": result.words,
            "skipped": {r: by_reason[r] for r in SKIP_REASONS if by_reason[r]},
            "sources": len(self._paths),
            "manifests": len(self._manifest.paths),
        }

    def __repr__(self) -> str:
        done = "" if self._result is None else f", {self._result.essays} essays"
        return f"<Corpus: {len(self._paths)} files{done}>"

    def _repr_html_(self) -> str:
        parts = ['<div class="careertext-corpus">']
        if self._result is None:
            parts.append(f"<strong>Corpus</strong>: {len(self._paths):,} input files (not read "
                         "in full yet; <code>summary()</code> counts essays and skips)")
        else:
            s = self.summary()
            skipped = ", ".join(f"{html.escape(r)} {n:,}" for r, n in s["skipped"].items())
            parts.append(f"<strong>Corpus</strong>: {s['essays']:,} essays, {s['words']:,} "
                         f"words from {s['sources']:,} files; skipped: {skipped or 'none'}")
        rows = []
        for i, essay in enumerate(self):
            if i == 5:
                break
            excerpt = essay.text[:120] + ("…" if len(essay.text) > 120 else "")
            rows.append(f"<tr><td>{html.escape(essay.id)}</td>"
                        f"<td>{html.escape(essay.title or '')}</td><td>{essay.words:,}</td>"
                        f"<td>{html.escape(excerpt)}</td></tr>")
        if rows:
            parts.append("<table><thead><tr><th>id</th><th>title</th><th>words</th>"
                         "<th>text</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
        parts.append("</div>")
        return "".join(parts)


def _replace_id(essay: Essay, new_id: str) -> Essay:
    return replace(essay, id=new_id)


def _text_key(text: str) -> bytes:
    normalised = " ".join(text.split())
    return hashlib.blake2b(normalised.encode("utf-8", "surrogatepass"), digest_size=16).digest()


# ----------------------------------------------------------------------------------------------
# load_corpus
# ----------------------------------------------------------------------------------------------


def load_corpus(
    source: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    text_columns: str | Sequence[str] | None = None,
    joiner: str = "\n\n",
    id_column: str | None = None,
    title_column: str | None = None,
    date_column: str | None = None,
    author_column: str | None = None,
    dedupe: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    remove_boilerplate: bool = True,
    dayfirst: bool | None = None,
) -> Corpus:
    """Load essays from files, directories and globs, lazily.

    Parameters
    ----------
    source : str, path-like, or an iterable of them
        A directory (read recursively; hidden files and directories are ignored), a file, or a
        glob pattern (``"posts/**/*.md"``). In a list, sources are read in the order given, each
        directory or glob in sorted order; a file reached twice is read once.
    text_columns : str or sequence of str, optional
        Table columns holding the text; several are joined with ``joiner`` (empty cells are
        left out), e.g. ``["summary", "pros", "cons"]``. Default: the first of ``text``,
        ``body``, ``content``, ``selftext``. Column names match exactly, else ignoring case.
    joiner : str, default "\\n\\n"
        Joins the parts of a multi-column text.
    id_column : str, optional
        Column with the essay id. Default: ``id`` if present, else ``<file stem>-<row>``.
    title_column, date_column, author_column : str, optional
        Defaults: ``title``; the first of ``date``, ``date_created``, ``created_at``,
        ``published``; ``author``.
    dedupe : bool, default True
        Skip essays whose text (whitespace-normalised) equals an earlier essay's, with reason
        ``"duplicate"``.
    max_bytes : int, default 200_000_000
        Skip larger files (reason ``"too_large"``). A file within the limit is kept whole.
    remove_boilerplate : bool, default True
        Remove blog boilerplate lines (see :func:`careertext.cleaning.clean_text`).
    dayfirst : bool, optional
        How to read an ambiguous numeric date such as ``03/04/2020``. ``None`` (default) keeps
        such a date as the raw string; dates such as ``25/12/2024`` are never ambiguous.

    Returns
    -------
    Corpus
        Lazy: files are listed now and read when the corpus is iterated (manifests, see the
        module's documentation, are read now).

    Raises
    ------
    InputError
        If ``source`` or an option has the wrong type (E022, E026).
    CorpusError
        If a path does not exist or a glob matches nothing (E023, E024), an option value is
        invalid (E027), or a named column is in none of the tables (E025).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "why-i-left.md").write_text(
    ...     "---\\ntitle: Why I Left\\ndate: 2024-05-01\\n---\\n5 min read\\n\\nI quit in May.\\n")
    >>> _ = (folder / "notes.pdf").write_bytes(b"%PDF-1.7")
    >>> corpus = load_corpus(folder)
    >>> essay = next(iter(corpus))
    >>> essay.id, essay.title, essay.date, essay.text, essay.removed
    ('why-i-left', 'Why I Left', '2024-05-01', 'I quit in May.', ('5 min read',))
    >>> [(s.reason, Path(s.source).name) for s in corpus.skipped]
    [('unsupported', 'notes.pdf')]
    """
    options = _validate_options(
        text_columns=text_columns, joiner=joiner, id_column=id_column,
        title_column=title_column, date_column=date_column, author_column=author_column,
        dedupe=dedupe, max_bytes=max_bytes, remove_boilerplate=remove_boilerplate,
        dayfirst=dayfirst,
    )
    paths, scan_skips = _expand_sources(source)
    headers: dict[Path, list[str] | None] = {}  # each table's header is read once
    paths, manifest = _read_manifests(paths, options, scan_skips, headers)
    _check_named_columns(paths, options, headers)
    return Corpus(paths, _file_ids(paths), options, scan_skips, manifest)


def _validate_options(**kw: Any) -> _Options:
    def type_error(name: str, wanted: str) -> InputError:
        value = kw[name]
        return InputError("E026", f"{name} must be {wanted}, not {type(value).__name__}.",
                          f"Check the {name}= argument of load_corpus.")

    def value_error(name: str, problem: str) -> CorpusError:
        return CorpusError("E027", f"Invalid {name}: {problem}.",
                           f"Check the {name}= argument of load_corpus.")

    text_columns = kw["text_columns"]
    if text_columns is not None:
        if isinstance(text_columns, str):
            text_columns = (text_columns,)
        elif isinstance(text_columns, (list, tuple)) and all(
                isinstance(c, str) for c in text_columns):
            text_columns = tuple(text_columns)
        else:
            raise type_error("text_columns", "a str or a list of str")
        if not text_columns or not all(c.strip() for c in text_columns):
            raise value_error("text_columns", "give at least one non-empty column name")
    for name in ("id_column", "title_column", "date_column", "author_column"):
        value = kw[name]
        if value is not None and not isinstance(value, str):
            raise type_error(name, "a str or None")
        if isinstance(value, str) and not value.strip():
            raise value_error(name, "the column name is empty")
    if not isinstance(kw["joiner"], str):
        raise type_error("joiner", "a str")
    for name in ("dedupe", "remove_boilerplate"):
        if not isinstance(kw[name], bool):
            raise type_error(name, "True or False")
    if kw["dayfirst"] is not None and not isinstance(kw["dayfirst"], bool):
        raise type_error("dayfirst", "True, False or None")
    max_bytes = kw["max_bytes"]
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int):
        raise type_error("max_bytes", "an int")
    if max_bytes <= 0:
        raise value_error("max_bytes", f"{max_bytes} is not a positive number of bytes")
    return _Options(
        text_columns=text_columns, joiner=kw["joiner"], id_column=kw["id_column"],
        title_column=kw["title_column"], date_column=kw["date_column"],
        author_column=kw["author_column"], dedupe=kw["dedupe"], max_bytes=max_bytes,
        remove_boilerplate=kw["remove_boilerplate"], dayfirst=kw["dayfirst"],
    )


# ----------------------------------------------------------------------------------------------
# Finding the files
# ----------------------------------------------------------------------------------------------


def _source_items(source: Any) -> list[str | os.PathLike[str]]:
    hint = ("Pass a path (str or pathlib.Path) to a file or directory, a glob pattern, or a list "
            "of these.")
    if isinstance(source, (str, os.PathLike)):
        items: list[Any] = [source]
    elif isinstance(source, (bytes, bytearray, memoryview, dict)) or not isinstance(
            source, Iterable):
        raise InputError("E022", f"source must be a path, a glob or a list of them, not "
                         f"{type(source).__name__}.", hint)
    else:
        items = list(source)
    for item in items:
        if not isinstance(item, (str, os.PathLike)) or isinstance(os.fspath(item), bytes):
            raise InputError("E022", f"Every source must be a str or path-like, not "
                             f"{type(item).__name__} ({item!r:.60}).", hint)
    return items


def _expand_sources(source: Any) -> tuple[list[Path], list[Skip]]:
    paths: list[Path] = []
    scan_skips: list[Skip] = []
    seen: set[str] = set()

    def add(path: Path) -> None:
        key = _path_key(path)
        if key not in seen:
            seen.add(key)
            paths.append(path)

    for item in _source_items(source):
        path = Path(item)
        try:
            is_dir, exists = path.is_dir(), path.exists() or path.is_symlink()
        except (OSError, ValueError):
            is_dir = exists = False
        if is_dir:
            for found in _scan_dir(path, scan_skips):
                add(found)
        elif exists:
            add(path)
        elif isinstance(item, str) and glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise CorpusError("E024", f"The glob {item!r} matches no files.",
                                  f"Check the pattern (relative to {os.getcwd()}); use '**' to "
                                  "match in subdirectories, e.g. 'posts/**/*.md'.")
            for match in matches:
                if os.path.isdir(match):
                    for found in _scan_dir(Path(match), scan_skips):
                        add(found)
                else:
                    add(Path(match))
        else:
            raise CorpusError("E023", f"The corpus source {str(item)!r} does not exist.",
                              f"Check the path; a relative path is resolved from the current "
                              f"directory, {os.getcwd()}.")
    return paths, scan_skips


def _path_key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


def _scan_dir(root: Path, scan_skips: list[Skip]) -> list[Path]:
    """All non-hidden files under ``root``, sorted by relative path."""
    found: list[tuple[tuple[str, ...], Path]] = []

    def onerror(exc: OSError) -> None:
        scan_skips.append(Skip(str(exc.filename or root), None, "unreadable",
                               f"cannot list the directory: {exc.strerror or exc}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        base = Path(dirpath)
        rel = base.relative_to(root).parts
        for name in filenames:
            if name.startswith("."):
                continue
            not_essay = _not_an_essay(name)
            if not_essay:  # recorded, never silently dropped
                scan_skips.append(Skip(str(base / name), None, "unsupported", not_essay))
                continue
            found.append(((*rel, name), base / name))
    found.sort(key=lambda pair: pair[0])
    return [p for _, p in found]


_DOC_FILES = re.compile(r"(?i)(readme|licen[cs]e|changelog|contributing|authors)(\.\w+)?")
_GOLD_FILES = re.compile(r"(?i)(.*[._-])?gold\.jsonl")


def _not_an_essay(name: str) -> str | None:
    """Why a file found in a directory scan is not an essay (None if it may be one)."""
    if _DOC_FILES.fullmatch(name):
        return "a documentation file (README, LICENSE, ...), not an essay"
    if _GOLD_FILES.fullmatch(name):
        return "a gold annotation file, not an essay"
    return None


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    for ext in (".csv.gz", ".jsonl.gz", ".ndjson.gz"):
        if name.endswith(ext):
            return _KINDS[ext]
    return _KINDS.get(Path(name).suffix)


def _stem(path: Path) -> str:
    name = path.name
    lower = name.lower()
    for ext in sorted(_KINDS, key=len, reverse=True):
        if lower.endswith(ext) and len(name) > len(ext):
            return name[: -len(ext)]
    return path.stem or name


def _file_ids(paths: Sequence[Path]) -> list[str]:
    """File stems; relative paths (from the files' common folder) where stems collide."""
    stems = [_stem(p) for p in paths]
    counts = Counter(stems)
    ids = list(stems)
    groups: dict[str, list[int]] = {}
    for i, stem in enumerate(stems):
        if counts[stem] > 1:
            groups.setdefault(stem, []).append(i)
    for stem, members in groups.items():
        absolute = [os.path.abspath(paths[i]) for i in members]
        try:
            base = os.path.commonpath([os.path.dirname(a) for a in absolute])
        except ValueError:  # different drives
            base = ""
        candidates = []
        for a in absolute:
            rel_dir = Path(os.path.relpath(os.path.dirname(a), base)) if base else Path(
                os.path.dirname(a))
            candidates.append((rel_dir / stem).as_posix().removeprefix("./"))
        if len(set(candidates)) < len(candidates):  # same folder, different extensions
            candidates = [
                (Path(c).parent / paths[i].name).as_posix().removeprefix("./")
                for i, c in zip(members, candidates, strict=True)
            ]
        for i, candidate in zip(members, candidates, strict=True):
            ids[i] = candidate
    return ids


# ----------------------------------------------------------------------------------------------
# Reading one file
# ----------------------------------------------------------------------------------------------


def _read_file_bytes(path: Path) -> bytes:
    """Read a whole file (a separate function so tests can count reads)."""
    with open(path, "rb") as handle:
        return handle.read()


def _read_path(path: Path, file_id: str, opts: _Options) -> Iterator[Essay | Skip]:
    src = str(path)
    kind = _kind(path)
    if kind is None:
        ext = "".join(path.suffixes[-2:]) or "(none)"
        yield Skip(src, None, "unsupported", f"unknown file extension {ext}; supported: "
                   f"{', '.join(SUPPORTED_EXTENSIONS)}")
        return
    try:
        info = os.stat(path)
    except OSError as exc:
        yield Skip(src, None, "unreadable", _os_detail(exc))
        return
    if not stat.S_ISREG(info.st_mode):
        yield Skip(src, None, "unsupported", "not a regular file")
        return
    if info.st_size > opts.max_bytes:
        yield Skip(src, None, "too_large", f"{info.st_size:,} bytes, more than max_bytes="
                   f"{opts.max_bytes:,}; pass a larger max_bytes to load it")
        return
    if kind in _TABLE_KINDS:
        yield from _read_table(path, kind, file_id, opts)
        return
    try:
        data = _read_file_bytes(path)
        text, encoding = _decode(data)
        essay = _parse_document(text, kind, file_id, src, encoding, opts)
    except OSError as exc:
        yield Skip(src, None, "unreadable", _os_detail(exc))
    except _Skipped as skip:
        yield Skip(src, None, skip.reason, skip.detail)
    else:
        yield essay


def _os_detail(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return f"{type(exc).__name__}: {exc}"


def _bom_encoding(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _detect(data: bytes, complete: bool) -> str:
    """The encoding of ``data`` (the whole file when ``complete``, else a prefix of it)."""
    bom = _bom_encoding(data)
    if bom:
        return bom
    if b"\x00" in data:
        raise _Skipped("binary", "the file contains NUL bytes")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=complete)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    try:
        results = from_bytes(data)
        match = results.best()
    except Exception as exc:  # noqa: BLE001 - a detector failure means "not detected"
        raise _Skipped("undecodable", f"encoding detection failed: {exc}") from exc
    if match is None or not match.encoding:
        raise _Skipped("undecodable", "not UTF-8, and no other encoding was detected with "
                       "confidence")
    # Equally good candidates (cp1250 and cp1252 often tie): prefer the Western ones.
    tied = [m for m in results
            if abs(m.chaos - match.chaos) < 1e-9 and abs(m.coherence - match.coherence) < 1e-9]
    for preferred in _PREFERRED_ENCODINGS:
        if any(m.encoding == preferred or preferred in m.could_be_from_charset for m in tied):
            return preferred
    return match.encoding


def _decode(data: bytes) -> tuple[str, str]:
    encoding = _detect(data, complete=True)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise _Skipped("undecodable", f"cannot decode as {encoding}: {exc}") from exc
    if encoding.startswith(("utf-16", "utf-32")) and "\x00" in text:
        raise _Skipped("binary", "the file contains NUL characters")
    if _mostly_binary(text):
        raise _Skipped("binary", f"mostly control characters once decoded as {encoding}")
    return text.lstrip("\ufeff"), encoding


def _mostly_binary(text: str) -> bool:
    sample = text[:100_000]
    if not sample:
        return False
    bad = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\r\f\v")
              or "\x7f" <= ch <= "\x9f" or ch == "\ufffd")
    return bad / len(sample) > 0.1


def _parse_document(text: str, kind: str, file_id: str, src: str, encoding: str,
                    opts: _Options) -> Essay:
    title = author = date = None
    metadata: dict[str, Any] = {}
    if kind == "markdown":
        front, body = split_front_matter(text)
        metadata = dict(front)
        title = _field_str(metadata.pop("title", None))
        author = _field_str(metadata.pop("author", None) or metadata.pop("authors", None))
        date = _iso_date(metadata.pop("date", None), opts.dayfirst)
        if title is None:
            first = next((line for line in body.split("\n") if line.strip()), "")
            if first.startswith("# "):
                title = _field_str(first[2:])
        text = body
    elif kind == "html":
        text, title, author, raw_date, metadata = _parse_html(text)
        date = _iso_date(raw_date, opts.dayfirst)
    result = clean_text(text, remove_boilerplate=opts.remove_boilerplate)
    if not result.text.strip():
        detail = "no text left after cleaning"
        if result.removed:
            detail += f" ({len(result.removed)} boilerplate line(s) removed)"
        raise _Skipped("empty", detail)
    return Essay(id=file_id, text=result.text, title=title, author=author, date=date,
                 source=src, row=None, metadata=metadata, removed=result.removed,
                 encoding=encoding)


# ----------------------------------------------------------------------------------------------
# Front matter, fields and dates
# ----------------------------------------------------------------------------------------------


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split YAML front matter from a Markdown text.

    Front matter is recognised only when the text starts with a ``---`` line and a later line is
    ``---``. Malformed YAML (or YAML that is not a mapping) does not raise: the result is
    ``{"front_matter_error": <message>, "front_matter": <raw text>}`` and the body is still
    returned. Dates in the YAML become ISO strings. Line ends are normalised to ``\\n``.

    Parameters
    ----------
    text : str
        The document.

    Returns
    -------
    tuple of (dict, str)
        The front matter (empty when there is none) and the body.

    Examples
    --------
    >>> split_front_matter("---\\ntitle: Leaving\\ntags: [a, b]\\n---\\nBody.\\n")
    ({'title': 'Leaving', 'tags': ['a', 'b']}, 'Body.\\n')
    >>> split_front_matter("No front matter.")
    ({}, 'No front matter.')
    >>> meta, body = split_front_matter("---\\ntitle: [unclosed\\n---\\nBody.")
    >>> sorted(meta), body
    (['front_matter', 'front_matter_error'], 'Body.')
    """
    text = check_text(text)
    normalised = text.lstrip("\ufeff").replace("\r\n", "\n")
    if not normalised.startswith("---\n"):
        return {}, text
    lines = normalised.split("\n")
    for i in range(1, len(lines)):
        if lines[i].rstrip() == "---":
            raw = "\n".join(lines[1:i])
            body = "\n".join(lines[i + 1:])
            try:
                data = yaml.safe_load(raw)
                if data is None:
                    return {}, body
                if not isinstance(data, dict):
                    raise ValueError(f"the front matter is a {type(data).__name__}, "
                                     "not a mapping")
                return _plain(data, budget=[10_000]), body
            except Exception as exc:  # noqa: BLE001 - any YAML failure is recorded, not raised
                message = " ".join(str(exc).split())[:500] or type(exc).__name__
                return {"front_matter_error": message, "front_matter": raw}, body
    return {}, text


def _plain(value: Any, budget: list[int], depth: int = 0) -> Any:
    """JSON-like copy of YAML data: str keys, lists, ISO dates (bounded size and depth)."""
    budget[0] -= 1
    if budget[0] < 0 or depth > 50:
        raise ValueError("the front matter is too large or too deeply nested")
    if isinstance(value, dict):
        return {str(k): _plain(v, budget, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_plain(v, budget, depth + 1) for v in value]
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return str(value)


def _field_str(value: Any) -> str | None:
    """A title/author value as one clean line of text, or None."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value if v is not None)
    text = " ".join(_unescape(str(value)).split())
    return text or None


def _unescape(text: str) -> str:
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text) if "&" in text else text


_MONTH_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y",
                  "%d %B, %Y", "%d %b, %Y", "%b. %d, %Y", "%a, %d %b %Y", "%A, %B %d, %Y")


def _iso_date(value: Any, dayfirst: bool | None = None) -> str | None:
    """``YYYY-MM-DD`` when ``value`` is a parseable date, else the raw string (None if empty)."""
    if value is None or isinstance(value, bool):
        return None if value is None else str(value)
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return _epoch(value) or str(value)
    text = " ".join(str(value).split())
    if not text:
        return None
    try:
        m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?", text)
        if m:
            return _dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T ,].*)?", text)
        if m:
            a, b, year = int(m[1]), int(m[2]), int(m[3])
            if a > 12 or (a != b and b <= 12 and dayfirst):
                day, month = a, b
            elif b > 12 or a == b or dayfirst is False:
                day, month = b, a
            else:
                return text
            return _dt.date(year, month, day).isoformat()
    except ValueError:
        return text
    if re.fullmatch(r"\d{9,11}(?:\.\d+)?", text):
        return _epoch(float(text)) or text
    candidate = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    candidate = re.sub(r"\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?(?:\s+\w+)?$", "", candidate)
    for fmt in _MONTH_FORMATS:
        try:
            return _dt.datetime.strptime(candidate, fmt).date().isoformat()
        except ValueError:
            continue
    return text


def _epoch(value: float) -> str | None:
    if not 1e8 <= value < 1e11:
        return None
    try:
        return _dt.datetime.fromtimestamp(value, tz=_dt.timezone.utc).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


# ----------------------------------------------------------------------------------------------
# HTML
# ----------------------------------------------------------------------------------------------

_DROP_TAGS = frozenset({
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template",
    "iframe", "svg", "button", "select", "textarea", "object", "embed", "canvas", "head",
    "dialog",
})
_BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    "body", "html",
})
_PARA = object()
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


def _parse_html(text: str) -> tuple[str, str | None, str | None, str | None, dict[str, Any]]:
    """(main text, title, author, raw date, metadata) of an HTML page."""
    try:
        from bs4 import BeautifulSoup

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            soup = BeautifulSoup(text, "html.parser")
        return _html_parts(soup)
    except Exception:  # noqa: BLE001 - the parser rejected the markup: strip tags instead
        stripped = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", text)
        stripped = re.sub(r"(?s)<[^>]*>", "\n", stripped)
        return html.unescape(stripped), None, None, None, {}


def _meta(soup: Any, *keys: str) -> str | None:
    for key in keys:
        for attr in ("name", "property", "itemprop"):
            tag = soup.find("meta", attrs={attr: key})
            if tag is not None and tag.get("content"):
                value = " ".join(str(tag.get("content")).split())
                if value:
                    return value
    return None


def _html_parts(soup: Any) -> tuple[str, str | None, str | None, str | None, dict[str, Any]]:
    title = None
    if soup.title is not None:
        title = _field_str(soup.title.get_text(" "))
    if title is None:
        h1 = soup.find("h1")
        title = _field_str(h1.get_text(" ")) if h1 is not None else None
    author = _meta(soup, "author", "article:author")
    date = _meta(soup, "article:published_time", "date", "datePublished", "pubdate")
    articles = soup.find_all("article")
    if articles:
        root = max(articles, key=lambda a: len(a.get_text()))
    else:
        root = soup.find("main") or soup.body or soup
    if date is None:
        time_tag = root.find("time") if hasattr(root, "find") else None
        if time_tag is not None:
            date = time_tag.get("datetime") or _field_str(time_tag.get_text(" "))
    metadata: dict[str, Any] = {}
    canonical = soup.find("link", rel="canonical")
    url = (canonical.get("href") if canonical is not None else None) or _meta(soup, "og:url")
    if url:
        metadata["url"] = str(url)
    description = _meta(soup, "description", "og:description")
    if description:
        metadata["description"] = description
    return _html_text(root), title, author, date, metadata


def _html_text(root: Any) -> str:
    """Visible text of ``root``, block elements separated by blank lines (iterative walk)."""
    from bs4.element import (
        CData,
        Comment,
        Declaration,
        Doctype,
        NavigableString,
        ProcessingInstruction,
        Tag,
    )

    skip_strings = (Comment, Declaration, Doctype, ProcessingInstruction, CData)
    parts: list[str] = []
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, in_pre = stack.pop()
        if node is _PARA:
            parts.append("\n\n")
        elif isinstance(node, NavigableString):
            if not isinstance(node, skip_strings):
                parts.append(str(node) if in_pre else _HTML_SPACE.sub(" ", str(node)))
        elif isinstance(node, Tag):
            name = (node.name or "").lower()
            if name in _DROP_TAGS:
                continue
            if name == "br":
                parts.append("\n")
                continue
            pre = in_pre or name == "pre"
            children = [(child, pre) for child in reversed(list(node.children))]
            if name in _BLOCK_TAGS:
                stack.append((_PARA, False))
                stack.extend(children)
                stack.append((_PARA, False))
            elif name in ("td", "th"):
                stack.append((" ", False))
                stack.extend(children)
            else:
                stack.extend(children)
    text = "".join(parts)
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# ----------------------------------------------------------------------------------------------
# Tables
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Columns:
    text: tuple[str, ...]
    id: str | None
    title: str | None
    date: str | None
    author: str | None
    missing_text: tuple[str, ...]


def _find_column(names: Sequence[str], wanted: str) -> str | None:
    if wanted in names:
        return wanted
    folded = [n for n in names if n.strip().casefold() == wanted.strip().casefold()]
    return folded[0] if len(folded) == 1 else None


def _first_column(names: Sequence[str], explicit: str | None,
                  defaults: Sequence[str]) -> str | None:
    if explicit is not None:
        return _find_column(names, explicit)
    for candidate in defaults:
        found = _find_column(names, candidate)
        if found is not None:
            return found
    return None


def _resolve_columns(names: Sequence[str], opts: _Options) -> _Columns:
    if opts.text_columns is not None:
        found = [(c, _find_column(names, c)) for c in opts.text_columns]
        text = tuple(f for _, f in found if f is not None)
        missing = tuple(c for c, f in found if f is None)
    else:
        first = _first_column(names, None, _DEFAULT_TEXT_COLUMNS)
        text = (first,) if first else ()
        missing = () if first else ("/".join(_DEFAULT_TEXT_COLUMNS),)
    return _Columns(
        text=text,
        id=_first_column(names, opts.id_column, _DEFAULT_ID_COLUMNS),
        title=_first_column(names, opts.title_column, _DEFAULT_TITLE_COLUMNS),
        date=_first_column(names, opts.date_column, _DEFAULT_DATE_COLUMNS),
        author=_first_column(names, opts.author_column, _DEFAULT_AUTHOR_COLUMNS),
        missing_text=missing,
    )


def _open_table(path: Path) -> tuple[IO[str], str]:
    """Open a table file as text, with its detected encoding (may raise _Skipped, OSError)."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    raw = opener(path, "rb")
    try:
        sample = raw.read(_SAMPLE_BYTES)
        encoding = _detect(sample, complete=len(sample) < _SAMPLE_BYTES)
        raw.seek(0)
        return io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline=""), encoding
    except BaseException:
        raw.close()
        raise


def _table_names(path: Path, kind: str) -> list[str] | None:
    """The column names of a table (CSV header, keys of the first JSON object), or None."""
    try:
        stream, _ = _open_table(path)
        with stream:
            if kind == "csv":
                for record in csv.reader(stream):
                    if record and any(f.strip() for f in record):
                        return _header_names(record)
                return None
            for line in stream:
                if line.strip():
                    obj = json.loads(line)
                    return [str(k) for k in obj] if isinstance(obj, dict) else None
    except Exception:  # noqa: BLE001 - a table we cannot read names no columns
        return None
    return None


def _header(headers: dict[Path, list[str] | None], path: Path, kind: str) -> list[str] | None:
    """:func:`_table_names` of ``path``, read once per :func:`load_corpus` call."""
    if path not in headers:
        headers[path] = _table_names(path, kind)
    return headers[path]


def _check_named_columns(paths: Sequence[Path], opts: _Options,
                         headers: dict[Path, list[str] | None]) -> None:
    """Raise E025 if a column named in the options is in none of the tables."""
    wanted = list(opts.text_columns or ())
    wanted += [c for c in (opts.id_column, opts.title_column, opts.date_column,
                           opts.author_column) if c is not None]
    if not wanted:
        return
    tables = [(p, k) for p in paths if (k := _kind(p)) in _TABLE_KINDS]
    remaining = set(wanted)
    all_names: list[str] = []
    for path, kind in tables:
        names = _header(headers, path, kind)
        if names is None:
            continue
        all_names.extend(n for n in names if n not in all_names)
        remaining = {c for c in remaining if _find_column(names, c) is None}
        if not remaining:
            return
    if not all_names:
        return  # no readable table: nothing to check against (files will be skipped)
    missing = [c for c in wanted if c in remaining]
    shown = ", ".join(repr(n) for n in all_names[:40])
    raise CorpusError("E025", f"Column(s) {', '.join(map(repr, missing))} not found in any "
                      f"table of the corpus.",
                      f"The columns are: {shown}. Names match exactly or ignoring case.")


def _header_names(record: Sequence[str]) -> list[str]:
    names: list[str] = []
    for i, raw in enumerate(record):
        name = raw.strip().lstrip("\ufeff").strip() or f"column_{i + 1}"
        base, n = name, 2
        while name in names:
            name, n = f"{base}_{n}", n + 1
        names.append(name)
    return names


def _next_record(reader: Iterator[list[str]]) -> list[str]:
    old = csv.field_size_limit(_CSV_FIELD_LIMIT)
    try:
        return next(reader)
    finally:
        csv.field_size_limit(old)


def _read_table(path: Path, kind: str, file_id: str, opts: _Options) -> Iterator[Essay | Skip]:
    src = str(path)
    row = 0
    produced = False
    try:
        stream, encoding = _open_table(path)
    except (OSError, EOFError, zlib.error) as exc:
        yield Skip(src, None, "unreadable", _os_detail(exc))
        return
    except _Skipped as skip:
        yield Skip(src, None, skip.reason, skip.detail)
        return
    rows = _csv_rows(stream, opts) if kind == "csv" else _jsonl_rows(stream, opts)
    try:
        with stream:
            for row, item in rows:
                produced = True
                if isinstance(item, str):
                    yield Skip(src, row, "malformed_row", item)
                    continue
                mapping, columns = item
                yield _row_essay(mapping, columns, row, src, file_id, encoding, opts)
    except _Skipped as skip:
        yield Skip(src, None, skip.reason, skip.detail)
        return
    except UnicodeDecodeError as exc:
        yield Skip(src, None, "undecodable", f"invalid {encoding} bytes ({exc.reason}); rows "
                   f"after row {row} were not loaded")
        return
    except (OSError, EOFError, zlib.error) as exc:
        yield Skip(src, None, "unreadable", f"{_os_detail(exc)}; rows after row {row} were "
                   "not loaded")
        return
    if not produced:
        yield Skip(src, None, "empty", "the table has no data rows")


_RowItem = tuple[int, "str | tuple[dict[str, Any], _Columns]"]


@dataclass(frozen=True)
class _Described:
    """What a manifest row says of one file."""

    title: str | None
    author: str | None
    date: str | None
    metadata: dict[str, Any]

    def fill(self, essay: Essay) -> Essay:
        """The essay with the fields it leaves empty filled in; its own metadata keys win."""
        return replace(essay, title=essay.title or self.title,
                       author=essay.author or self.author, date=essay.date or self.date,
                       metadata={**self.metadata, **essay.metadata})


@dataclass(frozen=True)
class _Manifest:
    paths: tuple[Path, ...]
    rows: dict[str, _Described]  # by _path_key of the described file


def _manifest_column(names: list[str] | None, opts: _Options) -> str | None:
    """The file column of a table with these column names if it is a manifest, else None."""
    if not names or _resolve_columns(names, opts).text:
        return None
    return _first_column(names, None, _DEFAULT_FILE_COLUMNS)


def _read_manifests(paths: list[Path], opts: _Options, skips: list[Skip],
                    headers: dict[Path, list[str] | None]) -> tuple[list[Path], _Manifest]:
    """Take the manifests out of ``paths``, add the files they list, and read their rows."""
    manifests: list[Path] = []
    rows: dict[str, _Described] = {}
    listed: list[Path] = []
    for path in paths:
        kind = _kind(path)
        if kind not in _TABLE_KINDS:
            continue
        column = _manifest_column(_header(headers, path, kind), opts)
        if column is None:
            continue
        manifests.append(path)
        # read like an essay table whose "text" is the file column
        as_table = replace(opts, text_columns=(column,))
        for item in _read_table(path, kind, _stem(path), as_table):
            if isinstance(item, Skip):
                skips.append(item)
                continue
            target = path.parent / item.text.strip()
            key = _path_key(target)
            if not target.is_file():
                skips.append(Skip(str(path), item.row, "unreadable",
                                  f"the manifest lists {item.text.strip()!r}, which is not a file"))
            elif key in rows:
                skips.append(Skip(str(path), item.row, "malformed_row",
                                  f"the manifest lists {item.text.strip()!r} a second time"))
            else:
                metadata = dict(item.metadata)
                date = item.date
                if date is None and opts.date_column is None:
                    year = _first_column(list(metadata), None, ("year",))
                    date = _iso_date(metadata.pop(year), opts.dayfirst) if year else None
                rows[key] = _Described(item.title, item.author, date, metadata)
                listed.append(target)
    if not manifests:
        return paths, _Manifest((), {})
    keys = {_path_key(p) for p in paths}
    kept = [p for p in paths if p not in manifests]
    kept += [p for p in dict.fromkeys(listed) if _path_key(p) not in keys]
    return kept, _Manifest(tuple(manifests), rows)


def _csv_rows(stream: IO[str], opts: _Options) -> Iterator[_RowItem]:
    reader = csv.reader(stream)
    names: list[str] | None = None
    columns: _Columns | None = None
    row = 0
    while True:
        try:
            record = _next_record(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if names is None:
                raise _Skipped("malformed_row", f"cannot parse the CSV header: {exc}") from exc
            row += 1
            yield row, f"cannot parse the CSV row: {exc}"
            continue
        if not record or (len(record) == 1 and not record[0].strip()):
            continue  # a blank line
        if names is None:
            names = _header_names(record)
            columns = _resolve_columns(names, opts)
            continue
        assert columns is not None
        row += 1
        if len(record) > len(names):
            yield row, (f"{len(record)} fields but the header has {len(names)} (a stray "
                        "delimiter or quote?)")
            continue
        if not columns.text:
            yield row, _missing_text_detail(columns, names)
            continue
        mapping = dict(zip(names, record, strict=False))
        if not any(name in mapping for name in columns.text):
            yield row, (f"only {len(record)} fields: the row lacks the text column(s) "
                        f"{', '.join(map(repr, columns.text))}")
            continue
        yield row, (mapping, columns)


def _jsonl_rows(stream: IO[str], opts: _Options) -> Iterator[_RowItem]:
    for line_no, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield line_no, f"invalid JSON: {exc}"
            continue
        if not isinstance(obj, dict):
            yield line_no, f"a JSON {type(obj).__name__}, not an object"
            continue
        names = list(obj)
        columns = _resolve_columns(names, opts)
        if not columns.text:
            yield line_no, _missing_text_detail(columns, names)
            continue
        yield line_no, (obj, columns)


def _missing_text_detail(columns: _Columns, names: Sequence[str]) -> str:
    shown = ", ".join(repr(n) for n in names[:30])
    return (f"no text column {' / '.join(map(repr, columns.missing_text))} "
            f"(columns: {shown}); pass text_columns=")


def _row_essay(mapping: dict[str, Any], columns: _Columns, row: int, src: str, file_id: str,
               encoding: str, opts: _Options) -> Essay | Skip:
    parts: list[str] = []
    placeholders: list[str] = []
    for name in columns.text:
        value = mapping.get(name)
        if value is None:
            continue
        if isinstance(value, (dict, list)):
            return Skip(src, row, "malformed_row",
                        f"column {name!r} holds a JSON {type(value).__name__}, not text")
        value = _unescape(str(value)).strip()
        if value.casefold() in _PLACEHOLDERS:
            placeholders.append(value)
        elif value:
            parts.append(value)
    if placeholders or not parts:  # "[removed]": the post itself was deleted
        what = f"is {placeholders[0]}" if placeholders else "is empty"
        cols = ", ".join(map(repr, columns.text))
        return Skip(src, row, "empty", f"the text ({cols}) {what}")
    result = clean_text(opts.joiner.join(parts), remove_boilerplate=opts.remove_boilerplate)
    if not result.text.strip():
        return Skip(src, row, "empty", "no text left after cleaning")
    raw_id = mapping.get(columns.id) if columns.id else None
    essay_id = (" ".join(str(raw_id).split()) if raw_id is not None else "") or f"{file_id}-{row}"
    used = {*columns.text, columns.id, columns.title, columns.date, columns.author}
    metadata = {k: (_unescape(v) if isinstance(v, str) else v)
                for k, v in mapping.items() if k not in used}
    return Essay(
        id=essay_id, text=result.text,
        title=_field_str(mapping.get(columns.title)) if columns.title else None,
        author=_field_str(mapping.get(columns.author)) if columns.author else None,
        date=_iso_date(mapping.get(columns.date), opts.dayfirst) if columns.date else None,
        source=src, row=row, metadata=metadata, removed=result.removed, encoding=encoding,
    )
