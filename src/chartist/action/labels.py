"""Kubernetes label selectors as ``helm list --selector`` reads them (apimachinery's ``labels.Parse``).

Grammar (k8s.io/apimachinery v0.36 ``pkg/labels/selector.go``)::

    selector    := requirement ("," requirement)*
    requirement := "!" KEY | KEY [ ("in" | "notin") "(" values ")" | ("=" | "==" | "!=" | ">" | "<") VALUE ]
    values      := VALUE? ("," VALUE?)*

Hand-written because the selector must accept, reject and match exactly as Helm's does, with
the same messages: ``unable to parse requirement: <nil>: Invalid value: "k@y": name part must
consist of ...``, ``found ',', expected: identifier after ','``. Keys are validated as qualified
names (an optional DNS-subdomain prefix and ``/``), values as label values; ``>``/``<`` need
base-10 integers. A key with no operator means "exists"; ``!key`` means "does not exist".

:func:`parse_selector` raises :class:`SelectorError`; the result's ``matches(labels)`` tests a
label map.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from chartist.errors import ChartistError

__all__ = ["Requirement", "Selector", "SelectorError", "parse_selector"]


class SelectorError(ChartistError):
    """A label selector does not parse; ``str()`` is apimachinery's message."""


# Tokens, as the lexer names them.
_END, _CLOSE, _COMMA, _NOT, _EQ2, _EQ, _GT, _ID, _IN, _LT, _NE, _NOTIN, _OPEN = range(1, 14)
_SYMBOLS: Final = {")": _CLOSE, ",": _COMMA, "!": _NOT, "==": _EQ2, "=": _EQ, ">": _GT, "<": _LT,
                   "!=": _NE, "(": _OPEN}  # fmt: skip
_KEYWORDS: Final = {"in": _IN, "notin": _NOTIN}
_SPECIAL: Final = frozenset("=!(),><")
_SPACE: Final = frozenset(" \t\r\n")
_BINARY_OPERATORS: Final = "in, notin, =, ==, !=, gt, lt"
_OPERATOR: Final = {_IN: "in", _NOTIN: "notin", _EQ: "=", _EQ2: "==", _NE: "!=", _GT: "gt", _LT: "lt"}

_NAME_PART: Final = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
_NAME_RE: Final = re.compile(_NAME_PART + r"\Z")
_DNS_LABEL: Final = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
_DNS_SUBDOMAIN: Final = _DNS_LABEL + "(\\." + _DNS_LABEL + ")*"
_SUBDOMAIN_RE: Final = re.compile(_DNS_SUBDOMAIN + r"\Z")
_NAME_MSG: Final = (
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
    f"'{_NAME_PART}')"
)
_VALUE_MSG: Final = (
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must "
    "start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used "
    f"for validation is '({_NAME_PART})?')"
)
_SUBDOMAIN_MSG: Final = (
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
    f"start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '{_DNS_SUBDOMAIN}')"
)
_INT_RE: Final = re.compile(r"[+-]?[0-9]+\Z")


def _quote(s: str) -> str:
    from chartist.gotemplate.strconv import quote

    return quote(s)


def _key_errors(key: str) -> list[str]:
    """content.IsLabelKey: why KEY is not a qualified name."""
    parts = key.split("/")
    errs: list[str] = []
    if len(parts) > 2:
        return [
            f"a valid label key {_NAME_MSG} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
        ]
    name = parts[-1]
    if len(parts) == 2:
        prefix = parts[0]
        if not prefix:
            errs.append("prefix part must be non-empty")
        else:
            if len(prefix.encode()) > 253:
                errs.append("prefix part must be no more than 253 bytes")
            if not _SUBDOMAIN_RE.match(prefix):
                errs.append("prefix part " + _SUBDOMAIN_MSG)
    if not name:
        errs.append("name part must be non-empty")
    elif len(name.encode()) > 63:
        errs.append("name part must be no more than 63 bytes")
    if not _NAME_RE.match(name):
        errs.append("name part " + _NAME_MSG)
    return errs


