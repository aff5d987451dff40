"""Sprig path functions (Go path and path/filepath); expected values rendered by Helm v4.2.3."""

from __future__ import annotations

import pytest

from chartist.sprig.paths import FUNCS

# input, base, dir, clean, ext, isAbs (the os* variants give the same on Linux).
ROWS = [
    ("", ".", ".", ".", "", False),
    (".", ".", ".", ".", ".", False),
    ("..", "..", ".", "..", ".", False),
    ("/", "/", "/", "/", "", True),
    ("//", "/", "/", "/", "", True),
    ("///", "/", "/", "/", "", True),
    ("a", "a", ".", "a", "", False),
    ("a/", "a", "a", "a", "", False),
    ("a//", "a", "a", "a", "", False),
    ("/a", "a", "/", "/a", "", True),
    ("//a", "a", "/", "/a", "", True),
    ("a/b", "b", "a", "a/b", "", False),
    ("a/b/", "b", "a/b", "a/b", "", False),
    ("a/./b", "b", "a", "a/b", "", False),
    ("a/../b", "b", ".", "b", "", False),
    ("a/../..", "..", ".", "..", ".", False),
    ("../../a", "a", "../..", "../../a", "", False),
    ("/../a", "a", "/", "/a", "", True),
    ("/a/b/../../..", "..", "/", "/", ".", True),
    ("a/b.c", "b.c", "a", "a/b.c", ".c", False),
    ("a/b.c/", "b.c", "a/b.c", "a/b.c", "", False),
    ("a.b/c", "c", "a.b", "a.b/c", "", False),
    (".bashrc", ".bashrc", ".", ".bashrc", ".bashrc", False),
    ("a/.b", ".b", "a", "a/.b", ".b", False),
    ("a.tar.gz", "a.tar.gz", ".", "a.tar.gz", ".gz", False),
    ("a.", "a.", ".", "a.", ".", False),
    ("/foo/bar/baz.js", "baz.js", "/foo/bar", "/foo/bar/baz.js", ".js", True),
    ("foo/bar/../baz", "baz", "foo", "foo/baz", "", False),
    ("C:\\x\\y.txt", "C:\\x\\y.txt", ".", "C:\\x\\y.txt", ".txt", False),
    ("ü/ö.ä", "ö.ä", "ü", "ü/ö.ä", ".ä", False),
    ("a/b/c/./../d/", "d", "a/b/d", "a/b/d", "", False),
    (".../x", "x", "...", ".../x", "", False),
]


@pytest.mark.parametrize(
    ("path", "base", "dir_", "clean", "ext", "is_abs"), ROWS, ids=[repr(r[0]) for r in ROWS]
)
def test_paths(path, base, dir_, clean, ext, is_abs):
    got = [FUNCS[n](path) for n in ("base", "dir", "clean", "ext", "isAbs")]
    assert got == [base, dir_, clean, ext, is_abs]
    got_os = [FUNCS[n](path) for n in ("osBase", "osDir", "osClean", "osExt", "osIsAbs")]
    assert got_os == got


def test_signatures():
    assert sorted(FUNCS) == sorted(
        ["base", "dir", "clean", "ext", "isAbs", "osBase", "osDir", "osClean", "osExt", "osIsAbs"]
    )
    assert all(f.params == ("string",) and not f.error for f in FUNCS.values())
    assert FUNCS["isAbs"].result == "bool"
