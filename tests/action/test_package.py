"""``package`` (chartist.action.package and the archive writer) against Helm v4.2.3's ``helm package``.

The decompressed tar stream of each chart of PKG_CHARTS (every file dated 1700000000.6) is
compared with the stream Helm v4.2.3 wrote for it, by SHA-256: headers (USTAR, long names split
at the prefix, PAX records for names USTAR cannot hold, Go's octal fields), mtimes rounded to
the second, the Chart.lock dated by its ``generated`` time and re-encoded, file order, and the
end of the stream. The gzip wrapper carries Helm's header; its deflate stream is zlib's, not
Go's, so compressed bytes differ (the content does not).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tarfile
from pathlib import Path

import pytest

from chartist.action.package import Package, PackageError
from chartist.chart.archive import package
from chartist.chart.gotar import GoTarWriter, round_mtime

D = "d" * 60 + "/" + "e" * 50
G = "g" * 160
MTIME = 1700000000.6

PKG_CHARTS: dict[str, dict[str, str]] = {
    "plain": {
        "Chart.yaml": 'apiVersion: v2\nname: plain\nversion: 0.1.0\nappVersion: "1.0"\ndescription: d\n',
        "values.yaml": "# keep comments\nreplicas: 1\n",
        "values.schema.json": '{"type": "object"}\n',
        ".helmignore": "*.bak\n",
        "notes.bak": "ignored\n",
        "README.md": "# plain\n",
        "templates/cm.yaml": "kind: ConfigMap\n",
        "templates/tests/t.yaml": "kind: Pod\n",
        "crds/c.yaml": "kind: CustomResourceDefinition\n",
    },
    "names": {
        "Chart.yaml": "apiVersion: v2\nname: names\nversion: 0.1.0\n",
        f"templates/{D}/f.yaml": "x: 1\n",
        "templates/ünï.yaml": "y: 1\n",
        f"templates/{G}/h.yaml": "z\n",
    },
    "locked": {
        "Chart.yaml": "apiVersion: v2\nname: locked\nversion: 1.0.0\ndependencies:\n- name: sub\n  version: 0.1.0\n  repository: file://../sub\n",
        "Chart.lock": 'dependencies:\n- name: sub\n  repository: file://../sub\n  version: 0.1.0\ndigest: sha256:abc\ngenerated: "2019-01-01T10:00:00.500000000+02:00"\n',
        "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.1.0\n",
        "charts/sub/values.yaml": "a: 1\n",
    },
    "legacy": {
        "Chart.yaml": "apiVersion: v1\nname: legacy\nversion: 0.2.0\n",
        "requirements.yaml": "dependencies:\n- name: sub\n  version: 0.1.0\n",
        "charts/sub/Chart.yaml": "apiVersion: v1\nname: sub\nversion: 0.1.0\n",
    },
}

# SHA-256 and length of the tar stream inside the archive Helm v4.2.3 wrote.
HELM_TAR = {
    "plain": ("e54de4bb8cf9c42f87320f3c5cedd6576c918b90fa9ed19b05664fd8539d756d", 9216),
    "names": ("9b6414a514e5af88462c205aef2491bfed631c11a492ff5312b313c8876377ad", 7168),
    "locked": ("f7267ec192a5e6d4d99faa01c8c99fb602190d0e84dcba92e5db1de6a2d17287", 5120),
    "legacy": ("1aca9d0ff53739af0f2e96d885bf721bce83838d874aab1c846d6d232ad5cbd1", 4096),
}


@pytest.fixture(scope="module")
def charts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pkg")
    for name, files in PKG_CHARTS.items():
        for path, text in files.items():
            f = root / name / path
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_text(text, encoding="utf-8")
            os.utime(f, (MTIME, MTIME))
    return root


def _tar(archive: str) -> bytes:
    return gzip.decompress(Path(archive).read_bytes())


@pytest.mark.parametrize("name", sorted(HELM_TAR))
def test_tar_stream_is_helms(name: str, charts: Path, tmp_path: Path) -> None:
    tar = _tar(package(charts / name, tmp_path))
    assert (hashlib.sha256(tar).hexdigest(), len(tar)) == HELM_TAR[name]


@pytest.mark.helm
@pytest.mark.parametrize("name", sorted(HELM_TAR))
def test_rows_match_helm(name: str, charts: Path, tmp_path: Path) -> None:
    h = pytest.importorskip("helm_python")
    theirs = _tar(h.package(str(charts / name), destination=str(tmp_path / "helm")))
    assert (hashlib.sha256(theirs).hexdigest(), len(theirs)) == HELM_TAR[name]


def test_headers(charts: Path, tmp_path: Path) -> None:
    raw = _tar(package(charts / "names", tmp_path))
    heads = []
    for off in range(0, len(raw), 512):
        blk = raw[off : off + 512]
        if blk[257:263] == b"ustar\0":
            heads.append(
                (blk[:100].rstrip(b"\0").decode(), blk[156:157].decode(), blk[345:500].rstrip(b"\0").decode())
            )
    assert heads == [
        ("names/Chart.yaml", "0", ""),
        ("f.yaml", "0", f"names/templates/{D}"),
        (("names/templates/" + G + "/PaxHeaders.0/h.yaml")[:100], "x", ""),
        (("names/templates/" + G)[:100], "0", ""),
        ("names/templates/PaxHeaders.0/n.yaml", "x", ""),
        ("names/templates/n.yaml", "0", ""),
    ]
    with tarfile.open(fileobj=__import__("io").BytesIO(raw)) as t:
        assert [m.name for m in t.getmembers()] == [
            "names/Chart.yaml",
            f"names/templates/{D}/f.yaml",
            f"names/templates/{G}/h.yaml",
            "names/templates/ünï.yaml",
        ]
        assert {m.mtime for m in t.getmembers()} == {1700000001}
        assert {m.mode for m in t.getmembers()} == {0o644}


def test_gzip_header(charts: Path, tmp_path: Path) -> None:
    data = Path(package(charts / "plain", tmp_path)).read_bytes()
    assert data[:58] == (
        b"\x1f\x8b\x08\x14\x00\x00\x00\x00\x00\xff)\x00+aHR0cHM6Ly95b3V0dS5iZS96OVV6MWljandyTQo=Helm\x00"
    )


@pytest.mark.parametrize(
    ("mtime", "want"),
    [(1.4, 1), (1.5, 2), (1.6, 2), (0.0, 0), (-0.5, 0), (-0.6, -1)],
)
def test_round_mtime(mtime: float, want: int) -> None:
    assert round_mtime(mtime) == want


def test_tar_end_is_two_zero_blocks() -> None:
    w = GoTarWriter()
    w.add("c/a", b"x", 0)
    out = w.getvalue()
    assert len(out) == 512 + 512 + 1024
    assert out[-1024:] == bytes(1024)
    assert out[329:345] == b"0000000\x000000000\x00"  # device numbers as Go writes them


def test_action_paths(charts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert Package().run(str(charts / "plain")) == f"{tmp_path}/plain-0.1.0.tgz"
    assert Package(destination="out/../dist").run(str(charts / "plain")) == "dist/plain-0.1.0.tgz"
    assert Package(destination="dist", version="2.0.0", app_version="x").run(str(charts / "plain")) == (
        "dist/plain-2.0.0.tgz"
    )
    with tarfile.open(tmp_path / "dist" / "plain-2.0.0.tgz") as t:
        chart_yaml = t.extractfile("plain/Chart.yaml").read()  # type: ignore[union-attr]
    assert chart_yaml == b"apiVersion: v2\nappVersion: x\ndescription: d\nname: plain\nversion: 2.0.0\n"


@pytest.mark.parametrize(
    ("options", "want"),
    [
        (
            {"dependency_update": True},
            "--dependency-update is not supported by chartist yet: run 'dependency update' with Helm, "
            "or put the dependencies in charts/ yourself",
        ),
        ({"sign": True}, "--sign is not supported by chartist yet: sign the archive with Helm"),
    ],
)
def test_action_refuses(options: dict[str, bool], want: str, charts: Path, tmp_path: Path) -> None:
    with pytest.raises(PackageError) as info:
        Package(destination=str(tmp_path), **options).run(str(charts / "plain"))
    assert str(info.value) == want
    assert list(tmp_path.iterdir()) == []


def test_invalid_version(charts: Path, tmp_path: Path) -> None:
    from chartist.errors import ChartistError

    with pytest.raises(ChartistError) as info:
        Package(destination=str(tmp_path), version="foo").run(str(charts / "plain"))
    assert str(info.value) == "invalid semantic version"
