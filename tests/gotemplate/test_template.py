"""The template set (Go's *template.Template) and execution limits: names, redefinition, clone,
lookup, options, re-entrant execution, recursion depth, deep nesting, the public surface."""

from __future__ import annotations

import sys
import threading
import time
from typing import Any

import pytest
from _exec_support import FUNCS

import chartist.gotemplate as gotemplate
from chartist.gotemplate.compile import compile_tree, generated_source
from chartist.gotemplate.errors import ExecError, ParseError
from chartist.gotemplate.parse import parse
from chartist.gotemplate.template import Template
from chartist.gotemplate.values import STRING, FuncError, GoFunc


def test_public_surface_sorted_and_importable() -> None:
    assert gotemplate.__all__ == sorted(gotemplate.__all__)
    for name in gotemplate.__all__:
        assert getattr(gotemplate, name) is not None


# ---------------------------------------------------------------------------------------------
# Names and definitions


def test_new_shares_the_set() -> None:
    root = Template("root")
    a = root.new("a").parse("A{{template `b` .}}")
    root.new("b").parse("B{{.}}")
    assert a.execute(1) == "AB1"
    assert root.lookup("a") is a
    assert root.lookup("nope") is None
    assert sorted(t.name for t in root.templates()) == ["a", "b"]


def test_parse_adds_defines() -> None:
    t = Template("main").parse('{{define "x"}}X{{end}}{{define "y"}}Y{{end}}main')
    assert sorted(x.name for x in t.templates()) == ["main", "x", "y"]
    assert t.execute_template("x", None) == "X"
    assert t.execute(None) == "main"


def test_redefinition_replaces() -> None:
    t = Template("t").parse('{{define "x"}}old{{end}}{{template "x"}}')
    t.parse('{{define "x"}}new{{end}}{{template "x"}}')
    assert t.execute(None) == "new"


def test_empty_definition_keeps_old() -> None:
    t = Template("t").parse('{{define "x"}}old{{end}}body')
    t.parse('{{define "x"}}  {{/* nothing */}}  {{end}}')
    assert t.execute_template("x", None) == "old"
    # the empty main text did not replace the body either
    assert t.execute(None) == "body"


def test_empty_definition_defines_new_name() -> None:
    t = Template("t").parse('{{define "x"}} {{end}}')
    assert t.execute_template("x", None) == " "


def test_multiple_definition_in_one_text() -> None:
    with pytest.raises(ParseError) as info:
        Template("t").parse('{{define "x"}}a{{end}}{{define "x"}}b{{end}}')
    assert str(info.value) == 'template: t:1: template: multiple definition of template "x"'


def test_defined_templates() -> None:
    t = Template("t")
    assert t.defined_templates() == ""
    t.parse('{{define "a"}}{{end}}x')
    assert t.defined_templates() == '; defined templates are: "a", "t"'
    t.new("undefined")
    assert t.defined_templates() == '; defined templates are: "a", "t"'


def test_add_parse_tree() -> None:
    t = Template("t")
    trees = parse("other", "{{.}}!", funcs=())
    nt = t.add_parse_tree("alias", trees["other"])
    assert nt.name == "alias" and t.lookup("alias") is nt
    assert t.execute_template("alias", "x") == "x!"
    same = t.add_parse_tree("t", trees["other"])
    assert same is t and t.execute("y") == "y!"


def test_execute_template_unknown_name() -> None:
    t = Template("root").parse("x")
    with pytest.raises(ExecError) as info:
        t.execute_template("nope", None)
    assert str(info.value) == 'template: no template "nope" associated with template "root"'


def test_incomplete_template() -> None:
    t = Template("t")
    with pytest.raises(ExecError) as info:
        t.execute(None)
    assert str(info.value) == 'template: t: "t" is an incomplete or empty template'


def test_clone_is_independent() -> None:
    t = Template("t").parse('{{define "x"}}X{{end}}[{{template "x"}}]')
    c = t.clone()
    c.parse('{{define "x"}}Y{{end}}[{{template "x"}}]')
    assert t.execute(None) == "[X]"
    assert c.execute(None) == "[Y]"
    c.new("only").parse("o")
    assert t.lookup("only") is None
    assert c.lookup("t") is c


def test_clone_keeps_funcs_and_options() -> None:
    t = Template("t", funcs=FUNCS, options=("missingkey=error",)).parse("{{upper .a}}")
    c = t.clone()
    assert c.execute({"a": "x"}) == "X"
    with pytest.raises(ExecError, match="map has no entry"):
        c.execute({})


def test_delims() -> None:
    t = Template("t").delims("[[", "]]").parse("[[ .a ]] {{ .a }}")
    assert t.execute({"a": 1}) == "1 {{ .a }}"
    n = t.new("n").parse("[[.]]")  # new templates inherit the delimiters
    assert n.execute(2) == "2"


