"""``.Files`` and ``.Capabilities`` as objects (the render rows cover them inside templates)."""

from __future__ import annotations

import pytest

from chartist.engine.capabilities import (
    DEFAULT_API_VERSIONS,
    Capabilities,
    CapabilitiesError,
    parse_kube_version,
)
from chartist.engine.files import Files, glob_to_regex
from chartist.gotemplate.values import FuncError

NAMES = ["a.txt", "dir/b.txt", "dir/sub/c.txt", "dir/d.cfg", ".hidden", "x{y}.txt"]

# gobwas/glob with '/' as separator.
GLOB_ROWS = [
    ("*", ["a.txt", ".hidden", "x{y}.txt"]),
    ("*.txt", ["a.txt", "x{y}.txt"]),
    ("**.txt", ["a.txt", "dir/b.txt", "dir/sub/c.txt", "x{y}.txt"]),
    ("dir/*", ["dir/b.txt", "dir/d.cfg"]),
    ("dir/**", ["dir/b.txt", "dir/sub/c.txt", "dir/d.cfg"]),
    ("dir/?.txt", ["dir/b.txt"]),
    ("dir?b.txt", []),
    ("dir/[a-c].*", ["dir/b.txt"]),
    ("dir/[!b]*", ["dir/d.cfg"]),
    ("{a,dir/b}.txt", ["a.txt", "dir/b.txt"]),
    ("x\\{y\\}.txt", ["x{y}.txt"]),
    ("nope/*", []),
]


@pytest.mark.parametrize(("pattern", "want"), GLOB_ROWS, ids=[r[0] for r in GLOB_ROWS])
def test_glob(pattern, want):
    files = Files({n: b"" for n in NAMES})
    assert sorted(files.Glob.fn(pattern)) == sorted(want)


def test_glob_bad_pattern_matches_everything():
    files = Files({n: b"" for n in NAMES})
    assert sorted(files.Glob.fn("dir/[a")) == sorted(NAMES)
    with pytest.raises(Exception):  # noqa: B017 - re.error, the engine's cue to use "**"
        glob_to_regex("dir/[a")


def test_lines():
    files = Files({"a": b"x\ny\n", "b": b"x\n\n", "c": b"one", "e": b""})
    assert files.Lines.fn("a") == ["x", "y"]
    assert files.Lines.fn("b") == ["x", ""]
    assert files.Lines.fn("c") == ["one"]
    assert files.Lines.fn("missing") == []
    with pytest.raises(FuncError, match=r"index out of range \[-1\]"):
        files.Lines.fn("e")


def test_as_config_and_secrets():
    files = Files({"conf/b.ini": b"k=v\n", "a.txt": b"\xff"})
    assert files.AsConfig.fn() == "a.txt: \ufffd\nb.ini: |\n  k=v"
    assert files.AsSecrets.fn() == "a.txt: /w==\nb.ini: az12Cg=="
    assert Files().AsConfig.fn() == "{}"


KUBE_ROWS = [
    ("1.30", "v1.30", "v1.30.0", "1", "30"),
    ("v1.30.2", "v1.30.2", "v1.30.2", "1", "30"),
    ("1.33.4-gke.1245000", "v1.33.4-gke.1245000", "v1.33.4", "1", "33"),
    ("v1.20.0+k3s1", "v1.20.0+k3s1", "v1.20.0", "1", "20"),
]


@pytest.mark.parametrize(
    ("text", "git", "normalized", "major", "minor"), KUBE_ROWS, ids=[r[0] for r in KUBE_ROWS]
)
def test_parse_kube_version(text, git, normalized, major, minor):
    kv = parse_kube_version(text)
    assert (kv.Version, kv.String.fn(), kv.GitVersion.fn(), kv.Major, kv.Minor) == (
        git,
        normalized,
        git,
        major,
        minor,
    )


@pytest.mark.parametrize("text", ["abc", "1", "v1.x", "1.2.3.beta", ""])
def test_parse_kube_version_errors(text):
    with pytest.raises(CapabilitiesError, match=f'could not parse "{text}" as version'):
        parse_kube_version(text)


def test_capabilities_defaults_and_extras():
    caps = Capabilities.make()
    assert caps.KubeVersion.Version == "v1.36.0"
    assert list(caps.APIVersions) == list(DEFAULT_API_VERSIONS)
    extra = Capabilities.make("1.29.1", ["example.com/v1", "apps/v1"])
    assert extra.KubeVersion.String.fn() == "v1.29.1"
    assert extra.APIVersions.Has.fn("example.com/v1") and extra.APIVersions.Has.fn("apps/v1")
    assert len(extra.APIVersions) == len(DEFAULT_API_VERSIONS) + 2  # Helm keeps the duplicate


def test_helm_version_json_tags():
    assert Capabilities.make().HelmVersion.go_json() == {
        "version": "v4.2.3",
        "go_version": "go1.26.6",
        "kube_client_version": "v1.36",
    }
