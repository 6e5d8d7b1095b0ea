"""The theme report (careertext.report): structure, tables, determinism, cache, safety."""

from __future__ import annotations

import csv
import importlib
import io
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from careertext.corpus import load_corpus
from careertext.report import ReportResult, charts, report, tables
from careertext.report.markdown import md_cell, md_quote, md_text

FIXTURE = Path(__file__).parent / "fixtures" / "report_corpus"
ESSAYS = ["a-nurse", "b-layoff", "c-xss", "d-librarian"]
SECTIONS = ["overview", "reasons", "themes", "sentiment", "lessons", "essays", "method"]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Page(HTMLParser):
    """Collects elements, attributes, ids, links and text, and checks that tags balance."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.errors: list[str] = []
        self.stack: list[str] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()
        if self.stack:
            self.errors.append(f"unclosed: {self.stack}")

    def _record(self, tag: str, attrs) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            self.attrs.append((tag, name, value))
            if name == "id":
                self.ids.append(value)
            if name == "href":
                self.hrefs.append(value)

    def handle_starttag(self, tag, attrs):
        self._record(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self._record(tag, attrs)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def _copy_corpus(dest: Path) -> Path:
    shutil.copytree(FIXTURE, dest)
    return dest


@pytest.fixture(scope="module")
def built(tmp_path_factory, nlp):
    root = tmp_path_factory.mktemp("report")
    corpus = _copy_corpus(root / "corpus")
    out = root / "out"
    result = report(corpus, out, nlp=nlp, random_state=0, progress=False)
    return {"root": root, "corpus": corpus, "out": out, "result": result,
            "html": (out / "index.html").read_text("utf-8"),
            "md": (out / "report.md").read_text("utf-8")}


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# -- result and structure ----------------------------------------------------------------------
def test_result_counts_and_summary(built):
    result: ReportResult = built["result"]
    assert result.n_essays == 4
    assert result.n_skipped == 2
    assert sorted(s[2] for s in result.skipped) == ["duplicate", "empty"]
    assert result.n_errors == 0 and result.errors == []
    assert result.n_reasons > 0 and result.top_reasons
    assert len(result.corpus_fingerprint) == 64
    for name in ("index.html", "report.md", *[f"{t}.csv" for t in
                                             ("essays", "reasons", "themes", "sentences",
                                              "lessons")]):
        assert result.files[name].is_file(), name
    text = result.summary()
    assert "Analysed 4 essays" in text
    assert "Skipped 2 inputs" in text and "duplicate" in text and "empty" in text
    assert "index.html" in text and "Top reasons" in text
    assert len(text.splitlines()) <= 30


def test_html_sections_and_counts(built):
    page = Page(built["html"])
    for section in SECTIONS:
        assert section in page.ids, section
    html = built["html"]
    assert re.search(r'id="n-essays">4<', html)
    assert re.search(r'id="n-skipped">2<', html)
    assert re.search(r'id="n-errors">0<', html)
    skipped = html[html.index('id="skipped"'):]
    assert "e-empty.md" in skipped and "f-duplicate.md" in skipped
    for essay in ESSAYS:
        assert f"essay-{essay}" in page.ids
    # Every in-page link points at an element that exists.
    internal = [h[1:] for h in page.hrefs if h.startswith("#")]
    assert internal and set(internal) <= set(page.ids)
    # Evidence quotes link to their essay section.
    assert re.search(r'<blockquote class="evidence">[^<]+<span class="meta"><a href="#essay-', html)
    # Charts are inline SVG, and the page is self-contained: no scripts, no external resources.
    assert page.tags.count("svg") >= 5
    assert "script" not in page.tags and "link" not in page.tags and "iframe" not in page.tags
    for tag, name, value in page.attrs:
        if name in ("src", "href") and value:
            assert not re.match(r"(https?:)?//", value), (tag, name, value)
    # Provenance: versions, fingerprints, seed; no timestamps.
    assert 'id="corpus-fingerprint">' + built["result"].corpus_fingerprint in html
    assert re.search(r'id="random-seed">0<', html)
    assert "core_web_sm" in html or "blank_fallback" in html
    from careertext.codebook import default_codebook

    assert default_codebook().fingerprint in html
    assert not re.search(r"\d{2}:\d{2}:\d{2}", html)


def test_html_is_well_formed(built):
    page = Page(built["html"])
    assert page.errors == []
    assert len(page.ids) == len(set(page.ids)), "duplicate ids"
    assert page.tags[0] == "html"


def test_counts_of_one_are_singular(built):
    reasons = _read_csv(built["out"] / "reasons.csv")
    once = [c for c in {r["code"] for r in reasons}
            if len({r["essay_id"] for r in reasons if r["code"] == c}) == 1]
    assert once  # the fixture has a reason given by one essay only
    for text in (built["html"], built["md"]):
        assert "(1 essays)" not in text and "(1 essay)" in text


def test_reason_prevalence_matches_tables(built):
    reasons = _read_csv(built["out"] / "reasons.csv")
    by_code: dict[str, set] = {}
    for r in reasons:
        by_code.setdefault(r["code"], set()).add(r["essay_id"])
    html = built["html"]
    table = html[html.index('id="reason-table"'):html.index("</table>", html.index(
        'id="reason-table"'))]
    for code, essays in by_code.items():
        m = re.search(rf'<tr data-code="{code}"><td>[^<]*<code>{code}</code></td>'
                      rf'<td class="num">(\d+)</td>', table)
        assert m and int(m.group(1)) == len(essays), code
    assert built["result"].top_reasons[0][1] == max(len(v) for v in by_code.values())


def test_tables_columns_sorting_and_offsets(built):
    out = built["out"]
    expected = {"essays.csv": tables.ESSAY_COLUMNS, "reasons.csv": tables.REASON_COLUMNS,
                "themes.csv": tables.THEME_COLUMNS, "sentences.csv": tables.SENTENCE_COLUMNS,
                "lessons.csv": tables.LESSON_COLUMNS}
    for name, columns in expected.items():
        raw = (out / name).read_bytes()
        assert b"\r\n" not in raw
        header = next(csv.reader(io.StringIO(raw.decode("utf-8"))))
        assert tuple(header) == columns, name
    essays = _read_csv(out / "essays.csv")
    assert [e["essay_id"] for e in essays] == ESSAYS
    assert essays[0]["title"] == "Leaving the night shift"
    assert essays[0]["author"] == "Ana Ruiz" and essays[0]["date"] == "2021-05-02"
    texts = {e.id: e.text for e in load_corpus(built["corpus"])}
    for name in ("reasons.csv", "themes.csv", "sentences.csv", "lessons.csv"):
        rows = _read_csv(out / name)
        assert rows, name
        keys = [(r["essay_id"], int(r["start"])) for r in rows]
        assert keys == sorted(keys), name
        field = {"reasons.csv": "evidence", "themes.csv": "evidence"}.get(name, "text")
        for r in rows:
            assert texts[r["essay_id"]][int(r["start"]):int(r["end"])] == r[field]
    reasons = _read_csv(out / "reasons.csv")
    assert {"b-layoff"} <= {r["essay_id"] for r in reasons if r["direction"] == "involuntary"}
    assert all(r["direction"] in ("push", "pull", "involuntary") for r in reasons)
    n_reasons = {e["essay_id"]: int(e["n_reasons"]) for e in essays}
    assert sum(n_reasons.values()) == len(reasons)


def test_markdown_structure_and_escaping(built):
    md = built["md"]
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert [h.split(". ", 1)[0] for h in headings] == [f"## {i}" for i in range(1, 8)]
    assert "<script" not in md and "<img" not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    # Tables keep their column count: an essay's "|" is escaped.
    lines = md.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("|") and i + 1 < len(lines) and re.match(r"^\|[-:|]+\|$", lines[i + 1]):
            width = len(re.findall(r"(?<!\\)\|", line))
            j = i + 2
            while j < len(lines) and lines[j].startswith("|"):
                assert len(re.findall(r"(?<!\\)\|", lines[j])) == width, lines[j]
                j += 1
    # No essay line becomes a heading.
    assert not any(line.startswith("# My store") for line in lines)


# -- safety --------------------------------------------------------------------------------------
def test_essay_html_is_escaped(built):
    html = built["html"]
    page = Page(html)
    assert "script" not in page.tags
    assert not [a for a in page.attrs if a[1].lower().startswith("on")]
    assert "img" not in page.tags
    text = "".join(page.text)
    assert "<script>alert(1)</script>" in text  # shown, as text
    assert "<img src=x onerror=alert(2)>" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html.lower()


def test_sanitised_anchors(tmp_path, nlp):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / 'odd name "x".md').write_text("I quit because I was underpaid.\n")
    result = report(corpus, tmp_path / "out", nlp=nlp, progress=False, cache=False)
    page = Page((tmp_path / "out" / "index.html").read_text("utf-8"))
    anchors = [i for i in page.ids if i.startswith("essay-")]
    assert anchors == ["essay-odd-name--x-"]
    assert result.n_essays == 1


def test_empty_corpus(tmp_path, nlp):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "blank.md").write_text("---\ntitle: Nothing\n---\n\n")
    out = tmp_path / "out"
    result = report(corpus, out, nlp=nlp, progress=False)
    assert result.n_essays == 0 and result.n_skipped == 1
    assert "No essays to analyse" in result.summary()
    html = (out / "index.html").read_text("utf-8")
    page = Page(html)
    assert page.errors == []
    assert "empty-corpus" in page.ids and "No essays were found" in html
    assert "blank.md" in html
    for name in ("essays.csv", "reasons.csv", "lessons.csv"):
        assert len((out / name).read_text("utf-8").splitlines()) == 1  # the header only
    assert "No essays were found" in (out / "report.md").read_text("utf-8")
    # A folder with no files at all works too.
    empty = tmp_path / "nothing"
    empty.mkdir()
    assert report(empty, tmp_path / "out2", nlp=nlp, progress=False).n_essays == 0


def test_failed_essay_is_listed(tmp_path, nlp, monkeypatch):
    pipeline_mod = importlib.import_module("careertext.pipeline")
    original = pipeline_mod.pipe_texts

    def flaky(pipeline, texts, **kwargs):
        texts = list(texts)
        if any("laid off" in t for t in texts):
            raise RuntimeError("simulated failure")
        return original(pipeline, texts, **kwargs)

    monkeypatch.setattr(pipeline_mod, "pipe_texts", flaky)
    out = tmp_path / "out"
    result = report(FIXTURE, out, nlp=nlp, progress=False, cache=False)
    assert result.n_essays == 4 and result.n_errors == 1
    assert result.errors[0][0] == "b-layoff" and "simulated failure" in result.errors[0][1]
    assert "b-layoff" in result.summary()
    html = (out / "index.html").read_text("utf-8")
    errors = html[html.index('id="errors"'):]
    assert "b-layoff" in errors and "simulated failure" in errors
    essays = {e["essay_id"]: e for e in _read_csv(out / "essays.csv")}
    assert "simulated failure" in essays["b-layoff"]["error"]
    assert int(essays["a-nurse"]["n_reasons"]) > 0  # the others were analysed
    assert not (out / ".cache").exists()  # cache=False writes no cache
    assert Page(html).errors == []


# -- determinism and cache -----------------------------------------------------------------------
def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".cache" not in p.parts}


def test_deterministic(built, nlp):
    other = built["root"] / "again"
    report(built["corpus"], other, nlp=nlp, random_state=0, progress=False)
    first, second = _files(built["out"]), _files(other)
    assert sorted(first) == sorted(second)
    assert any(name.startswith("charts") for name in first)
    for name in first:
        assert first[name] == second[name], name


def test_cache_reused_and_only_changed_essay_reanalysed(built, nlp, monkeypatch, tmp_path):
    calls: list[str] = []
    analyze_mod = importlib.import_module("careertext.analyze")
    original = analyze_mod._collect

    def counting(eid, *args, **kwargs):
        calls.append(eid)
        return original(eid, *args, **kwargs)

    monkeypatch.setattr(analyze_mod, "_collect", counting)
    cache = built["out"] / ".cache"
    def essay_entries():  # the per-essay analyses
        return {p.name: p.stat().st_mtime_ns for p in cache.glob("*.json")}

    before = essay_entries()
    assert len(before) == 4
    result = report(built["corpus"], built["out"], nlp=nlp, progress=False)
    assert calls == [] and result.n_cached == 4
    assert essay_entries() == before

    # A changed essay (in a copy of the corpus, passed as a Corpus) is the only one analysed.
    corpus = _copy_corpus(tmp_path / "corpus")
    path = corpus / "d-librarian.md"
    path.write_text(path.read_text("utf-8") + "\nI quit last week because I was underpaid.\n",
                    encoding="utf-8")
    result = report(load_corpus(corpus), tmp_path / "out", nlp=nlp, progress=False,
                    cache_dir=cache)
    assert calls == ["d-librarian"] and result.n_cached == 3
    assert not (tmp_path / "out" / ".cache").exists()


# -- charts and helpers --------------------------------------------------------------------------
def test_chart_functions_return_figures(built):
    from matplotlib.figure import Figure

    from careertext.analyze import analyze
    from careertext.themes import theme_cooccurrence

    analyses = list(analyze([e for e in load_corpus(built["corpus"])],
                            cache_dir=built["out"] / ".cache"))
    df = theme_cooccurrence([a.theme_objects() for a in analyses])

    class Model:
        lessons_ = [object(), object(), object()]
        selection_ = {2: 0.31, 3: 0.42, 4: 0.40}

    figures = [charts.reason_prevalence(analyses), charts.direction_split(analyses),
               charts.essay_reason_heatmap(analyses), charts.theme_cooccurrence_heatmap(df),
               charts.sentiment_distribution([a.to_dict() for a in analyses]),
               charts.lesson_selection(Model()), charts.reason_prevalence([]),
               charts.theme_cooccurrence_heatmap(df.iloc[0:0, 0:0]),
               charts.lesson_selection(object())]
    for fig in figures:
        assert isinstance(fig, Figure)
    svg = charts.figure_to_svg(charts.reason_prevalence(analyses), name="x")
    assert svg.startswith("<svg") and "<?xml" not in svg
    # determinism: the same chart built again renders to the same bytes
    assert svg == charts.figure_to_svg(charts.reason_prevalence(analyses), name="x")


def test_markdown_escaping_helpers():
    assert md_text("a | b") == r"a \| b"
    assert md_text("# not a heading").startswith("\\#")
    assert md_text("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"
    assert md_text("line one\n\n## two") == "line one ## two"  # one line: no heading
    assert md_quote("> quoted").startswith("> &gt; quoted")
    assert md_cell("") == " " and md_cell(None) == " "
    assert md_text("[click](javascript:alert(1))") == r"\[click\](javascript:alert(1))"


def test_corpus_options_need_a_source(nlp, tmp_path):
    with pytest.raises(TypeError):
        report(load_corpus(FIXTURE), tmp_path, nlp=nlp, corpus_options={"id_column": "x"})


def test_unchanged_rerun_reuses_the_whole_report(built, nlp, tmp_path, monkeypatch):
    import shutil

    out = tmp_path / "out"
    shutil.copytree(built["out"], out)
    calls: list[str] = []
    build_mod = importlib.import_module("careertext.report.build")
    original = build_mod._fit_lessons
    monkeypatch.setattr(build_mod, "_fit_lessons", lambda *a: calls.append("fit") or original(*a))
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    again = report(built["corpus"], out, nlp=nlp, random_state=0, progress=False)
    assert calls == [] and again.n_cached == again.n_essays == built["result"].n_essays
    assert again.top_reasons == built["result"].top_reasons
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == before
    # an edited output file is noticed: the report is rebuilt, and its bytes restored
    (out / "report.md").write_text("tampered", encoding="utf-8")
    report(built["corpus"], out, nlp=nlp, random_state=0, progress=False)
    assert calls == ["fit"]
    assert (out / "report.md").read_bytes() == (built["out"] / "report.md").read_bytes()
    # another seed is another report
    report(built["corpus"], out, nlp=nlp, random_state=1, progress=False)
    assert calls == ["fit", "fit"]
