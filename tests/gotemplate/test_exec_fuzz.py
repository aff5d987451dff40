"""Fuzzing the executor: random and mutated templates on random data raise only Go's errors.

Templates are drawn from a grammar of text/template (actions, pipelines, control structures,
definitions, every builtin and a few Sprig-shaped functions), then mutated character-wise so that
malformed input is covered too. Whatever happens, only ParseError or ExecError may escape, with
Go's message shape, never a Python traceback.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest
from _exec_support import FUNCS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chartist.gotemplate import exec as gexec
from chartist.gotemplate.errors import ExecError, ParseError
from chartist.gotemplate.template import Template
from chartist.gotemplate.values import INT, STRING, GoFunc, Int64, StrSlice, Uint64

# repeat with a bounded count so that a fuzzed template cannot ask for gigabytes
_FUNCS = {**FUNCS, "repeat": GoFunc(lambda n, s: s * max(0, min(n, 5)), (INT, STRING), result=STRING)}

_NAMES = ["a", "b", "c", "x", "l", "m"]
_FUNC_NAMES = [
    "and", "or", "not", "len", "index", "slice", "eq", "ne", "lt", "le", "gt", "ge", "print",
    "printf", "println", "html", "js", "urlquery", "call", "upper", "repeat", "list", "dict",
    "default", "required", "typeOf", "int64", "splitList", "hasKey", "ternary",
]  # fmt: skip
_LITERALS = [
    "nil",
    "true",
    "false",
    "0",
    "1",
    "-1",
    "2.5",
    "1e3",
    "0x1F",
    "'a'",
    "1i",
    '"s"',
    '""',
    "`r`",
    '"%d %s"',
]


def _field(r: random.Random) -> str:
    return "".join("." + r.choice(_NAMES) for _ in range(r.randint(1, 3)))


def _operand(r: random.Random, depth: int, vars_: list[str]) -> str:
    k = r.randrange(7 if depth > 0 else 5)
    if k == 0:
        return "."
    if k == 1:
        return _field(r)
    if k == 2:
        v = r.choice(vars_)
        return v + (_field(r) if r.random() < 0.4 else "")
    if k in (3, 4):
        return r.choice(_LITERALS)
    if k == 5:
        return "(" + _pipeline(r, depth - 1, vars_) + ")"
    return "(" + _pipeline(r, depth - 1, vars_) + ")" + _field(r)


def _command(r: random.Random, depth: int, vars_: list[str], first: bool) -> str:
    k = r.randrange(3 if first else 4)
    args = [_operand(r, depth, vars_) for _ in range(r.randint(0, 3))]
    if k == 0:
        return _operand(r, depth, vars_) if first else r.choice(vars_)
    if k == 1:
        return " ".join([r.choice(_FUNC_NAMES), *args])
    return " ".join([_field(r), *args[:2]])


def _pipeline(r: random.Random, depth: int, vars_: list[str], decl: bool = True) -> str:
    d = r.choice(["", "", "", "$x := ", "$y := ", "$x = "]) if decl else ""
    return d + " | ".join(_command(r, depth, vars_, i == 0) for i in range(r.randint(1, 3)))


def _body(r: random.Random, depth: int, vars_: list[str], in_range: bool = False, top: bool = False) -> str:
    parts = []
    for _ in range(r.randint(0, 4)):
        k = r.randrange(10 if depth > 0 else 4)
        if k == 0:
            parts.append("".join(r.choice("ab $.|()\n-") for _ in range(r.randint(0, 5))))
        elif k in (1, 2):
            parts.append(r.choice(["{{", "{{- "]) + _pipeline(r, 2, vars_) + r.choice(["}}", " -}}"]))
        elif k == 3:
            loop = ["{{break}}", "{{continue}}"] if in_range else []
            parts.append(r.choice(["{{/* c */}}", '{{template "a" .}}', '{{template "b"}}', *loop]))
        elif k in (4, 5, 6) or (k in (7, 8) and not top):
            kw = r.choice(["if", "with", "range"])
            decl = r.choice(["", "", "$i, $e := ", "$e := "]) if kw == "range" else ""
            inner = [*vars_, *re.findall(r"\$\w+", decl)]
            loop = in_range or kw == "range"
            tail = r.choice(
                [
                    "",
                    "{{else}}" + _body(r, depth - 1, vars_, in_range),
                    "{{else "
                    + kw
                    + " "
                    + _pipeline(r, 1, vars_)
                    + "}}"
                    + _body(r, depth - 1, vars_, in_range),
                ][: 2 if kw == "range" else 3]
            )
            head = "{{" + kw + " " + decl + _pipeline(r, 2, vars_, not decl) + "}}"
            parts.append(head + _body(r, depth - 1, inner, loop) + tail + "{{end}}")
        elif k in (7, 8):
            parts.append(
                '{{define "' + r.choice("abcdefghijkl") + '"}}' + _body(r, depth - 1, ["$"]) + "{{end}}"
            )
        else:
            parts.append(
                '{{block "b" ' + _pipeline(r, 1, vars_) + "}}" + _body(r, depth - 1, ["$"]) + "{{end}}"
            )
    return "".join(parts)


def _mutate(r: random.Random, text: str) -> str:
    """Delete, duplicate or insert characters so that broken syntax is fuzzed too."""
    for _ in range(r.choice([0, 0, 0, 1, 2])):
        if not text:
            break
        i = r.randrange(len(text))
        op = r.randrange(3)
        if op == 0:
            text = text[:i] + text[i + 1 :]
        elif op == 1:
            text = text[:i] + text[i] + text[i:]
        else:
            text = text[:i] + r.choice("{}()|$.\"'`-:=, ") + text[i:]
    return text


# Templates come from a generator seeded by Hypothesis (drawing every choice through Hypothesis
# is ten times slower); a failure reports the seed, which reproduces the template.
def _generate(seed: int) -> str:
    r = random.Random(seed)
    return _mutate(r, "{{$x := .a}}{{$y := .b}}" + _body(r, 3, ["$", "$x", "$y"], top=True))


_TEMPLATES = st.integers(0, 2**32).map(_generate)


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 5),
    st.integers(-3, 5).map(Int64),
    st.integers(0, 5).map(Uint64),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=5),
    st.lists(st.text(max_size=3), max_size=3).map(StrSlice),
)
_DATA: st.SearchStrategy[Any] = st.recursive(
    _SCALARS,
    lambda kids: st.one_of(
        st.lists(kids, max_size=4), st.dictionaries(st.sampled_from(_NAMES), kids, max_size=4)
    ),
    max_leaves=12,
)

_GO_MESSAGE = re.compile(r"^template: ")


@settings(max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))
@given(_TEMPLATES, _DATA, st.sampled_from(["missingkey=default", "missingkey=zero", "missingkey=error"]))
def test_only_go_errors_escape(text: str, data: Any, option: str) -> None:
    # runaway recursion is common in random templates; a lower limit keeps the run short
    # (the real limit is tested in test_template.py)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(gexec, "MAX_EXEC_DEPTH", 300)
        _check(text, data, option)


def _check(text: str, data: Any, option: str) -> None:
    try:
        t = Template("t", funcs=_FUNCS, options=(option,)).parse(text)
    except ParseError as e:
        assert _GO_MESSAGE.match(str(e)), str(e)
        return
    for tm in [t, *(x for x in t.templates() if x is not t)]:
        try:
            out = tm.execute(data)
        except ExecError as e:
            msg = str(e)
            assert _GO_MESSAGE.match(msg), msg
            assert "internal error" not in msg, msg
        else:
            assert isinstance(out, str)
