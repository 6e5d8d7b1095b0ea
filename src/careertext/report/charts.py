"""Charts of the theme report, as functions that return matplotlib Figures.

Every function takes plain results (a list of :class:`~careertext.analyze.EssayAnalysis`, or their
``to_dict()`` form), draws on a new Figure of fixed size, and returns it; nothing is shown or saved.
In a notebook::

    from careertext.analyze import analyze
    from careertext.report import charts
    analyses = list(analyze(corpus))
    charts.reason_prevalence(analyses)

This module does not choose a matplotlib backend; :func:`careertext.report.report` uses Agg.
"""

from __future__ import annotations

import io
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

__all__ = [
    "DIRECTION_COLORS",
    "direction_split",
    "essay_reason_heatmap",
    "figure_to_svg",
    "lesson_selection",
    "reason_prevalence",
    "sentiment_distribution",
    "theme_cooccurrence_heatmap",
]

DIRECTION_COLORS = {"push": "#c0504d", "pull": "#4f81bd", "involuntary": "#8064a2"}
DIRECTIONS = ("push", "pull", "involuntary")
_WIDTH = 7.0
_MAX_ROWS = 60


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    # A Figure not registered with pyplot: no global state, nothing to close by hand.
    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _as_analyses(analyses: Iterable[Any]) -> list[Any]:
    from ..analyze import EssayAnalysis

    return [EssayAnalysis.from_dict(a) if isinstance(a, dict) else a for a in analyses]


def _label(text: object, limit: int = 40) -> str:
    """A tick label: shortened, with ``$`` escaped so that matplotlib draws no mathtext."""
    text = " ".join(str(text).split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("$", r"\$")


def _empty(fig, message: str):
    ax = fig.add_subplot()
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=11, color="#555555")
    return fig


def _codebook_order(codes: Iterable[str]) -> list[str]:
    from ..codebook import default_codebook

    order = {c: i for i, c in enumerate(default_codebook().theme_ids)}
    return sorted(set(codes), key=lambda c: (order.get(c, len(order)), c))


def _labels(analyses: list[Any]) -> dict[str, str]:
    from ..codebook import default_codebook

    cb = default_codebook()
    out = {}
    for a in analyses:
        for d in list(a.reasons) + list(a.themes):
            out.setdefault(d["code"], d.get("label") or cb.label(d["code"]))
    return out


