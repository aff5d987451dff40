"""The RESOURCES section of ``status``: kubectl's human-readable printer as Helm v4 drives it.

Helm fetches each object of the release (as a server-side ``Table`` when the server can) and
prints them all with one ``HumanReadablePrinter`` (k8s.io/cli-runtime v0.36) writing into a
fresh ``tabwriter`` per object, so:

* each object is aligned on its own (minimum cell width 6, padding 3, spaces);
* a Table's header is printed once per distinct set of columns: the next object of the same
  kind prints its row alone; columns with a priority are left out (not ``-o wide``); string
  cells stop at the first newline (``...`` appended), ESC and CR are escaped;
* an object that is not a Table (a server without Table support) goes through the default
  handler: ``NAME`` and ``AGE`` (kubectl's HumanDuration of the creation time), the header only
  when the previous object was not printed by that handler.

Hand-written because this is Go's text/tabwriter and kubectl's printer, which no Python library
reproduces. Helm walks its map of kinds in Go's random order; here kinds are sorted.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any, Final

__all__ = ["HumanPrinter", "human_duration", "render_resources", "tabwrite"]

_MIN_WIDTH: Final = 6
_PADDING: Final = 3
_TABLE_VERSIONS: Final = frozenset({"meta.k8s.io/v1", "meta.k8s.io/v1beta1"})


def tabwrite(text: str, minwidth: int = _MIN_WIDTH, padding: int = _PADDING) -> str:
    """Go's text/tabwriter over TEXT (flags 0, padchar space): tab-terminated cells aligned in
    column blocks; the text after a line's last tab is not part of any column."""
    lines = [line.split("\t") for line in text.split("\n")]
    out: list[str] = []

    def write_lines(line0: int, line1: int, widths: list[int]) -> None:
        for i in range(line0, line1):
            cells = lines[i]
            parts: list[str] = []
            for j, cell in enumerate(cells):
                parts.append(cell)
                if j < len(widths):
                    parts.append(" " * (widths[j] - len(cell)))
            out.append("".join(parts))
            if i + 1 != len(lines):
                out.append("\n")

    def fmt(line0: int, line1: int, widths: list[int]) -> None:
        column = len(widths)
        this = line0
        while this < line1:
            if column >= len(lines[this]) - 1:
                this += 1
                continue
            write_lines(line0, this, widths)
            line0 = this
            width = minwidth
            while this < line1 and column < len(lines[this]) - 1:
                width = max(width, len(lines[this][column]) + padding)
                this += 1
            fmt(line0, this, [*widths, width])
            line0 = this
        write_lines(line0, line1, widths)

    fmt(0, len(lines), [])
    return "".join(out)


def human_duration(seconds: float) -> str:
    """kubectl's duration.HumanDuration (``5s``, ``3m20s``, ``4h10m``, ``2d3h``, ``3y20d``)."""
    s = int(seconds)
    if s < -1:
        return "<invalid>"
    if s < 0:
        return "0s"
    if s < 120:
        return f"{s}s"
    minutes = s // 60
    if minutes < 10:
        return f"{minutes}m" if s % 60 == 0 else f"{minutes}m{s % 60}s"
    if minutes < 180:
        return f"{minutes}m"
    hours = s // 3600
    if hours < 8:
        return f"{hours}h" if minutes % 60 == 0 else f"{hours}h{minutes % 60}m"
    if hours < 48:
        return f"{hours}h"
    if hours < 24 * 8:
        return f"{hours // 24}d" if hours % 24 == 0 else f"{hours // 24}d{hours % 24}h"
    if hours < 24 * 365 * 2:
        return f"{hours // 24}d"
    if hours < 24 * 365 * 8:
        dy = hours // 24 % 365
        return f"{hours // 24 // 365}y" if dy == 0 else f"{hours // 24 // 365}y{dy}d"
    return f"{hours // 24 // 365}y"


