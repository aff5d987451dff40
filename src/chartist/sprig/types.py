"""Sprig's reflection functions (docs/reflection.md): typeOf, typeIs, typeIsLike, kindOf, kindIs, deepEqual.

Type and kind names come from :mod:`chartist.gotemplate.values` (``%T`` and ``reflect.Kind``).
:func:`deep_equal` is Go's ``reflect.DeepEqual`` over the value model, which ``uniq``,
``without`` and ``has`` also use: values of different Go types are never equal (``1`` is not
``1.0``, an ``int64`` is not an ``int``, a ``[]string`` is not a ``[]interface {}``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chartist.gotemplate.values import NILS, GoFunc, gofunc, kind, type_name

__all__ = ["FUNCS", "deep_equal"]

_CONTAINERS = (list, tuple, Mapping)


def deep_equal(a: Any, b: Any, _seen: set[tuple[int, int]] | None = None) -> bool:
    """Go's ``reflect.DeepEqual`` for template values (maps and lists that contain themselves
    are compared as Go does: a pair already being compared counts as equal)."""
    if a is b:
        # Go compares NaN by value even here, but only floats can be NaN and a float is
        # rarely the same object twice; identity is what Go's pointer shortcut does for
        # maps and slices.
        return not (type(a) is float and a != a)
    ta, tb = type(a), type(b)
    if ta is not tb and type_name(a) != type_name(b):
        return False
    if a is None or b is None:
        return False
    if isinstance(a, _CONTAINERS):
        if len(a) != len(b) or isinstance(a, NILS) != isinstance(b, NILS):
            return False  # a nil map or slice equals only a nil one
        pair = (id(a), id(b))
        if _seen is None:
            _seen = set()
        elif pair in _seen:
            return True
        _seen.add(pair)
        if isinstance(a, Mapping):
            return all(k in b and deep_equal(v, b[k], _seen) for k, v in a.items())
        return all(deep_equal(x, y, _seen) for x, y in zip(a, b, strict=False))
    try:
        return bool(a == b)
    except Exception:  # an exotic object without equality: different values
        return False


@gofunc("interface {}", result="string")
def type_of(v: Any) -> str:
    """``%T`` of V: ``int``, ``float64``, ``map[string]interface {}``, ``<nil>``, ..."""
    return type_name(v)


@gofunc("string", "interface {}", result="bool")
def type_is(target: str, v: Any) -> bool:
    """Whether ``%T`` of V is TARGET."""
    return target == type_name(v)


@gofunc("string", "interface {}", result="bool")
def type_is_like(target: str, v: Any) -> bool:
    """Whether ``%T`` of V is TARGET or ``*TARGET``."""
    t = type_name(v)
    return target == t or "*" + target == t


@gofunc("interface {}", result="string")
def kind_of(v: Any) -> str:
    """The ``reflect.Kind`` of V: ``int``, ``string``, ``slice``, ``map``, ``ptr``, ``invalid`` for nil."""
    return kind(v)


@gofunc("string", "interface {}", result="bool")
def kind_is(target: str, v: Any) -> bool:
    """Whether the kind of V is TARGET."""
    return target == kind(v)


@gofunc("interface {}", "interface {}", result="bool")
def deep_equal_(a: Any, b: Any) -> bool:
    """``reflect.DeepEqual(a, b)``."""
    return deep_equal(a, b)


FUNCS: dict[str, GoFunc] = {
    "deepEqual": deep_equal_,
    "kindIs": kind_is,
    "kindOf": kind_of,
    "typeIs": type_is,
    "typeIsLike": type_is_like,
    "typeOf": type_of,
}
