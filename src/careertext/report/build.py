"""Writing the theme report: :func:`report` and :class:`ReportResult`."""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..display import counted
from . import charts, tables

__all__ = ["MIN_LESSON_PASSAGES", "ReportResult", "corpus_fingerprint", "report"]

#: Fewer lesson passages than this and no recurring lessons are modelled.
MIN_LESSON_PASSAGES = 6
TABLE_FILES = ("essays.csv", "reasons.csv", "themes.csv", "sentences.csv", "lessons.csv")
_QUOTES_PER_CODE = 3


@dataclass
class ReportResult:
    """What :func:`report` wrote and found.

    Attributes
    ----------
    out : Path
        The report folder.
    files : dict of str to Path
        Every file written, by name relative to ``out`` (``index.html``, ``report.md``, the CSV
        tables, ``charts/*.svg``).
    n_essays, n_words, n_skipped, n_errors, n_reasons, n_lesson_passages : int
        Counts: essays analysed, their words, inputs the loader skipped, essays whose analysis
        failed, reasons for leaving and lesson passages found.
    n_cached : int
        Essays whose analysis came from the cache.
    skipped : list of tuple
        ``(source, row, reason, detail)`` of each skipped input.
    errors : list of tuple
        ``(essay id, error message)`` of each failed essay.
    top_reasons, top_lessons : list of tuple
        ``(label, essays)`` of the most frequent reasons and recurring lessons.
    lessons_note : str or None
        Why no recurring lessons were modelled, if they were not.
    corpus_fingerprint : str
        sha256 of the sorted essay ids and content hashes.
    """

    out: Path
    files: dict[str, Path] = field(default_factory=dict)
    n_essays: int = 0
    n_words: int = 0
    n_skipped: int = 0
    n_errors: int = 0
    n_reasons: int = 0
    n_lesson_passages: int = 0
    n_cached: int = 0
    skipped: list[tuple[Any, ...]] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    top_reasons: list[tuple[str, int]] = field(default_factory=list)
    top_lessons: list[tuple[str, int]] = field(default_factory=list)
    lessons_note: str | None = None
    corpus_fingerprint: str = ""

    @property
    def index(self) -> Path:
        """Path of ``index.html``."""
        return self.out / "index.html"

    def summary(self) -> str:
        """A one-screen text summary (what the ``careertext report`` command prints)."""
        lines = []
        if not self.n_essays:
            lines.append("No essays to analyse: the corpus is empty"
                         + (" (every input was skipped)." if self.n_skipped else "."))
        else:
            lines.append(f"Analysed {counted(self.n_essays, 'essay')} ({self.n_words:,} words; "
                         f"{self.n_cached} from the cache).")
        if self.skipped:
            reasons = Counter(str(s[2]) for s in self.skipped)
            lines.append(f"Skipped {counted(self.n_skipped, 'input')}: "
                         + ", ".join(f"{n} {r}" for r, n in sorted(reasons.items())))
            groups: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
            for s in self.skipped:  # a table's bad rows are one line
                groups.setdefault((str(s[0]), str(s[2])), []).append(s)
            for k, ((source, reason), items) in enumerate(groups.items()):
                if k == 8:
                    lines.append(f"  ... and {len(groups) - 8} more (see the report)")
                    break
                first = items[0]
                where = source + (f" row {first[1]}" if first[1] is not None and len(items) == 1
                                  else f" ({len(items)} rows)" if len(items) > 1 else "")
                lines.append(f"  - {where}: {reason}" + (f" ({first[3]})" if first[3] else ""))
        if self.errors:
            lines.append(f"Analysis failed for {counted(self.n_errors, 'essay')}:")
            lines.extend(f"  - {eid}: {msg}" for eid, msg in self.errors[:8])
        if self.top_reasons:
            lines.append("Top reasons for leaving (essays):")
            lines.extend(f"  {n:>4}  {label}" for label, n in self.top_reasons[:5])
        if self.top_lessons:
            lines.append("Top recurring lessons (essays):")
            lines.extend(f"  {n:>4}  {label}" for label, n in self.top_lessons[:5])
        elif self.lessons_note:
            lines.append(f"Recurring lessons: {self.lessons_note}")
        lines.append(f"Report: {self.index}")
        lines.append(f"Also: {self.out / 'report.md'} and the tables "
                     + ", ".join(TABLE_FILES) + f" in {self.out}")
        return "\n".join(lines)


