"""Reading YAML the way Helm v4 does: sigs.k8s.io/yaml over go-yaml v2, and Helm's LoadValues.

Parsing is PyYAML's C parser and composer (libyaml, the C library go-yaml v2 was ported from,
so it accepts the same texts and reports the same problems at the same marks). Everything after
the node graph is hand-written in :mod:`chartist.goyaml.decode`, because no library types
scalars, merges keys, expands aliases and turns the result into JSON values the way go-yaml v2,
sigs.k8s.io/yaml and encoding/json do together. Error texts are Go's, built from libyaml's
problem and marks exactly as go-yaml's ``parser.fail`` builds them.

Public functions (all raise :class:`~chartist.goyaml.errors.YAMLError` and nothing else):

* :func:`load` - ``sigs.k8s.io/yaml.Unmarshal`` into ``interface{}``: first document only,
  numbers are floats, keys are strings.
* :func:`load_map` / :func:`load_list` - the same into ``map[string]interface{}`` /
  ``[]interface{}`` (Helm's ``fromYaml`` / ``fromYamlArray``); null gives an empty value.
* :func:`load_all` - every document of a stream split like apimachinery's YAMLReader.
* :func:`read_values` / :func:`load_values` - Helm's ``loader.LoadValues`` (documents merged).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Final

import yaml
from yaml._yaml import CParser
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from chartist.goyaml.decode import PLAIN, DecodeError, decode_node
from chartist.goyaml.errors import YAMLError
from chartist.goyaml.resolve import STR_TAG

__all__ = [
    "CONVERT_PREFIX",
    "load",
    "load_all",
    "load_list",
    "load_map",
    "load_values",
    "merge_maps",
    "read_values",
    "split_documents",
]

CONVERT_PREFIX: Final = "error converting YAML to JSON: "
_UNMARSHAL_PREFIX: Final = "error unmarshaling JSON: while decoding JSON: "
_SEQ_TAG: Final = "tag:yaml.org,2002:seq"
_MAP_TAG: Final = "tag:yaml.org,2002:map"

# go-yaml v2's scanner limits (max_flow_level, max_indents); deeper input is an error there and
# could overflow libyaml's C stack here, so it is checked before composing.
_MAX_DEPTH: Final = 10000


class _Parser(CParser):
    """libyaml parser and composer; plain untagged scalars keep the PLAIN tag for go-yaml's resolve."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            return PLAIN if implicit[0] else STR_TAG
        return _SEQ_TAG if kind is SequenceNode else _MAP_TAG

    def descend_resolver(self, parent: Any, index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


class _EventComposer:
    """Composer over libyaml events that lets an anchor be defined again (go-yaml does)."""

    def __init__(self, parser: Any) -> None:
        self.p = parser
        self.anchors: dict[str, Node] = {}

    def document(self) -> Node | None:
        p = self.p
        p.get_event()  # stream start
        if p.check_event(yaml.StreamEndEvent):
            return None
        p.get_event()  # document start
        node = self.node()
        p.get_event()  # document end
        return node

    def node(self) -> Node:
        p = self.p
        ev: Any = p.get_event()
        kind = type(ev)
        if kind is yaml.AliasEvent:
            found = self.anchors.get(ev.anchor)
            if found is None:
                raise DecodeError(f"yaml: unknown anchor '{ev.anchor}' referenced")
            return found
        node: Node
        if kind is yaml.ScalarEvent:
            tag = ev.tag
            if tag is None:
                tag = PLAIN if ev.implicit[0] else STR_TAG
            node = ScalarNode(tag, ev.value, ev.start_mark, ev.end_mark, style=ev.style)
            if ev.anchor is not None:
                self.anchors[ev.anchor] = node
            return node
        if kind is yaml.SequenceStartEvent:
            seq = SequenceNode(ev.tag or _SEQ_TAG, [], ev.start_mark, None)
            if ev.anchor is not None:
                self.anchors[ev.anchor] = seq
            while not p.check_event(yaml.SequenceEndEvent):
                seq.value.append(self.node())
            p.get_event()
            return seq
        mp = MappingNode(ev.tag or _MAP_TAG, [], ev.start_mark, None)
        if ev.anchor is not None:
            self.anchors[ev.anchor] = mp
        while not p.check_event(yaml.MappingEndEvent):
            k = self.node()
            mp.value.append((k, self.node()))
        p.get_event()
        return mp


def _encode(text: str | bytes) -> bytes:
    if isinstance(text, bytes):
        return text
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape")


def _syntax_error(err: yaml.YAMLError, data: bytes) -> str:
    """Go's ``yaml: line N: problem`` for a libyaml error (go-yaml parser.fail)."""
    if isinstance(err, yaml.reader.ReaderError):
        return "yaml: " + str(err.reason)
    if isinstance(err, yaml.composer.ComposerError) and err.problem == "found undefined alias":
        return f"yaml: unknown anchor '{_alias_name(data, err.problem_mark)}' referenced"
    assert isinstance(err, yaml.MarkedYAMLError)
    pm, cm = err.problem_mark, err.context_mark
    line = 0
    if pm is not None and pm.line != 0:
        line = pm.line + (1 if isinstance(err, yaml.scanner.ScannerError) else 0)
    elif cm is not None and cm.line != 0:
        line = cm.line
    where = f"line {line}: " if line else ""
    return "yaml: " + where + (err.problem or "unknown problem parsing YAML content")


_ANCHOR_CHARS: Final = re.compile(r"[0-9A-Za-z_-]*")


def _alias_name(data: bytes, mark: Any) -> str:
    lines = data.decode("utf-8", "replace").splitlines()
    if mark is None or mark.line >= len(lines):
        return ""
    rest = lines[mark.line][mark.column :]
    rest = rest[1:] if rest.startswith("*") else rest
    m = _ANCHOR_CHARS.match(rest)
    return m.group(0) if m else ""


def _events(data: bytes) -> Iterator[Any]:
    return yaml.parse(data, Loader=yaml.CSafeLoader)


def _anchor_namer(data: bytes) -> Callable[[Node], str]:
    def name(node: Node) -> str:
        # Error path only: find the anchor whose event starts where NODE starts.
        want = (node.start_mark.line, node.start_mark.column)
        for ev in _events(data):
            anchor = getattr(ev, "anchor", None)
            if anchor and (ev.start_mark.line, ev.start_mark.column) == want:
                return str(anchor)
        return ""

    return name


def _too_deep(data: bytes) -> int:
    """The 1-based line where nesting passes go-yaml's limit, or 0 (cheap unless input is huge)."""
    if len(data) <= _MAX_DEPTH:
        return 0
    if data.count(b"[") + data.count(b"{") <= _MAX_DEPTH and max(map(len, data.split(b"\n"))) <= _MAX_DEPTH:
        return 0
    depth = 0
    try:
        for ev in _events(data):
            kind = type(ev)
            if kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                depth += 1
                if depth > _MAX_DEPTH:
                    return int(ev.start_mark.line) + 1
            elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
                depth -= 1
    except yaml.YAMLError:
        return 0  # the syntax error is reported by the real parse
    return 0


_NON_SPECIFIC: Final = re.compile(rb"(?:^|(?<=[\s\[{,]))!(?=[ \t\r\n]|\Z)", re.M)


def _compose_once(data: bytes, events: bool) -> Node | None:
    """libyaml's node graph of the first document (C composer unless EVENTS or an anchor repeats)."""
    if not events:
        parser = _Parser(data)
        try:
            if not parser.check_node():
                return None
            return parser.get_node()
        except yaml.composer.ComposerError as err:
            if not str(err.context or "").startswith("found duplicate anchor"):
                raise
        finally:
            parser.dispose()
    ev_parser = _Parser(data)
    try:
        return _EventComposer(ev_parser).document()
    finally:
        ev_parser.dispose()


def _fix_quote_escape(data: bytes, err: yaml.YAMLError) -> bytes | None:
    """DATA with the escape ``\\'`` at ERR's mark spelled ``\\x27``, or None.

    go-yaml accepts ``\\'`` in double-quoted scalars; libyaml 0.2 refuses it.
    """
    mark = getattr(err, "problem_mark", None)
    if getattr(err, "problem", None) != "found unknown escape character" or mark is None:
        return None
    lines = data.split(b"\n")
    if mark.line >= len(lines):
        return None
    text = lines[mark.line].decode("utf-8", "surrogateescape")
    if text[mark.column : mark.column + 2] != "\\'":
        return None
    fixed = text[: mark.column] + "\\x27" + text[mark.column + 2 :]
    lines[mark.line] = fixed.encode("utf-8", "surrogateescape")
    return b"\n".join(lines)


def _check_version(data: bytes) -> None:
    """go-yaml v2 accepts only ``%YAML 1.1``; libyaml also takes 1.2."""
    try:
        for ev in _events(data):
            if type(ev) is yaml.DocumentStartEvent:
                if ev.version == (1, 2):
                    line = next((i for i, ln in enumerate(data.split(b"\n")) if ln.startswith(b"%YAML")), 0)
                    where = f"line {line}: " if line else ""
                    raise DecodeError(f"yaml: {where}found incompatible YAML document")
                return
    except yaml.YAMLError:
        return  # reported by the real parse


def _question_line(data: bytes, mark: Any) -> int:
    """0-based line of the first ``?`` after the start of a plain scalar at MARK."""
    lines = data.decode("utf-8", "replace").split("\n")
    line, col = int(mark.line), int(mark.column) + 1
    while line < len(lines):
        if "?" in lines[line][col:]:
            return line
        line, col = line + 1, 0
    return int(mark.line)


def _flow_question(data: bytes) -> tuple[str, int, int] | None:
    """go-yaml's error for a plain scalar holding ``?`` inside a flow collection, if any.

    go-yaml ends a plain scalar at ``?`` in flow context (libyaml 0.2.5 does not), so the ``?``
    starts a key where the parser wants ``,``. Returns (message, line, column) of the scalar,
    looking only at the events libyaml produced before any error of its own.
    """
    stack: list[tuple[bool, int]] = []  # (is sequence, start line) of open flow collections
    try:
        for ev in _events(data):
            kind = type(ev)
            if kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                if ev.flow_style or stack:
                    stack.append((kind is yaml.SequenceStartEvent, int(ev.start_mark.line)))
            elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
                if stack:
                    stack.pop()
            elif kind is yaml.ScalarEvent and stack and not ev.style and "?" in ev.value[1:]:
                seq, start = stack[-1]
                line = _question_line(data, ev.start_mark) or start
                msg = "did not find expected ',' or " + ("']'" if seq else "'}'")
                where = f"line {line}: " if line else ""
                return (f"yaml: {where}{msg}", int(ev.start_mark.line), int(ev.start_mark.column))
    except yaml.YAMLError:
        pass
    return None


def _compose(data: bytes) -> tuple[Node | None, bool]:
    """The first document's node graph and whether it may hold aliases; raises DecodeError."""
    deep = _too_deep(data)
    if deep:
        where = f"line {deep}: " if deep > 1 else ""
        raise DecodeError(f"yaml: {where}exceeded max depth of {_MAX_DEPTH}")
    if b"%YAML" in data:
        _check_version(data)
    events = _NON_SPECIFIC.search(data) is not None
    while True:
        try:
            node = _compose_once(data, events)
            break
        except DecodeError:
            raise
        except yaml.YAMLError as err:
            fixed = _fix_quote_escape(data, err)
            if fixed is not None:
                data = fixed
                continue
            q = _flow_question(data) if b"?" in data else None
            mark = getattr(err, "problem_mark", None)
            if q is not None and (mark is None or (q[1], q[2]) < (mark.line, mark.column)):
                raise DecodeError(q[0]) from None
            raise DecodeError(_syntax_error(err, data)) from None
    if b"?" in data and (b"[" in data or b"{" in data):
        q = _flow_question(data)
        if q is not None:
            raise DecodeError(q[0])
    return node, b"&" in data


@contextmanager
def _deep_recursion() -> Iterator[None]:
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, 8 * _MAX_DEPTH))
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


