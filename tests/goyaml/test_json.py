"""JSON reading and Sprig's JSON functions, against Helm v4 observations.

``_goyaml_json_rows`` holds what Helm's fromJson gave for each text (syntax errors carry Go's
scanner message; object texts decode to float64 numbers).
"""

from __future__ import annotations

import math

import pytest
from _goyaml_json_rows import ROWS

from chartist.gotemplate.values import FuncError
from chartist.goyaml import YAMLError, dump_json, load_json
from chartist.sprig.jsonfuncs import FUNCS


@pytest.mark.parametrize("row", ROWS, ids=[f"{i}-{r[0][:30]!r}" for i, r in enumerate(ROWS)])
def test_load_json(row: tuple) -> None:
    text = row[0]
    if len(row) == 3:
        with pytest.raises(YAMLError) as err:
            load_json(text)
        assert str(err.value) == row[2]
    else:
        assert load_json(text) == row[1]


def test_numbers_and_ranges() -> None:
    v = load_json('{"a": 1, "b": [2.5, -0, 1e2]}')
    assert v == {"a": 1.0, "b": [2.5, 0.0, 100.0]}
    assert type(v["a"]) is float
    assert math.copysign(1.0, v["b"][1]) == -1.0
    with pytest.raises(YAMLError) as err:
        load_json("[1e400]")
    assert str(err.value) == "json: cannot unmarshal number 1e400 into Go value of type float64"


DUMP_ROWS = [
    ("html", {"a": "<b>&</b>"}, '{"a":"\\u003cb\\u003e\\u0026\\u003c/b\\u003e"}', '{"a":"<b>&</b>"}'),
    ("line-sep", "\u2028\u2029", '"\\u2028\\u2029"', '"\\u2028\\u2029"'),
    (
        "controls",
        "\x00\x08\x0c\n\r\t\x1f\x7f",
        '"\\u0000\\b\\f\\n\\r\\t\\u001f\x7f"',
        '"\\u0000\\b\\f\\n\\r\\t\\u001f\x7f"',
    ),
    (
        "floats",
        [1e21, 1e-7, 1e20, 0.000001, 123456789.0, -0.0],
        "[1e+21,1e-7,100000000000000000000,0.000001,123456789,-0]",
        None,
    ),
    ("sorted", {"b": 1, "a": {"d": [], "c": {}}}, '{"a":{"c":{},"d":[]},"b":1}', None),
    ("nil", None, "null", None),
]


@pytest.mark.parametrize(("value", "want", "raw"), [r[1:] for r in DUMP_ROWS], ids=[r[0] for r in DUMP_ROWS])
def test_dump_json(value: object, want: str, raw: str | None) -> None:
    assert dump_json(value) == want
    assert dump_json(value, escape_html=False) == (raw if raw is not None else want)


def test_indent_and_prefix() -> None:
    # json.MarshalIndent(v, ">", "\t"): the prefix starts every line but the first.
    assert (
        dump_json({"a": [1, {}], "b": []}, indent="\t", prefix=">")
        == '{\n>\t"a": [\n>\t\t1,\n>\t\t{}\n>\t],\n>\t"b": []\n>}'
    )


def _call(name: str, *args: object) -> object:
    return FUNCS[name](*args)


def test_sprig_function_names() -> None:
    assert sorted(FUNCS) == [
        "fromJson",
        "mustFromJson",
        "mustToJson",
        "mustToPrettyJson",
        "mustToRawJson",
        "toJson",
        "toPrettyJson",
        "toRawJson",
    ]


SPRIG_ROWS = [
    ("toJson", {"a": "<x>"}, '{"a":"\\u003cx\\u003e"}'),
    ("toPrettyJson", {"a": [1]}, '{\n  "a": [\n    1\n  ]\n}'),
    ("toRawJson", {"a": "<x>"}, '{"a":"<x>"}'),
    ("fromJson", '{"a":1}', {"a": 1.0}),
    ("fromJson", "[1,", None),
    ("toJson", math.nan, ""),
    ("toPrettyJson", math.inf, ""),
]


@pytest.mark.parametrize(
    ("name", "arg", "want"), SPRIG_ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(SPRIG_ROWS)]
)
def test_sprig_functions(name: str, arg: object, want: object) -> None:
    assert _call(name, arg) == want


@pytest.mark.parametrize(
    ("name", "arg", "msg"),
    [
        ("mustToJson", math.nan, "json: unsupported value: NaN"),
        ("mustToPrettyJson", math.nan, "json: unsupported value: NaN"),
        ("mustToRawJson", -math.inf, "json: unsupported value: -Inf"),
        ("toRawJson", math.nan, "json: unsupported value: NaN"),  # Sprig panics; the call fails
        ("mustFromJson", "{", "unexpected end of JSON input"),
        ("mustFromJson", "{]", "invalid character ']' looking for beginning of object key string"),
    ],
)
def test_sprig_errors(name: str, arg: object, msg: str) -> None:
    with pytest.raises(FuncError) as err:
        _call(name, arg)
    assert str(err.value) == msg
