"""Lexer tests in the shape of Go's text/template/parse lex_test.go.

Rows are ``L(name, input, items)`` with items as (kind, value) pairs, collected like Go's
``collect`` (comments emitted, break/continue keywords on). Go's own rows come first; the rest pin
trim markers, numbers and errors whose parse-level outcome test_parse.py checks against Helm.
"""

from __future__ import annotations

import pytest

from chartist.gotemplate.lex import ItemType, format_rune, item_str, lex
from chartist.gotemplate.literals import unquote, unquote_char

t_eof = ("EOF", "")
t_left = ("LEFT_DELIM", "{{")
t_right = ("RIGHT_DELIM", "}}")
t_space = ("SPACE", " ")
t_lpar = ("LEFT_PAREN", "(")
t_rpar = ("RIGHT_PAREN", ")")
t_pipe = ("PIPE", "|")
t_dot = ("DOT", ".")
t_quote = ("STRING", '"abc \\n\\t\\" "')
RAW = "`" + 'abc\\n\\t\\" ' + "`"
RAW_NL = "`now is{{\n}}the time`"


def text(v):
    return ("TEXT", v)


def num(v):
    return ("NUMBER", v)


def ident(v):
    return ("IDENTIFIER", v)


def field(v):
    return ("FIELD", v)


def var(v):
    return ("VARIABLE", v)


def err(v):
    return ("ERROR", v)


def L(name, input, items):
    return pytest.param(input, items, id=name)


def collect(input, left="{{", right="}}", **options):
    options.setdefault("emit_comments", True)
    return [(ItemType(typ).name, val) for typ, _, val, _ in lex(input, left, right, **options)]


