"""Go's ``fmt`` as text/template and Sprig use it: Sprint, Sprintln, Sprintf, byte for byte.

Hand-written because no Python library prints values the Go way: Python's ``%`` and ``format()``
differ in ``%v`` of maps, slices and structs, in float layouts (``1e+06``, ``-0``, ``+Inf``), in
``%q`` escapes and ``%x`` of strings, and Go reports a bad verb or argument inside the output
(``%!d(string=hi)``, ``%!(EXTRA int=1)``) where Python raises. Nothing here raises for any
format or argument. The structure follows Go's print.go (operands) and format.go (padding,
numbers, strings); the number and quoting primitives are in :mod:`.strconv`.

Values follow :mod:`chartist.gotemplate.values`; a Go string is a ``str`` in which bytes that
are not valid UTF-8 appear as surrogate escapes. A :class:`GoObject` prints as its kind says
(struct ``{a b}``, ptr ``&{a b}`` at the top and an address below, map, slice); methods named
``Error`` and ``String`` act as Go's ``error`` and ``fmt.Stringer`` for ``%v %s %q %x %X``, and
``GoString`` for ``%#v``. Two optional class attributes refine a GoObject's printing:

* ``go_print_fields``: every field fmt prints, unexported ones included, in declaration order;
  items are Go names or ``(go_name, attribute)`` pairs. Defaults to ``go_fields``.
* ``go_ptr_methods``: names of methods with pointer receivers. fmt ignores them on a non-pointer
  value, while an action ``{{ v }}`` (:func:`format_value`) uses them, as text/template takes
  the address of the value.

Pointers and funcs below the top level print a fixed made-up address (Go prints a real one).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from chartist.gotemplate.fmtformat import Printer
from chartist.gotemplate.strconv import (
    can_backquote,
    format_float,
    format_int,
    from_utf8,
    is_print,
    json_float,
    quote,
    quote_rune,
    quote_rune_to_ascii,
    quote_to_ascii,
    to_utf8,
    valid_rune,
)
from chartist.gotemplate.values import (
    NIL_MAPS,
    NIL_SLICES,
    FuncError,
    GoFunc,
    GoObject,
    Int64,
    StrSlice,
    type_name,
)

__all__ = [  # the strconv names are re-exported for callers that print the Go way
    "can_backquote",
    "format_float",
    "format_int",
    "format_value",
    "is_print",
    "json_float",
    "quote",
    "quote_rune",
    "quote_rune_to_ascii",
    "quote_to_ascii",
    "sprint",
    "sprintf",
    "sprintln",
]

_U64 = 1 << 64
# Go prints real addresses for pointers and funcs; ours is a fixed stand-in of the same shape.
_FAKE_ADDRESS = 0xC000010000
# Widths, precisions and argument numbers beyond this are "crazy" to Go (fmt's tooLarge).
_TOO_LARGE = 1_000_000


# ---------------------------------------------------------------------------------------------
# Printing one operand (Go's printArg / printValue and the per-kind dispatch).


def _bad_verb(p: Printer, verb: str, v: Any, tname: str | None = None) -> None:
    """``%!verb(type=value)``, or ``%!verb(<nil>)``; methods are not called inside."""
    p.erroring = True
    p.buf.append("%!" + verb + "(")
    if v is None and tname is None:
        p.buf.append("<nil>")
    else:
        p.buf.append((tname or type_name(v)) + "=")
        if tname == "uint8":
            _print_integer(p, v, False, "v", "uint8")
        else:
            _print_arg(p, v, "v")
    p.buf.append(")")
    p.erroring = False


def _print_bool(p: Printer, v: bool, verb: str, obj: Any) -> None:
    if verb in ("t", "v"):
        p.pad("true" if v else "false")
    else:
        _bad_verb(p, verb, obj)


def _print_integer(p: Printer, v: int, signed: bool, verb: str, obj: Any) -> None:
    """An integer under VERB; OBJ is what a bad verb reports (``"uint8"`` for bytes)."""
    if verb == "v":
        if p.sharp_v and not signed:
            p.fmt_0x64(v, True)
        else:
            p.fmt_integer(v, 10, verb)
    elif verb == "d":
        p.fmt_integer(v, 10, verb)
    elif verb == "x" or verb == "X":
        p.fmt_integer(v, 16, verb, verb == "X")
    elif verb == "o" or verb == "O":
        p.fmt_integer(v, 8, verb)
    elif verb == "b":
        p.fmt_integer(v, 2, verb)
    elif verb == "c" or verb == "q" or verb == "U":
        u = v % _U64  # Go converts to uint64 first
        if verb == "U":
            p.fmt_unicode(u)
        elif verb == "c":
            p.pad(chr(valid_rune(u)))
        else:
            r = valid_rune(u)
            p.pad(quote_rune_to_ascii(r) if p.plus else quote_rune(r))
    elif obj == "uint8":
        _bad_verb(p, verb, v, "uint8")
    else:
        _bad_verb(p, verb, obj)


def _print_float(p: Printer, v: float, verb: str, obj: Any) -> None:
    if verb == "v":
        p.fmt_float(v, "g", -1)
    elif verb in ("g", "G", "x", "X", "b"):
        p.fmt_float(v, verb, -1)
    elif verb in ("f", "e", "E"):
        p.fmt_float(v, verb, 6)
    elif verb == "F":
        p.fmt_float(v, "f", 6)
    else:
        _bad_verb(p, verb, obj)


def _print_complex(p: Printer, v: complex, verb: str, obj: Any) -> None:
    """``(re+imi)``: both parts as floats under VERB (padded each), the imaginary one signed."""
    if verb in ("v", "b", "g", "G", "x", "X", "f", "F", "e", "E"):
        plus = p.plus
        p.buf.append("(")
        _print_float(p, v.real, verb, obj)
        p.plus = True
        _print_float(p, v.imag, verb, obj)
        p.buf.append("i)")
        p.plus = plus
    else:
        _bad_verb(p, verb, obj)


def _print_string(p: Printer, v: str, verb: str, obj: Any) -> None:
    if verb == "v":
        if p.sharp_v:
            p.fmt_q(v)
        else:
            p.fmt_s(v)
    elif verb == "s":
        p.fmt_s(v)
    elif verb == "x" or verb == "X":
        p.fmt_sbx(to_utf8(v), verb == "X")
    elif verb == "q":
        p.fmt_q(v)
    else:
        _bad_verb(p, verb, obj)


def _print_bytes(p: Printer, v: bytes | bytearray, verb: str, depth: int, tname: str) -> None:
    """[]byte: a string for %s %q %x %X, else a slice of uint8 (``[]byte{...}`` only at top)."""
    if verb == "s":
        p.fmt_s(from_utf8(v))
    elif verb == "x" or verb == "X":
        p.fmt_sbx(bytes(v), verb == "X")
    elif verb == "q":
        p.fmt_q(from_utf8(v))
    else:  # a slice of uint8; %#v (or %#w, which only gets here to fail) in Go syntax
        if p.sharp_v:
            p.buf.append((tname if verb == "v" else "[]uint8") + "{")
        else:
            p.buf.append("[")
        sep = ", " if p.sharp_v else " "
        for i, c in enumerate(v):
            if i:
                p.buf.append(sep)
            _print_integer(p, c, False, verb, "uint8")
        p.buf.append("}" if p.sharp_v else "]")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _sorted_items(m: Mapping[Any, Any]) -> list[tuple[Any, Any]]:
    """Map entries in Go's fmtsort order (strings bytewise, numbers by value)."""
    try:
        items = sorted(m.items(), key=lambda kv: kv[0])
        # Code point order is UTF-8 byte order except for surrogate escapes (invalid bytes).
        if any(type(k) is str and not k.isascii() and _SURROGATE.search(k) for k in m):
            items.sort(key=lambda kv: to_utf8(kv[0]))
        return items
    except TypeError:
        return sorted(m.items(), key=lambda kv: (type_name(kv[0]), str(kv[0])))


