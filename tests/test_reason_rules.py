"""Tests of careertext.reason_rules: the readings of a sentence's parse behind the reason
extractor (tests/test_reasons.py checks what they decide, through extract_reasons and the
extractor's candidates)."""

import ast
from pathlib import Path

import pytest

from careertext import reason_rules, reasons

#: The names careertext.reasons imports from careertext.reason_rules.
SHARED = ["FIRST_PERSON", "_clause_text", "_clauses", "_cleft_denied", "_feared",
          "_leave_subject_tokens", "_motive_tokens", "_negated", "_purpose_tokens", "_voice"]

#: Names that moved and that careertext.reasons neither uses nor holds.
RULES_ONLY = ["THIRD_PERSON", "CONTRAST", "SECOND_PERSON", "NEGATORS", "NO_ONE", "MODALS", "_WH",
              "_factive", "_no_one", "_FEAR_PATH", "_fear_governs", "_fear_words", "_imperative",
              "_about_the_author", "_movers"]


@pytest.mark.parametrize("name", SHARED)
def test_a_name_from_either_module_is_the_same_object(name):
    assert getattr(reasons, name) is getattr(reason_rules, name)


@pytest.mark.parametrize("name", RULES_ONLY)
def test_a_moved_name_lives_in_reason_rules_only(name):
    assert hasattr(reason_rules, name) and not hasattr(reasons, name)


def test_reason_rules_does_not_import_reasons():
    tree = ast.parse(Path(reason_rules.__file__).read_text(encoding="utf-8"))
    imports = [node for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))]
    modules = {getattr(node, "module", None) for node in imports}
    modules |= {a.name for node in imports for a in node.names}  # also "from . import reasons"
    assert not {"reasons", "careertext.reasons"} & modules
