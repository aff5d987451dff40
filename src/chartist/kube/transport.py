"""The HTTP seam: one keep-alive connection pool to the API server, with credentials, TLS,
client-side throttling, retries with backoff and the mapping of failure Status bodies to errors.

Built on httpx (see ``client.py`` for the measurements behind the choice); tests inject an
``httpx`` transport (``httpx.MockTransport``) or point the client at ``tests/apiserver``.

Retry rules (client-go's, slightly extended):
  * a connection that could not be opened: every verb is retried (nothing reached the server);
  * a dropped connection or read timeout: only idempotent requests (GET, PUT, DELETE,
    server-side apply) are retried;
  * 429: always retried, after ``Retry-After`` seconds when the server says so;
  * 5xx: retried when the request is idempotent or the server sent ``Retry-After``;
  * 401 once, after the credentials were refreshed (rotated token file, expired exec token).
The delay doubles from ``backoff`` up to ``max_backoff`` with jitter; ``Retry-After`` wins.
"""

from __future__ import annotations

import json
import os
import random
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from chartist.kube.auth import Credentials
from chartist.kube.config import RestConfig
from chartist.kube.errors import (
    APIError,
    KubeConfigError,
    KubeConnectionError,
    KubeTimeoutError,
    api_error_class,
)

if TYPE_CHECKING:
    import ssl

    import httpx

#: Seconds to wait for a TCP + TLS connection (client-go's dialer uses 30).
CONNECT_TIMEOUT = 30.0
#: Longest honoured ``Retry-After``, so a misbehaving server cannot park a command for hours.
MAX_RETRY_AFTER = 60.0


def import_httpx() -> Any:
    """Import httpx without its optional command-line module.

    httpx's ``__init__`` imports ``httpx._main`` (click, rich, pygments) whenever those packages
    are installed; that triples its import time (77 ms against 34 ms, see ``bench/kube_import.py``).
    A ``None`` entry in ``sys.modules`` makes that one optional import fail the documented way,
    httpx then defines a stub ``main``; the entry is removed again right after.
    """
    if "httpx" in sys.modules:
        return sys.modules["httpx"]
    blocked = "httpx._main" not in sys.modules
    if blocked:
        sys.modules["httpx._main"] = None  # type: ignore[assignment]
    try:
        import httpx
    finally:
        if blocked and sys.modules.get("httpx._main", 0) is None:
            del sys.modules["httpx._main"]
    return httpx


@dataclass(frozen=True, slots=True)
class RequestInfo:
    """What a request is about, for error messages (``cannot list configmaps in ...``)."""

    verb: str = ""
    resource: str = ""
    namespace: str = ""
    name: str = ""


def proxy_for(server: str, proxy_url: str, env: Mapping[str, str]) -> str:
    """The proxy to use: the kubeconfig's ``proxy-url``, else Go's ProxyFromEnvironment rules
    applied to the given environment (``HTTPS_PROXY``/``HTTP_PROXY``/``NO_PROXY``; loopback never)."""
    if proxy_url:
        return proxy_url
    parts = urlsplit(server)
    host = (parts.hostname or "").lower()
    if host in ("localhost", "::1") or host.startswith("127."):
        return ""
    names = ("HTTPS_PROXY", "https_proxy") if parts.scheme == "https" else ("HTTP_PROXY", "http_proxy")
    proxy = next((env[n] for n in names if env.get(n)), "")
    if not proxy:
        return ""
    no_proxy = env.get("NO_PROXY") or env.get("no_proxy") or ""
    for entry in (e.strip().lower() for e in no_proxy.split(",")):
        if not entry:
            continue
        if entry == "*" or host == entry.lstrip(".") or host.endswith("." + entry.lstrip(".")):
            return ""
    return proxy