# -- helpers ---------------------------------------------------------------------------------
def _content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def corpus_fingerprint(essays: Iterable[Any]) -> str:
    """sha256 of the sorted ``"<essay id>\\t<sha256 of its text>"`` lines of a corpus."""
    lines = sorted(f"{e.id}\t{_content_hash(e.text)}" for e in essays)
    return hashlib.sha256("\n".join(lines).encode("utf-8", "surrogatepass")).hexdigest()


def _resolve_corpus(corpus: Any, options: dict[str, Any] | None):
    from ..corpus import Corpus, load_corpus

    if isinstance(corpus, Corpus):
        if options:
            raise TypeError("corpus_options apply only when corpus is a source to load, "
                            "not a Corpus")
        return corpus
    return load_corpus(corpus, **(options or {}))


def _skip_tuple(s: Any) -> tuple[Any, ...]:
    get = (lambda k: s.get(k)) if isinstance(s, dict) else (lambda k: getattr(s, k, None))
    return (str(get("source")), get("row"), str(get("reason")), get("detail") or "")


def _progress(items: Iterator[Any], total: int, enabled: bool) -> Iterator[Any]:
    if not enabled or not total or not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("Analysing essays"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("analyse", total=total)
        for item in items:
            bar.advance(task)
            yield item


def _unique_anchors(ids: list[str]) -> dict[str, str]:
    from ..display import sanitize_id

    out: dict[str, str] = {}
    used: set[str] = set()
    for eid in ids:
        base = f"essay-{sanitize_id(eid)}"
        anchor, k = base, 2
        while anchor in used:
            anchor, k = f"{base}-{k}", k + 1
        used.add(anchor)
        out[eid] = anchor
    return out


def _fit_lessons(analyses: list[Any], random_state: int) -> tuple[Any, str | None, list]:
    """Fit the LessonModel on all lesson passages; (model or None, note, passages)."""
    from ..errors import CareertextError
    from ..topics import LessonModel

    passages = [(a.id, d, a.text[d["start"]:d["end"]]) for a in analyses for d in a.lessons]
    if len(passages) < MIN_LESSON_PASSAGES:
        return None, (f"only {len(passages)} lesson passage(s) were found; at least "
                      f"{MIN_LESSON_PASSAGES} are needed to find recurring lessons."), passages
    model = LessonModel(n_lessons="auto", random_state=random_state)
    try:
        model.fit([p[2] for p in passages], essay_ids=[p[0] for p in passages])
    except (ValueError, CareertextError) as exc:
        return None, (f"the lesson model could not be fitted on {len(passages)} passages "
                      f"({exc})."), passages
    return model, None, passages


def _norm(text: str) -> str:
    return " ".join(text.split())


def _lesson_rows(model: Any, passages: list, anchors: dict[str, str], n_essays: int):
    """The recurring lessons as plain rows, and (essay id, start) -> label of the passage's main
    lesson (the largest weight of ``model.transform``; none when all weights are 0)."""
    labels = [str(lesson.label) for lesson in model.lessons_]
    counts = Counter(labels)
    seen: Counter = Counter()
    for i, label in enumerate(labels):  # two lessons with one label are told apart
        if counts[label] > 1:
            seen[label] += 1
            labels[i] = f"{label} ({seen[label]})"
    weights = model.transform([p[2] for p in passages])
    assignments = {}
    for (eid, d, _), row in zip(passages, weights, strict=True):
        if row.sum() > 0:
            assignments[(eid, d["start"])] = labels[int(row.argmax())]
    by_text: dict[str, str] = {}
    for eid, _, text in passages:
        by_text.setdefault(_norm(text), eid)
    rows = []
    for label, lesson in zip(labels, model.lessons_, strict=True):
        quotes = []
        for q in lesson.quotes:
            eid = by_text.get(q)
            if eid is None and q.endswith("…"):  # a shortened quote
                eid = next((e for t, e in by_text.items() if t.startswith(q[:-1])), None)
            quotes.append({"text": q, "essay_id": eid,
                           "anchor": anchors.get(eid) if eid is not None else None})
        essays = [str(e) for e in lesson.essays]
        rows.append({"label": label, "terms": [(str(t), float(w)) for t, w in lesson.terms][:10],
                     "quotes": quotes, "essays": essays, "n_essays": len(essays),
                     "coverage": round(len(essays) / n_essays, 4) if n_essays else 0.0,
                     "share": round(float(lesson.share), 4)})
    return rows, assignments


def _evidence(analyses: list[Any], anchors: dict[str, str]) -> dict[str, list[dict]]:
    """Per reason code, the strongest evidence quotes (one per essay, by score then essay id)."""
    best: dict[str, dict[str, dict]] = {}
    for a in analyses:
        for d in a.reasons:
            cur = best.setdefault(d["code"], {}).get(a.id)
            if cur is None or d["score"] > cur["score"]:
                best[d["code"]][a.id] = {
                    "essay_id": a.id, "title": a.title or a.id, "anchor": anchors[a.id],
                    "score": d["score"], "direction": d["direction"], "voice": d["voice"],
                    "text": a.text[d["start"]:d["end"]], "start": d["start"]}
    return {code: sorted(per.values(), key=lambda q: (-q["score"], q["essay_id"], q["start"]))
            [:_QUOTES_PER_CODE] for code, per in best.items()}


def _extreme_sentences(analyses: list[Any], anchors: dict[str, str], n: int = 5):
    rows = [{"essay_id": a.id, "anchor": anchors[a.id], "compound": s["compound"],
             "text": a.text[s["start"]:s["end"]], "start": s["start"]}
            for a in analyses for s in (a.sentiment or {}).get("sentences") or []]
    pos = sorted((r for r in rows if r["compound"] > 0.05),
                 key=lambda r: (-r["compound"], r["essay_id"], r["start"]))[:n]
    neg = sorted((r for r in rows if r["compound"] < -0.05),
                 key=lambda r: (r["compound"], r["essay_id"], r["start"]))[:n]
    return {"positive": pos, "negative": neg}


def _overview(analyses: list[Any], skipped: list[tuple]) -> dict[str, Any]:
    dates = sorted(str(a.metadata.get("date")) for a in analyses if a.metadata.get("date"))
    sources = sorted({str(a.metadata.get("source")) for a in analyses
                      if a.metadata.get("source")})
    words = [a.n_words for a in analyses]
    return {
        "n_essays": len(analyses), "n_words": sum(words),
        "mean_words": round(sum(words) / len(words)) if words else 0,
        "min_words": min(words) if words else 0, "max_words": max(words) if words else 0,
        "n_sentences": sum(a.n_sentences for a in analyses),
        "first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None,
        "n_dated": len(dates), "sources": sources[:10], "n_sources": len(sources),
        "skipped": [{"source": s[0], "row": s[1], "reason": s[2], "detail": s[3]}
                    for s in skipped],
        "skip_reasons": sorted(Counter(s[2] for s in skipped).items()),
        "errors": [{"essay_id": a.id, "error": a.error} for a in analyses if a.error],
    }


def _provenance(nlp: Any, settings: dict[str, Any], fingerprint: str) -> dict[str, Any]:
    import matplotlib
    import sklearn
    import spacy

    from .. import __version__
    from ..codebook import default_codebook

    cb = default_codebook()
    meta = nlp.meta
    model = f"{meta.get('lang', '')}_{meta.get('name', '')}".strip("_")
    return {
        "careertext": __version__, "spacy": spacy.__version__, "model": model,
        "model_version": meta.get("version", ""), "pipeline": ", ".join(
            n for n in nlp.pipe_names if not n.startswith("careertext_")),
        "codebook": cb.name, "codebook_version": cb.version, "codebook_fingerprint": cb.fingerprint,
        "scikit_learn": sklearn.__version__, "matplotlib": matplotlib.__version__,
        "python": ".".join(str(x) for x in sys.version_info[:3]),
        "corpus_fingerprint": fingerprint, "settings": settings,
    }


def _templates():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    from .markdown import md_cell, md_quote, md_text

    env = Environment(
        loader=PackageLoader("careertext.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2", "html"),
                                     default_for_string=True, default=False),
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True)
    env.filters.update(md_cell=md_cell, md_quote=md_quote, md_text=md_text,
                       pct=lambda x: f"{100 * float(x):.0f}%", counted=counted,
                       signed=lambda x: "—" if x is None else f"{float(x):+.3f}")
    return env


