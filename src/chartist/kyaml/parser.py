"""Reading one YAML document into a yaml.v3 node tree, comments included.

The document structure comes from libyaml's parser (PyYAML's C binding): go-yaml v3 is a
port of libyaml, so the events, scalar styles and error marks are the same. What libyaml
does not report is comments; :mod:`chartist.kyaml.comments` finds them in the text between
the events and attaches them to nodes as yaml.v3 does for the usual layouts. Error texts are
yaml.v3's (``parser.fail``: the context mark wins over the problem mark).
"""

from __future__ import annotations

from typing import Any, Final

import yaml
from yaml._yaml import CParser

from chartist.kyaml.node import (
    ALIAS,
    DOCUMENT,
    DOUBLE_QUOTED,
    FLOW,
    FOLDED,
    LITERAL,
    MAPPING,
    SCALAR,
    SEQUENCE,
    SINGLE_QUOTED,
    STR_TAG,
    TAGGED,
    KyamlError,
    Node,
)
from chartist.kyaml.resolve import resolve_tag

__all__ = ["Span", "parse_document"]

_YAML_PREFIX: Final = "tag:yaml.org,2002:"
_STYLES: Final = {"'": SINGLE_QUOTED, '"': DOUBLE_QUOTED, "|": LITERAL, ">": FOLDED}
# go-yaml v3's decoder depth limit (max nesting of the node tree).
_MAX_DEPTH: Final = 10000

# (start index, end index, node) of every scalar, alias and flow collection, in text order.
Span = tuple[int, int, Node]


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_YAML_PREFIX) :] if tag.startswith(_YAML_PREFIX) else tag


def _error(err: yaml.YAMLError) -> KyamlError:
    """yaml.v3's ``yaml: line N: problem`` for a libyaml error."""
    if isinstance(err, yaml.reader.ReaderError):
        return KyamlError("yaml: control characters are not allowed")
    if not isinstance(err, yaml.MarkedYAMLError):
        return KyamlError(f"yaml: {err}")
    scanner = isinstance(err, yaml.scanner.ScannerError)
    line = 0
    cm, pm = err.context_mark, err.problem_mark
    if cm is not None and cm.line != 0:
        line = cm.line + (1 if scanner else 0)
    elif pm is not None and pm.line != 0:
        line = pm.line + (1 if scanner else 0)
    where = f"line {line}: " if line else ""
    return KyamlError(f"yaml: {where}{err.problem or 'unknown problem parsing YAML content'}")


class _Builder:
    """Turns libyaml events into yaml.v3 nodes (go-yaml v3's ``parser.node``)."""

    def __init__(self, text: str) -> None:
        self.p: Any = CParser(text)
        self.anchors: dict[str, Node] = {}
        self.spans: list[Span] = []
        # (node, start line, start column) of each block mapping entry / sequence item.
        self.entries: list[tuple[Node, Node, int, int, int]] = []

    def node(self, kind: int, tag: str | None, default_tag: str, value: str, mark: Any) -> Node:
        style = 0
        if tag and tag != "!":
            tag = _short_tag(tag)
            style = TAGGED
        elif default_tag:
            tag = default_tag
        elif kind == SCALAR:
            tag = resolve_tag(value)
        else:
            tag = ""
        return Node(kind, tag, value, style, line=mark.line + 1, column=mark.column + 1)

    def parse(self, event: Any, depth: int) -> Node:
        if depth > _MAX_DEPTH:
            raise KyamlError("yaml: exceeded max depth of 10000")
        ev: Any = event  # PyYAML's stubs make every mark optional; libyaml always sets them
        sm = ev.start_mark
        if isinstance(event, yaml.ScalarEvent):
            style = _STYLES.get(ev.style or "", 0)
            default = "" if style == 0 else STR_TAG
            if style == 0 and ev.value == "<<" and not ev.tag:
                default = "!!merge"
            n = self.node(SCALAR, ev.tag, default, ev.value, sm)
            n.style |= style
            n.anchor = ev.anchor or ""
            if n.anchor:
                self.anchors[n.anchor] = n
            self.spans.append((sm.index, ev.end_mark.index, n))
            return n
        if isinstance(event, yaml.AliasEvent):
            target = self.anchors.get(ev.anchor)
            if target is None:
                raise KyamlError(f"yaml: unknown anchor '{ev.anchor}' referenced")
            n = Node(ALIAS, "", ev.anchor, line=sm.line + 1, column=sm.column + 1)
            n.alias = target
            self.spans.append((sm.index, ev.end_mark.index, n))
            return n
        is_seq = isinstance(event, yaml.SequenceStartEvent)
        kind = SEQUENCE if is_seq else MAPPING
        n = self.node(kind, ev.tag, "!!seq" if is_seq else "!!map", "", sm)
        if ev.flow_style:
            n.style |= FLOW
        n.anchor = ev.anchor or ""
        if n.anchor:
            self.anchors[n.anchor] = n
        end_type = yaml.SequenceEndEvent if is_seq else yaml.MappingEndEvent
        p = self.p
        content = n.content
        while True:
            child_ev: Any = p.get_event()
            if isinstance(child_ev, end_type):
                end_index: int = child_ev.end_mark.index  # type: ignore[union-attr]
                break
            child = self.parse(child_ev, depth + 1)
            content.append(child)
            if not ev.flow_style and (is_seq or len(content) % 2):
                m = child_ev.start_mark
                self.entries.append((n, child, len(content) - 1, m.line, m.column))
        if ev.flow_style:
            self.spans.append((sm.index, end_index, n))
        return n

    def document(self) -> tuple[Node | None, Any]:
        """The first document's node (None when there is none) and its DocumentEnd event."""
        p = self.p
        try:
            p.get_event()  # StreamStart
            ev = p.get_event()
            if isinstance(ev, yaml.StreamEndEvent):
                return None, None
            root_ev = p.get_event()
            root = self.parse(root_ev, 1)
            end = p.get_event()
        except yaml.YAMLError as err:
            raise _error(err) from None
        doc = Node(DOCUMENT, "", "", content=[root], line=1, column=1)
        return doc, end


def parse_document(text: str) -> tuple[Node | None, list[Span], list[tuple[Node, Node, int, int, int]]]:
    """The first YAML document of TEXT as yaml.v3's Decoder reads it (None when TEXT holds no
    document), with the spans and block entries :mod:`chartist.kyaml.comments` needs.

    Raises KyamlError with yaml.v3's message.
    """
    b = _Builder(text)
    doc, _ = b.document()
    return doc, b.spans, b.entries
