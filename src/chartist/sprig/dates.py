"""Sprig's date functions (Sprig v3.3.0): ``now``, ``date``, ``dateInZone``, ``dateModify``,
``duration``, ``durationRound``, ``htmlDate``, ``toDate``, ``unixEpoch``, ``ago`` and their
aliases.

Times are Go ``time.Time`` values (:class:`~chartist.sprig.gotime.Time`), layouts are Go's
reference-time layouts (``"2006-01-02T15:04:05Z07:00"``), durations print as Go's
(``1h2m3.5s``). Where Sprig ignores an error it does so here too: ``date`` of a value that is
not a time or an integer formats the current time, an unknown zone means UTC, ``dateModify``
with a bad duration returns the date unchanged, ``toDate`` of text that does not parse is the
zero time.
"""

from __future__ import annotations

from typing import Any

from chartist.gotemplate.values import INTERFACE, STRING, FuncError, GoFunc, Int64, gofunc
from chartist.sprig import gotime
from chartist.sprig.golayout import TimeParseError, parse_time
from chartist.sprig.gotime import SECOND, DurationError, Time, format_duration, parse_duration

__all__ = ["FUNCS"]

TIME = "time.Time"
_HTML_DATE = "2006-01-02"


def _as_time(value: Any) -> Time:
    """The time Sprig's dateInZone makes of VALUE: a time, or Unix seconds, else now."""
    if isinstance(value, Time):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return gotime.unix(int(value))
    return gotime.now()


def _zone(name: str) -> gotime.Location:
    try:
        return gotime.load_location(name)
    except gotime.UnknownLocation:
        return gotime.UTC


def _date_in_zone(layout: str, value: Any, zone: str) -> str:
    return _as_time(value).in_location(_zone(zone)).format(layout)


@gofunc(result=TIME)
def now() -> Time:
    """now: the current local time (with Go's monotonic reading)."""
    return gotime.now()


@gofunc(STRING, INTERFACE, result=STRING)
def date(layout: str, value: Any) -> str:
    """date LAYOUT TIME: TIME (a time, or Unix seconds as an int) formatted in the local zone."""
    return _date_in_zone(layout, value, "Local")


@gofunc(STRING, INTERFACE, STRING, result=STRING)
def dateInZone(layout: str, value: Any, zone: str) -> str:
    """dateInZone LAYOUT TIME ZONE: as date, in the IANA zone ZONE (UTC if unknown)."""
    return _date_in_zone(layout, value, zone)


@gofunc(INTERFACE, result=STRING)
def htmlDate(value: Any) -> str:
    """htmlDate TIME: ``2006-01-02`` in the local zone."""
    return _date_in_zone(_HTML_DATE, value, "Local")


@gofunc(INTERFACE, STRING, result=STRING)
def htmlDateInZone(value: Any, zone: str) -> str:
    """htmlDateInZone TIME ZONE: ``2006-01-02`` in ZONE."""
    return _date_in_zone(_HTML_DATE, value, zone)


@gofunc(STRING, TIME, result=TIME)
def dateModify(delta: str, value: Time) -> Time:
    """dateModify DURATION TIME: TIME plus a Go duration (``-1.5h``); unchanged if it is bad."""
    try:
        return value.add(parse_duration(delta))
    except DurationError:
        return value


@gofunc(STRING, TIME, result=TIME, error=True)
def mustDateModify(delta: str, value: Time) -> Time:
    """mustDateModify DURATION TIME: as dateModify, but a bad duration is an error."""
    try:
        return value.add(parse_duration(delta))
    except DurationError as err:
        raise FuncError(str(err)) from None


@gofunc(INTERFACE, result=STRING)
def ago(value: Any) -> str:
    """ago TIME: the time since TIME (a time or Unix seconds; else now), to the second."""
    if isinstance(value, Time):
        t = value
    elif isinstance(value, int) and not isinstance(value, bool):
        t = gotime.unix(int(value))
    else:
        t = gotime.now()
    return format_duration(gotime.round_duration(gotime.now().sub(t), SECOND))


@gofunc(INTERFACE, result=STRING)
def duration(sec: Any) -> str:
    """duration SECONDS: SECONDS (an int64 or a decimal string; anything else is 0) as a Go
    duration (``1m35s``)."""
    n = 0
    if isinstance(sec, str):
        n = _parse_int64(sec)
    elif isinstance(sec, Int64):
        n = int(sec)
    return format_duration(gotime.wrap_int64(n * SECOND))


def _parse_int64(s: str) -> int:
    """strconv.ParseInt(s, 10, 64) with its error ignored, as Sprig does: 0 for bad syntax,
    the nearest int64 when out of range."""
    body = s[1:] if s[:1] in "+-" else s
    if not body or not body.isascii() or not body.isdigit():
        return 0
    return max(-(1 << 63), min((1 << 63) - 1, int(s)))


_YEAR = 365 * 24 * gotime.HOUR
_MONTH = 30 * 24 * gotime.HOUR
_DAY = 24 * gotime.HOUR


@gofunc(INTERFACE, result=STRING)
def durationRound(value: Any) -> str:
    """durationRound DURATION: the largest whole unit of DURATION (``2h``, ``3mo``, ``1y``).

    DURATION is a Go duration string, an int64 of nanoseconds, or a time (meaning the time
    since then); anything else is 0. Units: y (365d), mo (30d), d, h, m, s.
    """
    d = 0
    if isinstance(value, str):
        try:
            d = parse_duration(value)
        except DurationError:
            d = 0
    elif isinstance(value, Int64):
        d = int(value)
    elif isinstance(value, Time):
        d = gotime.now().sub(value)
    u = abs(d)
    for size, unit in ((_YEAR, "y"), (_MONTH, "mo"), (_DAY, "d"), (gotime.HOUR, "h"), (gotime.MINUTE, "m")):
        if u > size:
            return f"{u // size}{unit}"
    if u > SECOND:
        return f"{u // SECOND}s"
    return "0s"


@gofunc(STRING, STRING, result=TIME)
def toDate(layout: str, text: str) -> Time:
    """toDate LAYOUT TEXT: TEXT read with the Go LAYOUT in the local zone; the zero time
    (0001-01-01 00:00:00 UTC) when it does not parse."""
    try:
        return parse_time(layout, text, gotime.local, gotime.local)
    except TimeParseError:
        return gotime.zero_time()


@gofunc(STRING, STRING, result=TIME, error=True)
def mustToDate(layout: str, text: str) -> Time:
    """mustToDate LAYOUT TEXT: as toDate, but text that does not parse is Go's parse error."""
    try:
        return parse_time(layout, text, gotime.local, gotime.local)
    except TimeParseError as err:
        raise FuncError(str(err)) from None


@gofunc(TIME, result=STRING)
def unixEpoch(value: Time) -> str:
    """unixEpoch TIME: seconds since 1970-01-01 UTC, in decimal."""
    return str(value.unix)


FUNCS: dict[str, GoFunc] = {
    "ago": ago,
    "date": date,
    "dateInZone": dateInZone,
    "dateModify": dateModify,
    "date_in_zone": dateInZone,
    "date_modify": dateModify,
    "duration": duration,
    "durationRound": durationRound,
    "htmlDate": htmlDate,
    "htmlDateInZone": htmlDateInZone,
    "mustDateModify": mustDateModify,
    "mustToDate": mustToDate,
    "must_date_modify": mustDateModify,
    "now": now,
    "toDate": toDate,
    "unixEpoch": unixEpoch,
}
