from __future__ import annotations

from pathlib import Path

import pytest

from careertext import CodebookError, default_codebook, load_codebook

SPEC_IDS = {
    "compensation", "career_advancement", "learning_growth", "purpose_impact", "work_content",
    "autonomy_pace", "culture_fit", "management", "wellbeing_balance", "job_security",
    "new_opportunity", "passion_fit", "life_circumstances",
}


def test_reason_ids_are_the_spec_ids():
    assert set(default_codebook().reason_ids) == SPEC_IDS


def test_theme_only_codes():
    cb = default_codebook()
    assert {"job_search", "education", "company_type", "labor_market"} <= set(cb.theme_ids)
    assert not cb["job_search"].reason


def test_spec_file_ids_match(shared):
    spec = (shared / "spec" / "codebook.md").read_text(encoding="utf-8")
    for code in SPEC_IDS:
        assert f"`{code}`" in spec


def test_extend_and_replace(tmp_path: Path):
    path = tmp_path / "extra.yaml"
    path.write_text("codes:\n- id: commute\n  label: Commute\n  cues: [long commute]\n")
    extended = load_codebook(path, extend=True)
    assert "commute" in extended.reason_ids and "compensation" in extended.reason_ids
    alone = load_codebook(path)
    assert alone.reason_ids == ("commute",)
    assert extended.fingerprint != default_codebook().fingerprint


@pytest.mark.parametrize("body, needle", [
    ("codes: []", "non-empty 'codes'"),
    ("codes:\n- label: X\n", "'id'"),
    ("codes:\n- id: x\n  label: X\n  direction: sideways\n", "'direction'"),
    ("codes:\n- id: x\n  label: X\n  cues: [1, 2]\n", "'cues'"),
    ("codes:\n- id: x\n  label: X\n  cues: [remote, off]\n", "quote words such as off"),
    ("codes:\n- id: x\n  label: X\n  problem_cues: [edit:]\n", "YAML read {'edit': None}"),
    ("codes:\n- id: x\n  label: X\n  colour: red\n", "unknown keys"),
    ("codes:\n- id: x\n  label: X\n- id: x\n  label: Y\n", "twice"),
    ("codes:\n- id: x\n  label: X\n  patterns: [[]]\n", "'patterns'"),
])
def test_validation_errors(tmp_path: Path, body: str, needle: str):
    path = tmp_path / "bad.yaml"
    path.write_text(body)
    with pytest.raises(CodebookError) as info:
        load_codebook(path)
    assert needle in str(info.value) and info.value.code == "E010"


def test_unreadable_and_unparsable(tmp_path: Path):
    with pytest.raises(CodebookError, match="E011"):
        load_codebook(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("codes: [\n")
    with pytest.raises(CodebookError, match="E012"):
        load_codebook(bad)


def test_custom_code_is_extracted(tmp_path: Path):
    import careertext

    path = tmp_path / "extra.yaml"
    path.write_text("codes:\n- id: commute\n  label: Commute\n  problem_cues: [two-hour commute]\n")
    text = "I quit because of the two-hour commute."
    found = careertext.extract_reasons(text, codebook=load_codebook(path, extend=True))
    assert "commute" in [r.code for r in found]
