"""Function and method calls of compiled templates: Go's evalCall, evalArg and validateType.

A :class:`Site` stands for one call in the template text. Generated code evaluates the arguments
and hands their values to the site; the site finds the function by name in the executing set
(functions are looked up at run time, as in Go), checks the count of arguments, converts them as
Go's reflection does for the function's signature (untyped constants take the parameter's type,
values must already have it) and calls it. The conversion plan depends only on the signature, so
a site keeps the plan of the last function it called (compiled templates stay shareable: the
cache is an atomic tuple and plans are pure).

Messages are Go's: ``wrong number of args for X: want 2 got 1``, ``expected integer; found 1.5``,
``wrong type for value; expected string; got int``, ``invalid value; expected string``,
``error calling X: ...``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from chartist.gotemplate.exec import IFACE, NOVALUE, RAW, Func, Loc, State, call_error, fail, invoke
from chartist.gotemplate.fmt import quote
from chartist.gotemplate.nodes import BoolNode, NilNode, Node, NumberNode, StringNode
from chartist.gotemplate.values import BYTES, MAP, SLICE, STRINGS, GoFunc, Int64, StrSlice, Uint64, type_name

__all__ = ["Arg", "Site", "ideal_constant", "is_literal"]

Plan = Callable[[State, Callable[..., Any], tuple[Any, ...]], Any]
# (argument index, operation, operand, where): where is a Loc, None, or for a checked argument
# (Loc, Loc of Go's node when the value is no value)
_Op = tuple[int, int, Any, Any]

_LITERALS = (BoolNode, NilNode, NumberNode, StringNode)
_NILLABLE_PREFIXES = ("[]", "map[", "*", "func(", "chan ")
_INTS = frozenset(("int", "int8", "int16", "int32", "int64"))
_UINTS = frozenset(("uint", "uint8", "uint16", "uint32", "uint64", "uintptr"))
_FLOATS = frozenset(("float32", "float64"))
_COMPLEXES = frozenset(("complex64", "complex128"))


def is_literal(node: Node) -> bool:
    """A constant whose conversion depends on the parameter it is passed to."""
    return isinstance(node, _LITERALS)


def _is_hex_int(s: str) -> bool:
    return len(s) > 2 and s[0] == "0" and s[1] in "xX" and "p" not in s and "P" not in s


def ideal_constant(node: NumberNode) -> tuple[bool, Any]:
    """Go's idealConstant: (True, value) or (False, message) for a number without a known type."""
    if node.is_complex:
        return True, node.complex_value
    t = node.text
    if node.is_float and not _is_hex_int(t) and not t.startswith("'") and any(c in t for c in ".eEpP"):
        return True, node.float_value
    if node.is_int:
        return True, node.int_value
    if node.is_uint:
        return False, f"{t} overflows int"
    return True, NOVALUE


def _can_be_nil(t: str) -> bool:
    return t in IFACE or t == RAW or t.startswith(_NILLABLE_PREFIXES)


def _typed_constant(node: Node, t: str) -> tuple[bool, Any]:
    """Go's evalArg for a literal NODE passed to a parameter of type T."""
    if t in IFACE or t == RAW:
        if isinstance(node, NilNode):
            return True, (None if t in IFACE else NOVALUE)
        if isinstance(node, NumberNode):
            return ideal_constant(node)
        if isinstance(node, BoolNode):
            return True, node.value
        assert isinstance(node, StringNode)
        return True, node.text
    if isinstance(node, NilNode):
        if _can_be_nil(t):
            return True, None
        return False, f"cannot assign nil to {t}"
    if t == "bool":
        if isinstance(node, BoolNode):
            return True, node.value
        return False, f"expected bool; found {node}"
    if t == "string":
        if isinstance(node, StringNode):
            return True, node.text
        return False, f"expected string; found {node}"
    if t in _INTS:
        if isinstance(node, NumberNode) and node.is_int:
            return True, (Int64(node.int_value) if t == "int64" else node.int_value)
        return False, f"expected integer; found {node}"
    if t in _UINTS:
        if isinstance(node, NumberNode) and node.is_uint:
            return True, (Uint64(node.uint_value) if t == "uint64" else node.uint_value)
        return False, f"expected unsigned integer; found {node}"
    if t in _FLOATS:
        if isinstance(node, NumberNode) and node.is_float:
            return True, node.float_value
        return False, f"expected float; found {node}"
    if t in _COMPLEXES:
        if isinstance(node, NumberNode) and node.is_complex:
            return True, node.complex_value
        return False, f"expected complex; found {node}"
    return False, f"can't handle {node} for arg of type {t}"


def check_value(st: State, v: Any, t: str, loc: Loc | None) -> Any:
    """Go's validateType of a computed value V for a parameter of type T (not interface {})."""
    if v is NOVALUE:
        if _can_be_nil(t):
            return None
        fail(st, loc, f"invalid value; expected {t}")
    if v is None:
        fail(st, loc, f"wrong type for value; expected {t}; got interface {{}}")
    vt = type_name(v)
    if vt != t:
        fail(st, loc, f"wrong type for value; expected {t}; got {vt}")
    return v


