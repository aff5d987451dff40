"""Rows and helpers of the engine tests: small charts written to a temporary directory."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import chartist
from chartist.errors import ChartistError

CHART_YAML = "apiVersion: v2\nname: c\nversion: 0.1.0\n"


@dataclass(frozen=True)
class Tail:
    """A long error (a recursion trace) checked by its start, its end and its length."""

    head: str
    tail: str
    length: int

    def matches(self, text: str) -> bool:
        return text.startswith(self.head) and text.endswith(self.tail) and len(text) == self.length


@dataclass(frozen=True)
class R:
    """One render: chart FILES (Chart.yaml added when missing), user VALUES, and either the
    render map WANT or the error ERR (text, or a Tail). ``helm=False``: chartist differs from
    Helm on purpose; ``known``: a difference owned by another part of chartist (xfail)."""

    group: str
    name: str
    files: dict[str, str | bytes]
    values: dict[str, Any] | None = None
    want: dict[str, str] | None = None
    err: str | Tail | None = None
    helm: bool = True
    known: str = ""
    release: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.group}: {self.name}"


def write_chart(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write FILES under ROOT/c (Chart.yaml added when missing); returns the chart directory."""
    chart = root / "c"
    all_files = dict(files)
    all_files.setdefault("Chart.yaml", CHART_YAML)
    for name, data in all_files.items():
        path = chart / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return chart


def render(root: Path, row: R) -> tuple[dict[str, str] | None, str | None]:
    """chartist's render map of ROW, or its error text."""
    chart = write_chart(root, row.files)
    try:
        return chartist.render(
            chart, row.values or {}, release_name="rel", namespace="default", **row.release
        ), None
    except ChartistError as err:
        return None, str(err)


def render_helm(root: Path, row: R) -> tuple[dict[str, str] | None, str | None]:
    """Helm's render map of ROW (helm-python-sdk), or its error text."""
    import helm_python as h

    chart = write_chart(root, row.files)
    try:
        release = dict(row.release)
        if release.get("is_upgrade"):
            release["is_install"] = False
        return h.Chart.load(os.fspath(chart)).render(
            row.values or {}, name="rel", namespace="default", **release
        ), None
    except h.HelmError as err:
        return None, str(err)


def check(row: R, got: dict[str, str] | None, err: str | None) -> None:
    """Assert that (GOT, ERR) is what ROW expects."""
    if row.err is None:
        assert err is None, f"unexpected error: {err}"
        assert got == row.want
    else:
        assert got is None, f"expected an error, rendered {got!r}"
        assert err is not None
        if isinstance(row.err, Tail):
            assert row.err.matches(err), (err[:300], err[-300:], len(err))
        else:
            assert err == row.err
