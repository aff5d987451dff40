"""The Secret and ConfigMap drivers: Helm's object layout, labels, limits and errors."""

from __future__ import annotations

import base64
import random
import time

import pytest

from chartist.kube import FakeKubeClient, ServerError
from chartist.release.codec import decode_release, release_to_json
from chartist.release.status import Status
from chartist.storage.driver import (
    ConfigMapsDriver,
    ReleaseNotFound,
    ReleaseTooLarge,
    SecretsDriver,
    StorageError,
    make_key,
)

from .test_drivers import rel, same

KEY = make_key("demo", 1)


def secret_payload(obj: dict) -> str:
    return base64.b64decode(obj["data"]["release"]).decode()


@pytest.mark.parametrize("cls", [SecretsDriver, ConfigMapsDriver], ids=["secret", "configmap"])
def test_object_layout(cls) -> None:
    fake = FakeKubeClient()
    drv = cls(fake, "ns1")
    before = int(time.time())
    drv.create(KEY, rel(namespace="ns1", labels={"team": "storage"}))
    obj = fake.get("v1", cls.kind, KEY, "ns1")
    meta = obj["metadata"]
    assert meta["name"] == "sh.helm.release.v1.demo.v1"
    labels = dict(meta["labels"])
    created = int(labels.pop("createdAt"))
    assert before <= created <= int(time.time())
    assert labels == {
        "name": "demo",
        "owner": "helm",
        "status": "deployed",
        "version": "1",
        "team": "storage",
    }
    if cls is SecretsDriver:
        assert obj["type"] == "helm.sh/release.v1"
        encoded = secret_payload(obj)  # the Secret's bytes are the encoded text, base64 once more on the wire
    else:
        assert "type" not in obj
        encoded = obj["data"]["release"]
    assert list(obj["data"]) == ["release"]
    assert release_to_json(decode_release(encoded)) == release_to_json(rel(namespace="ns1"))


@pytest.mark.parametrize("cls", [SecretsDriver, ConfigMapsDriver], ids=["secret", "configmap"])
def test_update_labels(cls) -> None:
    """Update replaces the object: modifiedAt set, createdAt kept only if the release carries it (Helm)."""
    fake = FakeKubeClient()
    drv = cls(fake, "default")
    r = rel(labels={"team": "a"})
    drv.create(KEY, r)
    r.set_status(Status.SUPERSEDED, "Upgraded")
    r.labels = {"team": "b"}
    drv.update(KEY, r)
    labels = fake.get("v1", cls.kind, KEY)["metadata"]["labels"]
    assert "createdAt" not in labels and labels["modifiedAt"].isdigit()
    assert (labels["status"], labels["team"]) == ("superseded", "b")
    # a release read by query carries every label; updating it keeps createdAt
    drv.create(make_key("demo", 2), rel(version=2))
    queried = drv.query({"name": "demo", "version": "2"})[0]
    assert "createdAt" in queried.labels
    drv.update(make_key("demo", 2), queried)
    labels = fake.get("v1", cls.kind, make_key("demo", 2))["metadata"]["labels"]
    assert "createdAt" in labels and "modifiedAt" in labels


def big_release():
    # Incompressible text: the encoded release is larger than 1 MiB.
    r = rel()
    r.manifest = base64.b64encode(random.Random(7).randbytes(1_100_000)).decode()
    return r


@pytest.mark.parametrize("cls", [SecretsDriver, ConfigMapsDriver], ids=["secret", "configmap"])
def test_too_large_is_refused_before_writing(cls) -> None:
    fake = FakeKubeClient()
    drv = cls(fake, "default")
    with pytest.raises(ReleaseTooLarge) as err:
        drv.create(KEY, big_release())
    assert err.value.limit == 1048576 and err.value.size > 1048576
    assert str(err.value).startswith(
        f'create: release "demo" (revision 1) is too large to store in a {cls.kind}'
    )
    assert "nothing was written" in str(err.value)
    assert fake.calls == []
    drv.create(KEY, rel())
    fake.calls.clear()
    with pytest.raises(ReleaseTooLarge, match=r"^update: "):
        drv.update(KEY, big_release())
    assert fake.calls == []