def _print_map(p: Printer, m: Mapping[Any, Any], verb: str, depth: int, tname: str) -> None:
    buf = p.buf
    if p.sharp_v and isinstance(m, NIL_MAPS):
        buf.append(tname + "(nil)")
        return
    buf.append(tname + "{" if p.sharp_v else "map[")
    sep = ", " if p.sharp_v else " "
    for i, (k, val) in enumerate(_sorted_items(m)):
        if i:
            buf.append(sep)
        _print_value(p, k, verb, depth + 1)
        buf.append(":")
        _print_value(p, val, verb, depth + 1)
    buf.append("}" if p.sharp_v else "]")


def _print_slice(p: Printer, s: Any, verb: str, depth: int, tname: str) -> None:
    buf = p.buf
    if p.sharp_v and isinstance(s, NIL_SLICES):
        buf.append(tname + "(nil)")
        return
    if p.sharp_v:
        buf.append(tname + "{")
        sep = ", "
    else:
        buf.append("[")
        sep = " "
    for i, e in enumerate(s):
        if i:
            buf.append(sep)
        _print_value(p, e, verb, depth + 1)
    buf.append("}" if p.sharp_v else "]")


def _print_struct(p: Printer, o: GoObject, verb: str, depth: int, tname: str) -> None:
    buf = p.buf
    if p.sharp_v:
        buf.append(tname)
    buf.append("{")
    names = p.plus_v or p.sharp_v
    fields = getattr(type(o), "go_print_fields", None) or o.go_fields
    for i, f in enumerate(fields):
        name, attr = f if isinstance(f, tuple) else (f, f)
        if i:
            buf.append(", " if p.sharp_v else " ")
        if names:
            buf.append(name + ":")
        _print_value(p, getattr(o, attr, None), verb, depth + 1)
    buf.append("}")


