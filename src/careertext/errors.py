"""careertext's errors and warnings.

Every error carries a stable ``code`` (``E001`` ...) and a ``hint`` that says how to fix it, in the
manner of spaCy's ``Errors``. Catch :class:`CareertextError` to handle them all.
"""

from __future__ import annotations

__all__ = [
    "CareertextError",
    "CodebookError",
    "CorpusError",
    "GoldError",
    "InputError",
    "ModelError",
    "ModelWarning",
    "NotFittedError",
]


class CareertextError(Exception):
    """Base class of careertext's errors.

    Parameters
    ----------
    code : str
        A stable error code, e.g. ``"E001"``.
    message : str
        What went wrong.
    hint : str, optional
        How to fix it.
    """

    def __init__(self, code: str, message: str, hint: str | None = None) -> None:
        self.code = code
        self.message = message
        self.hint = hint
        text = f"[{code}] {message}"
        if hint:
            text += f"\nHint: {hint}"
        super().__init__(text)

    def __reduce__(self):  # keep errors picklable across processes
        return (type(self), (self.code, self.message, self.hint))


class InputError(CareertextError, TypeError):
    """An argument is not of a type careertext can analyse (e.g. bytes or None for text)."""


class CodebookError(CareertextError, ValueError):
    """A codebook file is missing, malformed or fails schema validation."""


class CorpusError(CareertextError, ValueError):
    """A corpus source cannot be used at all (e.g. it does not exist, or bad column options)."""


class GoldError(CareertextError, ValueError):
    """A gold annotation file is malformed or does not match its texts."""


class ModelError(CareertextError, OSError):
    """A spaCy pipeline that was asked for by name or path cannot be loaded."""


class NotFittedError(CareertextError, AttributeError):
    """A model is used before it was fitted."""


class ModelWarning(UserWarning):
    """careertext is running with a lower-quality fallback (e.g. a blank spaCy pipeline)."""


def check_text(text: object, name: str = "text") -> str:
    """Return ``text`` if it is a ``str``; raise :class:`InputError` (E001) otherwise."""
    if isinstance(text, str):
        return text
    raise InputError(
        "E001",
        f"{name} must be a str, not {type(text).__name__}.",
        "Decode bytes first (e.g. data.decode('utf-8')), or load files with "
        "careertext.load_corpus.",
    )
