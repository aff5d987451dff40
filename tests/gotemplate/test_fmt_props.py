"""Properties of chartist.gotemplate.fmt, and a random comparison with Helm v4's printf.

Floats round-trip through their shortest forms; Sprintf never raises, whatever the format and
the arguments; and (with helm-python-sdk installed) random formats and values print exactly as
Helm v4 prints them through ``printf``.
"""

from __future__ import annotations

import math
import random
import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chartist.gotemplate.fmt import format_float, format_value, json_float, quote, sprint, sprintf
from chartist.gotemplate.values import Int64, StrSlice

finite = st.floats(allow_nan=False, allow_infinity=False)


@given(finite)
def test_shortest_float_round_trips(x):
    for fmt in ("g", "e", "f", "G", "E"):
        assert float(format_float(x, fmt, -1)) == x
    assert float(json_float(x)) == x


@given(finite)
def test_v_is_shortest_g(x):
    assert sprintf("%v", x) == format_float(x) == sprint(x) == format_value(x)


@given(finite, st.integers(0, 30), st.sampled_from("eEfgG"))
def test_fixed_precision_matches_python_rounding(x, prec, fmt):
    # Go rounds exactly and half to even, like Python's %-formatting, in the same layouts.
    assert format_float(x, fmt, prec) == f"%.{prec}{fmt}" % x


@given(st.floats(width=32, allow_nan=False, allow_infinity=False))
def test_shortest_float32_round_trips(x):
    s = format_float(x, "g", -1, 32)
    assert struct.unpack("<f", struct.pack("<f", float(s)))[0] == x


# Strings include surrogate escapes: the bytes of a Go string that are not valid UTF-8.
go_text = st.text(st.one_of(st.characters(exclude_categories=("Cs",)), st.sampled_from("\udc80\udcff\ud800")))
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.integers(-(2**63), 2**63 - 1).map(Int64),
    st.floats(),
    go_text,
    st.binary(max_size=8),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(go_text, inner, max_size=4),
        st.lists(go_text, max_size=3).map(StrSlice),
    ),
    max_leaves=12,
)
formats = st.text(st.sampled_from("%%%%#0+- .*[]1239vdsqxXoObcUeEfFgGtTpw☠é|"), max_size=16)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(formats, st.lists(values, max_size=4))
def test_sprintf_never_raises(fmt, args):
    assert isinstance(sprintf(fmt, *args), str)


@settings(max_examples=200)
@given(st.lists(values, max_size=4))
def test_sprint_never_raises(args):
    assert isinstance(sprint(*args), str)
    for a in args:
        if a is not None:
            assert format_value(a) == sprintf("%v", a)


# ---------------------------------------------------------------------------------------------
# Random formats and values against Helm v4 (skipped without helm-python-sdk).


class _Val:
    """A value and the template expression that makes the same Go value."""

    def __init__(self, tpl: str, py: object) -> None:
        self.tpl, self.py = tpl, py


def _random_value(rnd: random.Random, depth: int = 0) -> _Val:
    c = rnd.randint(0, 9 if depth < 2 else 5)
    if c == 0:
        n = rnd.choice([0, 1, -1, 42, 255, -255, 0x263A, 10**12, -(2**63), 2**63 - 1, 0x110000])
        return _Val(str(n), n)
    if c == 1:
        n = rnd.choice([0, 5, -5, 65, 1 << 40])
        return _Val(f'(int64 "{n}")', Int64(n))
    if c in (2, 3):
        if rnd.random() < 0.5:
            x = struct.unpack("<d", struct.pack("<Q", rnd.getrandbits(64)))[0]
        else:
            x = rnd.choice(
                [0.0, -0.0, 1.0, 2.5, 1e6, 1e21, 1e-7, 123456.0, 0.1, math.inf, -math.inf, math.nan]
            )
        return _Val(f'(float64 "{format_float(x)}")', x)
    if c == 4:
        s = "".join(
            rnd.choice(["a", " ", "é", "日", "\n", "\x00", '"', "\\", "`", "\u00a0", "\U0001f600", "\x7f"])
            for _ in range(rnd.randint(0, 4))
        )
        return _Val(quote(s), s)
    if c == 5:
        return rnd.choice([_Val("true", True), _Val("false", False), _Val("nil", None)])
    if c in (6, 7):
        items = [_random_value(rnd, depth + 1) for _ in range(rnd.randint(0, 3))]
        return _Val("(list " + " ".join(i.tpl for i in items) + ")", [i.py for i in items])
    if c == 8:
        kv = [
            (rnd.choice(["a", "b", "é", "", "Z"]), _random_value(rnd, depth + 1))
            for _ in range(rnd.randint(0, 3))
        ]
        d = {k: v for k, v in kv}
        return _Val(
            "(dict " + " ".join(f"{quote(k)} {v.tpl}" for k, v in kv) + ")", {k: v.py for k, v in d.items()}
        )
    items = [rnd.choice(["x", "y z", "é"]) for _ in range(rnd.randint(1, 3))]
    return _Val(f'(splitList "," {quote(",".join(items))})', StrSlice(items))


def _random_directive(rnd: random.Random) -> str:
    s = "%" + "".join(rnd.choice("#0+- ") for _ in range(rnd.choice([0, 0, 1, 2])))
    if rnd.random() < 0.1:
        s += f"[{rnd.randint(0, 3)}]"
    if rnd.random() < 0.3:
        s += str(rnd.randint(0, 12))
    elif rnd.random() < 0.1:
        s += "*"
    if rnd.random() < 0.3:
        s += "." + str(rnd.randint(0, 12))
    elif rnd.random() < 0.1:
        s += rnd.choice([".", ".*"])
    return s + rnd.choice("vvvdsqxXoObcUeEfFgGtT%☠w") if rnd.random() < 0.97 else s


@pytest.mark.helm
def test_random_printf_matches_helm(tmp_path):
    import helm_python

    rnd = random.Random(20240601)
    cases = []
    for _ in range(600):
        fmt = "".join(
            _random_directive(rnd) if rnd.random() < 0.7 else rnd.choice(["|", "ab", "é"]) for _ in range(3)
        )
        args = [_random_value(rnd) for _ in range(rnd.choice([0, 1, 1, 2, 3]))]
        cases.append((fmt, args))
    sep = "\n\u2063@@\u2063\n"
    tpl = sep.join(f"{{{{ printf {quote(f)} {' '.join(a.tpl for a in args)} }}}}" for f, args in cases)
    (tmp_path / "templates").mkdir()
    (tmp_path / "Chart.yaml").write_text("apiVersion: v2\nname: fmt\nversion: 0.1.0\n")
    (tmp_path / "templates" / "x.yaml").write_text(tpl)
    out = helm_python.Chart.load(str(tmp_path)).render({}, name="rel", namespace="default")
    got = out["fmt/templates/x.yaml"].split(sep)
    assert len(got) == len(cases)
    for (fmt, args), want in zip(cases, got, strict=True):
        assert sprintf(fmt, *(a.py for a in args)) == want, (fmt, [a.py for a in args])
