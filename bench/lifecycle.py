"""Install, upgrade and uninstall a 100-object chart with chartist and with Helm v4, side by side.

Run by hand: ``python bench/lifecycle.py [--rounds N] [--qps Q] [--wait]``. Both tools run in this
process against one Kubernetes API test server (tests/apiserver, with the protobuf shim of
tests/action/protoshim.py so Helm can store its releases there), each on its own release, with
the same client-side rate limit (``--qps``, also the burst; Helm's default of 5 QPS would make
both tools wait on the throttle rather than work). Prints the median time per step for each tool
and the ratio chartist/Helm. Helm is the test-only ``helm-python-sdk``; without it only
chartist's times are printed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

TEMPLATES = {
    "configmaps.yaml": """\
        {{- range $i := until 50 }}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ $.Release.Name }}-cm-{{ $i }}
          labels: {app: bench}
        data:
          message: {{ $.Values.message | quote }}
          index: "{{ $i }}"
        {{- end }}
        """,
    "secrets.yaml": """\
        {{- range $i := until 20 }}
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: {{ $.Release.Name }}-secret-{{ $i }}
        stringData:
          token: {{ printf "%s-%d" $.Values.message $i | quote }}
        {{- end }}
        """,
    "services.yaml": """\
        {{- range $i := until 15 }}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: {{ $.Release.Name }}-svc-{{ $i }}
        spec:
          selector: {app: {{ $.Release.Name }}-{{ $i }}}
          ports: [{port: 80, targetPort: 8080}]
        {{- end }}
        """,
    "deployments.yaml": """\
        {{- range $i := until 15 }}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ $.Release.Name }}-web-{{ $i }}
        spec:
          replicas: 1
          selector:
            matchLabels: {app: {{ $.Release.Name }}-{{ $i }}}
          template:
            metadata:
              labels: {app: {{ $.Release.Name }}-{{ $i }}}
              annotations: {message: {{ $.Values.message | quote }}}
            spec:
              containers: [{name: web, image: "nginx:1"}]
        {{- end }}
        """,
}


def write_chart(root: Path) -> Path:
    d = root / "bench100"
    (d / "templates").mkdir(parents=True)
    (d / "Chart.yaml").write_text("apiVersion: v2\nname: bench100\nversion: 1.0.0\n")
    (d / "values.yaml").write_text("message: first\n")
    for name, text in TEMPLATES.items():
        (d / "templates" / name).write_text(textwrap.dedent(text))
    return d


def timed(fn: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def chartist_round(kubeconfig: str, chart_dir: Path, qps: float, wait: str, name: str) -> dict[str, float]:
    from chartist.action.configuration import Configuration
    from chartist.action.install import Install
    from chartist.action.uninstall import Uninstall
    from chartist.action.upgrade import Upgrade
    from chartist.chart.loader import load
    from chartist.kube import Client, KubeSettings

    client = Client.from_settings(KubeSettings(kubeconfig=kubeconfig, qps=qps, burst_limit=int(qps)), {})
    cfg = Configuration.create(client, driver="secret", namespace="default")
    out = {
        "install": timed(
            lambda: Install(cfg, release_name=name, wait=wait, timeout=120).run(load(chart_dir), {})
        ),
        "upgrade": timed(
            lambda: Upgrade(cfg, wait=wait, timeout=120).run(name, load(chart_dir), {"message": "second"})
        ),
        "uninstall": timed(lambda: Uninstall(cfg, wait=wait, timeout=120).run(name)),
    }
    client.close()
    return out


def helm_round(kubeconfig: str, chart_dir: Path, qps: float, wait: str, name: str) -> dict[str, float] | None:
    try:
        import helm_python as h
    except ImportError:
        return None
    helm_wait = None if wait == "hookOnly" else wait
    with h.Config(kubeconfig_path=kubeconfig, namespace="default", qps=qps, burst_limit=int(qps)) as cfg:
        return {
            "install": timed(lambda: cfg.install(str(chart_dir), name, {}, wait=helm_wait, timeout=120)),
            "upgrade": timed(
                lambda: cfg.upgrade(str(chart_dir), name, {"message": "second"}, wait=helm_wait, timeout=120)
            ),
            "uninstall": timed(lambda: cfg.uninstall(name, wait=helm_wait, timeout=120)),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--qps", type=float, default=1000.0)
    parser.add_argument("--wait", action="store_true", help="wait for readiness (watcher) in every step")
    args = parser.parse_args()
    import yaml

    from action.protoshim import ShimServer

    server = ShimServer().start()
    server.controller.delay = 0.05
    wait = "watcher" if args.wait else "hookOnly"
    try:
        with tempfile.TemporaryDirectory() as tmp:
            kubeconfig = Path(tmp) / "kubeconfig"
            kubeconfig.write_text(yaml.safe_dump(server.kubeconfig_dict(namespace="default")))
            chart_dir = write_chart(Path(tmp))
            results: dict[str, list[dict[str, float]]] = {"chartist": [], "helm": []}
            for i in range(args.rounds):
                results["chartist"].append(
                    chartist_round(str(kubeconfig), chart_dir, args.qps, wait, f"c{i}")
                )
                h = helm_round(str(kubeconfig), chart_dir, args.qps, wait, f"h{i}")
                if h is not None:
                    results["helm"].append(h)
    finally:
        server.stop()
    print(f"100 objects (50 ConfigMaps, 20 Secrets, 15 Services, 15 Deployments), {args.rounds} rounds, "
          f"qps={args.qps:g}, wait={wait}; median seconds")  # fmt: skip
    print(f"{'step':<10} {'chartist':>9} {'helm':>9} {'ratio':>7}")
    total_c = total_h = 0.0
    for step in ("install", "upgrade", "uninstall"):
        c = statistics.median(r[step] for r in results["chartist"])
        total_c += c
        if results["helm"]:
            hm = statistics.median(r[step] for r in results["helm"])
            total_h += hm
            print(f"{step:<10} {c:9.3f} {hm:9.3f} {c / hm:7.2f}")
        else:
            print(f"{step:<10} {c:9.3f} {'n/a':>9} {'n/a':>7}")
    if total_h:
        print(f"{'total':<10} {total_c:9.3f} {total_h:9.3f} {total_c / total_h:7.2f}")


if __name__ == "__main__":
    main()
