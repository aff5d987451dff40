"""The metaschema fast path agrees with the general validator: "certainly valid" only when valid."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chartist.chart._jsonschema import load_metaschema
from chartist.chart._jsonschema_meta import TABLES, UNHANDLED, certainly_valid
from chartist.chart.schema import _META, _meta_schema, parse_json

CONFORMANCE = Path(__file__).resolve().parents[3] / "shared" / "conformance" / "charts"


def _full_valid(doc: Any, draft: int) -> bool:
    return _meta_schema(_META[draft]).validate(doc) is None


def _constrained(draft: int) -> set[str]:
    """The keywords the draft's metaschema (and, for 2020-12, its vocabularies) constrains."""
    meta = load_metaschema(_META[draft])
    keys = set(meta.get("properties", {}))
    for part in meta.get("allOf", []):
        vocab = load_metaschema("https://json-schema.org/draft/2020-12/" + part["$ref"])
        keys |= set(vocab.get("properties", {}))
    return keys


@pytest.mark.parametrize("draft", sorted(TABLES))
def test_tables_cover_the_metaschema(draft: int) -> None:
    assert set(TABLES[draft]) == _constrained(draft)


# (draft, schema text, whether the general validator accepts it)
ROWS = [
    (2020, "true", True),
    (2020, "[]", False),
    (2020, '{"type":"object","properties":{"a":{"type":["string","null"]}}}', True),
    (2020, '{"type":"strin"}', False),
    (2020, '{"type":[]}', False),
    (2020, '{"type":["string","string"]}', False),
    (2020, '{"minimum":"1"}', False),
    (2020, '{"minLength":1.0}', True),
    (2020, '{"minLength":1.5}', False),
    (2020, '{"minLength":-1}', False),
    (2020, '{"multipleOf":0}', False),
    (2020, '{"required":["a","a"]}', False),
    (2020, '{"required":["a",1]}', False),
    (2020, '{"pattern":"(?=a)"}', False),
    (2020, '{"pattern":"^a+$"}', True),
    (2020, '{"patternProperties":{"(?=a)":{}}}', False),
    (2020, '{"patternProperties":{"^a":{"type":"integer"}}}', True),
    (2020, '{"allOf":[]}', False),
    (2020, '{"anyOf":[{"type":"string"},true]}', True),
    (2020, '{"items":[{"type":"string"}]}', False),
    (2020, '{"prefixItems":[{"type":"string"}],"items":false}', True),
    (2020, '{"$schema":"http://json-schema.org/schema#","description":1}', False),
    (2020, '{"$schema":"not a uri"}', False),
    (2020, '{"$ref":"#/$defs/a","$defs":{"a":{"enum":[1,2]}}}', True),
    (2020, '{"$ref":"a\\\\b"}', False),
    (2020, '{"dependencies":{"a":["b"],"c":{"type":"string"}}}', True),
    (2020, '{"dependencies":{"a":[1]}}', False),
    (2020, '{"dependentRequired":{"a":["b","b"]}}', False),
    (2020, '{"properties":{"a":{"properties":{"b":{"maxItems":"x"}}}}}', False),
    (2020, '{"x-custom":{"type":"whatever"},"form":true}', True),
    (2020, '{"$id":"http://example.com/x#frag"}', False),
    (7, '{"items":[{"type":"string"}],"additionalItems":false}', True),
    (7, '{"items":[]}', False),
    (7, '{"$defs":{"a":{"type":"nonsense"}}}', True),
    (7, '{"definitions":{"a":{"type":"nonsense"}}}', False),
    (7, '{"$id":"http://example.com/x#frag"}', True),
    (7, '{"deprecated":"not checked in draft 7"}', True),
]


@pytest.mark.parametrize(("draft", "text", "valid"), ROWS, ids=[f"{d}:{t}" for d, t, _ in ROWS])
def test_rows(draft: int, text: str, valid: bool) -> None:
    doc = parse_json(text.encode())
    assert _full_valid(doc, draft) is valid  # the row itself is right
    fast = certainly_valid(doc, draft)
    assert not (fast and not valid)
    if draft == 7 or '"$id"' not in text:
        assert fast is valid  # the fast path decides what it handles ($id is left in 2020-12)


def _conformance_schemas() -> list[Path]:
    return sorted(CONFORMANCE.rglob("values.schema.json")) if CONFORMANCE.is_dir() else []


@pytest.mark.parametrize("path", _conformance_schemas(), ids=lambda p: str(p.relative_to(CONFORMANCE)))
def test_conformance_schemas(path: Path) -> None:
    doc = parse_json(path.read_bytes())
    draft = 2020
    if isinstance(doc, dict) and isinstance(doc.get("$schema"), str):
        from chartist.chart._jsonschema import draft_of

        draft = draft_of(doc["$schema"]) or 2020
    if draft in TABLES:
        assert certainly_valid(doc, draft) == _full_valid(doc, draft)


