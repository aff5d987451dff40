"""kyaml's ``kio.ParseAll`` / ``kio.StringAll`` and the annotation edits Helm makes with them.

ParseAll splits the text on ``---`` lines itself (rejecting ``---`` followed by anything but a
comment), reads the first document of each part, drops empty and null documents, unwraps a
lone ``List``/``ResourceList`` with items, and sets the reader's index annotations (which
creates ``metadata.annotations`` when missing). StringAll copies the nodes, clears the reader
annotations, removes annotations and metadata left empty, and encodes every document with
yaml.v3 (indent 2, compact sequences). So even an unchanged document comes back re-formatted,
with ``metadata`` appended when it had none.
"""

from __future__ import annotations

import re
from typing import Final

from chartist.kyaml.comments import attach_comments
from chartist.kyaml.emitter import encode_documents
from chartist.kyaml.node import DOCUMENT, MAPPING, NULL_TAG, SCALAR, SINGLE_QUOTED, STR_TAG, KyamlError, Node
from chartist.kyaml.parser import parse_document

__all__ = [
    "annotation_map",
    "clear_annotation",
    "get_annotation",
    "parse_all",
    "set_annotation",
    "string_all",
]

_SEPARATOR: Final = re.compile(r"\n---.*\n")
_INTERNAL: Final = "internal.config.kubernetes.io/"
INDEX_ANNOTATION: Final = _INTERNAL + "index"
LEGACY_INDEX_ANNOTATION: Final = "config.kubernetes.io/index"
SEQ_INDENT_ANNOTATION: Final = _INTERNAL + "seqindent"
_LEGACY_PAIRS: Final = (
    ("config.kubernetes.io/path", _INTERNAL + "path"),
    (LEGACY_INDEX_ANNOTATION, INDEX_ANNOTATION),
    ("config.k8s.io/id", _INTERNAL + "id"),
)


def _root(node: Node) -> Node:
    return node.content[0] if node.kind == DOCUMENT and node.content else node


def _split_documents(text: str) -> list[str]:
    """kio's splitDocuments: parts between ``\\n---...\\n`` lines; raises on bad separators."""
    docs: list[str] = []
    prev = 0
    for m in _SEPARATOR.finditer(text):
        rest = m.group()[4:].strip()
        if rest and rest[0] != "#":
            raise KyamlError(f"invalid document separator: {m.group().strip()}")
        docs.append(text[prev : m.start()])
        prev = m.end()
    docs.append(text[prev:])
    return docs


def parse_all(text: str) -> list[Node]:
    """kio.ParseAll(TEXT): the resources of TEXT with the reader's annotations set.

    Raises KyamlError with kyaml's text (``MalformedYAMLError: yaml: ...``).
    """
    if not text:
        return []
    parts = _split_documents(text.replace("\r\n", "\n"))
    out: list[Node] = []
    index = 0
    for i, part in enumerate(parts):
        if i != len(parts) - 1:
            part += "\n"
        try:
            doc, spans, entries = parse_document(part)
        except KyamlError as err:
            raise KyamlError(f"MalformedYAMLError: {err}") from None
        if doc is None:
            continue
        if doc.content[0].tag == NULL_TAG:
            continue
        attach_comments(part, doc, spans, entries)
        root = doc.content[0]
        kind = _field_value(root, "kind")
        if len(parts) == 1 and kind in ("ResourceList", "List"):
            items = root.field("items")
            if items is not None or root.field("functionConfig") is not None:
                if items is not None:
                    for item in items.content:
                        out.append(item)
                continue
        _copy_legacy_annotations(doc)
        set_annotation(doc, INDEX_ANNOTATION, str(index))
        set_annotation(doc, LEGACY_INDEX_ANNOTATION, str(index))
        out.append(doc)
        index += 1
    return out


def string_all(nodes: list[Node]) -> str:
    """kio.StringAll(NODES) with kyaml's ByteWriter defaults; NODES are not modified."""
    docs: list[Node] = []
    for node in nodes:
        n = node.copy()
        for key in (INDEX_ANNOTATION, LEGACY_INDEX_ANNOTATION, SEQ_INDENT_ANNOTATION):
            clear_annotation(n, key)
        _clear_empty_annotations(n)
        docs.append(n if n.kind == DOCUMENT else Node(DOCUMENT, content=[n]))
    return encode_documents(docs)


