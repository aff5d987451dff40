"""Storage drivers: one object per release revision in memory, Secrets, ConfigMaps or PostgreSQL.

The Secret and ConfigMap drivers import :mod:`chartist.kube`, the SQL driver psycopg; both
load only when used (``from chartist.storage.driver import SecretsDriver`` is lazy).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from chartist.storage.driver.base import (
    HELM_STORAGE_TYPE,
    OWNER,
    RELEASE_TYPE,
    SYSTEM_LABELS,
    Driver,
    InvalidKey,
    NoDeployedReleases,
    OperationInProgress,
    ReleaseExists,
    ReleaseFilter,
    ReleaseNotFound,
    ReleaseTooLarge,
    StorageError,
    contains_system_labels,
    filter_system_labels,
    make_key,
    parse_key,
    system_labels,
    validate_label_value,
)
from chartist.storage.driver.factory import DRIVER_NAMES, new_driver
from chartist.storage.driver.memory import MemoryDriver

if TYPE_CHECKING:
    from chartist.storage.driver.configmaps import ConfigMapsDriver
    from chartist.storage.driver.secrets import SecretsDriver
    from chartist.storage.driver.sql import SQLDriver

__all__ = [
    "DRIVER_NAMES",
    "HELM_STORAGE_TYPE",
    "OWNER",
    "RELEASE_TYPE",
    "SYSTEM_LABELS",
    "ConfigMapsDriver",
    "Driver",
    "InvalidKey",
    "MemoryDriver",
    "NoDeployedReleases",
    "OperationInProgress",
    "ReleaseExists",
    "ReleaseFilter",
    "ReleaseNotFound",
    "ReleaseTooLarge",
    "SQLDriver",
    "SecretsDriver",
    "StorageError",
    "contains_system_labels",
    "filter_system_labels",
    "make_key",
    "new_driver",
    "parse_key",
    "system_labels",
    "validate_label_value",
]

_LAZY = {
    "ConfigMapsDriver": "chartist.storage.driver.configmaps",
    "SecretsDriver": "chartist.storage.driver.secrets",
    "SQLDriver": "chartist.storage.driver.sql",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
