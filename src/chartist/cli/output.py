"""Helm's printers: ``-o table|json|yaml``, uitable's column layout, colours, Go time formats,
and the status printer shared by ``status``, ``get all`` and ``test``.

Hand-written because the bytes must be Helm's and no Python library lays out a table the way
gosuri/uitable v0.0.4 does (Helm's tables):

* every cell, the last column included, is padded with spaces to its column's width and cells
  are joined by a tab; the width of a text is go-runewidth v0.0.9's (ANSI colour sequences
  stripped first; its zero-width and double-width tables are below);
* a cell holding a newline spreads over several lines; when the whole cell (its line widths
  added up) is wider than the column, uitable cuts it and appends ``...`` — the surprising
  truncation of multi-line descriptions Helm shows in ``helm history``.

JSON is Go's ``json.Encoder`` (HTML-escaped, one trailing newline), YAML is sigs.k8s.io/yaml
(JSON read back by go-yaml: keys sorted), both from :mod:`chartist.goyaml`. Colours are
fatih/color's sequences, on only when Helm's ``--color`` mode and the terminal allow them.
Times read from storage are printed in the zone Go would give them: UTC for ``Z``, the local
zone when its offset at that instant is the stored one, else a nameless fixed zone.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping, Sequence
from typing import IO, Any, Final

from chartist.release.model import Release
from chartist.release.times import GoTime
from chartist.sprig import gotime

__all__ = [
    "ANSIC",
    "FORMATS",
    "RFC3339",
    "Table",
    "colorize_header",
    "colorize_namespace",
    "colorize_status",
    "encode_json",
    "encode_yaml",
    "format_time",
    "go_time",
    "go_trim_space",
    "release_json",
    "should_disable_color",
    "string_width",
    "write_status",
]

FORMATS: Final = ("table", "json", "yaml")
ANSIC: Final = "Mon Jan _2 15:04:05 2006"
RFC3339: Final = "2006-01-02T15:04:05Z07:00"

# -- go-runewidth v0.0.9 (DefaultCondition, not East Asian) -------------------------------------
# Zero width: its nonprint, combining and notassigned tables, merged. Checked before the wide one.
_ZERO: Final = (
    (0x0, 0x1F), (0x7F, 0x9F), (0xAD, 0xAD), (0x300, 0x36F), (0x483, 0x489), (0x70F, 0x70F), (0x7EB, 0x7F3),
    (0xC00, 0xC00), (0xC04, 0xC04), (0xD00, 0xD01), (0x135D, 0x135F), (0x180B, 0x180E), (0x1A7F, 0x1A7F),
    (0x1AB0, 0x1AC0), (0x1B6B, 0x1B73), (0x1DC0, 0x1DF9), (0x1DFB, 0x1DFF), (0x200B, 0x200F),
    (0x2028, 0x202E), (0x206A, 0x206F), (0x20D0, 0x20F0), (0x27E6, 0x27ED), (0x2985, 0x2986),
    (0x2CEF, 0x2CF1), (0x2DE0, 0x2DFF), (0x3099, 0x309A), (0xA66F, 0xA672), (0xA674, 0xA67D),
    (0xA69E, 0xA69F), (0xA6F0, 0xA6F1), (0xA8E0, 0xA8F1), (0xD800, 0xDFFF), (0xFE20, 0xFE2F),
    (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0xFFFE, 0xFFFF), (0x101FD, 0x101FD), (0x10376, 0x1037A),
    (0x10EAB, 0x10EAC), (0x10F46, 0x10F50), (0x11300, 0x11301), (0x1133B, 0x1133C), (0x11366, 0x1136C),
    (0x11370, 0x11374), (0x16AF0, 0x16AF4), (0x1D165, 0x1D169), (0x1D16D, 0x1D172), (0x1D17B, 0x1D182),
    (0x1D185, 0x1D18B), (0x1D1AA, 0x1D1AD), (0x1D242, 0x1D244), (0x1E000, 0x1E006), (0x1E008, 0x1E018),
    (0x1E01B, 0x1E021), (0x1E023, 0x1E024), (0x1E026, 0x1E02A), (0x1E8D0, 0x1E8D6),
)  # fmt: skip
_WIDE: Final = (
    (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC), (0x23F0, 0x23F0),
    (0x23F3, 0x23F3), (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F),
    (0x2693, 0x2693), (0x26A1, 0x26A1), (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5),
    (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA), (0x26F2, 0x26F3), (0x26F5, 0x26F5),
    (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B), (0x2728, 0x2728),
    (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797),
    (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55),
    (0x2E80, 0x2E99), (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5), (0x2FF0, 0x2FFB), (0x3000, 0x303E),
    (0x3041, 0x3096), (0x3099, 0x30FF), (0x3105, 0x312F), (0x3131, 0x318E), (0x3190, 0x31E3),
    (0x31F0, 0x321E), (0x3220, 0x3247), (0x3250, 0x4DBF), (0x4E00, 0xA48C), (0xA490, 0xA4C6),
    (0xA960, 0xA97C), (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFE10, 0xFE19), (0xFE30, 0xFE52),
    (0xFE54, 0xFE66), (0xFE68, 0xFE6B), (0xFF01, 0xFF60), (0xFFE0, 0xFFE6), (0x16FE0, 0x16FE4),
    (0x16FF0, 0x16FF1), (0x17000, 0x187F7), (0x18800, 0x18CD5), (0x18D00, 0x18D08), (0x1B000, 0x1B11E),
    (0x1B150, 0x1B152), (0x1B164, 0x1B167), (0x1B170, 0x1B2FB), (0x1F004, 0x1F004), (0x1F0CF, 0x1F0CF),
    (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F200, 0x1F202), (0x1F210, 0x1F23B), (0x1F240, 0x1F248),
    (0x1F250, 0x1F251), (0x1F260, 0x1F265), (0x1F300, 0x1F320), (0x1F32D, 0x1F335), (0x1F337, 0x1F37C),
    (0x1F37E, 0x1F393), (0x1F3A0, 0x1F3CA), (0x1F3CF, 0x1F3D3), (0x1F3E0, 0x1F3F0), (0x1F3F4, 0x1F3F4),
    (0x1F3F8, 0x1F43E), (0x1F440, 0x1F440), (0x1F442, 0x1F4FC), (0x1F4FF, 0x1F53D), (0x1F54B, 0x1F54E),
    (0x1F550, 0x1F567), (0x1F57A, 0x1F57A), (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A4), (0x1F5FB, 0x1F64F),
    (0x1F680, 0x1F6C5), (0x1F6CC, 0x1F6CC), (0x1F6D0, 0x1F6D2), (0x1F6D5, 0x1F6D7), (0x1F6EB, 0x1F6EC),
    (0x1F6F4, 0x1F6FC), (0x1F7E0, 0x1F7EB), (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1F978),
    (0x1F97A, 0x1F9CB), (0x1F9CD, 0x1F9FF), (0x1FA70, 0x1FA74), (0x1FA78, 0x1FA7A), (0x1FA80, 0x1FA86),
    (0x1FA90, 0x1FAA8), (0x1FAB0, 0x1FAB6), (0x1FAC0, 0x1FAC2), (0x1FAD0, 0x1FAD6), (0x20000, 0x2FFFD),
    (0x30000, 0x3FFFD),
)  # fmt: skip
_ZERO_FIRST: Final = [a for a, _ in _ZERO]
_WIDE_FIRST: Final = [a for a, _ in _WIDE]
# uitable's strutil.ansi: the colour and control sequences it ignores when measuring.
_ANSI: Final = re.compile(
    "[\u001b\u009b][\\[\\]()#;?]*(?:(?:(?:[a-zA-Z\\d]*(?:;[a-zA-Z\\d]*)*)?\u0007)"
    "|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PRZcf-ntqry=><~]))",
    re.ASCII,
)


def _in(cp: int, firsts: Sequence[int], table: Sequence[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(firsts, cp) - 1
    return i >= 0 and cp <= table[i][1]


def rune_width(ch: str) -> int:
    """go-runewidth's RuneWidth: 0, 1 or 2 cells (a lone surrogate is Go's U+FFFD: 1)."""
    cp = ord(ch)
    if cp < 0x7F:
        return 1 if cp >= 0x20 else 0
    if 0xDC80 <= cp <= 0xDCFF:  # an invalid UTF-8 byte carried as a surrogate escape
        return 1
    if _in(cp, _ZERO_FIRST, _ZERO):
        return 0
    return 2 if _in(cp, _WIDE_FIRST, _WIDE) else 1


def string_width(s: str) -> int:
    """uitable's StringWidth: display cells of S with colour sequences removed."""
    if s.isascii() and s.isprintable():
        return len(s)
    return sum(rune_width(c) for c in _ANSI.sub("", s))


