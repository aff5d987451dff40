"""Releases stored as Secrets of type ``helm.sh/release.v1`` (Helm's ``storage/driver/secrets.go``).

The Secret's ``data.release`` holds the encoded release (base64 of gzipped JSON) as its bytes,
so on the wire it is base64 once more, exactly as Helm writes it. See
:mod:`chartist.storage.driver.kubeobjects` for labels, limits and the write guarantees.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from typing import Any

from chartist.release.codec import CodecError
from chartist.storage.driver.base import RELEASE_TYPE
from chartist.storage.driver.kubeobjects import KubeObjectDriver

__all__ = ["SecretsDriver"]


class SecretsDriver(KubeObjectDriver):
    """The Secret driver (Helm's default, ``HELM_DRIVER=secret``)."""

    kind = "Secret"
    driver_name = "Secret"

    def _data(self, encoded: str) -> dict[str, Any]:
        return {
            "type": RELEASE_TYPE,
            "data": {"release": base64.b64encode(encoded.encode("ascii")).decode("ascii")},
        }

    def _payload(self, obj: Mapping[str, Any]) -> str:
        value = (obj.get("data") or {}).get("release") or ""
        try:
            return base64.b64decode(value, validate=True).decode("ascii")
        except (binascii.Error, ValueError) as err:
            raise CodecError(f"illegal Secret data: {err}") from None
