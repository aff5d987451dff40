"""Import-time cost of the cluster-access layer and of the client libraries it could be built on.

Run: ``python bench/kube_import.py [--python PY] [--runs N] [MODULE-OR-STATEMENT ...]``
(by default: ``chartist.kube``, httpx as chartist imports it, and plain ``httpx``). An argument
containing a space is run as a statement, any other is imported.

For each module it starts a fresh interpreter ``--runs`` times with ``-X importtime -c "import MOD"``
and reports the median of what that statement alone cost: the sum of the cumulative times of the
top-level entries that a bare interpreter (``-c pass``) does not import anyway, plus the median
wall-clock difference against the bare interpreter. Point ``--python`` at a virtualenv's
interpreter to measure a library in isolation (so that unrelated packages installed beside it,
such as click and rich which httpx's CLI imports when present, are or are not counted on purpose).

The figures behind the dependency choice are written in ``src/chartist/kube/client.py``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def _importtime(python: str, statement: str) -> list[tuple[int, str]]:
    """Top-level (cumulative microseconds, module) rows that ``-X importtime`` prints."""
    proc = subprocess.run(
        [python, "-X", "importtime", "-c", statement],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _self, cumulative, name = line.split("|")
        name = name[1:]  # one space after the bar, then two more per nesting level
        if name.startswith("  "):  # nested import: already counted in its parent's cumulative time
            continue
        rows.append((int(cumulative), name.strip()))
    return rows


def _wall(python: str, statement: str) -> float:
    start = time.perf_counter()
    subprocess.run([python, "-c", statement], check=True)
    return time.perf_counter() - start


def measure(python: str, module: str, runs: int) -> tuple[float, float]:
    """Median import cost of ``module`` (or statement) in ms: (importtime sum, wall-clock difference)."""
    statement = module if " " in module else f"import {module}"
    baseline = {name for _, name in _importtime(python, "pass")}
    costs = []
    walls = []
    for _ in range(runs):
        rows = _importtime(python, statement)
        costs.append(sum(us for us, name in rows if name not in baseline) / 1000)
        walls.append((_wall(python, statement) - _wall(python, "pass")) * 1000)
    return statistics.median(costs), statistics.median(walls)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", default=sys.executable, help="interpreter to measure with")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "modules",
        nargs="*",
        default=[
            "chartist.kube",
            "from chartist.kube.transport import import_httpx; import_httpx()",
            "httpx",
        ],
    )
    args = parser.parse_args(argv)
    print(f"{'module or statement':66} {'importtime ms':>14} {'wall ms':>9}")
    for module in args.modules:
        cost, wall = measure(args.python, module, args.runs)
        print(f"{module:66} {cost:14.1f} {wall:9.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
