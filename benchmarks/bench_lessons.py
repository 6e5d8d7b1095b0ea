"""Benchmark LessonModel against gensim's LdaModel and a five-line scikit-learn baseline.

Usage::

    python benchmarks/bench_lessons.py [--quick] [--n 2000] [--k 10]

Needs the ``bench`` extra (gensim) and ``../shared/data/reddit-career-top``. Prints a table and
writes nothing. Two corpora: the first ``--n`` posts (title + body, as ``eval/export_posts.py``
builds them), and the lesson passages that :func:`careertext.lessons.extract_lessons_many` finds
in them. All three models get the same k; every model's top-10 terms are scored with the same
reference tokenisation (:func:`careertext.topics.lemma_tokens` plus the lower-cased surface words,
so that the baseline's unlemmatised terms are found too) by document co-occurrence NPMI.

- ``LessonModel(n_lessons=k, random_state=seed)``: the default NMF.
- ``gensim``: ``LdaModel(num_topics=k, passes=10, random_state=seed)`` on the same lemma tokens
  (dictionary filtered like the others: no_below=2, no_above=0.5). ``--quick`` uses ``passes=1``.
- ``baseline``: ``TfidfVectorizer(stop_words="english")`` + ``NMF(k, random_state=seed)``.

Stability is the mean best-match Jaccard (:func:`careertext.topics.topic_stability`) of the top
terms over the pairs of 3 seeds; fit time is the median over the seeds, including tokenising for
LessonModel and the baseline, and only dictionary + training for gensim (its tokens are given).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import warnings
from itertools import combinations
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))


def load_posts(n: int) -> list[str]:
    from export_posts import iter_posts

    out = []
    for doc_id, text in iter_posts():
        if doc_id.startswith("rct_"):
            out.append(text)
            if len(out) == n:
                break
    return out


def reference_tokens(texts: list[str]) -> list[list[str]]:
    """Lemmas plus surface words (separated by a sentinel so no bigram spans the two)."""
    from careertext.topics import lemma_tokens

    lemmas = lemma_tokens(texts)
    return [lem + ["\x00"] + re.findall(r"[a-z0-9]+", t.lower())
            for lem, t in zip(lemmas, texts, strict=True)]


def fit_lessonmodel(texts, k, seed):
    from careertext.topics import LessonModel

    t = time.perf_counter()
    m = LessonModel(n_lessons=k, random_state=seed).fit(texts)
    return m.top_terms(), time.perf_counter() - t


def fit_baseline(texts, k, seed):
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    t = time.perf_counter()
    vec = TfidfVectorizer(stop_words="english")
    X = vec.fit_transform(texts)
    nmf = NMF(n_components=k, random_state=seed).fit(X)
    names = vec.get_feature_names_out()
    top = [[str(names[i]) for i in np.argsort(-row)[:10]] for row in nmf.components_]
    return top, time.perf_counter() - t


def fit_gensim(tokens, k, seed, passes):
    from gensim.corpora import Dictionary
    from gensim.models import LdaModel

    t = time.perf_counter()
    d = Dictionary(tokens)
    d.filter_extremes(no_below=2, no_above=0.5, keep_n=20000)
    corpus = [d.doc2bow(x) for x in tokens]
    lda = LdaModel(corpus, id2word=d, num_topics=k, random_state=seed, passes=passes)
    top = [[w for w, _ in lda.show_topic(j, 10)] for j in range(k)]
    return top, time.perf_counter() - t


def run(name: str, texts: list[str], k: int, seeds: list[int], passes: int) -> list[dict]:
    from careertext.topics import lemma_tokens, npmi_coherence, topic_diversity, topic_stability

    ref = reference_tokens(texts)
    lemma = lemma_tokens(texts)
    rows = []
    for model in ("LessonModel", f"gensim LDA (passes={passes})", "baseline TF-IDF+NMF"):
        tops, times = [], []
        for seed in seeds:
            if model == "LessonModel":
                top, dt = fit_lessonmodel(texts, k, seed)
            elif model.startswith("gensim"):
                top, dt = fit_gensim(lemma, k, seed, passes)
            else:
                top, dt = fit_baseline(texts, k, seed)
            tops.append(top)
            times.append(dt)
        npmi = float(np.mean([npmi_coherence(t, ref) for t in tops]))
        div = float(np.mean([topic_diversity(t) for t in tops]))
        stab = float(np.mean([topic_stability(a, b) for a, b in combinations(tops, 2)]))
        rows.append({"corpus": name, "model": model, "npmi": npmi, "diversity": div,
                     "stability": stab, "fit_s": float(np.median(times)), "top": tops[0]})
    return rows


def main(argv: list[str] | None = None) -> int:
    import importlib.util

    if importlib.util.find_spec("gensim") is None:
        print("bench_lessons needs gensim: pip install -e '.[bench]' (or: make bench)")
        return 2
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="500 posts, gensim passes=1")
    parser.add_argument("--n", type=int, default=None)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--show-terms", action="store_true")
    args = parser.parse_args(argv)
    n = args.n or (500 if args.quick else 2000)
    passes = 1 if args.quick else 10
    seeds = [0, 1, 2]
    warnings.filterwarnings("ignore")
    try:
        import gensim  # noqa: F401
    except ImportError:
        print("gensim is not installed: pip install 'careertext[bench]'")
        return 1
    from careertext.lessons import extract_lessons_many

    posts = load_posts(n)
    t = time.perf_counter()
    passages = [p.text for ps in extract_lessons_many(posts) for p in ps]
    extract_s = time.perf_counter() - t
    print(f"{len(posts)} posts; {len(passages)} lesson passages extracted in {extract_s:.1f} s; "
          f"k={args.k}, seeds={seeds}\n")
    rows = run(f"posts ({len(posts)})", posts, args.k, seeds, passes)
    rows += run(f"passages ({len(passages)})", passages, args.k, seeds, passes)
    header = f"{'corpus':<18} {'model':<26} {'NPMI':>6} {'divers.':>7} {'stab.':>6} {'fit s':>7}"
    print(header)
    print("-" * len(header))
    for r in rows:
        print(f"{r['corpus']:<18} {r['model']:<26} {r['npmi']:>6.3f} {r['diversity']:>7.2f} "
              f"{r['stability']:>6.2f} {r['fit_s']:>7.2f}")
    for corpus in dict.fromkeys(r["corpus"] for r in rows):
        lm, gs, bl = [r for r in rows if r["corpus"] == corpus]
        ratio = (f"x{lm['npmi'] / bl['npmi']:.2f}" if bl["npmi"] > 0
                 else f"{lm['npmi'] - bl['npmi']:+.3f}")
        print(f"\n{corpus}: NPMI vs gensim {lm['npmi'] - gs['npmi']:+.3f}, vs baseline {ratio}; "
              f"fit time {lm['fit_s'] / gs['fit_s']:.2f} of gensim's")
    if args.show_terms:
        for r in rows:
            print(f"\n{r['corpus']} / {r['model']}")
            for top in r["top"]:
                print("   ", ", ".join(top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
