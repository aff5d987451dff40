"""Helm's own template functions, added over Sprig's as Helm v4's engine does.

``toYaml``/``fromYaml``/``toJson``/``fromJson``... follow Helm's ``pkg/engine/funcs.go``:
errors are swallowed into empty strings or an ``Error`` key where Helm swallows them, and
``must*`` variants fail. ``include``, ``tpl``, ``required``, ``fail`` and ``lookup`` are bound
to one render (:func:`install_funcs`), because they need the template set and the engine's mode.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from chartist.engine.errors import warn_wrap
from chartist.gotemplate.values import (
    INTERFACE,
    MAP,
    SLICE,
    STRING,
    FuncError,
    GoFunc,
    gofunc,
)

if TYPE_CHECKING:
    from chartist.engine.engine import Engine
    from chartist.gotemplate.template import Template

__all__ = ["RECURSION_MAX", "helm_funcs", "install_funcs"]

# Helm's limit on nested include of one name (recursionMaxNums).
RECURSION_MAX = 1000
# chartist's own bound on nested tpl calls: Helm has none and overflows Go's stack.
TPL_DEPTH_MAX = 200


@gofunc(INTERFACE, result=STRING)
def to_yaml(v: Any) -> str:
    from chartist.goyaml import YAMLError, dump

    try:
        return dump(v).removesuffix("\n")
    except (YAMLError, ValueError, TypeError):
        return ""


@gofunc(INTERFACE, result=STRING)
def must_to_yaml(v: Any) -> str:
    from chartist.goyaml import YAMLError, dump

    try:
        return dump(v).removesuffix("\n")
    except (YAMLError, ValueError, TypeError) as err:
        raise FuncError(str(err)) from err


@gofunc(INTERFACE, result=STRING)
def to_yaml_pretty(v: Any) -> str:
    from chartist import goyaml

    try:
        pretty = getattr(goyaml, "dump_pretty", goyaml.dump)
        return str(pretty(v)).removesuffix("\n")
    except (goyaml.YAMLError, ValueError, TypeError):
        return ""


@gofunc(STRING, result=MAP)
def from_yaml(s: str) -> dict[str, Any]:
    from chartist.goyaml import YAMLError, load

    try:
        v = load(s)
    except YAMLError as err:
        return {"Error": str(err)}
    if v is None:
        return {}
    if not isinstance(v, dict):
        return {"Error": _unmarshal_type_error(v, "map[string]interface {}")}
    return v


@gofunc(STRING, result=SLICE)
def from_yaml_array(s: str) -> list[Any]:
    from chartist.goyaml import YAMLError, load

    try:
        v = load(s)
    except YAMLError as err:
        return [str(err)]
    if v is None:
        return []
    if not isinstance(v, list):
        return [_unmarshal_type_error(v, "[]interface {}")]
    return v


def _unmarshal_type_error(v: Any, into: str) -> str:
    kind = "object" if isinstance(v, dict) else "array" if isinstance(v, list) else "string"
    if isinstance(v, bool):
        kind = "bool"
    elif isinstance(v, int | float):
        kind = "number"
    return f"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {kind} into Go value of type {into}"


@gofunc(INTERFACE, result=STRING)
def to_json(v: Any) -> str:
    from chartist.goyaml import dump_json

    try:
        return dump_json(v)
    except (ValueError, TypeError):
        return ""


@gofunc(INTERFACE, result=STRING)
def must_to_json(v: Any) -> str:
    from chartist.goyaml import dump_json

    try:
        return dump_json(v)
    except (ValueError, TypeError) as err:
        raise FuncError(str(err)) from err


@gofunc(STRING, result=MAP)
def from_json(s: str) -> dict[str, Any]:
    from chartist.goyaml import YAMLError, load_json

    try:
        v = load_json(s)
    except (YAMLError, ValueError) as err:
        return {"Error": str(err)}
    if not isinstance(v, dict):
        if v is None:
            return {}
        return {"Error": _json_type_error(v, "map[string]interface {}")}
    return v


@gofunc(STRING, result=SLICE)
def from_json_array(s: str) -> list[Any]:
    from chartist.goyaml import YAMLError, load_json

    try:
        v = load_json(s)
    except (YAMLError, ValueError) as err:
        return [str(err)]
    if not isinstance(v, list):
        if v is None:
            return []
        return [_json_type_error(v, "[]interface {}")]
    return v


def _json_type_error(v: Any, into: str) -> str:
    kind = "object" if isinstance(v, dict) else "array" if isinstance(v, list) else "string"
    if isinstance(v, bool):
        kind = "bool"
    elif isinstance(v, int | float):
        kind = "number"
    return f"json: cannot unmarshal {kind} into Go value of type {into}"


@gofunc(STRING, STRING, STRING, STRING, result=MAP, error=True)
def _offline_lookup(api_version: str, kind: str, namespace: str, name: str) -> dict[str, Any]:
    return {}


@gofunc(STRING, result=STRING)
def _no_dns(host: str) -> str:
    return ""


def helm_funcs() -> dict[str, GoFunc]:
    """Helm's additions that do not depend on a render (toYaml, fromJson, ...)."""
    from chartist.engine import toml

    funcs: dict[str, GoFunc] = {
        "toYaml": to_yaml,
        "mustToYaml": must_to_yaml,
        "toYamlPretty": to_yaml_pretty,
        "fromYaml": from_yaml,
        "fromYamlArray": from_yaml_array,
        "toJson": to_json,
        "mustToJson": must_to_json,
        "fromJson": from_json,
        "fromJsonArray": from_json_array,
        "lookup": _offline_lookup,
    }
    funcs.update(toml.FUNCS)
    try:
        from chartist.engine import durations
    except ImportError:
        pass
    else:
        funcs.update(durations.FUNCS)
    return funcs


