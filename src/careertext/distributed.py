"""Run :func:`careertext.analyze` on a Dask cluster (optional extra ``careertext[dask]``).

>>> from careertext.distributed import analyze_on_cluster            # doctest: +SKIP
>>> results = analyze_on_cluster(corpus, scheduler="tcp://10.0.0.5:8786")  # doctest: +SKIP

Three entry points:

- :func:`analyze_bag`: a ``dask.bag.Bag`` of texts, ``Essay`` objects or ``{"id", "text", ...}``
  dicts in, a bag of :meth:`EssayAnalysis.to_dict` dicts out (``map_partitions``);
- :func:`analyze_dataframe`: a dask DataFrame with a text column in, a dask DataFrame of reasons
  (one row per reason, ``meta`` given explicitly) out;
- :func:`analyze_on_cluster` / :func:`iter_on_cluster`: a corpus (anything :func:`analyze`
  takes) in, the results in input order out, streamed partition by partition with a bounded
  number of partitions in flight.

Every worker process loads the spaCy pipeline once (:func:`careertext.load_pipeline` caches it per
process, keyed by model name) and re-uses it for every partition, so pass the model by *name*
(or path readable by the workers), not as a loaded ``Language``. Use workers with one thread each
(``dask worker ADDRESS --nthreads 1 --nworkers N``): spaCy is CPU-bound and holds the GIL; a lock
keeps several threads of one worker from sharing the pipeline at the same time.
Results are identical to a single-machine :func:`careertext.analyze` run on the same input
(bare strings get the ids ``text-<position>`` in both).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .analyze import EssayAnalysis, analyze
from .errors import CareertextError, InputError

__all__ = ["REASON_COLUMNS", "analyze_bag", "analyze_dataframe", "analyze_on_cluster",
           "fill_cache", "iter_on_cluster"]

PIP_HINT = "pip install 'careertext[dask]'   (dask[bag,dataframe] and distributed)"

#: Columns (and dtypes) of :func:`analyze_dataframe`'s result.
REASON_COLUMNS: dict[str, str] = {
    "essay_id": "object", "code": "object", "label": "object", "direction": "object",
    "voice": "object", "score": "float64", "start": "int64", "end": "int64",
    "evidence": "object", "cues": "object",
}

_lock = threading.Lock()  # one analysis at a time per worker process (shared pipeline)


def _require(module: str = "dask.bag"):
    """Import a dask module, or raise a CareertextError that says how to install it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise CareertextError(
            "E081", f"careertext.distributed needs Dask ({module!r} could not be imported: "
            f"{exc}).", f"Install the extra: {PIP_HINT}") from exc


def _check_kwargs(kwargs: dict[str, Any]) -> dict[str, Any]:
    from spacy.language import Language

    allowed = {"nlp", "analyses", "batch_size", "cache_dir", "senter"}
    unknown = set(kwargs) - allowed
    if unknown:
        raise InputError("E082", f"unexpected arguments {sorted(unknown)} for a distributed "
                         "analysis.", f"Pass only {sorted(allowed)}.")
    if isinstance(kwargs.get("nlp"), Language):
        raise InputError("E083", "A loaded spaCy Language cannot be shipped to Dask workers.",
                         "Pass the model's name or a path the workers can read, e.g. "
                         "nlp='en_core_web_sm'.")
    out = dict(kwargs)
    if isinstance(out.get("nlp"), Path):
        out["nlp"] = str(out["nlp"])
    if "analyses" in out:
        out["analyses"] = tuple(out["analyses"])
    return out


def _as_essay(item: Any, i: int, prefix: str = "text-"):
    """A partition item as something :func:`analyze` reads (``Essay`` keeps ids stable)."""
    from .corpus import Essay

    if isinstance(item, str):
        return Essay(id=f"{prefix}{i}", text=item)
    if isinstance(item, dict):
        known = {k: item[k] for k in ("id", "text", "title", "author", "date", "source")
                 if item.get(k) is not None}
        known.setdefault("id", f"{prefix}{i}")
        meta = {k: v for k, v in item.items() if k not in known and k != "metadata"}
        meta.update(item.get("metadata") or {})
        return Essay(metadata=meta, **known)
    return item


def _run_partition(items: list, kwargs: dict[str, Any]) -> list[EssayAnalysis]:
    """Analyse one partition in the worker (pipeline loaded once per process, then cached)."""
    with _lock:
        return list(analyze(items, n_process=1, **kwargs))


def _bag_partition(items: Iterable[Any], index: Iterable[int],
                   kwargs: dict[str, Any]) -> list[dict[str, Any]]:
    prefix = f"text-{next(iter(index))}-"
    essays = [_as_essay(item, i, prefix) for i, item in enumerate(items)]
    return [a.to_dict() for a in _run_partition(essays, kwargs)]


