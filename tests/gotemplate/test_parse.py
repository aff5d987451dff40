"""Parser tests in the shape of Go's text/template/parse parse_test.go.

Rows are ``P(name, input, ok, want)``: for a good template ``want`` is ``str()`` of the tree named
"x" (or of every tree, by name, when the text defines more); for a bad one it is the whole error.
Every row's outcome and every error message was checked against Helm v4 (Go 1.26) by running the
same text through ``tpl``; trees follow Go's ``parseTests``. Inputs are parsed as template "x".
"""

from __future__ import annotations

import re

import pytest

from chartist.gotemplate.errors import ParseError
from chartist.gotemplate.nodes import (
    ActionNode,
    CommandNode,
    FieldNode,
    IfNode,
    NilNode,
    NumberNode,
    TemplateNode,
    VariableNode,
)
from chartist.gotemplate.parse import MAX_EXPRESSION_DEPTH, is_empty_tree, parse

# Functions the rows may call (Helm defines these too); anything else is "not defined".
FUNCS = frozenset({"include", "tpl", "quote", "default", "toYaml", "list", "dict"})
OK, ERR = True, False
CUSTOM = {"left_delim": "[[", "right_delim": "]]"}


def P(name, text, ok, want, **options):
    return pytest.param(text, ok, want, options, id=name)


