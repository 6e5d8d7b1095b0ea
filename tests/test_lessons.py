"""Tests of the lesson detector (careertext.lessons). All texts here are written for the tests."""

from __future__ import annotations

import warnings

import pytest
from spacy.tokens import DocBin

from careertext.errors import InputError, ModelWarning
from careertext.lessons import (
    LessonDetector,
    LessonPassage,
    extract_lessons,
    extract_lessons_many,
    lesson_cues,
    passages_from_data,
)
from careertext.pipeline import blank_pipeline, load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def kinds(text, nlp=None):
    return [(p.kind, p.text) for p in extract_lessons(text, nlp=nlp)]


@pytest.mark.parametrize("sentence, kind", [
    ("Looking back, I stayed at that firm two years too long.", "lesson"),
    ("The biggest lesson I learned is that titles mean very little.", "lesson"),
    ("I learned that a manager can make or break a team.", "lesson"),
    ("I should have asked for the promotion much earlier.", "lesson"),
    ("You should always get the offer in writing.", "advice"),
    ("Make sure your savings cover six months of rent.", "advice"),
    ("Don't be afraid to ask what the salary range is.", "advice"),
    ("Negotiate every offer, even the first one.", "advice"),
    ("If the answer keeps changing, ask for it in an email.", "advice"),
    ("The best strategy is to keep a written record of your wins.", "insight"),
    ("No job is worth your health.", "insight"),
    ("Nobody cares how late you stayed at the office.", "insight"),
])
def test_detects_kinds(nlp, sentence, kind):
    text = "I worked in a bakery for six years. " + sentence
    found = extract_lessons(text, nlp=nlp)
    assert [(p.kind, p.text) for p in found] == [(kind, sentence)]
    p = found[0]
    assert text[p.start:p.end] == p.text
    assert 0.5 <= p.score <= 1.0 and p.cues


@pytest.mark.parametrize("sentence", [
    "Don’t be afraid to ask what the salary range is.",
    "Don’t stay in a job that makes you miserable.",
    "A title isn’t worth a year of your life.",
])
def test_a_typographic_apostrophe_reads_like_a_straight_one(nlp, sentence):
    text = "I worked in a bakery for six years. " + sentence
    straight = text.replace("’", "'")
    assert kinds(text, nlp) == [(k, t.replace("'", "’")) for k, t in kinds(straight, nlp)]
    assert kinds(text, nlp)


@pytest.mark.parametrize("sentence", [
    "I handed in my notice on a Monday.",
    "Should I quit my job without another offer?",
    "My manager was kind and the pay was fine.",
    "Share this post",
    "Edit: thanks for all the replies!",
    "## What I learned",
])
def test_ignores_narration_questions_boilerplate(nlp, sentence):
    assert extract_lessons(sentence, nlp=nlp) == []


def test_component_and_getters(nlp):
    base = load_pipeline()
    if "careertext_lessons" not in base.pipe_names:
        base.add_pipe("careertext_lessons")
    doc = base("I slept badly for a year. Protect your health first, because nobody else will.")
    data = doc._.ct_lessons
    assert isinstance(data, list) and isinstance(data[0], dict)
    assert set(data[0]) == {"start", "end", "kind", "score", "cues"}
    passages = doc._.lessons
    assert isinstance(passages[0], LessonPassage) and passages[0].kind == "advice"
    assert doc[:5]._.lessons == ()  # the first sentence holds none
    assert passages_from_data(doc) == passages
    # DocBin keeps the plain data
    db = DocBin(store_user_data=True)
    db.add(doc)
    restored = list(DocBin().from_bytes(db.to_bytes()).get_docs(base.vocab))[0]
    # msgpack turns lists into tuples; the values are unchanged
    assert [dict(d, cues=list(d["cues"])) for d in restored._.ct_lessons] == data
    assert restored._.lessons == passages


def test_min_score_config(nlp):
    det = LessonDetector(nlp, "x", min_score=0.99)
    doc = det(nlp("Looking back, I stayed too long."))
    assert doc._.ct_lessons == []


def test_blank_pipeline_runs():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ModelWarning)
        blank = blank_pipeline()
    blank.add_pipe("careertext_lessons")
    text = ("I was a nurse for ten years. Looking back, I should have left sooner. "
            "Negotiate your salary before you sign. We had lunch.")
    found = kinds(text, nlp=blank)
    assert ("lesson", "Looking back, I should have left sooner.") in found
    assert ("advice", "Negotiate your salary before you sign.") in found
    assert all(t != "We had lunch." for _, t in found)


def test_many_and_offsets(nlp):
    texts = ["Never stay for loyalty alone.", "", "I had lunch. " * 3 + "Keep learning."]
    out = list(extract_lessons_many(texts, nlp=nlp))
    assert len(out) == 3 and out[1] == []
    for text, ps in zip(texts, out, strict=False):
        for p in ps:
            assert text[p.start:p.end] == p.text
    assert out[2].to_frame().shape[0] == len(out[2])


def test_input_errors(nlp):
    with pytest.raises(InputError):
        extract_lessons(None, nlp=nlp)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        list(extract_lessons_many([b"bytes"], nlp=nlp))


def test_cue_file_shape():
    cues = lesson_cues()
    for kind in ("lesson", "advice", "insight"):
        assert set(cues[kind]) <= {"strong", "medium", "weak"}
        assert set(cues["weights"][kind]) == {"strong", "medium", "weak"}



def test_no_parse_no_crash(nlp, shared):
    """Without a parser (a pipeline with the parser excluded, or analyze's senter mode) there is
    no dependency tree: the detector must not walk it (spaCy's Span.root and children on such a
    Doc crashed the interpreter on these essays)."""
    from careertext.pipeline import with_components

    pipe = with_components(nlp, ["careertext_lessons"])
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus").glob("*.txt"))]
    with pipe.select_pipes(disable=["parser"]):
        found = [doc._.lessons for doc in pipe.pipe(texts)]
    assert any(found)


def test_lesson_cue_lists_hold_only_strings():
    """A bare YAML ``tip :`` or ``edit:`` would load as a mapping and never match."""
    from careertext.lessons import lesson_cues

    cues = lesson_cues()
    lists = [v for v in cues.values() if isinstance(v, list)]
    lists += [v for d in cues.values() if isinstance(d, dict) for v in d.values()
              if isinstance(v, list)]
    assert lists and all(isinstance(x, str) for lst in lists for x in lst)
