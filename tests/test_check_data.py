"""The staleness check of the learned data files (``scripts/check_data.py``).

The check itself rebuilds the files (about three minutes, ``make check-data``, run by CI); these
tests cover how it compares them, on the shipped files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "careertext" / "data"


@pytest.fixture(scope="module")
def check_data(load_script):
    return load_script("check_data")


@pytest.mark.parametrize("name", ["career_lexicon.tsv", "career_topics.tsv", "career_words.tsv",
                                  "career_layer.tsv"])
def test_a_shipped_table_matches_itself(check_data, name):
    table = check_data._read_tsv(DATA / name)
    assert len(table) > 100
    assert check_data.compare_tables(table, dict(table), 0.002) == []


def test_a_moved_weight_a_new_term_and_a_lost_term_are_reported(check_data):
    shipped = check_data._read_tsv(DATA / "career_layer.tsv")
    rebuilt = dict(shipped)
    first, second = sorted(shipped)[:2]
    weight, support = shipped[first]
    rebuilt[first] = [f"{float(weight) + 0.009:.3f}", support]
    del rebuilt[second]
    rebuilt["brand new term"] = ["-1.0", "12"]
    diffs = check_data.compare_tables(shipped, rebuilt, 0.002)
    assert diffs == [f"only in the shipped file: {second!r}",
                     "only in the rebuilt file: 'brand new term'",
                     f"{first!r}: shipped {shipped[first]!r}, rebuilt {rebuilt[first]!r}"]


def test_a_difference_within_the_tolerance_is_no_difference(check_data):
    assert check_data.compare_tables({"a": ["1.000", "7", "word"]},
                                     {"a": ["1.001", "7", "word"]}, 0.002) == []
    assert check_data.compare_tables({"a": ["1.0", "7", "word"]},
                                     {"a": ["1.0", "7", "phrase"]}, 0.002) != []
    assert check_data.compare_tables({"a": ["1.0"]}, {"a": ["1.0", "7"]}, 0.002) != []


def test_the_reason_model_flattens_to_settings_and_weights(check_data):
    flat = check_data._flatten_model(DATA / "reason_model.json")
    assert {"bias", "threshold", "evidence_threshold", "meta.C", "meta.trained_on"} <= set(flat)
    assert sum(k.startswith("weights.") for k in flat) > 50
    changed = dict(flat, threshold=flat["threshold"] + 0.05)
    assert check_data.compare_tables(flat, changed, 0.002) == [
        f"'threshold': shipped {flat['threshold']!r}, rebuilt {changed['threshold']!r}"]
    assert check_data.compare_tables(flat, dict(flat, **{"meta.lexical": False}), 0.002) != []


def test_the_examples_in_its_docstrings_run(check_data):
    import doctest

    assert doctest.testmod(check_data).failed == 0