# fmt: off
PARSE_TESTS = [
    # Go's parseTests and more constructs
    P('empty', '', OK, ''),
    P('comment', '{{/*\n\n\n*/}}', OK, ''),
    P('spaces', ' \t\n', OK, ' \t\n'),
    P('text', 'some text', OK, 'some text'),
    P('emptyAction', '{{}}', ERR, 'template: x:1: missing value for command'),
    P('field', '{{.X}}', OK, '{{.X}}'),
    P('simple command', '{{printf}}', OK, '{{printf}}'),
    P('$ invocation', '{{$}}', OK, '{{$}}'),
    P('variable invocation', '{{with $x := 3}}{{$x 23}}{{end}}', OK, '{{with $x := 3}}{{$x 23}}{{end}}'),
    P('variable with fields', '{{$.I}}', OK, '{{$.I}}'),
    P('multi-word command', '{{printf `%d` 23}}', OK, '{{printf `%d` 23}}'),
    P('pipeline', '{{.X|.Y}}', OK, '{{.X | .Y}}'),
    P('pipeline with decl', '{{$x := .X|.Y}}', OK, '{{$x := .X | .Y}}'),
    P('nested pipeline', '{{.X (.Y .Z) (.A | .B .C) (.E)}}', OK, '{{.X (.Y .Z) (.A | .B .C) (.E)}}'),
    P('field applied to parentheses', '{{(.Y .Z).Field}}', OK, '{{(.Y .Z).Field}}'),
    P('simple if', '{{if .X}}hello{{end}}', OK, '{{if .X}}hello{{end}}'),
    P('if with else', '{{if .X}}true{{else}}false{{end}}', OK, '{{if .X}}true{{else}}false{{end}}'),
    P('if with else if', '{{if .X}}true{{else if .Y}}false{{end}}', OK, '{{if .X}}true{{else}}{{if .Y}}false{{end}}{{end}}'),
    P('if else chain', '+{{if .X}}X{{else if .Y}}Y{{else if .Z}}Z{{end}}+', OK, '+{{if .X}}X{{else}}{{if .Y}}Y{{else}}{{if .Z}}Z{{end}}{{end}}{{end}}+'),
    P('if else if else', '{{if .X}}a{{else if .Y}}b{{else}}c{{end}}', OK, '{{if .X}}a{{else}}{{if .Y}}b{{else}}c{{end}}{{end}}'),
    P('simple range', '{{range .X}}hello{{end}}', OK, '{{range .X}}hello{{end}}'),
    P('chained field range', '{{range .X.Y.Z}}hello{{end}}', OK, '{{range .X.Y.Z}}hello{{end}}'),
    P('nested range', '{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}', OK, '{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}'),
    P('range with else', '{{range .X}}true{{else}}false{{end}}', OK, '{{range .X}}true{{else}}false{{end}}'),
    P('range over pipeline', '{{range .X|.M}}true{{else}}false{{end}}', OK, '{{range .X | .M}}true{{else}}false{{end}}'),
    P('range []int', '{{range .SI}}{{.}}{{end}}', OK, '{{range .SI}}{{.}}{{end}}'),
    P('range 1 var', '{{range $x := .SI}}{{.}}{{end}}', OK, '{{range $x := .SI}}{{.}}{{end}}'),
    P('range 2 vars', '{{range $x, $y := .SI}}{{.}}{{end}}', OK, '{{range $x, $y := .SI}}{{.}}{{end}}'),
    P('range 2 vars assign', '{{$x := 0}}{{$y := 0}}{{range $x, $y = .SI}}{{$y}}{{end}}', OK, '{{$x := 0}}{{$y := 0}}{{range $x, $y = .SI}}{{$y}}{{end}}'),
    P('range 2 vars no space', '{{range $x,$y:=.SI}}{{$x}}{{end}}', OK, '{{range $x, $y := .SI}}{{$x}}{{end}}'),
    P('range with break', '{{range .SI}}{{.}}{{break}}{{end}}', OK, '{{range .SI}}{{.}}{{break}}{{end}}'),
    P('range with continue', '{{range .SI}}{{.}}{{continue}}{{end}}', OK, '{{range .SI}}{{.}}{{continue}}{{end}}'),
    P('break in nested if', '{{range .SI}}{{if .}}{{break}}{{end}}{{end}}', OK, '{{range .SI}}{{if .}}{{break}}{{end}}{{end}}'),
    P('continue in with in range', '{{range .SI}}{{with .}}{{continue}}{{end}}{{end}}', OK, '{{range .SI}}{{with .}}{{continue}}{{end}}{{end}}'),
    P('constants', "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}", OK, "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}"),
    P('template', '{{template `x`}}', OK, '{{template "x"}}'),
    P('template with arg', '{{template `x` .Y}}', OK, '{{template "x" .Y}}'),
    P('template with spaces', '{{ template "x" }}', OK, '{{template "x"}}'),
    P('template name escapes', '{{template "a\\tb\\"c"}}', OK, '{{template "a\\tb\\"c"}}'),
    P('with', '{{with .X}}hello{{end}}', OK, '{{with .X}}hello{{end}}'),
    P('with with else', '{{with .X}}hello{{else}}goodbye{{end}}', OK, '{{with .X}}hello{{else}}goodbye{{end}}'),
    P('with with else with', '{{with .X}}hello{{else with .Y}}goodbye{{end}}', OK, '{{with .X}}hello{{else}}{{with .Y}}goodbye{{end}}{{end}}'),
    P('with else chain', '{{with .X}}X{{else with .Y}}Y{{else with .Z}}Z{{end}}', OK, '{{with .X}}X{{else}}{{with .Y}}Y{{else}}{{with .Z}}Z{{end}}{{end}}{{end}}'),
    P('with else with else', '{{with .X}}X{{else with .Y}}Y{{else}}Z{{end}}', OK, '{{with .X}}X{{else}}{{with .Y}}Y{{else}}Z{{end}}{{end}}'),
    P('with decl', '{{with $x := .X}}{{$x}}{{end}}', OK, '{{with $x := .X}}{{$x}}{{end}}'),
    P('if decl', '{{if $x := .X}}{{$x}}{{else}}{{$x}}{{end}}', OK, '{{if $x := .X}}{{$x}}{{else}}{{$x}}{{end}}'),
    P('nil', '{{nil}}', OK, '{{nil}}'),
    P('bool args', '{{printf "%v %v" true false}}', OK, '{{printf "%v %v" true false}}'),
    P('dot', '{{.}}', OK, '{{.}}'),
    P('dot in pipe', '{{. | printf}}', OK, '{{. | printf}}'),
    P('variable field chain', '{{$x := .}}{{$x.A.B.C}}', OK, '{{$x := .}}{{$x.A.B.C}}'),
    P('$ field chain', '{{$.A.B}}', OK, '{{$.A.B}}'),
    P('field chain', '{{.A.B.C}}', OK, '{{.A.B.C}}'),
    P('paren chain', '{{(.A).B.C}}', OK, '{{(.A).B.C}}'),
    P('paren pipe chain', '{{(.A | printf).B}}', OK, '{{(.A | printf).B}}'),
    P('identifier chain', '{{printf.X}}', OK, '{{printf.X}}'),
    P('nested parens', '{{((1))}}', OK, '{{((1))}}'),
    P('paren as first command', '{{(printf "x") | printf}}', OK, '{{(printf "x") | printf}}'),
    P('paren in later stage', '{{1 | (printf)}}', OK, '{{1 | (printf)}}'),
    P('decl of paren', '{{$x := (.A)}}{{$x}}', OK, '{{$x := (.A)}}{{$x}}'),
    P('assignment', '{{$x := 1}}{{$x = 2}}{{$x}}', OK, '{{$x := 1}}{{$x = 2}}{{$x}}'),
    P('assign undeclared', '{{$x = 1}}', OK, '{{$x = 1}}'),
    P('redeclare', '{{$x := 1}}{{$x := 2}}{{$x}}', OK, '{{$x := 1}}{{$x := 2}}{{$x}}'),
    P('self reference', '{{$x := $x}}', OK, '{{$x := $x}}'),
    P('var scope in if', '{{if 1}}{{$x := 1}}{{$x}}{{end}}', OK, '{{if 1}}{{$x := 1}}{{$x}}{{end}}'),
    P('var persists after action', '{{$x := 1}}text{{$x}}', OK, '{{$x := 1}}text{{$x}}'),
    P('var in range body', '{{range $i, $e := .}}{{$i}}{{$e}}{{end}}', OK, '{{range $i, $e := .}}{{$i}}{{$e}}{{end}}'),
    P('var in define', '{{define "a"}}{{$}}{{end}}', OK, {'a': '{{$}}', 'x': ''}),
    P('trailing pipe', '{{ 1 | }}', OK, '{{1}}'),
    P('pipe to identifier', '{{ "a" | printf "%s-%s" "b" }}', OK, '{{"a" | printf "%s-%s" "b"}}'),
    P('raw string', '{{`a\\nb`}}', OK, '{{`a\\nb`}}'),
    P('raw string multiline', '{{`a\nb`}}', OK, '{{`a\nb`}}'),
    P('raw string cr dropped', '{{`a\r\nb`}}', OK, '{{`a\r\nb`}}'),
    P('string escapes', '{{"\\a\\b\\f\\n\\r\\t\\v\\\\\\""}}', OK, '{{"\\a\\b\\f\\n\\r\\t\\v\\\\\\""}}'),
    P('string hex escape', '{{"\\x41\\x42"}}', OK, '{{"\\x41\\x42"}}'),
    P('string octal escape', '{{"\\101\\102"}}', OK, '{{"\\101\\102"}}'),
    P('string unicode escape', '{{"\\u00e9\\U0001F600"}}', OK, '{{"\\u00e9\\U0001F600"}}'),
    P('string utf8', '{{"héllo 世界"}}', OK, '{{"héllo 世界"}}'),
    P('char escapes', '{{printf "%c%c%c" \'a\' \'\\n\' \'\\u00e9\'}}', OK, '{{printf "%c%c%c" \'a\' \'\\n\' \'\\u00e9\'}}'),
    # Comments, define, block, template
    P('comment inside text', 'a{{/* c */}}b', OK, 'ab'),
    P('comment multiline', 'a{{/*\nline\n*/}}b', OK, 'ab'),
    P('define', '{{define "a"}}A{{end}}', OK, {'a': 'A', 'x': ''}),
    P('define raw name', '{{define `a`}}A{{end}}', OK, {'a': 'A', 'x': ''}),
    P('define and text', 'x{{define "a"}}A{{end}}y', OK, {'a': 'A', 'x': 'xy'}),
    P('define with spaces', '{{ define "a" }}A{{ end }}', OK, {'a': 'A', 'x': ''}),
    P('define trim', '{{- define "a" -}}\n  A\n{{- end -}}\n', OK, {'a': 'A', 'x': ''}),
    P('two defines', '{{define "a"}}A{{end}}{{define "b"}}B{{end}}', OK, {'a': 'A', 'b': 'B', 'x': ''}),
    P('define empty then full', '{{define "a"}}{{end}}{{define "a"}}A{{end}}', OK, {'a': 'A', 'x': ''}),
    P('define full then empty', '{{define "a"}}A{{end}}{{define "a"}}  {{end}}', OK, {'a': 'A', 'x': ''}),
    P('define empty twice', '{{define "a"}} {{end}}{{define "a"}}{{/* c */}}{{end}}', OK, {'a': '', 'x': ''}),
    P('define same as top, top empty', '{{define "x"}}A{{end}}\n', OK, 'A'),
    P('block definition', '{{block "foo" .}}hello{{end}}', OK, {'foo': 'hello', 'x': '{{template "foo" .}}'}),
    P('block with text', 'a{{block "inner" .}}bar{{.}}baz{{end}}b', OK, {'inner': 'bar{{.}}baz', 'x': 'a{{template "inner" .}}b'}),
    P('block pipeline', '{{block "foo" .X | printf}}hello{{end}}', OK, {'foo': 'hello', 'x': '{{template "foo" .X | printf}}'}),
    P('block in define', '{{define "a"}}{{block "b" .}}B{{end}}{{end}}', OK, {'b': 'B', 'a': '{{template "b" .}}', 'x': ''}),
    P('template with pipeline', '{{template "x" .A | printf}}', OK, '{{template "x" .A | printf}}'),
    P('template with decl', '{{template "x" $y := .}}', OK, '{{template "x" $y := .}}'),
    P('if with parens', '{{if (eq 1 2)}}a{{end}}', OK, '{{if (eq 1 2)}}a{{end}}'),
    P('if with and', '{{if and .A .B}}a{{end}}', OK, '{{if and .A .B}}a{{end}}'),
    P('else with spaces', '{{if .A}}a{{ else }}b{{ end }}', OK, '{{if .A}}a{{else}}b{{end}}'),
    P('else if spaces', '{{if .A}}a{{ else  if .B }}b{{ end }}', OK, '{{if .A}}a{{else}}{{if .B}}b{{end}}{{end}}'),
    P('else if trim', '{{if .A}}a{{- else if .B -}} b {{- end}}', OK, '{{if .A}}a{{else}}{{if .B}}b{{end}}{{end}}'),
    # Spaces and newlines inside actions, names
    P('multi-line action', '{{\n.X\n|\nprintf\n}}', OK, '{{.X | printf}}'),
    P('newline in assignment', '{{ $x \n := \n 1 \n }}', OK, '{{$x := 1}}'),
    P('newline in pipeline', '{{\n"x"\n|\nprintf\n}}', OK, '{{"x" | printf}}'),
    P('newline in comment', '{{/*\nhello\n*/}}', OK, ''),
    P('newline in comment trim', '{{-\n/*\nhello\n*/\n-}}', OK, ''),
    P('spaces around continue', '{{range .SI}}{{.}}{{ continue }}{{end}}', OK, '{{range .SI}}{{.}}{{continue}}{{end}}'),
    P('spaces around break', '{{range .SI}}{{.}}{{ break }}{{end}}', OK, '{{range .SI}}{{.}}{{break}}{{end}}'),
    P('tabs inside action', '{{\t.X\t|\tprintf\t}}', OK, '{{.X | printf}}'),
    P('cr inside action', '{{\r.X\r}}', OK, '{{.X}}'),
    P('unicode field', '{{.Ñame}}', OK, '{{.Ñame}}'),
    P('unicode variable', '{{$ñ := 1}}{{$ñ}}', OK, '{{$ñ := 1}}{{$ñ}}'),
    P('digit variable', '{{$1 := 1}}{{$1}}', OK, '{{$1 := 1}}{{$1}}'),
    P('underscore field', '{{._a_1}}', OK, '{{._a_1}}'),
    P('numeric field', '{{.A.1}}', ERR, 'template: x:1: unexpected ".1" in operand'),
    P('keyword fields', '{{.if.range.end}}', OK, '{{.if.range.end}}'),
    P('keyword as field after var', '{{$.end}}', OK, '{{$.end}}'),
    P('comma in printf', '{{printf "%v,%v" 1 2}}', OK, '{{printf "%v,%v" 1 2}}'),
    P('large pipeline', '{{1 | printf | printf | printf | printf}}', OK, '{{1 | printf | printf | printf | printf}}'),
    P('hash in string', '{{"#"}}', OK, '{{"#"}}'),
    P('dot followed by paren', '{{printf .(1)}}', ERR, 'template: x:1: unexpected "(" in operand'),
    P('delims in string', '{{"}}"}}', OK, '{{"}}"}}'),
    P('delims in raw string', '{{`{{x}}`}}', OK, '{{`{{x}}`}}'),
    P('left delim in text', 'a {{"{{"}} b', OK, 'a {{"{{"}} b'),
    P('right delim in text', 'a }} b', OK, 'a }} b'),
    P('single brace', '{ {{.}} }', OK, '{ {{.}} }'),
    P('triple brace', '{{{.}}}', ERR, 'template: x:1: unexpected "{" in command'),
    P('break function not keyword outside', '{{range .}}{{end}}', OK, '{{range .}}{{end}}'),
    # Trim markers
    P('trim left', 'x \r\n\t{{- 3}}', OK, 'x{{3}}'),
    P('trim right', '{{3 -}}\n\n\ty', OK, '{{3}}y'),
    P('trim left and right', 'x \r\n\t{{- 3 -}}\n\n\ty', OK, 'x{{3}}y'),
    P('trim with extra spaces', 'x\n{{-  3   -}}\ny', OK, 'x{{3}}y'),
    P('trim newline marker', 'x \n{{-\n3\n-}}\n y', OK, 'x{{3}}y'),
    P('trim tab marker', 'x \t{{-\t3\t-}}\t y', OK, 'x{{3}}y'),
    P('trim cr marker', 'x \r{{-\r3\r-}}\r y', OK, 'x{{3}}y'),
    P('comment trim left', 'x \r\n\t{{- /* hi */}}', OK, 'x'),
    P('comment trim right', '{{/* hi */ -}}\n\n\ty', OK, 'y'),
    P('comment trim left and right', 'x \r\n\t{{- /* */ -}}\n\n\ty', OK, 'xy'),
    P('comment trim newline', 'x\n{{-\n/* c */\n-}}\ny', OK, 'xy'),
    P('minus number', '{{-3}}', OK, '{{-3}}'),
    P('minus number trim right', '{{-3 -}} x', OK, '{{-3}}x'),
    P('negative number after trim', 'x {{- -3}}', OK, 'x{{-3}}'),
    P('trim all whitespace text', '  \n {{- 1 -}} \n  ', OK, '{{1}}'),
    P('trim only trims whitespace', 'a.{{- 1 -}}.b', OK, 'a.{{1}}.b'),
    P('trim keeps nbsp', 'a\xa0{{- 1 -}}\xa0b', OK, 'a\xa0{{1}}\xa0b'),
    P('trim vertical tab kept', 'a\x0b{{- 1 -}}\x0bb', OK, 'a\x0b{{1}}\x0bb'),
    P('trim between actions', '{{1 -}}  \n  {{- 2}}', OK, '{{1}}{{2}}'),
    P('trim empty text', '{{1 -}}{{- 2}}', OK, '{{1}}{{2}}'),
    P('no trim without space left', 'x {{-1}}', OK, 'x {{-1}}'),
    P('no trim without space right', '{{1-}} x', ERR, 'template: x:1: bad number syntax: "1-"'),
    P('trim marker alone', '{{- -}}', ERR, 'template: x:1: illegal number syntax: "-"'),
    P('trim around pipeline', 'a {{- .X | printf -}} b', OK, 'a{{.X | printf}}b'),
    P('trim in define', '{{define "a" -}}\n A \n{{- end}}', OK, {'a': 'A', 'x': ''}),
    P('trim with else', '{{if 1 -}} a {{- else -}} b {{- end}}', OK, '{{if 1}}a{{else}}b{{end}}'),
    P('trim with range', '{{- range .}}\n  x\n{{- end}}', OK, '{{range .}}\n  x{{end}}'),
    P('minus space number', '{{- -1 -}}', OK, '{{-1}}'),
    P('trim with custom delims', 'x [[- .X -]] y', OK, 'x{{.X}}y', **CUSTOM),
    # Numbers and character constants
    P('number 0', '{{0}}', OK, '{{0}}'),
    P('number -0', '{{-0}}', OK, '{{-0}}'),
    P('number 73', '{{73}}', OK, '{{73}}'),
    P('number 7_3', '{{7_3}}', OK, '{{7_3}}'),
    P('number 0b10_010_01', '{{0b10_010_01}}', OK, '{{0b10_010_01}}'),
    P('number 073', '{{073}}', OK, '{{073}}'),
    P('number 0o73', '{{0o73}}', OK, '{{0o73}}'),
    P('number 0x73', '{{0x73}}', OK, '{{0x73}}'),
    P('number 0X73', '{{0X73}}', OK, '{{0X73}}'),
    P('number 0x7_3', '{{0x7_3}}', OK, '{{0x7_3}}'),
    P('number -73', '{{-73}}', OK, '{{-73}}'),
    P('number +73', '{{+73}}', OK, '{{+73}}'),
    P('number 1e9', '{{1e9}}', OK, '{{1e9}}'),
    P('number -1.2', '{{-1.2}}', OK, '{{-1.2}}'),
    P('number 1e19', '{{1e19}}', OK, '{{1e19}}'),
    P('number 0x_1p4', '{{0x_1p4}}', OK, '{{0x_1p4}}'),
    P('number 0x_1p-4', '{{0x_1p-4}}', OK, '{{0x_1p-4}}'),
    P('number 4i', '{{4i}}', OK, '{{4i}}'),
    P('number -1.2+4.2i', '{{-1.2+4.2i}}', OK, '{{-1.2+4.2i}}'),
    P('number 073i', '{{073i}}', OK, '{{073i}}'),
    P('number 0i', '{{0i}}', OK, '{{0i}}'),
    P('number -12+0i', '{{-12+0i}}', OK, '{{-12+0i}}'),
    P('number 0123', '{{0123}}', OK, '{{0123}}'),
    P('number -0x0', '{{-0x0}}', OK, '{{-0x0}}'),
    P('number 0xdeadbeef', '{{0xdeadbeef}}', OK, '{{0xdeadbeef}}'),
    P('number 0xef', '{{0xef}}', OK, '{{0xef}}'),
    P('number .5', '{{.5}}', OK, '{{.5}}'),
    P('number 5.', '{{5.}}', OK, '{{5.}}'),
    P('number 1.e3', '{{1.e3}}', OK, '{{1.e3}}'),
    P('number 1e+3', '{{1e+3}}', OK, '{{1e+3}}'),
    P('number 1e-3', '{{1e-3}}', OK, '{{1e-3}}'),
    P('number 0x1.8p1', '{{0x1.8p1}}', OK, '{{0x1.8p1}}'),
    P('number 9223372036854775807', '{{9223372036854775807}}', OK, '{{9223372036854775807}}'),
    P('number -9223372036854775808', '{{-9223372036854775808}}', OK, '{{-9223372036854775808}}'),
    P('number 18446744073709551615', '{{18446744073709551615}}', OK, '{{18446744073709551615}}'),
    P('number 1e-400', '{{1e-400}}', OK, '{{1e-400}}'),
    P('number 00', '{{00}}', OK, '{{00}}'),
    P('number -0.0', '{{-0.0}}', OK, '{{-0.0}}'),
    P("number 'a'", "{{'a'}}", OK, "{{'a'}}"),
    P("number '\\n'", "{{'\\n'}}", OK, "{{'\\n'}}"),
    P("number '\\''", "{{'\\''}}", OK, "{{'\\''}}"),
    P("number '\\\\'", "{{'\\\\'}}", OK, "{{'\\\\'}}"),
    P("number '\\xFF'", "{{'\\xFF'}}", OK, "{{'\\xFF'}}"),
    P("number '\\377'", "{{'\\377'}}", OK, "{{'\\377'}}"),
    P("number 'パ'", "{{'パ'}}", OK, "{{'パ'}}"),
    P("number '\\u30d1'", "{{'\\u30d1'}}", OK, "{{'\\u30d1'}}"),
    P("number '\\U000030d1'", "{{'\\U000030d1'}}", OK, "{{'\\U000030d1'}}"),
    # Malformed numbers
    P('bad number +-2', '{{+-2}}', ERR, 'template: x:1: bad number syntax: "+-2"'),
    P('bad number 0x123.', '{{0x123.}}', ERR, 'template: x:1: illegal number syntax: "0x123."'),
    P('bad number 1e.', '{{1e.}}', ERR, 'template: x:1: illegal number syntax: "1e"'),
    P('bad number 0xi', '{{0xi}}', ERR, 'template: x:1: illegal number syntax: "0xi"'),
    P('bad number 1+2.', '{{1+2.}}', ERR, 'template: x:1: bad number syntax: "1+2."'),
    P("bad number 'xx'", "{{'xx'}}", ERR, "template: x:1: malformed character constant: 'xx'"),
    P('bad number 089', '{{089}}', ERR, 'template: x:1: integer overflow: "089"'),
    P('bad number 08', '{{08}}', ERR, 'template: x:1: integer overflow: "08"'),
    P('bad number 0x_', '{{0x_}}', ERR, 'template: x:1: illegal number syntax: "0x_"'),
    P('bad number 0_', '{{0_}}', ERR, 'template: x:1: illegal number syntax: "0_"'),
    P('bad number 1__0', '{{1__0}}', ERR, 'template: x:1: illegal number syntax: "1__0"'),
    P('bad number 1_', '{{1_}}', ERR, 'template: x:1: illegal number syntax: "1_"'),
    P('bad number 0b', '{{0b}}', ERR, 'template: x:1: illegal number syntax: "0b"'),
    P('bad number 0o', '{{0o}}', ERR, 'template: x:1: illegal number syntax: "0o"'),
    P('bad number 0x', '{{0x}}', ERR, 'template: x:1: illegal number syntax: "0x"'),
    P('bad number 0b2', '{{0b2}}', ERR, 'template: x:1: bad number syntax: "0b2"'),
    P('bad number 0o8', '{{0o8}}', ERR, 'template: x:1: bad number syntax: "0o8"'),
    P('bad number 0xg', '{{0xg}}', ERR, 'template: x:1: bad number syntax: "0xg"'),
    P('bad number 0x1p', '{{0x1p}}', ERR, 'template: x:1: illegal number syntax: "0x1p"'),
    P('bad number 0x1.8', '{{0x1.8}}', ERR, 'template: x:1: illegal number syntax: "0x1.8"'),
    P('bad number 1e400', '{{1e400}}', ERR, 'template: x:1: illegal number syntax: "1e400"'),
    P('bad number -1e400', '{{-1e400}}', ERR, 'template: x:1: illegal number syntax: "-1e400"'),
    P('bad number -9223372036854775809', '{{-9223372036854775809}}', ERR, 'template: x:1: integer overflow: "-9223372036854775809"'),
    P('bad number 18446744073709551616', '{{18446744073709551616}}', ERR, 'template: x:1: integer overflow: "18446744073709551616"'),
    P('bad number 0x10000000000000000', '{{0x10000000000000000}}', ERR, 'template: x:1: illegal number syntax: "0x10000000000000000"'),
    P('bad number 1i+2i', '{{1i+2i}}', ERR, 'template: x:1: syntax error scanning complex number'),
    P('bad number +i+2i', '{{+i+2i}}', ERR, 'template: x:1: strconv.ParseFloat: parsing "+i": invalid syntax'),
    P('bad number 0x+1i', '{{0x+1i}}', ERR, 'template: x:1: strconv.ParseFloat: parsing "0x": invalid syntax'),
    P('bad number 1e400+1i', '{{1e400+1i}}', ERR, 'template: x:1: strconv.ParseFloat: parsing "1e400": value out of range'),
    P('bad number -', '{{-}}', ERR, 'template: x:1: illegal number syntax: "-"'),
    P('bad number +', '{{+}}', ERR, 'template: x:1: illegal number syntax: "+"'),
    P('bad number +.', '{{+.}}', ERR, 'template: x:1: illegal number syntax: "+."'),
    P('bad number 0x.p1', '{{0x.p1}}', ERR, 'template: x:1: illegal number syntax: "0x.p1"'),
    P('bad number 1e+', '{{1e+}}', ERR, 'template: x:1: illegal number syntax: "1e+"'),
    P('bad number 1p3', '{{1p3}}', ERR, 'template: x:1: bad number syntax: "1p"'),
    P('bad number 0b1.1', '{{0b1.1}}', ERR, 'template: x:1: illegal number syntax: "0b1.1"'),
    P('bad number 0b1e1', '{{0b1e1}}', ERR, 'template: x:1: bad number syntax: "0b1e"'),
    P("bad number '\\x'", "{{'\\x'}}", ERR, 'template: x:1: invalid syntax'),
    P("bad number '\\400'", "{{'\\400'}}", ERR, 'template: x:1: invalid syntax'),
    P("bad number '\\u00'", "{{'\\u00'}}", ERR, 'template: x:1: invalid syntax'),
    P("bad number '\\ud800'", "{{'\\ud800'}}", ERR, 'template: x:1: invalid syntax'),
    P("bad number '\\U00110000'", "{{'\\U00110000'}}", ERR, 'template: x:1: invalid syntax'),
    P("bad number '\\q'", "{{'\\q'}}", ERR, 'template: x:1: invalid syntax'),
    P('bad number \'\\"\'', '{{\'\\"\'}}', ERR, 'template: x:1: invalid syntax'),
    P("bad number '\\0'", "{{'\\0'}}", ERR, 'template: x:1: invalid syntax'),
    P("bad number ''", "{{''}}", ERR, 'template: x:1: invalid syntax'),
    P('bad number 3k', '{{3k}}', ERR, 'template: x:1: bad number syntax: "3k"'),
    P('bad number 1-', '{{1-}}', ERR, 'template: x:1: bad number syntax: "1-"'),
    P('bad number 1+', '{{1+}}', ERR, 'template: x:1: bad number syntax: "1+"'),
    P('bad number 1+2', '{{1+2}}', ERR, 'template: x:1: bad number syntax: "1+2"'),
    P('bad number 1+2ix', '{{1+2ix}}', ERR, 'template: x:1: bad number syntax: "1+2ix"'),
    P('bad number 0x1p-2x', '{{0x1p-2x}}', ERR, 'template: x:1: bad number syntax: "0x1p-2x"'),
    P('bad number 1.2.3', '{{1.2.3}}', ERR, 'template: x:1: unexpected ".3" in operand'),
    P('bad number 1..2', '{{1..2}}', ERR, 'template: x:1: unexpected ".2" in operand'),
    P('bad number 1e3e3', '{{1e3e3}}', ERR, 'template: x:1: bad number syntax: "1e3e"'),
    P('bad number 9i9', '{{9i9}}', ERR, 'template: x:1: bad number syntax: "9i9"'),
    P('bad number 1_000x', '{{1_000x}}', ERR, 'template: x:1: bad number syntax: "1_000x"'),
    # Errors (Go's parseTests and errorTests, and more)
    P('unclosed action', 'hello{{range', ERR, 'template: x:1: unclosed action'),
    P('unmatched end', '{{end}}', ERR, 'template: x:1: unexpected {{end}}'),
    P('unmatched else', '{{else}}', ERR, 'template: x:1: unexpected {{else}}'),
    P('unmatched else after if', '{{if .X}}hello{{end}}{{else}}', ERR, 'template: x:1: unexpected {{else}}'),
    P('multiple else', '{{if .X}}1{{else}}2{{else}}3{{end}}', ERR, 'template: x:1: expected end; found {{else}}'),
    P('missing end', 'hello{{range .x}}', ERR, 'template: x:1: unexpected EOF'),
    P('missing end after else', 'hello{{range .x}}{{else}}', ERR, 'template: x:1: unexpected EOF'),
    P('undefined function', 'hello{{undefined}}', ERR, 'template: x:1: function "undefined" not defined'),
    P('undefined variable', '{{$x}}', ERR, 'template: x:1: undefined variable "$x"'),
    P('variable undefined after end', '{{with $x := 4}}{{end}}{{$x}}', ERR, 'template: x:1: undefined variable "$x"'),
    P('variable undefined after else end', '{{if $x := 4}}{{else}}{{end}}{{$x}}', ERR, 'template: x:1: undefined variable "$x"'),
    P('variable undefined in template', '{{template $v}}', ERR, 'template: x:1: unexpected "$v" in template clause'),
    P('declare with field', '{{with $x.Y := 4}}{{end}}', ERR, 'template: x:1: undefined variable "$x"'),
    P('template with field ref', '{{template .X}}', ERR, 'template: x:1: unexpected ".X" in template clause'),
    P('template with var', '{{template $v}}', ERR, 'template: x:1: unexpected "$v" in template clause'),
    P('template no name', '{{template}}', ERR, 'template: x:1: unexpected "}}" in template clause'),
    P('template number name', '{{template 1}}', ERR, 'template: x:1: unexpected "1" in template clause'),
    P('template bad name', '{{template "\\z"}}', ERR, 'template: x:1: invalid syntax'),
    P('invalid punctuation', '{{printf 3, 4}}', ERR, 'template: x:1: unexpected "," in operand'),
    P('multidecl outside range', '{{with $v, $u := 3}}{{end}}', ERR, 'template: x:1: too many declarations in with'),
    P('multidecl in action', '{{$a, $b := 1}}', ERR, 'template: x:1: too many declarations in command'),
    P('too many decls in range', '{{range $u, $v, $w := 3}}{{end}}', ERR, 'template: x:1: too many declarations in range'),
    P('dot applied to parentheses', '{{printf (printf .).}}', ERR, 'template: x:1: unexpected <.> in operand'),
    P('adjacent args', '{{printf 3`x`}}', ERR, 'template: x:1: unexpected "`x`" in operand'),
    P('adjacent args with .', '{{printf `x`.}}', ERR, 'template: x:1: unexpected <.> in operand'),
    P('extra end after if', '{{if .X}}a{{else if .Y}}b{{end}}{{end}}', ERR, 'template: x:1: unexpected {{end}}'),
    P('break outside range', '{{range .}}{{end}} {{break}}', ERR, 'template: x:1: {{break}} outside {{range}}'),
    P('continue outside range', '{{range .}}{{end}} {{continue}}', ERR, 'template: x:1: {{continue}} outside {{range}}'),
    P('break in range else', '{{range .}}{{else}}{{break}}{{end}}', ERR, 'template: x:1: {{break}} outside {{range}}'),
    P('continue in range else', '{{range .}}{{else}}{{continue}}{{end}}', ERR, 'template: x:1: {{continue}} outside {{range}}'),
    P('break with arg', '{{range .}}{{break 1}}{{end}}', ERR, 'template: x:1: unexpected "1" in {{break}}'),
    P('continue with arg', '{{range .}}{{continue .}}{{end}}', ERR, 'template: x:1: unexpected <.> in {{continue}}'),
    P('break at top', '{{break}}', ERR, 'template: x:1: {{break}} outside {{range}}'),
    P('break in define in range', '{{range .}}{{end}}{{define "a"}}{{break}}{{end}}', ERR, 'template: x:1: {{break}} outside {{range}}'),
    P('break in block in range', '{{range .}}{{block "b" .}}{{break}}{{end}}{{end}}', ERR, 'template: x:1: {{break}} outside {{range}}'),
    P('bug0b', '{{$x += 1}}{{$x}}', ERR, 'template: x:1: undefined variable "$x"'),
    P('bug0c', '{{$x ! 2}}{{$x}}', ERR, 'template: x:1: undefined variable "$x"'),
    P('bug0d', '{{$x % 3}}{{$x}}', ERR, 'template: x:1: undefined variable "$x"'),
    P('bug0e', '{{range $x := $y := 3}}{{end}}', ERR, 'template: x:1: undefined variable "$y"'),
    P('bug1a', '{{$x:=.}}{{$x!2}}', ERR, "template: x:1: bad character U+0021 '!'"),
    P('bug1b', '{{$x:=.}}{{$x+2}}', ERR, "template: x:1: bad character U+002B '+'"),
    P('bug1c', '{{$x:=.}}{{$x +2}}', OK, '{{$x := .}}{{$x +2}}'),
    P('bug2a', '{{range $x := 0}}{{$x}}{{end}}', OK, '{{range $x := 0}}{{$x}}{{end}}'),
    P('bug2b', '{{range $x = 0}}{{$x}}{{end}}', OK, '{{range $x = 0}}{{$x}}{{end}}'),
    # Literals followed by fields; non-executable pipeline stages
    P('dot after integer', '{{1.E}}', ERR, 'template: x:1: illegal number syntax: "1.E"'),
    P('dot after float', '{{0.1.E}}', ERR, 'template: x:1: unexpected . after term "0.1"'),
    P('dot after boolean', '{{true.E}}', ERR, 'template: x:1: unexpected . after term "true"'),
    P('dot after char', "{{'a'.any}}", ERR, 'template: x:1: unexpected . after term "\'a\'"'),
    P('dot after string', '{{"hello".guys}}', ERR, 'template: x:1: unexpected . after term "\\"hello\\""'),
    P('dot after raw string', '{{`hello`.guys}}', ERR, 'template: x:1: unexpected . after term "`hello`"'),
    P('dot after dot', '{{..E}}', ERR, 'template: x:1: unexpected . after term "."'),
    P('dot after nil', '{{nil.E}}', ERR, 'template: x:1: unexpected . after term "nil"'),
    P('dot after long string', '{{"hello world, long".X}}', ERR, 'template: x:1: unexpected . after term "\\"hello world, long\\""'),
    P('wrong pipeline dot', '{{12|.}}', ERR, 'template: x:1: non executable command in pipeline stage 2'),
    P('wrong pipeline number', '{{.|12|printf}}', ERR, 'template: x:1: non executable command in pipeline stage 2'),
    P('wrong pipeline string', '{{.|printf|"error"}}', ERR, 'template: x:1: non executable command in pipeline stage 3'),
    P('wrong pipeline char', "{{12|printf|'e'}}", ERR, 'template: x:1: non executable command in pipeline stage 3'),
    P('wrong pipeline boolean', '{{.|true}}', ERR, 'template: x:1: non executable command in pipeline stage 2'),
    P('wrong pipeline nil', "{{'c'|nil}}", ERR, 'template: x:1: non executable command in pipeline stage 2'),
    P('wrong pipeline raw string', '{{.|`x`}}', ERR, 'template: x:1: non executable command in pipeline stage 2'),
    P('empty pipeline', '{{printf "%d" ( ) }}', ERR, 'template: x:1: missing value for parenthesized pipeline'),
    P('missing pipeline in block', '{{block "foo"}}hello{{end}}', ERR, 'template: x:1: missing value for block clause'),
    P('block else', '{{block "a" .}}x{{else}}y{{end}}', ERR, 'template: x:1: unexpected {{else}} in block clause'),
    P('block missing end', '{{block "a" .}}x', ERR, 'template: x:1: unexpected EOF'),
    P('block no name', '{{block}}', ERR, 'template: x:1: unexpected "}}" in block clause'),
    P('block bad name', '{{block .X .}}{{end}}', ERR, 'template: x:1: unexpected ".X" in block clause'),
    P('define missing end', '{{define "a"}}x', ERR, 'template: x:1: unexpected EOF'),
    P('define else', '{{define "a"}}x{{else}}y{{end}}', ERR, 'template: x:1: unexpected {{else}} in define clause'),
    P('define no name', '{{define}}x{{end}}', ERR, 'template: x:1: unexpected "}}" in define clause'),
    P('define name not string', '{{define .X}}x{{end}}', ERR, 'template: x:1: unexpected ".X" in define clause'),
    P('define char name', "{{define 'a'}}x{{end}}", ERR, 'template: x:1: unexpected "\'a\'" in define clause'),
    P('define extra arg', '{{define "a" .}}x{{end}}', ERR, 'template: x:1: unexpected <.> in define clause'),
    P('define bad escape', '{{define "a\\z"}}x{{end}}', ERR, 'template: x:1: invalid syntax'),
    P('nested define', '{{define "a"}}{{define "b"}}{{end}}{{end}}', ERR, 'template: x:1: unexpected <define> in command'),
    P('define in if', '{{if 1}}{{define "a"}}{{end}}{{end}}', ERR, 'template: x:1: unexpected <define> in command'),
    P('multidefine', '{{define `a`}}a{{end}}{{define `a`}}b{{end}}', ERR, 'template: x:1: template: multiple definition of template "a"'),
    P('multidefine with top', '{{define "x"}}a{{end}}\nb\n\n', ERR, 'template: x:4: template: multiple definition of template "x"'),
    P('multidefine blocks', '{{block "a" .}}a{{end}}{{block "a" .}}b{{end}}', ERR, 'template: x:1: template: multiple definition of template "a"'),
    P('multidefine block and define', '{{define "a"}}a{{end}}{{block "a" .}}b{{end}}', ERR, 'template: x:1: template: multiple definition of template "a"'),
    P('eof', '{{range .X}}', ERR, 'template: x:1: unexpected EOF'),
    P('eof in if', '{{if .X}}a', ERR, 'template: x:1: unexpected EOF'),
    P('eof in else', '{{if .X}}a{{else}}b', ERR, 'template: x:1: unexpected EOF'),
    P('eof in with', '{{with .X}}', ERR, 'template: x:1: unexpected EOF'),
    P('variable', '{{$x := 23}}{{with $x.y := 3}}{{$x 23}}{{end}}', ERR, 'template: x:1: unexpected ":=" in operand'),
    P('multidecl', '{{$a,$b,$c := 23}}', ERR, 'template: x:1: too many declarations in command'),
    P('undefvar', '{{$a}}', ERR, 'template: x:1: undefined variable "$a"'),
    P('wrongdot', '{{true.any}}', ERR, 'template: x:1: unexpected . after term "true"'),
    P('wrongpipeline', '{{12|false}}', ERR, 'template: x:1: non executable command in pipeline stage 2'),
    P('emptypipeline', '{{ ( ) }}', ERR, 'template: x:1: missing value for parenthesized pipeline'),
    P('rangeundefvar', '{{range $k}}{{end}}', ERR, 'template: x:1: undefined variable "$k"'),
    P('rangeundefvars', '{{range $k, $v}}{{end}}', ERR, 'template: x:1: undefined variable "$v"'),
    P('rangemissingvalue1', '{{range $k,}}{{end}}', ERR, 'template: x:1: missing value for range'),
    P('rangemissingvalue2', '{{range $k, $v := }}{{end}}', ERR, 'template: x:1: missing value for range'),
    P('rangenotvariable1', '{{range $k, .}}{{end}}', ERR, 'template: x:1: range can only initialize variables'),
    P('rangenotvariable2', '{{range $k, 123 := .}}{{end}}', ERR, 'template: x:1: range can only initialize variables'),
    P('missing value for if', '{{if}}{{end}}', ERR, 'template: x:1: missing value for if'),
    P('missing value for with', '{{with}}{{end}}', ERR, 'template: x:1: missing value for with'),
    P('missing value for range', '{{range}}{{end}}', ERR, 'template: x:1: missing value for range'),
    P('missing value for command', '{{$x := }}', ERR, 'template: x:1: missing value for command'),
    P('missing value for paren', '{{(1 | ) | ()}}', ERR, 'template: x:1: missing value for parenthesized pipeline'),
    P('missing value block', '{{block "a"}}{{end}}', ERR, 'template: x:1: missing value for block clause'),
    P('else with arg', '{{if 1}}{{else 1}}{{end}}', ERR, 'template: x:1: unexpected "1" in else'),
    P('end with arg', '{{if 1}}{{end 1}}', ERR, 'template: x:1: unexpected "1" in end'),
    P('else with in if', '{{if 1}}{{else with 2}}{{end}}', ERR, 'template: x:1: unexpected <with> in input'),
    P('else if in range', '{{range .}}{{else if 1}}{{end}}', ERR, 'template: x:1: unexpected <if> in input'),
    P('else if in with', '{{with .}}{{else if 1}}{{end}}', ERR, 'template: x:1: unexpected <if> in input'),
    P('else range', '{{if 1}}{{else range .}}{{end}}', ERR, 'template: x:1: unexpected <range> in else'),
    P('unexpected keyword in command', '{{printf if}}', ERR, 'template: x:1: unexpected <if> in operand'),
    P('keyword range as arg', '{{printf range}}', ERR, 'template: x:1: unexpected <range> in operand'),
    P('define as arg', '{{printf define}}', ERR, 'template: x:1: unexpected <define> in operand'),
    P('nil command then pipe', '{{nil | printf}}', OK, '{{nil | printf}}'),
    P('assign in paren', '{{(1 := 2)}}', ERR, 'template: x:1: unexpected ":=" in operand'),
    P('decl in paren', '{{printf ($x := 1)}}', OK, '{{printf ($x := 1)}}'),
    # Lexical errors
    P('colon alone', '{{$x : 1}}', ERR, 'template: x:1: undefined variable "$x"'),
    P('equals alone', '{{=}}', ERR, 'template: x:1: unexpected "=" in command'),
    P('declare alone', '{{:=}}', ERR, 'template: x:1: unexpected ":=" in command'),
    P('pipe alone', '{{|}}', ERR, 'template: x:1: unexpected "|" in command'),
    P('pipe first', '{{| printf}}', ERR, 'template: x:1: unexpected "|" in command'),
    P('double pipe', '{{1 || printf}}', ERR, 'template: x:1: unexpected "|" in command'),
    P('comma alone', '{{,}}', ERR, 'template: x:1: unexpected "," in command'),
    P('unexpected char in command', '{{printf ;}}', ERR, 'template: x:1: unexpected ";" in operand'),
    P('unexpected char in operand', '{{3@}}', ERR, 'template: x:1: unexpected "@" in operand'),
    P('lbrace in action', '{{ { }}', ERR, 'template: x:1: unexpected "{" in command'),
    P('rbrace in action', '{{3}x}}', ERR, 'template: x:1: unexpected "}" in operand'),
    P('rparen extra', '{{.X 1 2 3 ) }}', ERR, 'template: x:1: unexpected right paren'),
    P('rparen first', '{{)}}', ERR, 'template: x:1: unexpected right paren'),
    P('lparen unclosed', '{{.X (1 2 3}}', ERR, 'template: x:1: unclosed left paren'),
    P('lparen eof', '{{(.X 1 2 3', ERR, 'template: x:1: unclosed action'),
    P('space before operand', '{{`x`3}}', ERR, 'template: x:1: unexpected "3" in operand'),
    P('idchar', '{{a#}}', ERR, "template: x:1: bad character U+0023 '#'"),
    P('field bad char', '{{.a#}}', ERR, "template: x:1: bad character U+0023 '#'"),
    P('var bad char', '{{$a#}}', ERR, "template: x:1: bad character U+0023 '#'"),
    P('dollar bad char', '{{$#}}', ERR, "template: x:1: bad character U+0023 '#'"),
    P('var equals', '{{$x=1}}', ERR, "template: x:1: bad character U+003D '='"),
    P('field bad brace', '{{.X}x}}', ERR, "template: x:1: bad character U+007D '}'"),
    P('unicode bad char', '{{a€}}', ERR, "template: x:1: bad character U+20AC '€'"),
    P('unrecognized char', '{{€}}', ERR, "template: x:1: unrecognized character in action: U+20AC '€'"),
    P('unrecognized control char', '{{\x01}}', ERR, 'template: x:1: unrecognized character in action: U+0001'),
    P('unrecognized nbsp', '{{\xa0}}', ERR, 'template: x:1: unrecognized character in action: U+00A0'),
    P('unrecognized del', '{{\x7f}}', ERR, 'template: x:1: unrecognized character in action: U+007F'),
    P('unrecognized vtab', '{{\x0b}}', ERR, 'template: x:1: unrecognized character in action: U+000B'),
    P('unicode digit identifier', '{{٣}}', ERR, 'template: x:1: function "٣" not defined'),
    P('charconst', "{{'a}}", ERR, 'template: x:1: unterminated character constant'),
    P('charconst newline', "{{'\n'}}", ERR, 'template: x:1: unterminated character constant'),
    P('stringconst', '{{"a}}', ERR, 'template: x:1: unterminated quoted string'),
    P('stringconst newline', '{{"a\nb"}}', ERR, 'template: x:1: unterminated quoted string'),
    P('stringconst backslash newline', '{{"a\\\nb"}}', ERR, 'template: x:1: unterminated quoted string'),
    P('string bad escape', '{{"\\z"}}', ERR, 'template: x:1: invalid syntax'),
    P('string single quote escape', '{{"\\\'"}}', ERR, 'template: x:1: invalid syntax'),
    P('string bad hex', '{{"\\xZZ"}}', ERR, 'template: x:1: invalid syntax'),
    P('string short unicode', '{{"\\u12"}}', ERR, 'template: x:1: invalid syntax'),
    P('string surrogate', '{{"\\ud800"}}', ERR, 'template: x:1: invalid syntax'),
    P('string big octal', '{{"\\400"}}', ERR, 'template: x:1: invalid syntax'),
    P('rawstringconst', '{{`a}}', ERR, 'template: x:1: unterminated raw quoted string'),
    P('number', '{{0xi}}', ERR, 'template: x:1: illegal number syntax: "0xi"'),
    P('comment1', '{{/*}}', ERR, 'template: x:1: unclosed comment'),
    P('comment2', '{{/*\nhello\n}}', ERR, 'template: x:1: unclosed comment'),
    P('comment ends before delim', 'hello-{{/* */ }}-world', ERR, 'template: x:1: comment ends before closing delimiter'),
    P('comment bad trim', '{{/* */-}}', ERR, 'template: x:1: comment ends before closing delimiter'),
    P('comment no space before', '{{ /* c */}}', ERR, 'template: x:1: unexpected "/" in command'),
    P('comment trim no space', '{{-/* c */}}', ERR, 'template: x:1: illegal number syntax: "-"'),
    P('comment in action', '{{.X /* c */}}', ERR, 'template: x:1: unexpected "/" in operand'),
    P('unclosed comment after if', '{{if 1}}\n{{/*', ERR, 'template: x:2: unclosed comment in action started at x:1'),
    # Error lines
    P('unclosed1', 'line1\n{{', ERR, 'template: x:2: unclosed action'),
    P('unclosed2', 'line1\n{{define `x`}}line2\n{{', ERR, 'template: x:3: unclosed action'),
    P('unclosed3', 'line1\n{{"x"\n"y"\n', ERR, 'template: x:4: unclosed action started at x:2'),
    P('unclosed4', '{{\n\n\n\n\n', ERR, 'template: x:6: unclosed action started at x:1'),
    P('unclosed5', '{{ .X\n\n', ERR, 'template: x:3: unclosed action started at x:1'),
    P('var1', 'line1\n{{\nx\n}}', ERR, 'template: x:3: function "x" not defined'),
    P('multilinerawstring', '{{ $v := `\n` }} {{', ERR, 'template: x:2: unclosed action'),
    P('error line after raw string', '{{`a\nb\nc`}}{{$x}}', ERR, 'template: x:3: undefined variable "$x"'),
    P('error line multiline action', 'a\n{{if\n.X\n}}\n{{else}}\n{{undefined}}{{end}}', ERR, 'template: x:6: function "undefined" not defined'),
    P('error line of end', '{{if 1}}\n\n{{end\n}}{{end}}', ERR, 'template: x:4: unexpected {{end}}'),
    P('error line trim', 'a\n\n{{- 1 -}}\n\n{{$x}}', ERR, 'template: x:5: undefined variable "$x"'),
    P('error line in define', '{{define "a"}}\n\n{{$y}}{{end}}', ERR, 'template: x:3: undefined variable "$y"'),
    P('error line comment', '{{/*\n\n*/}}{{$x}}', ERR, 'template: x:3: undefined variable "$x"'),
    P('unclosed action in define', '{{define "a"}}\n{{', ERR, 'template: x:2: unclosed action'),
    P('unclosed define header', '{{define "a"\n', ERR, 'template: x:2: unclosed action'),
    P('unclosed paren multiline', '{{(1\n}}', ERR, 'template: x:2: unclosed left paren in action started at x:1'),
    P('lexer error mid pipeline', '{{if 1}}\n{{printf 3k}}\n{{end}}', ERR, 'template: x:2: bad number syntax: "3k"'),
    P('error after trim newline', '{{- \n$x}}', ERR, 'template: x:2: undefined variable "$x"'),
    P('unexpected EOF after text', '{{if 1}}a\n\nb', ERR, 'template: x:3: unexpected EOF'),
    P('unexpected in input', '{{if 1}}{{end}}{{end}}', ERR, 'template: x:1: unexpected {{end}}'),
    P('long unexpected', '{{printf 1 "abcdefghijklmnop"x}}', ERR, 'template: x:1: unexpected "x" in operand'),
    P('long unexpected unicode', '{{printf 1 "ééééé"x}}', ERR, 'template: x:1: unexpected "x" in operand'),
    P('unexpected right delim in if', '{{if}}', ERR, 'template: x:1: missing value for if'),
    P('unexpected EOF in command', '{{printf', ERR, 'template: x:1: unclosed action'),
    P('declare in command position', '{{printf $x := 1}}', ERR, 'template: x:1: undefined variable "$x"'),
    P('chain on variable then decl', '{{$x := 1}}{{$x.a := 2}}', ERR, 'template: x:1: unexpected ":=" in operand'),
    P('else in define', '{{define "a"}}{{else}}{{end}}', ERR, 'template: x:1: unexpected {{else}} in define clause'),
    P('end at top after define', '{{define "a"}}{{end}}{{end}}', ERR, 'template: x:1: unexpected {{end}}'),
    P('deep parens ok', '{{((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))}}', OK, '{{((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))}}'),
    P('deep ifs ok', '{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}x{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}', OK, '{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}{{if 1}}x{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}'),
    # More corners
    P('long unexpected string', '{{printf 1 "a""abcdefghijklmnop"}}', ERR, 'template: x:1: unexpected "\\"abcdefghi"... in operand'),
    P('long unexpected unicode string', '{{printf 1 "a""ééééééé"}}', ERR, 'template: x:1: unexpected "\\"ééééééé\\""... in operand'),
    P('long unexpected raw string', '{{printf 1 "a"`line\nline\nline`}}', ERR, 'template: x:1: unexpected "`line\\nline"... in operand'),
    P('short unexpected unicode', '{{printf 1 "a""é"}}', ERR, 'template: x:1: unexpected "\\"é\\"" in operand'),
    P('template bad pipeline', '{{template "a" |}}', ERR, 'template: x:1: unexpected "|" in template clause'),
    P('else if missing value', '{{if 1}}{{else if}}{{end}}', ERR, 'template: x:1: missing value for if'),
    P('else with missing value', '{{with 1}}{{else with}}{{end}}', ERR, 'template: x:1: missing value for with'),
    P('trim empty action', '{{- }}', ERR, 'template: x:1: missing value for command'),
    P('trim right empty action', '{{ -}}', ERR, 'template: x:1: missing value for command'),
    P('minus alone', '{{-}}', ERR, 'template: x:1: illegal number syntax: "-"'),
    P('unclosed raw string multiline', '{{`a\nb', ERR, 'template: x:1: unterminated raw quoted string'),
    P('comment trim right newline', 'a{{/* c */\n-}}\n b', OK, 'ab'),
    P('comment trim both newline', 'a \n{{-\n/* c */\n-}}\n b', OK, 'ab'),
    P('scoped var reuse', '{{with $x := 1}}{{end}}{{with $x := 2}}{{$x}}{{end}}', OK, '{{with $x := 1}}{{end}}{{with $x := 2}}{{$x}}{{end}}'),
    P('var declared in range visible in else', '{{range $x := .}}{{else}}{{$x}}{{end}}', OK, '{{range $x := .}}{{else}}{{$x}}{{end}}'),
    P('var from if pipeline inside else if', '{{if $x := 1}}{{else if $y := $x}}{{$y}}{{end}}', OK, '{{if $x := 1}}{{else}}{{if $y := $x}}{{$y}}{{end}}{{end}}'),
    P('var declared in body gone after end', '{{if 1}}{{$z := 1}}{{end}}{{$z}}', ERR, 'template: x:1: undefined variable "$z"'),
    P('var declared in define not visible after', '{{define "a"}}{{$v := 1}}{{end}}{{$v}}', ERR, 'template: x:1: undefined variable "$v"'),
    P('outer var not visible in define', '{{$v := 1}}{{define "a"}}{{$v}}{{end}}', ERR, 'template: x:1: undefined variable "$v"'),
    P('outer var not visible in block', '{{$v := 1}}{{block "a" .}}{{$v}}{{end}}', ERR, 'template: x:1: undefined variable "$v"'),
    P('block pipeline sees outer var', '{{$v := 1}}{{block "a" $v}}{{end}}', OK, {'a': '', 'x': '{{$v := 1}}{{template "a" $v}}'}),
    P('template pipeline var', '{{$v := 1}}{{template "a" $v}}', OK, '{{$v := 1}}{{template "a" $v}}'),
    P('define after text with trim', 'a  {{- define "d" }}D{{ end -}}  b', OK, {'d': 'D', 'x': 'ab'}),
    P('define with nested control', '{{define "a"}}{{if .}}{{range .}}{{.}}{{end}}{{end}}{{end}}', OK, {'a': '{{if .}}{{range .}}{{.}}{{end}}{{end}}', 'x': ''}),
    P('empty define replaced by top', '{{define "x"}} {{end}}top', OK, 'top'),
    P('parenthesized pipeline with decl at command', '{{(printf "a" | printf)}}', OK, '{{(printf "a" | printf)}}'),
    P('chain of paren identifier', '{{(printf).A.B}}', OK, '{{(printf).A.B}}'),
    P('nil in argument', '{{printf "%v" nil}}', OK, '{{printf "%v" nil}}'),
    P('dollar alone with field then space', '{{$.A }}', OK, '{{$.A}}'),
    P('variable chain then number', '{{$x := .}}{{$x.A 1}}', OK, '{{$x := .}}{{$x.A 1}}'),
    P('tabs between args', '{{printf\t"%d"\t1}}', OK, '{{printf "%d" 1}}'),
    P('unicode text', 'héllo {{.X}} wörld', OK, 'héllo {{.X}} wörld'),
    P('delimiter inside comment text', '{{/* {{ }} */}}x', OK, 'x'),
    P('comment with star slash early', '{{/* a */ b */}}', ERR, 'template: x:1: comment ends before closing delimiter'),
    P('if else else-if', '{{if 1}}a{{else}}b{{else if 2}}c{{end}}', ERR, 'template: x:1: expected end; found {{else}}'),
    P('range else else', '{{range .}}a{{else}}b{{else}}c{{end}}', ERR, 'template: x:1: expected end; found {{else}}'),
    P('with decl else', '{{with $x := .}}{{$x}}{{else}}{{$x}}{{end}}', OK, '{{with $x := .}}{{$x}}{{else}}{{$x}}{{end}}'),
    P('unexpected text in define header', '{{define "a" "b"}}{{end}}', ERR, 'template: x:1: unexpected "\\"b\\"" in define clause'),
    P('define raw name with newline', '{{define `a\nb`}}x{{end}}', OK, {'a\nb': 'x', 'x': ''}),
    P('block raw name', '{{block `b` .}}x{{end}}', OK, {'b': 'x', 'x': '{{template "b" .}}'}),
    P('block name bad escape', '{{block "\\q" .}}x{{end}}', ERR, 'template: x:1: invalid syntax'),
]
# fmt: on