def _print_pointer(p: Printer, v: Any, verb: str) -> None:
    """Pointers, funcs (and maps/slices under %p): a made-up address, as Go prints a real one."""
    if verb == "v":
        if p.sharp_v:
            p.buf.append(f"({type_name(v)})(0x{_FAKE_ADDRESS:x})")
        else:
            p.fmt_0x64(_FAKE_ADDRESS, not p.sharp)
    elif verb == "p":
        p.fmt_0x64(_FAKE_ADDRESS, not p.sharp)
    elif verb in ("b", "o", "d", "x", "X"):
        sharp_v, p.sharp_v = p.sharp_v, False
        _print_integer(p, _FAKE_ADDRESS, False, verb, v)
        p.sharp_v = sharp_v
    else:
        _bad_verb(p, verb, v)


def _method(o: GoObject, name: str, addressable: bool) -> GoFunc | None:
    if not addressable and o.go_kind != "ptr" and name in getattr(type(o), "go_ptr_methods", ()):
        return None
    return o.go_method(name)


def _handle_methods(p: Printer, o: GoObject, verb: str, addressable: bool = False) -> bool:
    """Go's handleMethods: %w is always bad here; Error/String for string verbs, GoString for %#v."""
    if p.erroring:
        return False
    if verb == "w":
        _bad_verb(p, verb, o)
        return True
    if p.sharp_v:
        name = "GoString"
    elif verb in ("v", "s", "x", "X", "q"):
        name = "Error" if _method(o, "Error", addressable) is not None else "String"
    else:
        return False
    m = _method(o, name, addressable)
    if m is None:
        return False
    try:
        s = str(m())
    except FuncError as err:  # Go recovers a panicking method the same way
        p.buf.append(f"%!{verb}(PANIC={name} method: {err})")
        return True
    if name == "GoString":
        p.fmt_s(s)
    else:
        _print_string(p, s, verb, s)
    return True


def _print_arg(p: Printer, v: Any, verb: str) -> None:
    """Print the operand V of a directive (Go's printArg)."""
    if v is None:
        if verb == "v" or verb == "T":
            p.pad("<nil>")
        else:
            _bad_verb(p, verb, None)
        return
    if verb == "T":
        p.fmt_s(type_name(v))
        return
    t = type(v)
    if t is str:
        _print_string(p, v, verb, v)
    elif t is int or t is Int64:
        _print_integer(p, v, True, verb, v)
    elif t is float:
        _print_float(p, v, verb, v)
    elif t is bool:
        _print_bool(p, v, verb, v)
    elif t is complex:
        _print_complex(p, v, verb, v)
    elif verb == "p":  # only reference kinds have an address to show
        if isinstance(v, GoObject):
            pointer = v.go_kind in ("ptr", "map", "slice", "func")
        else:
            pointer = isinstance(v, Mapping | list | tuple | bytes | bytearray) or callable(v)
        if pointer:
            _print_pointer(p, v, "p")
        else:
            _bad_verb(p, verb, v)
    elif t is bytes or t is bytearray:
        _print_bytes(p, v, verb, 0, "[]byte")
    elif isinstance(v, GoObject) and _handle_methods(p, v, verb):
        return
    elif verb == "w":
        _bad_verb(p, verb, v)
    else:
        _print_value(p, v, verb, 0)


