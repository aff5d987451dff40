"""``create`` (chartist.chart.create, chartist.action.create) against Helm v4.2.3's ``helm create``.

HELM_MYCHART holds the SHA-256 of every file Helm v4.2.3 wrote for ``helm create mychart``
(helm-python-sdk's ``Chart.create``); chartist must write the same bytes, the same tree and the
same modes. Starters follow Helm's CreateFrom: the new Chart.yaml, ``<CHARTNAME>`` replaced in
templates and values.yaml, other files copied, subcharts saved as archives.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from chartist.action.create import Create, go_base, go_dir
from chartist.chart.create import CreateError, create

HELM_MYCHART = {
    ".helmignore": "bb987e6a8ef45a99255d1d632812482d5f0f3255ea841520b4d90342df5fe2b3",
    "Chart.yaml": "ee85daa504a8a7e43ddbe072bc9305b63a1609c4cc0b2c7a262d73913e4b3c60",
    "values.yaml": "b66f94c8d0b8fd09b1fff7375b8d8f81e61d8e512ee2d9dfa02ccb6664796551",
    "templates/NOTES.txt": "990f50c08eca2cf2f86fc2bc822dbf65c66f1b63ec0dc2a40f8dcb4862004907",
    "templates/_helpers.tpl": "546ee1e34174b8c820eb10bc4bf8336d8d0070f22be927508b77e5e2edb80cc4",
    "templates/deployment.yaml": "525dcf57259cca4ce2d4039cc154165a6a0a0644570825f14bee151cac2d126b",
    "templates/hpa.yaml": "6381a8fe4ce04b1deaf46f7362d4faab64d1769729f9aa47b59b37a404e19bff",
    "templates/httproute.yaml": "74f0074b491eae2ef8dc4dd716ec6470719ca5f7c75f37e21956434d80ac67d2",
    "templates/ingress.yaml": "90a479b012f49d1c45329958eab8cc0e23d2f895ae5f495a05cc49ef247c806e",
    "templates/service.yaml": "648e24640e8f4802c38c6c6d406cb89b27fadc5b6491ed9de0a60bc4659f1336",
    "templates/serviceaccount.yaml": "0710c8f5f98d21dfa54450c2ca7c37d5db460f5d4d52d2951abf4b82dc4607ff",
    "templates/tests/test-connection.yaml": "a5492f475a5e30466e0610d3479e6d86e20664570ac75985d69c6d670728792e",
}


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_create_writes_helms_starter(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = create("mychart", str(tmp_path))
    finally:
        os.umask(old)
    root = tmp_path / "mychart"
    assert path == str(root)
    assert _tree(root) == HELM_MYCHART
    assert sorted(p.name for p in root.iterdir() if p.is_dir()) == ["charts", "templates"]
    assert {oct(p.stat().st_mode & 0o777) for p in root.rglob("*") if p.is_file()} == {"0o644"}


@pytest.mark.helm
def test_create_matches_helm(tmp_path: Path) -> None:
    h = pytest.importorskip("helm_python")
    (tmp_path / "helm").mkdir()
    h.Chart.create("other-name", str(tmp_path / "helm"))
    create("other-name", str(tmp_path))
    assert _tree(tmp_path / "other-name") == _tree(tmp_path / "helm" / "other-name")


def test_create_overwrites_with_warnings(tmp_path: Path) -> None:
    create("c", str(tmp_path))
    (tmp_path / "c" / "values.yaml").write_text("changed")
    (tmp_path / "c" / "extra.txt").write_text("kept")
    warnings: list[str] = []
    create("c", str(tmp_path), warn=warnings.append)
    assert len(warnings) == 12
    assert warnings[1] == f'WARNING: File "{tmp_path}/c/values.yaml" already exists. Overwriting.\n'
    assert (tmp_path / "c" / "extra.txt").read_text() == "kept"
    assert (tmp_path / "c" / "values.yaml").read_text().startswith("# Default values for c.")


@pytest.mark.parametrize(
    ("name", "want"),
    [
        pytest.param("", "chart name must be between 1 and 250 characters", id="empty"),
        pytest.param("x" * 251, "chart name must be between 1 and 250 characters", id="too long"),
        pytest.param(
            "bad name", 'chart name must match the regular expression "^[a-zA-Z0-9._-]+$"', id="space"
        ),
        pytest.param("a$b", 'chart name must match the regular expression "^[a-zA-Z0-9._-]+$"', id="dollar"),
    ],
)
def test_create_refuses_names(name: str, want: str, tmp_path: Path) -> None:
    with pytest.raises(CreateError) as info:
        create(name, str(tmp_path))
    assert str(info.value) == want


def test_create_directory_problems(tmp_path: Path) -> None:
    with pytest.raises(CreateError) as info:
        create("c", str(tmp_path / "nope"))
    assert str(info.value) == f"stat {tmp_path}/nope: no such file or directory"
    (tmp_path / "file").write_text("x")
    with pytest.raises(CreateError) as info:
        create("c", str(tmp_path / "file"))
    assert str(info.value) == f"no such directory {tmp_path}/file"
    (tmp_path / "c").write_text("x")
    with pytest.raises(CreateError) as info:
        create("c", str(tmp_path))
    assert str(info.value) == f"file {tmp_path}/c already exists and is not a directory"


@pytest.mark.parametrize(
    ("path", "base", "parent"),
    [
        ("foo", "foo", "."),
        ("a/b/foo", "foo", "a/b"),
        ("foo/", "foo", "foo"),
        ("/x", "x", "/"),
        ("./a//b", "b", "a"),
    ],
)
def test_name_split_like_go(path: str, base: str, parent: str) -> None:
    assert (go_base(path), go_dir(path)) == (base, parent)


def test_create_from_starter(tmp_path: Path) -> None:
    starter = tmp_path / "starters" / "web"
    (starter / "templates").mkdir(parents=True)
    (starter / "charts" / "sub").mkdir(parents=True)
    (starter / "Chart.yaml").write_text("apiVersion: v2\nname: web\nversion: 9.9.9\ndescription: old\n")
    (starter / "values.yaml").write_text("# for <CHARTNAME>\nname: <CHARTNAME>\n")
    (starter / "templates" / "cm.yaml").write_text('name: {{ include "<CHARTNAME>.name" . }}\n')
    (starter / "README.md").write_text("<CHARTNAME> stays here\n")
    (starter / "charts" / "sub" / "Chart.yaml").write_text("apiVersion: v2\nname: sub\nversion: 0.1.0\n")
    (tmp_path / "out").mkdir()
    Create(name=str(tmp_path / "out" / "shop"), starter="web", starter_dir=str(tmp_path / "starters")).run()
    out = tmp_path / "out" / "shop"
    assert (out / "Chart.yaml").read_text() == (
        "apiVersion: v2\nappVersion: 0.1.0\ndescription: A Helm chart for Kubernetes\nname: shop\n"
        "type: application\nversion: 0.1.0\n"
    )
    assert (out / "values.yaml").read_text() == "# for shop\nname: shop\n"
    assert (out / "templates" / "cm.yaml").read_text() == 'name: {{ include "shop.name" . }}\n'
    assert (out / "README.md").read_text() == "<CHARTNAME> stays here\n"
    assert sorted(p.name for p in (out / "charts").iterdir()) == ["sub-0.1.0.tgz"]


def test_create_from_missing_starter(tmp_path: Path) -> None:
    from chartist.errors import ChartistError

    with pytest.raises(ChartistError) as info:
        Create(name="x", starter="nope", starter_dir=str(tmp_path)).run()
    assert (
        str(info.value) == f"could not load {tmp_path}/nope: stat {tmp_path}/nope: no such file or directory"
    )
