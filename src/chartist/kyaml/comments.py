"""Comments of a document attached to nodes as yaml.v3's scanner and parser attach them.

libyaml drops comments, so they are found in the text between the parsed nodes: a ``#``
outside every scalar, alias and flow collection that starts the line or follows a blank.
They are attached by go-yaml v3's rules for block documents:

* after a value on the same line: the line comment of that value (of the key when the
  value is a block collection on the next lines);
* full-line comments between two entries are cut into paragraphs at blank lines; lines
  indented deeper than the next entry, and a first paragraph that follows the previous
  entry directly, are foot comments of the open entry at their indentation; the rest is the
  head comment of the next entry;
* before the first entry, paragraphs separated from it by a blank line are the document's
  head comment; after the last entry, paragraphs after a blank line are its foot comment.

Blank lines between paragraphs of one comment are kept, other blank lines are not (yaml.v3
writes a blank line only after a foot comment). Comments inside flow collections are
dropped. This covers the layouts of rendered manifests; exotic placements may land on a
different node than in yaml.v3.
"""

from __future__ import annotations

import bisect

from chartist.kyaml.node import DOCUMENT, FOLDED, LITERAL, MAPPING, SCALAR, SEQUENCE, Node
from chartist.kyaml.parser import Span

__all__ = ["attach_comments"]

# (start index, depth-free order key, line, column, parent, node, index in parent)
_Entry = tuple[int, int, int, Node, Node, int]


class _Comment:
    __slots__ = ("col", "index", "line", "text")

    def __init__(self, index: int, line: int, col: int, text: str) -> None:
        self.index = index
        self.line = line
        self.col = col
        self.text = text


def _find_comments(text: str, spans: list[Span]) -> tuple[list[_Comment], list[_Comment]]:
    """(line comments, full-line comments) of TEXT outside SPANS."""
    covered = sorted((s, e) for s, e, _ in spans if e > s)
    starts = [s for s, _ in covered]
    line_comments: list[_Comment] = []
    full: list[_Comment] = []
    pos = text.find("#")
    while pos >= 0:
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and covered[i][1] > pos:
            pos = text.find("#", covered[i][1])
            continue
        if pos > 0 and text[pos - 1] not in " \t\n":
            pos = text.find("#", pos + 1)
            continue
        bol = text.rfind("\n", 0, pos) + 1
        eol = text.find("\n", pos)
        if eol < 0:
            eol = len(text)
        c = _Comment(pos, text.count("\n", 0, pos), pos - bol, text[pos:eol].rstrip("\r"))
        if text[bol:pos].strip(" \t") in ("", "-"):
            full.append(c)
        else:
            line_comments.append(c)
        pos = text.find("#", eol)
    return line_comments, full


def _entries(text: str, raw: list[tuple[Node, Node, int, int, int]]) -> list[_Entry]:
    """Block entries in text order: (start index, line, column, parent, node, index).

    A sequence item starts at its ``-``; a mapping entry at its key.
    """
    line_starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            line_starts.append(i + 1)
    out: list[_Entry] = []
    for parent, node, ix, line, col in raw:
        start = line_starts[line] + col if line < len(line_starts) else len(text)
        if parent.kind == SEQUENCE:
            j = start - 1
            while j >= 0 and text[j] in " \t\n":
                j -= 1
            if j >= 0 and text[j] == "-":
                start = j
                line = text.count("\n", 0, j)
                col = j - (text.rfind("\n", 0, j) + 1)
        out.append((start, line, col, parent, node, ix))
    out.sort(key=lambda e: (e[0], -e[2] if e[3].kind == SEQUENCE else 0))
    return out


def _target(entry: _Entry) -> Node:
    """The node carrying an entry's head and foot comments: the key or the item."""
    return entry[4]


def _join(old: str, new: str) -> str:
    return f"{old}\n{new}" if old else new


def _attach_line(c: _Comment, spans_by_end: list[tuple[int, int, Node]], ends: list[int], text: str) -> bool:
    i = bisect.bisect_right(ends, c.index) - 1
    if i < 0:
        return False
    end, _start, node = spans_by_end[i]
    if "\n" in text[end : c.index]:
        return False
    node.line_comment = _join(node.line_comment, c.text)
    return True


def attach_comments(
    text: str, doc: Node, spans: list[Span], raw_entries: list[tuple[Node, Node, int, int, int]]
) -> None:
    """Attach the comments of TEXT (one document) to the nodes of DOC."""
    if "#" not in text:
        return
    # A block scalar's header line (``key: | # c``) may hold a comment: it is not covered.
    headers: list[tuple[int, int, Node]] = []
    covered: list[Span] = []
    for s, e, n in spans:
        if n.kind == SCALAR and n.style & (LITERAL | FOLDED):
            nl = text.find("\n", s, e)
            if nl > s:
                headers.append((s, nl, n))
                s = nl
        covered.append((s, e, n))
    line_comments, full = _find_comments(text, covered)
    spans_by_end = sorted(((e, s, n) for s, e, n in spans), key=lambda t: (t[0], -t[1]))
    ends = [t[0] for t in spans_by_end]
    for c in line_comments:
        header = next((n for s, e, n in headers if s < c.index < e), None)
        if header is not None:
            header.line_comment = _join(header.line_comment, c.text)
        elif not _attach_line(c, spans_by_end, ends, text):
            full.append(c)
    if not full:
        return
    full.sort(key=lambda c: c.index)
    entries = _entries(text, raw_entries)
    entry_starts = [e[0] for e in entries]
    # Lines holding content (any span or entry), to tell blank lines from others.
    content_lines: set[int] = set()
    for start, end, _ in spans:
        content_lines.add(text.count("\n", 0, start))
        content_lines.add(text.count("\n", 0, end))
    for entry in entries:
        content_lines.add(entry[1])
    root = doc.content[0] if doc.kind == DOCUMENT and doc.content else doc
    if root.kind not in (MAPPING, SEQUENCE) or not entries:
        # A scalar document: comments before it are its head, after it its foot.
        _attach_scalar_document(doc, root, full, content_lines)
        return
    # Group comments by the gap (between two entries) they fall in.
    groups: dict[int, list[_Comment]] = {}
    for c in full:
        groups.setdefault(bisect.bisect_right(entry_starts, c.index), []).append(c)
    for gap, comments in groups.items():
        prev_entries = entries[:gap]
        nxt = entries[gap] if gap < len(entries) else None
        _attach_gap(doc, comments, prev_entries, nxt, content_lines, text)


