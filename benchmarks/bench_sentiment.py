"""Benchmark careertext's sentiment against plain VADER (and asent, when installed).

Measures, in one run:

* Pearson r with the mean human rating on the four Hutto & Gilbert (2014) sets in
  ``../shared/data/sentiment/`` (tweets, movie, amazon, NYT snippets);
* on ``glassdoor_2025_apify_7k.csv`` (never used for training or tuning): ROC AUC of ``pros``
  vs ``Cons`` texts, the share of ``Cons`` texts scored negative (compound < 0), and the
  Spearman correlation of the ``summary`` score with ``rating Overall``;
* throughput of the scorer alone (sentences per second on one core, on pre-made Docs) against
  VADER's ``polarity_scores`` on the same sentence texts.

Documents are parsed once by the careertext pipeline (sentence boundaries, and the tagger,
which tells a "like" that is a preposition from the verb in career text; the lemmatizer is
switched off, it plays no part in the score). Nothing is written to disk.

Usage::

    python benchmarks/bench_sentiment.py            # everything (a few minutes)
    python benchmarks/bench_sentiment.py --quick    # a fixed sample of each set
"""

from __future__ import annotations

import argparse
import csv
import html
import random
import sys
import time
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from careertext.pipeline import load_pipeline  # noqa: E402
from careertext.sentiment import SentimentScorer, is_career_text  # noqa: E402

SENT_DIR = ROOT.parent / "shared" / "data" / "sentiment"
GENERAL = {"tweets": "tweets_GroundTruth.txt", "movie": "movieReviewSnippets_GroundTruth.txt",
           "amazon": "amazonReviewSnippets_GroundTruth.txt",
           "nyt": "nytEditorialSnippets_GroundTruth.txt"}
APIFY = ROOT.parent / "shared" / "data" / "glassdoor-reviews" / "glassdoor_2025_apify_7k.csv"


def read_general(path: Path) -> tuple[list[str], np.ndarray]:
    texts, ratings = [], []
    with path.open(encoding="utf-8", newline="") as f:
        for line in f.read().split("\r\n"):
            parts = line.split("\t", 2)
            if len(parts) == 3:
                ratings.append(float(parts[1]))
                texts.append(parts[2])
    return texts, np.array(ratings)


def read_apify() -> dict[str, list]:
    with APIFY.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return {"pros": [html.unescape(r["pros"]) for r in rows],
            "cons": [html.unescape(r["Cons"]) for r in rows],
            "summary": [html.unescape(r["summary"]) for r in rows],
            "rating": [float(r["rating Overall"]) for r in rows]}


def sample(n: int | None, *cols):
    if n is None or n >= len(cols[0]):
        return cols
    idx = sorted(random.Random(7).sample(range(len(cols[0])), n))
    return tuple([c[i] for i in idx] if isinstance(c, list) else c[idx] for c in cols)


def _pearson(x, y, axis=-1):
    """Pearson r of ``x`` and ``y`` along ``axis`` (vectorized over the other axes)."""
    xm = x - x.mean(axis=axis, keepdims=True)
    ym = y - y.mean(axis=axis, keepdims=True)
    return (xm * ym).sum(axis=axis) / np.sqrt((xm ** 2).sum(axis=axis) * (ym ** 2).sum(axis=axis))


