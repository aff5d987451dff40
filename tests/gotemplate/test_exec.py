"""Executor tests in Go's shape (text/template exec_test.go): rows of ExecCase(name, template, data, want, ok).

Every row in the Helm-verified tables below was rendered by Helm v4 (helm_python) with the
template as a chart file executed on ``.Values`` = the row's data (numbers from values are
float64), and its output or error written here literally; Helm runs with ``missingkey=zero``, so
these rows do too. Error rows hold Go's whole message: ``template: NAME:LINE:COL: executing
"NAME" at <CONTEXT>: DETAIL``. The functions are stand-ins with Sprig's Go signatures
(``_exec_support``). Later tables (missingkey options, Go objects, ``call``, printing functions,
errors escaping functions) follow Go's exec.go where Helm's own data cannot reach.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from _exec_support import FUNCS, root

from chartist.gotemplate.errors import ExecError, ParseError
from chartist.gotemplate.template import Template
from chartist.gotemplate.values import FuncError, GoFunc, Uint64


@dataclass(frozen=True)
class ExecCase:
    name: str
    template: str
    data: Any
    want: str
    ok: bool = True


FMT_COMPLEX = pytest.mark.xfail(reason="fmt.format_value does not print complex128 yet", strict=False)
NO_UINT8 = pytest.mark.xfail(
    reason="the value model has no uint8: index of a string yields an int", strict=False
)

V: dict[str, Any] = {
    "s": "str",
    "n": 3.0,
    "f": 1.5,
    "big": 1000000.0,
    "neg": -2.5,
    "zero": 0.0,
    "fzero": 0.0,
    "t": True,
    "F": False,
    "nul": None,
    "empty": "",
    "e": [],
    "em": {},
    "l": [1.0, 2.0, 3.0],
    "sl": ["a", "b"],
    "m": {"b": 2.0, "a": 1.0, "c": 3.0},
    "nest": {"a": {"b": {"c": "deep"}}, "l": [{"x": 1.0}, None]},
    "ml": {"k": [1.0, "two", None, True]},
    "nl": [None],
    "strnum": "12",
    "u": "héllo",
}

# ---------------------------------------------------------------------------------------------
# Helm-verified tables

TEXT = [
    ExecCase("empty", "", V, ""),
    ExecCase("text only", "hello, world", V, "hello, world"),
    ExecCase("string constant", '{{"a\\tb"}}', V, "a\tb"),
    ExecCase("raw string", "{{`a\\tb`}}", V, "a\\tb"),
    ExecCase("int", "{{1}}", V, "1"),
    ExecCase("negative int", "{{-3}}", V, "-3"),
    ExecCase("float", "{{1.5}}", V, "1.5"),
    ExecCase("float integral", "{{1.0}}", V, "1"),
    ExecCase("float exp", "{{1e6}}", V, "1e+06"),
    ExecCase("float big", "{{1e21}}", V, "1e+21"),
    ExecCase("float small", "{{0.000001}}", V, "1e-06"),
    ExecCase("hex", "{{0x1F}}", V, "31"),
    ExecCase("octal", "{{0o17}}", V, "15"),
    ExecCase("binary", "{{0b101}}", V, "5"),
    ExecCase("underscore", "{{1_000}}", V, "1000"),
    ExecCase("char", "{{'a'}}", V, "97"),
    pytest.param(ExecCase("complex", "{{1+2i}}", V, "(1+2i)"), marks=FMT_COMPLEX),
    pytest.param(ExecCase("imaginary", "{{1.5i}}", V, "(0+1.5i)"), marks=FMT_COMPLEX),
    ExecCase("true", "{{true}}", V, "true"),
    ExecCase("false", "{{false}}", V, "false"),
    ExecCase("comment", "a{{/* c */}}b", V, "ab"),
    ExecCase("trim", "a  {{- 1 -}}  b", V, "a1b"),
    ExecCase("trim newline", "a\n{{- 1 }}\nb", V, "a1\nb"),
    ExecCase("hex float", "{{0x1p-2}}", V, "0.25"),
    ExecCase("max int", "{{9223372036854775807}}", V, "9223372036854775807"),
    ExecCase(
        "uint overflow",
        "{{18446744073709551615}}",
        V,
        'template: t:1:2: executing "t" at <18446744073709551615>: 18446744073709551615 overflows int',
        False,
    ),
    ExecCase("dot", "{{.}}", {"a": 1.0}, "map[a:1]"),
    ExecCase("multi action", '{{1}}{{2}}{{"x"}}', V, "12x"),
    ExecCase("newlines", "a\n\n{{.s}}\n", V, "a\n\nstr\n"),
    ExecCase("only spaces", "   ", V, "   "),
    ExecCase("unicode text", "héllo ✓ {{.s}}", V, "héllo ✓ str"),
    ExecCase("trim both lines", "a\n  {{- .s -}}\n  b", V, "astrb"),
    ExecCase("comment trim", "a {{- /* c */ -}} b", V, "ab"),
    ExecCase("string escapes", '{{"\\u00e9\\x41\\101"}}', V, "éAA"),
    ExecCase("float small exp", "{{1e-5}}", V, "1e-05"),
    ExecCase("float 21 digits", "{{123456789012345678901.0}}", V, "1.2345678901234568e+20"),
    ExecCase("float precision", "{{0.1}}", V, "0.1"),
    ExecCase("negative float", "{{-0.5}}", V, "-0.5"),
    ExecCase("negative zero float", "{{-0.0}}", V, "-0"),
]

PRINT = [
    ExecCase("string value", "{{.s}}", V, "str"),
    ExecCase("int-ish float", "{{.n}}", V, "3"),
    ExecCase("float", "{{.f}}", V, "1.5"),
    ExecCase("float million", "{{.big}}", V, "1e+06"),
    ExecCase("negative float", "{{.neg}}", V, "-2.5"),
    ExecCase("zero float", "{{.fzero}}", V, "0"),
    ExecCase("bool", "{{.t}} {{.F}}", V, "true false"),
    ExecCase("null", "{{.nul}}", V, "<no value>"),
    ExecCase("missing", "{{.missing}}", V, "<no value>"),
    ExecCase("empty string", "[{{.empty}}]", V, "[]"),
    ExecCase("empty list", "{{.e}}", V, "[]"),
    ExecCase("empty map", "{{.em}}", V, "map[]"),
    ExecCase("list", "{{.l}}", V, "[1 2 3]"),
    ExecCase("string list", "{{.sl}}", V, "[a b]"),
    ExecCase("map sorted", "{{.m}}", V, "map[a:1 b:2 c:3]"),
    ExecCase("nested", "{{.nest}}", V, "map[a:map[b:map[c:deep]] l:[map[x:1] <nil>]]"),
    ExecCase("mixed list", "{{.ml}}", V, "map[k:[1 two <nil> true]]"),
    ExecCase("list of nil", "{{.nl}}", V, "[<nil>]"),
    ExecCase("unicode", "{{.u}}", V, "héllo"),
    ExecCase("int64", "{{int64 5}}", V, "5"),
    ExecCase("int", "{{int 5}}", V, "5"),
    ExecCase("string slice", '{{splitList "," "a,b"}}', V, "[a b]"),
    ExecCase("print nil", "{{print nil}}", V, "<nil>"),
    ExecCase("print values", '{{print 1 2 "a" "b" 3 nil .f}}', V, "1 2ab3 <nil> 1.5"),
    ExecCase("print no args", "[{{print}}]", V, "[]"),
    ExecCase("println", '{{println 1 "a" .f}}', V, "1 a 1.5\n"),
    ExecCase("printf d", '{{printf "%d" 42}}', V, "42"),
    ExecCase("printf v map", '{{printf "%v" .m}}', V, "map[a:1 b:2 c:3]"),
    ExecCase("printf s float", '{{printf "%s" .f}}', V, "%!s(float64=1.5)"),
    ExecCase(
        "printf T",
        '{{printf "%T %T %T %T %T %T" 1 1.5 "s" .l .m .nul}}',
        V,
        "int float64 string []interface {} map[string]interface {} <nil>",
    ),
    ExecCase("printf T int64", '{{printf "%T" (int64 1)}}', V, "int64"),
    ExecCase("printf q", '{{printf "%q" "a\\"b"}}', V, '"a\\"b"'),
    ExecCase("printf extra", '{{printf "%d" 1 2}}', V, "1%!(EXTRA int=2)"),
    ExecCase("printf missing", '{{printf "%d %d" 1}}', V, "1 %!d(MISSING)"),
    ExecCase("printf hex const", '{{printf "%T" 0xef}}', V, "int"),
    ExecCase("printf rune const", "{{printf \"%T\" 'a'}}", V, "int"),
    pytest.param(ExecCase("printf complex", '{{printf "%v" 1+2i}}', V, "(1+2i)"), marks=FMT_COMPLEX),
    ExecCase("printf piped", '{{.s | printf "<%s>"}}', V, "<str>"),
    ExecCase("printf nil value", '{{printf "%v" .nul}}', V, "<nil>"),
    ExecCase("printf missing value", '{{printf "%v" .missing}}', V, "<nil>"),
    ExecCase(
        "float values",
        "{{.f}} {{.big}} {{.neg}}",
        {"f": 0.1, "big": 123456789.0, "neg": -1e-07},
        "0.1 1.23456789e+08 -1e-07",
    ),
    ExecCase("float 1e20", "{{.x}}", {"x": 1e20}, "1e+20"),
    ExecCase("float 1e21", "{{.x}}", {"x": 1e21}, "1e+21"),
    ExecCase("float 1.5e-5", "{{.x}}", {"x": 1.5e-05}, "1.5e-05"),
    ExecCase("float 100000", "{{.x}}", {"x": 100000.0}, "100000"),
    ExecCase("float 999999", "{{.x}}", {"x": 999999.0}, "999999"),
    ExecCase("nested lists", "{{.x}}", {"x": [[1.0, [2.0]], {"a": []}]}, "[[1 [2]] map[a:[]]]"),
    ExecCase("map with nil", "{{.x}}", {"x": {"a": None, "b": [None]}}, "map[a:<nil> b:[<nil>]]"),
    ExecCase(
        "map key order",
        "{{.x}}",
        {"x": {"b": 1.0, "B": 2.0, "a": 3.0, "_": 4.0, "1": 5.0}},
        "map[1:5 B:2 _:4 a:3 b:1]",
    ),
    ExecCase("string with spaces list", "{{.x}}", {"x": ["a b", "", "c"]}, "[a b  c]"),
    ExecCase("bools list", "{{.x}}", {"x": [True, False]}, "[true false]"),
    ExecCase("printf v nested", '{{printf "%v" .x}}', {"x": {"a": [1.0, "b", None]}}, "map[a:[1 b <nil>]]"),
    ExecCase("printf plus v", '{{printf "%+v" .x}}', {"x": {"a": [1.0]}}, "map[a:[1]]"),
    ExecCase(
        "printf sharp v",
        '{{printf "%#v" .x}}',
        {"x": {"a": [1.0, "s"]}},
        'map[string]interface {}{"a":[]interface {}{1, "s"}}',
    ),
    ExecCase("println empty", "{{println}}", V, "\n"),
    ExecCase("print strings adjacent", '{{print "a" "b" 1 2 "c"}}', V, "ab1 2c"),
]

FIELDS = [
    ExecCase("map key", "{{.s}}", V, "str"),
    ExecCase("nested keys", "{{.nest.a.b.c}}", V, "deep"),
    ExecCase("two keys", "{{.nest.a}}", V, "map[b:map[c:deep]]"),
    ExecCase("missing nested", "{{.nest.x}}", V, "<no value>"),
    ExecCase(
        "missing then field",
        "{{.missing.b}}",
        V,
        'template: t:1:10: executing "t" at <.missing.b>: nil pointer evaluating interface {}.b',
        False,
    ),
    ExecCase(
        "missing chain",
        "{{.nest.x.y.z}}",
        V,
        'template: t:1:7: executing "t" at <.nest.x.y.z>: nil pointer evaluating interface {}.y',
        False,
    ),
    ExecCase(
        "null then field",
        "{{.nul.a}}",
        V,
        'template: t:1:6: executing "t" at <.nul.a>: nil pointer evaluating interface {}.a',
        False,
    ),
    ExecCase(
        "field of string",
        "{{.s.a}}",
        V,
        'template: t:1:4: executing "t" at <.s.a>: can\'t evaluate field a in type interface {}',
        False,
    ),
    ExecCase(
        "field of number",
        "{{.n.a}}",
        V,
        'template: t:1:4: executing "t" at <.n.a>: can\'t evaluate field a in type interface {}',
        False,
    ),
    ExecCase(
        "field of list",
        "{{.l.a}}",
        V,
        'template: t:1:4: executing "t" at <.l.a>: can\'t evaluate field a in type interface {}',
        False,
    ),
    ExecCase(
        "field of bool",
        "{{.t.x}}",
        V,
        'template: t:1:4: executing "t" at <.t.x>: can\'t evaluate field x in type interface {}',
        False,
    ),
    ExecCase("dollar", "{{$.s}}", V, "str"),
    ExecCase("dollar nested", "{{$.nest.a.b.c}}", V, "deep"),
    ExecCase("paren field", "{{(.nest).a.b.c}}", V, "deep"),
    ExecCase(
        "paren string field",
        "{{(.s).a}}",
        V,
        'template: t:1:3: executing "t" at <.s>: can\'t evaluate field a in type string',
        False,
    ),
    ExecCase(
        "paren pipe field",
        '{{(.nest | printf "%v").a}}',
        V,
        'template: t:1:18: executing "t" at <"%v">: can\'t evaluate field a in type string',
        False,
    ),
    ExecCase("chain on func", '{{(dict "a" 1).a}}', V, "1"),
    ExecCase("chain on func missing", '{{(dict "a" 1).b}}', V, "<no value>"),
    ExecCase("chain nil pipe", "{{(.missing).a}}", V, "<no value>"),
    ExecCase(
        "field has args",
        "{{.s 1}}",
        V,
        'template: t:1:2: executing "t" at <.s>: s is not a method but has arguments',
        False,
    ),
    ExecCase(
        "field piped",
        "{{.s | .m}}",
        V,
        'template: t:1:7: executing "t" at <.m>: m is not a method but has arguments',
        False,
    ),
    ExecCase(
        "field with arg nested",
        "{{.nest.a 1}}",
        V,
        'template: t:1:7: executing "t" at <.nest.a>: a is not a method but has arguments',
        False,
    ),
    ExecCase("var field", "{{$x := .nest}}{{$x.a.b.c}}", V, "deep"),
    ExecCase(
        "var field of string",
        "{{$x := .s}}{{$x.a}}",
        V,
        'template: t:1:16: executing "t" at <$x.a>: can\'t evaluate field a in type string',
        False,
    ),
    ExecCase("var field missing var", "{{$x := .missing}}{{$x.a}}", V, "<no value>"),
    ExecCase("var field nil var", "{{$x := .nul}}{{$x.a.b}}", V, "<no value>"),
    ExecCase(
        "var field with args",
        "{{$x := .m}}{{$x.a 1}}",
        V,
        'template: t:1:16: executing "t" at <$x.a>: a is not a method but has arguments',
        False,
    ),
    ExecCase(
        "dot field in range of nil",
        "{{range .nl}}{{.a}}{{end}}",
        V,
        'template: t:1:15: executing "t" at <.a>: nil pointer evaluating interface {}.a',
        False,
    ),
    ExecCase(
        "dot field in range of strings",
        "{{range .sl}}{{.a}}{{end}}",
        V,
        'template: t:1:15: executing "t" at <.a>: can\'t evaluate field a in type interface {}',
        False,
    ),
    ExecCase(
        "dot field in range of []string",
        '{{range splitList "," "a,b"}}{{.a}}{{end}}',
        V,
        'template: t:1:31: executing "t" at <.a>: can\'t evaluate field a in type string',
        False,
    ),
    ExecCase(
        "dot field in with",
        "{{with .s}}{{.a}}{{end}}",
        V,
        'template: t:1:13: executing "t" at <.a>: can\'t evaluate field a in type string',
        False,
    ),
    ExecCase(
        "range var field",
        "{{range $x := .sl}}{{$x.a}}{{end}}",
        V,
        'template: t:1:23: executing "t" at <$x.a>: can\'t evaluate field a in type interface {}',
        False,
    ),
    ExecCase(
        "range var field []string",
        '{{range $x := splitList "," "a"}}{{$x.a}}{{end}}',
        V,
        'template: t:1:37: executing "t" at <$x.a>: can\'t evaluate field a in type string',
        False,
    ),
    ExecCase(
        "list elem field",
        "{{range .nest.l}}{{.x}}{{end}}",
        V,
        'template: t:1:19: executing "t" at <.x>: nil pointer evaluating interface {}.x',
        False,
    ),
    ExecCase(
        "map in list",
        "{{range $i, $e := .nest.l}}{{$i}}:{{$e.x}};{{end}}",
        V,
        'template: t:1:38: executing "t" at <$e.x>: nil pointer evaluating interface {}.x',
        False,
    ),
    ExecCase("key with uppercase", "{{.Upper}}", {"Upper": "U"}, "U"),
    ExecCase("field of index result", '{{(index .nest "a").b.c}}', V, "deep"),
    ExecCase(
        "long context",
        "{{.nest.a.b.c.d.e.f.g.h}}",
        V,
        'template: t:1:7: executing "t" at <.nest.a.b.c.d.e.f.g.h>: can\'t evaluate field d in type interface {}',
        False,
    ),
    ExecCase(
        "field on dollar missing",
        "{{$.missing.x}}",
        V,
        'template: t:1:3: executing "t" at <$.missing.x>: nil pointer evaluating interface {}.x',
        False,
    ),
    ExecCase("deep missing with zero", "{{.nest.a.missing}}", V, "<no value>"),
    ExecCase("field then index", '{{index .nest.a "b"}}', V, "map[c:deep]"),
    ExecCase("dollar dot in with", "{{with .nest}}{{$.nest.a.b.c}}{{.a.b.c}}{{end}}", V, "deepdeep"),
    ExecCase(
        "dot in range over maps",
        "{{range .x}}{{.name}};{{end}}",
        {"x": [{"name": "a"}, {"name": "b"}, {}]},
        "a;b;<no value>;",
    ),
    ExecCase("field named like keyword", "{{.range}} {{.if}}", {"range": 1.0, "if": 2.0}, "1 2"),
    ExecCase("field digits", "{{.a1}}", {"a1": "x"}, "x"),
    ExecCase("field on empty string key", "{{.x.y}}", {"x": {"y": ""}}, ""),
    ExecCase("chain on paren var", "{{$x := .nest}}{{($x).a.b.c}}", V, "deep"),
    ExecCase("chain on nested paren", "{{((.nest).a).b.c}}", V, "deep"),
    ExecCase(
        "field of missing in and",
        "{{and .t .missing.x}}",
        V,
        'template: t:1:17: executing "t" at <.missing.x>: nil pointer evaluating interface {}.x',
        False,
    ),
]

VARIABLES = [
    ExecCase("declare", "{{$x := 1}}{{$x}}", V, "1"),
    ExecCase("declare prints nothing", "[{{$x := 1}}]", V, "[]"),
    ExecCase("assign", "{{$x := 1}}{{$x = 2}}{{$x}}", V, "2"),
    ExecCase("assign prints nothing", "{{$x := 1}}[{{$x = 2}}]", V, "[]"),
    ExecCase("shadow in if", "{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}}", V, "21"),
    ExecCase("assign in if", "{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}", V, "2"),
    ExecCase("assign in range", "{{$x := 0}}{{range .l}}{{$x = .}}{{end}}{{$x}}", V, "3"),
    ExecCase("declare in range", "{{range .l}}{{$y := .}}{{$y}}{{end}}", V, "123"),
    ExecCase("dollar in range", "{{range .l}}{{$.s}}{{end}}", V, "strstrstr"),
    ExecCase("dollar in with", "{{with .nest}}{{$.s}}{{end}}", V, "str"),
    ExecCase("var of pipeline", '{{$x := .s | printf "%s!"}}{{$x}}', V, "str!"),
    ExecCase("var keeps nil", "{{$x := .nul}}{{$x}}", V, "<no value>"),
    ExecCase(
        "var args",
        "{{$x := 1}}{{$x 2}}",
        V,
        'template: t:1:13: executing "t" at <$x>: can\'t give argument to non-function $x',
        False,
    ),
    ExecCase(
        "var piped",
        "{{$x := 1}}{{3 | $x}}",
        V,
        'template: t:1:17: executing "t" at <$x>: can\'t give argument to non-function $x',
        False,
    ),
    ExecCase("var in paren", "{{($x := 3)}}{{$x}}", V, "33"),
    ExecCase("with var", "{{with $x := .s}}{{$x}}{{.}}{{end}}", V, "strstr"),
    ExecCase("if var both branches", "{{if $x := .e}}{{$x}}{{else}}[{{$x}}]{{end}}", V, "[[]]"),
    ExecCase("dollar assign", "{{$ = 5}}{{$}}", V, "5"),
    ExecCase("var after template", '{{define "d"}}D{{end}}{{template "d" $x := 1}}{{$x}}', V, "D1"),
    ExecCase(
        "undefined in else",
        "{{if false}}{{$x := 1}}{{else}}{{$x}}{{end}}",
        V,
        'template: t:1:33: executing "t" at <$x>: undefined variable: $x',
        False,
    ),
    ExecCase("outer in else", "{{$x := 0}}{{if false}}{{$x := 1}}{{else}}{{$x}}{{end}}", V, "0"),
    ExecCase(
        "assign undefined in else",
        "{{if false}}{{$x := 1}}{{else}}{{$x = 2}}{{end}}",
        V,
        'template: t:1:38: executing "t" at <2>: undefined variable: $x',
        False,
    ),
    ExecCase("with copy", "{{$x := 1}}{{with $x}}{{$x = 2}}{{.}}{{end}}{{$x}}", V, "12"),
    ExecCase("arg copy", "{{$x := 1}}{{print $x ($x = 2) $x}}", V, "1 2 2"),
    ExecCase("range var after loop", "{{$v := 9}}{{range $v = .l}}{{end}}{{$v}}", V, "3"),
    ExecCase("many vars", "{{$a := 1}}{{$b := 2}}{{$c := 3}}{{$a}}{{$b}}{{$c}}", V, "123"),
    ExecCase("redeclare", "{{$a := 1}}{{$a := 2}}{{$a}}", V, "2"),
    ExecCase(
        "var in nested range",
        "{{range $i, $x := .sl}}{{range $j, $y := $.sl}}{{$i}}{{$j}}{{$x}}{{$y}} {{end}}{{end}}",
        V,
        "00aa 01ab 10ba 11bb ",
    ),
    ExecCase(
        "assign outer from nested range",
        "{{$n := 0}}{{range .l}}{{range $.l}}{{$n = .}}{{end}}{{end}}{{$n}}",
        V,
        "3",
    ),
    ExecCase("var holds map", '{{$m := .m}}{{$m.a}}{{index $m "b"}}', V, "12"),
    ExecCase("var print nil in range", "{{range $x := .nl}}[{{$x}}]{{end}}", V, "[<no value>]"),
    ExecCase(
        "var nil to func",
        "{{range $x := .nl}}{{upper $x}}{{end}}",
        V,
        'template: t:1:27: executing "t" at <$x>: wrong type for value; expected string; got interface {}',
        False,
    ),
    ExecCase(
        "dot nil to func in range",
        "{{range .nl}}{{upper .}}{{end}}",
        V,
        'template: t:1:21: executing "t" at <.>: wrong type for value; expected string; got interface {}',
        False,
    ),
    ExecCase("var decl in with else", "{{with $x := .F}}a{{else}}{{$x}}{{end}}", V, "false"),
    ExecCase("var assign types", '{{$x := 1}}{{$x = "s"}}{{$x}}{{$x = .l}}{{$x}}', V, "s[1 2 3]"),
    # Declarations in code Go skips (and/or short-circuit, arguments of a method of no value):
    # the variable stack decides at run time.
    ExecCase("skipped declaration keeps outer", "{{$x := 1}}{{and false ($x := 2)}}{{$x}}", V, "false1"),
    ExecCase(
        "skipped declaration is undefined",
        "{{and false ($x := 2)}}{{$x}}",
        V,
        'template: t:1:25: executing "t" at <$x>: undefined variable: $x',
        False,
    ),
    ExecCase(
        "declaration skipped in a later iteration",
        "{{range .l}}{{and (eq . 1.0) ($x := 5)}}{{$x}};{{end}}",
        V,
        'template: t:1:42: executing "t" at <$x>: undefined variable: $x',
        False,
    ),
    ExecCase(
        "assignment reaches outer when skipped",
        "{{$x := 0}}{{range .l}}{{and (eq . 1.0) ($x := 5)}}{{$x}}{{$x = 9}};{{end}}{{$x}}",
        V,
        "55;false0;false9;9",
    ),
    ExecCase(
        "declaration in or after true",
        "{{or true ($x := 2)}}{{$x}}",
        V,
        'template: t:1:23: executing "t" at <$x>: undefined variable: $x',
        False,
    ),
    ExecCase(
        "method args skipped",
        "{{$y := .missing}}{{$y.f ($x := 2)}}{{$x}}",
        V,
        'template: t:1:38: executing "t" at <$x>: undefined variable: $x',
        False,
    ),
    ExecCase(
        "method args skipped keeps outer",
        "{{$x := 7}}{{$y := .missing}}{{$y.f ($x := 2)}}{{$x}}",
        V,
        "<no value>7",
    ),
    ExecCase("declaration in first and arg", "{{and ($x := 0) 1}}{{$x}}", V, "00"),
    ExecCase(
        "nested skipped declarations", "{{$x := 1}}{{and false (and true ($x := 2))}}{{$x}}", V, "false1"
    ),
]

IF = [
    ExecCase("true", "{{if true}}T{{end}}", V, "T"),
    ExecCase("false else", "{{if false}}T{{else}}F{{end}}", V, "F"),
    ExecCase("nil", "{{if .nul}}T{{else}}F{{end}}", V, "F"),
    ExecCase("missing", "{{if .missing}}T{{else}}F{{end}}", V, "F"),
    ExecCase("zero int", "{{if 0}}T{{else}}F{{end}}", V, "F"),
    ExecCase("one", "{{if 1}}T{{else}}F{{end}}", V, "T"),
    ExecCase("zero float value", "{{if .fzero}}T{{else}}F{{end}}", V, "F"),
    ExecCase("float", "{{if .f}}T{{else}}F{{end}}", V, "T"),
    ExecCase("empty string", '{{if ""}}T{{else}}F{{end}}', V, "F"),
    ExecCase("string zero", '{{if "0"}}T{{else}}F{{end}}', V, "T"),
    ExecCase("empty list", "{{if .e}}T{{else}}F{{end}}", V, "F"),
    ExecCase("list", "{{if .l}}T{{else}}F{{end}}", V, "T"),
    ExecCase("empty map", "{{if .em}}T{{else}}F{{end}}", V, "F"),
    ExecCase("map", "{{if .m}}T{{else}}F{{end}}", V, "T"),
    ExecCase("complex zero", "{{if 0i}}T{{else}}F{{end}}", V, "F"),
    ExecCase("else if", "{{if false}}1{{else if true}}2{{else}}3{{end}}", V, "2"),
    ExecCase("else if chain", "{{if eq 1 3}}1{{else if eq 2 3}}2{{else if eq 3 3}}3{{end}}", V, "3"),
    ExecCase("not", "{{if not .t}}T{{else}}F{{end}}", V, "F"),
    ExecCase("and", "{{if and .t .n}}T{{else}}F{{end}}", V, "T"),
    ExecCase("or", "{{if or .F .missing}}T{{else}}F{{end}}", V, "F"),
    ExecCase("nested", "{{if .t}}{{if .F}}a{{else}}b{{end}}{{end}}", V, "b"),
    ExecCase("decl", "{{if $x := .s}}{{$x}}{{end}}", V, "str"),
    ExecCase("list of nil", "{{if .nl}}T{{else}}F{{end}}", V, "T"),
    ExecCase("pipe in condition", "{{if .l | len}}T{{end}}", V, "T"),
    ExecCase(
        "error in condition",
        "{{if .s.x}}T{{end}}",
        V,
        'template: t:1:7: executing "t" at <.s.x>: can\'t evaluate field x in type interface {}',
        False,
    ),
    ExecCase("if with decl and else if", "{{if $x := .F}}a{{else if $y := .s}}{{$y}}{{end}}", V, "str"),
    ExecCase("if on map key zero", "{{if .zero}}T{{else}}F{{end}}", V, "F"),
    ExecCase("if on string false", '{{if "false"}}T{{end}}', V, "T"),
    ExecCase("if and short circuit error", "{{if and .F .s.x}}T{{else}}F{{end}}", V, "F"),
    ExecCase("if or short circuit error", "{{if or .t .s.x}}T{{else}}F{{end}}", V, "T"),
    ExecCase("if eq strings", '{{if eq .s "str" "x"}}T{{end}}', V, "T"),
    ExecCase("if ne", '{{if ne .s "x"}}T{{end}}', V, "T"),
    ExecCase("if int64 zero", "{{if int64 0}}T{{else}}F{{end}}", V, "F"),
    ExecCase("if splitList", '{{if splitList "," ""}}T{{else}}F{{end}}', V, "T"),
    ExecCase(
        "deep else if",
        "{{if eq .n 1.0}}1{{else if eq .n 2.0}}2{{else if eq .n 3.0}}3{{else}}4{{end}}",
        V,
        "3",
    ),
]

WITH = [
    ExecCase("sets dot", "{{with .nest.a}}{{.b.c}}{{end}}", V, "deep"),
    ExecCase("false", "{{with .F}}T{{else}}F{{end}}", V, "F"),
    ExecCase("missing else", "{{with .missing}}T{{else}}{{.s}}{{end}}", V, "str"),
    ExecCase("zero", "{{with 0}}T{{else}}zero{{end}}", V, "zero"),
    ExecCase("empty list", "{{with .e}}T{{else}}E{{end}}", V, "E"),
    ExecCase("string", '{{with "x"}}{{.}}{{end}}', V, "x"),
    ExecCase("else with", "{{with .missing}}1{{else with .s}}{{.}}{{end}}", V, "str"),
    ExecCase("else with else", "{{with .F}}1{{else with .zero}}2{{else}}3{{end}}", V, "3"),
    ExecCase("var", "{{with $x := .l}}{{$x}}{{len .}}{{end}}", V, "[1 2 3]3"),
    ExecCase("nested dot", "{{with .nest}}{{with .a}}{{.b.c}}{{end}}{{end}}", V, "deep"),
    ExecCase("dot after", "{{with .s}}{{end}}{{.n}}", V, "3"),
    pytest.param(ExecCase("complex", "{{with 1.5i}}{{.}}{{end}}", V, "(0+1.5i)"), marks=FMT_COMPLEX),
    ExecCase("with in range", "{{range .nest.l}}{{with .}}{{.x}}{{else}}nil{{end}};{{end}}", V, "1;nil;"),
    ExecCase("with var shadow", "{{$x := 1}}{{with $x := 2}}{{$x}}{{end}}{{$x}}", V, "21"),
    ExecCase("with dollar", "{{with $}}{{.s}}{{end}}", V, "str"),
    ExecCase("with chain", "{{with .nest.a.b}}{{.c}}{{end}}", V, "deep"),
    ExecCase("with index", '{{with index .m "a"}}{{.}}{{end}}', V, "1"),
    ExecCase("with pipeline", "{{with .s | upper}}{{.}}{{end}}", V, "STR"),
    ExecCase(
        "with else with else with",
        "{{with .F}}1{{else with .zero}}2{{else with .e}}3{{else with .l}}{{len .}}{{end}}",
        V,
        "3",
    ),
]

RANGE = [
    ExecCase("list", "{{range .l}}-{{.}}-{{end}}", V, "-1--2--3-"),
    ExecCase("list else", "{{range .l}}{{.}}{{else}}E{{end}}", V, "123"),
    ExecCase("empty else", "{{range .e}}{{.}}{{else}}E{{end}}", V, "E"),
    ExecCase("empty no else", "[{{range .e}}{{.}}{{end}}]", V, "[]"),
    ExecCase("missing else", "{{range .missing}}x{{else}}E{{end}}", V, "E"),
    ExecCase("nil else", "{{range .nul}}x{{else}}E{{end}}", V, "E"),
    ExecCase("map sorted", "{{range .m}}{{.}}{{end}}", V, "123"),
    ExecCase("map keys", "{{range $k, $v := .m}}{{$k}}={{$v}};{{end}}", V, "a=1;b=2;c=3;"),
    ExecCase("map one var", "{{range $v := .m}}{{$v}}{{end}}", V, "123"),
    ExecCase("empty map else", "{{range .em}}x{{else}}E{{end}}", V, "E"),
    ExecCase("index and elem", "{{range $i, $e := .sl}}{{$i}}{{$e}}{{end}}", V, "0a1b"),
    ExecCase("one var", "{{range $e := .sl}}{{$e}}{{end}}", V, "ab"),
    ExecCase("int", "{{range 3}}{{.}}{{end}}", V, "012"),
    ExecCase("int var", "{{range $i := 3}}{{$i}}{{end}}", V, "012"),
    ExecCase("int zero else", "{{range 0}}x{{else}}E{{end}}", V, "E"),
    ExecCase("int negative else", "{{range -2}}x{{else}}E{{end}}", V, "E"),
    ExecCase(
        "int two vars",
        "{{range $i, $v := 3}}x{{end}}",
        V,
        'template: t:1:18: executing "t" at <3>: can\'t use 3 to iterate over more than one variable',
        False,
    ),
    ExecCase("int64", '{{range int64 2}}{{.}}{{printf "%T" .}}{{end}}', V, "0int641int64"),
    ExecCase(
        "float value",
        "{{range .n}}x{{end}}",
        V,
        'template: t:1:8: executing "t" at <.n>: range can\'t iterate over 3',
        False,
    ),
    ExecCase(
        "float literal",
        "{{range 1.5}}x{{end}}",
        V,
        'template: t:1:8: executing "t" at <1.5>: range can\'t iterate over 1.5',
        False,
    ),
    ExecCase(
        "string",
        "{{range .s}}x{{end}}",
        V,
        'template: t:1:8: executing "t" at <.s>: range can\'t iterate over str',
        False,
    ),
    ExecCase(
        "bool",
        "{{range true}}x{{end}}",
        V,
        'template: t:1:8: executing "t" at <true>: range can\'t iterate over true',
        False,
    ),
    ExecCase("break", "{{range .l}}{{if eq . 2.0}}{{break}}{{end}}{{.}}{{end}}", V, "1"),
    ExecCase("continue", "{{range .l}}{{if eq . 2.0}}{{continue}}{{end}}{{.}}{{end}}", V, "13"),
    ExecCase("break in with", "{{range .l}}{{with eq . 2.0}}{{break}}{{end}}{{.}}{{end}}", V, "1"),
    ExecCase("break nested", "{{range .l}}{{range $.sl}}{{break}}{{.}}{{end}}{{.}}{{end}}", V, "123"),
    ExecCase(
        "continue nested",
        "{{range .sl}}{{range $.l}}{{if gt . 1.0}}{{continue}}{{end}}{{.}}{{end}}{{.}}{{end}}",
        V,
        "1a1b",
    ),
    ExecCase("break first else not run", "{{range .l}}{{break}}{{else}}E{{end}}", V, ""),
    ExecCase("nested dollar", "{{range .sl}}{{range $.sl}}{{.}}{{end}}|{{end}}", V, "ab|ab|"),
    ExecCase("elem types", '{{range .ml.k}}{{printf "%T;" .}}{{end}}', V, "float64;string;<nil>;bool;"),
    ExecCase("index type", '{{range $i, $e := .sl}}{{printf "%T" $i}}{{end}}', V, "intint"),
    ExecCase("var after range is collection", "{{range $i, $v := .e}}{{else}}{{$i}}{{$v}}{{end}}", V, "[][]"),
    ExecCase("assign form", "{{$i := 0}}{{$v := 0}}{{range $i, $v = .sl}}{{end}}{{$i}}{{$v}}", V, "1b"),
    ExecCase("assign form one", "{{$v := 0}}{{range $v = .sl}}{{$v}}{{end}}", V, "ab"),
    ExecCase("decl popped per iteration", "{{range .l}}{{$x := .}}{{$x}}{{end}}", V, "123"),
    ExecCase("list of splitList", '{{range splitList "," "a,b"}}{{printf "%T" .}}{{end}}', V, "stringstring"),
    ExecCase("pipe", "{{range .l | len}}{{.}}{{end}}", V, "012"),
    ExecCase("over dict func", '{{range $k, $v := dict "b" 1 "a" 2}}{{$k}}{{$v}}{{end}}', V, "a2b1"),
    ExecCase("over list func", '{{range list 1 "a" nil}}[{{.}}]{{end}}', V, "[1][a][<no value>]"),
    ExecCase("over nil elements", "{{range .nl}}[{{.}}]{{end}}", V, "[<no value>]"),
    ExecCase("dot restored", "{{range .l}}{{end}}{{.s}}", V, "str"),
    ExecCase("map of maps", "{{range $k, $v := .nest}}{{$k}};{{end}}", V, "a;l;"),
    ExecCase(
        "range over nested list",
        "{{range .x}}{{range .}}{{.}}{{end}};{{end}}",
        {"x": [[1.0, 2.0], [], [3.0]]},
        "12;;3;",
    ),
    ExecCase(
        "range map values types",
        '{{range .x}}{{printf "%T " .}}{{end}}',
        {"x": {"a": 1.0, "b": "s", "c": None, "d": [], "e": {}}},
        "float64 string <nil> []interface {} map[string]interface {} ",
    ),
    ExecCase("range with break and else", "{{range .e}}{{break}}{{else}}E{{end}}", V, "E"),
    ExecCase("range continue all", "{{range .l}}{{continue}}{{.}}{{end}}done", V, "done"),
    ExecCase("range break after output", "{{range .l}}{{.}}{{if ge . 2.0}}{{break}}{{end}}{{end}}", V, "12"),
    ExecCase("range int pipeline", "{{range len .l}}{{.}}{{end}}", V, "012"),
    ExecCase("range int64 var", "{{range $i := int64 3}}{{$i}}{{end}}", V, "012"),
    ExecCase(
        "range int in template", '{{define "a"}}{{range .}}{{.}}{{end}}{{end}}{{template "a" 3}}', V, "012"
    ),
    ExecCase("range over map dollar", "{{range $k, $v := .m}}{{$k}}{{$.s}}{{end}}", V, "astrbstrcstr"),
    ExecCase("range over list in map", "{{range .ml.k}}[{{.}}]{{end}}", V, "[1][two][<no value>][true]"),
    ExecCase("range var shadows dollar", "{{range $x := .sl}}{{$x}}{{end}}{{$.s}}", V, "abstr"),
    ExecCase("range nil var else", "{{$x := .missing}}{{range $x}}a{{else}}E{{end}}", V, "E"),
    ExecCase(
        "range over dict with nil", '{{range $k, $v := dict "a" nil}}{{$k}}={{$v}}{{end}}', V, "a=<no value>"
    ),
    ExecCase(
        "range string slice two vars", '{{range $i, $v := splitList "," "x,y"}}{{$i}}{{$v}}{{end}}', V, "0x1y"
    ),
    ExecCase("range map else var", "{{range $k, $v := .em}}x{{else}}{{$k}}{{end}}", V, "map[]"),
]

TEMPLATES = [
    ExecCase("define and call", '{{define "a"}}A{{.}}{{end}}{{template "a" .s}}', V, "Astr"),
    ExecCase("no pipe dot", '{{define "a"}}[{{.}}]{{end}}{{template "a"}}', V, "[<no value>]"),
    ExecCase("dot is data", '{{define "a"}}{{$.s}}{{end}}{{template "a" .}}', V, "str"),
    ExecCase("block", '{{block "b" .s}}B{{.}}{{end}}', V, "Bstr"),
    ExecCase(
        "not defined",
        '{{template "nope"}}',
        V,
        'template: t:1:11: executing "t" at <{{template "nope"}}>: template "nope" not defined',
        False,
    ),
    ExecCase(
        "nested call",
        '{{define "a"}}a{{template "b" .}}{{end}}{{define "b"}}b{{.n}}{{end}}{{template "a" .}}',
        V,
        "ab3",
    ),
    ExecCase(
        "recursion",
        '{{define "r"}}{{if gt . 0}}{{.}}{{template "r" sub . 1}}{{end}}{{end}}{{template "r" 3}}',
        V,
        "321",
    ),
    ExecCase(
        "infinite recursion",
        '{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}',
        V,
        'template: t:1:25: executing "r" at <{{template "r" .}}>: exceeded maximum template depth (100000)',
        False,
    ),
    ExecCase(
        "error in define",
        '{{define "a"}}\n  {{.s.x}}{{end}}{{template "a" .}}',
        V,
        'template: t:2:6: executing "a" at <.s.x>: can\'t evaluate field x in type interface {}',
        False,
    ),
    ExecCase(
        "error names define",
        '{{define "a"}}{{upper 3}}{{end}}x{{template "a"}}',
        V,
        'template: t:1:22: executing "a" at <3>: expected string; found 3',
        False,
    ),
    ExecCase("pipe into template", '{{define "a"}}{{.}}{{end}}{{template "a" .l | len}}', V, "3"),
    ExecCase(
        "template nil dot field", '{{define "a"}}[{{.x}}]{{end}}{{template "a" .missing}}', V, "[<no value>]"
    ),
    ExecCase("vars not inherited dollar", '{{define "a"}}{{$}}{{end}}{{$x := 1}}{{template "a" 5}}', V, "5"),
    ExecCase(
        "block redefined",
        '{{define "b"}}new{{end}}{{block "b" .}}old{{end}}',
        V,
        'template: t:1: template: multiple definition of template "b"',
        False,
    ),
    ExecCase("empty define keeps", '{{define "a"}}A{{end}}{{template "a"}}', V, "A"),
    ExecCase(
        "template with var pipeline", '{{define "a"}}<{{.}}>{{end}}{{$x := "v"}}{{template "a" $x}}', V, "<v>"
    ),
    ExecCase(
        "template in range", '{{define "a"}}<{{.}}>{{end}}{{range .sl}}{{template "a" .}}{{end}}', V, "<a><b>"
    ),
    ExecCase(
        "template dot missing",
        '{{define "a"}}{{if .}}T{{else}}F{{end}}{{end}}{{template "a" .missing}}',
        V,
        "F",
    ),
    ExecCase(
        "template calls template",
        '{{define "a"}}A{{template "b" .}}{{end}}{{define "b"}}B{{.}}{{end}}{{template "a" 1}}',
        V,
        "AB1",
    ),
    ExecCase("block uses dot", '{{block "b" .nest}}{{.a.b.c}}{{end}}', V, "deep"),
    ExecCase("define after use", '{{template "a" .s}}{{define "a"}}[{{.}}]{{end}}', V, "[str]"),
    ExecCase(
        "error in nested template names inner",
        '{{define "a"}}{{template "b" .}}{{end}}{{define "b"}}{{.s.x}}{{end}}{{template "a" .}}',
        V,
        'template: t:1:57: executing "b" at <.s.x>: can\'t evaluate field x in type interface {}',
        False,
    ),
    ExecCase(
        "template undefined in define",
        '{{define "a"}}{{template "zz"}}{{end}}{{template "a"}}',
        V,
        'template: t:1:25: executing "a" at <{{template "zz"}}>: template "zz" not defined',
        False,
    ),
    ExecCase(
        "recursion depth 2000",
        '{{define "r"}}{{if gt . 0}}{{template "r" sub . 1}}{{else}}done{{end}}{{end}}{{template "r" 2000}}',
        V,
        "done",
    ),
    ExecCase(
        "template nil literal pipe",
        '{{define "a"}}[{{.}}]{{end}}{{template "a" nil}}',
        V,
        'template: t:1:43: executing "t" at <nil>: nil is not a command',
        False,
    ),
]

FUNCTIONS = [
    ExecCase("call string param", '{{upper "abc"}}', V, "ABC"),
    ExecCase("string param piped", '{{"abc" | upper}}', V, "ABC"),
    ExecCase("string param value", "{{upper .s}}", V, "STR"),
    ExecCase(
        "string param int const",
        "{{upper 3}}",
        V,
        'template: t:1:8: executing "t" at <3>: expected string; found 3',
        False,
    ),
    ExecCase(
        "string param float value",
        "{{upper .n}}",
        V,
        'template: t:1:8: executing "t" at <.n>: wrong type for value; expected string; got float64',
        False,
    ),
    ExecCase(
        "string param nil const",
        "{{upper nil}}",
        V,
        'template: t:1:8: executing "t" at <nil>: cannot assign nil to string',
        False,
    ),
    ExecCase(
        "string param null value",
        "{{upper .nul}}",
        V,
        'template: t:1:8: executing "t" at <.nul>: wrong type for value; expected string; got interface {}',
        False,
    ),
    ExecCase(
        "string param missing value",
        "{{upper .missing}}",
        V,
        'template: t:1:8: executing "t" at <.missing>: wrong type for value; expected string; got interface {}',
        False,
    ),
    ExecCase(
        "string param piped missing",
        "{{.missing | upper}}",
        V,
        'template: t:1:13: executing "t" at <upper>: invalid value; expected string',
        False,
    ),
    ExecCase(
        "string param piped int",
        "{{3 | upper}}",
        V,
        'template: t:1:6: executing "t" at <upper>: wrong type for value; expected string; got int',
        False,
    ),
    ExecCase(
        "string param bool const",
        "{{upper true}}",
        V,
        'template: t:1:8: executing "t" at <true>: expected string; found true',
        False,
    ),
    ExecCase(
        "string param var nil",
        "{{$x := .nul}}{{upper $x}}",
        V,
        'template: t:1:22: executing "t" at <$x>: invalid value; expected string',
        False,
    ),
    ExecCase(
        "string param index nil",
        '{{upper (index .m "zz")}}',
        V,
        'template: t:1:18: executing "t" at <"zz">: invalid value; expected string',
        False,
    ),
    ExecCase(
        "string param pipe arg int",
        "{{upper (len .l)}}",
        V,
        'template: t:1:13: executing "t" at <.l>: wrong type for value; expected string; got int',
        False,
    ),
    ExecCase(
        "string param and",
        "{{upper (and 1 2)}}",
        V,
        'template: t:1:15: executing "t" at <2>: wrong type for value; expected string; got int',
        False,
    ),
    ExecCase(
        "string param or short",
        '{{upper (or 0 2 "x")}}',
        V,
        'template: t:1:14: executing "t" at <2>: wrong type for value; expected string; got int',
        False,
    ),
    ExecCase(
        "too many",
        '{{upper "a" "b"}}',
        V,
        'template: t:1:2: executing "t" at <upper>: wrong number of args for upper: want 1 got 2',
        False,
    ),
    ExecCase(
        "too few",
        "{{repeat 3}}",
        V,
        'template: t:1:2: executing "t" at <repeat>: wrong number of args for repeat: want 2 got 1',
        False,
    ),
    ExecCase(
        "too many piped",
        '{{"a" | upper "b"}}',
        V,
        'template: t:1:8: executing "t" at <upper>: wrong number of args for upper: want 1 got 2',
        False,
    ),
    ExecCase("int param const", '{{repeat 3 "ab"}}', V, "ababab"),
    ExecCase(
        "int param float const",
        '{{repeat 1.5 "ab"}}',
        V,
        'template: t:1:9: executing "t" at <1.5>: expected integer; found 1.5',
        False,
    ),
    ExecCase("int param float integral const", '{{repeat 2.0 "ab"}}', V, "abab"),
    ExecCase("int param exp const", '{{repeat 2e0 "ab"}}', V, "abab"),
    ExecCase(
        "int param float value",
        '{{repeat .n "ab"}}',
        V,
        'template: t:1:9: executing "t" at <.n>: wrong type for value; expected int; got float64',
        False,
    ),
    ExecCase(
        "int param int64 value",
        '{{repeat (int64 2) "ab"}}',
        V,
        'template: t:1:16: executing "t" at <2>: wrong type for value; expected int; got int64',
        False,
    ),
    ExecCase("int param int value", '{{repeat (int .n) "ab"}}', V, "ababab"),
    ExecCase(
        "int param string const",
        '{{repeat "2" "ab"}}',
        V,
        'template: t:1:9: executing "t" at <"2">: expected integer; found "2"',
        False,
    ),
    ExecCase(
        "int param nil",
        '{{repeat nil "ab"}}',
        V,
        'template: t:1:9: executing "t" at <nil>: cannot assign nil to int',
        False,
    ),
    ExecCase(
        "int param missing",
        '{{repeat .missing "ab"}}',
        V,
        'template: t:1:9: executing "t" at <.missing>: wrong type for value; expected int; got interface {}',
        False,
    ),
    ExecCase("int param char const", "{{repeat 'a' \"b\" | len}}", V, "97"),
    ExecCase("int param hex const", '{{repeat 0x2 "ab"}}', V, "abab"),
    ExecCase("int param piped string", '{{"x" | repeat 2}}', V, "xx"),
    ExecCase(
        "int param piped int",
        "{{2 | repeat 2}}",
        V,
        'template: t:1:13: executing "t" at <2>: wrong type for value; expected string; got int',
        False,
    ),
    ExecCase(
        "second param error",
        "{{repeat 2 3}}",
        V,
        'template: t:1:11: executing "t" at <3>: expected string; found 3',
        False,
    ),
    ExecCase("variadic none", "{{list}}", V, "[]"),
    ExecCase("variadic many", '{{list 1 "a" nil .f .l}}', V, "[1 a <nil> 1.5 [1 2 3]]"),
    ExecCase("variadic piped", "{{3 | list 1 2}}", V, "[1 2 3]"),
    ExecCase(
        "printf too few",
        "{{printf}}",
        V,
        'template: t:1:2: executing "t" at <printf>: wrong number of args for printf: want at least 1 got 0',
        False,
    ),
    ExecCase("printf piped only", '{{"x%s" | printf}}', V, "x%!s(MISSING)"),
    ExecCase(
        "printf piped int",
        "{{1 | printf}}",
        V,
        'template: t:1:6: executing "t" at <printf>: wrong type for value; expected string; got int',
        False,
    ),
    ExecCase(
        "printf piped bool",
        "{{true | printf}}",
        V,
        'template: t:1:9: executing "t" at <printf>: wrong type for value; expected string; got bool',
        False,
    ),
    ExecCase("printf piped format arg", '{{"y" | printf "%s-%s" "x"}}', V, "x-y"),
    ExecCase("default nil", '{{default "d" .nul}}', V, "d"),
    ExecCase("default missing", '{{.missing | default "d"}}', V, "d"),
    ExecCase("default set", '{{.s | default "d"}}', V, "str"),
    ExecCase("nested calls", '{{upper (repeat 2 (printf "%s" "a"))}}', V, "AA"),
    ExecCase("pipeline chain", '{{"a" | repeat 2 | upper | printf "<%s>"}}', V, "<AA>"),
    ExecCase("paren args", '{{printf "%d %d %d" (1) (len .l) (len (list 1 2))}}', V, "1 3 2"),
    ExecCase(
        "func as arg",
        "{{upper now}}",
        V,
        'template: t:1:8: executing "t" at <now>: wrong type for value; expected string; got time.Time',
        False,
    ),
    ExecCase(
        "error result",
        '{{required "need it" .missing}}',
        V,
        'template: t:1:2: executing "t" at <required "need it" .missing>: error calling required: need it',
        False,
    ),
    ExecCase("error result ok", '{{required "need it" .s}}', V, "str"),
    ExecCase(
        "error in arg",
        '{{upper (required "inner" .missing)}}',
        V,
        'template: t:1:9: executing "t" at <required "inner" .missing>: error calling required: inner',
        False,
    ),
    ExecCase(
        "typeOf const",
        '{{typeOf 1}} {{typeOf 1.5}} {{typeOf "s"}} {{typeOf true}} {{typeOf nil}}',
        V,
        "int float64 string bool <nil>",
    ),
    ExecCase(
        "typeOf values",
        "{{typeOf .n}} {{typeOf .l}} {{typeOf .m}} {{typeOf .nul}} {{typeOf .missing}}",
        V,
        "float64 []interface {} map[string]interface {} <nil> <nil>",
    ),
    ExecCase("add returns int64", "{{typeOf (add 1 2)}}", V, "int64"),
    ExecCase(
        "function error long context",
        '{{required "a very long message here" .missing}}',
        V,
        'template: t:1:2: executing "t" at <required "a very long message here" .missing>: error calling required: a very long message here',
        False,
    ),
    ExecCase(
        "not a defined function in call",
        "{{call .missing}}",
        V,
        'template: t:1:2: executing "t" at <call .missing>: error calling call: call of nil',
        False,
    ),
    ExecCase("ternary bool param", '{{ternary "a" "b" true}}', V, "a"),
    ExecCase(
        "ternary bool param int",
        '{{ternary "a" "b" 1}}',
        V,
        'template: t:1:18: executing "t" at <1>: expected bool; found 1',
        False,
    ),
    ExecCase("ternary bool value", '{{ternary "a" "b" .t}}', V, "a"),
    ExecCase("map param", '{{hasKey .m "a"}}', V, "true"),
    ExecCase(
        "map param wrong",
        '{{hasKey .l "a"}}',
        V,
        'template: t:1:9: executing "t" at <.l>: wrong type for value; expected map[string]interface {}; got []interface {}',
        False,
    ),
    ExecCase("map param nil const", '{{hasKey nil "a"}}', V, "false"),
    ExecCase(
        "map param missing",
        '{{hasKey .missing "a"}}',
        V,
        'template: t:1:9: executing "t" at <.missing>: wrong type for value; expected map[string]interface {}; got interface {}',
        False,
    ),
    ExecCase("map param piped missing", "{{.missing | keys}}", V, "[]"),
    ExecCase(
        "map param const",
        '{{hasKey 1 "a"}}',
        V,
        'template: t:1:9: executing "t" at <1>: can\'t handle 1 for arg of type map[string]interface {}',
        False,
    ),
    ExecCase("slice param string const", '{{join "," "abc"}}', V, "abc"),
    ExecCase("int result", '{{atoi "12" | typeOf}}', V, "int"),
    ExecCase("seq variadic int", "{{seq 1 3}}", V, "1 2 3"),
    ExecCase(
        "seq variadic float",
        "{{seq 1.5}}",
        V,
        'template: t:1:6: executing "t" at <1.5>: expected integer; found 1.5',
        False,
    ),
    ExecCase(
        "seq variadic value",
        "{{seq .n}}",
        V,
        'template: t:1:6: executing "t" at <.n>: wrong type for value; expected int; got float64',
        False,
    ),
    ExecCase("quote", '{{quote .s}} {{quote .nul}} {{quote 1 "a"}}', V, '"str"  "1" "a"'),
    ExecCase("function returning nil", "{{default nil nil}}", V, "<no value>"),
    ExecCase(
        "function nil result to typed",
        "{{upper (default nil nil)}}",
        V,
        'template: t:1:21: executing "t" at <nil>: invalid value; expected string',
        False,
    ),
    ExecCase(
        "function nil result as arg",
        "{{upper (.missing | default nil)}}",
        V,
        'template: t:1:28: executing "t" at <nil>: invalid value; expected string',
        False,
    ),
    ExecCase("identifier arg nil result", "{{typeOf (list)}}", V, "[]interface {}"),
    ExecCase(
        "int param from add",
        '{{repeat (add 1 1) "x"}}',
        V,
        'template: t:1:16: executing "t" at <1>: wrong type for value; expected int; got int64',
        False,
    ),
    ExecCase("bool param from eq", '{{ternary "y" "n" (eq 1 1)}}', V, "y"),
    ExecCase(
        "bool param nil",
        '{{ternary "y" "n" nil}}',
        V,
        'template: t:1:18: executing "t" at <nil>: cannot assign nil to bool',
        False,
    ),
    ExecCase(
        "bool param missing",
        '{{ternary "y" "n" .missing}}',
        V,
        'template: t:1:18: executing "t" at <.missing>: wrong type for value; expected bool; got interface {}',
        False,
    ),
    ExecCase("bool param piped", '{{true | ternary "y" "n"}}', V, "y"),
    ExecCase(
        "bool param piped string",
        '{{"t" | ternary "y" "n"}}',
        V,
        'template: t:1:20: executing "t" at <"n">: wrong type for value; expected bool; got string',
        False,
    ),
    ExecCase(
        "string param string slice",
        '{{upper (splitList "," "a")}}',
        V,
        'template: t:1:23: executing "t" at <"a">: wrong type for value; expected string; got []string',
        False,
    ),
    ExecCase("slice value to interface", '{{join "-" (splitList "," "a,b")}}', V, "a-b"),
    ExecCase("map param dict", '{{hasKey (dict "a" 1) "a"}}', V, "true"),
    ExecCase(
        "map param nil piped",
        "{{.missing | hasKey .m}}",
        V,
        'template: t:1:20: executing "t" at <.m>: invalid value; expected string',
        False,
    ),
    ExecCase("variadic map param", "{{keys .m .nest | len}}", V, "5"),
    ExecCase(
        "variadic map param wrong",
        "{{keys .m .l}}",
        V,
        'template: t:1:10: executing "t" at <.l>: wrong type for value; expected map[string]interface {}; got []interface {}',
        False,
    ),
    ExecCase("variadic map param nil", "{{keys .m nil | len}}", V, "3"),
    ExecCase("float64 param", '{{printf "%v" 1.5}}', V, "1.5"),
    ExecCase("many args", '{{printf "%v%v%v%v%v%v%v%v" 1 2 3 4 5 6 7 8}}', V, "12345678"),
    ExecCase(
        "error in second arg",
        '{{printf "%s %s" .s .s.x}}',
        V,
        'template: t:1:22: executing "t" at <.s.x>: can\'t evaluate field x in type interface {}',
        False,
    ),
    ExecCase(
        "arg count before types",
        "{{upper 1 2}}",
        V,
        'template: t:1:2: executing "t" at <upper>: wrong number of args for upper: want 1 got 2',
        False,
    ),
    ExecCase(
        "typed arg after int const",
        "{{repeat 2 .n}}",
        V,
        'template: t:1:11: executing "t" at <.n>: wrong type for value; expected string; got float64',
        False,
    ),
]

BUILTINS = [
    ExecCase("and", "{{and false 0}} {{and 1 0}} {{and 0 true}} {{and 1 1}}", V, "false 0 0 1"),
    ExecCase("or", "{{or 0 0}} {{or 1 0}} {{or 0 true}} {{or 1 1}}", V, "0 1 true 1"),
    ExecCase("and short circuit", '{{and false (required "x" .missing)}}', V, "false"),
    ExecCase("or short circuit", '{{or true (required "x" .missing)}}', V, "true"),
    ExecCase(
        "and evaluates",
        '{{and true (required "x" .missing)}}',
        V,
        'template: t:1:12: executing "t" at <required "x" .missing>: error calling required: x',
        False,
    ),
    ExecCase(
        "and no args",
        "{{and}}",
        V,
        'template: t:1:2: executing "t" at <and>: wrong number of args for and: want at least 1 got 0',
        False,
    ),
    ExecCase("and piped", "{{1 | and 2}}|{{0 | and 2}}|{{0 | or 2}}|{{0 | or 0}}", V, "1|0|2|0"),
    ExecCase("or piped only", "{{0 | or}}", V, "0"),
    ExecCase("and returns value", "{{and .l .m}}", V, "map[a:1 b:2 c:3]"),
    ExecCase("or missing", "{{or .missing .nul}}", V, "<no value>"),
    ExecCase("and nil", "{{and nil 1}}", V, "<no value>"),
    ExecCase("or as default", '{{or .e "empty"}}', V, "empty"),
    ExecCase(
        "not",
        "{{not true}} {{not false}} {{not 0}} {{not .s}} {{not .missing}} {{not .e}}",
        V,
        "false true true false true true",
    ),
    ExecCase(
        "not two args",
        "{{not 1 2}}",
        V,
        'template: t:1:2: executing "t" at <not>: wrong number of args for not: want 1 got 2',
        False,
    ),
    ExecCase("len", '{{len .l}} {{len .m}} {{len .s}} {{len .e}} {{len ""}}', V, "3 3 3 0 0"),
    ExecCase("len bytes", "{{len .u}}", V, "6"),
    ExecCase(
        "len int",
        "{{len 3}}",
        V,
        'template: t:1:2: executing "t" at <len 3>: error calling len: len of type int',
        False,
    ),
    ExecCase(
        "len float",
        "{{len .n}}",
        V,
        'template: t:1:2: executing "t" at <len .n>: error calling len: len of type float64',
        False,
    ),
    ExecCase(
        "len nil",
        "{{len nil}}",
        V,
        'template: t:1:2: executing "t" at <len nil>: error calling len: reflect: call of reflect.Value.Type on zero Value',
        False,
    ),
    ExecCase(
        "len missing",
        "{{len .missing}}",
        V,
        'template: t:1:2: executing "t" at <len .missing>: error calling len: len of nil pointer',
        False,
    ),
    ExecCase(
        "len null",
        "{{len .nul}}",
        V,
        'template: t:1:2: executing "t" at <len .nul>: error calling len: len of nil pointer',
        False,
    ),
    ExecCase(
        "len nil var",
        "{{$x := .missing}}{{len $x}}",
        V,
        'template: t:1:20: executing "t" at <len $x>: error calling len: reflect: call of reflect.Value.Type on zero Value',
        False,
    ),
    ExecCase("len string slice", '{{len (splitList "," "a,b,c")}}', V, "3"),
    ExecCase("len type", "{{typeOf (len .l)}}", V, "int"),
    ExecCase("index list", "{{index .l 1}}", V, "2"),
    ExecCase(
        "index list at len",
        "{{index .l 3}}",
        V,
        'template: t:1:2: executing "t" at <index .l 3>: error calling index: reflect: slice index out of range',
        False,
    ),
    ExecCase(
        "index list out",
        "{{index .l 4}}",
        V,
        'template: t:1:2: executing "t" at <index .l 4>: error calling index: index out of range: 4',
        False,
    ),
    ExecCase(
        "index negative",
        "{{index .l -1}}",
        V,
        'template: t:1:2: executing "t" at <index .l -1>: error calling index: index out of range: -1',
        False,
    ),
    ExecCase(
        "index string key on list",
        '{{index .l "a"}}',
        V,
        'template: t:1:2: executing "t" at <index .l "a">: error calling index: cannot index slice/array with type string',
        False,
    ),
    ExecCase(
        "index nil on list",
        "{{index .l nil}}",
        V,
        'template: t:1:2: executing "t" at <index .l nil>: error calling index: cannot index slice/array with nil',
        False,
    ),
    ExecCase(
        "index float on list",
        "{{index .l 1.0}}",
        V,
        'template: t:1:2: executing "t" at <index .l 1.0>: error calling index: cannot index slice/array with type float64',
        False,
    ),
    ExecCase(
        "index float value on list",
        "{{index .l .zero}}",
        V,
        'template: t:1:2: executing "t" at <index .l .zero>: error calling index: cannot index slice/array with type float64',
        False,
    ),
    ExecCase("index int64", "{{index .l (int64 2)}}", V, "3"),
    ExecCase("index map", '{{index .m "a"}}', V, "1"),
    ExecCase("index map missing", '{{index .m "zz"}}', V, "<no value>"),
    ExecCase(
        "index map int",
        "{{index .m 1}}",
        V,
        'template: t:1:2: executing "t" at <index .m 1>: error calling index: value has type int; should be string',
        False,
    ),
    ExecCase(
        "index map nil",
        "{{index .m nil}}",
        V,
        'template: t:1:2: executing "t" at <index .m nil>: error calling index: value is nil; should be of type string',
        False,
    ),
    ExecCase(
        "index nil",
        "{{index nil 1}}",
        V,
        'template: t:1:2: executing "t" at <index nil 1>: error calling index: index of untyped nil',
        False,
    ),
    ExecCase(
        "index missing",
        "{{index .missing 1}}",
        V,
        'template: t:1:2: executing "t" at <index .missing 1>: error calling index: index of untyped nil',
        False,
    ),
    ExecCase(
        "index null",
        '{{index .nul "a"}}',
        V,
        'template: t:1:2: executing "t" at <index .nul "a">: error calling index: index of untyped nil',
        False,
    ),
    ExecCase("index nested", '{{index .nest "a" "b" "c"}}', V, "deep"),
    ExecCase(
        "index nested nil",
        '{{index .nest "x" "b"}}',
        V,
        'template: t:1:2: executing "t" at <index .nest "x" "b">: error calling index: index of nil pointer',
        False,
    ),
    ExecCase("index nested list", '{{index .ml "k" 1}}', V, "two"),
    ExecCase("index string", '{{index "abc" 1}}', V, "98"),
    ExecCase(
        "index string at len",
        '{{index "abc" 3}}',
        V,
        'template: t:1:2: executing "t" at <index "abc" 3>: error calling index: reflect: string index out of range',
        False,
    ),
    pytest.param(ExecCase("index string type", '{{typeOf (index "abc" 0)}}', V, "uint8"), marks=NO_UINT8),
    ExecCase(
        "index int",
        "{{index 5 1}}",
        V,
        'template: t:1:2: executing "t" at <index 5 1>: error calling index: can\'t index item of type int',
        False,
    ),
    ExecCase("index no indices", "{{index .l}}", V, "[1 2 3]"),
    ExecCase(
        "index no args",
        "{{index}}",
        V,
        'template: t:1:2: executing "t" at <index>: wrong number of args for index: want at least 1 got 0',
        False,
    ),
    ExecCase("index string slice", '{{index (splitList "," "a,b") 1}}', V, "b"),
    ExecCase(
        "index bool",
        "{{index .l true}}",
        V,
        'template: t:1:2: executing "t" at <index .l true>: error calling index: cannot index slice/array with type bool',
        False,
    ),
    ExecCase("slice list", "{{slice .l 1 2}}", V, "[2]"),
    ExecCase("html", '{{html "<a href=\'x\'>&\\""}}', V, "&lt;a href=&#39;x&#39;&gt;&amp;&#34;"),
    ExecCase("html piped", '{{"<b>" | html}}', V, "&lt;b&gt;"),
    ExecCase("html missing", "{{html .missing}}", V, "&lt;no value&gt;"),
    ExecCase("html args", '{{html 1 2 "a" "b" 3}}', V, "1 2ab3"),
    ExecCase("html nil", "{{html nil}}", V, "&lt;no value&gt;"),
    ExecCase(
        "js",
        '{{js "a\'b\\"c<d>e&f=g\\\\h\\n\\u00e9\\u2028"}}',
        V,
        "a\\'b\\\"c\\u003Cd\\u003Ee\\u0026f\\u003Dg\\\\h\\u000Aé\\u2028",
    ),
    ExecCase("js plain", '{{js "plain"}}', V, "plain"),
    ExecCase("js control", '{{js "\\x01\\x7f"}}', V, "\\u0001\x7f"),
    ExecCase("urlquery", '{{urlquery "a b&c=d/é~_-."}}', V, "a+b%26c%3Dd%2F%C3%A9~_-."),
    ExecCase(
        "urlquery url", '{{"http://www.example.org/" | urlquery}}', V, "http%3A%2F%2Fwww.example.org%2F"
    ),
    ExecCase("urlquery args", '{{urlquery 1 "a" nil}}', V, "1a%3Cno+value%3E"),
    ExecCase(
        "call builtin func value",
        "{{call .missing 1}}",
        V,
        'template: t:1:2: executing "t" at <call .missing 1>: error calling call: call of nil',
        False,
    ),
    ExecCase(
        "call non-function",
        "{{call .s 1}}",
        V,
        'template: t:1:2: executing "t" at <call .s 1>: error calling call: non-function .s of type string',
        False,
    ),
    ExecCase(
        "call nil",
        "{{call nil}}",
        V,
        'template: t:1:2: executing "t" at <call nil>: error calling call: call of nil',
        False,
    ),
    ExecCase("and all true returns last", '{{and 1 "a" .l}}', V, "[1 2 3]"),
    ExecCase("or all false returns last", '{{or 0 "" .e}}', V, "[]"),
    ExecCase("and with nil literal last", "{{and 1 nil}}", V, "<no value>"),
    ExecCase("and short circuit not evaluated arg", "{{and .F (index .l 10)}}", V, "false"),
    ExecCase("or short circuit field error", "{{or .s .s.x}}", V, "str"),
    ExecCase("and final only", "{{.s | and}}", V, "str"),
    ExecCase(
        "and error arg",
        "{{and .t .s.x}}",
        V,
        'template: t:1:11: executing "t" at <.s.x>: can\'t evaluate field x in type interface {}',
        False,
    ),
    ExecCase("and nested", "{{and (or 0 1) (and 2 3)}}", V, "3"),
    ExecCase("or typeof", "{{typeOf (or .missing 1)}}", V, "int"),
    ExecCase("not nil", "{{not nil}}", V, "true"),
    ExecCase(
        "not no args",
        "{{not}}",
        V,
        'template: t:1:2: executing "t" at <not>: wrong number of args for not: want 1 got 0',
        False,
    ),
    ExecCase("len map key count", "{{len .nest}}", V, "2"),
    ExecCase(
        "len bool",
        "{{len true}}",
        V,
        'template: t:1:2: executing "t" at <len true>: error calling len: len of type bool',
        False,
    ),
    ExecCase("len of index", '{{len (index .ml "k")}}', V, "4"),
    ExecCase("index map of list", '{{index .nest "l" 0 "x"}}', V, "1"),
    ExecCase(
        "index nil elem then",
        '{{index .nest "l" 1 "x"}}',
        V,
        'template: t:1:2: executing "t" at <index .nest "l" 1 "x">: error calling index: index of nil pointer',
        False,
    ),
    ExecCase("index string not ascii", "{{index .u 1}}", V, "195"),
    ExecCase("index dict func", '{{index (dict "a" 1) "a"}}', V, "1"),
    ExecCase(
        "index float string key",
        "{{index .m 1.5}}",
        V,
        'template: t:1:2: executing "t" at <index .m 1.5>: error calling index: value has type float64; should be string',
        False,
    ),
    ExecCase(
        "index bool map",
        "{{index .m true}}",
        V,
        'template: t:1:2: executing "t" at <index .m true>: error calling index: value has type bool; should be string',
        False,
    ),
    ExecCase("html string nul", '{{html "a\\x00b"}}', V, "a�b"),
    ExecCase("html list", "{{html .sl}}", V, "[a b]"),
    ExecCase("js list", "{{js .l}}", V, "[1 2 3]"),
    ExecCase("js unicode nonprint", '{{js "\\u200b\\u00a0"}}', V, "\\u200B\\u00A0"),
    ExecCase("urlquery unicode", '{{urlquery "ü ß"}}', V, "%C3%BC+%C3%9F"),
    ExecCase(
        "urlquery symbols",
        '{{urlquery "!*\'();:@&=+$,/?#[]"}}',
        V,
        "%21%2A%27%28%29%3B%3A%40%26%3D%2B%24%2C%2F%3F%23%5B%5D",
    ),
    ExecCase("print map", "{{print .m}}", V, "map[a:1 b:2 c:3]"),
    ExecCase("println nil", "{{println nil .missing}}", V, "<nil> <nil>\n"),
    ExecCase(
        "printf nil format",
        "{{printf .missing}}",
        V,
        'template: t:1:9: executing "t" at <.missing>: wrong type for value; expected string; got interface {}',
        False,
    ),
    ExecCase("js unicode categories", '{{js "😀\ufeff\xad\x85 \t"}}', V, "😀\\uFEFF\\u00AD\\u0085 \\u0009"),
    ExecCase("urlquery astral and nul", '{{urlquery "😀 \x00"}}', V, "%F0%9F%98%80+%00"),
    ExecCase("html keeps other runes", '{{html "\xa0<😀>"}}', V, "\xa0&lt;😀&gt;"),
    ExecCase("js args", '{{js 1.5 nil "x" 2}}', V, "1.5\\u003Cno value\\u003Ex2"),
    ExecCase("js missing", "{{js .missing}}", V, "\\u003Cno value\\u003E"),
    ExecCase("urlquery no args", "[{{urlquery}}]", V, "[]"),
    ExecCase("html no args", "[{{html}}]", V, "[]"),
    ExecCase("js controls", '{{js "\x1f\x7f\x80"}}', V, "\\u001F\x7f\\u0080"),
]

COMPARISONS = [
    ExecCase("eq ints", "{{eq 1 1}} {{eq 1 2}}", V, "true false"),
    ExecCase("eq strings", '{{eq "a" "a"}} {{eq .s "str"}}', V, "true true"),
    ExecCase("eq floats", "{{eq .n 3.0}} {{eq .f 1.5}}", V, "true true"),
    ExecCase("eq bools", "{{eq true true}} {{eq .t false}}", V, "true false"),
    ExecCase("eq multi", "{{eq 1 2 3 1}} {{eq 1 2 3}}", V, "true false"),
    ExecCase(
        "eq float int",
        "{{eq .n 3}}",
        V,
        'template: t:1:2: executing "t" at <eq .n 3>: error calling eq: incompatible types for comparison: float64 and int',
        False,
    ),
    ExecCase(
        "eq int float",
        "{{eq 3 .n}}",
        V,
        'template: t:1:2: executing "t" at <eq 3 .n>: error calling eq: incompatible types for comparison: int and float64',
        False,
    ),
    ExecCase("eq int int64", "{{eq 3 (int64 3)}}", V, "true"),
    ExecCase(
        "eq string int",
        "{{eq .s 1}}",
        V,
        'template: t:1:2: executing "t" at <eq .s 1>: error calling eq: incompatible types for comparison: string and int',
        False,
    ),
    ExecCase(
        "eq bool int",
        "{{eq true 1}}",
        V,
        'template: t:1:2: executing "t" at <eq true 1>: error calling eq: incompatible types for comparison: bool and int',
        False,
    ),
    ExecCase(
        "eq map",
        "{{eq .m .m}}",
        V,
        'template: t:1:2: executing "t" at <eq .m .m>: error calling eq: non-comparable type map[a:%!s(float64=1) b:%!s(float64=2) c:%!s(float64=3)]: map[string]interface {}',
        False,
    ),
    ExecCase(
        "eq list",
        "{{eq .l .l}}",
        V,
        'template: t:1:2: executing "t" at <eq .l .l>: error calling eq: non-comparable type [%!s(float64=1) %!s(float64=2) %!s(float64=3)]: []interface {}',
        False,
    ),
    ExecCase(
        "eq map list",
        "{{eq .m .l}}",
        V,
        'template: t:1:2: executing "t" at <eq .m .l>: error calling eq: non-comparable types map[a:%!s(float64=1) b:%!s(float64=2) c:%!s(float64=3)]: map[string]interface {}, []interface {}: [1 2 3]',
        False,
    ),
    ExecCase(
        "eq map int",
        "{{eq .m 1}}",
        V,
        'template: t:1:2: executing "t" at <eq .m 1>: error calling eq: incompatible types for comparison: map[string]interface {} and int',
        False,
    ),
    ExecCase("eq nil int", "{{eq nil 1}}", V, "false"),
    ExecCase("eq nil nil", "{{eq nil nil}}", V, "true"),
    ExecCase("eq null nil", "{{eq .nul nil}}", V, "true"),
    ExecCase("eq missing string", '{{eq .missing ""}}', V, "false"),
    ExecCase("eq missing nil", "{{eq .missing nil}}", V, "true"),
    ExecCase("eq nil map", "{{eq nil .m}}", V, "false"),
    ExecCase("eq list nil", "{{eq .l nil}}", V, "false"),
    ExecCase(
        "eq missing arg",
        "{{eq 1}}",
        V,
        'template: t:1:2: executing "t" at <eq 1>: error calling eq: missing argument for comparison',
        False,
    ),
    ExecCase("eq piped", "{{1 | eq 1}}", V, "true"),
    ExecCase("eq complex", "{{eq 1i 1i}}", V, "true"),
    ExecCase("ne", '{{ne 1 2}} {{ne "a" "a"}}', V, "true false"),
    ExecCase(
        "ne three",
        "{{ne 1 2 3}}",
        V,
        'template: t:1:2: executing "t" at <ne>: wrong number of args for ne: want 2 got 3',
        False,
    ),
    ExecCase(
        "ne incompatible",
        '{{ne 1 "a"}}',
        V,
        'template: t:1:2: executing "t" at <ne 1 "a">: error calling ne: incompatible types for comparison: int and string',
        False,
    ),
    ExecCase("lt", '{{lt 1 2}} {{lt 2 1}} {{lt "a" "b"}} {{lt .f 2.0}}', V, "true false true true"),
    ExecCase(
        "le ge gt",
        "{{le 2 2}} {{ge 2 2}} {{gt 2 2}} {{gt 3 2}} {{le 3 2}} {{ge 1 2}}",
        V,
        "true true false true false false",
    ),
    ExecCase(
        "lt int float",
        "{{lt 1 2.5}}",
        V,
        'template: t:1:2: executing "t" at <lt 1 2.5>: error calling lt: incompatible types for comparison: int and float64',
        False,
    ),
    ExecCase(
        "lt nil",
        "{{lt nil 1}}",
        V,
        'template: t:1:2: executing "t" at <lt nil 1>: error calling lt: invalid type for comparison',
        False,
    ),
    ExecCase(
        "lt bool",
        "{{lt true false}}",
        V,
        'template: t:1:2: executing "t" at <lt true false>: error calling lt: invalid type for comparison',
        False,
    ),
    ExecCase(
        "lt map",
        "{{lt .m 1}}",
        V,
        'template: t:1:2: executing "t" at <lt .m 1>: error calling lt: invalid type for comparison',
        False,
    ),
    ExecCase("lt int64 int", "{{lt (int64 3) 4}}", V, "true"),
    ExecCase("gt float values", "{{gt .n .f}}", V, "true"),
    ExecCase(
        "le incompatible",
        '{{le 1 "a"}}',
        V,
        'template: t:1:2: executing "t" at <le 1 "a">: error calling le: incompatible types for comparison: int and string',
        False,
    ),
    ExecCase(
        "ge missing",
        "{{ge .missing 1}}",
        V,
        'template: t:1:2: executing "t" at <ge .missing 1>: error calling ge: invalid type for comparison',
        False,
    ),
    ExecCase(
        "lt complex",
        "{{lt 1i 2i}}",
        V,
        'template: t:1:2: executing "t" at <lt 1i 2i>: error calling lt: invalid type for comparison',
        False,
    ),
    ExecCase("eq string multi nil", '{{eq "a" nil "a"}}', V, "true"),
    ExecCase("lt strings unicode", '{{lt "é" "z"}}', V, "false"),
    ExecCase("eq int64 int64", "{{eq (int64 1) (int64 1)}}", V, "true"),
    ExecCase(
        "eq int64 float",
        "{{eq (int64 1) 1.0}}",
        V,
        'template: t:1:2: executing "t" at <eq (int64 1) 1.0>: error calling eq: incompatible types for comparison: int64 and float64',
        False,
    ),
    ExecCase("lt strings", '{{lt "abc" "abd"}} {{lt "b" "abc"}} {{lt "" "a"}}', V, "true false true"),
    ExecCase("gt strings", '{{gt "b" "a"}}', V, "true"),
    ExecCase("ge int64 int", "{{ge (int64 5) 5}}", V, "true"),
    ExecCase("le float", "{{le 1.5 1.5}} {{le .f .neg}}", V, "true false"),
    ExecCase(
        "eq string slice",
        '{{eq (splitList "," "a") (splitList "," "a")}}',
        V,
        'template: t:1:2: executing "t" at <eq (splitList "," "a") (splitList "," "a")>: error calling eq: non-comparable type [a]: []string',
        False,
    ),
    ExecCase("eq bool false", "{{eq false false}}", V, "true"),
    ExecCase("eq float nan-free", "{{eq 0.1 0.1}}", V, "true"),
    ExecCase("eq nil string", '{{eq nil ""}}', V, "false"),
    ExecCase("eq missing missing", "{{eq .missing .missing2}}", V, "true"),
    ExecCase("ne nil nil", "{{ne nil nil}}", V, "false"),
    ExecCase(
        "ne map",
        "{{ne .m .m}}",
        V,
        'template: t:1:2: executing "t" at <ne .m .m>: error calling ne: non-comparable type map[a:%!s(float64=1) b:%!s(float64=2) c:%!s(float64=3)]: map[string]interface {}',
        False,
    ),
    ExecCase("lt piped", "{{2 | lt 1}}", V, "true"),
    ExecCase(
        "eq multi incompatible later",
        '{{eq 1 2 "a"}}',
        V,
        'template: t:1:2: executing "t" at <eq 1 2 "a">: error calling eq: incompatible types for comparison: int and string',
        False,
    ),
    ExecCase("eq multi match before incompatible", '{{eq 1 1 "a"}}', V, "true"),
    ExecCase(
        "lt string int",
        '{{lt "a" 1}}',
        V,
        'template: t:1:2: executing "t" at <lt "a" 1>: error calling lt: incompatible types for comparison: string and int',
        False,
    ),
    ExecCase(
        "gt nil",
        "{{gt 1 nil}}",
        V,
        'template: t:1:2: executing "t" at <gt 1 nil>: error calling gt: invalid type for comparison',
        False,
    ),
    ExecCase(
        "le int64 float",
        "{{le (int64 1) 2.0}}",
        V,
        'template: t:1:2: executing "t" at <le (int64 1) 2.0>: error calling le: incompatible types for comparison: int64 and float64',
        False,
    ),
    ExecCase(
        "eq one arg piped",
        "{{1 | eq}}",
        V,
        'template: t:1:6: executing "t" at <eq>: error calling eq: missing argument for comparison',
        False,
    ),
]

ERRORS = [
    ExecCase(
        "position line 2",
        "a\nb {{.s.x}}",
        V,
        'template: t:2:6: executing "t" at <.s.x>: can\'t evaluate field x in type interface {}',
        False,
    ),
    ExecCase(
        "position after unicode",
        "é {{.s.x}}",
        V,
        'template: t:1:7: executing "t" at <.s.x>: can\'t evaluate field x in type interface {}',
        False,
    ),
    ExecCase(
        "position in if",
        "{{if true}}\n  x {{upper 3}}\n{{end}}",
        V,
        'template: t:2:12: executing "t" at <3>: expected string; found 3',
        False,
    ),
    ExecCase(
        "context truncated",
        '{{printf "%s" .nest.a.b.c.d.e.f.g.h}}',
        V,
        'template: t:1:19: executing "t" at <.nest.a.b.c.d.e.f.g.h>: can\'t evaluate field d in type interface {}',
        False,
    ),
    ExecCase(
        "context unicode truncated",
        '{{upper "ééééééééééééééééééééé" 1}}',
        V,
        'template: t:1:2: executing "t" at <upper>: wrong number of args for upper: want 1 got 2',
        False,
    ),
    ExecCase(
        "range error position",
        "{{range $i, $v := .s}}{{end}}",
        V,
        'template: t:1:18: executing "t" at <.s>: range can\'t iterate over str',
        False,
    ),
    ExecCase(
        "with pipe error",
        "{{with .s.x}}x{{end}}",
        V,
        'template: t:1:9: executing "t" at <.s.x>: can\'t evaluate field x in type interface {}',
        False,
    ),
    ExecCase(
        "nil command",
        "{{ (nil) }}",
        V,
        'template: t:1:4: executing "t" at <nil>: nil is not a command',
        False,
    ),
    ExecCase(
        "error in second command",
        "{{.s | upper | repeat 2.5}}",
        V,
        'template: t:1:22: executing "t" at <2.5>: expected integer; found 2.5',
        False,
    ),
    ExecCase(
        "error in arg pipeline",
        '{{printf "%s" (upper 1)}}',
        V,
        'template: t:1:21: executing "t" at <1>: expected string; found 1',
        False,
    ),
    ExecCase("printf percent", '{{printf "%!" 1}}', V, "%!!(int=1)"),
    ExecCase(
        "error after output",
        "before {{.s.x}} after",
        V,
        'template: t:1:11: executing "t" at <.s.x>: can\'t evaluate field x in type interface {}',
        False,
    ),
    ExecCase(
        "error in range body",
        "{{range .l}}{{.x}}{{end}}",
        V,
        'template: t:1:14: executing "t" at <.x>: can\'t evaluate field x in type interface {}',
        False,
    ),
    ExecCase(
        "error position second line col",
        "line1\n\tx{{ .s.x }}",
        V,
        'template: t:2:7: executing "t" at <.s.x>: can\'t evaluate field x in type interface {}',
        False,
    ),
    ExecCase(
        "long template name context",
        '{{ template "nope-this-is-a-long-name" }}',
        V,
        'template: t:1:12: executing "t" at <{{template "nope-this-is-a-long-name"}}>: template "nope-this-is-a-long-name" not defined',
        False,
    ),
    ExecCase(
        "notafunction pipe",
        "{{ 1 | (2) }}",
        V,
        'template: t:1:3: executing "t" at <1>: can\'t give argument to non-function 2',
        False,
    ),
    ExecCase(
        "notafunction literal",
        "{{ 1 | 2 }}",
        V,
        "template: t:1: non executable command in pipeline stage 2",
        False,
    ),
    ExecCase(
        "notafunction dot",
        "{{ 1 | . }}",
        V,
        "template: t:1: non executable command in pipeline stage 2",
        False,
    ),
    ExecCase(
        "notafunction string",
        '{{ "a" 1 }}',
        V,
        'template: t:1:3: executing "t" at <"a">: can\'t give argument to non-function "a"',
        False,
    ),
    ExecCase(
        "error in else branch",
        "{{if .F}}a{{else}}{{.s.x}}{{end}}",
        V,
        'template: t:1:22: executing "t" at <.s.x>: can\'t evaluate field x in type interface {}',
        False,
    ),
    ExecCase(
        "error in with body",
        "{{with .nest}}{{.a.b.c.d}}{{end}}",
        V,
        'template: t:1:18: executing "t" at <.a.b.c.d>: can\'t evaluate field d in type interface {}',
        False,
    ),
    ExecCase(
        "error on line 3",
        "x\ny\n{{ .nul.y }}",
        V,
        'template: t:3:7: executing "t" at <.nul.y>: nil pointer evaluating interface {}.y',
        False,
    ),
    ExecCase(
        "error col after tabs",
        "\t\t{{ upper 1 }}",
        V,
        'template: t:1:11: executing "t" at <1>: expected string; found 1',
        False,
    ),
    ExecCase(
        "error in define line",
        '{{define "a"}}\n\n{{upper 1}}{{end}}{{template "a"}}',
        V,
        'template: t:3:8: executing "a" at <1>: expected string; found 1',
        False,
    ),
    ExecCase(
        "error context chain",
        "{{(.s).x.y}}",
        V,
        'template: t:1:3: executing "t" at <.s>: can\'t evaluate field x in type string',
        False,
    ),
    ExecCase(
        "error context variable",
        "{{$abc := .s}}{{$abc.x}}",
        V,
        'template: t:1:20: executing "t" at <$abc.x>: can\'t evaluate field x in type string',
        False,
    ),
    ExecCase(
        "error context pipe arg",
        '{{printf "%d" (.nul.x)}}',
        V,
        'template: t:1:19: executing "t" at <.nul.x>: nil pointer evaluating interface {}.x',
        False,
    ),
    ExecCase(
        "error calling context",
        '{{index .l 10 | printf "%v"}}',
        V,
        'template: t:1:2: executing "t" at <index .l 10>: error calling index: index out of range: 10',
        False,
    ),
    ExecCase(
        "error calling nested",
        '{{printf "%v" (index .l 10)}}',
        V,
        'template: t:1:15: executing "t" at <index .l 10>: error calling index: index out of range: 10',
        False,
    ),
    ExecCase(
        "error context final",
        "{{.n | upper}}",
        V,
        'template: t:1:7: executing "t" at <upper>: wrong type for value; expected string; got float64',
        False,
    ),
    ExecCase("error context final with args", '{{.n | printf "%s %s" "x"}}', V, "x %!s(float64=3)"),
    ExecCase(
        "error context final typed after args",
        "{{.n | repeat 2}}",
        V,
        'template: t:1:14: executing "t" at <2>: wrong type for value; expected string; got float64',
        False,
    ),
    ExecCase(
        "error context chained pipe",
        "{{.s | upper | repeat 1.5}}",
        V,
        'template: t:1:22: executing "t" at <1.5>: expected integer; found 1.5',
        False,
    ),
    ExecCase(
        "wrong count context method",
        "{{.s | .nest.a}}",
        V,
        'template: t:1:12: executing "t" at <.nest.a>: a is not a method but has arguments',
        False,
    ),
    ExecCase(
        "undefined var assign in pipe",
        "{{if false}}{{$x := 1}}{{else}}{{$x = .s | upper}}{{end}}",
        V,
        'template: t:1:43: executing "t" at <upper>: undefined variable: $x',
        False,
    ),
    ExecCase(
        "percent in template",
        '{{"100%" | upper | repeat 1.5}}',
        V,
        'template: t:1:26: executing "t" at <1.5>: expected integer; found 1.5',
        False,
    ),
    ExecCase(
        "percent in context",
        '{{printf "%d%%" .s.x}}',
        V,
        'template: t:1:18: executing "t" at <.s.x>: can\'t evaluate field x in type interface {}',
        False,
    ),
]

PIPELINES = [
    ExecCase("two stages", "{{.s | upper}}", V, "STR"),
    ExecCase("three stages", "{{.s | repeat 2 | upper}}", V, "STRSTR"),
    ExecCase("final into variadic", '{{.s | printf "%s-%s" .s}}', V, "str-str"),
    ExecCase("paren first", "{{(.s) | upper}}", V, "STR"),
    ExecCase("paren with pipe", '{{(.s | upper) | printf "[%s]"}}', V, "[STR]"),
    ExecCase("decl then use", '{{$a := .l | len}}{{$b := $a | printf "%d"}}{{$b}}', V, "3"),
    ExecCase("and in pipe", "{{.t | and .n}}", V, "true"),
    ExecCase("not in pipe", "{{.F | not}}", V, "true"),
    ExecCase("len in pipe", "{{.m | len}}", V, "3"),
    ExecCase("index in pipe", "{{1 | index .l}}", V, "2"),
    ExecCase("eq in pipe", '{{"str" | eq .s}}', V, "true"),
    ExecCase("default chain", '{{.missing | default .nul | default "x"}}', V, "x"),
    ExecCase("html chain", '{{"<" | html | html}}', V, "&amp;lt;"),
    ExecCase("list piped arg", "{{.l | len | list 9}}", V, "[9 3]"),
    ExecCase("typeOf of pipe", "{{.l | len | typeOf}}", V, "int"),
    ExecCase("chain result field", '{{(dict "a" (dict "b" 5)).a.b}}', V, "5"),
    ExecCase("printf T of nil pipe", '{{.missing | printf "%T"}}', V, "<nil>"),
    ExecCase("nil pipe to variadic", "{{.missing | list}}", V, "[<nil>]"),
    ExecCase("nil pipe to print", "{{.missing | print}}", V, "<nil>"),
    ExecCase("dollar piped", "{{$ | len}}", V, "21"),
    ExecCase("dot piped", "{{with .sl}}{{. | len}}{{end}}", V, "2"),
]

# Go's two nils: a nil interface (a map value) and no value (what a pipeline yields for it).
NILS = [
    ExecCase(
        "piped index nil to string",
        '{{ (index .m "zz") | upper }}',
        V,
        'template: t:1:21: executing "t" at <upper>: invalid value; expected string',
        False,
    ),
    ExecCase(
        "piped null to string",
        "{{ .nul | upper }}",
        V,
        'template: t:1:10: executing "t" at <upper>: invalid value; expected string',
        False,
    ),
    ExecCase(
        "len of index nil",
        '{{ len (index .m "zz") }}',
        V,
        'template: t:1:3: executing "t" at <len (index .m "zz")>: error calling len: reflect: call of reflect.Value.Type on zero Value',
        False,
    ),
    ExecCase(
        "piped len of index nil",
        '{{ index .m "zz" | len }}',
        V,
        'template: t:1:19: executing "t" at <len>: error calling len: reflect: call of reflect.Value.Type on zero Value',
        False,
    ),
    ExecCase(
        "piped len of null",
        "{{ .nul | len }}",
        V,
        'template: t:1:10: executing "t" at <len>: error calling len: reflect: call of reflect.Value.Type on zero Value',
        False,
    ),
    ExecCase("piped eq nil", "{{ .nul | eq nil }}", V, "true"),
    ExecCase(
        "piped nil to second string param",
        "{{ .nul | hasKey .m }}",
        V,
        'template: t:1:17: executing "t" at <.m>: invalid value; expected string',
        False,
    ),
    ExecCase("chain on paren null", "{{ (.nul).x }}", V, "<no value>"),
    ExecCase("chain on and null", "{{ (and .nul).x }}", V, "<no value>"),
    ExecCase(
        "paren null to string",
        "{{ upper (.nul) }}",
        V,
        'template: t:1:10: executing "t" at <.nul>: invalid value; expected string',
        False,
    ),
    ExecCase(
        "paren missing to string",
        "{{ upper (.missing) }}",
        V,
        'template: t:1:10: executing "t" at <.missing>: invalid value; expected string',
        False,
    ),
    ExecCase(
        "paren missing to len",
        "{{ len (.missing) }}",
        V,
        'template: t:1:3: executing "t" at <len (.missing)>: error calling len: reflect: call of reflect.Value.Type on zero Value',
        False,
    ),
    ExecCase(
        "paren null to index",
        "{{ index (.nul) 1 }}",
        V,
        'template: t:1:3: executing "t" at <index (.nul) 1>: error calling index: index of untyped nil',
        False,
    ),
    ExecCase(
        "piped null to ternary bool",
        '{{ .nul | ternary "a" "b" }}',
        V,
        'template: t:1:22: executing "t" at <"b">: invalid value; expected bool',
        False,
    ),
    ExecCase(
        "piped null to repeat int",
        "{{ .nul | repeat 2 }}",
        V,
        'template: t:1:17: executing "t" at <2>: invalid value; expected string',
        False,
    ),
    ExecCase(
        "paren null to repeat int",
        '{{ repeat (.nul) "x" }}',
        V,
        'template: t:1:11: executing "t" at <.nul>: invalid value; expected int',
        False,
    ),
    ExecCase("null to not", "{{ not .nul }}{{ .nul | not }}", V, "truetrue"),
    ExecCase("index nil piped to printf", '{{ index .m "zz" | printf "%v" }}', V, "<nil>"),
    ExecCase("paren default nil to typeOf", "{{ typeOf (default nil .nul) }}", V, "<nil>"),
    ExecCase("piped nil to and", "{{ .nul | and 1 }}", V, "<no value>"),
    ExecCase("piped nil to or", "{{ .nul | or 0 }}", V, "<no value>"),
    ExecCase("or nil then field", "{{ (or .nul .missing).x }}", V, "<no value>"),
    ExecCase(
        "method piped null",
        "{{ .nul | .m.x }}",
        V,
        'template: t:1:12: executing "t" at <.m.x>: x is not a method but has arguments',
        False,
    ),
]


# ---------------------------------------------------------------------------------------------
# missingkey: Go's default (invalid) and error options. Expected values from exec.go's evalField:
# a missing key is the invalid value, on which a further field is silently empty; "error" stops.

MISSINGKEY_DEFAULT = [
    ExecCase("missing", "{{.missing}}", V, "<no value>"),
    ExecCase("missing then field is silent", "{{.missing.b}}", V, "<no value>"),
    ExecCase("missing chain is silent", "{{.nest.x.y.z}}", V, "<no value>"),
    ExecCase(
        "nil value then field fails",
        "{{.nul.a}}",
        V,
        'template: t:1:6: executing "t" at <.nul.a>: nil pointer evaluating interface {}.a',
        False,
    ),
    ExecCase(
        "missing to string param",
        "{{upper .missing}}",
        V,
        'template: t:1:8: executing "t" at <.missing>: invalid value; expected string',
        False,
    ),
    ExecCase("missing to map param is nil map", '{{hasKey .missing "a"}}', V, "false"),
    ExecCase(
        "len of missing",
        "{{len .missing}}",
        V,
        'template: t:1:2: executing "t" at <len .missing>: error calling len: reflect: call of reflect.Value.Type on zero Value',
        False,
    ),
    ExecCase("eq missing nil", "{{eq .missing nil}}", V, "true"),
    ExecCase("nil data", "{{.a}}", None, "<no value>"),
    ExecCase("nil data nested", "{{.a.b}}", None, "<no value>"),
    ExecCase("nil data dollar", "{{$}}", None, "<no value>"),
    ExecCase("nil data range", "{{range .}}x{{else}}E{{end}}", None, "E"),
    ExecCase("index ignores option", '{{index .m "zz"}}', V, "<no value>"),
    ExecCase(
        "range elem nil field",
        "{{range .nl}}{{.a}}{{end}}",
        V,
        'template: t:1:15: executing "t" at <.a>: nil pointer evaluating interface {}.a',
        False,
    ),
]

MISSINGKEY_ERROR = [
    ExecCase(
        "missing",
        "{{.missing}}",
        V,
        'template: t:1:2: executing "t" at <.missing>: map has no entry for key "missing"',
        False,
    ),
    ExecCase(
        "missing nested",
        "{{.nest.x}}",
        V,
        'template: t:1:7: executing "t" at <.nest.x>: map has no entry for key "x"',
        False,
    ),
    ExecCase("present nil", "{{.nul}}", V, "<no value>"),
    ExecCase("present", "{{.nest.a.b.c}}", V, "deep"),
    ExecCase("index ignores option", '{{index .m "zz"}}', V, "<no value>"),
    ExecCase(
        "nil data",
        "{{.a}}",
        None,
        'template: t:1:2: executing "t" at <.a>: nil data; no entry for key "a"',
        False,
    ),
    ExecCase(
        "field of invalid variable",
        '{{$x := index .m "zz"}}{{$x.y}}',
        V,
        'template: t:1:27: executing "t" at <$x.y>: nil data; no entry for key "y"',
        False,
    ),
    ExecCase(
        "method of invalid variable",
        '{{$x := index .m "zz"}}{{$x.y 1}}',
        V,
        'template: t:1:27: executing "t" at <$x.y>: nil data; no entry for key "y"',
        False,
    ),
    ExecCase(
        "in if",
        "{{if .missing}}x{{end}}",
        V,
        'template: t:1:5: executing "t" at <.missing>: map has no entry for key "missing"',
        False,
    ),
    ExecCase(
        "before default",
        '{{.missing | default "d"}}',
        V,
        'template: t:1:2: executing "t" at <.missing>: map has no entry for key "missing"',
        False,
    ),
    ExecCase(
        "dollar",
        "{{$.missing}}",
        V,
        'template: t:1:3: executing "t" at <$.missing>: map has no entry for key "missing"',
        False,
    ),
    ExecCase("with else not reached", "{{with .s}}{{.}}{{end}}", V, "str"),
]

# ---------------------------------------------------------------------------------------------
# Go objects: structs, methods (first), fields, named map and slice types. Shapes and messages as
# Helm v4 prints them for .Capabilities and .Files (``root()`` holds look-alikes).

R = root({"x": {"y": 1.0}})

GO_OBJECTS = [
    ExecCase("method with arg", '{{ .Capabilities.APIVersions.Has "v1" }}', R, "true"),
    ExecCase("method false", '{{ .Capabilities.APIVersions.Has "v9" }}', R, "false"),
    ExecCase("method piped arg", '{{ "v1" | .Capabilities.APIVersions.Has }}', R, "true"),
    ExecCase(
        "method missing arg",
        "{{ .Capabilities.APIVersions.Has }}",
        R,
        'template: t:1:16: executing "t" at <.Capabilities.APIVersions.Has>: wrong number of args for Has: want 1 got 0',
        False,
    ),
    ExecCase(
        "method too many args",
        '{{ .Capabilities.APIVersions.Has "v1" "v2" }}',
        R,
        'template: t:1:16: executing "t" at <.Capabilities.APIVersions.Has>: wrong number of args for Has: want 1 got 2',
        False,
    ),
    ExecCase(
        "method arg type",
        "{{ .Capabilities.APIVersions.Has 1 }}",
        R,
        'template: t:1:33: executing "t" at <1>: expected string; found 1',
        False,
    ),
    ExecCase(
        "method in chain is called without args",
        "{{ .Capabilities.APIVersions.Has.x }}",
        R,
        'template: t:1:16: executing "t" at <.Capabilities.APIVersions.Has.x>: wrong number of args for Has: want 1 got 0',
        False,
    ),
    ExecCase("struct field", "{{ .Capabilities.KubeVersion.Version }}", R, "v1.36.0"),
    ExecCase(
        "struct fields",
        "{{ .Capabilities.KubeVersion.Major }}.{{ .Capabilities.KubeVersion.Minor }}",
        R,
        "1.36",
    ),
    ExecCase(
        "struct no such field",
        "{{ .Capabilities.KubeVersion.Foo }}",
        R,
        'template: t:1:16: executing "t" at <.Capabilities.KubeVersion.Foo>: can\'t evaluate field Foo in type common.KubeVersion',
        False,
    ),
    ExecCase(
        "struct in map no such field",
        "{{ .Capabilities.Foo }}",
        R,
        'template: t:1:16: executing "t" at <.Capabilities.Foo>: can\'t evaluate field Foo in type interface {}',
        False,
    ),
    ExecCase(
        "struct field with args",
        "{{ .Capabilities.KubeVersion.Version 1 }}",
        R,
        'template: t:1:16: executing "t" at <.Capabilities.KubeVersion.Version>: Version has arguments but cannot be invoked as function',
        False,
    ),
    ExecCase(
        "field of struct field string",
        "{{ .Capabilities.KubeVersion.Version.x }}",
        R,
        'template: t:1:16: executing "t" at <.Capabilities.KubeVersion.Version.x>: can\'t evaluate field x in type string',
        False,
    ),
    ExecCase("map type method", '{{ .Files.Get "a.txt" }}', R, "A"),
    ExecCase("map type method missing file", '[{{ .Files.Get "nope" }}]', R, "[]"),
    ExecCase(
        "map type method no args",
        "{{ .Files.Get }}",
        R,
        'template: t:1:9: executing "t" at <.Files.Get>: wrong number of args for Get: want 1 got 0',
        False,
    ),
    ExecCase(
        "method nil constant",
        "{{ .Files.Get nil }}",
        R,
        'template: t:1:14: executing "t" at <nil>: cannot assign nil to string',
        False,
    ),
    ExecCase(
        "method missing value",
        "{{ .Files.Get .Values.missing }}",
        R,
        'template: t:1:21: executing "t" at <.Values.missing>: wrong type for value; expected string; got interface {}',
        False,
    ),
    ExecCase(
        "method piped missing value",
        "{{ .Values.missing | .Files.Get }}",
        R,
        'template: t:1:27: executing "t" at <.Files.Get>: invalid value; expected string',
        False,
    ),
    ExecCase(
        "map type key",
        '{{ index .Files "a.txt" }}',
        R,
        'template: t:1:3: executing "t" at <index .Files "a.txt">: error calling index: can\'t index item of type engine.files',
        False,
    ),
    ExecCase("map type field key", "{{ .Files.zz }}", R, "<no value>"),
    ExecCase("method variadic", '{{ .Files.Join "-" 1 "a" }}', R, "1-a"),
    ExecCase("method variadic none", '[{{ .Files.Join "-" }}]', R, "[]"),
    ExecCase(
        "method error",
        '{{ .Files.Must "zz" }}',
        R,
        'template: t:1:9: executing "t" at <.Files.Must>: error calling Must: no file zz',
        False,
    ),
    ExecCase("method ok", '{{ .Files.Must "a.txt" }}', R, "A"),
    ExecCase("method on variable", '{{ $c := .Capabilities }}{{ $c.APIVersions.Has "v1" }}', R, "true"),
    ExecCase(
        "method on dollar in range",
        '{{ range .Values.x }}{{ $.Capabilities.APIVersions.Has "apps/v1" }}{{ end }}',
        R,
        "true",
    ),
    ExecCase("method on paren", '{{ (.Capabilities).APIVersions.Has "v1" }}', R, "true"),
    ExecCase(
        "method args from dot", '{{ with "v1" }}{{ $.Capabilities.APIVersions.Has . }}{{ end }}', R, "true"
    ),
    ExecCase(
        "range over named slice",
        "{{ range .Capabilities.APIVersions }}{{ . }};{{ end }}",
        R,
        "v1;apps/v1;batch/v1;",
    ),
    ExecCase(
        "range named slice elem field",
        "{{ range .Capabilities.APIVersions }}{{ .x }}{{ end }}",
        R,
        'template: t:1:40: executing "t" at <.x>: can\'t evaluate field x in type string',
        False,
    ),
    ExecCase("len of named slice", "{{ len .Capabilities.APIVersions }}", R, "3"),
    ExecCase("index named slice", "{{ index .Capabilities.APIVersions 1 }}", R, "apps/v1"),
    ExecCase(
        "typeOf objects",
        "{{ typeOf .Capabilities }} {{ typeOf .Files }} {{ typeOf .Capabilities.APIVersions }}",
        R,
        "*common.Capabilities engine.files common.VersionSet",
    ),
    ExecCase("if struct", "{{ if .Capabilities.KubeVersion }}T{{ end }}", R, "T"),
    ExecCase("with struct", "{{ with .Capabilities.KubeVersion }}{{ .Major }}{{ end }}", R, "1"),
    ExecCase("eq struct pointers", "{{ eq .Capabilities .Capabilities }}", R, "true"),
]

# ---------------------------------------------------------------------------------------------
# call, function values, errors escaping functions (Go's funcs.go call and safeCall).


def _binary(a: str, b: str) -> str:
    return f"[{a}={b}]"


def _boom(*args: Any) -> Any:
    raise ValueError("bad thing")


FN = {
    "binary": GoFunc(_binary, ("string", "string"), result="string"),
    "variadic": GoFunc(lambda *s: "<" + "+".join(s) + ">", ("string",), variadic=True, result="string"),
    "variadicInt": GoFunc(
        lambda n, *s: f"{n}=<{'+'.join(s)}>", ("int", "string"), variadic=True, result="string"
    ),
    "int64arg": GoFunc(lambda n: f"{n + 1}", ("int64",), result="string"),
    "errfn": GoFunc(lambda: (_ for _ in ()).throw(FuncError("bla")), (), result="string", error=True),
    "plain": lambda *a: len(a),
    "zero": GoFunc(lambda: "z", (), result="string"),
    "s": "not a func",
}

CALLS = [
    ExecCase("call binary", "{{call .binary `1` `2`}}", FN, "[1=2]"),
    ExecCase("call variadic none", "{{call .variadic}}", FN, "<>"),
    ExecCase("call variadic two", "{{call .variadic `he` `llo`}}", FN, "<he+llo>"),
    ExecCase("call variadic int", "{{call .variadicInt 33 `he` `llo`}}", FN, "33=<he+llo>"),
    ExecCase("call pipeline", "{{call .variadic `llo` | call .variadic `he`}}", FN, "<he+<llo>>"),
    ExecCase("call plain callable", "{{call .plain 1 2 3}}", FN, "3"),
    ExecCase("call zero args", "{{call .zero}}", FN, "z"),
    ExecCase("call piped function", "{{.zero | call}}", FN, "z"),
    ExecCase("call int to int64 converts", "{{call .int64arg 41}}", FN, "42"),
    ExecCase(
        "call error",
        "{{call .errfn}}",
        FN,
        'template: t:1:2: executing "t" at <call .errfn>: error calling call: bla',
        False,
    ),
    ExecCase(
        "call too few",
        "{{call .binary `1`}}",
        FN,
        'template: t:1:2: executing "t" at <call .binary `1`>: error calling call: wrong number of args for .binary: got 1 want 2',
        False,
    ),
    ExecCase(
        "call too many",
        "{{call .binary `1` `2` `3`}}",
        FN,
        'template: t:1:2: executing "t" at <call .binary `1` `2` `3`>: error calling call: wrong number of args for .binary: got 3 want 2',
        False,
    ),
    ExecCase(
        "call bad arg 0",
        "{{call .binary 1 `2`}}",
        FN,
        'template: t:1:2: executing "t" at <call .binary 1 `2`>: error calling call: arg 0: value has type int; should be string',
        False,
    ),
    ExecCase(
        "call bad arg 1",
        "{{call .binary `1` 3}}",
        FN,
        'template: t:1:2: executing "t" at <call .binary `1` 3>: error calling call: arg 1: value has type int; should be string',
        False,
    ),
    ExecCase(
        "call variadic bad",
        "{{call .variadic 3}}",
        FN,
        'template: t:1:2: executing "t" at <call .variadic 3>: error calling call: arg 0: value has type int; should be string',
        False,
    ),
    ExecCase(
        "call variadic int missing",
        "{{call .variadicInt}}",
        FN,
        'template: t:1:2: executing "t" at <call .variadicInt>: error calling call: wrong number of args for .variadicInt: got 0 want at least 1',
        False,
    ),
    ExecCase(
        "call variadic nil",
        "{{call .variadic nil}}",
        FN,
        'template: t:1:2: executing "t" at <call .variadic nil>: error calling call: arg 0: value is nil; should be of type string',
        False,
    ),
    ExecCase(
        "call non-function",
        "{{call .s}}",
        FN,
        'template: t:1:2: executing "t" at <call .s>: error calling call: non-function .s of type string',
        False,
    ),
    ExecCase(
        "call nothing",
        "{{call}}",
        FN,
        'template: t:1:2: executing "t" at <call>: wrong number of args for call: want at least 1 got 0',
        False,
    ),
    ExecCase(
        "call variable name",
        "{{$f := .binary}}{{call $f 1 2}}",
        FN,
        'template: t:1:19: executing "t" at <call $f 1 2>: error calling call: arg 0: value has type int; should be string',
        False,
    ),
    ExecCase("if function value", "{{if .binary}}{{call .binary `1` `2`}}{{end}}", FN, "[1=2]"),
    ExecCase("not function value", "{{if not .binary}}x{{else}}No{{end}}", FN, "No"),
    ExecCase(
        "print function value",
        "{{.binary}}",
        FN,
        'template: t:1:2: executing "t" at <{{.binary}}>: can\'t print {{.binary}} of type func(string, string) string',
        False,
    ),
    ExecCase(
        "print plain callable",
        "{{.plain}}",
        FN,
        'template: t:1:2: executing "t" at <{{.plain}}>: can\'t print {{.plain}} of type func(...interface {}) interface {}',
        False,
    ),
    ExecCase(
        "print error function type",
        "{{.errfn}}",
        FN,
        'template: t:1:2: executing "t" at <{{.errfn}}>: can\'t print {{.errfn}} of type func() (string, error)',
        False,
    ),
    ExecCase(
        "function value has no args",
        "{{.binary 1}}",
        FN,
        'template: t:1:2: executing "t" at <.binary>: binary is not a method but has arguments',
        False,
    ),
]

ESCAPES = [
    ExecCase(
        "python exception is an ExecError",
        "{{boom 1}}",
        V,
        'template: t:1:2: executing "t" at <boom 1>: error calling boom: bad thing',
        False,
    ),
    ExecCase(
        "python exception in argument",
        "{{upper (boom)}}",
        V,
        'template: t:1:9: executing "t" at <boom>: error calling boom: bad thing',
        False,
    ),
    ExecCase(
        "python exception in pipeline",
        "{{.s | boom}}",
        V,
        'template: t:1:7: executing "t" at <boom>: error calling boom: bad thing',
        False,
    ),
    ExecCase(
        "keyerror text",
        "{{keyerr}}",
        V,
        "template: t:1:2: executing \"t\" at <keyerr>: error calling keyerr: 'k'",
        False,
    ),
    ExecCase(
        "empty exception text",
        "{{bare}}",
        V,
        'template: t:1:2: executing "t" at <bare>: error calling bare: RuntimeError',
        False,
    ),
]

ESCAPE_FUNCS = {
    "boom": _boom,
    "keyerr": GoFunc(lambda: {}["k"], ()),
    "bare": GoFunc(lambda: (_ for _ in ()).throw(RuntimeError()), ()),
}

# ---------------------------------------------------------------------------------------------
# Go's own slice builtin (Helm replaces it with Sprig's, so these come from funcs.go).

SLICE = [
    ExecCase("slice string", '{{slice "abcdef" 1 3}}', V, "bc"),
    ExecCase("slice string from", '{{slice "abcdef" 2}}', V, "cdef"),
    ExecCase("slice string bytes", "{{slice .u 0 3}}", V, "hé"),
    ExecCase("slice list", "{{slice .l 1 2}}", V, "[2]"),
    ExecCase("slice list all", "{{slice .l}}", V, "[1 2 3]"),
    ExecCase("slice list three", "{{slice .l 0 1 3}}", V, "[1]"),
    ExecCase("slice at len", "[{{slice .l 3}}]", V, "[[]]"),
    ExecCase("slice string slice", '{{slice (splitList "," "a,b,c") 1}}', V, "[b c]"),
    ExecCase(
        "slice string three",
        '{{slice "abc" 0 1 2}}',
        V,
        'template: t:1:2: executing "t" at <slice "abc" 0 1 2>: error calling slice: cannot 3-index slice a string',
        False,
    ),
    ExecCase(
        "slice too many",
        "{{slice .l 0 1 2 3}}",
        V,
        'template: t:1:2: executing "t" at <slice .l 0 1 2 3>: error calling slice: too many slice indexes: 4',
        False,
    ),
    ExecCase(
        "slice reversed",
        "{{slice .l 2 1}}",
        V,
        'template: t:1:2: executing "t" at <slice .l 2 1>: error calling slice: invalid slice index: 2 > 1',
        False,
    ),
    ExecCase(
        "slice reversed three",
        "{{slice .l 0 2 1}}",
        V,
        'template: t:1:2: executing "t" at <slice .l 0 2 1>: error calling slice: invalid slice index: 2 > 1',
        False,
    ),
    ExecCase(
        "slice out of range",
        "{{slice .l 0 4}}",
        V,
        'template: t:1:2: executing "t" at <slice .l 0 4>: error calling slice: index out of range: 4',
        False,
    ),
    ExecCase(
        "slice negative",
        "{{slice .l -1}}",
        V,
        'template: t:1:2: executing "t" at <slice .l -1>: error calling slice: index out of range: -1',
        False,
    ),
    ExecCase(
        "slice nil",
        "{{slice nil}}",
        V,
        'template: t:1:2: executing "t" at <slice nil>: error calling slice: slice of untyped nil',
        False,
    ),
    ExecCase(
        "slice int",
        "{{slice 3 1}}",
        V,
        'template: t:1:2: executing "t" at <slice 3 1>: error calling slice: can\'t slice item of type int',
        False,
    ),
    ExecCase(
        "slice map",
        "{{slice .m 1}}",
        V,
        'template: t:1:2: executing "t" at <slice .m 1>: error calling slice: can\'t slice item of type map[string]interface {}',
        False,
    ),
    ExecCase(
        "slice index type",
        '{{slice .l "a"}}',
        V,
        'template: t:1:2: executing "t" at <slice .l "a">: error calling slice: cannot index slice/array with type string',
        False,
    ),
]

# ---------------------------------------------------------------------------------------------
# uint64 values (Sprig's semver accessors): signed and unsigned integers compare by value (funcs.go).

U = {"u": Uint64(3)}

UNSIGNED = [
    ExecCase("print", "{{.u}} {{printf `%T` .u}}", U, "3 uint64"),
    ExecCase("eq int", "{{eq .u 3}} {{eq 3 .u}} {{eq .u -1}} {{eq .u .u}}", U, "true true false true"),
    ExecCase(
        "ordering with int",
        "{{lt -1 .u}} {{lt .u 4}} {{gt .u 2}} {{le .u 3}} {{ge 2 .u}}",
        U,
        "true true true true false",
    ),
    ExecCase(
        "eq float",
        "{{eq .u 3.0}}",
        U,
        'template: t:1:2: executing "t" at <eq .u 3.0>: error calling eq: incompatible types for comparison: uint64 and float64',
        False,
    ),
    ExecCase("range", "{{range .u}}{{.}}{{end}}", U, "012"),
    ExecCase("if", "{{if .u}}T{{end}}", U, "T"),
    ExecCase("index by uint", "{{index .l .u}}", {"u": Uint64(1), "l": ["a", "b"]}, "b"),
    ExecCase(
        "to int param",
        '{{repeat .u "x"}}',
        U,
        'template: t:1:9: executing "t" at <.u>: wrong type for value; expected int; got uint64',
        False,
    ),
]


# ---------------------------------------------------------------------------------------------
# Runners


def _id(case: ExecCase) -> str:
    return case.name


def _execute(
    case: ExecCase, options: tuple[str, ...] = ("missingkey=zero",), funcs: dict[str, Any] | None = None
) -> None:
    t = Template("t", funcs={**FUNCS, **(funcs or {})}, options=options)
    try:
        got = t.parse(case.template).execute(case.data)
    except ParseError as e:
        assert not case.ok, f"unexpected parse error: {e}"
        assert str(e) == case.want
        return
    except ExecError as e:
        assert not case.ok, f"unexpected error: {e}"
        assert str(e) == case.want
        return
    assert case.ok, f"expected error {case.want!r}, got output {got!r}"
    assert got == case.want


@pytest.mark.parametrize("case", TEXT, ids=_id)
def test_text(case: ExecCase) -> None:
    _execute(case)


@pytest.mark.parametrize("case", PRINT, ids=_id)
def test_print(case: ExecCase) -> None:
    _execute(case)


@pytest.mark.parametrize("case", FIELDS, ids=_id)
def test_fields(case: ExecCase) -> None:
    _execute(case)


@pytest.mark.parametrize("case", VARIABLES, ids=_id)
def test_variables(case: ExecCase) -> None:
    _execute(case)


@pytest.mark.parametrize("case", IF, ids=_id)
def test_if(case: ExecCase) -> None:
    _execute(case)


@pytest.mark.parametrize("case", WITH, ids=_id)
def test_with(case: ExecCase) -> None:
    _execute(case)


@pytest.mark.parametrize("case", RANGE, ids=_id)
def test_range(case: ExecCase) -> None:
    _execute(case)


@pytest.mark.parametrize("case", TEMPLATES, ids=_id)
def test_templates(case: ExecCase) -> None:
    _execute(case)


@pytest.mark.parametrize("case", FUNCTIONS, ids=_id)
def test_functions(case: ExecCase) -> None:
    _execute(case)


@pytest.mark.parametrize("case", PIPELINES, ids=_id)
def test_pipelines(case: ExecCase) -> None:
    _execute(case)


@pytest.mark.parametrize("case", BUILTINS, ids=_id)
def test_builtins(case: ExecCase) -> None:
    _execute(case)


@pytest.mark.parametrize("case", COMPARISONS, ids=_id)
def test_comparisons(case: ExecCase) -> None:
    _execute(case)


@pytest.mark.parametrize("case", ERRORS, ids=_id)
def test_errors(case: ExecCase) -> None:
    _execute(case)


@pytest.mark.parametrize("case", NILS, ids=_id)
def test_nils(case: ExecCase) -> None:
    _execute(case)


@pytest.mark.parametrize("case", MISSINGKEY_DEFAULT, ids=_id)
def test_missingkey_default(case: ExecCase) -> None:
    _execute(case, options=())


@pytest.mark.parametrize("case", MISSINGKEY_DEFAULT, ids=_id)
def test_missingkey_invalid_is_default(case: ExecCase) -> None:
    _execute(case, options=("missingkey=invalid",))


@pytest.mark.parametrize("case", MISSINGKEY_ERROR, ids=_id)
def test_missingkey_error(case: ExecCase) -> None:
    _execute(case, options=("missingkey=error",))


@pytest.mark.parametrize("case", GO_OBJECTS, ids=_id)
def test_go_objects(case: ExecCase) -> None:
    _execute(case)


@pytest.mark.parametrize("case", CALLS, ids=_id)
def test_call(case: ExecCase) -> None:
    _execute(case)


@pytest.mark.parametrize("case", ESCAPES, ids=_id)
def test_exceptions_in_functions(case: ExecCase) -> None:
    _execute(case, funcs=ESCAPE_FUNCS)


@pytest.mark.parametrize("case", UNSIGNED, ids=_id)
def test_unsigned(case: ExecCase) -> None:
    _execute(case)


@pytest.mark.parametrize("case", SLICE, ids=_id)
def test_go_slice(case: ExecCase) -> None:
    _execute(case)


def test_exception_keeps_cause() -> None:
    t = Template("t", funcs=ESCAPE_FUNCS).parse("{{boom}}")
    with pytest.raises(ExecError) as info:
        t.execute(None)
    assert isinstance(info.value.__cause__, ValueError)
    assert info.value.detail == "error calling boom: bad thing"
    assert (info.value.template, info.value.location, info.value.context) == ("t", "t:1:2", "boom")


def test_func_error_fields() -> None:
    t = Template("t", funcs=FUNCS).parse('x\n  {{ required "need" .a }}')
    with pytest.raises(ExecError) as info:
        t.execute({})
    e = info.value
    assert (e.name, e.line, e.col, e.location) == ("t", 2, 5, "t:2:5")
    assert isinstance(e.__cause__, FuncError)


# ---------------------------------------------------------------------------------------------
# The Helm-verified tables, checked against Helm itself when helm_python is installed: each row
# becomes a chart file executed on .Values through include (b64enc keeps "<no value>").

HELM_TABLES = TEXT + PRINT + FIELDS + VARIABLES + IF + WITH + RANGE + TEMPLATES + FUNCTIONS
HELM_TABLES += PIPELINES + BUILTINS + COMPARISONS + ERRORS + NILS


def _helm_message(msg: str) -> str:
    """Go's one-line message from Helm's rewrite of it (Helm splits executions errors in lines)."""
    import re

    i = msg.find("error calling include:")
    if i >= 0:
        msg = msg[i + len("error calling include:") :].lstrip(" \n")
    m = re.match(r'^(\S+:\d+:\d+)\n  executing "([^"]*)" at <(.*?)>:\n    (.*)$', msg, re.S)
    if m:
        msg = f'template: {m[1]}: executing "{m[2]}" at <{m[3]}>: {m[4]}'
    msg = msg.replace("c/templates/_t.tpl", "t")
    m = re.match(r"parse error at \((t:\d+)\): (.*)$", msg, re.S)
    return f"template: {m[1]}: {m[2]}" if m else msg


@pytest.mark.helm
def test_rows_match_helm(tmp_path: Any) -> None:
    import base64
    import json

    h = pytest.importorskip("helm_python")
    (tmp_path / "templates").mkdir()
    (tmp_path / "Chart.yaml").write_text("apiVersion: v2\nname: c\nversion: 0.1.0\n")
    (tmp_path / "templates" / "x.yaml").write_text('{{ include "c/templates/_t.tpl" .Values | b64enc }}')
    checked = 0
    for row in HELM_TABLES:
        case = row.values[0] if hasattr(row, "values") else row
        if "required" in case.template or "multiple definition" in case.want or hasattr(row, "values"):
            continue  # Helm rewrites these messages; xfail rows differ on purpose
        (tmp_path / "templates" / "_t.tpl").write_text(case.template, encoding="utf-8")
        try:
            out = h.Chart.load(str(tmp_path)).render(
                json.loads(json.dumps(case.data)), name="rel", namespace="default"
            )
        except h.HelmRenderError as e:
            got = (False, _helm_message(str(e)))
        else:
            got = (True, base64.b64decode(out["c/templates/x.yaml"]).decode("utf-8", "surrogateescape"))
        assert got == (case.ok, case.want), case.name
        checked += 1
    assert checked > 500
