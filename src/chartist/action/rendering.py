"""The rendering pipeline shared by ``template``, ``install`` and ``upgrade``, and the public
``chartist.render``: load a chart, process its dependencies, coalesce and validate values,
build the render values and run the engine, in Helm v4's order.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from chartist.chart.model import Chart
from chartist.errors import ChartistError

__all__ = [
    "RenderSetupError",
    "capabilities",
    "chart_name",
    "check_dependencies",
    "check_installable",
    "check_kube_version",
    "crd_objects",
    "load_chart",
    "process_dependencies",
    "render",
    "render_chart",
    "render_values",
]


class RenderSetupError(ChartistError):
    """The chart cannot be rendered as asked (not installable, missing dependencies...)."""


def load_chart(path: str | os.PathLike[str] | Chart) -> Chart:
    """A chart from a directory or a ``.tgz`` archive (a loaded Chart is returned as is)."""
    if isinstance(path, Chart):
        return path
    from chartist.chart.loader import load

    return load(path)


def chart_name(chart: Chart) -> str:
    return chart.name


def check_installable(chart: Chart) -> None:
    """Only application charts are installable (Helm's checkIfInstallable)."""
    t = chart.metadata.type
    if t not in ("", "application"):
        raise RenderSetupError(f"{t} charts are not installable")


def check_dependencies(chart: Chart) -> None:
    """Every dependency of Chart.yaml must be in charts/ (Helm's CheckDependencies)."""
    from chartist.chart.dependencies import check_dependencies as check

    if chart.metadata.dependencies:
        try:
            check(chart)
        except ChartistError as err:
            raise RenderSetupError(
                "an error occurred while checking for chart dependencies. You may need to run "
                f"'helm dependency build' to fetch missing dependencies: {err}"
            ) from err


def process_dependencies(chart: Chart, values: dict[str, Any] | None) -> Chart:
    """Helm's ProcessDependencies: conditions, tags, aliases and import-values applied."""
    from chartist.chart.dependencies import process_dependencies as process

    return process(chart, values or {})


def capabilities(kube_version: str | None = None, api_versions: Sequence[str] = ()) -> Any:
    """Helm's client-only capabilities: the defaults, KUBE_VERSION, extra API_VERSIONS.

    Raises CapabilitiesError for a kube version Kubernetes' ParseGeneric refuses.
    """
    from chartist.engine.capabilities import Capabilities

    return Capabilities.make(kube_version, list(api_versions))


def check_kube_version(chart: Chart, caps: Any) -> None:
    """Helm's renderResources check of Chart.yaml's ``kubeVersion`` against the capabilities.

    The constraint is tested against the normalised version (``v1.33.4``); the message shows the
    version as given (``v1.33.4-gke.1``). Raises RenderSetupError with Helm's message.
    """
    from chartist.chart.dependencies import is_compatible_range

    want = chart.metadata.kube_version
    kv = caps.KubeVersion
    if want and not is_compatible_range(want, kv.String.fn()):
        raise RenderSetupError(
            f"chart requires kubeVersion: {want} which is incompatible with Kubernetes {kv.Version}"
        )


def crd_objects(chart: Chart) -> list[tuple[str, str]]:
    """(file name, content) of every CRD under ``crds/`` of the chart and its subcharts."""
    return [(c.filename, c.file.data.decode("utf-8", errors="surrogateescape")) for c in chart.crd_objects()]


def render_values(
    chart: Chart,
    values: dict[str, Any] | None,
    *,
    release_name: str,
    namespace: str,
    revision: int,
    is_install: bool,
    is_upgrade: bool,
    capabilities: Any,
    skip_schema_validation: bool = False,
) -> dict[str, Any]:
    """Helm's ToRenderValuesWithSchemaValidation: the top-level object templates see."""
    from chartist.chart.model import metadata_as_map
    from chartist.chart.schema import validate_values
    from chartist.chart.values import coalesce_values

    top: dict[str, Any] = {
        "Chart": metadata_as_map(chart.metadata),
        "Capabilities": capabilities,
        "Release": {
            "Name": release_name,
            "Namespace": namespace,
            "IsUpgrade": is_upgrade,
            "IsInstall": is_install,
            "Revision": revision,
            "Service": "Helm",
        },
    }
    vals = coalesce_values(chart, values or {})
    if not skip_schema_validation:
        validate_values(chart, vals)
    top["Values"] = vals
    return top


def render_chart(
    chart: Chart,
    values: dict[str, Any] | None,
    *,
    release_name: str,
    namespace: str,
    revision: int = 1,
    is_install: bool = True,
    is_upgrade: bool = False,
    kube_version: str | None = None,
    api_versions: Sequence[str] = (),
    skip_schema_validation: bool = False,
    enable_dns: bool = False,
    lookup: Any = None,
    check_kube: bool = False,
    strict: bool = False,
) -> tuple[dict[str, str], Chart]:
    """Render CHART as Helm's install does; returns (template path -> text, processed chart)."""
    from chartist.engine.engine import Engine

    chart = process_dependencies(chart, values)
    caps = capabilities(kube_version, api_versions)
    top = render_values(
        chart,
        values,
        release_name=release_name,
        namespace=namespace,
        revision=revision,
        is_install=is_install,
        is_upgrade=is_upgrade,
        capabilities=caps,
        skip_schema_validation=skip_schema_validation,
    )
    if check_kube:
        check_kube_version(chart, caps)
    files = Engine(strict=strict, lookup=lookup, enable_dns=enable_dns).render(chart, top)
    return files, chart


def render(
    chart: str | os.PathLike[str] | Chart,
    values: dict[str, Any] | None = None,
    *,
    release_name: str = "release-name",
    namespace: str = "default",
    revision: int = 1,
    is_upgrade: bool = False,
    kube_version: str | None = None,
    api_versions: Sequence[str] = (),
) -> dict[str, str]:
    """Render a chart as Helm's engine does: template path -> rendered text.

    Partials are left out; every chart's ``NOTES.txt`` and empty templates are included.
    ``values`` are the user's values (as from ``-f``), merged over the chart's defaults.
    Raises a ChartistError (chart, values, schema or template error) with Helm's message.
    """
    files, _ = render_chart(
        load_chart(chart),
        values,
        release_name=release_name,
        namespace=namespace,
        revision=revision,
        is_install=not is_upgrade,
        is_upgrade=is_upgrade,
        kube_version=kube_version,
        api_versions=api_versions,
    )
    return files


NOTES_SUFFIX = "NOTES.txt"


def render_files(
    chart: Chart,
    top: dict[str, Any],
    *,
    sub_notes: bool = False,
    enable_dns: bool = False,
    lookup: Any = None,
    post_renderer: Any = None,
    strict: bool = False,
) -> tuple[dict[str, str], str]:
    """The first half of Helm's renderResources: (rendered files without NOTES, notes).

    Checks the chart's kubeVersion against ``top["Capabilities"]``, renders, takes out every
    ``NOTES.txt`` (keeping the top chart's, or all with SUB_NOTES, joined as Helm joins them)
    and runs the post-renderer. Raises ChartistError subclasses with Helm's messages.
    """
    import posixpath

    from chartist.engine.engine import Engine

    check_kube_version(chart, top["Capabilities"])
    files = Engine(strict=strict, lookup=lookup, enable_dns=enable_dns).render(chart, top)
    notes = ""
    top_notes = posixpath.join(chart.name, "templates", NOTES_SUFFIX)
    for k in list(files):
        if k.endswith(NOTES_SUFFIX):
            if sub_notes or k == top_notes:
                if notes:
                    notes += "\n"
                notes += files[k]
            del files[k]
    if post_renderer is not None:
        files = post_renderer.run_files(files)
    return files, notes


def manifest_document(name: str, content: str, kind: str, version: str, *, hide_secret: bool = False) -> str:
    """One ``---`` document of a release manifest as Helm writes it (Secrets hidden on request)."""
    if hide_secret and kind == "Secret" and version == "v1":
        return f"---\n# Source: {name}\n# HIDDEN: The Secret output has been suppressed\n"
    return f"---\n# Source: {name}\n{content}\n"


class ReservedLabels(RenderSetupError):
    """User labels use a name the storage drivers reserve."""


def check_labels(labels: dict[str, str]) -> None:
    """Helm refuses user labels that its storage drivers set themselves."""
    from chartist.storage.driver.base import SYSTEM_LABELS, contains_system_labels

    if contains_system_labels(labels):
        raise ReservedLabels(
            "user supplied labels contains system reserved label name. System labels: ["
            + " ".join(SYSTEM_LABELS)
            + "]"
        )
