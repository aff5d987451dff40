"""The yaml.v3 node tree that kyaml works on: kind, tag, value, style, anchor, comments.

A :class:`Node` mirrors go-yaml v3's ``yaml.Node`` field for field, because kyaml edits and
re-encodes documents at that level: scalars keep their text and quoting style, collections
their flow or block style, and head/line/foot comments travel with the node they belong to.
"""

from __future__ import annotations

from typing import Final

from chartist.errors import ChartistError

__all__ = [
    "ALIAS",
    "DOCUMENT",
    "DOUBLE_QUOTED",
    "FLOW",
    "FOLDED",
    "LITERAL",
    "MAPPING",
    "NULL_TAG",
    "SCALAR",
    "SEQUENCE",
    "SINGLE_QUOTED",
    "STR_TAG",
    "TAGGED",
    "KyamlError",
    "Node",
    "is_null_value",
]

# Kinds (yaml.Kind).
DOCUMENT: Final = 1
SEQUENCE: Final = 2
MAPPING: Final = 4
SCALAR: Final = 8
ALIAS: Final = 16

# Style bits (yaml.Style).
TAGGED: Final = 1
DOUBLE_QUOTED: Final = 2
SINGLE_QUOTED: Final = 4
LITERAL: Final = 8
FOLDED: Final = 16
FLOW: Final = 32

NULL_TAG: Final = "!!null"
STR_TAG: Final = "!!str"
_NULLS: Final = frozenset(("", "~", "null", "Null", "NULL"))


class KyamlError(ChartistError):
    """A document kyaml cannot read or write; ``str()`` is kyaml's message."""


class Node:
    """One yaml.v3 node. ``content`` holds children (key, value, key, value... for mappings);
    ``alias`` is the anchored node an alias points to."""

    __slots__ = (
        "alias",
        "anchor",
        "column",
        "content",
        "foot_comment",
        "head_comment",
        "kind",
        "line",
        "line_comment",
        "style",
        "tag",
        "value",
    )

    def __init__(
        self,
        kind: int,
        tag: str = "",
        value: str = "",
        style: int = 0,
        content: list[Node] | None = None,
        anchor: str = "",
        line: int = 0,
        column: int = 0,
    ) -> None:
        self.kind = kind
        self.tag = tag
        self.value = value
        self.style = style
        self.content: list[Node] = content if content is not None else []
        self.anchor = anchor
        self.alias: Node | None = None
        self.head_comment = ""
        self.line_comment = ""
        self.foot_comment = ""
        self.line = line
        self.column = column

    def __repr__(self) -> str:
        return f"Node(kind={self.kind}, tag={self.tag!r}, value={self.value!r}, style={self.style})"

    def copy(self) -> Node:
        """A deep copy (kyaml copies nodes before writing them)."""
        n = Node(self.kind, self.tag, self.value, self.style, [c.copy() for c in self.content], self.anchor)
        n.alias, n.head_comment = self.alias, self.head_comment
        n.line_comment, n.foot_comment = self.line_comment, self.foot_comment
        n.line, n.column = self.line, self.column
        return n

    def field(self, name: str) -> Node | None:
        """The value of key NAME in a mapping, or None."""
        if self.kind != MAPPING:
            return None
        c = self.content
        for i in range(0, len(c) - 1, 2):
            if c[i].value == name:
                return c[i + 1]
        return None


def is_null_value(value: str) -> bool:
    """Whether a plain scalar with this text resolves to null (yaml.v3's resolve)."""
    return value in _NULLS
