"""``helm template``: render a chart into manifests without a cluster (Install, client-only).

The action holds every option as a plain field with Helm's default; ``run`` returns a
:class:`RenderedRelease` and writes nothing (``output_dir`` writing is :func:`write_output_dir`).
"""

from __future__ import annotations

import os
import posixpath
import re
import time
from dataclasses import dataclass, field
from typing import Any

from chartist.errors import ChartistError
from chartist.release.model import Hook

__all__ = ["RenderedRelease", "Template", "TemplateError", "name_and_chart", "validate_release_name"]

NOTES_SUFFIX = "NOTES.txt"
# Helm's release name rule (DNS-1123 subdomain, at most 53 characters: Secret names add a suffix).
_RELEASE_NAME = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
MAX_RELEASE_NAME = 53


class TemplateError(ChartistError):
    """The command line or the chart does not allow rendering."""


def validate_release_name(name: str) -> None:
    """Raise TemplateError with Helm's message unless NAME is a valid release name."""
    if not name or len(name) > MAX_RELEASE_NAME or not _RELEASE_NAME.match(name):
        raise TemplateError(
            f'release name check failed: release name "{name}": invalid release name, must match regex '
            f"{_RELEASE_NAME.pattern} and the length must not be longer than {MAX_RELEASE_NAME}"
        )


def name_and_chart(
    args: list[str], *, generate_name: bool = False, name_template: str = "", default_name: str = ""
) -> tuple[str, str]:
    """Helm's Install.NameAndChart: (release name, chart reference) from the positional args."""
    if len(args) > 2:
        raise TemplateError(f"expected at most two arguments, unexpected arguments: {', '.join(args[2:])}")
    if len(args) == 2:
        if generate_name:
            raise TemplateError("cannot set --generate-name and also specify a name")
        if name_template:
            raise TemplateError("cannot set --name-template and also specify a name")
        return args[0], args[1]
    if not args:
        raise TemplateError("requires at least 1 arg(s), only received 0")
    if name_template:
        from chartist.gotemplate.template import Template as GoTemplate
        from chartist.gotemplate.errors import TemplateError as GoTemplateError
        from chartist.sprig import funcs

        try:
            return GoTemplate("name-template", funcs=funcs()).parse(name_template).execute(None), args[0]
        except GoTemplateError as err:
            raise TemplateError(str(err)) from err
    if default_name:
        return default_name, args[0]
    if not generate_name:
        raise TemplateError("must either provide a name or specify --generate-name")
    base = posixpath.basename(args[0].rstrip("/")) or "chart"
    if base == ".":
        base = "chart"
    base = base.split(".", 1)[0]
    return f"{base}-{int(time.time())}", args[0]


@dataclass
class RenderedRelease:
    """What a client-only install produces: the manifest stream, hooks and notes."""

    name: str
    namespace: str
    manifest: str
    hooks: list[Hook]
    notes: str
    chart: Any
    config: dict[str, Any]
    files: dict[str, str] = field(default_factory=dict)


@dataclass
class Template:
    """Render a chart as ``helm template`` does (Helm's Install with dry-run=client)."""

    release_name: str = "release-name"
    namespace: str = "default"
    kube_version: str | None = None
    api_versions: list[str] = field(default_factory=list)
    is_upgrade: bool = False
    include_crds: bool = False
    skip_crds: bool = False
    disable_hooks: bool = False
    skip_tests: bool = False
    sub_notes: bool = False
    skip_schema_validation: bool = False
    enable_dns: bool = False
    hide_secret: bool = False
    output_dir: str = ""
    use_release_name: bool = False
    post_renderer: Any = None

    def run(self, chart: Any, values: dict[str, Any]) -> RenderedRelease:
        """Render CHART (a loaded chart) with the user's VALUES; raises a ChartistError."""
        from chartist.action import rendering
        from chartist.release.manifest import ManifestError, sort_manifests

        validate_release_name(self.release_name)
        rendering.check_installable(chart)
        rendering.check_dependencies(chart)
        files, chart = rendering.render_chart(
            chart,
            values,
            release_name=self.release_name,
            namespace=self.namespace,
            revision=1,
            is_install=not self.is_upgrade,
            is_upgrade=self.is_upgrade,
            kube_version=self.kube_version,
            api_versions=self.api_versions,
            skip_schema_validation=self.skip_schema_validation,
            enable_dns=self.enable_dns,
            check_kube_version=True,
        )
        notes_parts = []
        top_notes = posixpath.join(rendering.chart_name(chart), "templates", NOTES_SUFFIX)
        for k in list(files):
            if k.endswith(NOTES_SUFFIX):
                if self.sub_notes or k == top_notes:
                    notes_parts.append(files[k])
                del files[k]
        notes = "\n".join(notes_parts)
        if self.post_renderer is not None:
            files = self.post_renderer.run_files(files)
        try:
            hooks, manifests = sort_manifests(files)
        except ManifestError as err:
            blob = "".join(
                f"---\n# Source: {name}\n{content}\n" for name, content in files.items() if content.strip()
            )
            raise RenderFailed(str(err), blob) from err
        out: list[str] = []
        if self.include_crds:
            for name, data in rendering.crd_objects(chart):
                out.append(f"---\n# Source: {name}\n{data}\n")
        for m in manifests:
            if self.hide_secret and m.head.kind == "Secret" and m.head.version == "v1":
                out.append(f"---\n# Source: {m.name}\n# HIDDEN: The Secret output has been suppressed\n")
            else:
                out.append(f"---\n# Source: {m.name}\n{m.content}\n")
        return RenderedRelease(
            name=self.release_name,
            namespace=self.namespace,
            manifest="".join(out),
            hooks=hooks,
            notes=notes,
            chart=chart,
            config=values,
            files=files,
        )