def _field_value(node: Node, name: str) -> str:
    v = node.field(name)
    if v is None or v.tag == NULL_TAG:
        return ""
    return v.value


def annotation_map(node: Node) -> dict[str, str]:
    """metadata.annotations of NODE as GetMeta reads them (values' text, null as "")."""
    meta = _root(node).field("metadata")
    if meta is None:
        return {}
    ann = meta.field("annotations")
    if ann is None or ann.kind != MAPPING:
        return {}
    c = ann.content
    out: dict[str, str] = {}
    for i in range(0, len(c) - 1, 2):
        k, v = c[i], c[i + 1]
        out["" if k.tag == NULL_TAG else k.value] = "" if v.tag == NULL_TAG else v.value
    return out


def get_annotation(node: Node, key: str) -> str:
    return annotation_map(node).get(key, "")


def _check_mapping(node: Node) -> None:
    """kyaml's ErrorIfInvalid(node, MappingNode): null passes."""
    if node.kind != MAPPING and node.tag != NULL_TAG:
        raise KyamlError(
            f"wrong node kind: expected MappingNode but got {_KIND_NAMES.get(node.kind, '')}: node contents:\n"
            f"{encode_documents([Node(DOCUMENT, content=[node])])}"
        )


_KIND_NAMES: Final = {
    1: "DocumentNode",
    2: "SequenceNode",
    4: "MappingNode",
    8: "ScalarNode",
    16: "AliasNode",
}


def _clear_field(node: Node, name: str, if_empty: bool) -> None:
    """kyaml's FieldClearer (IfEmpty clears a value without children: any scalar, {} or [])."""
    _check_mapping(node)
    c = node.content
    for i in range(0, len(c) - 1, 2):
        if c[i].value != name:
            continue
        if if_empty and c[i + 1].content:
            return
        del c[i : i + 2]
        return


def _clear_empty_annotations(node: Node) -> None:
    root = _root(node)
    meta = root.field("metadata")
    if meta is not None:
        _clear_field(meta, "annotations", True)
    _clear_field(root, "metadata", True)


def _get_or_create(node: Node, name: str) -> Node:
    """kyaml's PathGetter step with Create: the mapping at key NAME, appended when missing."""
    _check_mapping(node)
    v = node.field(name)
    if v is not None and not (v.tag == NULL_TAG and v.kind == SCALAR):
        return v
    if v is not None:
        # a null value is replaced by a new mapping in place
        v.kind, v.tag, v.value, v.style, v.content = MAPPING, "", "", 0, []
        return v
    created = Node(MAPPING)
    node.content += [Node(SCALAR, value=name), created]
    return created


def set_annotation(node: Node, key: str, value: str) -> None:
    """kyaml's SetAnnotation: a single-quoted string at metadata.annotations.KEY."""
    _clear_empty_annotations(node)
    root = _root(node)
    ann = _get_or_create(_get_or_create(root, "metadata"), "annotations")
    c = ann.content
    for i in range(0, len(c) - 1, 2):
        if c[i].value == key:
            old = c[i + 1]
            new = Node(SCALAR, STR_TAG, value, old.style)
            if "\n" in value and not old.style:
                new.style = 8
            c[i + 1] = new
            return
    c += [Node(SCALAR, value=key), Node(SCALAR, STR_TAG, value, SINGLE_QUOTED)]


def clear_annotation(node: Node, key: str) -> None:
    """kyaml's ClearAnnotation: removes metadata.annotations.KEY when present."""
    meta = _root(node).field("metadata")
    if meta is None or meta.kind != MAPPING:
        return
    ann = meta.field("annotations")
    if ann is None or ann.kind != MAPPING:
        return
    _clear_field(ann, key, False)


def _copy_legacy_annotations(node: Node) -> None:
    """kioutil.CopyLegacyAnnotations: each legacy/new annotation pair gets the missing half."""
    ann = annotation_map(node)
    if not ann:
        return
    for legacy, new in _LEGACY_PAIRS:
        if ann.get(new):
            if not ann.get(legacy):
                set_annotation(node, legacy, ann[new])
        elif ann.get(legacy):
            set_annotation(node, new, ann[legacy])
