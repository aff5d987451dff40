"""The History action and Helm's history rows (pkg/cmd/history.go at v4.2.3)."""

from __future__ import annotations

import pytest

from chartist.action.configuration import ActionError
from chartist.action.history import History, HistoryEntry, history_entries
from chartist.release.model import Release
from chartist.storage.driver.base import ReleaseNotFound

from .read_support import at, memory_cfg, mock


def angry_bird() -> list[Release]:
    return [
        mock("angry-bird", v, s)
        for v, s in [(1, "superseded"), (2, "superseded"), (3, "superseded"), (4, "deployed")]
    ]


@pytest.mark.parametrize(
    "limit, want",
    [(256, [1, 2, 3, 4]), (2, [3, 4]), (1, [4]), (0, []), (-1, [])],
    ids=["default", "max-2", "max-1", "max-0", "negative"],
)
def test_history_keeps_the_newest(limit: int, want: list[int]) -> None:
    assert [r.version for r in History(memory_cfg(*angry_bird()), max=limit).run("angry-bird")] == want


def test_history_errors() -> None:
    cfg = memory_cfg(*angry_bird())
    with pytest.raises(ReleaseNotFound, match=r"^release: not found$"):
        History(cfg).run("nope")
    with pytest.raises(ActionError, match=r"^release name is invalid: Bad_Name$"):
        History(cfg).run("Bad_Name")


def test_history_entries_and_json() -> None:
    rel = mock("x", 3, "superseded")
    nochart = Release(name="x", version=4, info=rel.info.__class__(status="failed", description="boom"))
    got = history_entries([rel, nochart])
    assert got == [
        HistoryEntry(3, at(242085845), "superseded", "foo-0.1.0-beta.1", "1.0", "Release mock"),
        HistoryEntry(4, None, "failed", "MISSING", "MISSING", "boom"),
    ]
    assert got[0].to_json() == (
        '{"revision":3,"updated":"1977-09-02T22:04:05Z","status":"superseded","chart":"foo-0.1.0-beta.1",'
        '"app_version":"1.0","description":"Release mock"}'
    )
    # A zero time is left out (Helm's releaseInfo.MarshalJSON); HTML characters are escaped.
    assert got[1].to_json() == (
        '{"revision":4,"status":"failed","chart":"MISSING","app_version":"MISSING","description":"boom"}'
    )
    assert (
        HistoryEntry(1, None, "", "", "", "<a&b>")
        .to_json()
        .endswith('"description":"\\u003ca\\u0026b\\u003e"}')
    )
