"""Coalescing values exactly as Helm's chartutil (rows from Helm v4.2.3's CoalesceValues)."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
import yaml
from chart_helpers import numbers_as_float

from _same import same
from chartist.chart import (
    File,
    ValuesError,
    coalesce_tables,
    coalesce_values,
    load,
    load_files,
    merge_tables,
    merge_values,
    path_value,
    table,
)


def spec_files(spec: dict[str, Any], prefix: str = "") -> list[File]:
    md = {"apiVersion": "v2", "name": spec["name"], "version": "0.1.0"}
    files = [File(prefix + "Chart.yaml", yaml.safe_dump(md).encode())]
    if "values" in spec:
        files.append(File(prefix + "values.yaml", yaml.safe_dump(spec["values"]).encode()))
    for sub in spec.get("subs", []):
        files += spec_files(sub, f"{prefix}charts/{sub['name']}/")
    return files


# (id, chart tree, user values, Helm's CoalesceValues result)
ROWS: list[tuple[str, dict[str, Any], dict[str, Any], Any]] = [
    (
        "user-wins",
        {"name": "c", "values": {"a": 1, "b": {"c": 2, "d": [1, 2]}, "e": "x"}},
        {"a": 2.0, "b": {"d": [3.0]}},
        {"a": 2.0, "b": {"c": 2.0, "d": [3.0]}, "e": "x"},
    ),
    (
        "null-deletes-default",
        {"name": "c", "values": {"a": 1, "b": {"c": 2, "d": 3}}},
        {"a": None, "b": {"c": None}},
        {"b": {"d": 3.0}},
    ),
    (
        "null-without-default-stays",
        {"name": "c", "values": {"a": 1}},
        {"z": None, "y": {"x": None}},
        {"a": 1.0, "y": {"x": None}, "z": None},
    ),
    (
        "default-nulls-dropped",
        {"name": "c", "values": {"a": None, "b": {"c": None, "d": 1}}},
        {},
        {"b": {"d": 1.0}},
    ),
    (
        "table-over-scalar",
        {"name": "c", "values": {"s": "x", "t": {"a": 1}}},
        {"s": {"b": 1.0}, "t": "scalar"},
        {"s": {"b": 1.0}, "t": "scalar"},
    ),
    ("null-table", {"name": "c", "values": {"t": {"a": 1}}}, {"t": None}, {}),
    ("lists-replaced", {"name": "c", "values": {"l": [1, 2, 3]}}, {"l": []}, {"l": []}),
    (
        "subchart-scope",
        {
            "name": "c",
            "values": {"sub": {"a": "parent", "n": None}},
            "subs": [{"name": "sub", "values": {"a": "child", "b": "child", "n": 1}}],
        },
        {"sub": {"b": "user"}},
        {"sub": {"a": "parent", "b": "user", "global": {}}},
    ),
    (
        "subchart-user-null",
        {"name": "c", "subs": [{"name": "sub", "values": {"a": 1, "b": {"c": 1}}}]},
        {"sub": {"a": None, "b": {"c": None}}},
        {"sub": {"b": {}, "global": {}}},
    ),
    (
        "globals-down",
        {
            "name": "c",
            "values": {"global": {"g": "parent", "t": {"x": 1}}},
            "subs": [
                {
                    "name": "sub",
                    "values": {"global": {"g": "child", "t": {"y": 2}, "own": 1}},
                    "subs": [{"name": "deep", "values": {"global": {"t": {"z": 3}}}}],
                }
            ],
        },
        {"global": {"u": "user", "t": {"x": 5.0}}},
        {
            "global": {"g": "parent", "t": {"x": 5.0}, "u": "user"},
            "sub": {
                "deep": {
                    "global": {"g": "parent", "own": 1.0, "t": {"true": 2.0, "x": 5.0, "z": 3.0}, "u": "user"}
                },
                "global": {"g": "parent", "own": 1.0, "t": {"true": 2.0, "x": 5.0}, "u": "user"},
            },
        },
    ),
    (
        "global-not-table",
        {"name": "c", "values": {"global": "x"}, "subs": [{"name": "sub"}]},
        {},
        {"global": "x", "sub": {}},
    ),
    (
        "deep-nesting",
        {"name": "c", "values": {"a": {"b": {"c": {"d": {"e": 1}}}}}},
        {"a": {"b": {"c": {"d": {"f": 2.0}}}}},
        {"a": {"b": {"c": {"d": {"e": 1.0, "f": 2.0}}}}},
    ),
]


@pytest.mark.parametrize(("spec", "user", "want"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_coalesce_like_helm(spec: dict[str, Any], user: dict[str, Any], want: Any) -> None:
    chart = load_files(spec_files(spec))
    before = json.dumps(user, sort_keys=True)
    defaults = json.dumps(chart.values, sort_keys=True)
    assert same(coalesce_values(chart, user), want)
    # Neither the user's values nor the chart's defaults are modified.
    assert json.dumps(user, sort_keys=True) == before
    assert json.dumps(chart.values, sort_keys=True) == defaults


def test_merge_values_keeps_nulls() -> None:
    chart = load_files(spec_files({"name": "c", "values": {"a": None, "b": 1}}))
    assert merge_values(chart, {"b": None}) == {"a": None, "b": None}
    assert coalesce_values(chart, None) == {"b": 1.0}


@pytest.mark.parametrize(
    ("user", "messages"),
    [
        ({"s": {"b": 1}}, ["warning: skipped value for c.s: Not a table."]),
        ({"t": "scalar"}, []),
        ({"sub": {"t": {"x": 1}}}, ["warning: skipped value for c.sub.t: Not a table."]),
    ],
    ids=["table-over-scalar", "scalar-over-table", "table-over-subchart-scalar"],
    # Texts printed by Helm v4.2.3 for the same charts.,
)
def test_warnings_use_helms_text(
    caplog: pytest.LogCaptureFixture, user: dict[str, Any], messages: list[str]
) -> None:
    spec = {"name": "c", "values": {"s": "x", "t": {"a": 1}}, "subs": [{"name": "sub", "values": {"t": 1}}]}
    chart = load_files(spec_files(spec))
    with caplog.at_level(logging.WARNING, logger="chartist.chart"):
        coalesce_values(chart, user)
    assert [r.getMessage() for r in caplog.records] == messages


def test_global_conflicts_warn(caplog: pytest.LogCaptureFixture) -> None:
    spec = {"name": "c", "subs": [{"name": "sub", "values": {"global": {"k": "scalar"}}}]}
    with caplog.at_level(logging.WARNING, logger="chartist.chart"):
        got = coalesce_values(load_files(spec_files(spec)), {"global": {"k": {"x": 1}}})
    # Helm v4.2.3 printed exactly this and kept the parent's global.
    assert [r.getMessage() for r in caplog.records] == [
        "warning: destination for c.sub.global.k is a table. Ignoring non-table value (scalar)"
    ]
    assert got == {"global": {"k": {"x": 1}}, "sub": {"global": {"k": {"x": 1}}}}


def test_tables_and_paths() -> None:
    dst: dict[str, Any] = {"a": {"b": 1}, "n": None}
    assert coalesce_tables(dst, {"a": {"c": 2}, "n": 3, "z": 4}) == {"a": {"b": 1, "c": 2}, "z": 4}
    assert merge_tables({"n": None}, {"n": 3}) == {"n": None}
    values = {"a": {"b": {"c": True, "d": None}}, "x": 1}
    assert table(values, "a.b") == {"c": True, "d": None}
    assert table(values, "a.x") is None and table(values, "x") is None
    assert (
        path_value(values, "a.b.c") is True
        and path_value(values, "a.b.d") is None
        and path_value(values, "x") == 1
    )
    for missing in ("a.b", "a.q", "nope", "x.y"):
        with pytest.raises(KeyError):
            path_value(values, missing)
    with pytest.raises(ValueError, match="YAML path cannot be empty"):
        path_value(values, "")


def test_very_deep_values_do_not_overflow() -> None:
    deep: Any = "leaf"
    for _ in range(5000):
        deep = {"k": deep}
    got = coalesce_values(load_files(spec_files({"name": "c", "values": {"a": 1}})), {"deep": deep})
    assert got["a"] == 1.0 and "deep" in got


def _conformance_cases(shared: Path) -> list[tuple[str, Path, Path]]:
    out = []
    for case in sorted((shared / "conformance" / "cases").iterdir()):
        chart = json.loads((case / "case.json").read_text())["chart"]
        out.append((case.name, shared / "conformance" / "charts" / chart, case / "values.yaml"))
    return out


@pytest.mark.helm
def test_conformance_values_like_helm(shared_dir: Path) -> None:
    import helm_python as h

    from chartist.goyaml import load_values

    for name, chart_dir, values_file in _conformance_cases(shared_dir):
        user = load_values(values_file)
        ours = coalesce_values(load(chart_dir), user)
        theirs = h.Chart.load(str(chart_dir)).merge_values(user)
        assert numbers_as_float(ours) == numbers_as_float(theirs), name


@pytest.mark.parametrize(
    ("sub_values", "want"),
    [
        ("str", "type mismatch on sub: %!t(string=str)"),
        (None, "type mismatch on sub: %!t(<nil>)"),
        (
            [1.0, "x", None, 2.5, True, {"k": None}],
            "type mismatch on sub: [%!t(float64=1) %!t(string=x) <nil> %!t(float64=2.5) true map[%!t(string=k):<nil>]]",
        ),
    ],
    ids=["string", "null", "list"],
)
def test_subchart_values_must_be_a_map(sub_values: Any, want: str) -> None:
    # Helm v4.2.3's messages (Go's %t of the offending value).
    chart = load_files(spec_files({"name": "c", "subs": [{"name": "sub"}]}))
    with pytest.raises(ValuesError) as exc:
        coalesce_values(chart, {"sub": sub_values})
    assert str(exc.value) == want
