"""Helm's duration helpers (from Helm's main branch; absent from v4.2.3, see engine.durations).

Expected values follow Go: ``time.ParseDuration``, ``Duration.String``, integer division
toward zero for Milliseconds/Microseconds, ``Round`` halves away from zero, ``Truncate`` toward
zero; numbers are seconds.
"""

from __future__ import annotations

import pytest

from chartist.engine import durations
from chartist.engine.funcs import helm_funcs
from chartist.gotemplate.errors import ExecError
from chartist.gotemplate.template import Template


def run(src: str) -> str:
    from chartist import sprig

    funcs = {**sprig.funcs(), **durations.UNRELEASED_FUNCS}
    return Template("t", funcs=funcs).parse(src).execute(None)


ROWS = [
    # mustToDuration: strings, numeric strings, numbers
    ("int seconds", "{{ mustToDuration 30 }}", "30s"),
    ("duration string", '{{ mustToDuration "1m30s" }}', "1m30s"),
    ("numeric string", '{{ mustToDuration "2.5" }}', "2.5s"),
    ("spaces trimmed", '{{ mustToDuration " 90s\\n" }}', "1m30s"),
    ("float seconds", "{{ mustToDuration 1.5 }}", "1.5s"),
    ("negative", '{{ mustToDuration "-1h" }}', "-1h0m0s"),
    ("sub-second", '{{ mustToDuration "1.5ms" }}', "1.5ms"),
    ("type", "{{ typeOf (mustToDuration 1) }}", "time.Duration"),
    ("duration passes through", "{{ mustToDuration (mustToDuration 61) }}", "1m1s"),
    ("float truncates to ns", "{{ mustToDuration 0.0000000019 }}", "1ns"),
    # conversions
    (
        "seconds",
        '{{ durationSeconds "1m30s" }}|{{ durationSeconds "1500ms" }}|{{ durationSeconds 2 }}',
        "90|1.5|2",
    ),
    (
        "milliseconds",
        '{{ durationMilliseconds "1.5s" }}|{{ durationMilliseconds "-1.9ms" }}|{{ typeOf (durationMilliseconds 1) }}',
        "1500|-1|int64",
    ),
    ("microseconds", '{{ durationMicroseconds "1ms" }}|{{ durationMicroseconds "1500ns" }}', "1000|1"),
    ("nanoseconds", '{{ durationNanoseconds "1us" }}|{{ durationNanoseconds 1 }}', "1000|1000000000"),
    ("minutes hours", '{{ durationMinutes "90s" }}|{{ durationHours "90m" }}', "1.5|1.5"),
    ("days weeks", '{{ durationDays "36h" }}|{{ durationWeeks "84h" }}', "1.5|0.5"),
    (
        "bad input is zero",
        '{{ durationSeconds "abc" }}|{{ durationMilliseconds nil }}|{{ durationHours "" }}|{{ durationDays true }}',
        "0|0|0|0",
    ),
    # rounding
    (
        "round to hour",
        '{{ durationRoundTo "1h15m30s" "1h" }}|{{ durationRoundTo "1h45m" "1h" }}|{{ durationRoundTo "1h30m" "1h" }}',
        "1h0m0s|2h0m0s|2h0m0s",
    ),
    ("round negative half away from zero", '{{ durationRoundTo "-1h30m" "1h" }}', "-2h0m0s"),
    (
        "round bad multiple keeps value",
        '{{ durationRoundTo "1h15m" "x" }}|{{ durationRoundTo "1h15m" 0 }}',
        "1h15m0s|1h15m0s",
    ),
    ("round bad value is zero", '{{ durationRoundTo "x" "1h" }}', "0s"),
    (
        "truncate",
        '{{ durationTruncateTo "1h45m" "1h" }}|{{ durationTruncateTo "-1h45m" "1h" }}|{{ durationTruncateTo "90s" "-1m" }}',
        "1h0m0s|-1h0m0s|1m30s",
    ),
    ("truncate numbers", "{{ durationTruncateTo 125 60 }}", "2m0s"),
]


@pytest.mark.parametrize(("src", "want"), [pytest.param(s, w, id=n) for n, s, w in ROWS])
def test_durations(src, want):
    assert run(src) == want


ERROR_ROWS = [
    ("empty", '{{ mustToDuration "" }}', "empty duration"),
    ("not a duration", '{{ mustToDuration "abc" }}', 'could not parse duration "abc"'),
    ("nil", "{{ mustToDuration nil }}", "invalid duration"),
    ("bool", "{{ mustToDuration true }}", "unsupported duration type bool"),
    ("list", "{{ mustToDuration (list 1) }}", "unsupported duration type []interface {}"),
    ("seconds overflow", "{{ mustToDuration 9223372037 }}", "duration seconds overflow: 9223372037"),
    ("float overflow", "{{ mustToDuration 1e300 }}", "duration seconds overflow: 1e+300"),
    ("nan", '{{ mustToDuration "NaN" }}', "invalid duration seconds: NaN"),
    ("string overflow", '{{ mustToDuration "1e400" }}', 'could not parse duration "1e400"'),
]


@pytest.mark.parametrize(("src", "msg"), [pytest.param(s, m, id=n) for n, s, m in ERROR_ROWS])
def test_must_to_duration_errors(src, msg):
    with pytest.raises(ExecError) as info:
        run(src)
    assert str(info.value).endswith(f"error calling mustToDuration: {msg}")


def test_not_in_helm_v4_2_3():
    assert durations.FUNCS == {}
    assert not set(durations.UNRELEASED_FUNCS) & set(helm_funcs())
