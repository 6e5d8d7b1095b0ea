from __future__ import annotations

import json
from pathlib import Path

import pytest

from careertext import GoldError
from careertext.evaluate import agreement, evaluate, keyword_baseline, load_texts, read_gold


def write(path: Path, rows):
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def texts_dir(tmp_path: Path) -> Path:
    d = tmp_path / "texts"
    d.mkdir()
    (d / "a.txt").write_text(TEXT_A)
    (d / "b.txt").write_text("Tips for interviews: prepare well.")
    return d


TEXT_A = "I love my team. I quit because I was badly underpaid."
S1 = TEXT_A.index("I quit")
E1 = len(TEXT_A)


def test_scoring_counts(tmp_path, texts_dir):
    gold = write(tmp_path / "g.jsonl", [
        {"doc_id": "a", "required": ["compensation", "management"], "acceptable": ["culture_fit"],
         "reasons": [{"code": "compensation", "span": [S1, E1]},
                     {"code": "management", "span": [0, 15]}]},
        {"doc_id": "b", "required": [], "acceptable": [], "reasons": []},
    ])

    class R:
        def __init__(self, code, start, end):
            self.code, self.start, self.end = code, start, end

    def fake(texts):
        return [[R("compensation", S1, E1), R("culture_fit", 0, 15)], [R("job_security", 0, 5)]]

    result = evaluate(gold, texts_dir, extractor=fake)
    s = result.summary()
    assert (s["tp"], s["fp"], s["fn"]) == (1, 1, 1)  # culture_fit acceptable: not counted
    assert s["precision"] == 0.5 and s["recall"] == 0.5 and s["evidence_recall"] == 0.5
    assert {r["code"] for r in result.per_code()} == {"compensation", "job_security", "management"}
    assert result.confusions()[0]["fn"] == ["management"]


def test_direction_and_voice_accuracy_over_found_reasons(tmp_path, texts_dir):
    gold = write(tmp_path / "g.jsonl", [
        {"doc_id": "a", "required": ["compensation", "management"], "acceptable": [],
         "reasons": [{"code": "compensation", "span": [S1, E1], "direction": "push",
                      "voice": "self"},
                     {"code": "management", "span": [0, 15], "direction": "push",
                      "voice": "reported"}]},
        {"doc_id": "b", "required": [], "acceptable": [], "reasons": []},
    ])

    class R:
        def __init__(self, code, start, end, direction, voice):
            self.code, self.start, self.end = code, start, end
            self.direction, self.voice = direction, voice

    def fake(texts):  # compensation found with the wrong voice, management found right
        return [[R("compensation", S1, E1, "push", "advice"),
                 R("management", 0, 15, "push", "reported")], []]

    result = evaluate(gold, texts_dir, extractor=fake)
    assert result.direction_accuracy == 1.0
    assert result.voice_accuracy == 0.5
    assert result.attribute_confusion("voice") == {("self", "advice"): 1,
                                                   ("reported", "reported"): 1}
    assert result.summary()["attributes_compared"] == 2
    with pytest.raises(ValueError, match="voice"):
        result.attribute_confusion("code")
    # an extractor without directions or voices (the keyword baseline) has none to compare
    plain = evaluate(gold, texts_dir, extractor=keyword_baseline).summary()
    assert plain["direction_accuracy"] is None and plain["voice_accuracy"] is None


def test_text_evidence_and_real_extractor(tmp_path, texts_dir):
    gold = write(tmp_path / "g.jsonl", [{
        "doc_id": "a", "required": ["compensation"], "acceptable": [],
        "reasons": [{"code": "compensation", "evidence": "I quit because I was badly underpaid."}],
    }])
    s = evaluate(gold, texts_dir).summary()
    assert s["f1"] == 1.0 and s["evidence_recall"] == 1.0


@pytest.mark.parametrize("row, code", [
    ({"doc_id": "a", "required": ["pay"], "reasons": []}, "E043"),
    ({"doc_id": "a", "required": [], "reasons": [{"code": "compensation", "span": [0, 999]}]},
     "E045"),
    ({"doc_id": "a", "required": [], "reasons": [{"code": "compensation", "evidence": "nope"}]},
     "E047"),
    ({"required": []}, "E041"),
])
def test_gold_errors(tmp_path, texts_dir, row, code):
    path = write(tmp_path / "g.jsonl", [row])
    with pytest.raises(GoldError, match=code):
        read_gold(path, load_texts(texts_dir))


def test_missing_text_is_an_error(tmp_path, texts_dir):
    gold = write(tmp_path / "g.jsonl", [{"doc_id": "zzz", "required": [], "reasons": []}])
    with pytest.raises(GoldError, match="no text"):
        evaluate(gold, texts_dir)


