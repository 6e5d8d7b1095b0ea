"""The report's tables as pandas DataFrames (one function per CSV file) and the aggregates the
report shows. Column meanings are documented in :mod:`careertext.report`.

All functions take a list of :class:`~careertext.analyze.EssayAnalysis` and return frames with a
stable column order and rows sorted by essay id then position, so that the CSV files are
byte-identical between runs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = [
    "ESSAY_COLUMNS",
    "LESSON_COLUMNS",
    "REASON_COLUMNS",
    "SENTENCE_COLUMNS",
    "THEME_COLUMNS",
    "essays_table",
    "lessons_table",
    "mention_sentiment",
    "reasons_table",
    "sentences_table",
    "sentiment_phrases",
    "theme_prevalence",
    "reason_prevalence",
    "themes_table",
    "write_csv",
]

ESSAY_COLUMNS = ("essay_id", "title", "author", "date", "source", "n_words", "n_sentences",
                 "n_reasons", "reason_codes", "directions", "n_themes", "theme_codes",
                 "n_lessons", "compound", "neg", "neu", "pos", "error")
REASON_COLUMNS = ("essay_id", "code", "label", "direction", "voice", "score", "start", "end",
                  "evidence", "cues")
THEME_COLUMNS = ("essay_id", "code", "label", "start", "end", "is_reason", "compound",
                 "evidence", "cues")
SENTENCE_COLUMNS = ("essay_id", "sentence", "start", "end", "compound", "neg", "neu", "pos",
                    "phrases", "text")
LESSON_COLUMNS = ("essay_id", "start", "end", "kind", "score", "lesson", "text", "cues")


def _r(x: Any, nd: int = 4) -> Any:
    return round(float(x), nd) if isinstance(x, (int, float)) and x is not None else x


def _join(items: Iterable[Any]) -> str:
    return ";".join(str(i) for i in items)


def _meta(a: Any, key: str) -> str:
    value = (a.metadata or {}).get(key)
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return _join(value)
    return str(value)


def _frame(rows: list[dict[str, Any]], columns: Sequence[str], sort: Sequence[str]):
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(columns))
    if len(frame):
        frame = frame.sort_values(list(sort), kind="mergesort").reset_index(drop=True)
    return frame


def write_csv(frame, path) -> None:
    """Write a table as UTF-8 CSV with ``\\n`` line ends and no index."""
    frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


def mention_sentiment(analysis: Any, start: int, end: int) -> float | None:
    """Mean compound score of the sentences of ``analysis`` that overlap ``[start, end)``
    (aspect sentiment of a mention); None without sentiment data."""
    sentences = (analysis.sentiment or {}).get("sentences") or []
    scores = [s["compound"] for s in sentences if s["start"] < end and start < s["end"]]
    return sum(scores) / len(scores) if scores else None


def essays_table(analyses: Iterable[Any]):
    """One row per essay (``essays.csv``)."""
    rows = []
    for a in analyses:
        sent = a.sentiment or {}
        rows.append({
            "essay_id": a.id, "title": a.title or "", "author": _meta(a, "author"),
            "date": _meta(a, "date"), "source": _meta(a, "source"), "n_words": a.n_words,
            "n_sentences": a.n_sentences, "n_reasons": len(a.reasons),
            "reason_codes": _join(sorted({d["code"] for d in a.reasons})),
            "directions": _join(sorted({d["direction"] for d in a.reasons})),
            "n_themes": len({d["code"] for d in a.themes}),
            "theme_codes": _join(sorted({d["code"] for d in a.themes})),
            "n_lessons": len(a.lessons),
            **{k: _r(sent[k]) if k in sent else None for k in ("compound", "neg", "neu", "pos")},
            "error": a.error or "",
        })
    return _frame(rows, ESSAY_COLUMNS, ["essay_id"])


def reasons_table(analyses: Iterable[Any]):
    """One row per reason for leaving (``reasons.csv``)."""
    rows = [{
        "essay_id": a.id, "code": d["code"], "label": d["label"], "direction": d["direction"],
        "voice": d["voice"], "score": _r(d["score"], 3), "start": d["start"], "end": d["end"],
        "evidence": a.text[d["start"]:d["end"]], "cues": _join(d.get("cues", ())),
    } for a in analyses for d in a.reasons]
    return _frame(rows, REASON_COLUMNS, ["essay_id", "start", "code"])


def themes_table(analyses: Iterable[Any]):
    """One row per theme mention (``themes.csv``)."""
    rows = []
    for a in analyses:
        reason_at = {(d["code"], d["start"]) for d in a.reasons}
        for d in a.themes:
            compound = mention_sentiment(a, d["start"], d["end"])
            rows.append({
                "essay_id": a.id, "code": d["code"], "label": d["label"], "start": d["start"],
                "end": d["end"], "is_reason": (d["code"], d["start"]) in reason_at,
                "compound": _r(compound) if compound is not None else None,
                "evidence": a.text[d["start"]:d["end"]], "cues": _join(d.get("cues", ())),
            })
    return _frame(rows, THEME_COLUMNS, ["essay_id", "start", "code"])


def _phrases(sentence: dict[str, Any]) -> str:
    contributions = sorted(sentence.get("contributions") or [], key=lambda c: (c[0], c[1]))
    return "; ".join(f"{c[2]} ({float(c[3]):+.2f})" for c in contributions)


def sentences_table(analyses: Iterable[Any]):
    """One row per scored sentence (``sentences.csv``)."""
    rows = []
    for a in analyses:
        for i, s in enumerate((a.sentiment or {}).get("sentences") or []):
            rows.append({
                "essay_id": a.id, "sentence": i, "start": s["start"], "end": s["end"],
                **{k: _r(s.get(k, 0.0)) for k in ("compound", "neg", "neu", "pos")},
                "phrases": _phrases(s), "text": a.text[s["start"]:s["end"]],
            })
    return _frame(rows, SENTENCE_COLUMNS, ["essay_id", "start"])


def lessons_table(analyses: Iterable[Any], assignments: dict[tuple[str, int], str] | None = None):
    """One row per lesson passage (``lessons.csv``); ``assignments`` maps (essay id, start) to
    the label of the recurring lesson the passage belongs to."""
    assignments = assignments or {}
    rows = [{
        "essay_id": a.id, "start": d["start"], "end": d["end"], "kind": d["kind"],
        "score": _r(d["score"], 3), "lesson": assignments.get((a.id, d["start"]), ""),
        "text": a.text[d["start"]:d["end"]], "cues": _join(d.get("cues", ())),
    } for a in analyses for d in a.lessons]
    return _frame(rows, LESSON_COLUMNS, ["essay_id", "start"])


# -- aggregates -----------------------------------------------------------------------------------
def reason_prevalence(analyses: Sequence[Any]) -> list[dict[str, Any]]:
    """Per reason code: essays giving it, share of essays, mentions, essays per direction and
    mean score; sorted by essays (descending) then code."""
    n = len(analyses)
    per: dict[str, dict[str, Any]] = {}
    for a in analyses:
        for d in a.reasons:
            row = per.setdefault(d["code"], {"code": d["code"], "label": d["label"],
                                             "essays": set(), "mentions": 0, "scores": [],
                                             "push": set(), "pull": set(), "involuntary": set()})
            row["essays"].add(a.id)
            row["mentions"] += 1
            row["scores"].append(float(d["score"]))
            row.setdefault(d["direction"], set()).add(a.id)
    out = []
    for row in per.values():
        k = len(row["essays"])
        out.append({"code": row["code"], "label": row["label"], "essays": k,
                    "share": round(k / n, 4) if n else 0.0, "mentions": row["mentions"],
                    "push": len(row["push"]), "pull": len(row["pull"]),
                    "involuntary": len(row["involuntary"]),
                    "mean_score": round(sum(row["scores"]) / len(row["scores"]), 3)})
    return sorted(out, key=lambda r: (-r["essays"], r["code"]))


def theme_prevalence(analyses: Sequence[Any]) -> list[dict[str, Any]]:
    """Per theme: essays and sentences mentioning it and its aspect sentiment (mean compound of
    the sentences that mention it)."""
    n = len(analyses)
    per: dict[str, dict[str, Any]] = {}
    for a in analyses:
        for d in a.themes:
            row = per.setdefault(d["code"], {"code": d["code"], "label": d["label"],
                                             "essays": set(), "mentions": 0, "scores": []})
            row["essays"].add(a.id)
            row["mentions"] += 1
            score = mention_sentiment(a, d["start"], d["end"])
            if score is not None:
                row["scores"].append(score)
    out = []
    for row in per.values():
        k = len(row["essays"])
        scores = row["scores"]
        out.append({"code": row["code"], "label": row["label"], "essays": k,
                    "share": round(k / n, 4) if n else 0.0, "mentions": row["mentions"],
                    "sentiment": round(sum(scores) / len(scores), 3) if scores else None})
    return sorted(out, key=lambda r: (-r["essays"], r["code"]))


def sentiment_phrases(analyses: Sequence[Any], top: int = 12) -> dict[str, list[dict[str, Any]]]:
    """The phrases that drive sentiment: per phrase (lower-cased) its occurrences, essays and
    summed weight; the ``top`` positive and negative phrases by summed weight."""
    count: Counter = Counter()
    weight: dict[str, float] = defaultdict(float)
    essays: dict[str, set] = defaultdict(set)
    for a in analyses:
        for s in (a.sentiment or {}).get("sentences") or []:
            for c in s.get("contributions") or []:
                phrase = " ".join(str(c[2]).lower().split())
                if not phrase or not float(c[3]):
                    continue
                count[phrase] += 1
                weight[phrase] += float(c[3])
                essays[phrase].add(a.id)
    rows = [{"phrase": p, "count": count[p], "essays": len(essays[p]),
             "weight": round(weight[p], 3), "mean": round(weight[p] / count[p], 3)}
            for p in count]
    positive = sorted((r for r in rows if r["weight"] > 0),
                      key=lambda r: (-r["weight"], r["phrase"]))
    negative = sorted((r for r in rows if r["weight"] < 0),
                      key=lambda r: (r["weight"], r["phrase"]))
    return {"positive": positive[:top], "negative": negative[:top]}
