from __future__ import annotations

import json
from pathlib import Path

from careertext.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_reasons_command(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text("I was laid off in May.")
    assert main(["reasons", str(f), "--json"]) == 0
    row = json.loads(capsys.readouterr().out.splitlines()[0])
    assert row["code"] == "job_security" and row["file"] == str(f)


def test_evaluate_command_json(capsys):
    assert main(["evaluate", str(ROOT / "corpus/gold.jsonl"), str(ROOT / "corpus"), "--baseline",
                 "--json", "--ci"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"careertext", "keyword baseline", "intervals"}
    ci = out["intervals"]["careertext"]["f1"]
    assert ci["low"] <= out["careertext"]["f1"] <= ci["high"] and ci["level"] == 0.95
    assert set(out["intervals"]) == {"careertext", "keyword baseline", "careertext - baseline"}
    assert out["careertext"]["documents"] == 20
    assert 0 < out["careertext"]["voice_accuracy"] <= 1
    assert out["keyword baseline"]["voice_accuracy"] is None  # it gives no voices


def test_evaluate_command_prints_the_intervals_as_computed(capsys):
    assert main(["evaluate", str(ROOT / "corpus/gold.jsonl"), str(ROOT / "corpus"), "--ci"]) == 0
    out = capsys.readouterr().out
    assert "95% bootstrap confidence intervals (documents resampled 2,000 times)" in out


def test_agreement_command(capsys):
    a = ROOT / "eval/gold/dev/reddit_career_top.jsonl"
    b = ROOT / "eval/agreement/reddit_career_top_dev_b.jsonl"
    assert main(["agreement", str(a), str(b), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["documents"] == 46 and 0 < out["strict_micro_f1"] <= 1


def test_errors_exit_2(tmp_path, capsys):
    assert main(["evaluate", str(tmp_path / "none.jsonl"), str(tmp_path)]) == 2
    assert "E040" in capsys.readouterr().err


def test_summary_command(capsys):
    assert main(["summary", str(ROOT / "corpus")]) == 0
    assert "essays" in capsys.readouterr().out
