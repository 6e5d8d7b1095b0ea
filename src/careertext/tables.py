"""Reading CSV and JSON Lines tables (plain or gzipped) one row at a time: opening a table with
its detected encoding, its column names and the columns that hold the text, id, title, date and
author, the check that named columns exist, turning rows into essays (a malformed row becomes a
:class:`~careertext.records.Skip`), and manifests (tables that describe the essay files they list
rather than hold essays)."""

from __future__ import annotations

import csv
import gzip
import io
import json
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

from .cleaning import clean_text
from .decoding import _detect, _os_detail
from .documents import _field_str, _iso_date, _unescape
from .errors import CorpusError
from .paths import _TABLE_KINDS, _kind, _path_key, _stem
from .records import Essay, Skip, _Options, _Skipped

_DEFAULT_TEXT_COLUMNS = ("text", "body", "content", "selftext")
_DEFAULT_TITLE_COLUMNS = ("title",)
_DEFAULT_ID_COLUMNS = ("id",)
_DEFAULT_DATE_COLUMNS = ("date", "date_created", "created_at", "published")
_DEFAULT_AUTHOR_COLUMNS = ("author",)
_DEFAULT_FILE_COLUMNS = ("file", "path", "filename", "file_name")
_PLACEHOLDERS = {"[removed]", "[deleted]"}
_SAMPLE_BYTES = 1 << 18  # bytes read to detect a table's encoding
_CSV_FIELD_LIMIT = 1 << 30


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