def _print_value(p: Printer, v: Any, verb: str, depth: int) -> None:
    """Print V found at DEPTH inside a container (Go's printValue)."""
    t = type(v)
    if t is str:
        _print_string(p, v, verb, v)
    elif t is int or t is Int64:
        _print_integer(p, v, True, verb, v)
    elif t is float:
        _print_float(p, v, verb, v)
    elif t is bool:
        _print_bool(p, v, verb, v)
    elif t is complex:
        _print_complex(p, v, verb, v)
    elif v is None:  # a nil interface{} element: no padding, no bad verb
        p.buf.append("interface {}(nil)" if p.sharp_v else "<nil>")
    elif t is dict:
        _print_map(p, v, verb, depth, "map[string]interface {}")
    elif t is list or t is tuple:
        _print_slice(p, v, verb, depth, "[]interface {}")
    elif t is StrSlice:
        _print_slice(p, v, verb, depth, "[]string")
    elif t is bytes or t is bytearray:
        _print_bytes(p, v, verb, depth, "[]uint8")
    elif isinstance(v, GoObject):
        if depth > 0 and _handle_methods(p, v, verb):
            return
        _print_object(p, v, verb, depth)
    else:
        _print_other(p, v, verb, depth)


def _print_object(p: Printer, o: GoObject, verb: str, depth: int) -> None:
    tname = o.go_type
    if isinstance(o, Mapping):
        _print_map(p, o, verb, depth, tname)
    elif isinstance(o, list | tuple):
        _print_slice(p, o, verb, depth, tname)
    elif isinstance(o, bytes | bytearray):
        _print_bytes(p, o, verb, depth, tname)
    elif isinstance(o, str | int | float):
        _print_other(p, o, verb, depth)
    elif o.go_kind == "ptr":
        if depth == 0:  # pointer to struct: &{...} at the top, an address below it
            p.buf.append("&")
            _print_struct(p, o, verb, depth + 1, tname[1:] if tname.startswith("*") else tname)
        else:
            _print_pointer(p, o, verb)
    elif o.go_kind == "func":
        _print_pointer(p, o, verb)
    else:
        _print_struct(p, o, verb, depth, tname)


def _print_other(p: Printer, v: Any, verb: str, depth: int) -> None:
    """Subclasses of the basic types, and callables; anything else prints as ``?type?``."""
    if isinstance(v, bool):
        _print_bool(p, bool(v), verb, v)
    elif isinstance(v, int):
        _print_integer(p, int(v), True, verb, v)
    elif isinstance(v, float):
        _print_float(p, float(v), verb, v)
    elif isinstance(v, str):
        _print_string(p, str(v), verb, v)
    elif isinstance(v, Mapping):
        _print_map(p, v, verb, depth, type_name(v))
    elif isinstance(v, list | tuple):
        _print_slice(p, v, verb, depth, type_name(v))
    elif isinstance(v, bytes | bytearray):
        _print_bytes(p, v, verb, depth, "[]uint8")
    elif isinstance(v, GoFunc) or callable(v):
        _print_pointer(p, v, verb)
    else:
        p.buf.append("?" + type_name(v) + "?")


# ---------------------------------------------------------------------------------------------
# Format strings: parsed once into directives (cached), run against the arguments.


class _Spec:
    """One ``%`` directive as parsed; what depends on the arguments is resolved at run time.

    ``idx_*`` are the ``[n]`` argument numbers before the width, after the ``.`` and before the
    verb, each ``(index, ok)`` or None; ``star_*`` say the width/precision come from arguments.
    """

    __slots__ = (
        "bad_index",
        "flags",
        "has_prec",
        "idx_prec",
        "idx_verb",
        "idx_wid",
        "noverb",
        "prec",
        "prec_present",
        "simple",
        "star_prec",
        "star_wid",
        "verb",
        "wid",
        "wid_present",
    )

    def __init__(self, flags: tuple[bool, bool, bool, bool, bool]) -> None:
        self.flags = flags
        self.simple = self.noverb = self.bad_index = self.has_prec = False
        self.star_wid = self.star_prec = False
        self.wid_present = self.prec_present = False
        self.wid = self.prec = 0
        self.idx_wid: tuple[int, bool] | None = None
        self.idx_prec: tuple[int, bool] | None = None
        self.idx_verb: tuple[int, bool] | None = None
        self.verb = ""


def _parsenum(s: str, start: int, end: int) -> tuple[int, bool, int]:
    """Digits at S[START:END] -> (number, found, next index); absurd numbers consume everything."""
    if start >= end:
        return 0, False, end
    num, isnum, i = 0, False, start
    while i < end and "0" <= s[i] <= "9":
        if num > _TOO_LARGE:
            return 0, False, end
        num = num * 10 + ord(s[i]) - 48
        isnum = True
        i += 1
    return num, isnum, i


