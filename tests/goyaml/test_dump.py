"""toYaml / toYamlPretty / toJson / toPrettyJson / toRawJson bytes, row by row as Helm v4 wrote them.

Every row of ``_goyaml_dump_rows`` was produced by rendering the value with Helm (helm_python);
values are float64 numbers as values files give them. Extra tables below cover Go ints
(template literals), bytes, structs and errors.
"""

from __future__ import annotations

import math

import pytest
from _goyaml_dump_rows import ROWS

from chartist.gotemplate.values import GoObject, Int64, StrSlice
from chartist.goyaml import YAMLError, dump, dump_json, dump_pretty

# go-yaml sorts keys with a comparison that is not a consistent order for keys such as
# "01"/"0x1F"/"1 a"; Go then sorts the map's random key order, so Helm's own output varies.
_UNSTABLE_ORDER = {
    i for i, row in enumerate(ROWS) if isinstance(row[0], dict) and "00" in row[0] and "a01" in row[0]
}

_IDS = [f"{i}-{repr(r[0])[:40]}" for i, r in enumerate(ROWS)]


def _to_yaml(v: object) -> str:
    try:
        return dump(v).removesuffix("\n")
    except YAMLError:
        return ""  # toYaml swallows the error


@pytest.mark.parametrize("i", range(len(ROWS)), ids=_IDS)
def test_to_yaml(i: int) -> None:
    if i in _UNSTABLE_ORDER:
        pytest.skip("Helm's own key order varies for these keys")
    value, want = ROWS[i][0], ROWS[i][1]
    assert _to_yaml(value) == want


@pytest.mark.parametrize("i", range(len(ROWS)), ids=_IDS)
def test_to_yaml_pretty(i: int) -> None:
    if i in _UNSTABLE_ORDER:
        pytest.skip("Helm's own key order varies for these keys")
    value, want = ROWS[i][0], ROWS[i][2]
    assert dump_pretty(value).removesuffix("\n") == want


@pytest.mark.parametrize("i", range(len(ROWS)), ids=_IDS)
def test_to_json(i: int) -> None:
    value, want, pretty, raw = ROWS[i][0], ROWS[i][3], ROWS[i][4], ROWS[i][5]
    assert dump_json(value) == want
    assert dump_json(value, indent="  ") == pretty
    assert dump_json(value, escape_html=False) == raw


# Go ints (template literals, Sprig arithmetic, --set) are written as integers, never as floats.
INT_ROWS = [
    ("int", {"a": 1, "b": -5, "c": 1000000}, "a: 1\nb: -5\nc: 1000000", '{"a":1,"b":-5,"c":1000000}'),
    (
        "int64",
        [Int64(9223372036854775807), Int64(-9223372036854775808)],
        "- 9223372036854775807\n- -9223372036854775808",
        "[9223372036854775807,-9223372036854775808]",
    ),
    ("float-vs-int", [1000000.0, 1000000], "- 1000000\n- 1000000", "[1000000,1000000]"),
    ("strslice", StrSlice(["a", "true"]), '- a\n- "true"', '["a","true"]'),
    ("bytes", b"hello\xff", "aGVsbG//", '"aGVsbG//"'),
    ("tuple", ("x", 1), "- x\n- 1", '["x",1]'),
]


@pytest.mark.parametrize(("value", "yaml", "json"), [r[1:] for r in INT_ROWS], ids=[r[0] for r in INT_ROWS])
def test_go_kinds(value: object, yaml: str, json: str) -> None:
    assert dump(value).removesuffix("\n") == yaml
    assert dump_json(value) == json


def test_pretty_keeps_go_values() -> None:
    # toYamlPretty encodes values directly (yaml.v3): no JSON round trip.
    assert (
        dump_pretty({"a": 1000000.0, "b": -0.0, "c": math.nan, "d": 1}) == "a: 1e+06\nb: -0\nc: .nan\nd: 1\n"
    )
    assert dump_pretty({"k": ["a", "b"]}) == "k:\n  - a\n  - b\n"
    assert dump_pretty(b"\x01\x02") == "- 1\n- 2\n"


class _Meta(GoObject):
    go_type = "*chart.Metadata"
    go_fields = ("Name", "Version")

    def __init__(self) -> None:
        self.Name = "c"
        self.Version = "1.0"

    def go_json(self) -> object:
        return {"name": self.Name, "version": self.Version}


class _Plain(GoObject):
    go_type = "main.T"
    go_fields = ("A", "B")
    A = 1
    B = "x"


def test_structs_use_go_json_or_fields() -> None:
    assert dump({"chart": _Meta()}) == 'chart:\n  name: c\n  version: "1.0"\n'
    assert dump_json(_Plain()) == '{"A":1,"B":"x"}'


ERROR_ROWS = [
    (
        "nan",
        {"a": math.nan},
        "error marshaling into JSON: json: unsupported value: NaN",
        "json: unsupported value: NaN",
    ),
    (
        "inf",
        [math.inf],
        "error marshaling into JSON: json: unsupported value: +Inf",
        "json: unsupported value: +Inf",
    ),
    (
        "-inf",
        -math.inf,
        "error marshaling into JSON: json: unsupported value: -Inf",
        "json: unsupported value: -Inf",
    ),
]


@pytest.mark.parametrize(
    ("value", "yaml_err", "json_err"), [r[1:] for r in ERROR_ROWS], ids=[r[0] for r in ERROR_ROWS]
)
def test_marshal_errors(value: object, yaml_err: str, json_err: str) -> None:
    with pytest.raises(YAMLError) as yerr:
        dump(value)
    assert str(yerr.value) == yaml_err
    with pytest.raises(YAMLError) as jerr:
        dump_json(value)
    assert str(jerr.value) == json_err


# go-yaml reading the JSON text back refuses some characters encoding/json leaves raw
# (observed with mustToYaml); U+0085 folds like a line break and breaks keys.
READ_BACK_ROWS = [
    ("del", "a\x7fb", "yaml: control characters are not allowed"),
    ("c1", {"k": "a\x9bb"}, "yaml: control characters are not allowed"),
    ("doc-indicator", "a\x85--- b", "yaml: line 2: found unexpected document indicator"),
    ("nel-key", {"a\x85b": 1}, "yaml: line 1: did not find expected ',' or '}'"),
    ("nel-key-nested", {"x": {"y": "a", "a\x85b": 1}}, "yaml: line 1: did not find expected ',' or '}'"),
]


@pytest.mark.parametrize(
    ("value", "msg"), [r[1:] for r in READ_BACK_ROWS], ids=[r[0] for r in READ_BACK_ROWS]
)
def test_read_back_errors(value: object, msg: str) -> None:
    with pytest.raises(YAMLError) as err:
        dump(value)
    assert str(err.value) == msg


def test_cycle_is_an_error_not_a_crash() -> None:
    d: dict[str, object] = {}
    d["self"] = d
    with pytest.raises(YAMLError, match="encountered a cycle"):
        dump_json(d)
    with pytest.raises(YAMLError):
        dump(d)
