"""Choosing a driver by its HELM_DRIVER name (Helm's ``action.Configuration.Init``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chartist.storage.driver.base import Driver, StorageError, go_quote
from chartist.storage.driver.memory import MemoryDriver

if TYPE_CHECKING:
    from chartist.kube.client import KubeClient

__all__ = ["DRIVER_NAMES", "new_driver"]

#: The names HELM_DRIVER accepts ("" is the default, Secrets).
DRIVER_NAMES = ("secret", "secrets", "configmap", "configmaps", "memory", "sql", "")


def new_driver(
    name: str, namespace: str, *, kube_client: KubeClient | None = None, sql_dsn: str = ""
) -> Driver:
    """The driver HELM_DRIVER=NAME selects, reading releases of NAMESPACE (``""``: all namespaces).

    Secrets and ConfigMaps need KUBE_CLIENT; SQL connects to SQL_DSN (the CLI passes
    HELM_DRIVER_SQL_CONNECTION_STRING). Raises StorageError ``unknown driver "x"`` or
    ``unable to instantiate SQL driver: ...``.
    """
    if name in ("secret", "secrets", "", "configmap", "configmaps"):
        if kube_client is None:
            raise StorageError(f"the {name or 'secret'} driver needs a Kubernetes client")
        if name.startswith("configmap"):
            from chartist.storage.driver.configmaps import ConfigMapsDriver

            return ConfigMapsDriver(kube_client, namespace)
        from chartist.storage.driver.secrets import SecretsDriver

        return SecretsDriver(kube_client, namespace)
    if name == "memory":
        return MemoryDriver(namespace)
    if name == "sql":
        from chartist.storage.driver.sql import SQLDriver

        try:
            return SQLDriver(sql_dsn, namespace)
        except StorageError as err:
            raise StorageError(f"unable to instantiate SQL driver: {err}") from err
    raise StorageError(f"unknown driver {go_quote(name)}")