# -- uitable ---------------------------------------------------------------------------------------
def _resize(s: str, width: int) -> str:
    """strutil.Resize (left-aligned): pad to WIDTH, or cut and end with ``...`` when wider."""
    n = string_width(s)
    if n == width:
        return s
    if n < width:
        return s + " " * (width - n)
    out: list[str] = []
    w = 0
    for ch in s:
        out.append(ch)
        rw = rune_width(ch)
        if w + rw >= width - 3:
            break
        w += rw
    return "".join(out) + "..."


def _cell(data: str | None, width: int) -> str:
    """uitable's Cell.String: a missing cell is a space padded on the left to WIDTH."""
    if data is None:
        return " " * max(width - 1, 0) + " "
    return _resize(data, width) if width > 0 else data


class Table:
    """gosuri/uitable's Table as Helm uses it (tab separator, no wrapping, no width limit)."""

    __slots__ = ("rows",)

    def __init__(self) -> None:
        self.rows: list[list[str]] = []

    def add_row(self, *cells: object) -> Table:
        """Append a row; cells print as Go's ``%v`` (ints in decimal)."""
        self.rows.append([c if isinstance(c, str) else str(c) for c in cells])
        return self

    def __str__(self) -> str:
        if not self.rows:
            return ""
        widths: list[int] = []
        for row in self.rows:
            for i, cell in enumerate(row):
                if i == len(widths):
                    widths.append(0)
                w = max(string_width(line) for line in cell.split("\n"))
                if w > widths[i]:
                    widths[i] = w
        return "\n".join(self._row(row, widths) for row in self.rows)

    @staticmethod
    def _row(row: list[str], widths: list[int]) -> str:
        sized = [_cell(cell, widths[i]) for i, cell in enumerate(row)]
        if all("\n" not in c for c in sized):
            return "\t".join(sized)
        split = [c.split("\n") for c in sized]
        count = max(len(lines) for lines in split)
        out = []
        for x in range(count):
            out.append(
                "\t".join(
                    _cell(lines[x] if x < len(lines) else None, widths[y]) for y, lines in enumerate(split)
                )
            )
        return "\n".join(out)

    def encode(self) -> str:
        """Helm's EncodeTable: the table and a newline."""
        return str(self) + "\n"


