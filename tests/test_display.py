"""HTML views for notebooks and the report (careertext.display)."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from careertext.analyze import EssayAnalysis
from careertext.display import corpus_html, essay_html, reasons_html, sanitize_id
from careertext.reasons import Reason, ReasonList

VOID = {"br", "img", "hr", "meta", "input", "link"}


class Fragment(HTMLParser):
    """Parses a fragment: elements, attributes, balance errors, and text by enclosing classes."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.stack: list[tuple[str, tuple[str, ...]]] = []
        self.errors: list[str] = []
        self.pieces: list[tuple[str, frozenset[str]]] = []  # (text, classes around it)
        self.feed(html)
        self.close()
        if self.stack:
            self.errors.append(f"unclosed {self.stack}")

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)
        if tag not in VOID:
            classes = tuple((dict(attrs).get("class") or "").split())
            self.stack.append((tag, classes))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}>")
            return
        self.stack.pop()

    def handle_data(self, data):
        if any(t == "style" for t, _ in self.stack):
            return
        classes = frozenset(c for _, cs in self.stack for c in cs)
        self.pieces.append((data, classes))

    def text(self, *, without: str = "ct-badge", within: str | None = None) -> str:
        """Text outside badges; with ``within``, only inside the essay text and that class."""
        return "".join(t for t, cs in self.pieces if without not in cs and (
            within is None or (within in cs and "ct-essay" in cs)))


TEXT = ("I quit <script>alert(1)</script> because I was underpaid. "
        "Looking back, I stayed too long. The team was great.")


def _analysis(**kwargs) -> EssayAnalysis:
    reason_end = TEXT.index("underpaid.") + len("underpaid.")
    lesson_start = TEXT.index("Looking")
    lesson_end = TEXT.index("long.") + len("long.")
    great = TEXT.index("great")
    underpaid = TEXT.index("underpaid")
    data = dict(
        id="e<1>", text=TEXT, title="A <b>title</b>",
        reasons=[{"code": "compensation", "label": "Compensation", "direction": "push",
                  "voice": "self", "start": 0, "end": reason_end, "score": 0.9,
                  "cues": ["problem:underpaid"]}],
        themes=[{"code": "compensation", "label": "Compensation", "start": 0, "end": reason_end,
                 "cues": ["underpaid"]},
                {"code": "culture_fit", "label": "Culture", "start": lesson_end + 1,
                 "end": len(TEXT), "cues": ["team"]}],
        lessons=[{"start": lesson_start, "end": lesson_end, "kind": "lesson", "score": 0.8,
                  "cues": ["lesson:looking back"]}],
        sentiment={"compound": 0.1, "neg": 0.2, "neu": 0.6, "pos": 0.2, "sentences": [
            {"start": 0, "end": reason_end, "compound": -0.4, "neg": 0.4, "neu": 0.6, "pos": 0.0,
             "contributions": [[underpaid, underpaid + 9, "underpaid", -1.8]]},
            {"start": lesson_end + 1, "end": len(TEXT), "compound": 0.6, "neg": 0.0, "neu": 0.5,
             "pos": 0.5, "contributions": [[great, great + 5, "great", 3.1]]}]},
    )
    data.update(kwargs)
    return EssayAnalysis(**data)


def test_essay_html_highlights_each_layer():
    a = _analysis()
    frag = Fragment(essay_html(a, styles=False))
    assert frag.errors == []
    assert frag.text(within="ct-essay") == TEXT  # the text, whole and in order
    reason = a.reasons[0]
    assert frag.text(within="ct-reason") == TEXT[reason["start"]:reason["end"]]
    lesson = a.lessons[0]
    assert frag.text(within="ct-lesson") == TEXT[lesson["start"]:lesson["end"]]
    assert frag.text(within="ct-neg") == "underpaid"
    assert frag.text(within="ct-pos") == "great"
    assert frag.text(within="ct-theme") == TEXT[:reason["end"]] + TEXT[lesson["end"] + 1:]
    badges = [t for t, cs in frag.pieces if "ct-badge" in cs]
    assert badges == ["compensation", "compensation", "lesson", "culture_fit"]
    # Header shows the escaped title; tooltips explain sentiment phrases and badges.
    assert "A <b>title</b>" in frag.text(without="nothing")
    assert ("title", "sentiment: underpaid -1.80") in frag.attrs
    assert any(k == "title" and v.startswith("reason: Compensation (push, self") for k, v in
               frag.attrs)


def test_essay_html_escapes_everything():
    html = essay_html(_analysis(), anchor="essay <x>")
    frag = Fragment(html)
    assert "script" not in frag.tags and "b" not in frag.tags
    assert "<script>alert(1)</script>" in frag.text()
    assert "&lt;script&gt;" in html and "<script" not in html
    assert ("id", "essay--x-") in frag.attrs
    assert "style" in frag.tags  # styles=True by default for notebooks


