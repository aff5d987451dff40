"""yaml.v3's encoder for a node tree, as kyaml configures it (indent 2, compact sequences).

Hand-written because no Python library writes yaml.v3's bytes: the node is turned into
events as go-yaml v3's ``encoder.node`` does (tags dropped when they resolve implicitly,
foot comments of keys moved to the next key as "tail" comments), and the events run through
a port of its emitter state machine (libyaml's, with v3's comment handling, its regular
indentation and ``CompactSeqIndent``). The line width is unlimited, as v3's default is.
"""

from __future__ import annotations

from typing import Final

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
from chartist.kyaml.writer import Writer

__all__ = ["encode_documents"]

# Event types.
_DOC_START, _DOC_END, _ALIAS, _SCALAR, _SEQ_START, _SEQ_END, _MAP_START, _MAP_END, _STREAM_END = range(9)
# Scalar styles (yaml_scalar_style_t).
_PLAIN, _SINGLE, _DOUBLE, _LITERAL, _FOLDED = range(1, 6)
# Emitter states.
(
    _S_DOC_START,
    _S_DOC_CONTENT,
    _S_DOC_END,
    _S_FSEQ_FIRST,
    _S_FSEQ_TRAIL,
    _S_FSEQ_ITEM,
    _S_FMAP_FIRST,
    _S_FMAP_TRAIL,
    _S_FMAP_KEY,
    _S_FMAP_SIMPLE_VALUE,
    _S_FMAP_VALUE,
    _S_BSEQ_FIRST,
    _S_BSEQ_ITEM,
    _S_BMAP_FIRST,
    _S_BMAP_KEY,
    _S_BMAP_SIMPLE_VALUE,
    _S_BMAP_VALUE,
    _S_END,
) = range(18)

_BEST_INDENT: Final = 2
_BEST_WIDTH: Final = (1 << 31) - 1
_YAML_PREFIX: Final = "tag:yaml.org,2002:"
_TAG_SAFE: Final = frozenset(";/?:@&=+$,_.~*'()[]-")


class _Event:
    __slots__ = (
        "anchor",
        "foot",
        "head",
        "implicit",
        "line",
        "quoted",
        "style",
        "tag",
        "tail",
        "typ",
        "value",
    )

    def __init__(
        self,
        typ: int,
        anchor: str = "",
        tag: str = "",
        value: str = "",
        implicit: bool = True,
        style: int = 0,
    ) -> None:
        self.typ = typ
        self.anchor = anchor
        self.tag = tag
        self.value = value
        self.implicit = implicit
        self.quoted = implicit
        self.style = style
        self.head = self.line = self.foot = self.tail = ""


def _long_tag(tag: str) -> str:
    return _YAML_PREFIX + tag[2:] if tag.startswith("!!") else tag


def _events(node: Node, tail: str, out: list[_Event]) -> None:
    """go-yaml v3's ``encoder.node``: NODE as events appended to OUT."""
    tag = node.tag
    force_quoting = False
    if tag and not node.style & TAGGED:
        if node.kind == SCALAR:
            if tag == STR_TAG and node.style & (SINGLE_QUOTED | DOUBLE_QUOTED | LITERAL | FOLDED):
                tag = ""
            else:
                rtag = resolve_tag(node.value)
                if rtag == tag:
                    tag = ""
                elif tag == STR_TAG:
                    tag = ""
                    force_quoting = True
        elif (node.kind == MAPPING and tag == "!!map") or (node.kind == SEQUENCE and tag == "!!seq"):
            tag = ""
    kind = node.kind
    if kind == DOCUMENT:
        ev = _Event(_DOC_START)
        ev.head = node.head_comment
        out.append(ev)
        for child in node.content:
            _events(child, "", out)
        ev = _Event(_DOC_END)
        ev.foot = node.foot_comment
        out.append(ev)
    elif kind == SEQUENCE:
        ev = _Event(_SEQ_START, node.anchor, _long_tag(tag), implicit=tag == "", style=node.style & FLOW)
        ev.head = node.head_comment
        out.append(ev)
        for child in node.content:
            _events(child, "", out)
        ev = _Event(_SEQ_END)
        ev.line, ev.foot = node.line_comment, node.foot_comment
        out.append(ev)
    elif kind == MAPPING:
        ev = _Event(_MAP_START, node.anchor, _long_tag(tag), implicit=tag == "", style=node.style & FLOW)
        ev.tail, ev.head = tail, node.head_comment
        out.append(ev)
        c = node.content
        key_tail = ""
        for i in range(0, len(c) - 1, 2):
            k = c[i]
            foot = k.foot_comment
            if foot:
                k = k.copy()
                k.foot_comment = ""
            _events(k, key_tail, out)
            key_tail = foot
            _events(c[i + 1], "", out)
        ev = _Event(_MAP_END)
        ev.tail, ev.line, ev.foot = key_tail, node.line_comment, node.foot_comment
        out.append(ev)
    elif kind == ALIAS:
        ev = _Event(_ALIAS, node.value)
        ev.head, ev.line, ev.foot = node.head_comment, node.line_comment, node.foot_comment
        out.append(ev)
    elif kind == SCALAR:
        value = node.value
        style = _PLAIN
        st = node.style
        if st & DOUBLE_QUOTED:
            style = _DOUBLE
        elif st & SINGLE_QUOTED:
            style = _SINGLE
        elif st & LITERAL:
            style = _LITERAL
        elif st & FOLDED:
            style = _FOLDED
        elif "\n" in value:
            style = _LITERAL
        elif force_quoting:
            style = _DOUBLE
        ev = _Event(_SCALAR, node.anchor, _long_tag(tag), value, implicit=tag == "", style=style)
        ev.head, ev.line, ev.foot, ev.tail = node.head_comment, node.line_comment, node.foot_comment, tail
        out.append(ev)
    else:
        raise KyamlError(f"cannot encode node with unknown kind {kind}")