def _value_errors(value: str) -> list[str]:
    """content.IsLabelValue: why VALUE is not a label value."""
    errs = ["must be no more than 63 bytes"] if len(value.encode()) > 63 else []
    if value and not _NAME_RE.match(value):
        errs.append(_VALUE_MSG)
    return errs


def _invalid(path: str, value: str, detail: str) -> str:
    """field.Invalid(...).Error() for a string value."""
    return f"{path}: Invalid value: {_quote(value)}: {detail}"


@dataclass(frozen=True, slots=True)
class Requirement:
    """KEY OPERATOR VALUES; ``operator`` is apimachinery's name (``=``, ``in``, ``exists``, ``gt``...)."""

    key: str
    operator: str
    values: tuple[str, ...] = ()

    def matches(self, labels: Mapping[str, str]) -> bool:
        op = self.operator
        if op in ("in", "=", "=="):
            return self.key in labels and labels[self.key] in self.values
        if op in ("notin", "!="):
            return self.key not in labels or labels[self.key] not in self.values
        if op == "exists":
            return self.key in labels
        if op == "!":
            return self.key not in labels
        if op in ("gt", "lt") and self.key in labels and len(self.values) == 1:
            have, want = labels[self.key], self.values[0]
            if not (_INT_RE.match(have) and _INT_RE.match(want)):
                return False
            return int(have) > int(want) if op == "gt" else int(have) < int(want)
        return False


@dataclass(frozen=True, slots=True)
class Selector:
    """Requirements that must all hold (sorted by key, as apimachinery keeps them)."""

    requirements: tuple[Requirement, ...] = ()

    def matches(self, labels: Mapping[str, str]) -> bool:
        return all(r.matches(labels) for r in self.requirements)


def _lex(text: str) -> list[tuple[int, str]]:
    """The token stream of TEXT, ending with the end token (a NUL byte also ends it, as in Go)."""
    out: list[tuple[int, str]] = []
    i, n = 0, len(text)
    while True:
        while i < n and text[i] in _SPACE:
            i += 1
        if i >= n or text[i] == "\0":
            out.append((_END, ""))
            return out
        if text[i] in _SPECIAL:
            j, last = i, (0, "")
            while j < n and text[j] in _SPECIAL:
                tok = _SYMBOLS.get(text[i : j + 1])
                if tok is not None:
                    last = (tok, text[i : j + 1])
                elif last[0]:
                    break
                j += 1
            # Every single symbol is a token, so `last` is always set here.
            out.append(last)
            i += len(last[1])
            continue
        j = i
        while j < n and text[j] not in _SPECIAL and text[j] not in _SPACE and text[j] != "\0":
            j += 1
        word = text[i:j]
        out.append((_KEYWORDS.get(word, _ID), word))
        i = j


