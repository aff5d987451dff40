"""The writing half of yaml.v3's emitter: output column and indentation state, comments,
and scalar analysis and writing (libyaml's ``yaml_emitter_write_*`` and
``yaml_emitter_analyze_scalar``, with go-yaml v3's changes). :mod:`.emitter` drives it.
"""

from __future__ import annotations

import re
from typing import Final

from chartist.goyaml.scalars import printable

__all__ = ["Writer"]

_BEST_INDENT: Final = 2
_BREAKS: Final = frozenset("\r\n\x85\u2028\u2029")
_FIRST_INDICATORS: Final = frozenset("#,[]{}&*!|>'\"%@`")
_FLOW_INDICATORS: Final = frozenset(",?[]{}")
_ESCAPES: Final = {
    "\x00": "0",
    "\x07": "a",
    "\x08": "b",
    "\t": "t",
    "\n": "n",
    "\x0b": "v",
    "\x0c": "f",
    "\r": "r",
    "\x1b": "e",
    '"': '"',
    "\\": "\\",
    "\x85": "N",
    "\xa0": "_",
    "\u2028": "L",
    "\u2029": "P",
}
# Scalars that need no analysis: ASCII words with inner single spaces and no indicator.
_SIMPLE: Final = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_./=+@%()~ -]*[A-Za-z0-9_./=+@%()~-])?")
_OTHER_BREAKS: Final = re.compile("[\r\x85\u2028\u2029]")


