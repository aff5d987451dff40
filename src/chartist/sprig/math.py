"""Sprig's math functions (docs/math.md and mathf.md), as Helm v4 ships them.

Integer functions convert every argument with cast.ToInt64 (strings parsed, floats truncated,
bools 0/1, anything else 0) and return ``int64``, wrapping around on overflow as Go does;
dividing by zero is Go's runtime panic, reported as the function's error. The float functions
``addf subf mulf divf add1f`` go through shopspring/decimal: each operand becomes the shortest
decimal that reads back as the same float64, the arithmetic is exact (division rounds half away
from zero at 16 decimal places) and the result is the nearest float64, so ``addf 1.1 2.2`` is
``3.3`` where float arithmetic gives ``3.3000000000000003``. Hand-written because Python's
``decimal`` contexts round differently and its ``max``/``min`` treat NaN and -0 otherwise.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from chartist.gotemplate.strconv import format_float
from chartist.gotemplate.values import FuncError, GoFunc, Int64, gofunc
from chartist.sprig.conversion import to_float64, to_int64, wrap64

__all__ = ["FUNCS"]

_I = "interface {}"
_DIVIDE_BY_ZERO = "runtime error: integer divide by zero"
_DIVISION_PRECISION = 10**16  # decimal.DivisionPrecision = 16 places


@gofunc(_I, variadic=True, result="int64")
def add(*values: Any) -> Int64:
    """The sum of the values, each as int64."""
    return Int64(wrap64(sum(to_int64(v) for v in values)))


@gofunc(_I, result="int64")
def add1(v: Any) -> Int64:
    """V as int64, plus one."""
    return Int64(wrap64(to_int64(v) + 1))


@gofunc(_I, _I, result="int64")
def sub(a: Any, b: Any) -> Int64:
    """A minus B, as int64."""
    return Int64(wrap64(to_int64(a) - to_int64(b)))


@gofunc(_I, _I, variadic=True, result="int64")
def mul(a: Any, *values: Any) -> Int64:
    """The product of the values, as int64."""
    r = to_int64(a)
    for v in values:
        r = wrap64(r * to_int64(v))
    return Int64(r)


@gofunc(_I, _I, result="int64")
def div(a: Any, b: Any) -> Int64:
    """A divided by B, truncated toward zero, as int64."""
    x, y = to_int64(a), to_int64(b)
    if y == 0:
        raise FuncError(_DIVIDE_BY_ZERO)
    q = abs(x) // abs(y)
    return Int64(wrap64(q if (x < 0) == (y < 0) else -q))


@gofunc(_I, _I, result="int64")
def mod(a: Any, b: Any) -> Int64:
    """The remainder of A divided by B, with the sign of A (Go's %), as int64."""
    x, y = to_int64(a), to_int64(b)
    if y == 0:
        raise FuncError(_DIVIDE_BY_ZERO)
    r = abs(x) % abs(y)
    return Int64(-r if x < 0 else r)


def _max_min(a: Any, values: tuple[Any, ...], bigger: bool) -> Int64:
    r = to_int64(a)
    for v in values:
        x = to_int64(v)
        if (x > r) if bigger else (x < r):
            r = x
    return Int64(r)


@gofunc(_I, _I, variadic=True, result="int64")
def max_(a: Any, *values: Any) -> Int64:
    """The largest value, as int64 (also called biggest)."""
    return _max_min(a, values, True)


@gofunc(_I, _I, variadic=True, result="int64")
def min_(a: Any, *values: Any) -> Int64:
    """The smallest value, as int64."""
    return _max_min(a, values, False)


def _go_max(x: float, y: float) -> float:
    """math.Max: +Inf wins, then NaN; +0 beats -0."""
    if x == math.inf or y == math.inf:
        return math.inf
    if x != x or y != y:
        return math.nan
    if x == 0 and y == 0:
        return y if math.copysign(1.0, x) < 0 else x
    return x if x > y else y


def _go_min(x: float, y: float) -> float:
    """math.Min: -Inf wins, then NaN; -0 beats +0."""
    if x == -math.inf or y == -math.inf:
        return -math.inf
    if x != x or y != y:
        return math.nan
    if x == 0 and y == 0:
        return x if math.copysign(1.0, x) < 0 else y
    return x if x < y else y


@gofunc(_I, _I, variadic=True, result="float64")
def maxf(a: Any, *values: Any) -> float:
    """The largest value, as float64."""
    r = to_float64(a)
    for v in values:
        r = _go_max(r, to_float64(v))
    return r


@gofunc(_I, _I, variadic=True, result="float64")
def minf(a: Any, *values: Any) -> float:
    """The smallest value, as float64."""
    r = to_float64(a)
    for v in values:
        r = _go_min(r, to_float64(v))
    return r


def _floor(x: float) -> float:
    if not math.isfinite(x):
        return x
    return math.copysign(float(math.floor(x)), x)


def _ceil(x: float) -> float:
    if not math.isfinite(x):
        return x
    return math.copysign(float(math.ceil(x)), x)


@gofunc(_I, result="float64")
def floor(v: Any) -> float:
    """math.Floor of V as float64."""
    return _floor(to_float64(v))


@gofunc(_I, result="float64")
def ceil(v: Any) -> float:
    """math.Ceil of V as float64 (``ceil -0.5`` is -0, as in Go)."""
    return _ceil(to_float64(v))


@gofunc(_I, "int", "float64", variadic=True, result="float64")
def round_(v: Any, places: int, *round_on: float) -> float:
    """V rounded to PLACES decimals; up when the dropped part is >= ROUND_ON (default .5).

    Sprig's own algorithm: the fraction is taken after scaling, so negative halves round
    down (``round -1.5 0`` is -2) and float error shows (as in Helm).
    """
    on = round_on[0] if round_on else 0.5
    val = to_float64(v)
    try:
        p = math.pow(10, float(places))
    except OverflowError:
        p = math.inf
    digit = p * val
    # math.Modf: the fraction of an infinity is NaN, so an infinity is never rounded up.
    frac = math.modf(digit)[0] if math.isfinite(digit) else math.nan
    r = _ceil(digit) if frac >= on else _floor(digit)
    if p == 0:  # 10**places underflowed: Go divides by zero in floats
        return math.nan if r == 0 or r != r else math.copysign(math.inf, r)
    return r / p


def _decimal(v: Any) -> Fraction:
    """decimal.NewFromFloat(cast.ToFloat64(v)): the shortest decimal of the float, exactly."""
    f = to_float64(v)
    if not math.isfinite(f):
        raise FuncError(f"Cannot create a Decimal from {format_float(f)}")
    return Fraction(repr(f)) if f else Fraction(0)


def _to_float(x: Fraction) -> float:
    """Decimal.Float64: the nearest float64, infinite when out of range."""
    try:
        return float(x)
    except OverflowError:
        return math.inf if x > 0 else -math.inf


def _div_round(a: Fraction, b: Fraction) -> Fraction:
    """decimal.Div: A/B rounded half away from zero to 16 decimal places."""
    if b == 0:
        raise FuncError("decimal division by 0")
    q = a / b * _DIVISION_PRECISION
    n = abs(q.numerator) * 2 + q.denominator
    units = n // (2 * q.denominator)  # round half up on the magnitude
    return Fraction(units if q >= 0 else -units, _DIVISION_PRECISION)


def _decimal_op(first: Any, rest: tuple[Any, ...], op: Callable[[Fraction, Fraction], Fraction]) -> float:
    acc = _decimal(first)
    for v in rest:
        acc = op(acc, _decimal(v))
    return _to_float(acc)


@gofunc(_I, variadic=True, result="float64")
def addf(*values: Any) -> float:
    """The decimal sum of the values, as float64."""
    return _decimal_op(0.0, values, lambda x, y: x + y)


@gofunc(_I, result="float64")
def add1f(v: Any) -> float:
    """V plus one, in decimal, as float64."""
    return _decimal_op(v, (1,), lambda x, y: x + y)


@gofunc(_I, _I, variadic=True, result="float64")
def subf(a: Any, *values: Any) -> float:
    """A minus the other values, in decimal, as float64."""
    return _decimal_op(a, values, lambda x, y: x - y)


@gofunc(_I, _I, variadic=True, result="float64")
def mulf(a: Any, *values: Any) -> float:
    """The decimal product of the values, as float64."""
    return _decimal_op(a, values, lambda x, y: x * y)


@gofunc(_I, _I, variadic=True, result="float64")
def divf(a: Any, *values: Any) -> float:
    """A divided by each other value in turn, in decimal (16 places), as float64."""
    return _decimal_op(a, values, _div_round)


@gofunc("int", "int", result="int")
def rand_int(lo: int, hi: int) -> int:
    """A random integer in [LO, HI)."""
    if hi - lo <= 0:
        raise FuncError("invalid argument to Intn")
    return random.randrange(lo, hi)


FUNCS: dict[str, GoFunc] = {
    "add": add,
    "add1": add1,
    "add1f": add1f,
    "addf": addf,
    "biggest": max_,
    "ceil": ceil,
    "div": div,
    "divf": divf,
    "floor": floor,
    "max": max_,
    "maxf": maxf,
    "min": min_,
    "minf": minf,
    "mod": mod,
    "mul": mul,
    "mulf": mulf,
    "randInt": rand_int,
    "round": round_,
    "sub": sub,
    "subf": subf,
}
