"""``--set``, ``--set-string``, ``--set-json``, ``--set-file`` and ``--set-literal`` parsing,
exactly as Helm's ``pkg/strvals`` does it.

Syntax: ``name=value`` pairs separated by commas; dots nest maps (``a.b=c``); ``a[0]=x``
and ``a[0].b=x`` index lists (missing items become null); ``{x,y}`` is a list value;
a backslash escapes the next character (``a\\.b=c`` sets the key ``a.b``). Values are typed:
``true``/``false`` in any case are booleans, ``null`` is nil, decimal integers that do not
start with ``0`` (and ``0`` itself) are :class:`~chartist.gotemplate.values.Int64`, anything
else stays a string (``--set-string`` keeps every value a string).

Helm's quirks are kept on purpose: ``a[0].b=`` at the very end of a flag leaves ``a: []``;
``a=1,a.b=2`` fails with ``unable to parse key: interface conversion: ...``; a truncated
index (``a[0``) is silently ignored; list indexes are capped at 65536 and name nesting at 30
levels. Errors are :class:`StrvalsError` with Helm's text. This is a hand-written port: no
library parses Helm's grammar, and its results and messages must match Helm's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from chartist.chart._gojson import GoJSONError, decode
from chartist.errors import ChartistError
from chartist.gotemplate.strconv import quote as go_quote
from chartist.gotemplate.strconv import quote_rune
from chartist.gotemplate.values import Int64, type_name

__all__ = [
    "MAX_INDEX",
    "MAX_NESTED_NAME_LEVEL",
    "StrvalsError",
    "parse",
    "parse_file",
    "parse_into",
    "parse_into_file",
    "parse_into_string",
    "parse_json",
    "parse_literal",
    "parse_literal_into",
    "parse_string",
]

# Security limits from Helm: list indexes (a huge index would allocate a huge list) and
# the depth of dotted names.
MAX_INDEX = 65536
MAX_NESTED_NAME_LEVEL = 30

_INT = re.compile(r"[+-]?[0-9]+")
_GO_SPACE = frozenset(
    "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)


class StrvalsError(ChartistError):
    """A malformed ``--set``-style expression; str() is Helm's message."""

    def __init__(self, message: str, *, eof: bool = False) -> None:
        super().__init__(message)
        self.eof = eof  # Go's error wraps io.EOF, which ends parsing without an error


class _EOF:
    """Go's io.EOF: the normal end of the input."""


EOF = _EOF()
_Err = StrvalsError | _EOF | None
_NOT_LIST = object()  # Go's ErrNotList


class _Panic(Exception):
    """A Go runtime panic (failed type assertion), recovered as ``unable to parse key``."""


def _go_type(v: Any) -> str:
    """The dynamic type a failed Go type assertion names (``nil`` for a nil interface)."""
    return "nil" if v is None else type_name(v)


def _as_list(v: Any) -> list[Any]:
    if type(v) is list:
        return v
    raise _Panic(f"interface conversion: interface {{}} is {_go_type(v)}, not []interface {{}}")


def _as_map(v: Any) -> dict[str, Any]:
    if isinstance(v, dict):
        return v
    raise _Panic(f"interface conversion: interface {{}} is {_go_type(v)}, not map[string]interface {{}}")


def _atoi(s: str) -> int:
    """Go's strconv.Atoi; StrvalsError with its message."""
    if not _INT.fullmatch(s):
        raise StrvalsError(f"strconv.Atoi: parsing {go_quote(s)}: invalid syntax")
    n = int(s)
    if not -(2**63) <= n < 2**63:
        raise StrvalsError(f"strconv.Atoi: parsing {go_quote(s)}: value out of range")
    return n


def typed_value(v: str, strings: bool = False) -> Any:
    """Helm's typedVal: the Go value of a ``--set`` value (see the module docstring)."""
    if strings:
        return v
    folded = v.replace("\u017f", "s").lower() if len(v) in (4, 5) else ""  # Go's EqualFold
    if folded == "true":
        return True
    if folded == "false":
        return False
    if folded == "null":
        return None
    if v == "0":
        return Int64(0)
    if v and v[0] != "0" and _INT.fullmatch(v):
        n = int(v)
        if -(2**63) <= n < 2**63:
            return Int64(n)
    return v


def _set(data: dict[str, Any], key: str, val: Any) -> None:
    if key:
        data[key] = val


def _set_index(lst: list[Any], index: int, val: Any) -> list[Any]:
    if index < 0:
        raise StrvalsError(f"negative {index} index not allowed")
    if index > MAX_INDEX:
        raise StrvalsError(f"index of {index} is greater than maximum supported index of {MAX_INDEX}")
    if len(lst) <= index:
        lst = lst + [None] * (index + 1 - len(lst))  # a new list, as Go's append-by-copy
    lst[index] = val
    return lst


