"""Sprig's list functions (docs/lists.md and integer_slice.md), as Helm v4 ships them.

Sprig walks any slice with reflection and builds a new ``[]interface {}``; given something
that is not a slice it fails with its own message (``Cannot push on type string``), and given
nil it dereferences a nil pointer, which text/template reports as the function's error. The
``must`` variants fail the same way (Sprig's plain ones panic, and a panic in a template
function is an error too). Sprig's ``slice`` replaces text/template's builtin: it takes only
slices, its indices go through cast.ToInt, and the result keeps the slice's type.

``until``, ``untilStep`` and ``seq`` build whole lists; Helm runs ``until 1000000000`` out of
memory, here more than :data:`MAX_LIST_LEN` items is a FuncError. Go's map iteration order
does not matter here: nothing in this module reads maps.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from chartist.gotemplate.values import FuncError, GoFunc, IntSlice, NilList, Slices, StrSlice, gofunc, kind
from chartist.sprig.conversion import strslice, strval, to_int
from chartist.sprig.defaults import empty
from chartist.sprig.types import deep_equal

__all__ = ["FUNCS", "MAX_LIST_LEN", "check_count"]

# The most items until/untilStep/seq produce. A chart never needs anywhere near a million
# generated numbers (each item usually becomes rendered text that Kubernetes caps at ~1.5 MiB
# per object); past that a typo like `until 1000000000` stops at once instead of using GBs.
MAX_LIST_LEN = 1_000_000

NIL_DEREF = "runtime error: invalid memory address or nil pointer dereference"


def check_count(n: int) -> None:
    """Raise FuncError when a list of N items would exceed :data:`MAX_LIST_LEN`."""
    if n > MAX_LIST_LEN:
        raise FuncError(f"{n} items exceed chartist's limit of {MAX_LIST_LEN} items")


def _items(v: Any, message: str) -> Sequence[Any]:
    """The elements of slice V; FuncError(MESSAGE % kind) for a non-slice, Go's panic for nil."""
    if isinstance(v, list | tuple):
        return v
    if isinstance(v, bytes | bytearray):
        return list(v)
    if v is None:
        raise FuncError(NIL_DEREF)
    raise FuncError(message % kind(v))


@gofunc("interface {}", variadic=True, result="[]interface {}")
def list_(*items: Any) -> list[Any]:
    """A list of the arguments."""
    return list(items)


def _push(lst: Any, v: Any) -> list[Any]:
    return [*_items(lst, "Cannot push on type %s"), v]


def _prepend(lst: Any, v: Any) -> list[Any]:
    return [v, *_items(lst, "Cannot prepend on type %s")]


def _first(lst: Any) -> Any:
    items = _items(lst, "Cannot find first on type %s")
    return items[0] if items else None


def _last(lst: Any) -> Any:
    items = _items(lst, "Cannot find last on type %s")
    return items[-1] if items else None


def _rest(lst: Any) -> list[Any]:
    items = _items(lst, "Cannot find rest on type %s")
    return list(items[1:]) if items else NilList()  # Sprig returns nil for an empty list


def _initial(lst: Any) -> list[Any]:
    items = _items(lst, "Cannot find initial on type %s")
    return list(items[:-1]) if items else NilList()


def _reverse(lst: Any) -> list[Any]:
    return list(reversed(_items(lst, "Cannot find reverse on type %s")))


def _compact(lst: Any) -> list[Any]:
    return [x for x in _items(lst, "Cannot compact on type %s") if not empty(x)]


def _in(haystack: Sequence[Any], needle: Any) -> bool:
    return any(deep_equal(needle, h) for h in haystack)


def _uniq(lst: Any) -> list[Any]:
    out: list[Any] = []
    for x in _items(lst, "Cannot find uniq on type %s"):
        if not _in(out, x):
            out.append(x)
    return out


def _without(lst: Any, *omit: Any) -> list[Any]:
    return [x for x in _items(lst, "Cannot find without on type %s") if not _in(omit, x)]


def _has(needle: Any, haystack: Any) -> bool:
    if haystack is None:
        return False
    return _in(_items(haystack, "Cannot find has on type %s"), needle)


def _slice(lst: Any, *indices: Any) -> Any:
    items = _items(lst, "list should be type of slice or array but %s")
    n = len(items)
    if n == 0:
        return None
    start = to_int(indices[0]) if indices else 0
    end = to_int(indices[1]) if len(indices) >= 2 else n
    if start < 0 or end < start or end > n:
        raise FuncError("reflect.Value.Slice: slice index out of bounds")
    part = items[start:end]
    if isinstance(lst, StrSlice):
        return StrSlice(part)
    if isinstance(lst, bytes | bytearray):
        return bytes(lst[start:end])
    return list(part)


