"""HTML views of careertext results for Jupyter (``_repr_html_``) and for the theme report.

- :func:`reasons_html`: a table of reasons for leaving (used by ``Reason._repr_html_`` and
  ``ReasonList._repr_html_``);
- :func:`essay_html`: an essay's text with its reasons, themes, lessons and sentiment phrases
  highlighted (hover a passage for what was found there);
- :func:`corpus_html`: a corpus summary as a table.

Every string that comes from a text is HTML-escaped; the output is a fragment (no ``<html>``)
whose classes start with ``ct-`` and whose styles (:data:`DISPLAY_CSS`) are included unless
``styles=False``.

Examples
--------
>>> from careertext.display import essay_html
>>> from careertext.analyze import EssayAnalysis
>>> a = EssayAnalysis("e1", "I quit. <b>Bye</b>", reasons=[{"code": "other", "label": "Other",
...     "direction": "push", "voice": "self", "start": 0, "end": 7, "score": 0.9, "cues": []}])
>>> html = essay_html(a, styles=False)
>>> "<b>" in html, "&lt;b&gt;Bye" in html
(False, True)
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

__all__ = ["DISPLAY_CSS", "LAYERS", "corpus_html", "counted", "essay_html", "reasons_html",
           "sanitize_id"]

LAYERS = ("reasons", "themes", "lessons", "sentiment")

DISPLAY_CSS = """
.ct-essay{white-space:pre-wrap;line-height:1.6;font-family:Georgia,'Times New Roman',serif;
  max-width:46em}