def test_query_label_values_are_validated() -> None:
    drv = SecretsDriver(FakeKubeClient())
    with pytest.raises(StorageError) as err:
        drv.query({"name": "bad name"})
    assert str(err.value) == (
        'invalid label value: "bad name": a valid label must be an empty string or consist of alphanumeric '
        "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or "
        "'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
    )
    with pytest.raises(StorageError, match="must be no more than 63 characters"):
        drv.query({"name": "a" * 64})


def test_undecodable_objects() -> None:
    fake = FakeKubeClient()
    drv = SecretsDriver(fake)
    drv.create(KEY, rel())
    fake.create(
        {
            "apiVersion": "v1",
            "kind": "Secret",
            "metadata": {"name": make_key("demo", 2), "labels": {"owner": "helm", "name": "demo"}},
            "data": {"release": base64.b64encode(b"not base64!").decode()},
        }
    )
    # list and query skip it, as Helm does
    assert [r.version for r in drv.list()] == [1]
    assert [r.version for r in drv.query({"name": "demo"})] == [1]
    with pytest.raises(
        StorageError, match=r'^get: failed to decode data "sh.helm.release.v1.demo.v2": illegal'
    ):
        drv.get(make_key("demo", 2))


@pytest.mark.parametrize(
    ("method", "call", "message"),
    [
        ("get", lambda d: d.get(KEY), 'get: failed to get "sh.helm.release.v1.demo.v1": boom'),
        ("list", lambda d: d.list(), "list: failed to list: boom"),
        ("list", lambda d: d.query({"name": "demo"}), "query: failed to query with labels: boom"),
        ("create", lambda d: d.create(make_key("demo", 2), rel(version=2)), "create: failed to create: boom"),
        ("replace", lambda d: d.update(KEY, rel()), "update: failed to update: boom"),
    ],
)
def test_kube_errors_get_context(method: str, call, message: str) -> None:
    fake = FakeKubeClient()
    drv = SecretsDriver(fake)
    drv.create(KEY, rel())
    fake.fail[method] = ServerError("boom", code=500)
    with pytest.raises(StorageError) as err:
        call(drv)
    assert str(err.value) == message
    assert not isinstance(err.value, ReleaseNotFound)


def test_update_missing_object() -> None:
    drv = ConfigMapsDriver(FakeKubeClient())
    with pytest.raises(ReleaseNotFound, match=r"^update: failed to update: configmaps"):
        drv.update(KEY, rel())


def test_get_filters_system_labels_list_keeps_them() -> None:
    fake = FakeKubeClient()
    drv = SecretsDriver(fake)
    drv.create(KEY, rel(labels={"team": "a"}))
    assert drv.get(KEY).labels == {"team": "a"}
    listed = drv.list()[0].labels
    assert set(listed) == {"team", "name", "owner", "status", "version", "createdAt"}


def test_on_the_api_server(cluster) -> None:
    """Through the real REST protocol (the Kubernetes API test server)."""
    drv = SecretsDriver(cluster.client, cluster.namespace)
    r = rel(namespace=cluster.namespace, labels={"team": "a"})
    drv.create(KEY, r)
    raw = cluster.client.get("v1", "Secret", KEY, cluster.namespace)
    assert raw["type"] == "helm.sh/release.v1"
    assert same(decode_release(secret_payload(raw)), r)
    r.set_status(Status.SUPERSEDED, "x")
    drv.update(KEY, r)
    assert drv.get(KEY).info.status == "superseded"
    assert [x.version for x in drv.query({"name": "demo", "owner": "helm", "status": "superseded"})] == [1]
    drv.delete(KEY)
    assert cluster.client.list("v1", "Secret", cluster.namespace, label_selector="owner=helm") == []
