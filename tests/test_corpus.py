"""Tests of careertext.corpus: load_corpus, Corpus, Essay and Skip (split_front_matter and the
date parsing are tested in tests/test_documents.py)."""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import careertext.corpus as corpus_module
import careertext.tables as tables_module
from careertext.corpus import (
    SKIP_REASONS,
    Corpus,
    Essay,
    Skip,
    load_corpus,
    split_front_matter,
)
from careertext.errors import CareertextError, CorpusError, InputError

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
MIXED = FIXTURES / "mixed"
ENCODINGS = FIXTURES / "encodings"
SHARED = Path(__file__).parents[2] / "shared"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def by_id(corpus: Corpus) -> dict[str, Essay]:
    return {essay.id: essay for essay in corpus}


def reasons(corpus: Corpus) -> list[tuple[str, int | None, str]]:
    return [(Path(s.source).name, s.row, s.reason) for s in corpus.skipped]


# ---------------------------------------------------------------------------------------------
# The mixed fixture directory: every format and most skip reasons at once
# ---------------------------------------------------------------------------------------------


def test_mixed_directory_loads_every_format_and_accounts_for_the_rest() -> None:
    corpus = load_corpus(MIXED)
    essays = by_id(corpus)
    assert sorted(essays) == ["broken-front-matter", "g1", "leaving-retail", "nurse", "p1",
                              "teacher"]
    assert reasons(corpus) == [
        ("only-boilerplate.md", None, "empty"),
        ("image.txt", None, "binary"),
        ("notes.pdf", None, "unsupported"),
        ("repost.txt", None, "duplicate"),
        ("posts.jsonl", 2, "empty"),
        ("posts.jsonl", 3, "malformed_row"),
        ("posts.jsonl", 4, "malformed_row"),
        ("posts.jsonl", 5, "malformed_row"),
        ("reviews.csv", 1, "malformed_row"),
        ("reviews.csv", 2, "malformed_row"),
        ("reviews.csv", 3, "malformed_row"),
        ("reviews.csv", 4, "malformed_row"),
    ]
    # hidden files and folders are ignored, not skipped
    assert not any(".hidden" in s.source or ".drafts" in s.source for s in corpus.skipped)
    assert all(s.reason in SKIP_REASONS and s.detail for s in corpus.skipped)
    duplicate = next(s for s in corpus.skipped if s.reason == "duplicate")
    assert "'leaving-retail'" in duplicate.detail
    summary = corpus.summary()
    assert summary["essays"] == 6 == len(corpus)
    assert summary["sources"] == 11
    assert summary["skipped"] == {"binary": 1, "empty": 2, "malformed_row": 7, "duplicate": 1,
                                  "unsupported": 1}
    assert summary["words"] == sum(e.words for e in essays.values())


def test_order_is_deterministic_and_sorted() -> None:
    first = [e.id for e in load_corpus(MIXED)]
    second = [e.id for e in load_corpus(MIXED)]
    assert first == second
    assert first == ["broken-front-matter", "nurse", "teacher", "leaving-retail", "g1", "p1"]


# ---------------------------------------------------------------------------------------------
# Formats
# ---------------------------------------------------------------------------------------------


def test_txt_is_cleaned_and_boilerplate_recorded() -> None:
    essay = load_corpus(MIXED / "leaving-retail.txt")["leaving-retail"]
    assert essay.removed == ("4 min read", "Thanks for reading!")
    assert essay.text.startswith("Leaving retail\n\nI spent six years")
    assert "\n\n\n" not in essay.text
    assert essay.title is None and essay.row is None and essay.metadata == {}
    assert essay.encoding == "utf-8"
    assert essay.source == str(MIXED / "leaving-retail.txt")


def test_markdown_front_matter_goes_to_fields_and_metadata() -> None:
    essay = load_corpus(MIXED / "blog" / "nurse.md")["nurse"]
    assert essay.title == "Why I Left Nursing"
    assert essay.author == "Test Author"
    assert essay.date == "2021-04-05"
    assert essay.metadata == {"url": "https://example.com/why-i-left-nursing",
                              "tags": ["nursing", "burnout"], "field": "healthcare"}
    assert essay.removed == ("Share this post",
                             "Subscribe to my newsletter for more stories like this.")
    assert essay.text.startswith("I worked nights") and "---" not in essay.text


