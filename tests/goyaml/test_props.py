"""Properties: dump -> load gives the value back (modulo Helm's number model), load only ever
raises YAMLError, and JSON round-trips."""

from __future__ import annotations

import math
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from chartist.goyaml import YAMLError, dump, dump_json, dump_pretty, load, load_json

_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x7f\x85\ufffe\uffff"),
    max_size=40,
)
_text = _text.filter(lambda s: not any("\x80" <= c <= "\x9f" for c in s))
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(min_value=-(2**53), max_value=2**53),
    _text,
)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_text, inner, max_size=4)),
    max_leaves=20,
)


def _helm_model(v: Any) -> Any:
    """V as Helm reads it back: numbers float64 (and -0 is 0 after toYaml's JSON round trip)."""
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    if isinstance(v, int | float):
        return float(v) + 0.0
    if isinstance(v, list):
        return [_helm_model(x) for x in v]
    return {k: _helm_model(x) for k, x in v.items()}


@settings(max_examples=300, deadline=None)
@given(_values)
def test_dump_load_round_trip(v: Any) -> None:
    assert load(dump(v)) == _helm_model(v)


@settings(max_examples=200, deadline=None)
@given(_values)
def test_pretty_round_trip(v: Any) -> None:
    assert load(dump_pretty(v)) == _helm_model(v)


@settings(max_examples=200, deadline=None)
@given(_values)
def test_json_round_trip(v: Any) -> None:
    back = load_json(dump_json(v))
    assert back == _helm_model(v)


_yamlish = st.text(alphabet=list(" \t\n-:?,[]{}#&*!|>'\"%@`abc01.~<=\\é\x00\x7f"), max_size=60)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_yamlish, st.text(max_size=60), st.binary(max_size=60)))
def test_load_raises_only_yaml_error(text: Any) -> None:
    try:
        load(text)
    except YAMLError:
        pass


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(alphabet=list(' \t\n{}[],:"\\/0123456789.eE+-truefalsn'), max_size=40), st.text(max_size=20)
    )
)
def test_load_json_raises_only_yaml_error(text: str) -> None:
    try:
        v = load_json(text)
    except YAMLError:
        return
    assert not (isinstance(v, float) and (math.isnan(v) or math.isinf(v)))
