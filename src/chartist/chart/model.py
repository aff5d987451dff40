"""The chart model: files, Chart.yaml metadata, lock, and the chart tree (Helm's ``chart/v2``).

Everything here is immutable: loading builds a tree once, and processing dependencies
(aliases, disabled subcharts, imported values) builds a new tree instead of mutating it as
Helm does. A chart knows the names of its ancestors (``parents``), which is all Helm uses its
parent pointer for: ``ChartFullPath`` (template names such as ``top/charts/sub/templates/x``),
``ChartPath`` and ``IsRoot``.

Templates see ``.Chart`` as Helm v4 builds it: a ``map[string]interface {}`` made from the
``Metadata`` struct by field name (``metadata_as_map``), plus ``IsRoot``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from chartist.chart.errors import ValidationError

API_VERSION_V1 = "v1"
API_VERSION_V2 = "v2"

# Helm: aliases may only use these characters (chart/v2 dependency.go).
_ALIAS_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")

# Go's unicode.IsSpace: what sanitizeString turns into a plain space.
_GO_SPACES = frozenset(
    "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)


def sanitize_string(s: str) -> str:
    """Helm's sanitizeString: Unicode spaces become ``' '``, other unprintable runes vanish."""
    if s.isascii() and s.isprintable():
        return s
    # Go's unicode.IsPrint and Python's isprintable agree: letters, marks, numbers,
    # punctuation, symbols and U+0020 are printable; controls, formats, separators are not.
    return "".join(" " if c in _GO_SPACES else c for c in s if c in _GO_SPACES or c.isprintable())


@dataclass(frozen=True, slots=True)
class File:
    """A file of a chart: NAME is its slash-separated path inside the chart."""

    name: str
    data: bytes
    mod_time: float = 0.0  # seconds since the epoch; 0 when unknown


@dataclass(frozen=True, slots=True)
class Maintainer:
    """One entry of Chart.yaml ``maintainers``."""

    name: str = ""
    email: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class Dependency:
    """One entry of Chart.yaml ``dependencies`` (or requirements.yaml / a lock file).

    ``import_values`` holds the raw items (strings or ``{"child", "parent"}`` maps) until
    dependency processing rewrites them into ``{"child": ..., "parent": ...}`` string maps.
    """

    name: str = ""
    version: str = ""
    repository: str = ""
    condition: str = ""
    tags: tuple[str, ...] = ()
    enabled: bool = False
    import_values: tuple[Any, ...] = field(default=(), hash=False)
    alias: str = ""

    def validate(self) -> Dependency:
        """Helm's Dependency.Validate: the sanitized dependency, or ValidationError."""
        dep = dataclasses.replace(
            self,
            name=sanitize_string(self.name),
            version=sanitize_string(self.version),
            repository=sanitize_string(self.repository),
            condition=sanitize_string(self.condition),
            tags=tuple(sanitize_string(t) for t in self.tags),
        )
        if dep.alias and not set(dep.alias) <= _ALIAS_CHARS:
            raise ValidationError(f"dependency {_goq(dep.name)} has disallowed characters in the alias")
        return dep


@dataclass(frozen=True, slots=True)
class Lock:
    """Chart.lock / requirements.lock: ``generated`` is kept as the text found in the file."""

    generated: str = ""
    digest: str = ""
    dependencies: tuple[Dependency | None, ...] | None = None


