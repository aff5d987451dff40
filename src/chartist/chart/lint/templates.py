"""Lint rules for templates (Helm's ``lint/rules/template.go`` and ``deprecations.go``).

The chart is loaded, its dependencies processed and rendered with the engine in lint mode
(``required`` and ``fail`` do not stop it) as release ``test-release``; then every template of
the top chart with a YAML extension is decoded document by document: a document that cannot be
decoded ends the rule (its error is reported), each object gets the name, deprecated-API,
selector and List checks. Messages are Helm's.
"""

from __future__ import annotations

import os
import posixpath
from typing import Any

from chartist.chart.lint.support import ERROR, WARNING, Linter

__all__ = ["deprecation_warning", "lint_templates"]

_ALLOWED_EXTENSIONS = (".yaml", ".yml", ".tpl", ".txt")
_RELEASE_NAME = "test-release"


def _ext(name: str) -> str:
    base = name.rsplit("/", 1)[-1]
    dot = base.rfind(".")
    return base[dot:] if dot >= 0 else ""


def lint_templates(
    linter: Linter,
    namespace: str,
    values: dict[str, Any],
    *,
    kube_version: str | None = None,
    skip_schema_validation: bool = False,
) -> None:
    """Run the template rules on ``linter.chart_dir`` with the user's VALUES."""
    from chartist.chart.loader import load
    from chartist.errors import ChartistError

    tdir = "templates/"
    path = os.path.join(linter.chart_dir, "templates")
    if not linter.run_rule(WARNING, tdir, None if os.path.exists(path) else "directory does not exist"):
        return
    if not linter.run_rule(ERROR, tdir, None if os.path.isdir(path) else "not a directory"):
        return
    try:
        chart = load(linter.chart_dir)
    except ChartistError as err:
        linter.run_rule(ERROR, tdir, str(err))
        return
    rendered = _render(linter, chart, namespace, values, kube_version, skip_schema_validation)
    if rendered is None:
        return
    kube = _kube_major_minor(kube_version)
    for template in chart.templates:
        name = template.name
        ext = _ext(name)
        linter.run_rule(
            ERROR,
            name,
            None
            if ext in _ALLOWED_EXTENSIONS
            else f"file extension '{ext}' not valid. Valid extensions are .yaml, .yml, .tpl, or .txt",
        )
        if ext.lower() not in (".yaml", ".yml"):
            continue
        content = rendered.get(posixpath.join(chart.name, name), "")
        if not content.strip():
            continue
        linter.run_rule(WARNING, name, _top_indent(content))
        if not _lint_documents(linter, name, content, kube):
            return


def _render(
    linter: Linter,
    chart: Any,
    namespace: str,
    values: dict[str, Any],
    kube_version: str | None,
    skip_schema_validation: bool,
) -> dict[str, str] | None:
    """The rendered templates, or None when the rule stops (errors reported where Helm does)."""
    from chartist.chart.dependencies import process_dependencies
    from chartist.chart.schema import validate_values
    from chartist.chart.values import coalesce_values
    from chartist.engine.capabilities import Capabilities
    from chartist.engine.engine import Engine
    from chartist.errors import ChartistError

    try:
        chart = process_dependencies(chart, values)
        cvals = coalesce_values(chart, values)
    except ChartistError:
        return None  # Helm's linter gives up silently here
    from chartist.chart.model import metadata_as_map

    caps = Capabilities.make(kube_version)
    top: dict[str, Any] = {
        "Chart": metadata_as_map(chart.metadata),
        "Capabilities": caps,
        "Release": {
            "Name": _RELEASE_NAME,
            "Namespace": namespace,
            "IsUpgrade": False,
            "IsInstall": False,
            "Revision": 0,
            "Service": "Helm",
        },
        "Values": cvals,
    }
    try:
        if not skip_schema_validation:
            validate_values(chart, cvals)
    except ChartistError as err:
        linter.run_rule(ERROR, "templates/", str(err))
        return None
    try:
        out: dict[str, str] = Engine(lint_mode=True).render(chart, top)
    except ChartistError as err:
        linter.run_rule(ERROR, "templates/", str(err))
        return None
    return out


def _kube_major_minor(kube_version: str | None) -> tuple[int, int]:
    from chartist.engine.capabilities import DEFAULT_KUBE_VERSION, parse_kube_version

    kv = parse_kube_version(kube_version or DEFAULT_KUBE_VERSION)
    return int(kv.Major), int(kv.Minor)


def _top_indent(content: str) -> str | None:
    """Helm's validateTopIndentLevel: the first non-blank line must not be indented."""
    from chartist.gotemplate.strconv import quote

    for line in content.split("\n"):
        line = line.removesuffix("\r")  # bufio.Scanner's ScanLines drops a final \r
        if not line.strip():
            continue
        if line.startswith((" ", "\t")):
            return f"document starts with an illegal indent: {quote(line)}, which may cause parsing problems"
        return None
    return None


def _lint_documents(linter: Linter, name: str, content: str, kube: tuple[int, int]) -> bool:
    """Check every object of CONTENT; False when a document could not be decoded."""
    from chartist.chart.lint.k8syaml import DecodeFailure, decode_objects
    from chartist.chart.lint.names import validate_metadata_name

    docs = decode_objects(content)
    while True:
        try:
            obj = next(docs)
        except StopIteration:
            return True
        except DecodeFailure as err:
            linter.run_rule(ERROR, name, f"unable to parse YAML: {err}")
            return False
        if obj is None:
            continue
        linter.run_rule(WARNING, name, validate_metadata_name(obj.kind, obj.name))
        linter.run_rule(WARNING, name, deprecation_warning(obj.api_version, obj.kind, kube))
        linter.run_rule(ERROR, name, _match_selector(obj.kind, obj.name, content))
        linter.run_rule(ERROR, name, _list_annotations(obj.kind, content))


