"""GoTime: RFC 3339 as Go's time.Time MarshalJSON / UnmarshalJSON write and read it."""

from __future__ import annotations

import time
from dataclasses import dataclass

import pytest

from chartist.release.times import ZERO_TIME_TEXT, GoTime, TimeFormatError, format_time, parse_time


@dataclass(frozen=True)
class TimeCase:
    name: str
    text: str
    want: str | None  # what Go writes back; None: Go's zero time


# Expected texts are what Go 1.2x's time.Time.MarshalJSON writes after UnmarshalJSON of the input.
TIME_CASES = [
    TimeCase("utc nanos", "2026-11-26T18:24:09.172279315Z", "2026-11-26T18:24:09.172279315Z"),
    TimeCase("trailing zeros dropped", "2026-11-26T18:24:09.753907310Z", "2026-11-26T18:24:09.75390731Z"),
    TimeCase("zero fraction dropped", "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00Z"),
    TimeCase("no fraction", "2023-11-15T03:43:27+05:30", "2023-11-15T03:43:27+05:30"),
    TimeCase("negative offset", "2024-03-10T01:59:59.5-03:30", "2024-03-10T01:59:59.5-03:30"),
    TimeCase("+00:00 is Z", "2024-01-01T10:00:00+00:00", "2024-01-01T10:00:00Z"),
    TimeCase("ten digits truncated", "2024-01-01T00:00:00.1234567891Z", "2024-01-01T00:00:00.123456789Z"),
    TimeCase("leap day", "2024-02-29T23:59:58.123456789+05:30", "2024-02-29T23:59:58.123456789+05:30"),
    TimeCase("before epoch", "1969-12-31T23:59:59.999999999Z", "1969-12-31T23:59:59.999999999Z"),
    TimeCase("year one", "0001-01-01T00:00:01Z", "0001-01-01T00:00:01Z"),
    TimeCase("zero time", "0001-01-01T00:00:00Z", None),
    TimeCase("zero instant in an offset", "0001-01-01T05:30:00+05:30", None),
]


@pytest.mark.parametrize("case", TIME_CASES, ids=lambda c: c.name)
def test_parse_format(case: TimeCase) -> None:
    t = parse_time(case.text)
    if case.want is None:
        assert t is None
        assert format_time(t) == ZERO_TIME_TEXT
    else:
        assert t is not None
        assert t.rfc3339nano() == case.want
        assert parse_time(t.rfc3339nano()) == t


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2024-01-01",
        "2024-01-01 00:00:00Z",
        "2024-01-01T00:00:00",
        "2024-13-01T00:00:00Z",
        "2024-02-30T00:00:00Z",
        "2024-01-01T24:00:00Z",
        "2024-01-01T00:00:00,5Z",
        "2024-01-01T00:00:00+24:00",
        "2024-01-01T00:00:00.Z",
    ],
)
def test_parse_errors(text: str) -> None:
    with pytest.raises(TimeFormatError, match="parsing time"):
        parse_time(text)


def test_unix_and_datetime() -> None:
    t = parse_time("2024-01-01T05:30:00.123456789+05:30")
    assert t is not None
    assert t.unix() == 1704067200
    assert t.offset == 19800
    dt = t.to_datetime()
    assert dt.isoformat() == "2024-01-01T05:30:00.123456+05:30"
    assert GoTime.from_datetime(dt).rfc3339nano() == "2024-01-01T05:30:00.123456+05:30"


@pytest.fixture
def kolkata(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_local_offset(kolkata: None) -> None:
    assert GoTime.from_timestamp(1_700_000_007).rfc3339nano() == "2023-11-15T03:43:27+05:30"
    assert GoTime.from_timestamp(1_700_000_007.25).rfc3339nano() == "2023-11-15T03:43:27.25+05:30"
    assert GoTime.now().offset == 19800
