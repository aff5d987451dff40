"""Releases: the data model, manifests and hooks as Helm splits and orders them, the codec."""

from __future__ import annotations

from chartist.release.manifest import (
    INSTALL_ORDER,
    UNINSTALL_ORDER,
    Manifest,
    ManifestError,
    sort_manifests,
    split_manifests,
)
from chartist.release.model import Hook

__all__ = [
    "INSTALL_ORDER",
    "UNINSTALL_ORDER",
    "Hook",
    "Manifest",
    "ManifestError",
    "sort_manifests",
    "split_manifests",
]
