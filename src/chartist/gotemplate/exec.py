"""What compiled templates run on: per-execution state and the helpers generated code calls.

Hand-written to follow Go's ``text/template/exec.go`` (``evalField``, ``evalCall``,
``validateType``, ``walkRange``, ``printValue``) with its exact messages; no Python template
library has Go's reflection rules. :mod:`.compile` turns a tree into Python source that calls the
helpers below; this module never sees nodes except through :class:`Loc` (a node and the name of
the text it was parsed from, for error positions).

Two kinds of nil exist while a template runs, as in Go: ``None`` is a nil ``interface {}`` (a map
value or slice element that is nil, or a missing key under ``missingkey=zero``) and
:data:`NOVALUE` is the invalid ``reflect.Value`` (what a pipeline yields for nil, a missing key
under ``missingkey=default``, ``$`` when the data is nil). They differ in messages and in field
access (``$x.a`` on an invalid value is silently empty, on a nil interface it is an error).
Functions never see :data:`NOVALUE`: arguments of type ``interface {}`` get ``None``.

State is separate from code: a :class:`State` per execution, compiled code shared and immutable.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Mapping
from typing import Any, NoReturn

from chartist.gotemplate.errors import ExecError, TemplateError
from chartist.gotemplate.fmt import format_value, quote, sprint
from chartist.gotemplate.values import (
    INTERFACE,
    FuncError,
    GoFunc,
    GoObject,
    Int64,
    StrSlice,
    Uint64,
    type_name,
)

__all__ = [
    "MAX_EXEC_DEPTH",
    "MISSING_ERROR",
    "MISSING_INVALID",
    "MISSING_ZERO",
    "NOVALUE",
    "UNSET",
    "Func",
    "Loc",
    "State",
    "call_error",
    "call_method0",
    "fail",
    "field1",
    "field2",
    "field3",
    "fieldn",
    "func_type",
    "invoke",
    "prepare",
    "print_value",
    "range_items",
    "resolve_method",
    "template_code",
]

MAX_EXEC_DEPTH = 100000
"""Go's maxExecDepth: nested {{template}} calls allowed before "exceeded maximum template depth"."""

# Template calls below this depth run with Python's normal recursion limit; deeper ones raise the
# limit for the rest of the execution (Python 3.11 keeps these frames off the C stack). Raising it
# only when needed keeps C-level recursion (json, repr) protected in ordinary templates.
_RAISE_LIMIT_AT = 200
# Python frames per nested template call at most (the template's function plus split blocks).
_FRAMES_PER_CALL = 3

MISSING_INVALID, MISSING_ZERO, MISSING_ERROR = 0, 1, 2
"""The missingkey option: default/invalid, zero, error."""

IFACE = frozenset((INTERFACE, "any", "interface{}"))
"""Parameter types that accept any value."""
RAW = "reflect.Value"
"""Parameter type of builtins that see values unconverted (NOVALUE included), as Go's reflect.Value."""


class _NoValue:
    """Go's invalid reflect.Value: falsy, prints ``<no value>``."""

    __slots__ = ()

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "<no value>"


NOVALUE: Any = _NoValue()
_MISS: Any = object()
UNSET: Any = object()
"""A template variable whose declaration was skipped (compiled code only)."""


class Loc:
    """A node and the parse name of its text: Go's ``ErrorContext`` computed on demand."""

    __slots__ = ("node", "parse_name")

    def __init__(self, parse_name: str, node: Any) -> None:
        self.parse_name = parse_name
        self.node = node

    @property
    def location(self) -> str:
        return f"{self.parse_name}:{self.node.line}:{self.node.col}"

    @property
    def context(self) -> str:
        # Go 1.2x prints the whole node (older releases cut it to 20 bytes and "...").
        return str(self.node)


class State:
    """One execution: functions and templates of the set, the option, the running template.

    ``name`` is the executing template (it changes across {{template}} calls), ``depth`` the
    number of nested template calls, ``last`` the node an ``and``/``or`` stopped at (Go's
    ``state.node`` when it can only be known at run time).
    """

    __slots__ = ("depth", "funcs", "last", "missingkey", "name", "raised", "tmpls")

    def __init__(
        self, funcs: Mapping[str, Func], tmpls: Mapping[str, Any], missingkey: int, name: str
    ) -> None:
        self.funcs = funcs
        self.tmpls = tmpls
        self.missingkey = missingkey
        self.name = name
        self.depth = 0
        self.last: Loc | None = None
        self.raised = False


