"""Benchmark careertext at scale: analysis overhead, processes, memory, end to end, Dask.

Every figure is a ratio (or a time) measured in the same run, on real texts from
``../shared/data`` (beside the project):

1. throughput of ``careertext.analyze`` (all four analyses) against bare ``nlp.pipe`` with the
   same model, batch size and texts (Reddit career posts, title + body): target >= 0.85;
2. ``analyze(n_process=2)`` against ``n_process=1``: target >= 1.7x on 2 cores;
3. peak RSS of a child process that streams N documents (cycling real Glassdoor reviews) through
   ``analyze(n_process=2)`` into ``write_results`` (Parquet, in a temporary folder), for a small
   and a 10x larger N (quick: 2k / 20k, full: 10k / 100k): target within 20%;
4. end to end over everything in ``../shared/data`` (both Glassdoor files, Reddit career top,
   r/antiwork raw; ~70k documents) with ``n_process=2``: target under 15 minutes, with reasons
   found per 1,000 documents. ``--quick`` analyses a systematic 1% sample of each source and
   extrapolates (printed as an estimate);
5. ``analyze_on_cluster`` on a 2-worker ``LocalCluster`` (processes, one thread each) against the
   single-process run on the same texts (workers warmed up first).

Nothing is written into the repository (results go to a temporary folder, deleted afterwards).
Other processes on the machine distort every figure: the load average is printed.

Usage::

    python benchmarks/bench_scale.py --quick     # a few minutes
    python benchmarks/bench_scale.py --full      # 30+ minutes on 2 cores
    python benchmarks/bench_scale.py --quick --only throughput processes
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DATA = ROOT.parent / "shared" / "data"
REDDIT = DATA / "reddit-career-top" / "reddit_career_top_posts.csv"
SOURCES = [  # (name, path, text columns)
    ("glassdoor kaggle 10k", DATA / "glassdoor-reviews" / "glassdoor_kaggle_subset_10k.csv",
     ["headline", "pros", "cons"]),
    ("glassdoor apify 7k", DATA / "glassdoor-reviews" / "glassdoor_2025_apify_7k.csv",
     ["summary", "pros", "Cons"]),
    ("reddit career top", REDDIT, ["title", "body"]),
    ("r/antiwork raw", DATA / "reddit-antiwork" / "antiwork_submissions_raw_2014-01_2021-08.csv.gz",
     ["title", "body"]),
]
SECTIONS = ("throughput", "processes", "memory", "e2e", "dask")


def reddit_texts(n: int) -> list[str]:
    csv.field_size_limit(10**9)
    with REDDIT.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if (r["body"] or "").strip() not in
                ("", "[removed]", "[deleted]")]
    return [f"{r['title']}\n\n{r['body']}".strip() for r in rows[:n]]


def glassdoor_texts() -> list[str]:
    from careertext import load_corpus

    name, path, cols = SOURCES[0]
    return [e.text for e in load_corpus(path, text_columns=cols)]


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


# -- 1. analysis overhead ------------------------------------------------------------------------
def bench_throughput(n: int, rows: list) -> None:
    from careertext import analyze, load_pipeline
    from careertext.analyze import ALL_ANALYSES
    from careertext.pipeline import with_components

    texts = reddit_texts(n)
    nlp = with_components(load_pipeline(), [f"careertext_{a}" for a in ALL_ANALYSES])
    ours = [p for p in nlp.pipe_names if p.startswith("careertext_")]
    list(analyze(texts[:16]))  # warm-up (lazy lexicons, matchers)
    with nlp.select_pipes(disable=ours):
        list(nlp.pipe(texts[:16]))
        t_bare, _ = timed(lambda: sum(1 for _ in nlp.pipe(texts, batch_size=32)))
    t_ana, _ = timed(lambda: sum(1 for _ in analyze(texts, batch_size=32)))
    chars = sum(map(len, texts))
    rows.append(("throughput: analyze / bare nlp.pipe", f"{t_bare / t_ana:.2f}", ">= 0.85",
                 f"{n} Reddit posts ({chars / n:.0f} chars avg), batch 32: bare "
                 f"{n / t_bare:.1f} docs/s, analyze {n / t_ana:.1f} docs/s"))
    # the same model as spaCy loads it (stock attribute_ruler and lemmatizer, no careertext)
    stock = load_pipeline(accelerated=False)
    list(stock.pipe(texts[:16]))
    t_stock, _ = timed(lambda: sum(1 for _ in stock.pipe(texts, batch_size=32)))
    rows.append(("throughput: analyze / stock model nlp.pipe", f"{t_stock / t_ana:.2f}", "-",
                 f"spaCy's own attribute_ruler and lemmatizer: {n / t_stock:.1f} docs/s; "
                 f"careertext's drop-ins make the base pipeline {t_stock / t_bare:.2f}x faster"))
    t_senter, _ = timed(lambda: sum(1 for _ in analyze(texts, analyses=["themes", "sentiment"],
                                                     batch_size=32)))
    rows.append(("themes+sentiment (senter) / bare pipe", f"{t_bare / t_senter:.2f}", "-",
                 f"parser off, senter on: {n / t_senter:.1f} docs/s"))


# -- 2. processes ---------------------------------------------------------------------------------
def bench_processes(n: int, rows: list) -> None:
    from careertext import analyze

    texts = reddit_texts(n)
    list(analyze(texts[:16]))
    t1, r1 = timed(lambda: list(analyze(texts, n_process=1)))
    t2, r2 = timed(lambda: list(analyze(texts, n_process=2)))
    rows.append(("n_process=2 / n_process=1", f"{t1 / t2:.2f}x", ">= 1.7x",
                 f"{n} Reddit posts: {t1:.1f} s vs {t2:.1f} s; identical: {r1 == r2}"))


# -- 3. memory ------------------------------------------------------------------------------------
def rss_child(n: int, out: str) -> None:
    """(In a child process.) Stream n documents through analyze into Parquet; print peak RSS."""
    from careertext.analyze import analyze, write_results

    texts = glassdoor_texts()
    docs = itertools.islice(itertools.cycle(texts), n)
    t, counts = timed(lambda: write_results(analyze(docs, n_process=2), out))
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"n": n, "seconds": t, "parent_mb": self_kb / 1024,
                      "worker_mb": child_kb / 1024, "rows": counts["rows"]}))


def bench_memory(small: int, large: int, rows: list) -> None:
    res = []
    with tempfile.TemporaryDirectory(prefix="ct-bench-") as tmp:
        for n in (small, large):
            cmd = [sys.executable, __file__, "--rss-child", str(n), str(Path(tmp) / f"{n}.pq")]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
            res.append(json.loads(out.strip().splitlines()[-1]))
    a, b = res
    for key, label in (("parent_mb", "parent"), ("worker_mb", "worker")):
        rows.append((f"peak RSS {label}: {large:,} / {small:,} docs",
                     f"{b[key] / a[key]:.2f}", "<= 1.20",
                     f"{a[key]:.0f} MB vs {b[key]:.0f} MB (Glassdoor reviews cycled, n_process=2, "
                     f"Parquet written as it goes; {b['n'] / b['seconds']:.0f} docs/s)"))


# -- 4. end to end --------------------------------------------------------------------------------
def bench_e2e(quick: bool, rows: list) -> None:
    from careertext import load_corpus
    from careertext.analyze import analyze, write_results

    step = 100 if quick else 1
    total_est = 0.0
    docs_total = docs_run = reasons = 0
    per_source = []
    with tempfile.TemporaryDirectory(prefix="ct-bench-") as tmp:
        for name, path, cols in SOURCES:
            t0 = time.perf_counter()
            essays = list(load_corpus(path, text_columns=cols))
            t_load = time.perf_counter() - t0
            sample = essays[::step]
            out = Path(tmp) / f"{name.replace('/', '_').replace(' ', '_')}.parquet"
            t, counts = timed(lambda s=sample, p=out:
                              write_results(analyze(s, n_process=2), p, include_text=False))
            est = t_load + t * len(essays) / max(1, len(sample))
            per_source.append(f"{name} {len(essays):,} docs {est / 60:.1f} min")
            total_est += est
            docs_total += len(essays)
            docs_run += len(sample)
            reasons += counts["reasons"]
            del essays, sample
    what = "estimate from a 1% sample" if quick else "measured"
    rows.append(("end to end, all ../shared/data (n_process=2)",
                 f"{total_est / 60:.1f} min", "< 15 min",
                 f"{what}; {docs_total:,} docs ({'; '.join(per_source)})"))
    rows.append(("reasons per 1,000 documents", f"{1000 * reasons / max(1, docs_run):.0f}", "-",
                 f"{reasons:,} reasons in {docs_run:,} analysed docs"))


# -- 5. Dask --------------------------------------------------------------------------------------
def bench_dask(n: int, rows: list) -> None:
    from distributed import Client, LocalCluster

    from careertext import analyze
    from careertext.distributed import analyze_on_cluster

    texts = reddit_texts(n)
    list(analyze(texts[:16]))
    t1, local = timed(lambda: list(analyze(texts)))
    t_start = time.perf_counter()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        analyze_on_cluster(texts[:4], client, partition_size=1)  # load the model on both workers
        t_warm = time.perf_counter() - t_start
        t2, remote = timed(lambda: analyze_on_cluster(texts, client, partition_size=16))
    rows.append(("Dask LocalCluster(2 workers) / 1 process", f"{t1 / t2:.2f}x", "-",
                 f"{n} Reddit posts: {t1:.1f} s vs {t2:.1f} s (+{t_warm:.0f} s cluster start "
                 f"and model load); identical: {remote == local}"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="small samples (the default)")
    size.add_argument("--full", action="store_true", help="full sizes, real end-to-end run")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS))
    parser.add_argument("--rss-child", nargs=2, metavar=("N", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    if args.rss_child:
        rss_child(int(args.rss_child[0]), args.rss_child[1])
        return
    full = args.full
    rows: list[tuple[str, str, str, str]] = []
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    if "throughput" in args.only:
        bench_throughput(1000 if full else 200, rows)
    if "processes" in args.only:
        bench_processes(1000 if full else 300, rows)
    if "memory" in args.only:
        bench_memory(*((10_000, 100_000) if full else (2_000, 20_000)), rows)
    if "e2e" in args.only:
        bench_e2e(not full, rows)
    if "dask" in args.only:
        bench_dask(600 if full else 200, rows)
    print(f"\nbench_scale ({'full' if full else 'quick'}), {os.cpu_count()} CPUs, load average "
          f"at start {load:.1f}, now {os.getloadavg()[0]:.1f}; "
          f"{(time.perf_counter() - t0) / 60:.1f} min in all\n")
    widths = [max(len(r[i]) for r in [*rows, ("figure", "value", "target", "")])
              for i in range(3)]
    print(f"{'figure':<{widths[0]}}  {'value':>{widths[1]}}  {'target':<{widths[2]}}  detail")
    for r in rows:
        print(f"{r[0]:<{widths[0]}}  {r[1]:>{widths[1]}}  {r[2]:<{widths[2]}}  {r[3]}")


if __name__ == "__main__":
    main()
