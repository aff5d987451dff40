"""``.Files``: the chart's non-template files, as Helm's ``engine.files`` map with methods.

``Glob`` patterns follow gobwas/glob with ``/`` as separator (``*`` stops at ``/``, ``**``
crosses it, ``?``, ``[...]``, ``{a,b}``); Python's fnmatch differs, so the translation is ours.
Patterns run on RE2 (linear time), so a hostile pattern cannot stall a render.
"""

from __future__ import annotations

import base64
import functools
import posixpath
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from chartist.gotemplate.values import BYTES, STRING, STRINGS, FuncError, GoObject, StrSlice, method

__all__ = ["Files", "glob_to_regex"]


class Files(dict[str, bytes], GoObject):
    """Helm's ``files`` (``map[string][]byte``): name -> content, with Get/Glob/AsConfig..."""

    go_type: ClassVar[str] = "engine.files"
    go_kind: ClassVar[str] = "map"

    @method(STRING, result=BYTES)
    def GetBytes(self, name: str) -> bytes:
        return self.get(name, b"")

    @method(STRING, result=STRING)
    def Get(self, name: str) -> str:
        return self.get(name, b"").decode("utf-8", errors="surrogateescape")

    @method(STRING, result="engine.files")
    def Glob(self, pattern: str) -> Files:
        try:
            rx = glob_to_regex(pattern)
        except ValueError:  # gobwas falls back to "**" when the pattern does not compile
            return Files(self)
        return Files((k, v) for k, v in self.items() if rx.match(k))

    @method(result=STRING)
    def AsConfig(self) -> str:
        from chartist.goyaml import dump

        m = {posixpath.basename(k): v.decode("utf-8", errors="surrogateescape") for k, v in self.items()}
        return dump(m).removesuffix("\n") if m else "{}"

    @method(result=STRING)
    def AsSecrets(self) -> str:
        from chartist.goyaml import dump

        m = {posixpath.basename(k): base64.b64encode(v).decode("ascii") for k, v in self.items()}
        return dump(m).removesuffix("\n") if m else "{}"

    @method(STRING, result=STRINGS, error=True)
    def Lines(self, path: str) -> StrSlice:
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
def glob_to_regex(pattern: str) -> Any:
    """Compile a gobwas/glob pattern (separator ``/``) to an anchored RE2 program.

    Raises ValueError when the pattern does not compile (an unclosed ``[`` or ``{``).
    """
    from chartist.sprig.goregexp import compile_go, quote_meta

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
                raise ValueError("unclosed [")
            body = pattern[i + 1 : j]
            neg = body.startswith("!")
            if neg:
                body = body[1:]
            parts = []
            k = 0
            while k < len(body):  # keep ranges a-z, quote everything else
                if k + 2 < len(body) and body[k + 1] == "-":
                    parts.append(quote_meta(body[k]) + "-" + quote_meta(body[k + 2]))
                    k += 3
                else:
                    parts.append(quote_meta(body[k]) if body[k] not in "-^" else "\\" + body[k])
                    k += 1
            out.append("[" + ("^" if neg else "") + "".join(parts) + "]")
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
            out.append(quote_meta(pattern[i + 1]))
            i += 2
            continue
        else:
            out.append(quote_meta(c))
        i += 1
    if depth:
        raise ValueError("unclosed {")
    try:
        return compile_go("^(?s:" + "".join(out) + ")$")
    except Exception as err:  # Go's syntax errors: the pattern is not a glob we can run
        raise ValueError(str(err)) from err
