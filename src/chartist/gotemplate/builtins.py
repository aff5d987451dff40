"""Go text/template's builtin functions, with Go's results and error messages.

Hand-written after Go's ``text/template/funcs.go``: ``and or not len index slice eq ne lt le gt
ge print printf println html js urlquery call``. Functions whose Go parameters are
``reflect.Value`` see values as the executor holds them (:data:`~.exec.NOVALUE` included, so
``len`` can tell Go's two nils apart); the others get plain values. Errors are raised as
:class:`~.values.FuncError`; the executor adds ``error calling NAME:``. ``and``/``or`` short-circuit
in compiled code (``evalCall``'s special case); their entries here serve calls through ``call``
and the function map.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chartist.gotemplate.exec import IFACE, NOVALUE, RAW, Func, func_type, prepare
from chartist.gotemplate.fmt import format_value, sprint, sprintf, sprintln
from chartist.gotemplate.values import (
    INTERFACE,
    STRING,
    FuncError,
    GoFunc,
    GoObject,
    Int64,
    StrSlice,
    Uint64,
    type_name,
)

__all__ = [
    "BUILTINS",
    "builtin_call",
    "eq",
    "ge",
    "gt",
    "html_escape",
    "index",
    "js_escape",
    "le",
    "length",
    "lt",
    "ne",
    "slice",
    "truth",
    "url_query_escape",
]


def truth(v: Any) -> bool:
    """Go's truth (isTrue) for any executor value: Python's truth agrees on the whole value model."""
    return bool(v)


def _iface(v: Any) -> Any:
    """Go's indirectInterface: both nils become the invalid value (None here)."""
    return None if v is NOVALUE else v


# Comparisons ----------------------------------------------------------------------------------

_BOOL, _INT, _FLOAT, _COMPLEX, _STRING, _UINT = 1, 2, 3, 4, 5, 6


def _basic(v: Any) -> int:
    c = v.__class__
    if c is str:
        return _STRING
    if c is int or c is Int64:
        return _INT
    if c is Uint64:
        return _UINT
    if c is float:
        return _FLOAT
    if c is bool:
        return _BOOL
    if c is complex:
        return _COMPLEX
    if isinstance(v, str):
        return _STRING
    if isinstance(v, bool):
        return _BOOL
    if isinstance(v, Uint64):
        return _UINT
    if isinstance(v, int):
        return _INT
    if isinstance(v, float):
        return _FLOAT
    return 0


def _kind(v: Any) -> str:
    if isinstance(v, GoObject):
        return v.go_kind
    if isinstance(v, Mapping):
        return "map"
    if isinstance(v, list | tuple | bytes | bytearray):
        return "slice"
    return "func" if callable(v) else "struct"


def _comparable(v: Any) -> bool:
    k = _kind(v)
    return k not in ("map", "slice", "func")


_SAME_KIND_FAST = frozenset((str, int, float, bool))


def eq(arg1: Any, *args: Any) -> bool:
    """``arg1 == a || arg1 == b ...`` on basic kinds; nil equals only nil."""
    if len(args) == 1 and arg1.__class__ is args[0].__class__ and arg1.__class__ in _SAME_KIND_FAST:
        return bool(arg1 == args[0])
    a1 = _iface(arg1)
    if not args:
        raise FuncError("missing argument for comparison")
    k1 = _basic(a1)
    for arg in args:
        a = _iface(arg)
        k2 = _basic(a)
        if k1 != k2:
            if k1 + k2 == _INT + _UINT and k1 * k2 == _INT * _UINT:  # signed and unsigned compare
                truth = a1 == a
            elif a1 is not None and a is not None:
                raise FuncError(f"incompatible types for comparison: {type_name(a1)} and {type_name(a)}")
            else:
                truth = False
        elif k1:
            truth = a1 == a
        else:
            if a1 is not None and a is not None and _kind(a1) != _kind(a):
                raise FuncError(
                    f"non-comparable types {sprintf('%s', a1)}: {type_name(a1)}, {type_name(a)}: {sprintf('%v', a)}"
                )
            if a1 is None or a is None:
                truth = a1 is None and a is None
            else:
                if not _comparable(a):
                    raise FuncError(f"non-comparable type {sprintf('%s', a)}: {type_name(a)}")
                truth = a1 is a if _kind(a) == "ptr" else (type(a1) is type(a) and a1 == a)
        if truth:
            return True
    return False


