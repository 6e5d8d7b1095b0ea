"""Reading a file's bytes and decoding them to text: the whole-file read, the encoding from a
byte-order mark or by detection (UTF-8 first, else ``charset_normalizer``, preferring the
Western code pages on a tie), the binary and NUL checks that skip a file, and the readable
detail of a read error. Used for one-document files and for table samples."""

from __future__ import annotations

import codecs
from pathlib import Path

from .records import _Skipped

_PREFERRED_ENCODINGS = ("cp1252", "latin_1", "iso8859_15")


def _read_file_bytes(path: Path) -> bytes:
    """Read a whole file (a separate function so tests can count reads)."""
    with open(path, "rb") as handle:
        return handle.read()


def _os_detail(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return f"{type(exc).__name__}: {exc}"


def _bom_encoding(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _detect(data: bytes, complete: bool) -> str:
    """The encoding of ``data`` (the whole file when ``complete``, else a prefix of it)."""
    bom = _bom_encoding(data)
    if bom:
        return bom
    if b"\x00" in data:
        raise _Skipped("binary", "the file contains NUL bytes")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=complete)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    try:
        results = from_bytes(data)
        match = results.best()
    except Exception as exc:  # noqa: BLE001 - a detector failure means "not detected"
        raise _Skipped("undecodable", f"encoding detection failed: {exc}") from exc
    if match is None or not match.encoding:
        raise _Skipped("undecodable", "not UTF-8, and no other encoding was detected with "
                       "confidence")
    # Equally good candidates (cp1250 and cp1252 often tie): prefer the Western ones.
    tied = [m for m in results
            if abs(m.chaos - match.chaos) < 1e-9 and abs(m.coherence - match.coherence) < 1e-9]
    for preferred in _PREFERRED_ENCODINGS:
        if any(m.encoding == preferred or preferred in m.could_be_from_charset for m in tied):
            return preferred
    return match.encoding


def _decode(data: bytes) -> tuple[str, str]:
    encoding = _detect(data, complete=True)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise _Skipped("undecodable", f"cannot decode as {encoding}: {exc}") from exc
    if encoding.startswith(("utf-16", "utf-32")) and "\x00" in text:
        raise _Skipped("binary", "the file contains NUL characters")
    if _mostly_binary(text):
        raise _Skipped("binary", f"mostly control characters once decoded as {encoding}")
    return text.lstrip("\ufeff"), encoding


def _mostly_binary(text: str) -> bool:
    sample = text[:100_000]
    if not sample:
        return False
    bad = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\r\f\v")
              or "\x7f" <= ch <= "\x9f" or ch == "\ufffd")
    return bad / len(sample) > 0.1
