"""process_dependencies + coalesce_values against what Helm v4.2.3 rendered for `.Values`.

Each row is a chart tree (Chart.yaml fields, values, subcharts), the user's values, and what
Helm produced: the top chart's `.Values`, the rendered template paths (which subcharts
stayed enabled), and `.Chart.Dependencies` (name, enabled, import values) after processing;
or Helm's error.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from _same import same
from chartist.chart import (
    ChartError,
    DependencyError,
    File,
    check_dependencies,
    check_kube_version,
    coalesce_values,
    is_compatible_range,
    load_files,
    process_dependencies,
)


def spec_files(spec: dict[str, Any], prefix: str = "") -> list[File]:
    md = {
        "apiVersion": "v2",
        "name": spec["name"],
        "version": spec.get("version", "0.1.0"),
        **spec.get("meta", {}),
    }
    files = [
        File(prefix + "Chart.yaml", yaml.safe_dump(md).encode()),
        File(prefix + "templates/dump.yaml", b"{{ .Values | toJson }}"),
    ]
    if "values" in spec:
        files.append(File(prefix + "values.yaml", yaml.safe_dump(spec["values"]).encode()))
    for sub in spec.get("subs", []):
        files += spec_files(sub, f"{prefix}charts/{sub['name']}/")
    return files


ROWS: list[tuple[Any, ...]] = [
    (
        "alias",
        {
            "name": "top",
            "meta": {
                "dependencies": [
                    {"name": "a", "version": "0.1.0", "alias": "x"},
                    {"name": "a", "version": "0.1.0", "alias": "y"},
                ]
            },
            "values": {"x": {"v": 1}, "global": {"g": 1}},
            "subs": [{"name": "a", "values": {"v": 0, "w": 2, "n": None}}],
        },
        {"y": {"v": 5.0}},
        {
            "global": {"g": 1.0},
            "true": {"global": {"g": 1.0}, "v": 0.0, "w": 2.0},
            "x": {"global": {"g": 1.0}, "v": 1.0, "w": 2.0},
            "y": {"v": 5.0},
        },
        [
            "top/charts/true/templates/dump.yaml",
            "top/charts/x/templates/dump.yaml",
            "top/templates/dump.yaml",
        ],
        [("x", True, []), ("true", True, [])],
    ),
    (
        "cond",
        {
            "name": "top",
            "meta": {
                "dependencies": [
                    {"name": "a", "version": "0.1.0", "condition": "a.enabled,b.enabled", "tags": ["t1"]},
                    {"name": "b", "version": "0.1.0", "tags": ["t1"], "condition": "nope.enabled"},
                ]
            },
            "values": {"a": {"enabled": "yes"}, "b": {"enabled": False}, "tags": {"t1": False}},
            "subs": [{"name": "a", "values": {"enabled": True}}, {"name": "b"}],
        },
        {},
        {"a": {"enabled": "yes"}, "b": {"enabled": False}, "tags": {"t1": False}},
        ["top/templates/dump.yaml"],
        [],
    ),
    (
        "cond2",
        {
            "name": "top",
            "meta": {
                "dependencies": [
                    {"name": "a", "version": "0.1.0", "condition": "a.enabled", "tags": ["t1"]},
                    {"name": "b", "version": "0.1.0", "tags": ["t1", "t2"]},
                ]
            },
            "values": {"tags": {"t1": False, "t2": True}},
            "subs": [{"name": "a", "values": {"enabled": True}}, {"name": "b"}],
        },
        {"a": {"enabled": False}},
        {"a": {"enabled": False}, "b": {"global": {}}, "tags": {"t1": False, "t2": True}},
        ["top/charts/b/templates/dump.yaml", "top/templates/dump.yaml"],
        [("b", True, [])],
    ),
    (
        "nested_cond",
        {
            "name": "top",
            "meta": {"dependencies": [{"name": "a", "version": "0.1.0"}]},
            "subs": [
                {
                    "name": "a",
                    "meta": {"dependencies": [{"name": "aa", "version": "0.1.0", "condition": "aa.on"}]},
                    "values": {"aa": {"on": False}},
                    "subs": [{"name": "aa"}],
                }
            ],
        },
        {},
        {"a": {"aa": {"on": False}, "global": {}}},
        ["top/charts/a/templates/dump.yaml", "top/templates/dump.yaml"],
        [("a", True, [])],
    ),
    (
        "nested_cond_user",
        {
            "name": "top",
            "meta": {"dependencies": [{"name": "a", "version": "0.1.0"}]},
            "subs": [
                {
                    "name": "a",
                    "meta": {"dependencies": [{"name": "aa", "version": "0.1.0", "condition": "aa.on"}]},
                    "values": {"aa": {"on": False}},
                    "subs": [{"name": "aa"}],
                }
            ],
        },
        {"a": {"aa": {"on": True}}},
        {"a": {"aa": {"global": {}, "on": True}, "global": {}}},
        [
            "top/charts/a/charts/aa/templates/dump.yaml",
            "top/charts/a/templates/dump.yaml",
            "top/templates/dump.yaml",
        ],
        [("a", True, [])],
    ),
    (
        "undeclared",
        {
            "name": "top",
            "subs": [
                {
                    "name": "a",
                    "meta": {"dependencies": [{"name": "aa", "version": "0.1.0", "condition": "aa.on"}]},
                    "values": {"aa": {"on": False}},
                    "subs": [{"name": "aa"}],
                }
            ],
        },
        {},
        {"a": {"aa": {"global": {}, "on": False}, "global": {}}},
        [
            "top/charts/a/charts/aa/templates/dump.yaml",
            "top/charts/a/templates/dump.yaml",
            "top/templates/dump.yaml",
        ],
        [],
    ),
    (
        "import",
        {
            "name": "top",
            "meta": {
                "dependencies": [
                    {
                        "name": "a",
                        "version": "0.1.0",
                        "import-values": [
                            "data",
                            {"child": "x.y", "parent": "p.q"},
                            {"child": "missing", "parent": "m"},
                            7,
                        ],
                    }
                ]
            },
            "values": {"p": {"q": {"keep": "parent"}}, "data_key": "top"},
            "subs": [
                {
                    "name": "a",
                    "values": {
                        "exports": {"data": {"data_key": "child", "other": 1, "nul": None}},
                        "x": {"y": {"keep": "child", "new": 2, "z": None}},
                    },
                }
            ],
        },
        {"p": {"q": {"user": 1.0}}},
        {
            "a": {
                "exports": {"data": {"data_key": "child", "other": 1.0}},
                "global": {},
                "x": {"true": {"keep": "child", "new": 2.0}},
            },
            "data_key": "top",
            "other": 1.0,
            "p": {"q": {"keep": "parent", "user": 1.0}},
        },
        ["top/charts/a/templates/dump.yaml", "top/templates/dump.yaml"],
        [
            (
                "a",
                True,
                [
                    {"child": "exports.data", "parent": "."},
                    {"child": "x.y", "parent": "p.q"},
                    {"child": "missing", "parent": "m"},
                ],
            )
        ],
    ),
    (
        "import_alias",
        {
            "name": "top",
            "meta": {
                "dependencies": [
                    {
                        "name": "a",
                        "version": "0.1.0",
                        "alias": "bee",
                        "import-values": [{"child": "x", "parent": "imp"}],
                    }
                ]
            },
            "subs": [{"name": "a", "values": {"x": {"k": 1}}}],
        },
        {"bee": {"x": {"k": 2.0}}},
        {"bee": {"global": {}, "x": {"k": 2.0}}, "imp": {"k": 1.0}},
        ["top/charts/bee/templates/dump.yaml", "top/templates/dump.yaml"],
        [("bee", True, [{"child": "x", "parent": "imp"}])],
    ),
    (
        "import_deep",
        {
            "name": "top",
            "meta": {
                "dependencies": [
                    {
                        "name": "a",
                        "version": "0.1.0",
                        "import-values": [{"child": "fromaa", "parent": "top_imp"}],
                    }
                ]
            },
            "subs": [
                {
                    "name": "a",
                    "meta": {
                        "dependencies": [
                            {
                                "name": "aa",
                                "version": "0.1.0",
                                "import-values": [{"child": "deep", "parent": "fromaa"}],
                            }
                        ]
                    },
                    "subs": [{"name": "aa", "values": {"deep": {"d": 1}}}],
                }
            ],
        },
        {},
        {
            "a": {"aa": {"deep": {"d": 1.0}, "global": {}}, "fromaa": {"d": 1.0}, "global": {}},
            "top_imp": {"d": 1.0},
        },
        [
            "top/charts/a/charts/aa/templates/dump.yaml",
            "top/charts/a/templates/dump.yaml",
            "top/templates/dump.yaml",
        ],
        [("a", True, [{"child": "fromaa", "parent": "top_imp"}])],
    ),
    (
        "globals",
        {
            "name": "top",
            "meta": {"dependencies": [{"name": "a", "version": "0.1.0"}]},
            "values": {"global": {"g": 1, "t": {"x": 1}, "n": None}},
            "subs": [
                {
                    "name": "a",
                    "values": {"global": {"g": 2, "t": {"y": 2}, "z": 3}},
                    "meta": {"dependencies": [{"name": "aa", "version": "0.1.0"}]},
                    "subs": [{"name": "aa", "values": {"global": {"t": "str"}}}],
                }
            ],
        },
        {"global": {"u": 1.0, "t": {"x": 5.0}}},
        {
            "a": {
                "aa": {"global": {"g": 1.0, "t": {"true": 2.0, "x": 5.0}, "u": 1.0, "z": 3.0}},
                "global": {"g": 1.0, "t": {"true": 2.0, "x": 5.0}, "u": 1.0, "z": 3.0},
            },
            "global": {"g": 1.0, "t": {"x": 5.0}, "u": 1.0},
        },
        [
            "top/charts/a/charts/aa/templates/dump.yaml",
            "top/charts/a/templates/dump.yaml",
            "top/templates/dump.yaml",
        ],
        [("a", True, [])],
    ),
    (
        "nulls",
        {
            "name": "top",
            "meta": {"dependencies": [{"name": "a", "version": "0.1.0"}]},
            "values": {"a": {"k": None, "m": {"n": None, "o": 1}}, "p": None, "q": {"r": None}},
            "subs": [{"name": "a", "values": {"k": 1, "m": {"n": 2, "o": None}, "keep": None}}],
        },
        {"a": {"k": None, "zz": None}, "q": None, "new": None},
        {"a": {"global": {}, "m": {"o": 1.0}, "zz": None}, "new": None},
        ["top/charts/a/templates/dump.yaml", "top/templates/dump.yaml"],
        [("a", True, [])],
    ),
    (
        "version_mismatch",
        {
            "name": "top",
            "meta": {"dependencies": [{"name": "a", "version": "^2.0.0", "condition": "a.on"}]},
            "values": {"a": {"on": False}},
            "subs": [{"name": "a"}],
        },
        {},
        {"a": {"on": False}},
        ["top/templates/dump.yaml"],
        [],
    ),
    (
        "empty_deps",
        {
            "name": "top",
            "meta": {"dependencies": []},
            "subs": [
                {
                    "name": "a",
                    "meta": {"dependencies": [{"name": "aa", "version": "0.1.0", "condition": "aa.on"}]},
                    "values": {"aa": {"on": False}},
                    "subs": [{"name": "aa"}],
                }
            ],
        },
        {},
        {"a": {"aa": {"on": False}, "global": {}}},
        ["top/charts/a/templates/dump.yaml", "top/templates/dump.yaml"],
        [],
    ),
    (
        "mismatch",
        {
            "name": "top",
            "meta": {"dependencies": [{"name": "a", "version": "0.1.0"}]},
            "subs": [{"name": "a"}],
        },
        {"a": "str"},
        "type mismatch on a: %!t(string=str)",
    ),
    (
        "not_table",
        {"name": "top", "values": {"t": {"a": 1}, "s": "x"}},
        {"t": "scalar", "s": {"b": 1.0}},
        {"s": {"b": 1.0}, "t": "scalar"},
        ["top/templates/dump.yaml"],
        [],
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=[r[0] for r in ROWS])
def test_like_helm(row: tuple[Any, ...]) -> None:
    _, spec, user = row[:3]
    chart = load_files(spec_files(spec))
    if len(row) == 4:
        with pytest.raises(ChartError) as exc:
            coalesce_values(process_dependencies(chart, user), user)
        assert str(exc.value) == row[3]
        return
    want_values, want_templates, want_deps = row[3:]
    processed = process_dependencies(chart, user)
    assert same(coalesce_values(processed, user), want_values)
    templates = sorted(f"{c.chart_full_path()}/{t.name}" for c in processed.walk() for t in c.templates)
    assert templates == want_templates
    deps = [(d.name, d.enabled, list(d.import_values)) for d in processed.metadata.dependencies or ()]
    assert deps == [tuple(d) for d in want_deps]
    # The input chart is left untouched.
    assert chart == load_files(spec_files(spec))


def test_alias_copies_are_renamed_and_reparented() -> None:
    spec = {
        "name": "top",
        "meta": {"dependencies": [{"name": "a", "version": "0.1.0", "alias": "x"}]},
        "subs": [{"name": "a", "subs": [{"name": "aa"}]}],
    }
    processed = process_dependencies(load_files(spec_files(spec)), {})
    (x,) = processed.dependencies
    assert x.name == "x" and x.chart_full_path() == "top/charts/x"
    assert x.dependencies[0].chart_full_path() == "top/charts/x/charts/aa"


@pytest.mark.parametrize(
    ("constraint", "version", "want"),
    [
        (">=1.20.0-0", "v1.36.0", True),
        (">=1.40", "v1.36.0", False),
        ("^2.0.0", "1.0.0", False),
        ("bad", "1.0.0", False),
    ],
)
def test_compatible_range(constraint: str, version: str, want: bool) -> None:
    assert is_compatible_range(constraint, version) is want


def test_check_kube_version() -> None:
    chart = load_files(
        [File("Chart.yaml", b"apiVersion: v2\nname: c\nversion: 1.0.0\nkubeVersion: '>=1.40.0'\n")]
    )
    with pytest.raises(DependencyError) as exc:
        check_kube_version(chart, "v1.36.0")
    assert (
        str(exc.value) == "chart requires kubeVersion: >=1.40.0 which is incompatible with Kubernetes v1.36.0"
    )
    check_kube_version(chart, "v1.41.2")


def test_check_dependencies() -> None:
    spec = {
        "name": "top",
        "meta": {"dependencies": [{"name": "a"}, {"name": "b"}, {"name": "c"}]},
        "subs": [{"name": "b"}],
    }
    with pytest.raises(DependencyError) as exc:
        check_dependencies(load_files(spec_files(spec)))
    assert str(exc.value) == "found in Chart.yaml, but missing in charts/ directory: a, c"
