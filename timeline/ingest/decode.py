"""Bytes to text: byte-order marks, strict UTF-8, then detection; binary files refused.

Detection runs only when the bytes are not valid UTF-8, so the common case stays a
single strict decode. Every failure is an :class:`ArticleError` naming the file and
saying what it looks like instead.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes
from charset_normalizer.constant import IANA_SUPPORTED
from charset_normalizer.utils import is_multi_byte_encoding

from timeline.defaults import PREFERRED_LEGACY_ENCODINGS
from timeline.errors import ArticleError

# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)

# Formats users upload by mistake, recognised by their first bytes, with what to call them.
_MAGIC = (
    (b"%PDF-", "a PDF document, a binary file"),
    (b"PK\x03\x04", "a ZIP archive (a Word, OpenDocument or Excel file is one), a binary file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document, a binary file"),
    (b"{\\rtf", "an RTF document, whose text is wrapped in formatting codes"),
    (b"\x89PNG", "a PNG image, a binary file"),
    (b"\xff\xd8\xff", "a JPEG image, a binary file"),
    (b"GIF8", "a GIF image, a binary file"),
    (b"\x1f\x8b", "a gzip archive, a binary file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive, a binary file"),
)

# Control characters no text has; tab and the line and page breaks are handled apart.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff]")
#: Share of control characters above which decoded "text" is taken to be binary; a few
#: strays (an old DOS end-of-file mark) are dropped, random bytes have about one in ten.
_CONTROL_SHARE = 0.02
#: How much more "chaos" (charset-normalizer's measure of implausible characters) a
#: preferred code page may show than the cleanest reading and still be chosen.
_CHAOS_MARGIN = 0.1
_MULTI_BYTE = [name for name in IANA_SUPPORTED if is_multi_byte_encoding(name)]
#: Share of high bytes below which a text is not taken to be in a multi-byte encoding.
_MULTI_BYTE_SHARE = 0.3
_SAMPLE_BYTES = 65_536
_HIGH_BYTES = bytes(range(0x80, 0x100))
# Vertical tab is Word's manual line break, form feed a page break.
_LINE_BREAK = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Any character one of the three patterns above would change; most texts have none.
_NEEDS_WORK = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


def decode_bytes(data: bytes, where: str, *, html: bool = False) -> str:
    """Decode a file's bytes to text, or raise :class:`ArticleError` saying why not.

    Line breaks are left as they are, since JSONL and CSV give them meaning; pass
    each article text through :func:`normalise_text`. ``html`` lets a
    ``<meta charset>`` declaration choose the encoding of non-UTF-8 bytes.
    """
    kind = _binary_kind(data)
    if kind is not None:
        raise ArticleError(where, f"is {kind}, not plain text; save it as plain text (.txt) first")
    text = _decode(data, where, html=html)
    _refuse_control_characters(text, where)
    return text


def normalise_text(text: str) -> str:
    """One line-break convention (``\\n``), no stray control characters, nothing that is not writable as UTF-8."""
    if _NEEDS_WORK.search(text) is None:
        return text
    text = _CONTROL.sub("", _LINE_BREAK.sub("\n", text))
    # A JSON string may escape half of a surrogate pair; it names no character at all.
    return _LONE_SURROGATE.sub("\ufffd", text)


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _decode(data: bytes, where: str, *, html: bool) -> str:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise ArticleError(where, f"starts with a {name} byte-order mark but is not valid {name}") from None
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise ArticleError(where, "contains NUL bytes, so it is a binary file, not text")
        return utf16
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if html:
        declared = _declared_charset(data)
        if declared is not None:
            return declared
    return _detect(data, where)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark has a NUL in every other byte for Latin script."""
    if len(data) % 2:
        return None
    for codec, zeros in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if zeros.count(0) >= 0.8 * len(zeros):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        return data.decode(match.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        # A wrong or unknown declaration is common; detection decides instead.
        return None


def _detect(data: bytes, where: str) -> str:
    # Detection reads a sample, so a large file costs no more than a small one; the
    # whole file must then decode strictly, or the whole file is examined.
    sample = data[:_SAMPLE_BYTES]
    if len(data) > _SAMPLE_BYTES and b"\n" in sample:
        sample = sample[: sample.rindex(b"\n") + 1]
    tried: set[str] = set()
    for chunk in (sample, data) if len(sample) < len(data) else (sample,):
        for encoding in _encodings(chunk):
            if encoding in tried:
                continue
            tried.add(encoding)
            try:
                return data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    raise ArticleError(where, "is not text in any encoding we recognise; save it as UTF-8 text")


def _encodings(data: bytes) -> list[str]:
    """Plausible encodings of ``data``, best first."""
    # Text in a multi-byte legacy encoding (Shift-JIS, GBK, Big5...) is mostly high bytes;
    # a mostly-ASCII text with a few accents is single-byte, though a few byte pairs may
    # also happen to read as CJK characters.
    high = (len(data) - len(data.translate(None, _HIGH_BYTES))) / max(len(data), 1)
    candidates = list(from_bytes(data, cp_exclusion=_MULTI_BYTE if high < _MULTI_BYTE_SHARE else None))
    if not candidates:
        return []
    # On a short text several code pages look equally clean and the language guess is
    # noise, so a Western code page that reads it about as cleanly is preferred.
    floor = min(match.chaos for match in candidates)
    near = [match for match in candidates if match.chaos <= floor + _CHAOS_MARGIN]
    preferred = [
        encoding
        for encoding in PREFERRED_LEGACY_ENCODINGS
        if any(encoding == match.encoding or encoding in match.could_be_from_charset for match in near)
    ]
    ranked = sorted(candidates, key=lambda match: (match.chaos, -match.coherence))
    return preferred + [match.encoding for match in ranked]


def _refuse_control_characters(text: str, where: str) -> None:
    if not text:
        return
    controls = len(_CONTROL.findall(text))
    if controls and (controls / len(text) > _CONTROL_SHARE or "\x00" in text):
        raise ArticleError(where, "contains control characters that text never has, so it is a binary file")
