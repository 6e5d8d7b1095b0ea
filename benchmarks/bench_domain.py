"""How often the sentiment scorer's domain gate reads a text as career text.

:func:`careertext.sentiment.is_career_text` decides whether ``domain="auto"`` reads a document
as career text (career lexicon and layer on top of VADER) or as general text (VADER exactly).
This benchmark prints the share of texts it reads as career text in two development sets the
project wrote itself (no third-party text), one row per kind of text:

* ``eval/domain/general_dev.tsv``: 320 everyday texts that are not about the writer's work
  (tweets, film and product review sentences, news sentences, misc.), a quarter of them with
  words that also occur at work ("performance", "staff", "delivery"): the gate should say no;
* ``eval/domain/career_dev.tsv``: 240 texts about one's own job (exit-interview lines, posts,
  employee reviews, essay sentences), many of them naming no workplace noun ("Got laid off
  this morning."): the gate should say yes.

It also scores ``eval/domain/career_sentiment_dev.tsv`` (300 texts about one's own job, also
written by the project, each labelled ``neg`` / ``neu`` / ``pos``: 150 narrative sentences, 100
of them neutral statements of what happened, 80 employee reviews, 70 reflections) with VADER
and with careertext in each domain mode, and prints the share of texts in the right class with
VADER's bands (compound >= 0.05 positive, <= -0.05 negative, neutral between), separately for
the polar and the neutral texts.

Then it scores ``eval/domain/us_reviews_dev.tsv`` (200 employee reviews in the style of US
reviews of 2023-2025, also written by the project: star rating, headline, pros, cons; the
vocabulary of return to office, layoffs, PTO, RSUs that the mostly British Kaggle reviews lack)
as the test benchmark scores the 2025 Glassdoor reviews: ROC AUC of pros against cons, the
share of cons scored negative (compound < 0), of pros scored positive, and Spearman's rho of
the headline's score with the stars.

And it scores ``eval/domain/tweets_dev.tsv`` (400 tweets in the style of 2010-2015, also written
by the project, each with the mean rating on -4..4 its writer expects of ten readers; 100 about
work, jobs and school, 300 about everything else) as the test benchmark scores the human-rated
tweets: Pearson's r of the compound with the rating, for VADER and careertext auto and career,
with the share of tweets the gate reads as career text.

Last, it scores ``eval/domain/everyday_terms_dev.tsv`` the same way: 320 everyday texts (tweets,
product, film and news lines, chat), none about the writer's work, each holding one of 80 terms
of the career lexicon (40 that the default reading finds in the Kaggle texts in which
VADER rates no word, 40 drawn at random from the lexicon's words, phrases and seeds), also
written by the project and rated on -4..4 as the tweets are: how the career lexicon's terms
read in general English, in texts that are not career text.

Usage::

    python benchmarks/bench_domain.py        # (--quick is accepted and changes nothing)
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from careertext.sentiment import is_career_text  # noqa: E402

SETS = {"general": ROOT / "eval" / "domain" / "general_dev.tsv",
        "career": ROOT / "eval" / "domain" / "career_dev.tsv"}
LABELLED = ROOT / "eval" / "domain" / "career_sentiment_dev.tsv"
REVIEWS = ROOT / "eval" / "domain" / "us_reviews_dev.tsv"
TWEETS = ROOT / "eval" / "domain" / "tweets_dev.tsv"
EVERYDAY = ROOT / "eval" / "domain" / "everyday_terms_dev.tsv"
LABELS = ("neg", "neu", "pos")


def read_set(path: Path, columns: int = 2) -> list[tuple[str, ...]]:
    """Rows of a tab-separated file with a header line and ``columns`` columns, the last one a
    text (``kind<TAB>text`` or ``kind<TAB>label<TAB>text``)."""
    rows = []
    with path.open(encoding="utf-8") as f:
        next(f)
        for n, line in enumerate(f, start=2):
            row = tuple(line.rstrip("\n").split("\t"))
            if len(row) != columns or not row[-1]:
                raise SystemExit(f"{path}:{n}: expected {columns} tab-separated columns")
            rows.append(row)
    return rows


def polarity_class(compound: float) -> str:
    """VADER's bands: positive from 0.05, negative from -0.05, neutral between."""
    return "pos" if compound >= 0.05 else "neg" if compound <= -0.05 else "neu"


def class_accuracy(labels: list[str], compounds: list[float]) -> dict[str, float]:
    """Share in the right class: all texts, polar texts (neg / pos), neutral texts."""
    right = [polarity_class(c) == label for label, c in zip(labels, compounds, strict=True)]
    polar = [r for r, label in zip(right, labels, strict=True) if label != "neu"]
    neutral = [r for r, label in zip(right, labels, strict=True) if label == "neu"]
    return {"all": sum(right) / len(right), "polar": sum(polar) / max(1, len(polar)),
            "neutral": sum(neutral) / max(1, len(neutral))}


