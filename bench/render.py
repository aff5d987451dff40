"""Render the three largest charts of the conformance corpus with chartist and with Helm v4.

Run by hand: ``python bench/render.py [--rounds N] [--profile] [--only warm,cold,cli,memory]``.
Prints, per chart:

* warm: the mean time per render once the chart is loaded and rendered once (parsed trees and
  compiled code are then cached), for chartist and Helm (the test-only ``helm-python-sdk``),
  and the ratio chartist/Helm;
* cold: a fresh process per tool that imports it, loads the chart and renders it once: the
  import time and the load + render time (best of N processes);
* cli: the wall time of ``python -m chartist template rel CHART -f values.yaml`` (best and mean);
* memory: the peak RSS (VmHWM) of a fresh process rendering the chart once; the chartist
  process never imports helm_python and the Helm process never imports chartist.

Fresh processes run with Python's bytecode cache (in a temporary PYTHONPYCACHEPREFIX, filled by
a first run), as an installed chartist has it; ``--no-bytecode-cache`` compiles every module on
every start instead (what PYTHONDONTWRITEBYTECODE=1 gives).

With ``--profile`` it writes a pyinstrument report of chartist's warm renders to bench/render.html
(``--profile-cold``: of one cold render in this process instead).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CHARTIST_SHARED", ROOT.parent / "shared"))
CASES = SHARED / "conformance" / "cases"
CHARTS = SHARED / "conformance" / "charts"


def largest_cases(n: int = 3) -> list[dict[str, str]]:
    """The default case of the N charts with the most bytes."""
    sizes = []
    for chart in CHARTS.iterdir():
        size = sum(f.stat().st_size for f in chart.rglob("*") if f.is_file())
        sizes.append((size, chart.name))
    out = []
    for _, name in sorted(sizes, reverse=True)[:n]:
        for case in sorted(CASES.iterdir()):
            meta = json.loads((case / "case.json").read_text())
            if meta["chart"] == name and not (case / "expected" / "error.txt").exists():
                out.append({"case": case.name, "chart": name, **{k: str(v) for k, v in meta.items()}})
                break
    return out


# -- warm renders, both tools in this process ---------------------------------------------------


def time_chartist(case: dict[str, str], rounds: int) -> float:
    import chartist

    values = chartist.load_values(CASES / case["case"] / "values.yaml") or {}
    chart = chartist.load_chart(CHARTS / case["chart"])
    chartist.render(chart, values, release_name=case["release"], namespace=case["namespace"])
    t0 = time.perf_counter()
    for _ in range(rounds):
        chartist.render(chart, values, release_name=case["release"], namespace=case["namespace"])
    return (time.perf_counter() - t0) / rounds


def _helm_values(case: dict[str, str]) -> Any:
    import helm_python

    return helm_python.values_from_yaml((CASES / case["case"] / "values.yaml").read_text()) or {}


def time_helm(case: dict[str, str], rounds: int) -> float | None:
    try:
        import helm_python
    except ImportError:
        return None
    values = _helm_values(case)
    chart = helm_python.Chart.load(str(CHARTS / case["chart"]))
    chart.render(values, name=case["release"], namespace=case["namespace"])
    t0 = time.perf_counter()
    for _ in range(rounds):
        chart.render(values, name=case["release"], namespace=case["namespace"])
    return (time.perf_counter() - t0) / rounds


# -- one cold render in a fresh process -----------------------------------------------------------


def _peak_rss_mib() -> float:
    """VmHWM of this process (ru_maxrss would include the parent's peak, kept across exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(which: str, case: dict[str, str]) -> dict[str, float]:
    """Import WHICH, load CASE's chart and render it once; the times and the peak RSS."""
    t0 = time.perf_counter()
    if which == "chartist":
        import chartist
        import chartist.action.rendering  # what chartist.render needs, so import is all counted

        t1 = time.perf_counter()
        values = chartist.load_values(CASES / case["case"] / "values.yaml") or {}
        chart = chartist.load_chart(CHARTS / case["chart"])
        t2 = time.perf_counter()
        chartist.render(chart, values, release_name=case["release"], namespace=case["namespace"])
    else:
        import helm_python

        t1 = time.perf_counter()
        values = _helm_values(case)
        hchart = helm_python.Chart.load(str(CHARTS / case["chart"]))
        t2 = time.perf_counter()
        hchart.render(values, name=case["release"], namespace=case["namespace"])
    t3 = time.perf_counter()
    return {"import": t1 - t0, "load": t2 - t1, "render": t3 - t2, "rss": _peak_rss_mib()}


_ENV = dict(os.environ)


def use_bytecode_cache(on: bool) -> None:
    """Let the fresh processes cache bytecode (outside the tree), or compile every module."""
    _ENV.pop("PYTHONDONTWRITEBYTECODE", None)
    _ENV.pop("PYTHONPYCACHEPREFIX", None)
    if on:
        _ENV["PYTHONPYCACHEPREFIX"] = os.path.join(tempfile.gettempdir(), "chartist-bench-pycache")
    else:
        _ENV["PYTHONDONTWRITEBYTECODE"] = "1"


def run_child(which: str, case: dict[str, str]) -> dict[str, float] | None:
    out = subprocess.run(
        [sys.executable, __file__, "--child", which, json.dumps(case)],
        capture_output=True,
        text=True,
        env=_ENV,
    )
    try:
        result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        return None
    return result


def cold(case: dict[str, str], which: str, runs: int) -> dict[str, float] | None:
    """Best (minimum) of each figure over RUNS fresh processes."""
    run_child(which, case)  # fills the bytecode cache
    results = [r for r in (run_child(which, case) for _ in range(runs)) if r is not None]
    if not results:
        return None
    return {k: min(r[k] for r in results) for k in results[0]}


def cli_wall(case: dict[str, str], runs: int) -> tuple[float, float]:
    """(best, mean) wall time of ``python -m chartist template`` on CASE."""
    cmd = [
        sys.executable, "-m", "chartist", "template", case["release"], str(CHARTS / case["chart"]),
        "-n", case["namespace"], "-f", str(CASES / case["case"] / "values.yaml"),
    ]  # fmt: skip
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=_ENV)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=_ENV)
        times.append(time.perf_counter() - t0)
    return min(times), sum(times) / len(times)