def analyze_bag(bag: Any, **analyze_kwargs: Any):
    """Analyse a ``dask.bag.Bag`` of essays; returns a lazy Bag of ``EssayAnalysis`` dicts.

    Parameters
    ----------
    bag : dask.bag.Bag
        Items are strings, ``Essay`` objects or dicts with ``text`` (and optionally ``id``,
        ``title``, ``author``, ``date``, ``source``; other keys go to ``metadata``).
        A string or a dict without ``id`` gets ``text-<partition>-<position>``; give ids for
        results that do not depend on the partitioning. Results equal a local run's exactly
        when every partition but the last holds a multiple of ``batch_size`` items (spaCy's
        scores can change in the last decimal with a batch's composition).
    **analyze_kwargs
        ``nlp`` (a model *name*), ``analyses``, ``batch_size``, ``cache_dir``, ``senter`` of
        :func:`careertext.analyze`.

    Returns
    -------
    dask.bag.Bag
        ``EssayAnalysis.to_dict()`` per item, in order (``EssayAnalysis.from_dict`` turns one
        back). Nothing runs before ``.compute()`` (or ``.to_textfiles`` ...).
    """
    db = _require("dask.bag")
    kwargs = _check_kwargs(analyze_kwargs)
    index = db.from_sequence(range(bag.npartitions), npartitions=bag.npartitions)
    return bag.map_partitions(_bag_partition, index, kwargs)


def _reason_frame(pdf: Any, text_column: str, id_column: str | None,
                  kwargs: dict[str, Any]):
    import pandas as pd

    ids = pdf[id_column] if id_column is not None else pdf.index
    essays = [_as_essay({"id": str(i), "text": "" if t is None else str(t)}, 0)
              for i, t in zip(ids, pdf[text_column], strict=True)]
    rows = []
    for a in _run_partition(essays, kwargs):
        for r in a.reasons:
            rows.append({"essay_id": a.id, "code": r["code"], "label": r.get("label"),
                         "direction": r.get("direction"), "voice": r.get("voice"),
                         "score": float(r.get("score", 0.0)), "start": int(r["start"]),
                         "end": int(r["end"]), "evidence": a.text[r["start"]:r["end"]],
                         "cues": ";".join(r.get("cues", ()))})
    frame = pd.DataFrame(rows, columns=list(REASON_COLUMNS))
    return frame.astype(REASON_COLUMNS)


def analyze_dataframe(ddf: Any, text_column: str = "text", id_column: str | None = None,
                      **analyze_kwargs: Any):
    """Reasons for leaving of every row of a dask DataFrame, as a dask DataFrame.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        One essay per row.
    text_column : str
        The column with the text (missing values are analysed as empty texts).
    id_column : str, optional
        The column with the essay id (as ``str``); default: the index.
    **analyze_kwargs
        As in :func:`analyze_bag` (``analyses`` always includes ``reasons``).

    Returns
    -------
    dask.dataframe.DataFrame
        One row per reason with the columns of :data:`REASON_COLUMNS`: ``essay_id``, ``code``,
        ``label``, ``direction``, ``voice``, ``score``, ``start``, ``end`` (offsets into the
        text), ``evidence`` (``text[start:end]``) and ``cues`` (joined with ``;``). Lazy.
    """
    _require("dask.dataframe")
    import pandas as pd

    for col in (text_column, id_column):
        if col is not None and col not in ddf.columns:
            raise InputError("E084", f"column {col!r} is not in the DataFrame "
                             f"({list(ddf.columns)}).", "Pass text_column= / id_column=.")
    kwargs = _check_kwargs(analyze_kwargs)
    kwargs["analyses"] = ("reasons",)
    meta = pd.DataFrame({c: pd.Series(dtype=t) for c, t in REASON_COLUMNS.items()})
    return ddf.map_partitions(_reason_frame, text_column, id_column, kwargs, meta=meta,
                              enforce_metadata=False, align_dataframes=False)


def _client(scheduler: Any):
    """``(client, owned)``: a Client for an address / Client / None (the default client, else
    a local cluster of one single-threaded worker process per core, closed afterwards)."""
    distributed = _require("distributed")
    if isinstance(scheduler, distributed.Client):
        return scheduler, False
    if isinstance(scheduler, str):
        try:
            return distributed.Client(scheduler, set_as_default=False), True
        except OSError as exc:
            raise CareertextError("E085", f"Could not connect to the Dask scheduler "
                                  f"{scheduler!r}: {exc}",
                                  "Start one with `dask scheduler` and workers with "
                                  "`dask worker tcp://HOST:8786 --nthreads 1`.") from exc
    if scheduler is not None:
        raise InputError("E086", "scheduler must be an address ('tcp://host:8786'), a "
                         f"distributed.Client or None, not {type(scheduler).__name__}.")
    try:
        return distributed.get_client(), False
    except ValueError:
        import os

        cluster = distributed.LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1,
                                           processes=True, dashboard_address=None)
        return distributed.Client(cluster, set_as_default=False), True


