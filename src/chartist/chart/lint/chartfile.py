"""Lint rules for Chart.yaml (Helm's ``lint/rules/chartfile.go``), in Helm's order.

Chart.yaml is read three ways, as Helm reads it: leniently into the metadata (a failure stops
the rules), strictly (duplicate keys and unknown fields give a warning) and as a plain map for
the type checks of ``version`` and ``appVersion``. Texts are Helm's.
"""

from __future__ import annotations

import os
from typing import Any

from chartist.chart.lint.support import ERROR, INFO, WARNING, Linter
from chartist.chart.model import API_VERSION_V1, API_VERSION_V2, Metadata

__all__ = ["go_base", "lint_chartfile", "read_chartfile"]

_UNMARSHAL = "error unmarshaling JSON: while decoding JSON: "

# Chart.yaml's JSON fields per struct, for the strict decoder's unknown-field check.
_METADATA_KEYS = tuple(
    (
        "name home sources version description keywords maintainers icon apiVersion condition tags "
        "appVersion deprecated annotations kubeVersion dependencies type"
    ).split()
)
_MAINTAINER_KEYS = ("name", "email", "url")
_DEPENDENCY_KEYS = ("name", "version", "repository", "condition", "tags", "enabled", "import-values", "alias")


def go_base(path: str) -> str:
    """Go's filepath.Base on a slash path."""
    if not path:
        return "."
    path = path.rstrip("/")
    if not path:
        return "/"
    return path.rsplit("/", 1)[-1]


def _goq(s: str) -> str:
    from chartist.gotemplate.strconv import quote

    return quote(s)


def read_chartfile(path: str) -> tuple[Metadata | None, str | None, bytes]:
    """Helm's LoadChartfile: (metadata, error text, raw bytes); metadata is None on error."""
    from chartist import goyaml
    from chartist.chart.chartfile import DecodeError, decode_metadata

    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as err:
        verb = "read" if isinstance(err, IsADirectoryError) else "open"
        return None, f"{verb} {path}: {(err.strerror or str(err)).lower()}", b""
    try:
        return decode_metadata(goyaml.load(data)), None, data
    except goyaml.YAMLError as err:
        return None, str(err), data
    except DecodeError as err:
        return None, _UNMARSHAL + str(err), data


def lint_chartfile(linter: Linter) -> None:
    """Run the Chart.yaml rules on ``linter.chart_dir``."""
    name = "Chart.yaml"
    path = os.path.join(linter.chart_dir, name)
    linter.run_rule(ERROR, name, "should be a file, not a directory" if os.path.isdir(path) else None)
    md, err, data = read_chartfile(path)
    if not linter.run_rule(ERROR, name, None if err is None else f"unable to parse YAML\n\t{err}"):
        return
    assert md is not None
    strict = strict_error(data)
    linter.run_rule(
        WARNING, name, None if strict is None else f"failed to strictly parse chart metadata file\n\t{strict}"
    )
    raw = _type_check_map(data)
    linter.run_rule(ERROR, name, _chart_name(md))
    linter.run_rule(ERROR, name, _api_version(md))
    linter.run_rule(ERROR, name, _is_string(raw, "version"))
    linter.run_rule(ERROR, name, _version(md))
    linter.run_rule(ERROR, name, _is_string(raw, "appVersion"))
    linter.run_rule(ERROR, name, _maintainers(md))
    linter.run_rule(ERROR, name, _sources(md))
    linter.run_rule(INFO, name, None if md.icon else "icon is recommended")
    linter.run_rule(ERROR, name, _icon_url(md))
    linter.run_rule(ERROR, name, _chart_type(md))
    linter.run_rule(ERROR, name, _dependencies(md))
    linter.run_rule(WARNING, name, _strict_semver(md))


def _type_check_map(data: bytes) -> dict[str, Any]:
    from chartist import goyaml

    try:
        doc = goyaml.load(data)
    except goyaml.YAMLError:
        return {}
    return doc if isinstance(doc, dict) else {}


def _go_type(v: Any) -> str:
    """Go's ``%T`` of a value decoded from YAML into interface{}."""
    if v is None:
        return "<nil>"
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int | float):
        return "float64"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "[]interface {}"
    return "map[string]interface {}"


def _is_string(raw: dict[str, Any], key: str) -> str | None:
    if key not in raw:
        return None
    t = _go_type(raw[key])
    return None if t == "string" else f"{key} should be of type string but it's of type {t}"


def _chart_name(md: Metadata) -> str | None:
    if not md.name:
        return "name is required"
    if go_base(md.name) != md.name:
        return f"chart name {_goq(md.name)} is invalid"
    return None


def _api_version(md: Metadata) -> str | None:
    if not md.api_version:
        return 'apiVersion is required. The value must be either "v1" or "v2"'
    if md.api_version not in (API_VERSION_V1, API_VERSION_V2):
        return f'apiVersion \'{md.api_version}\' is not valid. The value must be either "v1" or "v2"'
    return None


