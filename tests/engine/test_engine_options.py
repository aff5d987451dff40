"""Engine options and chartist's own limits: strict, lint mode, DNS, custom functions, lookup,
and the bounds on runaway include/tpl recursion (where Helm overflows Go's stack)."""

from __future__ import annotations

import pytest
from _engine_support import write_chart

from chartist.chart.loader import load
from chartist.engine.capabilities import Capabilities
from chartist.engine.engine import Engine, sort_templates
from chartist.engine.errors import TemplateExecError
from chartist.engine.funcs import NESTING_MAX, RECURSION_MAX, TPL_DEPTH_MAX
from chartist.gotemplate.values import STRING, gofunc


def top(values=None):
    return {
        "Values": values or {},
        "Release": {
            "Name": "rel",
            "Namespace": "ns",
            "IsInstall": True,
            "IsUpgrade": False,
            "Revision": 1,
            "Service": "Helm",
        },
        "Capabilities": Capabilities.make(),
    }


def render(tmp_path, tpl, values=None, **options):
    chart = load(write_chart(tmp_path, {"templates/x.yaml": tpl}))
    return Engine(**options).render(chart, top(values))["c/templates/x.yaml"]


def test_limits_are_named():
    assert (RECURSION_MAX, NESTING_MAX, TPL_DEPTH_MAX) == (1000, 5000, 200)


def test_strict_missing_key(tmp_path):
    assert render(tmp_path, "[{{ .Values.nope }}]") == "[]"
    with pytest.raises(TemplateExecError) as info:
        render(tmp_path, "[{{ .Values.nope }}]", strict=True)
    assert str(info.value) == (
        'c/templates/x.yaml:1:11\n  executing "c/templates/x.yaml" at <.Values.nope>:\n    map has no entry for key "nope"'
    )


def test_strict_reaches_tpl(tmp_path):
    with pytest.raises(TemplateExecError) as info:
        render(tmp_path, '{{ tpl "{{ .nope }}" .Values }}', strict=True)
    assert 'map has no entry for key "nope"' in str(info.value)


@pytest.mark.parametrize(
    ("tpl", "want"),
    [('[{{ required "x" .Values.nope }}]', "[]"), ('[{{ fail "no" }}]', "[]")],
    ids=["required", "fail"],
)
def test_lint_mode(tmp_path, tpl, want):
    assert render(tmp_path, tpl, lint_mode=True) == want


def test_lookup_callable(tmp_path):
    calls = []

    def lookup(api_version, kind, namespace, name):
        calls.append((api_version, kind, namespace, name))
        return {"metadata": {"name": name}}

    out = render(tmp_path, '{{ (lookup "v1" "Secret" "ns" "s").metadata.name }}', lookup=lookup)
    assert (out, calls) == ("s", [("v1", "Secret", "ns", "s")])
    # Lint mode never reaches the cluster.
    assert render(tmp_path, '{{ lookup "v1" "Secret" "ns" "s" }}', lookup=lookup, lint_mode=True) == "map[]"


def test_dns(tmp_path):
    assert render(tmp_path, '[{{ getHostByName "localhost" }}]') == "[]"
    assert render(tmp_path, '{{ getHostByName "localhost" }}', enable_dns=True) in ("127.0.0.1", "::1")


def test_custom_funcs_win(tmp_path):
    @gofunc(STRING, result=STRING)
    def shout(s):
        return s.upper() + "!"

    assert (
        render(tmp_path, '{{ shout "hi" }}|{{ toYaml "x" }}', custom_funcs={"shout": shout, "toYaml": shout})
        == "HI!|X!"
    )


def test_include_nesting_bound(tmp_path):
    """Many names including each other: Helm only stops one name at 1001 levels; chartist
    stops every chain at NESTING_MAX (Python's stack ends far sooner than Go's)."""
    n = NESTING_MAX + 10
    defs = "".join(f'{{{{ define "d{i}" }}}}{{{{ include "d{i + 1}" . }}}}{{{{ end }}}}' for i in range(n))
    with pytest.raises(TemplateExecError) as info:
        render(tmp_path, defs + f'{{{{ define "d{n}" }}}}end{{{{ end }}}}{{{{ include "d0" . }}}}')
    assert str(info.value).startswith("execution error at (c/templates/x.yaml:1:")
    assert str(info.value).endswith(
        f"): include: more than {NESTING_MAX} nested calls (a template that calls itself without end?)"
    )


def test_deep_include_chain_within_bounds(tmp_path):
    n = 2000  # deeper than Helm's per-name limit, each name once
    defs = "".join(f'{{{{ define "d{i}" }}}}{{{{ include "d{i + 1}" . }}}}{{{{ end }}}}' for i in range(n))
    assert (
        render(tmp_path, defs + f'{{{{ define "d{n}" }}}}end{{{{ end }}}}{{{{ include "d0" . }}}}') == "end"
    )


@pytest.mark.parametrize(
    ("paths", "want"),
    [
        (["c/templates/a.yaml", "c/templates/b.yaml", "c/charts/s/templates/a.yaml", "c/templates/x/a.yaml"],
         ["c/charts/s/templates/a.yaml", "c/templates/x/a.yaml", "c/templates/b.yaml", "c/templates/a.yaml"]),
    ],
)  # fmt: skip
def test_sort_templates(paths, want):
    assert sort_templates(paths) == want
