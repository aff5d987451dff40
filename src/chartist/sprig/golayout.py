"""Go's time layouts (``2006-01-02T15:04:05Z07:00``): formatting and parsing, element for
element as Go's time/format.go reads them.

Hand-written because no Python library speaks Go's reference-time layouts; translating them
to ``strftime`` loses ``_2``, ``__2``, ``.999``, ``Z07:00``, ``pm`` and Go's parse rules.

Elements: years ``2006 06``; months ``January Jan 1 01``; weekdays ``Monday Mon``; days
``2 _2 02``; year days ``__2 002``; hours ``15 3 03``; minutes ``4 04``; seconds ``5 05``;
``PM pm``; zones ``MST``, ``-0700 -07:00 -07 -070000 -07:00:00`` and the ``Z`` forms that
print ``Z`` for UTC; fractions ``.000``/``,000`` (fixed) and ``.999``/``,999`` (trimmed).
Everything else is literal text.
"""

from __future__ import annotations

from chartist.sprig.gotime import (
    DAYS,
    MONTHS,
    UTC,
    Location,
    Time,
    civil_from_days,
    date,
    days_from_civil,
    days_in,
    fixed_zone,
    is_leap,
    tquote,
)

__all__ = ["TimeParseError", "format_time", "parse_time"]

# Element codes; the fraction codes carry their digit count and separator in a tuple.
LONG_MONTH, MONTH, NUM_MONTH, ZERO_MONTH = "January", "Jan", "1", "01"
LONG_WEEKDAY, WEEKDAY = "Monday", "Mon"
DAY, UNDER_DAY, ZERO_DAY = "2", "_2", "02"
UNDER_YEARDAY, ZERO_YEARDAY = "__2", "002"
HOUR, HOUR12, ZERO_HOUR12 = "15", "3", "03"
MINUTE, ZERO_MINUTE, SECOND, ZERO_SECOND = "4", "04", "5", "05"
LONG_YEAR, YEAR = "2006", "06"
PM_UPPER, PM_LOWER = "PM", "pm"
TZ = "MST"
ISO_TZ, ISO_SECONDS_TZ, ISO_SHORT_TZ, ISO_COLON_TZ, ISO_COLON_SECONDS_TZ = (
    "Z0700",
    "Z070000",
    "Z07",
    "Z07:00",
    "Z07:00:00",
)
NUM_TZ, NUM_SECONDS_TZ, NUM_SHORT_TZ, NUM_COLON_TZ, NUM_COLON_SECONDS_TZ = (
    "-0700",
    "-070000",
    "-07",
    "-07:00",
    "-07:00:00",
)
FRAC0, FRAC9 = "frac0", "frac9"
_ISO_ZONES = (ISO_TZ, ISO_SECONDS_TZ, ISO_SHORT_TZ, ISO_COLON_TZ, ISO_COLON_SECONDS_TZ)
_NUM_ZONES = (NUM_TZ, NUM_SECONDS_TZ, NUM_SHORT_TZ, NUM_COLON_TZ, NUM_COLON_SECONDS_TZ)
_STD0X = (ZERO_MONTH, ZERO_DAY, ZERO_HOUR12, ZERO_MINUTE, ZERO_SECOND, YEAR)

Std = str | tuple[str, int, str]  # element code, or (FRAC0|FRAC9, digits, separator)


def _starts_lower(s: str) -> bool:
    return bool(s) and "a" <= s[0] <= "z"


