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

Where it lives: this module holds :class:`Corpus`, :func:`load_corpus`, the option checks,
the listing of the input files and the reading of each file; the records it yields are in
:mod:`careertext.records`, a path's kind and stem in :mod:`careertext.paths`, byte reading and
encoding detection in :mod:`careertext.decoding`, the parsing of one text, Markdown or HTML
document in :mod:`careertext.documents` and the CSV / JSON Lines tables and manifests in
:mod:`careertext.tables`.
"""

from __future__ import annotations

import glob
import hashlib
import html
import os
import re
import stat
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .decoding import _decode, _os_detail, _read_file_bytes
from .display import counted
from .documents import _parse_document, split_front_matter
from .errors import CorpusError, InputError
from .paths import _TABLE_KINDS, SUPPORTED_EXTENSIONS, _kind, _path_key, _stem
from .records import Essay, Skip, _Options, _Skipped
from .tables import _check_named_columns, _Manifest, _read_manifests, _read_table

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


@dataclass(frozen=True)
class _PassResult:
    essays: int
    words: int
    skipped: tuple[Skip, ...]
    ids: tuple[str, ...]


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
        done = "" if self._result is None else f", {counted(self._result.essays, 'essay')}"
        return f"<Corpus: {len(self._paths)} files{done}>"

    def _repr_html_(self) -> str:
        parts = ['<div class="careertext-corpus">']
        if self._result is None:
            parts.append(f"<strong>Corpus</strong>: {len(self._paths):,} input files (not read "
                         "in full yet; <code>summary()</code> counts essays and skips)")
        else:
            s = self.summary()
            skipped = ", ".join(f"{html.escape(r)} {n:,}" for r, n in s["skipped"].items())
            parts.append(f"<strong>Corpus</strong>: {counted(s['essays'], 'essay')}, "
                         f"{s['words']:,} words from {s['sources']:,} files; skipped: "
                         f"{skipped or 'none'}")
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
