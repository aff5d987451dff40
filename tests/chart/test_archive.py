"""Packaging (helm package) and safe expansion of chart archives."""

from __future__ import annotations

import io
import os
import tarfile
from pathlib import Path

import pytest
from chart_helpers import CHART_YAML, write_tree

import chartist.chart.archive as archive_mod
from chartist.chart import ArchiveError, DependencyError, extract, load, package, save

FILES = {
    "Chart.yaml": (
        'apiVersion: v2\nname: pkg\nversion: 1.2.3\nappVersion: "1.0"\n'
        "description: 'A chart with \"quotes\": and: colons'\nkeywords: [a, b]\nmaintainers:\n- name: me\n"
        "  email: me@x\ndependencies:\n- name: sub\n  version: 0.1.0\n  repository: file://charts/sub\n"
        '  condition: sub.enabled\nannotations:\n  z: "1"\n  a: yes\n'
    ),
    "Chart.lock": (
        "dependencies:\n- name: sub\n  version: 0.1.0\n  repository: file://charts/sub\ndigest: sha256:abc\n"
        'generated: "2024-01-02T03:04:05Z"\n'
    ),
    "values.yaml": "# comment kept\na: 1\n",
    "values.schema.json": '{"type": "object"}',
    ".helmignore": "*.bak\n",
    "x.bak": "no",
    "templates/t.yaml": "t",
    "templates/_h.tpl": "h",
    "README.md": "r",
    "charts/sub/Chart.yaml": "apiVersion: v1\nname: sub\nversion: 0.1.0\n",
    "charts/sub/requirements.yaml": "dependencies:\n- name: x\n  version: 1.0.0\n",
    "charts/sub/values.yaml": "b: 2\n",
}

# What Helm v4.2.3's `helm package` wrote for FILES.
HELM_MEMBERS = [
    "pkg/Chart.yaml",
    "pkg/Chart.lock",
    "pkg/values.yaml",
    "pkg/values.schema.json",
    "pkg/templates/_h.tpl",
    "pkg/templates/t.yaml",
    "pkg/.helmignore",
    "pkg/README.md",
    "pkg/charts/sub/Chart.yaml",
    "pkg/charts/sub/values.yaml",
    "pkg/charts/sub/requirements.yaml",
]
HELM_CHART_YAML = (
    'annotations:\n  a: "true"\n  z: "1"\napiVersion: v2\nappVersion: "1.0"\ndependencies:\n'
    "- condition: sub.enabled\n  name: sub\n  repository: file://charts/sub\n  version: 0.1.0\n"
    "description: 'A chart with \"quotes\": and: colons'\nkeywords:\n- a\n- b\nmaintainers:\n"
    "- email: me@x\n  name: me\nname: pkg\nversion: 1.2.3\n"
)
HELM_LOCK = (
    "dependencies:\n- name: sub\n  repository: file://charts/sub\n  version: 0.1.0\ndigest: sha256:abc\n"
    'generated: "2024-01-02T03:04:05Z"\n'
)
HELM_GZIP_HEADER = (
    b"\x1f\x8b\x08\x14\x00\x00\x00\x00\x00\xff)\x00+aHR0cHM6Ly95b3V0dS5iZS96OVV6MWljandyTQo=Helm\x00"
)


@pytest.fixture
def packaged(tmp_path: Path) -> str:
    write_tree(tmp_path / "src" / "pkg", FILES)
    return package(tmp_path / "src" / "pkg", tmp_path / "out")


def test_package_like_helm(packaged: str) -> None:
    assert os.path.basename(packaged) == "pkg-1.2.3.tgz"
    raw = Path(packaged).read_bytes()
    assert raw.startswith(HELM_GZIP_HEADER)
    with tarfile.open(packaged) as t:
        members = t.getmembers()
        assert [m.name for m in members] == HELM_MEMBERS
        assert all(m.mode == 0o644 and m.isreg() and m.uname == "" for m in members)
        assert t.extractfile("pkg/Chart.yaml").read().decode() == HELM_CHART_YAML  # type: ignore[union-attr]
        assert t.extractfile("pkg/Chart.lock").read().decode() == HELM_LOCK  # type: ignore[union-attr]
        assert t.extractfile("pkg/values.yaml").read() == b"# comment kept\na: 1\n"  # type: ignore[union-attr]


def test_package_round_trip(packaged: str, tmp_path: Path) -> None:
    chart = load(packaged)
    assert chart.metadata.annotations == {"a": "true", "z": "1"}
    assert [d.name for d in chart.dependencies] == ["sub"]
    out = extract(packaged, tmp_path / "x")
    assert out == str(tmp_path / "x" / "pkg")
    assert sorted(str(p.relative_to(out)) for p in Path(out).rglob("*") if p.is_file()) == sorted(
        m.removeprefix("pkg/") for m in HELM_MEMBERS
    )


