"""CLI test options and fixtures.

``--update-golden`` rewrites the golden files from chartist's current output instead of
comparing (review the diff like code). pytest reads options only from conftest files it loads
at start-up, so pass it with this directory on the command line:
``pytest tests/cli --update-golden``.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
HELM_MIRROR = Path("/work/.mirror/helm+helm/repo")
HELM_TAG = "v4.2.3"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite golden files instead of comparing",
    )


@pytest.fixture(autouse=True)
def _restore_logging():
    """``main()`` configures the ``chartist`` logger for a process; undo it after each test."""
    log = logging.getLogger("chartist")
    saved = (list(log.handlers), log.level, log.propagate)
    yield
    log.handlers[:] = saved[0]
    log.setLevel(saved[1])
    log.propagate = saved[2]


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden", default=False))


@pytest.fixture(scope="session")
def cli_workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding a copy of tests/cli/charts as ``charts/``: commands run inside it,
    so paths in the output are the same on every machine."""
    work = tmp_path_factory.mktemp("cli")
    shutil.copytree(HERE / "charts", work / "charts")
    return work


@pytest.fixture(scope="session")
def helm_testdata(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Helm's pkg/cmd/testdata at v4.2.3, exported from the helm/helm mirror (skips without it).

    Helm's files are never committed here; they are read from the mirror at test time.
    """
    if not (HELM_MIRROR / "HEAD").exists():
        pytest.skip("no helm/helm mirror at /work/.mirror/helm+helm/repo")
    out = tmp_path_factory.mktemp("helm")
    archive = subprocess.run(
        [
            "git",
            "-C",
            str(HELM_MIRROR),
            "archive",
            HELM_TAG,
            "pkg/cmd/testdata/testcharts",
            "pkg/cmd/testdata/output",
        ],
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        pytest.skip(f"cannot export Helm's testdata: {archive.stderr.decode(errors='replace').strip()}")
    subprocess.run(["tar", "-x", "-C", str(out)], input=archive.stdout, check=True)
    return out / "pkg" / "cmd"