def _unmarshal(data: bytes) -> Any:
    """Go's value of the first document; raises DecodeError (message without Helm's prefixes)."""
    node, track = _compose(data)
    namer = _anchor_namer(data)
    try:
        return decode_node(node, track=track, anchors=namer)
    except RecursionError:
        with _deep_recursion():
            return decode_node(node, track=track, anchors=namer)


def load(text: str | bytes, *, filename: str = "") -> Any:
    """Decode the first YAML document of TEXT as sigs.k8s.io/yaml.Unmarshal into interface{}.

    Numbers are floats, keys strings, an empty document is None. Raises YAMLError whose text
    is Go's, e.g. ``error converting YAML to JSON: yaml: line 3: could not find expected ':'``.
    """
    try:
        return _unmarshal(_encode(text))
    except DecodeError as err:
        raise YAMLError(CONVERT_PREFIX + str(err), filename=filename) from None


_JSON_KIND: Final = {dict: "object", list: "array", str: "string", float: "number", bool: "bool"}


def _type_error(value: Any, target: str) -> str:
    return (
        f"{_UNMARSHAL_PREFIX}json: cannot unmarshal {_JSON_KIND[type(value)]} into Go value of type {target}"
    )


def load_map(text: str | bytes, *, filename: str = "") -> dict[str, Any]:
    """Decode TEXT into map[string]interface{} (Helm's fromYaml): null is {}, a non-map an error."""
    value = load(text, filename=filename)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise YAMLError(_type_error(value, "map[string]interface {}"), filename=filename)
    return value