def _arg_number(s: str, i: int) -> tuple[tuple[int, bool] | None, int]:
    """A ``[n]`` at S[i] -> ((n-1, ok) or None, next index)."""
    if i >= len(s) or s[i] != "[":
        return None, i
    if len(s) - i < 3:
        return (0, False), i + 1
    j = s.find("]", i + 1)
    if j < 0:
        return (0, False), i + 1
    n, ok, k = _parsenum(s, i + 1, j)
    if not ok or k != j:
        return (0, False), j + 1
    return (n - 1, True), j + 1


@lru_cache(maxsize=4096)
def _parse(fmt: str) -> tuple[str | _Spec, ...]:
    """FMT as literal text and directives, following Go's doPrintf scan exactly."""
    items: list[str | _Spec] = []
    end = len(fmt)
    i = 0
    while i < end:
        j = fmt.find("%", i)
        if j < 0:
            items.append(fmt[i:])
            break
        if j > i:
            items.append(fmt[i:j])
        i = j + 1
        minus = plus = sharp = space = zero = False
        while i < end:
            c = fmt[i]
            if c == "#":
                sharp = True
            elif c == "0":
                zero = not minus  # zero padding only ever goes on the left
            elif c == "+":
                plus = True
            elif c == "-":
                minus, zero = True, False
            elif c == " ":
                space = True
            else:
                break
            i += 1
        d = _Spec((minus, plus, sharp, space, zero))
        items.append(d)
        if i < end and "a" <= fmt[i] <= "z":
            d.simple, d.verb = True, fmt[i]
            i += 1
            continue
        d.idx_wid, i = _arg_number(fmt, i)
        after_index = d.idx_wid is not None and d.idx_wid[1]
        if i < end and fmt[i] == "*":
            d.star_wid, after_index = True, False
            i += 1
        else:
            d.wid, d.wid_present, i = _parsenum(fmt, i, end)
            if after_index and d.wid_present:  # "%[3]2d"
                d.bad_index = True
        if i + 1 < end and fmt[i] == ".":
            d.has_prec = True
            i += 1
            if after_index:  # "%[3].2d"
                d.bad_index = True
            d.idx_prec, i = _arg_number(fmt, i)
            after_index = d.idx_prec is not None and d.idx_prec[1]
            if i < end and fmt[i] == "*":
                d.star_prec, after_index = True, False
                i += 1
            else:
                d.prec, d.prec_present, i = _parsenum(fmt, i, end)
                if not d.prec_present:
                    d.prec, d.prec_present = 0, True
        if not after_index:
            d.idx_verb, i = _arg_number(fmt, i)
        if i >= end:
            d.noverb = True
            break
        d.verb = fmt[i]
        i += 1
    return tuple(items)


def _int_from_arg(args: tuple[Any, ...], n: int) -> tuple[int, bool, int]:
    """Argument N as a width or precision -> (value, is an int, next argument number)."""
    if n >= len(args):
        return 0, False, n
    a = args[n]
    if type(a) is bool or not isinstance(a, int) or not -_TOO_LARGE <= a <= _TOO_LARGE:
        return 0, False, n + 1
    return int(a), True, n + 1


def _use_index(idx: tuple[int, bool], argnum: int, nargs: int, good: bool) -> tuple[int, bool]:
    """Switch to argument ``[n]`` if it exists; a bad index marks the directive bad."""
    if idx[1] and 0 <= idx[0] < nargs:
        return idx[0], good
    return argnum, False


