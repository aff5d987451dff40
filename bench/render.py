"""Render the three largest charts of the conformance corpus with chartist and with Helm v4.

Run by hand: ``python bench/render.py [--rounds N] [--profile]``. Prints, per chart, the mean
time per render for chartist and Helm (the test-only ``helm-python-sdk``), the ratio
chartist/Helm, and the peak memory (max RSS of a fresh process rendering the largest chart).
With ``--profile`` it writes a pyinstrument report of chartist's renders to bench/render.html.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

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


def time_chartist(case: dict[str, str], rounds: int) -> float:
    import chartist

    values = chartist.load_values(CASES / case["case"] / "values.yaml") or {}
    chart = chartist.load_chart(CHARTS / case["chart"])
    chartist.render(chart, values, release_name=case["release"], namespace=case["namespace"])
    t0 = time.perf_counter()
    for _ in range(rounds):
        chartist.render(chart, values, release_name=case["release"], namespace=case["namespace"])
    return (time.perf_counter() - t0) / rounds


def time_helm(case: dict[str, str], rounds: int) -> float | None:
    try:
        import helm_python
    except ImportError:
        return None
    import chartist

    values = chartist.load_values(CASES / case["case"] / "values.yaml") or {}
    chart = helm_python.Chart.load(str(CHARTS / case["chart"]))
    chart.render(values, name=case["release"], namespace=case["namespace"])
    t0 = time.perf_counter()
    for _ in range(rounds):
        chart.render(values, name=case["release"], namespace=case["namespace"])
    return (time.perf_counter() - t0) / rounds


def peak_rss(case: dict[str, str], which: str) -> float:
    """Max RSS (MiB) of a fresh process that renders CASE once with chartist or helm."""
    code = (
        "import sys, json, resource; sys.path.insert(0, %r); import render as b; "
        "case = json.loads(sys.argv[1]); "
        "(b.time_chartist if sys.argv[2] == 'chartist' else b.time_helm)(case, 1); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    ) % str(Path(__file__).parent)
    out = subprocess.run([sys.executable, "-c", code, json.dumps(case), which], capture_output=True, text=True)
    try:
        return int(out.stdout.strip().splitlines()[-1]) / 1024
    except (IndexError, ValueError):
        return float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--profile", action="store_true")
    a = ap.parse_args()
    cases = largest_cases()
    print(f"{'case':<36} {'chartist ms':>12} {'helm ms':>10} {'ratio':>7}")
    ratios = []
    for case in cases:
        c = time_chartist(case, a.rounds)
        h = time_helm(case, a.rounds)
        ratio = c / h if h else float("nan")
        ratios.append(ratio)
        hs = f"{h * 1000:10.1f}" if h else f"{'n/a':>10}"
        print(f"{case['case']:<36} {c * 1000:12.1f} {hs} {ratio:7.2f}")
    if ratios:
        print(f"mean ratio chartist/helm: {sum(ratios) / len(ratios):.2f}")
    big = cases[0]
    print(
        f"peak RSS rendering {big['case']}: chartist {peak_rss(big, 'chartist'):.0f} MiB, "
        f"helm {peak_rss(big, 'helm'):.0f} MiB"
    )
    if a.profile:
        from pyinstrument import Profiler

        p = Profiler()
        p.start()
        for case in cases:
            time_chartist(case, a.rounds)
        p.stop()
        Path(__file__).with_name("render.html").write_text(p.output_html())
        print(p.output_text(unicode=False, color=False, show_all=False)[:6000])


if __name__ == "__main__":
    main()