# -- the report -----------------------------------------------------------------------------------
def report(corpus: Any, out: str | Path, *, nlp: Any = None, n_process: int = 1,
           cache: bool = True, cache_dir: str | Path | None = None, random_state: int = 0,
           progress: bool = True, corpus_options: dict[str, Any] | None = None) -> ReportResult:
    """Analyse a corpus and write the theme report to ``out``.

    Parameters
    ----------
    corpus : Corpus or source
        A :class:`~careertext.corpus.Corpus`, or anything :func:`careertext.load_corpus` takes
        (a folder, a file, a glob ...), loaded with ``corpus_options``.
    out : str or Path
        The report folder (created). Written: ``index.html`` (self-contained), ``report.md``,
        ``essays.csv``, ``reasons.csv``, ``themes.csv``, ``sentences.csv``, ``lessons.csv`` and
        ``charts/*.svg``.
    nlp : Language, str or None
        The spaCy pipeline (default :func:`careertext.load_pipeline`).
    n_process : int
        Processes for ``nlp.pipe``.
    cache : bool
        Re-use per-essay analyses between runs (keyed by content and versions).
    cache_dir : path, optional
        Where the cache lives; default ``<out>/.cache``.
    random_state : int
        Seed of the lesson model.
    progress : bool
        Show a progress bar while essays are analysed (only on a terminal).
    corpus_options : dict, optional
        Keyword arguments of :func:`careertext.load_corpus` (``text_columns``, ``id_column`` ...).

    Returns
    -------
    ReportResult
        Paths, counts and a printable :meth:`~ReportResult.summary`.

    Notes
    -----
    The same corpus and settings give byte-identical files: nothing in them depends on the time,
    the output folder or the order of a set.
    """
    from markupsafe import Markup

    from ..analyze import ALL_ANALYSES, analysis_key, analyze
    from ..codebook import default_codebook
    from ..display import DISPLAY_CSS, essay_html, legend_html
    from ..pipeline import load_pipeline
    from ..themes import theme_cooccurrence

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    loaded = _resolve_corpus(corpus, corpus_options)
    essays = sorted([*iter(loaded)], key=lambda e: str(e.id))  # one pass over the files
    skipped = [_skip_tuple(s) for s in (getattr(loaded, "skipped", None) or [])]
    nlp = load_pipeline(nlp)
    cache_path = None
    if cache:
        cache_path = Path(cache_dir) if cache_dir is not None else out / ".cache"
    fingerprint = corpus_fingerprint(essays)
    report_key = _report_key(fingerprint, essays, skipped, nlp, n_process, random_state,
                             corpus_options)
    if cache_path is not None:
        reused = _reuse_report(report_key, out)
        if reused is not None:
            return reused
    n_cached = 0
    if cache_path is not None and essays:
        n_cached = sum((cache_path / f"{analysis_key(e.text, nlp, ALL_ANALYSES)}.json").exists()
                       for e in essays)
    stream = analyze(essays, nlp=nlp, n_process=n_process, batch_size=16, cache_dir=cache_path)
    analyses = list(_progress(stream, len(essays), progress))

    ids = [a.id for a in analyses]
    anchors = _unique_anchors(ids)
    ok = [a for a in analyses if not a.error]
    model, lessons_note, passages = _fit_lessons(ok, random_state)
    lesson_rows, assignments = ([], {}) if model is None else _lesson_rows(
        model, passages, anchors, len(analyses))

    frames = {
        "essays.csv": tables.essays_table(analyses),
        "reasons.csv": tables.reasons_table(analyses),
        "themes.csv": tables.themes_table(analyses),
        "sentences.csv": tables.sentences_table(analyses),
        "lessons.csv": tables.lessons_table(analyses, assignments),
    }
    files: dict[str, Path] = {}
    for name, frame in frames.items():
        tables.write_csv(frame, out / name)
        files[name] = out / name

    cooc = theme_cooccurrence([a.theme_objects() for a in ok])
    svgs: dict[str, str] = {}
    chart_dir = out / "charts"
    if chart_dir.is_dir():  # charts of an earlier run that this one may not draw
        for stale in chart_dir.glob("*.svg"):
            stale.unlink()
    if analyses:
        figures = {
            "reason_prevalence": lambda: charts.reason_prevalence(ok),
            "direction_split": lambda: charts.direction_split(ok),
            "essay_reason_heatmap": lambda: charts.essay_reason_heatmap(ok),
            "theme_cooccurrence": lambda: charts.theme_cooccurrence_heatmap(cooc),
            "sentiment_distribution": lambda: charts.sentiment_distribution(ok),
        }
        if model is not None:
            figures["lesson_selection"] = lambda: charts.lesson_selection(model)
        chart_dir.mkdir(exist_ok=True)
        for name, make in figures.items():
            fig = make()
            svgs[name] = charts.figure_to_svg(fig, name=name)
            fig.clear()
            path = chart_dir / f"{name}.svg"
            path.write_text(svgs[name] + "\n", encoding="utf-8")
            files[f"charts/{name}.svg"] = path

    settings = {"n_process": n_process, "cache": bool(cache), "random_state": random_state,
                "analyses": ", ".join(ALL_ANALYSES),
                "lesson_model": "LessonModel(n_lessons='auto', method='nmf')",
                "min_lesson_passages": MIN_LESSON_PASSAGES,
                "corpus_options": ", ".join(f"{k}={v!r}" for k, v in
                                            sorted((corpus_options or {}).items())) or "—"}
    reason_rows = tables.reason_prevalence(ok)
    by_direction = Counter(d["direction"] for a in ok for d in a.reasons)
    direction_essays = {k: len({a.id for a in ok for d in a.reasons if d["direction"] == k})
                        for k in charts.DIRECTIONS}
    per_essay = [{
        "id": a.id, "anchor": anchors[a.id], "title": a.title or a.id,
        "author": a.metadata.get("author"), "date": a.metadata.get("date"),
        "source": a.metadata.get("source"), "n_words": a.n_words, "n_sentences": a.n_sentences,
        "reasons": sorted({d["label"] for d in a.reasons}),
        "themes": sorted({d["label"] for d in a.themes}), "n_lessons": len(a.lessons),
        "compound": (a.sentiment or {}).get("compound"), "error": a.error,
        "html": Markup(essay_html(a, header=False, styles=False, anchor=None)),
    } for a in analyses]
    context = {
        "overview": _overview(analyses, skipped),
        "reasons": reason_rows, "directions": dict(by_direction),
        "direction_essays": direction_essays, "evidence": _evidence(ok, anchors),
        "themes": tables.theme_prevalence(ok),
        "cooccurrence": {"codes": list(cooc.index), "rows": cooc.values.tolist()},
        "phrases": tables.sentiment_phrases(ok),
        "extremes": _extreme_sentences(ok, anchors),
        "essay_sentiment": sorted(
            ({"id": a.id, "anchor": anchors[a.id], "title": a.title or a.id,
              "compound": a.sentiment["compound"], "n": len(a.sentiment.get("sentences", []))}
             for a in ok if a.sentiment), key=lambda r: (r["compound"], r["id"])),
        "lesson_kinds": sorted(Counter(d["kind"] for a in ok for d in a.lessons).items()),
        "n_passages": len(passages), "lessons": lesson_rows, "lessons_note": lessons_note,
        "essays": per_essay, "provenance": _provenance(nlp, settings, fingerprint),
        "svgs": {k: Markup(v) for k, v in svgs.items()},
        "css": Markup(DISPLAY_CSS), "legend": Markup(legend_html()),
        "labels": {c.id: c.label for c in default_codebook()},
    }
    env = _templates()
    for name, template in (("index.html", "index.html.j2"), ("report.md", "report.md.j2")):
        text = env.get_template(template).render(**context)
        (out / name).write_text(text, encoding="utf-8", newline="\n")
        files[name] = out / name

    top_lessons = sorted(((r["label"], r["n_essays"]) for r in lesson_rows),
                         key=lambda x: (-x[1], x[0]))
    result = ReportResult(
        out=out, files=dict(sorted(files.items())), n_essays=len(analyses),
        n_words=sum(a.n_words for a in analyses), n_skipped=len(skipped),
        n_errors=sum(1 for a in analyses if a.error),
        n_reasons=sum(len(a.reasons) for a in analyses), n_lesson_passages=len(passages),
        n_cached=n_cached, skipped=skipped,
        errors=[(a.id, a.error) for a in analyses if a.error],
        top_reasons=[(r["label"], r["essays"]) for r in reason_rows], top_lessons=top_lessons,
        lessons_note=lessons_note, corpus_fingerprint=fingerprint)
    if cache_path is not None:
        _save_report_state(report_key, result)
    return result