LEX_TESTS = [
    L("empty", "", [t_eof]),
    L("spaces", " \t\n", [text(" \t\n"), t_eof]),
    L("text", "now is the time", [text("now is the time"), t_eof]),
    L(
        "text with comment",
        "hello-{{/* this is a comment */}}-world",
        [text("hello-"), ("COMMENT", "/* this is a comment */"), text("-world"), t_eof],
    ),
    L(
        "punctuation",
        "{{,@% }}",
        [t_left, ("CHAR", ","), ("CHAR", "@"), ("CHAR", "%"), t_space, t_right, t_eof],
    ),
    L("parens", "{{((3))}}", [t_left, t_lpar, t_lpar, num("3"), t_rpar, t_rpar, t_right, t_eof]),
    L("empty action", "{{}}", [t_left, t_right, t_eof]),
    L("for", "{{for}}", [t_left, ident("for"), t_right, t_eof]),
    L(
        "block",
        '{{block "foo" .}}',
        [t_left, ("BLOCK", "block"), t_space, ("STRING", '"foo"'), t_space, t_dot, t_right, t_eof],
    ),
    L("quote", '{{"abc \\n\\t\\" "}}', [t_left, t_quote, t_right, t_eof]),
    L("raw quote", "{{" + RAW + "}}", [t_left, ("RAW_STRING", RAW), t_right, t_eof]),
    L("raw quote with newline", "{{" + RAW_NL + "}}", [t_left, ("RAW_STRING", RAW_NL), t_right, t_eof]),
    L(
        "numbers",
        "{{1 02 0x14 0X14 -7.2i 1e3 1E3 +1.2e-4 4.2i 1+2i 1_2 0x1.e_fp4 0X1.E_FP4}}",
        [
            t_left,
            *[
                item
                for n in "1 02 0x14 0X14 -7.2i 1e3 1E3 +1.2e-4 4.2i".split()
                for item in (num(n), t_space)
            ],
            ("COMPLEX", "1+2i"),
            t_space,
            num("1_2"),
            t_space,
            num("0x1.e_fp4"),
            t_space,
            num("0X1.E_FP4"),
            t_right,
            t_eof,
        ],
    ),
    L(
        "characters",
        "{{'a' '\\n' '\\'' '\\\\' '\\u00FF' '\\xFF' '本'}}",
        [
            t_left,
            ("CHAR_CONSTANT", "'a'"),
            t_space,
            ("CHAR_CONSTANT", "'\\n'"),
            t_space,
            ("CHAR_CONSTANT", "'\\''"),
            t_space,
            ("CHAR_CONSTANT", "'\\\\'"),
            t_space,
            ("CHAR_CONSTANT", "'\\u00FF'"),
            t_space,
            ("CHAR_CONSTANT", "'\\xFF'"),
            t_space,
            ("CHAR_CONSTANT", "'本'"),
            t_right,
            t_eof,
        ],
    ),
    L("bools", "{{true false}}", [t_left, ("BOOL", "true"), t_space, ("BOOL", "false"), t_right, t_eof]),
    L("dot", "{{.}}", [t_left, t_dot, t_right, t_eof]),
    L("nil", "{{nil}}", [t_left, ("NIL", "nil"), t_right, t_eof]),
    L(
        "dots",
        "{{.x . .2 .x.y.z}}",
        [
            t_left,
            field(".x"),
            t_space,
            t_dot,
            t_space,
            num(".2"),
            t_space,
            field(".x"),
            field(".y"),
            field(".z"),
            t_right,
            t_eof,
        ],
    ),
    L(
        "keywords",
        "{{range if else end with}}",
        [
            t_left,
            ("RANGE", "range"),
            t_space,
            ("IF", "if"),
            t_space,
            ("ELSE", "else"),
            t_space,
            ("END", "end"),
            t_space,
            ("WITH", "with"),
            t_right,
            t_eof,
        ],
    ),
    L(
        "more keywords",
        "{{define template block break continue}}",
        [
            t_left,
            ("DEFINE", "define"),
            t_space,
            ("TEMPLATE", "template"),
            t_space,
            ("BLOCK", "block"),
            t_space,
            ("BREAK", "break"),
            t_space,
            ("CONTINUE", "continue"),
            t_right,
            t_eof,
        ],
    ),
    L(
        "variables",
        "{{$c := printf $ $hello $23 $ $var.Field .Method}}",
        [
            t_left,
            var("$c"),
            t_space,
            ("DECLARE", ":="),
            t_space,
            ident("printf"),
            t_space,
            var("$"),
            t_space,
            var("$hello"),
            t_space,
            var("$23"),
            t_space,
            var("$"),
            t_space,
            var("$var"),
            field(".Field"),
            t_space,
            field(".Method"),
            t_right,
            t_eof,
        ],
    ),
    L("variable invocation", "{{$x 23}}", [t_left, var("$x"), t_space, num("23"), t_right, t_eof]),
    L(
        "pipeline",
        'intro {{echo hi 1.2 |noargs|args 1 "hi"}} outro',
        [
            text("intro "),
            t_left,
            ident("echo"),
            t_space,
            ident("hi"),
            t_space,
            num("1.2"),
            t_space,
            t_pipe,
            ident("noargs"),
            t_pipe,
            ident("args"),
            t_space,
            num("1"),
            t_space,
            ("STRING", '"hi"'),
            t_right,
            text(" outro"),
            t_eof,
        ],
    ),
    L(
        "declaration",
        "{{$v := 3}}",
        [t_left, var("$v"), t_space, ("DECLARE", ":="), t_space, num("3"), t_right, t_eof],
    ),
    L(
        "assignment",
        "{{$v = 3}}",
        [t_left, var("$v"), t_space, ("ASSIGN", "="), t_space, num("3"), t_right, t_eof],
    ),
    L(
        "2 declarations",
        "{{$v , $w := 3}}",
        [
            t_left,
            var("$v"),
            t_space,
            ("CHAR", ","),
            t_space,
            var("$w"),
            t_space,
            ("DECLARE", ":="),
            t_space,
            num("3"),
            t_right,
            t_eof,
        ],
    ),
    L(
        "field of parenthesized expression",
        "{{(.X).Y}}",
        [t_left, t_lpar, field(".X"), t_rpar, field(".Y"), t_right, t_eof],
    ),
    # Trim markers.
    L(
        "trimming spaces before and after",
        "hello- {{- 3 -}} -world",
        [text("hello-"), t_left, num("3"), t_right, text("-world"), t_eof],
    ),
    L(
        "trimming spaces before and after comment",
        "hello- {{- /* hello */ -}} -world",
        [text("hello-"), ("COMMENT", "/* hello */"), text("-world"), t_eof],
    ),
    L(
        "trim every space kind",
        "a \t\r\n{{- 1 -}} \t\r\nb",
        [text("a"), t_left, num("1"), t_right, text("b"), t_eof],
    ),
    L(
        "trim marker with newline",
        "a\n{{-\n1\n-}}\nb",
        [text("a"), t_left, num("1"), t_right, text("b"), t_eof],
    ),
    L("trim marker with tab", "a\t{{-\t1\t-}}\tb", [text("a"), t_left, num("1"), t_right, text("b"), t_eof]),
    L(
        "trim keeps other spaces",
        "a\v{{- 1 -}}\u00a0b",
        [text("a\v"), t_left, num("1"), t_right, text("\u00a0b"), t_eof],
    ),
    L("trim all text away", "  {{- 1 -}}  ", [t_left, num("1"), t_right, t_eof]),
    L(
        "negative number is not a trim",
        "a {{-3}} b",
        [text("a "), t_left, num("-3"), t_right, text(" b"), t_eof],
    ),
    L(
        "minus before delim is a number",
        "{{3 - }}",
        [t_left, num("3"), t_space, num("-"), t_space, t_right, t_eof],
    ),
    L("minus without space", "{{3-}}", [t_left, err('bad number syntax: "3-"')]),
    L("spaces before trim marker", "{{3   -}}", [t_left, num("3"), ("SPACE", "  "), t_right, t_eof]),
    L("one space before trim marker", "{{3 -}}", [t_left, num("3"), t_right, t_eof]),
    L("trim marker after left trim", "{{- -}}", [t_left, num("-"), t_right, t_eof]),
    L("left trim then empty", "x {{- }}", [text("x"), t_left, t_right, t_eof]),
    L(
        "trim between actions",
        "{{1 -}}\n \n{{- 2}}",
        [t_left, num("1"), t_right, t_left, num("2"), t_right, t_eof],
    ),
    L(
        "comment trim with newlines",
        "a \n{{-\n/* c */\n-}}\n b",
        [text("a"), ("COMMENT", "/* c */"), text("b"), t_eof],
    ),
    # Newlines and other spaces inside actions (allowed since Go 1.16).
    L(
        "newline is a space",
        "{{\n.X\n}}",
        [t_left, ("SPACE", "\n"), field(".X"), ("SPACE", "\n"), t_right, t_eof],
    ),
    L("space run", "{{ \t\r\n.X}}", [t_left, ("SPACE", " \t\r\n"), field(".X"), t_right, t_eof]),
    L("field at newline", "{{.X\n}}", [t_left, field(".X"), ("SPACE", "\n"), t_right, t_eof]),
    # Identifiers, fields and variables end only at a terminator.
    L(
        "terminators",
        "{{.A,.B|.C:=.D(.E)}}",
        [
            t_left,
            field(".A"),
            ("CHAR", ","),
            field(".B"),
            t_pipe,
            field(".C"),
            ("DECLARE", ":="),
            field(".D"),
            t_lpar,
            field(".E"),
            t_rpar,
            t_right,
            t_eof,
        ],
    ),
    L(
        "unicode identifiers",
        "{{.Ñame $ñ ünï}}",
        [t_left, field(".Ñame"), t_space, var("$ñ"), t_space, ident("ünï"), t_right, t_eof],
    ),
    L("unicode digits are alphanumeric", "{{.a٣}}", [t_left, field(".a٣"), t_right, t_eof]),
    L("superscript is not alphanumeric", "{{.a²}}", [t_left, err("bad character U+00B2 '²'")]),
    L("dollar then dot", "{{$.X}}", [t_left, var("$"), field(".X"), t_right, t_eof]),
    L("dot at end of input is a number", "{{.", [t_left, num("."), err("unclosed action")]),
    L("dot before brace", "{{.}x}}", [t_left, err("bad character U+007D '}'")]),
    L("dot before delim", "{{ .}}", [t_left, t_space, t_dot, t_right, t_eof]),
    L("keyword needs terminator", "{{if.X}}", [t_left, ("IF", "if"), field(".X"), t_right, t_eof]),
    L("underscore identifier", "{{_x}}", [t_left, ident("_x"), t_right, t_eof]),
    L("number then field", "{{1.2.3}}", [t_left, num("1.2"), num(".3"), t_right, t_eof]),
    L("complex with exponents", "{{1e3+1e3i}}", [t_left, ("COMPLEX", "1e3+1e3i"), t_right, t_eof]),
    L("hex float", "{{0x1p-2}}", [t_left, num("0x1p-2"), t_right, t_eof]),
    L("binary and octal", "{{0b101 0o17}}", [t_left, num("0b101"), t_space, num("0o17"), t_right, t_eof]),
    L("octal has no exponent", "{{0o1e1}}", [t_left, err('bad number syntax: "0o1e"')]),
    L("imaginary", "{{1i}}", [t_left, num("1i"), t_right, t_eof]),
    L("string with delims", '{{"}}{{"}}', [t_left, ("STRING", '"}}{{"'), t_right, t_eof]),
    L("raw string with delims", "{{`}}`}}", [t_left, ("RAW_STRING", "`}}`"), t_right, t_eof]),
    # Errors.
    L("badchar", "#{{\x01}}", [text("#"), t_left, err("unrecognized character in action: U+0001")]),
    L("non-ascii symbol", "{{€}}", [t_left, err("unrecognized character in action: U+20AC '€'")]),
    L("nbsp in action", "{{\u00a0}}", [t_left, err("unrecognized character in action: U+00A0")]),
    L("unclosed action", "{{", [t_left, err("unclosed action")]),
    L("unclosed action after newline", "{{\n", [t_left, ("SPACE", "\n"), err("unclosed action")]),
    L("EOF in action", "{{range", [t_left, ("RANGE", "range"), err("unclosed action")]),
    L("unclosed quote", '{{"\n"}}', [t_left, err("unterminated quoted string")]),
    L("unclosed quote backslash", '{{"\\', [t_left, err("unterminated quoted string")]),
    L("unclosed raw quote", "{{`xx}}", [t_left, err("unterminated raw quoted string")]),
    L("unclosed char constant", "{{'\n}}", [t_left, err("unterminated character constant")]),
    L("bad number", "{{3k}}", [t_left, err('bad number syntax: "3k"')]),
    L("bad number unicode", "{{3é}}", [t_left, err('bad number syntax: "3é"')]),
    L("bad complex", "{{1+2}}", [t_left, err('bad number syntax: "1+2"')]),
    L("unclosed paren", "{{(3}}", [t_left, t_lpar, num("3"), err("unclosed left paren")]),
    L("extra right paren", "{{3)}}", [t_left, num("3"), err("unexpected right paren")]),
    L("expected colon equals", "{{$x :1}}", [t_left, var("$x"), t_space, err("expected :=")]),
    L("bad character after identifier", "{{a#}}", [t_left, err("bad character U+0023 '#'")]),
    L("bad character after variable", "{{$x=1}}", [t_left, err("bad character U+003D '='")]),
    L("bad control character after field", "{{.x\v}}", [t_left, err("bad character U+000B")]),
    # Fixed bugs.
    L(
        "long pipeline deadlock",
        "{{|||||}}",
        [t_left, t_pipe, t_pipe, t_pipe, t_pipe, t_pipe, t_right, t_eof],
    ),
    L("text with bad comment", "hello-{{/*/}}-world", [text("hello-"), err("unclosed comment")]),
    L(
        "text with comment close separated from delim",
        "hello-{{/* */ }}-world",
        [text("hello-"), err("comment ends before closing delimiter")],
    ),
    L("comment trim needs space", "{{/* */-}}", [err("comment ends before closing delimiter")]),
    L(
        "comment needs to start the action",
        "{{ /* */}}",
        [
            t_left,
            t_space,
            ("CHAR", "/"),
            ("CHAR", "*"),
            t_space,
            ("CHAR", "*"),
            ("CHAR", "/"),
            t_right,
            t_eof,
        ],
    ),
    # An unmatched right delimiter is text (Go cannot catch it without breaking minified JS).
    L("unmatched right delimiter", "hello-{.}}-world", [text("hello-{.}}-world"), t_eof]),
]


