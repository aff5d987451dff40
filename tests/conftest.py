"""Shared test configuration: markers that skip when a reference or a server is missing."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# shared/ sits beside the checkout (developers and CI); CHARTIST_SHARED overrides.
SHARED = Path(os.environ.get("CHARTIST_SHARED", REPO.parent / "shared"))

HAVE_HELM = importlib.util.find_spec("helm_python") is not None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    skip_helm = pytest.mark.skip(reason="helm-python-sdk (Helm v4 reference) is not installed")
    for item in items:
        if "helm" in item.keywords and not HAVE_HELM:
            item.add_marker(skip_helm)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared directory not found at {SHARED}")
    return SHARED
