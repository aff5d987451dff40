"""chartist.kube — everything chartist does to a cluster.

``Client.from_settings(KubeSettings(...), env)`` connects as the user's kubeconfig says;
:class:`KubeClient` is the protocol the layers above program against, :class:`FakeKubeClient`
its in-memory stand-in for tests. httpx is imported only when the first request is sent.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from chartist.kube.client import (
        APPLY_PATCH,
        JSON_PATCH,
        MERGE_PATCH,
        STRATEGIC_MERGE_PATCH,
        Client,
        KubeClient,
        KubeObject,
        ObjectList,
        ObjectRef,
        WatchEvent,
    )
    from chartist.kube.config import ExecConfig, KubeSettings, RestConfig, load_config
    from chartist.kube.discovery import Discovery, ResourceMapping
    from chartist.kube.errors import (
        AlreadyExists,
        APIError,
        BadRequest,
        Conflict,
        ExecPluginError,
        Forbidden,
        Gone,
        Invalid,
        KubeConfigError,
        KubeConnectionError,
        KubeError,
        KubeTimeoutError,
        MethodNotAllowed,
        NotFound,
        ResourceNotMapped,
        ServerError,
        TooManyRequests,
        Unauthorized,
        UnsupportedMediaType,
        WaitError,
    )
    from chartist.kube.fake import FakeKubeClient
    from chartist.kube.readiness import Result as ReadinessResult

__all__ = [
    "APPLY_PATCH",
    "JSON_PATCH",
    "MERGE_PATCH",
    "STRATEGIC_MERGE_PATCH",
    "APIError",
    "AlreadyExists",
    "BadRequest",
    "Client",
    "Conflict",
    "Discovery",
    "ExecConfig",
    "ExecPluginError",
    "FakeKubeClient",
    "Forbidden",
    "Gone",
    "Invalid",
    "KubeClient",
    "KubeConfigError",
    "KubeConnectionError",
    "KubeError",
    "KubeObject",
    "KubeSettings",
    "KubeTimeoutError",
    "MethodNotAllowed",
    "NotFound",
    "ObjectList",
    "ObjectRef",
    "ReadinessResult",
    "ResourceMapping",
    "ResourceNotMapped",
    "RestConfig",
    "ServerError",
    "TooManyRequests",
    "Unauthorized",
    "UnsupportedMediaType",
    "WaitError",
    "WatchEvent",
    "load_config",
]

_LAZY: dict[str, tuple[str, str]] = {
    "APIError": ("chartist.kube.errors", "APIError"),
    "APPLY_PATCH": ("chartist.kube.client", "APPLY_PATCH"),
    "AlreadyExists": ("chartist.kube.errors", "AlreadyExists"),
    "BadRequest": ("chartist.kube.errors", "BadRequest"),
    "Client": ("chartist.kube.client", "Client"),
    "Conflict": ("chartist.kube.errors", "Conflict"),
    "Discovery": ("chartist.kube.discovery", "Discovery"),
    "ExecConfig": ("chartist.kube.config", "ExecConfig"),
    "ExecPluginError": ("chartist.kube.errors", "ExecPluginError"),
    "FakeKubeClient": ("chartist.kube.fake", "FakeKubeClient"),
    "Forbidden": ("chartist.kube.errors", "Forbidden"),
    "Gone": ("chartist.kube.errors", "Gone"),
    "Invalid": ("chartist.kube.errors", "Invalid"),
    "JSON_PATCH": ("chartist.kube.client", "JSON_PATCH"),
    "KubeClient": ("chartist.kube.client", "KubeClient"),
    "KubeConfigError": ("chartist.kube.errors", "KubeConfigError"),
    "KubeConnectionError": ("chartist.kube.errors", "KubeConnectionError"),
    "KubeError": ("chartist.kube.errors", "KubeError"),
    "KubeObject": ("chartist.kube.client", "KubeObject"),
    "KubeSettings": ("chartist.kube.config", "KubeSettings"),
    "KubeTimeoutError": ("chartist.kube.errors", "KubeTimeoutError"),
    "MERGE_PATCH": ("chartist.kube.client", "MERGE_PATCH"),
    "MethodNotAllowed": ("chartist.kube.errors", "MethodNotAllowed"),
    "NotFound": ("chartist.kube.errors", "NotFound"),
    "ObjectList": ("chartist.kube.client", "ObjectList"),
    "ObjectRef": ("chartist.kube.client", "ObjectRef"),
    "ReadinessResult": ("chartist.kube.readiness", "Result"),
    "ResourceMapping": ("chartist.kube.discovery", "ResourceMapping"),
    "ResourceNotMapped": ("chartist.kube.errors", "ResourceNotMapped"),
    "RestConfig": ("chartist.kube.config", "RestConfig"),
    "STRATEGIC_MERGE_PATCH": ("chartist.kube.client", "STRATEGIC_MERGE_PATCH"),
    "ServerError": ("chartist.kube.errors", "ServerError"),
    "TooManyRequests": ("chartist.kube.errors", "TooManyRequests"),
    "Unauthorized": ("chartist.kube.errors", "Unauthorized"),
    "UnsupportedMediaType": ("chartist.kube.errors", "UnsupportedMediaType"),
    "WaitError": ("chartist.kube.errors", "WaitError"),
    "WatchEvent": ("chartist.kube.client", "WatchEvent"),
    "load_config": ("chartist.kube.config", "load_config"),
}


def __getattr__(name: str) -> Any:
    # Lazy, so that importing chartist.kube.config (namespace lookup) stays cheap.
    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'chartist.kube' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value
