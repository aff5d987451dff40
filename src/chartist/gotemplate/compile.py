"""Compile a parse tree into a Python function, once; run it many times.

The only module that maps nodes to code. A tree becomes Python source for one function
``_tpl(st, dot, w)`` (``st`` the :class:`~.exec.State`, ``dot`` the data, ``w`` appends output),
compiled with :func:`compile`: text is ``w("...")``, ``{{if}}``/``{{with}}``/``{{range}}`` are
Python ``if``/``for`` (``{{break}}``/``{{continue}}`` are Python's), template variables are Python
locals resolved at compile time (Go's variable stack is lexical in effect), ``and``/``or``
short-circuit inline, fields and calls go through :mod:`.exec` and :mod:`.calls`. Hand-written
because Go's semantics (nils, untyped constants, error positions) must hold exactly, which no
template compiler offers; the idea is Jinja2's.

Error positions follow Go's ``state.at``: the compiler tracks, statically, the node Go's
executor would point at when each error can occur (``cur``); only after ``and``/``or`` is it known
at run time alone (kept in ``st.last``).

Pathological nesting (Python allows 100 indentation levels and 20 nested loops per function)
switches a tree to "split" code: variables live in a list ``V`` and deep blocks become separate
functions returning a break/continue code.
"""

from __future__ import annotations

import math
import sys
import threading
from collections.abc import Callable
from typing import Any

from chartist.gotemplate import exec as X
from chartist.gotemplate.builtins import BUILTINS
from chartist.gotemplate.calls import Arg, Site, ideal_constant, is_literal
from chartist.gotemplate.nodes import (
    ActionNode,
    BoolNode,
    BreakNode,
    ChainNode,
    CommandNode,
    CommentNode,
    ContinueNode,
    DotNode,
    FieldNode,
    IdentifierNode,
    IfNode,
    ListNode,
    NilNode,
    Node,
    NumberNode,
    PipeNode,
    RangeNode,
    StringNode,
    TemplateNode,
    TextNode,
    Tree,
    VariableNode,
    WithNode,
)

__all__ = ["Code", "compile_tree", "generated_source"]

Code = Callable[[X.State, Any, Callable[[str], Any]], None]
"""A compiled template: ``code(state, dot, write)``."""

# Beyond these a tree is compiled in split mode (Python: 100 indentation levels, 20 nested loops).
_MAX_LOCAL_INDENT = 60
_MAX_LOCAL_LOOPS = 15
# In split mode, blocks deeper than this in one function move to a function of their own.
_SPLIT_INDENT = 40
_SPLIT_LOOPS = 10

_CACHE_SIZE = 2048
_cache: dict[int, tuple[Tree, Code]] = {}
_cache_lock = threading.Lock()

_RUNTIME: dict[str, Any] = {
    "NOVALUE": X.NOVALUE,
    "F1": X.field1,
    "F2": X.field2,
    "FN": X.fieldn,
    "RM": X.resolve_method,
    "PV": X.print_value,
    "RNG": X.range_items,
    "TF": X.template_code,
    "ERR": X.fail,
    "BAND": BUILTINS["and"],
    "BOR": BUILTINS["or"],
}

_DYN = object()  # Go's state node known only at run time (after and/or): st.last


def compile_tree(tree: Tree) -> Code:
    """The compiled function of TREE (cached by tree identity; trees are immutable)."""
    hit = _cache.get(id(tree))
    if hit is not None and hit[0] is tree:
        return hit[1]
    code = _compile(tree)
    with _cache_lock:
        if len(_cache) >= _CACHE_SIZE:
            for k in list(_cache)[: _CACHE_SIZE // 4]:
                del _cache[k]
        _cache[id(tree)] = (tree, code)
    return code


def generated_source(tree: Tree) -> str:
    """The Python source TREE compiles to (for debugging and tests)."""
    c = _Compiler(tree)
    c.run()
    return c.src


def _compile(tree: Tree) -> Code:
    try:
        return _Compiler(tree).run()
    except RecursionError:
        pass
    # Deep trees: the compiler recurses per level (its frames are Python frames, not C stack).
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, 40 * (len(tree.text) + 100)))
    try:
        return _Compiler(tree).run()
    finally:
        sys.setrecursionlimit(old)