def iter_on_cluster(corpus: Iterable[Any], scheduler: Any = None, *,
                    partition_size: int = 64, npartitions: int | None = None,
                    max_in_flight: int | None = None,
                    **analyze_kwargs: Any) -> Iterator[EssayAnalysis]:
    """Stream :func:`analyze` results computed on a Dask cluster, in input order.

    The corpus is read lazily in partitions of ``partition_size`` essays (or, when
    ``npartitions`` is given and the corpus has a length, ``ceil(len / npartitions)``), rounded
    up to a multiple of ``batch_size`` so that every ``nlp.pipe`` batch, and therefore every
    result, is the one of a local :func:`analyze` run (the parser's and tagger's scores can
    change in the last decimal with a batch's composition); at most
    ``max_in_flight`` partitions (default: 2 per worker thread) are submitted at a time, so memory
    stays bounded on both sides. See :func:`analyze_on_cluster` for the parameters.
    """
    kwargs = _check_kwargs(analyze_kwargs)
    client, owned = _client(scheduler)
    if npartitions is not None:
        if npartitions < 1:
            raise ValueError("npartitions must be positive")
        if hasattr(corpus, "__len__"):  # else (an iterator) keep partition_size
            partition_size = max(1, -(-len(corpus) // npartitions))
    if partition_size < 1:
        raise ValueError("partition_size must be positive")
    # Partitions made of whole local batches: spaCy's neural components can differ in the last
    # decimal (and so, rarely, in a tag or arc) with the composition of a batch.
    batch_size = int(kwargs.get("batch_size", 32))
    partition_size = -(-partition_size // batch_size) * batch_size
    try:
        if max_in_flight is None:
            threads = sum(client.nthreads().values()) or 1
            max_in_flight = 2 * threads
        pending: deque = deque()
        batch: list = []

        def submit() -> None:
            nonlocal batch
            pending.append(client.submit(_run_partition, batch, kwargs, pure=False))
            batch = []

        for i, item in enumerate(corpus):
            batch.append(_as_essay(item, i))
            if len(batch) >= partition_size:
                submit()
                while len(pending) >= max_in_flight:
                    yield from pending.popleft().result()
        if batch:
            submit()
        while pending:
            yield from pending.popleft().result()
    finally:
        if owned:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()


def analyze_on_cluster(corpus: Iterable[Any], scheduler: Any = None, *,
                       npartitions: int | None = None, partition_size: int = 64,
                       **analyze_kwargs: Any) -> list[EssayAnalysis]:
    """Analyse a corpus on a Dask cluster; the results, in input order.

    Parameters
    ----------
    corpus : iterable
        What :func:`careertext.analyze` takes: a ``Corpus``, ``Essay`` objects or strings.
    scheduler : str, distributed.Client or None
        A scheduler address (``"tcp://10.0.0.5:8786"``), a ``Client``, or ``None``: the current
        default client if there is one, else a temporary ``LocalCluster`` (one single-threaded
        worker process per core).
    npartitions : int, optional
        Split a sized corpus into this many partitions (else ``partition_size`` essays each).
    partition_size : int
        Essays per task when ``npartitions`` is not given.
    **analyze_kwargs
        ``nlp`` (a model name), ``analyses``, ``batch_size``, ``cache_dir`` (a folder every
        worker can write), ``senter``.

    Returns
    -------
    list of EssayAnalysis
        Identical to ``list(careertext.analyze(corpus, ...))``. For corpora too large to hold,
        iterate :func:`iter_on_cluster` (e.g. into :func:`careertext.analyze.write_results`).
    """
    return list(iter_on_cluster(corpus, scheduler, npartitions=npartitions,
                                partition_size=partition_size, **analyze_kwargs))


def fill_cache(corpus: Iterable[Any], cache_dir: str | Path, scheduler: Any = None, *,
               nlp: Any = None, **cluster_kwargs: Any) -> int:
    """Analyse ``corpus`` (every analysis) on a cluster into an :func:`analyze` result cache.

    The results are written here (the workers need no shared file system), under the keys a
    local ``analyze(..., cache_dir=cache_dir)`` or :func:`careertext.report` with the same model
    looks up, so that a report can then be built locally without analysing again (this is what
    ``careertext report --scheduler ADDRESS`` does). Returns the number of essays written.
    """
    from .analyze import ALL_ANALYSES, _write_atomic, analysis_key
    from .pipeline import load_pipeline

    local = load_pipeline(nlp)  # the key needs the model's name and version
    cache = Path(cache_dir)
    cache.mkdir(parents=True, exist_ok=True)
    n = 0
    for result in iter_on_cluster(corpus, scheduler, nlp=nlp, **cluster_kwargs):
        if not result.error:
            _write_atomic(cache / f"{analysis_key(result.text, local, ALL_ANALYSES)}.json",
                          result)
            n += 1
    return n
