"""Parsing one document (a text, Markdown or HTML file) into an
:class:`~careertext.records.Essay`: YAML front matter (:func:`split_front_matter`, re-exported by
:mod:`careertext.corpus`), the title and author fields, HTML entities, dates (ISO, numeric with
``dayfirst``, month names, epoch seconds) and the main text, title and metadata of an HTML page;
the field and date helpers are shared with the table reader."""

from __future__ import annotations

import datetime as _dt
import html
import re
import warnings
from typing import Any

import yaml

from .cleaning import clean_text
from .errors import check_text
from .records import Essay, _Options, _Skipped

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


# ----------------------------------------------------------------------------------------------
# One document
# ----------------------------------------------------------------------------------------------


def _parse_document(text: str, kind: str, file_id: str, src: str, encoding: str,
                    opts: _Options) -> Essay:
    title = author = date = None
    metadata: dict[str, Any] = {}
    if kind == "markdown":
        front, body = split_front_matter(text)
        metadata = dict(front)
        title = _field_str(metadata.pop("title", None))
        author = _field_str(metadata.pop("author", None) or metadata.pop("authors", None))
        date = _iso_date(metadata.pop("date", None), opts.dayfirst)
        if title is None:
            first = next((line for line in body.split("\n") if line.strip()), "")
            if first.startswith("# "):
                title = _field_str(first[2:])
        text = body
    elif kind == "html":
        text, title, author, raw_date, metadata = _parse_html(text)
        date = _iso_date(raw_date, opts.dayfirst)
    result = clean_text(text, remove_boilerplate=opts.remove_boilerplate)
    if not result.text.strip():
        detail = "no text left after cleaning"
        if result.removed:
            detail += f" ({len(result.removed)} boilerplate line(s) removed)"
        raise _Skipped("empty", detail)
    return Essay(id=file_id, text=result.text, title=title, author=author, date=date,
                 source=src, row=None, metadata=metadata, removed=result.removed,
                 encoding=encoding)


# ----------------------------------------------------------------------------------------------
# Front matter, fields and dates
# ----------------------------------------------------------------------------------------------


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split YAML front matter from a Markdown text.

    Front matter is recognised only when the text starts with a ``---`` line and a later line is
    ``---``. Malformed YAML (or YAML that is not a mapping) does not raise: the result is
    ``{"front_matter_error": <message>, "front_matter": <raw text>}`` and the body is still
    returned. Dates in the YAML become ISO strings. Line ends are normalised to ``\\n``.

    Parameters
    ----------
    text : str
        The document.

    Returns
    -------
    tuple of (dict, str)
        The front matter (empty when there is none) and the body.

    Examples
    --------
    >>> split_front_matter("---\\ntitle: Leaving\\ntags: [a, b]\\n---\\nBody.\\n")
    ({'title': 'Leaving', 'tags': ['a', 'b']}, 'Body.\\n')
    >>> split_front_matter("No front matter.")
    ({}, 'No front matter.')
    >>> meta, body = split_front_matter("---\\ntitle: [unclosed\\n---\\nBody.")
    >>> sorted(meta), body
    (['front_matter', 'front_matter_error'], 'Body.')
    """
    text = check_text(text)
    normalised = text.lstrip("\ufeff").replace("\r\n", "\n")
    if not normalised.startswith("---\n"):
        return {}, text
    lines = normalised.split("\n")
    for i in range(1, len(lines)):
        if lines[i].rstrip() == "---":
            raw = "\n".join(lines[1:i])
            body = "\n".join(lines[i + 1:])
            try:
                data = yaml.safe_load(raw)
                if data is None:
                    return {}, body
                if not isinstance(data, dict):
                    raise ValueError(f"the front matter is a {type(data).__name__}, "
                                     "not a mapping")
                return _plain(data, budget=[10_000]), body
            except Exception as exc:  # noqa: BLE001 - any YAML failure is recorded, not raised
                message = " ".join(str(exc).split())[:500] or type(exc).__name__
                return {"front_matter_error": message, "front_matter": raw}, body
    return {}, text


def _plain(value: Any, budget: list[int], depth: int = 0) -> Any:
    """JSON-like copy of YAML data: str keys, lists, ISO dates (bounded size and depth)."""
    budget[0] -= 1
    if budget[0] < 0 or depth > 50:
        raise ValueError("the front matter is too large or too deeply nested")
    if isinstance(value, dict):
        return {str(k): _plain(v, budget, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_plain(v, budget, depth + 1) for v in value]
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return str(value)


def _field_str(value: Any) -> str | None:
    """A title/author value as one clean line of text, or None."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value if v is not None)
    text = " ".join(_unescape(str(value)).split())
    return text or None


def _unescape(text: str) -> str:
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text) if "&" in text else text


_MONTH_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y",
                  "%d %B, %Y", "%d %b, %Y", "%b. %d, %Y", "%a, %d %b %Y", "%A, %B %d, %Y")