_STATE = ".careertext-report.json"  # in the report folder: what the last run wrote


def _report_key(fingerprint, essays, skipped, nlp, n_process, random_state,
                corpus_options) -> str:
    """Everything the report's bytes depend on: versions, model, codebook, corpus, settings."""
    from .. import __version__
    from ..analyze import data_fingerprint
    from ..codebook import default_codebook

    parts = {
        "careertext": __version__, "model": [nlp.meta.get("name"), nlp.meta.get("version")],
        "pipes": [n for n in nlp.pipe_names if not n.startswith("careertext_")],
        "codebook": default_codebook().fingerprint, "data": data_fingerprint(),
        "corpus": fingerprint, "skipped": [list(map(str, s)) for s in skipped],
        "meta": [[str(e.id), e.title, e.author, e.date, e.source] for e in essays],
        "settings": [n_process, random_state, sorted((corpus_options or {}).items())],
    }
    blob = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _save_report_state(key: str, result: ReportResult) -> None:
    """Remember what this run wrote, so that an identical re-run can reuse it untouched."""
    data = {k: v for k, v in result.__dict__.items() if k not in ("out", "files")}
    data["files"] = {name: [str(path.relative_to(result.out)), _file_hash(path)]
                     for name, path in result.files.items()}
    (result.out / _STATE).write_text(json.dumps({"key": key, "result": data}, default=list),
                                     encoding="utf-8")


def _reuse_report(key: str, out: Path) -> ReportResult | None:
    """The previous run's result when nothing it depends on changed and its files are intact."""
    try:
        state = json.loads((out / _STATE).read_text(encoding="utf-8"))
        if state.get("key") != key:
            return None
        data = dict(state["result"])
        files = {}
        for name, (rel, digest) in data.pop("files").items():
            path = out / rel
            if not path.is_file() or _file_hash(path) != digest:
                return None  # a file was removed or edited: rebuild
            files[name] = path
        for k in ("skipped", "errors", "top_reasons", "top_lessons"):
            data[k] = [tuple(x) for x in data.get(k, [])]
        data["n_cached"] = data.get("n_essays", 0)
        return ReportResult(out=out, files=files, **data)
    except (OSError, ValueError, KeyError, TypeError):
        return None
