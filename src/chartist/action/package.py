"""``helm package``: a chart directory becomes ``NAME-VERSION.tgz`` (Helm's ``action/package.go``).

The archive itself is :func:`chartist.chart.archive.package` (Helm's chartutil.Save, byte for
byte in the tar layout). What this adds is Helm's command surface: the path Helm reports
(``DEST/NAME-VERSION.tgz`` as joined, the working directory for the default ``.``) and the
options chartist does not support yet (signing, updating dependencies) refused up front.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from chartist.errors import ChartistError

__all__ = ["Package", "PackageError"]


class PackageError(ChartistError):
    """An option chartist does not support, or a path that cannot be packaged."""


def _go_join(*parts: str) -> str:
    from chartist.sprig.paths import go_clean

    return go_clean("/".join(p for p in parts if p))


@dataclass
class Package:
    """Package options (Helm's flags and defaults)."""

    version: str = ""
    app_version: str = ""
    destination: str = "."
    dependency_update: bool = False
    sign: bool = False

    def check(self) -> None:
        """Refuse what chartist cannot do yet, before anything is written."""
        if self.dependency_update:
            raise PackageError(
                "--dependency-update is not supported by chartist yet: run 'dependency update' "
                "with Helm, or put the dependencies in charts/ yourself"
            )
        if self.sign:
            raise PackageError("--sign is not supported by chartist yet: sign the archive with Helm")

    def run(self, path: str) -> str:
        """Package the chart directory PATH; returns the archive's path as Helm prints it.

        Raises ChartLoadError, DependencyError, SemverError or ArchiveError with Helm's texts.
        """
        from chartist.chart.archive import package

        self.check()
        dest = os.getcwd() if self.destination == "." else self.destination
        written = package(path, dest, version=self.version or None, app_version=self.app_version or None)
        # Helm reports filepath.Join(dest, NAME-VERSION.tgz), relative when DEST is.
        return _go_join(dest, os.path.basename(written))
