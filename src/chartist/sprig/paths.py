"""Sprig's path functions: Go's ``path`` package (``base dir clean ext isAbs``) and
``path/filepath`` (``osBase osDir osClean osExt osIsAbs``).

Hand-written because Python's ``posixpath`` differs from Go on purpose: ``normpath`` keeps a
leading ``//``, ``basename("a/")`` is ``""`` where Go says ``a``, ``splitext`` skips leading
dots. On Linux and macOS (the only hosts chartist targets) ``filepath`` is ``path`` with the
OS separator ``/``, so the ``os*`` functions share the same code.
"""

from __future__ import annotations

from chartist.gotemplate.values import BOOL, STRING, GoFunc, gofunc

__all__ = ["FUNCS", "go_base", "go_clean", "go_dir", "go_ext", "go_is_abs"]


def go_clean(path: str) -> str:
    """Go's path.Clean: the shortest equivalent path, purely lexically ("" -> ".")."""
    if path == "":
        return "."
    rooted = path[0] == "/"
    out: list[str] = []
    for elem in path.split("/"):
        if elem == "" or elem == ".":
            continue
        if elem == "..":
            if out and out[-1] != "..":
                out.pop()
            elif not rooted:
                out.append("..")
            # ".." at the root stays at the root.
            continue
        out.append(elem)
    joined = "/".join(out)
    if rooted:
        return "/" + joined
    return joined or "."


def go_base(path: str) -> str:
    """Go's path.Base: the last element, trailing slashes removed ("" -> ".", "///" -> "/")."""
    if path == "":
        return "."
    path = path.rstrip("/")
    if path == "":
        return "/"
    return path[path.rfind("/") + 1 :]


def go_dir(path: str) -> str:
    """Go's path.Dir: everything up to the last slash, cleaned."""
    return go_clean(path[: path.rfind("/") + 1])


def go_ext(path: str) -> str:
    """Go's path.Ext: the suffix from the last dot of the last element, or ""."""
    for i in range(len(path) - 1, -1, -1):
        c = path[i]
        if c == "/":
            break
        if c == ".":
            return path[i:]
    return ""


def go_is_abs(path: str) -> bool:
    """Go's path.IsAbs: whether the path starts with a slash."""
    return path.startswith("/")


base = gofunc(STRING, result=STRING)(go_base)
dir_ = gofunc(STRING, result=STRING)(go_dir)
clean = gofunc(STRING, result=STRING)(go_clean)
ext = gofunc(STRING, result=STRING)(go_ext)
is_abs = gofunc(STRING, result=BOOL)(go_is_abs)

FUNCS: dict[str, GoFunc] = {
    "base": base,
    "clean": clean,
    "dir": dir_,
    "ext": ext,
    "isAbs": is_abs,
    "osBase": base,
    "osClean": clean,
    "osDir": dir_,
    "osExt": ext,
    "osIsAbs": is_abs,
}