def r_gap_interval(ours, theirs, ratings, level: float = 0.95, n_resamples: int = 2000,
                   seed: int = 0) -> tuple[float, float]:
    """A paired bootstrap interval of ``r(ours, ratings) - r(theirs, ratings)``: the texts are
    resampled with replacement, both systems scored on the same resample (percentile method).

    >>> rng = np.random.default_rng(0)
    >>> y = rng.normal(size=500)
    >>> low, high = r_gap_interval(y + rng.normal(size=500), y + 2 * rng.normal(size=500), y)
    >>> 0 < low < high
    True
    """
    from careertext.evaluate import _bootstrap

    def gap(a, b, y, axis=-1):
        return _pearson(a, y, axis) - _pearson(b, y, axis)

    return _bootstrap((np.asarray(ours, float), np.asarray(theirs, float),
                       np.asarray(ratings, float)), gap, level, n_resamples, seed, batch=200)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="careertext sentiment vs VADER")
    ap.add_argument("--quick", action="store_true", help="a fixed sample of each set")
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: load_pipeline())")
    ap.add_argument("--n-process", type=int, default=1, help="processes for parsing only")
    args = ap.parse_args(argv)
    n_gen, n_apify = (400, 1000) if args.quick else (None, None)

    from scipy.stats import pearsonr, spearmanr
    from sklearn.metrics import roc_auc_score
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp = load_pipeline(args.model)
    keep = {"tok2vec", "tagger", "parser", "senter", "sentencizer"}
    disable = [p for p in nlp.pipe_names if p not in keep]

    sets: dict[str, tuple[list[str], np.ndarray]] = {}
    for name, fname in GENERAL.items():
        texts, ratings = read_general(SENT_DIR / fname)
        sets[name] = sample(n_gen, texts, ratings)
    apify = read_apify()
    pros, cons, summ, rating = sample(n_apify, apify["pros"], apify["cons"], apify["summary"],
                                      apify["rating"])
    corpora = {**{k: v[0] for k, v in sets.items()}, "pros": pros, "cons": cons,
               "summary": summ}

    t0 = time.perf_counter()
    docs = {}
    with nlp.select_pipes(disable=disable):
        for name, texts in corpora.items():
            docs[name] = list(nlp.pipe(texts, batch_size=128, n_process=args.n_process))
    print(f"parsed {sum(map(len, docs.values()))} texts with {nlp.meta.get('name')} "
          f"({'+'.join(p for p in nlp.pipe_names if p not in disable)}) in "
          f"{time.perf_counter() - t0:.0f} s", file=sys.stderr)

    vader = SentimentIntensityAnalyzer()
    career = SentimentScorer(nlp, explain=True)  # the default: domain="auto"
    scorers = {"careertext, domain=general": SentimentScorer(nlp, domain="general"),
               "careertext (default, auto)": career,
               "careertext, domain=career": SentimentScorer(nlp, domain="career")}
    systems = {"VADER (vaderSentiment)": lambda name: [vader.polarity_scores(t)["compound"]
                                                       for t in corpora[name]]}
    for label, scorer in scorers.items():
        systems[label] = lambda name, scorer=scorer: [scorer.score_doc(d)["compound"]
                                                      for d in docs[name]]
    try:
        import asent  # noqa: F401

        asent_pipe = nlp.add_pipe("asent_en_v1", name="_bench_asent")
        systems["asent_en_v1 0.8"] = lambda name: [asent_pipe(d)._.polarity.compound
                                                   for d in docs[name]]
    except Exception:  # asent not installed or incompatible
        asent_pipe = None

    rows, scores_by_system = [], {}
    for sys_name, fn in systems.items():
        scores = {name: np.asarray(fn(name), dtype=float) for name in corpora}
        scores_by_system[sys_name] = scores
        row = {"system": sys_name}
        for name in GENERAL:
            row[f"r {name}"] = pearsonr(scores[name], sets[name][1])[0]
        p, c = scores["pros"], scores["cons"]
        row["AUC pros/cons"] = roc_auc_score(np.r_[np.ones(len(p)), np.zeros(len(c))], np.r_[p, c])
        row["cons<0"] = float((c < 0).mean())
        row["rho summary"] = spearmanr(scores["summary"], rating)[0]
        rows.append(row)

    # throughput: the scorer alone on pre-made docs vs VADER on the same sentence texts
    from careertext.matching import sentence_units

    bench_docs = [d for name in ("pros", "cons", "movie", "tweets") for d in docs[name]]
    units = [u.text for d in bench_docs for u in sentence_units(d)]
    t0 = time.perf_counter()
    for d in bench_docs:
        career.score_doc(d)
    ours = len(units) / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    for u in units:
        vader.polarity_scores(u)
    theirs = len(units) / (time.perf_counter() - t0)
    speeds = {"VADER (vaderSentiment)": theirs, "careertext (default, auto)": ours}
    if asent_pipe is not None:
        t0 = time.perf_counter()
        for d in bench_docs:
            asent_pipe(d)
        speeds["asent_en_v1 0.8"] = len(units) / (time.perf_counter() - t0)
        nlp.remove_pipe("_bench_asent")

    cols = ["system"] + [k for k in rows[0] if k != "system"] + ["sent/s"]
    width = max(len(r["system"]) for r in rows)
    print(f"{'quick sample' if args.quick else 'full sets'}: "
          + ", ".join(f"{k} {len(v)}" for k, v in corpora.items()))
    print(f"{'system':<{width}}  " + "  ".join(f"{c:>13}" for c in cols[1:]))
    for r in rows:
        speed = speeds.get(r["system"])
        cells = [f"{r[c]:13.3f}" for c in cols[1:-1]]
        cells.append(f"{speed:13,.0f}" if speed else f"{'':>13}")
        print(f"{r['system']:<{width}}  " + "  ".join(cells))
    base = rows[0]  # VADER: three decimals hide a gap of less than 0.0005
    for r in rows[1:]:
        print(f"{r['system']}: r minus VADER's r " + ", ".join(
            f"{name} {r[f'r {name}'] - base[f'r {name}']:+.4f}" for name in GENERAL))
    # is a gap to VADER beyond the sampling noise of the rated texts?
    for label in ("careertext (default, auto)", "careertext, domain=career"):
        gaps = {name: r_gap_interval(scores_by_system[label][name],
                                     scores_by_system[base["system"]][name], sets[name][1])
                for name in GENERAL}
        print(f"{label}: 95% paired bootstrap interval of r minus VADER's r " + ", ".join(
            f"{name} {lo:+.4f} to {hi:+.4f}" for name, (lo, hi) in gaps.items()))
    print("read as career text (auto): " + ", ".join(
        f"{name} {np.mean([is_career_text(t) for t in texts]):.3f}"
        for name, texts in corpora.items()))
    print(f"targets: r >= VADER on each set; AUC >= 0.95; cons<0 >= 0.80; rho >= 0.60; "
          f">= 5,000 sent/s. Throughput over {len(units)} sentence units: careertext / VADER = "
          f"{ours / theirs:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
