"""The template set: Go's ``*template.Template`` (parse, define, look up, execute).

Mirrors Go's ``text/template/template.go``: templates created with :meth:`Template.new` or by
``{{define}}`` share one set (names, functions, the ``missingkey`` option); a later definition of
a name replaces the earlier one unless it is empty (only spaces and comments); :meth:`clone`
copies the set's name space, not the trees. Each template compiles its tree once, on first use;
every execution gets a fresh :class:`~.exec.State`, so executions may nest (Helm's ``include``
and ``tpl`` run templates from inside template functions) and run in parallel.

Parsing is deterministic, so :meth:`Template.parse` keeps the trees of recent texts (trees are
immutable): a chart rendered again, or the same ``tpl`` text, skips the parser. The key is the
text, the name, the delimiters and the set of function names (which decides what parses).
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from chartist.gotemplate.builtins import BUILTINS
from chartist.gotemplate.compile import Code, compile_tree
from chartist.gotemplate.errors import ExecError
from chartist.gotemplate.exec import (
    MISSING_ERROR,
    MISSING_INVALID,
    MISSING_ZERO,
    NOVALUE,
    Func,
    State,
    prepare,
    raise_recursion_limit,
    restore_recursion_limit,
)
from chartist.gotemplate.fmt import quote
from chartist.gotemplate.nodes import Tree

__all__ = ["Template"]

# Executions nested deeper than this (a template function such as Helm's include running a
# template, which runs include...) raise Python's recursion limit until they return.
_NESTED_EXECUTIONS = 48
_nesting = threading.local()

_MISSINGKEY = {
    "invalid": MISSING_INVALID,
    "default": MISSING_INVALID,
    "zero": MISSING_ZERO,
    "error": MISSING_ERROR,
}


# Parsed trees by (text, name, left, right, function names); see the module docstring.
_PARSE_CACHE_SIZE = 1024  # texts; as many as compiled templates are kept (compile.py)
_parsed: dict[tuple[str, str, str, str, frozenset[str]], dict[str, Tree]] = {}
# One object per distinct set of function names, so that cache keys compare by identity.
_name_sets: dict[frozenset[str], frozenset[str]] = {}
_cache_lock = threading.Lock()


def _names_key(names: Iterable[str]) -> frozenset[str]:
    fs = frozenset(names)
    key = _name_sets.get(fs)
    if key is None:
        with _cache_lock:
            if len(_name_sets) >= 64:
                _name_sets.clear()
            key = _name_sets.setdefault(fs, fs)
    return key


def _remember(key: tuple[str, str, str, str, frozenset[str]], trees: dict[str, Tree]) -> None:
    with _cache_lock:
        if len(_parsed) >= _PARSE_CACHE_SIZE:
            for old in list(_parsed)[: _PARSE_CACHE_SIZE // 4]:
                _parsed.pop(old, None)
        _parsed[key] = trees


class _Common:
    """What associated templates share: the name space, functions, options."""

    __slots__ = ("funcs", "missingkey", "names", "names_key", "tmpl")

    def __init__(self) -> None:
        self.tmpl: dict[str, Template] = {}
        self.funcs: dict[str, Func] = dict(BUILTINS)  # the set's own functions shadow builtins
        self.names: dict[str, Any] = {}  # the set's own functions, as given (for the parser)
        self.names_key: frozenset[str] | None = None  # the keys of names, interned; None: stale
        self.missingkey = MISSING_INVALID


class Template:
    """A named template of a set; see the module docstring.

    Raises :class:`~.errors.ParseError` from :meth:`parse` and :class:`~.errors.ExecError` from
    :meth:`execute` / :meth:`execute_template`, with Go's messages; TypeError/ValueError for
    programming mistakes Go panics on (a non-function in :meth:`funcs`, an unknown option).
    """

    __slots__ = ("_code", "_common", "_key", "_left", "_right", "_tree", "name")

    def __init__(
        self, name: str, *, funcs: Mapping[str, Any] | None = None, options: Iterable[str] = ()
    ) -> None:
        self.name = name
        self._common = _Common()
        self._tree: Tree | None = None
        self._code: Code | None = None
        self._key: Any = None
        self._left = ""
        self._right = ""
        if funcs:
            self.funcs(funcs)
        for opt in options:
            self.option(opt)

    def __repr__(self) -> str:
        return f"<Template {self.name!r}>"

    @property
    def tree(self) -> Tree | None:
        """The parse tree, None while the template is undefined."""
        return self._tree

    # -- building the set --------------------------------------------------------------------------

    def new(self, name: str) -> Template:
        """A new, undefined template NAME in this set, with this template's delimiters."""
        t = Template.__new__(Template)
        t.name = name
        t._common = self._common
        t._tree = None
        t._code = None
        t._key = None
        t._left = self._left
        t._right = self._right
        return t

    def funcs(self, mapping: Mapping[str, Any]) -> Template:
        """Add functions (GoFunc values, or plain callables taking and returning interface {})."""
        c = self._common
        for name, value in mapping.items():
            if not _good_name(name):
                raise ValueError(f"function name {quote(name)} is not a valid identifier")
            c.funcs[name] = prepare(name, value)
            c.names[name] = value
        key = c.names_key
        if key is not None and not key.issuperset(mapping):
            c.names_key = None
        return self

    def option(self, *opts: str) -> Template:
        """Set options: ``missingkey=default|invalid|zero|error`` (Go's Option)."""
        for opt in opts:
            if opt == "":
                raise ValueError("empty option string")
            key, eq, value = opt.partition("=")
            if key != "missingkey" or not eq or value not in _MISSINGKEY:
                raise ValueError("unrecognized option: " + opt)
            self._common.missingkey = _MISSINGKEY[value]
        return self

    def delims(self, left: str, right: str) -> Template:
        """Action delimiters for later :meth:`parse` calls; empty means ``{{`` / ``}}``."""
        self._left = left
        self._right = right
        return self

    def parse(self, text: str) -> Template:
        """Parse TEXT as this template's body; its {{define}}s join the set. Raises ParseError."""
        c = self._common
        names = c.names_key
        if names is None:
            names = c.names_key = _names_key(c.names)
        key = (text, self.name, self._left, self._right, names)
        trees = _parsed.get(key)
        if trees is None:
            from chartist.gotemplate.parse import parse

            trees = parse(self.name, text, funcs=names, left_delim=self._left, right_delim=self._right)
            _remember(key, trees)
        for name, tree in trees.items():
            nt = self.add_parse_tree(name, tree)
            if nt._tree is tree:
                nt._key = (text, tree.name, tree.parse_name, self._left, self._right, names)
        return self

    def add_parse_tree(self, name: str, tree: Tree) -> Template:
        """Associate TREE with NAME in the set; an empty tree never replaces a defined one."""
        nt = self if name == self.name else self.new(name)
        if self._associate(nt, tree) or nt._tree is None:
            nt._tree = tree
            nt._code = None
            nt._key = None
        return nt

    def _associate(self, new: Template, tree: Tree) -> bool:
        from chartist.gotemplate.parse import is_empty_tree

        old = self._common.tmpl.get(new.name)
        if old is not None and old._tree is not None and is_empty_tree(tree.root):
            return False
        self._common.tmpl[new.name] = new
        return True

    def clone(self) -> Template:
        """A copy of the set's name space and functions; trees (and compiled code) are shared."""
        nt = self._copy(_Common())
        c, nc = self._common, nt._common
        for name, t in c.tmpl.items():
            nc.tmpl[name] = nt if name == self.name else t._copy(nc)
        nc.funcs = dict(c.funcs)
        nc.names = dict(c.names)
        nc.names_key = c.names_key
        nc.missingkey = c.missingkey
        return nt

    def _copy(self, common: _Common) -> Template:
        t = self.new(self.name)
        t._common = common
        t._tree = self._tree
        t._code = self._code
        t._key = self._key
        return t

    # -- looking up --------------------------------------------------------------------------------

    def lookup(self, name: str) -> Template | None:
        """The template NAME of this set, or None."""
        return self._common.tmpl.get(name)

    def templates(self) -> list[Template]:
        """The templates of the set."""
        return list(self._common.tmpl.values())

    def defined_templates(self) -> str:
        """Go's ``; defined templates are: "a", "b"`` (empty when none is defined)."""
        names = [quote(n) for n, t in self._common.tmpl.items() if t._tree is not None]
        return "; defined templates are: " + ", ".join(names) if names else ""

    # -- executing -----------------------------------------------------------------------------------

    def code(self) -> Code | None:
        """The compiled tree (compiled on first use), None while undefined."""
        code = self._code
        if code is None and self._tree is not None:
            code = self._code = compile_tree(self._tree, self._key)
        return code

    def execute(self, data: Any) -> str:
        """Run the template on DATA and return the text. Raises ExecError."""
        code = self.code()
        c = self._common
        st = State(c.funcs, c.tmpl, c.missingkey, self.name)
        if code is None:
            raise ExecError(self.name, f"{quote(self.name)} is an incomplete or empty template")
        out: list[str] = []
        nested = getattr(_nesting, "n", 0) + 1
        _nesting.n = nested
        if nested == _NESTED_EXECUTIONS:
            raise_recursion_limit()
        try:
            code(st, NOVALUE if data is None else data, out.append)
        except ExecError as e:
            raise e.with_traceback(None) from e.__cause__
        except RecursionError as e:
            raise ExecError(st.name, "stack overflow (maximum recursion depth exceeded)") from e
        finally:
            _nesting.n = nested - 1
            if st.raised:
                restore_recursion_limit()
            if nested == _NESTED_EXECUTIONS:
                restore_recursion_limit()
        return "".join(out)

    def execute_template(self, name: str, data: Any) -> str:
        """Run the set's template NAME on DATA. Raises ExecError (also when NAME is unknown)."""
        t = self._common.tmpl.get(name)
        if t is None:
            err = ExecError(self.name, "")
            err.message = f"template: no template {quote(name)} associated with template {quote(self.name)}"
            err.detail = err.message
            raise err
        return t.execute(data)


_good_names: set[str] = set()  # names found good (every render registers the same functions)


def _good_name(name: str) -> bool:
    """Go's goodName: a letter or _ then letters, digits or _."""
    if name in _good_names:
        return True
    if not name:
        return False
    for i, ch in enumerate(name):
        if ch == "_":
            continue
        cat = unicodedata.category(ch)
        if i == 0 and not cat.startswith("L"):
            return False
        if not cat.startswith("L") and cat != "Nd":
            return False
    if len(_good_names) < 4096:
        _good_names.add(name)
    return True
