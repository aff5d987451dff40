"""The engine end to end: charts rendered by chartist.render, compared with Helm v4.2.3's output.

Rows live in ``_engine_rows.py`` (literals taken from Helm through helm-python-sdk); the
``helm``-marked test re-derives every literal from Helm itself, so the table cannot drift.
"""

from __future__ import annotations

import pytest
from _engine_rows import ROWS
from _engine_support import check, render, render_helm


def _param(row):
    marks = [pytest.mark.xfail(strict=True, reason=row.known)] if row.known else []
    return pytest.param(row, id=row.id, marks=marks)


@pytest.mark.parametrize("row", [_param(r) for r in ROWS])
def test_render(row, tmp_path):
    got, err = render(tmp_path, row)
    check(row, got, err)


@pytest.mark.helm
@pytest.mark.parametrize("row", [pytest.param(r, id=r.id) for r in ROWS if r.helm])
def test_rows_are_helms(row, tmp_path):
    got, err = render_helm(tmp_path, row)
    check(row, got, err)


def test_row_ids_are_unique():
    ids = [r.id for r in ROWS]
    assert len(ids) == len(set(ids))