def test_markdown_with_malformed_front_matter_still_loads() -> None:
    essay = load_corpus(MIXED / "blog" / "broken-front-matter.md")[0]
    assert essay.text == "The front matter above is broken, but this body must still load."
    assert "front_matter_error" in essay.metadata
    assert essay.metadata["front_matter"] == "title: [unclosed"
    assert essay.title is None


def test_markdown_heading_is_the_title_without_front_matter(tmp_path: Path) -> None:
    write(tmp_path / "a.markdown", "# My Last Day\n\nI handed in my badge.\n")
    essay = load_corpus(tmp_path)[0]
    assert essay.title == "My Last Day"
    assert essay.text == "# My Last Day\n\nI handed in my badge."


def test_html_main_text_title_and_metadata() -> None:
    essay = load_corpus(MIXED / "blog" / "teacher.html")["teacher"]
    assert essay.title == "Why I Left Teaching"
    assert essay.author == "A. Teacher"
    assert essay.date == "2022-06-20"
    assert essay.metadata == {"url": "https://example.com/why-i-left-teaching"}
    assert essay.text == (
        "It was never about the kids\n\n"
        "I taught eighth-grade science for nine years. I left because I had no say in how I "
        "taught & no time to plan.\n\n"
        "No autonomy\n\nLong hours"
    )
    assert essay.removed == ("Click here to subscribe",)
    for dropped in ("Home", "tracking", "color", "Site banner", "Popular", "Copyright", "Sign"):
        assert dropped not in essay.text


def test_html_without_article_uses_main_and_h1_title(tmp_path: Path) -> None:
    write(tmp_path / "page.htm", (
        "<html><body><nav>Menu</nav><main><h1>Fired by an algorithm</h1>"
        "<div>First block<br>same block, new line</div><p>Second &lt;block&gt;</p>"
        "<pre>  keep   spacing</pre><!-- a comment --></main>"
        "<p>Outside main</p></body></html>"))
    essay = load_corpus(tmp_path)[0]
    assert essay.title == "Fired by an algorithm"
    assert essay.text == ("Fired by an algorithm\n\nFirst block\nsame block, new line\n\n"
                          "Second <block>\n\nkeep   spacing")


def test_html_without_body_or_markup(tmp_path: Path) -> None:
    write(tmp_path / "bare.html", "Just text, no tags & no body.")
    essay = load_corpus(tmp_path)[0]
    assert essay.text == "Just text, no tags & no body."
    assert essay.title is None


def test_csv_column_mapping_joiner_and_metadata() -> None:
    corpus = load_corpus(MIXED / "tables" / "reviews.csv", text_columns=["summary", "pros", "cons"],
                         id_column="review_id", date_column="reviewdate", dayfirst=True)
    essays = by_id(corpus)
    assert list(essays) == ["r1", "r3"]
    r1 = essays["r1"]
    assert r1.text == "Great team & mentors\n\nGood people\n\nPay is low and raises are rare"
    assert r1.row == 1 and r1.date == "2024-12-25"
    assert r1.metadata == {"rating": "4"}
    assert essays["r3"].text == ("Left after a layoff\n\nFlexible hours,\nremote work\n\n"
                                 "Laid off with no warning")
    assert essays["r3"].date == "2025-02-01"
    assert reasons(corpus) == [("reviews.csv", 2, "empty"), ("reviews.csv", 4, "malformed_row")]
    assert "7 fields" in corpus.skipped[1].detail


def test_csv_joiner_and_default_ids(tmp_path: Path) -> None:
    write(tmp_path / "reviews.csv", "pros,cons\nGood pay,\n,Bad boss\nNice,Long hours\n")
    corpus = load_corpus(tmp_path / "reviews.csv", text_columns=["pros", "cons"], joiner=" | ")
    assert [(e.id, e.text) for e in corpus] == [
        ("reviews-1", "Good pay"), ("reviews-2", "Bad boss"), ("reviews-3", "Nice | Long hours")]


