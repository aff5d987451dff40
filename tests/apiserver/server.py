"""The Kubernetes API test server: HTTPS on 127.0.0.1, the real REST protocol, one process.

``APIServer().start()`` serves discovery (legacy and aggregated) from the reference documents,
``/version``, ``/openapi/v2`` and ``/openapi/v3``, and every resource path (namespaced and
cluster-scoped, subresources ``status`` and ``serviceaccounts/token``) with get, list, watch,
create, update, patch (merge, strategic, JSON, apply), delete and deletecollection, after
authenticating (bearer token, basic auth, client certificate) and authorizing (RBAC, with
impersonation). ``faults`` injects failures; ``controller`` simulates workloads becoming ready;
``requests`` records every request; ``reset()`` returns to a fresh cluster between tests.

Not emulated: HTTP/2, protobuf and CBOR, table output (``as=Table``), version conversion between
API versions of one group (objects are stored as sent), admission webhooks, quotas and limit
ranges, field validation (``fieldValidation``), pod graceful deletion (pods go at once), the
``scale``, ``log``, ``exec``, ``proxy`` and ``eviction`` subresources, ``resourceVersionMatch``
on lists, consistent snapshots across list pages.
"""

from __future__ import annotations

import base64
import copy
import json
import os
import secrets
import socket
import ssl
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import yaml

from . import errors, refdata
from .certs import CertificateAuthority
from .controller import Controller
from .faults import Faults, reason_for
from .rbac import Attributes, Authenticator, Authorizer, User
from .registry import Registry, Resource
from .store import APPLY, Store
from .watchstream import serve_watch

AGGREGATED_CT = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"
ADMIN = User("admin", ("system:masters",))


@dataclass
class RequestRecord:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, list[str]]
    user: str = ""
    verb: str = ""

    def header(self, name: str) -> str:
        values = self.headers.get(name.lower()) or [""]
        return values[0]


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, api: APIServer, context: ssl.SSLContext) -> None:
        self.api = api
        self.context = context
        super().__init__(("127.0.0.1", 0), _Handler)

    def finish_request(self, request: Any, client_address: Any) -> None:
        # The TLS handshake happens here, in the connection's thread, so a slow client
        # cannot block the accept loop.
        try:
            request.settimeout(30)
            # Without it every small response waits ~40 ms for the client's delayed ACK.
            request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            tls = self.context.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError):
            request.close()
            return
        try:
            self.RequestHandlerClass(tls, client_address, self)
        except (OSError, ssl.SSLError):
            pass
        finally:
            try:
                tls.close()
            except OSError:
                pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _HTTPServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _handle(self) -> None:
        self.server.api.handle(self)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _handle


def _user_agent_manager(ua: str) -> str:
    return ua.split("/", 1)[0].strip() or "unknown"


