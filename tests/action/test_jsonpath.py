"""Kubernetes JSONPath (``show values --jsonpath``) against client-go v0.36.1's own tests.

Rows are those of ``k8s.io/client-go/util/jsonpath/jsonpath_test.go`` and ``parser_test.go``
that use JSON data (numbers are float64, as Helm's values are), with client-go's expected
output or error. Wildcards over maps print in sorted key order here (random in Go).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest

from chartist.action.jsonpath import JSONPath, JSONPathError


def _data(text: str) -> Any:
    return json.loads(text, parse_int=float)


NODES = _data(
    """{
  "kind": "List",
  "items": [
    {"kind": "None",
     "metadata": {"name": "127.0.0.1", "labels": {"kubernetes.io/hostname": "127.0.0.1"}},
     "status": {"capacity": {"cpu": "4"}, "ready": true,
                "addresses": [{"type": "LegacyHostIP", "address": "127.0.0.1"}]}},
    {"kind": "None",
     "metadata": {"name": "127.0.0.2", "labels": {"kubernetes.io/hostname": "127.0.0.2"}},
     "status": {"capacity": {"cpu": "8"}, "ready": false,
                "addresses": [{"type": "LegacyHostIP", "address": "127.0.0.2"},
                              {"type": "another", "address": "127.0.0.3"}]}}
  ],
  "users": [
    {"name": "myself", "user": {}},
    {"name": "e2e", "user": {"username": "admin", "password": "secret"}}
  ]
}"""
)
POINTS = _data(
    """[
  {"id": "i1", "x": 4, "y": -5}, {"id": "i2", "x": -2, "y": -5, "z": 1},
  {"id": "i3", "x": 8, "y": 3}, {"id": "i4", "x": -6, "y": -1},
  {"id": "i5", "x": 0, "y": 2, "z": 1}, {"id": "i6", "x": 1, "y": 4}, {"id": "i7", "x": null, "y": 4}
]"""
)
PODS = _data(
    """{"items": [
  {"metadata": {"name": "pod1"}, "spec": {"containers": [
    {"name": "foo", "another": [{"name": "value1"}, {"name": "value2"}]},
    {"name": "bar", "another": [{"name": "value1"}, {"name": "value2"}]}]}},
  {"metadata": {"name": "pod2"}, "spec": {"containers": [
    {"name": "baz", "another": [{"name": "value1"}, {"name": "value2"}]}]}}
]}"""
)
ANNOTATED = _data(
    """{"kind": "List", "items": [
  {"kind": "Pod", "metadata": {"name": "pod1", "annotations": {"color": "blue"}}},
  {"kind": "Pod", "metadata": {"name": "pod2"}},
  {"kind": "Pod", "metadata": {"name": "pod3", "annotations": {"color": "green"}}},
  {"kind": "Pod", "metadata": {"name": "pod4", "annotations": {"color": "blue"}}}
]}"""
)
CONTAINERS = _data(
    '{"spec": {"containers": ['
    + ",".join(f'{{"image": "radial/busyboxplus:curl", "name": "fake{i}"}}' for i in range(6))
    + "]}}"
)
FOUR = _data(
    '{"spec": {"containers": ['
    + ",".join(f'{{"image": "radial/busyboxplus:curl", "name": "fake{i}"}}' for i in range(4))
    + "]}}"
)
TYPES = _data(
    """{"bools": [true, false, true, false], "floats": [1.0, 2.2, 3.3, 4.0],
        "strings": ["one", "two", "three", "four"], "interfaces": [true, "one", 1, 1.1],
        "maps": [{"name": "one", "value": 1}, {"name": "two", "value": 2.02},
                 {"name": "three", "value": 3.03}, {"name": "four", "value": 4.04}]}"""
)
RUNNING = _data(
    """{"kind": "List", "items": [
  {"kind": "Pod", "metadata": {"name": "pod1"}, "status": {"phase": "Running"}},
  {"kind": "Pod", "metadata": {"name": "pod2"}, "status": {"phase": "Running"}},
  {"kind": "Pod", "metadata": {"name": "pod3"}, "status": {"phase": "Running"}},
  {"resourceVersion": ""}
]}"""
)


@dataclass(frozen=True)
class PathCase:
    name: str
    template: str
    data: Any
    want: str  # the output, or the error text when ERR
    err: bool = False


CASES = [
    # TestKubernetes
    PathCase(
        "range item", "{range .items[*]}{.metadata.name}, {end}{.kind}", NODES, "127.0.0.1, 127.0.0.2, List"
    ),
    PathCase(
        "range item with quote",
        '{range .items[*]}{.metadata.name}{"\\t"}{end}',
        NODES,
        "127.0.0.1\t127.0.0.2\t",
    ),
    PathCase(
        "range addresses", "{.items[*].status.addresses[*].address}", NODES, "127.0.0.1 127.0.0.2 127.0.0.3"
    ),
    PathCase(
        "double range",
        "{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}",
        NODES,
        "127.0.0.1, 127.0.0.2, 127.0.0.3, ",
    ),
    PathCase("item name", "{.items[*].metadata.name}", NODES, "127.0.0.1 127.0.0.2"),
    PathCase(
        "union nodes capacity",
        "{.items[*]['metadata.name', 'status.capacity']}",
        NODES,
        '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}',
    ),
    PathCase(
        "range nodes capacity",
        "{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}",
        NODES,
        '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] ',
    ),
    PathCase("user password", '{.users[?(@.name=="e2e")].user.password}', NODES, "secret"),
    PathCase("hostname", "{.items[0].metadata.labels.kubernetes\\.io/hostname}", NODES, "127.0.0.1"),
    PathCase(
        "hostname filter",
        '{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}',
        NODES,
        "None",
    ),
    PathCase("bool item", "{.items[?(@..ready==true)].metadata.name}", NODES, "127.0.0.1"),
    PathCase("recursive name", "{..name}", NODES, "127.0.0.1 127.0.0.2 myself e2e"),
    # TestJSONInput
    PathCase("exists filter", "{[?(@.z)].id}", POINTS, "i2 i5"),
    PathCase("bracket key", "{[0]['id']}", POINTS, "i1"),
    PathCase("nil value", "{[-1]['x']}", POINTS, "null"),
    # TestNestedRanges
    PathCase(
        "nested range",
        '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}',
        PODS,
        "pod1:foo,bar,+pod2:baz,+",
    ),
    PathCase(
        "range in range in range",
        '{range .items[*]}{.metadata.name}{"~"}{range @.spec.containers[*]}{.name}{":"}'
        '{range @.another[*]}{.name}{","}{end}{"+"}{end}{"#"}{end}',
        PODS,
        "pod1~foo:value1,value2,+bar:value1,value2,+#pod2~baz:value1,value2,+#",
    ),
    PathCase(
        "two ranges at one level",
        '{range .items[*]}{.metadata.name}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\t"}'
        '{range @.spec.containers[*]}{.name}{" "}{end}{"\\n"}{end}',
        PODS,
        "pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n",
    ),
    # TestFilterPartialMatchesSometimesMissingAnnotations (missing keys are errors, as in Helm)
    PathCase(
        "filter on a key some items lack",
        '{.items[?(@.metadata.annotations.color=="blue")].metadata.name}',
        ANNOTATED,
        "annotations is not found",
        err=True,
    ),
    # TestNegativeIndex
    PathCase("containers[0]", "{.spec.containers[0].name}", FOUR, "fake0"),
    PathCase("containers[0:0]", "{.spec.containers[0:0].name}", FOUR, ""),
    PathCase("containers[0:-1]", "{.spec.containers[0:-1].name}", FOUR, "fake0 fake1 fake2"),
    PathCase(
        "containers[-1:0]",
        "{.spec.containers[-1:0].name}",
        FOUR,
        "starting index 3 is greater than ending index 0",
        err=True,
    ),
    PathCase("containers[-1]", "{.spec.containers[-1].name}", FOUR, "fake3"),
    PathCase("containers[-1:]", "{.spec.containers[-1:].name}", FOUR, "fake3"),
    PathCase("containers[-2]", "{.spec.containers[-2].name}", FOUR, "fake2"),
    PathCase("containers[-2:]", "{.spec.containers[-2:].name}", FOUR, "fake2 fake3"),
    PathCase("containers[-4:]", "{.spec.containers[-4:].name}", FOUR, "fake0 fake1 fake2 fake3"),
    PathCase(
        "containers[-5]",
        "{.spec.containers[-5].name}",
        FOUR,
        "array index out of bounds: index -1, length 4",
        err=True,
    ),
    PathCase("containers[5:5]", "{.spec.containers[5:5].name}", FOUR, ""),
    PathCase("containers[-5:-5]", "{.spec.containers[-5:-5].name}", FOUR, ""),
    PathCase(
        "containers[3:1]",
        "{.spec.containers[3:1].name}",
        FOUR,
        "starting index 3 is greater than ending index 1",
        err=True,
    ),
    # TestStep
    PathCase(
        "step default", "{.spec.containers[0:6:].name}", CONTAINERS, "fake0 fake1 fake2 fake3 fake4 fake5"
    ),
    PathCase("step zero", "{.spec.containers[0:6:0].name}", CONTAINERS, "step must be > 0", err=True),
    PathCase("step negative", "{.spec.containers[0:6:-1].name}", CONTAINERS, "step must be > 0", err=True),
    PathCase("step two", "{.spec.containers[1:4:2].name}", CONTAINERS, "fake1 fake3"),
    PathCase("step four", "{.spec.containers[1:4:4].name}", CONTAINERS, "fake1"),
    # TestRunningPodsJSONPathOutput
    PathCase(
        "running pods",
        '{range .items[?(.status.phase=="Running")]}{.metadata.name}{" is Running\\n"}{end}',
        RUNNING,
        "status is not found",
        err=True,
    ),
    # TestTypesInput
    PathCase("bool slice", "{ .bools }", TYPES, "[true,false,true,false]"),
    PathCase("bool slice step", "{ .bools[:4:2] }", TYPES, "true true"),
    PathCase("float slice", "{ .floats }", TYPES, "[1,2.2,3.3,4]"),
    PathCase("float sub slice", "{ .floats[0:2] }", TYPES, "1 2.2"),
    PathCase("string slice", "{ .strings }", TYPES, '["one","two","three","four"]'),
    PathCase("string index", "{ .strings[-2] }", TYPES, "three"),
    PathCase("interfaces", "{ .interfaces }", TYPES, '[true,"one",1,1.1]'),
    PathCase("interfaces step", "{ .interfaces[:4:2] }", TYPES, "true 1"),
    PathCase("map index", "{ .maps[0] }", TYPES, '{"name":"one","value":1}'),
    PathCase("map odd", "{ .maps[::2] }", TYPES, '{"name":"one","value":1} {"name":"three","value":3.03}'),
    # failures (TestStructInput's failStoreTests on map data)
    PathCase("invalid identifier", "{hello}", NODES, "unrecognized identifier hello", err=True),
    PathCase("nonexistent field", "{.hello}", NODES, "hello is not found", err=True),
    PathCase(
        "not an array",
        "{.users[0].user[0]}",
        NODES,
        "map[string]interface {} is not array or slice",
        err=True,
    ),
    PathCase(
        "invalid filter operator",
        "{.items[?(@.kind<>10)]}",
        NODES,
        "unrecognized filter operator <>",
        err=True,
    ),
    PathCase(
        "redundant end", "{range .items[*]}{@}{end}{end}", NODES, "not in range, nothing to end", err=True
    ),
    # Go template comparisons: a float64 against an int literal is an error
    PathCase(
        "float against int", "{[?(@.x==4)].id}", POINTS[:1], "incompatible types for comparison", err=True
    ),
    PathCase("float against float", "{[?(@.x==4.0)].id}", POINTS[:1], "i1"),
    PathCase("text around actions", "a{.kind}b", NODES, "aListb"),
    PathCase("plain text", "hello jsonpath", NODES, "hello jsonpath"),
    PathCase("quoted brace", '{"{"}', NODES, "{"),
]

PARSE_ERRORS = [
    ("unclosed action", "{.hello", "unclosed action"),
    ("unrecognized character", "{*}", "unrecognized character in action: U+002A '*'"),
    ("invalid number", "{+12.3.0}", "cannot parse number +12.3.0"),
    ("unterminated array", "{[1}", "unterminated array"),
    ("unterminated filter", "{[?(.price]}", "unterminated filter"),
    ("multiple recursive descent", "{........}", "invalid multiple recursive descent"),
    ("invalid array index", "{[a]}", "invalid array index a"),
    ("unterminated quote", '{"abc}', "unterminated quoted string"),
    ("malformed input", "{\\\\\\}", "unrecognized character in action: U+005C '\\'"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_execute(case: PathCase) -> None:
    path = JSONPath(case.template)
    if case.err:
        with pytest.raises(JSONPathError) as info:
            path.execute(case.data)
        assert str(info.value) == case.want
    else:
        assert path.execute(case.data) == case.want


@pytest.mark.parametrize(("template", "want"), [pytest.param(t, w, id=n) for n, t, w in PARSE_ERRORS])
def test_parse_errors(template: str, want: str) -> None:
    with pytest.raises(JSONPathError) as info:
        JSONPath(template)
    assert str(info.value) == want


def test_template_is_reusable() -> None:
    path = JSONPath("{range .items[*]}{.metadata.name} {end}")
    assert path.execute(PODS) == path.execute(PODS) == "pod1 pod2 "
