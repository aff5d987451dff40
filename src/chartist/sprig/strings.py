"""Sprig's string functions (docs/strings.md and string_slice.md), as Helm v4 ships them.

Go strings are bytes: ``trunc``, ``substr``, ``abbrev``, ``abbrevboth`` and ``wrap`` count and
cut bytes, so cutting inside a multi-byte character leaves invalid UTF-8, which this module
keeps as surrogate escapes (the convention of :mod:`chartist.gotemplate.strconv`).
``nospace`` and ``initials`` are goutils functions that walk bytes and write each kept byte as
the rune of the same number, so non-ASCII text comes out re-encoded as Latin-1 (``é`` becomes
``Ã©``) exactly as in Helm. Go's out-of-range slicing panics; text/template reports a panic as
the function's error, so these raise FuncError with Go's runtime message.

Helm runs ``repeat 10000000000 "x"`` or ``indent 1000000000 .x`` until it runs out of memory;
here a result longer than :data:`MAX_STRING_LEN` is refused with a FuncError instead. The
case-changing functions live in :mod:`.casing` and are merged into :data:`FUNCS`.
"""

from __future__ import annotations

import random
from typing import Any

from chartist.gotemplate.fmt import sprint
from chartist.gotemplate.strconv import from_utf8, to_utf8
from chartist.gotemplate.strconv import quote as go_quote
from chartist.gotemplate.values import FuncError, GoFunc, StrMap, StrSlice, gofunc
from chartist.sprig import casing
from chartist.sprig.conversion import strslice, strval
from chartist.sprig.gounicode import SPACES, go_runes
from chartist.sprig.gounicode import lower as go_lower
from chartist.sprig.gounicode import upper as go_upper

__all__ = ["FUNCS", "MAX_STRING_LEN", "check_len"]

# The longest string these functions build, in characters (bytes, for ASCII text). Kubernetes
# refuses objects over ~1.5 MiB and Helm's own chart limits are 5 MiB per file and 100 MiB per
# chart, so no installable output needs more; a runaway repeat/indent stops here quickly
# instead of exhausting memory.
MAX_STRING_LEN = 100 * 1024 * 1024

_rng = random.SystemRandom()
_ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_DIGITS = "0123456789"
_ASCII = "".join(map(chr, range(32, 127)))
# Bytes that unicode.IsSpace accepts when goutils turns a single byte into a rune.
_BYTE_SPACES = b"\t\n\v\f\r \x85\xa0"


def check_len(n: int) -> None:
    """Raise FuncError when a result of N characters would exceed :data:`MAX_STRING_LEN`."""
    if n > MAX_STRING_LEN:
        raise FuncError(f"result of {n} characters exceeds chartist's limit of {MAX_STRING_LEN} characters")


def _negative_repeat() -> FuncError:
    return FuncError("strings: negative Repeat count")


@gofunc(result="string")
def hello() -> str:
    """Sprig's test function."""
    return "Hello!"


@gofunc("string", result="string")
def trim(s: str) -> str:
    """``strings.TrimSpace`` (Go's white space, not Python's)."""
    return s.strip(SPACES)


@gofunc("string", "string", result="string")
def trim_all(cutset: str, s: str) -> str:
    """``strings.Trim(s, cutset)``: trimAll and its deprecated alias trimall."""
    return s.strip(cutset) if cutset else s


@gofunc("string", "string", result="string")
def trim_prefix(prefix: str, s: str) -> str:
    """``strings.TrimPrefix(s, prefix)``."""
    return s.removeprefix(prefix)


@gofunc("string", "string", result="string")
def trim_suffix(suffix: str, s: str) -> str:
    """``strings.TrimSuffix(s, suffix)``."""
    return s.removesuffix(suffix)


@gofunc("string", result="string")
def upper(s: str) -> str:
    """``strings.ToUpper``: one rune to one rune (``ß`` stays)."""
    return go_upper(s)


