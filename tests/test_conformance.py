"""The Helm conformance corpus (shared/conformance) must not lose ground.

The score is recorded in ``conformance_floor.txt``; raise it when chartist passes more cases.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

FLOOR_FILE = Path(__file__).with_name("conformance_floor.txt")


def test_conformance_score_does_not_drop(shared_dir: Path) -> None:
    runner = shared_dir / "conformance" / "run"
    if not runner.exists():
        pytest.skip("no conformance runner")
    proc = subprocess.run(
        [sys.executable, str(runner), "--cli", f"{sys.executable} -m chartist"],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    last = proc.stdout.strip().splitlines()[-1]
    m = re.fullmatch(r"(\d+) passed, (\d+) failed", last)
    assert m, proc.stdout[-2000:]
    passed = int(m.group(1))
    floor = int(FLOOR_FILE.read_text().split()[0])
    failures = "\n".join(line for line in proc.stdout.splitlines() if line.startswith("FAIL"))
    assert passed >= floor, f"conformance fell to {passed} (floor {floor}):\n{failures}"
