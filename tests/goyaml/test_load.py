"""YAML reading as Helm v4 does it (sigs.k8s.io/yaml over go-yaml v2, LoadValues).

``_goyaml_load_rows`` holds Helm-observed results: LOAD_ROWS from chartutil.ReadValues (one
document) and VALUES_ROWS from loading a chart's values.yaml (documents merged).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _goyaml_load_rows import LOAD_ROWS, VALUES_ROWS

from _same import same
from chartist.goyaml import (
    YAMLError,
    load,
    load_all,
    load_list,
    load_map,
    load_values,
    read_values,
    split_documents,
)

# Go iterates a map in random order when two YAML keys turn into the same JSON key (1 and
# "1", or two floats equal as float32), so Helm's own result varies for these rows.
_RANDOM_COLLISIONS = {'1: a\n"1": b\n', "0.1: x\n1e100: y\n.inf: z\n-.inf: w\n.nan: v\n"}


@pytest.mark.parametrize("row", LOAD_ROWS, ids=[f"{i}-{r[0][:30]!r}" for i, r in enumerate(LOAD_ROWS)])
def test_load(row: tuple) -> None:
    text = row[0]
    if text in _RANDOM_COLLISIONS:
        pytest.skip("Helm's result depends on Go's map order")
    if len(row) == 3:
        with pytest.raises(YAMLError) as err:
            load(text)
        assert str(err.value) == row[2]
        return
    got = load(text)
    assert same({} if got is None else got, row[1])


@pytest.mark.parametrize("row", VALUES_ROWS, ids=[f"{i}-{r[0][:30]!r}" for i, r in enumerate(VALUES_ROWS)])
def test_read_values(row: tuple) -> None:
    text = row[0]
    if len(row) == 3:
        with pytest.raises(YAMLError) as err:
            read_values(text)
        assert "cannot load values.yaml: " + str(err.value) == row[2]
        return
    assert same(read_values(text), row[1])


def test_numbers_are_float64() -> None:
    v = load("a: 1\nb: 0x10\nc: 1e3\nd: 9223372036854775808\ne: -0")
    assert v == {"a": 1.0, "b": 16.0, "c": 1000.0, "d": 9223372036854775808.0, "e": 0.0}
    assert all(type(x) is float for x in v.values())


def test_aliases_are_fresh_copies() -> None:
    v = load("a: &x {k: [1]}\nb: *x")
    v["a"]["k"].append(2)
    assert v["b"] == {"k": [1.0]}


def test_excessive_aliasing() -> None:
    text = "a: &a [" + ",".join(["x"] * 10) + "]\n"
    for i in range(1, 10):
        text += f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 10) + "]\n"
    with pytest.raises(YAMLError) as err:
        load(text)
    assert str(err.value) == "error converting YAML to JSON: yaml: document contains excessive aliasing"


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    with pytest.raises(YAMLError, match="exceeded max depth of 10000"):
        load("[" * 100_000)
    assert load("a: " + "[" * 1500 + "]" * 1500) is not None


def test_first_document_only() -> None:
    assert load("a: 1\n---\nb: [") == {"a": 1.0}
    assert load("") is None
    assert load("# nothing\n") is None


def test_bytes_and_invalid_utf8() -> None:
    assert load(b"a: \xc3\xa9") == {"a": "é"}
    with pytest.raises(YAMLError) as err:
        load(b"a: \xff")
    assert str(err.value) == "error converting YAML to JSON: yaml: invalid leading UTF-8 octet"


MAP_LIST_ROWS = [
    ("map", "a: 1", {"a": 1.0}, None),
    ("map-null", "~", {}, None),
    ("map-empty", "", {}, None),
    (
        "map-of-list",
        "- a",
        None,
        "json: cannot unmarshal array into Go value of type map[string]interface {}",
    ),
    (
        "map-of-number",
        "12",
        None,
        "json: cannot unmarshal number into Go value of type map[string]interface {}",
    ),
    (
        "map-of-bool",
        "true",
        None,
        "json: cannot unmarshal bool into Go value of type map[string]interface {}",
    ),
    (
        "map-of-string",
        '"x"',
        None,
        "json: cannot unmarshal string into Go value of type map[string]interface {}",
    ),
]


@pytest.mark.parametrize(
    ("text", "want", "err"), [r[1:] for r in MAP_LIST_ROWS], ids=[r[0] for r in MAP_LIST_ROWS]
)
def test_load_map(text: str, want: object, err: str | None) -> None:
    # Helm's fromYaml (observed): the message is prefixed by sigs.k8s.io/yaml's stage.
    if err is None:
        assert load_map(text) == want
    else:
        with pytest.raises(YAMLError) as e:
            load_map(text)
        assert str(e.value) == "error unmarshaling JSON: while decoding JSON: " + err


def test_load_list() -> None:
    assert load_list("- a\n- 1") == ["a", 1.0]
    assert load_list("") == []
    with pytest.raises(YAMLError) as e:
        load_list("a: 1")
    assert str(e.value) == (
        "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}"
    )


SPLIT_ROWS = [
    ("one", b"a: 1\n", [b"a: 1\n"]),
    ("two", b"a: 1\n---\nb: 2\n", [b"a: 1\n", b"b: 2\n"]),
    ("empty-docs", b"---\n---\na: 1\n---\n", [b"a: 1\n"]),
    ("comment-after", b"a: 1\n--- # c\nb: 2", [b"a: 1\n", b"b: 2\n"]),
    ("crlf", b"a: 1\r\n---\r\nb: 2\r\n", [b"a: 1\n", b"b: 2\n"]),
    ("last-line-cr", b"a: 1\r", [b"a: 1\r\n"]),
    ("indented-dashes", b"a: |\n  ---\n", [b"a: |\n  ---\n"]),
]


@pytest.mark.parametrize(("data", "want"), [r[1:] for r in SPLIT_ROWS], ids=[r[0] for r in SPLIT_ROWS])
def test_split_documents(data: bytes, want: list[bytes]) -> None:
    assert list(split_documents(data)) == want


def test_load_all() -> None:
    assert load_all("a: 1\n---\n- x\n---\n# c\n") == [{"a": 1.0}, ["x"], None]
    with pytest.raises(YAMLError, match="invalid Yaml document separator: x"):
        load_all("a: 1\n--- x\n")


def test_load_values_file(tmp_path: Path) -> None:
    f = tmp_path / "v.yaml"
    f.write_text("a: 1\n---\nb: {c: yes}\n")
    assert load_values(f) == {"a": 1.0, "b": {"c": True}}
    f.write_text("a: [\n")
    with pytest.raises(YAMLError) as err:
        load_values(f)
    assert str(err.value) == (
        f"failed to parse {f}: cannot unmarshal yaml document: error converting YAML to JSON: "
        "yaml: line 1: did not find expected node content"
    )
    missing = tmp_path / "nope.yaml"
    with pytest.raises(YAMLError) as err:
        load_values(missing)
    assert str(err.value) == f"open {missing}: no such file or directory"
