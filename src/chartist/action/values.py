"""User values from files and ``--set*`` strings, merged in Helm's order (values.Options)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any

from chartist.errors import ChartistError

__all__ = ["ValueOptions", "ValuesError"]


class ValuesError(ChartistError):
    """A values file or a --set string could not be read or parsed."""


def _read(path: str) -> bytes:
    if path.strip() == "-":
        return sys.stdin.buffer.read()
    if "://" in path:
        raise ValuesError(f"reading values from {path!r}: URLs are not supported yet")
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as err:
        raise ValuesError(f"open {path}: {err.strerror.lower() if err.strerror else err}") from err


@dataclass
class ValueOptions:
    """The values flags of install, upgrade and template."""

    value_files: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    string_values: list[str] = field(default_factory=list)
    file_values: list[str] = field(default_factory=list)
    json_values: list[str] = field(default_factory=list)
    literal_values: list[str] = field(default_factory=list)

    def merge_values(self) -> dict[str, Any]:
        """The user's values: files first, then --set-json, --set, --set-string, --set-file,
        --set-literal. Raises ValuesError (or the parser's error) naming the bad input."""
        from chartist.goyaml import YAMLError, load_json, merge_maps, read_values

        if self.values or self.string_values or self.file_values or self.json_values or self.literal_values:
            from chartist import strvals

        base: dict[str, Any] = {}
        for path in self.value_files:
            raw = _read(path)
            try:
                current = read_values(raw)
            except YAMLError as err:
                raise ValuesError(f"failed to parse {path}: {err}") from err
            base = merge_maps(base, current)
        for value in self.json_values:
            trimmed = value.strip()
            if trimmed.startswith("{"):
                try:
                    m = load_json(trimmed)
                except (YAMLError, ValueError) as err:
                    raise ValuesError(f"failed parsing --set-json data JSON: {value}") from err
                if not isinstance(m, dict):
                    raise ValuesError(f"failed parsing --set-json data JSON: {value}")
                base = merge_maps(base, m)
            else:
                try:
                    strvals.parse_json(value, base)
                except ChartistError as err:
                    raise ValuesError(f"failed parsing --set-json data {value}") from err
        for value in self.values:
            try:
                strvals.parse_into(value, base)
            except ChartistError as err:
                raise ValuesError(f"failed parsing --set data: {err}") from err
        for value in self.string_values:
            try:
                strvals.parse_into_string(value, base)
            except ChartistError as err:
                raise ValuesError(f"failed parsing --set-string data: {err}") from err
        for value in self.file_values:
            try:
                strvals.parse_into_file(value, base, lambda p: _read(p).decode("utf-8", "surrogateescape"))
            except ChartistError as err:
                raise ValuesError(f"failed parsing --set-file data: {err}") from err
        for value in self.literal_values:
            try:
                strvals.parse_literal_into(value, base)
            except ChartistError as err:
                raise ValuesError(f"failed parsing --set-literal data: {err}") from err
        return base
