"""Character classes of Go's regexp/syntax as sorted (lo, hi) code point ranges.

The Perl (``\\d \\s \\w``) and POSIX (``[:alpha:]``) classes are ASCII-only, as in Go; Unicode
general categories (``\\pL``, ``\\p{Lu}``, ``\\p{Letter}``) come from Python's unicodedata with
the code points Unicode 15.0 added (Go's version), and case folding follows Go's
``unicode.SimpleFold`` orbits (``k K \u212a``). Python's standard library has no script tables:
scripts (``\\p{Greek}``) are read from RE2's, cut to the code points Go 15.0 has assigned (RE2's
Unicode is newer). Tables are computed on first use and cached.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache

from chartist.sprig.gounicode import UNICODE15

__all__ = [
    "MAX_RUNE",
    "PERL",
    "POSIX",
    "Ranges",
    "clean",
    "fold",
    "fold_orbit",
    "negate",
    "unicode_table",
]

MAX_RUNE = 0x10FFFF

Ranges = list[tuple[int, int]]


def clean(r: Ranges) -> Ranges:
    """R sorted, with overlapping and adjacent ranges merged (regexp/syntax cleanClass)."""
    out: Ranges = []
    for lo, hi in sorted(r):
        if out and lo <= out[-1][1] + 1:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def negate(r: Ranges) -> Ranges:
    """Every rune not in R."""
    out: Ranges = []
    nxt = 0
    for lo, hi in clean(r):
        if nxt <= lo - 1:
            out.append((nxt, lo - 1))
        nxt = hi + 1
    if nxt <= MAX_RUNE:
        out.append((nxt, MAX_RUNE))
    return out


@lru_cache(maxsize=1)
def _fold_orbits() -> tuple[list[int], dict[int, tuple[int, ...]]]:
    """Go's case-folding orbits (unicode.SimpleFold): runes that fold together, by member."""
    groups: dict[str, list[int]] = {}
    for cp in range(0x41, 0x1E944):  # regexp/syntax minFold..maxFold
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        key = c.casefold()
        if len(key) != 1:
            key = c.lower()
            if len(key) != 1:
                key = c
        groups.setdefault(key, []).append(cp)
    orbits = {m: tuple(g) for g in groups.values() if len(g) > 1 for m in g}
    return sorted(orbits), orbits


def fold_orbit(cp: int) -> tuple[int, ...] | None:
    """The runes that fold together with CP (CP included), or None when it folds with none."""
    return _fold_orbits()[1].get(cp)


def fold(r: Ranges) -> Ranges:
    """R plus every rune that folds to a rune in R (appendFoldedRange)."""
    members, orbits = _fold_orbits()
    out = list(r)
    for lo, hi in r:
        for cp in members[bisect_left(members, lo) : bisect_right(members, hi)]:
            out.extend((m, m) for m in orbits[cp])
    return clean(out)


PERL: dict[str, Ranges] = {
    "d": [(0x30, 0x39)],
    "s": [(0x09, 0x0A), (0x0C, 0x0D), (0x20, 0x20)],
    "w": [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)],
}
POSIX: dict[str, Ranges] = {
    "alnum": [(0x30, 0x39), (0x41, 0x5A), (0x61, 0x7A)],
    "alpha": [(0x41, 0x5A), (0x61, 0x7A)],
    "ascii": [(0x00, 0x7F)],
    "blank": [(0x09, 0x09), (0x20, 0x20)],
    "cntrl": [(0x00, 0x1F), (0x7F, 0x7F)],
    "digit": [(0x30, 0x39)],
    "graph": [(0x21, 0x7E)],
    "lower": [(0x61, 0x7A)],
    "print": [(0x20, 0x7E)],
    "punct": [(0x21, 0x2F), (0x3A, 0x40), (0x5B, 0x60), (0x7B, 0x7E)],
    "space": [(0x09, 0x0D), (0x20, 0x20)],
    "upper": [(0x41, 0x5A)],
    "word": [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)],
    "xdigit": [(0x30, 0x39), (0x41, 0x46), (0x61, 0x66)],
}

