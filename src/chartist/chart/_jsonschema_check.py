"""Validating values against a compiled schema, as santhosh-tekuri/jsonschema v6 does.

The Go validator's algorithm, kept step for step because Helm prints its result: per schema
``type``, ``const``, ``enum`` and ``format`` fail alone (nothing else is reported), then
``$ref``, the keywords of the value's type, ``$recursiveRef``/``$dynamicRef``, ``not``/
``allOf``/``anyOf``/``oneOf``/``if``, and ``unevaluated*``; one error is passed up as is,
several become a ``validation failed`` group. Messages are the library's, printed through
golang.org/x/text as Helm does (``1,500``, ``1×10⁰⁶``). Where Go iterates a map (object
properties), the order here is sorted, Go's is random.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from chartist.chart._jsonschema import Num, Resource, Schema
from chartist.chart._schemafmt import FORMATS
from chartist.gotemplate.strconv import format_float as go_float
from chartist.gotemplate.strconv import quote as go_quote
from chartist.sprig.goregexp import compile_go

_TYPE_ORDER = ("null", "boolean", "number", "integer", "string", "array", "object")


def _rat(v: Any) -> Fraction:
    """big.Rat of fmt.Sprint(v), as the Go library compares numbers."""
    if isinstance(v, Num):
        return v.frac
    if isinstance(v, float):
        return Fraction(go_float(v))
    return Fraction(int(v))


def type_of(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int | float | Num):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    if isinstance(v, dict):
        return "object"
    return ""


def _is_int(v: Any) -> bool:
    try:
        return _rat(v).denominator == 1
    except (ValueError, ZeroDivisionError, OverflowError):
        return False


def equals(a: Any, b: Any) -> bool:
    ta, tb = type_of(a), type_of(b)
    if ta != tb:
        return False
    if ta == "number":
        return _rat(a) == _rat(b)
    if ta == "object":
        return a.keys() == b.keys() and all(equals(a[k], b[k]) for k in a)
    if ta == "array":
        return len(a) == len(b) and all(equals(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def quote(s: str) -> str:
    """The library's single-quoted form of a string."""
    q = go_quote(s).replace('\\"', '"').replace("'", "\\'")
    return "'" + q[1:-1] + "'"


def _display(v: Any) -> str:
    if isinstance(v, str):
        return quote(v)
    if isinstance(v, list | dict):
        return "value"
    if isinstance(v, Num):
        return v.text
    if v is None:
        return "<nil>"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return go_float(v)
    return str(v)


_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _xint(n: int) -> str:
    """An int as golang.org/x/text's English printer writes %d: digits grouped by commas."""
    return f"{n:,}"


def _xfloat(r: Fraction) -> str:
    """A number as x/text's English printer writes %v of a float64: ``1,234.5``, ``1×10⁰⁶``."""
    text = go_float(float(r))
    mant, e, exp = text.partition("e")
    if e:
        sign = "-" if exp.startswith("-") else ""
        return f"{mant}×10{(sign + exp.lstrip('+-')).translate(_SUPERSCRIPT)}"
    neg = mant.startswith("-")
    intpart, dot, frac = mant.lstrip("-").partition(".")
    grouped = f"{int(intpart):,}" if intpart.isdigit() else intpart
    return ("-" if neg else "") + grouped + dot + frac


def _ptr(tokens: tuple[str, ...]) -> str:
    return "".join("/" + t.replace("~", "~0").replace("/", "~1") for t in tokens)


@dataclass
class VError:
    """One node of the error tree: KIND names the Go error kind, MSG its text."""

    kind: str
    msg: str
    vloc: tuple[str, ...]
    causes: list[VError] = field(default_factory=list)

    def display(self, out: list[str], indent: int = 0) -> None:
        if not (self.kind == "reference" and len(self.causes) == 1):
            if indent > 0:
                out.append("\n" + "  " * (indent - 1) + "- ")
            indent += 1
            if self.kind == "schema":
                out.append(self.msg)
            else:
                out.append(f"at {quote(_ptr(self.vloc))}: {self.msg}")
        for c in self.causes:
            c.display(out, indent)

    def __str__(self) -> str:
        out: list[str] = []
        self.display(out)
        return "".join(out)


@dataclass
class _Uneval:
    props: set[str] | None = None
    items: set[int] | None = None

    def merge(self, other: _Uneval | None) -> None:
        if other is None:
            return
        if self.props is not None:
            self.props &= other.props or set()
        if self.items is not None:
            self.items &= other.items or set()

    def empty(self) -> bool:
        return not self.props and not self.items