@gofunc("string", result="string")
def lower(s: str) -> str:
    """``strings.ToLower``: one rune to one rune (``Σ`` is always ``σ``)."""
    return go_lower(s)


def _slice_error(text: str) -> FuncError:
    return FuncError("runtime error: slice bounds out of range " + text)


@gofunc("int", "int", "string", result="string")
def substr(start: int, end: int, s: str) -> str:
    """Sprig's substring, in bytes: ``s[:end]`` if start < 0, ``s[start:]`` if end < 0 or past
    the end, else ``s[start:end]``; Go's slice panic (a FuncError) when bounds are wrong."""
    ascii_ = s.isascii()
    b: str | bytes = s if ascii_ else to_utf8(s)
    n = len(b)
    if start < 0:
        if end < 0:
            raise _slice_error(f"[:{end}]")
        if end > n:
            raise _slice_error(f"[:{end}] with length {n}")
        start = 0
    elif end < 0 or end > n:
        if start > n:
            raise _slice_error(f"[{start}:{n}]")
        end = n
    elif start > end:
        raise _slice_error(f"[{start}:{end}]")
    if ascii_:
        return s[start:end]
    return from_utf8(b[start:end])  # type: ignore[arg-type]


@gofunc("int", "string", result="string")
def trunc(c: int, s: str) -> str:
    """Sprig's trunc, in bytes: the first C bytes, or the last -C bytes when C is negative."""
    ascii_ = s.isascii()
    b: str | bytes = s if ascii_ else to_utf8(s)
    n = len(b)
    if c < 0 and n + c > 0:
        part = b[n + c :]
    elif c >= 0 and n > c:
        part = b[:c]
    else:
        return s
    return part if ascii_ else from_utf8(part)  # type: ignore[return-value,arg-type]


def _abbreviate_full(b: bytes, offset: int, width: int) -> bytes:
    """goutils AbbreviateFull on bytes, for WIDTH >= 4 (callers ensure it)."""
    n = len(b)
    if n <= width:
        return b
    offset = min(offset, n)
    if n - offset < width - 3:
        offset = n - (width - 3)
    if offset <= 4:
        return b[: width - 3] + b"..."
    if width < 7:
        return b""  # goutils' error; Sprig drops it and keeps the empty result
    if offset + width - 3 < n:
        return b"..." + _abbreviate_full(b[offset:], 0, width - 3)
    return b"..." + b[n - (width - 3) :]


@gofunc("int", "string", result="string")
def abbrev(width: int, s: str) -> str:
    """goutils Abbreviate: S cut to WIDTH bytes ending in "..." (unchanged if WIDTH < 4)."""
    if width < 4 or not s:
        return s
    return from_utf8(_abbreviate_full(to_utf8(s), 0, width))


@gofunc("int", "int", "string", result="string")
def abbrevboth(left: int, right: int, s: str) -> str:
    """goutils AbbreviateFull: "..." on both sides around offset LEFT, at most RIGHT bytes."""
    if right < 4 or (left > 0 and right < 7) or not s:
        return s
    return from_utf8(_abbreviate_full(to_utf8(s), left, right))


@gofunc("string", result="string")
def nospace(s: str) -> str:
    """goutils DeleteWhiteSpace: bytes that are spaces removed; the rest re-encoded as Latin-1."""
    b = to_utf8(s)
    kept = b.translate(None, _BYTE_SPACES)
    if len(kept) == len(b):
        return s
    return kept.decode("latin-1")


@gofunc("string", result="string")
def initials(s: str) -> str:
    """goutils Initials: the first byte of each space-separated word, as a Latin-1 rune."""
    out = []
    gap = True
    for c in to_utf8(s):
        if c in _BYTE_SPACES:
            gap = True
        elif gap:
            out.append(chr(c))
            gap = False
    return "".join(out)


def _random(alphabet: str, count: int) -> str:
    if count <= 0:
        return ""  # goutils reports an error for a negative count; Sprig returns ""
    check_len(count)
    return "".join(_rng.choices(alphabet, k=count))


