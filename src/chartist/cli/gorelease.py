"""A stored release as Go's structs, for ``get all --template`` (Helm's ``tpl`` over
``{"Release": *release.Release}``).

Templates reach fields by their Go names: ``{{ .Release.Name }}``,
``{{ .Release.Info.Status }}``, ``{{ .Release.Chart.Metadata.Version }}``,
``{{ .Release.Info.LastDeployed.Format "2006-01-02" }}``. Times are Go ``time.Time`` values
(in the zone Go gives a stored time, see :mod:`chartist.cli.output`), statuses and events are
strings, ``Config`` is nil when the release was stored without user values. The template is
plain text/template with no extra functions and ``missingkey=default``, as in Helm.
"""

from __future__ import annotations

from typing import Any, ClassVar

from chartist.chart.model import Chart, Dependency, File, Maintainer, Metadata
from chartist.gotemplate import GoObject, StrSlice
from chartist.release.model import Hook, HookExecution, Info, Release

__all__ = ["GoRelease", "execute_release_template"]


class _Struct(GoObject):
    """A pointer to a Go struct whose fields are set at construction."""

    go_kind = "ptr"
    go_fields: ClassVar[tuple[str, ...]] = ()

    def __init__(self, **fields: Any) -> None:
        for name in self.go_fields:
            setattr(self, name, fields.get(name))


class _File(_Struct):
    go_type = "*common.File"
    go_fields = ("Name", "ModTime", "Data")


class _Maintainer(_Struct):
    go_type = "*v2.Maintainer"
    go_fields = ("Name", "Email", "URL")


class _Dependency(_Struct):
    go_type = "*v2.Dependency"
    go_fields = ("Name", "Version", "Repository", "Condition", "Tags", "Enabled", "ImportValues", "Alias")


class _Metadata(_Struct):
    go_type = "*v2.Metadata"
    go_fields = (
        "Name", "Home", "Sources", "Version", "Description", "Keywords", "Maintainers", "Icon", "APIVersion",
        "Condition", "Tags", "AppVersion", "Deprecated", "Annotations", "KubeVersion", "Dependencies", "Type",
    )  # fmt: skip


class _Chart(_Struct):
    go_type = "*v2.Chart"
    go_fields = (
        "Raw",
        "Metadata",
        "Lock",
        "Templates",
        "Values",
        "Schema",
        "SchemaModTime",
        "Files",
        "ModTime",
    )


class _HookExecution(GoObject):
    go_type = "v1.HookExecution"
    go_kind = "struct"
    go_fields = ("StartedAt", "CompletedAt", "Phase")

    def __init__(self, run: HookExecution) -> None:
        self.StartedAt = _time(run.started_at)
        self.CompletedAt = _time(run.completed_at)
        self.Phase = run.phase


class _Hook(_Struct):
    go_type = "*v1.Hook"
    go_fields = ("Name", "Kind", "Path", "Manifest", "Events", "LastRun", "Weight", "DeletePolicies",
                 "OutputLogPolicies")  # fmt: skip


class _Info(_Struct):
    go_type = "*v1.Info"
    go_fields = ("FirstDeployed", "LastDeployed", "Deleted", "Description", "Status", "Notes", "Resources")


class GoRelease(_Struct):
    """``*release.Release`` of Helm v4.2.3."""

    go_type = "*v1.Release"
    go_fields = ("Name", "Info", "Chart", "Config", "Manifest", "Hooks", "Version", "Namespace", "Labels",
                 "ApplyMethod")  # fmt: skip

    @classmethod
    def of(cls, rel: Release) -> GoRelease:
        return cls(
            Name=rel.name,
            Info=_info(rel.info),
            Chart=None if rel.chart is None else _chart(rel.chart),
            Config=rel.config or None,
            Manifest=rel.manifest,
            Hooks=[_hook(h) for h in rel.hooks],
            Version=rel.version,
            Namespace=rel.namespace,
            Labels=dict(rel.labels) or None,
            ApplyMethod=rel.apply_method,
        )


def _time(t: Any) -> Any:
    from chartist.cli.output import go_time

    return go_time(t)


def _unix_time(seconds: float) -> Any:
    from chartist.sprig import gotime

    if not seconds:
        return gotime.zero_time()
    whole = int(seconds)
    return gotime.Time(whole, round((seconds - whole) * 1e9), gotime.local)


def _info(info: Info) -> _Info:
    return _Info(
        FirstDeployed=_time(info.first_deployed),
        LastDeployed=_time(info.last_deployed),
        Deleted=_time(info.deleted),
        Description=info.description,
        Status=str(info.status),
        Notes=info.notes,
        Resources=info.resources,
    )


def _hook(h: Hook) -> _Hook:
    return _Hook(
        Name=h.name, Kind=h.kind, Path=h.path, Manifest=h.manifest, Events=StrSlice(h.events),
        LastRun=_HookExecution(h.last_run), Weight=h.weight, DeletePolicies=StrSlice(h.delete_policies),
        OutputLogPolicies=StrSlice(h.output_log_policies),
    )  # fmt: skip


def _file(f: File) -> _File:
    return _File(Name=f.name, ModTime=_unix_time(f.mod_time), Data=f.data)


def _maintainer(m: Maintainer | None) -> _Maintainer | None:
    return None if m is None else _Maintainer(Name=m.name, Email=m.email, URL=m.url)


def _dependency(d: Dependency | None) -> _Dependency | None:
    if d is None:
        return None
    return _Dependency(
        Name=d.name, Version=d.version, Repository=d.repository, Condition=d.condition, Tags=StrSlice(d.tags),
        Enabled=d.enabled, ImportValues=list(d.import_values), Alias=d.alias,
    )  # fmt: skip


def _metadata(md: Metadata) -> _Metadata:
    return _Metadata(
        Name=md.name, Home=md.home, Sources=StrSlice(md.sources), Version=md.version,
        Description=md.description, Keywords=StrSlice(md.keywords),
        Maintainers=[_maintainer(m) for m in md.maintainers], Icon=md.icon, APIVersion=md.api_version,
        Condition=md.condition, Tags=md.tags, AppVersion=md.app_version, Deprecated=md.deprecated,
        Annotations=dict(md.annotations), KubeVersion=md.kube_version,
        Dependencies=[_dependency(d) for d in md.dependencies or ()], Type=md.type,
    )  # fmt: skip


def _chart(c: Chart) -> _Chart:
    return _Chart(
        Raw=[], Metadata=_metadata(c.metadata), Lock=None, Templates=[_file(f) for f in c.templates],
        Values=c.values, Schema=c.schema, SchemaModTime=_unix_time(0), Files=[_file(f) for f in c.files],
        ModTime=_unix_time(c.mod_time),
    )  # fmt: skip


def execute_release_template(text: str, rel: Release) -> str:
    """Helm's tpl(TEXT, {"Release": rel}): parse as template ``_`` and execute.

    Raises ChartistError with Go's parse or execution message.
    """
    from chartist.errors import ChartistError
    from chartist.gotemplate import Template, TemplateError

    try:
        return Template("_").parse(text).execute({"Release": GoRelease.of(rel)})
    except TemplateError as err:
        raise ChartistError(str(err)) from err
