"""One pass over a corpus: reasons, themes, sentiment and lesson passages per essay.

:func:`analyze` streams essays through ``nlp.pipe`` with the careertext components, and yields
an :class:`EssayAnalysis` (plain, JSON-safe data) per essay. Results can be cached on disk, keyed
by the essay's content hash and the careertext, model and codebook versions, so that re-running on
an unchanged corpus re-uses them and a changed essay alone is analysed again.

:func:`write_results` writes such a stream to one Parquet or CSV file incrementally (one row per
essay, reason, theme mention, sentence and lesson passage, told apart by a ``kind`` column), so
that memory does not grow with the corpus.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language

__all__ = ["ALL_ANALYSES", "RESULT_COLUMNS", "EssayAnalysis", "analysis_key", "analyze",
           "data_fingerprint", "write_results"]

ALL_ANALYSES = ("reasons", "themes", "sentiment", "lessons")
_COMPONENT = {a: f"careertext_{a}" for a in ALL_ANALYSES}
_DATA = {"reasons": "ct_reasons", "themes": "ct_themes", "sentiment": "ct_sentiment",
         "lessons": "ct_lessons"}
# Analyses that read the dependency parse (voice, negation, imperatives); the others only need
# sentence boundaries, which the model's ``senter`` gives at a fraction of the parser's cost.
_NEEDS_PARSE = frozenset({"reasons", "lessons"})


@dataclass(frozen=True)
class EssayAnalysis:
    """What careertext found in one essay, as plain data (offsets into ``text``).

    ``reasons``, ``themes`` and ``lessons`` are lists of dicts as stored on ``doc._``;
    ``sentiment`` a dict; ``error`` the message of a failure (the other fields are then empty).
    Use :meth:`reason_objects` etc. for the dataclass views.
    """

    id: str
    text: str
    title: str | None = None
    n_sentences: int = 0
    n_words: int = 0
    reasons: list[dict[str, Any]] = field(default_factory=list)
    themes: list[dict[str, Any]] = field(default_factory=list)
    sentiment: dict[str, Any] | None = None
    lessons: list[dict[str, Any]] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def _repr_html_(self) -> str:
        """The essay with its reasons, themes, lessons and sentiment phrases highlighted."""
        from .display import essay_html

        return essay_html(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EssayAnalysis:
        return cls(**data)

    def reason_objects(self):
        """The reasons as :class:`careertext.Reason` objects."""
        from .reasons import Reason

        return [Reason.from_data(d, self.text) for d in self.reasons]

    def theme_objects(self):
        """The theme mentions as :class:`careertext.themes.ThemeMention` objects."""
        from .themes import ThemeMention

        return [ThemeMention.from_data(d, self.text) for d in self.themes]


@lru_cache(maxsize=1)
def data_fingerprint() -> str:
    """sha256 (16 hex) of careertext's package data: codebook, rules, lexicons, trained weights.

    Part of every cache key, so that retrained weights or edited cues invalidate cached results.
    """
    from importlib import resources

    digest = hashlib.sha256()
    data = resources.files("careertext").joinpath("data")
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.is_file():
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:16]


def analysis_key(text: str, nlp: Language, analyses: Iterable[str]) -> str:
    """Cache key: content hash + careertext, model and data versions + analyses."""
    from . import __version__
    from .codebook import default_codebook

    parts = [__version__, nlp.meta.get("name", ""), nlp.meta.get("version", ""),
             default_codebook().fingerprint, data_fingerprint(), ",".join(sorted(analyses)),
             hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def _essay_fields(item: Any, i: int) -> tuple[str, str, str | None, dict[str, Any]]:
    from .errors import check_text

    if isinstance(item, str):
        return f"text-{i}", item, None, {}
    text = check_text(getattr(item, "text", None), f"essays[{i}].text")
    meta = dict(getattr(item, "metadata", {}) or {})
    for key in ("author", "date", "source"):
        if getattr(item, key, None) is not None:
            meta.setdefault(key, getattr(item, key))
    return str(getattr(item, "id", f"text-{i}")), text, getattr(item, "title", None), meta


def analyze(essays: Iterable[Any], *, nlp: Language | str | None = None,
            analyses: Iterable[str] = ALL_ANALYSES, n_process: int = 1, batch_size: int = 32,
            cache_dir: str | Path | None = None,
            senter: bool | None = None) -> Iterator[EssayAnalysis]:
    """Analyse essays (``Essay`` objects from :func:`careertext.load_corpus`, or strings).

    Parameters
    ----------
    essays : iterable
        A :class:`~careertext.corpus.Corpus`, a list of ``Essay`` or of strings.
    nlp : Language, str or None
        Base pipeline (default :func:`careertext.load_pipeline`).
    analyses : iterable of str
        Any of ``"reasons"``, ``"themes"``, ``"sentiment"``, ``"lessons"``; only those
        components run.
    n_process : int
        Worker processes. With ``n_process > 1`` (on Linux) a process pool is started once per
        call; each worker inherits the loaded pipeline, runs ``nlp.pipe`` over batches of
        ``batch_size`` essays and sends back plain results, so the parent only reads input and
        hands out results (elsewhere ``n_process`` is passed to ``nlp.pipe``).
    batch_size : int
        Essays per ``nlp.pipe`` batch (and per task of the process pool).
    cache_dir : path, optional
        Where to keep per-essay results (JSON) between runs.
    senter : bool or None
        Sentence boundaries from the model's ``senter`` instead of the dependency parser, which
        is then switched off (about 1.6x faster with ``en_core_web_sm``). ``None`` (default):
        only when no requested analysis reads the parse (``themes`` and ``sentiment`` alone) and
        the model has a ``senter``. ``True`` forces it (reasons and lessons then lose voice,
        negation and imperative features); ``False`` never.

    Yields
    ------
    EssayAnalysis
        One per essay, in input order. A failure in one essay is recorded in its ``error`` and
        does not stop the others.
    """
    from .pipeline import with_components

    requested = set(analyses)
    unknown = requested - set(ALL_ANALYSES)
    analyses = tuple(a for a in ALL_ANALYSES if a in requested)
    if unknown:
        raise ValueError(f"unknown analyses {sorted(unknown)}; choose from {ALL_ANALYSES}")
    pipeline = with_components(nlp, [_COMPONENT[a] for a in analyses])
    use_senter = _use_senter(pipeline, analyses, senter)
    key_analyses = (*analyses, "+senter") if use_senter else analyses
    cache = Path(cache_dir) if cache_dir is not None else None
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)

    def pending() -> Iterator[tuple[str, str, str | None, dict[str, Any], str | None]]:
        for i, item in enumerate(essays):
            eid, text, title, meta = _essay_fields(item, i)
            key = analysis_key(text, pipeline, key_analyses) if cache is not None else None
            yield eid, text, title, meta, key

    if n_process > 1 and _fork_available():
        yield from _analyze_pool(pipeline, pending(), analyses, use_senter, n_process,
                                 batch_size, cache)
        return
    with _configured(pipeline, analyses, use_senter):
        buffer: list = []
        for item in pending():
            buffer.append(item)
            if len(buffer) >= batch_size * max(1, n_process):
                yield from _run_batch(pipeline, buffer, analyses, n_process, batch_size, cache)
                buffer = []
        if buffer:
            yield from _run_batch(pipeline, buffer, analyses, n_process, batch_size, cache)


def _use_senter(pipeline: Language, analyses: tuple[str, ...], senter: bool | None) -> bool:
    available = "senter" in pipeline.component_names and "parser" in pipeline.component_names
    if senter is None:
        return available and not (_NEEDS_PARSE & set(analyses))
    if senter and "senter" not in pipeline.component_names:
        raise ValueError("senter=True, but the pipeline has no 'senter' component")
    return bool(senter) and "parser" in pipeline.component_names


@contextlib.contextmanager
def _configured(pipeline: Language, analyses: tuple[str, ...], use_senter: bool):
    """Switch off the careertext components not requested (and the parser, in favour of the
    senter, when ``use_senter``) for the duration of the block."""
    wanted = {_COMPONENT[a] for a in analyses}
    disabled = [n for n in pipeline.pipe_names if n.startswith("careertext_") and n not in wanted]
    if use_senter and "parser" in pipeline.pipe_names:
        disabled.append("parser")
    enable_senter = use_senter and "senter" in pipeline.disabled
    with pipeline.select_pipes(disable=disabled):
        if enable_senter:
            pipeline.enable_pipe("senter")
        try:
            yield pipeline
        finally:
            if enable_senter:
                pipeline.disable_pipe("senter")


# -- n_process > 1: one process pool per call, plain results back ----------------------------
def _fork_available() -> bool:
    import multiprocessing as mp

    return sys.platform.startswith("linux") and "fork" in mp.get_all_start_methods()


_WORKER: dict[str, Any] = {}


def _pool_init(pipeline: Language, analyses: tuple[str, ...], use_senter: bool,
               batch_size: int) -> None:
    stack = contextlib.ExitStack()
    stack.enter_context(_configured(pipeline, analyses, use_senter))  # for the process' lifetime
    _WORKER.update(pipeline=pipeline, analyses=analyses, batch_size=batch_size, stack=stack)


def _pool_task(items: list) -> list[EssayAnalysis]:
    w = _WORKER
    return list(_run_batch(w["pipeline"], items, w["analyses"], 1, w["batch_size"], None))


def _analyze_pool(pipeline, items, analyses, use_senter, n_process, batch_size,
                  cache) -> Iterator[EssayAnalysis]:
    """Ordered, bounded streaming over a fork pool: at most ``2 * n_process`` batches are in
    flight, cache hits are read here, results are cached here."""
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    max_tasks = 2 * n_process
    queue: deque = deque()  # ("done", [EssayAnalysis]) or ("task", AsyncResult, items)
    n_tasks = 0

    def head_results() -> list[EssayAnalysis]:
        nonlocal n_tasks
        entry = queue.popleft()
        if entry[0] == "done":
            return entry[1]
        n_tasks -= 1
        out = entry[1].get()
        if cache is not None:
            for item, result in zip(entry[2], out, strict=True):
                if not result.error:
                    _write_atomic(cache / f"{item[4]}.json", result)
        return out

    with ctx.Pool(n_process, initializer=_pool_init,
                  initargs=(pipeline, analyses, use_senter, batch_size)) as pool:
        batch: list = []

        def submit() -> None:
            nonlocal n_tasks, batch
            queue.append(("task", pool.apply_async(_pool_task, (batch,)), batch))
            n_tasks += 1
            batch = []

        for item in items:
            hit = _cached(cache, item)
            if hit is not None:
                if batch:
                    submit()
                queue.append(("done", [hit]))
            else:
                batch.append(item)
                if len(batch) >= batch_size:
                    submit()
            while n_tasks >= max_tasks or len(queue) > 4 * max_tasks * batch_size:
                yield from head_results()
            while queue and (queue[0][0] == "done" or queue[0][1].ready()):
                yield from head_results()
        if batch:
            submit()
        while queue:
            yield from head_results()


def _cached(cache: Path | None, item: tuple) -> EssayAnalysis | None:
    eid, _text, title, meta, key = item
    if cache is None:
        return None
    path = cache / f"{key}.json"
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return EssayAnalysis.from_dict({**data, "id": eid, "title": title, "metadata": meta})
    except (OSError, ValueError, TypeError):
        return None  # a broken cache entry is recomputed


def _run_batch(pipeline, items, analyses, n_process, batch_size, cache) -> Iterator[EssayAnalysis]:
    from .pipeline import pipe_texts

    results: dict[int, EssayAnalysis] = {}
    todo = []
    for j, item in enumerate(items):
        hit = _cached(cache, item)
        if hit is not None:
            results[j] = hit
        else:
            todo.append(j)
    texts = [items[j][1] for j in todo]
    try:
        outs = list(pipe_texts(pipeline, texts, n_process=n_process, batch_size=batch_size))
    except Exception:  # one bad essay must not stop the others: retry one by one
        outs = []
        for text in texts:
            try:
                outs.append(next(pipe_texts(pipeline, [text])))
            except Exception as exc:  # noqa: BLE001 - recorded on the essay
                outs.append((text, exc))
    for j, out in zip(todo, outs, strict=True):
        eid, text, title, meta, key = items[j]
        if isinstance(out[1], Exception):
            results[j] = EssayAnalysis(eid, text, title, metadata=meta,
                                       error=f"{type(out[1]).__name__}: {out[1]}")
            continue
        results[j] = _collect(eid, text, title, meta, out[1], analyses)
        if cache is not None:
            _write_atomic(cache / f"{key}.json", results[j])
    for j in range(len(items)):
        yield results[j]


def _collect(eid, text, title, meta, parts, analyses) -> EssayAnalysis:
    from .matching import sentence_units
    from .pipeline import shifted

    found: dict[str, Any] = {"reasons": [], "themes": [], "lessons": [], "sentiment": None}
    for a in ("reasons", "themes", "lessons"):
        if a in analyses:
            found[a] = shifted(parts, lambda doc, attr=_DATA[a]: getattr(doc._, attr))
    n_sent = sum(1 for _, doc in parts for _ in sentence_units(doc))
    n_words = sum(1 for _, doc in parts for t in doc if t.is_alpha)
    sent_parts = [(offset, doc._.ct_sentiment) for offset, doc in parts
                  if "sentiment" in analyses and doc._.ct_sentiment is not None]
    if sent_parts:
        from .sentiment import merge_chunk_data

        found["sentiment"] = merge_chunk_data(sent_parts)
    return EssayAnalysis(eid, text, title, n_sent, n_words, found["reasons"], found["themes"],
                         found["sentiment"], found["lessons"], meta)


def _write_atomic(path: Path, result: EssayAnalysis) -> None:
    data = {k: v for k, v in result.to_dict().items() if k not in ("id", "title", "metadata")}
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


# -- writing results incrementally -----------------------------------------------------------
#: Columns of :func:`write_results` (name, type): one schema for every ``kind`` of row.
RESULT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("essay_id", "string"), ("kind", "string"), ("index", "int64"), ("code", "string"),
    ("label", "string"), ("direction", "string"), ("voice", "string"),
    ("lesson_kind", "string"), ("start", "int64"), ("end", "int64"), ("score", "float64"),
    ("compound", "float64"), ("neg", "float64"), ("neu", "float64"), ("pos", "float64"),
    ("n_words", "int64"), ("n_sentences", "int64"), ("title", "string"), ("text", "string"),
    ("cues", "string"), ("error", "string"),
)
_KINDS = ("essay", "reason", "theme", "sentence", "lesson")


def _result_rows(a: EssayAnalysis, include_text: bool) -> Iterator[dict[str, Any]]:
    """The rows of one essay, in the order essay, reasons, themes, sentences, lessons."""
    text = a.text

    def quote(d: dict[str, Any]) -> str | None:
        return text[d["start"]:d["end"]] if include_text else None

    sent = a.sentiment or {}
    yield {"essay_id": a.id, "kind": "essay", "index": 0, "start": 0, "end": len(text),
           "compound": sent.get("compound"), "neg": sent.get("neg"), "neu": sent.get("neu"),
           "pos": sent.get("pos"), "n_words": a.n_words, "n_sentences": a.n_sentences,
           "title": a.title, "error": a.error}
    for i, d in enumerate(a.reasons):
        yield {"essay_id": a.id, "kind": "reason", "index": i, "code": d["code"],
               "label": d.get("label"), "direction": d.get("direction"), "voice": d.get("voice"),
               "start": d["start"], "end": d["end"], "score": d.get("score"), "text": quote(d),
               "cues": ";".join(d.get("cues", ()))}
    for i, d in enumerate(a.themes):
        yield {"essay_id": a.id, "kind": "theme", "index": i, "code": d["code"],
               "label": d.get("label"), "start": d["start"], "end": d["end"], "text": quote(d),
               "cues": ";".join(d.get("cues", ()))}
    for i, d in enumerate(sent.get("sentences", ())):
        yield {"essay_id": a.id, "kind": "sentence", "index": i, "start": d["start"],
               "end": d["end"], "compound": d.get("compound"), "neg": d.get("neg"),
               "neu": d.get("neu"), "pos": d.get("pos"), "text": quote(d),
               "cues": ";".join(f"{c[2]} ({c[3]:+g})" for c in d.get("contributions", ()))}
    for i, d in enumerate(a.lessons):
        yield {"essay_id": a.id, "kind": "lesson", "index": i, "lesson_kind": d.get("kind"),
               "start": d["start"], "end": d["end"], "score": d.get("score"), "text": quote(d),
               "cues": ";".join(d.get("cues", ()))}


def write_results(analyses: Iterable[EssayAnalysis | dict[str, Any]], path: str | Path,
                  format: str | None = None, *, row_group_size: int = 1000,
                  include_text: bool = True) -> dict[str, int]:
    """Write analysis results to one Parquet or CSV file as they arrive (streaming).

    One row per essay (``kind == "essay"``: its sentiment, word and sentence counts, title and
    error), per reason (``"reason"``), theme mention (``"theme"``), scored sentence
    (``"sentence"``) and lesson passage (``"lesson"``); every row has the columns of
    :data:`RESULT_COLUMNS` (empty where they do not apply). ``start``/``end`` index the essay's
    text, ``text`` is that slice (the evidence, sentence or passage), ``index`` numbers the rows
    of a kind within an essay, ``cues`` joins the cues with ``;`` (for sentences, the phrases
    that moved the score as ``phrase (+weight)``).

    Parameters
    ----------
    analyses : iterable of EssayAnalysis (or their ``to_dict()``)
        E.g. the stream of :func:`analyze`; consumed once, never held in memory.
    path : str or Path
        The file to write (replaced).
    format : "parquet", "csv" or None
        ``None``: from the suffix (``.csv`` → CSV, anything else → Parquet).
    row_group_size : int
        Parquet: essays per row group (the rows of that many essays are buffered).
        CSV rows are appended essay by essay.
    include_text : bool
        Fill the ``text`` column (about the corpus' size again).

    Returns
    -------
    dict
        Counts: ``essays``, ``errors``, ``reasons``, ``themes``, ``sentences``, ``lessons`` and
        ``rows``.
    """
    path = Path(path)
    fmt = (format or ("csv" if path.suffix.lower() == ".csv" else "parquet")).lower()
    if fmt not in ("parquet", "csv"):
        raise ValueError(f"format must be 'parquet' or 'csv', not {format!r}")
    if row_group_size < 1:
        raise ValueError("row_group_size must be positive")
    counts = dict.fromkeys(("essays", "errors", "reasons", "themes", "sentences", "lessons",
                            "rows"), 0)
    plural = {"reason": "reasons", "theme": "themes", "sentence": "sentences",
              "lesson": "lessons"}
    names = [name for name, _ in RESULT_COLUMNS]

    def rows_of(a: EssayAnalysis | dict[str, Any]) -> list[dict[str, Any]]:
        if isinstance(a, dict):
            a = EssayAnalysis.from_dict(a)
        rows = list(_result_rows(a, include_text))
        counts["essays"] += 1
        counts["errors"] += a.error is not None
        counts["rows"] += len(rows)
        for row in rows[1:]:
            counts[plural[row["kind"]]] += 1
        return rows

    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=names, lineterminator="\n")
            writer.writeheader()
            for a in analyses:
                writer.writerows(rows_of(a))
        return counts

    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        from .errors import CareertextError

        raise CareertextError("E080", "Writing Parquet needs pyarrow, which is not installed.",
                              "pip install 'careertext[parquet]' (or write a .csv file)") from exc
    schema = pa.schema([(name, getattr(pa, typ)()) for name, typ in RESULT_COLUMNS])
    with pq.ParquetWriter(path, schema) as writer:
        buffer: list[dict[str, Any]] = []
        for n, a in enumerate(analyses, 1):
            buffer.extend(rows_of(a))
            if n % row_group_size == 0:
                writer.write_table(pa.Table.from_pylist(buffer, schema=schema))
                buffer = []
        if buffer or counts["essays"] == 0:
            writer.write_table(pa.Table.from_pylist(buffer, schema=schema))
    return counts
