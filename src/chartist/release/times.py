"""Go's ``time.Time`` as release storage writes it: nanoseconds, a UTC offset, RFC 3339 text.

Helm stores times with ``time.Time.MarshalJSON`` (RFC 3339 with up to nine fractional digits,
trailing zeros dropped, ``Z`` for a zero offset, else ``+hh:mm`` of the zone the time was taken
in, the local zone for ``time.Now()``). Python's ``datetime`` keeps microseconds only, so a
release read from storage and written back would lose digits; :class:`GoTime` keeps the
nanoseconds and the offset so that every time round-trips byte for byte.

Go's zero time (``0001-01-01T00:00:00Z``) is ``None`` wherever a model field holds a time:
Helm omits it (``omitzero``) or writes that text.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from chartist.errors import ChartistError

__all__ = ["ZERO_TIME_TEXT", "GoTime", "TimeFormatError", "format_time", "parse_time"]

ZERO_TIME_TEXT = "0001-01-01T00:00:00Z"

_NS = 1_000_000_000
_EPOCH = datetime(1970, 1, 1)  # naive: arithmetic on wall-clock fields
_ZERO_UNIX = -62135596800  # Go's zero time, in seconds since the Unix epoch
# Go's strict RFC 3339 (time.Time.UnmarshalJSON): 'T', '.' fraction, 'Z' or +hh:mm.
_RFC3339 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:(Z)|([+-])(\d{2}):(\d{2}))\Z"
)


class TimeFormatError(ChartistError):
    """A stored time is not RFC 3339 text, or cannot be written as such."""


@dataclass(frozen=True, slots=True, order=True)
class GoTime:
    """An instant with nanosecond precision and the UTC offset (seconds east) it is written in."""

    unix_nano: int
    offset: int = 0

    @classmethod
    def now(cls) -> GoTime:
        """The current time in the local zone, as Go's ``time.Now()``."""
        ns = time.time_ns()
        return cls(ns, _local_offset(ns // _NS))

    @classmethod
    def from_timestamp(cls, seconds: float, offset: int | None = None) -> GoTime:
        """SECONDS since the epoch (microsecond precision), in OFFSET or the local zone."""
        ns = round(seconds * 1_000_000) * 1000
        return cls(ns, _local_offset(ns // _NS) if offset is None else offset)

    @classmethod
    def from_datetime(cls, dt: datetime) -> GoTime:
        """An aware datetime (naive ones are taken as local time)."""
        if dt.tzinfo is None:
            dt = dt.astimezone()
        delta = dt - datetime(1970, 1, 1, tzinfo=UTC)
        ns = (delta.days * 86400 + delta.seconds) * _NS + delta.microseconds * 1000
        off = dt.utcoffset()
        return cls(ns, int(off.total_seconds()) if off is not None else 0)

    def unix(self) -> int:
        """Whole seconds since the epoch (Go's ``Unix()``)."""
        return self.unix_nano // _NS

    def timestamp(self) -> float:
        """Seconds since the epoch as a float."""
        return self.unix_nano / _NS

    def to_datetime(self) -> datetime:
        """An aware datetime in this time's offset (microseconds; extra digits truncated)."""
        tz = timezone(timedelta(seconds=self.offset))
        base = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=self.unix_nano // 1000)
        return base.astimezone(tz)

    def rfc3339nano(self) -> str:
        """Go's ``Format(time.RFC3339Nano)``, which ``MarshalJSON`` writes."""
        secs, ns = divmod(self.unix_nano, _NS)
        try:
            wall = _EPOCH + timedelta(seconds=secs + self.offset)
        except OverflowError:
            raise TimeFormatError("Time.MarshalJSON: year outside of range [0,9999]") from None
        text = f"{wall.year:04d}-{wall.month:02d}-{wall.day:02d}T{wall.hour:02d}:{wall.minute:02d}:{wall.second:02d}"
        if ns:
            text += "." + f"{ns:09d}".rstrip("0")
        if self.offset == 0:
            return text + "Z"
        sign = "-" if self.offset < 0 else "+"
        minutes = abs(self.offset) // 60  # Go's Z07:00 writes hours and minutes only
        return f"{text}{sign}{minutes // 60:02d}:{minutes % 60:02d}"

    def __str__(self) -> str:
        return self.rfc3339nano()


def _local_offset(unix: int) -> int:
    try:
        return time.localtime(unix).tm_gmtoff
    except (OverflowError, OSError, ValueError):
        return 0


def parse_time(text: str) -> GoTime | None:
    """TEXT as Go's ``time.Time.UnmarshalJSON`` reads it; None for Go's zero time.

    Fractional digits past the ninth are dropped, as Go does. Raises TimeFormatError
    (``parsing time "x" as "2006-01-02T15:04:05Z07:00": ...``) for anything else.
    """
    m = _RFC3339.match(text)
    if m is None:
        raise TimeFormatError(f'parsing time "{text}" as "2006-01-02T15:04:05Z07:00": cannot parse')
    year, month, day, hour, minute, second = (int(m.group(i)) for i in range(1, 7))
    frac = m.group(7) or ""
    if m.group(8):
        offset = 0
    else:
        oh, om = int(m.group(10)), int(m.group(11))
        if oh > 23 or om > 59:
            raise TimeFormatError(f'parsing time "{text}": time zone offset out of range')
        offset = (oh * 3600 + om * 60) * (-1 if m.group(9) == "-" else 1)
    try:
        wall = datetime(year, month, day, hour, minute, second)
    except ValueError as err:
        raise TimeFormatError(f'parsing time "{text}": {err}') from None
    delta = wall - _EPOCH
    secs = delta.days * 86400 + delta.seconds - offset
    ns = int((frac + "000000000")[:9])
    if secs == _ZERO_UNIX and ns == 0:
        return None
    return GoTime(secs * _NS + ns, offset)


def format_time(t: GoTime | None) -> str:
    """T as ``MarshalJSON`` writes it; None is Go's zero time."""
    return ZERO_TIME_TEXT if t is None else t.rfc3339nano()
