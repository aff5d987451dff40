"""Server-side apply and ``metadata.managedFields``, as structured-merge-diff does them (simplified).

A field set is a set of paths; a path is a tuple of fieldsV1 segments: ``f:<field>``,
``k:<json of the list-map keys>``, ``v:<json of a set item>`` and ``.`` for "the element itself".

* Apply by manager M: the configuration's field set becomes M's ``Apply`` entry; the object is
  the configuration merged into the live object (maps by key, ``map`` lists by their keys,
  ``set`` lists as sets, everything else replaced); fields M applied before and no longer
  applies are removed unless another manager owns them. A field whose value would change and
  that another manager owns is a conflict (409) unless ``force``, which takes ownership.
* Any other write (create, update, patches, status updates) by M: the paths whose value changed
  are added to M's ``Update`` entry and taken away from every other manager.

Not emulated: versions of managedFields entries converted between API versions, ownership of
fields under ``x-kubernetes-preserve-unknown-fields``, granular ``i:`` list indexes.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from .schema import Node

Path = tuple[str, ...]
_IGNORED_META = {
    "name",
    "namespace",
    "uid",
    "resourceVersion",
    "generation",
    "creationTimestamp",
    "managedFields",
    "deletionTimestamp",
    "deletionGracePeriodSeconds",
    "selfLink",
}


class ApplyConflict(Exception):
    def __init__(self, conflicts: list[tuple[str, str, Path]]) -> None:
        super().__init__("apply conflict")
        self.conflicts = conflicts  # (manager, apiVersion, path)


def identity(item: dict[str, Any], keys: list[str], item_node: Node) -> dict[str, Any]:
    """The list-map keys of ``item``, a missing key taking its schema default (``protocol: TCP``)."""
    out = {}
    for k in keys:
        if k in item:
            out[k] = item[k]
        elif item_node.field(k).default is not None:
            out[k] = item_node.field(k).default
    return out


def _key_segment(item: dict[str, Any], keys: list[str], item_node: Node) -> str:
    return "k:" + json.dumps(identity(item, keys, item_node), sort_keys=True, separators=(",", ":"))


def _value_segment(value: Any) -> str:
    return "v:" + json.dumps(value, sort_keys=True, separators=(",", ":"))


def leaves(obj: Any, node: Node, *, markers: bool, status: bool = False) -> dict[Path, Any]:
    """Path -> value of every owned position of ``obj``; with ``markers`` maps and lists that are
    not structs get a ``.`` entry too (as Update operations record them)."""
    out: dict[Path, Any] = {}

    def walk(value: Any, n: Node, prefix: Path, depth: int) -> None:
        if isinstance(value, dict) and not n.atomic_map and value:
            if markers and prefix and not n.is_struct:
                out[(*prefix, ".")] = None
            for k, v in value.items():
                if depth == 0 and (k in ("apiVersion", "kind") or (k == "status" and not status)):
                    continue
                if depth == 1 and prefix == ("f:metadata",) and k in _IGNORED_META:
                    continue
                walk(v, n.field(k), (*prefix, f"f:{k}"), depth + 1)
            return
        if isinstance(value, list) and n.list_type in ("map", "set") and value:
            if markers and prefix:
                out[(*prefix, ".")] = None
            if n.list_type == "set":
                for item in value:
                    out[(*prefix, _value_segment(item))] = item
                return
            keys = n.list_keys
            item_node = n.items()
            for item in value:
                if not isinstance(item, dict):
                    continue
                seg = (*prefix, _key_segment(item, keys, item_node))
                out[(*seg, ".")] = None
                for k, v in item.items():
                    walk(v, item_node.field(k), (*seg, f"f:{k}"), depth + 2)
            return
        if prefix:
            out[prefix] = value

    walk(obj, node, (), 0)
    return out


def to_fields_v1(paths: set[Path]) -> dict[str, Any]:
    tree: dict[str, Any] = {}
    for path in sorted(paths):
        cur = tree
        for seg in path:
            cur = cur.setdefault(seg, {})
    return tree


def from_fields_v1(tree: dict[str, Any], prefix: Path = ()) -> set[Path]:
    out: set[Path] = set()
    for seg, sub in tree.items():
        path = (*prefix, seg)
        if not sub:
            out.add(path)
        else:
            out |= from_fields_v1(sub, path)
    return out


def path_string(path: Path) -> str:
    """``.spec.template.spec.containers[name="web"].image`` as conflict messages print paths."""
    out = ""
    for seg in path:
        if seg == ".":
            continue
        kind, _, rest = seg.partition(":")
        if kind == "f":
            out += "." + rest
        elif kind == "k":
            keys = json.loads(rest)
            out += "[" + ",".join(f"{k}={json.dumps(v)}" for k, v in keys.items()) + "]"
        elif kind == "v":
            out += f"[={rest}]"
    return out


def ssa_merge(live: Any, config: Any, node: Node) -> Any:
    """Merge an apply configuration into the live object."""
    if isinstance(config, dict) and isinstance(live, dict) and not node.atomic_map:
        out = dict(live)
        for k, v in config.items():
            if v is None:
                continue
            out[k] = ssa_merge(live.get(k), v, node.field(k))
        return out
    if isinstance(config, list) and isinstance(live, list):
        if node.list_type == "set":
            return copy.deepcopy(live) + [copy.deepcopy(x) for x in config if x not in live]
        if node.list_type == "map":
            keys = node.list_keys
            item_node = node.items()
            out = copy.deepcopy(live)
            for item in config:
                if not isinstance(item, dict):
                    continue
                ident = identity(item, keys, item_node)
                idx = next(
                    (
                        i
                        for i, o in enumerate(out)
                        if isinstance(o, dict) and identity(o, keys, item_node) == ident
                    ),
                    None,
                )
                if idx is None:
                    out.append(copy.deepcopy(item))
                else:
                    out[idx] = ssa_merge(out[idx], item, node.items())
            return out
    return copy.deepcopy(config)


def _remove_path(obj: Any, path: Path) -> None:
    """Delete the position ``path`` addresses (a field, a list item, or an element marked ``.``)."""
    if not path:
        return
    if path[-1] == ".":
        path = path[:-1]
    cur = obj
    for i, seg in enumerate(path):
        last = i == len(path) - 1
        kind, _, rest = seg.partition(":")
        if kind == "f":
            if not isinstance(cur, dict) or rest not in cur:
                return
            if last:
                del cur[rest]
                return
            cur = cur[rest]
        else:
            if not isinstance(cur, list):
                return
            if kind == "k":
                want = json.loads(rest)
                idx = next(
                    (
                        j
                        for j, o in enumerate(cur)
                        if isinstance(o, dict) and all(o.get(k) == v for k, v in want.items())
                    ),
                    None,
                )
            else:
                value = json.loads(rest)
                idx = next((j for j, o in enumerate(cur) if o == value), None)
            if idx is None:
                return
            if last:
                cur.pop(idx)
                return
            cur = cur[idx]


def _entries(obj: dict[str, Any]) -> list[dict[str, Any]]:
    return [dict(e) for e in (obj.get("metadata") or {}).get("managedFields") or []]


def _entry_paths(entry: dict[str, Any]) -> set[Path]:
    return from_fields_v1(entry.get("fieldsV1") or {})


def _store_entries(obj: dict[str, Any], entries: list[tuple[dict[str, Any], set[Path]]]) -> None:
    kept = []
    for entry, paths in entries:
        if not paths:
            continue
        entry = dict(entry)
        entry["fieldsType"] = "FieldsV1"
        entry["fieldsV1"] = to_fields_v1(paths)
        kept.append(entry)
    obj.setdefault("metadata", {})["managedFields"] = kept


def _order_entry(entry: dict[str, Any]) -> dict[str, Any]:
    keys = ("manager", "operation", "apiVersion", "time", "fieldsType", "fieldsV1", "subresource")
    return {k: entry[k] for k in keys if k in entry}


def record_update(
    old: dict[str, Any] | None,
    new: dict[str, Any],
    node: Node,
    *,
    manager: str,
    api_version: str,
    now: str,
    subresource: str = "",
) -> None:
    """Record a non-apply write by ``manager`` in ``new``'s managedFields (status paths only
    for a ``status`` subresource write, every other path otherwise)."""
    on_status = subresource == "status"
    before = leaves(old, node, markers=True, status=True) if old is not None else {}
    after = leaves(new, node, markers=True, status=True)
    changed = {
        p
        for p, v in after.items()
        if (p not in before or before[p] != v) and (p[0] == "f:status") == on_status
    }
    existing = set(after)
    entries: list[tuple[dict[str, Any], set[Path]]] = []
    mine: set[Path] = set(changed)
    for entry in _entries(old or {}):
        paths = _entry_paths(entry) & existing
        if (
            entry.get("manager") == manager
            and entry.get("operation") == "Update"
            and entry.get("apiVersion") == api_version
            and entry.get("subresource", "") == subresource
        ):
            mine |= paths
            continue
        entries.append((entry, paths - changed))
    if mine:
        entry = {"manager": manager, "operation": "Update", "apiVersion": api_version, "time": now}
        if subresource:
            entry["subresource"] = subresource
        entries.append((entry, mine))
    _store_entries(new, [(_order_entry(e), p) for e, p in entries])


def apply(
    live: dict[str, Any] | None,
    config: dict[str, Any],
    node: Node,
    *,
    manager: str,
    api_version: str,
    force: bool,
    now: str,
) -> dict[str, Any]:
    """Server-side apply of ``config`` by ``manager``; returns the new object (managedFields set).

    Raises ApplyConflict listing (manager, apiVersion, path) when fields owned by others would
    change and ``force`` is false.
    """
    applied_values = leaves(config, node, markers=False)
    applied = set(applied_values)
    base = copy.deepcopy(live) if live is not None else {}
    merged = ssa_merge(base, config, node)
    live_values = leaves(live, node, markers=False) if live is not None else {}
    entries = [(e, _entry_paths(e)) for e in _entries(live or {})]
    previous: set[Path] = set()
    others: list[tuple[dict[str, Any], set[Path]]] = []
    for entry, paths in entries:
        if entry.get("manager") == manager and entry.get("operation") == "Apply":
            previous |= paths
        else:
            others.append((entry, paths))
    conflicts = []
    taken: set[Path] = set()
    for path in sorted(applied):
        if path[-1] == "." or path not in live_values or live_values[path] == applied_values[path]:
            continue
        for entry, paths in others:
            if path in paths:
                conflicts.append((str(entry.get("manager", "")), str(entry.get("apiVersion", "")), path))
                taken.add(path)
    if conflicts and not force:
        raise ApplyConflict(conflicts)
    owned_by_others = set().union(*(p for _, p in others)) if others else set()
    for path in sorted(previous - applied, key=len, reverse=True):
        if path not in owned_by_others:
            _remove_path(merged, path)
    result_paths = set(leaves(merged, node, markers=True, status=True))
    new_entries = [(e, (p - taken) & result_paths) for e, p in others]
    new_entries.append(
        ({"manager": manager, "operation": "Apply", "apiVersion": api_version, "time": now}, applied)
    )
    _store_entries(merged, [(_order_entry(e), p) for e, p in new_entries])
    return merged


def conflict_message(conflicts: list[tuple[str, str, Path]]) -> tuple[str, list[dict[str, str]]]:
    """The 409 message and causes the real server sends for apply conflicts."""
    by_manager: dict[tuple[str, str], list[str]] = {}
    for manager, api_version, path in conflicts:
        by_manager.setdefault((manager, api_version), []).append(path_string(path))
    parts = []
    for (manager, api_version), paths in by_manager.items():
        if len(paths) == 1:
            parts.append(f'conflict with "{manager}" using {api_version}: {paths[0]}')
        else:
            parts.append(
                f'conflicts with "{manager}" using {api_version}:\n' + "\n".join(f"- {p}" for p in paths)
            )
    n = len(conflicts)
    message = f"Apply failed with {n} conflict{'s' if n != 1 else ''}: " + "\n".join(parts)
    causes = [
        {
            "reason": "FieldManagerConflict",
            "message": f'conflict with "{m}" using {v}',
            "field": path_string(p),
        }
        for m, v, p in conflicts
    ]
    return message, causes
