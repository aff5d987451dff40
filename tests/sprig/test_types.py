"""Sprig's reflection functions: typeOf, typeIs, typeIsLike, kindOf, kindIs, deepEqual (chartist.sprig.types).

Every row holds Helm v4.2.3's answer as a literal; ``test_rows_match_helm`` renders the rows
through Helm itself (helm_python) and is skipped when it is not installed.
"""

from __future__ import annotations

import math

import pytest
from _sprig_rows import R, check_row, helm_mismatches, ids

from chartist.gotemplate.values import Int64, StrSlice
from chartist.sprig.types import FUNCS

ROWS = [
    R("typeOf", None, want="<nil>"),
    R("typeOf", 1, want="int"),
    R("typeOf", 1.0, want="float64"),
    R("typeOf", "s", want="string"),
    R("typeOf", True, want="bool"),
    R("typeOf", [], want="[]interface {}"),
    R("typeOf", {}, want="map[string]interface {}"),
    R("typeOf", Int64(1), want="int64"),
    R("typeOf", StrSlice(["a"]), want="[]string"),
    R("typeOf", [None], want="[]interface {}"),
    R("typeOf", {"a": [1]}, want="map[string]interface {}"),
    R("kindOf", None, want="invalid"),
    R("kindOf", 1, want="int"),
    R("kindOf", 1.0, want="float64"),
    R("kindOf", "s", want="string"),
    R("kindOf", True, want="bool"),
    R("kindOf", [], want="slice"),
    R("kindOf", {}, want="map"),
    R("kindOf", Int64(1), want="int64"),
    R("kindOf", StrSlice(["a"]), want="slice"),
    R("kindOf", [None], want="slice"),
    R("kindOf", {"a": [1]}, want="map"),
    R("typeIs", "int", 1, want=True),
    R("typeIs", "string", 1, want=False),
    R("typeIs", "<nil>", None, want=True),
    R("typeIs", "[]string", StrSlice([]), want=True),
    R("typeIsLike", "int", 1, want=True),
    R("typeIsLike", "*int", 1, want=False),
    R("typeIsLike", "float64", 2.5, want=True),
    R("kindIs", "map", {}, want=True),
    R("kindIs", "invalid", None, want=True),
    R("kindIs", "slice", StrSlice([]), want=True),
    R("kindIs", "int", Int64(1), want=False),
    R("kindIs", "int64", Int64(1), want=True),
    R("deepEqual", 1, 1, want=True),
    R("deepEqual", 1, 1.0, want=False),
    R("deepEqual", [1, {"a": 1}], [1, {"a": 1}], want=True),
    R("deepEqual", [], StrSlice([]), want=False),
    R("deepEqual", None, None, want=True),
    R("deepEqual", Int64(1), 1, want=False),
    R("deepEqual", "a", "a", want=True),
    R("deepEqual", {}, {}, want=True),
    R("deepEqual", None, [], want=False),
    R("deepEqual", math.nan, math.nan, want=False),
    R("deepEqual", [math.nan], [math.nan], want=False),
    R("deepEqual", 0.0, -0.0, want=True),
    R("deepEqual", {"a": None}, {"b": None}, want=False),
    R("deepEqual", {"a": 1}, {"a": 1, "b": 2}, want=False),
    R("deepEqual", [1, 2], [2, 1], want=False),
    R("deepEqual", StrSlice(["a"]), StrSlice(["a"]), want=True),
    R("deepEqual", True, 1, want=False),
    R("deepEqual", [[1]], [[1.0]], want=False),
]


@pytest.mark.parametrize("row", ROWS, ids=ids(ROWS))
def test_row(row):
    check_row(FUNCS, row)


@pytest.mark.helm
def test_rows_match_helm():
    assert helm_mismatches(ROWS) == []