@pytest.mark.parametrize(("input", "items"), LEX_TESTS)
def test_lex(input, items):
    assert collect(input) == items


def test_comments_skipped_by_default():
    assert collect("a{{/* c */}}b", emit_comments=False) == [text("a"), text("b"), t_eof]


def test_break_continue_as_identifiers():
    assert collect("{{break continue}}", break_ok=False, continue_ok=False) == [
        t_left,
        ident("break"),
        t_space,
        ident("continue"),
        t_right,
        t_eof,
    ]


LEX_DELIM_TESTS = [
    L(
        "punctuation",
        "$$,@%{{}}@@",
        [
            ("LEFT_DELIM", "$$"),
            ("CHAR", ","),
            ("CHAR", "@"),
            ("CHAR", "%"),
            ("CHAR", "{"),
            ("CHAR", "{"),
            ("CHAR", "}"),
            ("CHAR", "}"),
            ("RIGHT_DELIM", "@@"),
            t_eof,
        ],
    ),
    L("empty action", "$$@@", [("LEFT_DELIM", "$$"), ("RIGHT_DELIM", "@@"), t_eof]),
    L("for", "$$for@@", [("LEFT_DELIM", "$$"), ident("for"), ("RIGHT_DELIM", "@@"), t_eof]),
    L("quote", '$$"abc \\n\\t\\" "@@', [("LEFT_DELIM", "$$"), t_quote, ("RIGHT_DELIM", "@@"), t_eof]),
    L(
        "raw quote",
        "$$" + RAW + "@@",
        [("LEFT_DELIM", "$$"), ("RAW_STRING", RAW), ("RIGHT_DELIM", "@@"), t_eof],
    ),
    L(
        "trim",
        "a $$- .X -@@ b",
        [text("a"), ("LEFT_DELIM", "$$"), field(".X"), ("RIGHT_DELIM", "@@"), text("b"), t_eof],
    ),
    L(
        "field ends at full delimiter only",
        "$$.X@x@@",
        [("LEFT_DELIM", "$$"), err("bad character U+0040 '@'")],
    ),
    L("default delimiters are text", "{{.X}}", [text("{{.X}}"), t_eof]),
]