def reason_prevalence(analyses: Iterable[Any], *, top: int | None = None):
    """Horizontal bars: the number of essays that give each reason for leaving.

    Parameters
    ----------
    analyses : iterable of EssayAnalysis (or dicts)
    top : int, optional
        Show only the ``top`` most frequent codes.
    """
    analyses = _as_analyses(analyses)
    counts = Counter(code for a in analyses for code in {d["code"] for d in a.reasons})
    labels = _labels(analyses)
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    fig = _figure(_WIDTH, max(2.5, 0.32 * len(items) + 1.2))
    if not items:
        return _empty(fig, "No reasons for leaving found")
    ax = fig.add_subplot()
    names = [_label(labels.get(c, c)) for c, _ in items][::-1]
    values = [n for _, n in items][::-1]
    bars = ax.barh(names, values, color="#4f6d8f")
    ax.bar_label(bars, padding=3, fontsize=8)
    ax.set_xlabel(f"essays (of {len(analyses)})")
    ax.set_title("Reasons for leaving: essays giving each reason", loc="left", fontsize=11)
    ax.set_xlim(0, max(values) * 1.15 + 0.5)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def direction_split(analyses: Iterable[Any]):
    """Stacked horizontal bars: per reason code, the essays giving it as a push, a pull or an
    involuntary exit (an essay counts once per code and direction)."""
    analyses = _as_analyses(analyses)
    table: dict[str, Counter] = defaultdict(Counter)
    for a in analyses:
        for code, direction in {(d["code"], d["direction"]) for d in a.reasons}:
            table[code][direction] += 1
    labels = _labels(analyses)
    codes = sorted(table, key=lambda c: (-sum(table[c].values()), c))
    fig = _figure(_WIDTH, max(2.5, 0.32 * len(codes) + 1.4))
    if not codes:
        return _empty(fig, "No reasons for leaving found")
    ax = fig.add_subplot()
    names = [_label(labels.get(c, c)) for c in codes][::-1]
    left = [0] * len(codes)
    for direction in DIRECTIONS:
        values = [table[c][direction] for c in codes][::-1]
        ax.barh(names, values, left=left, color=DIRECTION_COLORS[direction],
                label=direction)
        left = [x + v for x, v in zip(left, values, strict=True)]
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    ax.set_xlabel("essays")
    ax.set_title("Push, pull or involuntary", loc="left", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def essay_reason_heatmap(analyses: Iterable[Any], *, max_essays: int = _MAX_ROWS):
    """Essay × reason heatmap: the strongest score of each reason in each essay (blank: absent).

    At most ``max_essays`` rows (the essays with most reasons, then by id) are drawn.
    """
    import numpy as np

    analyses = sorted(_as_analyses(analyses), key=lambda a: a.id)
    codes = _codebook_order(d["code"] for a in analyses for d in a.reasons)
    labels = _labels(analyses)
    rows = [a for a in analyses if a.reasons]
    if len(rows) > max_essays:
        keep = sorted(rows, key=lambda a: (-len({d["code"] for d in a.reasons}), a.id))
        keep_ids = {a.id for a in keep[:max_essays]}
        rows = [a for a in rows if a.id in keep_ids]
    fig = _figure(_WIDTH, min(14.0, max(2.8, 0.26 * len(rows) + 2.4)))
    if not rows or not codes:
        return _empty(fig, "No reasons for leaving found")
    grid = np.full((len(rows), len(codes)), np.nan)
    col = {c: j for j, c in enumerate(codes)}
    for i, a in enumerate(rows):
        for d in a.reasons:
            j = col[d["code"]]
            grid[i, j] = max(float(d["score"]), 0 if np.isnan(grid[i, j]) else grid[i, j])
    ax = fig.add_subplot()
    image = ax.imshow(np.ma.masked_invalid(grid), aspect="auto", cmap="Oranges", vmin=0, vmax=1,
                      interpolation="nearest")
    ax.set_xticks(range(len(codes)), [_label(labels.get(c, c), 24) for c in codes], rotation=45,
                  ha="right", fontsize=7)
    ax.set_yticks(range(len(rows)), [_label(a.id, 36) for a in rows], fontsize=7)
    ax.set_xticks(np.arange(-0.5, len(codes)), minor=True)
    ax.set_yticks(np.arange(-0.5, len(rows)), minor=True)
    ax.grid(which="minor", color="#dddddd", linewidth=0.5)
    ax.tick_params(which="minor", length=0)
    fig.colorbar(image, ax=ax, shrink=0.6, label="score")
    ax.set_title("Reasons per essay", loc="left", fontsize=11)
    return fig


def theme_cooccurrence_heatmap(df):
    """Heatmap of a theme co-occurrence table (:func:`careertext.themes.theme_cooccurrence`):
    cell (a, b) is the number of essays mentioning both themes; the diagonal, those mentioning a."""
    import numpy as np

    from ..codebook import default_codebook

    n = len(df.index)
    fig = _figure(_WIDTH, 6.0 if n > 6 else 4.0)
    if n == 0:
        return _empty(fig, "No themes found")
    cb = default_codebook()
    names = [_label(cb.label(c), 24) for c in df.index]
    values = df.to_numpy(dtype=float)
    ax = fig.add_subplot()
    image = ax.imshow(values, cmap="Blues", vmin=0, interpolation="nearest")
    ax.set_xticks(range(n), names, rotation=45, ha="right", fontsize=7)
    ax.set_yticks(range(n), [_label(cb.label(c), 24) for c in df.columns], fontsize=7)
    top = np.nanmax(values) if values.size else 0
    if n <= 12:  # beyond that the numbers are in the report's table
        for i in range(n):
            for j in range(n):
                v = int(values[i, j])
                if v:
                    ax.text(j, i, str(v), ha="center", va="center", fontsize=6,
                            color="white" if v > top * 0.6 else "black")
    fig.colorbar(image, ax=ax, shrink=0.6, label="essays")
    ax.set_title("Themes mentioned in the same essay", loc="left", fontsize=11)
    return fig


def sentiment_distribution(analyses: Iterable[Any]):
    """Two panels: the distribution of sentence sentiment (VADER compound, -1..1) and the
    overall sentiment of each essay."""
    analyses = sorted(_as_analyses(analyses), key=lambda a: a.id)
    scored = [a for a in analyses if a.sentiment]
    sentences = [s["compound"] for a in scored for s in a.sentiment.get("sentences", [])]
    fig = _figure(_WIDTH, 3.2)
    if not scored:
        return _empty(fig, "No sentiment scores")
    left, right = fig.subplots(1, 2)
    bins = [i / 10 for i in range(-10, 11)]
    left.hist(sentences, bins=bins, color="#7f8c8d", edgecolor="white")
    left.axvline(0, color="#333333", linewidth=0.6)
    left.set_xlabel("sentence compound")
    left.set_ylabel("sentences")
    left.set_title(f"Sentences (n={len(sentences)})", loc="left", fontsize=10)
    essays = sorted(a.sentiment["compound"] for a in scored)
    colors = ["#c0504d" if v < -0.05 else "#4f81bd" if v > 0.05 else "#999999" for v in essays]
    right.bar(range(len(essays)), essays, color=colors, width=0.8)
    right.axhline(0, color="#333333", linewidth=0.6)
    right.set_ylim(-1, 1)
    right.set_xticks([])
    right.set_xlabel("essays, sorted")
    right.set_ylabel("essay compound")
    right.set_title(f"Essays (n={len(essays)})", loc="left", fontsize=10)
    for ax in (left, right):
        ax.spines[["top", "right"]].set_visible(False)
    return fig


def _selection_points(selection: Any) -> tuple[list[int], dict[str, list[float]]]:
    """Normalise a LessonModel ``selection_`` (a dict of k -> score or -> dict of scores, a list
    of dicts with a ``k`` key, or a DataFrame) to ks and named score series."""
    if selection is None:
        return [], {}
    if hasattr(selection, "to_dict") and hasattr(selection, "columns"):
        frame = selection
        if "k" in frame.columns:
            frame = frame.set_index("k")
        selection = {k: row for k, row in frame.to_dict(orient="index").items()}
    if isinstance(selection, dict):
        rows = [({"score": v} if not isinstance(v, dict) else dict(v)) | {"k": k}
                for k, v in selection.items()]
    else:
        rows = [dict(r) if isinstance(r, dict) else {"k": r[0], "score": r[1]} for r in selection]
    rows = sorted(rows, key=lambda r: int(r["k"]))
    ks = [int(r["k"]) for r in rows]
    names = sorted({key for r in rows for key, v in r.items()
                    if key != "k" and isinstance(v, (int, float)) and not isinstance(v, bool)})
    return ks, {name: [float(r.get(name, float("nan"))) for r in rows] for name in names}


def lesson_selection(model: Any):
    """Line chart of the scores behind a fitted LessonModel's automatic choice of the number of
    lessons (``model.selection_``), with the chosen k marked."""
    ks, series = _selection_points(getattr(model, "selection_", None))
    fig = _figure(_WIDTH, 3.0)
    if not ks or not series:
        return _empty(fig, "No model selection scores (the number of lessons was fixed)")
    ax = fig.add_subplot()
    for name, values in series.items():
        ax.plot(ks, values, marker="o", label=name)
    chosen = len(getattr(model, "lessons_", []) or [])
    if chosen in ks:
        ax.axvline(chosen, color="#c0504d", linestyle="--", linewidth=1,
                   label=f"chosen k = {chosen}")
    ax.set_xticks(ks)
    ax.set_xlabel("number of lessons (k)")
    ax.set_ylabel("score")
    ax.legend(fontsize=8, frameon=False)
    ax.set_title("Choosing the number of recurring lessons", loc="left", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


_XML_HEAD = re.compile(r"\A.*?(?=<svg\b)", re.S)


def figure_to_svg(fig, *, name: str) -> str:
    """Render ``fig`` as an SVG string for inline embedding (no XML header), deterministically:
    ``svg.hashsalt`` is fixed per chart ``name`` (so ids differ between charts of one page), text
    is kept as text and the metadata carry no date."""
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": f"careertext-{name}", "svg.fonttype": "none"}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    svg = _XML_HEAD.sub("", buf.getvalue(), count=1)
    # Drop the fixed width/height (in pt) so that CSS scales the chart to the column width.
    svg = re.sub(r'(<svg\b[^>]*?)\s+width="[^"]*"\s+height="[^"]*"', r"\1", svg, count=1)
    return _prefix_ids(svg, f"chart-{name}-").strip()


_ID = re.compile(r'\bid="([^"]+)"')


def _prefix_ids(svg: str, prefix: str) -> str:
    """Prefix every id of an SVG (and the references to it), so that several charts can be
    inlined in one HTML page without duplicate ids (matplotlib names groups ``axes_1`` ...)."""
    ids = set(_ID.findall(svg))
    if not ids:
        return svg

    def swap(m: re.Match) -> str:
        key = m.group(2)
        return f"{m.group(1)}{prefix}{key}{m.group(3)}" if key in ids else m.group(0)

    return re.sub(r'(\bid="|\bhref="#|url\(#)([^")]+)([")])', swap, svg)
