"""careertext.distributed: Dask bag / DataFrame / cluster runs give the single-machine results."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pytest

from careertext.analyze import EssayAnalysis, analyze
from careertext.errors import CareertextError, InputError

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

from careertext import distributed as ctd  # noqa: E402

analyze_mod = importlib.import_module("careertext.analyze")
FIXTURES = Path(__file__).parent / "fixtures"
TEXTS = ["I quit because I was badly underpaid. Lesson: always negotiate.",
         "The interviews went well. I love my job.",
         "I was laid off in May.",
         "My boss was toxic, so I resigned and never looked back.",
         "",
         "Honestly the pay was fine. I left to go back to school."]


def _canon(results):
    """Results as plain dicts, compared exactly (order included: hits are sorted by a full key,
    so spawned workers with other hash seeds give the same order)."""
    return [a.to_dict() if isinstance(a, EssayAnalysis) else dict(a) for a in results]


def test_missing_dask_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(CareertextError, match=r"pip install 'careertext\[dask\]'"):
        ctd._require("dask.bag")


def test_loaded_language_and_unknown_options_rejected(nlp):
    import dask.bag as db

    bag = db.from_sequence(TEXTS)
    with pytest.raises(InputError, match="model's name"):
        ctd.analyze_bag(bag, nlp=nlp)
    with pytest.raises(InputError):
        ctd.analyze_bag(bag, n_process=4)
    with pytest.raises(InputError):
        ctd.analyze_on_cluster(TEXTS, scheduler=42)


def test_analyze_bag_synchronous_identical():
    import dask
    import dask.bag as db

    local = list(analyze(TEXTS))
    items = [{"id": f"text-{i}", "text": t} for i, t in enumerate(TEXTS)]
    with dask.config.set(scheduler="synchronous"):
        out = ctd.analyze_bag(db.from_sequence(items, npartitions=3)).compute()
        plain = ctd.analyze_bag(db.from_sequence(TEXTS, npartitions=2)).compute()
    assert [EssayAnalysis.from_dict(d) for d in out] == local
    assert [d["id"] for d in plain] == ["text-0-0", "text-0-1", "text-0-2",
                                        "text-1-0", "text-1-1", "text-1-2"]
    assert [d["reasons"] for d in plain] == [a.reasons for a in local]


# -- a real 2-worker cluster (processes): one fixture for the module, ~30 s in all ---------------
@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    c = Client(cluster, set_as_default=False)
    yield c
    c.close()
    cluster.close()


def _pipelines_loaded() -> list[int]:
    from careertext import pipeline

    return [id(p) for p in pipeline._cache.values()]


@pytest.mark.slow
def test_cluster_results_identical_and_ordered(client):
    from careertext import load_corpus

    corpus = list(load_corpus(FIXTURES / "report_corpus")) + TEXTS
    local = list(analyze(corpus))
    remote = ctd.analyze_on_cluster(corpus, client, npartitions=4)
    assert _canon(remote) == _canon(local)
    assert [a.id for a in remote] == [a.id for a in local]
    # small partitions, bounded in flight: still in order
    again = list(ctd.iter_on_cluster(corpus, client, partition_size=1, max_in_flight=2))
    assert _canon(again) == _canon(local)
    # one pipeline per worker process, loaded once and re-used
    loaded = client.run(_pipelines_loaded)
    assert len(loaded) == 2 and all(len(ids) == 1 for ids in loaded.values())
    ctd.analyze_on_cluster(TEXTS, client)
    assert client.run(_pipelines_loaded) == loaded


@pytest.mark.slow
def test_cluster_bag_and_dataframe(client):
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

    local = list(analyze(TEXTS))
    items = [{"id": f"text-{i}", "text": t} for i, t in enumerate(TEXTS)]
    bag = ctd.analyze_bag(db.from_sequence(items, npartitions=2))
    assert _canon(client.compute(bag).result()) == _canon(local)

    pdf = pd.DataFrame({"doc": [f"d{i}" for i in range(len(TEXTS))], "body": TEXTS})
    ddf = dd.from_pandas(pdf, npartitions=3)
    reasons = ctd.analyze_dataframe(ddf, text_column="body", id_column="doc")
    assert list(reasons.columns) == list(ctd.REASON_COLUMNS)
    got = client.compute(reasons).result()
    want = sorted((f"d{i}", r["code"], r["start"], r["end"]) for i, a in enumerate(local)
                  for r in a.reasons)
    assert sorted(zip(got["essay_id"], got["code"], got["start"], got["end"], strict=True)) == want
    assert all(TEXTS[int(e[1:])][s:t] == ev for e, s, t, ev in
               zip(got["essay_id"], got["start"], got["end"], got["evidence"], strict=True))
    with pytest.raises(InputError):
        ctd.analyze_dataframe(ddf, text_column="nope")


@pytest.mark.slow
def test_cli_analyze_and_report_cache_on_scheduler(client, tmp_path, monkeypatch, capsys):
    pq = pytest.importorskip("pyarrow.parquet")
    from careertext.cli import main

    address = client.scheduler.address
    source = FIXTURES / "report_corpus"
    out = tmp_path / "results.parquet"
    assert main(["analyze", str(source), "--out", str(out), "--scheduler", address]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert counts["essays"] == pq.read_table(out).to_pandas()["kind"].eq("essay").sum()
    assert main(["analyze", str(source), "--out", str(tmp_path / "local.parquet")]) == 0
    key = ["essay_id", "kind", "start", "end", "code"]
    remote_df = pq.read_table(out).to_pandas().drop(columns=["index", "cues"])
    local_df = pq.read_table(tmp_path / "local.parquet").to_pandas().drop(columns=["index", "cues"])
    assert remote_df.sort_values(key, ignore_index=True).equals(
        local_df.sort_values(key, ignore_index=True))

    # report --scheduler fills the report's cache from the cluster: nothing analysed locally
    n = ctd.fill_cache(list(_corpus(source)), tmp_path / "cache", client)
    calls = []
    real = analyze_mod._collect
    monkeypatch.setattr(analyze_mod, "_collect", lambda *a: calls.append(a[0]) or real(*a))
    again = list(analyze(_corpus(source), cache_dir=tmp_path / "cache"))
    assert calls == [] and len(again) == n


def _corpus(source):
    from careertext import load_corpus

    return load_corpus(source)