def load_list(text: str | bytes, *, filename: str = "") -> list[Any]:
    """Decode TEXT into []interface{} (Helm's fromYamlArray): null is [], a non-list an error."""
    value = load(text, filename=filename)
    if value is None:
        return []
    if not isinstance(value, list):
        raise YAMLError(_type_error(value, "[]interface {}"), filename=filename)
    return value


def split_documents(data: bytes) -> Iterator[bytes]:
    """Documents of DATA as apimachinery's YAMLReader returns them.

    Lines are read with their ending normalised to ``\\n``; a line starting with ``---`` ends
    a document and may be followed only by spaces or a comment; empty documents are skipped.
    Raises YAMLError ``invalid Yaml document separator: ...``.
    """
    pieces = data.split(b"\n")
    ended = data.endswith(b"\n")
    if ended:
        pieces.pop()  # what follows the final newline is not a line
    last = len(pieces) - 1
    buf: list[bytes] = []
    for i, raw in enumerate(pieces):
        # bufio.ReadLine drops "\r\n" as a whole; a final unterminated line keeps its "\r"
        line = raw[:-1] if raw.endswith(b"\r") and (i < last or ended) else raw
        if line.startswith(b"---"):
            rest = line[3:].strip(b" \t\n\r\v\f")
            if rest and not rest.startswith(b"#"):
                raise YAMLError("invalid Yaml document separator: " + rest.decode("utf-8", "replace"))
            if buf:
                yield b"".join(buf)
                buf = []
            continue
        buf.append(line + b"\n")
    if buf:
        yield b"".join(buf)


