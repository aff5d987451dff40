"""``.Files``: the chart's non-template files, as Helm's ``engine.files`` map with methods.

``Glob`` patterns follow gobwas/glob with ``/`` as separator (``*`` stops at ``/``, ``**``
crosses it, ``?``, ``[...]``, ``{a,b}``); Python's fnmatch differs, so the translation is ours.
"""

from __future__ import annotations

import base64
import functools
import posixpath
import re
from collections.abc import Iterable, Mapping
from typing import ClassVar

from chartist.gotemplate.values import BYTES, STRING, STRINGS, FuncError, GoObject, StrSlice, method

__all__ = ["Files", "glob_to_regex"]


class Files(dict[str, bytes], GoObject):
    """Helm's ``files`` (``map[string][]byte``): name -> content, with Get/Glob/AsConfig..."""

    go_type: ClassVar[str] = "engine.files"
    go_kind: ClassVar[str] = "map"

    @method(STRING, result=BYTES)
    def GetBytes(self, name: str) -> bytes:  # noqa: N802 - Go's method names
        return self.get(name, b"")

    @method(STRING, result=STRING)
    def Get(self, name: str) -> str:  # noqa: N802
        return self.get(name, b"").decode("utf-8", errors="surrogateescape")

    @method(STRING, result="engine.files")
    def Glob(self, pattern: str) -> Files:  # noqa: N802
        try:
            rx = glob_to_regex(pattern)
        except re.error:
            rx = re.compile(r"(?s).*")
        return Files((k, v) for k, v in self.items() if rx.fullmatch(k))

    @method(result=STRING)
    def AsConfig(self) -> str:  # noqa: N802
        from chartist.goyaml import dump

        m = {posixpath.basename(k): v.decode("utf-8", errors="surrogateescape") for k, v in self.items()}
        return dump(m).removesuffix("\n") if m else "{}"

    @method(result=STRING)
    def AsSecrets(self) -> str:  # noqa: N802
        from chartist.goyaml import dump

        m = {posixpath.basename(k): base64.b64encode(v).decode("ascii") for k, v in self.items()}
        return dump(m).removesuffix("\n") if m else "{}"

    @method(STRING, result=STRINGS, error=True)
    def Lines(self, path: str) -> StrSlice:  # noqa: N802
        """The lines of PATH (one trailing newline dropped); none for a missing file.

        An empty file makes Helm index byte -1 and panic; Go's template engine reports that
        panic as the call's error, and so do we.
        """
        data = self.get(path)
        if data is None:
            return StrSlice()
        if not data:
            raise FuncError("runtime error: index out of range [-1]")
        s = data.decode("utf-8", errors="surrogateescape")
        if s.endswith("\n"):
            s = s[:-1]
        return StrSlice(s.split("\n"))

    @classmethod
    def of(cls, files: Iterable[tuple[str, bytes]] | Mapping[str, bytes]) -> Files:
        """A Files map from (name, data) pairs or a mapping."""
        return cls(files)

    # dict's hash is None; GoObject needs no hash either.
    __hash__ = None  # type: ignore[assignment]


@functools.lru_cache(maxsize=256)
def glob_to_regex(pattern: str) -> re.Pattern[str]:
    """Compile a gobwas/glob pattern (separator ``/``) to an anchored regex."""
    out: list[str] = []
    i, n = 0, len(pattern)
    depth = 0  # inside {…}
    while i < n:
        c = pattern[i]
        if c == "*":
            if i + 1 < n and pattern[i + 1] == "*":
                out.append(".*")
                i += 2
                continue
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = pattern.find("]", i + 1)
            if j < 0:
                raise re.error("unclosed [")
            body = pattern[i + 1 : j]
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = j + 1
            continue
        elif c == "{":
            depth += 1
            out.append("(?:")
        elif c == "}" and depth:
            depth -= 1
            out.append(")")
        elif c == "," and depth:
            out.append("|")
        elif c == "\\" and i + 1 < n:
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        else:
            out.append(re.escape(c))
        i += 1
    if depth:
        raise re.error("unclosed {")
    return re.compile("(?s)" + "".join(out))
