"""Code generation for pipelines: commands, arguments, calls, fields, and/or (for compile.py).

Go's evalPipeline, evalCommand, evalArg and evalCall become Python statements that leave each
value in a local. The base class here also holds what statements and expressions share: the
generated function being written (:class:`Fn`), the current dot (:class:`Dot`), template variables
as Python names (:class:`Var`, Go's variable stack resolved at compile time; only declarations in
code that may be skipped are resolved at run time) and Go's current node for error messages
(``cur``: a node, or :data:`DYN` after ``and``/``or``, then ``st.last`` at run time).
"""

from __future__ import annotations

import math
from typing import Any

from chartist.gotemplate import exec as X
from chartist.gotemplate.builtins import BUILTINS
from chartist.gotemplate.calls import Arg, Site, ideal_constant, is_literal
from chartist.gotemplate.errors import ExecError
from chartist.gotemplate.nodes import (
    BoolNode,
    ChainNode,
    CommandNode,
    DotNode,
    FieldNode,
    IdentifierNode,
    NilNode,
    Node,
    NumberNode,
    PipeNode,
    StringNode,
    Tree,
    VariableNode,
)

__all__ = ["DYN", "RUNTIME", "Dot", "ExprCompiler", "Fn", "TooDeep", "Var", "is_var"]

# In split mode, blocks deeper than this in one function move to a function of their own.
SPLIT_INDENT = 40
SPLIT_LOOPS = 10
# Beyond these a tree is compiled in split mode (Python: 100 indentation levels, 20 nested loops).
MAX_LOCAL_INDENT = 80
MAX_LOCAL_LOOPS = 16

DYN = object()
"""Go's state node known only at run time (after and/or): ``st.last``."""
DUG = object()
"""Marks an argument that is a pipeline's value (see calls.Arg.dug)."""

RUNTIME: dict[str, Any] = {
    "NOVALUE": X.NOVALUE,
    "UNSET": X.UNSET,
    "F1": X.field1,
    "F2": X.field2,
    "F3": X.field3,
    "FN": X.fieldn,
    "RM": X.resolve_method,
    "PV": X.print_value,
    "RNG": X.range_items,
    "TF": X.template_code,
    "ERR": X.fail,
    "ExecError": ExecError,
    "BAND": BUILTINS["and"],
    "BOR": BUILTINS["or"],
}
"""The names generated code uses besides its own constants."""


class TooDeep(Exception):
    """The tree nests deeper than one Python function allows: compile it in split mode."""


class Fn:
    """One generated Python function: lines, indentation, temporaries, enclosing loops."""

    def __init__(self, name: str, params: str) -> None:
        self.name = name
        self.params = params
        self.lines: list[str] = []
        self.ind = 1
        self.ntmp = 0
        self.loops = 0
        self.tries = 0  # enclosing try blocks (they count against Python's 20 nested blocks too)
        self.escapes = False  # a break/continue leaves this function as a return code

    def emit(self, line: str) -> None:
        self.lines.append("    " * self.ind + line)

    def tmp(self) -> str:
        self.ntmp += 1
        return f"_{self.ntmp}"

    def source(self) -> str:
        body = self.lines or ["    pass"]
        return f"def {self.name}({self.params}):\n" + "\n".join(body) + "\n"


class Dot:
    """The Python expressions of the current dot and of its 'static type is interface {}' flag."""

    __slots__ = ("expr", "flag")

    def __init__(self, expr: str, flag: str) -> None:
        self.expr = expr
        self.flag = flag


class Var:
    """A template variable: its Python reference, its iface flag, and, when it is declared in
    code that may be skipped (an argument after a short-circuit, a method's arguments), the
    variable of the same name it shadows: Go's variable stack then decides at run time."""

    __slots__ = ("flag", "name", "prev", "ref")

    def __init__(self, name: str, ref: str, flag: str, prev: Var | bool | None = False) -> None:
        self.name = name
        self.ref = ref
        self.flag = flag
        self.prev = prev  # False: always declared when reached; else the shadowed var (or None)