# -- colours ---------------------------------------------------------------------------------------
_STATUS_COLORS: Final = {
    "deployed": "32",
    "failed": "31",
    "unknown": "31",
    "pending-install": "33",
    "pending-upgrade": "33",
    "pending-rollback": "33",
    "uninstalling": "33",
}


def should_disable_color(mode: str, out: Any, env: Mapping[str, str]) -> bool:
    """Helm's colour decision: ``never``/``always``, and for ``auto`` fatih/color's (a terminal,
    TERM not ``dumb``); NO_COLOR set to anything non-empty always wins, as in fatih/color."""
    if env.get("NO_COLOR") or mode == "never":
        return True
    if mode == "always":
        return False
    if env.get("TERM") == "dumb":
        return True
    isatty = getattr(out, "isatty", None)
    return not (callable(isatty) and isatty())


def colorize_status(status: str, no_color: bool) -> str:
    code = _STATUS_COLORS.get(status)
    return status if no_color or code is None else f"\x1b[{code}m{status}\x1b[0m"


def colorize_header(header: str, no_color: bool) -> str:
    return header if no_color else f"\x1b[1m{header}\x1b[22m"


def colorize_namespace(namespace: str, no_color: bool) -> str:
    return namespace if no_color else f"\x1b[36m{namespace}\x1b[0m"


# -- encoders ----------------------------------------------------------------------------------------
def encode_json(value: Any) -> str:
    """Go's ``json.NewEncoder(out).Encode(value)`` for maps, lists and scalars."""
    from chartist.goyaml import dump_json

    return dump_json(value) + "\n"


def encode_yaml(value: Any) -> str:
    """Helm's EncodeYAML (sigs.k8s.io/yaml.Marshal) for maps, lists and scalars."""
    from chartist.goyaml import dump

    return dump(value)


def json_text_to_yaml(text: str) -> str:
    """sigs.k8s.io/yaml of a struct, given the struct's JSON text."""
    from chartist.goyaml import load_json

    return encode_yaml(load_json(text))


def release_json(rel: Release) -> str:
    """A release as Helm's ``json.Marshal(release)``."""
    from chartist.release.codec import release_to_json

    return release_to_json(rel)


