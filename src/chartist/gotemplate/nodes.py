"""Parse-tree nodes of Go's text/template, one frozen slotted dataclass per node kind.

Every node carries ``pos`` (offset of the node in the template text, in characters),
``line`` (1-based) and ``col`` (Go's column: the byte offset from the start of the line,
0-based, as Go's ``ErrorContext`` reports it). ``str(node)`` prints template text the way
Go's ``Node.String`` does; error messages and parse tests depend on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

from chartist.gotemplate.strconv import quote

N = TypeVar("N", bound="Node")


@dataclass(frozen=True, slots=True)
class Node:
    pos: int = field(default=0, kw_only=True, compare=False)
    line: int = field(default=1, kw_only=True, compare=False)
    col: int = field(default=0, kw_only=True, compare=False)


@dataclass(frozen=True, slots=True)
class TextNode(Node):
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class CommentNode(Node):
    text: str  # including the /* */ delimiters

    def __str__(self) -> str:
        return "{{" + self.text + "}}"


@dataclass(frozen=True, slots=True)
class ListNode(Node):
    nodes: tuple[Node, ...]

    def __str__(self) -> str:
        return "".join(str(n) for n in self.nodes)


@dataclass(frozen=True, slots=True)
class DotNode(Node):
    def __str__(self) -> str:
        return "."


@dataclass(frozen=True, slots=True)
class NilNode(Node):
    def __str__(self) -> str:
        return "nil"


@dataclass(frozen=True, slots=True)
class BoolNode(Node):
    value: bool

    def __str__(self) -> str:
        return "true" if self.value else "false"


@dataclass(frozen=True, slots=True)
class NumberNode(Node):
    """A numeric constant. Go keeps every interpretation the literal allows."""

    text: str
    is_int: bool = False
    is_uint: bool = False
    is_float: bool = False
    is_complex: bool = False
    int_value: int = 0
    uint_value: int = 0
    float_value: float = 0.0
    complex_value: complex = 0j

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class StringNode(Node):
    quoted: str  # the original text, quotes included
    text: str  # the unquoted value

    def __str__(self) -> str:
        return self.quoted


@dataclass(frozen=True, slots=True)
class IdentifierNode(Node):
    """A function name."""

    ident: str

    def __str__(self) -> str:
        return self.ident


@dataclass(frozen=True, slots=True)
class VariableNode(Node):
    """``$x`` possibly followed by fields: ident is ("$x", "Field", ...)."""

    ident: tuple[str, ...]

    def __str__(self) -> str:
        return ".".join(self.ident)


@dataclass(frozen=True, slots=True)
class FieldNode(Node):
    """``.A.B``: ident is ("A", "B")."""

    ident: tuple[str, ...]

    def __str__(self) -> str:
        return "".join("." + i for i in self.ident)


@dataclass(frozen=True, slots=True)
class ChainNode(Node):
    """A term followed by field accesses: ``(pipeline).A.B``."""

    node: Node
    field: tuple[str, ...]

    def __str__(self) -> str:
        s = str(self.node)
        if isinstance(self.node, PipeNode):
            s = "(" + s + ")"
        return s + "".join("." + f for f in self.field)


@dataclass(frozen=True, slots=True)
class CommandNode(Node):
    args: tuple[Node, ...]

    def __str__(self) -> str:
        parts = []
        for a in self.args:
            if isinstance(a, PipeNode):
                parts.append("(" + str(a) + ")")
            else:
                parts.append(str(a))
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class PipeNode(Node):
    is_assign: bool
    decl: tuple[VariableNode, ...]
    cmds: tuple[CommandNode, ...]

    def __str__(self) -> str:
        s = ""
        if self.decl:
            s = ", ".join(str(v) for v in self.decl) + (" = " if self.is_assign else " := ")
        return s + " | ".join(str(c) for c in self.cmds)


@dataclass(frozen=True, slots=True)
class ActionNode(Node):
    pipe: PipeNode

    def __str__(self) -> str:
        return "{{" + str(self.pipe) + "}}"


@dataclass(frozen=True, slots=True)
class BranchNode(Node):
    pipe: PipeNode
    list: ListNode
    else_list: ListNode | None

    keyword = ""

    def __str__(self) -> str:
        s = "{{" + self.keyword + " " + str(self.pipe) + "}}" + str(self.list)
        if self.else_list is not None:
            s += "{{else}}" + str(self.else_list)
        return s + "{{end}}"


@dataclass(frozen=True, slots=True)
class IfNode(BranchNode):
    keyword = "if"


@dataclass(frozen=True, slots=True)
class RangeNode(BranchNode):
    keyword = "range"


@dataclass(frozen=True, slots=True)
class WithNode(BranchNode):
    keyword = "with"


@dataclass(frozen=True, slots=True)
class BreakNode(Node):
    def __str__(self) -> str:
        return "{{break}}"


@dataclass(frozen=True, slots=True)
class ContinueNode(Node):
    def __str__(self) -> str:
        return "{{continue}}"


@dataclass(frozen=True, slots=True)
class TemplateNode(Node):
    """``{{template "name" pipeline}}``; pipe is None without a pipeline."""

    name: str
    pipe: PipeNode | None

    def __str__(self) -> str:
        if self.pipe is None:
            return "{{template " + quote(self.name) + "}}"
        return "{{template " + quote(self.name) + " " + str(self.pipe) + "}}"


@dataclass(frozen=True, slots=True)
class Tree:
    """One parsed template: its name, the name it was parsed under (for errors), its text."""

    name: str
    parse_name: str
    root: ListNode
    text: str


# Positional constructors for the parser, which builds a node for every operand: they set the
# slots directly, in field order (pos, line, col, then the node's own fields), where the frozen
# dataclass __init__ takes keywords and goes through object.__setattr__ (twice as slow). The
# result is the same node.
_new = object.__new__


def _setters(cls: type[Node]) -> list[Callable[[Any, Any], None]]:
    return [getattr(cls, f.name).__set__ for f in fields(cls)]


def maker0(cls: type[N]) -> Callable[[int, int, int], N]:
    """``make(pos, line, col)`` for a node with no field of its own."""
    sp, sl, sc = _setters(cls)

    def make(pos: int, line: int, col: int) -> N:
        n = _new(cls)
        sp(n, pos)
        sl(n, line)
        sc(n, col)
        return n

    return make


def maker1(cls: type[N]) -> Callable[[int, int, int, Any], N]:
    """``make(pos, line, col, a)`` for a node with one field of its own."""
    sp, sl, sc, sa = _setters(cls)

    def make(pos: int, line: int, col: int, a: Any) -> N:
        n = _new(cls)
        sp(n, pos)
        sl(n, line)
        sc(n, col)
        sa(n, a)
        return n

    return make


def maker2(cls: type[N]) -> Callable[[int, int, int, Any, Any], N]:
    """``make(pos, line, col, a, b)`` for a node with two fields of its own."""
    sp, sl, sc, sa, sb = _setters(cls)

    def make(pos: int, line: int, col: int, a: Any, b: Any) -> N:
        n = _new(cls)
        sp(n, pos)
        sl(n, line)
        sc(n, col)
        sa(n, a)
        sb(n, b)
        return n

    return make


def maker3(cls: type[N]) -> Callable[[int, int, int, Any, Any, Any], N]:
    """``make(pos, line, col, a, b, c)`` for a node with three fields of its own."""
    sp, sl, sc, sa, sb, sx = _setters(cls)

    def make(pos: int, line: int, col: int, a: Any, b: Any, c: Any) -> N:
        n = _new(cls)
        sp(n, pos)
        sl(n, line)
        sc(n, col)
        sa(n, a)
        sb(n, b)
        sx(n, c)
        return n

    return make
