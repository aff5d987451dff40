"""Sprig's semver and semverCompare; expected values rendered by Helm v4.2.3."""

from __future__ import annotations

import pytest

from chartist.gotemplate.values import FuncError, Uint64
from chartist.sprig.semverfuncs import FUNCS, SemverVersion, SemverVersionValue

semver = FUNCS["semver"]
semver_compare = FUNCS["semverCompare"]

# semverCompare CONSTRAINT VERSION -> result or error message (after "error calling semverCompare: ").
COMPARE_ROWS = [
    (">1.0", "1.2.3", True),
    (">=1.19-0", "v1.36.0", True),
    ("<1.25-0", "v1.24.3+k3s1", True),
    (">=1.19", "1.36.0-gke.100", False),
    (">=1.19.0-0", "1.36.0-gke.100", True),
    ("^1.2.3 || ^2", "2.5.0", True),
    ("> 1.0 & x", "1.2.3", 'improper constraint: "> 1.0 & x"'),
    ("x", "bad", "invalid semantic version"),
    (">1", "bad", "invalid semantic version"),
    ("bad", "bad", 'improper constraint: "bad"'),
]


@pytest.mark.parametrize(
    ("constraint", "version", "want"), COMPARE_ROWS, ids=[f"{r[0]} {r[1]}" for r in COMPARE_ROWS]
)
def test_semver_compare(constraint, version, want):
    if isinstance(want, str):
        with pytest.raises(FuncError) as err:
            semver_compare(constraint, version)
        assert str(err.value) == want
    else:
        assert semver_compare(constraint, version) is want


def _call(obj, name, *args):
    m = obj.go_method(name)
    assert m is not None, name
    return m(*args)


def test_semver_object():
    v = semver("v1.2.3-rc.1+b")
    assert isinstance(v, SemverVersion)
    assert v.go_type == "*semver.Version"
    assert str(v) == "1.2.3-rc.1+b"
    assert _call(v, "String") == "1.2.3-rc.1+b"
    assert _call(v, "Original") == "v1.2.3-rc.1+b"
    assert [_call(v, n) for n in ("Major", "Minor", "Patch")] == [1, 2, 3]
    assert isinstance(_call(v, "Major"), Uint64)
    assert (_call(v, "Prerelease"), _call(v, "Metadata")) == ("rc.1", "b")
    assert _call(v, "MarshalJSON") == b'"1.2.3-rc.1+b"'


def test_semver_methods_as_helm():
    # {{ (semver "v1.2.3-rc.1+b").IncMinor }} -> 1.3.0 ; its type is semver.Version (no Original).
    inc = _call(semver("v1.2.3-rc.1+b"), "IncMinor")
    assert isinstance(inc, SemverVersionValue)
    assert (str(inc), inc.go_type) == ("1.3.0", "semver.Version")
    assert inc.go_method("Original") is None
    assert inc.go_method("Compare") is None
    # {{ (semver "1.2.3").Equal (semver "1.2.3+x") }} -> true
    assert _call(semver("1.2.3"), "Equal", semver("1.2.3+x")) is True
    assert _call(semver("1.2.3"), "Compare", semver("1.3")) == -1
    assert _call(semver("2.0.0"), "GreaterThan", semver("1.3")) is True
    # {{ (semver "1.2.3").SetPrerelease "01" }} -> error calling SetPrerelease: version segment starts with 0
    with pytest.raises(FuncError, match=r"^version segment starts with 0$"):
        _call(semver("1.2.3"), "SetPrerelease", "01")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("abc", "invalid semantic version"),
        ("1.2.3-01", "version segment starts with 0"),
        (
            "18446744073709551616.0.0",
            'error parsing version segment: strconv.ParseUint: parsing "18446744073709551616": value out of range',
        ),
    ],
)
def test_semver_errors(text, want):
    with pytest.raises(FuncError) as err:
        semver(text)
    assert str(err.value) == want


def test_signatures():
    assert semver.params == ("string",) and semver.error and semver.result == "*semver.Version"
    assert semver_compare.params == ("string", "string") and semver_compare.error
