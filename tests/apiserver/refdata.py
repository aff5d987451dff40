"""The reference data captured from a real Kubernetes v1.36 API server (``shared/kube``).

Found beside the repository (``<repo>/../shared/kube``) unless ``CHARTIST_KUBE_REFDATA`` names the
directory. Documents are read lazily and cached for the process.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any

ENV_VAR = "CHARTIST_KUBE_REFDATA"


@functools.cache
def root() -> Path:
    """The ``shared/kube`` directory; FileNotFoundError naming where it was looked for."""
    override = os.environ.get(ENV_VAR)
    path = Path(override) if override else Path(__file__).resolve().parents[2].parent / "shared" / "kube"
    if not (path / "discovery" / "api.json").is_file():
        raise FileNotFoundError(f"Kubernetes reference data not found at {path} (set {ENV_VAR})")
    return path


@functools.cache
def load(relative: str) -> Any:
    """A JSON document of the reference data, parsed once (treat it as read-only)."""
    with open(root() / relative, encoding="utf-8") as f:
        return json.load(f)


def example(name: str) -> Any:
    """A real response from ``examples/`` (``.json``; ``.jsonl`` as a list of events)."""
    path = root() / "examples" / name
    if name.endswith(".jsonl"):
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return json.loads(path.read_text(encoding="utf-8"))


def discovery_file(api_path: str) -> str:
    """``/apis/apps/v1`` -> ``discovery/apis_apps_v1.json``."""
    return "discovery/" + api_path.strip("/").replace("/", "_").replace(".", "_") + ".json"


def openapi_v3_file(group_version_path: str) -> str:
    """``apis/apps/v1`` -> ``openapi-v3/apis_apps_v1.json``."""
    return "openapi-v3/" + group_version_path.strip("/").replace("/", "_").replace(".", "_") + ".json"