def _iso_date(value: Any, dayfirst: bool | None = None) -> str | None:
    """``YYYY-MM-DD`` when ``value`` is a parseable date, else the raw string (None if empty)."""
    if value is None or isinstance(value, bool):
        return None if value is None else str(value)
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return _epoch(value) or str(value)
    text = " ".join(str(value).split())
    if not text:
        return None
    try:
        m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?", text)
        if m:
            return _dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T ,].*)?", text)
        if m:
            a, b, year = int(m[1]), int(m[2]), int(m[3])
            if a > 12 or (a != b and b <= 12 and dayfirst):
                day, month = a, b
            elif b > 12 or a == b or dayfirst is False:
                day, month = b, a
            else:
                return text
            return _dt.date(year, month, day).isoformat()
    except ValueError:
        return text
    if re.fullmatch(r"\d{9,11}(?:\.\d+)?", text):
        return _epoch(float(text)) or text
    candidate = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    candidate = re.sub(r"\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?(?:\s+\w+)?$", "", candidate)
    for fmt in _MONTH_FORMATS:
        try:
            return _dt.datetime.strptime(candidate, fmt).date().isoformat()
        except ValueError:
            continue
    return text


def _epoch(value: float) -> str | None:
    if not 1e8 <= value < 1e11:
        return None
    try:
        return _dt.datetime.fromtimestamp(value, tz=_dt.timezone.utc).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


# ----------------------------------------------------------------------------------------------
# HTML
# ----------------------------------------------------------------------------------------------

_DROP_TAGS = frozenset({
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template",
    "iframe", "svg", "button", "select", "textarea", "object", "embed", "canvas", "head",
    "dialog",
})
_BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    "body", "html",
})
_PARA = object()
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


def _parse_html(text: str) -> tuple[str, str | None, str | None, str | None, dict[str, Any]]:
    """(main text, title, author, raw date, metadata) of an HTML page."""
    try:
        from bs4 import BeautifulSoup

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            soup = BeautifulSoup(text, "html.parser")
        return _html_parts(soup)
    except Exception:  # noqa: BLE001 - the parser rejected the markup: strip tags instead
        stripped = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", text)
        stripped = re.sub(r"(?s)<[^>]*>", "\n", stripped)
        return html.unescape(stripped), None, None, None, {}


def _meta(soup: Any, *keys: str) -> str | None:
    for key in keys:
        for attr in ("name", "property", "itemprop"):
            tag = soup.find("meta", attrs={attr: key})
            if tag is not None and tag.get("content"):
                value = " ".join(str(tag.get("content")).split())
                if value:
                    return value
    return None


def _html_parts(soup: Any) -> tuple[str, str | None, str | None, str | None, dict[str, Any]]:
    title = None
    if soup.title is not None:
        title = _field_str(soup.title.get_text(" "))
    if title is None:
        h1 = soup.find("h1")
        title = _field_str(h1.get_text(" ")) if h1 is not None else None
    author = _meta(soup, "author", "article:author")
    date = _meta(soup, "article:published_time", "date", "datePublished", "pubdate")
    articles = soup.find_all("article")
    if articles:
        root = max(articles, key=lambda a: len(a.get_text()))
    else:
        root = soup.find("main") or soup.body or soup
    if date is None:
        time_tag = root.find("time") if hasattr(root, "find") else None
        if time_tag is not None:
            date = time_tag.get("datetime") or _field_str(time_tag.get_text(" "))
    metadata: dict[str, Any] = {}
    canonical = soup.find("link", rel="canonical")
    url = (canonical.get("href") if canonical is not None else None) or _meta(soup, "og:url")
    if url:
        metadata["url"] = str(url)
    description = _meta(soup, "description", "og:description")
    if description:
        metadata["description"] = description
    return _html_text(root), title, author, date, metadata


def _html_text(root: Any) -> str:
    """Visible text of ``root``, block elements separated by blank lines (iterative walk)."""
    from bs4.element import (
        CData,
        Comment,
        Declaration,
        Doctype,
        NavigableString,
        ProcessingInstruction,
        Tag,
    )

    skip_strings = (Comment, Declaration, Doctype, ProcessingInstruction, CData)
    parts: list[str] = []
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, in_pre = stack.pop()
        if node is _PARA:
            parts.append("\n\n")
        elif isinstance(node, NavigableString):
            if not isinstance(node, skip_strings):
                parts.append(str(node) if in_pre else _HTML_SPACE.sub(" ", str(node)))
        elif isinstance(node, Tag):
            name = (node.name or "").lower()
            if name in _DROP_TAGS:
                continue
            if name == "br":
                parts.append("\n")
                continue
            pre = in_pre or name == "pre"
            children = [(child, pre) for child in reversed(list(node.children))]
            if name in _BLOCK_TAGS:
                stack.append((_PARA, False))
                stack.extend(children)
                stack.append((_PARA, False))
            elif name in ("td", "th"):
                stack.append((" ", False))
                stack.extend(children)
            else:
                stack.extend(children)
    text = "".join(parts)
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
