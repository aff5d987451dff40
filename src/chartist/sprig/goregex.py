"""Go's ``regexp`` syntax (RE2) checked as Go checks it and written out for the RE2 engine:
a parser that raises Go's errors and writes an equivalent RE2 pattern.

Hand-written because no engine reads Go's syntax the Go way. google-re2 (the matcher, see
:mod:`.goregexp`) is close but not the same: it accepts ``\\C`` and ``\\p{Old_Italic}``, has
tables of a newer Unicode than Go's, and its error texts are not Go's. The parser
follows Go's regexp/syntax: it raises :class:`RegexpError` with Go's message for every syntax
error Go reports, and writes each construct with its Go meaning spelled out (explicit
character ranges of Go's Unicode 15.0 tables, explicit anchors, case folding through Go's
fold orbits), so the RE2 pattern depends on no RE2 table or flag. A stray byte of invalid
UTF-8 in the text (a surrogate escape, ``\\udc80``-``\\udcff``) matches where Go's decoded
U+FFFD would: every class is written with that rule. Matching is leftmost-first in both
engines; Go's match loops (empty matches, ``$1`` expansion) are in :mod:`.goregexp`.

Difference left: Go's "expression too large" limit is not computed; RE2's program-size
limit stands in for it (see :mod:`.goregexp`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from chartist.sprig.gocharclass import (
    MAX_RUNE,
    PERL,
    POSIX,
    Ranges,
    clean,
    fold,
    fold_orbit,
    negate,
    unicode_table,
)

__all__ = ["RegexpError", "translate"]

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


_Rep = tuple[int, tuple[Any, ...]]  # a {n,m} node: its count and the {n,m} nodes inside it

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
    return f"\\x{{{cp:x}}}"


# Go decodes a byte of invalid UTF-8 as U+FFFD; chartist keeps such a byte as a surrogate
# escape, so a class holds the stray bytes exactly when it holds U+FFFD.
_STRAY = (0xDC80, 0xDCFF)
_RUNE_ERROR = 0xFFFD


def _class_text(r: Ranges) -> str:
    """The RE2 class for R (clean ranges), stray bytes in or out as U+FFFD is."""
    stray = any(lo <= _RUNE_ERROR <= hi for lo, hi in r)
    r = negate([*negate(r), _STRAY])  # R without the stray bytes
    if stray:
        r.append(_STRAY)
    if not r:
        return "[^\\x00-\\x{10ffff}]"
    parts = [_esc(lo) if lo == hi else f"{_esc(lo)}-{_esc(hi)}" for lo, hi in clean(r)]
    return "[" + "".join(parts) + "]"


_COUNTED = re.compile(r"\{(0|[1-9][0-9]*)(?:(,)(0|[1-9][0-9]*)?)?\}")  # {n}, {n,}, {n,m}


def _repeat_ok(rep: _Rep, n: int) -> bool:
    """regexp/syntax repeatIsValid for one {n,m} node and the ones nested in it."""
    m, subs = rep
    if m == 0:
        return True
    if m > n:
        return False
    n //= m
    return all(_repeat_ok(s, n) for s in subs)


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
    """Go's regexp/syntax parse loop, emitting RE2 text instead of a syntax tree."""

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
            orbit = fold_orbit(cp)
            if orbit:
                self._push(_Atom(_class_text(clean([(m, m) for m in orbit]))))
                return
        self._push(_Atom(_class_text([(cp, cp)]) if cp == _RUNE_ERROR else _esc(cp)))

    def _class(self, r: Ranges) -> None:
        self._push(_Atom(_class_text(r)))

    def _group_ranges(self, r: Ranges, negated: bool) -> Ranges:
        """appendGroup: fold first (when folding), then negate."""
        if self.fold:
            r = fold(r)
        return negate(r) if negated else r

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
                self._push(_Atom("(?m:$)" if self.multiline else "\\z", quantifiable=False))
                i += 1
            elif c == ".":
                self._push(_Atom("(?s:.)" if self.dotnl else "[^\\n]"))
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
        folding, multiline, dotnl, ungreedy = self.fold, self.multiline, self.dotnl, self.ungreedy
        sign = 1
        saw_flag = False
        j = i + 2
        while j < len(s):
            c = s[j]
            j += 1
            if c in "imsU":
                on = sign > 0
                if c == "i":
                    folding = on
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
                self.fold, self.multiline, self.dotnl, self.ungreedy = folding, multiline, dotnl, ungreedy
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
            m = _COUNTED.match(s, i)
            if m is None:
                return -1
            j = m.end()
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
            simple = {"A": "\\A", "b": "\\b", "B": "\\B", "z": "\\z"}.get(c)  # \\b: ASCII, as Go's
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
                self._class(self._group_ranges(PERL[c.lower()], c.isupper()))
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
        found = unicode_table(name)
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
        negated = j < n and s[j] == "^"
        if negated:
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
                    group = POSIX.get(name[1:] if neg else name)
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
                r += self._group_ranges(PERL[s[j + 1].lower()], s[j + 1].isupper())
                j += 2
                continue
            start = j
            lo, j = self._class_char(j, whole)
            hi = lo
            if j + 1 < n and s[j] == "-" and s[j + 1] != "]":
                hi, j = self._class_char(j + 1, whole)
                if hi < lo:
                    raise RegexpError(ERR_INVALID_CHAR_RANGE, s[start:j])
            r += fold([(lo, hi)]) if self.fold else [(lo, hi)]
        r = clean(r)
        self._class(negate(r) if negated else r)
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


def translate(expr: str) -> tuple[str, list[str]]:
    """The RE2 pattern for Go expression EXPR and Go's group names (SubexpNames).

    Raises RegexpError as Go's regexp.Compile fails.
    """
    return _Parser(expr).parse()
