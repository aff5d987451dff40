"""The HTTP seam in isolation: error mapping from real Status bodies, retry timing, throttling,
headers, proxies from an explicit environment, the httpx import."""

from __future__ import annotations

import json
import subprocess
import sys

import httpx
import pytest

from apiserver import refdata
from chartist.kube import (
    AlreadyExists,
    Conflict,
    Forbidden,
    Invalid,
    NotFound,
    RestConfig,
    ServerError,
    Unauthorized,
)
from chartist.kube.client import Client
from chartist.kube.transport import RateLimiter, RequestInfo, Transport, error_from_response, proxy_for


@pytest.mark.parametrize(
    "example,cls,info",
    [
        ("get-404-notfound.json", NotFound, RequestInfo("get", "configmaps", "default", "nope")),
        (
            "create-409-alreadyexists.json",
            AlreadyExists,
            RequestInfo("create", "configmaps", "default", "demo"),
        ),
        ("update-409-conflict.json", Conflict, RequestInfo("update", "configmaps", "default", "demo")),
        ("create-422-invalid.json", Invalid, RequestInfo("create", "configmaps", "default", "Bad_Name")),
        ("list-403-forbidden.json", Forbidden, RequestInfo("list", "configmaps", "default")),
    ],
    ids=["404", "409-exists", "409-conflict", "422", "403"],
)
def test_real_status_bodies(example: str, cls: type, info: RequestInfo) -> None:
    body = refdata.example(example)
    err = error_from_response(httpx.Response(body["code"], json=body), info)
    assert type(err) is cls
    assert str(err) == body["message"]
    assert (err.code, err.reason, err.details) == (body["code"], body["reason"], body["details"])
    assert (err.verb, err.resource, err.namespace) == (info.verb, info.resource, info.namespace)


def test_forbidden_names_verb_resource_namespace() -> None:
    err = error_from_response(
        httpx.Response(403, json=refdata.example("list-403-forbidden.json")),
        RequestInfo("list", "configmaps", "default"),
    )
    text = str(err)
    assert 'cannot list resource "configmaps"' in text and 'in the namespace "default"' in text


@pytest.mark.parametrize(
    "code,content,cls,want",
    [
        (502, b"<html>bad gateway</html>", ServerError, "<html>bad gateway</html>"),
        (401, b"", Unauthorized, "the server has asked for the client to provide credentials"),
        (
            403,
            b"",
            Forbidden,
            'secrets is forbidden: cannot get resource "secrets" in the namespace "kube-system"',
        ),
        (404, b"", NotFound, 'get secrets "x" in the namespace "kube-system": status code 404 (404)'),
    ],
    ids=["html-502", "empty-401", "empty-403", "empty-404"],
)
def test_bodies_without_status(code: int, content: bytes, cls: type, want: str) -> None:
    err = error_from_response(
        httpx.Response(code, content=content), RequestInfo("get", "secrets", "kube-system", "x")
    )
    assert type(err) is cls and str(err) == want


class Recorder:
    def __init__(self, responses: list[httpx.Response | Exception]) -> None:
        self.responses = responses
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        item = self.responses[min(len(self.requests) - 1, len(self.responses) - 1)]
        if isinstance(item, Exception):
            raise item
        return item


def transport(responses, **config) -> tuple[Transport, Recorder, list[float]]:
    rec = Recorder(responses)
    sleeps: list[float] = []
    cfg = RestConfig(server="https://k8s.test", qps=-1, **config)
    return Transport(cfg, http_transport=httpx.MockTransport(rec), sleep=sleeps.append), rec, sleeps


OK = httpx.Response(200, json={})


def status(code: int, retry_after: str | None = None) -> httpx.Response:
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    return httpx.Response(
        code, json={"kind": "Status", "code": code, "reason": "X", "message": "m"}, headers=headers
    )


def test_retry_after_wins_over_backoff() -> None:
    t, rec, sleeps = transport([status(429, "2"), status(503, "1.5"), OK])
    t.request("POST", "/x")
    assert sleeps == [2.0, 1.5] and len(rec.requests) == 3


def test_exponential_backoff_is_capped() -> None:
    t, _rec, sleeps = transport([status(500)] * 5 + [OK], backoff=1.0, max_backoff=4.0)
    t.request("GET", "/x")
    assert len(sleeps) == 5
    for attempt, delay in enumerate(sleeps):
        base = min(4.0, 2.0**attempt)
        assert base / 2 <= delay <= base


def test_huge_retry_after_is_capped() -> None:
    t, _, sleeps = transport([status(429, "99999"), OK])
    t.request("GET", "/x")
    assert sleeps == [60.0]


def test_no_retries_configured() -> None:
    t, rec, _ = transport([status(503)], retries=0)
    with pytest.raises(ServerError):
        t.request("GET", "/x")
    assert len(rec.requests) == 1