def _runes(r: str) -> str:
    """Go's %q of a []rune: ``['a' 'b']``."""
    return "[" + " ".join(quote_rune(ord(c)) for c in r) + "]"


class _Parser:
    """One flag's parse (Helm's parser / literalParser) over the text S into DATA."""

    def __init__(
        self,
        s: str,
        data: dict[str, Any],
        reader: Callable[[str], Any] | None,
        *,
        json: bool = False,
        literal: bool = False,
    ) -> None:
        self.s, self.i, self.data = s, 0, data
        self.reader = reader
        self.json = json
        self.literal = literal

    # --- scanning ---------------------------------------------------------------------

    def until(self, stop: str) -> tuple[str, str | None]:
        """Go's runesUntil: text up to a STOP character (consumed); last is None at EOF."""
        s, i, n = self.s, self.i, len(self.s)
        out: list[str] = []
        while i < n:
            c = s[i]
            i += 1
            if c in stop:
                self.i = i
                return "".join(out), c
            if c == "\\" and not self.literal:
                if i >= n:
                    self.i = i
                    return "".join(out), None
                out.append(s[i])
                i += 1
                continue
            out.append(c)
        self.i = i
        return "".join(out), None

    def key_index(self) -> int:
        v, last = self.until("]")
        if last is None:
            raise StrvalsError("error parsing index: EOF", eof=True)
        try:
            return _atoi(v)
        except StrvalsError as err:
            raise StrvalsError(f"error parsing index: {err}") from None

    def empty_val(self) -> bool:
        """Skip spaces; True (consuming it) at a comma or the end, else False."""
        while self.i < len(self.s):
            c = self.s[self.i]
            self.i += 1
            if c == ",":
                return True
            if c not in _GO_SPACE:
                self.i -= 1
                return False
        return True

    def val_list(self) -> list[Any] | object:
        """A ``{a,b}`` list; _NOT_LIST when the value is not one; EOF at the end."""
        if self.i >= len(self.s):
            return EOF
        if self.s[self.i] != "{":
            return _NOT_LIST
        self.i += 1
        out: list[Any] = []
        while True:
            rs, last = self.until(",}")
            if last is None:
                raise StrvalsError("list must terminate with '}'")
            if last == "}":
                if self.i < len(self.s) and self.s[self.i] == ",":
                    self.i += 1
                out.append(self.read(rs))
                return out
            out.append(self.read(rs))

    def read(self, rs: str) -> Any:
        assert self.reader is not None
        return self.reader(rs)

    def json_value(self) -> Any:
        try:
            value, self.i = decode(self.s, self.i)
        except GoJSONError as err:
            raise StrvalsError(str(err)) from None
        return value

    # --- grammar --------------------------------------------------------------------------

    def parse(self) -> None:
        while True:
            err = self.key(self.data, 0)
            if err is None:
                continue
            if err is EOF or (isinstance(err, StrvalsError) and err.eof):
                return
            assert isinstance(err, StrvalsError)
            raise err

    def key(self, data: dict[str, Any], level: int) -> _Err:
        """Helm's parser.key: one assignment into DATA; a panic becomes an error."""
        try:
            return self._key(data, level)
        except _Panic as p:
            return StrvalsError(f"unable to parse key: {p}")
        except StrvalsError as err:
            return err

    def _key(self, data: dict[str, Any], level: int) -> _Err:
        k, last = self.until("=[." if self.literal else "=[,.")
        if last is None:
            if not k:
                return EOF
            return StrvalsError(f"key {go_quote(k)} has no value")
        if last == "[":
            i = self.key_index()
            lst = _as_list(data[k]) if k in data else []
            lst, err = self.list_item(lst, i, level)
            _set(data, k, lst)
            return err
        if last == "=":
            return self.assign(data, k)
        if last == ",":
            _set(data, k, "")
            return StrvalsError(f"key {go_quote(k)} has no value (cannot end with ,)")
        level += 1
        if level > MAX_NESTED_NAME_LEVEL:
            return StrvalsError(
                f"value name nested level is greater than maximum supported nested level of {MAX_NESTED_NAME_LEVEL}"
            )
        inner = _as_map(data[k]) if k in data else {}
        err = self.key(inner, level)
        if err is None and not inner:
            return StrvalsError(f"key map {go_quote(k)} has no value")
        if inner:
            _set(data, k, inner)
        return err

    def assign(self, data: dict[str, Any], k: str) -> _Err:
        """The value after ``k=``."""
        if self.literal:
            _set(data, k, self.s[self.i :])
            self.i = len(self.s)
            return None
        if self.json:
            if self.empty_val():
                _set(data, k, None)
                return None
            _set(data, k, self.json_value())
            self.empty_val()
            return None
        vl = self.val_list()
        if vl is EOF:
            _set(data, k, "")
            return EOF
        if vl is _NOT_LIST:
            rs, _ = self.until(",")
            _set(data, k, self.read(rs))
            return None
        _set(data, k, vl)
        return None

    def list_item(self, lst: list[Any], i: int, level: int) -> tuple[list[Any], _Err]:
        """Helm's listItem, with nested ``[i][j]`` indexes walked iteratively."""
        frames: list[tuple[list[Any], int]] = []
        while True:
            if i < 0:
                return (frames[0][0] if frames else lst), StrvalsError(f"negative {i} index not allowed")
            k, last = self.until("[.=")
            if k:
                return (frames[0][0] if frames else lst), StrvalsError(
                    f"unexpected data at end of array index: {_runes(k)}"
                )
            if last is None:
                return (frames[0][0] if frames else lst), EOF
            if last != "[":
                break
            try:
                next_i = self.key_index()
            except StrvalsError as err:
                return (frames[0][0] if frames else lst), err
            current: list[Any] = []
            if len(lst) > i and lst[i] is not None:
                current = _as_list(lst[i])
            frames.append((lst, i))
            lst, i = current, next_i
        outcome: _Err
        try:
            if last == "=":
                leaf, outcome = self.list_value(lst, i)
            else:
                leaf, outcome = self.list_map(lst, i, level)
        except StrvalsError as failure:
            return (frames[0][0] if frames else lst), failure
        if outcome is not None:  # an error, or the io.EOF of a trailing "a[0].b="
            return (frames[0][0] if frames else leaf), outcome
        try:
            for outer, idx in reversed(frames):
                leaf = _set_index(outer, idx, leaf)
        except StrvalsError as failure:
            return frames[0][0], failure
        return leaf, None

    def list_value(self, lst: list[Any], i: int) -> tuple[list[Any], _Err]:
        """The value after ``[i]=``."""
        if self.literal:
            value = self.s[self.i :]
            self.i = len(self.s)
            return _set_index(lst, i, value), None
        if self.json:
            if self.empty_val():
                return _set_index(lst, i, None), None
            lst = _set_index(lst, i, self.json_value())
            self.empty_val()
            return lst, None
        vl = self.val_list()
        if vl is EOF:
            return _set_index(lst, i, ""), None
        if vl is _NOT_LIST:
            rs, _ = self.until(",")
            return _set_index(lst, i, self.read(rs)), None
        return _set_index(lst, i, vl), None

    def list_map(self, lst: list[Any], i: int, level: int) -> tuple[list[Any], _Err]:
        """The map after ``[i].``: an existing map item is updated in place."""
        inner: dict[str, Any] = {}
        if len(lst) > i:
            if isinstance(lst[i], dict):
                inner = lst[i]
            else:
                lst[i] = inner  # indices out of order: start a fresh map
        err = self.key(inner, level)
        if err is not None:
            return lst, err
        return _set_index(lst, i, inner), None


