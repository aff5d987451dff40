"""The parser of Go's text/template: recursive descent over :mod:`.lex` items, Go's grammar and
Go's error messages.

Hand-written to follow ``text/template/parse/parse.go`` exactly: the same look-ahead, so that the
line in an error (Go reports the line of the last item it read) and every message match Go's.
:func:`parse` returns the tree of the named template plus one per ``{{define}}``/``{{block}}``;
:func:`is_empty_tree` is Go's ``IsEmptyTree`` for the redefinition rules.

Nodes record ``pos`` (characters), ``line`` and ``col`` (bytes into the line) as Go's
``ErrorContext`` computes them from the node's position; literals are read by :mod:`.literals`.
"""

from __future__ import annotations

import sys
from bisect import bisect_right
from collections.abc import Container
from itertools import accumulate

from chartist.gotemplate import lex as L
from chartist.gotemplate.errors import ParseError
from chartist.gotemplate.lex import Item, item_str
from chartist.gotemplate.literals import NumberError, number_node, unquote
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
    maker0,
    maker1,
    maker2,
    maker3,
)
from chartist.gotemplate.strconv import quote, to_utf8

__all__ = ["BUILTIN_FUNCS", "MAX_EXPRESSION_DEPTH", "MAX_PIPELINE_COMMANDS", "is_empty_tree", "parse"]

BUILTIN_FUNCS = frozenset(
    "and or not len index slice eq ne lt le gt ge print printf println html js urlquery call".split()
)
"""Functions text/template always knows, whatever the function map holds."""

MAX_EXPRESSION_DEPTH = 10000
"""Go's maxStackDepth: nesting of parenthesized pipelines (guards the parser's stack)."""

MAX_PIPELINE_COMMANDS = 100000
"""Go's maxPipelineCmds: commands in one pipeline."""

# Python frames the parser uses per level of nesting ({{if}} in {{if}}, ( in (), with a margin.
_FRAMES_PER_LEVEL = 8

# Items that can start an operand, hence a command.
_OPERAND_START = frozenset((L.BOOL, L.CHAR_CONSTANT, L.COMPLEX, L.DOT, L.FIELD, L.IDENTIFIER, L.NUMBER, L.NIL, L.RAW_STRING, L.STRING, L.VARIABLE, L.LEFT_PAREN))  # fmt: skip
_NON_EXECUTABLE = (BoolNode, DotNode, NilNode, NumberNode, StringNode)
_NO_ITEM: Item = (L.EOF, 0, "", 0)

# The nodes built most often, by positional constructors: make(pos, line, col, *fields).
_new_action = maker1(ActionNode)
_new_command = maker1(CommandNode)
_new_dot = maker0(DotNode)
_new_field = maker1(FieldNode)
_new_identifier = maker1(IdentifierNode)
_new_list = maker1(ListNode)
_new_pipe = maker3(PipeNode)
_new_string = maker2(StringNode)
_new_text = maker1(TextNode)
_new_variable = maker1(VariableNode)
_NEW_BRANCH = {
    IfNode: maker3(IfNode),
    RangeNode: maker3(RangeNode),
    WithNode: maker3(WithNode),
}  # Go's zero item: what a fresh tree's errors report as line 0


def parse(
    name: str,
    text: str,
    *,
    funcs: Container[str],
    left_delim: str = "{{",
    right_delim: str = "}}",
    skip_func_check: bool = False,
    parse_comments: bool = False,
) -> dict[str, Tree]:
    """Parse ``text`` as template ``name``: the trees of ``name`` and of every define and block.

    ``funcs`` are the known function names besides :data:`BUILTIN_FUNCS`; an unknown one is an
    error unless ``skip_func_check``. Empty delimiters mean the defaults. With ``parse_comments``
    comments become CommentNodes (text/template drops them). Within one text, a second non-empty
    definition of a name is an error, an empty one never replaces a non-empty one (Go's rule;
    across texts the template set decides).

    Raises ParseError with Go's message, e.g. ``template: x:1: unexpected "}" in operand``.
    """
    try:
        return _Parser(name, text, funcs, left_delim, right_delim, skip_func_check, parse_comments).run()
    except RecursionError:
        pass
    # Deep nesting: Go's stack grows, so ours must too (Python 3.11+ keeps these frames off the
    # C stack). The bound is what the text could possibly nest.
    old = sys.getrecursionlimit()
    need = old + _FRAMES_PER_LEVEL * (text.count(left_delim or "{{") + text.count("("))
    sys.setrecursionlimit(need)
    try:
        return _Parser(name, text, funcs, left_delim, right_delim, skip_func_check, parse_comments).run()
    finally:
        if sys.getrecursionlimit() == need:
            sys.setrecursionlimit(old)


