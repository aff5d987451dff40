"""Sprig's default and flow-control functions: default, empty, coalesce, all, any, ternary, fail.

"Empty" is Sprig's ``empty``, which follows text/template's notion of truth: nil, false, zero
numbers and empty strings, lists and maps are empty; structs and non-nil pointers never are.
(``compact`` uses it too and lives in :mod:`.lists`; ``required`` is Helm's, not Sprig's.)
"""

from __future__ import annotations

from typing import Any

from chartist.gotemplate.values import FuncError, GoFunc, GoObject, gofunc

__all__ = ["FUNCS", "empty"]

_EMPTY_KINDS = ("map", "slice", "array", "string", "chan")


def _empty(v: Any) -> bool:
    t = type(v)
    if t is str or t is list or t is dict:
        return not v
    if v is None:
        return True
    if isinstance(v, bool | int | float | str | bytes | bytearray | list | tuple | dict):
        return not v
    if isinstance(v, GoObject):
        if v.go_kind in _EMPTY_KINDS:
            try:
                return len(v) == 0  # type: ignore[arg-type]
            except TypeError:
                return False
        return False  # structs are never empty; pointers, funcs and interfaces are not nil here
    try:
        return len(v) == 0
    except TypeError:
        return False


empty = _empty


@gofunc("interface {}", result="bool")
def empty_(v: Any) -> bool:
    """Whether V is nil, false, 0, or an empty string, list or map."""
    return _empty(v)


@gofunc("interface {}", "interface {}", variadic=True)
def default(d: Any, *given: Any) -> Any:
    """The first GIVEN value unless it is missing or empty, else D."""
    if not given or _empty(given[0]):
        return d
    return given[0]


@gofunc("interface {}", variadic=True)
def coalesce(*values: Any) -> Any:
    """The first value that is not empty, or nil."""
    for v in values:
        if not _empty(v):
            return v
    return None


@gofunc("interface {}", variadic=True, result="bool")
def all_(*values: Any) -> bool:
    """Whether no value is empty (true for no values)."""
    return not any(map(_empty, values))


@gofunc("interface {}", variadic=True, result="bool")
def any_(*values: Any) -> bool:
    """Whether some value is not empty (false for no values)."""
    return not all(map(_empty, values))


@gofunc("interface {}", "interface {}", "bool")
def ternary(if_true: Any, if_false: Any, cond: bool) -> Any:
    """IF_TRUE when COND, else IF_FALSE."""
    return if_true if cond else if_false


@gofunc("string", result="string", error=True)
def fail(msg: str) -> str:
    """Fail the render with MSG (Helm prints it as ``execution error at (...): MSG``)."""
    raise FuncError(msg)


FUNCS: dict[str, GoFunc] = {
    "all": all_,
    "any": any_,
    "coalesce": coalesce,
    "default": default,
    "empty": empty_,
    "fail": fail,
    "ternary": ternary,
}