def fail(st: State, loc: Loc | None, detail: str) -> NoReturn:
    """Raise Go's ExecError for the running template at LOC (``st.last`` when LOC is None)."""
    if loc is None:
        loc = st.last
    if loc is None:
        raise ExecError(st.name, detail)
    raise ExecError(
        st.name,
        detail,
        location=loc.location,
        context=loc.context,
        name=loc.parse_name,
        line=loc.node.line,
        col=loc.node.col,
    )


# ---------------------------------------------------------------------------------------------
# Functions


class Func:
    """A template function ready to call: the Python callable and its Go signature.

    ``params`` are Go type names (the last one is the element type when ``variadic``);
    ``sig`` keys call plans; ``builtin`` names Go's builtins that evalCall treats specially.
    """

    __slots__ = ("builtin", "fn", "name", "params", "raw", "sig", "variadic")

    def __init__(
        self,
        name: str,
        fn: Callable[..., Any],
        params: tuple[str, ...],
        variadic: bool,
        raw: Any,
        builtin: str = "",
    ) -> None:
        self.name = name
        self.fn = fn
        self.params = params
        self.variadic = variadic
        self.raw = raw
        self.builtin = builtin
        self.sig = (params, variadic)


_GENERIC = (INTERFACE,)


def prepare(name: str, value: Any) -> Func:
    """Make a Func from a GoFunc or a plain callable (``func(...interface {}) interface {}``)."""
    if isinstance(value, GoFunc):
        return Func(name, value.fn, value.params, value.variadic, value)
    if callable(value):
        return Func(name, value, _GENERIC, True, value)
    raise TypeError(f"value for {name} not a function")


def func_type(v: Any) -> str:
    """Go's type string of a function value, e.g. ``func(string, ...interface {}) string``."""
    if isinstance(v, GoFunc):
        ps = list(v.params)
        if v.variadic and ps:
            ps[-1] = "..." + ps[-1]
        res = f"({v.result}, error)" if v.error else v.result
        return f"func({', '.join(ps)}) {res}"
    return "func(...interface {}) interface {}"


def _is_func(v: Any) -> bool:
    return isinstance(v, GoFunc) or (callable(v) and not isinstance(v, GoObject | type))


def invoke(
    st: State, fn: Callable[..., Any], args: tuple[Any, ...] | list[Any], name: str, loc: Loc | None
) -> Any:
    """Call FN; a Go error or any escaping exception becomes ``error calling NAME: ...``."""
    try:
        return fn(*args)
    except Exception as e:
        call_error(st, e, name, loc)


def call_error(st: State, err: Exception, name: str, loc: Loc | None) -> NoReturn:
    """Raise ``error calling NAME: MSG`` for an exception that left a function."""
    if isinstance(err, FuncError | TemplateError):
        msg = str(err)
    elif isinstance(err, RecursionError):
        msg = "stack overflow (maximum recursion depth exceeded)"
    else:  # a bug in a function is still the template's error, never a traceback
        msg = str(err) or type(err).__name__
    try:
        fail(st, loc, f"error calling {name}: {msg}")
    except ExecError as x:
        raise x.with_traceback(None) from err


def _arity_error(
    st: State, loc: Loc | None, name: str, f_params: int, variadic: bool, nargs: int, num_in: int
) -> NoReturn:
    if variadic:
        fail(st, loc, f"wrong number of args for {name}: want at least {f_params - 1} got {nargs}")
    fail(st, loc, f"wrong number of args for {name}: want {f_params} got {num_in}")


def call_method0(st: State, m: GoFunc, name: str, loc: Loc | None, cloc: Loc | None) -> Any:
    """Call method M with no arguments (a field chain step), as Go's evalCall does."""
    n = len(m.params)
    if (m.variadic and n - 1 > 0) or (not m.variadic and n != 0):
        _arity_error(st, loc, name, n, m.variadic, 0, 0)
    return invoke(st, m.fn, (), name, cloc)


# ---------------------------------------------------------------------------------------------
# Fields: .A.B on maps, structs (GoObject) and methods


def _missing(st: State, name: str, loc: Loc | None) -> Any:
    mk = st.missingkey
    if mk == MISSING_ZERO:
        return None
    if mk == MISSING_ERROR:
        fail(st, loc, f"map has no entry for key {quote(name)}")
    return NOVALUE