def test_csv_defaults_text_title_and_removed_body(tmp_path: Path) -> None:
    write(tmp_path / "posts.csv", (
        "id,title,body,date_created,author\n"
        "a1,Quitting,I quit today.,2020-09-17 23:08:49,someone\n"
        "a2,Gone,[removed],2020-09-18 01:00:00,x\n"
        "a3,Gone too,[deleted],2020-09-18 01:00:00,x\n"
        "a4,Empty,,2020-09-18 01:00:00,x\n"))
    corpus = load_corpus(tmp_path)
    essay = corpus["a1"]
    assert (essay.title, essay.text, essay.date, essay.author) == (
        "Quitting", "I quit today.", "2020-09-17", "someone")
    assert essay.metadata == {}
    assert reasons(corpus) == [("posts.csv", 2, "empty"), ("posts.csv", 3, "empty"),
                               ("posts.csv", 4, "empty")]
    assert "[removed]" in corpus.skipped[0].detail


def test_csv_text_columns_match_ignoring_case(tmp_path: Path) -> None:
    write(tmp_path / "t.csv", "Summary,Cons\nOk,Bad hours\n")
    assert load_corpus(tmp_path, text_columns=["summary", "cons"])[0].text == "Ok\n\nBad hours"


def test_csv_short_row_and_unparseable_header(tmp_path: Path) -> None:
    write(tmp_path / "short.csv", "id,meta,text\n1,only two\n2,x,fine row\n")
    corpus = load_corpus(tmp_path / "short.csv")
    assert reasons(corpus) == [("short.csv", 1, "malformed_row")]
    assert [e.id for e in corpus] == ["2"]


def test_csv_header_only_is_empty(tmp_path: Path) -> None:
    write(tmp_path / "h.csv", "id,text\n\n")
    corpus = load_corpus(tmp_path)
    assert list(corpus) == [] and reasons(corpus) == [("h.csv", None, "empty")]


def test_jsonl_rows() -> None:
    corpus = load_corpus(MIXED / "tables" / "posts.jsonl")
    essay = corpus["p1"]
    assert essay.title == "I quit my job" and essay.row == 1
    assert essay.metadata == {"created_utc": 1600398529, "score": 10}
    details = [s.detail for s in corpus.skipped]
    assert "[removed]" in details[0]
    assert details[1].startswith("invalid JSON")
    assert "not an object" in details[2]
    assert "no text column" in details[3]


def test_jsonl_non_text_values(tmp_path: Path) -> None:
    rows = [{"text": {"nested": 1}}, {"text": 42, "date": 1600398529}, {"text": None}]
    write(tmp_path / "x.jsonl", "\n".join(json.dumps(r) for r in rows))
    corpus = load_corpus(tmp_path)
    assert [(e.text, e.date) for e in corpus] == [("42", "2020-09-18")]
    assert reasons(corpus) == [("x.jsonl", 1, "malformed_row"), ("x.jsonl", 3, "empty")]


