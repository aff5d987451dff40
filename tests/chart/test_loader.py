"""Loading charts from directories, archives and memory (Helm v4.2.3's results as rows)."""

from __future__ import annotations

import gzip
import io
import os
import tarfile
from pathlib import Path
from typing import Any

import pytest
from chart_helpers import CHART_YAML

import chartist.chart.archive as archive_mod
import chartist.chart.loader as loader_mod
from chartist.chart import (
    ArchiveError,
    ChartError,
    ChartLoadError,
    File,
    load,
    load_archive,
    load_archive_files,
    load_files,
)

CY = CHART_YAML.encode()
SUB = b"apiVersion: v2\nname: s\nversion: 1.0.0\n"


def tgz(entries: list[tuple[Any, ...]]) -> bytes:
    """A gzipped tar of ENTRIES: (name, "file", data) | (name, "dir") | (name, "sym"/"hard", target) | (name, "fifo")."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as t:
        for name, kind, *rest in entries:
            ti = tarfile.TarInfo(name)
            if kind == "file":
                ti.size = len(rest[0])
                t.addfile(ti, io.BytesIO(rest[0]))
                continue
            ti.type = {"dir": tarfile.DIRTYPE, "sym": tarfile.SYMTYPE, "hard": tarfile.LNKTYPE}.get(
                kind, tarfile.FIFOTYPE
            )
            if rest:
                ti.linkname = rest[0]
            t.addfile(ti)
    return gzip.compress(buf.getvalue())


def names(chart: Any) -> list[str]:
    return sorted(f.name for f in chart.templates) + sorted(f.name for f in chart.files)


# (id, archive entries, Helm's loaded templates+files or Helm's error)
ARCHIVE_ROWS: list[tuple[str, list[tuple[Any, ...]], Any]] = [
    ("basic", [("c/Chart.yaml", "file", CY), ("c/templates/a.yaml", "file", b"a")], ["templates/a.yaml"]),
    (
        "leading-slash-is-dropped-with-first-element",
        [("c/Chart.yaml", "file", CY), ("/etc/passwd", "file", b"x")],
        ["etc/passwd"],
    ),
    (
        "dotdot",
        [("c/Chart.yaml", "file", CY), ("c/../../x", "file", b"x")],
        "chart illegally references parent directory",
    ),
    (
        "dotdot-nested",
        [("c/Chart.yaml", "file", CY), ("c/a/../../../x", "file", b"x")],
        "chart illegally references parent directory",
    ),
    (
        "dotdot-prefix",
        [("c/Chart.yaml", "file", CY), ("c/..foo", "file", b"x")],
        "chart illegally references parent directory",
    ),
    (
        "drive",
        [("c/Chart.yaml", "file", CY), ("c/C:/x", "file", b"x")],
        "chart contains illegally named files",
    ),
    (
        "drive-backslash",
        [("c/Chart.yaml", "file", CY), ("c\\C:\\x", "file", b"x")],
        "chart contains illegally named files",
    ),
    (
        "chart-at-root",
        [("Chart.yaml", "file", CY)],
        'chart illegally contains content outside the base directory: "Chart.yaml"',
    ),
    (
        "file-at-root",
        [("c/Chart.yaml", "file", CY), ("x", "file", b"x")],
        'chart illegally contains content outside the base directory: "x"',
    ),
    (
        "symlink-loads-empty",
        [("c/Chart.yaml", "file", CY), ("c/templates/l.yaml", "sym", "/etc/passwd")],
        ["templates/l.yaml"],
    ),
    ("hardlink-loads-empty", [("c/Chart.yaml", "file", CY), ("c/hl", "hard", "c/Chart.yaml")], ["hl"]),
    ("fifo-loads-empty", [("c/Chart.yaml", "file", CY), ("c/fifo", "fifo")], ["fifo"]),
    ("only-dirs", [("c/", "dir")], "no files in chart archive"),
    (
        "names-cleaned",
        [
            ("c/./Chart.yaml", "file", CY),
            ("c/templates//a.yaml", "file", b"a"),
            ("c/x/../t.txt", "file", b"t"),
        ],
        ["templates/a.yaml", "t.txt"],
    ),
    (
        "subchart-archive",
        [
            ("c/Chart.yaml", "file", CY),
            ("c/charts/s-1.0.0.tgz", "file", tgz([("s/Chart.yaml", "file", SUB)])),
        ],
        [],
    ),
    (
        "subchart-archive-unsafe",
        [
            ("c/Chart.yaml", "file", CY),
            ("c/charts/s.tgz", "file", tgz([("s/Chart.yaml", "file", SUB), ("s/../../x", "file", b"")])),
        ],
        "error unpacking subchart s.tgz in c: chart illegally references parent directory",
    ),
    (
        "subchart-not-gzip",
        [("c/Chart.yaml", "file", CY), ("c/charts/bad.tgz", "file", b"notgzip")],
        "error unpacking subchart bad.tgz in c: unexpected EOF",
    ),
    (
        "subchart-tgz-directory",
        [("c/Chart.yaml", "file", CY), ("c/charts/s-1.0.0.tgz/x", "file", b"x")],
        "error unpacking subchart tar in c: expected s-1.0.0.tgz, got s-1.0.0.tgz/x",
    ),
]


@pytest.mark.parametrize(("entries", "want"), [r[1:] for r in ARCHIVE_ROWS], ids=[r[0] for r in ARCHIVE_ROWS])
def test_archive(entries: list[tuple[Any, ...]], want: Any) -> None:
    data = tgz(entries)
    if isinstance(want, str):
        with pytest.raises(ChartError) as exc:
            load_archive(data)
        assert str(exc.value) == want
    else:
        chart = load_archive(io.BytesIO(data))
        assert names(chart) == want
        assert all(f.data == b"" for f in chart.files if f.name in ("hl", "fifo", "templates/l.yaml"))


def test_archive_file_too_big() -> None:
    data = tgz([("c/Chart.yaml", "file", CY), ("c/big", "file", b"x" * (5 * 1024 * 1024 + 1))])
    with pytest.raises(ArchiveError) as exc:
        load_archive(data)
    assert str(exc.value) == 'decompressed chart file "c/big" is larger than the maximum file size 5242880'


def test_archive_total_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive_mod, "MAX_DECOMPRESSED_CHART_SIZE", 100)
    data = tgz([("c/Chart.yaml", "file", CY), ("c/a", "file", b"x" * 40), ("c/b", "file", b"y" * 40)])
    with pytest.raises(ArchiveError) as exc:
        load_archive_files(data)
    assert str(exc.value) == "decompressed chart is larger than the maximum size 100"


def test_archive_bomb_in_headers_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    # A huge PAX header must not be read into memory whole.
    monkeypatch.setattr(archive_mod, "_MAX_TAR_STREAM", 10_000)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as t:
        ti = tarfile.TarInfo("c/Chart.yaml")
        ti.pax_headers = {"comment": "z" * 50_000}
        ti.size = len(CY)
        t.addfile(ti, io.BytesIO(CY))
    with pytest.raises(ArchiveError, match="larger than the maximum size"):
        load_archive_files(gzip.compress(buf.getvalue()))


@pytest.mark.parametrize(
    ("name", "content", "want"),
    [
        ("values.yaml", b"a: 1\n", "file '{path}' seems to be a YAML file, but expected a gzipped archive"),
        # Helm sniffs a zero-padded 512-byte buffer: short text files look binary.
        (
            "chart.tgz",
            b"hello world",
            "file '{path}' does not appear to be a gzipped archive; got 'application/octet-stream'",
        ),
        (
            "chart.tgz",
            b"x" * 600,
            "file '{path}' does not appear to be a gzipped archive; got 'text/plain; charset=utf-8'",
        ),
        (
            "chart.tgz",
            b"PK\x03\x04",
            "file '{path}' does not appear to be a gzipped archive; got 'application/zip'",
        ),
        # Helm: "flate: corrupt input before offset 1" (Go's inflater reports an offset).
        ("chart.tgz", b"\x1f\x8b\x08" + b"\x00" * 7 + b"garbage", "flate: corrupt input"),
    ],
)
def test_load_file_refuses_non_archives(tmp_path: Path, name: str, content: bytes, want: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ArchiveError) as exc:
        load(path)
    assert str(exc.value) == want.format(path=path)


def test_load_missing_path(tmp_path: Path) -> None:
    with pytest.raises(ChartLoadError) as exc:
        load(tmp_path / "nope")
    assert str(exc.value) == f"stat {tmp_path / 'nope'}: no such file or directory"


def test_load_dir_without_chart_yaml(chart_dir) -> None:
    path = chart_dir({"templates/a.yaml": "a"})
    with pytest.raises(ChartLoadError) as exc:
        load(path)
    want = f"unable to detect chart at {path}/Chart.yaml: open {path}/Chart.yaml: no such file or directory"
    assert str(exc.value) == want


# (id, files of a chart directory, Helm's loaded templates+files or Helm's error)
DIR_ROWS: list[tuple[str, dict[str, Any], Any]] = [
    (
        "charts-readme-is-a-broken-subchart",
        {"charts/README.md": "x"},
        "error unpacking subchart README.md in c: Chart.yaml file is missing",
    ),
    (
        "charts-underscore-and-dot-skipped",
        {"charts/_skip/Chart.yaml": "x", "charts/.hid/Chart.yaml": "y"},
        [],
    ),
    ("prov-files-kept", {"charts/foo.prov": "p"}, ["charts/foo.prov"]),
    (
        "subchart-invalid",
        {"charts/s1/Chart.yaml": "apiVersion: v2\nname: s1\nversion: bad\n"},
        'error unpacking subchart s1 in c: validation: chart.metadata.version "bad" is invalid',
    ),
    (
        "subchart-without-chart-yaml",
        {"charts/s1/values.yaml": "a: 1"},
        "error unpacking subchart s1 in c: Chart.yaml file is missing",
    ),
    (
        "bad-values",
        {"values.yaml": "a: [1\n"},
        "cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'",
    ),
    (
        "values-list-document",
        {"values.yaml": "a: 1\n---\n- x\n"},
        "cannot load values.yaml: cannot unmarshal yaml document: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}",
    ),
    (
        "values-bad-separator",
        {"values.yaml": "a: 1\n---x\n"},
        "cannot load values.yaml: error reading yaml document: invalid Yaml document separator: x",
    ),
    (
        "symlink-inside-the-chart",
        {"x.txt": "x", "templates/link.yaml": ("link", "../x.txt")},
        ["templates/link.yaml", "x.txt"],
    ),
    ("template-dotfiles-ignored", {"templates/.x.yaml": "x", "templates/y.yaml": "y"}, ["templates/y.yaml"]),
    ("empty-directories", {"templates": None, "empty": None}, []),
    (
        "bad-lock",
        {"Chart.lock": "dependencies: x\n"},
        "cannot load Chart.lock: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field Lock.dependencies of type []*v2.Dependency",
    ),
]


@pytest.mark.parametrize(("files", "want"), [r[1:] for r in DIR_ROWS], ids=[r[0] for r in DIR_ROWS])
def test_directory(chart_dir, files: dict[str, Any], want: Any) -> None:
    path = chart_dir({"Chart.yaml": CHART_YAML, **files})
    if isinstance(want, str):
        with pytest.raises(ChartError) as exc:
            load(path)
        assert str(exc.value) == want
    else:
        assert names(load(path)) == want


def test_subcharts_and_paths(chart_dir) -> None:
    path = chart_dir(
        {
            "Chart.yaml": CHART_YAML,
            "values.yaml": "a: 1\n",
            "values.schema.json": "{}",
            "crds/crd.yaml": "kind: CustomResourceDefinition",
            "charts/s/Chart.yaml": SUB.decode(),
            "charts/s/templates/t.yaml": "t",
            "charts/s/crds/sub.yml": "c",
            "charts/s/charts/ss/Chart.yaml": "apiVersion: v2\nname: ss\nversion: 1.0.0\n",
            "charts/t-1.0.0.tgz": tgz(
                [("t/Chart.yaml", "file", b"apiVersion: v2\nname: t\nversion: 1.0.0\n")]
            ),
        }
    )
    chart = load(path)
    assert chart.values == {"a": 1.0}
    assert chart.schema == b"{}"
    assert [d.name for d in chart.dependencies] == ["s", "t"]
    s = chart.dependencies[0]
    ss = s.dependencies[0]
    assert (ss.chart_full_path(), ss.chart_path(), ss.is_root, chart.is_root) == (
        "c/charts/s/charts/ss",
        "c.s.ss",
        False,
        True,
    )
    assert [(c.name, c.filename) for c in chart.crd_objects()] == [
        ("crds/crd.yaml", "c/crds/crd.yaml"),
        ("crds/sub.yml", "c/charts/s/crds/sub.yml"),
    ]
    assert [f.name for f in chart.crds()] == ["crds/crd.yaml", "crds/sub.yml"]
    assert [c.name for c in chart.walk()] == ["c", "s", "ss", "t"]


def test_bom_is_dropped(chart_dir) -> None:
    chart = load(
        chart_dir({"Chart.yaml": "\ufeff" + CHART_YAML, "values.yaml": "\ufeffa: 1\n", "README": "\ufeffr"})
    )
    assert chart.values == {"a": 1.0}
    assert chart.files[0].data == b"r"


def test_load_files_is_pure() -> None:
    chart = load_files(
        [File("templates/x.yaml", b"x"), File("Chart.yaml", CY), File("charts/s/Chart.yaml", SUB)]
    )
    assert chart.name == "c" and chart.dependencies[0].parents == ("c",)
    with pytest.raises(ChartLoadError, match=r"^Chart\.yaml file is missing$"):
        load_files([File("templates/x.yaml", b"x")])


def test_chart_api_v3_is_refused(chart_dir) -> None:
    with pytest.raises(ChartLoadError, match="v3 is not supported"):
        load(chart_dir({"Chart.yaml": "apiVersion: v3\nname: c\nversion: 1.0.0\n"}))
    with pytest.raises(ChartLoadError, match=r"^unsupported chart version$"):
        load(chart_dir({"Chart.yaml": "apiVersion: v9\nname: c\nversion: 1.0.0\n"}, name="d"))


# --- safety: where chartist is stricter than Helm ----------------------------------------


@pytest.mark.parametrize(
    ("files", "want"),
    [
        (
            {"templates/x.yaml": ("link", "/etc/hostname")},
            "chart file templates/x.yaml is a symbolic link to /etc/hostname",
        ),
        ({"templates/ext": ("link", "/etc")}, "chart file templates/ext is a symbolic link to /etc"),
        (
            {"values.yaml": ("link", "/etc/hostname")},
            "chart file values.yaml is a symbolic link to /etc/hostname",
        ),
        ({"templates/loop": ("link", "..")}, "chart directory templates/loop is a symbolic link loop"),
    ],
    ids=["file-outside", "dir-outside", "values-outside", "loop"],
)
def test_symlinks_outside_the_chart_are_refused(chart_dir, files: dict[str, Any], want: str) -> None:
    with pytest.raises(ChartLoadError) as exc:
        load(chart_dir({"Chart.yaml": CHART_YAML, **files}))
    assert str(exc.value).startswith(want)


def test_broken_symlink(chart_dir) -> None:
    path = chart_dir({"Chart.yaml": CHART_YAML, "templates/b.yaml": ("link", "nowhere")})
    with pytest.raises(ChartLoadError) as exc:
        load(path)
    assert str(exc.value) == (
        f"error evaluating symlink {path}/templates/b.yaml: lstat {path}/templates/nowhere: no such file or directory"
    )


def test_irregular_file(chart_dir) -> None:
    path = chart_dir({"Chart.yaml": CHART_YAML})
    os.mkfifo(path / "pipe")
    with pytest.raises(ChartLoadError) as exc:
        load(path)
    assert str(exc.value) == f"cannot load irregular file {path}/pipe as it has file mode type bits set"


def test_file_size_limit(chart_dir, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader_mod, "MAX_DECOMPRESSED_FILE_SIZE", 10)
    path = chart_dir({"Chart.yaml": CHART_YAML.replace("name: c", "name: c  "), "big.txt": "x" * 11})
    with pytest.raises(ChartLoadError) as exc:
        load(path)
    assert str(exc.value) == 'chart file "Chart.yaml" is larger than the maximum file size 10'