class Arg:
    """One argument of a call: a literal node (converted per parameter) or a computed value.

    ``loc`` is where Go's state points after evaluating it (None: known only at run time).
    ``ideal`` is the value generated code passes for a literal (its untyped-constant value).
    ``dug``: the value comes out of a pipeline, where Go digs nil out of its interface, so None
    stands for no value (generated code leaves that conversion to the rare paths that need it).
    ``alt``: the node of Go's messages when the value is no value (see compile_expr.receiver_loc).
    """

    __slots__ = ("alt", "dug", "ideal", "loc", "node", "text")

    def __init__(
        self, node: Node | None, loc: Loc | None, text: str, ideal: Any = None, dug: bool = False
    ) -> None:
        self.node = node
        self.loc = loc
        self.text = text
        self.ideal = ideal
        self.dug = dug
        # where Go is when the value is no value because a method's receiver was (no call made)
        self.alt: Loc | None = None


_SET, _ERR, _IFACE, _CHECK, _DIG = 0, 1, 2, 3, 4


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and (a is b or a == b)


class Site:
    """A call of function ``name`` (or of a method) with these arguments, at these nodes.

    ``aloc``: Go's state node when the argument count is checked; ``nloc``: the node of
    ``error calling``; ``iloc``: the identifier, for ``not a defined function``.
    """

    __slots__ = ("aloc", "args", "cache", "has_final", "iloc", "name", "nloc", "plans")

    def __init__(
        self,
        name: str,
        args: tuple[Arg, ...],
        has_final: bool,
        aloc: Loc | None,
        nloc: Loc | None,
        iloc: Loc | None,
    ) -> None:
        self.name = name
        self.args = args  # the final (piped) value, when there is one, is the last Arg
        self.has_final = has_final
        self.aloc = aloc
        self.nloc = nloc
        self.iloc = iloc
        self.cache: tuple[Any, Plan | None] = (None, None)
        self.plans: dict[Any, Plan] = {}

    def call(self, st: State, *vals: Any) -> Any:
        """Call the set's function ``name`` with the values of the arguments."""
        p = st.funcs.get(self.name)
        if p is None:
            fail(st, self.iloc, f"{quote(self.name)} is not a defined function")
        c = self.cache
        if c[0] is p:
            return c[1](st, p.fn, vals)  # type: ignore[misc]
        plan = self.plans.get(p.sig)
        if plan is None or p.builtin == "call":
            plan = self._plan(p.params, p.variadic, p.builtin == "call", p.name)
            self.plans[p.sig] = plan
        self.cache = (p, plan)
        return plan(st, p.fn, vals)

    def method(self, st: State, m: GoFunc, *vals: Any) -> Any:
        """Call the bound method M (found at run time on the receiver)."""
        key = (m.params, m.variadic)
        plan = self.plans.get(key)
        if plan is None:
            plan = self.plans[key] = self._plan(m.params, m.variadic, False, self.name)
        return plan(st, m.fn, vals)

    def early(self, st: State, k: int, vals: tuple[Any, ...]) -> None:
        """Evaluating argument K failed: raise first what Go raises before evaluating it.

        Go checks the count of arguments before evaluating any, and the type of each argument
        as soon as it is evaluated; VALS are the values of arguments 0..K-1. Returns when Go
        would have got as far (the caller re-raises the original error).
        """
        p = st.funcs.get(self.name)
        if p is not None and p.builtin != "call":
            self._early(st, p.params, p.variadic, p.name, k, vals)

    def early_method(self, st: State, m: GoFunc, k: int, vals: tuple[Any, ...]) -> None:
        """:meth:`early` for a call of the bound method M."""
        self._early(st, m.params, m.variadic, self.name, k, vals)

    def _early(
        self, st: State, params: tuple[str, ...], variadic: bool, name: str, k: int, vals: tuple[Any, ...]
    ) -> None:
        num_in = len(self.args)
        n = len(params)
        if (variadic and num_in < n - 1) or (not variadic and num_in != n):
            self._plan(params, variadic, False, name)(st, _no_call, ())
        for i in range(k):
            a = self.args[i]
            t = params[i] if not variadic or i < n - 1 else params[-1]
            if a.node is not None:
                ok, v = _typed_constant(a.node, t)
                if not ok:
                    fail(st, a.loc, v)
            elif t not in IFACE and t != RAW:
                v = vals[i]
                if a.dug and v is None:
                    v = NOVALUE
                check_value(st, v, t, a.alt if v is NOVALUE and a.alt is not None else a.loc)

    def _plan(self, params: tuple[str, ...], variadic: bool, is_call: bool, name: str) -> Plan:
        args = self.args
        num_in = len(args)
        nargs = num_in - self.has_final
        n = len(params)
        if (variadic and num_in < n - 1) or (not variadic and num_in != n):
            if variadic:
                msg = f"wrong number of args for {name}: want at least {n - 1} got {nargs}"
            else:
                msg = f"wrong number of args for {name}: want {n} got {num_in}"
            return _raiser(self.aloc, msg)
        ops: list[_Op] = []
        has_iface = has_raw = False
        for i, a in enumerate(args):
            t = params[i] if not variadic or i < n - 1 else params[-1]
            if a.node is not None:
                ok, v = _typed_constant(a.node, t)
                if not ok:
                    ops.append((i, _ERR, v, a.loc))
                elif not _same(v, a.ideal):
                    ops.append((i, _SET, v, None))
            elif t in IFACE:
                ops.append((i, _IFACE, None, None))
                has_iface = True
            elif t == RAW:
                has_raw = True
                if a.dug:
                    ops.append((i, _DIG, None, None))
            else:
                if a.dug:
                    ops.append((i, _DIG, None, None))
                ops.append((i, _CHECK, t, a.loc if a.alt is None else (a.loc, a.alt)))
        nloc = self.nloc
        if is_call:
            return _call_plan(self, ops, nloc)
        all_iface = has_iface and not has_raw and all(op[1] == _IFACE for op in ops) and len(ops) == num_in
        return _make_plan(ops, all_iface, name, nloc)