@gofunc("int", result="string")
def rand_alpha_num(count: int) -> str:
    """COUNT random letters and digits (crypto/rand)."""
    return _random(_ALPHA + _DIGITS, count)


@gofunc("int", result="string")
def rand_alpha(count: int) -> str:
    """COUNT random ASCII letters."""
    return _random(_ALPHA, count)


@gofunc("int", result="string")
def rand_numeric(count: int) -> str:
    """COUNT random digits."""
    return _random(_DIGITS, count)


@gofunc("int", result="string")
def rand_ascii(count: int) -> str:
    """COUNT random printable ASCII characters (space to ``~``)."""
    return _random(_ASCII, count)


def _wrap(s: str, width: int, newline: str, long_words: bool) -> str:
    """goutils WrapCustom on bytes: break at the last space before WIDTH; long words whole or cut."""
    if not s:
        return ""
    b = to_utf8(s)
    nl = to_utf8(newline or "\n")
    width = max(width, 1)
    n = len(b)
    out: list[bytes] = []
    size = 0
    offset = 0
    while n - offset > width:
        if b[offset] == 0x20:
            offset += 1
            continue
        space = b.rfind(b" ", offset, width + offset + 1)
        if space >= 0:
            out += (b[offset:space], nl)
            size += space - offset
            offset = space + 1
        elif long_words:
            out += (b[offset : offset + width], nl)
            size += width
            offset += width
        else:
            space = b.find(b" ", width + offset)
            if space < 0:
                out.append(b[offset:])
                size += n - offset
                offset = n
            else:
                out += (b[offset:space], nl)
                size += space - offset
                offset = space + 1
        size += len(nl)
        check_len(size)
    out.append(b[offset:])
    return from_utf8(b"".join(out))


@gofunc("int", "string", result="string")
def wrap(width: int, s: str) -> str:
    """goutils Wrap: S wrapped at WIDTH bytes with "\\n"; long words are not broken."""
    return _wrap(s, width, "\n", False)


@gofunc("int", "string", "string", result="string")
def wrap_with(width: int, sep: str, s: str) -> str:
    """goutils WrapCustom: S wrapped at WIDTH bytes with SEP ("" means "\\n"); long words cut."""
    return _wrap(s, width, sep, True)


@gofunc("string", "string", result="bool")
def contains(substr_: str, s: str) -> bool:
    """``strings.Contains(s, substr)``."""
    return substr_ in s


@gofunc("string", "string", result="bool")
def has_prefix(prefix: str, s: str) -> bool:
    """``strings.HasPrefix(s, prefix)``."""
    return s.startswith(prefix)


@gofunc("string", "string", result="bool")
def has_suffix(suffix: str, s: str) -> bool:
    """``strings.HasSuffix(s, suffix)``."""
    return s.endswith(suffix)


@gofunc("interface {}", variadic=True, result="string")
def quote(*args: Any) -> str:
    """Each non-nil argument as a Go double-quoted string (``%q`` of its strval), space-separated."""
    if len(args) == 1:  # the usual `.x | quote`, without the join
        a = args[0]
        return "" if a is None else go_quote(a if type(a) is str else strval(a))
    return " ".join(go_quote(strval(a)) for a in args if a is not None)


@gofunc("interface {}", variadic=True, result="string")
def squote(*args: Any) -> str:
    """Each non-nil argument as ``'%v'``, space-separated (no escaping)."""
    return " ".join("'" + sprint(a) + "'" for a in args if a is not None)


@gofunc("interface {}", variadic=True, result="string")
def cat(*args: Any) -> str:
    """The non-nil arguments printed with ``%v``, joined by single spaces."""
    return " ".join(sprint(a) for a in args if a is not None)


def _indent(spaces: int, s: str) -> str:
    if spaces < 0:
        raise _negative_repeat()
    if spaces:
        check_len(len(s) + spaces * (s.count("\n") + 1))
    pad = " " * spaces
    return pad + s.replace("\n", "\n" + pad)