def ne(arg1: Any, arg2: Any) -> bool:
    return not eq(arg1, arg2)


def lt(arg1: Any, arg2: Any) -> bool:
    """``arg1 < arg2`` on ints, floats and strings of the same kind."""
    a1, a2 = _iface(arg1), _iface(arg2)
    k1 = _basic(a1)
    if not k1:
        raise FuncError("invalid type for comparison")
    k2 = _basic(a2)
    if not k2:
        raise FuncError("invalid type for comparison")
    if k1 != k2:
        if {k1, k2} == {_INT, _UINT}:  # signed and unsigned compare by value
            return bool(a1 < a2)
        raise FuncError(f"incompatible types for comparison: {type_name(a1)} and {type_name(a2)}")
    if k1 == _BOOL or k1 == _COMPLEX:
        raise FuncError("invalid type for comparison")
    return bool(a1 < a2)


def le(arg1: Any, arg2: Any) -> bool:
    return lt(arg1, arg2) or eq(arg1, arg2)


def gt(arg1: Any, arg2: Any) -> bool:
    return not le(arg1, arg2)


def ge(arg1: Any, arg2: Any) -> bool:
    return not lt(arg1, arg2)


# Indexing, slicing, length ---------------------------------------------------------------------


def _index_arg(index: Any, cap: int) -> int:
    if index is None or index is NOVALUE:
        raise FuncError("cannot index slice/array with nil")
    if index.__class__ is bool or not isinstance(index, int):
        raise FuncError(f"cannot index slice/array with type {type_name(index)}")
    x = int(index)
    if x < 0 or x > cap:
        raise FuncError(f"index out of range: {x}")
    return x


def _byte_str(s: str) -> bytes:
    return s.encode("utf-8", "surrogateescape")


def index(item: Any, *indexes: Any) -> Any:
    """``index x 1 2`` is ``x[1][2]`` on maps, slices and strings (a string yields a byte)."""
    item = _iface(item)
    if item is None:
        raise FuncError("index of untyped nil")
    for ix in indexes:
        ix = _iface(ix)
        if item is None:
            raise FuncError("index of nil pointer")
        if isinstance(item, str):
            b = item if item.isascii() else _byte_str(item)
            x = _index_arg(ix, len(b))
            if x == len(b):
                raise FuncError("reflect: string index out of range")
            item = ord(b[x]) if isinstance(b, str) else b[x]
        elif isinstance(item, list | tuple | bytes | bytearray):
            x = _index_arg(ix, len(item))
            if x == len(item):
                raise FuncError("reflect: slice index out of range")
            item = item[x]
        elif isinstance(item, Mapping):
            if ix is None:
                raise FuncError("value is nil; should be of type string")
            if not isinstance(ix, str):
                raise FuncError(f"value has type {type_name(ix)}; should be string")
            if isinstance(item, GoObject):  # a named map type: a missing key is its zero value
                item = item.get(ix, item.go_elem_zero)
            else:
                item = item.get(ix)
        else:
            raise FuncError(f"can't index item of type {type_name(item)}")
    return item