def test_gzipped_tables(tmp_path: Path) -> None:
    with gzip.open(tmp_path / "a.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "j1", "content": "Gzipped JSON line."}) + "\n")
    corpus = load_corpus([MIXED / "tables" / "more.csv.gz", tmp_path / "a.jsonl.gz"])
    assert [(e.id, e.text) for e in corpus] == [
        ("g1", "A gzipped row about leaving a toxic workplace."), ("j1", "Gzipped JSON line.")]


def test_corrupt_gzip_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tables_module, "_SAMPLE_BYTES", 64)
    (tmp_path / "bad.csv.gz").write_bytes(b"not gzip at all")
    good = gzip.compress(b"id,text\n1,first row\n2,second row\n" * 2000)
    (tmp_path / "truncated.csv.gz").write_bytes(good[: len(good) // 2])
    corpus = load_corpus(tmp_path, dedupe=False)
    skips = [s for s in corpus.skipped if s.reason == "unreadable"]
    assert [Path(s.source).name for s in skips] == ["bad.csv.gz", "truncated.csv.gz"]
    assert "not loaded" in skips[1].detail
    assert len(corpus) > 0  # rows before the truncation are kept


def test_html_entities_in_tables_are_unescaped_but_not_without_semicolon(tmp_path: Path) -> None:
    write(tmp_path / "t.csv", 'text,company\n"R&amp;D &lt;3, AT&T &copy",AT&amp;T\n')
    essay = load_corpus(tmp_path)[0]
    assert essay.text == "R&D <3, AT&T &copy"
    assert essay.metadata == {"company": "AT&T"}


# ---------------------------------------------------------------------------------------------
# Skip reasons
# ---------------------------------------------------------------------------------------------


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "a.txt", "Fine.")

    def fail(path: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(corpus_module, "_read_file_bytes", fail)
    corpus = load_corpus(tmp_path)
    assert list(corpus) == []
    assert corpus.skipped == (Skip(str(tmp_path / "a.txt"), None, "unreadable",
                                   "Permission denied"),)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_broken_symlink_in_directory_is_unreadable(tmp_path: Path) -> None:
    os.symlink(tmp_path / "missing.txt", tmp_path / "link.txt")
    assert reasons(load_corpus(tmp_path)) == [("link.txt", None, "unreadable")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    assert reasons(load_corpus(tmp_path)) == [("pipe.txt", None, "unsupported")]


def test_binary_files(tmp_path: Path) -> None:
    (tmp_path / "nul.txt").write_bytes(b"text\x00with a NUL")
    (tmp_path / "controls.md").write_bytes(bytes(range(1, 9)) * 50 + b"a few letters")
    (tmp_path / "nul.csv").write_bytes(b"id,text\n1,\x00\x00\n")
    corpus = load_corpus(tmp_path)
    assert sorted(reasons(corpus)) == [("controls.md", None, "binary"),
                                       ("nul.csv", None, "binary"), ("nul.txt", None, "binary")]


def test_empty_files(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").write_bytes(b"")
    write(tmp_path / "blank.md", "---\ntitle: Only front matter\n---\n\n   \n")
    write(tmp_path / "boiler.txt", "5 min read\nShare this post\n")
    write(tmp_path / "nothing.html", "<html><script>x()</script><nav>Menu</nav></html>")
    corpus = load_corpus(tmp_path)
    assert sorted(reasons(corpus)) == [(name, None, "empty") for name in
                                       ("blank.md", "boiler.txt", "nothing.html", "zero.txt")]


def test_undecodable_file() -> None:
    corpus = load_corpus(ENCODINGS / "undecodable.txt")
    assert reasons(corpus) == [("undecodable.txt", None, "undecodable")]


def test_too_large_file_is_skipped_and_a_large_file_is_kept_whole(tmp_path: Path) -> None:
    paragraph = "I left because the work stopped teaching me anything new. " * 20
    text = "\n\n".join([paragraph.strip()] * 2000)  # about 2.3 MB
    write(tmp_path / "big.txt", text)
    essay = load_corpus(tmp_path)[0]
    assert essay.text == text
    corpus = load_corpus(tmp_path, max_bytes=1000)
    assert reasons(corpus) == [("big.txt", None, "too_large")]
    assert "max_bytes" in corpus.skipped[0].detail


def test_unsupported_extension_given_explicitly(tmp_path: Path) -> None:
    write(tmp_path / "essay.docx", "x")
    corpus = load_corpus(tmp_path / "essay.docx")
    assert reasons(corpus) == [("essay.docx", None, "unsupported")]
    assert ".docx" in corpus.skipped[0].detail


def test_duplicates_are_skipped_unless_dedupe_is_false(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "I quit.\n\nFor good.")
    write(tmp_path / "b.md", "I quit.   For\ngood.\n\n5 min read")
    write(tmp_path / "c.csv", "id,text\nrow1,I quit. For good.\nrow2,Something else.\n")
    corpus = load_corpus(tmp_path)
    assert [e.id for e in corpus] == ["a", "row2"]
    assert [(s.source, s.row, s.reason, s.detail) for s in corpus.skipped] == [
        (str(tmp_path / "b.md"), None, "duplicate", "same text as essay 'a'"),
        (str(tmp_path / "c.csv"), 1, "duplicate", "same text as essay 'a'"),
    ]
    assert [e.id for e in load_corpus(tmp_path, dedupe=False)] == ["a", "b", "row1", "row2"]


# ---------------------------------------------------------------------------------------------
# Encodings
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "expected"), [
    ("cp1252.txt", "expected.txt"), ("latin1.txt", "expected-latin1.txt")])
def test_legacy_encodings_are_detected(name: str, expected: str) -> None:
    essay = load_corpus(ENCODINGS / name)[0]
    want = (ENCODINGS / expected).read_text(encoding="utf-8").strip()
    assert essay.text == want
    assert essay.encoding in {"cp1252", "latin_1", "iso8859_15"}


@pytest.mark.parametrize(("name", "encoding", "text"), [
    ("utf8-bom.txt", "utf-8-sig", "Café au lait with a BOM."),
    ("utf16.txt", "utf-16", "Café in UTF-16 with a BOM."),
])
def test_bom_encodings(name: str, encoding: str, text: str) -> None:
    essay = load_corpus(ENCODINGS / name)[0]
    assert (essay.text, essay.encoding) == (text, encoding)


def test_tables_in_other_encodings(tmp_path: Path) -> None:
    content = "id,text\nu1,Zürich office: “great” café — but the pay was low.\n"
    (tmp_path / "a.csv").write_bytes(content.encode("cp1252") * 1)
    (tmp_path / "b.csv").write_bytes(content.replace("u1", "u2").encode("utf-16"))
    (tmp_path / "c.jsonl").write_bytes(b"\xef\xbb\xbf" + json.dumps(
        {"id": "u3", "text": "BOM JSON"}).encode())
    essays = list(load_corpus(tmp_path, dedupe=False))
    assert [(e.id, e.encoding) for e in essays] == [
        ("u1", "cp1252"), ("u2", "utf-16"), ("u3", "utf-8-sig")]
    assert essays[0].text == essays[1].text == "Zürich office: “great” café — but the pay was low."


def test_invalid_bytes_late_in_a_table_are_reported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tables_module, "_SAMPLE_BYTES", 64)  # detection sees UTF-8 only
    head = b"id,text\n" + b"".join(b"%d,row number %d\n" % (i, i) for i in range(1000))
    (tmp_path / "t.csv").write_bytes(head + b"x,bad \xff\xfe byte\n")
    corpus = load_corpus(tmp_path)
    assert 0 < len(corpus) <= 1000
    assert corpus.skipped[-1].reason == "undecodable"
    assert "not loaded" in corpus.skipped[-1].detail


# ---------------------------------------------------------------------------------------------
# Ids
# ---------------------------------------------------------------------------------------------


def test_colliding_stems_get_relative_path_ids(tmp_path: Path) -> None:
    write(tmp_path / "2023" / "notes.txt", "First essay.")
    write(tmp_path / "2024" / "notes.txt", "Second essay.")
    write(tmp_path / "2024" / "story.txt", "Third essay.")
    write(tmp_path / "2024" / "story.md", "Fourth essay.")
    assert [e.id for e in load_corpus(tmp_path)] == [
        "2023/notes", "2024/notes", "story.md", "story.txt"]


def test_repeated_ids_get_a_suffix(tmp_path: Path) -> None:
    write(tmp_path / "t.csv", "id,text\nx,one\nx,two\nx-2,three\n")
    assert [e.id for e in load_corpus(tmp_path)] == ["x", "x-2", "x-2-2"]


def test_blank_id_cell_falls_back_to_stem_and_row(tmp_path: Path) -> None:
    write(tmp_path / "posts.csv", "id,text\n,first\n  ,second\n")
    assert [e.id for e in load_corpus(tmp_path)] == ["posts-1", "posts-2"]


# ---------------------------------------------------------------------------------------------
# Sources and options
# ---------------------------------------------------------------------------------------------


def test_list_and_glob_sources(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "Bee.")
    write(tmp_path / "a.txt", "Ay.")
    write(tmp_path / "sub" / "c.md", "Sea.")
    assert [e.id for e in load_corpus([tmp_path / "b.txt", tmp_path / "a.txt"])] == ["b", "a"]
    assert [e.id for e in load_corpus(str(tmp_path / "*.txt"))] == ["a", "b"]
    assert [e.id for e in load_corpus(str(tmp_path / "**" / "*.md"))] == ["c"]
    # a file reached twice is read once
    assert [e.id for e in load_corpus([tmp_path, tmp_path / "a.txt"])] == ["a", "b", "c"]
    assert [e.id for e in load_corpus(e for e in [str(tmp_path / "a.txt")])] == ["a"]


def test_empty_directory_and_empty_list_are_empty_corpora(tmp_path: Path) -> None:
    for corpus in (load_corpus(tmp_path), load_corpus([])):
        assert list(corpus) == [] and len(corpus) == 0 and corpus.skipped == ()
        assert corpus.to_frame().empty


def test_missing_path_raises_corpus_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError) as info:
        load_corpus(tmp_path / "nope")
    assert info.value.code == "E023" and "does not exist" in str(info.value)
    assert info.value.hint