@pytest.mark.parametrize(("text", "ok", "want", "options"), PARSE_TESTS)
def test_parse(text, ok, want, options):
    if not ok:
        with pytest.raises(ParseError) as err:
            parse("x", text, funcs=FUNCS, **options)
        assert str(err.value) == want
        return
    trees = parse("x", text, funcs=FUNCS, **options)
    got = {name: str(tree.root) for name, tree in trees.items()}
    if isinstance(want, str):
        assert got == {"x": want}
    else:
        assert got == want


def N(text, is_int, is_uint, is_float, is_complex, int_value, uint_value, float_value, complex_value):
    return pytest.param(
        text,
        (is_int, is_uint, is_float, is_complex, int_value, uint_value, float_value, complex_value),
        id=text,
    )


# Go's numberTests, then more literals; each was checked with Helm's printf "%T|%v".
# fmt: off
NUMBER_TESTS = [
    N('0', True, True, True, False, 0, 0, 0.0, 0j),
    N('-0', True, True, True, False, 0, 0, 0.0, 0j),
    N('73', True, True, True, False, 73, 73, 73.0, 0j),
    N('7_3', True, True, True, False, 73, 73, 73.0, 0j),
    N('0b10_010_01', True, True, True, False, 73, 73, 73.0, 0j),
    N('0B10_010_01', True, True, True, False, 73, 73, 73.0, 0j),
    N('073', True, True, True, False, 59, 59, 59.0, 0j),
    N('0o73', True, True, True, False, 59, 59, 59.0, 0j),
    N('0O73', True, True, True, False, 59, 59, 59.0, 0j),
    N('0x73', True, True, True, False, 115, 115, 115.0, 0j),
    N('0X73', True, True, True, False, 115, 115, 115.0, 0j),
    N('0x7_3', True, True, True, False, 115, 115, 115.0, 0j),
    N('-73', True, False, True, False, -73, 0, -73.0, 0j),
    N('+73', True, False, True, False, 73, 0, 73.0, 0j),
    N('100', True, True, True, False, 100, 100, 100.0, 0j),
    N('1e9', True, True, True, False, 1000000000, 1000000000, 1000000000.0, 0j),
    N('-1e9', True, False, True, False, -1000000000, 0, -1000000000.0, 0j),
    N('-1.2', False, False, True, False, 0, 0, -1.2, 0j),
    N('1e19', False, True, True, False, 0, 10000000000000000000, 1e+19, 0j),
    N('1e1_9', False, True, True, False, 0, 10000000000000000000, 1e+19, 0j),
    N('1E19', False, True, True, False, 0, 10000000000000000000, 1e+19, 0j),
    N('-1e19', False, False, True, False, 0, 0, -1e+19, 0j),
    N('0x_1p4', True, True, True, False, 16, 16, 16.0, 0j),
    N('0X_1P4', True, True, True, False, 16, 16, 16.0, 0j),
    N('0x_1p-4', False, False, True, False, 0, 0, 0.0625, 0j),
    N('4i', False, False, False, True, 0, 0, 0.0, 4j),
    N('-1.2+4.2i', False, False, False, True, 0, 0, 0.0, (-1.2+4.2j)),
    N('073i', False, False, False, True, 0, 0, 0.0, 73j),
    N('0i', True, True, True, True, 0, 0, 0.0, 0j),
    N('-1.2+0i', False, False, True, True, 0, 0, -1.2, (-1.2+0j)),
    N('-12+0i', True, False, True, True, -12, 0, -12.0, (-12+0j)),
    N('13+0i', True, True, True, True, 13, 13, 13.0, (13+0j)),
    N('0123', True, True, True, False, 83, 83, 83.0, 0j),
    N('-0x0', True, True, True, False, 0, 0, 0.0, 0j),
    N('0xdeadbeef', True, True, True, False, 3735928559, 3735928559, 3735928559.0, 0j),
    N("'a'", True, True, True, False, 97, 97, 97.0, 0j),
    N("'\\n'", True, True, True, False, 10, 10, 10.0, 0j),
    N("'\\\\'", True, True, True, False, 92, 92, 92.0, 0j),
    N("'\\''", True, True, True, False, 39, 39, 39.0, 0j),
    N("'\\xFF'", True, True, True, False, 255, 255, 255.0, 0j),
    N("'パ'", True, True, True, False, 12497, 12497, 12497.0, 0j),
    N("'\\u30d1'", True, True, True, False, 12497, 12497, 12497.0, 0j),
    N("'\\U000030d1'", True, True, True, False, 12497, 12497, 12497.0, 0j),
    N('0xef', True, True, True, False, 239, 239, 239.0, 0j),
    N('0_1', True, True, True, False, 1, 1, 1.0, 0j),
    N('1.5', False, False, True, False, 0, 0, 1.5, 0j),
    N('.5', False, False, True, False, 0, 0, 0.5, 0j),
    N('5.', True, True, True, False, 5, 5, 5.0, 0j),
    N('1.e3', True, True, True, False, 1000, 1000, 1000.0, 0j),
    N('1e+3', True, True, True, False, 1000, 1000, 1000.0, 0j),
    N('1e-3', False, False, True, False, 0, 0, 0.001, 0j),
    N('0x1p-2', False, False, True, False, 0, 0, 0.25, 0j),
    N('0x1.8p1', True, True, True, False, 3, 3, 3.0, 0j),
    N('0x.8p1', True, True, True, False, 1, 1, 1.0, 0j),
    N('1e-400', True, True, True, False, 0, 0, 0.0, 0j),
    N('9223372036854775807', True, True, True, False, 9223372036854775807, 9223372036854775807, 9.223372036854776e+18, 0j),
    N('9223372036854775808', False, True, True, False, 0, 9223372036854775808, 9.223372036854776e+18, 0j),
    N('-9223372036854775808', True, False, True, False, -9223372036854775808, 0, -9.223372036854776e+18, 0j),
    N('18446744073709551615', False, True, True, False, 0, 18446744073709551615, 1.8446744073709552e+19, 0j),
    N('0xFFFFFFFFFFFFFFFF', False, True, True, False, 0, 18446744073709551615, 1.8446744073709552e+19, 0j),
    N('1.0', True, True, True, False, 1, 1, 1.0, 0j),
    N('-1.0', True, False, True, False, -1, 0, -1.0, 0j),
    N('2.5e10', True, True, True, False, 25000000000, 25000000000, 25000000000.0, 0j),
    N('1e18', True, True, True, False, 1000000000000000000, 1000000000000000000, 1e+18, 0j),
    N('9.3e18', False, True, True, False, 0, 9300000000000000000, 9.3e+18, 0j),
    N('1e20', False, False, True, False, 0, 0, 1e+20, 0j),
    N('0.1', False, False, True, False, 0, 0, 0.1, 0j),
    N('1i', False, False, False, True, 0, 0, 0.0, 1j),
    N('0x1p1i', False, False, False, True, 0, 0, 0.0, 2j),
    N('1_0i', False, False, False, True, 0, 0, 0.0, 10j),
    N('1.5i', False, False, False, True, 0, 0, 0.0, 1.5j),
    N('-0i', True, True, True, True, 0, 0, 0.0, -0j),
    N('+1i', False, False, False, True, 0, 0, 0.0, 1j),
    N('1+0i', True, True, True, True, 1, 1, 1.0, (1+0j)),
    N('1-2i', False, False, False, True, 0, 0, 0.0, (1-2j)),
    N('0x1p-2+1i', False, False, False, True, 0, 0, 0.0, (0.25+1j)),
    N('1e3+1e3i', False, False, False, True, 0, 0, 0.0, (1000+1000j)),
    N('1_0+2i', False, False, False, True, 0, 0, 0.0, (10+2j)),
    N('00', True, True, True, False, 0, 0, 0.0, 0j),
    N('007', True, True, True, False, 7, 7, 7.0, 0j),
    N('0.0', True, True, True, False, 0, 0, 0.0, 0j),
    N('-0.0', True, True, True, False, 0, 0, -0.0, 0j),
    N("'\\377'", True, True, True, False, 255, 255, 255.0, 0j),
    N("'\\a'", True, True, True, False, 7, 7, 7.0, 0j),
    N("'\\000'", True, True, True, False, 0, 0, 0.0, 0j),
    N("'本'", True, True, True, False, 26412, 26412, 26412.0, 0j),
    N("'\\U0001F600'", True, True, True, False, 128512, 128512, 128512.0, 0j),
    N("'😀'", True, True, True, False, 128512, 128512, 128512.0, 0j),
]
# fmt: on