def slice(item: Any, *indexes: Any) -> Any:
    """``slice x 1 2`` is ``x[1:2]``; ``slice x 1 2 3`` is ``x[1:2:3]`` (strings: bytes)."""
    item = _iface(item)
    if item is None:
        raise FuncError("slice of untyped nil")
    if len(indexes) > 3:
        raise FuncError(f"too many slice indexes: {len(indexes)}")
    if isinstance(item, str):
        if len(indexes) == 3:
            raise FuncError("cannot 3-index slice a string")
        seq: Any = item if item.isascii() else _byte_str(item)
    elif isinstance(item, list | tuple | bytes | bytearray):
        seq = item
    else:
        raise FuncError(f"can't slice item of type {type_name(item)}")
    cap = len(seq)
    idx = [0, cap, 0]
    for i, ix in enumerate(indexes):
        idx[i] = _index_arg(_iface(ix), cap)
    if idx[0] > idx[1]:
        raise FuncError(f"invalid slice index: {idx[0]} > {idx[1]}")
    if len(indexes) == 3 and idx[1] > idx[2]:
        raise FuncError(f"invalid slice index: {idx[1]} > {idx[2]}")
    out = seq[idx[0] : idx[1]]
    if isinstance(out, bytes) and isinstance(item, str):
        return out.decode("utf-8", "surrogateescape")
    if isinstance(item, StrSlice):
        return StrSlice(out)
    return out


def length(item: Any) -> int:
    """Go's len: bytes of a string, elements of a slice or map."""
    if item is NOVALUE:
        raise FuncError("reflect: call of reflect.Value.Type on zero Value")
    if item is None:
        raise FuncError("len of nil pointer")
    if isinstance(item, str):
        return len(item) if item.isascii() else len(_byte_str(item))
    if isinstance(item, list | tuple | Mapping | bytes | bytearray):
        return len(item)
    if isinstance(item, GoObject) and item.go_kind in ("map", "slice"):
        try:
            return len(item)  # type: ignore[arg-type]
        except TypeError:
            pass
    raise FuncError(f"len of type {type_name(item)}")


def not_(arg: Any) -> bool:
    return not arg


def and_(arg0: Any, *args: Any) -> Any:
    """The first false argument, or the last one."""
    if not arg0:
        return arg0
    for arg0 in args:
        if not arg0:
            break
    return arg0


def or_(arg0: Any, *args: Any) -> Any:
    """The first true argument, or the last one."""
    if arg0:
        return arg0
    for arg0 in args:
        if arg0:
            break
    return arg0


# Escaping -------------------------------------------------------------------------------------


def _eval_args(args: tuple[Any, ...]) -> str:
    """Sprint of the arguments, nil printing as ``<no value>`` (Go's evalArgs)."""
    if len(args) == 1 and isinstance(args[0], str):
        return args[0]
    return sprint(*("<no value>" if a is None else a for a in args))


_HTML = {"\0": "\ufffd", '"': "&#34;", "'": "&#39;", "&": "&amp;", "<": "&lt;", ">": "&gt;"}
_HTML_TABLE = str.maketrans(_HTML)


def html_escape(s: str) -> str:
    """Go's HTMLEscapeString."""
    return s.translate(_HTML_TABLE)


def html(*args: Any) -> str:
    return html_escape(_eval_args(args))


_JS = {"\\": "\\\\", "'": "\\'", '"': '\\"', "<": "\\u003C", ">": "\\u003E", "&": "\\u0026", "=": "\\u003D"}


def js_escape(s: str) -> str:
    """Go's JSEscapeString: quotes and <>&= escaped, control and unprintable runes as \\uXXXX."""
    out: list[str] = []
    for ch in s:
        c = ord(ch)
        if ch in _JS:
            out.append(_JS[ch])
        elif c < 0x20:
            out.append(f"\\u{c:04X}")
        elif c < 0x80 or (0xDC80 <= c <= 0xDCFF) or _is_print(c):
            out.append(ch)
        else:
            out.append(f"\\u{c:04X}")
    return "".join(out)


def _is_print(c: int) -> bool:
    from chartist.gotemplate.fmt import is_print

    return is_print(c)


def js(*args: Any) -> str:
    s = _eval_args(args)
    if s.isascii() and s.isprintable() and not any(ch in _JS for ch in s):
        return s
    return js_escape(s)


_URL_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")


def url_query_escape(s: str) -> str:
    """Go's url.QueryEscape: space as +, everything but letters, digits and -_.~ as %XX."""
    out: list[str] = []
    for b in _byte_str(s):
        if b in _URL_SAFE:
            out.append(chr(b))
        elif b == 0x20:
            out.append("+")
        else:
            out.append(f"%{b:02X}")
    return "".join(out)


