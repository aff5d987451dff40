"""``show`` (chartist.action.show) against Helm v4.2.3's ``helm show``.

Each row shows one chart of CHARTS in one format; the expected texts are what Helm v4.2.3
printed (helm-python-sdk's ``show``), including its separators: ``---`` before values and the
README in ``all``, before each CRD that does not start with one, and a newline after each part.
``test_rows_match_helm`` re-checks the rows against Helm when it is installed.
"""

from __future__ import annotations

import io
import tarfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from chartist.action.show import Show, ShowError, find_readme
from chartist.chart.errors import ChartLoadError
from chartist.chart.model import File

CHARTS: dict[str, dict[str, str]] = {
    "full": {
        "Chart.yaml": 'apiVersion: v2\nname: full\nversion: 1.2.3\nappVersion: "1.0"\ndescription: All the parts\nkeywords: [web, demo]\nmaintainers:\n- name: Ann\n  email: ann@example.com\ndependencies:\n- name: sub\n  version: 0.1.0\n  repository: file://../sub\n',
        "values.yaml": '# Default values.\nimage:\n  repository: nginx\n  tag: ""  # the app version\nreplicas: 2\nbig: 1000000\nports: [80, 443]\n',
        "README.md": "# full\n\nA chart.\n",
        "crds/b.yaml": "---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: bs.example.com\n",
        "crds/a.yaml": "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: as.example.com",
        "crds/notes.txt": "not a crd\n",
        "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n",
        "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.1.0\n",
        "charts/sub/crds/s.json": '{"kind": "CustomResourceDefinition"}',
        "charts/sub/README.md": "sub readme\n",
    },
    "bare": {
        "Chart.yaml": "apiVersion: v1\nname: bare\nversion: 0.1.0\n",
        "README.TXT": "upper case readme",
        "readme": "lower case readme, found later",
    },
    "emptyvalues": {
        "Chart.yaml": 'apiVersion: v2\nname: emptyvalues\nversion: 0.1.0\ntype: application\nannotations:\n  b: "2"\n  a: x\nkubeVersion: ">=1.20"\ndeprecated: true\n',
        "values.yaml": "",
    },
}


@dataclass(frozen=True)
class ShowCase:
    name: str
    chart: str
    format: str
    want: str


CASES = [
    ShowCase(
        "full/all",
        "full",
        "all",
        'apiVersion: v2\nappVersion: "1.0"\ndependencies:\n- name: sub\n  repository: file://../sub\n  version: 0.1.0\ndescription: All the parts\nkeywords:\n- web\n- demo\nmaintainers:\n- email: ann@example.com\n  name: Ann\nname: full\nversion: 1.2.3\n\n---\n# Default values.\nimage:\n  repository: nginx\n  tag: ""  # the app version\nreplicas: 2\nbig: 1000000\nports: [80, 443]\n\n---\n# full\n\nA chart.\n\n---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: as.example.com\n---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: bs.example.com\n\n---\n{"kind": "CustomResourceDefinition"}\n',
    ),
    ShowCase(
        "full/chart",
        "full",
        "chart",
        'apiVersion: v2\nappVersion: "1.0"\ndependencies:\n- name: sub\n  repository: file://../sub\n  version: 0.1.0\ndescription: All the parts\nkeywords:\n- web\n- demo\nmaintainers:\n- email: ann@example.com\n  name: Ann\nname: full\nversion: 1.2.3\n\n',
    ),
    ShowCase(
        "full/values",
        "full",
        "values",
        '# Default values.\nimage:\n  repository: nginx\n  tag: ""  # the app version\nreplicas: 2\nbig: 1000000\nports: [80, 443]\n\n',
    ),
    ShowCase("full/readme", "full", "readme", "# full\n\nA chart.\n\n"),
    ShowCase(
        "full/crds",
        "full",
        "crds",
        '---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: as.example.com\n---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: bs.example.com\n\n---\n{"kind": "CustomResourceDefinition"}\n',
    ),
    ShowCase(
        "bare/all", "bare", "all", "apiVersion: v1\nname: bare\nversion: 0.1.0\n\n---\nupper case readme\n"
    ),
    ShowCase("bare/chart", "bare", "chart", "apiVersion: v1\nname: bare\nversion: 0.1.0\n\n"),
    ShowCase("bare/values", "bare", "values", ""),
    ShowCase("bare/readme", "bare", "readme", "upper case readme\n"),
    ShowCase("bare/crds", "bare", "crds", ""),
    ShowCase(
        "emptyvalues/all",
        "emptyvalues",
        "all",
        "annotations:\n  a: x\n  b: \"2\"\napiVersion: v2\ndeprecated: true\nkubeVersion: '>=1.20'\nname: emptyvalues\ntype: application\nversion: 0.1.0\n\n---\n\n",
    ),
    ShowCase(
        "emptyvalues/chart",
        "emptyvalues",
        "chart",
        "annotations:\n  a: x\n  b: \"2\"\napiVersion: v2\ndeprecated: true\nkubeVersion: '>=1.20'\nname: emptyvalues\ntype: application\nversion: 0.1.0\n\n",
    ),
    ShowCase("emptyvalues/values", "emptyvalues", "values", "\n"),
    ShowCase("emptyvalues/readme", "emptyvalues", "readme", ""),
    ShowCase("emptyvalues/crds", "emptyvalues", "crds", ""),
]