@pytest.mark.parametrize(("input", "items"), LEX_DELIM_TESTS)
def test_delims(input, items):
    assert collect(input, "$$", "@@") == items


def test_delims_alphanumeric():
    # Go's TestDelimsAlphaNumeric.
    assert collect("{{hub .host hub}}", "{{hub", "hub}}") == [
        ("LEFT_DELIM", "{{hub"),
        t_space,
        field(".host"),
        t_space,
        ("RIGHT_DELIM", "hub}}"),
        t_eof,
    ]


def test_delims_and_markers():
    # Go's TestDelimsAndMarkers.
    assert collect("{{- .x -}} {{- - .x - -}}", "{{- ", " -}}") == [
        ("LEFT_DELIM", "{{- "),
        field(".x"),
        ("RIGHT_DELIM", " -}}"),
        ("LEFT_DELIM", "{{- "),
        field(".x"),
        ("RIGHT_DELIM", " -}}"),
        t_eof,
    ]


def P(name, input, items):
    return pytest.param(input, items, id=name)


# (kind, pos, value, line): Go's lexPosTests and more line counting.
LEX_POS_TESTS = [
    P("empty", "", [("EOF", 0, "", 1)]),
    P(
        "punctuation",
        "{{,@%#}}",
        [
            ("LEFT_DELIM", 0, "{{", 1),
            ("CHAR", 2, ",", 1),
            ("CHAR", 3, "@", 1),
            ("CHAR", 4, "%", 1),
            ("CHAR", 5, "#", 1),
            ("RIGHT_DELIM", 6, "}}", 1),
            ("EOF", 8, "", 1),
        ],
    ),
    P(
        "sample",
        "0123{{hello}}xyz",
        [
            ("TEXT", 0, "0123", 1),
            ("LEFT_DELIM", 4, "{{", 1),
            ("IDENTIFIER", 6, "hello", 1),
            ("RIGHT_DELIM", 11, "}}", 1),
            ("TEXT", 13, "xyz", 1),
            ("EOF", 16, "", 1),
        ],
    ),
    P(
        "trimafter",
        "{{x -}}\n{{y}}",
        [
            ("LEFT_DELIM", 0, "{{", 1),
            ("IDENTIFIER", 2, "x", 1),
            ("RIGHT_DELIM", 5, "}}", 1),
            ("LEFT_DELIM", 8, "{{", 2),
            ("IDENTIFIER", 10, "y", 2),
            ("RIGHT_DELIM", 11, "}}", 2),
            ("EOF", 13, "", 2),
        ],
    ),
    P(
        "trimbefore",
        "{{x}}\n{{- y}}",
        [
            ("LEFT_DELIM", 0, "{{", 1),
            ("IDENTIFIER", 2, "x", 1),
            ("RIGHT_DELIM", 3, "}}", 1),
            ("LEFT_DELIM", 6, "{{", 2),
            ("IDENTIFIER", 10, "y", 2),
            ("RIGHT_DELIM", 11, "}}", 2),
            ("EOF", 13, "", 2),
        ],
    ),
    P(
        "longcomment",
        '{{/*\n*/}}\n{{undefinedFunction "test"}}',
        [
            ("COMMENT", 2, "/*\n*/", 1),
            ("TEXT", 9, "\n", 2),
            ("LEFT_DELIM", 10, "{{", 3),
            ("IDENTIFIER", 12, "undefinedFunction", 3),
            ("SPACE", 29, " ", 3),
            ("STRING", 30, '"test"', 3),
            ("RIGHT_DELIM", 36, "}}", 3),
            ("EOF", 38, "", 3),
        ],
    ),
    P(
        "raw string lines",
        "{{`a\nb`}}\n{{.X}}",
        [
            ("LEFT_DELIM", 0, "{{", 1),
            ("RAW_STRING", 2, "`a\nb`", 1),
            ("RIGHT_DELIM", 7, "}}", 2),
            ("TEXT", 9, "\n", 2),
            ("LEFT_DELIM", 10, "{{", 3),
            ("FIELD", 12, ".X", 3),
            ("RIGHT_DELIM", 14, "}}", 3),
            ("EOF", 16, "", 3),
        ],
    ),
    P(
        "newline trim markers",
        "a\n{{-\n.X\n-}}\nb",
        [
            ("TEXT", 0, "a", 1),
            ("LEFT_DELIM", 2, "{{", 2),
            ("FIELD", 6, ".X", 3),
            ("RIGHT_DELIM", 10, "}}", 4),
            ("TEXT", 13, "b", 5),
            ("EOF", 14, "", 5),
        ],
    ),
    P(
        "error line is where the item starts",
        "{{\n`a\nb",
        [
            ("LEFT_DELIM", 0, "{{", 1),
            ("SPACE", 2, "\n", 1),
            ("ERROR", 3, "unterminated raw quoted string", 2),
        ],
    ),
    P(
        "positions count characters",
        "é{{.X}}",
        [
            ("TEXT", 0, "é", 1),
            ("LEFT_DELIM", 1, "{{", 1),
            ("FIELD", 3, ".X", 1),
            ("RIGHT_DELIM", 5, "}}", 1),
            ("EOF", 7, "", 1),
        ],
    ),
]