def test_glob_without_matches_raises_corpus_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError) as info:
        load_corpus(str(tmp_path / "*.md"))
    assert info.value.code == "E024"


@pytest.mark.parametrize("source", [42, b"corpus", None, [Path("."), 3], {"a": 1}])
def test_wrong_source_type_raises_input_error(source: object) -> None:
    with pytest.raises(InputError) as info:
        load_corpus(source)  # type: ignore[arg-type]
    assert info.value.code == "E022"


def test_unknown_option_is_a_plain_type_error(tmp_path: Path) -> None:
    with pytest.raises(TypeError) as info:
        load_corpus(tmp_path, text_column="body")  # type: ignore[call-arg]
    assert not isinstance(info.value, CareertextError)


@pytest.mark.parametrize(("options", "error", "code"), [
    ({"text_columns": 3}, InputError, "E026"),
    ({"text_columns": ["a", 1]}, InputError, "E026"),
    ({"text_columns": []}, CorpusError, "E027"),
    ({"id_column": ""}, CorpusError, "E027"),
    ({"joiner": None}, InputError, "E026"),
    ({"dedupe": "yes"}, InputError, "E026"),
    ({"max_bytes": 0}, CorpusError, "E027"),
    ({"max_bytes": 1.5}, InputError, "E026"),
    ({"dayfirst": 1}, InputError, "E026"),
])
def test_bad_option_values(tmp_path: Path, options: dict, error: type, code: str) -> None:
    with pytest.raises(error) as info:
        load_corpus(tmp_path, **options)
    assert info.value.code == code


