"""Bytes to text: byte-order marks, strict UTF-8, then UTF-8 with legacy patches, then detection;
binary files refused.

Detection runs only when the bytes are not valid UTF-8, so the common case stays a
single strict decode. Bytes that are mostly UTF-8 with a few invalid sequences (one
line pasted from a Windows program, one stray byte) stay UTF-8 wherever they are valid:
only the invalid sequences are read in the legacy code page that fits them, so one bad
line never turns "Türkiye" into "TÃ¼rkiye" in the rest of the file. An HTML page's
``<meta charset>`` is believed only when the bytes are not UTF-8 and it reads the page.
Every failure is an :class:`ArticleError` naming the file and saying what it looks like
instead.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

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
# Zero-width space, non-joiner, joiner, word joiner and a byte-order mark inside the text:
# invisible, but they split a word ("Nov\u200bember") for every pattern that reads it.
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
# Any character one of the four patterns above would change; most texts have none.
_NEEDS_WORK = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f\x85\u200b-\u200d\u2028\u2029\u2060\ud800-\udfff\ufeff\ufffe\uffff]"
)
#: Letters a cp1252 reading gives for cp1254's ğ Ğ ı İ ş Ş (Icelandic ones), and letters
#: Icelandic, Czech, Cyrillic, Greek, Arabic and Hebrew readings give beside them but
#: Turkish does not: the first without the second is Turkish text in cp1254.
_TURKISH_IN_CP1252 = frozenset("ðÐýÝþÞ")
_NOT_TURKISH_IN_CP1252 = frozenset("áéíóúæÁÉÍÓÚÆ")
# A character beyond ASCII that is not an undecodable byte kept as a lone surrogate ("surrogateescape").
_VALID_BEYOND_ASCII = re.compile(r"[^\x00-\x7f\udc80-\udcff]")
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


def decode_lines(data: bytes, where: str) -> Iterator[str]:
    """The lines of a file's text as :func:`decode_bytes` reads it, split at ``"\\n"`` (which they lose).

    UTF-8 bytes, the common case, are checked in chunks and then decoded a line at a time,
    so a large JSONL or CSV file is never held whole as text beside its bytes (a single
    emoji makes Python store every character of a string in four bytes). Anything else is
    decoded whole by :func:`decode_bytes`. Raises :class:`ArticleError` like it, before the
    first line.
    """
    start = _plain_utf8_start(data, where)
    if start is None:
        text = decode_bytes(data, where)
        yield from _split_lines(text)
        return
    while start <= len(data):
        end = data.find(b"\n", start)
        if end < 0:
            end = len(data)
        yield data[start:end].decode("utf-8")
        start = end + 1


def _split_lines(text: str) -> Iterator[str]:
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        yield text[start:end]
        start = end + 1


def _plain_utf8_start(data: bytes, where: str) -> int | None:
    """Where the text of UTF-8 ``data`` starts (after a byte-order mark), or None when it is not plain UTF-8.

    Refuses, like :func:`decode_bytes`, a text with too many control characters.
    """
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    if start == 0 and (_binary_kind(data) is not None or any(data.startswith(bom) for bom, _, _ in _BOMS)):
        return None
    if b"\x00" in data:
        return None
    decoder = codecs.getincrementaldecoder("utf-8")()
    characters = controls = 0
    try:
        for offset in range(start, len(data), _SAMPLE_BYTES):
            chunk = decoder.decode(data[offset : offset + _SAMPLE_BYTES])
            characters += len(chunk)
            controls += len(_CONTROL.findall(chunk))
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return None
    if controls and controls / characters > _CONTROL_SHARE:
        raise ArticleError(where, "contains control characters that text never has, so it is a binary file")
    return start


def normalise_text(text: str) -> str:
    """One line-break convention (``\\n``), no stray control or zero-width characters, nothing that
    is not writable as UTF-8.

    Zero-width characters are removed here, at ingest, so the article's text has none
    and every offset into it (dates, names, evidence) is an offset into the text as stored.
    """
    if _NEEDS_WORK.search(text) is None:
        return text
    text = _ZERO_WIDTH.sub("", _CONTROL.sub("", _LINE_BREAK.sub("\n", text)))
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
    patched = _utf8_with_legacy_patches(data)
    if patched is not None:
        return patched
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


def _utf8_with_legacy_patches(data: bytes) -> str | None:
    """``data`` read as UTF-8 where it is valid and in a legacy code page where it is not,
    or None when it shows too little UTF-8 to be taken for it (a legacy file, read whole)."""
    # UTF-8 shows in a whole line beyond ASCII that is valid UTF-8, or in more valid characters
    # beyond ASCII than invalid sequences; a legacy text (Shift-JIS, cp1251) makes valid
    # UTF-8 pairs only now and then, never a whole line of them.
    lines = data.split(b"\n")
    utf8_line = any(not line.isascii() and _is_utf8(line) for line in lines)
    if not utf8_line:
        replaced = data.decode("utf-8", "replace")
        invalid = replaced.count("\ufffd")
        beyond_ascii = len(replaced) - len(replaced.encode("ascii", "ignore")) - invalid
        if beyond_ascii < max(invalid, 1):
            return None
    # The code page is chosen by the invalid bytes alone: the valid UTF-8 beside them would mislead it.
    bad_lines = b"\n".join(line for line in lines if not _is_utf8(line))[:_SAMPLE_BYTES]
    kept = _VALID_BEYOND_ASCII.sub("", bad_lines.decode("utf-8", "surrogateescape"))
    legacy = next((name for name in _encodings(kept.encode("ascii", "surrogateescape")) if _single_byte(name)), None)
    return data.decode("utf-8", _legacy_handler(legacy) if legacy is not None else "replace")


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _single_byte(encoding: str) -> bool:
    try:
        return len(bytes(range(256)).decode(encoding, "replace")) == 256
    except LookupError:
        return False


def _legacy_handler(encoding: str) -> str:
    """The name of a codec error handler that reads each invalid UTF-8 sequence in ``encoding``."""
    name = f"timeline-legacy-{encoding}"
    try:
        codecs.lookup_error(name)
    except LookupError:

        def read_in_legacy(error: UnicodeError) -> tuple[str, int]:
            if not isinstance(error, UnicodeDecodeError):
                raise error
            return error.object[error.start : error.end].decode(encoding, "replace"), error.end

        codecs.register_error(name, read_in_legacy)
    return name


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        text = data.decode(match.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        # A wrong or unknown declaration is common; detection decides instead.
        return None
    # A declaration that does not read itself back ("utf-16" on an ASCII page) is a lie.
    return text if "charset" in text[:4096].lower() else None


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
    if high < _MULTI_BYTE_SHARE and _reads_as_turkish(data):
        # Detection takes short Turkish text for Baltic or Western; its letters say otherwise.
        preferred.insert(0, "cp1254")
    ranked = sorted(candidates, key=lambda match: (match.chaos, -match.coherence))
    return preferred + [match.encoding for match in ranked]


def _reads_as_turkish(data: bytes) -> bool:
    """Whether the letters of ``data`` read in cp1252 are Turkish ones read in the wrong code page."""
    letters = set(data.decode("cp1252", "replace"))
    return bool(letters & _TURKISH_IN_CP1252) and not letters & _NOT_TURKISH_IN_CP1252


def _refuse_control_characters(text: str, where: str) -> None:
    if not text:
        return
    controls = len(_CONTROL.findall(text))
    if controls and (controls / len(text) > _CONTROL_SHARE or "\x00" in text):
        raise ArticleError(where, "contains control characters that text never has, so it is a binary file")