def next_chunk(layout: str) -> tuple[str, Std | None, str]:
    """Go's nextStdChunk: (literal prefix, first element or None, rest of the layout)."""
    n = len(layout)
    for i, c in enumerate(layout):
        if c == "J" and layout.startswith("Jan", i):
            if layout.startswith("January", i):
                return layout[:i], LONG_MONTH, layout[i + 7 :]
            if not _starts_lower(layout[i + 3 :]):
                return layout[:i], MONTH, layout[i + 3 :]
        elif c == "M" and i + 3 <= n:
            if layout.startswith("Mon", i):
                if layout.startswith("Monday", i):
                    return layout[:i], LONG_WEEKDAY, layout[i + 6 :]
                if not _starts_lower(layout[i + 3 :]):
                    return layout[:i], WEEKDAY, layout[i + 3 :]
            if layout.startswith("MST", i):
                return layout[:i], TZ, layout[i + 3 :]
        elif c == "0":
            if i + 1 < n and "1" <= layout[i + 1] <= "6":
                return layout[:i], _STD0X[ord(layout[i + 1]) - ord("1")], layout[i + 2 :]
            if layout.startswith("002", i):
                return layout[:i], ZERO_YEARDAY, layout[i + 3 :]
        elif c == "1":
            if i + 1 < n and layout[i + 1] == "5":
                return layout[:i], HOUR, layout[i + 2 :]
            return layout[:i], NUM_MONTH, layout[i + 1 :]
        elif c == "2":
            if layout.startswith("2006", i):
                return layout[:i], LONG_YEAR, layout[i + 4 :]
            return layout[:i], DAY, layout[i + 1 :]
        elif c == "_":
            if i + 1 < n and layout[i + 1] == "2":
                # "_2006" is a literal "_" and then the year.
                if layout.startswith("2006", i + 1):
                    return layout[: i + 1], LONG_YEAR, layout[i + 5 :]
                return layout[:i], UNDER_DAY, layout[i + 2 :]
            if layout.startswith("__2", i):
                return layout[:i], UNDER_YEARDAY, layout[i + 3 :]
        elif c == "3":
            return layout[:i], HOUR12, layout[i + 1 :]
        elif c == "4":
            return layout[:i], MINUTE, layout[i + 1 :]
        elif c == "5":
            return layout[:i], SECOND, layout[i + 1 :]
        elif c == "P" and i + 1 < n and layout[i + 1] == "M":
            return layout[:i], PM_UPPER, layout[i + 2 :]
        elif c == "p" and i + 1 < n and layout[i + 1] == "m":
            return layout[:i], PM_LOWER, layout[i + 2 :]
        elif c == "-":
            for std in (NUM_SECONDS_TZ, NUM_COLON_SECONDS_TZ, NUM_TZ, NUM_COLON_TZ, NUM_SHORT_TZ):
                if layout.startswith(std, i):
                    return layout[:i], std, layout[i + len(std) :]
        elif c == "Z":
            for std in (ISO_SECONDS_TZ, ISO_COLON_SECONDS_TZ, ISO_TZ, ISO_COLON_TZ, ISO_SHORT_TZ):
                if layout.startswith(std, i):
                    return layout[:i], std, layout[i + len(std) :]
        elif c in ".," and i + 1 < n and layout[i + 1] in "09":
            ch = layout[i + 1]
            j = i + 1
            while j < n and layout[j] == ch:
                j += 1
            # Only a run of digits ending here is a fraction.
            if not (j < n and "0" <= layout[j] <= "9"):
                return layout[:i], (FRAC0 if ch == "0" else FRAC9, j - (i + 1), c), layout[j:]
    return layout, None, ""


def _pad(x: int, width: int) -> str:
    """Go's appendInt: sign, then at least WIDTH digits."""
    s = str(abs(x)).rjust(width, "0")
    return "-" + s if x < 0 else s


def _frac(nsec: int, std: tuple[str, int, str]) -> str:
    code, n, sep = std
    trim = code == FRAC9
    if trim and (n == 0 or nsec == 0):
        return ""
    digits = f"{nsec:09d}"[:n] if n < 9 else f"{nsec:09d}"
    if trim:
        digits = digits.rstrip("0")
        if not digits:
            return ""
    return sep + digits


