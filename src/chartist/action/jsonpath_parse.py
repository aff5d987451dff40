"""The parser of Kubernetes JSONPath templates (client-go ``util/jsonpath/parser.go``).

:func:`parse` turns a template into a tree of nodes: literal text, and ``{...}`` actions made of
fields, wildcards, recursive descent, array slices and unions, filters, literals and the
``range``/``end`` identifiers. client-go's parser is a set of mutually recursive states; here
they are run by a loop, so a long template cannot exhaust the stack. Errors are
:class:`JSONPathError` with client-go's texts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "MAX_DEPTH",
    "ArrayNode",
    "FieldNode",
    "FilterNode",
    "IdentifierNode",
    "JSONPathError",
    "ListNode",
    "LiteralNode",
    "Param",
    "RecursiveNode",
    "TextNode",
    "UnionNode",
    "WildcardNode",
    "parse",
]

_EOF = ""
_DICT_KEY = re.compile(r"'([^']*)'\Z")
_SLICE = re.compile(r"(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?\Z", re.ASCII)
_FILTER = re.compile(r"([^!<>=]+)([!<>=]+)(.+?)\Z", re.S)
MAX_DEPTH = 1000  # nested unions and ranges; client-go has no limit, a Python stack does


class JSONPathError(Exception):
    """A template that does not parse or cannot be applied; str() is client-go's text."""


# --- nodes --------------------------------------------------------------------------------------


@dataclass(eq=False, slots=True)
class ListNode:
    """A sequence of nodes applied in turn (the template root, one action, one union member)."""

    nodes: list[Any] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class TextNode:
    """Literal text, printed as it is."""

    text: str


@dataclass(eq=False, slots=True)
class FieldNode:
    """``.name``: a key of a map."""

    name: str


@dataclass(eq=False, slots=True)
class Param:
    """One bound of a slice: its value, whether it was given, whether it was derived from the start."""

    value: int = 0
    known: bool = False
    derived: bool = False


@dataclass(eq=False, slots=True)
class ArrayNode:
    """``[start:end:step]`` or ``[index]``."""

    params: tuple[Param, Param, Param]


@dataclass(eq=False, slots=True)
class FilterNode:
    """``[?(left op right)]``, or ``[?(left)]`` (op ``exists``)."""

    left: ListNode
    right: ListNode
    op: str


@dataclass(eq=False, slots=True)
class LiteralNode:
    """A number or boolean literal."""

    value: Any  # int, float or bool


@dataclass(eq=False, slots=True)
class WildcardNode:
    """``*``: every value of a map or list."""

    pass


@dataclass(eq=False, slots=True)
class RecursiveNode:
    """``..``: the value and everything under it."""

    pass


@dataclass(eq=False, slots=True)
class UnionNode:
    """``[a,b]``: the results of each member, concatenated."""

    lists: list[ListNode]


@dataclass(eq=False, slots=True)
class IdentifierNode:
    """``range`` or ``end`` (anything else fails when applied)."""

    name: str


# --- parser ---------------------------------------------------------------------------------------

_State = Callable[[ListNode], Any]


def _is_letter(c: str) -> bool:
    from chartist.sprig.gounicode import is_letter

    return is_letter(c)


def _is_digit(c: str) -> bool:
    from chartist.sprig.gounicode import is_digit

    return is_digit(c)


def _is_alnum(c: str) -> bool:
    return c == "_" or (c != _EOF and (_is_letter(c) or _is_digit(c)))


def _is_terminator(c: str) -> bool:
    return c in (_EOF, " ", "\t", "\r", "\n", ".", ",", "[", "]", "$", "@", "{", "}")


