"""Scoring reason extraction against gold annotations (the codebook's format and scoring).

Document-level scoring: a predicted code in ``required`` is a true positive, one in neither
``required`` nor ``acceptable`` a false positive, a ``required`` code not predicted a false
negative; ``acceptable`` codes count for nothing. Evidence recall: the share of gold reasons with a
``required`` code whose evidence sentence is overlapped by an extracted reason of the same code.
Direction and voice accuracy: of those overlapped gold reasons that give a direction (voice), the
share whose overlapping extracted reason has the same one.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .codebook import DIRECTIONS, VOICES, default_codebook
from .errors import GoldError

__all__ = [
    "METRICS", "EvalResult", "GoldDoc", "Interval", "agreement", "evaluate", "keyword_baseline",
    "load_texts", "read_gold",
]


@dataclass(frozen=True)
class GoldReason:
    code: str
    direction: str | None
    voice: str | None
    start: int
    end: int


@dataclass(frozen=True)
class GoldDoc:
    """One gold document: required and acceptable codes and the reasons' evidence offsets."""

    doc_id: str
    required: frozenset[str]
    acceptable: frozenset[str]
    reasons: tuple[GoldReason, ...]


@dataclass(frozen=True)
class DocRow:
    doc_id: str
    predicted: tuple[str, ...]
    tp: tuple[str, ...]
    fp: tuple[str, ...]
    fn: tuple[str, ...]
    evidence_hit: int
    evidence_total: int
    # (code, gold direction, extracted direction, gold voice, extracted voice) per gold reason
    # with a required code that an extracted reason of its code overlaps
    attributes: tuple[tuple[str, str | None, str | None, str | None, str | None], ...] = ()


#: The micro scores that :meth:`EvalResult.interval` and :meth:`EvalResult.compare` resample.
METRICS = ("precision", "recall", "f1", "evidence_recall")


@dataclass(frozen=True)
class Interval:
    """A score (or a difference of scores) with a bootstrap confidence interval."""

    metric: str
    estimate: float
    low: float
    high: float
    level: float
    n_resamples: int

    def __str__(self) -> str:
        return f"{self.estimate:.3f} ({self.level:.0%} CI {self.low:.3f} to {self.high:.3f})"


def _micro(counts, metric: str, axis: int = -1):
    """``metric`` of per-document count arrays (tp, fp, fn, evidence hit, evidence total),
    summed along ``axis``; an empty denominator scores 1, as :class:`EvalResult`'s do."""
    import numpy as np

    tp, fp, fn, hit, total = (np.sum(c, axis=axis) for c in counts)

    def ratio(a, b):
        return np.where(b > 0, a / np.maximum(b, 1), 1.0)

    if metric == "evidence_recall":
        return ratio(hit, total)
    p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
    if metric == "precision":
        return p
    if metric == "recall":
        return r
    return np.where(p + r > 0, 2 * p * r / np.where(p + r > 0, p + r, 1.0), 0.0)


def _check_metric(metric: str) -> None:
    if metric not in METRICS:
        raise ValueError(f"metric is one of {', '.join(METRICS)}, not {metric!r}")