class APIServer:
    """See the module docstring. ``url``, ``ca_pem`` and ``admin_token`` connect to it."""

    def __init__(self) -> None:
        self.registry = Registry()
        self.store = Store(self.registry)
        self.controller = Controller(self.store)
        self.faults = Faults()
        self.auth = Authenticator()
        self.authz = Authorizer(lambda group, resource: self.store.objects.get((group, resource), {}))
        self.ca = CertificateAuthority()
        self.ca_pem = self.ca.cert_pem
        self.admin_token = secrets.token_urlsafe(24)
        self.requests: list[RequestRecord] = []
        self.bookmark_interval = 1.0
        self.watch_timeout = 1800
        self._watch_lock = threading.Lock()
        self._watch_epoch = 0
        self._abrupt = False
        self._http: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._reset_auth()

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> APIServer:
        cert, key = self.ca.server_cert()
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        with tempfile.TemporaryDirectory() as tmp:
            for name, data in (("tls.crt", cert), ("tls.key", key)):
                with open(os.path.join(tmp, name), "wb") as f:
                    f.write(data)
            ctx.load_cert_chain(os.path.join(tmp, "tls.crt"), os.path.join(tmp, "tls.key"))
        ctx.load_verify_locations(cadata=self.ca_pem.decode())
        ctx.verify_mode = ssl.CERT_OPTIONAL
        self._http = _HTTPServer(self, ctx)
        self._thread = threading.Thread(
            target=self._http.serve_forever, kwargs={"poll_interval": 0.05}, name="apiserver", daemon=True
        )
        self._thread.start()
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()
        self.end_watches()
        if self._http is not None:
            self._http.shutdown()
            self._http.server_close()

    @property
    def port(self) -> int:
        assert self._http is not None
        return int(self._http.server_address[1])

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def _reset_auth(self) -> None:
        self.auth.reset()
        self.auth.add_token(ADMIN, self.admin_token)

    def reset(self) -> None:
        """A fresh cluster: base namespaces only, no faults, default controller, admin only."""
        self.end_watches()
        self.faults.clear()
        self.controller.reset()
        self.store.reset()
        self._reset_auth()
        self.requests.clear()
        self.bookmark_interval = 1.0
        self.watch_timeout = 1800

    def end_watches(self, *, abrupt: bool = False) -> None:
        """End every open watch: cleanly (as a server timeout does) or by dropping the connection."""
        with self._watch_lock:
            self._watch_epoch += 1
            self._abrupt = abrupt
        with self.store.cond:
            self.store.cond.notify_all()

    # -- users -----------------------------------------------------------------------------
    def add_user(self, name: str, groups: tuple[str, ...] = (), *, token: str | None = None) -> str:
        """Register a token user; returns the token."""
        return self.auth.add_token(User(name, tuple(groups)), token)

    def add_basic_user(self, name: str, password: str, groups: tuple[str, ...] = ()) -> None:
        self.auth.add_password(User(name, tuple(groups)), password)

    def client_cert(self, name: str, groups: tuple[str, ...] = ()) -> tuple[bytes, bytes]:
        return self.ca.client_cert(name, groups)

    def kubeconfig_dict(
        self,
        user: dict[str, Any] | None = None,
        *,
        namespace: str = "",
        cluster: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """A kubeconfig for this server; ``user`` defaults to the admin token."""
        context: dict[str, Any] = {"cluster": "test", "user": "test"}
        if namespace:
            context["namespace"] = namespace
        return {
            "apiVersion": "v1",
            "kind": "Config",
            "clusters": [
                {
                    "name": "test",
                    "cluster": cluster
                    or {
                        "server": self.url,
                        "certificate-authority-data": base64.b64encode(self.ca_pem).decode(),
                    },
                }
            ],
            "users": [{"name": "test", "user": user if user is not None else {"token": self.admin_token}}],
            "contexts": [{"name": "test", "context": context}],
            "current-context": "test",
        }

    # -- request handling ------------------------------------------------------------------
    def handle(self, h: _Handler) -> None:
        parts = urlsplit(h.path)
        path, query = parts.path, parts.query
        params = {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()}
        headers: dict[str, list[str]] = {}
        for k, v in h.headers.items():
            headers.setdefault(k.lower(), []).append(v)
        record = RequestRecord(h.command, path, parse_qs(query, keep_blank_values=True), headers)
        self.requests.append(record)
        length = int(h.headers.get("Content-Length") or 0)
        raw = h.rfile.read(length) if length else b""
        fault = self.faults.take(h.command, path, query)
        if fault is not None:
            if fault.delay:
                time.sleep(fault.delay)
            if fault.drop:
                h.close_connection = True
                try:
                    h.connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                return
            if fault.status:
                err = errors.StatusError(
                    fault.status,
                    fault.reason or reason_for(fault.status),
                    fault.message or f"injected fault ({fault.status})",
                    {},
                )
                extra = {"Retry-After": f"{fault.retry_after:g}"} if fault.retry_after is not None else {}
                self._send(h, fault.status, err.body(), headers=extra)
                return
        try:
            if path in ("/healthz", "/livez", "/readyz"):
                self._send_raw(h, 200, b"ok", "text/plain; charset=utf-8")
                return
            user = self.auth.authenticate(h.headers, self._peer_cert(h))
            user = self._impersonate(user, h)
            record.user = user.name
            self._route(h, record, path, params, raw, user)
        except errors.StatusError as err:
            self._send(h, err.code, err.body(), headers=err.headers)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            h.close_connection = True
        except Exception as err:  # report server bugs to the client instead of hanging it
            body = errors.StatusError(
                500, "InternalError", f"test server error: {type(err).__name__}: {err}"
            ).body()
            self._send(h, 500, body)

    @staticmethod
    def _peer_cert(h: _Handler) -> dict[str, Any] | None:
        try:
            return h.connection.getpeercert()  # type: ignore[attr-defined,no-any-return]
        except (AttributeError, ValueError):
            return None

    def _impersonate(self, user: User, h: _Handler) -> User:
        target = h.headers.get("Impersonate-User")
        groups = h.headers.get_all("Impersonate-Group") or []
        if not target and not groups:
            return user
        if not target:
            raise errors.bad_request("requested [Impersonate-Group] without impersonating a user")
        self.authz.check(user, Attributes("impersonate", "", "users", "", "", target))
        for g in groups:
            self.authz.check(user, Attributes("impersonate", "", "groups", "", "", g))
        return User(target, tuple(groups))

    def _send(
        self,
        h: _Handler,
        code: int,
        body: Any,
        *,
        headers: dict[str, str] | None = None,
        content_type: str = "application/json",
    ) -> None:
        self._send_raw(h, code, json.dumps(body).encode(), content_type, headers)

    @staticmethod
    def _send_raw(
        h: _Handler, code: int, data: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        h.send_response(code)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(data)))
        h.send_header("Audit-Id", str(uuid.uuid4()))
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.end_headers()
        if h.command != "HEAD":
            h.wfile.write(data)

    def _route(
        self, h: _Handler, record: RequestRecord, path: str, params: dict[str, str], raw: bytes, user: User
    ) -> None:
        accept = h.headers.get("Accept", "")
        parts = [p for p in path.split("/") if p]
        if path == "/version":
            return self._send(h, 200, refdata.load("version.json"))
        if path in ("/api", "/apis"):
            if "as=APIGroupDiscoveryList" in accept and "v=v2" in accept:
                return self._send(
                    h, 200, self.registry.aggregated(path == "/api"), content_type=AGGREGATED_CT
                )
            return self._send(
                h, 200, refdata.load("discovery/api.json") if path == "/api" else self.registry.apis()
            )
        if parts and parts[0] == "openapi":
            return self._openapi(h, parts)
        if parts[:1] == ["apis"] and len(parts) == 2:
            for group in self.registry.apis()["groups"]:
                if group["name"] == parts[1]:
                    return self._send(h, 200, {"kind": "APIGroup", "apiVersion": "v1", **group})
            raise errors.StatusError(404, "NotFound", "the server could not find the requested resource", {})
        if (parts[:1] == ["api"] and len(parts) == 2) or (parts[:1] == ["apis"] and len(parts) == 3):
            group, version = ("", parts[1]) if parts[0] == "api" else (parts[1], parts[2])
            doc = self.registry.resource_list(group, version)
            if doc is None:
                raise errors.StatusError(
                    404, "NotFound", "the server could not find the requested resource", {}
                )
            return self._send(h, 200, doc)
        return self._resource_request(h, record, parts, params, raw, user)

    def _openapi(self, h: _Handler, parts: list[str]) -> None:
        if parts[1:] == ["v2"]:
            name = "openapi-v2.json"
        elif parts[1:] == ["v3"]:
            name = "openapi-v3/index.json"
        else:
            name = refdata.openapi_v3_file("/".join(parts[2:]))
        try:
            data = (refdata.root() / name).read_bytes()
        except OSError:
            raise errors.StatusError(
                404, "NotFound", "the server could not find the requested resource", {}
            ) from None
        self._send_raw(h, 200, data, "application/json")

    def _resource_request(
        self,
        h: _Handler,
        record: RequestRecord,
        parts: list[str],
        params: dict[str, str],
        raw: bytes,
        user: User,
    ) -> None:
        if parts[:1] == ["api"] and len(parts) >= 3:
            group, version, rest = "", parts[1], parts[2:]
        elif parts[:1] == ["apis"] and len(parts) >= 4:
            group, version, rest = parts[1], parts[2], parts[3:]
        else:
            raise errors.StatusError(404, "NotFound", "the server could not find the requested resource", {})
        namespace = ""
        if rest[0] == "namespaces" and len(rest) > 1:
            namespace = rest[1]
            if len(rest) > 2 and rest[2] not in ("status", "finalize"):
                rest = rest[2:]
        if len(rest) > 3:
            raise errors.StatusError(404, "NotFound", "the server could not find the requested resource", {})
        resource, name, sub = rest[0], rest[1] if len(rest) > 1 else "", rest[2] if len(rest) > 2 else ""
        res = self.registry.lookup(group, version, resource)
        if res is None:
            raise errors.StatusError(404, "NotFound", "the server could not find the requested resource", {})
        method = h.command
        if method in ("GET", "HEAD"):
            verb = "get" if name else ("watch" if params.get("watch") in ("true", "1") else "list")
        elif method == "POST":
            verb = "create"
        elif method == "PUT":
            verb = "update"
        elif method == "PATCH":
            verb = "patch"
        else:
            verb = "delete" if name else "deletecollection"
        record.verb = verb
        self.authz.check(user, Attributes(verb, group, resource, sub, namespace, name))
        if sub and sub not in res.subresources:
            raise errors.StatusError(404, "NotFound", "the server could not find the requested resource", {})
        if not sub and verb not in res.verbs:
            raise errors.method_not_allowed()
        ns = namespace if res.namespaced else ""
        if res.namespaced and not ns and verb not in ("list", "watch"):
            raise errors.StatusError(404, "NotFound", "the server could not find the requested resource", {})
        manager = params.get("fieldManager") or _user_agent_manager(h.headers.get("User-Agent", ""))
        dry_run = params.get("dryRun") == "All"
        body = self._decode(h, raw) if raw else None
        if verb == "get":
            return self._send(h, 200, self.store.get(res, ns, name))
        if verb == "list":
            return self._send(
                h,
                200,
                self.store.list(
                    res,
                    ns,
                    label_selector=params.get("labelSelector", ""),
                    field_selector=params.get("fieldSelector", ""),
                    limit=int(params.get("limit") or 0),
                    continue_token=params.get("continue", ""),
                ),
            )
        if verb == "watch":
            return serve_watch(self, h, res, ns, params)
        if verb == "create":
            if sub == "token" and res.resource == "serviceaccounts":
                return self._token_request(h, res, ns, name, body)
            if name:
                raise errors.method_not_allowed()
            return self._send(h, 201, self.store.create(res, ns, body, manager=manager, dry_run=dry_run))
        if verb == "update":
            return self._send(
                h,
                200,
                self.store.update(res, ns, name, body, manager=manager, subresource=sub, dry_run=dry_run),
            )
        if verb == "patch":
            content_type = (h.headers.get("Content-Type") or "").split(";")[0].strip()
            obj, created = self.store.patch(
                res,
                ns,
                name,
                content_type,
                body,
                manager=params.get("fieldManager", "") if content_type == APPLY else manager,
                force=params.get("force") in ("true", "1"),
                subresource=sub,
                dry_run=dry_run,
            )
            return self._send(h, 201 if created else 200, obj)
        options = dict(body or {})
        for key in ("propagationPolicy", "gracePeriodSeconds", "dryRun"):
            if key in params:
                options[key] = params[key]
        if verb == "delete":
            result = self.store.delete(res, ns, name, options)
            return self._send(h, 200, result)
        deleted = []
        for obj in self.store.matching(
            res, ns, params.get("labelSelector", ""), params.get("fieldSelector", "")
        ):
            meta = obj["metadata"]
            try:
                self.store.delete(res, meta.get("namespace", ""), meta["name"], options)
                deleted.append(copy.deepcopy(obj))
            except errors.StatusError:
                continue
        return self._send(
            h,
            200,
            {
                "kind": f"{res.kind}List",
                "apiVersion": res.api_version,
                "metadata": {"resourceVersion": str(self.store.rv)},
                "items": deleted,
            },
        )

    @staticmethod
    def _decode(h: _Handler, raw: bytes) -> Any:
        content_type = (h.headers.get("Content-Type") or "").split(";")[0].strip()
        try:
            if content_type == APPLY:
                return yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            return json.loads(raw)
        except (ValueError, yaml.YAMLError) as err:
            raise errors.bad_request(f"error decoding the request body: {err}") from None

    def _token_request(self, h: _Handler, res: Resource, ns: str, name: str, body: Any) -> None:
        self.store.get(res, ns, name)  # 404 for a missing service account
        seconds = int(((body or {}).get("spec") or {}).get("expirationSeconds") or 3600)
        user = User(
            f"system:serviceaccount:{ns}:{name}", ("system:serviceaccounts", f"system:serviceaccounts:{ns}")
        )
        token = self.auth.add_token(user)
        expires = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + seconds))
        self._send(
            h,
            201,
            {
                "kind": "TokenRequest",
                "apiVersion": "authentication.k8s.io/v1",
                "metadata": {"name": name, "namespace": ns, "creationTimestamp": None},
                "spec": {
                    "audiences": ["https://kubernetes.default.svc"],
                    "expirationSeconds": seconds,
                    "boundObjectRef": None,
                },
                "status": {"token": token, "expirationTimestamp": expires},
            },
        )
