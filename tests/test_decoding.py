"""Tests of careertext.decoding: byte-order marks, encoding detection and binary checks."""

from __future__ import annotations

import codecs

import pytest

from careertext.decoding import _bom_encoding, _decode, _detect, _mostly_binary, _os_detail
from careertext.records import _Skipped


@pytest.mark.parametrize(("data", "encoding"), [
    (codecs.BOM_UTF8 + b"x", "utf-8-sig"),
    (codecs.BOM_UTF16_LE + "x".encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF32_BE + "x".encode("utf-32-be"), "utf-32"),
    (b"plain", None),
])
def test_bom_encoding(data: bytes, encoding: str | None) -> None:
    assert _bom_encoding(data) == encoding


def test_decode_utf8_and_a_western_code_page() -> None:
    assert _decode("caf\u00e9 na\u00efve".encode()) == ("caf\u00e9 na\u00efve", "utf-8")
    text = ("I left because the caf\u00e9 budget was cut \u2014 and that\u2019s when I knew. "
            * 3)
    decoded, encoding = _decode(text.encode("cp1252"))  # detected cp1250 ties: cp1252 wins
    assert decoded == text and encoding == "cp1252"


def test_decode_drops_the_bom_of_utf16() -> None:
    assert _decode("\ufeffhello".encode("utf-16")) == ("hello", "utf-16")


def test_a_prefix_cut_inside_a_character_is_still_utf8() -> None:
    data = "\u00e9t\u00e9".encode()[:-1]
    assert _detect(data, complete=False) == "utf-8"


@pytest.mark.parametrize("data", [b"text\x00with a NUL", bytes(range(1, 32)) * 20])
def test_binary_data_is_skipped(data: bytes) -> None:
    with pytest.raises(_Skipped) as info:
        _decode(data)
    assert info.value.reason in {"binary", "undecodable"}


def test_mostly_binary_and_os_detail() -> None:
    assert not _mostly_binary("") and not _mostly_binary("an ordinary line\n")
    assert _mostly_binary("\x01\x02\x03 ab")
    assert _os_detail(PermissionError(13, "Permission denied")) == "Permission denied"
    assert _os_detail(ValueError("bad")) == "ValueError: bad"
