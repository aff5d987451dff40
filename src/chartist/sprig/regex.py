"""Sprig's regular expression functions (docs/strings.md, "Regular Expressions").

Expressions use Go's RE2 syntax and meaning (:mod:`.goregexp`: Go's checks, RE2's linear-time
matching, Go's match loops). The plain functions compile with ``regexp.MustCompile``, so a bad
expression fails the render with ``regexp: Compile(`EXPR`): error parsing regexp: ...``
(``regexMatch`` alone answers false); the ``must`` variants return Go's error,
``error parsing regexp: ...``. Argument order puts the string last so that
``.x | regexFind "[0-9]+"`` reads well.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from chartist.gotemplate.values import FuncError, GoFunc, NilStrSlice, StrSlice, gofunc
from chartist.sprig.goregexp import (
    Regexp,
    RegexpError,
    UnsupportedRegexp,
    compile_go,
    panic_message,
    quote_meta,
)

__all__ = ["FUNCS"]

_S = "string"


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
    return rx.match(s)


def _find_all(expr: str, s: str, n: int, must: bool) -> StrSlice:
    found = _compile(expr, must).find_all(s, n)
    return StrSlice(found) if found else NilStrSlice()  # Go's FindAllString: nil for no match


def _find(expr: str, s: str, must: bool) -> str:
    return _compile(expr, must).find(s)


def _replace_all(expr: str, s: str, repl: str, must: bool) -> str:
    return _compile(expr, must).replace_all(s, repl)


def _replace_all_literal(expr: str, s: str, repl: str, must: bool) -> str:
    return _compile(expr, must).replace_all_literal(s, repl)


def _split(expr: str, s: str, n: int, must: bool) -> StrSlice:
    rx = _compile(expr, must)
    return StrSlice(rx.split(s, n)) if n != 0 else NilStrSlice()  # Go's Split(s, 0) is nil


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
