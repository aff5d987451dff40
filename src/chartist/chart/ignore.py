""".helmignore rules, exactly as Helm's ``pkg/ignore`` applies them (not gitignore's rules).

Format: one rule per line, surrounding spaces trimmed, blank lines and ``#`` comments
skipped, no inline comments, ``**`` refused. Globs are Go's ``filepath.Match`` (``*`` and
``?`` never match ``/``, classes ``[a-z]`` / ``[^a-z]``, ``\\`` escapes). A rule without a
slash tests the base name only; with a slash the whole path; a leading ``/`` anchors at the
chart root; a trailing ``/`` restricts it to directories.

Rules are tried in order and the first match decides. Helm's negation is not gitignore's:
``!pattern`` ignores every path that does NOT match it (and, with a trailing ``/``, every
file), and lets matching paths fall through to the next rules. The default rule
``templates/.?*`` hides dotfiles under templates/. Python's fnmatch and gitignore libraries
differ on all of these points, hence this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from chartist.chart.errors import IgnoreError

HELM_IGNORE = ".helmignore"
_BOM = "\ufeff"


def _bad() -> IgnoreError:
    return IgnoreError("syntax error in pattern")


def _class_char(pat: str, i: int) -> tuple[str, int]:
    """Go's getEsc: one possibly-escaped character of a class at I; the next index."""
    if i >= len(pat) or pat[i] in "-]":
        raise _bad()
    if pat[i] == "\\":
        i += 1
        if i >= len(pat):
            raise _bad()
    if i + 1 >= len(pat):  # a class must be closed after this character
        raise _bad()
    return pat[i], i + 1


def _chunk_regex(chunk: str) -> re.Pattern[str]:
    """A chunk of a pattern (no ``*``) as a regex of one item per character: fixed width, so it
    never backtracks. Raises IgnoreError where Go returns ErrBadPattern."""
    out: list[str] = []
    i, n = 0, len(chunk)
    while i < n:
        c = chunk[i]
        if c == "?":
            out.append("[^/]")
            i += 1
        elif c == "\\":
            if i + 1 >= n:
                raise _bad()
            out.append(re.escape(chunk[i + 1]))
            i += 2
        elif c == "[":
            i += 1
            if i >= n:
                raise _bad()
            negated = chunk[i] == "^"
            if negated:
                i += 1
            ranges: list[str] = []
            while True:
                if i < n and chunk[i] == "]" and ranges:
                    i += 1
                    break
                lo, i = _class_char(chunk, i)
                hi = lo
                if chunk[i] == "-":
                    hi, i = _class_char(chunk, i + 1)
                # Go accepts an empty range (lo > hi); it just matches nothing.
                ranges.append(f"{re.escape(lo)}-{re.escape(hi)}" if lo <= hi else "")
            body = "".join(ranges)
            if negated:
                out.append(f"[^{body}]" if body else "[\\s\\S]")
            else:
                out.append(f"[{body}]" if body else "(?!)")
        else:
            out.append(re.escape(c))
            i += 1
    return re.compile("".join(out), re.DOTALL)


def _split_stars(pattern: str) -> list[tuple[bool, str]]:
    """Go's scanChunk over the whole pattern: (a star came before, the chunk up to the next star)."""
    pieces: list[tuple[bool, str]] = []
    i, n = 0, len(pattern)
    while i < n:
        star = False
        while i < n and pattern[i] == "*":
            star = True
            i += 1
        j, in_class = i, False
        while j < n and (in_class or pattern[j] != "*"):
            c = pattern[j]
            if c == "\\":
                j += 1  # an escaped character, even a star
            elif c == "[":
                in_class = True
            elif c == "]":
                in_class = False
            j += 1
        pieces.append((star, pattern[i:j]))
        i = j
    return pieces