class _Fn:
    """One generated Python function: lines, indentation, temporaries, enclosing loops."""

    def __init__(self, name: str, params: str) -> None:
        self.name = name
        self.params = params
        self.lines: list[str] = []
        self.ind = 1
        self.ntmp = 0
        self.loops = 0
        self.escapes = False  # a break/continue leaves this function as a return code

    def emit(self, line: str) -> None:
        self.lines.append("    " * self.ind + line)

    def tmp(self) -> str:
        self.ntmp += 1
        return f"_{self.ntmp}"

    def source(self) -> str:
        body = self.lines or ["    pass"]
        return f"def {self.name}({self.params}):\n" + "\n".join(body) + "\n"


class _Dot:
    """The Python expressions of the current dot and of its 'static type is interface {}' flag."""

    __slots__ = ("expr", "flag")

    def __init__(self, expr: str, flag: str) -> None:
        self.expr = expr
        self.flag = flag


class _Var:
    __slots__ = ("flag", "name", "ref")

    def __init__(self, name: str, ref: str, flag: str) -> None:
        self.name = name
        self.ref = ref
        self.flag = flag


class _Compiler:
    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        self.pn = tree.parse_name
        self.ns: dict[str, Any] = dict(_RUNTIME)
        self.nconst = 0
        self.locs: dict[int, tuple[str, X.Loc]] = {}
        self.fns: list[_Fn] = []
        self.scope: list[_Var] = []
        self.nvars = 0
        self.split = False
        self.src = ""

    # -- plumbing ------------------------------------------------------------------------------

    def const(self, obj: Any) -> str:
        self.nconst += 1
        name = f"K{self.nconst}"
        self.ns[name] = obj
        return name

    def _loc(self, node: Node) -> tuple[str, X.Loc]:
        hit = self.locs.get(id(node))
        if hit is None:
            loc = X.Loc(self.pn, node)
            hit = self.locs[id(node)] = (self.const(loc), loc)
        return hit

    def lx(self, cur: Any) -> str:  # noqa: D401
        """Python expression of the Loc of CUR (a node, or _DYN)."""
        return "st.last" if cur is _DYN else self._loc(cur)[0]

    def lo(self, cur: Any) -> X.Loc | None:
        return None if cur is _DYN else self._loc(cur)[1]

    def declare(self, name: str, flagged: bool = False) -> _Var:
        n = self.nvars
        self.nvars += 1 + flagged
        if self.split:
            ref, flag = f"V[{n}]", (f"V[{n + 1}]" if flagged else "False")
        else:
            ref, flag = f"v{n}", (f"f{n}" if flagged else "False")
        var = _Var(name, ref, flag)
        self.scope.append(var)
        return var

    def lookup(self, name: str) -> _Var | None:
        for var in reversed(self.scope):
            if var.name == name:
                return var
        return None

    def fail(self, fn: _Fn, cur: Any, msg: str) -> None:
        fn.emit(f"ERR(st, {self.lx(cur)}, {msg!r})")

    def run(self) -> Code:
        indent, loops = _nesting(self.tree.root)
        self.split = indent > _MAX_LOCAL_INDENT or loops > _MAX_LOCAL_LOOPS
        main = _Fn("_tpl", "st, dot, w")
        self.fns.append(main)
        init_at = len(main.lines)
        self.declare("$")
        main.emit(f"{self.scope[0].ref} = dot")
        self.block(main, self.tree.root, _Dot("dot", "False"))
        if self.split:
            main.lines.insert(init_at, f"    V = [NOVALUE] * {max(self.nvars, 1)}")
        src = self.src = "\n".join(f.source() for f in reversed(self.fns))
        code = compile(src, f"<template {self.pn}:{self.tree.name}>", "exec")
        exec(code, self.ns)
        fn: Code = self.ns["_tpl"]
        return fn

    # -- statements ------------------------------------------------------------------------------

    def block(self, fn: _Fn, lst: ListNode | None, dot: _Dot) -> None:
        """The nodes of LST; in split mode, as a call of a new function when FN is deep already."""
        if lst is None:
            return
        if self.split and (fn.ind >= _SPLIT_INDENT or fn.loops >= _SPLIT_LOOPS):
            child = _Fn(f"_b{len(self.fns)}", "st, dot, fl, w, V")
            self.fns.append(child)
            mark = len(self.scope)
            for n in lst.nodes:
                self.node(child, n, _Dot("dot", "fl"))
            del self.scope[mark:]
            call = f"{child.name}(st, {dot.expr}, {dot.flag}, w, V)"
            if not child.escapes:
                fn.emit(call)
                return
            c = fn.tmp()
            fn.emit(f"{c} = {call}")
            if fn.loops:
                fn.emit(f"if {c} == 1: break")
                fn.emit(f"if {c} == 2: continue")
            else:
                fn.emit(f"if {c}: return {c}")
                fn.escapes = True
            return
        start = len(fn.lines)
        mark = len(self.scope)
        for n in lst.nodes:
            self.node(fn, n, dot)
        del self.scope[mark:]
        if len(fn.lines) == start:
            fn.emit("pass")

    def node(self, fn: _Fn, n: Node, dot: _Dot) -> None:
        t = type(n)
        if t is TextNode:
            assert isinstance(n, TextNode)
            if n.text:
                fn.emit(f"w({n.text!r})")
        elif t is ActionNode:
            assert isinstance(n, ActionNode)
            e, _ = self.pipe(fn, n.pipe, dot, n)
            if not n.pipe.decl:
                if e.startswith(("'", '"')):
                    fn.emit(f"w({e})")
                elif not e.isidentifier() or e in ("None", "True", "False", "NOVALUE"):
                    fn.emit(f"w(PV(st, {e}, {self.lx(n)}))")
                else:
                    fn.emit(f"w({e} if {e}.__class__ is str else PV(st, {e}, {self.lx(n)}))")
        elif t is IfNode or t is WithNode:
            assert isinstance(n, IfNode | WithNode)
            self.if_with(fn, n, dot, t is WithNode)
        elif t is RangeNode:
            assert isinstance(n, RangeNode)
            self.range(fn, n, dot)
        elif t is TemplateNode:
            assert isinstance(n, TemplateNode)
            self.template(fn, n, dot)
        elif t is BreakNode or t is ContinueNode:
            if fn.loops:
                fn.emit("break" if t is BreakNode else "continue")
            else:
                fn.emit("return 1" if t is BreakNode else "return 2")
                fn.escapes = True
        elif t is CommentNode:
            pass
        elif t is ListNode:
            assert isinstance(n, ListNode)
            for m in n.nodes:
                self.node(fn, m, dot)
        else:
            self.fail(fn, n, f"unknown node: {n}")

    def if_with(self, fn: _Fn, n: IfNode | WithNode, dot: _Dot, is_with: bool) -> None:
        mark = len(self.scope)
        c, _ = self.pipe(fn, n.pipe, dot, n)
        if is_with and _is_var(c):  # dot is a copy: later assignments to the variable do not move it
            t = fn.tmp()
            fn.emit(f"{t} = {c}")
            c = t
        fn.emit(f"if {c}:")
        fn.ind += 1
        self.block(fn, n.list, _Dot(c, "False") if is_with else dot)
        fn.ind -= 1
        if n.else_list is not None:
            fn.emit("else:")
            fn.ind += 1
            self.block(fn, n.else_list, dot)
            fn.ind -= 1
        del self.scope[mark:]

    def range(self, fn: _Fn, n: RangeNode, dot: _Dot) -> None:
        mark = len(self.scope)
        decl = n.pipe.decl
        # Go pushes the declared variables with the collection itself, then overwrites them.
        r, cur = self.pipe(fn, n.pipe, dot, n, range_decl=True)
        vars_ = [self.lookup(v.ident[0]) for v in decl]
        it, fl = fn.tmp(), fn.tmp()
        fn.emit(f"{it}, {fl} = RNG(st, {r}, {len(decl) > 1}, {self.lx(cur)})")
        fn.emit(f"if {it} is not None:")
        fn.ind += 1
        k, e = fn.tmp(), fn.tmp()
        fn.emit(f"for {k}, {e} in {it}:")
        fn.ind += 1
        fn.loops += 1
        targets = [e] if len(vars_) == 1 else [k, e]
        for var, val in zip(vars_, targets, strict=False):
            if var is not None:
                fn.emit(f"{var.ref} = {val}")
                if var.flag != "False":
                    fn.emit(f"{var.flag} = {fl if val == e else 'False'}")
        self.block(fn, n.list, _Dot(e, fl))
        fn.loops -= 1
        fn.ind -= 2
        if n.else_list is not None:
            fn.emit("else:")
            fn.ind += 1
            self.block(fn, n.else_list, dot)
            fn.ind -= 1
        del self.scope[mark:]

    def template(self, fn: _Fn, n: TemplateNode, dot: _Dot) -> None:
        f = fn.tmp()
        fn.emit(f"{f} = TF(st, {n.name!r}, {self.lx(n)})")
        if n.pipe is None:
            d = "NOVALUE"
        else:
            d, _ = self.pipe(fn, n.pipe, dot, n)
        s = fn.tmp()
        fn.emit(f"{s} = st.name")
        fn.emit(f"st.name = {n.name!r}")
        fn.emit("st.depth += 1")
        fn.emit(f"{f}(st, {d}, w)")
        fn.emit("st.depth -= 1")
        fn.emit(f"st.name = {s}")

    # -- pipelines and commands ------------------------------------------------------------------

    def pipe(self, fn: _Fn, p: PipeNode, dot: _Dot, cur: Any, range_decl: bool = False) -> tuple[str, Any]:
        """Go's evalPipeline: commands chained by their final argument, then declarations.

        Returns a Python expression (a local or a constant) holding the value and Go's node.
        """
        cur = p
        val: str | None = None
        for cmd in p.cmds:
            e, cur, maybe_nil = self.command(fn, cmd, dot, val, cur)
            if maybe_nil or not _simple(e):
                t = fn.tmp()
                fn.emit(f"{t} = {e}")
                if maybe_nil:  # Go digs the value out of its interface: nil becomes no value
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
                fn.emit(f"{var.ref} = {val}")
                if var.flag != "False":
                    fn.emit(f"{var.flag} = False")
            else:
                var = self.declare(name, flagged=range_decl and v is p.decl[-1])
                fn.emit(f"{var.ref} = {val}")
        return val, cur

    def command(self, fn: _Fn, cmd: CommandNode, dot: _Dot, final: str | None, cur: Any) -> tuple[str, Any, bool]:
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
            e, cur = self.pipe(fn, first, dot, cur)
            return e, cur, False
        if t is VariableNode:
            assert isinstance(first, VariableNode)
            var = self.lookup(first.ident[0])
            if var is None:
                self.fail(fn, first, f"undefined variable: {first.ident[0]}")
                return "None", first, False
            if len(first.ident) == 1:
                if has_args:
                    self.fail(fn, first, f"can't give argument to non-function {first}")
                return var.ref, first, True
            if not has_args:
                return self.field_expr(var.ref, var.flag, first.ident[1:], first, first), first, True
            return self.method_call(fn, dot, var.ref, var.flag, first.ident[1:], rest, final, first, first)
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
        loc, cloc = self.lx(cur), self.lx(nnode)
        if len(names) == 1:
            return f"F1(st, {recv}, {flag}, {names[0]!r}, {loc}, {cloc})"
        if len(names) == 2:
            return f"F2(st, {recv}, {flag}, {names[0]!r}, {names[1]!r}, {loc}, {cloc})"
        return f"FN(st, {recv}, {flag}, {names!r}, {loc}, {cloc})"

    def method_call(
        self,
        fn: _Fn,
        dot: _Dot,
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
        fn.emit(f"{m} = RM(st, {recv}, {flag}, {names!r}, {self.lx(cur)}, {self.lx(nnode)})")
        res = fn.tmp()
        fn.emit(f"if {m} is NOVALUE:")
        fn.emit(f"    {res} = NOVALUE")
        fn.emit("else:")
        fn.ind += 1
        vals, args, after = self.args(fn, rest, final, dot, cur)
        site = Site(names[-1], args, final is not None, self.lo(cur), self._loc(nnode)[1], None)
        fn.emit(f"{res} = {self.const(site)}.method(st, {m}{''.join(', ' + v for v in vals)})")
        fn.ind -= 1
        return res, after, True

    def args(
        self, fn: _Fn, rest: tuple[Node, ...], final: str | None, dot: _Dot, cur: Any
    ) -> tuple[list[str], tuple[Arg, ...], Any]:
        """Evaluate call arguments in order: their expressions, Arg specs, Go's node after them."""
        vals: list[str] = []
        specs: list[Arg] = []
        for a in rest:
            e, cur, lit, ideal = self.arg(fn, a, dot, cur)
            if not _simple(e) or _is_var(e):
                t = fn.tmp()
                fn.emit(f"{t} = {e}")
                e = t
            vals.append(e)
            specs.append(Arg(a if lit else None, self.lo(cur), str(a), ideal))
        if final is not None:
            vals.append(final)
            specs.append(Arg(None, self.lo(cur), ""))
        return vals, tuple(specs), cur

    def arg(self, fn: _Fn, a: Node, dot: _Dot, cur: Any) -> tuple[str, Any, bool, Any]:
        """Go's evalArg before type checks: (expression, node after it, is literal, literal value)."""
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
            if len(a.ident) == 1:
                return var.ref, a, False, None
            return self.field_expr(var.ref, var.flag, a.ident[1:], a, a), a, False, None
        if t is PipeNode:
            assert isinstance(a, PipeNode)
            e, cur = self.pipe(fn, a, dot, a)
            return e, cur, False, None
        if t is IdentifierNode:
            assert isinstance(a, IdentifierNode)
            loc = self._loc(a)[1]
            site = Site(a.ident, (), False, loc, loc, loc)
            return f"{self.const(site)}.call(st)", a, False, None
        if t is ChainNode:
            assert isinstance(a, ChainNode)
            e, cur, _ = self.command(fn, CommandNode((a,), pos=a.pos, line=a.line, col=a.col), dot, None, a)
            return e, cur, False, None
        self.fail(fn, a, f"can't handle assignment of {a} to empty interface argument")
        return "None", a, False, None

    def func_call(
        self, fn: _Fn, cmd: CommandNode, ident: IdentifierNode, rest: tuple[Node, ...], final: str | None, dot: _Dot
    ) -> tuple[str, Any, bool]:
        name = ident.ident
        iloc = self._loc(ident)[1]
        if name in ("and", "or"):
            return self.and_or(fn, cmd, ident, rest, final, dot)
        vals, args, after = self.args(fn, rest, final, dot, ident)
        site = Site(name, args, final is not None, iloc, self._loc(cmd)[1], iloc)
        return f"{self.const(site)}.call(st{''.join(', ' + v for v in vals)})", after, True

    def and_or(
        self, fn: _Fn, cmd: CommandNode, ident: IdentifierNode, rest: tuple[Node, ...], final: str | None, dot: _Dot
    ) -> tuple[str, Any, bool]:
        """Builtin and/or short-circuit (Go's evalCall special case); a set's own and/or does not."""
        is_and = ident.ident == "and"
        iloc = self._loc(ident)[1]
        sc, res = fn.tmp(), fn.tmp()
        fn.emit(f"{sc} = st.funcs.get({ident.ident!r}) is {'BAND' if is_and else 'BOR'}")
        if not rest and final is None:
            site = Site(ident.ident, (), False, iloc, self._loc(cmd)[1], iloc)
            return f"{self.const(site)}.call(st)", ident, True
        go_on = f"not {sc} or {res}" if is_and else f"not {sc} or not {res}"
        cur: Any = ident
        vals: list[str] = []
        specs: list[Arg] = []
        for i, a in enumerate(rest):
            if i:
                fn.emit(f"if {go_on}:")
                fn.ind += 1
            if self.split and fn.ind >= _SPLIT_INDENT:
                e, cur, lit, ideal = self.arg_function(fn, a, dot, cur)
            else:
                e, cur, lit, ideal = self.arg(fn, a, dot, cur)
            v = fn.tmp()
            fn.emit(f"{v} = {e}")
            if lit and isinstance(a, NumberNode) and not ideal_constant(a)[0]:
                fn.emit(f"if {sc}: ERR(st, {self.lx(a)}, {ideal_constant(a)[1]!r})")
            fn.emit(f"{res} = {v}")
            if cur is not _DYN:
                fn.emit(f"st.last = {self.lx(cur)}")
            if i:
                fn.ind -= 1
            vals.append(v)
            specs.append(Arg(a if lit else None, self.lo(cur), str(a), ideal))
        fn.emit(f"if not {sc}:")
        fn.ind += 1
        if final is not None:
            vals.append(final)
            specs.append(Arg(None, self.lo(cur), ""))
        site = Site(ident.ident, tuple(specs), final is not None, iloc, self._loc(cmd)[1], iloc)
        fn.emit(f"{res} = {self.const(site)}.call(st{''.join(', ' + v for v in vals)})")
        fn.ind -= 1
        if final is not None:
            fn.emit(f"elif {res if is_and else 'not ' + res}:" if rest else "else:")
            fn.emit(f"    {res} = {final}")
        return res, _DYN, True

    def arg_function(self, fn: _Fn, a: Node, dot: _Dot, cur: Any) -> tuple[str, Any, bool, Any]:
        """An argument evaluated in a function of its own (split mode, deep nesting)."""
        child = _Fn(f"_e{len(self.fns)}", "st, dot, fl, w, V")
        self.fns.append(child)
        e, cur, lit, ideal = self.arg(child, a, _Dot("dot", "fl"), cur)
        child.emit(f"return {e}")
        return f"{child.name}(st, {dot.expr}, {dot.flag}, w, V)", cur, lit, ideal


def _simple(e: str) -> bool:
    """A local, a constant or a literal: safe to use twice and out of order."""
    return e.isidentifier() or e.startswith(("'", '"', "V[")) or e in ("None", "True", "False") or _is_number(e)


def _is_var(e: str) -> bool:
    """A template variable's Python name (its value may change before use)."""
    return e.startswith("V[") or (e[:1] == "v" and e[1:].isdigit())


def _is_number(e: str) -> bool:
    try:
        float(e)
    except ValueError:
        return False
    return True


def _nesting(root: ListNode) -> tuple[int, int]:
    """The deepest indentation and loop nesting the generated code of ROOT would reach (estimate)."""
    max_ind = max_loops = 0
    stack: list[tuple[Node, int, int]] = [(root, 1, 0)]
    while stack:
        n, ind, loops = stack.pop()
        max_ind = max(max_ind, ind)
        max_loops = max(max_loops, loops)
        if isinstance(n, ListNode):
            stack.extend((m, ind, loops) for m in n.nodes)
        elif isinstance(n, IfNode | WithNode):
            stack.append((n.pipe, ind, loops))
            stack.append((n.list, ind + 1, loops))
            if n.else_list is not None:
                stack.append((n.else_list, ind + 1, loops))
        elif isinstance(n, RangeNode):
            stack.append((n.pipe, ind, loops))
            stack.append((n.list, ind + 2, loops + 1))
            if n.else_list is not None:
                stack.append((n.else_list, ind + 1, loops))
        elif isinstance(n, ActionNode):
            stack.append((n.pipe, ind, loops))
        elif isinstance(n, TemplateNode):
            if n.pipe is not None:
                stack.append((n.pipe, ind, loops))
        elif isinstance(n, PipeNode):
            stack.extend((c, ind, loops) for c in n.cmds)
        elif isinstance(n, CommandNode):
            first = n.args[0]
            deeper = isinstance(first, IdentifierNode) and first.ident in ("and", "or")
            # method calls evaluate their arguments one level in
            step = 2 if deeper else (1 if isinstance(first, FieldNode | ChainNode | VariableNode) else 0)
            stack.extend((a, ind + step, loops) for a in n.args)
        elif isinstance(n, ChainNode):
            stack.append((n.node, ind + 1, loops))
    return max_ind, max_loops
