"""Helm's own template functions, added over Sprig's as Helm v4's engine does.

``toYaml``/``fromYaml``/``toJson``/``fromJson``... follow Helm's ``pkg/engine/funcs.go``:
errors are swallowed into empty strings or an ``Error`` key where Helm swallows them, and
``must*`` variants fail. ``include``, ``tpl``, ``required``, ``fail`` and ``lookup`` are bound
to one render (:func:`install_funcs`), because they need the template set and the engine's mode.
"""

from __future__ import annotations

import logging
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

_log = logging.getLogger("chartist.engine")

__all__ = ["NESTING_MAX", "RECURSION_MAX", "TPL_DEPTH_MAX", "helm_funcs", "install_funcs"]

# Helm's limit on nested include of one name (recursionMaxNums).
RECURSION_MAX = 1000
# chartist's own bounds. Helm has none besides RECURSION_MAX: tpl calling itself, or includes of
# many names calling each other, overflow Go's stack. Python's C stack ends far sooner (a crash
# near 40,000 nested includes), and each tpl level copies the template set, so:
NESTING_MAX = 5000  # include and tpl calls nested in one another, all names together
TPL_DEPTH_MAX = 200  # tpl calls nested in one another


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
    from chartist.engine import durations, toml

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
    funcs.update(durations.FUNCS)  # empty in v4.2.3; see chartist.engine.durations
    return funcs


def install_funcs(t: Template, engine: Engine) -> None:
    """Give T the full Helm function map for one render by ENGINE (Helm's initFunMap)."""
    from chartist import sprig

    funcs: dict[str, Any] = sprig.funcs()
    funcs.pop("env", None)
    funcs.pop("expandenv", None)
    funcs.update(helm_funcs())
    calls = _Calls()
    funcs["include"] = _include_func(t, calls)
    funcs["tpl"] = _tpl_func(t, calls, engine.strict)
    lint = engine.lint_mode

    @gofunc(STRING, INTERFACE, error=True)
    def required(warn: str, val: Any) -> Any:
        if val is None or (isinstance(val, str) and val == ""):
            if lint:
                _log.warning("missing required value: %s", warn)
                return ""
            raise FuncError(warn_wrap(warn))
        return val

    @gofunc(STRING, result=STRING, error=True)
    def fail(msg: str) -> str:
        if lint:
            _log.info("fail: %s", msg)
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
    if engine.enable_dns:
        from chartist.sprig.network import DNS_FUNCS

        funcs.update(DNS_FUNCS)
    else:
        funcs["getHostByName"] = _no_dns
    funcs.update(engine.custom_funcs)
    t.funcs(funcs)


class _Calls:
    """Per-render bookkeeping of nested include/tpl calls (Helm's includedNames, and ours)."""

    __slots__ = ("depth", "included", "tpl_depth")

    def __init__(self) -> None:
        self.included: dict[str, int] = {}
        self.depth = 0
        self.tpl_depth = 0


def _too_deep(what: str, limit: int) -> FuncError:
    """chartist's own limits: reported like ``fail``, once, at the outermost template."""
    return FuncError(
        warn_wrap(f"{what}: more than {limit} nested calls (a template that calls itself without end?)")
    )


def _include_func(t: Template, calls: _Calls) -> GoFunc:
    @gofunc(STRING, INTERFACE, result=STRING, error=True)
    def include(name: str, data: Any) -> str:
        included = calls.included
        n = included.get(name, 0)
        if n > RECURSION_MAX:
            raise FuncError(
                f"rendering template has a nested reference name: {name}: unable to execute template"
            )
        if calls.depth >= NESTING_MAX:
            raise _too_deep("include", NESTING_MAX)
        included[name] = n + 1
        calls.depth += 1
        try:
            return t.execute_template(name, data)
        finally:
            included[name] -= 1
            calls.depth -= 1

    return include


def _tpl_func(parent: Template, calls: _Calls, strict: bool) -> GoFunc:
    from chartist.gotemplate.errors import TemplateError
    from chartist.gotemplate.fmt import quote

    @gofunc(STRING, INTERFACE, result=STRING, error=True)
    def tpl(text: str, vals: Any) -> str:
        if calls.tpl_depth >= TPL_DEPTH_MAX:
            raise _too_deep("tpl", TPL_DEPTH_MAX)
        if calls.depth >= NESTING_MAX:
            raise _too_deep("tpl", NESTING_MAX)
        t = parent.clone()
        # Go's Clone drops missingkey (golang/go#43022); Helm sets it again from its mode.
        t.option("missingkey=error" if strict else "missingkey=zero")
        t.funcs({"include": _include_func(t, calls), "tpl": _tpl_func(t, calls, strict)})
        try:
            t = t.new(parent.name).parse(text)
        except TemplateError as err:
            raise FuncError(f"cannot parse template {quote(text)}: {err}") from err
        calls.tpl_depth += 1
        calls.depth += 1
        try:
            out = t.execute(vals)
        except TemplateError as err:
            raise FuncError(f"error during tpl function execution for {quote(text)}: {err}") from err
        finally:
            calls.tpl_depth -= 1
            calls.depth -= 1
        return out.replace("<no value>", "")

    return tpl
