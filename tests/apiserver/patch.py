"""Patch formats the API server accepts: JSON merge patch (RFC 7386), JSON patch (RFC 6902) and
strategic merge patch (lists merged by ``x-kubernetes-patch-merge-key`` when the field's
``x-kubernetes-patch-strategy`` says ``merge``; directives ``$patch: delete|replace|merge``,
``$deleteFromPrimitiveList/<field>``, ``$setElementOrder/<field>`` and ``$retainKeys``)."""

from __future__ import annotations

import copy
from typing import Any

from .schema import Node


class PatchError(ValueError):
    """The patch cannot be applied (the server answers 422 or 400)."""


def merge_patch(target: Any, patch: Any) -> Any:
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    out = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = merge_patch(out.get(key), value)
    return out


# -- JSON patch -----------------------------------------------------------------------------
def _pointer(path: str) -> list[str]:
    if path == "":
        return []
    if not path.startswith("/"):
        raise PatchError(f"invalid JSON pointer {path!r}")
    return [p.replace("~1", "/").replace("~0", "~") for p in path[1:].split("/")]


def _parent(doc: Any, parts: list[str]) -> tuple[Any, str]:
    cur = doc
    for part in parts[:-1]:
        if isinstance(cur, list):
            cur = cur[int(part)]
        elif isinstance(cur, dict) and part in cur:
            cur = cur[part]
        else:
            raise PatchError(f"doc is missing path: /{'/'.join(parts)}")
    return cur, parts[-1]


def _get(doc: Any, parts: list[str]) -> Any:
    cur = doc
    for part in parts:
        try:
            cur = cur[int(part)] if isinstance(cur, list) else cur[part]
        except (KeyError, IndexError, ValueError, TypeError):
            raise PatchError(f"doc is missing path: /{'/'.join(parts)}") from None
    return cur


def _remove(doc: Any, parts: list[str]) -> Any:
    parent, last = _parent(doc, parts)
    try:
        return parent.pop(int(last)) if isinstance(parent, list) else parent.pop(last)
    except (KeyError, IndexError, ValueError):
        raise PatchError(f"doc is missing path: /{'/'.join(parts)}") from None


def _add(doc: Any, parts: list[str], value: Any) -> Any:
    if not parts:
        return value
    parent, last = _parent(doc, parts)
    if isinstance(parent, list):
        if last == "-":
            parent.append(value)
        else:
            parent.insert(int(last), value)
    elif isinstance(parent, dict):
        parent[last] = value
    else:
        raise PatchError(f"cannot add at /{'/'.join(parts)}")
    return doc


def json_patch(doc: Any, ops: Any) -> Any:
    if not isinstance(ops, list):
        raise PatchError("a JSON patch is a list of operations")
    doc = copy.deepcopy(doc)
    for op in ops:
        kind = op.get("op")
        parts = _pointer(op.get("path", ""))
        if kind == "add":
            doc = _add(doc, parts, copy.deepcopy(op.get("value")))
        elif kind == "remove":
            _remove(doc, parts)
        elif kind == "replace":
            _get(doc, parts)
            if not parts:
                doc = copy.deepcopy(op.get("value"))
            else:
                parent, last = _parent(doc, parts)
                parent[int(last) if isinstance(parent, list) else last] = copy.deepcopy(op.get("value"))
        elif kind in ("move", "copy"):
            source = _pointer(op.get("from", ""))
            value = _remove(doc, source) if kind == "move" else copy.deepcopy(_get(doc, source))
            doc = _add(doc, parts, value)
        elif kind == "test":
            if _get(doc, parts) != op.get("value"):
                raise PatchError(f"testing value /{'/'.join(parts)} failed")
        else:
            raise PatchError(f"unexpected kind of operation: {kind!r}")
    return doc


# -- strategic merge patch ------------------------------------------------------------------
_DELETE = object()


def _strip(value: Any) -> Any:
    """Remove directives from a value that replaces rather than merges."""
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if not k.startswith("$")}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _merge_list(orig: list[Any], patch: list[Any], node: Node) -> list[Any]:
    key = node.patch_merge_key
    out = copy.deepcopy(orig)
    if not key or not all(isinstance(p, dict) for p in patch):
        for item in patch:  # a list of primitives merged as a set, order kept
            if item not in out:
                out.append(copy.deepcopy(item))
        return out
    item_node = node.items()
    for item in patch:
        directive = item.get("$patch")
        idx = next(
            (i for i, o in enumerate(out) if isinstance(o, dict) and o.get(key) == item.get(key)), None
        )
        if directive == "delete":
            if idx is not None:
                out.pop(idx)
        elif directive == "replace":
            if idx is None:
                out.append(_strip(item))
            else:
                out[idx] = _strip(item)
        elif idx is None:
            out.append(_strip(item))
        else:
            out[idx] = strategic_merge(out[idx], item, item_node)
    return out


def _order(items: list[Any], order: list[Any], key: str) -> list[Any]:
    def ident(x: Any) -> Any:
        return x.get(key) if key and isinstance(x, dict) else x

    wanted = [ident(o) for o in order]
    ranked = [
        (wanted.index(ident(x)) if ident(x) in wanted else len(wanted), i, x) for i, x in enumerate(items)
    ]
    return [x for _, _, x in sorted(ranked, key=lambda t: (t[0], t[1]))]


def strategic_merge(orig: Any, patch: Any, node: Node) -> Any:
    """Apply a strategic merge patch ``patch`` to ``orig`` following ``node``'s schema."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    if patch.get("$patch") == "replace":
        return _strip(patch)
    if patch.get("$patch") == "delete":
        return _DELETE
    out = copy.deepcopy(orig) if isinstance(orig, dict) else {}
    orders: dict[str, list[Any]] = {}
    for k, v in patch.items():
        if k in ("$patch", "$retainKeys"):
            continue
        if k.startswith("$setElementOrder/"):
            orders[k.split("/", 1)[1]] = v
            continue
        if k.startswith("$deleteFromPrimitiveList/"):
            field = k.split("/", 1)[1]
            if isinstance(out.get(field), list):
                out[field] = [x for x in out[field] if x not in v]
            continue
        if v is None:
            out.pop(k, None)
            continue
        child = node.field(k)
        if isinstance(v, dict) and isinstance(out.get(k), dict) and not child.atomic_map:
            merged = strategic_merge(out[k], v, child)
            if merged is _DELETE:
                out.pop(k, None)
            else:
                out[k] = merged
        elif (
            isinstance(v, list)
            and isinstance(out.get(k), list)
            and "merge" in child.patch_strategy.split(",")
        ):
            out[k] = _merge_list(out[k], v, child)
        elif isinstance(v, dict) and v.get("$patch") == "delete":
            out.pop(k, None)
        else:
            out[k] = _strip(v)
    for field, order in orders.items():
        if isinstance(out.get(field), list):
            out[field] = _order(out[field], order, node.field(field).patch_merge_key)
    retain = patch.get("$retainKeys")
    if isinstance(retain, list):
        out = {k: v for k, v in out.items() if k in retain}
    return out
