"""Sprig's JSON functions: toJson, toPrettyJson, toRawJson, fromJson and their must* forms.

Semantics are Sprig v3's (defaults.go): ``toJson`` and ``toPrettyJson`` swallow encoding errors
and return ""; ``toRawJson`` panics, which text/template reports like a returned error;
``fromJson`` returns nil on bad input; the ``must`` forms return the error. Bytes come from
:mod:`chartist.goyaml` (Go's encoding/json). Helm replaces ``toJson``, ``mustToJson`` and
``fromJson`` with its own in the engine; the rest reach templates from here.
"""

from __future__ import annotations

from typing import Any

from chartist.gotemplate.values import INTERFACE, STRING, FuncError, GoFunc, gofunc
from chartist.goyaml import YAMLError, dump_json, load_json

__all__ = ["FUNCS"]


@gofunc(INTERFACE, result=STRING)
def to_json(v: Any) -> str:
    """json.Marshal(v), "" on error."""
    try:
        return dump_json(v)
    except YAMLError:
        return ""


@gofunc(INTERFACE, result=STRING, error=True)
def must_to_json(v: Any) -> str:
    """json.Marshal(v) or its error."""
    try:
        return dump_json(v)
    except YAMLError as err:
        raise FuncError(str(err)) from None


@gofunc(INTERFACE, result=STRING)
def to_pretty_json(v: Any) -> str:
    """json.MarshalIndent(v, "", "  "), "" on error."""
    try:
        return dump_json(v, indent="  ")
    except YAMLError:
        return ""


@gofunc(INTERFACE, result=STRING, error=True)
def must_to_pretty_json(v: Any) -> str:
    """json.MarshalIndent(v, "", "  ") or its error."""
    try:
        return dump_json(v, indent="  ")
    except YAMLError as err:
        raise FuncError(str(err)) from None


@gofunc(INTERFACE, result=STRING)
def to_raw_json(v: Any) -> str:
    """JSON without HTML escaping; an encoding error panics (reported as the call's error)."""
    try:
        return dump_json(v, escape_html=False)
    except YAMLError as err:
        raise FuncError(str(err)) from None


@gofunc(INTERFACE, result=STRING, error=True)
def must_to_raw_json(v: Any) -> str:
    """JSON without HTML escaping, or the error."""
    try:
        return dump_json(v, escape_html=False)
    except YAMLError as err:
        raise FuncError(str(err)) from None


@gofunc(STRING, result=INTERFACE)
def from_json(s: str) -> Any:
    """json.Unmarshal into interface{}; nil on error."""
    try:
        return load_json(s)
    except YAMLError:
        return None


@gofunc(STRING, result=INTERFACE, error=True)
def must_from_json(s: str) -> Any:
    """json.Unmarshal into interface{} or its error."""
    try:
        return load_json(s)
    except YAMLError as err:
        raise FuncError(str(err)) from None


FUNCS: dict[str, GoFunc] = {
    "fromJson": from_json,
    "mustFromJson": must_from_json,
    "mustToJson": must_to_json,
    "mustToPrettyJson": must_to_pretty_json,
    "mustToRawJson": must_to_raw_json,
    "toJson": to_json,
    "toPrettyJson": to_pretty_json,
    "toRawJson": to_raw_json,
}