@pytest.mark.parametrize(("text", "want"), NUMBER_TESTS)
def test_number(text, want):
    node = parse("x", "{{" + text + "}}", funcs=()).get("x").root.nodes[0].pipe.cmds[0].args[0]
    assert isinstance(node, NumberNode)
    assert node.text == text
    got = (
        node.is_int,
        node.is_uint,
        node.is_float,
        node.is_complex,
        node.int_value,
        node.uint_value,
        node.float_value,
        node.complex_value,
    )
    assert got == want


def _first_arg(tree):
    return tree.root.nodes[-1].pipe.cmds[0].args[0]


# Node positions as Go's ErrorContext reports them; each (line, col) is where Helm v4 located
# an execution error on that node.
POSITION_TESTS = [
    pytest.param("{{.A.B}}", lambda t: _first_arg(t), FieldNode, (1, 4), id="field chain at second field"),
    pytest.param("é{{.A.B}}", lambda t: _first_arg(t), FieldNode, (1, 6), id="column counts bytes"),
    pytest.param(
        "a\nbc {{ $.A.B }}", lambda t: _first_arg(t), VariableNode, (2, 7), id="variable chain line 2"
    ),
    pytest.param(
        "{{ index .A 1 }}", lambda t: t.root.nodes[0].pipe.cmds[0], CommandNode, (1, 3), id="command"
    ),
    pytest.param(
        "{{ 1 | index .A }}", lambda t: t.root.nodes[0].pipe.cmds[1], CommandNode, (1, 7), id="second command"
    ),
    pytest.param('{{ template "nope" }}', lambda t: t.root.nodes[0], TemplateNode, (1, 12), id="template"),
    pytest.param("{{\n  .A.B\n}}", lambda t: _first_arg(t), FieldNode, (2, 4), id="multi-line action"),
    pytest.param("\t{{- .A.B }}", lambda t: _first_arg(t), FieldNode, (1, 7), id="after trim marker"),
    pytest.param(
        '{{ printf "%d" (.A.B) }}',
        lambda t: t.root.nodes[0].pipe.cmds[0].args[2].cmds[0].args[0],
        FieldNode,
        (1, 18),
        id="inside parentheses",
    ),
    pytest.param("{{ nil }}", lambda t: _first_arg(t), NilNode, (1, 3), id="nil"),
    pytest.param(
        "{{ (1).X }}", lambda t: _first_arg(t).node.cmds[0].args[0], NumberNode, (1, 4), id="number"
    ),
    pytest.param(
        "{{if .A.B}}{{end}}", lambda t: t.root.nodes[0].pipe.cmds[0].args[0], FieldNode, (1, 7), id="if"
    ),
    pytest.param("{{if .A.B}}{{end}}", lambda t: t.root.nodes[0], IfNode, (1, 5), id="if node at pipeline"),
    pytest.param("x\n{{ .A }}", lambda t: t.root.nodes[1], ActionNode, (2, 3), id="action at pipeline"),
]


