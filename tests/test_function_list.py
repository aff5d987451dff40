"""chartist offers exactly Helm v4.2.3's template functions: no more, no fewer.

The expected list (tests/data/helm_v4.2.3_functions.txt) is Sprig v3.3.0's map without env and
expandenv, plus Helm's engine additions and Go's builtins.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import chartist
from chartist.engine.funcs import helm_funcs
from chartist.gotemplate.builtins import BUILTINS
from chartist.sprig import funcs as sprig_funcs

LIST = Path(__file__).parent / "data" / "helm_v4.2.3_functions.txt"
HELM_FUNCS = sorted(
    line.strip() for line in LIST.read_text().splitlines() if line.strip() and not line.startswith("#")
)
# Bound to each render by the engine (they need the template set or the engine's mode).
PER_RENDER = {"include", "tpl", "required", "fail"}


def _chart(tmp_path: Path, body: str) -> Path:
    (tmp_path / "templates").mkdir()
    (tmp_path / "Chart.yaml").write_text("apiVersion: v2\nname: fl\nversion: 0.1.0\n")
    (tmp_path / "templates" / "t.yaml").write_text(body)
    return tmp_path


def test_function_names_equal_helms() -> None:
    ours = set(sprig_funcs()) | set(helm_funcs()) | PER_RENDER | set(BUILTINS)
    assert sorted(ours - set(HELM_FUNCS)) == [], "functions Helm does not have"
    assert sorted(set(HELM_FUNCS) - ours) == [], "functions Helm has that chartist lacks"


def test_every_function_is_known_to_the_engine(tmp_path: Path) -> None:
    # Never executed, but parsing fails on any name the render's function map lacks.
    body = "".join(f"{{{{ if false }}}}{{{{ {name} }}}}{{{{ end }}}}\n" for name in HELM_FUNCS)
    out = chartist.render(_chart(tmp_path, body))
    assert out["fl/templates/t.yaml"] == "\n" * len(HELM_FUNCS)


@pytest.mark.parametrize("name", ["env", "expandenv", "noSuchFunction"])
def test_removed_functions_are_parse_errors(tmp_path: Path, name: str) -> None:
    with pytest.raises(chartist.ChartistError, match=f'function "{name}" not defined'):
        chartist.render(_chart(tmp_path, f"{{{{ {name} }}}}\n"))


@pytest.mark.helm
def test_helm_knows_the_same_list(tmp_path: Path) -> None:
    import helm_python

    body = "".join(f"{{{{ if false }}}}{{{{ {name} }}}}{{{{ end }}}}\n" for name in HELM_FUNCS)
    out = helm_python.Chart.load(str(_chart(tmp_path, body))).render({})
    assert out["fl/templates/t.yaml"] == "\n" * len(HELM_FUNCS)