def make_ssl_context(config: RestConfig, cert: tuple[bytes, bytes] | None) -> ssl.SSLContext:
    """TLS settings of ``config``: its CA only (else the system store), insecure mode, client cert.

    Raises KubeConfigError when the CA or the certificate/key pair cannot be loaded.
    """
    import ssl  # here, with tempfile, so that importing chartist.kube stays cheap
    import tempfile

    try:
        if config.ca_data and not config.insecure:
            ctx = ssl.create_default_context(cadata=config.ca_data.decode("ascii", errors="replace"))
        else:
            ctx = ssl.create_default_context()
    except (ssl.SSLError, ValueError) as err:
        raise KubeConfigError(f"unable to load root certificates: {err}") from err
    if config.insecure:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    if cert is not None:
        # The ssl module loads certificates from files only: write them to a private
        # directory for the moment of loading.
        with tempfile.TemporaryDirectory(prefix="chartist-tls-") as tmp:
            cert_path = os.path.join(tmp, "tls.crt")
            key_path = os.path.join(tmp, "tls.key")
            for path, data in ((cert_path, cert[0]), (key_path, cert[1])):
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
            try:
                ctx.load_cert_chain(cert_path, key_path)
            except ssl.SSLError as err:
                raise KubeConfigError(f"unable to load client certificate and key: {err}") from err
    return ctx


class RateLimiter:
    """Token bucket: ``qps`` tokens a second, at most ``burst`` saved; qps < 0 means unlimited."""

    def __init__(
        self,
        qps: float,
        burst: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._qps = qps
        self._burst = max(1, burst)
        self._tokens = float(self._burst)
        self._clock = clock
        self._sleep = sleep
        self._last = clock()
        self._lock = threading.Lock()

    def acquire(self) -> None:
        """Take one token, sleeping until one is available."""
        if self._qps < 0:
            return
        with self._lock:
            now = self._clock()
            self._tokens = min(self._burst, self._tokens + (now - self._last) * self._qps)
            self._last = now
            self._tokens -= 1
            wait = -self._tokens / self._qps if self._tokens < 0 else 0.0
        if wait > 0:
            self._sleep(wait)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return min(MAX_RETRY_AFTER, max(0.0, float(value)))
    except ValueError:
        return None


def error_from_response(response: httpx.Response, info: RequestInfo) -> APIError:
    """The APIError for a failed response, from its Status body when there is one."""
    code = response.status_code
    reason = ""
    message = ""
    details: dict[str, Any] = {}
    try:
        body = json.loads(response.content)
    except ValueError:
        body = None
    if isinstance(body, dict) and body.get("kind") == "Status":
        reason = str(body.get("reason") or "")
        message = str(body.get("message") or "")
        details = body.get("details") or {}
        code = int(body.get("code") or code)
    else:
        text = response.content.decode("utf-8", errors="replace").strip()
        message = text[:500] if text else ""
        if code == 401 and not message:
            message = "the server has asked for the client to provide credentials"
    cls = api_error_class(code, reason)
    return cls(
        message,
        code=code,
        reason=reason,
        details=details,
        verb=info.verb,
        resource=info.resource,
        namespace=info.namespace,
        name=info.name,
        retry_after=_retry_after(response),
    )


_IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})


