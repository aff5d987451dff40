"""Releases stored as ConfigMaps (Helm's ``storage/driver/cfgmaps.go``, ``HELM_DRIVER=configmap``).

The ConfigMap's ``data.release`` is the encoded release text itself. See
:mod:`chartist.storage.driver.kubeobjects` for labels, limits and the write guarantees.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chartist.storage.driver.kubeobjects import KubeObjectDriver

__all__ = ["ConfigMapsDriver"]


class ConfigMapsDriver(KubeObjectDriver):
    """The ConfigMap driver."""

    kind = "ConfigMap"
    driver_name = "ConfigMap"

    def _data(self, encoded: str) -> dict[str, Any]:
        return {"data": {"release": encoded}}

    def _payload(self, obj: Mapping[str, Any]) -> str:
        value = (obj.get("data") or {}).get("release")
        return value if isinstance(value, str) else ""
