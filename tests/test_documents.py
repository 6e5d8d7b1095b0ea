"""Tests of careertext.documents: front matter, fields, dates and HTML of one document."""

from __future__ import annotations

from dataclasses import replace

import pytest

from careertext.documents import (
    _epoch,
    _field_str,
    _iso_date,
    _parse_document,
    _parse_html,
    _plain,
    _unescape,
    split_front_matter,
)
from careertext.errors import InputError
from careertext.records import _Options, _Skipped

OPTIONS = _Options(text_columns=None, joiner="\n\n", id_column=None, title_column=None,
                   date_column=None, author_column=None, dedupe=True, max_bytes=1_000_000,
                   remove_boilerplate=True, dayfirst=None)


# ---------------------------------------------------------------------------------------------
# split_front_matter and dates
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "meta", "body"), [
    ("---\ntitle: A\n---\nBody", {"title": "A"}, "Body"),
    ("\ufeff---\r\ntitle: A\r\n---\r\nBody\r\n", {"title": "A"}, "Body\n"),
    ("---\n---\nBody", {}, "Body"),
    ("---\ntitle: A\nno closing line", {}, "---\ntitle: A\nno closing line"),
    ("Text\n---\ntitle: A\n---\n", {}, "Text\n---\ntitle: A\n---\n"),
    ("---\ndate: 2020-01-02\nwhen: 2020-01-02 10:00:00\n---\n",
     {"date": "2020-01-02", "when": "2020-01-02T10:00:00"}, ""),
])
def test_split_front_matter(text: str, meta: dict, body: str) -> None:
    assert split_front_matter(text) == (meta, body)


@pytest.mark.parametrize("front", ["- a list\n- of items", "just a scalar", "a: [1,",
                                   "date: 2019-02-30", "a: &x [*x]"])
def test_split_front_matter_errors_are_recorded(front: str) -> None:
    meta, body = split_front_matter(f"---\n{front}\n---\nThe body.")
    assert body == "The body."
    assert set(meta) == {"front_matter_error", "front_matter"}
    assert meta["front_matter"] == front


def test_split_front_matter_rejects_non_str() -> None:
    with pytest.raises(InputError):
        split_front_matter(b"---\n")  # type: ignore[arg-type]


@pytest.mark.parametrize(("raw", "dayfirst", "iso"), [
    ("2024-05-01", None, "2024-05-01"),
    ("2024-05-01T10:00:00Z", None, "2024-05-01"),
    ("2024/5/1", None, "2024-05-01"),
    ("25-12-2024", None, "2024-12-25"),
    ("12/25/2024", None, "2024-12-25"),
    ("03/04/2020", None, "03/04/2020"),
    ("03/04/2020", True, "2020-04-03"),
    ("03/04/2020", False, "2020-03-04"),
    ("04/04/2020", None, "2020-04-04"),
    ("March 14, 2019", None, "2019-03-14"),
    ("14 Mar 2019", None, "2019-03-14"),
    ("Mar 3rd, 2021", None, "2021-03-03"),
    ("1600398529.0", None, "2020-09-18"),
    (1600398529, None, "2020-09-18"),
    ("2019-02-30", None, "2019-02-30"),
    ("last spring", None, "last spring"),
    ("  ", None, None),
    (None, None, None),
])
def test_dates(raw: object, dayfirst: bool | None, iso: str | None) -> None:
    assert _iso_date(raw, dayfirst) == iso


# ---------------------------------------------------------------------------------------------
# Fields, YAML values and epoch dates
# ---------------------------------------------------------------------------------------------


def test_field_str_joins_lists_unescapes_and_collapses_whitespace() -> None:
    assert _field_str(["Ann", None, "Bo"]) == "Ann, Bo"
    assert _field_str("  R&amp;D\n  team ") == "R&D team"
    assert _field_str(2024) == "2024"
    assert _field_str("   ") is None and _field_str(None) is None


def test_unescape_needs_a_complete_entity() -> None:
    assert _unescape("AT&T &amp; co &copy") == "AT&T & co &copy"
    assert _unescape("it&#8217;s &#x41;") == "it\u2019s A"
    assert _unescape("no ampersand") == "no ampersand"


def test_plain_copies_yaml_data_as_json_like_values() -> None:
    import datetime as dt

    data = {1: [b"caf\xe9", (1, 2)], "when": dt.date(2020, 1, 2), "n": None, "s": {"x"}}
    assert _plain(data, budget=[100]) == {
        "1": ["caf\u00e9", [1, 2]], "when": "2020-01-02", "n": None, "s": ["x"]}


def test_plain_refuses_data_over_its_budget() -> None:
    with pytest.raises(ValueError, match="too large"):
        _plain(list(range(20)), budget=[5])


def test_epoch_only_reads_plausible_timestamps() -> None:
    assert _epoch(1600398529) == "2020-09-18"
    assert _epoch(5) is None and _epoch(1e12) is None


# ---------------------------------------------------------------------------------------------
# HTML and one document
# ---------------------------------------------------------------------------------------------


def test_parse_html_main_text_fields_and_metadata() -> None:
    page = ("<html><head><title>Why &amp; how</title><meta name='author' content='Ann'>"
            "<link rel='canonical' href='https://example.org/a'></head><body><nav>Menu</nav>"
            "<article><time datetime='2021-03-04'>March</time><p>One.</p><p>Two<br>three.</p>"
            "<script>var x = 1;</script></article><footer>Footer</footer></body></html>")
    text, title, author, date, metadata = _parse_html(page)
    assert text == "March\n\nOne.\n\nTwo\nthree."
    assert (title, author, date) == ("Why & how", "Ann", "2021-03-04")
    assert metadata == {"url": "https://example.org/a"}


def test_parse_html_takes_the_longest_article() -> None:
    text, *_ = _parse_html("<body><article>Short.</article><article>The longer one.</article>"
                           "</body>")
    assert text == "The longer one."


def test_parse_document_markdown_heading_title_and_dayfirst_date() -> None:
    text = "---\ndate: 03/04/2020\nurl: https://example.org\n---\n# My exit\n\nI left.\n"
    essay = _parse_document(text, "markdown", "doc", "doc.md", "utf-8", OPTIONS)
    assert (essay.id, essay.title, essay.date) == ("doc", "My exit", "03/04/2020")
    assert essay.metadata == {"url": "https://example.org"} and essay.row is None
    dated = _parse_document(text, "markdown", "doc", "doc.md", "utf-8",
                            replace(OPTIONS, dayfirst=True))
    assert dated.date == "2020-04-03"


def test_parse_document_with_no_text_left_is_skipped_as_empty() -> None:
    with pytest.raises(_Skipped) as caught:
        _parse_document("---\ntitle: Nothing\n---\n\n", "markdown", "d", "d.md", "utf-8",
                        OPTIONS)
    assert caught.value.reason == "empty"
