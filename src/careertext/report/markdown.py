"""Escaping text from essays for Markdown, so that it can neither break the report's structure
(tables, headings, quotes) nor inject HTML or links.

>>> md_text("<script>alert(1)</script> | # [x](javascript:y)")
'&lt;script&gt;alert(1)&lt;/script&gt; \\\\| # \\\\[x\\\\](javascript:y)'
>>> md_text("# heading"), md_text("1. item"), md_text("- item")
('\\\\# heading', '1\\\\. item', '\\\\- item')
"""

from __future__ import annotations

import re

__all__ = ["md_cell", "md_quote", "md_text"]

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_LEADING = re.compile(r"^(\s*)(\d*)([#>+=.)-])")


def md_text(value: object) -> str:
    """One line of inline Markdown showing ``value`` literally: whitespace (newlines included)
    collapsed, ``&<>`` as entities, Markdown punctuation backslash-escaped, and a leading
    ``#``, ``>``, ``-``, ``+``, ``=`` or list number escaped."""
    text = " ".join(("" if value is None else str(value)).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    match = _LEADING.match(text)
    if match and (not match.group(2) or match.group(3) in ".)"):
        text = text[:match.start(3)] + "\\" + text[match.start(3):]
    return text


def md_cell(value: object) -> str:
    """:func:`md_text` for a table cell (never empty)."""
    if isinstance(value, float):
        return f"{value:.3g}"
    return md_text(value) or " "


def md_quote(value: object) -> str:
    """A block quote line ``> ...`` of ``value``."""
    return "> " + md_text(value)