class _Parser:
    def __init__(self, text: str) -> None:
        self.items = _lex(text)
        self.pos = 0

    def peek(self, values: bool = True) -> tuple[int, str]:
        tok, lit = self.items[self.pos]
        return (_ID, lit) if values and tok in (_IN, _NOTIN) else (tok, lit)

    def take(self, values: bool = True) -> tuple[int, str]:
        item = self.peek(values)
        self.pos += 1
        return item

    def parse(self) -> list[Requirement]:
        reqs: list[Requirement] = []
        while True:
            tok, lit = self.peek()
            if tok == _END:
                return reqs
            if tok not in (_ID, _NOT):
                raise SelectorError(f"found '{lit}', expected: !, identifier, or 'end of string'")
            try:
                reqs.append(self.requirement())
            except SelectorError as err:
                raise SelectorError(f"unable to parse requirement: {err}") from None
            tok, lit = self.take()
            if tok == _END:
                return reqs
            if tok != _COMMA:
                raise SelectorError(f"found '{lit}', expected: ',' or 'end of string'")
            tok2, lit2 = self.peek()
            if tok2 not in (_ID, _NOT):
                raise SelectorError(f"found '{lit2}', expected: identifier after ','")

    def requirement(self) -> Requirement:
        operator = ""
        tok, key = self.take()
        if tok == _NOT:
            operator = "!"
            tok, key = self.take()
        if tok != _ID:
            raise SelectorError(f"found '{key}', expected: identifier")
        errs = _key_errors(key)
        if errs:
            raise SelectorError(_invalid("<nil>", key, "; ".join(errs)))
        if self.peek()[0] in (_END, _COMMA):
            operator = operator or "exists"
        if operator in ("!", "exists"):
            return Requirement(key, operator)
        tok, lit = self.take(values=False)
        if tok not in _OPERATOR:
            raise SelectorError(f"found '{lit}', expected: {_BINARY_OPERATORS}")
        operator = _OPERATOR[tok]
        values = self.value_set() if operator in ("in", "notin") else self.exact_value()
        return _new_requirement(key, operator, sorted(values))

    def value_set(self) -> set[str]:
        tok, lit = self.take()
        if tok != _OPEN:
            raise SelectorError(f"found '{lit}' expected: '('")
        tok, lit = self.peek()
        if tok == _CLOSE:
            self.take()
            return {""}
        if tok not in (_ID, _COMMA):
            raise SelectorError(f"found '{lit}', expected: ',', ')' or identifier")
        values = self.identifiers()
        if self.take()[0] != _CLOSE:
            raise SelectorError(f"found '{lit}', expected: ')'")
        return values

    def identifiers(self) -> set[str]:
        values: set[str] = set()
        while True:
            tok, lit = self.take()
            if tok == _ID:
                values.add(lit)
                tok2, lit2 = self.peek()
                if tok2 == _CLOSE:
                    return values
                if tok2 != _COMMA:
                    raise SelectorError(f"found '{lit2}', expected: ',' or ')'")
            elif tok == _COMMA:
                if not values:
                    values.add("")
                tok2 = self.peek()[0]
                if tok2 == _CLOSE:
                    values.add("")
                    return values
                if tok2 == _COMMA:
                    values.add("")
            else:
                raise SelectorError(f"found '{lit}', expected: ',', or identifier")

    def exact_value(self) -> set[str]:
        if self.peek()[0] in (_END, _COMMA):
            return {""}
        tok, lit = self.take()
        if tok == _ID:
            return {lit}
        raise SelectorError(f"found '{lit}', expected: identifier")


def _new_requirement(key: str, operator: str, values: list[str]) -> Requirement:
    """labels.NewRequirement's checks of the values (the key was checked while parsing)."""
    errs: list[str] = []
    if operator in ("gt", "lt"):
        if len(values) != 1:
            errs.append(
                f"values: Invalid value: {_json_list(values)}: for 'Gt', 'Lt' operators, exactly one value is required"
            )
        for i, v in enumerate(values):
            if not _INT_RE.match(v) or not -(1 << 63) <= int(v) < 1 << 63:
                errs.append(
                    _invalid(f"values[{i}]", v, "for 'Gt', 'Lt' operators, the value must be an integer")
                )
    for i, v in enumerate(values):
        problems = _value_errors(v)
        if problems:
            errs.append(_invalid(f"values[{i}][{key}]", v, "; ".join(problems)))
    unique = list(dict.fromkeys(errs))
    if len(unique) == 1:
        raise SelectorError(unique[0])
    if unique:
        raise SelectorError("[" + ", ".join(unique) + "]")
    return Requirement(key, operator, tuple(values))


def _json_list(values: list[str]) -> str:
    from chartist.goyaml import dump_json

    return dump_json(values)


def parse_selector(text: str) -> Selector:
    """labels.Parse(TEXT); raises SelectorError with apimachinery's message."""
    reqs = _Parser(text).parse()
    reqs.sort(key=lambda r: r.key)
    return Selector(tuple(reqs))
