"""Sprig's regular expression functions (docs/strings.md, "Regular Expressions").

Expressions use Go's RE2 syntax, translated to Python patterns by :mod:`.goregex`; the match
loops here are Go's (:class:`Regexp`), because Go treats empty matches after a match otherwise
than Python's ``finditer``/``sub``, and expands ``$1``/``${name}`` by its own rules. The plain functions
compile with ``regexp.MustCompile``, so a bad expression fails the render with
``regexp: Compile(`EXPR`): error parsing regexp: ...`` (``regexMatch`` alone answers false);
the ``must`` variants return Go's error, ``error parsing regexp: ...``. Argument order puts the
string last so that ``.x | regexFind "[0-9]+"`` reads well.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from chartist.gotemplate.strconv import can_backquote, quote
from chartist.gotemplate.values import FuncError, GoFunc, StrSlice, gofunc
from chartist.sprig.goregex import RegexpError, UnsupportedRegexp, translate
from chartist.sprig.gounicode import is_digit, is_letter

__all__ = ["FUNCS", "Regexp", "compile_go"]

_S = "string"


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
    text, names = translate(expr)
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


def _compile(expr: str, must: bool) -> Regexp:
    """The compiled EXPR; FuncError with Go's message for the must (error) or plain (panic) form."""
    try:
        return compile_go(expr)
    except RegexpError as err:
        raise FuncError(str(err) if must else panic_message(expr, err)) from None
    except UnsupportedRegexp as err:
        raise FuncError(f"regexp {expr!r}: {err}") from None


def _match(expr: str, s: str, must: bool) -> bool:
    try:
        rx = compile_go(expr)
    except RegexpError as err:
        if must:
            raise FuncError(str(err)) from None
        return False  # regexp.MatchString's error is dropped
    except UnsupportedRegexp as err:
        raise FuncError(f"regexp {expr!r}: {err}") from None
    return rx.pattern.search(s) is not None


def _find_all(expr: str, s: str, n: int, must: bool) -> StrSlice:
    return StrSlice(m.group() for m in _compile(expr, must).find_all(s, n))


def _find(expr: str, s: str, must: bool) -> str:
    m = _compile(expr, must).pattern.search(s)
    return "" if m is None else m.group()


def _replace_all(expr: str, s: str, repl: str, must: bool) -> str:
    rx = _compile(expr, must)
    if "$" not in repl:
        return rx.replace_all(s, lambda m: repl)
    return rx.replace_all(s, lambda m: rx.expand(repl, m))


def _replace_all_literal(expr: str, s: str, repl: str, must: bool) -> str:
    return _compile(expr, must).replace_all(s, lambda m: repl)


def _split(expr: str, s: str, n: int, must: bool) -> StrSlice:
    return StrSlice(_compile(expr, must).split(s, n))


def _pair(fn: Callable[..., Any], *params: str, result: str) -> tuple[GoFunc, GoFunc]:
    """The plain and the must GoFunc over FN(..., must)."""

    def plain(*args: Any) -> Any:
        return fn(*args, False)

    def must(*args: Any) -> Any:
        return fn(*args, True)

    plain.__name__ = must.__name__ = fn.__name__.lstrip("_")
    return (
        gofunc(*params, result=result)(plain),
        gofunc(*params, result=result, error=True)(must),
    )


regex_match, must_regex_match = _pair(_match, _S, _S, result="bool")
regex_find_all, must_regex_find_all = _pair(_find_all, _S, _S, "int", result="[]string")
regex_find, must_regex_find = _pair(_find, _S, _S, result=_S)
regex_replace_all, must_regex_replace_all = _pair(_replace_all, _S, _S, _S, result=_S)
regex_replace_all_literal, must_regex_replace_all_literal = _pair(_replace_all_literal, _S, _S, _S, result=_S)
regex_split, must_regex_split = _pair(_split, _S, _S, "int", result="[]string")


@gofunc(_S, result=_S)
def regex_quote_meta(s: str) -> str:
    """S with every regular expression metacharacter escaped."""
    return quote_meta(s)


FUNCS: dict[str, GoFunc] = {
    "mustRegexFind": must_regex_find,
    "mustRegexFindAll": must_regex_find_all,
    "mustRegexMatch": must_regex_match,
    "mustRegexReplaceAll": must_regex_replace_all,
    "mustRegexReplaceAllLiteral": must_regex_replace_all_literal,
    "mustRegexSplit": must_regex_split,
    "regexFind": regex_find,
    "regexFindAll": regex_find_all,
    "regexMatch": regex_match,
    "regexQuoteMeta": regex_quote_meta,
    "regexReplaceAll": regex_replace_all,
    "regexReplaceAllLiteral": regex_replace_all_literal,
    "regexSplit": regex_split,
}
