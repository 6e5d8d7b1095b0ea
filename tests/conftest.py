from __future__ import annotations

import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from careertext import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def blank_nlp():
    from careertext.errors import ModelWarning
    from careertext.pipeline import blank_pipeline

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ModelWarning)
        return blank_pipeline()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED
