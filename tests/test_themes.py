from __future__ import annotations

import spacy
from spacy.tokens import DocBin

from careertext.themes import extract_themes, theme_cooccurrence, theme_summary


def test_theme_mentions_with_offsets():
    text = "The interviews went well.\nThe salary was fair and I did a bootcamp."
    ms = extract_themes(text)
    assert {m.code for m in ms} >= {"job_search", "compensation", "education"}
    for m in ms:
        assert text[m.start:m.end] == m.evidence and m.cues


def test_theme_is_not_a_reason_but_is_a_theme():
    import careertext

    text = "I love my job. The pay is great."
    assert careertext.extract_reasons(text) == []
    assert "compensation" in {m.code for m in extract_themes(text)}


def test_one_mention_per_theme_and_sentence():
    ms = extract_themes("Pay, salary, wages and bonus were all discussed.")
    assert [m.code for m in ms].count("compensation") == 1


def test_summary_and_cooccurrence():
    a = extract_themes("The salary was fair. My boss was kind. I applied for jobs.")
    b = extract_themes("My salary was low and my manager rude.")
    summary = theme_summary(a, 3)
    assert summary["compensation"] == {"count": 1, "share": 0.3333}
    essay = theme_cooccurrence([a, b])
    assert essay.loc["compensation", "management"] == 2
    assert essay.loc["compensation", "compensation"] == 2
    sent = theme_cooccurrence([a, b], level="sentence")
    assert sent.loc["compensation", "management"] == 1


def test_component_docbin(nlp):
    from careertext.pipeline import with_components

    pipe = with_components(nlp, ["careertext_themes"])
    doc = pipe("The salary was fair.")
    (back,) = DocBin(store_user_data=True, docs=[doc]).from_bytes(
        DocBin(store_user_data=True, docs=[doc]).to_bytes()).get_docs(pipe.vocab)
    assert back._.themes == doc._.themes


def test_blank_pipeline_themes(blank_nlp):
    assert "compensation" in {m.code for m in extract_themes("The wages were low.", nlp=blank_nlp)}


def test_add_pipe_by_name():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("careertext_themes")
    assert nlp("My boss was kind.")._.themes[0].code == "management"


def test_reasons_and_themes_share_one_matcher_and_one_match_per_doc(nlp):
    from careertext.pipeline import with_components

    pipe = with_components(nlp, ["careertext_reasons", "careertext_themes"])
    shared = pipe.get_pipe("careertext_reasons").matcher
    assert pipe.get_pipe("careertext_themes").matcher is shared
    doc = pipe("I quit because the pay was low and my manager yelled.")
    assert shared._done.get(doc) is not None  # matched once, reused by the second component
    assert {t.code for t in doc._.themes} >= {"compensation", "management"}