def _age(obj: Mapping[str, Any], now: float) -> str:
    from chartist.release.times import TimeFormatError, parse_time

    stamp = (obj.get("metadata") or {}).get("creationTimestamp")
    if not stamp:
        return "<unknown>"
    try:
        t = parse_time(str(stamp))
    except TimeFormatError:
        return "<unknown>"
    return "<unknown>" if t is None else human_duration(now - t.unix())


def _escape(s: str) -> str:
    return s.replace("\x1b", "^[").replace("\r", "\\r")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        cut = min((i for i in (value.find("\f"), value.find("\n"), value.find("\r")) if i >= 0), default=-1)
        return _escape(value) if cut < 0 else _escape(value[:cut]) + "..."
    from chartist.gotemplate.fmt import sprint

    return _escape(sprint(value))


def _columns(table: Mapping[str, Any]) -> list[dict[str, Any]]:
    cols = table.get("columnDefinitions") or []
    return [dict(c) for c in cols if isinstance(c, Mapping)]


class HumanPrinter:
    """One kubectl HumanReadablePrinter: remembers the last columns and handler it printed."""

    def __init__(self, now: float | None = None) -> None:
        self.now = time.time() if now is None else now
        self.last_type: str | None = None
        self.last_columns: list[dict[str, Any]] = []
        self.printed_headers = False

    def print_obj(self, obj: Mapping[str, Any]) -> str:
        """OBJ as kubectl prints it (one tabwriter flush)."""
        if obj.get("kind") == "Table" and obj.get("apiVersion") in _TABLE_VERSIONS:
            return tabwrite(self._table(obj))
        return tabwrite(self._default(obj))

    def _table(self, table: Mapping[str, Any]) -> str:
        columns = _columns(table)
        rows = [r for r in table.get("rows") or [] if isinstance(r, Mapping)]
        no_headers = self.printed_headers and (not columns or columns == self.last_columns)
        if not columns:
            columns = self.last_columns
        elif columns != self.last_columns:
            self.last_columns = columns
            self.printed_headers = False
        if rows:
            self.printed_headers = True
        shown = [i for i, c in enumerate(columns) if not c.get("priority")]
        out: list[str] = []
        if not no_headers:
            if not rows:
                return ""
            out.append("\t".join(str(columns[i].get("name", "")).upper() for i in shown) + "\n")
        for row in rows:
            cells = row.get("cells") or []
            out.append("\t".join(_cell(cells[i]) for i in shown if i < len(cells)) + "\n")
        return "".join(out)

    def _default(self, obj: Mapping[str, Any]) -> str:
        handler = "status" if obj.get("kind") == "Status" else "default"
        out: list[str] = []
        if self.last_type is not None and self.last_type != handler:
            out.append("\n")
        if self.last_type != handler:
            out.append("STATUS\tREASON\tMESSAGE\n" if handler == "status" else "NAME\tAGE\n")
        self.last_type = handler
        if handler == "status":
            cells = [obj.get("status"), obj.get("reason"), obj.get("message")]
            out.append("\t".join("" if c is None else str(c) for c in cells) + "\n")
            return "".join(out)
        items = obj.get("items")
        objs = items if isinstance(items, list) else [obj]
        for o in objs:
            if isinstance(o, Mapping):
                name = (o.get("metadata") or {}).get("name") or ""
                out.append(f"{name}\t{_age(o, self.now)}\n")
        return "".join(out)


def render_resources(resources: Mapping[str, list[Any]], now: float | None = None) -> str:
    """Helm's RESOURCES body: ``==> KIND`` then each object, a blank line after each kind."""
    printer = HumanPrinter(now)
    out: list[str] = []
    for key in sorted(resources):
        out.append(f"==> {key}\n")
        for obj in resources[key]:
            if isinstance(obj, Mapping):
                out.append(printer.print_obj(obj))
        out.append("\n")
    return "".join(out)
