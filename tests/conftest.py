from __future__ import annotations

import importlib.util
import sys
import warnings
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _load_script(name: str) -> ModuleType:
    """The module of ``scripts/<name>.py``, imported with ``scripts/`` on the path (a script
    may import another, as the layer's builder imports the lexicon's)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "scripts"))


@pytest.fixture(scope="session")
def load_script():
    """Import a script of ``scripts/`` by name (see :func:`_load_script`)."""
    return _load_script


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