@pytest.mark.parametrize(("input", "items"), LEX_POS_TESTS)
def test_pos(input, items):
    got = [(ItemType(typ).name, pos, val, line) for typ, pos, val, line in lex(input, emit_comments=True)]
    assert got == items


def test_delimiter_newlines_not_counted():
    # Go does not count newlines inside action delimiters (only in text, comments and markers).
    items = lex("<\n.X\n>{{.Y}}", "<\n", "\n>")
    assert [(ItemType(t).name, line) for t, _, _, line in items] == [
        ("LEFT_DELIM", 1),
        ("FIELD", 1),
        ("RIGHT_DELIM", 1),
        ("TEXT", 1),
        ("EOF", 1),
    ]


@pytest.mark.parametrize(
    ("item", "want"),
    [
        pytest.param((ItemType.EOF, 0, "", 1), "EOF", id="eof"),
        pytest.param((ItemType.ERROR, 0, "unclosed action", 1), "unclosed action", id="error"),
        pytest.param((ItemType.DOT, 0, ".", 1), "<.>", id="keyword"),
        pytest.param((ItemType.NIL, 0, "nil", 1), "<nil>", id="nil keyword"),
        pytest.param((ItemType.BOOL, 0, "true", 1), '"true"', id="bool"),
        pytest.param((ItemType.STRING, 0, '"a"', 1), '"\\"a\\""', id="string"),
        pytest.param((ItemType.STRING, 0, '"abcdefghijk"', 1), '"\\"abcdefghi"...', id="long"),
        pytest.param((ItemType.STRING, 0, "ééééé", 1), '"ééééé"', id="ten bytes"),
        pytest.param((ItemType.STRING, 0, "éééééé", 1), '"éééééé"...', id="eleven bytes cut by runes"),
        pytest.param((ItemType.SPACE, 0, "\n", 1), '"\\n"', id="newline"),
    ],
)
def test_item_str(item, want):
    assert item_str(item) == want


