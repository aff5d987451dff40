"""Helm's duration helpers (``mustToDuration``, ``durationSeconds``, ... ``durationTruncateTo``).

Helm v4.2.3 does NOT ship them: they were added to ``pkg/engine/funcs.go`` on Helm's main branch
after v4.2.3, so in v4.2.3 a template calling ``mustToDuration`` fails to parse with
``function "mustToDuration" not defined``. :data:`FUNCS` (what the engine installs) is therefore
empty; the functions are written and tested here, in :data:`UNRELEASED_FUNCS`, so that moving
the reference to a Helm release that has them is a one-line change.

Their contract, as Helm's main branch defines it:

* a duration is read from a ``time.Duration``, a Go duration string (``"1h2m3s"``), a numeric
  string or any Go number (seconds; ints exactly, floats truncated to nanoseconds);
* ``mustToDuration`` fails with the conversion error; every other helper returns 0 on a bad
  input, and the ``*To`` helpers return the value unchanged when the multiple is bad.

The Go duration type, its printing and parsing come from :mod:`chartist.sprig.goduration`;
the conversions below use Go's integer arithmetic (truncating division) so that results match
Go's ``Duration.Seconds()``/``Milliseconds()``... to the last bit.
"""

from __future__ import annotations

import math
from typing import Any

from chartist.gotemplate.values import FLOAT64, INT64, INTERFACE, FuncError, GoFunc, Int64, Uint64, gofunc
from chartist.sprig.goduration import (
    HOUR,
    MAX_DURATION,
    MICROSECOND,
    MILLISECOND,
    MIN_DURATION,
    MINUTE,
    SECOND,
    Duration,
    DurationError,
    parse_duration,
    round_duration,
)

__all__ = ["FUNCS", "UNRELEASED_FUNCS", "DurationValueError", "as_duration"]

DURATION = "time.Duration"