def test_essay_html_layers_and_dicts():
    a = _analysis()
    only_reasons = Fragment(essay_html(a.to_dict(), layers=["reasons"], styles=False))
    classes = set().union(*(cs for _, cs in only_reasons.pieces if "ct-essay" in cs))
    assert "ct-reason" in classes
    assert not classes & {"ct-theme", "ct-lesson", "ct-pos", "ct-neg"}
    strong_only = Fragment(essay_html(a, layers=["sentiment"], min_weight=2.0, styles=False))
    assert strong_only.text(within="ct-pos") == "great"
    assert strong_only.text(within="ct-neg") == ""


def test_essay_html_error_and_plain():
    failed = EssayAnalysis("x", "Some <i>text</i>.", error="RuntimeError: <boom>")
    frag = Fragment(essay_html(failed, styles=False))
    assert frag.errors == [] and "i" not in frag.tags
    assert "Analysis failed: RuntimeError: <boom>" in frag.text()
    assert "Some <i>text</i>." in frag.text()
    plain = Fragment(essay_html(EssayAnalysis("y", ""), styles=False, header=False))
    assert plain.errors == []


def test_essay_html_on_real_analysis(nlp):
    from careertext.analyze import analyze

    text = ("I quit my job because the pay was terrible and my manager was toxic. "
            "Never stay where you are not valued.")
    (a,) = analyze([text], nlp=nlp)
    frag = Fragment(essay_html(a, styles=False))
    assert frag.errors == []
    assert frag.text(within="ct-essay") == text
    assert frag.text(within="ct-reason")
    assert frag.text(within="ct-neg")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab <>&\"'\n."), max_size=40),
       st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45),
                          st.sampled_from(["reasons", "themes", "lessons", "sentiment"])),
                max_size=6))
def test_essay_html_any_spans_keep_text_and_balance(text, spans):
    reasons, themes, lessons, contributions = [], [], [], []
    for a, b, layer in spans:
        start, end = min(a, b), max(a, b)
        if layer == "reasons":
            reasons.append({"code": "c", "label": "C", "direction": "push", "voice": "self",
                            "start": start, "end": end, "score": 0.5, "cues": []})
        elif layer == "themes":
            themes.append({"code": "t", "label": "T", "start": start, "end": end, "cues": []})
        elif layer == "lessons":
            lessons.append({"start": start, "end": end, "kind": "advice", "score": 0.7,
                            "cues": []})
        else:
            contributions.append([start, end, text[start:end], -1.0])
    sentiment = {"compound": 0, "neg": 0, "neu": 1, "pos": 0, "sentences": [
        {"start": 0, "end": len(text), "compound": 0, "neg": 0, "neu": 1, "pos": 0,
         "contributions": contributions}]}
    a = EssayAnalysis("h", text, reasons=reasons, themes=themes, lessons=lessons,
                      sentiment=sentiment)
    frag = Fragment(essay_html(a, styles=False, header=False))
    assert frag.errors == []
    assert frag.text() == text
    assert set(frag.tags) <= {"div", "span"}


def test_reasons_html_table_and_escaping():
    r = Reason("compensation", "Compensation", "push", "self", "<b>underpaid</b> & tired", 0, 10,
               0.9, ("problem:<underpaid>",))
    html = reasons_html([r])
    frag = Fragment(html)
    assert frag.errors == [] and "b" not in frag.tags
    assert "<b>underpaid</b> & tired" in frag.text()
    assert "problem:<underpaid>" in frag.text()
    assert "0.90" in frag.text()
    assert frag.tags.count("tr") == 2
    assert ReasonList([r])._repr_html_() == html
    assert r._repr_html_() == html
    assert Fragment(reasons_html([r.to_dict()], styles=False)).tags.count("tr") == 2
    assert "No reasons" in reasons_html([])


def test_corpus_html_renders_summary():
    from careertext.corpus import Skip

    summary = {"essays": 3, "words": 1200, "skipped": {"empty": 1},
               "files": [Skip("<a>.md", None, "empty", "nothing <here>")], "sources": []}
    frag = Fragment(corpus_html(summary, styles=False))
    assert frag.errors == [] and "a" not in frag.tags
    text = frag.text()
    assert "1200" in text and "empty" in text and "<a>.md" in text and "nothing <here>" in text
    assert frag.tags.count("table") >= 2
    assert "pre" in Fragment(corpus_html("3 essays <x>")).tags


def test_corpus_html_from_a_corpus(tmp_path):
    from careertext.corpus import load_corpus

    (tmp_path / "a.md").write_text("I quit.\n")
    (tmp_path / "b.md").write_text("")
    corpus = load_corpus(tmp_path)
    frag = Fragment(corpus_html(corpus))
    assert frag.errors == []
    assert "essays" in frag.text() and "empty" in frag.text()


def test_sanitize_id():
    assert sanitize_id("01-nurse_burnout") == "01-nurse_burnout"
    assert sanitize_id('a b/"c"<d>é') == "a-b--c--d--"
    assert sanitize_id("") == "-"