.ct-reason{background:#fde2c4;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.ct-theme{border-bottom:2px dotted #4f81bd}
.ct-lesson{background:#dff3e4;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.ct-reason.ct-lesson{background:linear-gradient(#fde2c4,#dff3e4)}
.ct-pos{color:#1d6b35;font-weight:bold}
.ct-neg{color:#a52a2a;font-weight:bold}
.ct-badge{font:600 0.68em/1 system-ui,sans-serif;padding:1px 4px;margin:0 2px;border-radius:3px;
  vertical-align:super;white-space:nowrap}
.ct-badge-reason{background:#e67e22;color:#fff}
.ct-badge-theme{background:#e8eef7;color:#2c4f7c}
.ct-badge-lesson{background:#2e8b57;color:#fff}
.ct-error{color:#a52a2a;font-weight:bold}
.ct-legend span{margin-right:1em}
table.ct-table{border-collapse:collapse;font-size:0.9em}
table.ct-table th,table.ct-table td{border:1px solid #ddd;padding:3px 6px;text-align:left;
  vertical-align:top}
table.ct-table th{background:#f4f4f4}
""".strip()

_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]")


def counted(n: int, noun: str) -> str:
    """``n`` and ``noun``, plural unless ``n`` is one, with thousands separators.

    >>> counted(1, "essay"), counted(0, "essay"), counted(1234, "essay")
    ('1 essay', '0 essays', '1,234 essays')
    """
    return f"{n:,} {noun if n == 1 else noun + 's'}"


def sanitize_id(text: object) -> str:
    """An id safe in a file name or an HTML anchor: every character outside ``[A-Za-z0-9_-]``
    becomes ``-``.

    >>> sanitize_id('01 "nurse"/<b>.md')
    '01--nurse---b--md'
    """
    return _UNSAFE_ID.sub("-", str(text)) or "-"


def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _style(styles: bool) -> str:
    return f"<style>{DISPLAY_CSS}</style>" if styles else ""


def _field(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


# -- reasons --------------------------------------------------------------------------------------
def reasons_html(reasons: Iterable[Any], *, styles: bool = True) -> str:
    """A table of reasons (``Reason`` objects or their dicts): code, direction, voice, score,
    evidence and cues."""
    reasons = list(reasons)
    if not reasons:
        return f'{_style(styles)}<p class="ct-none">No reasons for leaving found.</p>'
    rows = []
    for r in reasons:
        evidence = _field(r, "evidence")
        cues = _field(r, "cues") or ()
        score = _field(r, "score")
        score_text = f"{float(score):.2f}" if isinstance(score, (int, float)) else _e(score)
        rows.append(
            "<tr>"
            f"<td><code>{_e(_field(r, 'code'))}</code><br>{_e(_field(r, 'label'))}</td>"
            f"<td>{_e(_field(r, 'direction'))}</td><td>{_e(_field(r, 'voice'))}</td>"
            f"<td>{score_text}</td><td>{_e(evidence)}</td>"
            f"<td>{_e(', '.join(str(c) for c in cues))}</td>"
            "</tr>")
    return (f'{_style(styles)}<table class="ct-table ct-reasons"><thead><tr><th>reason</th>'
            "<th>direction</th><th>voice</th><th>score</th><th>evidence</th><th>cues</th>"
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")


# -- one essay ------------------------------------------------------------------------------------
def _spans(analysis: Any, layers: Iterable[str], min_weight: float) -> list[tuple]:
    """(start, end, css class, tooltip, badge or None, order) of everything to highlight."""
    layers = set(layers)
    n = len(analysis.text)
    out = []

    def add(start, end, cls, tip, badge, order):
        start, end = max(0, int(start)), min(n, int(end))
        if start < end:
            out.append((start, end, cls, tip, badge, order))

    if "reasons" in layers:
        for d in analysis.reasons:
            tip = f"reason: {d['label']} ({d['direction']}, {d['voice']}, score {d['score']:.2f})"
            add(d["start"], d["end"], "ct-reason", tip, ("reason", d["code"]), 0)
    if "lessons" in layers:
        for d in analysis.lessons:
            add(d["start"], d["end"], "ct-lesson", f"{d['kind']} (score {d['score']:.2f})",
                ("lesson", d["kind"]), 1)
    if "themes" in layers:
        for d in analysis.themes:
            add(d["start"], d["end"], "ct-theme", f"theme: {d['label']}", ("theme", d["code"]), 2)
    if "sentiment" in layers and analysis.sentiment:
        for s in analysis.sentiment.get("sentences", []):
            for c in s.get("contributions", []) or []:
                start, end, phrase, weight = c[0], c[1], c[2], float(c[3])
                if abs(weight) <= min_weight or weight == 0:
                    continue
                add(start, end, "ct-pos" if weight > 0 else "ct-neg",
                    f"sentiment: {phrase} {weight:+.2f}", None, 3)
    return out


def essay_html(analysis: Any, *, layers: Iterable[str] = LAYERS, anchor: str | None = None,
               header: bool = True, styles: bool = True, min_weight: float = 0.0) -> str:
    """An essay's text with what careertext found in it highlighted.

    Parameters
    ----------
    analysis : EssayAnalysis or dict
        A result of :func:`careertext.analyze.analyze` (or its ``to_dict()``).
    layers : iterable of str
        Which of ``"reasons"`` (shaded orange, with a badge per code), ``"themes"`` (dotted
        underline, badge per theme), ``"lessons"`` (shaded green, badge per kind) and
        ``"sentiment"`` (the phrases behind the sentiment score: green positive, red negative) to
        show.
    anchor : str, optional
        ``id`` of the enclosing ``<div>`` (sanitised with :func:`sanitize_id`).
    header : bool
        Show the title, id and a legend above the text.
    styles : bool
        Include the ``<style>`` block (:data:`DISPLAY_CSS`); the report includes it once instead.
    min_weight : float
        Only highlight sentiment phrases whose weight exceeds this in absolute value.
    """
    from .analyze import EssayAnalysis

    if isinstance(analysis, Mapping):
        analysis = EssayAnalysis.from_dict(dict(analysis))
    text = analysis.text or ""
    parts = [_style(styles)]
    div_id = f' id="{_e(sanitize_id(anchor))}"' if anchor else ""
    parts.append(f'<div class="ct-essay-block"{div_id}>')
    if header:
        title = analysis.title or analysis.id
        parts.append(f'<h4 class="ct-title">{_e(title)} <small>({_e(analysis.id)})</small></h4>')
        parts.append(legend_html())
    if analysis.error:
        parts.append(f'<p class="ct-error">Analysis failed: {_e(analysis.error)}</p>')
    spans = [] if analysis.error else _spans(analysis, layers, min_weight)
    parts.append(f'<div class="ct-essay">{_highlight(text, spans)}</div></div>')
    return "".join(parts)


def legend_html() -> str:
    """The key to :func:`essay_html`'s colours."""
    return ('<p class="ct-legend"><span class="ct-reason">reason for leaving</span>'
            '<span class="ct-theme">theme</span><span class="ct-lesson">lesson / advice</span>'
            '<span class="ct-pos">positive phrase</span><span class="ct-neg">negative phrase</span>'
            "</p>")


def _highlight(text: str, spans: list[tuple]) -> str:
    if not spans:
        return _e(text)
    bounds = sorted({0, len(text)} | {s[0] for s in spans} | {s[1] for s in spans})
    starts: dict[int, list] = {}
    for s in spans:
        starts.setdefault(s[0], []).append(s)
    badges_at: dict[int, list] = {}
    for s in spans:
        if s[4] is not None:
            badges_at.setdefault(s[1], []).append(s)
    active: list[tuple] = []
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        active = [s for s in active if s[1] > a] + starts.get(a, [])
        chunk = _e(text[a:b])
        if active:
            classes = " ".join(sorted({s[2] for s in active}))
            # Tooltips only on sentiment phrases (short); sentences explain themselves in badges.
            tips = sorted({s[3] for s in active if s[4] is None})
            title = f' title="{_e("; ".join(tips))}"' if tips else ""
            out.append(f'<span class="{classes}"{title}>{chunk}</span>')
        else:
            out.append(chunk)
        ends = badges_at.get(b)
        if ends:
            seen: dict[tuple, list[str]] = {}
            for s in sorted(ends, key=lambda s: (s[5], s[4], s[3])):
                seen.setdefault(s[4], []).append(s[3])
            out.extend(f'<span class="ct-badge ct-badge-{kind}" title="{_e("; ".join(tips))}">'
                       f"{_e(value)}</span>" for (kind, value), tips in seen.items())
    return "".join(out)


# -- corpus ---------------------------------------------------------------------------------------
def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if hasattr(value, "_asdict"):
        return dict(value._asdict())
    return value


def _value_html(value: Any) -> str:
    value = _plain(value)
    if isinstance(value, Mapping):
        if not value:
            return "&mdash;"
        rows = "".join(f"<tr><th>{_e(k)}</th><td>{_value_html(v)}</td></tr>"
                       for k, v in value.items())
        return f'<table class="ct-table">{rows}</table>'
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
        if not items:
            return "&mdash;"
        plain = [_plain(v) for v in items]
        if all(isinstance(v, Mapping) for v in plain):
            keys = list(dict.fromkeys(k for v in plain for k in v))
            head = "".join(f"<th>{_e(k)}</th>" for k in keys)
            body = "".join("<tr>" + "".join(f"<td>{_value_html(v.get(k))}</td>" for k in keys)
                           + "</tr>" for v in plain)
            return (f'<table class="ct-table"><thead><tr>{head}</tr></thead>'
                    f"<tbody>{body}</tbody></table>")
        return "<ul>" + "".join(f"<li>{_value_html(v)}</li>" for v in plain) + "</ul>"
    if isinstance(value, float):
        return f"{value:,.4g}"
    return _e(value) if value is not None else "&mdash;"


def corpus_html(summary: Any, *, styles: bool = True) -> str:
    """A corpus summary (``Corpus.summary()``: a mapping, a dataclass or text) as an HTML table.

    Nested mappings become nested tables, lists of records (such as skipped inputs) tables with a
    column per field.
    """
    if hasattr(summary, "summary") and callable(summary.summary):
        summary = summary.summary()
    summary = _plain(summary)
    if isinstance(summary, str):
        return f'{_style(styles)}<pre class="ct-corpus">{_e(summary)}</pre>'
    return f'{_style(styles)}<div class="ct-corpus">{_value_html(summary)}</div>'
