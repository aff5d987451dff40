"""The public surface of chartist.storage and chartist.storage.driver: sorted, complete, importable."""

import inspect

import pytest

import chartist.storage as storage
import chartist.storage.driver as driver
from chartist.kube import FakeKubeClient
from chartist.storage.driver import base


@pytest.mark.parametrize("module", [storage, driver], ids=lambda m: m.__name__)
def test_all_is_sorted_unique_and_importable(module) -> None:
    assert module.__all__ == sorted(module.__all__, key=lambda s: (not s.isupper(), s))
    assert len(set(module.__all__)) == len(module.__all__)
    for name in module.__all__:
        assert getattr(module, name) is not None, name


def test_every_error_is_exported() -> None:
    errors = {n for n, v in vars(base).items() if inspect.isclass(v) and issubclass(v, base.StorageError)}
    assert errors <= set(storage.__all__)
    assert errors <= set(driver.__all__)


@pytest.mark.parametrize(
    ("name", "want"),
    [("", "Secret"), ("secret", "Secret"), ("secrets", "Secret"), ("configmap", "ConfigMap"),
     ("configmaps", "ConfigMap"), ("memory", "Memory")],
)  # fmt: skip
def test_new_driver(name: str, want: str) -> None:
    drv = storage.new_driver(name, "ns", kube_client=FakeKubeClient())
    assert (drv.name, drv.namespace) == (want, "ns")
    assert isinstance(drv, storage.Driver)


def test_new_driver_errors() -> None:
    with pytest.raises(storage.StorageError, match=r'^unknown driver "mysql"$'):
        storage.new_driver("mysql", "ns")
    with pytest.raises(storage.StorageError, match=r"^unable to instantiate SQL driver: sql: cannot connect"):
        storage.new_driver("sql", "ns", sql_dsn="postgresql://nobody@127.0.0.1:1/x?connect_timeout=2")
