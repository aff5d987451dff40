"""Compile a parse tree into a Python function, once; run it many times.

With :mod:`.compile_expr` (pipelines and calls), the only code that maps nodes to code. A tree becomes Python source for one function
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

import sys
import threading
from collections.abc import Callable
from typing import Any

from chartist.gotemplate import exec as X
from chartist.gotemplate.compile_expr import Dot, ExprCompiler, Fn, TooDeep, is_var
from chartist.gotemplate.nodes import (
    ActionNode,
    BreakNode,
    CommentNode,
    ContinueNode,
    IfNode,
    ListNode,
    Node,
    RangeNode,
    TemplateNode,
    TextNode,
    Tree,
    WithNode,
)

__all__ = ["Code", "compile_tree", "generated_source"]

Code = Callable[[X.State, Any, Callable[[str], Any]], None]
"""A compiled template: ``code(state, dot, write)``."""

# Compiled code by tree identity, or by (text, name, parse name, delimiters) when the tree comes
# from Template.parse: parsing is deterministic, so equal keys mean equal trees and the same
# text parsed again (Helm's tpl, a chart rendered twice) skips compiling.
_CACHE_SIZE = 1024
_cache: dict[Any, tuple[Tree, Code]] = {}
_cache_lock = threading.Lock()


def compile_tree(tree: Tree, key: Any = None) -> Code:
    """The compiled function of TREE, cached by KEY (see above) or else by tree identity."""
    k = id(tree) if key is None else key
    hit = _cache.get(k)
    if hit is not None and (key is not None or hit[0] is tree):
        return hit[1]
    code = _compile(tree)[0]
    with _cache_lock:
        if len(_cache) >= _CACHE_SIZE:
            for old in list(_cache)[: _CACHE_SIZE // 4]:
                _cache.pop(old, None)
        _cache[k] = (tree, code)
    return code


def generated_source(tree: Tree) -> str:
    """The Python source TREE compiles to (for debugging and tests)."""
    return _compile(tree, source=True)[1]


def _compile(tree: Tree, source: bool = False) -> tuple[Code, str]:
    try:
        return _run(tree, source)
    except RecursionError:
        pass
    # Deep trees: the compiler recurses per level (its frames are Python frames, not C stack).
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, 40 * (len(tree.text) + 100)))
    try:
        return _run(tree, source)
    finally:
        sys.setrecursionlimit(old)


def _run(tree: Tree, source: bool) -> tuple[Code, str]:
    try:
        return _Compiler(tree, split=False).run(source)
    except TooDeep:
        return _Compiler(tree, split=True).run(source)


class _Compiler(ExprCompiler):
    """Compiles a whole tree: statements here, pipelines in ExprCompiler."""

    def run(self, source: bool = False) -> tuple[Code, str]:
        main = Fn("_tpl", "st, dot, w")
        self.fns.append(main)
        self.declare("$")
        self.block(main, self.tree.root, Dot("dot", "False"))
        if self.dollar:
            main.lines.insert(0, f"    {self.scope[0].ref} = dot")
        if self.split:
            main.lines.insert(0, f"    V = [NOVALUE] * {max(self.nvars, 1)}")
        src = "\n".join(f.source() for f in reversed(self.fns))
        code = compile(src, f"<template {self.pn}:{self.tree.name}>", "exec")
        exec(code, self.ns)
        fn: Code = self.ns["_tpl"]
        return fn, (src if source else "")

    # -- statements ------------------------------------------------------------------------------

    def block(self, fn: Fn, lst: ListNode | None, dot: Dot) -> None:
        """The nodes of LST; in split mode, as a call of a new function when FN is deep already."""
        if lst is None:
            return
        if self.deeper(fn):
            child = Fn(f"_b{len(self.fns)}", "st, dot, fl, w, V")
            self.fns.append(child)
            mark = len(self.scope)
            for n in lst.nodes:
                self.node(child, n, Dot("dot", "fl"))
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

    def node(self, fn: Fn, n: Node, dot: Dot) -> None:
        t = type(n)
        if t is TextNode:
            assert isinstance(n, TextNode)
            if n.text:
                fn.emit(f"w({n.text!r})")
        elif t is ActionNode:
            assert isinstance(n, ActionNode)
            e, _ = self.pipe(fn, n.pipe, dot, n, dig=False)
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

    def if_with(self, fn: Fn, n: IfNode | WithNode, dot: Dot, is_with: bool) -> None:
        mark = len(self.scope)
        c, _ = self.pipe(fn, n.pipe, dot, n, dig=False)
        if is_with and is_var(c):  # dot is a copy: later assignments to the variable do not move it
            t = fn.tmp()
            fn.emit(f"{t} = {c}")
            c = t
        fn.emit(f"if {c}:")
        fn.ind += 1
        self.block(fn, n.list, Dot(c, "False") if is_with else dot)
        fn.ind -= 1
        if n.else_list is not None:
            fn.emit("else:")
            fn.ind += 1
            self.block(fn, n.else_list, dot)
            fn.ind -= 1
        del self.scope[mark:]

    def range(self, fn: Fn, n: RangeNode, dot: Dot) -> None:
        mark = len(self.scope)
        decl = n.pipe.decl
        # Go pushes the declared variables with the collection itself, then overwrites them.
        # the variables hold the collection until the first iteration: only {{else}} sees that
        init = n.else_list is not None or n.pipe.is_assign
        r, cur = self.pipe(fn, n.pipe, dot, n, range_decl=True, dig=False, init_decl=init)
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
        self.block(fn, n.list, Dot(e, fl))
        fn.loops -= 1
        fn.ind -= 2
        if n.else_list is not None:
            fn.emit("else:")
            fn.ind += 1
            self.block(fn, n.else_list, dot)
            fn.ind -= 1
        del self.scope[mark:]

    def template(self, fn: Fn, n: TemplateNode, dot: Dot) -> None:
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
