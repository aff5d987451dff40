"""The lexer's regex fast path gives exactly the items of its general code: every text is lexed
with and without it (the general code alone handles everything) and the items must agree."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_parse_fuzz import FRAGMENTS, SNIPPETS

from chartist.gotemplate import lex as L

CHARTS = Path(__file__).resolve().parents[3] / "shared" / "conformance" / "charts"
DELIMS = [("{{", "}}"), ("[[", "]]"), ("((", "))"), ("<%", "%>"), ("{{", " }"), ("{", "|}")]


def _both(text: str, left: str, right: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = L.lex(text, left, right)
    with monkeypatch.context() as m:
        m.setattr(L, "_fast_matcher", lambda rd: None)
        slow = L.lex(text, left, right)
    assert fast == slow


def _chart_templates() -> list[Path]:
    if not CHARTS.is_dir():
        return []
    return sorted(p for p in CHARTS.rglob("templates/**/*") if p.is_file())[::7]


@pytest.mark.parametrize("path", _chart_templates(), ids=lambda p: str(p.relative_to(CHARTS)))
def test_chart_templates(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _both(path.read_bytes().decode("utf-8", "surrogateescape"), "{{", "}}", monkeypatch)


@pytest.mark.parametrize("text", SNIPPETS)
@pytest.mark.parametrize(("left", "right"), DELIMS)
def test_snippets(text: str, left: str, right: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _both(text.replace("{{", left).replace("}}", right), left, right, monkeypatch)


EXTRA = ["[[", "]]", "[[- ", " -]]", "((", "))", "<%", "%>", " }", "|}", "{", "  ", "\n", "x1", "$1a", "._", "0_1"]  # fmt: skip


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(FRAGMENTS + EXTRA), max_size=40).map("".join),
    st.sampled_from(DELIMS),
)
def test_fragments(text: str, delims: tuple[str, str]) -> None:
    with pytest.MonkeyPatch.context() as m:
        _both(text, *delims, m)