@pytest.mark.parametrize(("text", "pick", "cls", "want"), POSITION_TESTS)
def test_position(text, pick, cls, want):
    node = pick(parse("x", text, funcs={"printf", "index"})["x"])
    assert isinstance(node, cls)
    assert (node.line, node.col) == want
    before = text[: node.pos]  # pos counts characters; line and col follow from it
    assert (before.count("\n") + 1, len(before[before.rfind("\n") + 1 :].encode())) == want


def test_line_numbers():
    # Go's TestLineNum: an action per line.
    text = "{{printf 1234}}\n" * 3
    nodes = parse("x", text, funcs=())["x"].root.nodes
    for i in range(0, len(nodes), 2):
        action = nodes[i]
        assert isinstance(action, ActionNode)
        assert action.line == action.pipe.line == 1 + i // 2


IS_EMPTY_TESTS = [
    pytest.param("", True, id="empty"),
    pytest.param("hello", False, id="nonempty"),
    pytest.param(" \t\n \t\n", True, id="spaces only"),
    pytest.param("{{/* comment */}}", True, id="comment only"),
    pytest.param('{{define "x"}}something{{end}}', True, id="definition"),
    pytest.param(
        "{{define `x`}}something{{end}}\n\n{{define `y`}}something{{end}}\n\n",
        True,
        id="definitions and space",
    ),
    pytest.param(
        "{{define `x`}}something{{end}}\nx\n{{define `y`}}something{{end}}\ny\n",
        False,
        id="definitions and text",
    ),
    pytest.param("{{define `x`}}something{{end}}{{if 3}}foo{{end}}", False, id="definition and action"),
    pytest.param("\u00a0\u3000\v\f", True, id="unicode spaces"),
    pytest.param("\x1c", False, id="file separator is not Go space"),
    pytest.param("{{.}}", False, id="action"),
    pytest.param('{{template "a"}}', False, id="template"),
    pytest.param("{{with .}}{{end}}", False, id="with"),
    pytest.param("{{range .}}{{end}}", False, id="range"),
]