def test_named_column_missing_from_every_table_raises(tmp_path: Path) -> None:
    write(tmp_path / "t.csv", "id,body\n1,text\n")
    with pytest.raises(CorpusError) as info:
        load_corpus(tmp_path, text_columns=["boddy"])
    assert info.value.code == "E025" and "'body'" in info.value.hint
    with pytest.raises(CorpusError):
        load_corpus(tmp_path / "t.csv", id_column="uid")


def test_named_column_missing_from_some_tables_skips_their_rows(tmp_path: Path) -> None:
    write(tmp_path / "a.csv", "id,review\n1,Great team.\n")
    write(tmp_path / "b.csv", "id,other\n2,x\n")
    corpus = load_corpus(tmp_path, text_columns="review")
    assert [e.id for e in corpus] == ["1"]
    assert reasons(corpus) == [("b.csv", 1, "malformed_row")]
    assert "'review'" in corpus.skipped[0].detail


# ---------------------------------------------------------------------------------------------
# Laziness and caching
# ---------------------------------------------------------------------------------------------


def test_iteration_is_lazy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(2000):
        (tmp_path / f"essay-{i:04d}.txt").write_text(f"Essay number {i}.", encoding="utf-8")
    reads: list[Path] = []
    real = corpus_module._read_file_bytes

    def counting(path: Path) -> bytes:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(corpus_module, "_read_file_bytes", counting)
    corpus = load_corpus(tmp_path)
    assert reads == []  # listing files reads none of them
    first = next(iter(corpus))
    assert first.id == "essay-0000" and len(reads) == 1
    assert len(corpus) == 2000 and len(reads) == 2001
    assert corpus.skipped == () and corpus.ids[-1] == "essay-1999"
    assert len(reads) == 2001  # counts are cached after the full pass


def test_skipped_needs_a_complete_pass(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "One.")
    write(tmp_path / "b.pdf", "x")
    corpus = load_corpus(tmp_path)
    iterator = iter(corpus)
    next(iterator)  # a partial pass records nothing
    assert corpus._result is None
    assert reasons(corpus) == [("b.pdf", None, "unsupported")]
    assert "1 essay>" in repr(corpus)


# ---------------------------------------------------------------------------------------------
# Essay, Corpus views, to_frame, summary, HTML
# ---------------------------------------------------------------------------------------------


