"""values.schema.json validation with Helm v4.2.3's reports (santhosh-tekuri/jsonschema)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from chartist.chart import (
    File,
    SchemaValidationError,
    coalesce_values,
    load,
    load_files,
    process_dependencies,
    schema_report,
    validate_values,
)

CHART_YAML = b"apiVersion: v2\nname: c\nversion: 0.1.0\n"

# (values.schema.json, values, Helm's report for chart "c" or None when valid)
ROWS: list[tuple[str, dict[str, Any], str | None]] = [
    ('{"type":"object","required":["a","b","c"]}', {"a": 1}, "c:\n- at '': missing properties 'b', 'c'\n"),
    (
        '{"properties":{"e":{"enum":["a","b",1,null,true]}}}',
        {"e": "c"},
        "c:\n- at '/e': value must be one of 'a', 'b', 1, <nil>, true\n",
    ),
    ('{"properties":{"e":{"enum":["a"]}}}', {"e": "c"}, "c:\n- at '/e': value must be 'a'\n"),
    ('{"properties":{"e":{"enum":[[1],{"a":1}]}}}', {"e": "c"}, "c:\n- at '/e': 'enum' failed\n"),
    (
        '{"properties":{"s":{"pattern":"^[a-z]+$","minLength":3,"maxLength":4}}}',
        {"s": "AB12345"},
        "c:\n- at '/s': maxLength: got 7, want 4\n- at '/s': 'AB12345' does not match pattern '^[a-z]+$'\n",
    ),
    (
        '{"additionalProperties":{"type":"string"}}',
        {"a": 1, "b": "x"},
        "c:\n- at '/a': got number, want string\n",
    ),
    (
        '{"patternProperties":{"^x":{"type":"string"}}}',
        {"xa": 1, "y": 1},
        "c:\n- at '/xa': got number, want string\n",
    ),
    (
        '{"properties":{"l":{"type":"array","items":{"type":"string"},"minItems":5,"uniqueItems":true}}}',
        {"l": ["a", 1, "a"]},
        "c:\n- at '/l': minItems: got 3, want 5\n- at '/l': items at 0 and 2 are equal\n- at '/l/1': got number, want string\n",
    ),
    (
        '{"properties":{"l":{"type":"array","prefixItems":[{"type":"string"}],"items":{"type":"number"}}}}',
        {"l": [1, "x", "y"]},
        "c:\n- at '/l/0': got number, want string\n- at '/l/0': got string, want number\n- at '/l/1': got string, want number\n",
    ),
    (
        '{"$schema": "http://json-schema.org/draft-07/schema#","properties":{"l":{"type":"array","items":[{"type":"string"}],"additionalItems":false}}}',
        {"l": ["a", 1, 2]},
        "c:\n- at '/l': last 2 additionalItem(s) not allowed\n",
    ),
    (
        '{"$schema": "http://json-schema.org/draft-07/schema#","properties":{"l":{"type":"array","items":[{"type":"string"}],"additionalItems":{"type":"string"}}}}',
        {"l": ["a", 1, 2]},
        "c:\n- at '/l/0': got number, want string\n- at '/l/1': got number, want string\n",
    ),
    (
        '{"properties":{"a":{"anyOf":[{"type":"string"},{"type":"number","minimum":10}]}}}',
        {"a": 5},
        "c:\n- at '/a': 'anyOf' failed\n  - at '/a': got number, want string\n  - at '/a': minimum: got 5, want 10\n",
    ),
    (
        '{"properties":{"a":{"oneOf":[{"type":"string"},{"type":"number","minimum":10}]}}}',
        {"a": 5},
        "c:\n- at '/a': 'oneOf' failed, none matched\n  - at '/a': got number, want string\n  - at '/a': minimum: got 5, want 10\n",
    ),
    (
        '{"properties":{"a":{"oneOf":[{"type":"number"},{"minimum":1}]}}}',
        {"a": 5},
        "c:\n- at '/a': 'oneOf' failed, subschemas 0, 1 matched\n",
    ),
    (
        '{"properties":{"a":{"allOf":[{"type":"number"},{"minimum":10},{"maximum":2}]}}}',
        {"a": 5},
        "c:\n- at '/a': 'allOf' failed\n  - at '/a': minimum: got 5, want 10\n  - at '/a': maximum: got 5, want 2\n",
    ),
    ('{"properties":{"a":{"not":{"type":"number"}}}}', {"a": 5}, "c:\n- at '/a': 'not' failed\n"),
    (
        '{"$schema": "http://json-schema.org/draft-07/schema#","if":{"properties":{"k":{"const":"x"}}},"then":{"required":["t"]},"else":{"required":["e"]}}',
        {"k": "x"},
        "c:\n- at '': missing property 't'\n",
    ),
    (
        '{"$schema": "http://json-schema.org/draft-07/schema#","if":{"properties":{"k":{"const":"x"}}},"then":{"required":["t"]},"else":{"required":["e"]}}',
        {"k": "y"},
        "c:\n- at '': missing property 'e'\n",
    ),
    (
        '{"$schema": "http://json-schema.org/draft-07/schema#","definitions":{"p":{"type":"integer","minimum":3}},"properties":{"x":{"$ref":"#/definitions/p","maximum":0}}}',
        {"x": 2},
        "c:\n- at '/x': minimum: got 2, want 3\n",
    ),
    ('{"properties":{"x":{"type":"integer"}}}', {"x": 1.0}, None),
    (
        '{"$schema": "http://json-schema.org/draft-04/schema#","properties":{"x":{"type":"integer","maximum":5,"exclusiveMaximum":true}}}',
        {"x": 5.0},
        "c:\n- at '/x': exclusiveMaximum: got 5, want 5\n",
    ),
    (
        '{"properties":{"x":{"exclusiveMinimum":5,"exclusiveMaximum":1}}}',
        {"x": 5},
        "c:\n- at '/x': exclusiveMinimum: got 5, want 5\n- at '/x': exclusiveMaximum: got 5, want 1\n",
    ),
    (
        '{"properties":{"x":{"minimum":1e2, "maximum":0.0001}}}',
        {"x": 1000000},
        "c:\n- at '/x': maximum: got 1×10⁰⁶, want 0.0001\n",
    ),
    ('{"properties":{"e":{"format":"email"}}}', {"e": "nope"}, None),
    (
        '{"minProperties":3,"maxProperties":1}',
        {"a": 1, "b": 2},
        "c:\n- at '': minProperties: got 2, want 3\n- at '': maxProperties: got 2, want 1\n",
    ),
    ('{"dependentRequired":{"a":["b"]}}', {"a": 1}, "c:\n- at '': properties 'b' required, if 'a' exists\n"),
    (
        '{"$schema": "http://json-schema.org/draft-07/schema#","propertyNames":{"pattern":"^[a-z]+$","maxLength":3}}',
        {"ABCD": 1, "ok": 2},
        "c:\n- at '': invalid propertyName 'ABCD'\n  - at '': maxLength: got 4, want 3\n  - at '': 'ABCD' does not match pattern '^[a-z]+$'\n",
    ),
    (
        '{"properties":{"c":{"contains":{"type":"string"}}}}',
        {"c": [1, 2]},
        "c:\n- at '/c': no items match contains schema\n  - at '/c/0': got number, want string\n  - at '/c/1': got number, want string\n",
    ),
    (
        '{"properties":{"c":{"contains":{"type":"string"},"minContains":2,"maxContains":0}}}',
        {"c": ["a", 1]},
        "c:\n- at '/c': min 2 items required to match contains schema, but matched 1 items at 0\n  - at '/c/1': got number, want string\n- at '/c': max 0 items required to match contains schema, but matched 1 items at 0\n",
    ),
    (
        '{"unevaluatedProperties":false,"properties":{"a":{}},"allOf":[{"properties":{"b":{}}}]}',
        {"a": 1, "b": 2, "c": 3},
        "c:\n- at '/c': false schema\n",
    ),
    (
        '{"properties":{"a":{"type":"object","properties":{"b":{"type":"object","properties":{"c":{"type":"string","minLength":2}}}}}}}',
        {"a": {"b": {"c": 1}}},
        "c:\n- at '/a/b/c': got number, want string\n",
    ),
    (
        '{"properties":{"a":{"type":"object","properties":{"b":{"minimum":2,"multipleOf":3}}}}}',
        {"a": {"b": 1}},
        "c:\n- at '/a/b': minimum: got 1, want 2\n- at '/a/b': multipleOf: got 1, want 3\n",
    ),
    (
        '{"properties":{"x":{"$ref":"#/$defs/nope"}}}',
        {"x": 1},
        'c:\njson-pointer in "file:///values.schema.json#/$defs/nope" not found',
    ),
    ('{"properties":{"x":false}}', {"x": 1}, "c:\n- at '/x': false schema\n"),
    (
        '{"type":"object","properties":{"replicaCount":{"type":"number"}}}',
        {"replicaCount": "3"},
        "c:\n- at '/replicaCount': got string, want number\n",
    ),
    (
        '{"properties":{"x":{"type":"strin"}}}',
        {"x": 1},
        "c:\n\"file:///values.schema.json#\" is not valid against metaschema: jsonschema validation failed with 'https://json-schema.org/draft/2020-12/schema#'\n- at '': 'allOf' failed\n  - at '/properties/x': 'allOf' failed\n    - at '/properties/x/type': 'anyOf' failed\n      - at '/properties/x/type': value must be one of 'array', 'boolean', 'integer', 'null', 'number', 'object', 'string'\n      - at '/properties/x/type': got string, want array",
    ),
    (
        '{"properties":{"x":{"minimum":"a"}}}',
        {"x": 1},
        "c:\n\"file:///values.schema.json#\" is not valid against metaschema: jsonschema validation failed with 'https://json-schema.org/draft/2020-12/schema#'\n- at '': 'allOf' failed\n  - at '/properties/x': 'allOf' failed\n    - at '/properties/x/minimum': got string, want number",
    ),
    ('{"properties": {"a": 1', {"x": 1}, "c:\nunexpected EOF"),
    ('{"a":1} x', {"x": 1}, "c:\ninvalid character after top-level value"),
    ("", {"x": 1}, "c:\nEOF"),
    (
        '{"properties":{"x":{"pattern":"(?=a)"}}}',
        {"x": "a"},
        "c:\n\"file:///values.schema.json#\" is not valid against metaschema: jsonschema validation failed with 'https://json-schema.org/draft/2020-12/schema#'\n- at '': 'allOf' failed\n  - at '/properties/x': 'allOf' failed\n    - at '/properties/x/pattern': '(?=a)' is not valid regex: error parsing regexp: invalid or unsupported Perl syntax: `(?=`",
    ),
    (
        '{"$ref":"#/$defs/a","$defs":{"a":{"properties":{"q":{"type":"string"}},"required":["r","s"]}}}',
        {"q": 1},
        "c:\n- at '': validation failed\n  - at '': missing properties 'r', 's'\n  - at '/q': got number, want string\n",
    ),
    (
        '{"properties":{"x":{"type":"string","enum":["a"]}}}',
        {"x": 1},
        "c:\n- at '/x': got number, want string\n",
    ),
    (
        '{"properties":{"x":{"type":"string","enum":["a"],"minLength":5}}}',
        {"x": "b"},
        "c:\n- at '/x': value must be 'a'\n",
    ),
    (
        '{"properties":{"q":{"pattern":"\'\\\\"x"}}}',
        {"q": "a'b\"c\n"},
        "c:\ninvalid character 'x' after object key:value pair",
    ),
    (
        '{"$schema": "http://json-schema.org/draft-07/schema#","properties":{"x":{"type":"strin"}}}',
        {"x": 1},
        "c:\n\"file:///values.schema.json#\" is not valid against metaschema: jsonschema validation failed with 'http://json-schema.org/draft-07/schema#'\n- at '/properties/x/type': 'anyOf' failed\n  - at '/properties/x/type': value must be one of 'array', 'boolean', 'integer', 'null', 'number', 'object', 'string'\n  - at '/properties/x/type': got string, want array",
    ),
    (
        '{"$schema": "http://json-schema.org/draft-04/schema#","properties":{"x":{"type":"strin"}}}',
        {"x": 1},
        "c:\n\"file:///values.schema.json#\" is not valid against metaschema: jsonschema validation failed with 'http://json-schema.org/draft-04/schema#'\n- at '/properties/x/type': 'anyOf' failed\n  - at '/properties/x/type': value must be one of 'array', 'boolean', 'integer', 'null', 'number', 'object', 'string'\n  - at '/properties/x/type': got string, want array",
    ),
    (
        '{"$schema": "https://json-schema.org/draft/2019-09/schema","properties":{"x":{"type":"strin"}}}',
        {"x": 1},
        "c:\n\"file:///values.schema.json#\" is not valid against metaschema: jsonschema validation failed with 'https://json-schema.org/draft/2019-09/schema#'\n- at '': 'allOf' failed\n  - at '/properties/x': 'allOf' failed\n    - at '/properties/x/type': 'anyOf' failed\n      - at '/properties/x/type': value must be one of 'array', 'boolean', 'integer', 'null', 'number', 'object', 'string'\n      - at '/properties/x/type': got string, want array",
    ),
    (
        '{"$schema": "http://json-schema.org/draft-07/schema#","properties":{"x":{"pattern":"(?=a)"}}}',
        {"x": 1},
        "c:\n\"file:///values.schema.json#\" is not valid against metaschema: jsonschema validation failed with 'http://json-schema.org/draft-07/schema#'\n- at '/properties/x/pattern': '(?=a)' is not valid regex: error parsing regexp: invalid or unsupported Perl syntax: `(?=`",
    ),
    (
        '{"$schema": "http://json-schema.org/draft-07/schema#","$id": "not a uri ref\\\\", "type":"object"}',
        {"x": 1},
        "c:\n\"file:///values.schema.json#\" is not valid against metaschema: jsonschema validation failed with 'http://json-schema.org/draft-07/schema#'\n- at '/$id': 'not a uri ref\\' is not valid uri-reference: contains \\",
    ),
    ('{"properties":{"x":{"$ref":"urn:foo:bar"}}}', {"x": 1}, None),
    (
        '{"$id":"http://example.com/root.json","$defs":{"a":{"$id":"a.json","type":"string"}},"properties":{"x":{"$ref":"a.json"}}}',
        {"x": 1},
        "c:\n- at '/x': got number, want string\n",
    ),
    (
        '{"$defs":{"a":{"$anchor":"foo","type":"string"}},"properties":{"x":{"$ref":"#foo"}}}',
        {"x": 1},
        "c:\n- at '/x': got number, want string\n",
    ),
    (
        '{"$schema": "http://json-schema.org/draft-07/schema#","definitions":{"a":{"$id":"#foo","type":"string"}},"properties":{"x":{"$ref":"#foo"}}}',
        {"x": 1},
        "c:\n- at '/x': got number, want string\n",
    ),
    (
        '{"$ref":"#/$defs/node","$defs":{"node":{"type":"object","properties":{"child":{"$ref":"#/$defs/node"},"v":{"type":"string"}}}}}',
        {"child": {"child": {"v": 1}}},
        "c:\n- at '/child/child/v': got number, want string\n",
    ),
    ('{"properties":{"x":{"const":"a\'b\\"c"}}}', {"x": 1}, "c:\n- at '/x': value must be 'a\\'b\"c'\n"),
    (
        '{"properties":{"x":{"enum":["a\'b", "c\\nd", 1.50, 1e3]}}}',
        {"x": 2},
        "c:\n- at '/x': value must be one of 'a\\'b', 'c\\nd', 1.50, 1e3\n",
    ),
    (
        '{"properties":{"x":{"type":"array","items":{"type":"object","required":["n"]}}}}',
        {"x": [{"n": 1}, {}, {"m": 2}]},
        "c:\n- at '/x/1': missing property 'n'\n- at '/x/2': missing property 'n'\n",
    ),
    (
        '{"properties":{"x":{"type":"object","properties":{"a/b~c":{"type":"string"}}}}}',
        {"x": {"a/b~c": 1}},
        "c:\n- at '/x/a~1b~0c': got number, want string\n",
    ),
    ('{"properties":{"x":{"minLength":2}}}', {"x": "é"}, "c:\n- at '/x': minLength: got 1, want 2\n"),
    (
        '{"properties":{"x":{"pattern":"^\\\\d+$"}}}',
        {"x": "١٢"},
        "c:\n- at '/x': '١٢' does not match pattern '^\\\\d+$'\n",
    ),
    (
        '{"properties":{"x":{"pattern":"^a$"}}}',
        {"x": "a\n"},
        "c:\n- at '/x': 'a\\n' does not match pattern '^a$'\n",
    ),
    (
        '{"properties":{"x":{"anyOf":[{"$ref":"#/$defs/a"},{"$ref":"#/$defs/b"}]}},"$defs":{"a":{"type":"string","minLength":5},"b":{"type":"object","required":["q","r"]}}}',
        {"x": "ab"},
        "c:\n- at '/x': 'anyOf' failed\n  - at '/x': minLength: got 2, want 5\n  - at '/x': got string, want object\n",
    ),
    (
        '{"properties":{"x":{"$ref":"#/$defs/a"}},"$defs":{"a":{"allOf":[{"minimum":5},{"maximum":1}]}}}',
        {"x": 3},
        "c:\n- at '/x': 'allOf' failed\n  - at '/x': minimum: got 3, want 5\n  - at '/x': maximum: got 3, want 1\n",
    ),
    ('{"properties":{"x":{"type":"integer"}}}', {"x": 1.5}, "c:\n- at '/x': got number, want integer\n"),
    (
        '{"$schema": "http://json-schema.org/draft-04/schema#","properties":{"x":{"type":"integer"}}}',
        {"x": 2.0},
        None,
    ),
    (
        '{"properties":{"x":{"uniqueItems":true}}}',
        {"x": [1, {"a": [1]}, 2, {"a": [1.0]}]},
        "c:\n- at '/x': items at 1 and 3 are equal\n",
    ),
    ('{"properties":{"x":{"multipleOf":0.1}}}', {"x": 0.3}, None),
    (
        '{"properties":{"x":{"multipleOf":0.01}}}',
        {"x": 0.035},
        "c:\n- at '/x': multipleOf: got 0.035, want 0.01\n",
    ),
    (
        '{"type":"object","properties":{"g":{"type":"string"}}}',
        {"global": {}, "g": 1},
        "c:\n- at '/g': got number, want string\n",
    ),
    (
        '{"properties":{"x":{"propertyNames":{"maxLength":2}}}}',
        {"x": {"abc": 1}},
        "c:\n- at '': invalid propertyName 'abc'\n  - at '': maxLength: got 3, want 2\n",
    ),
    (
        '{"properties":{"x":{"if":{"type":"string"},"then":{"minLength":3},"else":{"type":"number"}}}}',
        {"x": True},
        "c:\n- at '/x': got boolean, want number\n",
    ),
    (
        '{"properties":{"x":{"dependentSchemas":{"a":{"required":["b"]}}}}}',
        {"x": {"a": 1}},
        "c:\n- at '/x': missing property 'b'\n",
    ),
    (
        '{"properties":{"x":{"unevaluatedItems":false,"prefixItems":[{}]}}}',
        {"x": [1, 2, 3]},
        "c:\n- at '/x/1': false schema\n- at '/x/2': false schema\n",
    ),
    (
        '{"properties":{"x":{"maxContains":1,"contains":{"type":"number"}}}}',
        {"x": [1, 2, 3]},
        "c:\n- at '/x': max 1 items required to match contains schema, but matched 3 items at 0 1 2\n",
    ),
    ("true", {"x": 1}, None),
    ("false", {"x": 1}, "c:\n- at '': false schema\n"),
    (
        "[]",
        {"x": 1},
        "c:\n\"file:///values.schema.json#\" is not valid against metaschema: jsonschema validation failed with 'https://json-schema.org/draft/2020-12/schema#'\n- at '': got array, want boolean or object",
    ),
    ('{"properties":{"x":{"format":"email"}}}', {"x": "nope"}, None),
    (
        '{"$schema": "http://json-schema.org/draft-07/schema#","properties":{"y":{"format":"uuid"}}}',
        {"y": "1234"},
        "c:\n- at '/y': '1234' is not valid uuid: must have 5 elements\n",
    ),
    (
        '{"$schema": "http://json-schema.org/draft-07/schema#","properties":{"y":{"format":"date"}}}',
        {"y": "2020-13-01"},
        "c:\n- at '/y': '2020-13-01' is not valid date: parsing time \"2020-13-01\": month out of range\n",
    ),
    (
        '{"$schema": "http://json-schema.org/draft-07/schema#","properties":{"y":{"format":"time"}}}',
        {"y": "25:00:00Z"},
        "c:\n- at '/y': '25:00:00Z' is not valid time: hour/min/sec out of range\n",
    ),
    # Patterns are Go's regexp: its syntax and classes, and linear time on patterns that make a
    # backtracking engine run for hours (2**40 ways to split the value here).
    (
        '{"properties":{"x":{"pattern":"^(a|a)+$"}}}',
        {"x": "a" * 40 + "b"},
        "c:\n- at '/x': 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab' does not match pattern '^(a|a)+$'\n",
    ),
    ('{"properties":{"x":{"pattern":"^(a|a)+$"}}}', {"x": "a" * 40}, None),
    (
        '{"patternProperties":{"^(a+)+$":{"type":"string"}}}',
        {"a" * 40 + "b": 1, "aaa": 2},
        "c:\n- at '/aaa': got number, want string\n",
    ),
    ('{"properties":{"x":{"pattern":"^\\\\pL+$"}}}', {"x": "héllo"}, None),
    (
        '{"properties":{"x":{"pattern":"^\\\\p{Greek}+$"}}}',
        {"x": "abc"},
        "c:\n- at '/x': 'abc' does not match pattern '^\\\\p{Greek}+$'\n",
    ),
    (
        '{"properties":{"x":{"pattern":"^[[:^alpha:]]+$"}}}',
        {"x": "ab1"},
        "c:\n- at '/x': 'ab1' does not match pattern '^[[:^alpha:]]+$'\n",
    ),
    ('{"properties":{"x":{"pattern":"(?i)^K$"}}}', {"x": "\u212a"}, None),
    (
        '{"properties":{"x":{"pattern":"a{1001}"}}}',
        {"x": "a"},
        "c:\n\"file:///values.schema.json#\" is not valid against metaschema: jsonschema validation failed with 'https://json-schema.org/draft/2020-12/schema#'\n- at '': 'allOf' failed\n  - at '/properties/x': 'allOf' failed\n    - at '/properties/x/pattern': 'a{1001}' is not valid regex: error parsing regexp: invalid repeat count: `{1001}`",
    ),
    (
        '{"$schema": "http://json-schema.org/draft-07/schema#","properties":{"x":{"format":"regex"}}}',
        {"x": "\\p{Foo}"},
        "c:\n- at '/x': '\\\\p{Foo}' is not valid regex: error parsing regexp: invalid character class range: `\\p{Foo}`\n",
    ),
]


@pytest.mark.parametrize(
    ("schema", "values", "want"), ROWS, ids=[f"{i}:{r[0][:50]}" for i, r in enumerate(ROWS)]
)
def test_schema_like_helm(schema: str, values: dict[str, Any], want: str | None) -> None:
    chart = load_files([File("Chart.yaml", CHART_YAML), File("values.schema.json", schema.encode())])
    report = schema_report(chart, coalesce_values(chart, values))
    assert (report or None) == want
    if want is None:
        validate_values(chart, values)
    else:
        with pytest.raises(SchemaValidationError) as exc:
            validate_values(chart, values)
        assert str(exc.value) == SchemaValidationError.HEADER + want


@pytest.mark.parametrize(
    ("schema", "want"),
    [
        (
            '{"properties":{"x":{"$ref":"file:///etc/passwd"}}}',
            'c:\nfailing loading "file:///etc/passwd": chartist does not read files or fetch URLs referenced by values.schema.json',
        ),
        (
            '{"properties":{"x":{"$ref":"https://example.com/s.json#/a"}}}',
            'c:\nfailing loading "https://example.com/s.json": chartist does not read files or fetch URLs referenced by values.schema.json',
        ),
        (
            '{"properties":{"x":{"$ref":"other.json"}}}',
            'c:\nfailing loading "file:///other.json": chartist does not read files or fetch URLs referenced by values.schema.json',
        ),
        (
            '{"$schema":"http://example.com/meta","type":"object"}',
            'c:\nfailing loading "http://example.com/meta": unknown metaschema; chartist does not fetch metaschemas',
        ),
    ],
    ids=["file", "https", "relative", "metaschema"],
)
def test_external_references_are_refused(schema: str, want: str) -> None:
    chart = load_files([File("Chart.yaml", CHART_YAML), File("values.schema.json", schema.encode())])
    assert schema_report(chart, {"x": 1}) == want


def test_subcharts_are_validated_under_their_names() -> None:
    files = [
        File("Chart.yaml", CHART_YAML),
        File("values.schema.json", b'{"properties":{"top":{"type":"string"}}}'),
        File("charts/s/Chart.yaml", b"apiVersion: v2\nname: s\nversion: 1.0.0\n"),
        File("charts/s/values.schema.json", b'{"required":["need"]}'),
        File("charts/t/Chart.yaml", b"apiVersion: v2\nname: t\nversion: 1.0.0\n"),
        File("charts/t/values.schema.json", b"{}"),
    ]
    chart = load_files(files)
    values = coalesce_values(chart, {"top": 1})
    assert (
        schema_report(chart, values)
        == "c:\n- at '/top': got number, want string\ns:\n- at '': missing property 'need'\n"
    )
    values["t"] = "scalar"
    assert schema_report(chart, values).endswith(
        "t:\ninvalid type for values: expected object (map), got string\n"
    )


def _cases(shared: Path) -> list[Path]:
    return sorted((shared / "conformance" / "cases").iterdir())


def test_conformance_schema_errors(shared_dir: Path) -> None:
    """Every conformance case whose expected error is a schema report gets exactly it."""
    from chartist.goyaml import load_values

    checked = 0
    for case in _cases(shared_dir):
        error = case / "expected" / "error.txt"
        meta = json.loads((case / "case.json").read_text())
        chart = load(shared_dir / "conformance" / "charts" / meta["chart"])
        user = load_values(case / "values.yaml")
        chart = process_dependencies(chart, user)
        values = coalesce_values(chart, user)
        want = error.read_text() if error.exists() else ""
        if want.startswith(SchemaValidationError.HEADER):
            with pytest.raises(SchemaValidationError) as exc:
                validate_values(chart, values)
            assert str(exc.value).rstrip("\n") == want.rstrip("\n"), case.name
            checked += 1
        elif not error.exists() or (case / "expected" / "render.json").exists():
            validate_values(chart, values)  # valid values stay valid
    assert checked >= 3