def test_same_text_other_delims_not_confused() -> None:
    a = Template("t").parse("{{.}}[[.]]")
    b = Template("t").delims("[[", "]]").parse("{{.}}[[.]]")
    assert a.execute(1) == "1[[.]]"
    assert b.execute(1) == "{{.}}1"


def test_options() -> None:
    t = Template("t").parse("{{.a}}")
    assert t.execute({}) == "<no value>"
    t.option("missingkey=error")
    with pytest.raises(ExecError, match='map has no entry for key "a"'):
        t.execute({})
    t.option("missingkey=zero")
    assert t.execute({}) == "<no value>"
    for bad in ("", "missingkey", "missingkey=maybe", "other=zero"):
        with pytest.raises(ValueError):
            t.option(bad)


def test_funcs_validation() -> None:
    with pytest.raises(ValueError, match="not a valid identifier"):
        Template("t").funcs({"bad-name": lambda: 1})
    with pytest.raises(TypeError, match="not a function"):
        Template("t").funcs({"x": 3})


def test_funcs_resolved_at_execution() -> None:
    t = Template("t", funcs={"f": GoFunc(lambda: "one", (), result=STRING)}).parse("{{f}}")
    assert t.execute(None) == "one"
    t.funcs({"f": GoFunc(lambda: "two", (), result=STRING)})
    assert t.execute(None) == "two"
    t.funcs({"f": GoFunc(lambda x: x, (STRING,), result=STRING)})
    with pytest.raises(ExecError, match="wrong number of args for f: want 1 got 0"):
        t.execute(None)


def test_plain_callable_is_variadic_interface() -> None:
    t = Template("t", funcs={"n": lambda *a: len(a)}).parse("{{n}} {{n 1 nil .}} {{. | n 1}}")
    assert t.execute("x") == "0 3 2"


def test_own_and_is_not_short_circuit() -> None:
    calls: list[Any] = []

    def mark(x: Any) -> Any:
        calls.append(x)
        return x

    funcs = {"and": lambda *a: a[-1], "mark": mark}
    t = Template("t", funcs=funcs).parse("{{and false (mark 1)}}")
    assert t.execute(None) == "1"
    assert calls == [1]
    b = Template("t", funcs={"mark": mark}).parse("{{and false (mark 2)}}")
    assert b.execute(None) == "false"
    assert calls == [1]


def test_slice_can_be_replaced() -> None:
    t = Template("t", funcs={"slice": lambda *a: "sprig"}).parse('{{slice "abc" 1}}')
    assert t.execute(None) == "sprig"


# ---------------------------------------------------------------------------------------------
# Execution: re-entrancy, recursion, deep nesting, caching, threads


def test_reentrant_include() -> None:
    ref: list[Template] = []

    def include(name: str, data: Any) -> str:
        return ref[0].execute_template(name, data)

    funcs = {
        "include": GoFunc(include, (STRING, "interface {}"), result=STRING, error=True),
        "add1": GoFunc(lambda v: v + 1, ("int",), result="int"),
    }
    t = Template("t", funcs=funcs).parse(
        '{{define "x"}}<{{.}}{{if lt . 3}}{{include "x" (add1 .)}}{{end}}>{{end}}'
    )
    ref.append(t)
    t.new("main").parse('{{include "x" 1}}|{{include "x" 2}}')
    assert t.execute_template("main", None) == "<1<2<3>>>|<2<3>>"


def test_error_inside_include() -> None:
    ref: list[Template] = []
    funcs = {
        "include": GoFunc(
            lambda n, d: ref[0].execute_template(n, d), (STRING, "interface {}"), result=STRING, error=True
        )
    }
    t = Template("t", funcs=funcs).parse('{{define "x"}}{{.a.b}}{{end}}{{include "x" .}}')
    ref.append(t)
    with pytest.raises(ExecError) as info:
        t.execute({"a": "s"})
    assert str(info.value) == (
        'template: t:1:31: executing "t" at <include "x" .>: error calling include: '
        'template: t:1:18: executing "x" at <.a.b>: can\'t evaluate field b in type interface {}'
    )
    assert isinstance(info.value.__cause__, ExecError)


def test_infinite_recursion_ends_quickly() -> None:
    limit = sys.getrecursionlimit()
    t = Template("t").parse('{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}')
    start = time.monotonic()
    with pytest.raises(ExecError) as info:
        t.execute(None)
    assert time.monotonic() - start < 10
    assert (
        str(info.value)
        == 'template: t:1:25: executing "r" at <{{template "r" .}}>: exceeded maximum template depth (100000)'
    )
    assert sys.getrecursionlimit() == limit


def test_deep_legitimate_recursion() -> None:
    funcs = {"dec": GoFunc(lambda v: v - 1, ("int",), result="int")}
    t = Template("t", funcs=funcs).parse(
        '{{define "r"}}{{if .}}{{template "r" dec .}}{{else}}bottom{{end}}{{end}}{{template "r" .}}'
    )
    assert t.execute(5000) == "bottom"


