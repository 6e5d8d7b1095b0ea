"""write_results, n_process > 1, the senter option and very long texts through analyze."""

from __future__ import annotations

import csv
import importlib
import warnings

import pytest

from careertext.analyze import RESULT_COLUMNS, analyze, write_results

analyze_mod = importlib.import_module("careertext.analyze")

TEXTS = ["I quit because I was badly underpaid. The biggest lesson I learned is that you should "
         "always negotiate your salary.",
         "The interviews went well. I love my job.",
         "I was laid off in May.\n\nMy manager was toxic and I burned out."]


@pytest.fixture(scope="module")
def results():
    return list(analyze(TEXTS))


def test_write_parquet_rows_and_counts(tmp_path, results):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "out.parquet"
    counts = write_results(iter(results), path, row_group_size=2)
    table = pq.read_table(path)
    assert table.column_names == [name for name, _ in RESULT_COLUMNS]
    assert pq.ParquetFile(path).num_row_groups == 2  # 2 + 1 essays
    df = table.to_pandas()
    assert counts["rows"] == len(df) and counts["essays"] == 3 and counts["errors"] == 0
    by_kind = df["kind"].value_counts().to_dict()
    assert by_kind["essay"] == 3
    assert counts["reasons"] == by_kind["reason"] == sum(len(a.reasons) for a in results)
    assert counts["themes"] == by_kind["theme"] == sum(len(a.themes) for a in results)
    assert counts["sentences"] == by_kind["sentence"]
    assert counts["lessons"] == by_kind.get("lesson", 0) == sum(len(a.lessons) for a in results)
    texts = {a.id: a.text for a in results}
    for row in df[df["kind"] != "essay"].itertuples():
        assert texts[row.essay_id][row.start:row.end] == row.text
    first = df[(df["kind"] == "reason") & (df["essay_id"] == "text-0")].iloc[0]
    assert first["code"] == "compensation" and "problem:underpaid" in first["cues"]


def test_write_csv_matches_parquet(tmp_path, results):
    pytest.importorskip("pyarrow")
    counts_csv = write_results(results, tmp_path / "out.csv")
    counts_pq = write_results([a.to_dict() for a in results], tmp_path / "out.parquet")
    assert counts_csv == counts_pq
    with (tmp_path / "out.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == counts_csv["rows"] and rows[0]["kind"] == "essay"


def test_write_results_streams(tmp_path, results):
    """The writer consumes its input lazily: the file exists before the stream ends."""
    path = tmp_path / "out.csv"
    seen = []

    def stream():
        for a in results:
            if seen:
                assert path.exists()
            seen.append(a.id)
            yield a

    write_results(stream(), path)
    assert seen == [a.id for a in results]


def test_write_results_empty_and_bad_format(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    assert write_results([], tmp_path / "e.parquet")["essays"] == 0
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 0
    with pytest.raises(ValueError):
        write_results([], tmp_path / "x.json", format="json")


def test_n_process_2_identical(results):
    assert list(analyze(TEXTS * 3, n_process=2, batch_size=2)) == \
        list(analyze(TEXTS * 3, batch_size=2))


def test_n_process_2_uses_and_fills_cache(tmp_path, results):
    first = list(analyze(TEXTS, n_process=2, batch_size=1, cache_dir=tmp_path))
    assert first == results and len(list(tmp_path.glob("*.json"))) == 3
    assert list(analyze(TEXTS, n_process=2, cache_dir=tmp_path)) == results


def test_senter_only_when_no_parse_needed(nlp):
    if "senter" not in nlp.component_names:
        pytest.skip("the model has no senter")
    assert analyze_mod._use_senter(nlp, ("themes", "sentiment"), None)
    assert not analyze_mod._use_senter(nlp, ("reasons", "themes"), None)
    assert not analyze_mod._use_senter(nlp, ("themes",), False)
    (a,) = analyze(TEXTS[:1], analyses=["themes", "sentiment"])
    assert a.themes and a.sentiment and a.n_sentences == 2
    assert "parser" in nlp.pipe_names and "senter" in nlp.disabled  # restored afterwards


@pytest.mark.slow
def test_very_long_text_offsets():
    """A 1.5 MB essay (beyond max_length) is analysed in chunks, offsets into the whole text."""
    from careertext.pipeline import blank_pipeline

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp = blank_pipeline()  # a private blank pipeline: fast, and no shared state changed
    reason = "I quit because the pay was too low."
    block = "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n\n" * 170 + reason + "\n\n"
    text = block * (1_500_000 // len(block) + 1)
    assert len(text) > nlp.max_length
    (a,) = analyze([text], nlp=nlp, analyses=["reasons", "themes", "sentiment"])
    assert a.error is None
    assert [r["start"] for r in a.reasons] == _find_all(text, reason)
    assert all(text[r["start"]:r["end"]] == reason for r in a.reasons)
    assert {text[t["start"]:t["end"]] for t in a.themes} == {reason}
    sents = a.sentiment["sentences"]
    assert len(sents) == a.n_sentences
    assert all(text[s["start"]:s["end"]].strip() == text[s["start"]:s["end"]] != ""
               for s in sents)
    assert sents == sorted(sents, key=lambda s: s["start"])


def _find_all(text: str, sub: str) -> list[int]:
    out, i = [], text.find(sub)
    while i != -1:
        out.append(i)
        i = text.find(sub, i + 1)
    return out
