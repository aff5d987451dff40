"""What the Secret and ConfigMap drivers share: one core/v1 object per revision, through KubeClient.

The object is named by the storage key, labelled with the release's custom labels, then
``name``, ``owner=helm``, ``status``, ``version``, and ``createdAt`` (on create) or
``modifiedAt`` (on update), Unix seconds; its data key ``release`` holds
:func:`~chartist.release.codec.encode_release`. Each write is one POST (create) or one PUT
(update, unconditional, as Helm's), so a failed or interrupted write leaves the previous
object whole. An encoded release over 1 MiB (the API server's limit on a Secret's or
ConfigMap's data) is refused with :class:`ReleaseTooLarge` before anything is sent.

Reading follows Helm: ``get`` gives the release its custom labels only, ``list`` and
``query`` give it every label of the object (callers carrying labels into a new revision
should pass them through ``filter_system_labels``); objects that do not decode are skipped by
``list`` and ``query`` (and logged), as Helm does.

Differences from Helm: the createdAt/modifiedAt stamps are always the time of this write (Helm
lets stale stamps carried in a release's labels win); both drivers add Helm's Secret-driver
context to errors (Helm's ConfigMap driver returns them bare).
"""

from __future__ import annotations

import builtins
import logging
import time
from collections.abc import Mapping
from typing import Any, ClassVar

from chartist.errors import ChartistError
from chartist.kube.client import KubeClient
from chartist.kube.errors import AlreadyExists, KubeError, NotFound
from chartist.release.codec import decode_release, encode_release
from chartist.release.model import Release
from chartist.storage.driver.base import (
    OWNER,
    ReleaseExists,
    ReleaseFilter,
    ReleaseNotFound,
    ReleaseTooLarge,
    StorageError,
    filter_system_labels,
    go_quote,
    system_labels,
    validate_label_value,
)

__all__ = ["MAX_OBJECT_DATA", "KubeObjectDriver"]

#: The API server refuses a Secret or ConfigMap whose data values add up to more than 1 MiB.
MAX_OBJECT_DATA = 1024 * 1024

_log = logging.getLogger("chartist.storage")


class KubeObjectDriver:
    """A Driver over one kind of core/v1 object in NAMESPACE (``""``: every namespace for list/query)."""

    kind: ClassVar[str] = ""
    driver_name: ClassVar[str] = ""

    def __init__(self, client: KubeClient, namespace: str = "") -> None:
        self.client = client
        self.namespace = namespace

    @property
    def name(self) -> str:
        return self.driver_name

    # -- what differs between Secrets and ConfigMaps -------------------------------------
    def _data(self, encoded: str) -> dict[str, Any]:
        """The object fields (``data``, ``type``) holding ENCODED."""
        raise NotImplementedError

    def _payload(self, obj: Mapping[str, Any]) -> str:
        """The encoded release held by OBJ."""
        raise NotImplementedError

    # -- helpers ----------------------------------------------------------------------------
    def _decode(self, obj: Mapping[str, Any]) -> Release:
        return decode_release(self._payload(obj))

    def _object(self, key: str, rls: Release, stamp: str, verb: str) -> dict[str, Any]:
        try:
            encoded = encode_release(rls)
        except ChartistError as err:
            raise StorageError(f"{verb}: failed to encode release {go_quote(rls.name)}: {err}") from err
        if len(encoded) > MAX_OBJECT_DATA:
            raise ReleaseTooLarge(
                f"{verb}: release {go_quote(rls.name)} (revision {rls.version}) is too large to store in a "
                f"{self.kind}: it encodes to {len(encoded)} bytes and a {self.kind} holds at most "
                f"{MAX_OBJECT_DATA} bytes (1 MiB); nothing was written. The SQL storage driver "
                "(HELM_DRIVER=sql) has no such limit.",
                size=len(encoded),
                limit=MAX_OBJECT_DATA,
            )
        labels = dict(rls.labels)
        labels[stamp] = str(int(time.time()))
        labels.update(system_labels(rls))
        obj: dict[str, Any] = {
            "apiVersion": "v1",
            "kind": self.kind,
            "metadata": {"name": key, "labels": labels},
        }
        obj.update(self._data(encoded))
        return obj

    def _items(self, selector: str, verb: str, what: str) -> builtins.list[dict[str, Any]]:
        try:
            return self.client.list(
                "v1", self.kind, self.namespace, label_selector=selector, all_namespaces=not self.namespace
            )
        except KubeError as err:
            raise StorageError(f"{verb}: failed to {what}: {err}") from err

    def _decoded(self, items: builtins.list[dict[str, Any]]) -> builtins.list[Release]:
        out: builtins.list[Release] = []
        for item in items:
            meta = item.get("metadata") or {}
            try:
                rls = self._decode(item)
            except ChartistError as err:
                _log.debug("failed to decode release %s: %s", meta.get("name", ""), err)
                continue
            rls.labels = dict(meta.get("labels") or {})
            out.append(rls)
        return out

    # -- Driver -------------------------------------------------------------------------------
    def get(self, key: str) -> Release:
        try:
            obj = self.client.get("v1", self.kind, key, self.namespace)
        except NotFound:
            raise ReleaseNotFound() from None
        except KubeError as err:
            raise StorageError(f"get: failed to get {go_quote(key)}: {err}") from err
        try:
            rls = self._decode(obj)
        except ChartistError as err:
            raise StorageError(f"get: failed to decode data {go_quote(key)}: {err}") from err
        rls.labels = filter_system_labels((obj.get("metadata") or {}).get("labels"))
        return rls

    def list(self, filter: ReleaseFilter | None = None) -> builtins.list[Release]:
        releases = self._decoded(self._items(f"owner={OWNER}", "list", "list"))
        return [r for r in releases if filter is None or filter(r)]

    def query(self, labels: Mapping[str, str]) -> builtins.list[Release]:
        for value in labels.values():
            errs = validate_label_value(value)
            if errs:
                raise StorageError(f"invalid label value: {go_quote(value)}: {'; '.join(errs)}")
        selector = ",".join(f"{k}={labels[k]}" for k in sorted(labels))
        items = self._items(selector, "query", "query with labels")
        if not items:
            raise ReleaseNotFound()
        return self._decoded(items)

    def create(self, key: str, rls: Release) -> None:
        obj = self._object(key, rls, "createdAt", "create")
        try:
            self.client.create(obj, namespace=self.namespace)
        except AlreadyExists:
            raise ReleaseExists() from None
        except KubeError as err:
            raise StorageError(f"create: failed to create: {err}") from err

    def update(self, key: str, rls: Release) -> None:
        obj = self._object(key, rls, "modifiedAt", "update")
        try:
            self.client.replace(obj, namespace=self.namespace)
        except NotFound as err:
            raise ReleaseNotFound(f"update: failed to update: {err}") from err
        except KubeError as err:
            raise StorageError(f"update: failed to update: {err}") from err

    def delete(self, key: str) -> Release:
        rls = self.get(key)
        try:
            self.client.delete("v1", self.kind, key, self.namespace)
        except NotFound:
            raise ReleaseNotFound() from None
        except KubeError as err:
            raise StorageError(f"delete: failed to delete {go_quote(key)}: {err}") from err
        return rls
