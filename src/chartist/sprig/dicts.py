"""Sprig's dictionary functions (docs/dicts.md), as Helm v4 ships them.

``merge``/``mergeOverwrite`` follow dario.cat/mergo v1.0.1 as Sprig calls it
(``mergo.Merge(&dst, src)``, with ``WithOverride`` for the overwrite variants), which for maps
of ``interface {}`` comes down to, key by key:

* a nil source value is copied only when overwriting;
* a map meeting a map is merged into the destination's map in place (so a map shared with the
  values is changed too, as in Helm); the destination keeps it unless it is still empty;
* anything else replaces the destination value when overwriting, or when the destination is
  missing or empty (nil, false, 0, "", empty list or map). Without overwrite a non-empty
  destination wins, whatever the types.

Values are not copied: the result shares maps and lists with the sources, as in Go.

``keys`` and ``values`` follow Go's map order in Sprig, which is random; here it is the sorted
order of the keys of each map, so output is stable (templates that need an order sort anyway).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chartist.gotemplate.values import MAP, NIL_MAPS, FuncError, GoFunc, NilDict, StrSlice, gofunc, type_name
from chartist.sprig.conversion import strval
from chartist.sprig.defaults import empty

__all__ = ["FUNCS", "MAX_MERGE_DEPTH", "deep_copy"]

_M = "map[string]interface {}"
_I = "interface {}"
_NO_MAP: Mapping[str, Any] = {}


@gofunc(_I, variadic=True, result=_M)
def dict_(*kv: Any) -> dict[str, Any]:
    """A map of key/value pairs; keys are converted with toString, a missing last value is ""."""
    d: dict[str, Any] = {}
    n = len(kv)
    for i in range(0, n, 2):
        d[strval(kv[i])] = kv[i + 1] if i + 1 < n else ""
    return d


@gofunc(_M, "string")
def get(d: Mapping[str, Any] | None, key: str) -> Any:
    """The value at KEY, or "" if there is none."""
    if d is None or key not in d:
        return ""
    return d[key]


@gofunc(_M, "string", _I, result=_M)
def set_(d: dict[str, Any] | None, key: str, value: Any) -> dict[str, Any]:
    """D with KEY set to VALUE (D itself is changed)."""
    if d is None or isinstance(d, NIL_MAPS):
        raise FuncError("assignment to entry in nil map")
    d[key] = value
    return d


@gofunc(_M, "string", result=_M)
def unset(d: dict[str, Any] | None, key: str) -> dict[str, Any]:
    """D without KEY (D itself is changed)."""
    if d is None:
        return NilDict()  # deleting from a nil map is a no-op: the result is still nil
    d.pop(key, None)
    return d


@gofunc(_M, "string", result="bool")
def has_key(d: Mapping[str, Any] | None, key: str) -> bool:
    """Whether D has KEY (even with a nil value)."""
    return d is not None and key in d


@gofunc("string", _M, variadic=True, result="[]interface {}")
def pluck(key: str, *dicts: Mapping[str, Any] | None) -> list[Any]:
    """The values at KEY of those maps that have it."""
    return [d[key] for d in dicts if d is not None and key in d]


@gofunc(_M, variadic=True, result="[]string")
def keys(*dicts: Mapping[str, Any] | None) -> StrSlice:
    """The keys of each map in turn (each map's keys sorted; Go's order is random)."""
    out = StrSlice()
    for d in dicts:
        if d:
            out.extend(sorted(d))
    return out


@gofunc(_M, "string", variadic=True, result=_M)
def pick(d: Mapping[str, Any] | None, *names: str) -> dict[str, Any]:
    """A new map with only the given keys of D."""
    d = d or _NO_MAP
    return {k: d[k] for k in names if k in d}


@gofunc(_M, "string", variadic=True, result=_M)
def omit(d: Mapping[str, Any] | None, *names: str) -> dict[str, Any]:
    """A new map with all keys of D except the given ones."""
    drop = set(names)
    return {k: v for k, v in (d or _NO_MAP).items() if k not in drop}


@gofunc(_M, result="[]interface {}")
def values(d: Mapping[str, Any] | None) -> list[Any]:
    """The values of D (in sorted key order; Go's order is random)."""
    if not d:
        return []
    return [d[k] for k in sorted(d)]


# How deep merge follows maps inside maps. Go has no limit and overflows its stack on a map
# that contains itself (`merge $d $d`); real values nest a few dozen levels at most.
MAX_MERGE_DEPTH = 10_000


def _merge_into(dst: dict[str, Any], src: Mapping[str, Any], overwrite: bool, depth: int = 0) -> None:
    """mergo's deepMerge for two maps of interface {} (see the module docstring)."""
    if depth > MAX_MERGE_DEPTH:
        raise RecursionError
    for key, s in src.items():
        if s is None:
            if overwrite:
                dst[key] = None
            continue
        has = key in dst
        d = dst.get(key)
        if isinstance(s, Mapping) and isinstance(d, dict):
            _merge_into(d, s, overwrite, depth + 1)
            if not empty(d):
                continue
        if overwrite or not has or empty(d):
            dst[key] = s


def _merge(dst: dict[str, Any] | None, srcs: tuple[Mapping[str, Any] | None, ...], overwrite: bool) -> Any:
    if dst is None or isinstance(dst, NIL_MAPS):
        # mergo gives a nil destination map a new map when a source map is not nil
        if all(src is None or isinstance(src, NIL_MAPS) for src in srcs):
            return NilDict()
        dst = {}
    try:
        for src in srcs:
            if src:
                _merge_into(dst, src, overwrite)
    except RecursionError:
        # Go overflows its stack on a map that contains itself.
        raise FuncError("merge: maps nest too deeply (does a map contain itself?)") from None
    return dst


def _merge_plain(dst: dict[str, Any] | None, *srcs: Mapping[str, Any] | None) -> Any:
    return _merge(dst, srcs, False)


def _merge_over(dst: dict[str, Any] | None, *srcs: Mapping[str, Any] | None) -> Any:
    return _merge(dst, srcs, True)


merge = gofunc(_M, _M, variadic=True)(_merge_plain)
must_merge = gofunc(_M, _M, variadic=True, error=True)(_merge_plain)
merge_overwrite = gofunc(_M, _M, variadic=True)(_merge_over)
must_merge_overwrite = gofunc(_M, _M, variadic=True, error=True)(_merge_over)


def deep_copy(v: Any, memo: dict[int, Any] | None = None) -> Any:
    """A copy of V with every map and list copied (mitchellh/copystructure); other values shared.

    Copies keep their Go type (``map[string]string``, ``[]int``, ``engine.files``, nil maps...).
    """
    if isinstance(v, dict | list | tuple):
        if memo is None:
            memo = {}
        done = memo.get(id(v))
        if done is not None:
            return done
        if isinstance(v, dict):
            d: dict[Any, Any] = {} if type(v) is dict else type(v)()
            memo[id(v)] = d
            for k, x in v.items():
                d[k] = deep_copy(x, memo)
            return d
        out: Any = [] if type(v) is list or type(v) is tuple else type(v)()
        memo[id(v)] = out
        out.extend(deep_copy(x, memo) for x in v)
        return out
    return v


def _deep_copy(v: Any) -> Any:
    if v is None:
        raise FuncError("reflect: call of reflect.Value.Type on zero Value")
    return deep_copy(v)


deep_copy_ = gofunc(_I)(_deep_copy)
must_deep_copy = gofunc(_I, error=True)(_deep_copy)


def _conversion_error(v: Any, want: str) -> FuncError:
    got = "nil" if v is None else type_name(v)
    return FuncError(f"interface conversion: interface {{}} is {got}, not {want}")


@gofunc(_I, variadic=True, error=True)
def dig(*ps: Any) -> Any:
    """``dig "a" "b" DEFAULT MAP``: MAP.a.b, or DEFAULT when a key is missing."""
    if len(ps) < 3:
        raise FuncError("dig needs at least three arguments")
    d, default = ps[-1], ps[-2]
    if not isinstance(d, Mapping) or type_name(d) != MAP:
        raise _conversion_error(d, MAP)
    path = ps[:-2]
    for k in path:
        if type(k) is not str:
            raise _conversion_error(k, "string")
    last = len(path) - 1
    for i, k in enumerate(path):
        if k not in d:
            return default
        step = d[k]
        if i == last:
            return step
        if not isinstance(step, Mapping) or type_name(step) != MAP:
            raise _conversion_error(step, MAP)
        d = step
    return default  # unreachable: there is at least one key


FUNCS: dict[str, GoFunc] = {
    "deepCopy": deep_copy_,
    "dict": dict_,
    "dig": dig,
    "get": get,
    "hasKey": has_key,
    "keys": keys,
    "merge": merge,
    "mergeOverwrite": merge_overwrite,
    "mustDeepCopy": must_deep_copy,
    "mustMerge": must_merge,
    "mustMergeOverwrite": must_merge_overwrite,
    "omit": omit,
    "pick": pick,
    "pluck": pluck,
    "set": set_,
    "unset": unset,
    "values": values,
}
