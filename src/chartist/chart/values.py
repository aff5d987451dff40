"""Coalescing values with chart defaults, exactly as Helm's chartutil does (coalesce.go).

:func:`coalesce_values` is what ``helm template`` / install / upgrade use: user values win
over chart defaults, maps merge and everything else is replaced, a subchart's values live
under its name (its alias once dependencies are processed), ``global`` is copied down into
every subchart, and a parent's values win over a subchart's defaults.

Null handling is Helm's, nuance for nuance:

* a user ``null`` for a key that has a chart default deletes the key;
* a user ``null`` where the chart has no default stays ``null``;
* chart-default ``null`` values are dropped instead of being copied in;
* :func:`merge_values` (used while importing values) keeps every ``null``.

Helm's warnings (``warning: skipped value for CHART.KEY: Not a table.`` ...) go to the
``chartist.chart`` logger with Helm's text. The values passed in are never modified; the
chart's defaults are deep-copied before use.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Mapping
from typing import Any

from chartist.chart.errors import ValuesError
from chartist.chart.model import Chart
from chartist.gotemplate.fmt import sprintf
from chartist.gotemplate.strconv import quote as go_quote

GLOBAL_KEY = "global"

log = logging.getLogger("chartist.chart")


def copy_values(v: Any) -> Any:
    """Deep copy of maps and lists (scalars are immutable and shared)."""
    if isinstance(v, dict):
        return {k: copy_values(x) if isinstance(x, dict | list) else x for k, x in v.items()}
    if isinstance(v, list):
        return [copy_values(x) if isinstance(x, dict | list) else x for x in v]
    return v


def _concat(a: str, b: str) -> str:
    return f"{a}.{b}" if a else b


def coalesce_values(chart: Chart, values: Mapping[str, Any] | None) -> dict[str, Any]:
    """Helm's CoalesceValues: VALUES (user values, left untouched) over CHART's defaults.

    Returns a new tree covering the chart and all its subcharts. Raises ValuesError
    (``type mismatch on SUB: ...``) when a subchart's values are not a map.
    """
    return _deep(lambda: _coalesce(chart, copy_values(dict(values)) if values else {}, "", False))


def merge_values(chart: Chart, values: Mapping[str, Any] | None) -> dict[str, Any]:
    """Helm's MergeValues: like :func:`coalesce_values` but every ``null`` is kept."""
    return _deep(lambda: _coalesce(chart, copy_values(dict(values)) if values else {}, "", True))


# Values may nest up to Go's parser limits (10000 levels); Python 3.11 recursion between
# Python functions does not use the C stack, so a higher limit is safe for these walks.
_DEEP_LIMIT = 50_000


def _deep(fn: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    try:
        return fn()
    except RecursionError:
        pass
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, _DEEP_LIMIT))
    try:
        return fn()
    finally:
        sys.setrecursionlimit(old)


def coalesce_tables(dst: dict[str, Any] | None, src: dict[str, Any] | None) -> Any:
    """Helm's CoalesceTables: merge SRC into DST in place (DST wins); returns DST."""
    return _tables(dst, src, "", False)


def merge_tables(dst: dict[str, Any] | None, src: dict[str, Any] | None) -> Any:
    """Helm's MergeTables: :func:`coalesce_tables` keeping nulls."""
    return _tables(dst, src, "", True)


def _coalesce(ch: Chart, dest: dict[str, Any], prefix: str, merge: bool) -> dict[str, Any]:
    _coalesce_chart(ch, dest, prefix, merge)
    return _coalesce_deps(ch, dest, prefix, merge)


def _coalesce_deps(ch: Chart, dest: dict[str, Any], prefix: str, merge: bool) -> dict[str, Any]:
    for sub in ch.dependencies:
        name = sub.name
        if name not in dest:
            dest[name] = {}
        elif not isinstance(dest[name], dict):
            raise ValuesError(f"type mismatch on {name}: {sprintf('%t', dest[name])}")
        sub_values = dest[name]
        sub_prefix = _concat(prefix, ch.name)
        _coalesce_globals(sub_values, dest, sub_prefix)
        dest[name] = _coalesce(sub, sub_values, sub_prefix, merge)
    return dest