@dataclass(frozen=True, slots=True)
class _Glob:
    """A compiled ``filepath.Match`` pattern: chunks of fixed width, each after an optional star.

    Matching is Go's: a star takes the fewest characters (never ``/``) that let its chunk match,
    and only the last chunk must reach the end. That costs at most pattern x name steps, where
    a backtracking regex (``[^/]*a[^/]*a...``) can take exponentially many.
    """

    pieces: tuple[tuple[bool, re.Pattern[str]], ...]

    def match(self, name: str) -> bool:
        pos, end = 0, len(name)
        last = len(self.pieces) - 1
        for k, (star, chunk) in enumerate(self.pieces):
            if star and not chunk.pattern:
                return "/" not in name[pos:]  # a trailing star takes the rest of this element
            m = chunk.match(name, pos)
            if m is not None and (m.end() == end or k < last):
                pos = m.end()
                continue
            if not star:
                return False
            for i in range(pos + 1, end + 1):  # skip 1, 2, ... characters, never a "/"
                if name[i - 1] == "/":
                    return False
                m = chunk.match(name, i)
                if m is not None and (m.end() == end or k < last):
                    pos = m.end()
                    break
            else:
                return False
        return pos == end


def compile_glob(pattern: str) -> _Glob:
    """Compile a Go ``filepath.Match`` pattern (Unix rules).

    Raises IgnoreError("syntax error in pattern") where Go returns ErrBadPattern.
    """
    return _Glob(tuple((star, _chunk_regex(chunk)) for star, chunk in _split_stars(pattern)))


def go_match(pattern: str, name: str) -> bool:
    """Go's ``filepath.Match(pattern, name)``; raises IgnoreError for a malformed pattern."""
    return compile_glob(pattern).match(name)


@dataclass(frozen=True, slots=True)
class _Rule:
    raw: str
    glob: _Glob
    negate: bool
    must_dir: bool
    basename: bool  # no slash in the rule: match the last path element only


class Rules:
    """An ordered set of .helmignore rules; :meth:`ignore` decides one path."""

    __slots__ = ("_rules",)

    def __init__(self, rules: Iterable[_Rule] = ()) -> None:
        self._rules = list(rules)

    @classmethod
    def parse(cls, text: str) -> Rules:
        """Rules from the text of a .helmignore file; raises IgnoreError for a bad rule."""
        rules = cls()
        if text.startswith(_BOM):
            text = text[1:]
        # Go's bufio.Scanner splits on \n and drops one \r before it.
        for line in text.split("\n"):
            rules.add(line[:-1] if line.endswith("\r") else line)
        return rules

    def add_defaults(self) -> None:
        """Add Helm's default rule: ignore dotfiles in templates/."""
        self.add("templates/.?*")

    def add(self, rule: str) -> None:
        """Append one rule (a line of .helmignore); blank lines and comments are skipped."""
        rule = rule.strip(" \t\n\v\f\r\x85\xa0")
        if not rule or rule.startswith("#"):
            return
        if "**" in rule:
            raise IgnoreError("double-star (**) syntax is not supported")
        compile_glob(rule)  # Helm rejects what filepath.Match would reject
        raw = rule
        negate = rule.startswith("!")
        if negate:
            rule = rule[1:]
        must_dir = rule.endswith("/")
        if must_dir:
            rule = rule[:-1]
        basename = "/" not in rule
        if rule.startswith("/"):
            rule = rule[1:]
        self._rules.append(_Rule(raw, compile_glob(rule), negate, must_dir, basename))

    def ignore(self, path: str, is_dir: bool) -> bool:
        """Whether the slash-separated PATH (relative to the chart) is to be skipped."""
        if path in ("", ".", "./"):
            return False
        for r in self._rules:
            subject = path.rsplit("/", 1)[-1] if r.basename else path
            if r.negate:
                if r.must_dir and not is_dir:
                    return True
                if not r.glob.match(subject):
                    return True
                continue
            if r.must_dir and not is_dir:
                continue
            if r.glob.match(subject):
                return True
        return False