def test_html_reprs_escape_text(tmp_path: Path) -> None:
    body = "<script>alert('x')</script> & more " + "word " * 100
    write(tmp_path / "t.csv", f'id,title,text\n<b>id</b>,<i>Title</i>,"{body}"\n')
    corpus = load_corpus(tmp_path)
    essay = corpus[0]
    page = essay._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "&lt;i&gt;Title&lt;/i&gt;" in page and "&lt;b&gt;id&lt;/b&gt;" in page
    assert f"{essay.words} words" in page and "…" in page
    for text in (corpus._repr_html_(), corpus._repr_html_()):  # before and after a full pass
        assert "<script>" not in text and "&lt;script&gt;" in text


def test_getitem(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "One.")
    write(tmp_path / "b.txt", "Two.")
    corpus = load_corpus(tmp_path)
    assert corpus["b"].text == "Two." and corpus[0].id == "a" and corpus[-1].id == "b"
    with pytest.raises(KeyError):
        corpus["c"]
    with pytest.raises(IndexError):
        corpus[2]
    with pytest.raises(InputError):
        corpus[1.0]  # type: ignore[index]


def test_to_frame() -> None:
    frame = load_corpus(MIXED).to_frame()
    assert list(frame.columns) == ["id", "title", "author", "date", "source", "row", "words",
                                   "text", "n_removed", "encoding", "metadata"]
    assert len(frame) == 6
    nurse = frame.set_index("id").loc["nurse"]
    assert nurse["n_removed"] == 2 and nurse["metadata"]["field"] == "healthcare"
    assert nurse["words"] == len(nurse["text"].split())
    assert frame.set_index("id").loc["p1", "row"] == 1


def test_names_that_moved_are_still_importable_from_corpus() -> None:
    import careertext.documents as documents
    import careertext.paths as paths
    import careertext.records as records

    assert all(hasattr(corpus_module, name) for name in corpus_module.__all__)
    assert (Essay, Skip) == (records.Essay, records.Skip)
    assert split_front_matter is documents.split_front_matter
    assert corpus_module.SUPPORTED_EXTENSIONS is paths.SUPPORTED_EXTENSIONS


# ---------------------------------------------------------------------------------------------
# Property: arbitrary bytes never crash the loader, and nothing is lost silently
# ---------------------------------------------------------------------------------------------

_PREFIXES = {
    ".txt": [b""], ".md": [b"", b"---\n"], ".html": [b"", b"<html><body><article>"],
    ".csv": [b"", b"id,text\n"], ".jsonl": [b"", b'{"text": "'],
}


@pytest.mark.parametrize("ext", list(_PREFIXES))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_arbitrary_bytes_are_loaded_or_skipped(ext: str, data: st.DataObject) -> None:
    prefix = data.draw(st.sampled_from(_PREFIXES[ext]))
    payload = prefix + data.draw(st.binary(max_size=600))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{ext}"
        path.write_bytes(payload)
        try:
            corpus = load_corpus(path)
            essays = list(corpus)
            skipped = corpus.skipped
        except CareertextError:
            return
    assert essays or skipped
    assert all(s.reason in SKIP_REASONS and s.source == str(path) for s in skipped)
    assert all(e.text.strip() and e.source == str(path) for e in essays)
    if ext in (".csv", ".jsonl"):
        rows = sorted([e.row for e in essays] + [s.row for s in skipped if s.row is not None])
        assert len(rows) == len(set(rows))
        if ext == ".csv":  # every record is accounted for: rows 1..n without gaps
            assert rows == list(range(1, len(rows) + 1))
        if not rows:
            assert any(s.row is None for s in skipped)
    else:
        assert len(essays) + len(skipped) == 1


# ---------------------------------------------------------------------------------------------
# The shared data (read-only, outside the repository)
# ---------------------------------------------------------------------------------------------