@pytest.mark.parametrize(("text", "empty"), IS_EMPTY_TESTS)
def test_is_empty_tree(text, empty):
    for comments in (False, True):
        root = parse("root", text, funcs=(), parse_comments=comments)["root"].root
        assert is_empty_tree(root) is empty
    assert is_empty_tree(None)


def test_keywords_and_funcs():
    # Go's TestKeywordsAndFuncs: a function named break turns the keyword into a call.
    text = "{{range .X}}{{break 20}}{{end}}"
    trees = parse("x", text, funcs={"break"})
    assert str(trees["x"].root) == "{{range .X}}{{break 20}}{{end}}"
    with pytest.raises(ParseError, match=re.escape('unexpected "20" in {{break}}')):
        parse("x", text, funcs=())
    trees = parse("x", "{{continue 1}}", funcs={"continue"})
    assert str(trees["x"].root) == "{{continue 1}}"


def test_skip_func_check():
    trees = parse("skip func check", "{{fn 1 2}}", funcs=(), skip_func_check=True)
    assert str(trees["skip func check"].root) == "{{fn 1 2}}"
    with pytest.raises(ParseError, match='function "fn" not defined'):
        parse("x", "{{fn 1 2}}", funcs=())


def test_builtins_always_known():
    text = "{{and 1 2}}{{or}}{{not}}{{len}}{{index}}{{slice}}{{eq}}{{ne}}{{lt}}{{le}}{{gt}}{{ge}}"
    text += "{{print}}{{printf}}{{println}}{{html}}{{js}}{{urlquery}}{{call}}"
    assert str(parse("x", text, funcs=())["x"].root) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        pytest.param("{{/*\n\n\n*/}}", "{{/*\n\n\n*/}}", id="comment"),
        pytest.param("x \r\n\t{{- /* hi */}}", "x{{/* hi */}}", id="comment trim left"),
        pytest.param("{{/* hi */ -}}\n\n\ty", "{{/* hi */}}y", id="comment trim right"),
        pytest.param("x \r\n\t{{- /* */ -}}\n\n\ty", "x{{/* */}}y", id="comment trim left and right"),
    ],
)
def test_parse_with_comments(text, want):
    # Go's TestParseWithComments (text/template itself drops comments).
    assert str(parse("x", text, funcs=(), parse_comments=True)["x"].root) == want


