"""Learn careertext's career lexicon (``src/careertext/data/career_lexicon.tsv``) from Glassdoor
pros/cons, reproducibly.

Weak labels: a review's ``pros`` text is positive, its ``cons`` text negative. Only
``glassdoor_kaggle_subset_10k.csv`` is used (the 2025 Apify file and the human-rated sets in
``data/sentiment/`` are test data and are never read here).

Method
------
1. Words are made exactly as the scorer makes them (white-space split, punctuation stripped,
   lower case); n-grams (1..3) never cross a line break or a clause mark (, . ; : ! ? ).
2. For every n-gram, its document frequency in pros (``a``) and cons (``b``) gives the smoothed
   log-odds ``delta = log((a + 1) / (b + 1))`` (the classes are the same size) and a z-score
   ``delta / sqrt(1 / (a + 1) + 1 / (b + 1))``.
3. Kept: support ``a + b >= MIN_SUPPORT``, ``|z| >= MIN_Z``, ``|delta| >= MIN_DELTA``; not a
   stop word, negator or booster alone; n-grams must end in a content word.
4. Scale: ``delta`` is mapped to VADER's valence scale by the least-squares slope (through 0)
   of VADER valence on ``delta`` over VADER words with enough support in the same data, then
   multiplied by ``GAIN`` and capped at ``CAP`` (unigrams ``CAP_UNIGRAM``).
5. VADER's own words are never overridden; an n-gram containing a strong VADER word
   (``|v| >= 1.5``) is dropped; an n-gram is kept only when its valence differs by at least
   ``MIN_GAIN_OVER_PARTS`` from what its parts would already score.

The hyper-parameters were chosen on a 20 % hold-out of the Kaggle rows (``--validate``); the
shipped lexicon is then learned from all rows. Only derived numbers are written (term, valence,
support): no review text.

Usage::

    python scripts/build_career_lexicon.py --validate   # hold-out numbers for a few settings
    python scripts/build_career_lexicon.py              # write data/career_lexicon.tsv
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from careertext.sentiment import BOOSTERS, NEGATE, LexiconScorer, vader_lexicon  # noqa: E402

DATA = Path("/work/shared/data/glassdoor-reviews/glassdoor_kaggle_subset_10k.csv")
OUT = ROOT / "src" / "careertext" / "data" / "career_lexicon.tsv"
SEED = 13
HOLDOUT = 0.2

MIN_SUPPORT = 20
MIN_Z = 3.0
MIN_DELTA = math.log(1.5)
GAIN = 1.5
CAP = 2.5
CAP_UNIGRAM = 2.0
MIN_GAIN_OVER_PARTS = 0.5
STRONG = 1.5
MIN_FIRMS = 2
MIN_UNIGRAM = 1.0
MIN_FIRM_SUPPORT = 3
# Words that name the columns themselves ("no cons" in a cons box is praise): label leakage.
COLUMN_WORDS = frozenset({"pro", "pros", "con", "cons", "positive", "positives", "negative",
                          "negatives", "downside", "downsides", "upside", "upsides"})
# Function words that may open a phrase ("no progression", "too much work", "not enough hours").
OPENERS = frozenset({"no", "not", "too", "very", "over", "under", "little", "few", "lack",
                     "more", "less", "much", "never", "nothing", "lots", "plenty", "could",
                     "should", "would", "can"})

# Curated supplement (support 0 in the file): well-known career terms that the 10k reviews are too
# few to learn ("laid off" occurs 5 times, "dream job" once, "micromanaged" 8 times). Valences
# sit at the typical magnitude of the learned terms (e.g. "understaffed" -2.0). Only terms that
# VADER lacks or rates weakly; the learned value wins when both exist.
SEED_TERMS = {
    "laid off": -2.0, "lay off": -2.0, "layoff": -2.0, "layoffs": -2.0, "lay offs": -2.0,
    "made redundant": -2.0, "micromanagement": -2.0, "micromanaged": -2.0,
    "micromanaging": -2.0, "micromanage": -2.0, "micro management": -2.0,
    "burnout": -2.0, "burnt out": -2.0, "burned out": -2.0, "lowballed": -1.5,
    "dream job": 2.5,
}

_SPLIT = re.compile(r"[\r\n]+")
_SENT = re.compile(r"(?<=[.!?])\s+|[\r\n]+")


def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"n't", "nt", "s", "etc", "i.e", "e.g"}


def clauses(scorer: LexiconScorer, text: str):
    """Lists of lower-case words, cut at line breaks and clause marks."""
    for line in _SPLIT.split(text):
        clause = []
        for _s, _e, word, ends in scorer._words(line):
            clause.append(word.lower())
            if ends:
                yield clause
                clause = []
        if clause:
            yield clause


def ngrams(scorer: LexiconScorer, text: str, nmax: int = 3) -> set[str]:
    out = set()
    for clause in clauses(scorer, text):
        for n in range(1, nmax + 1):
            for i in range(len(clause) - n + 1):
                out.add(" ".join(clause[i:i + n]))
    return out


def read_rows() -> list[tuple[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as f:
        return [(r["pros"] or "", r["cons"] or "", r["firm"]) for r in csv.DictReader(f)]


def split_rows(rows):
    rng = np.random.default_rng(SEED)
    mask = rng.random(len(rows)) < HOLDOUT
    train = [r for r, m in zip(rows, mask, strict=True) if not m]
    hold = [r for r, m in zip(rows, mask, strict=True) if m]
    return train, hold


def learn(rows, *, min_support=MIN_SUPPORT, min_z=MIN_Z, min_delta=MIN_DELTA, gain=GAIN,
          cap=CAP, cap_unigram=CAP_UNIGRAM, min_firms=MIN_FIRMS,
          min_firm_support=MIN_FIRM_SUPPORT, min_unigram=MIN_UNIGRAM,
          verbose=False) -> dict[str, tuple[float, int]]:
    base = LexiconScorer(contrast=("but",))
    vader = vader_lexicon()
    stops = stop_words()
    rule_words = set(NEGATE) | set(BOOSTERS) | {"but", "however", "no", "least"}
    pos, neg = Counter(), Counter()
    firm_pos: dict[str, Counter] = {}
    firm_neg: dict[str, Counter] = {}
    for pros, cons, firm in rows:
        grams_p, grams_c = ngrams(base, pros), ngrams(base, cons)
        pos.update(grams_p)
        neg.update(grams_c)
        firm_pos.setdefault(firm, Counter()).update(grams_p)
        firm_neg.setdefault(firm, Counter()).update(grams_c)

    def consistent(t: str, sign: float) -> bool:
        # the term must lean the same way at several employers, not be one firm's topic
        votes = [math.copysign(1, fp[t] - firm_neg[f][t]) == sign
                 for f, fp in firm_pos.items() if fp[t] + firm_neg[f][t] >= min_firm_support
                 and fp[t] != firm_neg[f][t]]
        return len(votes) >= min_firms and sum(votes) >= 0.75 * len(votes)
    terms = set(pos) | set(neg)
    delta, zscore, support = {}, {}, {}
    for t in terms:
        a, b = pos[t], neg[t]
        if a + b < min_support:
            continue
        d = math.log((a + 1) / (b + 1))
        delta[t] = d
        zscore[t] = d / math.sqrt(1 / (a + 1) + 1 / (b + 1))
        support[t] = a + b
    # scale: VADER valence ~ slope * delta over VADER words with support
    pairs = [(delta[t], vader[t]) for t in delta if t in vader and t not in rule_words]
    x = np.array([p[0] for p in pairs])
    y = np.array([p[1] for p in pairs])
    slope = float((x * y).sum() / (x * x).sum())
    if verbose:
        print(f"scale: {len(pairs)} VADER words, slope {slope:.3f}, "
              f"r {np.corrcoef(x, y)[0, 1]:.3f}", file=sys.stderr)
    out: dict[str, tuple[float, int]] = {}

    def valence_of(term: str) -> float:
        words = term.split()
        c = cap_unigram if len(words) == 1 else cap
        return max(-c, min(c, gain * slope * delta[term]))

    for t in sorted(delta, key=lambda t: (len(t.split()), t)):
        words = t.split()
        if abs(zscore[t]) < min_z or abs(delta[t]) < min_delta:
            continue
        if not all(re.fullmatch(r"[a-z][a-z'\-]*", w) for w in words):
            continue
        if COLUMN_WORDS.intersection(words) or not consistent(t, math.copysign(1, delta[t])):
            continue
        if len(words) == 1:
            if t in vader or t in stops or t in rule_words or len(t) < 3:
                continue
            if abs(valence_of(t)) < min_unigram:  # weakly leaning single words are topics
                continue
        else:
            if words[-1] in stops or words[-1] in rule_words:
                continue
            if words[0] in stops and words[0] not in OPENERS:
                continue
            if all(w in stops or w in rule_words for w in words):
                continue
            if any(w in ("but", "however") for w in words):
                continue
            # what the parts would score already (base rules, learned unigrams)
            parts = base.score(t).contributions
            parts_sum = sum(c[2] for c in parts) + sum(
                out[w][0] for w in words if w in out)
            if abs(valence_of(t) - parts_sum) < MIN_GAIN_OVER_PARTS:
                continue
            # a phrase with a strong general word is kept only as an idiom that flips it
            # ("could be better"); it never re-weights the word itself
            if any(abs(vader.get(w, 0.0)) >= STRONG for w in words) and \
                    valence_of(t) * parts_sum >= 0:
                continue
        out[t] = (round(valence_of(t), 3), support[t])
    return out


def doc_score(scorer: LexiconScorer, text: str) -> float:
    sents = [s for s in _SENT.split(text) if s.strip()]
    if not sents:
        return 0.0
    w = [len(s) for s in sents]
    return sum(scorer.score(s).compound * k for s, k in zip(sents, w, strict=True)) / sum(w)


def evaluate(lexicon: dict[str, float] | None, rows) -> dict[str, float]:
    from sklearn.metrics import roc_auc_score

    scorer = LexiconScorer(lexicon or {}) if lexicon is not None else LexiconScorer(
        contrast=("but",))
    p = np.array([doc_score(scorer, r[0]) for r in rows])
    c = np.array([doc_score(scorer, r[1]) for r in rows])
    y = np.r_[np.ones(len(p)), np.zeros(len(c))]
    return {"auc": roc_auc_score(y, np.r_[p, c]), "cons_neg": float((c < 0).mean()),
            "pros_pos": float((p > 0).mean())}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--validate", action="store_true",
                    help="learn on 80 %% of the rows, report hold-out numbers for a few settings")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    rows = read_rows()
    if args.validate:
        train, hold = split_rows(rows)
        print(f"train {len(train)} rows, hold-out {len(hold)} rows")
        print("VADER rules, no career lexicon:", evaluate(None, hold))
        grid = [
            {}, {"min_support": 10, "min_z": 2.5},
        ]
        for setting in grid:
            lex = learn(train, **setting)
            res = evaluate({t: v for t, (v, _n) in lex.items()}, hold)
            print(f"{setting!s:45} terms {len(lex):5d}  " +
                  "  ".join(f"{k} {v:.4f}" for k, v in res.items()))
        return 0
    lex = learn(rows, verbose=True)
    for term, value in SEED_TERMS.items():
        lex.setdefault(term, (value, 0))
    with args.out.open("w", encoding="utf-8", newline="\n") as f:
        f.write("# careertext career lexicon: valence on VADER's -4..4 scale, learned from the\n"
                "# pros (positive) and cons (negative) of Glassdoor reviews by\n"
                "# scripts/build_career_lexicon.py; support = number of texts with the term.\n")
        f.write("term\tvalence\tsupport\n")
        for t, (v, n) in sorted(lex.items(), key=lambda kv: (kv[1][0], kv[0])):
            f.write(f"{t}\t{v}\t{n}\n")
    print(f"wrote {len(lex)} terms to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
