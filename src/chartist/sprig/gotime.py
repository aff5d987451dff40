"""Go's ``time`` package as Sprig's date functions need it: Time, Duration, Location.

Hand-written because Python's ``datetime`` is not Go's ``time.Time``: Go keeps nanoseconds,
a location (not a fixed offset), an optional monotonic reading that ``String()`` prints as
``m=+0.001``, years outside 1..9999 (the zero time minus an hour is year 0), and its own
printing of durations (``1h2m3.5s``). The layout language (``2006-01-02``) is in
:mod:`chartist.sprig.golayout`.

A :class:`Time` is seconds since the Unix epoch, nanoseconds, a :class:`Location` and maybe a
monotonic reading. Locations answer ``lookup(unix) -> (abbreviation, offset)``: UTC, fixed
zones, IANA zones through :mod:`zoneinfo`, and ``Local`` through the C library (which
honours ``TZ`` as Go's ``time.Local`` does).
"""

from __future__ import annotations

import time as _time
from typing import Any

from chartist.gotemplate.values import BOOL, BYTES, INT, INT64, STRING, GoObject, Int64, method
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
    format_duration,
    parse_duration,
    round_duration,
    tquote,
)

__all__ = [
    "HOUR",
    "MINUTE",
    "SECOND",
    "UTC",
    "Duration",
    "DurationError",
    "Location",
    "Month",
    "Time",
    "Weekday",
    "civil_from_days",
    "date",
    "days_from_civil",
    "fixed_zone",
    "format_duration",
    "load_location",
    "local",
    "now",
    "parse_duration",
    "round_duration",
    "tquote",
    "unix",
    "zero_time",
]

_ZERO_UNIX = -62135596800  # 0001-01-01T00:00:00Z, Go's zero Time

# Monotonic readings count from (just before) start-up, as Go's do.
_MONO_START = _time.monotonic_ns() - 1

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")


def wrap_int64(n: int) -> int:
    """N as Go's int64 arithmetic leaves it (two's complement wrap-around)."""
    return (n + (1 << 63)) % (1 << 64) - (1 << 63)


# --- calendar -------------------------------------------------------------------------------


def days_from_civil(y: int, m: int, d: int) -> int:
    """Days from 1970-01-01 to Y-M-D in the proleptic Gregorian calendar (any year)."""
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil_from_days(z: int) -> tuple[int, int, int]:
    """(year, month, day) of the day Z days after 1970-01-01."""
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (m <= 2), m, d


def is_leap(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def days_in(month: int, year: int) -> int:
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


# --- locations ------------------------------------------------------------------------------

# datetime (used by zoneinfo) covers years 1..9999; zone lookups outside are clamped.
_LOOKUP_MIN = -62135596800 + 2 * 86400
_LOOKUP_MAX = 253402300799 - 2 * 86400


class Location:
    """A Go ``*time.Location``: a name and the zone in effect at each instant."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def lookup(self, unix: int) -> tuple[str, int]:
        """(zone abbreviation, offset east of UTC in seconds) in effect at UNIX."""
        raise NotImplementedError

    def lookup_name(self, name: str, unix: int) -> int | None:
        """Go's lookupName: the offset of the zone called NAME around UNIX, or None."""
        zones: dict[tuple[str, int], None] = {}
        # Zones seen over the surrounding two years stand in for the zone table.
        for k in range(-24, 25):
            zones[self.lookup(unix + k * 30 * 86400)] = None
        for zname, offset in zones:
            if zname == name and self.lookup(unix - offset)[0] == zname:
                return self.lookup(unix - offset)[1]
        for zname, offset in zones:
            if zname == name:
                return offset
        return None

    def __repr__(self) -> str:
        return f"Location({self.name!r})"


class _Fixed(Location):
    __slots__ = ("abbr", "offset")

    def __init__(self, name: str, offset: int) -> None:
        super().__init__(name)
        self.abbr, self.offset = name, offset

    def lookup(self, unix: int) -> tuple[str, int]:
        return self.abbr, self.offset


class _Zone(Location):
    __slots__ = ("zone",)

    def __init__(self, name: str, zone: Any) -> None:
        super().__init__(name)
        self.zone = zone

    def lookup(self, unix: int) -> tuple[str, int]:
        from datetime import datetime

        dt = datetime.fromtimestamp(min(max(unix, _LOOKUP_MIN), _LOOKUP_MAX), self.zone)
        off = dt.utcoffset()
        return dt.tzname() or "", int(off.total_seconds()) if off is not None else 0


class _Local(Location):
    """Go's time.Local, answered by the C library's localtime (TZ, /etc/localtime)."""

    __slots__ = ()

    def lookup(self, unix: int) -> tuple[str, int]:
        try:
            tm = _time.localtime(unix)
        except (OverflowError, OSError, ValueError):
            tm = _time.localtime(min(max(unix, _LOOKUP_MIN), _LOOKUP_MAX))
        return tm.tm_zone, tm.tm_gmtoff


UTC: Location = _Fixed("UTC", 0)
local: Location = _Local("Local")
_zones: dict[str, Location] = {}


def fixed_zone(name: str, offset: int) -> Location:
    """Go's FixedZone: always NAME at OFFSET seconds east of UTC."""
    return _Fixed(name, offset)


class UnknownLocation(LookupError):
    """LoadLocation failed: ``unknown time zone NAME``."""


def load_location(name: str) -> Location:
    """Go's LoadLocation: ""/"UTC" -> UTC, "Local" -> Local, else an IANA zone.

    Raises UnknownLocation for names Go rejects (``..``, absolute paths, unknown zones).
    """
    if name in ("", "UTC"):
        return UTC
    if name == "Local":
        return local
    loc = _zones.get(name)
    if loc is not None:
        return loc
    if ".." in name or name[0] in "/\\":
        raise UnknownLocation(f"time: invalid location name {name}")
    import zoneinfo

    try:
        zone = zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError, UnicodeError):
        raise UnknownLocation(f"unknown time zone {name}") from None
    loc = _zones[name] = _Zone(name, zone)
    return loc


