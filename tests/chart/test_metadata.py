"""Chart.yaml decoding and validation, with Helm v4.2.3's results and messages as rows."""

from __future__ import annotations

from typing import Any

import pytest

from chartist.chart import ChartError, File, Metadata, load_files, metadata_as_map
from chartist.chart.chartfile import metadata_to_json
from chartist.chart.model import Dependency, Maintainer, sanitize_string

# (id, Chart.yaml, Helm's metadata as JSON or Helm's error message)
ROWS: list[tuple[str, str, Any]] = [
    (
        "maintainer-string",
        "apiVersion: v2\nname: x\nversion: 1.0.0\nmaintainers: [x]\n",
        "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field Metadata.maintainers of type v2.Maintainer",
    ),
    (
        "maintainer-field-array",
        "apiVersion: v2\nname: x\nversion: 1.0.0\nmaintainers: [{name: [1]}]\n",
        "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field Maintainer.maintainers.name of type string",
    ),
    (
        "annotation-array",
        "apiVersion: v2\nname: x\nversion: 1.0.0\nannotations: {a: [1]}\n",
        "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field Metadata.annotations of type string",
    ),
    (
        "annotations-scalars",
        "apiVersion: v2\nname: x\nversion: 1.0.0\nannotations: {a: 1, b: true, c: null, d: 1.5}\n",
        {
            "name": "x",
            "version": "1.0.0",
            "apiVersion": "v2",
            "annotations": {"a": "1", "b": "true", "c": "", "d": "1.5"},
        },
    ),
    (
        "sources-string",
        "apiVersion: v2\nname: x\nversion: 1.0.0\nsources: x\n",
        "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field Metadata.sources of type []string",
    ),
    (
        "sources-object",
        "apiVersion: v2\nname: x\nversion: 1.0.0\nsources: [1, null, {a: 1}]\n",
        "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go struct field Metadata.sources of type string",
    ),
    (
        "deprecated-string",
        "apiVersion: v2\nname: x\nversion: 1.0.0\ndeprecated: 'yes'\n",
        "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field Metadata.deprecated of type bool",
    ),
    (
        "deprecated-number",
        "apiVersion: v2\nname: x\nversion: 1.0.0\ndeprecated: 1\n",
        "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go struct field Metadata.deprecated of type bool",
    ),
    (
        "dependency-values",
        "apiVersion: v2\nname: x\nversion: 1.0.0\ndependencies: [{name: a, tags: [1], import-values: [x, {child: c, parent: p}]}]\n",
        {
            "name": "x",
            "version": "1.0.0",
            "apiVersion": "v2",
            "dependencies": [
                {
                    "name": "a",
                    "repository": "",
                    "tags": ["1"],
                    "import-values": ["x", {"child": "c", "parent": "p"}],
                }
            ],
        },
    ),
    (
        "dependency-string",
        "apiVersion: v2\nname: x\nversion: 1.0.0\ndependencies: [x]\n",
        "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field Metadata.dependencies of type v2.Dependency",
    ),
    (
        "numbers-as-strings",
        "apiVersion: v2\nname: x\nversion: 1.10\nappVersion: 20230101\n",
        {"name": "x", "version": "1.1", "apiVersion": "v2", "appVersion": "20230101"},
    ),
    (
        "top-level-list",
        "- a\n",
        "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type v2.Metadata",
    ),
    ("empty", "", "validation: chart.metadata.name is required"),
    (
        "null-maintainer",
        "apiVersion: v2\nname: x\nversion: 1.0.0\nmaintainers: [null]\n",
        "validation: maintainers must not contain empty or null nodes",
    ),
    (
        "null-dependency",
        "apiVersion: v2\nname: x\nversion: 1.0.0\ndependencies: [null]\n",
        "validation: dependencies must not contain empty or null nodes",
    ),
    (
        "case-insensitive-keys",
        "apiVersion: v2\nName: y\nname: x\nVERSION: 1.0.0\n",
        {"name": "x", "version": "1.0.0", "apiVersion": "v2"},
    ),
    (
        "api-version-list",
        "apiVersion: [v2]\nname: x\nversion: 1.0.0\n",
        "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field Metadata.apiVersion of type string",
    ),
    (
        "bad-type",
        "apiVersion: v2\nname: x\nversion: 1.0.0\ntype: foo\n",
        "validation: chart.metadata.type must be application or library",
    ),
    (
        "library-type",
        "apiVersion: v2\nname: x\nversion: 1.0.0\ntype: library\n",
        {"name": "x", "version": "1.0.0", "apiVersion": "v2", "type": "library"},
    ),
    (
        "bad-alias",
        "apiVersion: v2\nname: x\nversion: 1.0.0\ndependencies: [{name: a, alias: 'b c'}]\n",
        'validation: dependency "a" has disallowed characters in the alias',
    ),
    (
        "duplicate-alias",
        "apiVersion: v2\nname: x\nversion: 1.0.0\ndependencies: [{name: a}, {name: b, alias: a}]\n",
        'validation: more than one dependency with name or alias "a"',
    ),
    (
        "name-dotdot",
        "apiVersion: v2\nname: ..\nversion: 1.0.0\n",
        'validation: chart.metadata.name ".." is not allowed',
    ),
    (
        "name-dot",
        "apiVersion: v2\nname: .\nversion: 1.0.0\n",
        'validation: chart.metadata.name "." is not allowed',
    ),
    (
        "name-slash",
        "apiVersion: v2\nname: a/b\nversion: 1.0.0\n",
        'validation: chart.metadata.name "a/b" is invalid',
    ),
    ("no-name", "apiVersion: v2\nversion: 1.0.0\n", "validation: chart.metadata.name is required"),
    ("no-version", "apiVersion: v2\nname: x\n", "validation: chart.metadata.version is required"),
    (
        "bad-version",
        "apiVersion: v2\nname: x\nversion: x1\n",
        'validation: chart.metadata.version "x1" is invalid',
    ),
    (
        "loose-version",
        "apiVersion: v2\nname: x\nversion: v1.2\n",
        {"name": "x", "version": "v1.2", "apiVersion": "v2"},
    ),
    (
        "yaml-error",
        "apiVersion: v2\nname: x\nversion: 1.0.0\n: bad: yaml\n",
        "cannot load Chart.yaml: error converting YAML to JSON: yaml: line 3: did not find expected key",
    ),
    (
        "sanitized",
        'apiVersion: v2\nname: x\nversion: 1.0.0\ndescription: "a\\tb\\x01c\\u00a0d"\nkeywords: ["k\\u200by"]\n',
        {"name": "x", "version": "1.0.0", "description": "a bc d", "keywords": ["ky"], "apiVersion": "v2"},
    ),
    (
        "annotations-string",
        "apiVersion: v2\nname: x\nversion: 1.0.0\nannotations: x\n",
        "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field Metadata.annotations of type map[string]string",
    ),
    (
        "keywords-nested",
        "apiVersion: v2\nname: x\nversion: 1.0.0\nkeywords: [[1]]\n",
        "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field Metadata.keywords of type string",
    ),
    (
        "no-api-version-is-v1",
        "name: x\nversion: 1.0.0\n",
        {"name": "x", "version": "1.0.0", "apiVersion": "v1"},
    ),
]


