"""Go's ``regexp`` package over the RE2 engine: compile, match, find, replace, split.

Go's regexp runs in time linear in the text, whatever the expression; Python's ``re``
backtracks, so ``(a+)+$`` against a long text would hang a render. Matching therefore runs on
RE2 (google-re2, imported on first compile so that start-up stays fast), on the pattern that
:mod:`.goregex` writes after checking Go's syntax. The match loops are Go's, not RE2's
wrapper's: Go skips an empty match right after a match, steps one rune past an empty match,
and expands ``$1``/``${name}`` by its own rules.

Text is matched as UTF-8 bytes, as Go does; a stray byte of invalid UTF-8 (chartist's
surrogate escape) travels as a three-byte sequence and comes back unchanged. Offsets are
bytes within this module and never leave it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from chartist.gotemplate.strconv import can_backquote, quote
from chartist.sprig.goregex import RegexpError, translate
from chartist.sprig.gounicode import is_digit, is_letter

__all__ = [
    "ERR_LARGE",
    "Regexp",
    "RegexpError",
    "UnsupportedRegexp",
    "compile_go",
    "panic_message",
    "quote_meta",
]

ERR_LARGE = "expression too large"  # regexp/syntax ErrLarge

Spans = list[tuple[int, int]]  # (start, end) byte offsets of the match and of each group; -1 unset


def _text(s: str) -> bytes:
    return s.encode("utf-8", "surrogatepass")


def _rune_width(b: bytes, pos: int) -> int:
    """The byte length of the UTF-8 sequence at POS (0 at the end)."""
    if pos >= len(b):
        return 0
    c = b[pos]
    return 1 if c < 0xC0 else 2 if c < 0xE0 else 3 if c < 0xF0 else 4


@dataclass(frozen=True, slots=True)
class Regexp:
    """A compiled Go regular expression: the RE2 program and Go's group names."""

    expr: str
    names: tuple[str, ...]  # SubexpNames: "" for the whole match and unnamed groups
    _match: Callable[[Any, bytes, int, int], Spans]  # RE2::Match(anchor, text, start, end)
    _unanchored: Any

    def _search(self, b: bytes, pos: int) -> Spans | None:
        spans = self._match(self._unanchored, b, pos, len(b))
        return None if spans[0][0] < 0 else spans

    def match(self, s: str) -> bool:
        """Go's MatchString: whether S holds a match."""
        return self._search(_text(s), 0) is not None

    def find(self, s: str) -> str:
        """Go's FindString: the leftmost match, "" when there is none."""
        b = _text(s)
        m = self._search(b, 0)
        return "" if m is None else b[m[0][0] : m[0][1]].decode("utf-8", "surrogatepass")

    def _all(self, b: bytes, n: int) -> list[Spans]:
        """Go's allMatches: up to N matches (all if N < 0), no empty match right after a match."""
        out: list[Spans] = []
        end = len(b)
        pos = 0
        prev_end = -1
        while (n < 0 or len(out) < n) and pos <= end:
            m = self._search(b, pos)
            if m is None:
                break
            a, e = m[0]
            accept = True
            if e == pos:  # an empty match: step one rune
                accept = a != prev_end
                pos += _rune_width(b, pos) or 1
            else:
                pos = e
            prev_end = e
            if accept:
                out.append(m)
        return out

    def find_all(self, s: str, n: int) -> list[str]:
        """Go's FindAllString: up to N matches (all if N < 0)."""
        b = _text(s)
        return [b[m[0][0] : m[0][1]].decode("utf-8", "surrogatepass") for m in self._all(b, n)]

    def _replace(self, s: str, repl: Callable[[bytes, Spans], bytes]) -> str:
        """Go's replaceAll: each match replaced, except an empty one right after a match."""
        b = _text(s)
        out: list[bytes] = []
        end = len(b)
        last = 0
        pos = 0
        while pos <= end:
            m = self._search(b, pos)
            if m is None:
                break
            a, e = m[0]
            out.append(b[last:a])
            if e > last or a == 0:
                out.append(repl(b, m))
            last = e
            width = _rune_width(b, pos)
            pos = pos + width if pos + width > e else pos + 1 if pos + 1 > e else e
        out.append(b[last:])
        return b"".join(out).decode("utf-8", "surrogatepass")

    def replace_all(self, s: str, template: str) -> str:
        """Go's ReplaceAllString: each match replaced by TEMPLATE with $1/${name} expanded."""
        if "$" not in template:
            return self.replace_all_literal(s, template)
        return self._replace(s, lambda b, m: _text(self.expand(template, b, m)))

    def replace_all_literal(self, s: str, repl: str) -> str:
        """Go's ReplaceAllLiteralString: each match replaced by REPL as it stands."""
        r = _text(repl)
        return self._replace(s, lambda b, m: r)

    def expand(self, template: str, b: bytes, m: Spans) -> str:
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
            group = self._group(name)
            if group >= 0 and m[group][0] >= 0:
                out.append(b[m[group][0] : m[group][1]].decode("utf-8", "surrogatepass"))

    def _group(self, name: str) -> int:
        """The group that $NAME names: a number (no leading zero), else the first of that name."""
        if name.isascii() and name.isdigit() and (name == "0" or name[0] != "0") and len(name) <= 8:
            num = int(name)
            return num if num < len(self.names) else -1
        try:
            return self.names.index(name)
        except ValueError:
            return -1

    def split(self, s: str, n: int) -> list[str]:
        """Go's Regexp.Split: S cut around the matches into at most N pieces (all if N < 0)."""
        if n == 0:
            return []
        if self.expr and not s:
            return [""]
        b = _text(s)
        pieces: list[bytes] = []
        beg = end = 0
        for m in self._all(b, n):
            if n > 0 and len(pieces) == n - 1:
                break
            end = m[0][0]
            if m[0][1] != 0:
                pieces.append(b[beg:end])
            beg = m[0][1]
        if end != len(b):
            pieces.append(b[beg:])
        return [p.decode("utf-8", "surrogatepass") for p in pieces]