def format_time(t: Time, layout: str) -> str:
    """Go's Time.Format(LAYOUT)."""
    name, offset = t.loc.lookup(t.unix)
    abs_sec = t.unix + offset
    days = abs_sec // 86400
    secs = abs_sec % 86400
    out: list[str] = []
    ymd: tuple[int, int, int] | None = None
    while layout:
        prefix, std, layout = next_chunk(layout)
        if prefix:
            out.append(prefix)
        if std is None:
            break
        if isinstance(std, tuple):
            out.append(_frac(t.nsec, std))
            continue
        if std in (LONG_YEAR, YEAR, MONTH, LONG_MONTH, NUM_MONTH, ZERO_MONTH, DAY, UNDER_DAY, ZERO_DAY):
            ymd = ymd or civil_from_days(days)
        hour, minute, second = secs // 3600, secs % 3600 // 60, secs % 60
        if std == YEAR:
            assert ymd is not None
            out.append(_pad(abs(ymd[0]) % 100, 2))
        elif std == LONG_YEAR:
            assert ymd is not None
            out.append(_pad(ymd[0], 4))
        elif std == MONTH:
            assert ymd is not None
            out.append(MONTHS[ymd[1] - 1][:3])
        elif std == LONG_MONTH:
            assert ymd is not None
            out.append(MONTHS[ymd[1] - 1])
        elif std == NUM_MONTH:
            assert ymd is not None
            out.append(str(ymd[1]))
        elif std == ZERO_MONTH:
            assert ymd is not None
            out.append(_pad(ymd[1], 2))
        elif std == WEEKDAY:
            out.append(DAYS[(days + 4) % 7][:3])
        elif std == LONG_WEEKDAY:
            out.append(DAYS[(days + 4) % 7])
        elif std == DAY:
            assert ymd is not None
            out.append(str(ymd[2]))
        elif std == UNDER_DAY:
            assert ymd is not None
            out.append(f"{ymd[2]:2d}")
        elif std == ZERO_DAY:
            assert ymd is not None
            out.append(_pad(ymd[2], 2))
        elif std in (UNDER_YEARDAY, ZERO_YEARDAY):
            yday = days - days_from_civil(civil_from_days(days)[0], 1, 1) + 1
            out.append(f"{yday:3d}" if std == UNDER_YEARDAY else _pad(yday, 3))
        elif std == HOUR:
            out.append(_pad(hour, 2))
        elif std in (HOUR12, ZERO_HOUR12):
            hr = hour % 12 or 12
            out.append(str(hr) if std == HOUR12 else _pad(hr, 2))
        elif std == MINUTE:
            out.append(str(minute))
        elif std == ZERO_MINUTE:
            out.append(_pad(minute, 2))
        elif std == SECOND:
            out.append(str(second))
        elif std == ZERO_SECOND:
            out.append(_pad(second, 2))
        elif std == PM_UPPER:
            out.append("PM" if hour >= 12 else "AM")
        elif std == PM_LOWER:
            out.append("pm" if hour >= 12 else "am")
        elif std in _ISO_ZONES or std in _NUM_ZONES:
            out.append(_zone(std, offset))
        elif std == TZ:
            if name:
                out.append(name)
            else:
                zone = _trunc_div(offset, 60)
                out.append(("-" if zone < 0 else "+") + _pad(abs(zone) // 60, 2) + _pad(abs(zone) % 60, 2))
    return "".join(out)


def _trunc_div(a: int, b: int) -> int:
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def _zone(std: str, offset: int) -> str:
    if offset == 0 and std in _ISO_ZONES:
        return "Z"
    # Go's integer division and remainder truncate toward zero.
    zone, abs_offset = _trunc_div(offset, 60), offset
    if zone < 0:
        s, zone, abs_offset = "-", -zone, -abs_offset
    else:
        s = "+"
    s += _pad(zone // 60, 2)
    if std in (ISO_COLON_TZ, NUM_COLON_TZ, ISO_COLON_SECONDS_TZ, NUM_COLON_SECONDS_TZ):
        s += ":"
    if std not in (NUM_SHORT_TZ, ISO_SHORT_TZ):
        s += _pad(zone % 60, 2)
    if std in (ISO_SECONDS_TZ, NUM_SECONDS_TZ, NUM_COLON_SECONDS_TZ, ISO_COLON_SECONDS_TZ):
        if std in (NUM_COLON_SECONDS_TZ, ISO_COLON_SECONDS_TZ):
            s += ":"
        s += _pad(abs_offset - _trunc_div(abs_offset, 60) * 60, 2)
    return s


# --- parsing --------------------------------------------------------------------------------


class TimeParseError(ValueError):
    """Go's time.ParseError; ``str()`` is its message."""


def _std_text(std: Std) -> str:
    if isinstance(std, tuple):
        code, n, sep = std
        return sep + ("0" if code == FRAC0 else "9") * n
    return std


class _Bad(Exception):
    """errBad: the value does not fit the element."""


def _getnum(s: str, fixed: bool) -> tuple[int, str]:
    if not s[:1].isascii() or not s[:1].isdigit():
        raise _Bad
    if not (len(s) > 1 and "0" <= s[1] <= "9"):
        if fixed:
            raise _Bad
        return int(s[0]), s[1:]
    return int(s[:2]), s[2:]


def _getnum3(s: str, fixed: bool) -> tuple[int, str]:
    i = 0
    while i < 3 and i < len(s) and "0" <= s[i] <= "9":
        i += 1
    if i == 0 or (fixed and i != 3):
        raise _Bad
    return int(s[:i]), s[i:]


def _skip(value: str, prefix: str) -> str:
    while prefix:
        if prefix[0] == " ":
            if value and value[0] != " ":
                raise _Bad
            prefix = prefix.lstrip(" ")
            value = value.lstrip(" ")
            continue
        if not value or value[0] != prefix[0]:
            raise _Bad
        prefix, value = prefix[1:], value[1:]
    return value


def _lookup(names: tuple[str, ...], value: str) -> tuple[int, str]:
    for i, v in enumerate(names):
        if len(value) >= len(v) and value[: len(v)].lower() == v.lower() and value[: len(v)].isascii():
            return i, value[len(v) :]
    raise _Bad


def _atoi(s: str) -> int:
    neg = s[:1] == "-"
    body = s[1:] if s[:1] in "+-" else s
    if not body.isascii() or not body.isdigit():
        raise _Bad
    return -int(body) if neg else int(body)


def _nanoseconds(value: str, nbytes: int) -> tuple[int, str]:
    """Go's parseNanoseconds: (nanoseconds, range error text or "")."""
    if value[0] not in ".,":
        raise _Bad
    if nbytes > 10:
        value, nbytes = value[:10], 10
    ns = _atoi(value[1:nbytes])
    if ns < 0:
        return 0, "fractional second"
    return ns * 10 ** (10 - nbytes), ""


def _signed_offset(value: str) -> int:
    if value[:1] not in ("+", "-"):
        return 0
    i = 1
    while i < len(value) and "0" <= value[i] <= "9":
        i += 1
    if i == 1 or int(value[1:i]) > 23:
        return 0
    return i


def _time_zone(value: str) -> int:
    """Go's parseTimeZone: the length of the zone abbreviation at the start, or 0."""
    if len(value) < 3:
        return 0
    if value[:4] in ("ChST", "MeST"):
        return 4
    if value[:3] == "GMT":
        return 3 + (_signed_offset(value[3:]) if len(value) > 3 else 0)
    if value[0] in "+-":
        return _signed_offset(value)
    upper = 0
    while upper < 6 and upper < len(value) and "A" <= value[upper] <= "Z":
        upper += 1
    if upper == 5 and value[4] == "T":
        return 5
    if upper == 4 and (value[3] == "T" or value[:4] == "WITA"):
        return 4
    if upper == 3:
        return 3
    return 0


def parse_time(layout: str, value: str, default: Location, local: Location) -> Time:
    """Go's parse: VALUE read with LAYOUT; without zone information the time is in DEFAULT,
    and zone offsets or names matching LOCAL's zones put it in LOCAL.

    Raises TimeParseError with Go's messages (``parsing time "v" as "l": cannot parse ...``).
    """
    alayout, avalue = layout, value

    def fail(elem: str, val: str, message: str = "") -> TimeParseError:
        if message:
            return TimeParseError(f"parsing time {tquote(avalue)}{message}")
        return TimeParseError(
            f"parsing time {tquote(avalue)} as {tquote(alayout)}: cannot parse {tquote(val)} as {tquote(elem)}"
        )

    range_err = ""
    am = pm = False
    year, month, day, yday = 0, -1, -1, -1
    hour = minute = sec = nsec = 0
    zone_loc: Location | None = None
    zone_offset = -1
    zone_name = ""
    while True:
        prefix, std, rest = next_chunk(layout)
        std_str = layout[len(prefix) : len(layout) - len(rest)]
        try:
            value = _skip(value, prefix)
        except _Bad:
            raise fail(prefix, value) from None
        if std is None:
            if value:
                raise fail("", value, ": extra text: " + tquote(value))
            break
        layout = rest
        hold = value
        try:
            if isinstance(std, tuple):
                code, ndigits, _ = std
                if code == FRAC0:
                    if len(value) < 1 + ndigits:
                        raise _Bad
                    nsec, range_err = _nanoseconds(value, 1 + ndigits)
                    value = value[1 + ndigits :]
                elif len(value) >= 2 and value[0] in ".," and "0" <= value[1] <= "9":
                    i = 1
                    while i < len(value) and "0" <= value[i] <= "9":
                        i += 1
                    nsec, range_err = _nanoseconds(value, i)
                    value = value[i:]
            elif std == YEAR:
                if len(value) < 2:
                    raise _Bad
                year = _atoi(value[:2])
                value = value[2:]
                year += 1900 if year >= 69 else 2000
            elif std == LONG_YEAR:
                if len(value) < 4 or not ("0" <= value[0] <= "9"):
                    raise _Bad
                year = _atoi(value[:4])
                value = value[4:]
            elif std in (MONTH, LONG_MONTH):
                names = tuple(m[:3] for m in MONTHS) if std == MONTH else MONTHS
                month, value = _lookup(names, value)
                month += 1
            elif std in (NUM_MONTH, ZERO_MONTH):
                month, value = _getnum(value, std == ZERO_MONTH)
                if not 0 < month <= 12:
                    range_err = "month"
            elif std in (WEEKDAY, LONG_WEEKDAY):
                _, value = _lookup(tuple(d[:3] for d in DAYS) if std == WEEKDAY else DAYS, value)
            elif std in (DAY, UNDER_DAY, ZERO_DAY):
                if std == UNDER_DAY and value[:1] == " ":
                    value = value[1:]
                day, value = _getnum(value, std == ZERO_DAY)
            elif std in (UNDER_YEARDAY, ZERO_YEARDAY):
                for _ in range(2):
                    if std == UNDER_YEARDAY and value[:1] == " ":
                        value = value[1:]
                yday, value = _getnum3(value, std == ZERO_YEARDAY)
            elif std == HOUR:
                hour, value = _getnum(value, False)
                if not 0 <= hour < 24:
                    range_err = "hour"
            elif std in (HOUR12, ZERO_HOUR12):
                hour, value = _getnum(value, std == ZERO_HOUR12)
                if not 0 <= hour <= 12:
                    range_err = "hour"
            elif std in (MINUTE, ZERO_MINUTE):
                minute, value = _getnum(value, std == ZERO_MINUTE)
                if not 0 <= minute < 60:
                    range_err = "minute"
            elif std in (SECOND, ZERO_SECOND):
                sec, value = _getnum(value, std == ZERO_SECOND)
                if not 0 <= sec < 60:
                    range_err = "second"
                elif len(value) >= 2 and value[0] in ".," and "0" <= value[1] <= "9":
                    # A fraction the layout does not mention is still read.
                    nxt = next_chunk(layout)[1]
                    if not (isinstance(nxt, tuple)):
                        n = 2
                        while n < len(value) and "0" <= value[n] <= "9":
                            n += 1
                        nsec, range_err = _nanoseconds(value, n)
                        value = value[n:]
            elif std in (PM_UPPER, PM_LOWER):
                if len(value) < 2:
                    raise _Bad
                p, value = value[:2], value[2:]
                if p == ("PM" if std == PM_UPPER else "pm"):
                    pm = True
                elif p == ("AM" if std == PM_UPPER else "am"):
                    am = True
                else:
                    raise _Bad
            elif std in _ISO_ZONES and value[:1] == "Z":
                value = value[1:]
                zone_loc = UTC
            elif std in _ISO_ZONES or std in _NUM_ZONES:
                zone_offset, value, range_err = _parse_offset(std, value, range_err)
            elif std == TZ:
                if value[:3] == "UTC":
                    zone_loc = UTC
                    value = value[3:]
                else:
                    n = _time_zone(value)
                    if n == 0:
                        raise _Bad
                    zone_name, value = value[:n], value[n:]
        except _Bad:
            if range_err:
                raise fail(std_str, value, f": {range_err} out of range") from None
            raise fail(std_str, hold) from None
        if range_err:
            raise fail(std_str, value, f": {range_err} out of range")
    if pm and hour < 12:
        hour += 12
    elif am and hour == 12:
        hour = 0
    if yday >= 0:
        m = d = 0
        if is_leap(year):
            if yday == 31 + 29:
                m, d = 2, 29
            elif yday > 31 + 29:
                yday -= 1
        if yday < 1 or yday > 365:
            raise fail("", value, ": day-of-year out of range")
        if m == 0:
            m = (yday - 1) // 31 + 1
            if _days_before(m + 1) < yday:
                m += 1
            d = yday - _days_before(m)
        if month >= 0 and month != m:
            raise fail("", value, ": day-of-year does not match month")
        month = m
        if day >= 0 and day != d:
            raise fail("", value, ": day-of-year does not match day")
        day = d
    else:
        if month < 0:
            month = 1
        if day < 0:
            day = 1
    if day < 1 or day > days_in(month, year):
        raise fail("", value, ": day out of range")
    if zone_loc is not None:
        return date(year, month, day, hour, minute, sec, nsec, zone_loc)
    if zone_offset != -1:
        t = date(year, month, day, hour, minute, sec, nsec, UTC)
        t = Time(t.unix - zone_offset, t.nsec, UTC)
        name, offset = local.lookup(t.unix)
        if offset == zone_offset and (zone_name == "" or name == zone_name):
            return Time(t.unix, t.nsec, local)
        return Time(t.unix, t.nsec, fixed_zone(zone_name, zone_offset))
    if zone_name:
        t = date(year, month, day, hour, minute, sec, nsec, UTC)
        found = local.lookup_name(zone_name, t.unix)
        if found is not None:
            return Time(t.unix - found, t.nsec, local)
        offset = 0
        if len(zone_name) > 3 and zone_name[:3] == "GMT":
            offset = _atoi(zone_name[3:]) * 3600
        return Time(t.unix, t.nsec, fixed_zone(zone_name, offset))
    return date(year, month, day, hour, minute, sec, nsec, default)


_DAYS_BEFORE = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365)


def _days_before(m: int) -> int:
    return _DAYS_BEFORE[m - 1]


def _parse_offset(std: str, value: str, range_err: str) -> tuple[int, str, str]:
    if std in (ISO_COLON_TZ, NUM_COLON_TZ):
        if len(value) < 6 or value[3] != ":":
            raise _Bad
        sign, hh, mm, ss, value = value[0], value[1:3], value[4:6], "00", value[6:]
    elif std in (NUM_SHORT_TZ, ISO_SHORT_TZ):
        if len(value) < 3:
            raise _Bad
        sign, hh, mm, ss, value = value[0], value[1:3], "00", "00", value[3:]
    elif std in (ISO_COLON_SECONDS_TZ, NUM_COLON_SECONDS_TZ):
        if len(value) < 9 or value[3] != ":" or value[6] != ":":
            raise _Bad
        sign, hh, mm, ss, value = value[0], value[1:3], value[4:6], value[7:9], value[9:]
    elif std in (ISO_SECONDS_TZ, NUM_SECONDS_TZ):
        if len(value) < 7:
            raise _Bad
        sign, hh, mm, ss, value = value[0], value[1:3], value[3:5], value[5:7], value[7:]
    else:
        if len(value) < 5:
            raise _Bad
        sign, hh, mm, ss, value = value[0], value[1:3], value[3:5], "00", value[5:]
    # Go keeps going after a bad number so that a range error can still win.
    hr = mi = se = 0
    bad = False
    try:
        hr = _getnum(hh, True)[0]
        mi = _getnum(mm, True)[0]
        se = _getnum(ss, True)[0]
    except _Bad:
        bad = True
    if hr > 24:
        range_err = "time zone offset hour"
    if mi > 60:
        range_err = "time zone offset minute"
    if se > 60:
        range_err = "time zone offset second"
    offset = (hr * 60 + mi) * 60 + se
    if sign == "-":
        offset = -offset
    elif sign != "+":
        bad = True
    if bad and not range_err:
        raise _Bad
    return offset, value, range_err
