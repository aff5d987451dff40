"""Errors of the cluster-access layer, each a :class:`chartist.errors.ChartistError`.

Hierarchy::

    ChartistError
    └── KubeError
        ├── KubeConfigError          kubeconfig missing or invalid, unknown context, bad credentials setup
        │   └── ExecPluginError      an exec credential plugin failed or printed a bad ExecCredential
        ├── KubeConnectionError      the server could not be reached (after retries)
        ├── KubeTimeoutError         a request took longer than its timeout (after retries)
        ├── ResourceNotMapped        no kind of that apiVersion is served (CRD not installed?)
        ├── WaitError                resources did not become ready (or gone) in time, or failed
        └── APIError                 the server answered with a failure Status
            ├── BadRequest 400, Unauthorized 401, Forbidden 403, NotFound 404, MethodNotAllowed 405,
            ├── Conflict 409 (reason Conflict), AlreadyExists 409 (reason AlreadyExists),
            ├── Gone 410 (expired resourceVersion), UnsupportedMediaType 415, Invalid 422,
            └── TooManyRequests 429, ServerError 5xx

``APIError`` keeps the server's Status fields (``code``, ``reason``, ``message``, ``details``) and
what the request was about (``verb``, ``resource``, ``namespace``, ``name``). Its ``str()`` is the
server's own message, which already names the verb, the resource and the namespace for the
authorization and existence failures (``configmaps is forbidden: User "x" cannot list resource
"configmaps" in API group "" in the namespace "default"``); when the server sent no message one is
built from the request fields. Higher layers add their own context once (``list: ...``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chartist.errors import ChartistError


class KubeError(ChartistError):
    """Base class of every error raised by :mod:`chartist.kube`."""


class KubeConfigError(KubeError):
    """The kubeconfig (or the settings overriding it) cannot give a usable connection."""


class ExecPluginError(KubeConfigError):
    """An exec credential plugin could not be run or returned an unusable ExecCredential."""


class KubeConnectionError(KubeError):
    """The API server could not be reached; ``url`` is the request that failed."""

    def __init__(self, message: str, *, url: str = "") -> None:
        super().__init__(message)
        self.url = url


class KubeTimeoutError(KubeError):
    """A request to the API server timed out."""

    def __init__(self, message: str, *, url: str = "") -> None:
        super().__init__(message)
        self.url = url


class ResourceNotMapped(KubeError):
    """No resource of ``api_version`` / ``kind`` is served by the cluster."""

    def __init__(self, api_version: str, kind: str) -> None:
        self.api_version = api_version
        self.kind = kind
        super().__init__(
            f'no matches for kind "{kind}" in version "{api_version}"'
            + ("; ensure CRDs are installed first" if "/" in api_version else "")
        )


class WaitError(KubeError):
    """Waiting ended before every resource reached the wanted state.

    ``pending`` holds one line per resource in Helm's wording
    (``resource Deployment/default/web not ready. status: InProgress, message: Ready: 1/3``);
    ``timed_out`` tells a deadline from a resource that failed.
    """

    def __init__(self, pending: list[str], *, timed_out: bool) -> None:
        self.pending = pending
        self.timed_out = timed_out
        lines = list(pending)
        if timed_out:
            lines.append("context deadline exceeded")
        super().__init__("\n".join(lines))


class APIError(KubeError):
    """The API server answered a request with a failure ``Status``."""

    #: HTTP status code this class stands for (0: any).
    status_code = 0

    def __init__(
        self,
        message: str,
        *,
        code: int,
        reason: str = "",
        details: Mapping[str, Any] | None = None,
        verb: str = "",
        resource: str = "",
        namespace: str = "",
        name: str = "",
        retry_after: float | None = None,
    ) -> None:
        self.code = code
        self.reason = reason
        self.details: Mapping[str, Any] = details or {}
        self.verb = verb
        self.resource = resource
        self.namespace = namespace
        self.name = name
        self.retry_after = retry_after
        self.server_message = message
        super().__init__(message or self._fallback_message())

    def _fallback_message(self) -> str:
        what = self.resource or "resource"
        if self.name:
            what += f' "{self.name}"'
        where = f' in the namespace "{self.namespace}"' if self.namespace else ""
        text = self.reason or f"status code {self.code}"
        return f"{self.verb or 'request'} {what}{where}: {text} ({self.code})"


class BadRequest(APIError):
    """400: the request was malformed (for example a namespace mismatch)."""

    status_code = 400


class Unauthorized(APIError):
    """401: the credentials were missing, wrong or expired."""

    status_code = 401


class Forbidden(APIError):
    """403: the user may not do ``verb`` on ``resource`` in ``namespace``."""

    status_code = 403

    def _fallback_message(self) -> str:
        scope = f'in the namespace "{self.namespace}"' if self.namespace else "at the cluster scope"
        return f'{self.resource} is forbidden: cannot {self.verb} resource "{self.resource}" {scope}'


class NotFound(APIError):
    """404: the object (or its namespace) does not exist."""

    status_code = 404


class MethodNotAllowed(APIError):
    """405: the resource does not support the verb."""

    status_code = 405


class Conflict(APIError):
    """409 Conflict: a stale resourceVersion, or a server-side apply field conflict."""

    status_code = 409


class AlreadyExists(Conflict):
    """409 AlreadyExists: create of an object that exists."""


class Gone(APIError):
    """410: the resourceVersion asked for is too old (watch expired)."""

    status_code = 410


class UnsupportedMediaType(APIError):
    """415: the patch type is not supported for this resource (strategic merge on a CRD)."""

    status_code = 415


class Invalid(APIError):
    """422: the object failed validation; ``details["causes"]`` lists the fields."""

    status_code = 422


class TooManyRequests(APIError):
    """429: the server throttled the request (``retry_after`` seconds, if it said)."""

    status_code = 429


class ServerError(APIError):
    """5xx: the server failed (InternalError, ServiceUnavailable, timeouts)."""

    status_code = 500


_BY_CODE: dict[int, type[APIError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    405: MethodNotAllowed,
    409: Conflict,
    410: Gone,
    415: UnsupportedMediaType,
    422: Invalid,
    429: TooManyRequests,
}


def api_error_class(code: int, reason: str) -> type[APIError]:
    """The APIError subclass for an HTTP status ``code`` and Status ``reason``."""
    if code == 409 and reason == "AlreadyExists":
        return AlreadyExists
    if code >= 500:
        return ServerError
    return _BY_CODE.get(code, APIError)