def _version(md: Metadata) -> str | None:
    from chartist.semver import SemverError, parse_constraint, parse_version

    if not md.version:
        return "version is required"
    try:
        v = parse_version(md.version)
    except SemverError:
        return f"version '{md.version}' is not a valid SemVer"
    ok, reasons = parse_constraint(">0.0.0-0").validate(v)
    if not ok and reasons:
        return f"version {reasons[0]}"
    return None


def _strict_semver(md: Metadata) -> str | None:
    from chartist.semver import SemverError, parse_version

    try:
        parse_version(md.version, strict=True)
    except SemverError:
        return f"version '{md.version}' is not a valid SemVerV2"
    return None


def _maintainers(md: Metadata) -> str | None:
    from chartist.chart.lint.govalidator import is_email, is_url

    for m in md.maintainers:
        if m is None:
            return "a maintainer entry is empty"
        if not m.name:
            return "each maintainer requires a name"
        if m.email and not is_email(m.email):
            return f"invalid email '{m.email}' for maintainer '{m.name}'"
        if m.url and not is_url(m.url):
            return f"invalid url '{m.url}' for maintainer '{m.name}'"
    return None


def _sources(md: Metadata) -> str | None:
    from chartist.chart.lint.govalidator import is_request_url

    for s in md.sources:
        if not s or not is_request_url(s):
            return f"invalid source URL '{s}'"
    return None


def _icon_url(md: Metadata) -> str | None:
    from chartist.chart.lint.govalidator import is_request_url

    if md.icon and not is_request_url(md.icon):
        return f"invalid icon URL '{md.icon}'"
    return None


def _chart_type(md: Metadata) -> str | None:
    if md.type and md.api_version != API_VERSION_V2:
        return f"chart type is not valid in apiVersion '{md.api_version}'. It is valid in apiVersion 'v2'"
    return None


def _dependencies(md: Metadata) -> str | None:
    if md.dependencies and md.api_version != API_VERSION_V2:
        return (
            f"dependencies are not valid in the Chart file with apiVersion '{md.api_version}'. "
            "They are valid in apiVersion 'v2'"
        )
    return None


# --- strict reading (sigs.k8s.io/yaml.UnmarshalStrict) --------------------------------------------


def strict_error(data: bytes) -> str | None:
    """What UnmarshalStrict adds to a Chart.yaml the lenient reading accepted, or None.

    First go-yaml's duplicate keys (``yaml: unmarshal errors:`` with one line per key, in any
    mapping of the first document), then encoding/json's first unknown field, looking at keys
    in sorted order as json.Marshal wrote them.
    """
    dups = _duplicate_keys(data)
    if dups:
        lines = "".join(f"\n  line {line}: key {key} already set in map" for line, key in dups)
        return "error converting YAML to JSON: yaml: unmarshal errors:" + lines
    from chartist import goyaml

    try:
        doc = goyaml.load(data)
    except goyaml.YAMLError:
        return None
    unknown = _unknown_field(doc, _METADATA_KEYS, top=True)
    return None if unknown is None else f"{_UNMARSHAL}json: unknown field {_goq(unknown)}"


def _duplicate_keys(data: bytes) -> list[tuple[int, str]]:
    import yaml

    try:
        node = next(iter(yaml.compose_all(data, Loader=yaml.CSafeLoader)), None)
    except yaml.YAMLError:
        return []
    out: list[tuple[int, str]] = []
    seen_nodes: set[int] = set()

    def walk(n: Any) -> None:
        if id(n) in seen_nodes:
            return
        seen_nodes.add(id(n))
        if isinstance(n, yaml.MappingNode):
            keys: set[tuple[str, str]] = set()
            for k, v in n.value:
                if isinstance(k, yaml.ScalarNode) and k.tag != "tag:yaml.org,2002:merge":
                    ident = (k.tag, k.value)
                    if ident in keys:
                        out.append((v.start_mark.line + 1, _go_key(k)))
                    keys.add(ident)
                walk(v)
        elif isinstance(n, yaml.SequenceNode):
            for item in n.value:
                walk(item)

    if node is not None:
        walk(node)
    return out


def _go_key(k: Any) -> str:
    """Go's ``%#v`` of a decoded scalar key."""
    if k.tag == "tag:yaml.org,2002:str":
        return _goq(k.value)
    return str(k.value)


def _unknown_field(doc: Any, known: tuple[str, ...], *, top: bool = False) -> str | None:
    if not isinstance(doc, dict):
        return None
    folded = {k.lower(): k for k in known}
    for key in sorted(doc):
        name = key if key in known else folded.get(key.lower())
        if name is None:
            return str(key)
        if top and name in ("maintainers", "dependencies") and isinstance(doc[key], list):
            inner = _MAINTAINER_KEYS if name == "maintainers" else _DEPENDENCY_KEYS
            for item in doc[key]:
                found = _unknown_field(item, inner)
                if found is not None:
                    return found
    return None
