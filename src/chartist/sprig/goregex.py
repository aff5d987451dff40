"""Go's ``regexp`` (RE2 syntax) on top of Python's ``re``: a parser that checks Go's syntax and
writes an equivalent Python pattern, and Go's match iteration.

Hand-written because Python's ``re`` reads the same text differently: ``$`` also matches
before a final newline, ``\\d \\s \\w \\b`` are Unicode-aware, ``(?i)`` folds other characters,
``\\1`` is a backreference, ``(?<name>`` is a lookbehind, ``[[:alpha:]]`` is not a class, and
it accepts syntax Go rejects (lookarounds, ``a**``, ``x{1001}``). The parser follows Go's
regexp/syntax: it raises :class:`RegexpError` with Go's message for every syntax error Go
reports, and writes each construct with its Go meaning spelled out (explicit character ranges,
explicit anchors, case folding through Go's fold orbits), so the Python pattern never depends
on Python's flags. Matching is leftmost-first in both engines; :func:`find_all`,
:func:`replace_all` and :func:`split` reproduce Go's handling of empty matches, which differs
from Python's ``finditer``/``sub``.

Differences left: Unicode script classes (``\\p{Greek}``) need tables Python does not have and
are refused with a clear error; Python backtracks, so a pathological pattern can be slow where
RE2 is linear; Go's "expression too large" limit is not checked.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from chartist.gotemplate.strconv import can_backquote, quote
from chartist.sprig.gounicode import is_digit, is_letter

__all__ = ["Regexp", "RegexpError", "UnsupportedRegexp", "compile_go", "panic_message", "quote_meta"]

MAX_RUNE = 0x10FFFF
MAX_REPEAT = 1000  # regexp/syntax maxRepeat
MAX_NESTING = 1000  # regexp/syntax maxHeight, approximated by group nesting

ERR_INVALID_CHAR_CLASS = "invalid character class"
ERR_INVALID_CHAR_RANGE = "invalid character class range"
ERR_INVALID_ESCAPE = "invalid escape sequence"
ERR_INVALID_NAMED_CAPTURE = "invalid named capture"
ERR_INVALID_PERL_OP = "invalid or unsupported Perl syntax"
ERR_INVALID_REPEAT_OP = "invalid nested repetition operator"
ERR_INVALID_REPEAT_SIZE = "invalid repeat count"
ERR_INVALID_UTF8 = "invalid UTF-8"
ERR_MISSING_BRACKET = "missing closing ]"
ERR_MISSING_PAREN = "missing closing )"
ERR_MISSING_REPEAT_ARGUMENT = "missing argument to repetition operator"
ERR_TRAILING_BACKSLASH = "trailing backslash at end of expression"
ERR_UNEXPECTED_PAREN = "unexpected )"
ERR_NESTING_DEPTH = "expression nests too deeply"


class RegexpError(Exception):
    """A Go regexp/syntax error; ``str()`` is Go's ``error parsing regexp: CODE: `EXPR```."""

    def __init__(self, code: str, expr: str) -> None:
        super().__init__(f"error parsing regexp: {code}: `{expr}`")
        self.code = code
        self.expr = expr


class UnsupportedRegexp(Exception):
    """Valid Go syntax that chartist cannot translate (Unicode script classes)."""


Ranges = list[tuple[int, int]]
_Rep = tuple[int, tuple[Any, ...]]  # a {n,m} node: its count and the {n,m} nodes inside it

# ---------------------------------------------------------------------------------------------
# Character classes as sorted, merged (lo, hi) code point ranges.


def _clean(r: Ranges) -> Ranges:
    out: Ranges = []
    for lo, hi in sorted(r):
        if out and lo <= out[-1][1] + 1:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _negate(r: Ranges) -> Ranges:
    out: Ranges = []
    nxt = 0
    for lo, hi in _clean(r):
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


def _fold(r: Ranges) -> Ranges:
    """R plus every rune that folds to a rune in R (appendFoldedRange)."""
    members, orbits = _fold_orbits()
    out = list(r)
    for lo, hi in r:
        for cp in members[bisect_left(members, lo) : bisect_right(members, hi)]:
            out.extend((m, m) for m in orbits[cp])
    return _clean(out)