def urlquery(*args: Any) -> str:
    return url_query_escape(_eval_args(args))


# call -----------------------------------------------------------------------------------------

_INT_TYPES = frozenset(
    ("int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64")
)
_NILLABLE_PREFIXES = ("[]", "map[", "*", "func(", "chan ")


def _can_be_nil(t: str) -> bool:
    return t in IFACE or t == RAW or t.startswith(_NILLABLE_PREFIXES)


def _prepare_arg(v: Any, t: str) -> Any:
    if v is None:
        if not _can_be_nil(t):
            raise FuncError(f"value is nil; should be of type {t}")
        return None
    if t in IFACE or t == RAW:
        return v
    vt = type_name(v)
    if vt == t:
        return v
    if vt in _INT_TYPES and t in _INT_TYPES:
        return Int64(v) if t == "int64" else Uint64(v) if t == "uint64" else int(v)
    raise FuncError(f"value has type {vt}; should be {t}")


def builtin_call(name: str, fn: Any, *args: Any) -> Any:
    """Go's ``call``: NAME is the text of the function argument, for messages."""
    fn = _iface(fn)
    if fn is None:
        raise FuncError("call of nil")
    if isinstance(fn, GoFunc):
        params, variadic = fn.params, fn.variadic
    elif callable(fn) and not isinstance(fn, GoObject | type):
        params, variadic = (INTERFACE,), True
    else:
        raise FuncError(f"non-function {name} of type {type_name(fn)}")
    n = len(params)
    if variadic:
        if len(args) < n - 1:
            raise FuncError(f"wrong number of args for {name}: got {len(args)} want at least {n - 1}")
    elif len(args) != n:
        raise FuncError(f"wrong number of args for {name}: got {len(args)} want {n}")
    argv = []
    for i, a in enumerate(args):
        t = params[i] if not variadic or i < n - 1 else params[-1]
        try:
            argv.append(_prepare_arg(_iface(a), t))
        except FuncError as e:
            raise FuncError(f"arg {i}: {e}") from None
    return fn(*argv)


def _callee_name(v: Any) -> str:
    """reflect.Value.String() of a function value, the name ``call`` reports without an argument."""
    return f"<{func_type(v)} Value>" if callable(v) else format_value(v)


# The table -------------------------------------------------------------------------------------


def _b(name: str, fn: Any, params: tuple[str, ...], variadic: bool, special: str = "") -> Func:
    f = prepare(name, GoFunc(fn, params, variadic, INTERFACE, False, name))
    f.builtin = special or name
    return f


BUILTINS: dict[str, Func] = {
    "and": _b("and", and_, (RAW, RAW), True),
    "or": _b("or", or_, (RAW, RAW), True),
    "not": _b("not", not_, (RAW,), False),
    "len": _b("len", length, (RAW,), False),
    "index": _b("index", index, (RAW, RAW), True),
    "slice": _b("slice", slice, (RAW, RAW), True),
    "call": _b("call", builtin_call, (RAW, RAW), True),
    "eq": _b("eq", eq, (RAW, RAW), True),
    "ne": _b("ne", ne, (RAW, RAW), False),
    "lt": _b("lt", lt, (RAW, RAW), False),
    "le": _b("le", le, (RAW, RAW), False),
    "gt": _b("gt", gt, (RAW, RAW), False),
    "ge": _b("ge", ge, (RAW, RAW), False),
    "print": _b("print", sprint, (INTERFACE,), True),
    "printf": _b("printf", sprintf, (STRING, INTERFACE), True),
    "println": _b("println", sprintln, (INTERFACE,), True),
    "html": _b("html", html, (INTERFACE,), True),
    "js": _b("js", js, (INTERFACE,), True),
    "urlquery": _b("urlquery", urlquery, (INTERFACE,), True),
}
"""Go's builtins by name; a set's own functions of the same names take precedence."""