def _match_selector(kind: str, name: str, manifest: str) -> str | None:
    from chartist.gotemplate.strconv import quote

    if kind in ("Deployment", "ReplicaSet", "DaemonSet", "StatefulSet"):
        if "matchLabels" not in manifest and "matchExpressions" not in manifest:
            return f"a {kind} must contain matchLabels or matchExpressions, and {quote(name)} does not"
    return None


_POLICY = "helm.sh/resource-policy"


def _list_annotations(kind: str, manifest: str) -> str | None:
    """Helm's validateListAnnotations (on the first document of the whole file, as Helm reads it)."""
    from chartist.chart.lint.k8syaml import DecodeFailure, first_document

    if kind != "List":
        return None
    try:
        doc = first_document(manifest)
        has_policy = _list_items_policy(doc)
    except DecodeFailure as err:
        return f"unable to parse YAML: {err}"
    if has_policy:
        return "annotation 'helm.sh/resource-policy' within List objects are ignored"
    return None


_ANN_T = "map[string]string"
_MD_T = "struct { Annotations map[string]string }"
_ITEM_T = f"struct {{ Metadata {_MD_T} }}"
_ITEMS_T = f"[]{_ITEM_T}"
_LIST_T = f"struct {{ Items {_ITEMS_T} }}"


def _list_items_policy(doc: Any) -> bool:
    """Decode DOC into Helm's anonymous List struct (encoding/json rules, first type error
    raised as DecodeFailure with Go's text); True when an item carries the policy annotation."""
    from chartist.chart.chartfile import scalar_to_string
    from chartist.chart.lint.k8syaml import DecodeFailure, json_kind

    errors: list[str] = []

    def bad(v: Any, where: str, typ: str) -> None:
        errors.append(f"json: cannot unmarshal {json_kind(v)} into Go struct field {where} of type {typ}")

    found = False
    if doc is None:
        return False
    if not isinstance(doc, dict):
        raise DecodeFailure(
            "error unmarshaling JSON: while decoding JSON: "
            f"json: cannot unmarshal {json_kind(doc)} into Go value of type {_LIST_T}"
        )
    items = _field(doc, "Items")
    if items is not None and not isinstance(items, list):
        bad(items, ".Items", _ITEMS_T)
    for item in items if isinstance(items, list) else ():
        if item is None:
            continue
        if not isinstance(item, dict):
            bad(item, ".Items", _ITEM_T)
            continue
        md = _field(item, "Metadata")
        if md is None:
            continue
        if not isinstance(md, dict):
            bad(md, ".Items.Metadata", _MD_T)
            continue
        ann = _field(md, "Annotations")
        if ann is None:
            continue
        if not isinstance(ann, dict):
            bad(ann, ".Items.Metadata.Annotations", _ANN_T)
            continue
        for key in sorted(ann):
            v = scalar_to_string(ann[key])
            if v is not None and not isinstance(v, str):
                bad(v, ".Items.Metadata.Annotations", "string")
            elif key == _POLICY:
                found = True
    if errors:
        raise DecodeFailure("error unmarshaling JSON: while decoding JSON: " + errors[0])
    return found


def _field(doc: Any, name: str) -> Any:
    """encoding/json's case-insensitive field lookup in a decoded object (None when absent)."""
    if not isinstance(doc, dict):
        return None
    if name in doc:
        return doc[name]
    for key in sorted(doc, reverse=True):
        if key.lower() == name.lower():
            return doc[key]
    return None


# --- deprecated APIs -----------------------------------------------------------------------------

_TABLE: dict[tuple[str, str, str], tuple[int, int, int, int, str]] | None = None


def _table() -> dict[tuple[str, str, str], tuple[int, int, int, int, str]]:
    global _TABLE
    if _TABLE is None:
        from chartist.chart.lint.deprecated_apis import DEPRECATED_APIS

        _TABLE = {(g, v, k): (dm, dn, rm, rn, rep) for g, v, k, dm, dn, rm, rn, rep in DEPRECATED_APIS}
    return _TABLE


def _group_version(api_version: str) -> tuple[str, str]:
    """apimachinery's ParseGroupVersion as FromAPIVersionAndKind uses it ("" on error)."""
    if not api_version or api_version == "/":
        return "", ""
    parts = api_version.split("/")
    if len(parts) == 1:
        return "", api_version
    if len(parts) == 2:
        return parts[0], parts[1]
    return "", ""


def deprecation_warning(api_version: str, kind: str, kube: tuple[int, int]) -> str | None:
    """Helm's validateNoDeprecations for an object against Kubernetes KUBE (major, minor)."""
    if not api_version or not kind:
        return None
    group, version = _group_version(api_version)
    info = _table().get((group, version, kind))
    if info is None:
        return None
    dep_major, dep_minor, rem_major, rem_minor, replacement = info
    major, minor = kube
    if (major, minor) != (0, 0) and (dep_major > major or (dep_major == major and dep_minor > minor)):
        return None
    gv = f"{group}/{version}" if group else version
    text = f"{gv} {kind} is deprecated in v{dep_major}.{dep_minor}+"
    if rem_major or rem_minor:
        text += f", unavailable in v{rem_major}.{rem_minor}+"
    if replacement:
        text += f"; use {replacement}"
    return text