@pytest.mark.parametrize(
    "method,exc,attempts",
    [
        ("POST", httpx.ConnectError("refused"), 3),
        ("POST", httpx.ReadError("reset"), 1),
        ("GET", httpx.ReadError("reset"), 3),
        ("GET", httpx.RemoteProtocolError("closed"), 3),
    ],
    ids=["post-connect", "post-read", "get-read", "get-protocol"],
)
def test_transport_errors(method: str, exc: Exception, attempts: int) -> None:
    t, rec, _ = transport([exc], retries=2)
    with pytest.raises(Exception) as info:
        t.request(method, "/x")
    assert "Kubernetes cluster unreachable" in str(info.value)
    assert len(rec.requests) == attempts


def test_headers() -> None:
    t, rec, _ = transport(
        [OK],
        username="u",
        password="p",
        impersonate_user="alice",
        impersonate_uid="7",
        impersonate_groups=("g1", "g2"),
        impersonate_extra=(("scopes", ("a", "b")),),
        user_agent="chartist/9",
    )
    t.request("GET", "/x")
    h = rec.requests[0].headers
    assert h["authorization"] == "Basic dTpw"
    assert (h["impersonate-user"], h["impersonate-uid"], h["user-agent"]) == ("alice", "7", "chartist/9")
    assert h.get_list("impersonate-group") == ["g1", "g2"]
    assert h.get_list("impersonate-extra-scopes") == ["a", "b"]


def test_rate_limiter() -> None:
    now = [0.0]
    sleeps: list[float] = []

    def sleep(d: float) -> None:
        sleeps.append(d)
        now[0] += d

    limiter = RateLimiter(2.0, 2, clock=lambda: now[0], sleep=sleep)
    for _ in range(4):
        limiter.acquire()
    assert sleeps == [0.5, 0.5]
    now[0] += 10  # tokens refill up to the burst only
    for _ in range(3):
        limiter.acquire()
    assert sleeps == [0.5, 0.5, 0.5]


@pytest.mark.parametrize(
    "server,env,want",
    [
        ("https://k8s.example.com", {"HTTPS_PROXY": "http://p:3128"}, "http://p:3128"),
        ("https://k8s.example.com", {"https_proxy": "http://p:1"}, "http://p:1"),
        ("http://k8s.example.com", {"HTTPS_PROXY": "http://p:1"}, ""),
        ("http://k8s.example.com", {"HTTP_PROXY": "http://p:2"}, "http://p:2"),
        ("https://k8s.example.com", {"HTTPS_PROXY": "http://p:1", "NO_PROXY": "example.com"}, ""),
        ("https://k8s.example.com", {"HTTPS_PROXY": "http://p:1", "NO_PROXY": ".other.com, *"}, ""),
        ("https://127.0.0.1:6443", {"HTTPS_PROXY": "http://p:1"}, ""),
        ("https://localhost:6443", {"HTTPS_PROXY": "http://p:1"}, ""),
        ("https://k8s.example.com", {}, ""),
    ],
    ids=[
        "https",
        "lowercase",
        "scheme-mismatch",
        "http",
        "no-proxy-suffix",
        "no-proxy-star",
        "loopback-ip",
        "localhost",
        "none",
    ],
)
def test_proxy_from_environment(server: str, env: dict, want: str) -> None:
    assert proxy_for(server, "", env) == want
    assert proxy_for(server, "http://explicit:1", env) == "http://explicit:1"


def test_import_skips_httpx_cli() -> None:
    code = (
        "import sys; from chartist.kube.transport import import_httpx; import_httpx();"
        "print(sorted(m for m in ('click', 'rich', 'pygments') if m in sys.modules), 'httpx._main' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[] False"


def test_kube_package_does_not_import_httpx() -> None:
    code = "import sys, chartist.kube; print('httpx' in sys.modules, 'yaml' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "False False"


def test_list_fills_kind_and_follows_pages() -> None:
    pages = {
        "": {
            "kind": "ConfigMapList",
            "metadata": {"resourceVersion": "9", "continue": "t1"},
            "items": [{"metadata": {"name": "a"}}],
        },
        "t1": {
            "kind": "ConfigMapList",
            "metadata": {"resourceVersion": "9"},
            "items": [{"metadata": {"name": "b"}}],
        },
    }

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path in ("/api", "/apis"):
            doc = (
                "discovery/aggregated_api.json"
                if request.url.path == "/api"
                else "discovery/aggregated_apis.json"
            )
            return httpx.Response(200, content=json.dumps(refdata.load(doc)).encode())
        assert request.url.params["limit"] == "500"
        return httpx.Response(200, json=pages[request.url.params.get("continue", "")])

    client = Client(
        RestConfig(server="https://k8s.test", qps=-1), http_transport=httpx.MockTransport(handler)
    )
    items = client.list("v1", "ConfigMap")
    assert [(i["kind"], i["apiVersion"], i["metadata"]["name"]) for i in items] == [
        ("ConfigMap", "v1", "a"),
        ("ConfigMap", "v1", "b"),
    ]