def _paragraphs(comments: list[_Comment]) -> list[list[_Comment]]:
    paras: list[list[_Comment]] = []
    for c in comments:
        if paras and c.line == paras[-1][-1].line + 1:
            paras[-1].append(c)
        else:
            paras.append([c])
    return paras


def _text(paras: list[list[_Comment]]) -> str:
    return "\n\n".join("\n".join(c.text for c in p) for p in paras)


def _open_entry(prev_entries: list[_Entry], col: int) -> _Entry | None:
    """The deepest entry still open before a comment at COL whose column is <= COL."""
    limit = 1 << 30
    for e in reversed(prev_entries):
        if e[2] < limit:
            limit = e[2]
            if e[2] <= col:
                return e
    return None


def _block_entry(prev_entries: list[_Entry], col: int) -> _Entry | None:
    """The open entry of the block indented exactly at COL (items of a sequence written at
    its key's column open no block of their own)."""
    limit = 1 << 30
    for e in reversed(prev_entries):
        if e[2] < limit:
            limit = e[2]
            if e[2] == col and not _indentless(e, prev_entries):
                return e
            if e[2] < col:
                return None
    return None


def _indentless(entry: _Entry, prev_entries: list[_Entry]) -> bool:
    parent = entry[3]
    if parent.kind != SEQUENCE:
        return False
    for e in reversed(prev_entries):
        p = e[3]
        if p.kind == MAPPING and e[5] + 1 < len(p.content) and p.content[e[5] + 1] is parent:
            return e[2] == entry[2]
    return False


def _last_content_line(prev_entries: list[_Entry], first: _Comment, content_lines: set[int]) -> int:
    line = first.line - 1
    while line >= 0 and line not in content_lines:
        line -= 1
    return line


def _attach_gap(
    doc: Node,
    comments: list[_Comment],
    prev_entries: list[_Entry],
    nxt: _Entry | None,
    content_lines: set[int],
    text: str,
) -> None:
    paras = _paragraphs(comments)
    if not prev_entries:
        # Before the first entry: what touches the entry is its head, the rest the document's.
        assert nxt is not None
        last = paras[-1]
        if last[-1].line + 1 == nxt[1]:
            _target(nxt).head_comment = _join(_target(nxt).head_comment, _text([last]))
            paras = paras[:-1]
        if paras:
            doc.head_comment = _join(doc.head_comment, _text(paras))
        return
    feet: list[tuple[_Entry, list[_Comment]]] = []
    heads: list[list[_Comment]] = []
    next_col = nxt[2] if nxt is not None else -1
    last_line = _last_content_line(prev_entries, paras[0][0], content_lines)
    for i, para in enumerate(paras):
        touching = i == 0 and para[0].line == last_line + 1
        if nxt is not None:
            # Lines indented deeper than the next entry end the blocks they are indented
            # for: each run of one column is a foot of the open entry at that column.
            while para and para[0].col > next_col:
                run = 1
                while run < len(para) and para[run].col == para[0].col:
                    run += 1
                target = _block_entry(prev_entries, para[0].col)
                if target is None:
                    break
                feet.append((target, para[:run]))
                para = para[run:]
                touching = False if not para else touching
            if not para:
                continue
        if touching and (i + 1 < len(paras) or nxt is None or para[-1].line + 1 != nxt[1]):
            target = _open_entry(prev_entries, para[0].col)
            if target is not None:
                feet.append((target, para))
                continue
        heads.append(para)
    for target, para in feet:
        node = _target(target)
        node.foot_comment = _join(node.foot_comment, _text([para]))
    if not heads:
        return
    if nxt is None:
        doc.foot_comment = _join(doc.foot_comment, _text(heads))
        return
    node = _target(nxt)
    node.head_comment = _join(node.head_comment, _text(heads))


def _attach_scalar_document(doc: Node, root: Node, full: list[_Comment], content_lines: set[int]) -> None:
    first_content = min(content_lines) if content_lines else 0
    before = [c for c in full if c.line < first_content]
    after = [c for c in full if c.line >= first_content]
    if before:
        paras = _paragraphs(before)
        if paras[-1][-1].line + 1 == first_content:
            root.head_comment = _text([paras[-1]])
            paras = paras[:-1]
        if paras:
            doc.head_comment = _text(paras)
    if after:
        paras = _paragraphs(after)
        last_content = max(content_lines) if content_lines else 0
        if paras[0][0].line == last_content + 1:
            root.foot_comment = _text([paras[0]])
            paras = paras[1:]
        if paras:
            doc.foot_comment = _text(paras)
