"""Go's text for a few values in go-yaml / sigs.k8s.io/yaml messages and keys.

Number formatting itself is :mod:`chartist.gotemplate.strconv` (Go's strconv); this module adds
sigs.k8s.io/yaml's float map key text and fmt's ``%#v`` of decoded YAML values, which its error
messages print (``unsupported map key of type: ..., value: []interface {}{1, "a"}``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from chartist.gotemplate.strconv import format_float, quote
from chartist.goyaml.resolve import K_BOOL, K_FLOAT, K_INT, K_NULL, K_UINT

__all__ = ["float32_key", "go_sharp_v"]

_SPECIAL = {"+Inf": ".inf", "-Inf": "-.inf", "NaN": ".nan"}


@lru_cache(maxsize=1024)
def float32_key(x: float) -> str:
    """sigs.k8s.io/yaml's string for a float map key: FormatFloat(x, 'g', -1, 32), .inf/.nan."""
    s = format_float(x, "g", -1, 32)
    return _SPECIAL.get(s, s)


def go_sharp_v(v: Any, top: bool = True) -> str:
    """fmt's %#v of a go-yaml decoded value given as (kind, value) scalars, lists and dicts."""
    if isinstance(v, tuple):
        kind, x = v
        if kind == K_NULL:
            return "<nil>" if top else "interface {}(nil)"
        if kind == K_BOOL:
            return "true" if x else "false"
        if kind == K_INT:
            return str(x)
        if kind == K_UINT:
            return hex(x)
        if kind == K_FLOAT:
            return format_float(x)
        if kind == "repr":
            return str(x)
        return quote(str(x))
    if isinstance(v, list):
        return "[]interface {}{" + ", ".join(go_sharp_v(x, False) for x in v) + "}"
    if isinstance(v, dict):
        items = sorted((go_sharp_v(k, False), go_sharp_v(x, False)) for k, x in v.items())
        return "map[interface {}]interface {}{" + ", ".join(f"{k}:{x}" for k, x in items) + "}"
    return str(v)