def _uneval_for(v: Any, s: Any, needs: bool) -> _Uneval:
    ue = _Uneval()
    if isinstance(s, dict):
        if isinstance(v, dict) and (needs or "unevaluatedProperties" in s):
            ue.props = set(v)
        elif isinstance(v, list) and (needs or "unevaluatedItems" in s):
            ue.items = set(range(len(v)))
    return ue


def _int_kw(s: dict[str, Any], kw: str) -> int | None:
    v = s.get(kw)
    if isinstance(v, bool) or not isinstance(v, Num | int | float):
        return None
    r = _rat(v)
    return int(r) if r.denominator == 1 else None


def _num_kw(s: dict[str, Any], kw: str) -> Fraction | None:
    v = s.get(kw)
    if isinstance(v, bool) or not isinstance(v, Num | int | float):
        return None
    return _rat(v)


class _Validator:
    """One validation run (the Go validator's recursion, minus its bool-only shortcuts)."""

    def __init__(self, schema: Schema) -> None:
        self.s = schema

    def run(
        self,
        s: Any,
        v: Any,
        vloc: tuple[str, ...],
        dyn: tuple[Resource, ...],
        seen: frozenset[int],
        needs: bool = False,
    ) -> tuple[VError | None, _Uneval | None]:
        ue = _uneval_for(v, s, needs)
        if s is False:
            return VError("false", "false schema", vloc), None
        if not isinstance(s, dict):
            return None, ue
        if id(s) in seen:
            return VError("refcycle", "reference cycle", vloc), None
        seen = seen | {id(s)}
        res = self.s.info(s)
        if not dyn or dyn[-1] is not res:
            dyn = (*dyn, res)
        draft = res.draft
        errors: list[VError] = []
        t = type_of(v)

        def err(kind: str, msg: str, causes: list[VError] | None = None) -> VError:
            return VError(kind, msg, vloc, causes or [])

        def self_(sub: Any) -> VError | None:
            e, sub_ue = self.run(sub, v, vloc, dyn, seen, not ue.empty())
            if e is None:
                ue.merge(sub_ue)
            return e

        def child(sub: Any, value: Any, tok: str) -> VError | None:
            return self.run(sub, value, (*vloc, tok), dyn, frozenset())[0]

        ref = s.get("$ref")
        if isinstance(ref, str) and draft < 2019:
            return self._ref(self.s.ref(s, "$ref"), "$ref", self_, err), ue

        types = _types(s.get("type"))
        if types and t not in types and not ("integer" in types and t == "number" and _is_int(v)):
            return err("type", f"got {t}, want {' or '.join(x for x in _TYPE_ORDER if x in types)}"), None
        if draft >= 6 and "const" in s and not equals(v, s["const"]):
            want = s["const"]
            return err(
                "const",
                "'const' failed" if isinstance(want, list | dict) else f"value must be {_display(want)}",
            ), None
        enum = s.get("enum")
        if isinstance(enum, list) and not (
            t in {type_of(x) for x in enum} and any(equals(v, x) for x in enum)
        ):
            return err("enum", _enum_msg(enum)), None
        fmt = s.get("format")
        if (draft < 2019 or self.s.assert_formats) and isinstance(fmt, str) and fmt in FORMATS:
            problem = FORMATS[fmt](v)
            if problem is not None:
                return err("format", f"{_display(v)} is not valid {fmt}: {problem}"), None
        if isinstance(ref, str):
            e = self._ref(self.s.ref(s, "$ref"), "$ref", self_, err)
            if e is not None:
                errors.append(e)

        if t == "object":
            self._object(s, v, draft, errors, err, self_, child, ue)
        elif t == "array":
            self._array(s, v, draft, errors, err, child, ue)
        elif t == "string":
            self._string(s, v, errors, err)
        elif t == "number":
            self._number(s, v, errors, err)

        if draft >= 2019:
            rr = s.get("$recursiveRef")
            if isinstance(rr, str):
                target = self.s.ref(s, "$recursiveRef")
                if isinstance(target, dict) and target.get("$recursiveAnchor") is True:
                    for r in dyn:
                        if isinstance(r.root, dict) and r.root.get("$recursiveAnchor") is True:
                            target = r.root
                            break
                e = self._ref(target, "$recursiveRef", self_, err)
                if e is not None:
                    errors.append(e)
            dr = s.get("$dynamicRef")
            if isinstance(dr, str) and draft >= 2020:
                target = self.s.ref(s, "$dynamicRef")
                anchor = dr.partition("#")[2]
                if anchor and not anchor.startswith("/") and isinstance(target, dict):
                    if target.get("$dynamicAnchor") == anchor:
                        for r in dyn:
                            if anchor in r.dyn_anchors:
                                target = r.dyn_anchors[anchor]
                                break
                e = self._ref(target, "$dynamicRef", self_, err)
                if e is not None:
                    errors.append(e)
        self._conditions(s, draft, errors, err, self_)
        if draft >= 2019:
            up = s.get("unevaluatedProperties")
            if t == "object" and up is not None and ue.props is not None:
                for name in sorted(ue.props):
                    e = child(up, v[name], name)
                    if e is not None:
                        errors.append(e)
                ue.props = None
            ui = s.get("unevaluatedItems")
            if t == "array" and ui is not None and ue.items is not None:
                for i in sorted(ue.items):
                    e = child(ui, v[i], str(i))
                    if e is not None:
                        errors.append(e)
                ue.items = None

        if not errors:
            return None, ue
        if len(errors) == 1:
            return errors[0], None
        return err("group", "validation failed", errors), None

    @staticmethod
    def _ref(
        target: Any, kw: str, self_: Callable[[Any], VError | None], err: Callable[..., VError]
    ) -> VError | None:
        e = self_(target)
        if e is None:
            return None
        return err("reference", "validation failed", e.causes if e.kind == "group" else [e])

    def _object(
        self,
        s: dict[str, Any],
        obj: dict[str, Any],
        draft: int,
        errors: list[VError],
        err: Any,
        self_: Any,
        child: Any,
        ue: _Uneval,
    ) -> None:
        n = _int_kw(s, "minProperties")
        if n is not None and len(obj) < n:
            errors.append(err("minProperties", f"minProperties: got {_xint(len(obj))}, want {_xint(n)}"))
        n = _int_kw(s, "maxProperties")
        if n is not None and len(obj) > n:
            errors.append(err("maxProperties", f"maxProperties: got {_xint(len(obj))}, want {_xint(n)}"))
        req = s.get("required")
        if isinstance(req, list):
            missing = [r for r in req if isinstance(r, str) and r not in obj]
            if missing:
                text = (
                    f"missing property {quote(missing[0])}"
                    if len(missing) == 1
                    else "missing properties " + ", ".join(map(quote, missing))
                )
                errors.append(err("required", text))
        deps = s.get("dependencies")
        if isinstance(deps, dict):
            for pname in sorted(deps):
                if pname not in obj:
                    continue
                dep = deps[pname]
                if isinstance(dep, list):
                    missing = [r for r in dep if isinstance(r, str) and r not in obj]
                    if missing:
                        errors.append(
                            err(
                                "dependency",
                                f"properties {', '.join(map(quote, missing))} required, if {quote(pname)} exists",
                            )
                        )
                else:
                    e = self_(dep)
                    if e is not None:
                        errors.append(e)
        props: dict[str, Any] = s["properties"] if isinstance(s.get("properties"), dict) else {}
        patterns: dict[str, Any] = (
            s["patternProperties"] if isinstance(s.get("patternProperties"), dict) else {}
        )
        additional = s.get("additionalProperties")
        if not isinstance(additional, bool | dict):
            additional = None
        extra: list[str] = []
        for pname in sorted(obj):
            pvalue = obj[pname]
            evaluated = False
            if pname in props:
                evaluated = True
                e = child(props[pname], pvalue, pname)
                if e is not None:
                    errors.append(e)
            for regex, sub in patterns.items():
                if compile_go(regex).match(pname):
                    evaluated = True
                    e = child(sub, pvalue, pname)
                    if e is not None:
                        errors.append(e)
            if not evaluated and additional is not None:
                evaluated = True
                if additional is False:
                    extra.append(pname)
                elif isinstance(additional, dict):
                    e = child(additional, pvalue, pname)
                    if e is not None:
                        errors.append(e)
            if evaluated and ue.props is not None:
                ue.props.discard(pname)
        if extra:
            errors.append(
                err(
                    "additionalProperties",
                    f"additional properties {', '.join(map(quote, extra))} not allowed",
                )
            )
        if draft == 4:
            return
        names = s.get("propertyNames")
        if names is not None:
            for pname in sorted(obj):
                e, _ = self.run(names, pname, (), (), frozenset())
                if e is not None:
                    causes = e.causes if e.kind == "group" else [e]
                    errors.append(VError("propertyNames", f"invalid propertyName {quote(pname)}", (), causes))
        if draft == 6:
            return
        if draft >= 2019:
            dsch = s.get("dependentSchemas")
            if isinstance(dsch, dict):
                for pname in sorted(dsch):
                    if pname in obj:
                        e = self_(dsch[pname])
                        if e is not None:
                            errors.append(e)
            dreq = s.get("dependentRequired")
            if isinstance(dreq, dict):
                for pname in sorted(dreq):
                    if pname in obj and isinstance(dreq[pname], list):
                        missing = [r for r in dreq[pname] if isinstance(r, str) and r not in obj]
                        if missing:
                            errors.append(
                                err(
                                    "dependentRequired",
                                    f"properties {', '.join(map(quote, missing))} required, if {quote(pname)} exists",
                                )
                            )

    def _array(
        self,
        s: dict[str, Any],
        arr: list[Any],
        draft: int,
        errors: list[VError],
        err: Any,
        child: Any,
        ue: _Uneval,
    ) -> None:
        n = _int_kw(s, "minItems")
        if n is not None and len(arr) < n:
            errors.append(err("minItems", f"minItems: got {_xint(len(arr))}, want {_xint(n)}"))
        n = _int_kw(s, "maxItems")
        if n is not None and len(arr) > n:
            errors.append(err("maxItems", f"maxItems: got {_xint(len(arr))}, want {_xint(n)}"))
        if s.get("uniqueItems") is True and len(arr) > 1:
            dup = _duplicates(arr)
            if dup is not None:
                errors.append(err("uniqueItems", f"items at {_xint(dup[0])} and {_xint(dup[1])} are equal"))
        evaluated = 0
        items = s.get("items")
        if draft < 2020:
            if isinstance(items, list):
                evaluated = min(len(arr), len(items))
                for i in range(evaluated):
                    e = child(items[i], arr[i], str(i))
                    if e is not None:
                        errors.append(e)
                add = s.get("additionalItems")
                if add is False and evaluated != len(arr):
                    errors.append(
                        err(
                            "additionalItems",
                            f"last {_xint(len(arr) - evaluated)} additionalItem(s) not allowed",
                        )
                    )
                elif isinstance(add, dict):
                    # Go's validator numbers these items from 0, not from their index.
                    for i, item in enumerate(arr[evaluated:]):
                        e = child(add, item, str(i))
                        if e is not None:
                            errors.append(e)
                if add is not None:
                    evaluated = len(arr)
            elif items is not None:
                for i, item in enumerate(arr):
                    e = child(items, item, str(i))
                    if e is not None:
                        errors.append(e)
                evaluated = len(arr)
        else:
            prefix: list[Any] = s["prefixItems"] if isinstance(s.get("prefixItems"), list) else []
            evaluated = min(len(prefix), len(arr))
            for i in range(evaluated):
                e = child(prefix[i], arr[i], str(i))
                if e is not None:
                    errors.append(e)
            if items is not None:
                for i, item in enumerate(arr[evaluated:]):
                    e = child(items, item, str(i))
                    if e is not None:
                        errors.append(e)
                evaluated = len(arr)
        if ue.items is not None:
            ue.items -= set(range(evaluated))
        contains = s.get("contains")
        if draft >= 6 and contains is not None:
            errs: list[VError] = []
            matched: list[int] = []
            for i, item in enumerate(arr):
                e = child(contains, item, str(i))
                if e is not None:
                    errs.append(e)
                else:
                    matched.append(i)
                    if draft >= 2020 and ue.items is not None:
                        ue.items.discard(i)
            mn = _int_kw(s, "minContains") if draft >= 2019 else None
            if mn is not None:
                if len(matched) < mn:
                    if matched:
                        text = (
                            f"min {_xint(mn)} items required to match contains schema, but matched "
                            f"{_xint(len(matched))} items at {' '.join(map(str, matched))}"
                        )
                    else:
                        text = f"min {_xint(mn)} items required to match contains schema, but none matched"
                    errors.append(err("minContains", text, errs))
            elif not matched:
                errors.append(err("contains", "no items match contains schema", errs))
            mx = _int_kw(s, "maxContains") if draft >= 2019 else None
            if mx is not None and len(matched) > mx:
                errors.append(
                    err(
                        "maxContains",
                        f"max {_xint(mx)} items required to match contains schema, but matched "
                        f"{_xint(len(matched))} items at {' '.join(map(str, matched))}",
                    )
                )

    @staticmethod
    def _string(s: dict[str, Any], v: str, errors: list[VError], err: Any) -> None:
        n = _int_kw(s, "minLength")
        if n is not None and len(v) < n:
            errors.append(err("minLength", f"minLength: got {_xint(len(v))}, want {_xint(n)}"))
        n = _int_kw(s, "maxLength")
        if n is not None and len(v) > n:
            errors.append(err("maxLength", f"maxLength: got {_xint(len(v))}, want {_xint(n)}"))
        pat = s.get("pattern")
        if isinstance(pat, str) and not compile_go(pat).match(v):
            errors.append(err("pattern", f"{quote(v)} does not match pattern {quote(pat)}"))

    @staticmethod
    def _number(s: dict[str, Any], v: Any, errors: list[VError], err: Any) -> None:
        num = _rat(v)
        mx, xmx = _num_kw(s, "maximum"), _num_kw(s, "exclusiveMaximum")
        if s.get("exclusiveMaximum") is True:
            mx, xmx = None, mx
        mn, xmn = _num_kw(s, "minimum"), _num_kw(s, "exclusiveMinimum")
        if s.get("exclusiveMinimum") is True:
            mn, xmn = None, mn
        got = _xfloat(num)
        if mn is not None and num < mn:
            errors.append(err("minimum", f"minimum: got {got}, want {_xfloat(mn)}"))
        if mx is not None and num > mx:
            errors.append(err("maximum", f"maximum: got {got}, want {_xfloat(mx)}"))
        if xmn is not None and num <= xmn:
            errors.append(err("exclusiveMinimum", f"exclusiveMinimum: got {got}, want {_xfloat(xmn)}"))
        if xmx is not None and num >= xmx:
            errors.append(err("exclusiveMaximum", f"exclusiveMaximum: got {got}, want {_xfloat(xmx)}"))
        mult = _num_kw(s, "multipleOf")
        if mult and (num / mult).denominator != 1:
            errors.append(err("multipleOf", f"multipleOf: got {got}, want {_xfloat(mult)}"))

    def _conditions(self, s: dict[str, Any], draft: int, errors: list[VError], err: Any, self_: Any) -> None:
        if "not" in s and self_(s["not"]) is None:
            errors.append(err("not", "'not' failed"))
        all_of = s.get("allOf")
        if isinstance(all_of, list) and all_of:
            errs = [e for e in (self_(sub) for sub in all_of) if e is not None]
            if errs:
                errors.append(err("allOf", "'allOf' failed", errs))
        any_of = s.get("anyOf")
        if isinstance(any_of, list) and any_of:
            errs = []
            for sub in any_of:
                e = self_(sub)
                if e is None:
                    break
                errs.append(e)
            else:
                errors.append(err("anyOf", "'anyOf' failed", errs))
        one_of = s.get("oneOf")
        if isinstance(one_of, list) and one_of:
            matched = -1
            errs = []
            for i, sub in enumerate(one_of):
                e = self_(sub)
                if e is not None:
                    if matched == -1:
                        errs.append(e)
                elif matched == -1:
                    matched = i
                else:
                    errors.append(err("oneOf", f"'oneOf' failed, subschemas {matched}, {i} matched"))
                    break
            if matched == -1:
                errors.append(err("oneOf", "'oneOf' failed, none matched", errs))
        if draft >= 7 and "if" in s:
            cond = s["if"]
            if self_(cond) is None:
                if "then" in s and cond is not False:
                    e = self_(s["then"])
                    if e is not None:
                        errors.append(e)
            elif "else" in s and cond is not True:
                e = self_(s["else"])
                if e is not None:
                    errors.append(e)


def _types(t: Any) -> set[str]:
    if isinstance(t, str):
        return {t} & set(_TYPE_ORDER)
    if isinstance(t, list):
        return {x for x in t if isinstance(x, str)} & set(_TYPE_ORDER)
    return set()


def _enum_msg(values: list[Any]) -> str:
    if any(isinstance(x, list | dict) for x in values):
        return "'enum' failed"
    if len(values) == 1:
        return f"value must be {_display(values[0])}"
    return "value must be one of " + ", ".join(_display(x) for x in values)


def _duplicates(arr: list[Any]) -> tuple[int, int] | None:
    for i in range(1, len(arr)):
        for j in range(i):
            if equals(arr[i], arr[j]):
                return j, i
    return None


def validate(schema: Schema, value: Any) -> VError | None:
    """The library's error tree for VALUE against SCHEMA, rooted at a ``schema`` error, or None."""
    err, _ = _Validator(schema).run(schema.root, value, (), (), frozenset())
    if err is None:
        return None
    causes = err.causes if err.kind == "group" else [err]
    return VError("schema", f"jsonschema validation failed with {quote(schema.url + '#')}", (), causes)