class Transport:
    """Sends requests to one API server; safe to share between threads.

    ``http_transport`` replaces the network (an ``httpx.BaseTransport``, e.g. ``MockTransport``).
    """

    def __init__(
        self,
        config: RestConfig,
        *,
        http_transport: Any = None,
        credentials: Credentials | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.config = config
        self.credentials = credentials or Credentials(config)
        self._injected = http_transport
        self._sleep = sleep
        self._limiter = RateLimiter(config.qps, config.burst, sleep=sleep)
        self._lock = threading.Lock()
        self._http: httpx.Client | None = None
        self._cert: tuple[bytes, bytes] | None = None
        self._extensions = {"sni_hostname": config.tls_server_name} if config.tls_server_name else {}

    def _client(self) -> httpx.Client:
        cert = self.credentials.client_cert()
        with self._lock:
            if self._http is not None and cert == self._cert:
                return self._http
            httpx = import_httpx()
            old = self._http
            cfg = self.config
            kwargs: dict[str, Any] = {
                "base_url": cfg.server,
                "timeout": httpx.Timeout(cfg.request_timeout or None, connect=CONNECT_TIMEOUT),
                "headers": {"User-Agent": cfg.user_agent},
                "trust_env": False,
                "follow_redirects": False,
            }
            if self._injected is not None:
                kwargs["transport"] = self._injected
            else:
                kwargs["verify"] = make_ssl_context(cfg, cert) if cfg.server.startswith("https") else True
                kwargs["http2"] = cfg.http2
                proxy = proxy_for(cfg.server, cfg.proxy_url, cfg.env)
                if proxy:
                    kwargs["proxy"] = proxy
            try:
                self._http = httpx.Client(**kwargs)
            except ImportError as err:  # http2 without h2, socks proxy without socksio
                raise KubeConfigError(f"cannot create the HTTP client: {err}") from err
            self._cert = cert
        if old is not None:
            old.close()
        return self._http

    def close(self) -> None:
        """Close the pooled connections."""
        with self._lock:
            if self._http is not None:
                self._http.close()
                self._http = None

    def _headers(self, extra: Mapping[str, str] | None) -> list[tuple[str, str]]:
        headers = list(self.credentials.static_headers.items())
        auth = self.credentials.authorization()
        if auth:
            headers.append(("Authorization", auth))
        headers.extend(("Impersonate-Group", g) for g in self.credentials.impersonate_groups())
        for key, values in self.credentials.impersonate_extra():
            headers.extend((f"Impersonate-Extra-{key}", v) for v in values)
        if extra:
            headers.extend(extra.items())
        return headers

    def backoff(self, attempt: int) -> float:
        """Seconds to wait before retry number ``attempt`` (0-based): doubling, capped, jittered."""
        base: float = min(self.config.max_backoff, self.config.backoff * (2.0**attempt))
        return base * (0.5 + random.random() / 2)

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        idempotent: bool | None = None,
        info: RequestInfo = RequestInfo(),
        stream: bool = False,
        timeout: float | None = -1.0,
    ) -> httpx.Response:
        """Send one request (retrying as the module docstring says) and return a 2xx response.

        With ``stream`` the body is left unread (the caller closes the response). ``timeout`` -1
        keeps the configured request timeout, None waits forever (watches).
        Raises the APIError subclass for a failure status, KubeConnectionError when the server
        cannot be reached, KubeTimeoutError when it does not answer in time.
        """
        httpx = import_httpx()
        retryable = method in _IDEMPOTENT if idempotent is None else idempotent
        url = self.config.server + path
        attempt = 0
        refreshed = False
        while True:
            self._limiter.acquire()
            http = self._client()
            extensions: dict[str, Any] = dict(self._extensions)
            if timeout is None or timeout >= 0:
                extensions["timeout"] = httpx.Timeout(timeout, connect=CONNECT_TIMEOUT).as_dict()
            request = http.build_request(
                method,
                path,
                params=params,
                content=content,
                headers=self._headers(headers),
                extensions=extensions,
            )
            try:
                response = http.send(request, stream=stream)
            except httpx.TransportError as err:
                opened = not isinstance(err, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout))
                if attempt < self.config.retries and (retryable or not opened):
                    self._sleep(self.backoff(attempt))
                    attempt += 1
                    continue
                what = f'{method.title()} "{url}"'
                if isinstance(err, httpx.TimeoutException):
                    raise KubeTimeoutError(f"{what}: timed out ({type(err).__name__})", url=url) from err
                raise KubeConnectionError(f"Kubernetes cluster unreachable: {what}: {err}", url=url) from err
            code = response.status_code
            if code < 400:
                return response
            if stream:
                response.read()
            response.close()
            if code == 401 and not refreshed and self.credentials.refresh():
                refreshed = True
                continue
            after = _retry_after(response)
            if attempt < self.config.retries and (
                code == 429 or (code >= 500 and (retryable or after is not None))
            ):
                self._sleep(after if after is not None else self.backoff(attempt))
                attempt += 1
                continue
            raise error_from_response(response, info)