class ExprCompiler:
    """Compiles pipelines into a generated function; subclassed by compile.py for statements."""

    def __init__(self, tree: Tree, split: bool) -> None:
        self.tree = tree
        self.pn = tree.parse_name
        self.ns: dict[str, Any] = dict(RUNTIME)
        self.nconst = 0
        self.locs: dict[int, X.Loc] = {}
        self.loc_names: dict[int, str] = {}
        self.fns: list[Fn] = []
        self.scope: list[Var] = []
        self.nvars = 0
        self.split = split
        self.cond: list[tuple[Fn, int, int, list[Var]]] = []  # regions that may be skipped
        self.dollar = False  # whether $ is used

    # -- plumbing ------------------------------------------------------------------------------

    def const(self, obj: Any) -> str:
        self.nconst += 1
        name = f"K{self.nconst}"
        self.ns[name] = obj
        return name

    def loc(self, node: Node) -> X.Loc:
        loc = self.locs.get(id(node))
        if loc is None:
            loc = self.locs[id(node)] = X.Loc(self.pn, node)
        return loc

    def lx(self, cur: Any) -> str:
        """Python expression of the Loc of CUR (a node, or DYN)."""
        if cur is DYN:
            return "st.last"
        name = self.loc_names.get(id(cur))
        if name is None:
            name = self.loc_names[id(cur)] = self.const(self.loc(cur))
        return name

    def lo(self, cur: Any) -> X.Loc | None:
        return None if cur is DYN else self.loc(cur)

    def declare(self, name: str, flagged: bool = False) -> Var:
        n = self.nvars
        self.nvars += 1 + flagged
        if self.split:
            ref, flag = f"V[{n}]", (f"V[{n + 1}]" if flagged else "False")
        else:
            ref, flag = f"v{n}", (f"f{n}" if flagged else "False")
        var = Var(name, ref, flag)
        if self.cond:
            var.prev = self.lookup(name)
            self.cond[-1][3].append(var)
        self.scope.append(var)
        return var

    def begin_cond(self, fn: Fn) -> None:
        """Code emitted from here until end_cond may not run: its declarations are marked."""
        self.cond.append((fn, len(fn.lines), fn.ind, []))

    def end_cond(self) -> None:
        fn, at, ind, declared = self.cond.pop()
        if self.cond:
            self.cond[-1][3].extend(declared)
        # reset before the region, so a skipped declaration is seen as never made
        fn.lines[at:at] = ["    " * ind + f"{v.ref} = UNSET" for v in declared]

    def var_ref(self, var: Var, node: Node) -> str:
        """Python expression of VAR's value; Go's stack lookup when its declaration may be skipped."""
        if var.prev is False:
            return var.ref
        prev = var.prev
        fallback = (
            self.var_ref(prev, node)
            if isinstance(prev, Var)
            else f"ERR(st, {self.lx(node)}, {'undefined variable: ' + var.name!r})"
        )
        return f"({var.ref} if {var.ref} is not UNSET else {fallback})"

    def assign(self, fn: Fn, var: Var, val: str, cur: Any) -> None:
        """``$x = val`` to the innermost declared $x (Go's setVar)."""
        if var.prev is False:
            fn.emit(f"{var.ref} = {val}")
            if var.flag != "False":
                fn.emit(f"{var.flag} = False")
            return
        fn.emit(f"if {var.ref} is not UNSET:")
        fn.emit(f"    {var.ref} = {val}")
        fn.emit("else:")
        fn.ind += 1
        if isinstance(var.prev, Var):
            self.assign(fn, var.prev, val, cur)
        else:
            self.fail(fn, cur, f"undefined variable: {var.name}")
        fn.ind -= 1

    def lookup(self, name: str) -> Var | None:
        for var in reversed(self.scope):
            if var.name == name:
                if var is self.scope[0]:
                    self.dollar = True
                return var
        return None

    def fail(self, fn: Fn, cur: Any, msg: str) -> None:
        fn.emit(f"ERR(st, {self.lx(cur)}, {msg!r})")

    def deeper(self, fn: Fn) -> bool:
        """Whether FN is too deep for another block: a new function in split mode, else TooDeep."""
        blocks = fn.loops + fn.tries
        if fn.ind < SPLIT_INDENT and blocks < SPLIT_LOOPS:
            return False
        if self.split:
            return True
        if fn.ind >= MAX_LOCAL_INDENT or blocks >= MAX_LOCAL_LOOPS:
            raise TooDeep
        return False

    # -- pipelines and commands ------------------------------------------------------------------

    def pipe(
        self,
        fn: Fn,
        p: PipeNode,
        dot: Dot,
        cur: Any,
        range_decl: bool = False,
        dig: bool = True,
        init_decl: bool = True,
    ) -> tuple[str, Any]:
        """Go's evalPipeline: commands chained by their final argument, then declarations.

        Returns a Python expression (a local or a constant) holding the value and Go's node.
        Without DIG the caller treats nil and no value alike (printing, if, with, range), so a
        nil result may stay None.
        """
        cur = p
        val: str | None = None
        last = p.cmds[-1]
        for cmd in p.cmds:
            e, cur, maybe_nil = self.command(fn, cmd, dot, val, cur)
            if maybe_nil or not _simple(e):
                t = fn.tmp()
                fn.emit(f"{t} = {e}")
                if maybe_nil and (dig or p.decl) and cmd is last:
                    # Go digs the value out of its interface: nil becomes no value (for the
                    # next command the call site does it, see calls.Arg.dug)
                    fn.emit(f"if {t} is None: {t} = NOVALUE")
                e = t
            val = e
        assert val is not None
        for v in p.decl:
            name = v.ident[0]
            if p.is_assign:
                var = self.lookup(name)
                if var is None:
                    self.fail(fn, cur, f"undefined variable: {name}")
                    continue
                self.assign(fn, var, val, cur)
            else:
                var = self.declare(name, flagged=range_decl and v is p.decl[-1])
                if init_decl:
                    fn.emit(f"{var.ref} = {val}")
        return val, cur

    def command(
        self, fn: Fn, cmd: CommandNode, dot: Dot, final: str | None, cur: Any
    ) -> tuple[str, Any, bool]:
        """Go's evalCommand: (expression, node after it, whether it may be a nil interface)."""
        first = cmd.args[0]
        rest = cmd.args[1:]
        has_args = bool(rest) or final is not None
        t = type(first)
        if t is FieldNode:
            assert isinstance(first, FieldNode)
            if not has_args:
                return self.field_expr(dot.expr, dot.flag, first.ident, first, first), first, True
            return self.method_call(fn, dot, dot.expr, dot.flag, first.ident, rest, final, first, first)
        if t is ChainNode:
            assert isinstance(first, ChainNode)
            if isinstance(first.node, NilNode):
                self.fail(fn, first, f"indirection through explicit nil in {first}")
                return "None", first, False
            if isinstance(first.node, PipeNode):  # the receiver is the dug value
                recv, cur = self.pipe(fn, first.node, dot, first)
            else:
                recv, cur = self.arg(fn, first.node, dot, first)[:2]
            if not has_args:
                return self.field_expr(recv, "False", first.field, cur, first), cur, True
            return self.method_call(fn, dot, recv, "False", first.field, rest, final, cur, first)
        if t is IdentifierNode:
            assert isinstance(first, IdentifierNode)
            return self.func_call(fn, cmd, first, rest, final, dot)
        if t is PipeNode:
            assert isinstance(first, PipeNode)
            if has_args:
                self.fail(fn, cur, f"can't give argument to non-function {first}")
            e, cur = self.pipe(fn, first, dot, cur, dig=False)
            return e, cur, True
        if t is VariableNode:
            assert isinstance(first, VariableNode)
            var = self.lookup(first.ident[0])
            if var is None:
                self.fail(fn, first, f"undefined variable: {first.ident[0]}")
                return "None", first, False
            ref = self.var_ref(var, first)
            if len(first.ident) == 1:
                if has_args:
                    self.fail(fn, first, f"can't give argument to non-function {first}")
                return ref, first, True
            if not has_args:
                return self.field_expr(ref, var.flag, first.ident[1:], first, first), first, True
            return self.method_call(fn, dot, ref, var.flag, first.ident[1:], rest, final, first, first)
        if has_args:
            self.fail(fn, first, f"can't give argument to non-function {first}")
        if t is DotNode:
            return dot.expr, first, True
        if t is NilNode:
            self.fail(fn, first, "nil is not a command")
            return "None", first, False
        if t is BoolNode or t is StringNode:
            assert isinstance(first, BoolNode | StringNode)
            return repr(first.value if isinstance(first, BoolNode) else first.text), first, False
        if t is NumberNode:
            assert isinstance(first, NumberNode)
            ok, v = ideal_constant(first)
            if not ok:
                self.fail(fn, first, v)
                return "None", first, False
            return self.pyconst(v), first, False
        self.fail(fn, first, f"can't evaluate command {first}")
        return "None", first, False

    def pyconst(self, v: Any) -> str:
        if v is X.NOVALUE:
            return "NOVALUE"
        if type(v) in (int, bool, str) or v is None or (type(v) is float and math.isfinite(v)):
            return repr(v)
        return self.const(v)

    def field_expr(self, recv: str, flag: str, names: tuple[str, ...], cur: Any, nnode: Node) -> str:
        tail = self.loc_args(flag, cur, nnode)
        if len(names) == 1:
            return f"F1(st, {recv}, {names[0]!r}{tail})"
        if len(names) == 2:
            return f"F2(st, {recv}, {names[0]!r}, {names[1]!r}{tail})"
        if len(names) == 3:
            return f"F3(st, {recv}, {names[0]!r}, {names[1]!r}, {names[2]!r}{tail})"
        return f"FN(st, {recv}, {names!r}{tail})"

    def loc_args(self, flag: str, cur: Any, nnode: Node) -> str:
        """The ``loc, iface, cloc`` arguments of a field helper, defaults left out."""
        tail = ", " + self.lx(cur)
        if cur is not nnode:
            return f"{tail}, {flag}, {self.lx(nnode)}"
        return tail if flag == "False" else f"{tail}, {flag}"

    def method_call(
        self,
        fn: Fn,
        dot: Dot,
        recv: str,
        flag: str,
        names: tuple[str, ...],
        rest: tuple[Node, ...],
        final: str | None,
        cur: Any,
        nnode: Node,
    ) -> tuple[str, Any, bool]:
        """``recv.a.M arg...``: find method M at run time, then evaluate and pass the arguments."""
        m = fn.tmp()
        fn.emit(f"{m} = RM(st, {recv}, {names!r}{self.loc_args(flag, cur, nnode)})")
        res = fn.tmp()
        self.begin_cond(fn)  # the arguments are not evaluated when the receiver is no value
        fn.emit(f"if {m} is NOVALUE:")
        fn.emit(f"    {res} = NOVALUE")
        fn.emit("else:")
        fn.ind += 1
        k = self.const(None)
        vals, args, after = self.args(fn, rest, final, dot, cur, f"{k}.early_method(st, {m}, ")
        self.ns[k] = Site(names[-1], args, final is not None, self.lo(cur), self.loc(nnode), None)
        fn.emit(f"{res} = {k}.method(st, {m}{''.join(', ' + v for v in vals)})")
        fn.ind -= 1
        self.end_cond()
        return res, after, True

    def args(
        self, fn: Fn, rest: tuple[Node, ...], final: str | None, dot: Dot, cur: Any, early: str = ""
    ) -> tuple[list[str], tuple[Arg, ...], Any]:
        """Evaluate call arguments in order: their expressions, Arg specs, Go's node after them.

        With EARLY (the start of a call of the site's ``early``/``early_method``), an error while
        evaluating argument k first gives the site the chance to raise what Go would have
        raised before evaluating it: the count of arguments, then the types of arguments 0..k-1
        (Go checks each argument as soon as it has it). The try blocks cost nothing until then.
        """
        vals: list[str] = []
        specs: list[Arg] = []
        for k, a in enumerate(rest):
            start = len(fn.lines)
            if early:
                fn.emit("try:")
                fn.ind += 1
                fn.tries += 1
            if self.deeper(fn):
                e, cur, lit, ideal = self.arg_function(fn, a, dot, cur)
            else:
                e, cur, lit, ideal = self.arg(fn, a, dot, cur)
            if not _simple(e) or (is_var(e) and any(_assigns(b) for b in rest[k + 1 :])):
                t = fn.tmp()
                fn.emit(f"{t} = {e}")
                e = t
            if early:
                fn.ind -= 1
                fn.tries -= 1
                if len(fn.lines) == start + 1:  # nothing that can fail
                    del fn.lines[start]
                else:
                    fn.emit("except ExecError:")
                    fn.emit(f"    {early}{k}, ({''.join(v + ', ' for v in vals)}))")
                    fn.emit("    raise")
            vals.append(e)
            spec = Arg(a if lit else None, self.lo(cur), str(a), ideal, dug=ideal is DUG)
            spec.alt = self.receiver_loc(a)
            specs.append(spec)
        if final is not None:
            vals.append(final)
            specs.append(Arg(None, self.lo(cur), "", dug=True))
        return vals, tuple(specs), cur

    def receiver_loc(self, a: Node) -> X.Loc | None:
        """For ``(.a.M x)``: the node Go is at when M's receiver is no value (M was not called);
        also through fields after it, ``(.a.M x).F``."""
        if isinstance(a, ChainNode):
            return self.receiver_loc(a.node)
        if not isinstance(a, PipeNode) or not a.cmds:
            return None
        cmd = a.cmds[-1]
        first = cmd.args[0]
        if len(cmd.args) < 2 or not isinstance(first, FieldNode | ChainNode | VariableNode):
            return None
        if isinstance(first, VariableNode) and len(first.ident) < 2:
            return None
        return self.loc(first)

    def arg(self, fn: Fn, a: Node, dot: Dot, cur: Any) -> tuple[str, Any, bool, Any]:
        """Go's evalArg before type checks: (expression, node after it, is literal, literal value).

        The value of a parenthesized pipeline is left undug: its Arg says so (calls.Arg.dug).
        """
        t = type(a)
        if is_literal(a):
            if t is NumberNode:
                assert isinstance(a, NumberNode)
                ok, v = ideal_constant(a)
                v = v if ok else None
            elif t is NilNode:
                v = None
            else:
                assert isinstance(a, BoolNode | StringNode)
                v = a.value if isinstance(a, BoolNode) else a.text
            return self.pyconst(v), a, True, v
        if t is DotNode:
            return dot.expr, a, False, None
        if t is FieldNode:
            assert isinstance(a, FieldNode)
            return self.field_expr(dot.expr, dot.flag, a.ident, a, a), a, False, None
        if t is VariableNode:
            assert isinstance(a, VariableNode)
            var = self.lookup(a.ident[0])
            if var is None:
                self.fail(fn, a, f"undefined variable: {a.ident[0]}")
                return "None", a, False, None
            ref = self.var_ref(var, a)
            if len(a.ident) == 1:
                return ref, a, False, None
            return self.field_expr(ref, var.flag, a.ident[1:], a, a), a, False, None
        if t is PipeNode:
            assert isinstance(a, PipeNode)
            e, cur = self.pipe(fn, a, dot, a, dig=False)
            return e, cur, False, DUG
        if t is IdentifierNode:
            assert isinstance(a, IdentifierNode)
            loc = self.loc(a)
            site = Site(a.ident, (), False, loc, loc, loc)
            return f"{self.const(site)}.call(st)", a, False, None
        if t is ChainNode:
            assert isinstance(a, ChainNode)
            e, cur, _ = self.command(fn, CommandNode((a,), pos=a.pos, line=a.line, col=a.col), dot, None, a)
            return e, cur, False, None
        self.fail(fn, a, f"can't handle assignment of {a} to empty interface argument")
        return "None", a, False, None

    def func_call(
        self,
        fn: Fn,
        cmd: CommandNode,
        ident: IdentifierNode,
        rest: tuple[Node, ...],
        final: str | None,
        dot: Dot,
    ) -> tuple[str, Any, bool]:
        name = ident.ident
        iloc = self.loc(ident)
        if name in ("and", "or"):
            return self.and_or(fn, cmd, ident, rest, final, dot)
        k = self.const(None)
        vals, args, after = self.args(fn, rest, final, dot, ident, f"{k}.early(st, ")
        self.ns[k] = Site(name, args, final is not None, iloc, self.loc(cmd), iloc)
        return f"{k}.call(st{''.join(', ' + v for v in vals)})", after, True

    def and_or(
        self,
        fn: Fn,
        cmd: CommandNode,
        ident: IdentifierNode,
        rest: tuple[Node, ...],
        final: str | None,
        dot: Dot,
    ) -> tuple[str, Any, bool]:
        """Builtin and/or short-circuit (Go's evalCall special case); a set's own and/or does not."""
        is_and = ident.ident == "and"
        iloc = self.loc(ident)
        sc, res = fn.tmp(), fn.tmp()
        fn.emit(f"{sc} = st.funcs.get({ident.ident!r}) is {'BAND' if is_and else 'BOR'}")
        if not rest and final is None:
            site = Site(ident.ident, (), False, iloc, self.loc(cmd), iloc)
            return f"{self.const(site)}.call(st)", ident, True
        go_on = f"not {sc} or {res}" if is_and else f"not {sc} or not {res}"
        cur: Any = ident
        vals: list[str] = []
        specs: list[Arg] = []
        for i, a in enumerate(rest):
            if i == 1:
                self.begin_cond(fn)
            if i:
                fn.emit(f"if {go_on}:")
                fn.ind += 1
            if self.deeper(fn):
                e, cur, lit, ideal = self.arg_function(fn, a, dot, cur)
            else:
                e, cur, lit, ideal = self.arg(fn, a, dot, cur)
            v = fn.tmp()
            fn.emit(f"{v} = {e}")
            if lit and isinstance(a, NumberNode) and not ideal_constant(a)[0]:
                fn.emit(f"if {sc}: ERR(st, {self.lx(a)}, {ideal_constant(a)[1]!r})")
            fn.emit(f"{res} = {v}")
            if cur is not DYN:
                fn.emit(f"st.last = {self.lx(cur)}")
            if i:
                fn.ind -= 1
            vals.append(v)
            specs.append(Arg(a if lit else None, self.lo(cur), str(a), ideal, dug=ideal is DUG))
        if len(rest) > 1:
            self.end_cond()
        fn.emit(f"if not {sc}:")
        fn.ind += 1
        if final is not None:
            vals.append(final)
            specs.append(Arg(None, self.lo(cur), "", dug=True))
        site = Site(ident.ident, tuple(specs), final is not None, iloc, self.loc(cmd), iloc)
        fn.emit(f"{res} = {self.const(site)}.call(st{''.join(', ' + v for v in vals)})")
        fn.ind -= 1
        if final is not None:
            fn.emit(f"elif {res if is_and else 'not ' + res}:" if rest else "else:")
            fn.emit(f"    {res} = {final}")
        return res, DYN, True

    def arg_function(self, fn: Fn, a: Node, dot: Dot, cur: Any) -> tuple[str, Any, bool, Any]:
        """An argument evaluated in a function of its own (split mode, deep nesting)."""
        child = Fn(f"_e{len(self.fns)}", "st, dot, fl, w, V")
        self.fns.append(child)
        e, cur, lit, ideal = self.arg(child, a, Dot("dot", "fl"), cur)
        child.emit(f"return {e}")
        return f"{child.name}(st, {dot.expr}, {dot.flag}, w, V)", cur, lit, ideal


def _simple(e: str) -> bool:
    """A local, a constant or a literal: safe to use twice and out of order."""
    return (
        e.isidentifier() or e.startswith(("'", '"', "V[")) or e in ("None", "True", "False") or _is_number(e)
    )


def _assigns(n: Node) -> bool:
    """Whether evaluating N may declare or assign a variable (a pipeline with declarations)."""
    if isinstance(n, PipeNode):
        return bool(n.decl) or any(_assigns(c) for c in n.cmds)
    if isinstance(n, CommandNode):
        return any(_assigns(a) for a in n.args)
    if isinstance(n, ChainNode):
        return _assigns(n.node)
    return False


def is_var(e: str) -> bool:
    """A template variable's Python name (its value may change before use)."""
    return e.startswith("V[") or (e[:1] == "v" and e[1:].isdigit())


def _is_number(e: str) -> bool:
    try:
        float(e)
    except ValueError:
        return False
    return True
