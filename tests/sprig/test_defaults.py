"""Sprig's default, empty, coalesce, all, any, ternary, fail (chartist.sprig.defaults).

Every row holds Helm v4.2.3's answer as a literal; ``test_rows_match_helm`` renders the rows
through Helm itself (helm_python) and is skipped when it is not installed.
"""

from __future__ import annotations

import math

import pytest
from _sprig_rows import Err, R, check_row, helm_mismatches, ids

from chartist.gotemplate.values import Int64, StrSlice
from chartist.sprig.defaults import FUNCS

ROWS = [
    R("default", "d", "", want="d"),
    R("default", "d", "x", want="x"),
    R("default", "d", want="d"),
    R("default", "d", None, want="d"),
    R("default", "d", 0, want="d"),
    R("default", "d", 0.0, want="d"),
    R("default", "d", False, want="d"),
    R("default", "d", [], want="d"),
    R("default", "d", {}, want="d"),
    R("default", "d", "x", "y", want="x"),
    R("default", "d", "", "y", want="d"),
    R("default", None, None, want=None),
    R("default", 5, Int64(0), want=5),
    R("default", "d", StrSlice([]), want="d"),
    R("default", "d", [0], want=[0]),
    R("default", "d", -0.0, want="d"),
    R("default", "d", math.nan, want=math.nan),
    R("default", [1], {"a": None}, want={"a": None}),
    R("empty", "", want=True),
    R("empty", 0, want=True),
    R("empty", None, want=True),
    R("empty", [0], want=False),
    R("empty", {}, want=True),
    R("empty", Int64(0), want=True),
    R("empty", False, want=True),
    R("empty", 0.5, want=False),
    R("empty", " ", want=False),
    R("empty", StrSlice([]), want=True),
    R("empty", {"a": None}, want=False),
    R("empty", -0.0, want=True),
    R("empty", True, want=False),
    R("coalesce", 0, "", None, "x", "y", want="x"),
    R("coalesce", want=None),
    R("coalesce", 0, want=None),
    R("coalesce", None, [], {}, [None], want=[None]),
    R("coalesce", False, 0.0, 3, want=3),
    R("all", 1, "a", want=True),
    R("all", 1, "", want=False),
    R("all", want=True),
    R("all", None, want=False),
    R("all", [1], {"a": 1}, True, want=True),
    R("any", 0, "", want=False),
    R("any", want=False),
    R("any", 0, 1, want=True),
    R("any", None, False, [None], want=True),
    R("ternary", "a", "b", True, want="a"),
    R("ternary", "a", "b", False, want="b"),
    R("ternary", None, [1], False, want=[1]),
    R("fail", "boom", want=Err("boom")),
    R("fail", "", want=Err("")),
    R("fail", "multi\nline: %s", want=Err("multi\nline: %s")),
]


@pytest.mark.parametrize("row", ROWS, ids=ids(ROWS))
def test_row(row):
    check_row(FUNCS, row)


@pytest.mark.helm
def test_rows_match_helm():
    assert helm_mismatches(ROWS) == []