@dataclass(frozen=True, slots=True)
class Metadata:
    """Chart.yaml, field for field (Helm's ``chart.Metadata``, same order).

    ``maintainers`` and ``dependencies`` may hold ``None`` for null YAML nodes, which
    :meth:`validate` rejects as Helm does. ``dependencies`` itself is ``None`` when Chart.yaml
    has none (Go's nil slice), which Helm treats differently from an empty list: dependency
    processing stops at a chart whose list is nil.
    """

    name: str = ""
    home: str = ""
    sources: tuple[str, ...] = ()
    version: str = ""
    description: str = ""
    keywords: tuple[str, ...] = ()
    maintainers: tuple[Maintainer | None, ...] = ()
    icon: str = ""
    api_version: str = ""
    condition: str = ""
    tags: str = ""
    app_version: str = ""
    deprecated: bool = False
    annotations: Mapping[str, str] = field(default_factory=dict, hash=False)
    kube_version: str = ""
    dependencies: tuple[Dependency | None, ...] | None = None
    type: str = ""

    def validate(self) -> Metadata:
        """Helm's Metadata.Validate: the sanitized metadata, or ValidationError.

        Checks, in Helm's order: apiVersion, name (required, not ``.``/``..``, no path
        separator), version (required, valid SemVer), type, maintainers (no null entries),
        dependencies (no null entries, valid aliases, unique name-or-alias).
        """
        from chartist.semver import SemverError, parse_version

        s = sanitize_string
        md = dataclasses.replace(
            self,
            name=s(self.name),
            description=s(self.description),
            home=s(self.home),
            icon=s(self.icon),
            condition=s(self.condition),
            tags=s(self.tags),
            app_version=s(self.app_version),
            kube_version=s(self.kube_version),
            sources=tuple(s(x) for x in self.sources),
            keywords=tuple(s(x) for x in self.keywords),
        )
        if not md.api_version:
            raise ValidationError("chart.metadata.apiVersion is required")
        if not md.name:
            raise ValidationError("chart.metadata.name is required")
        if md.name in (".", ".."):
            raise ValidationError(f"chart.metadata.name {_goq(md.name)} is not allowed")
        if "/" in md.name:
            raise ValidationError(f"chart.metadata.name {_goq(md.name)} is invalid")
        if not md.version:
            raise ValidationError("chart.metadata.version is required")
        try:
            parse_version(md.version)
        except SemverError:
            raise ValidationError(f"chart.metadata.version {_goq(md.version)} is invalid") from None
        if md.type not in ("", "application", "library"):
            raise ValidationError("chart.metadata.type must be application or library")
        maintainers = []
        for m in md.maintainers:
            if m is None:
                raise ValidationError("maintainers must not contain empty or null nodes")
            maintainers.append(Maintainer(s(m.name), s(m.email), s(m.url)))
        if md.dependencies is None:
            return dataclasses.replace(md, maintainers=tuple(maintainers))
        deps: list[Dependency | None] = []
        seen: set[str] = set()
        for d in md.dependencies:
            if d is None:
                raise ValidationError("dependencies must not contain empty or null nodes")
            d = d.validate()
            key = d.alias or d.name
            if key in seen:
                raise ValidationError(f"more than one dependency with name or alias {_goq(key)}")
            seen.add(key)
            deps.append(d)
        return dataclasses.replace(md, maintainers=tuple(maintainers), dependencies=tuple(deps))


@dataclass(frozen=True, slots=True)
class CRD:
    """A CRD file: NAME inside its chart, FILENAME prefixed with the chart's full path."""

    name: str
    filename: str
    file: File