def _coalesce_globals(dest: dict[str, Any], src: dict[str, Any], prefix: str) -> None:
    """Copy the globals of SRC (the parent's values) into DEST (a subchart's values)."""
    if GLOBAL_KEY not in dest:
        dg: dict[str, Any] = {}
    else:
        dg = dest[GLOBAL_KEY]
        if not isinstance(dg, dict):
            log.warning("warning: skipping globals because destination %s is not a table.", GLOBAL_KEY)
            return
    if GLOBAL_KEY not in src:
        sg: dict[str, Any] = {}
    else:
        sg = src[GLOBAL_KEY]
        if not isinstance(sg, dict):
            log.warning("warning: skipping globals because source %s is not a table.", GLOBAL_KEY)
            return
    for key, val in sg.items():
        if isinstance(val, dict):
            vv = dict(val)
            if key not in dg:
                dg[key] = vv
            else:
                destv = dg[key]
                if not isinstance(destv, dict):
                    log.warning("Conflict: cannot merge map onto non-map for %s. Skipping.", go_quote(key))
                else:
                    # The parent's globals win: merge the subchart's into a copy of them.
                    _tables(vv, destv, _concat(prefix, key), True)
                    dg[key] = vv
        elif key in dg and isinstance(dg[key], dict):
            log.warning("key %s is table. Skipping", key)
        else:
            dg[key] = val
    dest[GLOBAL_KEY] = dg


def _coalesce_chart(ch: Chart, v: dict[str, Any], prefix: str, merge: bool) -> None:
    """Coalesce the defaults of CH (not its subcharts) into V, in place."""
    sub_prefix = _concat(prefix, ch.name)
    defaults = copy_values(ch.values) if ch.values else {}
    for key, val in defaults.items():
        if key in v:
            value = v[key]
            if value is None and not merge:
                # A user null removes the default (and the key).
                del v[key]
            elif isinstance(value, dict):
                if not isinstance(val, dict):
                    if val is not None:
                        log.warning("warning: skipped value for %s.%s: Not a table.", sub_prefix, key)
                else:
                    # A subchart's table is merged keeping nulls; it is coalesced later.
                    sub_merge = merge or any(d.name == key for d in ch.dependencies)
                    if not sub_merge:
                        _clean_nils(val)
                    _tables(value, val, _concat(sub_prefix, key), sub_merge)
        else:
            if not merge:
                if val is None:
                    continue
                if isinstance(val, dict):
                    _clean_nils(val)
            v[key] = val


def _tables(dst: dict[str, Any] | None, src: dict[str, Any] | None, prefix: str, merge: bool) -> Any:
    """Helm's coalesceTablesFullKey: SRC into DST, DST authoritative; mutates both as Helm."""
    if src is None:
        return dst
    if dst is None:
        return src
    src_non_nil = {k for k, x in src.items() if x is not None}
    for key, val in dst.items():
        if val is None:
            src[key] = None
    for key, val in src.items():
        if key not in dst:
            dst[key] = val
            continue
        dv = dst[key]
        if not merge and dv is None and key in src_non_nil:
            # The user nulled a default: drop the key.
            del dst[key]
        elif isinstance(val, dict):
            if isinstance(dv, dict):
                _tables(dv, val, _concat(prefix, key), merge)
            else:
                log.warning(
                    "warning: cannot overwrite table with non table for %s (%s)",
                    _concat(prefix, key),
                    sprintf("%v", val),
                )
        elif isinstance(dv, dict) and val is not None:
            log.warning(
                "warning: destination for %s is a table. Ignoring non-table value (%s)",
                _concat(prefix, key),
                sprintf("%v", val),
            )
    return dst


def _clean_nils(m: dict[str, Any]) -> None:
    """Remove null entries from M and its nested maps, in place."""
    for key in [k for k, x in m.items() if x is None]:
        del m[key]
    for x in m.values():
        if isinstance(x, dict):
            _clean_nils(x)


# --- paths into values -------------------------------------------------------------------


def table(values: Mapping[str, Any], name: str) -> dict[str, Any] | None:
    """Helm's Values.Table: the map at dotted NAME (``foo.bar``), or None if there is none."""
    t: Any = values
    for part in name.split("."):
        if not isinstance(t, Mapping) or part not in t:
            return None
        t = t[part]
        if not isinstance(t, dict):
            return None
    return t  # type: ignore[no-any-return]


_MISSING = object()


def path_value(values: Mapping[str, Any], path: str) -> Any:
    """Helm's Values.PathValue: the non-map value at dotted PATH.

    Returns the value (possibly None for a null) or raises KeyError when there is no such
    value or it is a map. An empty PATH raises ValueError (``YAML path cannot be empty``).
    """
    if path == "":
        raise ValueError("YAML path cannot be empty")
    parts = path.split(".")
    if len(parts) == 1:
        t: Any = values
    else:
        t = table(values, ".".join(parts[:-1]))
        if t is None:
            raise KeyError(parts[-1])
    v = t.get(parts[-1], _MISSING)
    if v is _MISSING or isinstance(v, dict):
        raise KeyError(parts[-1])
    return v
