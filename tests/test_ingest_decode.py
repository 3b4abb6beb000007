"""timeline.ingest.decode: byte-order marks, strict UTF-8 first, detection of legacy code pages, binary refused."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.errors import ArticleError
from timeline.ingest.decode import decode_bytes, decode_lines, normalise_text

TEXTS = {
    "cp1252": "“Café” — it’s naïve… and costs €5.",
    "latin-1": "Señor Muñoz dijo que el niño está en Málaga.",
    "cp1250": "Zażółć gęślą jaźń, powiedział minister w Warszawie w poniedziałek.",
    "cp1251": "Министр иностранных дел заявил в понедельник, что переговоры продолжатся.",
    "cp1253": "Ο υπουργός Εξωτερικών δήλωσε τη Δευτέρα ότι οι συνομιλίες θα συνεχιστούν.",
    "shift_jis": "東京で月曜日に会談が行われた。外務大臣は記者団に語った。",
    "utf-8": "Plain UTF-8 with Türkiye and “quotes”.",
    "utf-8-sig": "UTF-8 with a byte-order mark: Zürich.",
    "utf-16": "UTF-16 with a byte-order mark: Zürich “quoted”.",
    "utf-16-le": "UTF-16 without a byte-order mark: Zürich.",
    "utf-16-be": "Big-endian UTF-16 without a mark: Zürich.",
    "utf-32": "UTF-32 with a byte-order mark: Zürich.",
}


@pytest.mark.parametrize(("encoding", "text"), TEXTS.items(), ids=list(TEXTS))
def test_decode_reads_encoding(encoding, text):
    """Text in each encoding comes back exactly as written."""
    assert decode_bytes(text.encode(encoding), "f.txt") == text


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"%PDF-1.7\n1 0 obj", "is a PDF document"),
        (b"PK\x03\x04rest", "ZIP archive"),
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"{\\rtf1\\ansi Hello}", "RTF document"),
        (b"text\x00with a NUL", "NUL bytes"),
        (bytes(range(1, 32)) * 20 + b"abc", "binary file"),
        (b"\xff\xfe\x00", "not valid UTF-16"),
    ],
)
def test_decode_refuses_binary(data, fragment):
    """Binary data is refused with a sentence naming the file and what the data looks like."""
    with pytest.raises(ArticleError) as raised:
        decode_bytes(data, "upload.txt")
    assert raised.value.where == "upload.txt"
    assert fragment in raised.value.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\r\nb\rc\nd", "a\nb\nc\nd"),
        ("page\x0cbreak\x0bline", "page\nbreak\nline"),
        ("end\x1a", "end"),
        ("half \ud800 pair", "half \ufffd pair"),
        ("para\u2028graph", "para\ngraph"),
    ],
)
def test_decode_normalise_text(text, expected):
    """Line breaks become \\n, stray control characters go, lone surrogates become U+FFFD."""
    assert normalise_text(text) == expected


def test_decode_html_declared_charset():
    """An HTML page's declared charset decides when the bytes are not UTF-8."""
    page = '<html><head><meta charset="windows-1251"></head><body>Москва</body></html>'
    assert decode_bytes(page.encode("cp1251"), "p.html", html=True) == page


def test_decode_a_few_stray_controls_are_text():
    """An old file's end-of-file mark does not make a long text binary."""
    text = "A long enough sentence about a meeting in Doha on Sunday. " * 5 + "\x1a"
    assert decode_bytes(text.encode(), "old.txt") == text


def test_decode_legacy_bytes_after_the_sample():
    """A large file whose first accented byte comes after the detection sample is still read whole."""
    text = "plain ascii line\n" * 10_000 + "“Café” at the end."
    assert decode_bytes(text.encode("cp1252"), "late.txt") == text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            "Türkiye met.\n".encode() + "Café naïve “quoted”.\n".encode("cp1252") + "Türkiye again.".encode(),
            "Türkiye met.\nCafé naïve “quoted”.\nTürkiye again.",
        ),
        ("Türkiye and Qatar met ".encode() + b"\xff here.", "Türkiye and Qatar met ÿ here."),
        (
            "Dışişleri Bakanı Şam'da görüştü; ışıklar yandı.".encode("cp1254"),
            "Dışişleri Bakanı Şam'da görüştü; ışıklar yandı.",
        ),
        ("Þingvellir, Reykjavík: ráðherra sagði.".encode("cp1252"), "Þingvellir, Reykjavík: ráðherra sagði."),
    ],
    ids=["cp1252-line-in-utf8", "stray-byte-in-utf8", "turkish-cp1254", "icelandic-cp1252"],
)
def test_decode_keeps_utf8_where_valid_and_reads_the_rest(data, expected):
    """A line or byte in a legacy code page leaves the UTF-8 around it as it is; Turkish reads as Turkish."""
    assert decode_bytes(data, "f.txt") == expected


@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1251", "utf-16"])
def test_decode_html_declaration_that_lies(declared):
    """A page's declared charset never overrides UTF-8, nor a declaration that does not read the page back."""
    page = f'<html><head><meta charset="{declared}"></head><body>Türkiye’s talks</body></html>'
    utf8_with_stray = page.encode().replace(b"talks", b"talks \xff")
    decoded = decode_bytes(utf8_with_stray, "p.html", html=True)
    # The UTF-8 stays UTF-8; the stray byte is one character, in whatever code page fits it.
    assert decoded.replace(decoded[decoded.index("talks ") + 6], "ÿ", 1) == page.replace("talks", "talks ÿ")
    if declared == "utf-16":
        assert decode_bytes(page.encode("cp1252"), "p.html", html=True) == page


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nov\u200bember 9", "November 9"),
        ("zero\u200cwidth\u200djoiner\u2060word", "zerowidthjoinerword"),
        ("inner\ufeffmark", "innermark"),
    ],
)
def test_decode_normalise_removes_zero_width_characters(text, expected):
    """Zero-width characters are removed at ingest: dates and names read whole, offsets are into the stored text."""
    assert normalise_text(text) == expected


@settings(max_examples=200, deadline=None)
@given(data=st.one_of(st.binary(max_size=300), st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_decode_lines_reads_like_decode_bytes(data):
    """Decoding line by line gives exactly the lines of decoding whole, or the same refusal."""
    try:
        whole: str | ArticleError = decode_bytes(data, "f.jsonl")
    except ArticleError as error:
        whole = error
    try:
        lines: list[str] | ArticleError = list(decode_lines(data, "f.jsonl"))
    except ArticleError as error:
        lines = error
    if isinstance(whole, ArticleError):
        assert isinstance(lines, ArticleError)
        assert lines.reason == whole.reason
    else:
        assert lines == whole.split("\n")