def system_scores(texts: list[str], domains: tuple[str, ...]) -> dict[str, list[float]]:
    """Compound scores of ``texts`` by VADER (key ``VADER``) and by careertext in each of
    ``domains`` (keys ``careertext auto`` ...), scored in one pass per system."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from careertext.sentiment import sentiment_many

    vader = SentimentIntensityAnalyzer()
    out = {"VADER": [vader.polarity_scores(t)["compound"] for t in texts]}
    for domain in domains:
        out[f"careertext {domain}"] = [s.compound for s in sentiment_many(texts, domain=domain)]
    return out


def sentiment_rows() -> list[tuple[str, dict[str, float]]]:
    """``(system, class_accuracy)`` for VADER and careertext's three domain modes."""
    rows = read_set(LABELLED, columns=3)
    bad = {label for _kind, label, _text in rows} - set(LABELS)
    if bad:
        raise SystemExit(f"{LABELLED}: unknown labels {sorted(bad)}")
    labels = [label for _kind, label, _text in rows]
    scores = system_scores([text for _kind, _label, text in rows], ("auto", "career", "general"))
    return [(name, class_accuracy(labels, s)) for name, s in scores.items()]


def review_rows() -> list[tuple[str, dict[str, float]]]:
    """``(system, figures)`` on the US-style reviews for VADER, careertext auto and career:
    ``auc`` (pros against cons), ``cons_neg`` (share of cons below 0), ``pros_pos`` (share of
    pros above 0) and ``rho`` (headline score against stars)."""
    from scipy.stats import spearmanr
    from sklearn.metrics import roc_auc_score

    rows = read_set(REVIEWS, columns=4)
    n = len(rows)
    stars = [float(r[0]) for r in rows]
    heads, pros, cons = ([r[k] for r in rows] for k in (1, 2, 3))
    out = []
    for name, s in system_scores(pros + cons + heads, ("auto", "career")).items():
        p, c, h = s[:n], s[n:2 * n], s[2 * n:]
        out.append((name, {
            "auc": roc_auc_score([1] * len(p) + [0] * len(c), p + c),
            "cons_neg": sum(x < 0 for x in c) / len(c),
            "pros_pos": sum(x > 0 for x in p) / len(p),
            "rho": spearmanr(h, stars).statistic}))
    return out


def rated_rows(path: Path, columns: int) -> list[tuple[str, dict[str, float]]]:
    """``(kind, figures)`` on a rated set (``kind<TAB>[term<TAB>]rating<TAB>text``), per kind
    and ``all``: ``n``, ``gated`` (share the gate reads as career text) and Pearson's r of
    VADER's and careertext's compounds (``VADER``, ``careertext auto``, ``careertext career``)
    with the ratings."""
    from scipy.stats import pearsonr

    rows = read_set(path, columns=columns)
    scores = system_scores([r[-1] for r in rows], ("auto", "career"))
    gates = gate_rates([(r[0], r[-1]) for r in rows])
    out = []
    for kind, (n, share) in sorted(gates.items(), key=lambda kv: (kv[0] == "all", kv[0])):
        idx = [i for i, r in enumerate(rows) if kind in (r[0], "all")]
        ratings = [float(rows[i][-2]) for i in idx]
        figures = {"n": n, "gated": share}
        for name, s in scores.items():
            figures[name] = pearsonr([s[i] for i in idx], ratings).statistic
        out.append((kind, figures))
    return out


def gate_rates(rows: list[tuple[str, str]]) -> dict[str, tuple[int, float]]:
    """Per kind (and ``all``): number of texts and share read as career text."""
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for kind, text in rows:
        hit = is_career_text(text)
        by_kind[kind].append(hit)
        by_kind["all"].append(hit)
    return {k: (len(v), sum(v) / len(v)) for k, v in by_kind.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="accepted for run_all.py")
    parser.parse_args(argv)
    print(f"{'set':8} {'kind':8} {'texts':>5}  read as career text")
    for name, path in SETS.items():
        for kind, (n, share) in sorted(gate_rates(read_set(path)).items(),
                                       key=lambda kv: kv[0] == "all"):
            print(f"{name:8} {kind:8} {n:5d}  {share:.3f}")
    print(f"\n{LABELLED.relative_to(ROOT)}: share in the right class (neg / neu / pos)")
    print(f"{'system':20} {'all':>6} {'polar':>6} {'neutral':>8}")
    for system, acc in sentiment_rows():
        print(f"{system:20} {acc['all']:6.3f} {acc['polar']:6.3f} {acc['neutral']:8.3f}")
    print(f"\n{REVIEWS.relative_to(ROOT)}: pros against cons, headlines against stars")
    print(f"{'system':20} {'AUC':>6} {'cons<0':>7} {'pros>0':>7} {'rho':>6}")
    for system, f in review_rows():
        print(f"{system:20} {f['auc']:6.3f} {f['cons_neg']:7.3f} {f['pros_pos']:7.3f} "
              f"{f['rho']:6.3f}")
    for path, columns in ((TWEETS, 3), (EVERYDAY, 4)):
        print(f"\n{path.relative_to(ROOT)}: Pearson r with the ratings")
        print(f"{'kind':8} {'texts':>5} {'gated':>7} {'VADER':>7} {'auto':>7} {'career':>7}")
        for kind, f in rated_rows(path, columns):
            print(f"{kind:8} {f['n']:5d} {f['gated']:7.3f} {f['VADER']:7.4f} "
                  f"{f['careertext auto']:7.4f} {f['careertext career']:7.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