def _nested(kind: str, depth: int) -> str:
    if kind == "if":
        return "{{if .}}" * depth + "x" + "{{end}}" * depth
    if kind == "with":
        return "{{with .}}" * depth + "{{.}}" + "{{end}}" * depth
    if kind == "range":
        return "{{range $i, $e := .}}" * depth + "{{$i}}" + "{{end}}" * depth
    raise AssertionError(kind)


@pytest.mark.parametrize(
    ("kind", "depth", "data", "want"),
    [
        ("if", 150, 1, "x"),
        ("with", 150, "v", "v"),
        ("range", 40, [[0]], "0"),
    ],
    ids=["if150", "with150", "range40"],
)
def test_deep_nesting(kind: str, depth: int, data: Any, want: str) -> None:
    if kind == "range":
        data = 0
        for _ in range(depth):
            data = [data]
    assert Template("t").parse(_nested(kind, depth)).execute(data) == want


def test_deep_nesting_keeps_variables_break_continue() -> None:
    depth = 120
    text = "{{$v := 0}}{{range .}}" + "{{if true}}" * depth + "{{$v = .}}{{if eq . 2}}{{continue}}{{end}}"
    text += "{{if eq . 4}}{{break}}{{end}}" + "{{end}}" * depth + "[{{.}}]{{end}}{{$v}}"
    assert Template("t").parse(text).execute([1, 2, 3, 4, 5]) == "[1][3]4"


def test_deep_and_or_nesting() -> None:
    depth = 150
    text = "{{" + "and 1 (" * depth + "or 0 7" + ")" * depth + "}}"
    assert Template("t").parse(text).execute(None) == "7"


def test_deep_method_argument_nesting() -> None:
    depth = 120
    text = "{{" + "print (" * depth + "print 3" + ")" * depth + "}}"
    assert Template("t").parse(text).execute(None) == "3"


def test_split_mode_error_positions() -> None:
    depth = 130
    text = "{{if .}}" * depth + "{{.x}}" + "{{end}}" * depth
    with pytest.raises(ExecError, match=r"at <\.x>: can't evaluate field x in type string"):
        Template("t").parse(text).execute("s")


def test_compiled_once_per_tree() -> None:
    tree = parse("t", "{{.}}", funcs=())["t"]
    assert compile_tree(tree) is compile_tree(tree)


def test_same_text_parsed_again_reuses_code() -> None:
    a = Template("t").parse("{{.a}} {{.b}}")
    b = Template("t").parse("{{.a}} {{.b}}")
    assert a.code() is b.code()


def test_generated_source_is_python() -> None:
    tree = parse("t", "{{range .}}{{if .}}{{.}}{{end}}{{end}}", funcs=())["t"]
    src = generated_source(tree)
    assert src.startswith("def _tpl(st, dot, w):") and "for " in src


def test_parallel_executions() -> None:
    t = Template("t", funcs=FUNCS).parse('{{range $i := .n}}{{printf "%d-" $i}}{{end}}{{upper .s}}')
    results: dict[int, str] = {}

    def run(i: int) -> None:
        for _ in range(50):
            results[i] = t.execute({"n": i, "s": f"x{i}"})

    threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    for i in range(8):
        assert results[i] == "".join(f"{k}-" for k in range(i)) + f"X{i}"


def test_state_is_per_execution() -> None:
    t = Template("t").parse('{{define "d"}}{{.}}{{end}}{{template "d" .}}')
    assert [t.execute(i) for i in range(3)] == ["0", "1", "2"]


def test_function_error_is_func_error() -> None:
    def fail(msg: str) -> str:
        raise FuncError(msg)

    t = Template("t", funcs={"fail": GoFunc(fail, (STRING,), result=STRING, error=True)}).parse(
        '{{fail "boom"}}'
    )
    with pytest.raises(ExecError) as info:
        t.execute(None)
    assert info.value.detail == "error calling fail: boom"
    assert info.value.context == 'fail "boom"'


def test_deeply_nested_executions() -> None:
    """A function that runs templates (Helm's include) may nest executions a thousand deep."""
    ref: list[Template] = []
    funcs = {
        "include": GoFunc(
            lambda n, d: ref[0].execute_template(n, d), (STRING, "interface {}"), result=STRING, error=True
        ),
        "dec": GoFunc(lambda v: v - 1, ("int",), result="int"),
    }
    t = Template("t", funcs=funcs).parse(
        '{{define "r"}}{{if .}}{{include "r" (dec .)}}{{else}}bottom{{end}}{{end}}'
    )
    ref.append(t)
    limit = sys.getrecursionlimit()
    assert t.execute_template("r", 1000) == "bottom"
    assert sys.getrecursionlimit() == limit
