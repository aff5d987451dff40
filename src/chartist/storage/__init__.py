"""chartist.storage — where release revisions live (Helm's ``pkg/storage``).

:class:`Storage` keeps history rules (max history, deployed/last queries, the pending lock)
over a :class:`~chartist.storage.driver.Driver`: :class:`MemoryDriver`, :class:`SecretsDriver`
(Helm's default), :class:`ConfigMapsDriver` or :class:`SQLDriver`. Releases are encoded as Helm
encodes them (:mod:`chartist.release.codec`), so Helm and chartist read each other's releases.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from chartist.storage.driver.base import (
    HELM_STORAGE_TYPE,
    SYSTEM_LABELS,
    Driver,
    InvalidKey,
    NoDeployedReleases,
    OperationInProgress,
    ReleaseExists,
    ReleaseNotFound,
    ReleaseTooLarge,
    StorageError,
    contains_system_labels,
    make_key,
)
from chartist.storage.driver.factory import new_driver
from chartist.storage.driver.memory import MemoryDriver
from chartist.storage.storage import Storage

if TYPE_CHECKING:
    from chartist.storage.driver.configmaps import ConfigMapsDriver
    from chartist.storage.driver.secrets import SecretsDriver
    from chartist.storage.driver.sql import SQLDriver

__all__ = [
    "HELM_STORAGE_TYPE",
    "SYSTEM_LABELS",
    "ConfigMapsDriver",
    "Driver",
    "InvalidKey",
    "MemoryDriver",
    "NoDeployedReleases",
    "OperationInProgress",
    "ReleaseExists",
    "ReleaseNotFound",
    "ReleaseTooLarge",
    "SQLDriver",
    "SecretsDriver",
    "Storage",
    "StorageError",
    "contains_system_labels",
    "make_key",
    "new_driver",
]


def __getattr__(name: str) -> Any:
    if name in ("ConfigMapsDriver", "SecretsDriver", "SQLDriver"):
        from chartist.storage import driver

        return getattr(driver, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