_GROUPS = {
    "L": "Lu Ll Lt Lm Lo", "Lc": "Lu Ll Lt", "M": "Mn Mc Me", "N": "Nd Nl No",
    "P": "Pc Pd Ps Pe Pi Pf Po", "S": "Sm Sc Sk So", "Z": "Zs Zl Zp", "C": "Cc Cf Cs Co Cn",
}  # fmt: skip
_CATEGORY_ALIASES = {
    "Casedletter": "Lc", "Closepunctuation": "Pe", "Combiningmark": "M", "Connectorpunctuation": "Pc",
    "Control": "Cc", "Currencysymbol": "Sc", "Dashpunctuation": "Pd", "Decimalnumber": "Nd",
    "Enclosingmark": "Me", "Finalpunctuation": "Pf", "Format": "Cf", "Initialpunctuation": "Pi",
    "Letter": "L", "Letternumber": "Nl", "Lineseparator": "Zl", "Lowercaseletter": "Ll", "Mark": "M",
    "Mathsymbol": "Sm", "Modifierletter": "Lm", "Modifiersymbol": "Sk", "Nonspacingmark": "Mn",
    "Number": "N", "Openpunctuation": "Ps", "Other": "C", "Otherletter": "Lo", "Othernumber": "No",
    "Otherpunctuation": "Po", "Othersymbol": "So", "Paragraphseparator": "Zp", "Privateuse": "Co",
    "Punctuation": "P", "Separator": "Z", "Spaceseparator": "Zs", "Spacingmark": "Mc",
    "Surrogate": "Cs", "Symbol": "S", "Titlecaseletter": "Lt", "Unassigned": "Cn",
    "Uppercaseletter": "Lu", "Cntrl": "Cc", "Digit": "Nd", "Punct": "P",
}  # fmt: skip
# Go's single-word script names (names with '_' are unreachable: Go canonicalizes them away).
_SCRIPTS = frozenset(
    "Adlam Ahom Arabic Armenian Avestan Balinese Bamum Batak Bengali Bhaiksuki Bopomofo Brahmi "
    "Braille Buginese Buhid Carian Chakma Cham Cherokee Chorasmian Common Coptic Cuneiform Cypriot "
    "Cyrillic Deseret Devanagari Dogra Duployan Elbasan Elymaic Ethiopic Georgian Glagolitic Gothic "
    "Grantha Greek Gujarati Gurmukhi Han Hangul Hanunoo Hatran Hebrew Hiragana Inherited Javanese "
    "Kaithi Kannada Katakana Kawi Kharoshthi Khmer Khojki Khudawadi Lao Latin Lepcha Limbu Lisu "
    "Lycian Lydian Mahajani Makasar Malayalam Mandaic Manichaean Marchen Medefaidrin Modi Mongolian "
    "Mro Multani Myanmar Nabataean Nandinagari Newa Nko Nushu Ogham Osage Osmanya Palmyrene "
    "Phoenician Rejang Runic Samaritan Saurashtra Sharada Shavian Siddham Sinhala Sogdian Sundanese "
    "Syriac Tagalog Tagbanwa Takri Tamil Tangsa Tangut Telugu Thaana Thai Tibetan Tifinagh Tirhuta "
    "Toto Ugaritic Vai Vithkuqi Wancho Yezidi Yi".split()
)


@lru_cache(maxsize=1)
def _category_table() -> dict[str, Ranges]:
    """Ranges of every two-letter general category (read once): Python's unicodedata, with the
    code points Unicode 15.0 added moved out of Cn as Go has them."""
    table: dict[str, Ranges] = {}
    category = unicodedata.category
    start, prev = 0, category("\0")
    for cp in range(1, MAX_RUNE + 2):
        cat = category(chr(cp)) if cp <= MAX_RUNE else ""
        if cat != prev:
            table.setdefault(prev, []).append((start, cp - 1))
            start, prev = cp, cat
    added: Ranges = []
    for cat, ranges in UNICODE15.items():
        table[cat] = clean(table.get(cat, []) + list(ranges))
        added += ranges
    table["Cn"] = negate(negate(table["Cn"]) + added)
    return table


def _canonical(name: str) -> str:
    """regexp/syntax canonicalName: first letter upper, the rest lower, no '_', '-' or ' '."""
    out = []
    first = True
    for c in name:
        if c in "_- ":
            continue
        if first:
            out.append(c.upper() if "a" <= c <= "z" else c)
            first = False
        else:
            out.append(c.lower() if "A" <= c <= "Z" else c)
    return "".join(out)


def unicode_table(name: str) -> tuple[Ranges, int] | None:
    """The ranges of \\p{NAME} and a sign (-1: negate), or None for an unknown name."""
    name = _canonical(name)
    if name == "Any":
        return [(0, MAX_RUNE)], 1
    if name == "Ascii":
        return [(0, 0x7F)], 1
    if name == "Assigned":
        return _category_table().get("Cn", []), -1
    name = _CATEGORY_ALIASES.get(name, name)
    table = _category_table()
    if name in _GROUPS:
        return clean([r for cat in _GROUPS[name].split() for r in table.get(cat, [])]), 1
    if len(name) == 2 and name[0].isupper() and name[1].islower() and name in table:
        return table[name], 1
    if name in _SCRIPTS:
        return _script_table(name), 1
    return None


@lru_cache(maxsize=32)
def _script_table(name: str) -> Ranges:
    """The ranges of script NAME: RE2's runs of ``\\p{NAME}`` over every code point, less what
    Go's Unicode 15.0 leaves unassigned."""
    import re2  # here: a script class is rare, and re2 costs start-up time

    # Every code point in order but the surrogates, which UTF-8 cannot carry: a match at
    # offset i is code point i, or i + 0x800 past the gap.
    every = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, MAX_RUNE + 1)))
    found: Ranges = []
    for m in re2.compile(f"\\p{{{name}}}+").finditer(every):
        lo, hi = m.span()
        found.append((lo if lo < 0xD800 else lo + 0x800, hi - 1 if hi <= 0xD800 else hi - 1 + 0x800))
    return negate(negate(found) + _category_table()["Cn"])
