"""careertext: reasons for leaving, themes, sentiment and recurring lessons in career essays."""

from __future__ import annotations

from .codebook import Code, Codebook, default_codebook, load_codebook
from .errors import CareertextError, CodebookError, CorpusError, GoldError, InputError, ModelError
from .pipeline import load_pipeline
from .reasons import Reason, extract_reasons, extract_reasons_many

__version__ = "0.1.0"

__all__ = [
    "CareertextError",
    "Code",
    "Codebook",
    "CodebookError",
    "CorpusError",
    "GoldError",
    "InputError",
    "ModelError",
    "Reason",
    "__version__",
    "default_codebook",
    "extract_reasons",
    "extract_reasons_many",
    "load_codebook",
    "load_pipeline",
]
