"""Text cleaning for essays: Unicode and whitespace repair, and removal of blog boilerplate lines.

:func:`clean_text` is applied to every essay that :func:`careertext.load_corpus` loads. It never
rewrites words: it normalises Unicode (NFC), line ends and odd spaces, trims trailing spaces,
collapses runs of blank lines, and removes whole *short* lines that match a boilerplate pattern
("5 min read", "Share this post", "Subscribe to my newsletter", "Photo by X on Unsplash", ...).
The patterns are package data (``careertext/data/boilerplate.yaml``), grouped in families.
What was removed is returned, so nothing disappears unseen.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from .errors import CorpusError, check_text

__all__ = [
    "BoilerplatePattern",
    "CleanResult",
    "MAX_LINE_LENGTH",
    "boilerplate_family",
    "boilerplate_patterns",
    "clean_text",
    "load_boilerplate",
    "normalize_text",
]

MAX_LINE_LENGTH = 120
"""Only lines at most this long (once stripped) can be removed as boilerplate."""

# Zero-width characters that carry no text: zero-width space, word joiner, BOM / zero-width
# no-break space, soft hyphen, and the invisible function characters. ZWJ and ZWNJ are kept:
# they shape emoji sequences and several scripts.
_ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff\u00ad\u2061-\u2064\u180e]")
# Non-breaking and other Unicode spaces become a plain space.
_ODD_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Line and paragraph separators, vertical tab and form feed end a line.
_LINE_BREAK = re.compile("\r\n?|[\u2028\u2029\u0085\x0b\x0c]")
# Other control characters (C0 but tab and newline, DEL, C1) carry no text.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NEEDS_REPAIR = re.compile("|".join(p.pattern for p in (
    _ZERO_WIDTH, _ODD_SPACE, re.compile("[\r\u2028\u2029\u0085\x0b\x0c]"), _CONTROL, _SURROGATE)))
_BLANK_RUN = re.compile(r"\n{3,}")
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")


@dataclass(frozen=True)
class BoilerplatePattern:
    """One boilerplate pattern.

    Attributes
    ----------
    family : str
        The family it belongs to, e.g. ``"newsletter"``.
    pattern : re.Pattern
        Compiled, case-insensitive; it must match a whole (decoration-stripped) line.
    """

    family: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class CleanResult:
    """The result of :func:`clean_text`.

    Attributes
    ----------
    text : str
        The cleaned text.
    removed : tuple of str
        The boilerplate lines that were removed (stripped), in text order.
    """

    text: str
    removed: tuple[str, ...] = ()


def load_boilerplate(path: str | Path | None = None) -> tuple[BoilerplatePattern, ...]:
    """Load and compile boilerplate patterns from a YAML file (default: the bundled one).

    The file has a ``families`` mapping; each family has a list of ``patterns`` (Python regular
    expressions, matched case-insensitively against a whole line).

    Parameters
    ----------
    path : str or Path, optional
        A YAML file in the format of ``careertext/data/boilerplate.yaml``.

    Raises
    ------
    CorpusError
        If the file cannot be read or a pattern does not compile (E036).

    Examples
    --------
    >>> patterns = load_boilerplate()
    >>> sorted({p.family for p in patterns})[:3]
    ['click_here', 'comments', 'cookies']
    """
    where = "careertext/data/boilerplate.yaml" if path is None else str(path)
    try:
        if path is None:
            resource = resources.files("careertext").joinpath("data/boilerplate.yaml")
            text = resource.read_text("utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CorpusError("E036", f"Cannot read boilerplate patterns {where}: {exc}",
                          "Check the path and that the file is UTF-8 YAML.") from exc
    families = data.get("families") if isinstance(data, dict) else None
    if not isinstance(families, dict):
        raise CorpusError("E036", f"Invalid boilerplate file {where}: no 'families' mapping.",
                          "See careertext/data/boilerplate.yaml for the format.")
    compiled: list[BoilerplatePattern] = []
    for family, spec in families.items():
        patterns = spec.get("patterns") if isinstance(spec, dict) else None
        if not isinstance(patterns, list):
            raise CorpusError("E036", f"Invalid boilerplate family {family!r} in {where}: "
                              "'patterns' must be a list.", "Give each family a 'patterns' list.")
        for raw in patterns:
            try:
                pattern = re.compile(str(raw), re.IGNORECASE)
            except re.error as exc:
                raise CorpusError("E036", f"Invalid boilerplate pattern {raw!r} ({family}) in "
                                  f"{where}: {exc}", "Fix the regular expression.") from exc
            compiled.append(BoilerplatePattern(str(family), pattern))
    return tuple(compiled)


@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[BoilerplatePattern, ...]:
    """The bundled boilerplate patterns (cached)."""
    return load_boilerplate()


def _core(line: str) -> str:
    """A line without its decoration: Markdown links become their text, edges lose symbols."""
    if "](" in line:
        line = _MD_LINK.sub(r"\1", line)
    start, end = 0, len(line)
    while start < end and not line[start].isalnum():
        start += 1
    while end > start and not line[end - 1].isalnum():
        end -= 1
    return line[start:end]


def boilerplate_family(
    line: str,
    patterns: Iterable[BoilerplatePattern] | None = None,
    max_line_length: int = MAX_LINE_LENGTH,
) -> str | None:
    """The boilerplate family ``line`` belongs to, or ``None`` if it is not boilerplate.

    Examples
    --------
    >>> boilerplate_family("**Share this post**")
    'share'
    >>> boilerplate_family("I decided to subscribe to three industry newsletters.") is None
    True
    """
    pats = boilerplate_patterns() if patterns is None else tuple(patterns)
    combined = _default_combined() if patterns is None else _combine(pats)
    return _family(line, pats, combined, max_line_length)


def _family(line: str, pats: tuple[BoilerplatePattern, ...], combined: re.Pattern[str] | None,
            max_line_length: int) -> str | None:
    stripped = line.strip()
    if not stripped or len(stripped) > max_line_length:
        return None
    core = _core(stripped)
    if not core:
        return None
    if combined is not None and not combined.fullmatch(core):
        return None
    for item in pats:
        if item.pattern.fullmatch(core):
            return item.family
    return None


def _combine(patterns: tuple[BoilerplatePattern, ...]) -> re.Pattern[str] | None:
    """One alternation of all patterns: a fast first test (None if they cannot be combined)."""
    if not patterns or len({p.pattern.flags for p in patterns}) != 1:
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern.pattern})" for p in patterns),
                          patterns[0].pattern.flags)
    except (re.error, TypeError):
        return None


@lru_cache(maxsize=1)
def _default_combined() -> re.Pattern[str] | None:
    return _combine(boilerplate_patterns())


def normalize_text(text: str) -> str:
    """Unicode and whitespace repair only (no boilerplate removal).

    NFC normalisation; ``\\r\\n``, ``\\r`` and Unicode line separators become ``\\n``; zero-width
    characters and control characters are dropped; non-breaking and other Unicode spaces become
    plain spaces; trailing spaces are trimmed and runs of blank lines collapse to one blank line.

    Examples
    --------
    >>> normalize_text("caf\\u0065\\u0301\\u00a0au\\u200blait  \\r\\n\\r\\n\\r\\n\\r\\nnext")
    'café aulait\\n\\nnext'
    """
    text = check_text(text)
    if _NEEDS_REPAIR.search(text):
        text = _SURROGATE.sub("\ufffd", text)
        text = _LINE_BREAK.sub("\n", text)
        text = _ZERO_WIDTH.sub("", text)
        text = _CONTROL.sub("", text)
        text = _ODD_SPACE.sub(" ", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_RUN.sub("\n\n", text).strip("\n")


def clean_text(
    text: str,
    *,
    remove_boilerplate: bool = True,
    patterns: Iterable[BoilerplatePattern] | None = None,
    max_line_length: int = MAX_LINE_LENGTH,
) -> CleanResult:
    """Clean an essay's text and remove blog boilerplate lines.

    Parameters
    ----------
    text : str
        The raw text.
    remove_boilerplate : bool, default True
        Remove whole lines that match a boilerplate pattern.
    patterns : iterable of BoilerplatePattern, optional
        The patterns (default: :func:`boilerplate_patterns`, the bundled file).
    max_line_length : int, default 120
        Only lines at most this long (stripped) are candidates, so a paragraph is never removed.

    Returns
    -------
    CleanResult
        The cleaned text and the removed lines.

    Raises
    ------
    InputError
        If ``text`` is not a ``str`` (E001).

    Examples
    --------
    >>> raw = "My story\\r\\n\\r\\n5 min read\\r\\n\\r\\nI quit.\\r\\n\\r\\nShare this post"
    >>> result = clean_text(raw)
    >>> result.text
    'My story\\n\\nI quit.'
    >>> result.removed
    ('5 min read', 'Share this post')
    """
    text = normalize_text(text)
    if not remove_boilerplate:
        return CleanResult(text, ())
    pats = boilerplate_patterns() if patterns is None else tuple(patterns)
    combined = _default_combined() if patterns is None else _combine(pats)
    kept: list[str] = []
    removed: list[str] = []
    for line in text.split("\n"):
        if _family(line, pats, combined, max_line_length) is not None:
            removed.append(line.strip())
        else:
            kept.append(line)
    if not removed:
        return CleanResult(text, ())
    return CleanResult(_BLANK_RUN.sub("\n\n", "\n".join(kept)).strip("\n"), tuple(removed))