def _shared(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


def test_shared_corpus_directory() -> None:
    corpus = load_corpus(_shared("corpus"))
    essays = list(corpus)
    assert len(essays) == 5
    assert all(e.words > 300 and e.encoding == "utf-8" for e in essays)
    # the manifest.csv has no text column: its rows are accounted for, not lost
    assert {s.reason for s in corpus.skipped} <= {"malformed_row"}


def test_reddit_posts_every_row_accounted_for() -> None:
    path = _shared("data/reddit-career-top/reddit_career_top_posts.csv")
    corpus = load_corpus(path, text_columns=["title", "body"], id_column="id")
    essays = list(corpus)
    assert len(essays) + len(corpus.skipped) == 3994
    assert all(s.row is not None for s in corpus.skipped)
    assert len({e.id for e in essays}) == len(essays)
    first = essays[0]
    assert first.title and first.text.startswith(first.title) and first.date
    # with the default mapping the text is the body alone, and empty bodies are skipped
    default = load_corpus(path)
    n = len(default)
    assert n + len(default.skipped) == 3994
    assert sum(s.reason == "empty" for s in default.skipped) >= 100


def test_glassdoor_reviews_one_liner() -> None:
    path = _shared("data/glassdoor-reviews/glassdoor_2025_apify_7k.csv")
    corpus = load_corpus(path, text_columns=["summary", "pros", "Cons"])
    essay = next(iter(corpus))
    assert essay.id == f"{path.name.removesuffix('.csv')}-1"
    assert "&amp;" not in essay.text
    assert "Cons" not in essay.metadata and "Employeer Name" in essay.metadata


def test_directory_scan_records_documentation_and_gold_files(tmp_path):
    (tmp_path / "essay.md").write_text("---\ntitle: A\n---\nI left my job in May.\n")
    (tmp_path / "README.md").write_text("# About these essays\n")
    (tmp_path / "gold.jsonl").write_text('{"doc_id": "essay", "required": []}\n')
    corpus = load_corpus(tmp_path)
    assert [e.id for e in corpus] == ["essay"]
    skipped = {Path(s.source).name: (s.reason, s.detail) for s in corpus.skipped}
    assert skipped["README.md"][0] == "unsupported" and "documentation" in skipped["README.md"][1]
    assert "gold" in skipped["gold.jsonl"][1]


def test_bundled_corpus_loads_twenty_essays():
    corpus = load_corpus(Path(__file__).resolve().parents[1] / "corpus")
    assert len(corpus) == 20 and len(corpus.skipped) == 2


def _manifest_folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("I quit in May.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: Own title\nkind: own\n---\nI was laid off.\n",
                                   encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,title,year,kind\n"
        "a.txt,Listed title,2021,essay\n"
        "b.md,Ignored title,2022,listed\n"
        "gone.txt,Missing,2020,essay\n"
        "a.txt,Again,2021,essay\n", encoding="utf-8")
    return tmp_path


def test_manifest_describes_the_files_it_lists(tmp_path: Path) -> None:
    corpus = load_corpus(_manifest_folder(tmp_path))
    essays = {e.id: e for e in corpus}
    assert set(essays) == {"a", "b"}  # the manifest is no essay
    assert (essays["a"].title, essays["a"].date, essays["a"].metadata) == (
        "Listed title", "2021", {"kind": "essay"})
    # the file's own fields and metadata keys win; the manifest fills the rest
    assert (essays["b"].title, essays["b"].date, essays["b"].metadata) == (
        "Own title", "2022", {"kind": "own"})
    assert corpus.manifests == (tmp_path / "manifest.csv",)
    assert [(s.row, s.reason) for s in corpus.skipped] == [(3, "unreadable"),
                                                           (4, "malformed_row")]
    assert "gone.txt" in corpus.skipped[0].detail
    assert corpus.summary()["manifests"] == 1 and corpus.summary()["sources"] == 2


def test_a_manifest_alone_loads_the_files_it_lists(tmp_path: Path) -> None:
    corpus = load_corpus(_manifest_folder(tmp_path) / "manifest.csv")
    assert [e.id for e in corpus] == ["a", "b"]
    assert corpus["a"].title == "Listed title"


def test_a_table_with_a_text_column_is_essays_not_a_manifest(tmp_path: Path) -> None:
    (tmp_path / "posts.csv").write_text("file,text\nx.txt,I quit my job.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.manifests == () and [e.text for e in corpus] == ["I quit my job."]
    assert corpus["posts-1"].metadata == {"file": "x.txt"}


@pytest.mark.skipif(not (SHARED / "corpus" / "manifest.csv").exists(),
                    reason="../shared/corpus not available")
def test_shared_corpus_manifest_gives_titles_and_no_skips() -> None:
    corpus = load_corpus(SHARED / "corpus")
    essays = list(corpus)
    assert len(essays) == 5 and corpus.skipped == ()
    assert all(e.title and "kind" in e.metadata for e in essays)