@pytest.mark.parametrize(
    ("c", "want"),
    [
        ("#", "U+0023 '#'"),
        ("\x01", "U+0001"),
        ("€", "U+20AC '€'"),
        ("\u00a0", "U+00A0"),
        ("\U0001f600", "U+1F600 '\U0001f600'"),
        ("\udcff", "U+FFFD '\ufffd'"),
    ],
)
def test_format_rune(c, want):
    assert format_rune(c) == want


UNQUOTE_TESTS = [
    ('""', ""),
    ('"a"', "a"),
    ('"abc"', "abc"),
    ('"☺"', "☺"),
    ('"hello world"', "hello world"),
    ('"\\xFF"', "\udcff"),  # a lone byte, kept as Go keeps it
    ('"\\377"', "\udcff"),
    ('"\\u1234"', "\u1234"),
    ('"\\U00010111"', "\U00010111"),
    ('"\\U0001011111"', "\U0001011111"),
    ('"\\a\\b\\f\\n\\r\\t\\v\\\\\\""', '\a\b\f\n\r\t\v\\"'),
    ('"\'"', "'"),
    ('"\\xc3\\xa9"', "é"),  # bytes that form UTF-8 are text again
    ('"\\303\\251"', "é"),
    ('"\\u00e9"', "é"),
    ("`abc`", "abc"),
    ("`\\n`", "\\n"),
    ("`a\r\nb`", "a\nb"),  # raw strings lose carriage returns
    ("`\n`", "\n"),
    ('"', None),
    ('"a', None),
    ("'a'", None),
    ('"\\z"', None),
    ('"\\\'"', None),
    ('"\\x1"', None),
    ('"\\u12"', None),
    ('"\\ud800"', None),
    ('"\\U00110000"', None),
    ('"\\400"', None),
    ('"\\08"', None),
    ('"a"b"', None),
    ('"\n"', None),
    ("`a`b`", None),
    ('"a\udcffb"', "a\ufffdb"),  # a stray byte in a quoted string becomes U+FFFD
    ('"a\udcff\\n"', "a\ufffd\n"),
    ("`\udcff`", "\udcff"),  # raw strings keep it
    ("`a", None),
]


