"""chartist.kube — everything chartist does to a cluster.

``Client.from_settings(KubeSettings(...), env)`` connects as the user's kubeconfig says;
:class:`KubeClient` is the protocol the layers above program against, :class:`FakeKubeClient`
its in-memory stand-in for tests. httpx is imported only when the first request is sent.
"""

from __future__ import annotations

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