@pytest.mark.parametrize(
    "text",
    [
        "[[.X]]",
        "[[/* a comment */]]",
        "[[if .X]]y[[else]]z[[end]]",
        "[[range .X]][[break]][[continue]][[end]]",
        "[[with .X]]y[[end]]",
        '[[template "name" .]]',
    ],
)
def test_delims_string_roundtrip(text):
    # Go's TestDelimsStringRoundtrip, compared after mapping the delimiters back.
    trees = parse("test", text, funcs=(), left_delim="[[", right_delim="]]", parse_comments=True)
    assert str(trees["test"].root) == text.replace("[[", "{{").replace("]]", "}}")


def test_empty_delims_mean_default():
    assert str(parse("x", "{{.X}}", funcs=(), left_delim="", right_delim="")["x"].root) == "{{.X}}"


def test_block():
    # Go's TestBlock.
    trees = parse("outer", 'a{{block "inner" .}}bar{{.}}baz{{end}}b', funcs=())
    assert str(trees["outer"].root) == 'a{{template "inner" .}}b'
    assert str(trees["inner"].root) == "bar{{.}}baz"


def test_tree_fields():
    text = '{{define "a"}}A{{end}}top'
    trees = parse("main", text, funcs=())
    assert [(t.name, t.parse_name, t.text) for t in trees.values()] == [
        ("a", "main", text),
        ("main", "main", text),
    ]


