"""The public surface of chartist.goyaml: sorted __all__, every name importable."""

from __future__ import annotations

import chartist.goyaml as goyaml


def test_all_is_sorted_and_complete() -> None:
    assert goyaml.__all__ == sorted(goyaml.__all__)
    for name in goyaml.__all__:
        assert hasattr(goyaml, name), name
    public = {n for n in vars(goyaml) if not n.startswith("_") and callable(getattr(goyaml, n))}
    assert public <= set(goyaml.__all__)


def test_error_is_a_chartist_error() -> None:
    from chartist.errors import ChartistError

    assert issubclass(goyaml.YAMLError, ChartistError)
    assert issubclass(goyaml.YAMLError, ValueError)