# Random schemas built from the constrained keywords with values of every JSON type.
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.sampled_from(["0", "1", "2.5", "-1", "1.0", "1e2"]).map(float),
    st.sampled_from(["string", "object", "strin", "^a", "(?=a)", "#x", "http://x/y", "a\\b", ""]),
)


def _json(values: Any) -> Any:
    return st.recursive(
        values,
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.sampled_from(["a", "b", "^c"]), inner, max_size=2)
        ),
        max_leaves=6,
    )


def _schema_for(draft: int) -> Any:
    keys = [*sorted(k for k, kind in TABLES[draft].items() if kind != UNHANDLED), "x-other"]
    return st.recursive(
        st.booleans() | st.just({}),
        lambda inner: st.dictionaries(
            st.sampled_from(keys),
            inner
            | _json(_scalars)
            | st.lists(inner, max_size=2)
            | st.dictionaries(st.sampled_from(["a", "^b", "(?=c)"]), inner, max_size=2),
            max_size=4,
        ),
        max_leaves=10,
    )


@pytest.mark.parametrize("draft", sorted(TABLES))
def test_random_schemas_agree(draft: int) -> None:
    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(_schema_for(draft))
    def check(schema: Any) -> None:
        doc = parse_json(json.dumps(schema).encode())  # numbers as the loader keeps them
        assert certainly_valid(doc, draft) == _full_valid(doc, draft)

    check()


def _plain(v: Any) -> Any:
    """A comparable form of a decoded document (Num has no equality of its own)."""
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    if type(v).__name__ == "Num":
        return ("num", v.text)
    return v


# parse_json takes Python's json module where it agrees with Go's decoder; every row must give
# what the Go-exact decoder gives, or its error.
JSON_ROWS = [
    '{"a": 1, "b": [1.5, -0, 1e400, true, false, null], "c": {"d": "x\\ty\\u00e9"}}',
    '{"a": 1, "a": 2}',
    "  [1, 2]\n",
    '"\\ud800"',
    '"\\udc00x"',
    '"\\ud83d\\ude00"',
    '{"a": NaN}',
    "[Infinity]",
    "[01]",
    "[1,]",
    '{"a" 1}',
    "\ufeff{}",
    "[1] x",
    "",
    '"a\x01"',
]


@pytest.mark.parametrize("text", JSON_ROWS, ids=range(len(JSON_ROWS)))
def test_parse_json_matches_go_decoder(text: str) -> None:
    from chartist.chart._gojson import GoJSONError, decode
    from chartist.chart._jsonschema import Num
    from chartist.chart.errors import SchemaError

    try:
        doc, end = decode(text, 0, number=Num)
        want: Any = _plain(doc) if not text[end:].strip(" \t\r\n") else "error"
    except GoJSONError:
        want = "error"
    try:
        got: Any = _plain(parse_json(text.encode("utf-8", "surrogatepass")))
    except SchemaError:
        got = "error"
    assert got == want


def test_parse_json_invalid_utf8_and_deep_nesting() -> None:
    assert parse_json(b'["\xff"]') == ["\ufffd"]  # Go reads the stray byte as U+FFFD
    doc = parse_json(b"[" * 3000 + b"]" * 3000)  # past Python's recursion limit, within Go's
    depth = 0
    while doc:
        doc, depth = doc[0], depth + 1
    assert depth == 2999


_SPEC_URLS = [
    "http://json-schema.org/draft-03/schema#",
    "http://json-schema.org/draft-04/schema",
    "https://json-schema.org/draft-06/schema#",
    "http://json-schema.org/draft-07/schema",
    "https://json-schema.org/draft/2019-09/schema",
    "http://json-schema.org/draft/2019-09/meta/meta-data",
    "https://json-schema.org/draft/2020-12/schema",
    *(
        f"https://json-schema.org/draft/2020-12/meta/{v}"
        for v in (
            "core",
            "applicator",
            "unevaluated",
            "validation",
            "meta-data",
            "format-annotation",
            "content",
        )
    ),
]


@pytest.mark.parametrize("url", _SPEC_URLS)
def test_metaschema_files_are_the_registry_documents(url: str) -> None:
    from jsonschema_specifications import REGISTRY  # type: ignore[import-untyped]

    u = url.rstrip("#")
    for cand in (u, u + "#", u.replace("http://", "https://"), u.replace("https://", "http://")):
        try:
            want = REGISTRY.contents(cand)
            break
        except Exception:
            continue
    from chartist.chart._jsonschema import _spec_file

    assert _spec_file(u) is not None  # read from the file, not through the registry
    got = load_metaschema(url)
    assert _plain(got) == _plain(parse_json(json.dumps(want).encode()))


def test_schema_url_matches_the_validator() -> None:
    from chartist.chart import _jsonschema, schema

    assert schema.SCHEMA_URL == _jsonschema.SCHEMA_URL
