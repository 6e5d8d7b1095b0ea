"""Tests of scripts/build_career_layer.py: what the career layer's training leaves out."""

import pytest


@pytest.fixture(scope="module")
def script(load_script):
    return load_script("build_career_layer")


@pytest.mark.parametrize("text", ["None", "None that I can think of.", "Can't think of any",
                                  "N/A", "Nothing to complain about", "None come to mind",
                                  "Nothing really.", "I haven't found any yet", "No cons at all!"])
def test_a_column_that_says_it_has_nothing_is_no_training_sentence(script, text):
    assert script.NON_ANSWER.match(text)


@pytest.mark.parametrize("text", ["Nobody listens to staff.", "Not enough staff",
                                  "Management don't know what they're doing",
                                  "No training at all", "Nothing gets done on time",
                                  "None of the managers care", "Nothing is ever fixed",
                                  "They don't have any idea what they are doing"])
def test_a_complaint_is_a_training_sentence(script, text):
    assert not script.NON_ANSWER.match(text)


def test_the_hold_out_reads_a_text_vader_rates_nothing_in_as_the_component_does(script):
    from careertext.lexicon_scorer import LexiconScorer
    from careertext.sentiment import sentiment

    lexicon = LexiconScorer({"red tape": -2.4})
    layered = LexiconScorer({"red tape": -2.4}, layer={"rare": -0.9})

    def never(_text):
        return False

    text = "Red tape everywhere"
    assert script.doc_raw(layered, text, never) == 0
    assert script.doc_raw(layered, text, never, lexicon) == pytest.approx(-2.4)
    assert sentiment(text).compound < 0  # the component's auto reading
    rare = "A rare eclipse."  # the layer's words are career senses: not read there
    assert script.doc_raw(layered, rare, never, lexicon) == 0
    assert script.doc_raw(layered, "A good eclipse.", never, lexicon) > 0  # VADER's reading
