"""Bytes to text: the decoding and tidying that every reader shares.

Encodings, in order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; otherwise UTF-16 without
one is recognised by its NUL bytes (a NUL in most byte pairs, always on the same side); otherwise
strict UTF-8;
otherwise UTF-8 with a few stray bytes (scraped text often has some) is kept, the stray bytes shown
as U+FFFD; otherwise cp1252 when the bytes are mostly ASCII (old Western news pages, where
detection misreads a few accents: "Núñez" as "N·±ez"); otherwise charset-normalizer (installed
with trafilatura) picks the most plausible encoding (Cyrillic, Greek, East Asian pages). Bytes that
none of these makes readable, or that look like a binary file, are an error, not mojibake.
"""

from __future__ import annotations

import codecs

import regex
from charset_normalizer import from_bytes

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_ASCII = bytes(range(128))
_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.01  # news text has almost no control characters; binary files have many
MIN_GOOD_PER_BAD = 4  # UTF-8 with this many good non-ASCII letters per bad byte is damaged UTF-8
MIN_ASCII_FOR_CP1252 = 0.8
MIN_UTF16_PAIRS = 8
MIN_UTF16_NUL_SHARE = 0.6  # UTF-16 of Latin-script text: a NUL in most pairs; binaries are random
MIN_PARAGRAPH_LINE = 100  # a typical line this long is a paragraph, not prose wrapped at ~72


class DecodeError(ValueError):
    """The bytes are not readable text; the message says why, for the problems table."""


def decode(raw: bytes) -> str:
    """Text from bytes in whatever encoding they were saved, or DecodeError."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"broken {encoding} text at byte {exc.start}") from exc
    if b"\x00" in raw[:8192]:
        utf16 = _utf16_without_bom(raw[:8192])
        if utf16 is None:
            raise DecodeError("binary file (contains NUL bytes), not an article")
        try:
            return _readable(raw.decode(utf16))
        except UnicodeDecodeError as exc:
            raise DecodeError(f"broken {utf16} text at byte {exc.start}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = _guess(raw, exc)
    return _readable(text)


def _readable(text: str) -> str:
    """The text, unless control characters show it was a binary file all along."""
    sample = text[:8192]
    if _CONTROL.search(sample) and len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise DecodeError("binary file (control characters), not an article")
    return text


def _utf16_without_bom(sample: bytes) -> str | None:
    """utf-16-le or -be when NULs fill one byte of nearly every pair, as Latin text there does."""
    pairs = len(sample) // 2
    if pairs < MIN_UTF16_PAIRS:
        return None
    for encoding, nul_at in (("utf-16-le", 1), ("utf-16-be", 0)):
        nuls = sample[nul_at::2].count(0)
        if nuls >= MIN_UTF16_NUL_SHARE * pairs and sample[1 - nul_at :: 2].count(0) == 0:
            return encoding
    return None


def _guess(raw: bytes, exc: UnicodeDecodeError) -> str:
    """Damaged UTF-8, else cp1252 for mostly-ASCII text, else charset-normalizer's pick."""
    damaged = raw.decode("utf-8", errors="replace")
    bad = damaged.count("\ufffd")
    good = len(damaged) - len(damaged.encode("ascii", "ignore")) - bad
    if good >= MIN_GOOD_PER_BAD * bad:  # a few stray bytes in UTF-8: keep the rest exact
        return damaged
    ascii_share = 1 - len(raw.translate(None, _ASCII)) / len(raw)
    if ascii_share >= MIN_ASCII_FOR_CP1252:  # Western text: detection misreads a few accents
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            pass
    best = from_bytes(raw).best()
    if best is not None and not best.encoding.startswith("utf"):
        return str(best)
    raise DecodeError(
        f"undecodable: not UTF-8 ({exc.reason} at byte {exc.start}) and no other encoding fits"
    ) from exc


def normalise(text: str) -> str:
    """Unix line ends and no trailing blanks, so offsets mean the same whatever the source."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip("\ufeff\n ")


def paragraphs_apart(text: str) -> str:
    """Blank lines between paragraphs when a crawler put one paragraph per line (news-please)."""
    if "\n\n" in text or "\n" not in text:
        return text
    lengths = sorted(len(line) for line in text.split("\n"))
    if lengths[len(lengths) // 2] < MIN_PARAGRAPH_LINE:  # short lines: hard-wrapped prose
        return text
    return text.replace("\n", "\n\n")