def _do_printf(p: Printer, fmt: str, args: tuple[Any, ...]) -> None:
    buf = p.buf
    nargs = len(args)
    argnum = 0
    reordered = False
    for item in _parse(fmt):
        if type(item) is str:
            buf.append(item)
            continue
        assert isinstance(item, _Spec)
        p.clear_flags()
        p.minus, p.plus, p.sharp, p.space, p.zero = item.flags
        verb = item.verb
        if item.simple:
            if argnum >= nargs:
                buf.append(f"%!{verb}(MISSING)")
                continue
            if verb == "v" or verb == "w":  # %w is %v to the flags (then a bad verb)
                p.sharp_v, p.sharp, p.plus_v, p.plus = p.sharp, False, p.plus, False
            _print_arg(p, args[argnum], verb)
            argnum += 1
            continue
        good = not item.bad_index
        if item.idx_wid is not None:
            reordered = True
            argnum, good = _use_index(item.idx_wid, argnum, nargs, good)
        if item.star_wid:
            p.wid, p.wid_present, argnum = _int_from_arg(args, argnum)
            if not p.wid_present:
                buf.append("%!(BADWIDTH)")
            if p.wid < 0:  # a negative width from an argument means "-"
                p.wid, p.minus, p.zero = -p.wid, True, False
        else:
            p.wid, p.wid_present = item.wid, item.wid_present
        if item.has_prec:
            if item.idx_prec is not None:
                reordered = True
                argnum, good = _use_index(item.idx_prec, argnum, nargs, good)
            if item.star_prec:
                p.prec, p.prec_present, argnum = _int_from_arg(args, argnum)
                if p.prec < 0:
                    p.prec, p.prec_present = 0, False
                if not p.prec_present:
                    buf.append("%!(BADPREC)")
            else:
                p.prec, p.prec_present = item.prec, item.prec_present
        if item.idx_verb is not None:
            reordered = True
            argnum, good = _use_index(item.idx_verb, argnum, nargs, good)
        if item.noverb:
            buf.append("%!(NOVERB)")
            break
        if verb == "%":  # a literal percent takes no operand and ignores width and precision
            buf.append("%")
        elif not good:
            buf.append(f"%!{verb}(BADINDEX)")
        elif argnum >= nargs:
            buf.append(f"%!{verb}(MISSING)")
        else:
            if verb == "v" or verb == "w":  # %w is %v to the flags (then a bad verb)
                p.sharp_v, p.sharp, p.plus_v, p.plus = p.sharp, False, p.plus, False
            _print_arg(p, args[argnum], verb)
            argnum += 1
    if not reordered and argnum < nargs:
        p.clear_flags()
        buf.append("%!(EXTRA ")
        for k, a in enumerate(args[argnum:]):
            if k:
                buf.append(", ")
            if a is None:
                buf.append("<nil>")
            else:
                buf.append(type_name(a) + "=")
                _print_arg(p, a, "v")
        buf.append(")")


# ---------------------------------------------------------------------------------------------
# Public entry points.


def sprintf(format: str, *args: Any) -> str:
    """Go's ``fmt.Sprintf``. Never raises: mistakes print inside the result as Go prints them."""
    p = Printer()
    _do_printf(p, format, args)
    return "".join(p.buf)


_BASIC = frozenset((str, int, Int64, float, bool))


def sprint(*args: Any) -> str:
    """Go's ``fmt.Sprint``: operands in %v, a space between two operands when neither is a string."""
    if len(args) == 1 and type(args[0]) in _BASIC:
        return format_value(args[0])
    p = Printer()
    prev_string = False
    for i, a in enumerate(args):
        is_string = isinstance(a, str)
        if i and not is_string and not prev_string:
            p.buf.append(" ")
        _print_arg(p, a, "v")
        prev_string = is_string
    return "".join(p.buf)


def sprintln(*args: Any) -> str:
    """Go's ``fmt.Sprintln``: operands in %v, always separated by spaces, then a newline."""
    p = Printer()
    for i, a in enumerate(args):
        if i:
            p.buf.append(" ")
        _print_arg(p, a, "v")
    p.buf.append("\n")
    return "".join(p.buf)


def format_value(v: Any) -> str:
    """What the action ``{{ v }}`` prints: text/template's printValue, i.e. Sprint of one value.

    Differences from ``%v`` that come from text/template: nil prints ``<no value>``, a pointer
    to a struct prints as the struct (``{...}``, not ``&{...}``), and methods listed in
    ``go_ptr_methods`` count (text/template takes the address of the value).
    """
    t = type(v)
    if t is str:
        return v  # type: ignore[no-any-return]
    if t is int:
        return str(v)
    if t is Int64:
        return str(int(v))
    if t is float:
        if v == 0:
            return "-0" if math.copysign(1.0, v) < 0 else "0"
        if v.is_integer() and -1e6 < v < 1e6:
            return str(int(v))
        return format_float(v)
    if t is bool:
        return "true" if v else "false"
    if v is None:
        return "<no value>"
    p = Printer()
    if isinstance(v, GoObject):  # text/template indirects pointers and may take addresses
        if not _handle_methods(p, v, "v", addressable=True):
            if v.go_kind == "ptr" and not isinstance(v, Mapping | list | tuple | str | int | float):
                _print_struct(p, v, "v", 0, v.go_type)
            else:
                _print_value(p, v, "v", 0)
    else:
        _print_arg(p, v, "v")
    return "".join(p.buf)
