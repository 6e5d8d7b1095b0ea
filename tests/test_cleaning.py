"""Tests of careertext.cleaning: Unicode/whitespace repair and boilerplate removal."""

from __future__ import annotations

import re

import pytest

from careertext.cleaning import (
    MAX_LINE_LENGTH,
    BoilerplatePattern,
    CleanResult,
    boilerplate_family,
    boilerplate_patterns,
    clean_text,
    load_boilerplate,
    normalize_text,
)
from careertext.errors import CareertextError, CorpusError, InputError

PARAGRAPH = "I left the hospital after seven years of night shifts and understaffed floors."

# One or more lines per boilerplate family (the family is checked too).
BOILERPLATE = [
    ("5 min read", "reading_time"),
    ("11 Min Read", "reading_time"),
    ("Editor · 8 min read", "reading_time"),
    ("Reading time: 4 minutes", "reading_time"),
    ("Subscribe to my newsletter for more stories like this.", "newsletter"),
    ("Subscribe", "newsletter"),
    ("Join 12,000+ subscribers and get my essays every week", "newsletter"),
    ("Enter your email address", "newsletter"),
    ("Get my latest stories delivered to your inbox.", "newsletter"),
    ("Sign up", "sign_up"),
    ("Sign up to discover human stories that deepen your understanding of the world.",
     "sign_up"),
    ("Member-only story", "sign_up"),
    ("Share this post", "share"),
    ("**Share this article**", "share"),
    ("[Share on LinkedIn](https://example.com/share)", "share"),
    ("Click to share on Twitter (Opens in new window)", "share"),
    ("If you enjoyed this story, please share it with a friend!", "share"),
    ("Follow me on Twitter for more", "social_follow"),
    ("You can find me on LinkedIn", "social_follow"),
    ("Twitter: @someone", "social_follow"),
    ("Something went wrong. Please try again.", "widget_error"),
    ("Oops! Something went wrong.", "widget_error"),
    ("Please enable JavaScript to view the comments.", "widget_error"),
    ("Click here to follow me on Twitter", "click_here"),
    ("Click here to download the free guide", "click_here"),
    ("Read more: Why I left my job in tech", "click_here"),
    ("Skip to content", "click_here"),
    ("Originally published at example.com on March 3, 2021.", "originally_published"),
    ("This post was originally published on my blog", "originally_published"),
    ("We use cookies to improve your experience on our site.", "cookies"),
    ("Accept all cookies", "cookies"),
    ("Photo by Jane Doe on Unsplash", "photo_credit"),
    ("(Photo by Jane Doe on Unsplash)", "photo_credit"),
    ("Image credit: Getty Images", "photo_credit"),
    ("Thanks for reading!", "thanks"),
    ("Thank you so much for reading.", "thanks"),
    ("Leave a comment", "comments"),
    ("34 comments", "comments"),
]

# Real essay lines that mention boilerplate words: they must stay.
REAL_LINES = [
    "I decided to subscribe to three industry newsletters and it changed how I looked for jobs.",
    "Subscribe to fewer meetings, my mentor said, and you will get real work done.",
    "I spent 5 min reading the severance agreement before I signed it.",
    "Follow me on this journey as I rebuild my career from scratch.",
    "I signed up for a coding bootcamp the week after the layoff.",
    "Something went wrong at work in 2019 and I never quite recovered.",
    "The cookies in the break room were the only perk I will miss.",
    "Thanks for reading my cover letter, the recruiter wrote, but the role is filled.",
    "Photo by photo, I packed up eight years of my desk into a cardboard box and left.",
    "My manager shared this post in the team channel without asking me first.",
    "Click.",
    "LinkedIn: useless for my field",
]


@pytest.mark.parametrize(("line", "family"), BOILERPLATE)
def test_each_boilerplate_family_is_removed_and_recorded(line: str, family: str) -> None:
    assert boilerplate_family(line) == family
    result = clean_text(f"{PARAGRAPH}\n\n{line}\n\nThe end of my story.")
    assert result.removed == (line,)
    assert line not in result.text
    assert result.text == f"{PARAGRAPH}\n\nThe end of my story."


def test_every_family_has_a_test_case() -> None:
    families = {p.family for p in boilerplate_patterns()}
    assert families == {family for _, family in BOILERPLATE}


@pytest.mark.parametrize("line", REAL_LINES)
def test_real_lines_are_kept(line: str) -> None:
    result = clean_text(f"{PARAGRAPH}\n\n{line}")
    assert result.removed == ()
    assert line in result.text