def _make_plan(ops: list[_Op], all_iface: bool, name: str, nloc: Loc | None) -> Plan:
    """The fastest plan for OPS: values that already have the parameter's exact type (the
    common case) are passed through after one class test each; anything else takes the general
    conversion with Go's errors."""

    def general(st: State, fn: Callable[..., Any], vals: tuple[Any, ...]) -> Any:
        return invoke(st, fn, _convert(st, ops, vals), name, nloc)

    checks: list[tuple[int, type]] = []
    ifaces: list[int] = []
    digs: list[int] = []
    for i, op, x, _ in ops:
        if op == _IFACE:
            ifaces.append(i)
        elif op == _CHECK and x in _FAST_CLASS:
            checks.append((i, _FAST_CLASS[x]))
        elif op == _DIG:
            digs.append(i)
        else:
            return general
    if all_iface:  # every argument is interface {}: only no-value needs converting

        def iface_plan(st: State, fn: Callable[..., Any], vals: tuple[Any, ...]) -> Any:
            for v in vals:
                if v is NOVALUE:
                    return general(st, fn, vals)
            try:
                return fn(*vals)
            except Exception as e:
                call_error(st, e, name, nloc)

        return iface_plan
    if len(checks) == 1 and not ifaces and not digs:
        ((ci, ccls),) = checks

        def check1_plan(st: State, fn: Callable[..., Any], vals: tuple[Any, ...]) -> Any:
            if vals[ci].__class__ is not ccls:
                return general(st, fn, vals)
            try:
                return fn(*vals)
            except Exception as e:
                call_error(st, e, name, nloc)

        return check1_plan
    tchecks, tifaces, tdigs = tuple(checks), tuple(ifaces), tuple(digs)

    def checked_plan(st: State, fn: Callable[..., Any], vals: tuple[Any, ...]) -> Any:
        for i, cls in tchecks:
            if vals[i].__class__ is not cls:
                return general(st, fn, vals)
        for i in tifaces:
            if vals[i] is NOVALUE:
                return general(st, fn, vals)
        for i in tdigs:
            if vals[i] is None:
                return general(st, fn, vals)
        try:
            return fn(*vals)
        except Exception as e:
            call_error(st, e, name, nloc)

    return checked_plan


_FAST_CLASS: dict[str, type] = {
    "string": str,
    "int": int,
    "int64": Int64,
    "uint64": Uint64,
    "float64": float,
    "bool": bool,
    MAP: dict,
    SLICE: list,
    STRINGS: StrSlice,
    BYTES: bytes,
}


def _convert(st: State, ops: list[_Op], vals: tuple[Any, ...]) -> list[Any]:
    argv = list(vals)
    for i, op, x, loc in ops:
        if op == _IFACE:
            if argv[i] is NOVALUE:
                argv[i] = None
        elif op == _CHECK:
            if type(loc) is tuple:  # (loc, where Go is when the value is no value)
                loc = loc[1] if argv[i] is NOVALUE else loc[0]
            argv[i] = check_value(st, argv[i], x, loc)
        elif op == _DIG:
            if argv[i] is None:
                argv[i] = NOVALUE
        elif op == _SET:
            argv[i] = x
        else:
            fail(st, loc, x)
    return argv


def _no_call(*args: Any) -> Any:
    raise AssertionError("an arity error plan does not call")


def _raiser(loc: Loc | None, msg: str) -> Plan:
    def plan(st: State, fn: Callable[..., Any], vals: tuple[Any, ...]) -> Any:
        fail(st, loc, msg)

    return plan


def _call_plan(site: Site, ops: list[_Op], nloc: Loc | None) -> Plan:
    from chartist.gotemplate.builtins import _callee_name

    first = site.args[0] if len(site.args) > site.has_final else None

    def plan(st: State, fn: Callable[..., Any], vals: tuple[Any, ...]) -> Any:
        argv = _convert(st, ops, vals)
        callee = first.text if first is not None and first.text else _callee_name(argv[0])
        return invoke(st, fn, [callee, *argv], "call", nloc)

    return plan


def func_of(st: State, name: str) -> Func | None:
    return st.funcs.get(name)
