"""Fuzzing the lexer and parser: any text either parses or raises ParseError, nothing else.

Inputs are built from the template language's own pieces (delimiters, trim markers, keywords,
quotes, pipes, variables, numbers) and from mutations of real chart snippets, so that most
examples reach deep into the parser instead of stopping at the first character.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chartist.gotemplate.errors import ParseError
from chartist.gotemplate.nodes import ListNode, Tree
from chartist.gotemplate.parse import is_empty_tree, parse

FUNCS = frozenset({"include", "quote", "default", "toYaml", "nindent", "indent", "list", "dict"})

FRAGMENTS = [
    "{{",
    "}}",
    "{{- ",
    " -}}",
    "{{-",
    "-}}",
    "-",
    "- ",
    " ",
    "\n",
    "\t",
    "\r",
    "if ",
    "else ",
    "else if ",
    "else with ",
    "range ",
    "with ",
    "end",
    "define ",
    "template ",
    "block ",
    "break",
    "continue",
    "nil",
    "true",
    "false",
    ".",
    ".A",
    ".Values.x",
    "$",
    "$x",
    "$y",
    "$x := ",
    "$x = ",
    "$k, $v := ",
    ",",
    ":=",
    "=",
    ":",
    "|",
    " | ",
    "(",
    ")",
    '"',
    '"a"',
    '"\\n"',
    '"\\x',
    "`",
    "`raw`",
    "'",
    "'a'",
    "'\\n'",
    "0",
    "1",
    "-3",
    "1.5",
    "0x1F",
    "0b1",
    "0o7",
    "1e3",
    "1_0",
    "1+2i",
    "4i",
    "0x1p-2",
    "/*",
    "*/",
    "{{/* c */}}",
    "printf",
    "include",
    "quote",
    "undefined",
    "text",
    "é",
    "€",
    "#",
    "\x00",
]

SNIPPETS = [
    '{{- define "x.labels" -}}\napp: {{ .Chart.Name | quote }}\n{{- end }}',
    "{{ range $k, $v := .Values.env }}\n- name: {{ $k }}\n  value: {{ $v | quote }}\n{{ end }}",
    '{{ if .Values.enabled }}{{ include "x.labels" . | nindent 4 }}{{ else if .Values.other }}x{{ end }}',
    "{{ with .Values.a }}{{ .b }}{{ else with .Values.c }}{{ . }}{{ else }}none{{ end }}",
    '{{ block "b" . }}{{ printf "%d-%s" 1 "a" }}{{ end }}{{ template "b" (dict "a" 1) }}',
    "{{/* comment */}}{{ $x := 0x10 }}{{ $x = 1e3 }}{{ range .L }}{{ break }}{{ continue }}{{ end }}",
]


def _check(text: str) -> None:
    try:
        trees = parse("fuzz", text, funcs=FUNCS)
    except ParseError as err:
        assert str(err).startswith("template: fuzz:")
        assert err.line >= 0
        return
    assert trees, "a parse returns at least one tree"
    for name, tree in trees.items():
        assert isinstance(tree, Tree)
        assert tree.name == name
        assert isinstance(tree.root, ListNode)
        str(tree.root)  # every tree prints
        is_empty_tree(tree.root)


fragments = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)
mixed = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=30).map("".join)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SNIPPETS))
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 6)))
        text = text[:i] + draw(st.sampled_from(["", *FRAGMENTS])) + text[j:]
    return text


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(fragments, mixed, mutated()))
def test_only_parse_errors_escape(text: str) -> None:
    _check(text)


def test_snippets_parse() -> None:
    for text in SNIPPETS:
        assert parse("fuzz", text, funcs=FUNCS)