@pytest.mark.parametrize(("quoted", "want"), UNQUOTE_TESTS, ids=[q for q, _ in UNQUOTE_TESTS])
def test_unquote(quoted, want):
    assert unquote(quoted) == want


@pytest.mark.parametrize(
    ("s", "quote", "want"),
    [
        ("a'", "'", (97, False, "'")),
        ("é'", "'", (233, True, "'")),
        ("\\n'", "'", (10, False, "'")),
        ("\\xff'", "'", (255, False, "'")),
        ("\\377'", "'", (255, False, "'")),
        ("\\u00e9'", "'", (233, True, "'")),
        ("\\''", "'", (39, False, "'")),
        ('\\"', "'", None),
        ("'", "'", None),
        ('"', '"', None),
        ("", "'", None),
        ("\\", "'", None),
        ("\\9'", "'", None),
        ("ab'", "'", (97, False, "b'")),
        ("\udcff'", "'", (0xFFFD, True, "'")),
    ],
)
def test_unquote_char(s, quote, want):
    assert unquote_char(s, quote) == want


def test_large_input_is_linear():
    chunk = '{{- if .Values.a }}\n  name: {{ include "x" . | nindent 4 }}\n{{- end }}\n'
    items = lex(chunk * 5000)
    # 27 items a chunk (the newline before each {{- is trimmed away), the last newline and EOF.
    assert len(items) == 5000 * 27 + 2
    assert items[-1][0] == ItemType.EOF and items[-1][3] == 15001
