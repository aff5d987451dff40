"""The printers of chartist.cli.output and chartist.cli.kubeprint, piece by piece: uitable's
layout (gosuri/uitable v0.0.4), go-runewidth v0.0.9's widths, Go's text/tabwriter, kubectl's
HumanDuration and human-readable printer, fatih/color's decision."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from chartist.cli.kubeprint import HumanPrinter, human_duration, render_resources, tabwrite
from chartist.cli.output import Table, should_disable_color, string_width, write_status
from chartist.release.model import Info, Release

GOLDEN = Path(__file__).resolve().parent / "golden" / "read"

WIDTH_CASES = [
    ("ascii", "deployed", 8),
    ("empty", "", 0),
    ("cjk", "图表", 4),
    ("combining", "e\u0301", 1),
    ("control", "a\tb\nc", 3),
    ("ansi", "\x1b[32mdeployed\x1b[0m", 8),
    ("bold", "\x1b[1mNAME\x1b[22m", 4),
    ("emoji", "\U0001f600", 2),
    ("zero-width-space", "a\u200bb", 2),
    ("devanagari-mark", "\u0915\u093f", 2),  # go-runewidth 0.0.9 counts this spacing mark as 1
]


@pytest.mark.parametrize("text, want", [c[1:] for c in WIDTH_CASES], ids=[c[0] for c in WIDTH_CASES])
def test_string_width(text: str, want: int) -> None:
    assert string_width(text) == want


# (id, rows, uitable's text)
TABLE_CASES = [
    ("pads-every-cell", [["A", "BB"], ["CCC", "D"]], "A  \tBB\nCCC\tD "),
    ("numbers", [["REV", "X"], [1, 22]], "REV\tX \n1  \t22"),
    (
        "multiline-fits",
        [["H", "DESCRIPTION"], ["1", "ab\ncd"]],
        "H\tDESCRIPTION\n1\tab         \n \tcd         ",
    ),
    # A multi-line cell is measured as the sum of its lines: "one\ntwo" (6) against a column of 5
    # is cut after w+rw >= 5-3, then "..." (uitable's Resize).
    ("multiline-cut", [["H", "DESCR"], ["1", "one\ntwo"]], "H\tDESCR\n1\ton..."),
    ("multiline-cut-first-rune", [["H", "DESC"], ["1", "ab\ncdef"]], "H\tDESC\n1\ta..."),
    ("multiline-exact", [["H", "DESCRIPT"], ["1", "a\nbcdefgh"]], "H\tDESCRIPT\n1\ta       \n \tbcdefgh "),
    ("empty-column", [["A", ""], ["B", ""]], "A\t\nB\t"),
    ("narrow-multiline", [["A", "", "x\ny"]], "A\t\tx..."),
    ("wide-chars", [["图", "x"], ["ab", "y"]], "图\tx\nab\ty"),
    ("colour-not-counted", [["\x1b[1mN\x1b[22m", "X"], ["abc", "Y"]], "\x1b[1mN\x1b[22m  \tX\nabc\tY"),
]


@pytest.mark.parametrize("rows, want", [c[1:] for c in TABLE_CASES], ids=[c[0] for c in TABLE_CASES])
def test_table(rows: list[list], want: str) -> None:
    table = Table()
    for row in rows:
        table.add_row(*row)
    assert str(table) == want
    assert table.encode() == want + "\n"


def test_empty_table_is_a_newline() -> None:
    assert Table().encode() == "\n"


# (id, text, Go's text/tabwriter output with minwidth 6, padding 3, spaces)
TAB_CASES = [
    ("header-row", "NAME\tDATA\tAGE\na-cm\t1\t5s\n", "NAME   DATA   AGE\na-cm   1      5s\n"),
    ("min-width", "A\tB\nC\tD\n", "A     B\nC     D\n"),
    ("long-cell", "averyveryverylongname\t1\n", "averyveryverylongname   1\n"),
    ("blocks", "a\tb\tc\nxx\n1234567\tb\n", "a     b     c\nxx\n1234567   b\n"),
    ("runes", "é\tx\n", "é     x\n"),
    ("no-newline", "a\tb", "a     b"),
    ("empty", "", ""),
]


@pytest.mark.parametrize("text, want", [c[1:] for c in TAB_CASES], ids=[c[0] for c in TAB_CASES])
def test_tabwrite(text: str, want: str) -> None:
    assert tabwrite(text) == want


@pytest.mark.parametrize(
    "seconds, want",
    [(-5, "<invalid>"), (-1.5, "0s"), (0, "0s"), (119, "119s"), (120, "2m"), (125, "2m5s"), (600, "10m"),
     (179 * 60, "179m"), (3 * 3600, "3h"), (3 * 3600 + 60, "3h1m"), (8 * 3600, "8h"), (47 * 3600, "47h"),
     (48 * 3600, "2d"), (50 * 3600, "2d2h"), (8 * 86400, "8d"), (730 * 86400, "2y"), (731 * 86400, "2y1d"),
     (8 * 365 * 86400, "8y")],
)  # fmt: skip
def test_human_duration(seconds: float, want: str) -> None:
    assert human_duration(seconds) == want


def _table(rows: list[list], *, priority: bool = False) -> dict:
    cols = [{"name": "Name", "type": "string", "format": "name", "priority": 0},
            {"name": "Data", "type": "integer", "priority": 0},
            {"name": "Age", "type": "string", "priority": 0}]  # fmt: skip
    if priority:
        cols.append({"name": "IP", "type": "string", "priority": 1})
    return {"apiVersion": "meta.k8s.io/v1", "kind": "Table", "columnDefinitions": cols,
            "rows": [{"cells": r, "object": {"metadata": {"name": r[0]}}} for r in rows]}  # fmt: skip


NOW = 1_700_000_000.0
RESOURCES = {
    "v1/ConfigMap": [_table([["a-cm", 1, "5s"]]), _table([["long-config-map", 2, "10s"]])],
    "v1/Pod(related)": [
        _table(
            [["web-1", 1.5, "3m", "10.0.0.1"], ["web-2-with-a-long-name", None, "line\nbreak\x1b"]],
            priority=True,
        )
    ],
    "v1/Secret": [
        {
            "apiVersion": "v1",
            "kind": "Secret",
            "metadata": {"name": "s", "creationTimestamp": "2023-11-14T22:12:20Z"},
        }
    ],
    "v1/Service": [{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "svc"}}],
    "v1/Status": [
        {"apiVersion": "v1", "kind": "Status", "status": "Failure", "reason": "NotFound", "message": "gone"}
    ],
    "v1/Empty": [_table([])],
}


def test_render_resources(update_golden: bool) -> None:
    got = render_resources(RESOURCES, now=NOW)
    path = GOLDEN / "resources.txt"
    if update_golden:
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


def test_printer_remembers_headers_across_objects() -> None:
    p = HumanPrinter(now=NOW)
    assert p.print_obj(_table([["a", 1, "1s"]])) == "NAME   DATA   AGE\na      1      1s\n"
    assert p.print_obj(_table([["b", 2, "2s"]])) == "b     2     2s\n"
    assert (
        p.print_obj(_table([["c", 3, "3s", "ip"]], priority=True)) == "NAME   DATA   AGE\nc      3      3s\n"
    )


def test_status_table_includes_resources() -> None:
    rel = Release(name="r", version=1, namespace="ns", info=Info(status="deployed", description="d",
                                                                 resources={"v1/Service": RESOURCES["v1/Service"]}))  # fmt: skip
    out = io.StringIO()
    write_status(out, rel, "table", resources=lambda r: render_resources(r, now=NOW))
    assert out.getvalue() == (
        "NAME: r\nNAMESPACE: ns\nSTATUS: deployed\nREVISION: 1\nDESCRIPTION: d\n"
        "RESOURCES:\n==> v1/Service\nNAME   AGE\nsvc    <unknown>\n\n\nTEST SUITE: None\n"
    )


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "mode, tty, env, off",
    [("never", True, {}, True), ("always", False, {}, False), ("always", True, {"NO_COLOR": "1"}, True),
     ("auto", True, {}, False), ("auto", False, {}, True), ("auto", True, {"TERM": "dumb"}, True),
     ("always", False, {"NO_COLOR": ""}, False)],
    ids=["never", "always", "no-color-wins", "auto-tty", "auto-pipe", "auto-dumb", "empty-no-color"],
)  # fmt: skip
def test_should_disable_color(mode: str, tty: bool, env: dict, off: bool) -> None:
    out = _Tty() if tty else io.StringIO()
    assert should_disable_color(mode, out, env) is off
