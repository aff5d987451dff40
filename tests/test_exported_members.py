"""Each package's public surface: ``__all__`` is sorted (ruff's isort style) and resolves."""

from __future__ import annotations

import importlib

import pytest

PACKAGES = [
    "chartist",
    "chartist.action",
    "chartist.chart",
    "chartist.engine",
    "chartist.gotemplate",
    "chartist.goyaml",
    "chartist.kube",
    "chartist.kyaml",
    "chartist.plugin",
    "chartist.release",
    "chartist.sprig",
    "chartist.storage",
]


def _isort_key(name: str) -> tuple[int, str]:
    """Ruff's RUF022 order: CONSTANTS, then Classes, then functions, each alphabetical."""
    if name.isupper() and len(name) > 1:
        return (0, name)
    if name[:1].isupper():
        return (1, name)
    return (2, name)


@pytest.mark.parametrize("name", PACKAGES)
def test_all_is_sorted_and_resolves(name: str) -> None:
    mod = importlib.import_module(name)
    exported = getattr(mod, "__all__", None)
    assert exported is not None, f"{name} has no __all__"
    assert list(exported) == sorted(exported, key=_isort_key), f"{name}.__all__ is not sorted"
    for attr in exported:
        assert getattr(mod, attr, None) is not None, f"{name}.{attr} does not resolve"