def test_keyword_baseline_finds_keywords():
    (hits,) = keyword_baseline(["The salary was fine. My boss was nice."])
    assert {h.code for h in hits} >= {"compensation", "management"}


def test_agreement_kappa(tmp_path):
    a = write(tmp_path / "a.jsonl", [
        {"doc_id": str(i), "required": ["compensation"] if i < 5 else [], "reasons": []}
        for i in range(10)])
    same = agreement(a, a)
    assert same["micro_f1"] == 1.0 and same["kappa"]["compensation"] == 1.0
    assert same["kappa"]["management"] is None  # never used: undefined
    b = write(tmp_path / "b.jsonl", [
        {"doc_id": str(i), "required": ["compensation"] if i < 3 else [], "reasons": []}
        for i in range(10)])
    half = agreement(a, b)
    assert 0 < half["kappa"]["compensation"] < 1 and half["documents"] == 10


def test_bundled_gold_is_valid():
    root = Path(__file__).resolve().parents[1]
    texts = load_texts(root / "corpus")
    docs = read_gold(root / "corpus" / "gold.jsonl", texts)
    assert len(docs) == 20 and sum(1 for d in docs if not d.required) == 4


def test_reddit_gold_is_offsets_only():
    root = Path(__file__).resolve().parents[1]
    for path in (root / "eval" / "gold").rglob("*.jsonl"):
        for line in path.read_text().splitlines():
            for r in json.loads(line)["reasons"]:
                assert "evidence" not in r and len(r["span"]) == 2


def test_heldout_gold_scores_on_shared_corpus(shared):
    root = Path(__file__).resolve().parents[1]
    result = evaluate(root / "eval/gold/test/shared_corpus.jsonl", shared / "corpus")
    assert len(result.rows) == 5 and 0 <= result.f1 <= 1


def _rows(outcomes):
    """DocRows of one prediction each: "tp", "fp" or "fn" (a miss), evidence found when tp."""
    from careertext.evaluate import DocRow

    return [DocRow(str(i), (), ("pay",) if o == "tp" else (), ("pay",) if o == "fp" else (),
                   ("pay",) if o == "fn" else (), int(o == "tp"), int(o != "fp"))
            for i, o in enumerate(outcomes)]


def test_bootstrap_interval_brackets_the_score_with_the_expected_width():
    from careertext.evaluate import EvalResult

    # 300 hits, 100 false positives: precision 0.75 over 400 documents of one prediction each,
    # whose standard error is sqrt(0.75 * 0.25 / 400) = 0.0217, a 95 % width of about 0.085
    result = EvalResult(_rows(["tp", "tp", "tp", "fp"] * 100))
    ci = result.interval("precision")
    assert ci.estimate == result.precision == 0.75 and ci.low < 0.75 < ci.high
    assert 0.065 < ci.high - ci.low < 0.105
    assert result.interval("precision") == ci  # seeded: the same interval again
    # four times the documents, half the width
    wide = EvalResult(_rows(["tp", "tp", "tp", "fp"] * 25)).interval("precision")
    assert 1.6 < (wide.high - wide.low) / (ci.high - ci.low) < 2.4
    assert "95% CI" in str(ci) and ci.n_resamples == 2000
    # the level and resampling asked for are kept with the interval, and a lower level narrows it
    narrow = result.interval("precision", level=0.8, n_resamples=500)
    assert (narrow.level, narrow.n_resamples) == (0.8, 500)
    assert narrow.high - narrow.low < ci.high - ci.low


def test_paired_comparison_of_two_results():
    from careertext.evaluate import EvalResult

    outcomes = ["tp", "fn", "tp", "fp", "tp"] * 40
    a = EvalResult(_rows(outcomes))
    same = a.compare(EvalResult(_rows(outcomes)), "f1")
    assert same.estimate == same.low == same.high == 0  # paired: no difference to sample
    worse = EvalResult(_rows([o if i % 10 else "fn" for i, o in enumerate(outcomes)]))
    diff = a.compare(worse, "recall")
    assert diff.estimate == pytest.approx(a.recall - worse.recall) and 0 < diff.low < diff.high
    with pytest.raises(ValueError, match="same documents"):
        a.compare(EvalResult(_rows(outcomes[:-1])))
    with pytest.raises(ValueError, match="metric"):
        a.interval("accuracy")
    with pytest.raises(ValueError, match="two documents"):
        EvalResult(_rows(["tp"])).interval()
    with pytest.raises(ValueError, match="level"):
        a.interval(level=95)
