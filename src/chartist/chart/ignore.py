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


def glob_to_regex(pattern: str) -> re.Pattern[str]:
    """Compile a Go ``filepath.Match`` pattern (Unix rules) to a full-match regex.

    Raises IgnoreError("syntax error in pattern") where Go returns ErrBadPattern.
    """
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "\\":
            if i + 1 >= n:
                raise _bad()
            out.append(re.escape(pattern[i + 1]))
            i += 2
        elif c == "[":
            i += 1
            if i >= n:
                raise _bad()
            negated = pattern[i] == "^"
            if negated:
                i += 1
            ranges: list[str] = []
            while True:
                if i < n and pattern[i] == "]" and ranges:
                    i += 1
                    break
                lo, i = _class_char(pattern, i)
                hi = lo
                if pattern[i] == "-":
                    hi, i = _class_char(pattern, i + 1)
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


def go_match(pattern: str, name: str) -> bool:
    """Go's ``filepath.Match(pattern, name)``; raises IgnoreError for a malformed pattern."""
    return glob_to_regex(pattern).fullmatch(name) is not None


@dataclass(frozen=True, slots=True)
class _Rule:
    raw: str
    regex: re.Pattern[str]
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
        glob_to_regex(rule)  # Helm rejects what filepath.Match would reject
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
        self._rules.append(_Rule(raw, glob_to_regex(rule), negate, must_dir, basename))

    def ignore(self, path: str, is_dir: bool) -> bool:
        """Whether the slash-separated PATH (relative to the chart) is to be skipped."""
        if path in ("", ".", "./"):
            return False
        for r in self._rules:
            subject = path.rsplit("/", 1)[-1] if r.basename else path
            if r.negate:
                if r.must_dir and not is_dir:
                    return True
                if r.regex.fullmatch(subject) is None:
                    return True
                continue
            if r.must_dir and not is_dir:
                continue
            if r.regex.fullmatch(subject) is not None:
                return True
        return False