def install_funcs(t: Template, engine: Engine) -> None:
    """Give T the full Helm function map for one render by ENGINE."""
    from chartist import sprig

    funcs: dict[str, Any] = sprig.funcs()
    funcs.pop("env", None)
    funcs.pop("expandenv", None)
    funcs.update(helm_funcs())
    included: dict[str, int] = {}
    funcs["include"] = _include_func(t, included)
    funcs["tpl"] = _tpl_func(t, included, engine.strict, [0])
    lint = engine.lint_mode

    @gofunc(STRING, INTERFACE, error=True)
    def required(warn: str, val: Any) -> Any:
        if val is None or val == "" and isinstance(val, str):
            if lint:
                return ""
            raise FuncError(warn_wrap(warn))
        return val

    @gofunc(STRING, result=STRING, error=True)
    def fail(msg: str) -> str:
        if lint:
            return ""
        raise FuncError(warn_wrap(msg))

    funcs["required"] = required
    funcs["fail"] = fail
    if not lint and engine.lookup is not None:
        lookup = engine.lookup

        @gofunc(STRING, STRING, STRING, STRING, result=MAP, error=True)
        def cluster_lookup(api_version: str, kind: str, namespace: str, name: str) -> dict[str, Any]:
            return lookup(api_version, kind, namespace, name)

        funcs["lookup"] = cluster_lookup
    if not engine.enable_dns:
        funcs["getHostByName"] = _no_dns
    funcs.update(engine.custom_funcs)
    t.funcs(funcs)


def _include_func(t: Template, included: dict[str, int]) -> GoFunc:
    @gofunc(STRING, INTERFACE, result=STRING, error=True)
    def include(name: str, data: Any) -> str:
        n = included.get(name, 0)
        if n > RECURSION_MAX:
            raise FuncError(
                f"rendering template has a nested reference name: {name}: unable to execute template"
            )
        included[name] = n + 1
        try:
            return t.execute_template(name, data)
        finally:
            included[name] -= 1

    return include


def _tpl_func(parent: Template, included: dict[str, int], strict: bool, depth: list[int]) -> GoFunc:
    from chartist.gotemplate.errors import TemplateError
    from chartist.gotemplate.fmt import quote

    @gofunc(STRING, INTERFACE, result=STRING, error=True)
    def tpl(text: str, vals: Any) -> str:
        if depth[0] >= TPL_DEPTH_MAX:
            raise FuncError(f"tpl: nesting deeper than {TPL_DEPTH_MAX} levels (a template calling itself?)")
        t = parent.clone()
        t.option("missingkey=error" if strict else "missingkey=zero")
        t.funcs({"include": _include_func(t, included), "tpl": _tpl_func(t, included, strict, depth)})
        try:
            t = t.new(parent.name).parse(text)
        except TemplateError as err:
            raise FuncError(f"cannot parse template {quote(text)}: {err}") from err
        depth[0] += 1
        try:
            out = t.execute(vals)
        except TemplateError as err:
            raise FuncError(f"error during tpl function execution for {quote(text)}: {err}") from err
        finally:
            depth[0] -= 1
        return out.replace("<no value>", "")

    return tpl