def test_parse_error_fields():
    with pytest.raises(ParseError) as err:
        parse("my/file.yaml", "a\n{{ .X | }}{{$y}}", funcs=())
    assert (err.value.name, err.value.line, err.value.detail) == (
        "my/file.yaml",
        2,
        'undefined variable "$y"',
    )
    assert str(err.value) == 'template: my/file.yaml:2: undefined variable "$y"'


def test_max_expression_depth():
    n = MAX_EXPRESSION_DEPTH
    text = "{{" + "(" * n + "1" + ")" * n + "}}"
    assert len(parse("x", text, funcs=())["x"].root.nodes) == 1
    with pytest.raises(ParseError, match=r"^template: x:1: max expression depth exceeded$"):
        parse("x", "{{" + "(" * (n + 1) + "1" + ")" * (n + 1) + "}}", funcs=())


def test_deep_control_nesting():
    # Go has no limit here (Helm parses 10001 nested ifs); ours must not hit Python's.
    n = 3000
    root = parse("x", "{{if 1}}" * n + "x" + "{{end}}" * n, funcs=())["x"].root
    depth = 0
    node = root.nodes[0]
    while isinstance(node, IfNode):
        depth += 1
        node = node.list.nodes[0]
    assert depth == n


@pytest.mark.helm
def test_rows_match_helm(tmp_path):
    # Every row through Helm's tpl (which names the template "gotpl"): same outcome, same message.
    h = pytest.importorskip("helm_python")
    (tmp_path / "templates").mkdir()
    (tmp_path / "Chart.yaml").write_text("apiVersion: v2\nname: c\nversion: 0.1.0\n")
    (tmp_path / "templates" / "x.yaml").write_text("{{ tpl .Values.t . }}")
    chart = h.Chart.load(str(tmp_path))
    mismatches = []
    for param in PARSE_TESTS:
        text, ok, want, options = param.values
        if options:
            continue
        try:
            chart.render(
                {"t": text.replace('"x"', '"gotpl"').replace("`x`", "`gotpl`")}, name="r", namespace="d"
            )
            got = None
        except h.HelmRenderError as e:
            msg = str(e)
            i = msg.find("cannot parse template ")
            got = None if i < 0 else msg[msg.index(": template: gotpl:", i) + 2 :].replace("gotpl", "x")
        if got != (None if ok else want):
            mismatches.append((param.id, got))
    assert mismatches == []