class _Parser:
    """client-go's parser, its mutually recursive states run by a loop (deep input is safe)."""

    def __init__(self, text: str, depth: int = 0) -> None:
        self.input = text
        self.pos = 0
        self.start = 0
        self.width = 0
        self.root = ListNode()
        self.depth = depth
        if depth > MAX_DEPTH:
            raise JSONPathError("jsonpath template nested too deeply")

    def parse(self) -> ListNode:
        state: tuple[_State, ListNode] | None = (self._text, self.root)
        while state is not None:
            fn, cur = state
            state = fn(cur)
        return self.root

    def _consume(self) -> str:
        value = self.input[self.start : self.pos]
        self.start = self.pos
        return value

    def _next(self) -> str:
        if self.pos >= len(self.input):
            self.width = 0
            return _EOF
        self.width = 1
        self.pos += 1
        return self.input[self.pos - 1]

    def _backup(self) -> None:
        self.pos -= self.width

    def _peek(self) -> str:
        c = self._next()
        self._backup()
        return c

    def _text(self, cur: ListNode) -> Any:
        while True:
            if self.input.startswith("{", self.pos):
                if self.pos > self.start:
                    cur.nodes.append(TextNode(self._consume()))
                self.pos += 1
                self._consume()
                node = ListNode()
                cur.nodes.append(node)
                return (self._inside, node)
            if self._next() == _EOF:
                break
        if self.pos > self.start:
            cur.nodes.append(TextNode(self._consume()))
        return None

    def _inside(self, cur: ListNode) -> Any:
        rest = self.input[self.pos :]
        if rest.startswith("}"):
            self.pos += 1
            self._consume()
            return (self._text, self.root)
        if rest.startswith("[?("):
            return self._filter(cur)
        if rest.startswith(".."):
            return self._recursive(cur)
        c = self._next()
        if c in (_EOF, "\r", "\n"):
            raise JSONPathError("unclosed action")
        if c == " " or c in ("@", "$"):
            self._consume()
            return (self._inside, cur)
        if c == "[":
            return self._array(cur)
        if c in ('"', "'"):
            return self._quote(cur, c)
        if c == ".":
            return self._field(cur)
        if c in ("+", "-") or _is_digit(c):
            self._backup()
            return self._number(cur)
        if _is_alnum(c):
            self._backup()
            return self._identifier(cur)
        raise JSONPathError(f"unrecognized character in action: {_go_U(c)}")

    def _identifier(self, cur: ListNode) -> Any:
        while True:
            if _is_terminator(self._next()):
                self._backup()
                break
        value = self._consume()
        cur.nodes.append(
            LiteralNode(value == "true") if value in ("true", "false") else IdentifierNode(value)
        )
        return (self._inside, cur)

    def _recursive(self, cur: ListNode) -> Any:
        if cur.nodes and isinstance(cur.nodes[-1], RecursiveNode):
            raise JSONPathError("invalid multiple recursive descent")
        self.pos += 2
        self._consume()
        cur.nodes.append(RecursiveNode())
        if _is_alnum(self._peek()):
            return self._field(cur)
        return (self._inside, cur)

    def _number(self, cur: ListNode) -> Any:
        if self._peek() in ("+", "-"):
            self._next()
        while True:
            c = self._next()
            if c != "." and not (c != _EOF and _is_digit(c)):
                self._backup()
                break
        value = self._consume()
        num = _atoi(value)
        if num is not None:
            cur.nodes.append(LiteralNode(num))
            return (self._inside, cur)
        try:
            if not re.fullmatch(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)", value, re.ASCII):
                raise ValueError(value)
            cur.nodes.append(LiteralNode(float(value)))
        except ValueError:
            raise JSONPathError(f"cannot parse number {value}") from None
        return (self._inside, cur)

    def _array(self, cur: ListNode) -> Any:
        while True:
            c = self._next()
            if c in (_EOF, "\n"):
                raise JSONPathError("unterminated array")
            if c == "]":
                break
        text = self._consume()[1:-1]
        if text == "*":
            text = ":"
        parts = text.split(",")
        if len(parts) > 1:
            lists = [_action(f"[{s.strip(' ')}]", self.depth + 1) for s in parts]
            cur.nodes.append(UnionNode(lists))
            return (self._inside, cur)
        m = _DICT_KEY.match(text)
        if m is not None:
            cur.nodes.extend(_action("." + m.group(1), self.depth + 1).nodes)
            return (self._inside, cur)
        m = _SLICE.match(text)
        if m is None:
            raise JSONPathError(f"invalid array index {text}")
        groups = [g or "" for g in m.groups()]
        params = (Param(), Param(), Param())
        for i in range(3):
            v = groups[i]
            if v:
                if i > 0:
                    v = v[1:]
                if i > 0 and not v:
                    params[i].known = False
                else:
                    n = _atoi(v)
                    if n is None:
                        raise JSONPathError(f"array index {v} is not a number")
                    params[i].known, params[i].value = True, n
            elif i == 1:
                params[i].known, params[i].value, params[i].derived = True, params[0].value + 1, True
        cur.nodes.append(ArrayNode(params))
        return (self._inside, cur)

    def _filter(self, cur: ListNode) -> Any:
        self.pos += 3
        self._consume()
        begin = end = False
        pair = ""
        while True:
            c = self._next()
            if c in (_EOF, "\n"):
                raise JSONPathError("unterminated filter")
            if c in ('"', "'"):
                if not begin:
                    begin, pair = True, c
                    continue
                if self.input[self.pos - 2] != "\\" and c == pair:
                    end = True
            elif c == ")" and begin == end:
                break
        if self._next() != "]":
            raise JSONPathError("unclosed array expect ]")
        text = self._consume()[:-2]
        m = _FILTER.match(text)
        if m is None:
            cur.nodes.append(FilterNode(_action(text, self.depth + 1), ListNode(), "exists"))
        else:
            left = _action(m.group(1), self.depth + 1)
            right = _action(m.group(3), self.depth + 1)
            cur.nodes.append(FilterNode(left, right, m.group(2)))
        return (self._inside, cur)

    def _quote(self, cur: ListNode, end: str) -> Any:
        while True:
            c = self._next()
            if c in (_EOF, "\n"):
                raise JSONPathError("unterminated quoted string")
            if c == end and self.input[self.pos - 2] != "\\":
                break
        value = self._consume()
        try:
            cur.nodes.append(TextNode(_unquote(value)))
        except ValueError:
            raise JSONPathError(f"unquote string {value} error invalid syntax") from None
        return (self._inside, cur)

    def _field(self, cur: ListNode) -> Any:
        self._consume()
        while True:
            c = self._next()
            if c == "\\":
                self._next()
            elif _is_terminator(c):
                self._backup()
                break
        value = self._consume()
        cur.nodes.append(WildcardNode() if value == "*" else FieldNode(value.replace("\\", "")))
        return (self._inside, cur)