_R = Ranges
_PERL: dict[str, _R] = {
    "d": [(0x30, 0x39)],
    "s": [(0x09, 0x0A), (0x0C, 0x0D), (0x20, 0x20)],
    "w": [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)],
}
_POSIX: dict[str, _R] = {
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
    """Ranges of every two-letter general category, from Python's unicodedata (read once)."""
    table: dict[str, Ranges] = {}
    category = unicodedata.category
    start, prev = 0, category("\0")
    for cp in range(1, MAX_RUNE + 2):
        cat = category(chr(cp)) if cp <= MAX_RUNE else ""
        if cat != prev:
            table.setdefault(prev, []).append((start, cp - 1))
            start, prev = cp, cat
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


def _unicode_table(name: str) -> tuple[Ranges, int] | None:
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
        return _clean([r for cat in _GROUPS[name].split() for r in table.get(cat, [])]), 1
    if len(name) == 2 and name[0].isupper() and name[1].islower() and name in table:
        return table[name], 1
    if name in _SCRIPTS:
        raise UnsupportedRegexp(f"Unicode script class {name!r} is not supported by chartist")
    return None


# ---------------------------------------------------------------------------------------------
# Parse tree pieces: each atom is finished Python text plus what Go's checks need.


@dataclass(slots=True)
class _Atom:
    text: str
    quantifiable: bool = True  # False: must be wrapped in (?:...) before a quantifier
    repeats: tuple[_Rep, ...] = ()  # the outermost {n,m} nodes inside, for repeatIsValid


@dataclass(slots=True)
class _Frame:
    flags: tuple[bool, bool, bool, bool]  # flags when the group opened: fold, multiline, dotnl, ungreedy
    capture: bool
    alts: list[list[_Atom]] = field(default_factory=lambda: [[]])


def _esc(cp: int) -> str:
    return f"\\u{cp:04x}" if cp < 0x10000 else f"\\U{cp:08x}"


def _class_text(r: Ranges) -> str:
    if not r:
        return "[^\\u0000-\\U0010ffff]"
    parts = [_esc(lo) if lo == hi else f"{_esc(lo)}-{_esc(hi)}" for lo, hi in r]
    return "[" + "".join(parts) + "]"


def _repeat_ok(rep: _Rep, n: int) -> bool:
    """regexp/syntax repeatIsValid for one {n,m} node and the ones nested in it."""
    m, subs = rep
    if m == 0:
        return True
    if m > n:
        return False
    n //= m
    return all(_repeat_ok(s, n) for s in subs)


_WORD = "[0-9A-Za-z_]"
_WORD_BOUNDARY = f"(?:(?<={_WORD})(?!{_WORD})|(?<!{_WORD})(?={_WORD}))"
_NOT_WORD_BOUNDARY = f"(?:(?<={_WORD})(?={_WORD})|(?<!{_WORD})(?!{_WORD}))"


def _isalnum(c: str) -> bool:
    return "0" <= c <= "9" or "A" <= c <= "Z" or "a" <= c <= "z"


def _unhex(c: str) -> int:
    if "0" <= c <= "9":
        return ord(c) - 48
    if "a" <= c <= "f":
        return ord(c) - 87
    if "A" <= c <= "F":
        return ord(c) - 55
    return -1


class _Parser:
    """Go's regexp/syntax parse loop, emitting Python text instead of a syntax tree."""

    def __init__(self, expr: str) -> None:
        self.s = expr
        self.fold = False
        self.multiline = False
        self.dotnl = False
        self.ungreedy = False
        self.frames: list[_Frame] = [_Frame((False,) * 4, False)]
        self.ncap = 0
        self.names: list[str] = [""]

    # -- helpers -------------------------------------------------------------------------------

    @property
    def _concat(self) -> list[_Atom]:
        return self.frames[-1].alts[-1]

    def _push(self, atom: _Atom) -> None:
        self._concat.append(atom)

    def _literal(self, c: str) -> None:
        cp = ord(c)
        if 0xDC80 <= cp <= 0xDCFF:
            raise RegexpError(ERR_INVALID_UTF8, self.s[self.s.index(c) :])
        if self.fold:
            orbit = _fold_orbits()[1].get(cp)
            if orbit:
                self._push(_Atom(_class_text(_clean([(m, m) for m in orbit]))))
                return
        self._push(_Atom(_esc(cp)))

    def _class(self, r: Ranges) -> None:
        self._push(_Atom(_class_text(r)))

    def _group_ranges(self, r: Ranges, negate: bool) -> Ranges:
        """appendGroup: fold first (when folding), then negate."""
        if self.fold:
            r = _fold(r)
        return _negate(r) if negate else r

    # -- the main loop -------------------------------------------------------------------------

    def parse(self) -> tuple[str, list[str]]:
        s = self.s
        n = len(s)
        i = 0
        last_repeat = -1  # index where the previous token, a repetition operator, began
        while i < n:
            c = s[i]
            repeat_at = -1
            if c == "(":
                if i + 1 < n and s[i + 1] == "?":
                    i = self._perl_flags(i)
                else:
                    self._open(True, None)
                    i += 1
            elif c == "|":
                self.frames[-1].alts.append([])
                i += 1
            elif c == ")":
                self._close()
                i += 1
            elif c == "^":
                self._push(_Atom("(?m:^)" if self.multiline else "\\A", quantifiable=False))
                i += 1
            elif c == "$":
                self._push(_Atom("(?m:$)" if self.multiline else "\\Z", quantifiable=False))
                i += 1
            elif c == ".":
                self._push(_Atom("[\\u0000-\\U0010ffff]" if self.dotnl else "[^\\n]"))
                i += 1
            elif c == "[":
                i = self._parse_class(i)
            elif c in "*+?{":
                j = self._repeat(i, last_repeat)
                if j < 0:  # '{' that is not a repetition is a literal
                    self._literal("{")
                    i += 1
                else:
                    repeat_at = i
                    i = j
            elif c == "\\":
                i = self._backslash(i)
            else:
                self._literal(c)
                i += 1
            last_repeat = repeat_at
        if len(self.frames) > 1:
            raise RegexpError(ERR_MISSING_PAREN, s)
        return self._alternation(self.frames[0]), self.names

    def _alternation(self, frame: _Frame) -> str:
        return "|".join("".join(a.text for a in alt) for alt in frame.alts)

    def _open(self, capture: bool, name: str | None) -> None:
        if len(self.frames) > MAX_NESTING:
            raise RegexpError(ERR_NESTING_DEPTH, self.s)
        flags = (self.fold, self.multiline, self.dotnl, self.ungreedy)
        if capture:
            self.ncap += 1
            self.names.append(name or "")
        self.frames.append(_Frame(flags, capture))

    def _close(self) -> None:
        if len(self.frames) < 2:
            raise RegexpError(ERR_UNEXPECTED_PAREN, self.s)
        frame = self.frames.pop()
        self.fold, self.multiline, self.dotnl, self.ungreedy = frame.flags
        body = self._alternation(frame)
        reps = tuple(r for alt in frame.alts for a in alt for r in a.repeats)
        self._push(_Atom(("(" if frame.capture else "(?:") + body + ")", True, reps))

    def _perl_flags(self, i: int) -> int:
        """parsePerlFlags: named captures, (?flags), (?flags:...)."""
        s = self.s
        t = s[i:]
        starts_p = len(t) > 4 and t[2] == "P" and t[3] == "<"
        starts_name = len(t) > 3 and t[2] == "<"
        if starts_p or starts_name:
            begin = 4 if starts_p else 3
            end = t.find(">")
            if end < 0:
                raise RegexpError(ERR_INVALID_NAMED_CAPTURE, t)
            name = t[begin:end]
            if not name or not all(_isalnum(ch) or ch == "_" for ch in name):
                raise RegexpError(ERR_INVALID_NAMED_CAPTURE, t[: end + 1])
            self._open(True, name)
            return i + end + 1
        fold, multiline, dotnl, ungreedy = self.fold, self.multiline, self.dotnl, self.ungreedy
        sign = 1
        saw_flag = False
        j = i + 2
        while j < len(s):
            c = s[j]
            j += 1
            if c in "imsU":
                on = sign > 0
                if c == "i":
                    fold = on
                elif c == "m":
                    multiline = on
                elif c == "s":
                    dotnl = on
                else:
                    ungreedy = on
                saw_flag = True
            elif c == "-":
                if sign < 0:
                    break
                sign = -1
                saw_flag = False
            elif c in ":)":
                if sign < 0 and not saw_flag:
                    break
                if c == ":":
                    self._open(False, None)
                self.fold, self.multiline, self.dotnl, self.ungreedy = fold, multiline, dotnl, ungreedy
                return j
            else:
                break
        raise RegexpError(ERR_INVALID_PERL_OP, s[i:j])

    def _repeat(self, i: int, last_repeat: int) -> int:
        """A repetition operator at I; returns the index after it, or -1 for a literal '{'."""
        s = self.s
        c = s[i]
        lo, hi = {"*": (0, -1), "+": (1, -1), "?": (0, 1)}.get(c, (0, 0))
        j = i + 1
        counted = c == "{"
        if counted:
            m = re.match(r"\{(0|[1-9][0-9]*)(?:(,)(0|[1-9][0-9]*)?)?\}", s[i:])
            if m is None:
                return -1
            j = i + m.end()
            lo = int(m.group(1)) if len(m.group(1)) < 9 else -1
            if m.group(2) is None:
                hi = lo
            elif m.group(3) is None:
                hi = -1
            else:
                hi = int(m.group(3)) if len(m.group(3)) < 9 else -1
                if hi < 0:
                    lo = -1
            if lo < 0 or lo > MAX_REPEAT or hi > MAX_REPEAT or (hi >= 0 and lo > hi):
                raise RegexpError(ERR_INVALID_REPEAT_SIZE, s[i:j])
        lazy = self.ungreedy
        if j < len(s) and s[j] == "?":
            j += 1
            lazy = not lazy
        if last_repeat >= 0:
            raise RegexpError(ERR_INVALID_REPEAT_OP, s[last_repeat:j])
        concat = self._concat
        if not concat:
            raise RegexpError(ERR_MISSING_REPEAT_ARGUMENT, s[i:j])
        sub = concat[-1]
        base = sub.text if sub.quantifiable else f"(?:{sub.text})"
        if counted:
            op = f"{{{lo}}}" if hi == lo else f"{{{lo},}}" if hi < 0 else f"{{{lo},{hi}}}"
            rep = (hi if hi >= 0 else lo, sub.repeats)
            if (lo >= 2 or hi >= 2) and not _repeat_ok(rep, MAX_REPEAT):
                raise RegexpError(ERR_INVALID_REPEAT_SIZE, s[i:j])
            reps: tuple[_Rep, ...] = (rep,)
        else:
            op = c
            reps = sub.repeats
        concat[-1] = _Atom(base + op + ("?" if lazy else ""), False, reps)
        return j

    # -- escapes and classes -------------------------------------------------------------------

    def _backslash(self, i: int) -> int:
        s = self.s
        if i + 1 < len(s):
            c = s[i + 1]
            simple = {"A": "\\A", "b": _WORD_BOUNDARY, "B": _NOT_WORD_BOUNDARY, "z": "\\Z"}.get(c)
            if simple:
                self._push(_Atom(simple, quantifiable=False))
                return i + 2
            if c == "C":
                raise RegexpError(ERR_INVALID_ESCAPE, "\\C")
            if c == "Q":
                end = s.find("\\E", i + 2)
                lit = s[i + 2 :] if end < 0 else s[i + 2 : end]
                for ch in lit:
                    self._literal(ch)
                return len(s) if end < 0 else end + 2
            if c in "pP":
                r, j = self._unicode_class(i)
                self._class(r)
                return j
            if c in "dDsSwW":
                self._class(self._group_ranges(_PERL[c.lower()], c.isupper()))
                return i + 2
        cp, j = self._escape(i)
        self._literal(chr(cp))
        return j

    def _escape(self, i: int) -> tuple[int, int]:
        """parseEscape: the rune of the escape at I and the index after it."""
        s = self.s
        n = len(s)
        j = i + 1
        if j >= n:
            raise RegexpError(ERR_TRAILING_BACKSLASH, "")
        c = s[j]
        j += 1
        if c < "\x80" and not _isalnum(c):
            return ord(c), j
        if "1" <= c <= "7" and not (j < n and "0" <= s[j] <= "7"):
            pass  # a backreference: not supported
        elif "0" <= c <= "7":
            r = ord(c) - 48
            for _ in range(2):
                if j < n and "0" <= s[j] <= "7":
                    r = r * 8 + ord(s[j]) - 48
                    j += 1
            return r, j
        elif c == "x":
            if j < n:
                c = s[j]
                j += 1
                if c == "{":
                    r, digits = 0, 0
                    while j < n:
                        c = s[j]
                        j += 1
                        if c == "}":
                            if digits:
                                return r, j
                            break
                        v = _unhex(c)
                        if v < 0:
                            break
                        r = r * 16 + v
                        if r > MAX_RUNE:
                            break
                        digits += 1
                else:
                    x = _unhex(c)
                    y = _unhex(s[j]) if j < n else -1
                    j = min(j + 1, n)
                    if x >= 0 and y >= 0:
                        return x * 16 + y, j
        elif c in "afnrtv":
            return ord({"a": "\a", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}[c]), j
        raise RegexpError(ERR_INVALID_ESCAPE, s[i:j])

    def _unicode_class(self, i: int) -> tuple[Ranges, int]:
        """parseUnicodeClass: \\pN, \\p{Name}, \\PN, \\p{^Name} at I (folded when folding)."""
        s = self.s
        sign = -1 if s[i + 1] == "P" else 1
        if i + 2 >= len(s):
            raise RegexpError(ERR_INVALID_CHAR_RANGE, s[i : i + 2])
        if s[i + 2] != "{":
            seq_end = i + 3
            name = s[i + 2]
        else:
            close = s.find("}", i)
            if close < 0:
                raise RegexpError(ERR_INVALID_CHAR_RANGE, s[i:])
            seq_end = close + 1
            name = s[i + 3 : close]
        if name.startswith("^"):
            sign = -sign
            name = name[1:]
        found = _unicode_table(name)
        if found is None:
            raise RegexpError(ERR_INVALID_CHAR_RANGE, s[i:seq_end])
        r, tsign = found
        return self._group_ranges(r, sign * tsign < 0), seq_end

    def _parse_class(self, i: int) -> int:
        """parseClass: a bracketed class starting at I; returns the index after ']'."""
        s = self.s
        n = len(s)
        whole = s[i:]
        j = i + 1
        negate = j < n and s[j] == "^"
        if negate:
            j += 1
        r: Ranges = []
        first = True
        while j >= n or s[j] != "]" or first:
            first = False
            if j + 2 < n and s[j] == "[" and s[j + 1] == ":":
                close = s.find(":]", j + 2)
                if close >= 0:
                    name = s[j + 2 : close]
                    neg = name.startswith("^")
                    group = _POSIX.get(name[1:] if neg else name)
                    if group is None:
                        raise RegexpError(ERR_INVALID_CHAR_RANGE, s[j : close + 2])
                    r += self._group_ranges(group, neg)
                    j = close + 2
                    continue
            if j + 1 < n and s[j] == "\\" and s[j + 1] in "pP":
                ur, j = self._unicode_class(j)
                r += ur
                continue
            if j + 1 < n and s[j] == "\\" and s[j + 1] in "dDsSwW":
                r += self._group_ranges(_PERL[s[j + 1].lower()], s[j + 1].isupper())
                j += 2
                continue
            start = j
            lo, j = self._class_char(j, whole)
            hi = lo
            if j + 1 < n and s[j] == "-" and s[j + 1] != "]":
                hi, j = self._class_char(j + 1, whole)
                if hi < lo:
                    raise RegexpError(ERR_INVALID_CHAR_RANGE, s[start:j])
            r += _fold([(lo, hi)]) if self.fold else [(lo, hi)]
        r = _clean(r)
        self._class(_negate(r) if negate else r)
        return j + 1

    def _class_char(self, j: int, whole: str) -> tuple[int, int]:
        s = self.s
        if j >= len(s):
            raise RegexpError(ERR_MISSING_BRACKET, whole)
        if s[j] == "\\":
            return self._escape(j)
        if 0xDC80 <= ord(s[j]) <= 0xDCFF:
            raise RegexpError(ERR_INVALID_UTF8, s[j:])
        return ord(s[j]), j + 1


# ---------------------------------------------------------------------------------------------
# Compiled expressions and Go's match iteration


@dataclass(frozen=True, slots=True)
class Regexp:
    """A compiled Go regular expression: the Python pattern and Go's group names."""

    expr: str
    pattern: re.Pattern[str]
    names: tuple[str, ...]  # SubexpNames: "" for the whole match and unnamed groups

    def find_all(self, s: str, n: int) -> list[re.Match[str]]:
        """Go's allMatches: up to N matches (all if N < 0), no empty match right after a match."""
        out: list[re.Match[str]] = []
        search = self.pattern.search
        end = len(s)
        pos = 0
        prev_end = -1
        while (n < 0 or len(out) < n) and pos <= end:
            m = search(s, pos)
            if m is None:
                break
            a, b = m.span()
            accept = True
            if b == pos:  # an empty match at pos
                if a == prev_end:
                    accept = False
                pos += 1
            else:
                pos = b
            prev_end = b
            if accept:
                out.append(m)
        return out

    def replace_all(self, s: str, repl: Callable[[re.Match[str]], str]) -> str:
        """Go's replaceAll: each match replaced, except an empty one right after a match."""
        out: list[str] = []
        search = self.pattern.search
        end = len(s)
        last = 0
        pos = 0
        while pos <= end:
            m = search(s, pos)
            if m is None:
                break
            a, b = m.span()
            out.append(s[last:a])
            if b > last or a == 0:
                out.append(repl(m))
            last = b
            pos = pos + 1 if pos + 1 > b else b
        out.append(s[last:])
        return "".join(out)

    def expand(self, template: str, m: re.Match[str]) -> str:
        """Go's Expand: $1, ${1}, $name, ${name}; $$ is "$"; an unknown group is ""."""
        out: list[str] = []
        i = 0
        n = len(template)
        while True:
            d = template.find("$", i)
            if d < 0:
                out.append(template[i:])
                return "".join(out)
            out.append(template[i:d])
            i = d + 1
            if i < n and template[i] == "$":
                out.append("$")
                i += 1
                continue
            j = i + 1 if i < n and template[i] == "{" else i
            k = j
            while k < n and (is_letter(template[k]) or is_digit(template[k]) or template[k] == "_"):
                k += 1
            if k == j or (j > i and (k >= n or template[k] != "}")):
                out.append("$")  # malformed: the $ is literal text
                continue
            name = template[j:k]
            i = k + 1 if j > i else k
            self._append_group(out, name, m)

    def _append_group(self, out: list[str], name: str, m: re.Match[str]) -> None:
        if name.isascii() and name.isdigit() and (name == "0" or name[0] != "0") and len(name) <= 8:
            num = int(name)
            if num < len(self.names) and m.start(num) >= 0:
                out.append(m.group(num))
            return
        for i, gname in enumerate(self.names):
            if gname == name and m.start(i) >= 0:
                out.append(m.group(i))
                return

    def split(self, s: str, n: int) -> list[str]:
        """Go's Regexp.Split."""
        if n == 0:
            return []
        if self.expr and not s:
            return [""]
        out: list[str] = []
        beg = end = 0
        for m in self.find_all(s, n):
            if n > 0 and len(out) == n - 1:
                break
            end = m.start()
            if m.end() != 0:
                out.append(s[beg:end])
            beg = m.end()
        if end != len(s):
            out.append(s[beg:])
        return out


@lru_cache(maxsize=512)
def compile_go(expr: str) -> Regexp:
    """Compile EXPR with Go's syntax; raises RegexpError as Go's regexp.Compile fails, or
    UnsupportedRegexp for a Unicode script class."""
    text, names = _Parser(expr).parse()
    try:
        pattern = re.compile(text)
    except (re.error, RecursionError, OverflowError) as err:  # pragma: no cover - translation bug
        raise UnsupportedRegexp(f"cannot translate regular expression {expr!r}: {err}") from None
    return Regexp(expr, pattern, tuple(names))


def panic_message(expr: str, err: RegexpError) -> str:
    """What Go's regexp.MustCompile panics with: ``regexp: Compile(`EXPR`): MESSAGE``."""
    shown = f"`{expr}`" if can_backquote(expr) else quote(expr)
    return f"regexp: Compile({shown}): {err}"


_META = re.compile(r"([\\.+*?()|\[\]{}^$])")


def quote_meta(s: str) -> str:
    """Go's regexp.QuoteMeta: a backslash before each of ``\\.+*?()|[]{}^$``."""
    return _META.sub(r"\\\1", s)
