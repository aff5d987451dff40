"""Watches: initial state, resourceVersion resume, selectors, bookmarks, reconnects, expiry."""

from __future__ import annotations

import time

from chartist.kube import Client

from .test_client import cm


def names(events) -> list[tuple[str, str]]:
    return [(e.type, e.object["metadata"]["name"]) for e in events]


def take(it, n: int) -> list:
    return [next(it) for _ in range(n)]


def test_watch_current_state_then_changes(cluster) -> None:
    c: Client = cluster.client
    c.create(cm("first", labels={"w": "1"}))
    it = c.watch("v1", "ConfigMap", label_selector="w=1", timeout=20)
    assert names(take(it, 1)) == [("ADDED", "first")]
    c.create(cm("second", labels={"w": "1"}))
    c.patch("v1", "ConfigMap", "second", {"data": {"a": "2"}})
    c.delete("v1", "ConfigMap", "first")
    events = take(it, 3)
    it.close()
    assert names(events) == [("ADDED", "second"), ("MODIFIED", "second"), ("DELETED", "first")]
    assert events[1].object["data"] == {"a": "2"}
    assert events[1].object["kind"] == "ConfigMap"


def test_watch_from_resource_version(cluster) -> None:
    c: Client = cluster.client
    c.create(cm("before", labels={"w": "2"}))
    rv = c.list_page("v1", "ConfigMap", label_selector="w=2").resource_version
    c.create(cm("after", labels={"w": "2"}))
    c.delete("v1", "ConfigMap", "before")
    it = c.watch("v1", "ConfigMap", label_selector="w=2", resource_version=rv, timeout=20)
    assert names(take(it, 2)) == [("ADDED", "after"), ("DELETED", "before")]
    it.close()


def test_watch_one_name(cluster) -> None:
    c: Client = cluster.client
    c.create(cm("a"))
    c.create(cm("b"))
    it = c.watch("v1", "ConfigMap", name="b", timeout=20)
    assert names(take(it, 1)) == [("ADDED", "b")]
    c.patch("v1", "ConfigMap", "a", {"data": {"x": "1"}})
    c.patch("v1", "ConfigMap", "b", {"data": {"x": "1"}})
    assert names(take(it, 1)) == [("MODIFIED", "b")]
    it.close()


def test_selector_transitions(cluster) -> None:
    c: Client = cluster.client
    c.create(cm("mover"))
    it = c.watch("v1", "ConfigMap", label_selector="state=in", timeout=20)
    c.patch("v1", "ConfigMap", "mover", {"metadata": {"labels": {"state": "in"}}})
    assert names(take(it, 1)) == [("ADDED", "mover")]
    c.patch("v1", "ConfigMap", "mover", {"metadata": {"labels": {"state": "out"}}})
    assert names(take(it, 1)) == [("DELETED", "mover")]
    it.close()


def test_watch_timeout_ends_iteration(cluster) -> None:
    started = time.monotonic()
    events = list(cluster.client.watch("v1", "ConfigMap", label_selector="nothing=here", timeout=1))
    assert events == [] and time.monotonic() - started < 5


def test_bookmarks(test_server, server_client) -> None:
    test_server.bookmark_interval = 0.05
    it = server_client.watch("v1", "ConfigMap", label_selector="none=yet", timeout=10, bookmarks=True)
    event = next(it)
    assert event.type == "BOOKMARK" and event.object["metadata"]["resourceVersion"]
    it.close()


def _watch_requests(server) -> list:
    return [r for r in server.requests if r.query.get("watch") == ["true"]]


def test_reconnects_when_the_server_ends_the_watch(test_server, server_client) -> None:
    c = server_client
    c.create(cm("one"))
    it = c.watch("v1", "ConfigMap", timeout=20)
    assert names(take(it, 1)) == [("ADDED", "one")]
    test_server.end_watches()
    c.create(cm("two"))
    assert names(take(it, 1)) == [("ADDED", "two")]
    it.close()
    requests = _watch_requests(test_server)
    assert len(requests) >= 2 and requests[-1].query["resourceVersion"]
    assert requests[0].query["allowWatchBookmarks"] == ["true"]


def test_reconnects_after_a_dropped_connection(test_server, server_client) -> None:
    c = server_client
    c.create(cm("one"))
    it = c.watch("v1", "ConfigMap", timeout=20)
    take(it, 1)
    test_server.end_watches(abrupt=True)
    c.create(cm("two"))
    assert names(take(it, 1)) == [("ADDED", "two")]
    it.close()


def test_relists_after_the_resource_version_expired(test_server, server_client) -> None:
    c = server_client
    c.create(cm("old"))
    c.create(cm("kept"))
    it = c.watch("v1", "ConfigMap", timeout=20)
    assert sorted(names(take(it, 2))) == [("ADDED", "kept"), ("ADDED", "old")]
    # hold the reconnect while history is compacted and objects change
    test_server.faults.add(method="GET", query="watch=true", delay=0.5, times=1)
    test_server.end_watches()
    time.sleep(0.1)
    test_server.store.compact()
    c.create(cm("new"))
    c.delete("v1", "ConfigMap", "old")
    c.patch("v1", "ConfigMap", "kept", {"data": {"k": "v"}})
    got = sorted(names(take(it, 3)))
    assert got == [("ADDED", "new"), ("DELETED", "old"), ("MODIFIED", "kept")]
    relists = [r for r in test_server.requests if r.path.endswith("/configmaps") and "watch" not in r.query]
    assert relists, "the expired watch was not followed by a list"
    c.create(cm("later"))
    assert names(take(it, 1)) == [("ADDED", "later")]
    it.close()
