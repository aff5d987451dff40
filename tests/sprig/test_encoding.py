"""Sprig's b64enc, b64dec, b32enc, b32dec (chartist.sprig.encoding).

Every row holds Helm v4.2.3's answer as a literal; ``test_rows_match_helm`` renders the rows
through Helm itself (helm_python) and is skipped when it is not installed.
"""

from __future__ import annotations

import pytest
from _sprig_rows import R, check_row, helm_mismatches, ids

from chartist.sprig.encoding import FUNCS

ROWS = [
    R("b64enc", "hello", want="aGVsbG8="),
    R("b64enc", "", want=""),
    R("b64enc", "é", want="w6k="),
    R("b64enc", "\udcff", want="/w=="),
    R("b64enc", "a\nb", want="YQpi"),
    R("b64enc", "\x00", want="AA=="),
    R("b64dec", "aGVsbG8=", want="hello"),
    R("b64dec", "aGVs\nbG8=", want="hello"),
    R("b64dec", "YQ", want="illegal base64 data at input byte 0"),
    R("b64dec", "Y", want="illegal base64 data at input byte 0"),
    R("b64dec", "!!!!", want="illegal base64 data at input byte 0"),
    R("b64dec", "YQ==YQ==", want="illegal base64 data at input byte 4"),
    R("b64dec", "YR==", want="a"),
    R("b64dec", "YQ=", want="illegal base64 data at input byte 3"),
    R("b64dec", "=", want="illegal base64 data at input byte 0"),
    R("b64dec", "YQ===", want="illegal base64 data at input byte 4"),
    R("b64dec", "YWJjZA=\n=", want="abcd"),
    R("b64dec", "YWJjZ", want="illegal base64 data at input byte 4"),
    R("b64dec", "/w==", want="\udcff"),
    R("b64dec", "w6k=", want="é"),
    R("b64dec", "", want=""),
    R("b64dec", "\r\n", want=""),
    R("b64dec", "YQ==\n", want="a"),
    R("b64dec", "aGVs bG8=", want="illegal base64 data at input byte 4"),
    R("b64dec", "YW\rJj", want="abc"),
    R("b64dec", "é", want="illegal base64 data at input byte 0"),
    R("b32enc", "hello", want="NBSWY3DP"),
    R("b32enc", "", want=""),
    R("b32enc", "f", want="MY======"),
    R("b32enc", "é", want="YOUQ===="),
    R("b32dec", "NBSWY3DP", want="hello"),
    R("b32dec", "NBSWY3D", want="illegal base32 data at input byte 0"),
    R("b32dec", "MY======", want="f"),
    R("b32dec", "MY=====", want="illegal base32 data at input byte 7"),
    R("b32dec", "MY======MY======", want="illegal base32 data at input byte 2"),
    R("b32dec", "M=======", want="illegal base32 data at input byte 1"),
    R("b32dec", "MY==\n====", want="f"),
    R("b32dec", "!", want="illegal base32 data at input byte 0"),
    R("b32dec", "MYa=====", want="illegal base32 data at input byte 2"),
    R("b32dec", "", want=""),
    R("b32dec", "MZXW6===", want="foo"),
    R("b32dec", "MZXW6YQ=", want="foob"),
    R("b32dec", "MZXW6Y==", want="illegal base32 data at input byte 6"),
    R("b32dec", "MY======AB", want="f"),
    R("b32dec", "MZXW6YTB", want="fooba"),
    R("b32dec", "GE======", want="1"),
    R("b32dec", "7Q======", want="\udcfc"),
]


@pytest.mark.parametrize("row", ROWS, ids=ids(ROWS))
def test_row(row):
    check_row(FUNCS, row)


@pytest.mark.helm
def test_rows_match_helm():
    assert helm_mismatches(ROWS) == []