class Writer:
    """Output and state shared by the emitter's states; names follow libyaml's."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.indent = -1
        self.indents: list[int] = []
        self.flow_level = 0
        self.column = 0
        self.whitespace = True
        self.indention = True
        self.open_ended = False
        self.foot_indent = -1
        self.root_context = self.sequence_context = self.mapping_context = self.simple_key_context = False
        self.head_comment = self.line_comment = self.foot_comment = self.tail_comment = ""
        self.key_line_comment = ""
        self.anchor = ""
        self.alias = False
        self.tag_handle = ""
        self.tag_suffix = ""
        self.value = ""
        self.multiline = False
        self.flow_plain = self.block_plain = self.single_allowed = self.block_allowed = False
        self.scalar_style = 0

    # -- low-level writers -------------------------------------------------------------
    def put(self, s: str) -> None:
        self.out.append(s)
        self.column += len(s)

    def put_break(self) -> None:
        self.out.append("\n")
        self.column = 0
        self.indention = True

    def write_break_char(self, c: str) -> None:
        if c == "\n":
            self.put_break()
        else:
            self.out.append(c)
            self.column = 0
            self.indention = True

    def write_indent(self) -> None:
        indent = max(self.indent, 0)
        if not self.indention or self.column > indent or (self.column == indent and not self.whitespace):
            self.put_break()
        if self.foot_indent == indent:
            self.put_break()
        if self.column < indent:
            self.put(" " * (indent - self.column))
        self.whitespace = True
        self.foot_indent = -1

    def write_indicator(self, ind: str, need_ws: bool, is_ws: bool, is_indention: bool) -> None:
        if need_ws and not self.whitespace:
            self.put(" ")
        self.put(ind)
        self.whitespace = is_ws
        self.indention = self.indention and is_indention
        self.open_ended = False

    def write_comment(self, comment: str) -> None:
        breaks = False
        pound = False
        for c in comment:
            if c in _BREAKS:
                self.write_break_char(c)
                breaks = True
                pound = False
            else:
                if breaks:
                    self.write_indent()
                if not pound:
                    if c != "#":
                        self.put("# ")
                    pound = True
                self.put(c)
                self.indention = False
                breaks = False
        if not breaks:
            self.put_break()
        self.whitespace = True

    # -- comments -----------------------------------------------------------------------
    def process_head_comment(self) -> None:
        if self.tail_comment:
            self.write_indent()
            self.write_comment(self.tail_comment)
            self.tail_comment = ""
            self.foot_indent = max(self.indent, 0)
        if not self.head_comment:
            return
        self.write_indent()
        self.write_comment(self.head_comment)
        self.head_comment = ""

    def process_line_comment(self, linebreak: bool = False) -> None:
        if not self.line_comment:
            if linebreak:
                self.put_break()
            return
        if not self.whitespace:
            self.put(" ")
        self.write_comment(self.line_comment)
        self.line_comment = ""

    def process_foot_comment(self) -> None:
        if not self.foot_comment:
            return
        self.write_indent()
        self.write_comment(self.foot_comment)
        self.foot_comment = ""
        self.foot_indent = max(self.indent, 0)

    # -- scalars ------------------------------------------------------------------------
    def analyze_scalar(self, value: str) -> None:
        self.value = value
        if _SIMPLE.fullmatch(value) and "  " not in value:
            self.multiline = False
            self.flow_plain = self.block_plain = self.single_allowed = self.block_allowed = True
            return
        if not value:
            self.multiline = False
            self.flow_plain = False
            self.block_plain = True
            self.single_allowed = True
            self.block_allowed = False
            return
        block_ind = flow_ind = line_breaks = special = tabs = False
        leading_space = leading_break = trailing_space = trailing_break = False
        break_space = space_break = previous_space = previous_break = False
        if value.startswith(("---", "...")):
            block_ind = flow_ind = True
        preceded_by_ws = True
        n = len(value)
        for i, c in enumerate(value):
            followed_by_ws = i + 1 >= n or value[i + 1] in " \t\r\n\x85\u2028\u2029"
            if i == 0:
                if c in _FIRST_INDICATORS:
                    flow_ind = block_ind = True
                elif c in "?:":
                    flow_ind = True
                    if followed_by_ws:
                        block_ind = True
                elif c == "-" and followed_by_ws:
                    flow_ind = block_ind = True
            else:
                if c in _FLOW_INDICATORS:
                    flow_ind = True
                elif c == ":":
                    flow_ind = True
                    if followed_by_ws:
                        block_ind = True
                elif c == "#" and preceded_by_ws:
                    flow_ind = block_ind = True
            if c == "\t":
                tabs = True
            elif not printable(c):
                special = True
            if c == " ":
                if i == 0:
                    leading_space = True
                if i + 1 == n:
                    trailing_space = True
                if previous_break:
                    break_space = True
                previous_space, previous_break = True, False
            elif c in _BREAKS:
                line_breaks = True
                if i == 0:
                    leading_break = True
                if i + 1 == n:
                    trailing_break = True
                if previous_space:
                    space_break = True
                previous_space, previous_break = False, True
            else:
                previous_space = previous_break = False
            preceded_by_ws = c in " \t\r\n\x85\u2028\u2029"
        self.multiline = line_breaks
        fp = bp = sq = ba = True
        if leading_space or leading_break or trailing_space or trailing_break:
            fp = bp = False
        if trailing_space:
            ba = False
        if break_space:
            fp = bp = sq = False
        if space_break or tabs or special:
            fp = bp = sq = False
        if space_break or special:
            ba = False
        if line_breaks:
            fp = bp = False
        if flow_ind:
            fp = False
        if block_ind:
            bp = False
        self.flow_plain, self.block_plain, self.single_allowed, self.block_allowed = fp, bp, sq, ba

    # -- scalar writers -----------------------------------------------------------------
    def write_plain(self, value: str) -> None:
        if value and not self.whitespace:
            self.put(" ")
        if "\n" not in value and not _OTHER_BREAKS.search(value):
            # no line breaks: the width is unlimited, so the text goes out as it is
            if value:
                self.put(value)
                self.whitespace = False
            self.indention = False
            if self.root_context:
                self.open_ended = True
            return
        breaks = False
        for c in value:
            if c == " ":
                self.put(c)
            elif c in _BREAKS:
                if not breaks and c == "\n":
                    self.put_break()
                self.write_break_char(c)
                breaks = True
            else:
                if breaks:
                    self.write_indent()
                self.put(c)
                self.indention = False
                breaks = False
        if value:
            self.whitespace = False
        self.indention = False
        if self.root_context:
            self.open_ended = True

    def write_single(self, value: str, allow_breaks: bool) -> None:
        self.write_indicator("'", True, False, False)
        if "\n" not in value and not _OTHER_BREAKS.search(value):
            if value:
                self.put(value.replace("'", "''"))
                self.indention = False
            self.write_indicator("'", False, False, False)
            self.whitespace = False
            self.indention = False
            return
        breaks = False
        for c in value:
            if c == " ":
                self.put(c)
            elif c in _BREAKS:
                if not breaks and c == "\n":
                    self.put_break()
                self.write_break_char(c)
                breaks = True
            else:
                if breaks:
                    self.write_indent()
                self.put("''" if c == "'" else c)
                self.indention = False
                breaks = False
        self.write_indicator("'", False, False, False)
        self.whitespace = False
        self.indention = False

    def write_double(self, value: str) -> None:
        self.write_indicator('"', True, False, False)
        parts: list[str] = []
        for c in value:
            if not printable(c) or c == "\ufeff" or c in _BREAKS or c in '"\\':
                esc = _ESCAPES.get(c)
                if esc is None:
                    o = ord(c)
                    esc = f"x{o:02X}" if o <= 0xFF else (f"u{o:04X}" if o <= 0xFFFF else f"U{o:08X}")
                parts.append("\\" + esc)
            else:
                parts.append(c)
        self.put("".join(parts))
        self.write_indicator('"', False, False, False)
        self.whitespace = False
        self.indention = False

    def write_block_hints(self, value: str) -> None:
        if value[:1] in (" ",) or value[:1] in _BREAKS:
            self.write_indicator(str(_BEST_INDENT), False, False, False)
        self.open_ended = False
        chomp = ""
        if not value:
            chomp = "-"
        elif value[-1] not in _BREAKS:
            chomp = "-"
        elif len(value) == 1:
            chomp = "+"
            self.open_ended = True
        elif value[-2] in _BREAKS:
            chomp = "+"
            self.open_ended = True
        if chomp:
            self.write_indicator(chomp, False, False, False)

    def write_literal(self, value: str) -> None:
        self.write_indicator("|", True, False, False)
        self.write_block_hints(value)
        self.process_line_comment(linebreak=True)
        self.whitespace = True
        if not _OTHER_BREAKS.search(value):
            for i, line in enumerate(value.split("\n")):
                if i:
                    self.put_break()
                if line:
                    self.write_indent()
                    self.put(line)
                    self.indention = False
            return
        breaks = True
        for c in value:
            if c in _BREAKS:
                self.write_break_char(c)
                breaks = True
            else:
                if breaks:
                    self.write_indent()
                self.put(c)
                self.indention = False
                breaks = False

    def write_folded(self, value: str) -> None:
        self.write_indicator(">", True, False, False)
        self.write_block_hints(value)
        self.process_line_comment(linebreak=True)
        self.whitespace = True
        breaks = True
        leading_spaces = True
        for c in value:
            if c in _BREAKS:
                if not breaks and not leading_spaces and c == "\n":
                    # go-yaml v3 looks for the next non-break from the start of the value
                    # (not from here); kept as it is.
                    k = 0
                    while k < len(value) and value[k] in _BREAKS:
                        k += 1
                    if not (k >= len(value) or value[k] in " \t"):
                        self.put_break()
                self.write_break_char(c)
                breaks = True
            else:
                if breaks:
                    self.write_indent()
                    leading_spaces = c in " \t"
                self.put(c)
                self.indention = False
                breaks = False