# -- times --------------------------------------------------------------------------------------------
def go_time(t: GoTime | None) -> gotime.Time:
    """A stored time as Go holds it after decoding (see the module docstring); None is the zero time."""
    if t is None:
        return gotime.zero_time()
    secs, nsec = divmod(t.unix_nano, 1_000_000_000)
    if t.offset == 0:
        loc = gotime.UTC
    elif gotime.local.lookup(secs)[1] == t.offset:
        loc = gotime.local
    else:
        loc = gotime.fixed_zone("", t.offset)
    return gotime.Time(secs, nsec, loc)


def format_time(t: GoTime | None, layout: str) -> str:
    """Go's ``Format(LAYOUT)`` of a stored time."""
    return go_time(t).format(layout)


# Go's unicode.IsSpace, for strings.TrimSpace.
_GO_SPACE: Final = "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


def go_trim_space(s: str) -> str:
    return s.strip(_GO_SPACE)


# -- the status printer ---------------------------------------------------------------------------------
def _hook_runs(rel: Release) -> list[str]:
    """The TEST SUITE blocks: one per test event of a hook that has started (Helm's order)."""
    out: list[str] = []
    for h in rel.hooks:
        for e in h.events:
            run = h.last_run
            if e != "test" or run.started_at is None:
                continue
            out.append(
                f"TEST SUITE:     {h.name}\nLast Started:   {format_time(run.started_at, ANSIC)}\n"
                f"Last Completed: {format_time(run.completed_at, ANSIC)}\nPhase:          {run.phase}\n"
            )
    return out


def _has_tests(rel: Release) -> bool:
    return any(e == "test" for h in rel.hooks for e in h.events)


def write_status(
    out: IO[str],
    rel: Release,
    fmt: str,
    *,
    debug: bool = False,
    show_metadata: bool = False,
    hide_notes: bool = False,
    no_color: bool = True,
    stored: bool = True,
    resources: Callable[[Mapping[str, list[Any]]], str] | None = None,
) -> None:
    """Helm's statusPrinter in FMT (table, json or yaml).

    STORED says REL was read from storage, where Go's empty user values decode as nil (printed
    ``null``). RESOURCES renders ``info.resources`` for the table (``status`` passes kubectl's
    printer); without it the section is left out. Raises ChartistError for values that cannot
    be encoded and for computed values that do not coalesce.
    """
    if fmt == "json":
        out.write(release_json(rel) + "\n")
        return
    if fmt == "yaml":
        out.write(json_text_to_yaml(release_json(rel)))
        return
    w = out.write
    w(f"NAME: {rel.name}\n")
    if rel.info.last_deployed is not None:
        w(f"LAST DEPLOYED: {format_time(rel.info.last_deployed, ANSIC)}\n")
    w(f"NAMESPACE: {colorize_namespace(rel.namespace, no_color)}\n")
    w(f"STATUS: {colorize_status(str(rel.info.status), no_color)}\n")
    w(f"REVISION: {rel.version}\n")
    if show_metadata:
        md = rel.chart.metadata if rel.chart is not None else None
        w(f"CHART: {md.name if md else ''}\nVERSION: {md.version if md else ''}\n")
        w(f"APP_VERSION: {md.app_version if md else ''}\n")
    w(f"DESCRIPTION: {rel.info.description}\n")
    if rel.info.resources and resources is not None:
        w(f"RESOURCES:\n{resources(rel.info.resources)}\n")
    if not _has_tests(rel):
        w("TEST SUITE: None\n")
    else:
        for text in _hook_runs(rel):
            w(text)
    if debug:
        from chartist.chart.model import Chart, Metadata
        from chartist.chart.values import coalesce_values

        config: Any = None if stored and not rel.config else rel.config
        w("USER-SUPPLIED VALUES:\n" + encode_yaml(config) + "\n")
        chart = rel.chart if rel.chart is not None else Chart(Metadata())
        w("COMPUTED VALUES:\n" + encode_yaml(coalesce_values(chart, rel.config)) + "\n")
    if rel.info.description.lower() == "dry run complete" or debug:
        w("HOOKS:\n")
        for h in rel.hooks:
            w(f"---\n# Source: {h.path}\n{h.manifest}\n")
        w(f"MANIFEST:\n{rel.manifest}\n")
    if not hide_notes and rel.info.notes:
        w(f"NOTES:\n{go_trim_space(rel.info.notes)}\n")