def _is_alpha(c: str) -> bool:
    return c.isascii() and (c.isalnum() or c in "_-")


class _Emitter(Writer):
    """The emitter's state machine; method names follow libyaml's ``yaml_emitter_*`` functions."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[_Event] = []
        self.head_ix = 0
        self.state = _S_DOC_START
        self.states: list[int] = []
        self.first = True

    # -- driver -------------------------------------------------------------------------
    def emit(self, ev: _Event) -> None:
        self.events.append(ev)
        while not self.need_more_events():
            cur = self.events[self.head_ix]
            self.analyze_event(cur)
            self.state_machine(cur)
            self.head_ix += 1

    def need_more_events(self) -> bool:
        if self.head_ix == len(self.events):
            return True
        typ = self.events[self.head_ix].typ
        if typ == _DOC_START:
            accumulate = 1
        elif typ == _SEQ_START:
            accumulate = 2
        elif typ == _MAP_START:
            accumulate = 3
        else:
            return False
        if len(self.events) - self.head_ix > accumulate:
            return False
        level = 0
        for ev in self.events[self.head_ix :]:
            if ev.typ in (_DOC_START, _SEQ_START, _MAP_START):
                level += 1
            elif ev.typ in (_STREAM_END, _DOC_END, _SEQ_END, _MAP_END):
                level -= 1
            if level == 0:
                return False
        return True

    def increase_indent(self, flow: bool, indentless: bool, compact_seq: bool = False) -> None:
        self.indents.append(self.indent)
        if self.indent < 0:
            self.indent = _BEST_INDENT if flow else 0
        elif not indentless:
            if self.states and self.states[-1] == _S_BSEQ_ITEM:
                self.indent += 2
            else:
                self.indent = _BEST_INDENT * ((self.indent + _BEST_INDENT) // _BEST_INDENT)
                if compact_seq:
                    self.indent -= 2

    def pop_indent(self) -> None:
        self.indent = self.indents.pop()

    def pop_state(self) -> None:
        self.state = self.states.pop()

    def state_machine(self, ev: _Event) -> None:
        s = self.state
        if s == _S_DOC_START:
            self.emit_document_start(ev)
        elif s == _S_DOC_CONTENT:
            self.states.append(_S_DOC_END)
            self.process_head_comment()
            self.emit_node(ev, True, False, False, False)
            self.process_line_comment()
            self.process_foot_comment()
        elif s == _S_DOC_END:
            self.emit_document_end(ev)
        elif s in (_S_FSEQ_FIRST, _S_FSEQ_TRAIL, _S_FSEQ_ITEM):
            self.emit_flow_sequence_item(ev, s == _S_FSEQ_FIRST, s == _S_FSEQ_TRAIL)
        elif s in (_S_FMAP_FIRST, _S_FMAP_TRAIL, _S_FMAP_KEY):
            self.emit_flow_mapping_key(ev, s == _S_FMAP_FIRST, s == _S_FMAP_TRAIL)
        elif s in (_S_FMAP_SIMPLE_VALUE, _S_FMAP_VALUE):
            self.emit_flow_mapping_value(ev, s == _S_FMAP_SIMPLE_VALUE)
        elif s in (_S_BSEQ_FIRST, _S_BSEQ_ITEM):
            self.emit_block_sequence_item(ev, s == _S_BSEQ_FIRST)
        elif s in (_S_BMAP_FIRST, _S_BMAP_KEY):
            self.emit_block_mapping_key(ev, s == _S_BMAP_FIRST)
        elif s in (_S_BMAP_SIMPLE_VALUE, _S_BMAP_VALUE):
            self.emit_block_mapping_value(ev, s == _S_BMAP_SIMPLE_VALUE)
        else:
            raise KyamlError("expected nothing after STREAM-END")

    def emit_document_start(self, ev: _Event) -> None:
        if ev.typ == _STREAM_END:
            self.state = _S_END
            return
        if not self.first:
            self.write_indent()
            self.write_indicator("---", True, False, False)
            self.write_indent()
        self.first = False
        if self.head_comment:
            self.process_head_comment()
            self.put_break()
        self.state = _S_DOC_CONTENT

    def emit_document_end(self, ev: _Event) -> None:
        self.foot_indent = 0
        self.process_foot_comment()
        self.foot_indent = -1
        self.write_indent()
        self.state = _S_DOC_START

    def emit_flow_sequence_item(self, ev: _Event, first: bool, trail: bool) -> None:
        if first:
            self.write_indicator("[", True, True, False)
            self.increase_indent(True, False)
            self.flow_level += 1
        if ev.typ == _SEQ_END:
            self.flow_level -= 1
            self.pop_indent()
            if self.column == 0:
                self.write_indent()
            self.write_indicator("]", False, False, False)
            self.process_line_comment()
            self.process_foot_comment()
            self.pop_state()
            return
        if not first and not trail:
            self.write_indicator(",", False, False, False)
        self.process_head_comment()
        if self.column == 0:
            self.write_indent()
        pending = bool(self.line_comment or self.foot_comment or self.tail_comment)
        self.states.append(_S_FSEQ_TRAIL if pending else _S_FSEQ_ITEM)
        self.emit_node(ev, False, True, False, False)
        if self.line_comment or self.foot_comment or self.tail_comment:
            self.write_indicator(",", False, False, False)
        self.process_line_comment()
        self.process_foot_comment()

    def emit_flow_mapping_key(self, ev: _Event, first: bool, trail: bool) -> None:
        if first:
            self.write_indicator("{", True, True, False)
            self.increase_indent(True, False)
            self.flow_level += 1
        if ev.typ == _MAP_END:
            if (self.head_comment or self.foot_comment or self.tail_comment) and not first and not trail:
                self.write_indicator(",", False, False, False)
            self.process_head_comment()
            self.flow_level -= 1
            self.pop_indent()
            self.write_indicator("}", False, False, False)
            self.process_line_comment()
            self.process_foot_comment()
            self.pop_state()
            return
        if not first and not trail:
            self.write_indicator(",", False, False, False)
        self.process_head_comment()
        if self.column == 0:
            self.write_indent()
        if self.check_simple_key():
            self.states.append(_S_FMAP_SIMPLE_VALUE)
            self.emit_node(ev, False, False, True, True)
            return
        self.write_indicator("?", True, False, False)
        self.states.append(_S_FMAP_VALUE)
        self.emit_node(ev, False, False, True, False)

    def emit_flow_mapping_value(self, ev: _Event, simple: bool) -> None:
        if simple:
            self.write_indicator(":", False, False, False)
        else:
            self.write_indicator(":", True, False, False)
        pending = bool(self.line_comment or self.foot_comment or self.tail_comment)
        self.states.append(_S_FMAP_TRAIL if pending else _S_FMAP_KEY)
        self.emit_node(ev, False, False, True, False)
        if self.line_comment or self.foot_comment or self.tail_comment:
            self.write_indicator(",", False, False, False)
        self.process_line_comment()
        self.process_foot_comment()

    def emit_block_sequence_item(self, ev: _Event, first: bool) -> None:
        if first:
            seq = self.mapping_context and (self.column == 0 or not self.indention)
            self.increase_indent(False, False, seq)
        if ev.typ == _SEQ_END:
            self.pop_indent()
            self.pop_state()
            return
        self.process_head_comment()
        self.write_indent()
        self.write_indicator("-", True, False, True)
        self.states.append(_S_BSEQ_ITEM)
        self.emit_node(ev, False, True, False, False)
        self.process_line_comment()
        self.process_foot_comment()

    def emit_block_mapping_key(self, ev: _Event, first: bool) -> None:
        if first:
            self.increase_indent(False, False)
        self.process_head_comment()
        if ev.typ == _MAP_END:
            self.pop_indent()
            self.pop_state()
            return
        self.write_indent()
        if self.line_comment:
            self.key_line_comment = self.line_comment
            self.line_comment = ""
        if self.check_simple_key():
            self.states.append(_S_BMAP_SIMPLE_VALUE)
            self.emit_node(ev, False, False, True, True)
            return
        self.write_indicator("?", True, False, True)
        self.states.append(_S_BMAP_VALUE)
        self.emit_node(ev, False, False, True, False)

    def emit_block_mapping_value(self, ev: _Event, simple: bool) -> None:
        if simple:
            self.write_indicator(":", False, False, False)
        else:
            self.write_indent()
            self.write_indicator(":", True, False, True)
        if self.key_line_comment:
            if ev.typ == _SCALAR:
                if not self.line_comment:
                    self.line_comment = self.key_line_comment
                    self.key_line_comment = ""
            elif ev.style != FLOW and ev.typ in (_MAP_START, _SEQ_START):
                self.line_comment, self.key_line_comment = self.key_line_comment, self.line_comment
                self.process_line_comment()
                self.line_comment, self.key_line_comment = self.key_line_comment, self.line_comment
        self.states.append(_S_BMAP_KEY)
        self.emit_node(ev, False, False, True, False)
        self.process_line_comment()
        self.process_foot_comment()

    def emit_node(self, ev: _Event, root: bool, sequence: bool, mapping: bool, simple_key: bool) -> None:
        self.root_context = root
        self.sequence_context = sequence
        self.mapping_context = mapping
        self.simple_key_context = simple_key
        typ = ev.typ
        if typ == _ALIAS:
            self.process_anchor()
            self.pop_state()
        elif typ == _SCALAR:
            self.select_scalar_style(ev)
            self.process_anchor()
            self.process_tag()
            self.increase_indent(True, False)
            self.process_scalar()
            self.pop_indent()
            self.pop_state()
        elif typ in (_SEQ_START, _MAP_START):
            self.process_anchor()
            self.process_tag()
            nxt = self.events[self.head_ix + 1] if self.head_ix + 1 < len(self.events) else None
            empty = nxt is not None and nxt.typ == typ + 1
            if self.flow_level > 0 or ev.style == FLOW or empty:
                self.state = _S_FSEQ_FIRST if typ == _SEQ_START else _S_FMAP_FIRST
            else:
                self.state = _S_BSEQ_FIRST if typ == _SEQ_START else _S_BMAP_FIRST
        else:
            raise KyamlError("expected SCALAR, SEQUENCE-START, MAPPING-START, or ALIAS")

    def check_simple_key(self) -> bool:
        ev = self.events[self.head_ix]
        nxt = self.events[self.head_ix + 1] if self.head_ix + 1 < len(self.events) else None
        length = 0
        if ev.typ == _ALIAS:
            length = len(self.anchor)
        elif ev.typ == _SCALAR:
            if self.multiline:
                return False
            length = len(self.anchor) + len(self.tag_handle) + len(self.tag_suffix) + len(self.value)
            if length > 32:  # go-yaml counts bytes, up to 4 per character
                length = (
                    len(self.anchor)
                    + len(self.tag_handle)
                    + len(self.tag_suffix.encode("utf-8", "surrogatepass"))
                )
                length += len(self.value.encode("utf-8", "surrogatepass"))
        elif ev.typ in (_SEQ_START, _MAP_START):
            if nxt is None or nxt.typ != ev.typ + 1:
                return False
            length = len(self.anchor) + len(self.tag_handle) + len(self.tag_suffix)
        else:
            return False
        return length <= 128

    def select_scalar_style(self, ev: _Event) -> None:
        no_tag = not self.tag_handle and not self.tag_suffix
        if no_tag and not ev.implicit and not ev.quoted:
            raise KyamlError("neither tag nor implicit flags are specified")
        style = ev.style or _PLAIN
        if self.simple_key_context and self.multiline:
            style = _DOUBLE
        if style == _PLAIN:
            if (self.flow_level > 0 and not self.flow_plain) or (
                self.flow_level == 0 and not self.block_plain
            ):
                style = _SINGLE
            if not self.value and (self.flow_level > 0 or self.simple_key_context):
                style = _SINGLE
            if no_tag and not ev.implicit:
                style = _SINGLE
        if style == _SINGLE and not self.single_allowed:
            style = _DOUBLE
        if style in (_LITERAL, _FOLDED) and (
            not self.block_allowed or self.flow_level > 0 or self.simple_key_context
        ):
            style = _DOUBLE
        if no_tag and not ev.quoted and style != _PLAIN:
            self.tag_handle = "!"
        self.scalar_style = style

    def process_anchor(self) -> None:
        if not self.anchor:
            return
        self.write_indicator("*" if self.alias else "&", True, False, False)
        self.put(self.anchor)
        self.whitespace = False
        self.indention = False

    def process_tag(self) -> None:
        if not self.tag_handle and not self.tag_suffix:
            return
        if self.tag_handle:
            if not self.whitespace:
                self.put(" ")
            self.put(self.tag_handle)
            self.whitespace = False
            self.indention = False
            if self.tag_suffix:
                self.write_tag_content(self.tag_suffix)
        else:
            self.write_indicator("!<", True, False, False)
            self.write_tag_content(self.tag_suffix)
            self.write_indicator(">", False, False, False)

    def write_tag_content(self, value: str) -> None:
        for c in value:
            if c in _TAG_SAFE or _is_alpha(c):
                self.put(c)
            else:
                self.put("".join(f"%{b:02X}" for b in c.encode()))
        self.whitespace = False
        self.indention = False

    def process_scalar(self) -> None:
        style = self.scalar_style
        allow_breaks = not self.simple_key_context
        if style == _PLAIN:
            self.write_plain(self.value)
        elif style == _SINGLE:
            self.write_single(self.value, allow_breaks)
        elif style == _DOUBLE:
            self.write_double(self.value)
        elif style == _LITERAL:
            self.write_literal(self.value)
        else:
            self.write_folded(self.value)

    # -- analysis -----------------------------------------------------------------------
    def analyze_event(self, ev: _Event) -> None:
        self.anchor = ""
        self.alias = False
        self.tag_handle = self.tag_suffix = ""
        self.value = ""
        if ev.head:
            self.head_comment = ev.head
        if ev.line:
            self.line_comment = ev.line
        if ev.foot:
            self.foot_comment = ev.foot
        if ev.tail:
            self.tail_comment = ev.tail
        typ = ev.typ
        if typ == _ALIAS:
            self.analyze_anchor(ev.anchor, True)
        elif typ == _SCALAR:
            if ev.anchor:
                self.analyze_anchor(ev.anchor, False)
            if ev.tag and not ev.implicit and not ev.quoted:
                self.analyze_tag(ev.tag)
            self.analyze_scalar(ev.value)
        elif typ in (_SEQ_START, _MAP_START):
            if ev.anchor:
                self.analyze_anchor(ev.anchor, False)
            if ev.tag and not ev.implicit:
                self.analyze_tag(ev.tag)

    def analyze_anchor(self, anchor: str, alias: bool) -> None:
        what = "alias" if alias else "anchor"
        if not anchor:
            raise KyamlError(f"{what} value must not be empty")
        if not all(_is_alpha(c) for c in anchor):
            raise KyamlError(f"{what} value must contain alphanumerical characters only")
        self.anchor = anchor
        self.alias = alias

    def analyze_tag(self, tag: str) -> None:
        if tag.startswith(_YAML_PREFIX):
            self.tag_handle, self.tag_suffix = "!!", tag[len(_YAML_PREFIX) :]
        elif tag.startswith("!"):
            self.tag_handle, self.tag_suffix = "!", tag[1:]
        else:
            self.tag_suffix = tag


def encode_documents(docs: list[Node]) -> str:
    """DOCS (document nodes) as one yaml.v3 Encoder writes them, separated by ``---``.

    Raises KyamlError for nodes yaml.v3 refuses to encode.
    """
    e = _Emitter()
    for doc in docs:
        events: list[_Event] = []
        _events(doc, "", events)
        for ev in events:
            e.emit(ev)
    e.emit(_Event(_STREAM_END))
    return "".join(e.out)