def load_all(text: str | bytes) -> list[Any]:
    """Every document of TEXT (split like apimachinery's YAMLReader), each decoded like load()."""
    try:
        return [_unmarshal(doc) for doc in split_documents(_encode(text))]
    except DecodeError as err:
        raise YAMLError(CONVERT_PREFIX + str(err)) from None


def merge_maps(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Helm's loader.MergeMaps: B over A, maps merged recursively, A left untouched."""
    out = dict(a)
    for k, v in b.items():
        if isinstance(v, dict):
            bv = out.get(k)
            if isinstance(bv, dict):
                out[k] = merge_maps(bv, v)
                continue
        out[k] = v
    return out


def read_values(data: str | bytes) -> dict[str, Any]:
    """Helm's loader.LoadValues: every document read as a map and merged in order.

    Raises YAMLError with Helm's text: ``error reading yaml document: invalid Yaml document
    separator: x`` or ``cannot unmarshal yaml document: error converting YAML to JSON: ...``.
    """
    raw = _encode(data)
    if raw and not raw.endswith(b"\n"):
        raw += b"\n"
    values: dict[str, Any] = {}
    docs = split_documents(raw)
    while True:
        try:
            doc = next(docs)
        except StopIteration:
            break
        except YAMLError as err:
            raise YAMLError("error reading yaml document: " + str(err)) from None
        try:
            value = _unmarshal(doc)
        except DecodeError as err:
            raise YAMLError("cannot unmarshal yaml document: " + CONVERT_PREFIX + str(err)) from None
        if value is None:
            continue
        if not isinstance(value, dict):
            raise YAMLError(
                "cannot unmarshal yaml document: " + _type_error(value, "map[string]interface {}")
            )
        values = merge_maps(values, value)
    return values


def load_values(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read the values file PATH as ``helm -f PATH`` does.

    Raises YAMLError ``failed to parse PATH: cannot unmarshal yaml document: ...`` for bad
    content and ``open PATH: no such file or directory`` when it cannot be read.
    """
    name = os.fspath(path)
    try:
        with open(name, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        raise YAMLError(f"open {name}: no such file or directory", filename=name) from None
    except IsADirectoryError:
        raise YAMLError(f"read {name}: is a directory", filename=name) from None
    except OSError as err:
        raise YAMLError(f"open {name}: {(err.strerror or str(err)).lower()}", filename=name) from None
    try:
        return read_values(data)
    except YAMLError as err:
        raise YAMLError(f"failed to parse {name}: {err}", filename=name) from None
