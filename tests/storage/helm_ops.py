"""Run Helm v4 (helm_python) actions in a fresh process and print their results as JSON.

Helm's SQL driver reads ``HELM_DRIVER_SQL_CONNECTION_STRING`` and Go reads ``TZ`` from the
environment the process had when the library was loaded, so every run gets its own process:

    run_helm(ops, kubeconfig=..., namespace=..., driver="sql", env={"HELM_DRIVER_SQL_CONNECTION_STRING": dsn})

``ops`` is a list of ``{"op": "install", ...keyword arguments of helm_python.Config.install}``;
the result is one ``{"ok": value}`` or ``{"error": message, "type": class name}`` per op.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any


def run_helm(
    ops: list[dict[str, Any]],
    *,
    kubeconfig: str,
    namespace: str = "default",
    driver: str = "sql",
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> list[dict[str, Any]]:
    spec = {"kubeconfig": kubeconfig, "namespace": namespace, "driver": driver, "ops": ops}
    proc = subprocess.run(
        [sys.executable, os.path.abspath(__file__)],
        input=json.dumps(spec),
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=timeout,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"helm subprocess failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _main() -> None:
    spec = json.loads(sys.stdin.read())
    import helm_python as h

    cfg = h.Config(
        kubeconfig_path=spec["kubeconfig"], namespace=spec["namespace"], storage_driver=spec["driver"]
    )
    out: list[dict[str, Any]] = []
    for op in spec["ops"]:
        args = dict(op)
        name = args.pop("op")
        try:
            out.append({"ok": getattr(cfg, name)(**args)})
        except h.HelmError as err:
            out.append({"error": str(err), "type": type(err).__name__})
    print(json.dumps(out))


if __name__ == "__main__":
    _main()
