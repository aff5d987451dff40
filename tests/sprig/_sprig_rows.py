"""Rows for the tests of Sprig's core function groups, and how they are checked.

A row calls one template function with Python arguments and holds Helm v4's answer as a
literal: a value in chartist's value model (``Int64``, ``StrSlice``, floats for float64 ...)
or ``Err(message)``, the text after ``error calling NAME:``. :func:`check_row` calls the
function directly. :func:`helm_mismatches` (used by the ``helm``-marked tests) renders each row
through Helm as ``{{ printf "%T|%#v" (NAME ARGS...) }}`` and compares with the same printing of
the row's value, so every literal here is checked against Helm itself. Where the value model has
no type for Go's result, ``go`` holds Helm's printing instead.
"""

from __future__ import annotations

import copy
import math
import re
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from chartist.gotemplate.fmt import sprintf
from chartist.gotemplate.strconv import quote
from chartist.gotemplate.values import FuncError, GoFunc, Int64, StrSlice, type_name


@dataclass(frozen=True)
class Err:
    """The function fails; MSG is Go's message after ``error calling NAME: ``."""

    msg: str


@dataclass(frozen=True)
class Row:
    func: str
    args: tuple[Any, ...]
    want: Any
    go: str | None = None  # Helm's "%T|%#v" when the value model cannot print it the same
    helm: bool = True  # False: an argument has no template literal (bytes, objects)

    @property
    def id(self) -> str:
        text = f"{self.func}({', '.join(map(repr, self.args))})"
        return text if len(text) <= 70 else text[:67] + "..."


def R(func: str, *args: Any, want: Any, go: str | None = None, helm: bool = True) -> Row:
    return Row(func, args, want, go, helm)


def ids(rows: list[Row]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for r in rows:
        n = seen.get(r.id, 0)
        seen[r.id] = n + 1
        out.append(r.id if not n else f"{r.id}#{n}")
    return out


def same(got: Any, want: Any) -> bool:
    """Equal values of the same Go types, all the way down (NaN equals NaN, -0 is not 0)."""
    if type_name(got) != type_name(want):
        return False
    if isinstance(want, float):
        if math.isnan(want):
            return math.isnan(got)
        return bool(got == want and math.copysign(1, got) == math.copysign(1, want))
    if isinstance(want, list | tuple):
        return len(got) == len(want) and all(same(g, w) for g, w in zip(got, want, strict=True))
    if isinstance(want, Mapping):
        return set(got) == set(want) and all(same(got[k], want[k]) for k in want)
    return bool(got == want)


def check_row(funcs: Mapping[str, GoFunc], row: Row) -> None:
    """Call the row's function directly (on a copy of the arguments: some functions change them)."""
    fn = funcs[row.func]
    args = copy.deepcopy(row.args)
    if isinstance(row.want, Err):
        with pytest.raises(FuncError) as info:
            fn.fn(*args)
        assert str(info.value) == row.want.msg
        return
    got = fn.fn(*args)
    assert same(got, row.want), f"got {got!r} ({type_name(got)}), want {row.want!r} ({type_name(row.want)})"


# ---------------------------------------------------------------------------------------------
# The Helm cross-check


def go_literal(v: Any) -> str:
    """V as a template expression that yields the same Go value."""
    if v is None:
        return "nil"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, Int64):
        return f"(int64 {int(v)})"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return '(float64 "NaN")'
        if math.isinf(v):
            return '(float64 "+Inf")' if v > 0 else '(float64 "-Inf")'
        text = repr(v)
        return text if ("." in text or "e" in text) else text + ".0"
    if isinstance(v, str):
        return quote(v)
    if isinstance(v, StrSlice):
        return "(toStrings (list" + "".join(" " + go_literal(x) for x in v) + "))"
    if isinstance(v, list | tuple):
        return "(list" + "".join(" " + go_literal(x) for x in v) + ")"
    if isinstance(v, dict):
        return "(dict" + "".join(f" {go_literal(k)} {go_literal(x)}" for k, x in v.items()) + ")"
    raise TypeError(f"no template literal for {v!r}")


def _template(row: Row) -> str:
    call = " ".join([row.func, *(go_literal(a) for a in row.args)])
    return '{{ printf "%T|%#v" (' + call + ") (" + call + ") }}"


def _expected(row: Row) -> str:
    if isinstance(row.want, Err):
        return "ERR: " + row.want.msg
    return row.go if row.go is not None else sprintf("%T|%#v", row.want, row.want)


def _render(h: Any, templates: list[str]) -> list[str]:
    root = Path(tempfile.mkdtemp(prefix="sprigrows"))
    try:
        (root / "templates").mkdir()
        (root / "Chart.yaml").write_text("apiVersion: v2\nname: c\nversion: 0.1.0\n")
        for i, t in enumerate(templates):
            (root / "templates" / f"t{i:04d}.yaml").write_text(t)
        out = h.Chart.load(str(root)).render({}, name="rel", namespace="default")
        return [out[f"c/templates/t{i:04d}.yaml"] for i in range(len(templates))]
    finally:
        shutil.rmtree(root)


_ERROR = re.compile(r"error calling \w+: (.*)\Z|execution error at \([^)]*\): (.*)\Z", re.S)


def _render_one(h: Any, template: str) -> str:
    try:
        return _render(h, [template])[0]
    except h.HelmRenderError as err:
        m = _ERROR.search(str(err))
        if m is None:
            return "ERR: " + str(err)
        return "ERR: " + (m.group(1) if m.group(1) is not None else m.group(2))


def helm_outputs(rows: list[Row]) -> list[str]:
    """What Helm renders for each row: ``%T|%#v`` of the result, or ``ERR: message``."""
    h = pytest.importorskip("helm_python")
    templates = [_template(r) for r in rows]
    try:
        return _render(h, templates)
    except h.HelmRenderError:
        return [_render_one(h, t) for t in templates]


def helm_mismatches(rows: list[Row]) -> list[str]:
    """Rows whose value or error differs from what Helm renders (described for the assertion)."""
    checked = [r for r in rows if r.helm]
    ok = [r for r in checked if not isinstance(r.want, Err)]
    errs = [r for r in checked if isinstance(r.want, Err)]
    # Rows that succeed render together; each failing row needs a render of its own.
    got = dict(zip(map(id, ok), helm_outputs(ok), strict=True))
    got.update((id(r), helm_outputs([r])[0]) for r in errs)
    return [
        f"{r.id}: helm {got[id(r)]!r}, row {_expected(r)!r}" for r in checked if got[id(r)] != _expected(r)
    ]