@pytest.fixture(scope="module")
def charts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("show")
    for name, files in CHARTS.items():
        for path, text in files.items():
            f = root / name / path
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_show(case: ShowCase, charts: Path) -> None:
    assert Show(output_format=case.format).run(str(charts / case.chart)) == case.want  # type: ignore[arg-type]


@pytest.mark.helm
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_rows_match_helm(case: ShowCase, charts: Path) -> None:
    h = pytest.importorskip("helm_python")
    assert h.show(str(charts / case.chart), output_format=case.format) == case.want


def test_archive_shows_like_directory(charts: Path, tmp_path: Path) -> None:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        tar.add(charts / "full", arcname="full")
    archive = tmp_path / "full-1.2.3.tgz"
    archive.write_bytes(buf.getvalue())
    want = next(c.want for c in CASES if c.name == "full/all")
    assert Show().run(str(archive)) == want


@pytest.mark.parametrize(
    ("template", "want"),
    [
        pytest.param("{.image.repository}", "nginx", id="string"),
        pytest.param("{.replicas}", "2", id="float64 as Go prints it"),
        pytest.param("{.big}", "1e+06", id="large float64"),
        pytest.param("{.image}", '{"repository":"nginx","tag":""}', id="map as JSON"),
        pytest.param("{.ports[*]}", "80 443", id="list items"),
        pytest.param("{.missing}", "", id="missing key prints nothing"),
        pytest.param("replicas={.replicas}", "replicas=2", id="text around"),
    ],
)
def test_values_jsonpath(template: str, want: str, charts: Path) -> None:
    assert Show(output_format="values", jsonpath_template=template).run(str(charts / "full")) == want


def test_values_jsonpath_parse_error(charts: Path) -> None:
    with pytest.raises(ShowError) as info:
        Show(output_format="values", jsonpath_template="{.a").run(str(charts / "full"))
    assert str(info.value) == "error parsing jsonpath {.a: unclosed action"


def test_values_jsonpath_without_values_file(charts: Path) -> None:
    # Helm parses the template only when the chart has a values.yaml.
    assert Show(output_format="values", jsonpath_template="{.a").run(str(charts / "bare")) == ""


def test_directory_without_chart_yaml(tmp_path: Path) -> None:
    (tmp_path / "values.yaml").write_text("a: 1\n")
    with pytest.raises(ChartLoadError) as info:
        Show().run(str(tmp_path))
    assert str(info.value) == "Chart.yaml file is missing"


@pytest.mark.parametrize(
    ("names", "want"),
    [
        pytest.param(["a.md", "README.md"], "README.md", id="readme.md"),
        pytest.param(["Readme.Txt", "README.md"], "Readme.Txt", id="first in file order wins"),
        pytest.param(["docs/README.md", "readme.rst"], None, id="only top-level names"),
        pytest.param(["README"], "README", id="no extension"),
    ],
)
def test_find_readme(names: list[str], want: str | None) -> None:
    found = find_readme(tuple(File(n, b"") for n in names))
    assert (found.name if found else None) == want
