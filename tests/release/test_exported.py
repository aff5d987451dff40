"""The public surface of the release modules this package owns: sorted and importable."""

import pytest

from chartist.release import codec, model, status, times


@pytest.mark.parametrize("module", [codec, model, status, times], ids=lambda m: m.__name__)
def test_all_is_sorted_unique_and_importable(module) -> None:
    assert module.__all__ == sorted(module.__all__, key=lambda s: (not s.isupper(), s))
    assert len(set(module.__all__)) == len(module.__all__)
    for name in module.__all__:
        assert hasattr(module, name), name