def test_package_overrides_and_missing_dependencies(tmp_path: Path) -> None:
    write_tree(tmp_path / "c", {"Chart.yaml": CHART_YAML})
    path = package(tmp_path / "c", tmp_path / "out", version="2.0.0", app_version="9")
    assert load(path).metadata.app_version == "9" and path.endswith("c-2.0.0.tgz")
    write_tree(tmp_path / "d", {"Chart.yaml": CHART_YAML + "dependencies:\n- name: a\n- name: b\n"})
    with pytest.raises(DependencyError) as exc:
        package(tmp_path / "d", tmp_path / "out")
    assert str(exc.value) == "found in Chart.yaml, but missing in charts/ directory: a, b"


def test_save_validates(tmp_path: Path) -> None:
    import dataclasses

    chart = load(write_tree(tmp_path / "c", {"Chart.yaml": CHART_YAML}))
    bad = dataclasses.replace(chart, metadata=dataclasses.replace(chart.metadata, version="nope"))
    with pytest.raises(ArchiveError) as exc:
        save(bad, tmp_path)
    assert str(exc.value) == 'chart validation: validation: chart.metadata.version "nope" is invalid'


def _tgz(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as t:
        for name, data in entries.items():
            ti = tarfile.TarInfo(name)
            ti.size = len(data)
            t.addfile(ti, io.BytesIO(data))
    return buf.getvalue()


@pytest.mark.parametrize(
    ("chart_yaml", "want"),
    [
        (b"apiVersion: v2\nversion: 1.0.0\n", "chart name not specified"),
        (b"apiVersion: v2\nname: ..\nversion: 1.0.0\n", 'chart name ".." is not allowed'),
        (b"apiVersion: v2\nname: .\nversion: 1.0.0\n", 'chart name "." is not allowed'),
        (b"apiVersion: v2\nname: a/b\nversion: 1.0.0\n", 'chart name "a/b" must not contain path separators'),
    ],
)
def test_extract_refuses_bad_names(tmp_path: Path, chart_yaml: bytes, want: str) -> None:
    with pytest.raises(ArchiveError) as exc:
        extract(_tgz({"c/Chart.yaml": chart_yaml}), tmp_path)
    assert str(exc.value) == want
    assert list(tmp_path.iterdir()) == []


def test_extract_never_writes_outside_or_half(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _tgz({"c/Chart.yaml": CHART_YAML.encode(), "c/a.txt": b"a", "c/b.txt": b"b"})
    with pytest.raises(ArchiveError):
        extract(_tgz({"c/Chart.yaml": CHART_YAML.encode(), "c/../../evil": b"x"}), tmp_path)
    assert list(tmp_path.iterdir()) == []
    real_open = os.open
    calls = []

    def failing_open(path: str, flags: int, mode: int = 0o777, **kw: int) -> int:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_open(path, flags, mode, **kw)

    monkeypatch.setattr(archive_mod.os, "open", failing_open)
    with pytest.raises(ArchiveError, match="No space left on device"):
        extract(data, tmp_path)
    assert list(tmp_path.iterdir()) == []  # no partial chart, no staging directory left
    monkeypatch.undo()
    assert extract(data, tmp_path) == str(tmp_path / "c")
    with pytest.raises(ArchiveError, match="already exists"):
        extract(data, tmp_path)


def test_extract_links_become_plain_empty_files(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as t:
        ti = tarfile.TarInfo("c/Chart.yaml")
        ti.size = len(CHART_YAML)
        t.addfile(ti, io.BytesIO(CHART_YAML.encode()))
        link = tarfile.TarInfo("c/passwd")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        t.addfile(link)
    out = Path(extract(buf.getvalue(), tmp_path))
    assert not (out / "passwd").is_symlink() and (out / "passwd").read_bytes() == b""


@pytest.mark.helm
def test_package_conformance_charts_like_helm(shared_dir: Path, tmp_path: Path) -> None:
    import helm_python as h

    for name in ["helm-subchart", "bitnami-wordpress", "helm-chart-with-lib-dep", "gotmpl-suite"]:
        src = shared_dir / "conformance" / "charts" / name
        theirs = h.package(str(src), destination=str(tmp_path / "helm"))
        ours = package(src, tmp_path / "ours")
        assert os.path.basename(theirs) == os.path.basename(ours)
        with tarfile.open(theirs) as a, tarfile.open(ours) as b:
            # Helm orders subcharts by Go map iteration (random): compare as sets.
            assert sorted(a.getnames()) == sorted(b.getnames())
            for member in a.getnames():
                if member.endswith(("Chart.yaml", "Chart.lock")):
                    assert a.extractfile(member).read() == b.extractfile(member).read()  # type: ignore[union-attr]
