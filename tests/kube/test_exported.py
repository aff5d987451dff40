"""The public surface of chartist.kube: sorted, complete, importable."""

import chartist.kube as kube


def test_all_is_sorted_and_unique() -> None:
    assert kube.__all__ == sorted(kube.__all__, key=lambda s: (not s.isupper(), s))
    assert len(set(kube.__all__)) == len(kube.__all__)


def test_all_names_exist() -> None:
    for name in kube.__all__:
        assert hasattr(kube, name), name


def test_every_error_is_exported() -> None:
    from chartist.kube import errors

    public = {n for n, v in vars(errors).items() if isinstance(v, type) and issubclass(v, errors.KubeError)}
    assert public <= set(kube.__all__)