@gofunc("int", "string", result="string")
def indent(spaces: int, s: str) -> str:
    """Every line of S prefixed with SPACES spaces."""
    return _indent(spaces, s)


@gofunc("int", "string", result="string")
def nindent(spaces: int, s: str) -> str:
    """A newline, then :func:`indent`."""
    return "\n" + _indent(spaces, s)


@gofunc("int", "string", result="string")
def repeat(count: int, s: str) -> str:
    """``strings.Repeat(s, count)``."""
    if count < 0:
        raise _negative_repeat()
    check_len(len(s) * count)
    return s * count


@gofunc("string", "string", "string", result="string")
def replace(old: str, new: str, s: str) -> str:
    """``strings.Replace(s, old, new, -1)``: every OLD in S replaced by NEW."""
    if len(new) > len(old):
        count = len(s) + 1 if not old else s.count(old)
        check_len(len(s) + count * (len(new) - len(old)))
    return s.replace(old, new)


@gofunc("string", "string", "int", result="string")
def plural(one: str, many: str, count: int) -> str:
    """ONE if COUNT is 1, else MANY."""
    return one if count == 1 else many


def go_split(s: str, sep: str, n: int = -1) -> list[str]:
    """``strings.SplitN(s, sep, n)``; an empty SEP splits after each rune (or invalid byte)."""
    if n == 0:
        return []
    if not sep:
        if n < 0 or n >= len(s):
            return list(s)
        return [*s[: n - 1], s[n - 1 :]]
    return s.split(sep, n - 1 if n > 0 else -1)


@gofunc("string", "string", result="map[string]string")
def split(sep: str, s: str) -> StrMap:
    """S split at SEP, as a map with keys ``_0``, ``_1``, ..."""
    return StrMap((f"_{i}", part) for i, part in enumerate(go_split(s, sep)))


@gofunc("string", "int", "string", result="map[string]string")
def splitn(sep: str, n: int, s: str) -> StrMap:
    """S split at SEP into at most N parts, as a map with keys ``_0``, ``_1``, ..."""
    return StrMap((f"_{i}", part) for i, part in enumerate(go_split(s, sep, n)))


@gofunc("string", "string", result="[]string")
def split_list(sep: str, s: str) -> StrSlice:
    """``strings.Split(s, sep)`` as a []string."""
    return StrSlice(go_split(s, sep))


@gofunc("string", "interface {}", result="string")
def join(sep: str, v: Any) -> str:
    """The strings of V (see toStrings) joined with SEP."""
    return sep.join(strslice(v))


@gofunc("string", result="string")
def shuffle(s: str) -> str:
    """The runes of S in random order (xstrings Shuffle)."""
    runes = list(go_runes(s))
    random.shuffle(runes)
    return "".join(runes)


FUNCS: dict[str, GoFunc] = {
    "abbrev": abbrev,
    "abbrevboth": abbrevboth,
    "cat": cat,
    "contains": contains,
    "hasPrefix": has_prefix,
    "hasSuffix": has_suffix,
    "hello": hello,
    "indent": indent,
    "initials": initials,
    "join": join,
    "lower": lower,
    "nindent": nindent,
    "nospace": nospace,
    "plural": plural,
    "quote": quote,
    "randAlpha": rand_alpha,
    "randAlphaNum": rand_alpha_num,
    "randAscii": rand_ascii,
    "randNumeric": rand_numeric,
    "repeat": repeat,
    "replace": replace,
    "shuffle": shuffle,
    "split": split,
    "splitList": split_list,
    "splitn": splitn,
    "squote": squote,
    "substr": substr,
    "trim": trim,
    "trimAll": trim_all,
    "trimPrefix": trim_prefix,
    "trimSuffix": trim_suffix,
    "trimall": trim_all,
    "trunc": trunc,
    "upper": upper,
    "wrap": wrap,
    "wrapWith": wrap_with,
    **casing.FUNCS,
}