@dataclass
class EvalResult:
    """Per-document rows, micro scores, a per-code table and a confusion list."""

    rows: list[DocRow] = field(default_factory=list)

    def _counts(self):
        """Per-document tp, fp, fn, evidence hits and evidence totals, as five arrays."""
        import numpy as np

        counts = np.array([(len(r.tp), len(r.fp), len(r.fn), r.evidence_hit, r.evidence_total)
                           for r in self.rows], dtype=float).reshape(-1, 5)
        return tuple(counts.T)

    def interval(self, metric: str = "f1", *, level: float = 0.95, n_resamples: int = 2000,
                 random_state: int | None = 0) -> Interval:
        """A document-level bootstrap confidence interval of a micro score.

        The documents are resampled with replacement ``n_resamples`` times and the micro score
        recomputed on each resample (:func:`scipy.stats.bootstrap`, percentile method), so the
        interval says how much the score would move on another sample of documents like these.

        Parameters
        ----------
        metric : {"precision", "recall", "f1", "evidence_recall"}
        level : float
            Confidence level of the interval.
        n_resamples : int
            Number of bootstrap resamples.
        random_state : int or None
            Seed of the resampling; the same seed gives the same interval.

        Raises
        ------
        ValueError
            For an unknown metric, or fewer than two documents.

        Examples
        --------
        >>> from careertext.evaluate import DocRow, EvalResult
        >>> rows = [DocRow(str(i), ("pay",), ("pay",) if i % 4 else (), () if i % 4 else ("pay",),
        ...                ("pay",) if i % 4 == 0 else (), 1, 1) for i in range(40)]
        >>> result = EvalResult(rows)
        >>> ci = result.interval("precision")
        >>> round(result.precision, 2), ci.low < result.precision < ci.high
        (0.75, True)
        """
        _check_metric(metric)
        low, high = _bootstrap(self._counts(), lambda *c, axis=-1: _micro(c, metric, axis),
                               level, n_resamples, random_state)
        return Interval(metric, float(getattr(self, metric)), low, high, level, n_resamples)

    def compare(self, other: EvalResult, metric: str = "f1", *, level: float = 0.95,
                n_resamples: int = 2000, random_state: int | None = 0) -> Interval:
        """The difference of a micro score, this result's minus ``other``'s, with a paired
        document-level bootstrap confidence interval: both systems are scored on the same
        resampled documents, so an interval that excludes 0 is a difference beyond the
        sampling noise of these documents.

        Parameters are as for :meth:`interval`; ``other`` must score the same documents in the
        same order (two :func:`evaluate` runs on the same gold).

        Raises
        ------
        ValueError
            For an unknown metric, fewer than two documents, or other documents.
        """
        _check_metric(metric)
        if [r.doc_id for r in self.rows] != [r.doc_id for r in other.rows]:
            raise ValueError("compare needs two results on the same documents in the same order "
                             "(two evaluate() runs on the same gold)")

        def difference(*c, axis=-1):
            return _micro(c[:5], metric, axis) - _micro(c[5:], metric, axis)

        low, high = _bootstrap((*self._counts(), *other._counts()), difference, level,
                               n_resamples, random_state)
        estimate = float(getattr(self, metric)) - float(getattr(other, metric))
        return Interval(metric, estimate, low, high, level, n_resamples)

    # the micro scores: :func:`_micro` of the summed counts, as each bootstrap resample is

    @property
    def precision(self) -> float:
        return float(_micro(self._counts(), "precision"))

    @property
    def recall(self) -> float:
        return float(_micro(self._counts(), "recall"))

    @property
    def f1(self) -> float:
        return float(_micro(self._counts(), "f1"))

    @property
    def evidence_recall(self) -> float:
        return float(_micro(self._counts(), "evidence_recall"))

    def _pairs(self, attr: str) -> list[tuple[str, str]]:
        i = {"direction": 1, "voice": 3}[attr]
        return [(a[i], a[i + 1]) for r in self.rows for a in r.attributes
                if a[i] is not None and a[i + 1] is not None]

    @property
    def direction_accuracy(self) -> float | None:
        """Share of found gold reasons (evidence overlapped by an extracted reason of their code)
        whose direction the extracted reason gives too; ``None`` when none can be compared (an
        extractor without directions, or no reason found)."""
        pairs = self._pairs("direction")
        return sum(g == p for g, p in pairs) / len(pairs) if pairs else None

    @property
    def voice_accuracy(self) -> float | None:
        """As :attr:`direction_accuracy`, for the voice (``self`` / ``reported`` / ``advice``)."""
        pairs = self._pairs("voice")
        return sum(g == p for g, p in pairs) / len(pairs) if pairs else None

    def attribute_confusion(self, attr: str = "voice") -> dict[tuple[str, str], int]:
        """Counts of (gold, extracted) values of ``"voice"`` or ``"direction"`` over the found
        gold reasons, e.g. ``{("self", "self"): 80, ("reported", "self"): 12, ...}``."""
        if attr not in ("voice", "direction"):
            raise ValueError(f"attr is 'voice' or 'direction', not {attr!r}")
        return dict(Counter(self._pairs(attr)))

    def summary(self) -> dict[str, float]:
        """Micro precision, recall, F1, evidence recall, direction and voice accuracy (``None``
        when nothing can be compared) and counts."""
        accuracy = {name: (round(v, 4) if v is not None else None) for name, v in (
            ("direction_accuracy", self.direction_accuracy),
            ("voice_accuracy", self.voice_accuracy))}
        tp, fp, fn = (int(c.sum()) for c in self._counts()[:3])
        return {
            "documents": len(self.rows), "tp": tp, "fp": fp, "fn": fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "evidence_recall": round(self.evidence_recall, 4), **accuracy,
            "attributes_compared": len(self._pairs("voice")),
        }

    def per_code(self) -> list[dict[str, Any]]:
        """Precision, recall and F1 per code (rows sorted by code)."""
        counts: dict[str, Counter] = {}
        for row in self.rows:
            for kind in ("tp", "fp", "fn"):
                for code in getattr(row, kind):
                    counts.setdefault(code, Counter())[kind] += 1
        out = []
        for code in sorted(counts):
            c = counts[code]
            p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
            r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out.append({"code": code, "tp": c["tp"], "fp": c["fp"], "fn": c["fn"],
                        "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)})
        return out

    def confusions(self) -> list[dict[str, Any]]:
        """Per document: codes predicted but not gold (fp) and gold but not predicted (fn)."""
        return [{"doc_id": r.doc_id, "fp": list(r.fp), "fn": list(r.fn)}
                for r in self.rows if r.fp or r.fn]

    def to_frame(self):
        """Per-document rows as a pandas DataFrame."""
        import pandas as pd

        return pd.DataFrame([r.__dict__ for r in self.rows])


def _bootstrap(data, statistic, level: float, n_resamples: int, random_state: int | None,
               batch: int | None = None) -> tuple[float, float]:
    """Percentile bootstrap interval of ``statistic`` over paired per-document arrays
    (``batch`` resamples at a time, to bound memory on long arrays; all at once by default)."""
    from scipy.stats import bootstrap

    if len(data[0]) < 2:
        raise ValueError("a bootstrap interval needs at least two documents")
    if not 0 < level < 1:
        raise ValueError(f"level is between 0 and 1, not {level!r}")
    res = bootstrap(data, statistic, paired=True, vectorized=True, n_resamples=n_resamples,
                    batch=batch, confidence_level=level, method="percentile",
                    random_state=random_state)
    return float(res.confidence_interval.low), float(res.confidence_interval.high)


def read_gold(path: str | Path, texts: dict[str, str] | None = None) -> list[GoldDoc]:
    """Read a gold JSONL file (codebook format).

    Evidence may be a ``span`` ([start, end] offsets) or ``evidence`` text, which is located in
    the document text (``texts[doc_id]``; required for text evidence).

    Raises
    ------
    GoldError
        On malformed lines, unknown codes, bad offsets or evidence not found in the text.
    """
    path = Path(path)
    known = set(default_codebook().reason_ids)
    docs, seen = [], set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError("E040", f"Cannot read gold file {path}: {exc}", "Check the path.") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
            doc_id = str(obj["doc_id"])
            required = frozenset(obj.get("required", []))
            acceptable = frozenset(obj.get("acceptable", []))
            raw_reasons = obj.get("reasons", [])
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise GoldError("E041", f"Malformed gold line {where}: {exc}",
                            "Each line is a JSON object with doc_id, required, acceptable, "
                            "reasons.") from exc
        if doc_id in seen:
            raise GoldError("E042", f"Duplicate doc_id {doc_id!r} at {where}.", None)
        seen.add(doc_id)
        bad = (required | acceptable) - known
        if bad:
            raise GoldError("E043", f"Unknown codes {sorted(bad)} at {where}.",
                            "Use the ids of the codebook (careertext.default_codebook()).")
        text = texts.get(doc_id) if texts is not None else None
        reasons = []
        for r in raw_reasons:
            code = r.get("code")
            if code not in known:
                raise GoldError("E043", f"Unknown code {code!r} at {where}.", None)
            if r.get("direction") not in (None, *DIRECTIONS) or r.get("voice") not in (
                    None, *VOICES):
                raise GoldError("E044", f"Bad direction/voice at {where}.",
                                f"direction is one of {DIRECTIONS}, voice one of {VOICES}.")
            if "span" in r:
                start, end = int(r["span"][0]), int(r["span"][1])
                if text is not None and not 0 <= start < end <= len(text):
                    raise GoldError("E045", f"Span {r['span']} out of range at {where}.",
                                    "Offsets are Python character offsets into the text.")
            elif "evidence" in r:
                if text is None:
                    raise GoldError("E046", f"Text evidence at {where} needs the document text.",
                                    f"Provide {doc_id}.txt (or .md) in the texts folder.")
                start = text.find(r["evidence"])
                if start < 0:
                    raise GoldError("E047", f"Evidence not found in {doc_id} at {where}.",
                                    "Evidence must be copied exactly from the text.")
                end = start + len(r["evidence"])
            else:
                raise GoldError("E048", f"A reason without span or evidence at {where}.", None)
            reasons.append(GoldReason(code, r.get("direction"), r.get("voice"), start, end))
        docs.append(GoldDoc(doc_id, required, acceptable, tuple(reasons)))
    return docs


def load_texts(source: str | Path, ids: Iterable[str] | None = None) -> dict[str, str]:
    """Read ``<doc_id>.txt`` (or ``<doc_id>.md``, front matter removed) files from a folder.

    Files are read with ``newline=""`` so that offsets are those of the file's characters.
    """
    folder = Path(source)
    if not folder.is_dir():
        raise GoldError("E049", f"Texts folder {folder} does not exist.",
                        "Give the folder that holds <doc_id>.txt files.")
    wanted = set(ids) if ids is not None else None
    texts = {}
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".txt", ".md") or (wanted is not None and path.stem not in wanted):
            continue
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
        if path.suffix == ".md":
            from .corpus import split_front_matter

            text = split_front_matter(text)[1]
        texts[path.stem] = text
    return texts


Extractor = Callable[[Sequence[str]], list[list[Any]]]


def _default_extractor(texts: Sequence[str], nlp=None) -> list[list[Any]]:
    from .reasons import extract_reasons_many

    return [list(rs) for rs in extract_reasons_many(texts, nlp=nlp)]


def evaluate(gold: str | Path | list[GoldDoc], texts: str | Path | dict[str, str], *,
             extractor: Extractor | None = None, nlp=None) -> EvalResult:
    """Score an extractor (default :func:`careertext.extract_reasons`) against gold.

    Parameters
    ----------
    gold : path or list of GoldDoc
        A gold JSONL file (codebook format).
    texts : path or dict
        A folder of ``<doc_id>.txt`` files, or a mapping doc_id → text.
    extractor : callable, optional
        Takes a list of texts, returns per text a list of objects with ``code``, ``start`` and
        ``end`` attributes. :func:`keyword_baseline` is one.

    Raises
    ------
    GoldError
        If a gold document has no text.
    """
    if not isinstance(texts, dict):
        texts = load_texts(texts)
    docs = gold if isinstance(gold, list) else read_gold(gold, texts)
    missing = [d.doc_id for d in docs if d.doc_id not in texts]
    if missing:
        raise GoldError("E049", f"{len(missing)} gold documents have no text, e.g. {missing[:3]}.",
                        "Materialise third-party texts first (eval/export_posts.py).")
    batch = [texts[d.doc_id] for d in docs]
    predictions = extractor(batch) if extractor else _default_extractor(batch, nlp)
    result = EvalResult()
    for doc, found in zip(docs, predictions, strict=True):
        codes = {r.code for r in found}
        tp = sorted(codes & doc.required)
        fp = sorted(codes - doc.required - doc.acceptable)
        fn = sorted(doc.required - codes)
        gold_ev = [g for g in doc.reasons if g.code in doc.required]
        matched = [(g, next((r for r in found if r.code == g.code and r.start < g.end
                             and g.start < r.end), None)) for g in gold_ev]
        attributes = tuple((g.code, g.direction, getattr(r, "direction", None), g.voice,
                            getattr(r, "voice", None)) for g, r in matched if r is not None)
        result.rows.append(DocRow(doc.doc_id, tuple(sorted(codes)), tuple(tp), tuple(fp),
                                  tuple(fn), len(attributes), len(gold_ev), attributes))
    return result


@dataclass(frozen=True)
class _Hit:
    code: str
    start: int
    end: int


_SENT = re.compile(r"[^.!?\n]+[.!?]*")


def keyword_baseline(texts: Sequence[str]) -> list[list[_Hit]]:
    """The naive baseline: every sentence (regex split) that contains a codebook keyword of a
    reason code (whole word, any case) yields that code."""
    patterns = {}
    for code in default_codebook():
        if code.reason:
            words = sorted({*code.cues, *code.problem_cues}, key=len, reverse=True)
            patterns[code.id] = re.compile(
                r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
    out = []
    for text in texts:
        hits = []
        for m in _SENT.finditer(text):
            for code, pat in patterns.items():
                if pat.search(m.group()):
                    hits.append(_Hit(code, m.start(), m.end()))
        out.append(hits)
    return out


def agreement(gold_a: str | Path, gold_b: str | Path) -> dict[str, Any]:
    """Agreement between two annotators' gold files on the documents both label.

    Returns per-code Cohen's kappa (a code counts as present in a document when it is
    ``required``), micro F1 of b against a with the codebook's scoring (``acceptable`` codes are
    neither rewarded nor punished), a strict micro F1 over ``required`` codes alone, and the
    number of shared documents.
    """
    a = {d.doc_id: d for d in read_gold(gold_a)}
    b = {d.doc_id: d for d in read_gold(gold_b)}
    shared = sorted(set(a) & set(b))
    if not shared:
        raise GoldError("E050", "The two gold files share no doc_id.",
                        "Agreement needs the same documents labelled twice.")
    per_code = {}
    for code in default_codebook().reason_ids:
        ya = [code in a[i].required for i in shared]
        yb = [code in b[i].required for i in shared]
        per_code[code] = _kappa(ya, yb)
    tp = sum(len(a[i].required & b[i].required) for i in shared)
    fp = sum(len(b[i].required - a[i].required - a[i].acceptable) for i in shared)
    fn = sum(len(a[i].required - b[i].required - b[i].acceptable) for i in shared)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
    # strict: acceptable codes count as absent, so required-vs-acceptable is a disagreement
    s_fp = sum(len(b[i].required - a[i].required) for i in shared)
    s_fn = sum(len(a[i].required - b[i].required) for i in shared)
    strict = 2 * tp / (2 * tp + s_fp + s_fn) if tp + s_fp + s_fn else 1.0
    return {"documents": len(shared), "micro_f1": round(f1, 4),
            "strict_micro_f1": round(strict, 4), "kappa": per_code}


def _kappa(ya: list[bool], yb: list[bool]) -> float | None:
    n = len(ya)
    if not n:
        return None
    po = sum(x == y for x, y in zip(ya, yb, strict=True)) / n
    pa, pb = sum(ya) / n, sum(yb) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    if pe == 1:
        return None  # both annotators never (or always) use the code: kappa undefined
    return round((po - pe) / (1 - pe), 4)
