"""Plugin discovery and the subprocess runtime, rows from Helm v4.2.3's internal/plugin."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from chartist.plugin import PlatformCommand, PluginError, expand, find_plugin, load_dir, prepare_command
from chartist.plugin import runtime as rt

POSTRENDERER = """apiVersion: v1
name: "{name}"
version: "1.2.3"
type: postrenderer/v1
runtime: subprocess
runtimeConfig:
  platformCommand:
  - command: "${{HELM_PLUGIN_DIR}}/run.sh"
"""


def _plugin(base: Path, dirname: str, text: str) -> Path:
    d = base / dirname
    d.mkdir(parents=True)
    (d / "plugin.yaml").write_text(text)
    return d


# --- os.Expand (Go's os/env_test.go shapes) ----------------------------------------------------
ENV = {
    "*": "all the args",
    "#": "NARGS",
    "$": "PID",
    "1": "ARGUMENT1",
    "HOME": "/usr/gopher",
    "H": "(Value of H)",
    "home_1": "/usr/foo",
    "_": "underscore",
}
EXPAND_ROWS = [
    ("empty", "", ""),
    ("plain", "$*", "all the args"),
    ("dollar dollar", "$$", "PID"),
    ("braced special", "${*}", "all the args"),
    ("digit", "$1", "ARGUMENT1"),
    ("braced digit", "${1}", "ARGUMENT1"),
    ("now is", "now is the time", "now is the time"),
    ("home", "$HOME", "/usr/gopher"),
    ("home_1", "$home_1", "/usr/foo"),
    ("braced", "${HOME}", "/usr/gopher"),
    ("h and home", "${H}home", "(Value of H)home"),
    ("mixed", "A$$$#$1$H$home_1*B", "APIDNARGSARGUMENT1(Value of H)/usr/foo*B"),
    ("dollar at end", "start$", "start$"),
    ("dollar dash", "start$+middle$^end$", "start$+middle$^end$"),
    ("unknown", "$UNKNOWN/x", "/x"),
    ("empty braces eaten", "mixed$|bag$$$", "mixed$|bagPID$"),
    ("bad braces", "$}", "$}"),
    ("empty braced", "${}", ""),
    ("unterminated", "${", ""),
    ("underscore", "$_", "underscore"),
]


@pytest.mark.parametrize(("s", "want"), [r[1:] for r in EXPAND_ROWS], ids=[r[0] for r in EXPAND_ROWS])
def test_expand(s: str, want: str) -> None:
    assert expand(s, ENV) == want


# --- platform command selection (getPlatformCommand's priority rules) ---------------------------
def _pc(os_: str, arch: str, cmd: str) -> PlatformCommand:
    return PlatformCommand(os_, arch, cmd, ())


PLATFORM_ROWS = [
    (
        "exact match wins",
        [_pc("", "", "any"), _pc(rt.GOOS, "", "os"), _pc(rt.GOOS, rt.GOARCH, "exact")],
        "exact",
    ),
    ("os match over empty", [_pc("", "", "any"), _pc(rt.GOOS, "", "os")], "os"),
    ("empty when nothing else", [_pc("plan9", "", "p9"), _pc("", "", "any")], "any"),
    ("arch alone needs an os", [_pc("", rt.GOARCH, "arch-only"), _pc("", "", "any")], "any"),
    ("case-insensitive", [_pc(rt.GOOS.upper(), rt.GOARCH.upper(), "upper")], "upper"),
    ("first empty wins", [_pc("", "", "first"), _pc("", "", "second")], "first"),
]


@pytest.mark.parametrize(("cmds", "want"), [r[1:] for r in PLATFORM_ROWS], ids=[r[0] for r in PLATFORM_ROWS])
def test_platform_command(cmds: list[PlatformCommand], want: str) -> None:
    main, _ = prepare_command(cmds, [], {})
    assert main == want


def test_prepare_command_expands_and_appends() -> None:
    cmds = [PlatformCommand("", "", "$HELM_PLUGIN_DIR/run.sh --flag ${X}", ("a$X", "b"))]
    main, args = prepare_command(cmds, ["extra", "$X"], {"HELM_PLUGIN_DIR": "/p", "X": "x"})
    assert (main, args) == ("/p/run.sh", ["--flag", "x", "ax", "b", "extra", "$X"])


def test_prepare_command_splits_on_single_spaces() -> None:
    main, args = prepare_command([PlatformCommand(command="cmd  two")], [], {})
    assert (main, args) == ("cmd", ["", "two"])


@pytest.mark.parametrize("cmds", [[], [PlatformCommand("plan9", "", "x")], [PlatformCommand(command="")]])
def test_no_applicable_command(cmds: list[PlatformCommand]) -> None:
    with pytest.raises(PluginError, match=r"^no plugin command is applicable$"):
        prepare_command(cmds, [], {})


# --- loading and finding ------------------------------------------------------------------------
def test_find_postrenderer(tmp_path: Path) -> None:
    _plugin(tmp_path, "pr", POSTRENDERER.format(name="postrenderer-v1"))
    p = find_plugin([str(tmp_path)], "postrenderer-v1", "postrenderer/v1")
    assert (p.name, p.type, p.runtime, p.dir) == (
        "postrenderer-v1",
        "postrenderer/v1",
        "subprocess",
        str(tmp_path / "pr"),
    )
    assert p.platform_command == (PlatformCommand(command="${HELM_PLUGIN_DIR}/run.sh"),)


@pytest.mark.parametrize(
    ("name", "ptype"),
    [("missing", "postrenderer/v1"), ("postrenderer-v1", "cli/v1")],
    ids=["unknown name", "wrong type"],
)
def test_not_found(tmp_path: Path, name: str, ptype: str) -> None:
    _plugin(tmp_path, "pr", POSTRENDERER.format(name="postrenderer-v1"))
    with pytest.raises(PluginError) as err:
        find_plugin([str(tmp_path)], name, ptype)
    assert str(err.value) == f"plugin: {{Name:{name} Type:{ptype}}} not found"


def test_legacy_plugin_is_never_a_postrenderer(tmp_path: Path) -> None:
    _plugin(tmp_path, "old", 'name: "old"\nversion: "0.1.0"\ncommand: "$HELM_PLUGIN_DIR/run.sh"\n')
    assert load_dir(str(tmp_path / "old")).type == "cli/v1"
    with pytest.raises(PluginError, match="not found"):
        find_plugin([str(tmp_path)], "old", "postrenderer/v1")


def test_duplicate_names_are_an_error(tmp_path: Path) -> None:
    _plugin(tmp_path, "a", POSTRENDERER.format(name="dup"))
    _plugin(tmp_path, "b", POSTRENDERER.format(name="dup"))
    with pytest.raises(PluginError) as err:
        find_plugin([str(tmp_path)], "dup", "postrenderer/v1")
    assert str(err.value) == f'two plugins claim the name "dup" at "{tmp_path / "a"}" and "{tmp_path / "b"}"'


def test_search_path_list(tmp_path: Path) -> None:
    _plugin(tmp_path / "one", "x", POSTRENDERER.format(name="first"))
    _plugin(tmp_path / "two", "y", POSTRENDERER.format(name="second"))
    assert (
        find_plugin([str(tmp_path / "one"), str(tmp_path / "two")], "second", "postrenderer/v1").name
        == "second"
    )


BAD_ROWS = [
    ("bad apiVersion", "apiVersion: v2\nname: x\n", 'invalid plugin apiVersion: "v2"'),
    (
        "unknown field",
        POSTRENDERER.format(name="x") + "extra: 1\n",
        "field extra not found in type plugin.MetadataV1",
    ),
    (
        "no version",
        "apiVersion: v1\nname: x\ntype: postrenderer/v1\nruntime: subprocess\n",
        "plugin `version` is required",
    ),
    (
        "bad version",
        "apiVersion: v1\nname: x\nversion: one\ntype: postrenderer/v1\nruntime: subprocess\n",
        'invalid plugin `version` "one": must be valid semver',
    ),
    (
        "bad name",
        "apiVersion: v1\nname: x.y\nversion: 1.0.0\ntype: postrenderer/v1\nruntime: subprocess\n",
        "invalid plugin `name`",
    ),
    (
        "unknown type",
        "apiVersion: v1\nname: x\nversion: 1.0.0\ntype: nope/v1\nruntime: subprocess\n",
        'unknown plugin type "nope/v1"',
    ),
    (
        "unknown runtime",
        "apiVersion: v1\nname: x\nversion: 1.0.0\ntype: postrenderer/v1\nruntime: java\n",
        'unsupported plugin runtime type: "java"',
    ),
    (
        "config for postrenderer",
        "apiVersion: v1\nname: x\nversion: 1.0.0\ntype: postrenderer/v1\nruntime: subprocess\n"
        "config:\n  a: 1\n",
        "field a not found in type schema.Config",
    ),
]


@pytest.mark.parametrize(("text", "want"), [r[1:] for r in BAD_ROWS], ids=[r[0] for r in BAD_ROWS])
def test_bad_plugins_are_skipped_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, text: str, want: str
) -> None:
    _plugin(tmp_path, "bad", text)
    with pytest.raises(PluginError) as err:
        load_dir(str(tmp_path / "bad"))
    assert str(err.value) == f'failed to load plugin "{tmp_path / "bad"}": {want}'
    with (
        caplog.at_level(logging.WARNING, logger="chartist.plugin"),
        pytest.raises(PluginError, match="not found"),
    ):
        find_plugin([str(tmp_path)], "x", "postrenderer/v1")
    assert 'level=WARN msg="failed to load plugin (ignoring)" plugin_yaml=' in caplog.text
