"""Go's strconv.Quote, FormatFloat 'g' (chartist.gotemplate.strconv) and base64 StdEncoding
decoding, as the sprig modules use them; expected values from Helm v4.2.3 (printf "%q", float printing, decryptAES/b64 errors)."""

from __future__ import annotations

import base64
import os

import pytest

from chartist.gotemplate.strconv import format_float, quote
from chartist.sprig.gobase64 import Base64Error, std_decode

QUOTE_ROWS = [
    ("abc", '"abc"'),
    ('a"b\\c', '"a\\"b\\\\c"'),
    ("tab\there\nnl", '"tab\\there\\nnl"'),
    ("\x00\x07\x7f", '"\\x00\\a\\x7f"'),
    ("ünï ✓", '"ünï ✓"'),
    ("\u200b", '"\\u200b"'),
    ("\ufeff", '"\\ufeff"'),
    ("\u00a0", '"\\u00a0"'),
    ("\x1b[0m", '"\\x1b[0m"'),
    ("\U0001f600", '"\U0001f600"'),
    ("\udcc3", '"\\xc3"'),  # a byte of invalid UTF-8, kept by surrogateescape
]


@pytest.mark.parametrize(("s", "want"), QUOTE_ROWS, ids=[repr(r[0]) for r in QUOTE_ROWS])
def test_quote(s, want):
    assert quote(s) == want


FLOAT_ROWS = [
    (123456789.0, "1.23456789e+08"),
    (1234567.0, "1.234567e+06"),
    (123456.0, "123456"),
    (0.0001, "0.0001"),
    (0.00001, "1e-05"),
    (1e20, "1e+20"),
    (1e21, "1e+21"),
    (100.5, "100.5"),
    (-0.0, "-0"),
    (1.5e300, "1.5e+300"),
    (5e-324, "5e-324"),
    (0.1, "0.1"),
    (123456.7, "123456.7"),
    (1000000.0, "1e+06"),
    (-2.5, "-2.5"),
    (float("inf"), "+Inf"),
    (float("nan"), "NaN"),
]


@pytest.mark.parametrize(("v", "want"), FLOAT_ROWS, ids=[r[1] for r in FLOAT_ROWS])
def test_format_float_g(v, want):
    assert format_float(v) == want


B64_ERROR_ROWS = [
    ("!!!!", 0),
    ("AA==AA", 4),
    ("A", 0),
    ("AA=", 3),
    ("AAAAA", 4),
    ("====", 0),
    ("AAAA=AAA", 4),
    ("YQ==\nx", 5),
]


@pytest.mark.parametrize(("text", "offset"), B64_ERROR_ROWS, ids=[repr(r[0]) for r in B64_ERROR_ROWS])
def test_base64_errors(text, offset):
    with pytest.raises(Base64Error) as err:
        std_decode(text)
    assert str(err.value) == f"illegal base64 data at input byte {offset}"


def test_base64_decodes_like_go():
    assert std_decode("YWJj") == b"abc"
    assert std_decode("YW\nJj\r\n") == b"abc"  # Go skips CR and LF anywhere
    assert std_decode("AB==") == b"\x00"  # trailing bits need not be zero
    assert std_decode("") == b""
    for n in range(64):
        data = os.urandom(n)
        assert std_decode(base64.b64encode(data).decode()) == data