def _typed(strings: bool) -> Callable[[str], Any]:
    return lambda rs: typed_value(rs, strings)


def parse(s: str) -> dict[str, Any]:
    """``--set S``: a new map; raises StrvalsError."""
    out: dict[str, Any] = {}
    _Parser(s, out, _typed(False)).parse()
    return out


def parse_string(s: str) -> dict[str, Any]:
    """``--set-string S``: every value a string; raises StrvalsError."""
    out: dict[str, Any] = {}
    _Parser(s, out, _typed(True)).parse()
    return out


def parse_into(s: str, dest: dict[str, Any]) -> None:
    """``--set S`` merged into DEST in place (later keys overwrite); raises StrvalsError."""
    _Parser(s, dest, _typed(False)).parse()


def parse_into_string(s: str, dest: dict[str, Any]) -> None:
    """``--set-string S`` merged into DEST in place; raises StrvalsError."""
    _Parser(s, dest, _typed(True)).parse()


def parse_json(s: str, dest: dict[str, Any]) -> None:
    """``--set-json S`` (``key=<json>`` pairs) merged into DEST; an empty value is null.

    Numbers become floats. Raises StrvalsError (Helm's CLI reports only
    ``failed parsing --set-json data S``).
    """
    _Parser(s, dest, None, json=True).parse()


def parse_file(s: str, reader: Callable[[str], Any]) -> dict[str, Any]:
    """``--set-file S``: each value is the path READER turns into the value."""
    out: dict[str, Any] = {}
    _Parser(s, out, reader).parse()
    return out


def parse_into_file(s: str, dest: dict[str, Any], reader: Callable[[str], Any]) -> None:
    """``--set-file S`` merged into DEST; READER(path) gives each value (its errors propagate)."""
    _Parser(s, dest, reader).parse()


def parse_literal(s: str) -> dict[str, Any]:
    """``--set-literal S``: one ``name=value``, the value taken verbatim (commas included)."""
    out: dict[str, Any] = {}
    _Parser(s, out, None, literal=True).parse()
    return out


def parse_literal_into(s: str, dest: dict[str, Any]) -> None:
    """``--set-literal S`` merged into DEST; raises StrvalsError."""
    _Parser(s, dest, None, literal=True).parse()
