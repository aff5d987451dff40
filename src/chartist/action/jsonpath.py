"""Kubernetes JSONPath templates (client-go ``util/jsonpath``), for ``show values --jsonpath``.

Hand-written because Helm prints values with client-go's dialect and printer, which no Python
JSONPath library reproduces: ``{...}`` actions mixed with literal text, ``range``/``end``,
unions, slices with Go's bounds errors, ``[?()]`` filters with Go template comparisons (a
number from values is a float64, so ``@.n==1`` is an "incompatible types" error), results
printed space-separated (maps and lists as Go's json.Marshal, other values as ``fmt.Print``).

Map iteration order is random in Go (wildcards over maps); here it is the sorted key order.
Errors are :class:`JSONPathError` with client-go's texts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from chartist.action.jsonpath_parse import (
    MAX_DEPTH,
    ArrayNode,
    FieldNode,
    FilterNode,
    IdentifierNode,
    JSONPathError,
    ListNode,
    LiteralNode,
    Param,
    RecursiveNode,
    TextNode,
    UnionNode,
    WildcardNode,
    parse,
)

__all__ = ["JSONPath", "JSONPathError"]


# --- evaluation -------------------------------------------------------------------------------------


def _go_type(v: Any) -> str:
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int):
        return "int"
    if isinstance(v, float):
        return "float64"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "[]interface {}"
    if isinstance(v, dict):
        return "map[string]interface {}"
    return type(v).__name__


def _kind(v: Any) -> str:
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int):
        return "int"
    if isinstance(v, float):
        return "float"
    if isinstance(v, str):
        return "string"
    raise JSONPathError("invalid type for comparison")


def _less(a: Any, b: Any) -> bool:
    ka, kb = _kind(a), _kind(b)
    if ka != kb:
        raise JSONPathError("incompatible types for comparison")
    if ka == "bool":
        raise JSONPathError("invalid type for comparison")
    return bool(a < b)


def _equal(a: Any, b: Any) -> bool:
    if _kind(a) != _kind(b):
        raise JSONPathError("incompatible types for comparison")
    return bool(a == b)


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "<": _less,
    ">": lambda a, b: not (_less(a, b) or _equal(a, b)),
    "==": _equal,
    "!=": lambda a, b: not _equal(a, b),
    "<=": lambda a, b: _less(a, b) or _equal(a, b),
    ">=": lambda a, b: not _less(a, b),
}


def _children(v: Any) -> list[Any] | None:
    """What a wildcard yields from V (None when V has no children)."""
    if isinstance(v, dict):
        return [v[k] for k in sorted(v)]
    if isinstance(v, list):
        return list(v)
    if isinstance(v, str):
        return list(v.encode("utf-8", "surrogateescape"))  # Go indexes a string by bytes
    return None


class JSONPath:
    """A parsed template; :meth:`execute` applies it to data."""

    def __init__(self, template: str) -> None:
        """Parse TEMPLATE; raises JSONPathError with client-go's message."""
        self._root = parse(template)
        self._nodes = list(self._root.nodes)
        self.allow_missing_keys = False
        self._begin = self._in = self._end = 0
        self._last_end: Any = None

    def execute(self, data: Any) -> str:
        """The text the template prints for DATA; raises JSONPathError (nothing printed then)."""
        self._nodes = list(self._root.nodes)
        self._begin = self._in = self._end = 0
        self._last_end = None
        results = self._find(data, 0)
        return "".join(_print_results(r) for r in results)

    def _find(self, data: Any, depth: int) -> list[list[Any]]:
        if depth > MAX_DEPTH:
            raise JSONPathError("jsonpath range nested too deeply")
        cur = [data]
        nodes = self._nodes
        full: list[list[Any]] = []
        i = 0
        while i < len(nodes):
            node = nodes[i]
            results = self._walk(cur, node)
            if 0 < self._end <= self._in:
                self._end -= 1
                self._last_end = node
                break
            if self._begin > 0:
                self._begin -= 1
                self._in += 1
                self._nodes = nodes[i + 1 :]
                if results:
                    for value in results:
                        self._nodes = nodes[i + 1 :]
                        full.extend(self._find(value, depth + 1))
                else:
                    self._find(None, depth + 1)
                self._in -= 1
                for k in range(i + 1, len(nodes)):
                    if nodes[k] is self._last_end:
                        i = k
                        break
                i += 1
                continue
            full.append(results)
            i += 1
        return full

    def _walk(self, values: list[Any], node: Any) -> list[Any]:
        if isinstance(node, ListNode):
            for n in node.nodes:
                values = self._walk(values, n)
            return values
        if isinstance(node, TextNode):
            return [node.text]
        if isinstance(node, FieldNode):
            return self._field(values, node.name)
        if isinstance(node, ArrayNode):
            return self._array(values, node)
        if isinstance(node, FilterNode):
            return self._filter(values, node)
        if isinstance(node, LiteralNode):
            return [node.value for _ in values]
        if isinstance(node, WildcardNode):
            out: list[Any] = []
            for v in values:
                out.extend(_children(v) or ())
            return out
        if isinstance(node, RecursiveNode):
            return self._recursive(values)
        if isinstance(node, UnionNode):
            out = []
            for lst in node.lists:
                out.extend(self._walk(values, lst))
            return out
        if isinstance(node, IdentifierNode):
            if node.name == "range":
                self._begin += 1
                return values
            if node.name == "end":
                if self._in > 0:
                    self._end += 1
                    return []
                raise JSONPathError("not in range, nothing to end")
            raise JSONPathError(f"unrecognized identifier {node.name}")
        raise JSONPathError(f"unexpected Node {node}")

    def _field(self, values: list[Any], name: str) -> list[Any]:
        if not values:
            return []
        out = [v[name] for v in values if isinstance(v, dict) and name in v]
        if not out and not self.allow_missing_keys:
            raise JSONPathError(f"{name} is not found")
        return out

    def _array(self, values: list[Any], node: ArrayNode) -> list[Any]:
        out: list[Any] = []
        for v in values:
            if v is None:
                continue
            if not isinstance(v, list):
                raise JSONPathError(f"{_go_type(v)} is not array or slice")
            p0, p1, p2 = (Param(p.value, p.known, p.derived) for p in node.params)
            n = len(v)
            if not p0.known:
                p0.value = 0
            if p0.value < 0:
                p0.value += n
            if not p1.known:
                p1.value = n
            if p1.value < 0 or (p1.value == 0 and p1.derived):
                p1.value += n
            if p1.value == p0.value:
                return out
            if p0.value >= n or p0.value < 0:
                raise JSONPathError(f"array index out of bounds: index {p0.value}, length {n}")
            if p1.value > n or p1.value < 0:
                raise JSONPathError(f"array index out of bounds: index {p1.value - 1}, length {n}")
            if p0.value > p1.value:
                raise JSONPathError(f"starting index {p0.value} is greater than ending index {p1.value}")
            step = 1
            if p2.known:
                if p2.value <= 0:
                    raise JSONPathError("step must be > 0")
                step = p2.value
            out.extend(v[p0.value : p1.value : step])
        return out

    def _recursive(self, values: list[Any]) -> list[Any]:
        out: list[Any] = []
        for v in values:
            if v is None:
                continue
            kids = _children(v)
            if kids:
                out.append(v)
                out.extend(self._recursive(kids))
        return out

    def _filter(self, values: list[Any], node: FilterNode) -> list[Any]:
        out: list[Any] = []
        for v in values:
            if not isinstance(v, list):
                from chartist.gotemplate.fmt import sprint

                raise JSONPathError(f"{sprint(v)} is not array or slice and cannot be filtered")
            for item in v:
                try:
                    lefts = self._walk([item], node.left)
                    err: JSONPathError | None = None
                except JSONPathError as e:
                    lefts, err = [], e
                if node.op == "exists":
                    if lefts:
                        out.append(item)
                    continue
                if err is not None:
                    raise err
                if not lefts:
                    continue
                if len(lefts) > 1:
                    raise JSONPathError("can only compare one element at a time")
                rights = self._walk([item], node.right)
                if not rights:
                    continue
                if len(rights) > 1:
                    raise JSONPathError("can only compare one element at a time")
                compare = _COMPARE.get(node.op)
                if compare is None:
                    raise JSONPathError(f"unrecognized filter operator {node.op}")
                if compare(lefts[0], rights[0]):
                    out.append(item)
        return out


def _print_results(results: list[Any]) -> str:
    texts = []
    for v in results:
        if isinstance(v, dict | list):
            from chartist.goyaml import dump_json

            texts.append(dump_json(v))
        elif v is None:
            texts.append("null")
        elif isinstance(v, str):
            texts.append(v)
        else:
            from chartist.gotemplate.fmt import sprint

            texts.append(sprint(v))
    return " ".join(texts)
