"""``helm template``: render a chart into manifests without a cluster (Install, client-only).

Mirrors Helm v4.2.3's ``pkg/action/install.go`` (client dry-run) and ``renderResources``. The
action holds every option as a plain field with Helm's default; :meth:`Template.run` returns a
:class:`RenderedRelease`. Failures of the render stage (kube version, templates, manifests that
do not parse) raise :class:`RenderFailed` carrying the partial release, because Helm's command
prints that partial release with ``--debug`` and otherwise adds "Use --debug flag to render out
invalid YAML" to the message. Earlier failures (release name, chart type, dependencies, values
schema) raise a plain :class:`TemplateError`.

Nothing here prints: ``--output-dir`` writing returns the paths written, the command prints them.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from chartist.errors import ChartistError
from chartist.release.model import Hook

__all__ = [
    "RenderFailed",
    "RenderedRelease",
    "Template",
    "TemplateError",
    "locate_chart",
    "name_and_chart",
    "show_only",
    "template_output",
    "validate_release_name",
    "write_hooks",
]

NOTES_SUFFIX = "NOTES.txt"
# Helm's release name rule (DNS-1123 subdomain, at most 53 characters: Secret names add a suffix).
_RELEASE_NAME = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
MAX_RELEASE_NAME = 53
_SOURCE = re.compile(r"# Source: [^/]+/(.+)")
DEFAULT_RELEASE_NAME = "release-name"


class TemplateError(ChartistError):
    """The command line or the chart does not allow rendering."""


class RenderFailed(TemplateError):
    """Rendering failed after the release was created; ``release`` holds what was rendered.

    ``release.manifest`` is the rendered files as one stream when the manifests do not parse
    (Helm's debugging aid), empty for other render failures.
    """

    def __init__(self, message: str, release: RenderedRelease) -> None:
        super().__init__(message)
        self.release = release


def _go_quote(s: str) -> str:
    from chartist.gotemplate.fmt import quote

    return quote(s)


def validate_release_name(name: str) -> None:
    """Raise TemplateError with Helm's message unless NAME is a valid release name."""
    if not name:
        raise TemplateError(f"release name check failed: release name {_go_quote(name)}: no name provided")
    if len(name) > MAX_RELEASE_NAME or not _RELEASE_NAME.match(name):
        raise TemplateError(
            f"release name check failed: release name {_go_quote(name)}: invalid release name, must match "
            f"regex {_RELEASE_NAME.pattern} and the length must not be longer than {MAX_RELEASE_NAME}"
        )


def name_and_chart(
    args: Sequence[str], *, generate_name: bool = False, name_template: str = "", default_name: str = ""
) -> tuple[str, str]:
    """Helm's Install.NameAndChart: (release name, chart reference) from the positional args.

    DEFAULT_NAME is the release name already set on the action (``helm template`` sets
    ``release-name``, which wins over ``--generate-name``). Raises TemplateError.
    """
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
        return template_name(name_template), args[0]
    if default_name:
        return default_name, args[0]
    if not generate_name:
        raise TemplateError("must either provide a name or specify --generate-name")
    base = os.path.basename(args[0].rstrip("/")) if args[0].rstrip("/") else args[0]
    if base in (".", ""):
        base = "chart"
    base = base.split(".", 1)[0]
    return f"{base}-{int(time.time())}", args[0]


def template_name(name_template: str) -> str:
    """Helm's TemplateName: NAME_TEMPLATE run with Sprig's functions and no data."""
    from chartist.gotemplate.errors import TemplateError as GoTemplateError
    from chartist.gotemplate.template import Template as GoTemplate
    from chartist.sprig import funcs

    try:
        return GoTemplate("name-template", funcs=funcs()).parse(name_template).execute(None)
    except GoTemplateError as err:
        raise TemplateError(str(err)) from err


def locate_chart(ref: str) -> str:
    """Helm's LocateChart for a local chart: the path of REF, or Helm's error.

    Repository and OCI references are not supported yet; they fail with the message Helm gives
    when no repository matches.
    """
    name = ref.strip()
    if os.path.exists(name):
        return os.path.abspath(name)
    if os.path.isabs(name) or name.startswith("."):
        raise TemplateError(f"path {_go_quote(name)} not found")
    if name.startswith("oci://"):
        raise TemplateError(f"unable to locate chart {_go_quote(name)}: OCI registries are not supported yet")
    repo, slash, _ = name.partition("/")
    if not slash:
        raise TemplateError(f"non-absolute URLs should be in form of repo_name/path_to_chart, got: {name}")
    raise TemplateError(f"repo {repo} not found")


@dataclass
class RenderedRelease:
    """What a client-only install produces: the manifest stream, hooks and notes.

    ``written`` lists the files written for the manifests when ``output_dir`` was set (one
    entry per document, as Helm prints one "wrote" line per document).
    """

    name: str
    namespace: str
    manifest: str
    hooks: list[Hook]
    notes: str
    chart: Any
    config: dict[str, Any]
    files: dict[str, str] = field(default_factory=dict)
    written: list[str] = field(default_factory=list)


@dataclass
class Template:
    """Render a chart as ``helm template`` does (Helm's Install with dry-run=client)."""

    release_name: str = DEFAULT_RELEASE_NAME
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
    labels: dict[str, str] = field(default_factory=dict)

    def run(self, chart: Any, values: dict[str, Any]) -> RenderedRelease:
        """Render CHART (a loaded chart) with the user's VALUES, in Helm's order of checks.

        Raises TemplateError (or another ChartistError: values, schema, dependencies) before
        rendering, RenderFailed from the render stage.
        """
        from chartist.action import rendering

        rendering.check_installable(chart)
        rendering.check_dependencies(chart)
        validate_release_name(self.release_name)
        chart = rendering.process_dependencies(chart, values)
        caps = rendering.capabilities(self.kube_version, self.api_versions)
        top = rendering.render_values(
            chart,
            values,
            release_name=self.release_name,
            namespace=self.namespace,
            revision=1,
            is_install=not self.is_upgrade,
            is_upgrade=self.is_upgrade,
            capabilities=caps,
            skip_schema_validation=self.skip_schema_validation,
        )
        rendering.check_labels(self.labels)
        rel = RenderedRelease(self.release_name, self.namespace, "", [], "", chart, values)
        try:
            self._render_resources(rel, top, caps)
        except RenderFailed:
            raise
        except ChartistError as err:
            raise RenderFailed(str(err), rel) from err
        return rel

    def _render_resources(self, rel: RenderedRelease, top: dict[str, Any], caps: Any) -> None:
        """Helm's renderResources: fills REL in place; raises ChartistError or RenderFailed."""
        from chartist.action import rendering
        from chartist.release.manifest import ManifestError, sort_manifests

        chart = rel.chart
        files, notes = rendering.render_files(
            chart, top, sub_notes=self.sub_notes, enable_dns=self.enable_dns, post_renderer=self.post_renderer
        )
        rel.files = files
        try:
            hooks, manifests = sort_manifests(files)
        except ManifestError as err:
            # Helm hands the user every rendered file to find the bad YAML (--debug).
            rel.manifest = "".join(
                f"---\n# Source: {name}\n{content}\n" for name, content in files.items() if content.strip()
            )
            raise RenderFailed(str(err), rel) from err
        out: list[str] = []
        written: dict[str, bool] = {}
        if self.include_crds:
            for name, data in rendering.crd_objects(chart):
                if self.output_dir:
                    rel.written.append(_write_file(self.output_dir, name, data, written.get(name, False)))
                    written[name] = True
                else:
                    out.append(f"---\n# Source: {name}\n{data}\n")
        manifest_dir = self._manifest_dir()
        for m in manifests:
            if self.output_dir:
                rel.written.append(_write_file(manifest_dir, m.name, m.content, written.get(m.name, False)))
                written[m.name] = True
            else:
                out.append(
                    rendering.manifest_document(
                        m.name, m.content, m.head.kind, m.head.version, hide_secret=self.hide_secret
                    )
                )
        rel.hooks = hooks
        rel.manifest = "".join(out)
        rel.notes = notes

    def _manifest_dir(self) -> str:
        if self.use_release_name:
            return os.path.normpath(os.path.join(self.output_dir, self.release_name))
        return self.output_dir


def _write_file(output_dir: str, name: str, data: str, append: bool) -> str:
    """Helm's writeToFile: DIR/NAME gets ``---\\n# Source: NAME\\nDATA\\n`` (appended or new).

    Returns the path as Helm prints it. Refuses names that leave DIR (chartist is stricter).
    """
    target = output_dir + os.sep + name
    base = os.path.abspath(output_dir)
    if not os.path.abspath(target).startswith(base + os.sep):
        raise TemplateError(f"refusing to write {name!r} outside {output_dir!r}")
    os.makedirs(os.path.dirname(target), mode=0o755, exist_ok=True)
    with open(target, "a" if append else "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
        f.write(f"---\n# Source: {name}\n{data}\n")
    return target


def is_test_hook(hook: Hook) -> bool:
    return "test" in hook.events


def template_output(rel: RenderedRelease, *, disable_hooks: bool, skip_tests: bool) -> str:
    """What ``helm template`` prints without --output-dir: the manifest, then the hooks."""
    parts = [rel.manifest.strip() + "\n"]
    if not disable_hooks:
        for h in rel.hooks:
            if skip_tests and is_test_hook(h):
                continue
            parts.append(f"---\n# Source: {h.path}\n{h.manifest}\n")
    return "".join(parts)


def write_hooks(
    rel: RenderedRelease, output_dir: str, *, use_release_name: bool, skip_tests: bool
) -> list[str]:
    """``--output-dir`` for hooks, as Helm's template command does it: into DIR (or
    DIR/RELEASE), appended to a file that already exists. Returns the paths written."""
    base = os.path.normpath(os.path.join(output_dir, rel.name)) if use_release_name else output_dir
    paths = []
    for h in rel.hooks:
        if skip_tests and is_test_hook(h):
            continue
        exists = os.path.exists(os.path.join(base, h.path))
        paths.append(_write_file(base, h.path, h.manifest, exists))
    return paths


def show_only(output: str, patterns: Sequence[str]) -> str:
    """``--show-only``: the documents whose source matches each pattern, in Helm's order.

    Raises TemplateError ``could not find template PATTERN in chart``.
    """
    from chartist.release.manifest import split_manifests

    docs = split_manifests(output)
    chosen: list[str] = []
    for pattern in patterns:
        pattern = pattern.replace(os.sep, "/")
        found = False
        for doc in docs:
            m = _SOURCE.search(doc)
            if m and go_path_match(pattern, m.group(1)):
                chosen.append(doc)
                found = True
        if not found:
            raise TemplateError(f"could not find template {pattern} in chart")
    return "".join(f"---\n{d}\n" for d in chosen)


def go_path_match(pattern: str, name: str) -> bool:
    """Go's ``path/filepath.Match`` (``/`` separator): ``*`` and ``?`` stop at ``/``, classes
    ``[a-z]``/``[^...]``, ``\\`` escapes. A malformed pattern matches nothing (Helm ignores
    Match's ErrBadPattern)."""
    rx = _path_pattern(pattern)
    return rx is not None and rx.fullmatch(name) is not None


def _path_pattern(pattern: str) -> re.Pattern[str] | None:
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            i, cls = _char_class(pattern, i + 1)
            if cls is None:
                return None
            out.append(cls)
            continue
        elif c == "\\":
            if i + 1 >= n:
                return None
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("".join(out), re.DOTALL)


def _char_class(p: str, i: int) -> tuple[int, str | None]:
    """A Go character class starting after ``[``: (index after ``]``, regex) or (i, None).

    As in Go, a class may match ``/`` and a range with lo > hi matches nothing.
    """
    negate = i < len(p) and p[i] == "^"
    if negate:
        i += 1
    ranges: list[str] = []
    first = True
    while True:
        if i < len(p) and p[i] == "]" and not first:
            i += 1
            break
        first = False
        lo, i = _class_char(p, i)
        if lo is None:
            return i, None
        hi = lo
        if p[i] == "-":
            upper, i = _class_char(p, i + 1)
            if upper is None:
                return i, None
            hi = upper
        if lo <= hi:
            ranges.append(re.escape(lo) + ("-" + re.escape(hi) if hi != lo else ""))
    if not ranges:
        return i, "." if negate else "(?!)"
    return i, f"[{'^' if negate else ''}{''.join(ranges)}]"


def _class_char(p: str, i: int) -> tuple[str | None, int]:
    """Go's getEsc: a possibly escaped character, which must not end the pattern."""
    if i >= len(p) or p[i] in "-]":
        return None, i
    if p[i] == "\\":
        i += 1
        if i >= len(p):
            return None, i
    if i + 1 >= len(p):
        return None, i
    return p[i], i + 1
