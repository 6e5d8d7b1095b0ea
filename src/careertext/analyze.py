"""One pass over a corpus: reasons, themes, sentiment and lesson passages per essay.

:func:`analyze` streams essays through ``nlp.pipe`` with the careertext components, and yields
an :class:`EssayAnalysis` (plain, JSON-safe data) per essay. Results can be cached on disk, keyed
by the essay's content hash and the careertext, model and codebook versions, so that re-running on
an unchanged corpus re-uses them and a changed essay alone is analysed again.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

__all__ = ["ALL_ANALYSES", "EssayAnalysis", "analyze", "analysis_key"]

ALL_ANALYSES = ("reasons", "themes", "sentiment", "lessons")
_COMPONENT = {a: f"careertext_{a}" for a in ALL_ANALYSES}
_DATA = {"reasons": "ct_reasons", "themes": "ct_themes", "sentiment": "ct_sentiment",
         "lessons": "ct_lessons"}


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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EssayAnalysis:
        return cls(**data)

    def reason_objects(self):
        """The reasons as :class:`careertext.Reason` objects."""
        from .reasons import Reason

        return [Reason(evidence=self.text[d["start"]:d["end"]], cues=tuple(d["cues"]),
                       **{k: d[k] for k in ("code", "label", "direction", "voice", "start",
                                             "end", "score")}) for d in self.reasons]

    def theme_objects(self):
        """The theme mentions as :class:`careertext.themes.ThemeMention` objects."""
        from .themes import ThemeMention

        return [ThemeMention(d["code"], d["label"], self.text[d["start"]:d["end"]], d["start"],
                             d["end"], tuple(d["cues"])) for d in self.themes]


def analysis_key(text: str, nlp: Language, analyses: Iterable[str]) -> str:
    """Cache key: content hash + careertext, spaCy, model and codebook versions + analyses."""
    from . import __version__
    from .codebook import default_codebook

    parts = [__version__, nlp.meta.get("name", ""), nlp.meta.get("version", ""),
             default_codebook().fingerprint, ",".join(sorted(analyses)),
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
            cache_dir: str | Path | None = None) -> Iterator[EssayAnalysis]:
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
    n_process, batch_size : int
        Passed to ``nlp.pipe``.
    cache_dir : path, optional
        Where to keep per-essay results (JSON) between runs.

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
    disabled = [n for n in pipeline.pipe_names
                if n.startswith("careertext_") and n not in {_COMPONENT[a] for a in analyses}]
    cache = Path(cache_dir) if cache_dir is not None else None
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)

    def pending() -> Iterator[tuple[str, str, str | None, dict[str, Any], str | None]]:
        for i, item in enumerate(essays):
            eid, text, title, meta = _essay_fields(item, i)
            key = analysis_key(text, pipeline, analyses) if cache is not None else None
            yield eid, text, title, meta, key

    with pipeline.select_pipes(disable=disabled):
        buffer: list = []
        for item in pending():
            buffer.append(item)
            if len(buffer) >= batch_size * max(1, n_process):
                yield from _run_batch(pipeline, buffer, analyses, n_process, batch_size, cache)
                buffer = []
        if buffer:
            yield from _run_batch(pipeline, buffer, analyses, n_process, batch_size, cache)


def _run_batch(pipeline, items, analyses, n_process, batch_size, cache) -> Iterator[EssayAnalysis]:
    from .pipeline import pipe_texts

    results: dict[int, EssayAnalysis] = {}
    todo = []
    for j, (eid, _text, title, meta, key) in enumerate(items):
        path = cache / f"{key}.json" if cache is not None else None
        if path is not None and path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                results[j] = EssayAnalysis.from_dict({**data, "id": eid, "title": title,
                                                      "metadata": meta})
                continue
            except (OSError, ValueError, TypeError):
                pass  # a broken cache entry is recomputed
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

    found: dict[str, Any] = {"reasons": [], "themes": [], "lessons": [], "sentiment": None}
    n_sent = n_words = 0
    sent_parts = []
    for offset, doc in parts:
        n_sent += sum(1 for _ in sentence_units(doc))
        n_words += sum(1 for t in doc if t.is_alpha)
        for a in ("reasons", "themes", "lessons"):
            if a in analyses:
                for d in getattr(doc._, _DATA[a]) or []:
                    found[a].append(dict(d, start=d["start"] + offset, end=d["end"] + offset))
        if "sentiment" in analyses and doc._.ct_sentiment is not None:
            sent_parts.append((offset, doc._.ct_sentiment))
    if sent_parts:
        found["sentiment"] = _merge_sentiment(sent_parts)
    return EssayAnalysis(eid, text, title, n_sent, n_words, found["reasons"], found["themes"],
                         found["sentiment"], found["lessons"], meta)


def _merge_sentiment(parts: list[tuple[int, dict[str, Any]]]) -> dict[str, Any]:
    """Shift the sentence offsets of chunked sentiment data and re-weight document scores."""
    if len(parts) == 1 and parts[0][0] == 0:
        return parts[0][1]
    sentences = []
    for offset, data in parts:
        for s in data.get("sentences", []):
            shifted = dict(s, start=s["start"] + offset, end=s["end"] + offset)
            if "contributions" in s:
                shifted["contributions"] = [[c[0] + offset, c[1] + offset, *c[2:]]
                                            for c in s["contributions"]]
            sentences.append(shifted)
    weights = [max(1, s["end"] - s["start"]) for s in sentences] or [1]
    total = sum(weights)
    merged = {k: (sum(w * s[k] for w, s in zip(weights, sentences, strict=True)) / total
                  if sentences else 0.0) for k in ("compound", "neg", "neu", "pos")}
    merged["sentences"] = sentences
    return merged


def _write_atomic(path: Path, result: EssayAnalysis) -> None:
    data = {k: v for k, v in result.to_dict().items() if k not in ("id", "title", "metadata")}
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)
