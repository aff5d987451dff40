"""``helm create NAME``: scaffold a chart (Helm's ``pkg/cmd/create.go``, which has no action).

NAME is a path: the chart is named after its last element and created in its parent
directory, as Go's filepath.Base and Dir split it (so ``foo/`` creates ``foo/foo``). With a
starter, the starter chart (a name under the starters directory, or an absolute path) is copied
with Helm's new Chart.yaml; otherwise Helm's built-in starter is written.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Create", "go_base", "go_dir"]


def go_dir(path: str) -> str:
    """Go's filepath.Dir on a slash path."""
    from chartist.sprig.paths import go_clean

    i = path.rfind("/")
    return go_clean(path[: i + 1]) if i >= 0 else "."


def go_base(path: str) -> str:
    """Go's filepath.Base on a slash path."""
    if not path:
        return "."
    path = path.rstrip("/")
    if not path:
        return "/"
    return path.rsplit("/", 1)[-1]


@dataclass
class Create:
    """``create`` options: NAME (a path), STARTER (name or absolute path), STARTER_DIR."""

    name: str
    starter: str = ""
    starter_dir: str = ""

    def run(self, warn: Callable[[str], None] | None = None) -> None:
        """Create the chart; WARN receives Helm's "already exists" lines. Raises ChartistError."""
        from chartist.chart.create import create, create_from
        from chartist.chart.model import API_VERSION_V2, Metadata

        chart_name = go_base(self.name)
        parent = go_dir(self.name)
        if self.starter:
            starter = self.starter
            if not os.path.isabs(starter):
                starter = os.path.join(self.starter_dir, starter)
            md = Metadata(
                name=chart_name,
                description="A Helm chart for Kubernetes",
                type="application",
                version="0.1.0",
                app_version="0.1.0",
                api_version=API_VERSION_V2,
            )
            create_from(md, parent, starter)
            return
        create(chart_name, parent, warn=warn)