def _field(
    st: State, recv: Any, iface: bool, name: str, loc: Loc | None, cloc: Loc | None
) -> tuple[Any, bool]:
    """Go's evalField without arguments; returns the value and whether its static type is interface {}."""
    if recv is NOVALUE:
        if st.missingkey == MISSING_ERROR:
            fail(st, loc, f"nil data; no entry for key {quote(name)}")
        return NOVALUE, False
    if recv is None:
        fail(st, loc, f"nil pointer evaluating interface {{}}.{name}")
    gm = getattr(recv, "go_method", None)
    if gm is not None:
        m = gm(name)
        if m is not None:
            return call_method0(st, m, name, loc, cloc), m.result == INTERFACE
    if isinstance(recv, GoObject):
        if recv.go_kind == "map":
            if isinstance(recv, Mapping):  # a named map type: its keys after its methods
                v = recv.get(name, _MISS)
                if v is _MISS:
                    v = _missing(st, name, loc)
                    if v is None:
                        v = recv.go_elem_zero
                return v, recv.go_elem_iface
            try:
                return recv.go_field(name), True
            except KeyError:
                return _missing(st, name, loc), True
        try:
            return recv.go_field(name), False
        except KeyError:
            pass
    elif isinstance(recv, Mapping):
        v = recv.get(name, _MISS)
        if v is _MISS:
            v = _missing(st, name, loc)
        return v, True
    fail(st, loc, f"can't evaluate field {name} in type {'interface {}' if iface else type_name(recv)}")


def field1(
    st: State, recv: Any, name: str, loc: Loc | None, iface: bool = False, cloc: Loc | None = None
) -> Any:
    """``recv.name``: a map key, a struct field or the result of a method without arguments.

    LOC is Go's node for errors, CLOC the node of ``error calling`` (LOC when None); IFACE says
    RECV's static type is interface {} (for "can't evaluate field" messages).
    """
    if recv.__class__ is dict:
        v = recv.get(name, _MISS)
        if v is _MISS:
            return _missing(st, name, loc)
        return v
    return _field(st, recv, iface, name, loc, cloc or loc)[0]


def field2(
    st: State, recv: Any, n1: str, n2: str, loc: Loc | None, iface: bool = False, cloc: Loc | None = None
) -> Any:
    """``recv.n1.n2`` (the commonest chain, unrolled)."""
    if recv.__class__ is dict:
        v = recv.get(n1, _MISS)
        if v is _MISS:
            v = _missing(st, n1, loc)
        iface = True
    else:
        v, iface = _field(st, recv, iface, n1, loc, cloc or loc)
    if v.__class__ is dict:
        r = v.get(n2, _MISS)
        if r is _MISS:
            return _missing(st, n2, loc)
        return r
    return _field(st, v, iface, n2, loc, cloc or loc)[0]


def field3(
    st: State,
    recv: Any,
    n1: str,
    n2: str,
    n3: str,
    loc: Loc | None,
    iface: bool = False,
    cloc: Loc | None = None,
) -> Any:
    """``recv.n1.n2.n3`` (``.Values.image.tag``), unrolled for maps."""
    if recv.__class__ is dict:
        v = recv.get(n1, _MISS)
        if v.__class__ is dict:
            v = v.get(n2, _MISS)
            if v.__class__ is dict:
                r = v.get(n3, _MISS)
                if r is not _MISS:
                    return r
    return fieldn(st, recv, (n1, n2, n3), loc, iface, cloc)


def fieldn(
    st: State,
    recv: Any,
    names: tuple[str, ...],
    loc: Loc | None,
    iface: bool = False,
    cloc: Loc | None = None,
) -> Any:
    """``recv.a.b.c...`` for any number of names."""
    for name in names:
        if recv.__class__ is dict:
            v = recv.get(name, _MISS)
            recv = _missing(st, name, loc) if v is _MISS else v
            iface = True
        else:
            recv, iface = _field(st, recv, iface, name, loc, cloc or loc)
    return recv


def resolve_method(
    st: State,
    recv: Any,
    names: tuple[str, ...],
    loc: Loc | None,
    iface: bool = False,
    cloc: Loc | None = None,
) -> Any:
    """``recv.a.b.M`` followed by arguments: the bound method M, or NOVALUE (invalid receiver).

    Raises Go's errors when the last name is a map key or a struct field, not a method.
    """
    cloc = cloc or loc
    for name in names[:-1]:
        if recv.__class__ is dict:
            v = recv.get(name, _MISS)
            recv = _missing(st, name, loc) if v is _MISS else v
            iface = True
        else:
            recv, iface = _field(st, recv, iface, name, loc, cloc)
    name = names[-1]
    if recv is NOVALUE:
        if st.missingkey == MISSING_ERROR:
            fail(st, loc, f"nil data; no entry for key {quote(name)}")
        return NOVALUE
    if recv is None:
        fail(st, loc, f"nil pointer evaluating interface {{}}.{name}")
    gm = getattr(recv, "go_method", None)
    if gm is not None:
        m = gm(name)
        if m is not None:
            return m
    if isinstance(recv, GoObject) and recv.go_kind != "map":
        if name in recv.go_fields:
            fail(st, loc, f"{name} has arguments but cannot be invoked as function")
    elif isinstance(recv, Mapping | GoObject):
        fail(st, loc, f"{name} is not a method but has arguments")
    fail(st, loc, f"can't evaluate field {name} in type {'interface {}' if iface else type_name(recv)}")