def _chunk(size: int, lst: Any) -> Slices:
    items = _items(lst, "Cannot chunk type %s")
    n = len(items)
    makeslice = FuncError("runtime error: makeslice: len out of range")
    if size == 0:
        raise makeslice  # Go divides by zero in floats and asks for -2^63 chunks
    chunks = math.floor((n - 1) / size) + 1
    if chunks < 0:
        raise makeslice
    out = Slices()
    for i in range(chunks):
        length = size
        if i == chunks - 1:
            length = math.floor(math.fmod(n, size)) or size
        if length < 0:
            raise makeslice
        out.append([items[i * size + j] for j in range(length)])
    return out


@gofunc("interface {}", variadic=True)
def concat(*lists: Any) -> list[Any]:
    """All elements of the given lists, in order, as one list."""
    out: list[Any] = []
    for lst in lists:
        out.extend(_items(lst, "Cannot concat type %s as list"))
    return out or NilList()  # appending nothing to Go's nil slice leaves it nil


@gofunc("interface {}", result="[]string")
def sort_alpha(v: Any) -> StrSlice:
    """The strings of list V sorted (a []string argument is sorted in place, as in Go);
    a non-list gives a one-element list of its string form."""
    if isinstance(v, list | tuple | bytes | bytearray):
        s = strslice(v)
        s.sort()
        return s
    return StrSlice([strval(v)])


def _until_step(start: int, stop: int, step: int) -> range:
    if (stop < start and step >= 0) or (stop >= start and step <= 0):
        return range(0)
    r = range(start, stop, step)
    check_count(len(r))
    return r


@gofunc("int", result="[]int")
def until(count: int) -> IntSlice:
    """0, 1, ... COUNT-1 (or 0, -1, ... COUNT+1 for a negative COUNT)."""
    return IntSlice(_until_step(0, count, -1 if count < 0 else 1))


@gofunc("int", "int", "int", result="[]int")
def until_step(start: int, stop: int, step: int) -> IntSlice:
    """START, START+STEP, ... while short of STOP; empty when STEP points away from STOP."""
    return IntSlice(_until_step(start, stop, step))


@gofunc("int", variadic=True, result="string")
def seq(*params: int) -> str:
    """Like the Unix ``seq``: ``seq END``, ``seq START END``, ``seq START STEP END``, space-separated."""
    if len(params) == 1:
        start, end = 1, params[0]
        inc = -1 if end < start else 1
        r = _until_step(start, end + inc, inc)
    elif len(params) == 2:
        start, end = params
        inc = -1 if end < start else 1
        r = _until_step(start, end + inc, inc)
    elif len(params) == 3:
        start, step, end = params
        inc = 1
        if end < start:
            inc = -1
            if step > 0:
                return ""
        r = _until_step(start, end + inc, step)
    else:
        return ""
    return " ".join(map(str, r))


def _both(fn: Any, *params: str, result: str, variadic: bool = False) -> tuple[GoFunc, GoFunc]:
    """The plain and ``must`` GoFunc of one Python function (the must one declares an error)."""
    return (
        gofunc(*params, variadic=variadic, result=result)(fn),
        gofunc(*params, variadic=variadic, result=result, error=True)(fn),
    )


_I, _L = "interface {}", "[]interface {}"
push, must_push = _both(_push, _I, _I, result=_L)
prepend, must_prepend = _both(_prepend, _I, _I, result=_L)
first, must_first = _both(_first, _I, result=_I)
last, must_last = _both(_last, _I, result=_I)
rest, must_rest = _both(_rest, _I, result=_L)
initial, must_initial = _both(_initial, _I, result=_L)
reverse, must_reverse = _both(_reverse, _I, result=_L)
compact, must_compact = _both(_compact, _I, result=_L)
uniq, must_uniq = _both(_uniq, _I, result=_L)
without, must_without = _both(_without, _I, _I, variadic=True, result=_L)
has, must_has = _both(_has, _I, _I, result="bool")
slice_, must_slice = _both(_slice, _I, _I, variadic=True, result=_I)
chunk, must_chunk = _both(_chunk, "int", _I, result="[][]interface {}")


FUNCS: dict[str, GoFunc] = {
    "append": push,
    "chunk": chunk,
    "compact": compact,
    "concat": concat,
    "first": first,
    "has": has,
    "initial": initial,
    "last": last,
    "list": list_,
    "mustAppend": must_push,
    "mustChunk": must_chunk,
    "mustCompact": must_compact,
    "mustFirst": must_first,
    "mustHas": must_has,
    "mustInitial": must_initial,
    "mustLast": must_last,
    "mustPrepend": must_prepend,
    "mustPush": must_push,
    "mustRest": must_rest,
    "mustReverse": must_reverse,
    "mustSlice": must_slice,
    "mustUniq": must_uniq,
    "mustWithout": must_without,
    "prepend": prepend,
    "push": push,
    "rest": rest,
    "reverse": reverse,
    "seq": seq,
    "slice": slice_,
    "sortAlpha": sort_alpha,
    "tuple": list_,
    "until": until,
    "untilStep": until_step,
    "uniq": uniq,
    "without": without,
}