def is_empty_tree(node: Node | None) -> bool:
    """Go's IsEmptyTree: nothing but whitespace text and comments."""
    if node is None or isinstance(node, CommentNode):
        return True
    if isinstance(node, ListNode):
        return all(is_empty_tree(n) for n in node.nodes)
    if isinstance(node, TextNode):
        return not node.text.strip(_GO_SPACE)
    return False


def _line_starts(text: str) -> list[int]:
    """Offsets of the lines of text after the first (just past each newline)."""
    return list(accumulate(map((1).__add__, map(len, text.split("\n")[:-1]))))


# unicode.IsSpace, which bytes.TrimSpace uses (str.strip() would also trim \x1c-\x1f).
_GO_SPACE = "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


class _End(Node):
    """``{{end}}``: ends a list, never enters a tree."""

    __slots__ = ()

    def __str__(self) -> str:
        return "{{end}}"


class _Else(Node):
    """``{{else}}``: ends a list, never enters a tree."""

    __slots__ = ()

    def __str__(self) -> str:
        return "{{else}}"


class _Parser:
    """One parse of one text. Trees started by define/block share the item stream but keep
    their own variables, depths and last-read item (Go gives each its own Tree), switched by
    :meth:`_enter` and :meth:`_leave`."""

    def __init__(
        self,
        name: str,
        text: str,
        funcs: Container[str],
        left_delim: str,
        right_delim: str,
        skip_func_check: bool,
        parse_comments: bool,
    ) -> None:
        self.name = name
        self.text = text
        self.funcs = funcs
        self.check_funcs = not skip_func_check
        items = L.lex(
            text,
            left_delim,
            right_delim,
            emit_comments=parse_comments,
            break_ok=not self._has_function("break"),
            continue_ok=not self._has_function("continue"),
        )
        items.extend([items[-1]] * 3)  # Go keeps answering EOF/error past the end
        self.items = items
        self.i = 0  # next item to read
        self.hw = 0  # items read from the "lexer" so far
        self.tree_set: dict[str, Tree] = {}
        self.ascii = text.isascii()
        self.line_starts = _line_starts(text)
        # Per-tree state (Go's Tree fields).
        self.vars: list[str] = ["$"]
        self.range_depth = 0
        self.stack_depth = 0
        self.action_line = 0
        self.last: Item = _NO_ITEM  # Go's token[0]: the last item this tree took from the lexer

    # --- item stream -------------------------------------------------------------------------

    def _next(self) -> Item:
        i = self.i
        self.i = i + 1
        if i >= self.hw:
            self.hw = i + 1
            self.last = self.items[i]
        return self.items[i]

    def _peek(self) -> Item:
        i = self.i
        if i >= self.hw:
            self.hw = i + 1
            self.last = self.items[i]
        return self.items[i]

    def _next_non_space(self) -> Item:
        # Reading spaces then an item only moves the high-water mark to that item (the lexer
        # never emits two spaces in a row, but a loop costs nothing when there is one).
        i = self.i
        items = self.items
        tok = items[i]
        while tok[0] == L.SPACE:
            i += 1
            tok = items[i]
        self.i = i + 1
        if i >= self.hw:
            self.hw = i + 1
            self.last = tok
        return tok

    def _peek_non_space(self) -> Item:
        i = self.i
        items = self.items
        tok = items[i]
        while tok[0] == L.SPACE:
            i += 1
            tok = items[i]
        self.i = i
        if i >= self.hw:
            self.hw = i + 1
            self.last = tok
        return tok

    def _errorf(self, msg: str) -> ParseError:
        return ParseError(self.name, self.last[3], msg)

    def _expect(self, typ: int, context: str) -> Item:
        tok = self._next_non_space()
        if tok[0] != typ:
            raise self._unexpected(tok, context)
        return tok

    def _unexpected(self, tok: Item, context: str) -> ParseError:
        if tok[0] == L.ERROR:
            extra = ""
            if self.action_line != 0 and self.action_line != tok[3]:
                extra = f" in action started at {self.name}:{self.action_line}"
                if tok[2].endswith(" action"):
                    extra = extra[len(" in action") :]  # not "unclosed action in action"
            return self._errorf(tok[2] + extra)
        return self._errorf(f"unexpected {item_str(tok)} in {context}")

    def _has_function(self, name: str) -> bool:
        return name in BUILTIN_FUNCS or name in self.funcs

    def _loc(self, pos: int) -> tuple[int, int]:
        """(line, col) of pos as Go's ErrorContext: col counts bytes from the line start."""
        starts = self.line_starts
        k = bisect_right(starts, pos)  # the newlines before pos
        start = starts[k - 1] if k else 0
        if self.ascii:
            return k + 1, pos - start
        return k + 1, len(to_utf8(self.text[start:pos]))

    # --- trees ---------------------------------------------------------------------------------

    def _enter(self) -> tuple[list[str], int, int, int, Item]:
        saved = (self.vars, self.range_depth, self.stack_depth, self.action_line, self.last)
        self.vars, self.range_depth, self.stack_depth, self.action_line = ["$"], 0, 0, 0
        self.last = _NO_ITEM
        return saved

    def _leave(self, saved: tuple[list[str], int, int, int, Item]) -> None:
        self.vars, self.range_depth, self.stack_depth, self.action_line, self.last = saved

    def _add(self, name: str, root: ListNode) -> None:
        """Go's Tree.add: install the tree unless a non-empty one of that name is there."""
        old = self.tree_set.get(name)
        if old is None or is_empty_tree(old.root):
            self.tree_set[name] = Tree(name, self.name, root, self.text)
            return
        if not is_empty_tree(root):
            raise self._errorf(f"template: multiple definition of template {quote(name)}")

    def run(self) -> dict[str, Tree]:
        """The top level: like item_list, but also takes definitions, and runs to EOF."""
        pos = self._peek()[1]
        nodes: list[Node] = []
        while self._peek()[0] != L.EOF:
            if self._peek()[0] == L.LEFT_DELIM:
                mark = self.i
                self._next()
                if self._next_non_space()[0] == L.DEFINE:
                    saved = self._enter()
                    self._parse_definition()
                    self._leave(saved)
                    continue
                self.i = mark
            n = self._text_or_action()
            if isinstance(n, (_End, _Else)):
                raise self._errorf(f"unexpected {n}")
            nodes.append(n)
        self._add(self.name, self._list(nodes, pos))
        return self.tree_set

    def _parse_definition(self) -> None:
        """define: ``{{define "name"}} itemList {{end}}``; the keyword is past."""
        context = "define clause"
        tok = self._next_non_space()
        if tok[0] != L.STRING and tok[0] != L.RAW_STRING:
            raise self._unexpected(tok, context)
        name = unquote(tok[2])
        if name is None:
            raise self._errorf("invalid syntax")
        self._expect(L.RIGHT_DELIM, context)
        root, end = self._item_list()
        if not isinstance(end, _End):
            raise self._errorf(f"unexpected {end} in {context}")
        self._add(name, root)

    def _list(self, nodes: list[Node], pos: int) -> ListNode:
        line, col = self._loc(pos)
        return _new_list(pos, line, col, tuple(nodes))

    # --- lists and actions -------------------------------------------------------------------

    def _item_list(self) -> tuple[ListNode, Node]:
        """itemList: ``textOrAction*``, ended by {{end}} or {{else}}, returned beside the list."""
        pos = self._peek_non_space()[1]
        nodes: list[Node] = []
        while self._peek_non_space()[0] != L.EOF:
            n = self._text_or_action()
            if isinstance(n, (_End, _Else)):
                return self._list(nodes, pos), n
            nodes.append(n)
        raise self._errorf("unexpected EOF")

    def _text_or_action(self) -> Node:
        """textOrAction: ``text | comment | action``."""
        tok = self._next_non_space()
        typ = tok[0]
        if typ == L.TEXT:
            line, col = self._loc(tok[1])
            return _new_text(tok[1], line, col, tok[2])
        if typ == L.LEFT_DELIM:
            self.action_line = tok[3]
            try:
                return self._action()
            finally:
                self.action_line = 0
        if typ == L.COMMENT:
            line, col = self._loc(tok[1])
            return CommentNode(tok[2], pos=tok[1], line=line, col=col)
        raise self._unexpected(tok, "input")

    def _action(self) -> Node:
        """action: ``control | command ("|" command)*``; the left delimiter is past."""
        tok = self._next_non_space()
        typ = tok[0]
        if typ > L.KEYWORD:
            if typ == L.IF:
                return self._branch(IfNode, "if")
            if typ == L.END:
                return _End(pos=self._expect(L.RIGHT_DELIM, "end")[1])
            if typ == L.ELSE:
                return self._else_control()
            if typ == L.RANGE:
                return self._branch(RangeNode, "range")
            if typ == L.WITH:
                return self._branch(WithNode, "with")
            if typ == L.TEMPLATE:
                return self._template_control()
            if typ == L.BLOCK:
                return self._block_control()
            if typ == L.BREAK or typ == L.CONTINUE:
                return self._loop_control(tok)
        self.i -= 1
        pos = self._peek()[1]
        line, col = self._loc(pos)
        # Variables declared here live until the enclosing {{end}}.
        return _new_action(pos, line, col, self._pipeline("command", L.RIGHT_DELIM))

    def _loop_control(self, keyword: Item) -> Node:
        """break/continue: ``{{break}}``, ``{{continue}}``, only inside a range."""
        word = keyword[2]
        tok = self._next_non_space()
        if tok[0] != L.RIGHT_DELIM:
            raise self._unexpected(tok, "{{" + word + "}}")
        if self.range_depth == 0:
            raise self._errorf("{{" + word + "}} outside {{range}}")
        line, col = self._loc(keyword[1])
        cls = BreakNode if word == "break" else ContinueNode
        return cls(pos=keyword[1], line=line, col=col)

    def _else_control(self) -> Node:
        """else: ``{{else}}``; ``{{else if`` and ``{{else with`` leave the keyword pending."""
        peek = self._peek_non_space()
        if peek[0] == L.IF or peek[0] == L.WITH:
            return _Else(pos=peek[1])
        return _Else(pos=self._expect(L.RIGHT_DELIM, "else")[1])

    def _branch(self, cls: type[IfNode | RangeNode | WithNode], context: str) -> Node:
        """if/range/with: ``{{KEYWORD pipeline}} itemList [{{else}} itemList] {{end}}``.

        ``{{else if ...}}`` (in if) and ``{{else with ...}}`` (in with) nest a branch in the
        else list that shares the outer {{end}}.
        """
        nvars = len(self.vars)
        pipe = self._pipeline(context, L.RIGHT_DELIM)
        if context == "range":
            self.range_depth += 1
            body, nxt = self._item_list()
            self.range_depth -= 1
        else:
            body, nxt = self._item_list()
        else_list = None
        if isinstance(nxt, _Else):
            if context == "if" and self._peek()[0] == L.IF:
                self._next()
                else_list = self._list([self._branch(IfNode, "if")], nxt.pos)
            elif context == "with" and self._peek()[0] == L.WITH:
                self._next()
                else_list = self._list([self._branch(WithNode, "with")], nxt.pos)
            else:
                else_list, nxt = self._item_list()
                if not isinstance(nxt, _End):
                    raise self._errorf(f"expected end; found {nxt}")
        del self.vars[nvars:]
        line, col = self._loc(pipe.pos)
        return _NEW_BRANCH[cls](pipe.pos, line, col, pipe, body, else_list)

    def _template_name(self, tok: Item, context: str) -> str:
        if tok[0] != L.STRING and tok[0] != L.RAW_STRING:
            raise self._unexpected(tok, context)
        name = unquote(tok[2])
        if name is None:
            raise self._errorf("invalid syntax")
        return name

    def _template_control(self) -> Node:
        """template: ``{{template "name" [pipeline]}}``."""
        context = "template clause"
        tok = self._next_non_space()
        name = self._template_name(tok, context)
        pipe = None
        if self._next_non_space()[0] != L.RIGHT_DELIM:
            self.i -= 1
            pipe = self._pipeline(context, L.RIGHT_DELIM)
        line, col = self._loc(tok[1])
        return TemplateNode(name, pipe, pos=tok[1], line=line, col=col)

    def _block_control(self) -> Node:
        """block: ``{{block "name" pipeline}} itemList {{end}}``, a define plus a template call."""
        context = "block clause"
        tok = self._next_non_space()
        name = self._template_name(tok, context)
        pipe = self._pipeline(context, L.RIGHT_DELIM)
        saved = self._enter()
        root, end = self._item_list()
        if not isinstance(end, _End):
            self._leave(saved)  # Go reports this one from the enclosing tree
            raise self._errorf(f"unexpected {end} in {context}")
        self._add(name, root)
        self._leave(saved)
        line, col = self._loc(tok[1])
        return TemplateNode(name, pipe, pos=tok[1], line=line, col=col)

    # --- pipelines -----------------------------------------------------------------------------

    def _pipeline(self, context: str, end: int) -> PipeNode:
        """pipeline: ``declarations? command ('|' command)*``, up to and including ``end``."""
        v = self._peek_non_space()
        pos = v[1]
        decl: list[VariableNode] = []
        is_assign = False
        while v[0] == L.VARIABLE:
            mark = self.i
            self._next()
            # "$x foo" vs "$x := foo": the item after $x decides (spaces are items).
            nxt = self._peek_non_space()
            if nxt[0] == L.ASSIGN or nxt[0] == L.DECLARE:
                is_assign = nxt[0] == L.ASSIGN
                self._next_non_space()
                decl.append(self._variable(v[1], v[2]))
                self.vars.append(v[2])
            elif nxt[0] == L.CHAR and nxt[2] == ",":
                self._next_non_space()
                decl.append(self._variable(v[1], v[2]))
                self.vars.append(v[2])
                if context == "range" and len(decl) < 2:
                    v = self._peek_non_space()
                    if v[0] in (L.VARIABLE, L.RIGHT_DELIM, L.RIGHT_PAREN):
                        continue  # the second variable of a range
                    raise self._errorf("range can only initialize variables")
                raise self._errorf(f"too many declarations in {context}")
            else:
                self.i = mark
            break
        cmds: list[CommandNode] = []
        while True:
            tok = self._next_non_space()
            typ = tok[0]
            if typ == end:
                self._check_pipeline(cmds, context)
                line, col = self._loc(pos)
                return _new_pipe(pos, line, col, is_assign, tuple(decl), tuple(cmds))
            if typ in _OPERAND_START:
                cmds.append(self._command(tok))
                if len(cmds) > MAX_PIPELINE_COMMANDS:
                    raise self._errorf("pipeline too long")
            else:
                raise self._unexpected(tok, context)

    def _check_pipeline(self, cmds: list[CommandNode], context: str) -> None:
        if not cmds:
            raise self._errorf(f"missing value for {context}")
        # Only the first stage may start with a constant or dot: later ones get piped input.
        for i, c in enumerate(cmds[1:]):
            if isinstance(c.args[0], _NON_EXECUTABLE):
                raise self._errorf(f"non executable command in pipeline stage {i + 2}")

    def _command(self, tok: Item) -> CommandNode:
        """command: ``operand (space operand)*``, up to a pipe (consumed) or a delimiter (not).

        TOK, the command's first item, is already read. (Go peeks at each item before reading
        it again; only first reads matter, for the line of errors, so the re-reads are gone.)
        """
        pos = tok[1]
        items = self.items
        args: list[Node] = []
        while True:
            operand = self._term(tok)
            if operand is not None:
                i = self.i
                tok = items[i]  # what follows the term, read now (Go's peek in operand)
                if i >= self.hw:
                    self.hw = i + 1
                    self.last = tok
                if tok[0] == L.FIELD:
                    operand = self._operand(operand, tok)
                    tok = items[self.i]
                self.i += 1
                args.append(operand)
                typ = tok[0]
                if typ == L.SPACE:
                    tok = self._next_non_space()
                    continue
            else:
                typ = tok[0]  # not a term: what ends the command, or an error
            if typ == L.RIGHT_DELIM or typ == L.RIGHT_PAREN:
                self.i -= 1
            elif typ != L.PIPE:
                raise self._unexpected(tok, "operand")
            break
        if not args:
            raise self._errorf("empty command")  # pragma: no cover - Go's guard, unreachable
        line, col = self._loc(pos)
        return _new_command(pos, line, col, tuple(args))

    def _operand(self, node: Node, tok: Item) -> Node:
        """operand: ``term .Field*``; TOK, the first field after the term, is read but not
        consumed. Fields after a field or variable extend it (at the position of the first
        added field, as in Go); after a literal they are an error."""
        pos = tok[1]
        fields: list[str] = []
        while tok[0] == L.FIELD:
            fields.append(self._next()[2][1:])
            tok = self._peek()
        line, col = self._loc(pos)
        if isinstance(node, FieldNode):
            return FieldNode(node.ident + tuple(fields), pos=pos, line=line, col=col)
        if isinstance(node, VariableNode):
            return VariableNode(node.ident + tuple(fields), pos=pos, line=line, col=col)
        if isinstance(node, _NON_EXECUTABLE):
            raise self._errorf(f"unexpected . after term {quote(str(node))}")
        return ChainNode(node, tuple(fields), pos=pos, line=line, col=col)

    def _term(self, tok: Item) -> Node | None:
        """term: literal, function name, ``.``, ``.Field``, ``$x`` or ``( pipeline )``, from
        TOK (already read); None when TOK is none of these."""
        typ, pos, val, _ = tok
        if typ == L.FIELD:
            line, col = self._loc(pos)
            return _new_field(pos, line, col, (val[1:],))
        if typ == L.IDENTIFIER:
            if self.check_funcs and not self._has_function(val):
                raise self._errorf(f"function {quote(val)} not defined")
            line, col = self._loc(pos)
            return _new_identifier(pos, line, col, val)
        if typ == L.VARIABLE:
            v = self._variable(pos, val)
            if v.ident[0] not in self.vars:
                raise self._errorf(f"undefined variable {quote(v.ident[0])}")
            return v
        if typ == L.STRING or typ == L.RAW_STRING:
            s = unquote(val)
            if s is None:
                raise self._errorf("invalid syntax")
            line, col = self._loc(pos)
            return _new_string(pos, line, col, val, s)
        if typ == L.DOT:
            line, col = self._loc(pos)
            return _new_dot(pos, line, col)
        if typ == L.NUMBER or typ == L.CHAR_CONSTANT or typ == L.COMPLEX:
            line, col = self._loc(pos)
            try:
                return number_node(val, typ, pos, line, col)
            except NumberError as e:
                raise self._errorf(str(e)) from None
        if typ == L.LEFT_PAREN:
            if self.stack_depth >= MAX_EXPRESSION_DEPTH:
                raise self._errorf("max expression depth exceeded")
            self.stack_depth += 1
            pipe = self._pipeline("parenthesized pipeline", L.RIGHT_PAREN)
            self.stack_depth -= 1
            return pipe
        if typ == L.BOOL:
            line, col = self._loc(pos)
            return BoolNode(val == "true", pos=pos, line=line, col=col)
        if typ == L.NIL:
            line, col = self._loc(pos)
            return NilNode(pos=pos, line=line, col=col)
        return None

    def _variable(self, pos: int, name: str) -> VariableNode:
        line, col = self._loc(pos)
        return _new_variable(pos, line, col, tuple(name.split(".")))
