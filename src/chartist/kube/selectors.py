"""Label and field selectors: parse once, match many (Kubernetes' selector syntax).

Labels: comma-separated requirements ``k``, ``!k``, ``k=v``, ``k==v``, ``k!=v``, ``k in (a,b)``,
``k notin (a,b)``, ``k>n``, ``k<n``; an empty selector matches everything. Fields: ``path=v``,
``path==v``, ``path!=v`` over dotted paths such as ``metadata.name`` or ``status.phase``.
Used by the in-memory fake; the client sends selectors to the server as text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

Matcher = Callable[[Mapping[str, Any]], bool]

_SET_RE = re.compile(r"^\s*(!?)\s*([A-Za-z0-9._/-]+)\s*(?:(notin|in)\s*\(([^)]*)\))?\s*$")
_OP_RE = re.compile(r"^\s*([A-Za-z0-9._/-]+)\s*(==|!=|=|>|<)\s*([A-Za-z0-9._-]*)\s*$")


def _split(selector: str) -> list[str]:
    parts, depth, cur = [], 0, ""
    for ch in selector:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return [p for p in parts if p.strip()]


def _label_requirement(text: str) -> Callable[[Mapping[str, str]], bool]:
    m = _OP_RE.match(text)
    if m:
        key, op, value = m.groups()
        if op in ("=", "=="):
            return lambda labels: labels.get(key) == value
        if op == "!=":
            return lambda labels: labels.get(key) != value
        try:
            bound = int(value)
        except ValueError:
            raise ValueError(
                f"unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer: {text.strip()}"
            ) from None

        def compare(labels: Mapping[str, str]) -> bool:
            try:
                have = int(labels[key])
            except (KeyError, ValueError):
                return False
            return have > bound if op == ">" else have < bound

        return compare
    m = _SET_RE.match(text)
    if not m:
        raise ValueError(f"unable to parse requirement: {text.strip()!r}")
    negate, key, op, values = m.groups()
    if op is None:
        return (lambda labels: key not in labels) if negate else (lambda labels: key in labels)
    if negate:
        raise ValueError(f"unable to parse requirement: {text.strip()!r}")
    allowed = {v.strip() for v in values.split(",") if v.strip()}
    if op == "in":
        return lambda labels: labels.get(key) in allowed
    return lambda labels: labels.get(key) not in allowed


def label_matcher(selector: str) -> Matcher:
    """A predicate over objects for a label selector; ValueError when it does not parse."""
    reqs = [_label_requirement(part) for part in _split(selector)]

    def match(obj: Mapping[str, Any]) -> bool:
        labels = (obj.get("metadata") or {}).get("labels") or {}
        return all(req(labels) for req in reqs)

    return match


def _field_value(obj: Mapping[str, Any], path: str) -> str:
    cur: Any = obj
    for part in path.split("."):
        if not isinstance(cur, Mapping):
            return ""
        cur = cur.get(part)
    if cur is None:
        return ""
    if isinstance(cur, bool):
        return "true" if cur else "false"
    return str(cur)


def field_matcher(selector: str) -> Matcher:
    """A predicate over objects for a field selector; ValueError when it does not parse."""
    reqs: list[tuple[str, bool, str]] = []
    for part in _split(selector):
        m = re.match(r"^\s*([A-Za-z0-9._-]+)\s*(==|!=|=)\s*(.*?)\s*$", part)
        if not m:
            raise ValueError(f"invalid selector: '{selector}'; can't understand '{part.strip()}'")
        key, op, value = m.groups()
        reqs.append((key, op != "!=", value))

    def match(obj: Mapping[str, Any]) -> bool:
        return all((_field_value(obj, key) == value) == equal for key, equal, value in reqs)

    return match