class RenderFailed(TemplateError):
    """Rendering produced manifests that do not parse; ``manifest`` holds them for --debug."""

    def __init__(self, message: str, manifest: str) -> None:
        super().__init__(message)
        self.manifest = manifest


def template_output(rel: RenderedRelease, *, disable_hooks: bool, skip_tests: bool) -> str:
    """What ``helm template`` prints: the manifest, then the hooks (unless disabled)."""
    parts = [rel.manifest.strip() + "\n"]
    if not disable_hooks:
        for h in rel.hooks:
            if skip_tests and "test" in h.events:
                continue
            parts.append(f"---\n# Source: {h.path}\n{h.manifest}\n")
    return "".join(parts)


def show_only(output: str, patterns: list[str]) -> str:
    """``--show-only``: the documents whose source matches each pattern, in Helm's order."""
    from chartist.release.manifest import split_manifests

    docs = split_manifests(output)
    rx = re.compile(r"# Source: [^/]+/(.+)")
    chosen: list[str] = []
    for pattern in patterns:
        pattern = pattern.replace(os.sep, "/")
        found = False
        for doc in docs:
            m = rx.search(doc)
            if not m:
                continue
            if _go_path_match(pattern, m.group(1)):
                chosen.append(doc)
                found = True
        if not found:
            raise TemplateError(f"could not find template {pattern} in chart")
    return "".join(f"---\n{d}\n" for d in chosen)


def _go_path_match(pattern: str, name: str) -> bool:
    """Go's filepath.Match: ``*`` and ``?`` do not cross ``/``."""
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = pattern.find("]", i + 1)
            if j < 0:
                return False
            body = pattern[i + 1 : j]
            if body.startswith("^"):
                body = "^" + body[1:]
            out.append("[" + body + "]")
            i = j + 1
            continue
        elif c == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        else:
            out.append(re.escape(c))
        i += 1
    return re.fullmatch("".join(out), name) is not None


def write_output_dir(rel: RenderedRelease, output_dir: str, *, use_release_name: bool, disable_hooks: bool,
                     skip_tests: bool, include_crds: bool) -> list[str]:
    """``--output-dir``: each template's documents into DIR/PATH (appended per document)."""
    base = os.path.join(output_dir, rel.name) if use_release_name else output_dir
    written: set[str] = set()
    paths: list[str] = []

    def write(name: str, data: str) -> None:
        target = os.path.normpath(os.path.join(base, name))
        if not target.startswith(os.path.normpath(base) + os.sep):
            raise TemplateError(f"refusing to write {name!r} outside {base!r}")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        mode = "a" if name in written else "w"
        with open(target, mode, encoding="utf-8", newline="") as f:
            f.write(f"---\n# Source: {name}\n{data}\n")
        paths.append(target)
        written.add(name)

    from chartist.action import rendering
    from chartist.release.manifest import split_manifests

    if include_crds:
        for name, data in rendering.crd_objects(rel.chart):
            write(name, data)
    for doc in split_manifests(rel.manifest):
        m = re.match(r"# Source: (.*)\n", doc)
        if m:
            write(m.group(1), doc[m.end() :].removesuffix("\n"))
    if not disable_hooks:
        for h in rel.hooks:
            if skip_tests and "test" in h.events:
                continue
            write(h.path, h.manifest)
    return paths