@pytest.mark.parametrize(("text", "want"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_chart_yaml(text: str, want: Any) -> None:
    if isinstance(want, str):
        with pytest.raises(ChartError) as exc:
            load_files([File("Chart.yaml", text.encode())])
        assert str(exc.value) == want
    else:
        chart = load_files([File("Chart.yaml", text.encode())])
        assert metadata_to_json(chart.metadata) == want


def test_metadata_as_map_is_helm_v4_chart_object() -> None:
    md = Metadata(
        name="c",
        version="1.0.0",
        api_version="v2",
        maintainers=(Maintainer("joe", "j@x"),),
        dependencies=(Dependency(name="d", tags=("t",), enabled=True),),
    )
    got = metadata_as_map(md, is_root=False)
    assert got == {
        "Name": "c",
        "Home": "",
        "Sources": [],
        "Version": "1.0.0",
        "Description": "",
        "Keywords": [],
        "Maintainers": [{"Name": "joe", "Email": "j@x", "URL": ""}],
        "Icon": "",
        "APIVersion": "v2",
        "Condition": "",
        "Tags": "",
        "AppVersion": "",
        "Deprecated": False,
        "Annotations": {},
        "KubeVersion": "",
        "Dependencies": [
            {
                "Name": "d",
                "Version": "",
                "Repository": "",
                "Condition": "",
                "Tags": ["t"],
                "Enabled": True,
                "ImportValues": [],
                "Alias": "",
            }
        ],
        "Type": "",
        "IsRoot": False,
    }
    assert "IsRoot" not in metadata_as_map(md)


@pytest.mark.parametrize(
    ("raw", "want"),
    [("plain", "plain"), ("a\tb\nc", "a b c"), ("x\x00y\u200bz", "xyz"), ("é\u00a0\u3000", "é  ")],
)
def test_sanitize_string(raw: str, want: str) -> None:
    assert sanitize_string(raw) == want


def test_requirements_yaml_of_v1_chart() -> None:
    chart = load_files(
        [
            File("Chart.yaml", b"name: c\nversion: 0.1.0\n"),
            File("requirements.yaml", b"dependencies:\n- name: d\n  version: 1.0.0\n  alias: e\n"),
            File("requirements.lock", b"digest: abc\n"),
        ]
    )
    assert chart.metadata.api_version == "v1"
    assert chart.metadata.dependencies == (Dependency(name="d", version="1.0.0", alias="e"),)
    assert chart.lock is not None and chart.lock.digest == "abc"
    assert [f.name for f in chart.files] == ["requirements.yaml", "requirements.lock"]


def test_missing_dependencies_list_is_nil_not_empty() -> None:
    assert (
        load_files([File("Chart.yaml", b"apiVersion: v2\nname: c\nversion: 1.0.0\n")]).metadata.dependencies
        is None
    )
    md = load_files(
        [File("Chart.yaml", b"apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies: []\n")]
    ).metadata
    assert md.dependencies == ()
