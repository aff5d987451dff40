"""The storage driver seam (Helm's ``storage/driver/driver.go``): the Driver protocol and its errors.

A driver stores one object per release revision under a key
``sh.helm.release.v1.NAME.vREVISION`` and knows nothing of history rules; those live in
:class:`chartist.storage.Storage`. Every write is a single create, update or delete of one
object (one row and its labels in one transaction for SQL), so a write that fails or is
interrupted leaves either the old revision or the new one, never half of either.

Errors (``str()`` is Helm's message)::

    ChartistError
    └── StorageError                 a driver could not read or write; context in the message
        ├── ReleaseNotFound          release: not found
        ├── ReleaseExists            release: already exists
        ├── InvalidKey               release: invalid key
        ├── NoDeployedReleases       "NAME" has no deployed releases
        ├── OperationInProgress      another operation (install/upgrade/rollback) is in progress
        └── ReleaseTooLarge          the encoded release exceeds what a Secret/ConfigMap holds
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Callable, Mapping
from typing import Protocol, runtime_checkable

from chartist.errors import ChartistError
from chartist.release.model import Release

__all__ = [
    "HELM_STORAGE_TYPE",
    "OWNER",
    "RELEASE_TYPE",
    "SYSTEM_LABELS",
    "Driver",
    "InvalidKey",
    "NoDeployedReleases",
    "OperationInProgress",
    "ReleaseExists",
    "ReleaseFilter",
    "ReleaseNotFound",
    "ReleaseTooLarge",
    "StorageError",
    "contains_system_labels",
    "filter_system_labels",
    "go_quote",
    "make_key",
    "parse_key",
    "system_labels",
    "validate_label_value",
]

# Prefix of every storage key and object name (the type with '/' replaced, see Helm #6435).
HELM_STORAGE_TYPE = "sh.helm.release.v1"
# The ``type`` of a release Secret and of a SQL row.
RELEASE_TYPE = "helm.sh/release.v1"
OWNER = "helm"
# Labels Helm sets on every storage object; users may not set them on a release.
SYSTEM_LABELS: tuple[str, ...] = ("name", "owner", "status", "version", "createdAt", "modifiedAt")
_SYSTEM = frozenset(SYSTEM_LABELS)

ReleaseFilter = Callable[[Release], bool]


class StorageError(ChartistError):
    """A storage driver failed to read or write a release."""


class ReleaseNotFound(StorageError):
    """No release has that key (or no revision matches a query)."""

    def __init__(self, message: str = "release: not found") -> None:
        super().__init__(message)


class ReleaseExists(StorageError):
    """A release with that key is already stored."""

    def __init__(self, message: str = "release: already exists") -> None:
        super().__init__(message)


class InvalidKey(StorageError):
    """A storage key is not ``sh.helm.release.v1.NAME.vREVISION``."""

    def __init__(self, message: str = "release: invalid key") -> None:
        super().__init__(message)


class NoDeployedReleases(StorageError):
    """The release has no revision in the deployed state (``str()``: ``"NAME" has no deployed releases``)."""

    def __init__(self, release_name: str) -> None:
        self.release_name = release_name
        super().__init__(f"{go_quote(release_name)} has no deployed releases")


class OperationInProgress(StorageError):
    """The last revision is pending: another install, upgrade or rollback holds the release."""

    def __init__(self, release_name: str = "") -> None:
        self.release_name = release_name
        super().__init__("another operation (install/upgrade/rollback) is in progress")


class ReleaseTooLarge(StorageError):
    """The encoded release is larger than a Secret or ConfigMap may hold; nothing was written."""

    def __init__(self, message: str, *, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        super().__init__(message)


@runtime_checkable
class Driver(Protocol):
    """Stores release revisions by key.

    ``name`` is Helm's driver name (``Memory``, ``Secret``, ``ConfigMap``, ``SQL``).
    ``labels`` on returned releases: custom labels from :meth:`get`; :meth:`list` and
    :meth:`query` return what Helm's driver returns (for Secrets and ConfigMaps every object
    label, system labels included, so that ``list --selector status=deployed`` works), so a
    new revision should take ``filter_system_labels(previous.labels)``, not the labels as read.
    """

    #: The namespace read from; ``""`` makes list and query cover every namespace.
    namespace: str

    @property
    def name(self) -> str: ...

    def get(self, key: str) -> Release:
        """The release stored under KEY, or ReleaseNotFound."""
        ...

    def list(self, filter: ReleaseFilter | None = None) -> builtins.list[Release]:
        """Every release (of the driver's namespace, or all when it is empty) that FILTER accepts."""
        ...

    def query(self, labels: Mapping[str, str]) -> builtins.list[Release]:
        """Releases whose labels match LABELS; ReleaseNotFound when there is none."""
        ...

    def create(self, key: str, rls: Release) -> None:
        """Store RLS under KEY, or raise ReleaseExists."""
        ...

    def update(self, key: str, rls: Release) -> None:
        """Replace the release stored under KEY, or raise ReleaseNotFound."""
        ...

    def delete(self, key: str) -> Release:
        """Remove the release stored under KEY and return it, or raise ReleaseNotFound."""
        ...


def go_quote(s: str) -> str:
    """Go's ``%q`` of S, as Helm's messages quote names and keys."""
    if s.isprintable() and s.isascii() and '"' not in s and "\\" not in s:
        return f'"{s}"'
    from chartist.gotemplate.strconv import quote

    return quote(s)


def make_key(name: str, version: int) -> str:
    """Helm's makeKey: ``sh.helm.release.v1.NAME.vVERSION``."""
    return f"{HELM_STORAGE_TYPE}.{name}.v{version}"


_KEY_VERSION = re.compile(r"[+-]?[0-9]+\Z")  # what Go's strconv.Atoi accepts


def parse_key(key: str) -> tuple[str, int]:
    """(name, version) of a storage key; InvalidKey when it has no ``.vN`` suffix.

    Helm's memory driver splits on every ``.v`` and so refuses release names containing
    ``.v``; this splits on the last one.
    """
    rest = key.removeprefix(HELM_STORAGE_TYPE + ".")
    name, sep, ver = rest.rpartition(".v")
    if not sep or not _KEY_VERSION.match(ver):
        raise InvalidKey()
    return name, int(ver)


def system_labels(rls: Release) -> dict[str, str]:
    """The labels Helm derives from a release: name, owner, status, version."""
    return {"name": rls.name, "owner": OWNER, "status": str(rls.info.status), "version": str(rls.version)}


def filter_system_labels(labels: Mapping[str, str] | None) -> dict[str, str]:
    """LABELS without the system ones (what a release's own labels are)."""
    return {k: v for k, v in (labels or {}).items() if k not in _SYSTEM}


def contains_system_labels(labels: Mapping[str, str]) -> bool:
    """True when LABELS use a reserved name (Helm refuses such user labels)."""
    return any(k in _SYSTEM for k in labels)


_LABEL_VALUE = re.compile(r"(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\Z")


def validate_label_value(value: str) -> builtins.list[str]:
    """Kubernetes' IsValidLabelValue: the reasons VALUE is not a label value (empty when it is)."""
    errs: builtins.list[str] = []
    if len(value) > 63:
        errs.append("must be no more than 63 characters")
    if not _LABEL_VALUE.match(value):
        errs.append(
            "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', "
            "and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or "
            "'12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
        )
    return errs