# -- report ---------------------------------------------------------------------------------------


def _ms(v: float | None) -> str:
    return "n/a" if v is None else f"{v * 1000:.1f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5, help="warm renders, cold processes and CLI runs")
    ap.add_argument("--only", default="warm,cold,cli,memory", help="comma-separated sections")
    ap.add_argument("--no-bytecode-cache", action="store_true", help="fresh processes compile every module")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--profile-cold", action="store_true")
    ap.add_argument("--child", nargs=2, metavar=("TOOL", "CASE"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(child(a.child[0], json.loads(a.child[1]))))
        return
    sections = set(a.only.split(","))
    use_bytecode_cache(not a.no_bytecode_cache)
    cases = largest_cases()
    if "warm" in sections:
        print(f"warm render (mean of {a.rounds})")
        print(f"{'case':<36} {'chartist ms':>12} {'helm ms':>10} {'ratio':>7}")
        ratios = []
        for case in cases:
            c = time_chartist(case, a.rounds)
            h = time_helm(case, a.rounds)
            ratio = c / h if h else float("nan")
            ratios.append(ratio)
            print(f"{case['case']:<36} {c * 1000:12.1f} {_ms(h):>10} {ratio:7.2f}")
        print(f"mean ratio chartist/helm: {sum(ratios) / len(ratios):.2f}\n")
    if "cold" in sections or "memory" in sections:
        print(f"cold: fresh process, import + load + one render (best of {a.rounds})")
        print(f"{'case':<36} {'tool':<9} {'import':>7} {'load':>6} {'render':>7} {'ratio':>6} {'MiB':>5}")
        for case in cases:
            c = cold(case, "chartist", a.rounds)
            h = cold(case, "helm", a.rounds)
            for name, r in (("chartist", c), ("helm", h)):
                if r is None:
                    print(f"{case['case']:<36} {name:<9} failed")
                    continue
                ratio = (c["render"] / h["render"]) if (c and h and name == "chartist") else None
                rs = f"{ratio:6.2f}" if ratio is not None else f"{'':6}"
                print(
                    f"{case['case']:<36} {name:<9} {_ms(r['import']):>7} {_ms(r['load']):>6} "
                    f"{_ms(r['render']):>7} {rs} {r['rss']:5.0f}"
                )
        print()
    if "cli" in sections:
        print(f"cli: python -m chartist template (wall, {a.rounds} runs)")
        for case in cases:
            best, mean = cli_wall(case, a.rounds)
            print(f"{case['case']:<36} best {best * 1000:7.1f} ms  mean {mean * 1000:7.1f} ms")
    if a.profile or a.profile_cold:
        from pyinstrument import Profiler

        p = Profiler()
        p.start()
        if a.profile_cold:
            child("chartist", cases[0])
        else:
            for case in cases:
                time_chartist(case, a.rounds)
        p.stop()
        Path(__file__).with_name("render.html").write_text(p.output_html())
        print(p.output_text(unicode=False, color=False, show_all=False)[:6000])


if __name__ == "__main__":
    main()