_MAX_SECONDS = MAX_DURATION // SECOND  # Go: math.MaxInt64 / int64(time.Second), truncated
_MIN_SECONDS = -(-MIN_DURATION // SECOND)
_MAX_SECONDS_F = float(MAX_DURATION) / float(SECOND)
_MIN_SECONDS_F = float(MIN_DURATION) / float(SECOND)
# Go's unicode.IsSpace, for strings.TrimSpace.
_GO_SPACE = "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


class DurationValueError(ValueError):
    """A value is not a duration; ``str()`` is Helm's message."""


def _quo(a: int, b: int) -> int:
    """Go's integer division (truncates toward zero)."""
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def _rem(a: int, b: int) -> int:
    """Go's ``%`` (the sign of the dividend)."""
    return a - _quo(a, b) * b


def _sprint_float(f: float) -> str:
    from chartist.gotemplate.fmt import sprintf

    return sprintf("%v", f)


def _from_seconds_int(seconds: int) -> int:
    if seconds > _MAX_SECONDS or seconds < _MIN_SECONDS:
        raise DurationValueError(f"duration seconds overflow: {seconds}")
    return seconds * SECOND


def _from_seconds_float(seconds: float) -> int:
    if math.isnan(seconds) or math.isinf(seconds):
        raise DurationValueError(f"invalid duration seconds: {_sprint_float(seconds)}")
    if seconds > _MAX_SECONDS_F or seconds < _MIN_SECONDS_F:
        raise DurationValueError(f"duration seconds overflow: {_sprint_float(seconds)}")
    nanos = seconds * float(SECOND)
    if nanos > float(MAX_DURATION) or nanos < float(MIN_DURATION):
        raise DurationValueError(f"duration nanoseconds overflow: {_sprint_float(nanos)}")
    n = int(nanos)
    # float64(MaxInt64) is 2**63: converting it to int64 wraps on amd64, as in Go.
    return MIN_DURATION if n > MAX_DURATION else n


def as_duration(v: Any) -> int:
    """Helm's asDuration: V as nanoseconds; raises DurationValueError with Helm's message."""
    from chartist.gotemplate.fmt import quote
    from chartist.gotemplate.values import type_name

    if isinstance(v, Duration):
        return v.ns
    if isinstance(v, str):
        s = v.strip(_GO_SPACE)
        if not s:
            raise DurationValueError("empty duration")
        try:
            return parse_duration(s)
        except DurationError:
            pass
        from chartist.sprig.conversion import parse_float

        f = parse_float(s)
        if f is not None:
            return _from_seconds_float(f)
        raise DurationValueError(f"could not parse duration {quote(v)}")
    if v is None:
        raise DurationValueError("invalid duration")
    if isinstance(v, bool):
        raise DurationValueError("unsupported duration type bool")
    if isinstance(v, Uint64):
        if v > _MAX_SECONDS:
            raise DurationValueError(f"duration seconds overflow: {int(v)}")
        return int(v) * SECOND
    if isinstance(v, int):
        return _from_seconds_int(int(v))
    if isinstance(v, float):
        return _from_seconds_float(v)
    raise DurationValueError(f"unsupported duration type {type_name(v)}")


def _or_zero(v: Any) -> int | None:
    try:
        return as_duration(v)
    except DurationValueError:
        return None


@gofunc(INTERFACE, result=DURATION)
def must_to_duration(v: Any) -> Duration:
    try:
        return Duration(as_duration(v))
    except DurationValueError as err:
        raise FuncError(str(err)) from None


@gofunc(INTERFACE, result=FLOAT64)
def duration_seconds(v: Any) -> float:
    d = _or_zero(v)
    if d is None:
        return 0.0
    return float(_quo(d, SECOND)) + float(_rem(d, SECOND)) / 1e9


@gofunc(INTERFACE, result=INT64)
def duration_milliseconds(v: Any) -> Int64:
    d = _or_zero(v)
    return Int64(0 if d is None else _quo(d, MILLISECOND))


@gofunc(INTERFACE, result=INT64)
def duration_microseconds(v: Any) -> Int64:
    d = _or_zero(v)
    return Int64(0 if d is None else _quo(d, MICROSECOND))


@gofunc(INTERFACE, result=INT64)
def duration_nanoseconds(v: Any) -> Int64:
    d = _or_zero(v)
    return Int64(0 if d is None else d)


def _minutes(d: int) -> float:
    return float(_quo(d, MINUTE)) + float(_rem(d, MINUTE)) / (60 * 1e9)


def _hours(d: int) -> float:
    return float(_quo(d, HOUR)) + float(_rem(d, HOUR)) / (60 * 60 * 1e9)


@gofunc(INTERFACE, result=FLOAT64)
def duration_minutes(v: Any) -> float:
    d = _or_zero(v)
    return 0.0 if d is None else _minutes(d)


@gofunc(INTERFACE, result=FLOAT64)
def duration_hours(v: Any) -> float:
    d = _or_zero(v)
    return 0.0 if d is None else _hours(d)


@gofunc(INTERFACE, result=FLOAT64)
def duration_days(v: Any) -> float:
    d = _or_zero(v)
    return 0.0 if d is None else _hours(d) / 24.0


@gofunc(INTERFACE, result=FLOAT64)
def duration_weeks(v: Any) -> float:
    d = _or_zero(v)
    return 0.0 if d is None else _hours(d) / 24.0 / 7.0


@gofunc(INTERFACE, INTERFACE, result=DURATION)
def duration_round_to(v: Any, m: Any) -> Duration:
    d = _or_zero(v)
    if d is None:
        return Duration(0)
    mul = _or_zero(m)
    return Duration(d if mul is None else round_duration(d, mul))


@gofunc(INTERFACE, INTERFACE, result=DURATION)
def duration_truncate_to(v: Any, m: Any) -> Duration:
    d = _or_zero(v)
    if d is None:
        return Duration(0)
    mul = _or_zero(m)
    if mul is None or mul <= 0:
        return Duration(d)
    return Duration(d - _rem(d, mul))


UNRELEASED_FUNCS: dict[str, GoFunc] = {
    "mustToDuration": must_to_duration,
    "durationSeconds": duration_seconds,
    "durationMilliseconds": duration_milliseconds,
    "durationMicroseconds": duration_microseconds,
    "durationNanoseconds": duration_nanoseconds,
    "durationMinutes": duration_minutes,
    "durationHours": duration_hours,
    "durationDays": duration_days,
    "durationWeeks": duration_weeks,
    "durationRoundTo": duration_round_to,
    "durationTruncateTo": duration_truncate_to,
}
"""The duration helpers of Helm's main branch (after v4.2.3), by template name."""

FUNCS: dict[str, GoFunc] = {}
"""What Helm v4.2.3's engine has of them: nothing (see the module docstring)."""