@dataclass(frozen=True, slots=True)
class Chart:
    """A loaded chart and its subcharts (Helm's ``chart.Chart``).

    ``files`` are the files that are neither templates nor special (README, ``crds/``,
    ``.helmignore``, ...); ``raw`` is every file as loaded; ``values`` are the defaults from
    values.yaml (never mutate them: coalescing copies); ``parents`` are the names of the
    ancestor charts, root first (empty for the root chart).
    """

    metadata: Metadata
    values: dict[str, Any] = field(default_factory=dict, hash=False)
    templates: tuple[File, ...] = ()
    files: tuple[File, ...] = ()
    schema: bytes | None = None
    lock: Lock | None = None
    raw: tuple[File, ...] = ()
    dependencies: tuple[Chart, ...] = ()
    parents: tuple[str, ...] = ()
    mod_time: float = 0.0

    @property
    def name(self) -> str:
        """The chart's name (its alias once dependencies are processed)."""
        return self.metadata.name

    @property
    def is_root(self) -> bool:
        return not self.parents

    @property
    def is_library(self) -> bool:
        """Library charts only define templates; Helm compares the type case-insensitively."""
        return self.metadata.type.lower() == "library"

    def chart_path(self) -> str:
        """Helm's ChartPath: ``top.sub.subsub``."""
        return ".".join((*self.parents, self.name))

    def chart_full_path(self) -> str:
        """Helm's ChartFullPath: ``top/charts/sub/charts/subsub`` (prefix of template names)."""
        return "/charts/".join((*self.parents, self.name))

    def with_dependencies(self, dependencies: tuple[Chart, ...] | list[Chart]) -> Chart:
        """A copy of this chart whose subcharts are DEPENDENCIES, re-parented under it."""
        return relink(dataclasses.replace(self, dependencies=tuple(dependencies)), self.parents)

    def walk(self) -> Iterator[Chart]:
        """This chart, then every subchart depth-first (Helm's dependency order)."""
        yield self
        for dep in self.dependencies:
            yield from dep.walk()

    def crds(self) -> list[File]:
        """Files under ``crds/`` with a manifest extension, this chart's first, then subcharts'."""
        out = [f for f in self.files if f.name.startswith("crds/") and _is_manifest(f.name)]
        for dep in self.dependencies:
            out.extend(dep.crds())
        return out

    def crd_objects(self) -> list[CRD]:
        """Like :meth:`crds`, with each file's name prefixed by its chart's full path."""
        full = self.chart_full_path()
        out = [
            CRD(f.name, f"{full}/{f.name}", f)
            for f in self.files
            if f.name.startswith("crds/") and _is_manifest(f.name)
        ]
        for dep in self.dependencies:
            out.extend(dep.crd_objects())
        return out


def relink(chart: Chart, parents: tuple[str, ...] = ()) -> Chart:
    """CHART with ``parents`` set to PARENTS and every subchart re-parented beneath it."""
    own = (*parents, chart.name)
    deps = tuple(relink(d, own) for d in chart.dependencies)
    if parents == chart.parents and all(a is b for a, b in zip(deps, chart.dependencies, strict=True)):
        return chart
    return dataclasses.replace(chart, parents=parents, dependencies=deps)


def _is_manifest(name: str) -> bool:
    dot = name.rfind(".")
    slash = name.rfind("/")
    ext = name[dot:].lower() if dot > slash else ""
    return ext in (".yaml", ".yml", ".json")


def metadata_as_map(md: Metadata, *, is_root: bool | None = None) -> dict[str, Any]:
    """``.Chart`` as Helm v4 hands it to templates: the Metadata struct as a Go map.

    Keys are Go field names; string slices become ``[]interface {}`` (lists), maintainers
    and dependencies become maps of their fields; with IS_ROOT the engine's ``IsRoot`` key
    is added. ``Annotations`` is a ``map[string]string`` in Go (a dict here).
    """
    out: dict[str, Any] = {
        "Name": md.name,
        "Home": md.home,
        "Sources": list(md.sources),
        "Version": md.version,
        "Description": md.description,
        "Keywords": list(md.keywords),
        "Maintainers": [
            None if m is None else {"Name": m.name, "Email": m.email, "URL": m.url} for m in md.maintainers
        ],
        "Icon": md.icon,
        "APIVersion": md.api_version,
        "Condition": md.condition,
        "Tags": md.tags,
        "AppVersion": md.app_version,
        "Deprecated": md.deprecated,
        "Annotations": dict(md.annotations),
        "KubeVersion": md.kube_version,
        "Dependencies": [None if d is None else _dependency_map(d) for d in md.dependencies or ()],
        "Type": md.type,
    }
    if is_root is not None:
        out["IsRoot"] = is_root
    return out


def _dependency_map(d: Dependency) -> dict[str, Any]:
    return {
        "Name": d.name,
        "Version": d.version,
        "Repository": d.repository,
        "Condition": d.condition,
        "Tags": list(d.tags),
        "Enabled": d.enabled,
        "ImportValues": list(d.import_values),
        "Alias": d.alias,
    }


def _goq(s: str) -> str:
    """Go's %q of a string."""
    from chartist.gotemplate.strconv import quote

    return quote(s)