def test_a_long_paragraph_that_starts_like_boilerplate_is_kept() -> None:
    paragraph = ("Subscribe to my newsletter, my old boss used to joke, whenever I explained why "
                 "the quarterly numbers were late again; it was the first sign that he saw my "
                 "work as noise rather than analysis.")
    assert len(paragraph) > MAX_LINE_LENGTH
    assert clean_text(paragraph) == CleanResult(paragraph, ())


def test_removed_lines_are_recorded_in_order_and_stripped() -> None:
    text = ("  5 min read  \nBody line one.\n\n   Share this post\nBody line two.\n"
            "Thanks for reading!")
    result = clean_text(text)
    assert result.removed == ("5 min read", "Share this post", "Thanks for reading!")
    assert result.text == "Body line one.\n\nBody line two."


def test_remove_boilerplate_false_keeps_lines() -> None:
    result = clean_text("5 min read\n\nBody.", remove_boilerplate=False)
    assert result == CleanResult("5 min read\n\nBody.", ())


def test_max_line_length_bounds_candidates() -> None:
    assert clean_text("Share this post\nBody.", max_line_length=5).removed == ()


def test_custom_patterns() -> None:
    pats = (BoilerplatePattern("mine", re.compile(r"advert", re.IGNORECASE)),)
    result = clean_text("ADVERT\nShare this post\nBody.", patterns=pats)
    assert result.removed == ("ADVERT",)
    assert "Share this post" in result.text


# ---------------------------------------------------------------------------------------------
# Unicode and whitespace repair
# ---------------------------------------------------------------------------------------------


def test_nfc_normalisation() -> None:
    assert clean_text("cafe\u0301").text == "caf\u00e9"


def test_line_ends_are_normalised() -> None:
    assert clean_text("a\r\nb\rc\u2028d").text == "a\nb\nc\nd"


def test_zero_width_and_non_breaking_spaces_are_repaired() -> None:
    text = "\ufeffI\u00a0quit\u202fmy\u2009job\u200b.\u00ad Then\u2060 I left."
    assert clean_text(text).text == "I quit my job. Then I left."


def test_emoji_joiners_are_kept() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert clean_text(family).text == family


def test_trailing_spaces_and_blank_runs_collapse() -> None:
    text = "\n\nFirst line.   \n\n\n\n\nSecond line.\t\n   \n\n\nThird.\n\n\n"
    assert clean_text(text).text == "First line.\n\nSecond line.\n\nThird."


def test_blank_lines_left_by_removal_collapse() -> None:
    text = "Para one.\n\nShare this post\n\nSubscribe\n\nPara two."
    assert clean_text(text).text == "Para one.\n\nPara two."


def test_control_characters_and_lone_surrogates() -> None:
    assert clean_text("a\x00b\x07c\x1b").text == "abc"
    assert clean_text("x\ud800y").text == "x\ufffdy"


def test_normalize_text_does_not_remove_boilerplate() -> None:
    assert normalize_text("5 min read\r\n") == "5 min read"


def test_empty_and_whitespace_only() -> None:
    assert clean_text("") == CleanResult("", ())
    assert clean_text(" \n\t\n ").text == ""


@pytest.mark.parametrize("bad", [None, b"bytes", 3])
def test_non_str_raises_input_error(bad: object) -> None:
    with pytest.raises(InputError) as info:
        clean_text(bad)  # type: ignore[arg-type]
    assert info.value.code == "E001"


# ---------------------------------------------------------------------------------------------
# Pattern files
# ---------------------------------------------------------------------------------------------


def test_bundled_patterns_load_and_are_cached() -> None:
    pats = boilerplate_patterns()
    assert len(pats) > 30
    assert pats is boilerplate_patterns()
    assert all(p.pattern.flags & re.IGNORECASE for p in pats)


def test_load_boilerplate_from_a_file(tmp_path) -> None:
    path = tmp_path / "bp.yaml"
    path.write_text("families:\n  promo:\n    patterns:\n      - 'buy now'\n", encoding="utf-8")
    pats = load_boilerplate(path)
    assert [p.family for p in pats] == ["promo"]
    assert clean_text("Buy now\nBody.", patterns=pats).removed == ("Buy now",)


@pytest.mark.parametrize("content", [
    "families:\n  bad:\n    patterns:\n      - '(unclosed'\n",
    "just a string\n",
    "families:\n  bad: 3\n",
    "families: [\n",
])
def test_bad_pattern_files_raise_corpus_error(tmp_path, content: str) -> None:
    path = tmp_path / "bp.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        load_boilerplate(path)
    assert info.value.code == "E036"
    assert isinstance(info.value, CareertextError)


def test_missing_pattern_file_raises_corpus_error(tmp_path) -> None:
    with pytest.raises(CorpusError):
        load_boilerplate(tmp_path / "missing.yaml")
