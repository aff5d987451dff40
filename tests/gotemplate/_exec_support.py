"""Stand-ins for the Sprig/Helm functions and Go objects the executor tests use, with Go's types.

Only what the rows need, written to give Helm's results for those rows; the real Sprig lives in
chartist.sprig. Each has the Go signature of the original (sprig/functions.go, helm engine).
"""

from __future__ import annotations

import math
from typing import Any

from chartist.gotemplate.fmt import quote as go_quote
from chartist.gotemplate.fmt import sprint
from chartist.gotemplate.values import (
    BOOL,
    INT,
    INT64,
    INTERFACE,
    MAP,
    SLICE,
    STRING,
    STRINGS,
    FuncError,
    GoFunc,
    GoObject,
    Int64,
    StrSlice,
    method,
    type_name,
)


def _f(
    fn: Any, params: tuple[str, ...], *, variadic: bool = False, result: str = INTERFACE, error: bool = False
) -> GoFunc:
    return GoFunc(fn, params, variadic, result, error, fn.__name__)


def _to_int(v: Any) -> int:
    if v is None:
        return 0
    if isinstance(v, bool):
        return 1 if v else 0
    if isinstance(v, int):
        return int(v)
    if isinstance(v, float):
        return int(v) if math.isfinite(v) else 0
    if isinstance(v, str):
        try:
            return int(v)
        except ValueError:
            return 0
    return 0


def _strval(v: Any) -> str:
    if isinstance(v, str):
        return v
    if isinstance(v, bytes):
        return v.decode()
    return sprint(v)


class Time(GoObject):
    go_type = "time.Time"
    go_kind = "struct"


def default(d: Any, *given: Any) -> Any:
    if not given or not given[0]:
        return d
    return given[0]


def required(warn: str, val: Any) -> Any:
    if val is None or (isinstance(val, str) and val == ""):
        raise FuncError(warn)
    return val


def quote(*args: Any) -> str:
    return " ".join(go_quote(_strval(a)) for a in args if a is not None)


def dict_(*v: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for i in range(0, len(v), 2):
        out[_strval(v[i])] = v[i + 1] if i + 1 < len(v) else ""
    return out


def keys(*dicts: Any) -> StrSlice:
    out = StrSlice()
    for d in dicts:
        out.extend((d or {}).keys())
    return out


def join(sep: str, v: Any) -> str:
    if isinstance(v, str):
        return v
    if isinstance(v, list):
        return sep.join(_strval(x) for x in v if x is not None)
    return _strval(v)


def seq(*params: int) -> str:
    if len(params) == 1:
        n = params[0]
        return " ".join(str(i) for i in range(1, n + 1)) if n >= 1 else ""
    start, end = params[0], params[-1]
    step = 1 if end >= start else -1
    return " ".join(str(i) for i in range(start, end + step, step))


def include_for(tmpl_ref: list[Any]) -> GoFunc:
    """Helm's include, executing in the set held by tmpl_ref[0]."""

    def include(name: str, data: Any) -> str:
        return tmpl_ref[0].execute_template(name, data)

    return _f(include, (STRING, INTERFACE), result=STRING, error=True)


FUNCS: dict[str, GoFunc] = {
    "upper": _f(lambda s: s.upper(), (STRING,), result=STRING),
    "repeat": _f(lambda n, s: s * max(n, 0), (INT, STRING), result=STRING),
    "list": _f(lambda *v: list(v), (INTERFACE,), variadic=True, result=SLICE),
    "dict": _f(dict_, (INTERFACE,), variadic=True, result=MAP),
    "int64": _f(lambda v: Int64(_to_int(v)), (INTERFACE,), result=INT64),
    "int": _f(lambda v: _to_int(v), (INTERFACE,), result=INT),
    "splitList": _f(lambda sep, s: StrSlice(s.split(sep)), (STRING, STRING), result=STRINGS),
    "default": _f(default, (INTERFACE, INTERFACE), variadic=True),
    "required": _f(required, (STRING, INTERFACE), error=True),
    "quote": _f(quote, (INTERFACE,), variadic=True, result=STRING),
    "typeOf": _f(type_name, (INTERFACE,), result=STRING),
    "add": _f(lambda *v: Int64(sum(_to_int(x) for x in v)), (INTERFACE,), variadic=True, result=INT64),
    "sub": _f(lambda a, b: Int64(_to_int(a) - _to_int(b)), (INTERFACE, INTERFACE), result=INT64),
    "now": _f(lambda: Time(), (), result="time.Time"),
    "ternary": _f(lambda vt, vf, v: vt if v else vf, (INTERFACE, INTERFACE, BOOL)),
    "hasKey": _f(lambda d, k: k in (d or {}), (MAP, STRING), result=BOOL),
    "keys": _f(keys, (MAP,), variadic=True, result=STRINGS),
    "join": _f(join, (STRING, INTERFACE), result=STRING),
    "atoi": _f(lambda a: _to_int(a), (STRING,), result=INT),
    "seq": _f(seq, (INT,), variadic=True, result=STRING),
    "toString": _f(_strval, (INTERFACE,), result=STRING),
}


# ---------------------------------------------------------------------------------------------
# Go objects shaped like Helm v4's (observed with typeOf): .Capabilities is *common.Capabilities,
# its KubeVersion a common.KubeVersion struct, APIVersions a common.VersionSet ([]string with Has),
# .Files an engine.files map with methods.


class KubeVersion(GoObject):
    go_type = "common.KubeVersion"
    go_kind = "struct"
    go_fields = ("Version", "Major", "Minor")

    def __init__(self, version: str, major: str, minor: str) -> None:
        self.Version, self.Major, self.Minor = version, major, minor


class VersionSet(StrSlice, GoObject):
    go_type = "common.VersionSet"
    go_kind = "slice"

    @method(STRING, result=BOOL)
    def Has(self, v: str) -> bool:
        return v in self


class Capabilities(GoObject):
    go_type = "*common.Capabilities"
    go_kind = "ptr"
    go_fields = ("KubeVersion", "APIVersions")

    def __init__(self) -> None:
        self.KubeVersion = KubeVersion("v1.36.0", "1", "36")
        self.APIVersions = VersionSet(["v1", "apps/v1", "batch/v1"])


class Files(GoObject):
    go_type = "engine.files"
    go_kind = "map"

    def __init__(self, files: dict[str, str]) -> None:
        self.files = files

    def go_field(self, name: str) -> Any:
        return self.files[name]

    @method(STRING, result=STRING)
    def Get(self, name: str) -> str:
        return self.files.get(name, "")

    @method(STRING, INTERFACE, variadic=True, result=STRING)
    def Join(self, sep: str, *names: Any) -> str:
        return sep.join(str(n) for n in names)

    @method(STRING, result=STRING, error=True)
    def Must(self, name: str) -> str:
        if name not in self.files:
            raise FuncError(f"no file {name}")
        return self.files[name]


def root(values: dict[str, Any] | None = None) -> dict[str, Any]:
    """Top-level data as Helm v4 passes it (maps, and Go objects for Capabilities and Files)."""
    return {
        "Values": values or {},
        "Capabilities": Capabilities(),
        "Files": Files({"a.txt": "A"}),
        "Chart": {"Name": "c", "Version": "0.1.0"},
        "Release": {"Name": "rel", "Namespace": "default"},
    }
