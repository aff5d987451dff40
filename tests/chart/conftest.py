"""Fixtures for chart tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chart_helpers import write_tree


@pytest.fixture
def chart_dir(tmp_path: Path):
    """Factory: chart_dir(files, name="c") -> a chart directory holding FILES."""

    def make(files: dict[str, Any], name: str = "c") -> Path:
        return write_tree(tmp_path / name, files)

    return make
