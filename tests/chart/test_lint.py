"""The chart linter's rules (``chartist.chart.lint``) against Helm v4.2.3's ``pkg/chart/v2/lint``.

Each row builds a chart from FILES in a temporary directory and lists what ``run_all`` finds:
``(severity, path, message)`` with the chart directory written ``$DIR``. The expected findings
are what Helm v4.2.3 reported for the same chart (helm-python-sdk's ``lint``), in Helm's order
(Chart.yaml, values, templates, dependencies, CRDs). ``test_rows_match_helm`` re-checks every
row against Helm when the reference is installed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from chartist.chart.lint import run_all

CHART = "apiVersion: v2\nname: c1\nversion: 1.0.0\nicon: http://x\n"
SCHEMA = '{"type":"object","properties":{"n":{"type":"number"}},"required":["n"]}'


@dataclass(frozen=True)
class LintCase:
    name: str
    files: dict[str, str]
    want: list[tuple[int, str, str]]
    values: dict[str, Any] | None = None
    options: dict[str, Any] = field(default_factory=dict)


CASES = [
    LintCase(
        "chart unknown field",
        {
            "Chart.yaml": "apiVersion: v2\nname: c1\nversion: 1.0.0\nfoo: bar\n",
            "templates/x.yaml": "kind: ConfigMap\nmetadata:\n  name: x\n",
        },
        [
            (
                2,
                "Chart.yaml",
                'failed to strictly parse chart metadata file\n\terror unmarshaling JSON: while decoding JSON: json: unknown field "foo"',
            ),
            (1, "Chart.yaml", "icon is recommended"),
            (1, "values.yaml", "file does not exist"),
        ],
    ),
    LintCase(
        "chart float versions",
        {"Chart.yaml": "apiVersion: v2\nname: c1\nversion: 1.0\nappVersion: 1.2\nicon: http://x\n"},
        [
            (3, "Chart.yaml", "version should be of type string but it's of type float64"),
            (3, "Chart.yaml", "appVersion should be of type string but it's of type float64"),
            (2, "Chart.yaml", "version '1' is not a valid SemVerV2"),
            (1, "values.yaml", "file does not exist"),
            (2, "templates/", "directory does not exist"),
        ],
    ),
    LintCase(
        "chart version below range",
        {"Chart.yaml": "apiVersion: v2\nname: c1\nversion: 0.0.0-0\nicon: http://x\n"},
        [
            (3, "Chart.yaml", 'version "0.0.0-0" is less than or equal to "0.0.0-0"'),
            (1, "values.yaml", "file does not exist"),
            (2, "templates/", "directory does not exist"),
        ],
    ),
    LintCase(
        "chart bad urls",
        {
            "Chart.yaml": 'apiVersion: v2\nname: c1\nversion: 1.0.0-alpha\nicon: x\nsources: ["", "http://x"]\n'
        },
        [
            (3, "Chart.yaml", "invalid source URL ''"),
            (3, "Chart.yaml", "invalid icon URL 'x'"),
            (1, "values.yaml", "file does not exist"),
            (2, "templates/", "directory does not exist"),
        ],
    ),
    LintCase(
        "chart bad name and maintainers",
        {
            "Chart.yaml": "apiVersion: v2\nname: a/b\nversion: v1.0.0\nmaintainers:\n- name: x\n  email: bad\n- {}\n"
        },
        [
            (3, "Chart.yaml", 'chart name "a/b" is invalid'),
            (3, "Chart.yaml", "invalid email 'bad' for maintainer 'x'"),
            (1, "Chart.yaml", "icon is recommended"),
            (2, "Chart.yaml", "version 'v1.0.0' is not a valid SemVerV2"),
            (1, "values.yaml", "file does not exist"),
            (2, "templates/", "directory does not exist"),
            (3, "", 'unable to load chart\n\tvalidation: chart.metadata.name "a/b" is invalid'),
        ],
    ),
    LintCase(
        "chart v1 with type and deps",
        {
            "Chart.yaml": "apiVersion: v1\nname: c1\nversion: 1.0.0\ntype: application\nicon: http://x\ndependencies:\n- name: x\n"
        },
        [
            (3, "Chart.yaml", "chart type is not valid in apiVersion 'v1'. It is valid in apiVersion 'v2'"),
            (
                3,
                "Chart.yaml",
                "dependencies are not valid in the Chart file with apiVersion 'v1'. They are valid in apiVersion 'v2'",
            ),
            (1, "values.yaml", "file does not exist"),
            (2, "templates/", "directory does not exist"),
            (2, "$DIR", "chart directory is missing these dependencies: x"),
        ],
    ),
    LintCase(
        "chart null maintainer",
        {"Chart.yaml": "name: c1\nversion: 1.0.0\nmaintainers:\n- null\n"},
        [
            (3, "Chart.yaml", 'apiVersion is required. The value must be either "v1" or "v2"'),
            (3, "Chart.yaml", "a maintainer entry is empty"),
            (1, "Chart.yaml", "icon is recommended"),
            (1, "values.yaml", "file does not exist"),
            (2, "templates/", "directory does not exist"),
            (3, "", "unable to load chart\n\tvalidation: maintainers must not contain empty or null nodes"),
        ],
    ),
    LintCase(
        "chart duplicate key",
        {"Chart.yaml": "apiVersion: v2\nname: c1\nversion: 1.0.0\nname: c2\nicon: http://x\n"},
        [
            (
                2,
                "Chart.yaml",
                'failed to strictly parse chart metadata file\n\terror converting YAML to JSON: yaml: unmarshal errors:\n  line 4: key "name" already set in map',
            ),
            (1, "values.yaml", "file does not exist"),
            (2, "templates/", "directory does not exist"),
        ],
    ),
    LintCase(
        "chart wrong type",
        {"Chart.yaml": 'apiVersion: v2\nname: c1\nversion: 1.0.0\ndeprecated: "x"\n'},
        [
            (
                3,
                "Chart.yaml",
                "unable to parse YAML\n\terror unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field Metadata.deprecated of type bool",
            ),
            (1, "values.yaml", "file does not exist"),
            (2, "templates/", "directory does not exist"),
            (
                3,
                "",
                "unable to load chart\n\tcannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field Metadata.deprecated of type bool",
            ),
        ],
    ),
    LintCase(
        "chart bad yaml",
        {"Chart.yaml": ": bad\n  - x\n"},
        [
            (
                3,
                "Chart.yaml",
                "unable to parse YAML\n\terror converting YAML to JSON: yaml: did not find expected key",
            ),
            (1, "values.yaml", "file does not exist"),
            (2, "templates/", "directory does not exist"),
            (
                3,
                "",
                "unable to load chart\n\tcannot load Chart.yaml: error converting YAML to JSON: yaml: did not find expected key",
            ),
        ],
    ),
    LintCase(
        "chart null version",
        {"Chart.yaml": "apiVersion: v2\nname: c1\nversion: ~\nicon: http://x\n"},
        [
            (3, "Chart.yaml", "version should be of type string but it's of type <nil>"),
            (3, "Chart.yaml", "version is required"),
            (2, "Chart.yaml", "version '' is not a valid SemVerV2"),
            (1, "values.yaml", "file does not exist"),
            (2, "templates/", "directory does not exist"),
            (3, "", "unable to load chart\n\tvalidation: chart.metadata.version is required"),
        ],
    ),
    LintCase(
        "chart nested unknown field",
        {
            "Chart.yaml": "apiVersion: v2\nname: c1\nversion: 1.0.0\nicon: http://x\nmaintainers:\n- name: x\n  foo: 1\nzeta: 1\n"
        },
        [
            (
                2,
                "Chart.yaml",
                'failed to strictly parse chart metadata file\n\terror unmarshaling JSON: while decoding JSON: json: unknown field "foo"',
            ),
            (1, "values.yaml", "file does not exist"),
            (2, "templates/", "directory does not exist"),
        ],
    ),
    LintCase(
        "chart duplicates and yaml booleans",
        {
            "Chart.yaml": 'apiVersion: v2\nname: c1\nversion: 1.0.0\nicon: http://x\nmaintainers:\n- name: x\n  name: y\n  url: "not a url"\nannotations:\n  a: 1\n  a: 2\n'
        },
        [
            (
                2,
                "Chart.yaml",
                'failed to strictly parse chart metadata file\n\terror converting YAML to JSON: yaml: unmarshal errors:\n  line 7: key "name" already set in map\n  line 11: key "a" already set in map',
            ),
            (3, "Chart.yaml", "invalid url 'not a url' for maintainer 'true'"),
            (1, "values.yaml", "file does not exist"),
            (2, "templates/", "directory does not exist"),
        ],
    ),
    LintCase(
        "chart empty",
        {"Chart.yaml": ""},
        [
            (3, "Chart.yaml", "name is required"),
            (3, "Chart.yaml", 'apiVersion is required. The value must be either "v1" or "v2"'),
            (3, "Chart.yaml", "version is required"),
            (1, "Chart.yaml", "icon is recommended"),
            (2, "Chart.yaml", "version '' is not a valid SemVerV2"),
            (1, "values.yaml", "file does not exist"),
            (2, "templates/", "directory does not exist"),
            (3, "", "unable to load chart\n\tvalidation: chart.metadata.name is required"),
        ],
    ),
    LintCase(
        "chart is a list",
        {"Chart.yaml": "- a\n"},
        [
            (
                3,
                "Chart.yaml",
                "unable to parse YAML\n\terror unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type v2.Metadata",
            ),
            (1, "values.yaml", "file does not exist"),
            (2, "templates/", "directory does not exist"),
            (
                3,
                "",
                "unable to load chart\n\tcannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type v2.Metadata",
            ),
        ],
    ),
    LintCase(
        "chart good urls",
        {
            "Chart.yaml": "apiVersion: v2\nname: c1\nversion: 1.0.0\nmaintainers:\n- name: m\n  email: a@b.co\n  url: https://x.io\nsources: [https://github.com/a/b]\nicon: https://x/y.png\n"
        },
        [(1, "values.yaml", "file does not exist"), (2, "templates/", "directory does not exist")],
    ),
    LintCase(
        "chart duplicate dependencies",
        {
            "Chart.yaml": "apiVersion: v2\nname: c1\nversion: 1.0.0\nicon: http://x\ndependencies:\n- name: a\n- name: b\n  alias: a\n- name: a\n"
        },
        [
            (1, "values.yaml", "file does not exist"),
            (2, "templates/", "directory does not exist"),
            (3, "", 'unable to load chart\n\tvalidation: more than one dependency with name or alias "a"'),
        ],
    ),
    LintCase(
        "library chart",
        {
            "Chart.yaml": "apiVersion: v2\nname: c1\nversion: 1.0.0\nicon: http://x\ntype: library\n",
            "templates/_x.tpl": '{{ define "x" }}{{ end }}',
            "templates/cm.yaml": "kind: ConfigMap\n",
        },
        [(1, "values.yaml", "file does not exist")],
    ),
    LintCase(
        "values list",
        {"Chart.yaml": CHART, "values.yaml": "- a\n"},
        [
            (
                3,
                "values.yaml",
                "unable to parse YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type common.Values",
            ),
            (2, "templates/", "directory does not exist"),
            (
                3,
                "",
                "unable to load chart\n\tcannot load values.yaml: cannot unmarshal yaml document: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}",
            ),
        ],
    ),
    LintCase(
        "values bad yaml",
        {"Chart.yaml": CHART, "values.yaml": "a: [\n"},
        [
            (
                3,
                "values.yaml",
                "unable to parse YAML: error converting YAML to JSON: yaml: line 1: did not find expected node content",
            ),
            (2, "templates/", "directory does not exist"),
            (
                3,
                "",
                "unable to load chart\n\tcannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 1: did not find expected node content",
            ),
        ],
    ),
    LintCase(
        "values scalar",
        {"Chart.yaml": CHART, "values.yaml": "true\n"},
        [
            (
                3,
                "values.yaml",
                "unable to parse YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal bool into Go value of type common.Values",
            ),
            (2, "templates/", "directory does not exist"),
            (
                3,
                "",
                "unable to load chart\n\tcannot load values.yaml: cannot unmarshal yaml document: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal bool into Go value of type map[string]interface {}",
            ),
        ],
    ),
    LintCase(
        "values missing",
        {"Chart.yaml": CHART},
        [(1, "values.yaml", "file does not exist"), (2, "templates/", "directory does not exist")],
    ),
    LintCase(
        "values multi documents",
        {"Chart.yaml": CHART, "values.yaml": "a: 1\n---\nb: 2\n"},
        [(2, "templates/", "directory does not exist")],
    ),
    LintCase(
        "schema missing property",
        {"Chart.yaml": CHART, "values.yaml": "m: 1\n", "values.schema.json": SCHEMA},
        [
            (3, "values.yaml", "- at '': missing property 'n'\n"),
            (2, "templates/", "directory does not exist"),
        ],
    ),
    LintCase(
        "schema user value wrong",
        {"Chart.yaml": CHART, "values.yaml": "n: 1\n", "values.schema.json": SCHEMA},
        [
            (3, "values.yaml", "- at '/n': got string, want number\n"),
            (2, "templates/", "directory does not exist"),
        ],
        values={"n": "s"},
    ),
    LintCase(
        "schema skipped",
        {"Chart.yaml": CHART, "values.yaml": "n: 1\n", "values.schema.json": SCHEMA},
        [(2, "templates/", "directory does not exist")],
        values={"n": "s"},
        options={"skip_schema_validation": True},
    ),
    LintCase(
        "schema invalid json",
        {"Chart.yaml": CHART, "values.yaml": "n: 1\n", "values.schema.json": "{bad"},
        [
            (3, "values.yaml", "invalid character 'b' looking for beginning of object key string"),
            (2, "templates/", "directory does not exist"),
        ],
    ),
    LintCase(
        "schema empty file",
        {"Chart.yaml": CHART, "values.yaml": "n: 1\n", "values.schema.json": ""},
        [(2, "templates/", "directory does not exist")],
    ),
    LintCase(
        "schema without values file",
        {"Chart.yaml": CHART, "values.schema.json": SCHEMA},
        [(1, "values.yaml", "file does not exist"), (2, "templates/", "directory does not exist")],
    ),
    LintCase(
        "no templates directory",
        {"Chart.yaml": CHART, "values.yaml": ""},
        [(2, "templates/", "directory does not exist")],
    ),
    LintCase(
        "templates is a file",
        {"Chart.yaml": CHART, "values.yaml": "", "templates": "x"},
        [(3, "templates/", "not a directory")],
    ),
    LintCase(
        "extensions",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "templates/x.json": "{}",
            "templates/y.md": "hi",
            "templates/z.txt": "{{ .Values.x.y }}",
        },
        [
            (
                3,
                "templates/",
                'c1/templates/z.txt:1:10\n  executing "c1/templates/z.txt" at <.Values.x.y>:\n    nil pointer evaluating interface {}.y',
            )
        ],
    ),
    LintCase(
        "notes and helpers",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "templates/NOTES.txt": "  hi",
            "templates/_h.tpl": '{{ define "a" }}x{{ end }}',
        },
        [],
    ),
    LintCase(
        "kind coerced to string",
        {"Chart.yaml": CHART, "values.yaml": "", "templates/x.yaml": "kind: 5"},
        [
            (
                2,
                "templates/x.yaml",
                "object name does not conform to Kubernetes naming requirements: \"\": metadata.name: Invalid value: \"\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            )
        ],
    ),
    LintCase(
        "metadata not a map",
        {"Chart.yaml": CHART, "values.yaml": "", "templates/x.yaml": 'metadata: "x"'},
        [
            (
                3,
                "templates/x.yaml",
                "unable to parse YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field k8sYamlStruct.Metadata of type rules.k8sYamlMetadata",
            )
        ],
    ),
    LintCase(
        "service name and bad separator",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "templates/x.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: Bad_Name\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n---foo\n",
        },
        [
            (
                2,
                "templates/x.yaml",
                "object name does not conform to Kubernetes naming requirements: \"Bad_Name\": metadata.name: Invalid value: \"Bad_Name\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
            ),
            (3, "templates/x.yaml", "unable to parse YAML: invalid Yaml document separator: foo"),
        ],
    ),
    LintCase(
        "json syntax error",
        {"Chart.yaml": CHART, "values.yaml": "", "templates/x.yaml": '{"a": [1,2}'},
        [
            (
                3,
                "templates/x.yaml",
                "unable to parse YAML: json: offset 11: invalid character '}' after array element",
            )
        ],
    ),
    LintCase(
        "indented document",
        {"Chart.yaml": CHART, "values.yaml": "", "templates/x.yaml": "  indented: true"},
        [
            (
                2,
                "templates/x.yaml",
                'document starts with an illegal indent: "  indented: true", which may cause parsing problems',
            ),
            (
                2,
                "templates/x.yaml",
                "object name does not conform to Kubernetes naming requirements: \"\": metadata.name: Invalid value: \"\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            ),
        ],
    ),
    LintCase(
        "list document",
        {"Chart.yaml": CHART, "values.yaml": "", "templates/x.yaml": "a: b\n---\n- x"},
        [
            (
                2,
                "templates/x.yaml",
                "object name does not conform to Kubernetes naming requirements: \"\": metadata.name: Invalid value: \"\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            ),
            (
                3,
                "templates/x.yaml",
                "unable to parse YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type rules.k8sYamlStruct",
            ),
        ],
    ),
    LintCase(
        "json number kind falls back to yaml",
        {"Chart.yaml": CHART, "values.yaml": "", "templates/x.yaml": '{"kind": 5}'},
        [
            (
                2,
                "templates/x.yaml",
                "object name does not conform to Kubernetes naming requirements: \"\": metadata.name: Invalid value: \"\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            )
        ],
    ),
    LintCase(
        "json stream truncated",
        {"Chart.yaml": CHART, "values.yaml": "", "templates/x.yaml": '{"a":1}\n{"b":2}\n{"c": 3'},
        [
            (
                2,
                "templates/x.yaml",
                "object name does not conform to Kubernetes naming requirements: \"\": metadata.name: Invalid value: \"\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            ),
            (
                2,
                "templates/x.yaml",
                "object name does not conform to Kubernetes naming requirements: \"\": metadata.name: Invalid value: \"\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            ),
            (3, "templates/x.yaml", "unable to parse YAML: unexpected EOF"),
        ],
    ),
    LintCase(
        "json then bad yaml",
        {"Chart.yaml": CHART, "values.yaml": "", "templates/x.yaml": '{"a":1}\nb: ['},
        [
            (
                2,
                "templates/x.yaml",
                "object name does not conform to Kubernetes naming requirements: \"\": metadata.name: Invalid value: \"\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            ),
            (
                3,
                "templates/x.yaml",
                "unable to parse YAML: json: offset 9: invalid character 'b' looking for beginning of value",
            ),
        ],
    ),
    LintCase(
        "yaml syntax error",
        {"Chart.yaml": CHART, "values.yaml": "", "templates/x.yaml": "a: ["},
        [
            (
                3,
                "templates/x.yaml",
                "unable to parse YAML: error converting YAML to JSON: yaml: line 1: did not find expected node content",
            )
        ],
    ),
    LintCase(
        "separator with block scalar",
        {"Chart.yaml": CHART, "values.yaml": "", "templates/x.yaml": "a: b\n--- |\nfoo"},
        [(3, "templates/x.yaml", "unable to parse YAML: invalid Yaml document separator: |")],
    ),
    LintCase(
        "list with resource policy",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "templates/x.yaml": "kind: List\nitems:\n- metadata:\n    annotations:\n      helm.sh/resource-policy: keep",
        },
        [
            (
                2,
                "templates/x.yaml",
                "object name does not conform to Kubernetes naming requirements: \"\": metadata.name: Invalid value: \"\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            ),
            (3, "templates/x.yaml", "annotation 'helm.sh/resource-policy' within List objects are ignored"),
        ],
    ),
    LintCase(
        "deprecated pdb",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "templates/x.yaml": "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: x",
        },
        [
            (
                2,
                "templates/x.yaml",
                "policy/v1beta1 PodDisruptionBudget is deprecated in v1.21+, unavailable in v1.25+; use policy/v1 PodDisruptionBudget",
            )
        ],
    ),
    LintCase(
        "deprecated pdb old kube",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "templates/x.yaml": "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: x",
        },
        [],
        options={"kube_version": "v1.20.0"},
    ),
    LintCase(
        "deprecated endpoints",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "templates/x.yaml": "apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: x",
        },
        [
            (
                2,
                "templates/x.yaml",
                "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice",
            )
        ],
    ),
    LintCase(
        "deprecated component status",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "templates/x.yaml": "apiVersion: v1\nkind: ComponentStatus\nmetadata:\n  name: x",
        },
        [(2, "templates/x.yaml", "v1 ComponentStatus is deprecated in v1.19+")],
    ),
    LintCase(
        "deprecated extensions ingress",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "templates/x.yaml": "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: x",
        },
        [
            (
                2,
                "templates/x.yaml",
                "extensions/v1beta1 Ingress is deprecated in v1.14+, unavailable in v1.22+; use networking.k8s.io/v1 Ingress",
            )
        ],
    ),
    LintCase(
        "unknown kind in old group",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "templates/x.yaml": "apiVersion: apps/v1beta1\nkind: Foo\nmetadata:\n  name: x",
        },
        [],
    ),
    LintCase(
        "namespace name",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "templates/x.yaml": "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: A.b",
        },
        [
            (
                2,
                "templates/x.yaml",
                "object name does not conform to Kubernetes naming requirements: \"A.b\": metadata.name: Invalid value: \"A.b\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
            )
        ],
    ),
    LintCase(
        "namespace name with dots",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "templates/x.yaml": "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a.b",
        },
        [
            (
                2,
                "templates/x.yaml",
                'object name does not conform to Kubernetes naming requirements: "a.b": metadata.name: Invalid value: "a.b": must not contain dots',
            )
        ],
    ),
    LintCase(
        "role name",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "templates/x.yaml": "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: a/b%",
        },
        [
            (
                2,
                "templates/x.yaml",
                'object name does not conform to Kubernetes naming requirements: "a/b%": [metadata.name: Invalid value: "a/b%": may not contain \'/\', metadata.name: Invalid value: "a/b%": may not contain \'%\']',
            )
        ],
    ),
    LintCase(
        "fields matched case-insensitively",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "templates/x.yaml": 'KIND: Pod\nMetadata:\n  NAME: "-x"\nAPIVERSION: v1',
        },
        [
            (
                2,
                "templates/x.yaml",
                "object name does not conform to Kubernetes naming requirements: \"-x\": metadata.name: Invalid value: \"-x\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            )
        ],
    ),
    LintCase(
        "list items not a list",
        {"Chart.yaml": CHART, "values.yaml": "", "templates/x.yaml": "kind: List\nitems: x"},
        [
            (
                2,
                "templates/x.yaml",
                "object name does not conform to Kubernetes naming requirements: \"\": metadata.name: Invalid value: \"\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            ),
            (
                3,
                "templates/x.yaml",
                "unable to parse YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field .Items of type []struct { Metadata struct { Annotations map[string]string } }",
            ),
        ],
    ),
    LintCase(
        "list item not a map",
        {"Chart.yaml": CHART, "values.yaml": "", "templates/x.yaml": "kind: List\nitems:\n- 1"},
        [
            (
                2,
                "templates/x.yaml",
                "object name does not conform to Kubernetes naming requirements: \"\": metadata.name: Invalid value: \"\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            ),
            (
                3,
                "templates/x.yaml",
                "unable to parse YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go struct field .Items of type struct { Metadata struct { Annotations map[string]string } }",
            ),
        ],
    ),
    LintCase(
        "list annotation not a string",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "templates/x.yaml": "kind: List\nitems:\n- metadata:\n    annotations:\n      a: [1]",
        },
        [
            (
                2,
                "templates/x.yaml",
                "object name does not conform to Kubernetes naming requirements: \"\": metadata.name: Invalid value: \"\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            ),
            (
                3,
                "templates/x.yaml",
                "unable to parse YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field .Items.Metadata.Annotations of type string",
            ),
        ],
    ),
    LintCase(
        "list metadata not a map",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "templates/x.yaml": "kind: List\nitems:\n- metadata: 5\n- metadata:\n    annotations:\n      helm.sh/resource-policy: 1",
        },
        [
            (
                2,
                "templates/x.yaml",
                "object name does not conform to Kubernetes naming requirements: \"\": metadata.name: Invalid value: \"\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            ),
            (
                3,
                "templates/x.yaml",
                "unable to parse YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go struct field .Items.Metadata of type struct { Annotations map[string]string }",
            ),
        ],
    ),
    LintCase(
        "name too long",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "templates/x.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        },
        [
            (
                2,
                "templates/x.yaml",
                'object name does not conform to Kubernetes naming requirements: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": metadata.name: Invalid value: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": must be no more than 253 characters',
            )
        ],
    ),
    LintCase(
        "name too long and invalid",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "templates/x.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        },
        [
            (
                2,
                "templates/x.yaml",
                "object name does not conform to Kubernetes naming requirements: \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\": [metadata.name: Invalid value: \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\": must be no more than 63 characters, metadata.name: Invalid value: \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')]",
            )
        ],
    ),
    LintCase(
        "deployment without selector",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "templates/x.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x",
        },
        [
            (
                3,
                "templates/x.yaml",
                'a Deployment must contain matchLabels or matchExpressions, and "x" does not',
            )
        ],
    ),
    LintCase(
        "json type error",
        {"Chart.yaml": CHART, "values.yaml": "", "templates/x.yaml": '{"metadata": "x"}'},
        [
            (
                3,
                "templates/x.yaml",
                "unable to parse YAML: json: cannot unmarshal string into Go struct field k8sYamlStruct.Metadata of type rules.k8sYamlMetadata",
            )
        ],
    ),
    LintCase(
        "second json type error",
        {"Chart.yaml": CHART, "values.yaml": "", "templates/x.yaml": '{"a":1}\n{"metadata":"x"}'},
        [
            (
                2,
                "templates/x.yaml",
                "object name does not conform to Kubernetes naming requirements: \"\": metadata.name: Invalid value: \"\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            ),
            (
                3,
                "templates/x.yaml",
                "unable to parse YAML: json: cannot unmarshal string into Go struct field k8sYamlStruct.Metadata of type rules.k8sYamlMetadata",
            ),
        ],
    ),
    LintCase(
        "third json type error",
        {"Chart.yaml": CHART, "values.yaml": "", "templates/x.yaml": '{"a":1}\n{"b":2}\n{"metadata":"x"}'},
        [
            (
                2,
                "templates/x.yaml",
                "object name does not conform to Kubernetes naming requirements: \"\": metadata.name: Invalid value: \"\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            ),
            (
                2,
                "templates/x.yaml",
                "object name does not conform to Kubernetes naming requirements: \"\": metadata.name: Invalid value: \"\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            ),
            (
                3,
                "templates/x.yaml",
                "unable to parse YAML: json: cannot unmarshal string into Go struct field k8sYamlStruct.Metadata of type rules.k8sYamlMetadata",
            ),
        ],
    ),
    LintCase(
        "json then indented yaml",
        {"Chart.yaml": CHART, "values.yaml": "", "templates/x.yaml": '{"a":1}\n\n  b: ['},
        [
            (
                2,
                "templates/x.yaml",
                "object name does not conform to Kubernetes naming requirements: \"\": metadata.name: Invalid value: \"\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            ),
            (
                3,
                "templates/x.yaml",
                "unable to parse YAML: json: offset 12: invalid character 'b' looking for beginning of value",
            ),
        ],
    ),
    LintCase(
        "comment documents",
        {"Chart.yaml": CHART, "values.yaml": "", "templates/x.yaml": "x: 1\n---\n# only comment\n---\n"},
        [
            (
                2,
                "templates/x.yaml",
                "object name does not conform to Kubernetes naming requirements: \"\": metadata.name: Invalid value: \"\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            )
        ],
    ),
    LintCase(
        "render error",
        {"Chart.yaml": CHART, "values.yaml": "", "templates/x.yaml": "{{ .Values.missing.x }}"},
        [
            (
                3,
                "templates/",
                'c1/templates/x.yaml:1:10\n  executing "c1/templates/x.yaml" at <.Values.missing.x>:\n    nil pointer evaluating interface {}.x',
            )
        ],
    ),
    LintCase(
        "required in lint mode",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "templates/x.yaml": '{{ required "r" .Values.q }}\nkind: Pod\nmetadata:\n  name: ok',
        },
        [],
    ),
    LintCase(
        "fail in lint mode",
        {"Chart.yaml": CHART, "values.yaml": "", "templates/x.yaml": '{{ fail "f" }}'},
        [],
    ),
    LintCase(
        "parse error",
        {"Chart.yaml": CHART, "values.yaml": "", "templates/x.yaml": "{{ end }}"},
        [(3, "templates/", "parse error at (c1/templates/x.yaml:1): unexpected {{end}}")],
    ),
    LintCase(
        "release values",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "templates/x.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}-{{ .Release.Namespace }}-{{ .Release.Revision }}-{{ .Release.IsInstall }}",
        },
        [],
        options={"namespace": "prod"},
    ),
    LintCase(
        "user values used",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "templates/x.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}",
        },
        [
            (
                2,
                "templates/x.yaml",
                "object name does not conform to Kubernetes naming requirements: \"Bad Name\": metadata.name: Invalid value: \"Bad Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            )
        ],
        values={"name": "Bad Name"},
    ),
    LintCase(
        "undeclared subchart",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.1.0\n",
        },
        [
            (2, "templates/", "directory does not exist"),
            (3, "$DIR", "chart metadata is missing these dependencies: sub"),
        ],
    ),
    LintCase(
        "missing subchart",
        {
            "Chart.yaml": "apiVersion: v2\nname: c1\nversion: 1.0.0\nicon: http://x\ndependencies:\n- name: sub\n  version: 0.1.0\n",
            "values.yaml": "",
        },
        [
            (2, "templates/", "directory does not exist"),
            (2, "$DIR", "chart directory is missing these dependencies: sub"),
        ],
    ),
    LintCase(
        "bad subchart",
        {"Chart.yaml": CHART, "values.yaml": "", "charts/sub/Chart.yaml": "version: 1\n"},
        [
            (2, "templates/", "directory does not exist"),
            (
                3,
                "",
                "unable to load chart\n\terror unpacking subchart sub in c1: validation: chart.metadata.name is required",
            ),
        ],
    ),
    LintCase(
        "crds",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "crds/a.yaml": "apiVersion: v1\nkind: X\n",
            "crds/b.yaml": "{{ x }}",
            "crds/c.txt": "x",
        },
        [
            (2, "templates/", "directory does not exist"),
            (3, "crds/a.yaml", "apiVersion is not in 'apiextensions.k8s.io'"),
            (3, "crds/a.yaml", "object kind is not 'CustomResourceDefinition'"),
            (
                3,
                "crds/b.yaml",
                "unable to parse YAML: json: offset 2: invalid character '{' looking for beginning of object key string",
            ),
        ],
    ),
    LintCase(
        "crds valid",
        {
            "Chart.yaml": CHART,
            "values.yaml": "",
            "crds/a.yaml": "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n---\napiVersion: v1\nkind: CustomResourceDefinition\n",
        },
        [
            (2, "templates/", "directory does not exist"),
            (3, "crds/a.yaml", "apiVersion is not in 'apiextensions.k8s.io'"),
        ],
    ),
    LintCase(
        "crds is a file",
        {"Chart.yaml": CHART, "values.yaml": "", "crds": "x"},
        [(2, "templates/", "directory does not exist"), (3, "crds/", "not a directory")],
    ),
    LintCase(
        "subchart crds",
        {
            "Chart.yaml": "apiVersion: v2\nname: c1\nversion: 1.0.0\nicon: http://x\ndependencies:\n- name: sub\n  version: 0.1.0\n",
            "values.yaml": "",
            "crds/a.yaml": "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n",
            "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.1.0\n",
            "charts/sub/crds/s.yaml": "kind: Nope\n",
        },
        [
            (2, "templates/", "directory does not exist"),
            (3, "crds/s.yaml", "apiVersion is not in 'apiextensions.k8s.io'"),
            (3, "crds/s.yaml", "object kind is not 'CustomResourceDefinition'"),
        ],
    ),
]


def _build(root: Path, files: dict[str, str]) -> Path:
    chart = root / "c1"
    chart.mkdir()
    for name, text in files.items():
        path = chart / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return chart


def _findings(chart: Path, case: LintCase) -> list[tuple[int, str, str]]:
    options = dict(case.options)
    namespace = options.pop("namespace", "default")
    linter = run_all(str(chart), case.values, namespace, **options)
    d = str(chart)
    return [(m.severity, m.path.replace(d, "$DIR"), m.err.replace(d, "$DIR")) for m in linter.messages]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_lint(case: LintCase, tmp_path: Path) -> None:
    assert _findings(_build(tmp_path, case.files), case) == case.want


@pytest.mark.helm
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_rows_match_helm(case: LintCase, tmp_path: Path) -> None:
    h = pytest.importorskip("helm_python")
    chart = _build(tmp_path, case.files)
    options = dict(case.options)
    namespace = options.pop("namespace", "default")
    report = h.lint(str(chart), case.values, namespace=namespace, **options)
    d = str(chart)
    helm = [
        (m["severity"], m["path"].replace(d, "$DIR"), m["error"].replace(d, "$DIR"))
        for m in report["messages"]
    ]
    assert helm == case.want


def test_message_text() -> None:
    from chartist.chart.lint import ERROR, INFO, WARNING, Message

    assert [str(Message(s, "templates/", "x")) for s in (INFO, WARNING, ERROR)] == [
        "[INFO] templates/: x",
        "[WARNING] templates/: x",
        "[ERROR] templates/: x",
    ]