def _action(text: str, depth: int) -> ListNode:
    """client-go's parseAction: TEXT parsed as the inside of one ``{...}``."""
    root = _Parser("{" + text + "}", depth).parse()
    node = root.nodes[0]
    assert isinstance(node, ListNode)
    return node


def _atoi(s: str) -> int | None:
    """Go's strconv.Atoi (int64 range)."""
    if not re.fullmatch(r"[+-]?[0-9]+", s, re.ASCII):
        return None
    n = int(s)
    return n if -(2**63) <= n < 2**63 else None


def _go_U(c: str) -> str:
    """Go's ``%#U``."""
    return f"U+{ord(c):04X} '{c}'" if c.isprintable() else f"U+{ord(c):04X}"


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}


def _unquote(s: str) -> str:
    """client-go's UnquoteExtend: a single- or double-quoted string with Go escapes; ValueError."""
    if len(s) < 2 or s[0] != s[-1] or s[0] not in "\"'":
        raise ValueError(s)
    quote, body = s[0], s[1:-1]
    if "\\" not in body and quote not in body:
        return body
    out: list[str] = []
    i = 0
    while i < len(body):
        c = body[i]
        if c == quote:
            raise ValueError(s)
        if c != "\\":
            out.append(c)
            i += 1
            continue
        if i + 1 >= len(body):
            raise ValueError(s)
        e = body[i + 1]
        i += 2
        if e in _ESCAPES:
            out.append(_ESCAPES[e])
        elif e == quote:
            out.append(e)
        elif e in "xuU":
            n = {"x": 2, "u": 4, "U": 8}[e]
            digits = body[i : i + n]
            if len(digits) < n or not all(d in "0123456789abcdefABCDEF" for d in digits):
                raise ValueError(s)
            code = int(digits, 16)
            i += n
            if e == "x":
                out.append(bytes([code]).decode("utf-8", "surrogateescape"))
            elif code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                raise ValueError(s)
            else:
                out.append(chr(code))
        elif e in "01234567":
            digits = body[i - 1 : i + 2]
            if len(digits) < 3 or not all(d in "01234567" for d in digits) or int(digits, 8) > 255:
                raise ValueError(s)
            out.append(bytes([int(digits, 8)]).decode("utf-8", "surrogateescape"))
            i += 2
        else:
            raise ValueError(s)
    return "".join(out)


def parse(template: str) -> ListNode:
    """The node tree of TEMPLATE; raises JSONPathError."""
    return _Parser(template).parse()