def compile_go(expr: str) -> Regexp:
    """Compile EXPR with Go's syntax and meaning. Raises RegexpError as Go's regexp.Compile
    fails (ERR_LARGE where RE2's program would pass its larger memory budget), or
    UnsupportedRegexp where RE2 refuses what Go accepts."""
    rx = _compile(expr)
    return rx if rx is not None else _compile_large(expr)


class UnsupportedRegexp(Exception):
    """Valid Go syntax whose translation RE2 refuses (a bug in the translation)."""


# RE2's memory budget for one compiled expression (program and DFA cache). The default is
# kept for the many small expressions a chart uses; an expression that needs more (\pL{1000}
# is 1.2 million instructions; Go accepts it) gets the large budget, in a small cache of its own.
_MAX_MEM = 8 << 20
_MAX_MEM_LARGE = 64 << 20


@lru_cache(maxsize=512)
def _compile(expr: str) -> Regexp | None:
    """EXPR compiled within the default budget, or None when it needs more."""
    return _build(expr, _MAX_MEM)


@lru_cache(maxsize=8)
def _compile_large(expr: str) -> Regexp:
    rx = _build(expr, _MAX_MEM_LARGE)
    if rx is None:
        raise RegexpError(ERR_LARGE, expr)
    return rx


def _build(expr: str, max_mem: int) -> Regexp | None:
    text, names = translate(expr)
    from re2 import _re2  # here, not at import: loading RE2 costs start-up time

    options = _re2.RE2.Options()
    options.log_errors = False  # RE2 would print each refused pattern on stderr
    options.max_mem = max_mem
    prog = _re2.RE2(text.encode(), options)
    if not prog.ok():
        err = prog.error().decode()
        if err.startswith("pattern too large"):
            return None
        raise UnsupportedRegexp(f"RE2 cannot compile the translation: {err}")
    return Regexp(expr, tuple(names), prog.Match, _re2.RE2.Anchor.UNANCHORED)


def panic_message(expr: str, err: RegexpError) -> str:
    """What Go's regexp.MustCompile panics with: ``regexp: Compile(`EXPR`): MESSAGE``."""
    shown = f"`{expr}`" if can_backquote(expr) else quote(expr)
    return f"regexp: Compile({shown}): {err}"


_META = re.compile(r"([\\.+*?()|\[\]{}^$])")


def quote_meta(s: str) -> str:
    """Go's regexp.QuoteMeta: a backslash before each of ``\\.+*?()|[]{}^$``."""
    return _META.sub(r"\\\1", s)