# ---------------------------------------------------------------------------------------------
# Printing, ranging, template calls


def print_value(st: State, v: Any, loc: Loc) -> str:
    """What the action ``{{ v }}`` writes (the caller has written str values already)."""
    if v is NOVALUE or v is None:
        return "<no value>"
    c = v.__class__
    if c is int or c is Int64 or c is Uint64:
        return int.__repr__(v)
    if c is bool:
        return "true" if v else "false"
    if _is_func(v):
        fail(st, loc, f"can't print {loc.node} of type {func_type(v)}")
    return format_value(v)


def _sorted_keys(m: Mapping[Any, Any]) -> list[Any]:
    try:
        return sorted(m)
    except TypeError:  # mixed key types cannot come from Go; order them stably anyway
        return sorted(m, key=lambda k: (type(k).__name__, str(k)))


def range_items(st: State, v: Any, two: bool, loc: Loc | None) -> tuple[Any, bool]:
    """Go's walkRange over V: (pairs of index/key and element, or None for no iteration;
    whether elements have static type interface {})."""
    c = v.__class__
    if c is list:
        return (enumerate(v) if v else None), True
    if c is dict:
        if not v:
            return None, True
        return [(k, v[k]) for k in _sorted_keys(v)], True
    if c is int or c is Int64 or c is Uint64:
        if two:
            fail(st, loc, f"can't use {int.__repr__(v)} to iterate over more than one variable")
        if v <= 0:
            return None, False
        if c is int:
            return zip(range(v), range(v), strict=True), False
        return [(c(i), c(i)) for i in range(v)], False
    if v is NOVALUE or v is None:
        return None, False
    if isinstance(v, StrSlice | bytes | bytearray):
        return (enumerate(v) if v else None), False
    if isinstance(v, GoObject) and v.go_kind in ("map", "slice") and isinstance(v, Mapping | list):
        if not v:
            return None, v.go_elem_iface
        if isinstance(v, Mapping):
            return [(k, v[k]) for k in _sorted_keys(v)], v.go_elem_iface
        return enumerate(v), v.go_elem_iface
    if isinstance(v, list | tuple):
        return (enumerate(v) if v else None), True
    if isinstance(v, Mapping):
        if not v:
            return None, True
        return [(k, v[k]) for k in _sorted_keys(v)], True
    # Go prints the value it got after following pointers, with %v: a struct reached through a
    # pointer is addressable (all its methods count), a struct value is a copy (no pointer methods)
    shown = format_value(v) if isinstance(v, GoObject) and v.go_kind == "ptr" else sprint(v)
    fail(st, loc, f"range can't iterate over {shown}")


def template_code(st: State, name: str, loc: Loc) -> Callable[[State, Any, Callable[[str], Any]], None]:
    """The compiled body of template NAME for a {{template}} call, after Go's checks."""
    t = st.tmpls.get(name)
    code: Callable[[State, Any, Callable[[str], Any]], None] | None = None if t is None else t.code()
    if code is None:
        fail(st, loc, f"template {quote(name)} not defined")
    if st.depth >= _RAISE_LIMIT_AT:
        if st.depth >= MAX_EXEC_DEPTH:
            fail(st, loc, f"exceeded maximum template depth ({MAX_EXEC_DEPTH})")
        if not st.raised:
            raise_recursion_limit()
            st.raised = True
    return code


_limit_lock = threading.Lock()
_limit_users = 0
_limit_saved = 0


def raise_recursion_limit() -> None:
    """Let this execution nest MAX_EXEC_DEPTH template calls; undone by restore_recursion_limit."""
    global _limit_users, _limit_saved
    depth = 0
    f = sys._getframe()
    while f is not None:
        depth += 1
        f = f.f_back  # type: ignore[assignment]
    need = depth + _FRAMES_PER_CALL * MAX_EXEC_DEPTH + 10000
    with _limit_lock:
        if _limit_users == 0:
            _limit_saved = sys.getrecursionlimit()
        _limit_users += 1
        if sys.getrecursionlimit() < need:
            sys.setrecursionlimit(need)


def restore_recursion_limit() -> None:
    global _limit_users
    with _limit_lock:
        _limit_users -= 1
        if _limit_users == 0:
            sys.setrecursionlimit(_limit_saved)