class _Named(GoObject):
    """An int-kinded Go named type with a String method (time.Month, time.Weekday)."""

    names: tuple[str, ...] = ()
    base = 0
    go_kind = "int"
    __slots__ = ("value",)

    def __init__(self, value: int) -> None:
        self.value = value

    def __int__(self) -> int:
        return self.value

    def __index__(self) -> int:
        return self.value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Named) and type(other) is type(self) and other.value == self.value

    def __hash__(self) -> int:
        return hash(self.value)

    def __str__(self) -> str:
        i = self.value - self.base
        if 0 <= i < len(self.names):
            return self.names[i]
        return f"%!{type(self).__name__}({self.value})"

    @method(result=STRING)
    def String(self) -> str:
        return str(self)


class Month(_Named):
    """A Go ``time.Month`` (1 = January)."""

    go_type = "time.Month"
    names = MONTHS
    base = 1
    __slots__ = ()


class Weekday(_Named):
    """A Go ``time.Weekday`` (0 = Sunday)."""

    go_type = "time.Weekday"
    names = DAYS
    __slots__ = ()


# --- Time -----------------------------------------------------------------------------------


class Time(GoObject):
    """A Go ``time.Time``: an instant (``unix`` seconds + ``nsec``), a Location and maybe a
    monotonic reading (ns since start-up). ``%v`` prints ``String()``:
    ``2006-01-02 15:04:05.999999999 -0700 MST`` plus `` m=+0.000000001`` when monotonic."""

    go_type = "time.Time"
    go_kind = "struct"
    __slots__ = ("loc", "mono", "nsec", "unix")

    def __init__(self, unix: int, nsec: int = 0, loc: Location = UTC, mono: int | None = None) -> None:
        unix += nsec // SECOND
        self.unix, self.nsec, self.loc, self.mono = unix, nsec % SECOND, loc, mono

    def __repr__(self) -> str:
        return f"Time({self.format('2006-01-02T15:04:05.999999999Z07:00')!r}, {self.loc.name})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Time):
            return NotImplemented
        return (self.unix, self.nsec, self.loc, self.mono) == (other.unix, other.nsec, other.loc, other.mono)

    def __hash__(self) -> int:
        return hash((self.unix, self.nsec))

    def zone(self) -> tuple[str, int]:
        """(abbreviation, offset) of the zone in effect."""
        return self.loc.lookup(self.unix)

    def abs_local(self) -> int:
        """Seconds since 1970-01-01 00:00 of the local wall clock."""
        return self.unix + self.loc.lookup(self.unix)[1]

    def date(self) -> tuple[int, int, int]:
        return civil_from_days(self.abs_local() // 86400)

    def clock(self) -> tuple[int, int, int]:
        s = self.abs_local() % 86400
        return s // 3600, s % 3600 // 60, s % 60

    def is_zero(self) -> bool:
        return self.unix == _ZERO_UNIX and self.nsec == 0

    def in_location(self, loc: Location) -> Time:
        """Go's In (also UTC and Local): the same instant in LOC, monotonic reading dropped."""
        return Time(self.unix, self.nsec, loc)

    def add(self, d: int) -> Time:
        """Go's Add: D nanoseconds later; the monotonic reading moves too unless it overflows."""
        mono = self.mono
        if mono is not None:
            m = mono + d
            mono = m if MIN_DURATION <= m <= MAX_DURATION else None
        return Time(self.unix, self.nsec + d, self.loc, mono)

    def sub(self, other: Time) -> int:
        """Go's Sub in nanoseconds, saturating; monotonic readings win when both have one."""
        if self.mono is not None and other.mono is not None:
            d = self.mono - other.mono
        else:
            d = (self.unix - other.unix) * SECOND + self.nsec - other.nsec
        return max(MIN_DURATION, min(MAX_DURATION, d))

    def format(self, layout: str) -> str:
        from chartist.sprig.golayout import format_time

        return format_time(self, layout)

    def string(self) -> str:
        s = self.format("2006-01-02 15:04:05.999999999 -0700 MST")
        if self.mono is not None:
            m = self.mono
            sign = "-" if m < 0 else "+"
            m = abs(m)
            secs, frac = divmod(m, SECOND)
            s += f" m={sign}{secs}.{frac:09d}"
        return s

    def __str__(self) -> str:
        return self.string()

    # Go methods callable from templates.

    @method(result=STRING)
    def String(self) -> str:
        return self.string()

    @method(STRING, result=STRING)
    def Format(self, layout: str) -> str:
        return self.format(layout)

    @method(result=INT64)
    def Unix(self) -> Int64:
        return Int64(self.unix)

    @method(result=INT64)
    def UnixMilli(self) -> Int64:
        return Int64(self.unix * 1000 + self.nsec // MILLISECOND)

    @method(result=INT64)
    def UnixMicro(self) -> Int64:
        return Int64(self.unix * 1000_000 + self.nsec // MICROSECOND)

    @method(result=INT64)
    def UnixNano(self) -> Int64:
        return Int64(wrap_int64(self.unix * SECOND + self.nsec))

    @method(result=INT)
    def Year(self) -> int:
        return self.date()[0]

    @method(result="time.Month")
    def Month(self) -> Month:
        return Month(self.date()[1])

    @method(result=INT)
    def Day(self) -> int:
        return self.date()[2]

    @method(result="time.Weekday")
    def Weekday(self) -> Weekday:
        return Weekday((self.abs_local() // 86400 + 4) % 7)

    @method(result=INT)
    def YearDay(self) -> int:
        y = self.date()[0]
        return self.abs_local() // 86400 - days_from_civil(y, 1, 1) + 1

    @method(result=INT)
    def Hour(self) -> int:
        return self.clock()[0]

    @method(result=INT)
    def Minute(self) -> int:
        return self.clock()[1]

    @method(result=INT)
    def Second(self) -> int:
        return self.clock()[2]

    @method(result=INT)
    def Nanosecond(self) -> int:
        return self.nsec

    @method(result=BOOL)
    def IsZero(self) -> bool:
        return self.is_zero()

    @method(result="time.Time")
    def UTC(self) -> Time:
        return self.in_location(UTC)

    @method(result="time.Time")
    def Local(self) -> Time:
        return self.in_location(local)

    @method("time.Duration", result="time.Time")
    def Add(self, d: Any) -> Time:
        return self.add(int(d))

    @method(INT, INT, INT, result="time.Time")
    def AddDate(self, years: int, months: int, days: int) -> Time:
        y, m, d = self.date()
        hh, mm, ss = self.clock()
        return date(y + years, m + months, d + days, hh, mm, ss, self.nsec, self.loc)

    @method("time.Time", result="time.Duration")
    def Sub(self, other: Time) -> Duration:
        return Duration(self.sub(other))

    @method("time.Time", result=BOOL)
    def Before(self, other: Time) -> bool:
        return self.sub(other) < 0

    @method("time.Time", result=BOOL)
    def After(self, other: Time) -> bool:
        return self.sub(other) > 0

    @method("time.Time", result=BOOL)
    def Equal(self, other: Time) -> bool:
        return self.sub(other) == 0

    def marshal_text(self, what: str = "MarshalText") -> bytes:
        """RFC 3339 with nanoseconds, as Go's MarshalText/MarshalJSON write it."""
        from chartist.gotemplate.values import FuncError

        if not 0 <= self.date()[0] <= 9999:
            raise FuncError(f"Time.{what}: year outside of range [0,9999]")
        return self.format("2006-01-02T15:04:05.999999999Z07:00").encode()

    @method(result=BYTES, error=True)
    def MarshalJSON(self) -> bytes:
        return b'"' + self.marshal_text("MarshalJSON") + b'"'

    @method(result=BYTES, error=True)
    def MarshalText(self) -> bytes:
        return self.marshal_text()


def zero_time() -> Time:
    """Go's ``time.Time{}``: 0001-01-01 00:00:00 UTC."""
    return Time(_ZERO_UNIX)


def now() -> Time:
    """Go's time.Now(): Local, nanoseconds, with a monotonic reading."""
    ns = _time.time_ns()
    return Time(ns // SECOND, ns % SECOND, local, _time.monotonic_ns() - _MONO_START)


def unix(sec: int, nsec: int = 0) -> Time:
    """Go's time.Unix: the instant in Local."""
    return Time(sec, nsec, local)


def date(year: int, month: int, day: int, hour: int, minute: int, sec: int, nsec: int, loc: Location) -> Time:
    """Go's time.Date: fields normalised (month 13 is next January), read in LOC.

    When the wall time is ambiguous or skipped by a zone transition, the offset chosen is
    the one Go chooses (the zone in effect at the guessed instant).
    """
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    wall = (days_from_civil(year, month, 1) + day - 1) * 86400 + hour * 3600 + minute * 60 + sec
    wall += nsec // SECOND
    nsec %= SECOND
    offset = loc.lookup(wall)[1]
    if offset:
        utc = wall - offset
        other = loc.lookup(utc)[1]
        if other != offset:
            offset = other
    return Time(wall - offset, nsec, loc)
