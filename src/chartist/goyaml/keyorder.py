"""The order go-yaml writes map keys in: its "natural" string comparison (sorter.go).

Letters sort after every other character and runs of digits compare as numbers, so ``a9`` comes
before ``a10`` and ``_x`` before ``a``; v3 (toYamlPretty) adds one rule (after a digit a letter
sorts first). Hand-written: no library has this comparison. For keys of ASCII letters and
punctuation only it is a plain string order on a translated key, which is the fast path.
The comparison is not a consistent order for some keys (leading zeros next to letters); Go then
sorts the map's random key order, so Helm's own output varies for those.
"""

from __future__ import annotations

import re
from functools import cmp_to_key
from typing import Final

__all__ = ["key_order"]

_UINT64_MAX: Final = (1 << 64) - 1


def _go_less(a: str, b: str, v3: bool = False) -> bool:
    """go-yaml's keyList.Less for two string keys (letters after others, digit runs numeric)."""
    n = min(len(a), len(b))
    digits = False
    for i in range(n):
        ca, cb = a[i], b[i]
        if ca == cb:
            digits = ca.isdecimal()
            continue
        al, bl = ca.isalpha(), cb.isalpha()
        if al and bl:
            return ca < cb
        if al or bl:
            # v3 sorts a letter first when the common prefix ends in a digit
            return al if v3 and digits else bl
        an = bn = 0
        if ca == "0" or cb == "0":
            j = i - 1
            while j >= 0 and a[j].isdecimal():
                if a[j] != "0":
                    an = bn = 1
                    break
                j -= 1
        ai = i
        while ai < len(a) and a[ai].isdecimal():
            an = _wrap64(an * 10 + ord(a[ai]) - 48)
            ai += 1
        bi = i
        while bi < len(b) and b[bi].isdecimal():
            bn = _wrap64(bn * 10 + ord(b[bi]) - 48)
            bi += 1
        if an != bn:
            return an < bn
        if ai != bi:
            return ai < bi
        return ca < cb
    return len(a) < len(b)


def _wrap64(n: int) -> int:
    n &= _UINT64_MAX
    return n - (1 << 64) if n >= 1 << 63 else n


def _cmp(a: str, b: str) -> int:
    if _go_less(a, b):
        return -1
    return 1 if _go_less(b, a) else 0


def _cmp3(a: str, b: str) -> int:
    if _go_less(a, b, True):
        return -1
    return 1 if _go_less(b, a, True) else 0


_CMP_KEY: Final = cmp_to_key(_cmp)
_CMP3_KEY: Final = cmp_to_key(_cmp3)
_ASCII_KEY: Final = str.maketrans({c: chr(ord(c) + 128) for c in map(chr, range(128)) if c.isalpha()})
_DIGIT: Final = re.compile(r"\d")


def key_order(keys: list[str], v3: bool = False) -> list[str]:
    """KEYS in the order go-yaml v2 (v3 when V3) emits map keys."""
    if all(k.isascii() for k in keys) and not any(_DIGIT.search(k) for k in keys):
        # Without digits the order is rune order with letters after every other rune.
        return sorted(keys, key=lambda k: k.translate(_ASCII_KEY))
    # go-yaml's comparison is not a consistent order for some keys (leading zeros next to
    # letters); Go then sorts the map's random key order, so Helm's own output varies there.
    return sorted(keys, key=_CMP3_KEY if v3 else _CMP_KEY)
