from __future__ import annotations

import pytest

from careertext import default_codebook
from careertext.matching import CueMatcher, frame_rules, verb_only_words


def hits(nlp, text):
    doc = nlp(text)
    matcher = CueMatcher.shared(nlp, default_codebook())
    return {(h.key, h.kind, doc[h.start:h.end].text) for h in matcher(doc)}


@pytest.mark.parametrize("text, word", [
    ("My first month was like being thrown into the fire.", "fire"),
    ("She was on sick leave for a month.", "leave"),
    ("The office is on the left side of the street.", "left"),
])
def test_verb_only_cue_as_noun_is_no_hit(nlp, text, word):
    assert not any(w == word for _key, _kind, w in hits(nlp, text))


@pytest.mark.parametrize("text, found", [
    ("They fired me on a Tuesday.", ("job_security", "problem", "fired")),
    ("I fired off an email.", ("leave", "leave", "fired")),  # a verb: a cue, the model weighs it
    ("I will leave in May.", ("leave", "leave", "leave")),
    ("Quit my job today.", ("leave", "leave", "Quit")),  # a title's verb tagged PROPN still counts
])
def test_verb_only_cue_as_verb_is_a_hit(nlp, text, found):
    assert found in hits(nlp, text)


def test_without_tags_verb_only_cues_still_match(blank_nlp):
    assert ("leave", "leave", "fire") in hits(blank_nlp, "Into the fire.")


def test_verb_only_is_not_a_frame():
    assert {"fire", "leave", "quit"} <= verb_only_words()
    assert "verb_only" not in frame_rules() and "leave" in frame_rules()
