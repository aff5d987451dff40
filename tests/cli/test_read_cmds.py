"""The read-only release commands: status, history, list, get and test.

* Helm's own goldens (pkg/cmd/testdata/output at v4.2.3, read from the mirror) over the same
  fixtures Helm's tests store (pkg/cmd/*_test.go), in memory;
* chartist's goldens under tests/cli/golden/read/ for what Helm's tests do not cover (colours,
  uitable's truncation of multi-line cells, kubectl's resource tables, Go time zones);
* the commands end to end against the API test server.

``pytest tests/cli --update-golden`` rewrites chartist's goldens (never Helm's).
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from pathlib import Path

import pytest

_TESTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)

import chartist.cli.commands._release as release_cli  # noqa: E402
from action.fixtures import CONFIGMAP, DEPLOYMENT, kube, kubeconfig, release_server, server, write_chart  # noqa: E402
from action.read_support import at, list_fixture, memory_cfg, mock, simple, test_hook  # noqa: E402
from chartist.chart.model import Chart, Metadata  # noqa: E402
from chartist.cli.main import main  # noqa: E402
from chartist.release.model import Info, Release  # noqa: E402
from chartist.release.times import parse_time  # noqa: E402

__all__ = ["kube", "kubeconfig", "release_server", "server"]

GOLDEN = Path(__file__).resolve().parent / "golden" / "read"


def _status_release(**info) -> list[Release]:
    hooks = info.pop("hooks", [])
    return [Release(name="flummoxed-chickadee", namespace="default", hooks=hooks,
                    info=Info(last_deployed=at(1452902400), status="deployed", **info),
                    chart=Chart(Metadata(name="name", version="1.2.3", app_version="3.2.1")))]  # fmt: skip


def _suite() -> list[Release]:
    t = parse_time
    hooks = [test_hook("never-run-test"),
             test_hook("passing-test", "Succeeded"), test_hook("failing-test", "Failed"),
             test_hook("passing-pre-install", "Succeeded", events=("pre-install",))]  # fmt: skip
    for h, (a, b) in zip(
        hooks[1:], [("15:04:05", "15:04:07"), ("15:10:05", "15:10:07"), ("15:00:05", "15:00:07")], strict=True
    ):
        h.last_run.started_at = t(f"2006-01-02T{a}Z")
        h.last_run.completed_at = t(f"2006-01-02T{b}Z")
    return _status_release(hooks=hooks)


def _bird(*versions: int) -> list[Release]:
    return [mock("angry-bird", v, "deployed" if v == 4 else "superseded") for v in versions]


FIXTURES = {
    "list": list_fixture,
    "list-one": lambda: [simple("test-release", 1, "deployed", when=1452902400, chart="test-chart")],
    "bird": lambda: _bird(1, 2, 3, 4),
    "bird-2": lambda: _bird(3, 4),
    "status": lambda: _status_release(),
    "status-desc": lambda: _status_release(description="Mock description"),
    "status-notes": lambda: _status_release(notes="release notes"),
    "status-suite": _suite,
    "mocks": lambda: [mock(n) for n in ("thomas-guide", "elevated-turkey", "aeneas", "juno", "the-limerick")],
    "mock-labels": lambda: [mock("thomas-guide", labels={"key1": "value1"})],
    "none": list,
}

# (id, command, fixture, Helm's golden)
HELM_CASES = [
    ("list-all", "list", "list", "list-all.txt"),
    ("list-no-headers", "list --no-headers", "list", "list-all-no-headers.txt"),
    ("list-date", "list --date", "list", "list-all-date.txt"),
    ("list-failed", "list --failed", "list", "list-failed.txt"),
    ("list-filter", "list --filter='.*'", "list", "list-all.txt"),
    ("list-max", "list --max 1", "list", "list-all-max.txt"),
    ("list-offset", "list --offset 1", "list", "list-all-offset.txt"),
    ("list-pending", "list --pending", "list", "list-pending.txt"),
    ("list-reverse", "list --reverse", "list", "list-all-reverse.txt"),
    ("list-date-reverse", "list --date --reverse", "list", "list-all-date-reversed.txt"),
    ("list-short", "list --short", "list", "list-all-short.txt"),
    ("list-short-yaml", "list --short --output yaml", "list", "list-all-short-yaml.txt"),
    ("list-short-json", "list --short --output json", "list", "list-all-short-json.txt"),
    ("list-deployed-failed", "list --deployed --failed", "list", "list.txt"),
    ("list-superseded", "list --superseded", "list", "list-superseded.txt"),
    ("list-uninstalled", "list --uninstalled", "list", "list-uninstalled.txt"),
    ("list-uninstalling", "list --uninstalling", "list", "list-uninstalling.txt"),
    ("list-namespace", "list -n milano", "list", "list-namespace.txt"),
    ("list-json", "list --output json", "list-one", "list-json.txt"),
    ("list-yaml", "list --output yaml", "list-one", "list-yaml.txt"),
    ("list-time-format", "list --time-format '2006-01-02 15:04:05'", "list-one", "list-time-format.txt"),
    ("history", "history angry-bird", "bird", "history.txt"),
    ("history-max", "history angry-bird --max 2", "bird-2", "history-limit.txt"),
    ("history-yaml", "history angry-bird --output yaml", "bird-2", "history.yaml"),
    ("history-json", "history angry-bird --output json", "bird-2", "history.json"),
    ("status", "status flummoxed-chickadee", "status", "status.txt"),
    ("status-desc", "status flummoxed-chickadee", "status-desc", "status-with-desc.txt"),
    ("status-notes", "status flummoxed-chickadee", "status-notes", "status-with-notes.txt"),
    ("status-json", "status flummoxed-chickadee -o json", "status-notes", "status.json"),
    ("status-resources", "status flummoxed-chickadee", "status", "status-with-resources.txt"),
    ("status-resources-json", "status flummoxed-chickadee -o json", "status", "status-with-resources.json"),
    ("status-suite", "status flummoxed-chickadee", "status-suite", "status-with-test-suite.txt"),
    ("get-all", "get all thomas-guide", "mocks", "get-release.txt"),
    ("get-all-template", "get all elevated-turkey --template {{.Release.Chart.Metadata.Version}}", "mocks",
     "get-release-template.txt"),
    ("get-all-no-args", "get all", "none", "get-all-no-args.txt"),
    ("get-values", "get values thomas-guide", "mocks", "get-values.txt"),
    ("get-values-no-args", "get values", "mocks", "get-values-args.txt"),
    ("get-values-all", "get values thomas-guide --all", "mocks", "get-values-all.txt"),
    ("get-values-json", "get values thomas-guide --output json", "mocks", "values.json"),
    ("get-values-yaml", "get values thomas-guide --output yaml", "mocks", "values.yaml"),
    ("get-hooks", "get hooks aeneas", "mocks", "get-hooks.txt"),
    ("get-hooks-no-args", "get hooks", "none", "get-hooks-no-args.txt"),
    ("get-manifest", "get manifest juno", "mocks", "get-manifest.txt"),
    ("get-manifest-no-args", "get manifest", "none", "get-manifest-no-args.txt"),
    ("get-notes", "get notes the-limerick", "mocks", "get-notes.txt"),
    ("get-notes-no-args", "get notes", "none", "get-notes-no-args.txt"),
    ("get-metadata", "get metadata thomas-guide", "mock-labels", "get-metadata.txt"),
    ("get-metadata-no-args", "get metadata", "mock-labels", "get-metadata-args.txt"),
    ("get-metadata-json", "get metadata thomas-guide --output json", "mock-labels", "get-metadata.json"),
    ("get-metadata-yaml", "get metadata thomas-guide --output yaml", "mock-labels", "get-metadata.yaml"),
]  # fmt: skip


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """Run chartist over in-memory releases (FIXTURE) with no colour and a fixed zone."""
    for var in ("HELM_NAMESPACE", "HELM_DEBUG", "NO_COLOR", "HELM_COLOR", "HELM_DRIVER"):
        monkeypatch.delenv(var, raising=False)

    def run(cmd: str, releases: list[Release], **cfg_kwargs) -> tuple[int, str, str]:
        def configuration(args, settings):
            return memory_cfg(*releases, namespace=settings.namespace or "default", **cfg_kwargs)

        monkeypatch.setattr(release_cli, "configuration", configuration)
        code = main(shlex.split(cmd))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def _helm_text(text: str) -> str:
    return text.replace('"helm ', '"chartist ').replace("Usage:  helm ", "Usage:  chartist ")


@pytest.mark.parametrize("cmd, fixture, golden", [c[1:] for c in HELM_CASES], ids=[c[0] for c in HELM_CASES])
def test_helm_goldens(cli, helm_testdata: Path, cmd: str, fixture: str, golden: str) -> None:
    code, out, err = cli(cmd, FIXTURES[fixture]())
    want = _helm_text((helm_testdata / "testdata" / "output" / golden).read_text(encoding="utf-8"))
    assert out + err == want
    assert code == (1 if want.startswith("Error:") else 0)


def _history_failures() -> list[Release]:
    rels = _bird(1, 2)
    rels[1].info.status = "failed"
    rels[1].info.description = 'Upgrade "angry-bird" failed: line one\nand line two'
    rels.append(mock("angry-bird", 3, "failed"))
    rels[2].info.description = "short\nx"
    rels[2].chart = None
    return rels


def _list_colors() -> list[Release]:
    return [
        simple("a", 1, "deployed"),
        simple("bb", 2, "failed", namespace="other"),
        simple("c", 1, "superseded"),
    ]


# (id, command, releases, chartist's golden under golden/read/)
OWN_CASES = [
    ("history-multiline", "history angry-bird", _history_failures, "history-multiline.txt"),
    ("list-color", "list -A --color always", _list_colors, "list-color.txt"),
    ("list-color-never", "list -A --color never --all", _list_colors, "list-color-never.txt"),
    ("status-color", "status flummoxed-chickadee --color always", FIXTURES["status-notes"], "status-color.txt"),
    ("list-wide-chars", "list", lambda: [simple("wide", 1, "deployed", chart="图表", app_version="β\u0301")],
     "list-wide.txt"),
    ("get-all-template-fields", "get all thomas-guide --template '{{.Release.Name}} {{.Release.Info.Status}} "
     "{{.Release.Version}} {{.Release.Info.LastDeployed}} {{.Release.Config.name}} {{len .Release.Hooks}} "
     "{{range .Release.Chart.Metadata.Dependencies}}{{.Name}},{{end}} {{.Release.Info.FirstDeployed.Year}}'",
     FIXTURES["mocks"], "get-all-template-fields.txt"),
    ("get-all-template-error", "get all thomas-guide --template '{{.Release.Nope}}'", FIXTURES["mocks"],
     "get-all-template-error.txt"),
    ("get-values-nil", "get values e", lambda: [Release(name="e", version=1, info=Info(status="deployed"))],
     "get-values-nil.txt"),
    ("get-flag-refused", "get manifest juno -o json", FIXTURES["mocks"], "get-flag-refused.txt"),
    ("get-unknown", "get everything juno", FIXTURES["mocks"], "get-unknown.txt"),
    ("get-metadata-revision", "get metadata thomas-guide --revision 1", FIXTURES["mock-labels"],
     "get-metadata-revision.txt"),
    ("bad-revision", "status x --revision two", FIXTURES["none"], "bad-revision.txt"),
    ("bad-output", "history x -o xml", FIXTURES["none"], "bad-output.txt"),
    ("list-args", "list x", FIXTURES["none"], "list-args.txt"),
    ("list-selector-error", "list -l 'a in (b'", FIXTURES["list"], "list-selector-error.txt"),
    ("list-empty", "list", FIXTURES["none"], "list-empty.txt"),
    ("list-empty-no-headers", "list --no-headers", FIXTURES["none"], "list-empty-no-headers.txt"),
    ("list-empty-json", "list -o json", FIXTURES["none"], "list-empty-json.txt"),
    ("history-not-found", "history nope", FIXTURES["none"], "history-not-found.txt"),
    ("status-invalid-name", "status Bad_Name", FIXTURES["none"], "status-invalid-name.txt"),
]  # fmt: skip


@pytest.mark.parametrize("cmd, fixture, golden", [c[1:] for c in OWN_CASES], ids=[c[0] for c in OWN_CASES])
def test_goldens(cli, update_golden: bool, cmd: str, fixture, golden: str) -> None:
    code, out, err = cli(cmd, fixture(), helm_labels=True)
    got = out + err + f"[exit {code}]\n"
    path = GOLDEN / golden
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


def test_list_times_in_zones(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """Go prints a stored time in the local zone when the offsets agree, else in a nameless zone."""
    import time

    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        rels = [simple("utc", 1, "deployed"), simple("local", 1, "deployed"), simple("fixed", 1, "deployed")]
        rels[1].info.last_deployed = parse_time("2016-01-16T01:00:01.5+01:00")
        rels[2].info.last_deployed = parse_time("2016-07-16T01:00:01+01:00")  # Berlin is +02:00 in July
        _, out, _ = cli("list -o json", rels)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    updated = re.findall(r'"updated":"([^"]*)"', out)
    assert updated == ["2016-07-16 01:00:01 +0100 +0100", "2016-01-16 01:00:01.5 +0100 CET",
                       "2016-01-16 00:00:01 +0000 UTC"]  # fmt: skip


# -- against the API test server ---------------------------------------------------------------------
ANSIC = re.compile(r"[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}")
GOTIME = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? [+-]\d{4} (?:[A-Za-z]+|[+-]\d{4})")
AGE = re.compile(r"(?<=   )\d+s\b")


def _norm(text: str) -> str:
    return AGE.sub("AGE", GOTIME.sub("TIME", ANSIC.sub("TIME", text)))


@pytest.fixture
def run(kubeconfig: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path):
    monkeypatch.setenv("KUBECONFIG", kubeconfig)
    monkeypatch.setenv("HELM_DRIVER", "secret")
    monkeypatch.setenv("HOME", str(tmp_path))
    for var in ("HELM_NAMESPACE", "HELM_MAX_HISTORY", "NO_COLOR", "HELM_COLOR", "HELM_DEBUG"):
        monkeypatch.delenv(var, raising=False)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, _norm(out), err

    return run


TEST_POD = """\
apiVersion: v1
kind: Pod
metadata:
  name: "{{ .Release.Name }}-smoke"
  annotations:
    helm.sh/hook: test
    helm.sh/hook-delete-policy: hook-succeeded
    apiserver.test/pod-phase: {{ .Values.testPhase | default "Succeeded" }}
spec:
  restartPolicy: Never
  containers: [{name: c, image: busybox:1}]
"""


def test_read_commands_end_to_end(run, tmp_path: Path) -> None:
    chart = write_chart(tmp_path, {"cm.yaml": CONFIGMAP, "web.yaml": DEPLOYMENT, "t.yaml": TEST_POD,
                                   "NOTES.txt": "notes {{ .Release.Name }}\n"})  # fmt: skip
    assert run("install", "e2e", str(chart))[0] == 0
    assert run("upgrade", "e2e", str(chart), "--set", "msg=two")[0] == 0
    code, out, err = run("status", "e2e")
    assert (code, err) == (0, "")
    assert (
        out
        == (
            "NAME: e2e\nLAST DEPLOYED: TIME\nNAMESPACE: default\nSTATUS: deployed\nREVISION: 2\n"
            "DESCRIPTION: Upgrade complete\nRESOURCES:\n==> v1/ConfigMap\nNAME     AGE\ne2e-cm   AGE\n\n"
            "==> v1/Deployment\ne2e-web   AGE\n\n==> v1/Pod(related)\n\n\nNOTES:\nnotes e2e\n"  # a test never run: no TEST SUITE line
        )
    )
    assert run("history", "e2e")[1] == (
        "REVISION\tUPDATED                 \tSTATUS    \tCHART     \tAPP VERSION\tDESCRIPTION     \n"
        "1       \tTIME\tsuperseded\tdemo-0.1.0\t           \tInstall complete\n"
        "2       \tTIME\tdeployed  \tdemo-0.1.0\t           \tUpgrade complete\n"
    )
    assert run("list", "-q")[1] == "e2e\n"
    assert run("get", "values", "e2e")[1] == "USER-SUPPLIED VALUES:\nmsg: two\n"
    assert run("get", "values", "e2e", "--revision", "1")[1] == "USER-SUPPLIED VALUES:\nnull\n"
    code, out, err = run("get", "metadata", "e2e")
    assert "LABELS: modifiedAt=" in out and ",name=e2e,owner=helm,status=deployed,version=2\n" in out
    assert out.endswith("APPLY_METHOD: server-side apply\n")

    code, out, err = run("test", "e2e", "--timeout", "20s")
    assert code == 0, err
    assert out == (
        "NAME: e2e\nLAST DEPLOYED: TIME\nNAMESPACE: default\nSTATUS: deployed\nREVISION: 2\n"
        "DESCRIPTION: Upgrade complete\nTEST SUITE:     e2e-smoke\nLast Started:   TIME\n"
        "Last Completed: TIME\nPhase:          Succeeded\n"
    )
    assert "TEST SUITE:     e2e-smoke" in run("status", "e2e")[1]

    assert run("upgrade", "e2e", str(chart), "--set", "testPhase=Failed")[0] == 0
    code, out, err = run("test", "e2e", "--timeout", "20s")
    # stderr also shows what waiting waited for (chartist's progress lines)
    assert code == 1 and err.splitlines()[-1].startswith("Error: ") and "Phase:          Failed\n" in out
    assert run("status", "e2e", "--revision", "1")[1].startswith("NAME: e2e\nLAST DEPLOYED: TIME\n")
    code, _, err = run("status", "nope")
    assert (code, err) == (1, "Error: release: not found\n")


# -- Helm v4 and chartist reading each other's releases (Secret driver, one test cluster) ----------
HOOKED = {"cm.yaml": CONFIGMAP, "t.yaml": TEST_POD.replace("hook-succeeded", "before-hook-creation")}


@pytest.fixture
def helm(kubeconfig: str):
    import helm_python as h

    with h.Config(kubeconfig_path=kubeconfig, namespace="default", storage_driver="secret") as config:
        yield config


@pytest.mark.helm
def test_chartist_reads_what_helm_wrote(run, helm, tmp_path: Path) -> None:
    import json

    chart = write_chart(tmp_path, HOOKED)
    helm.install(str(chart), "hx", {"a": 1, "s": "<b>"}, labels={"team": "t"})
    helm.test("hx", timeout=20)
    listed = json.loads(run("list", "-o", "json")[1])
    assert [(e["name"], e["revision"], e["status"], e["chart"]) for e in listed] == [
        ("hx", "1", "deployed", "demo-0.1.0")
    ]
    assert json.loads(run("get", "values", "hx", "-o", "json")[1]) == {"a": 1, "s": "<b>"}
    assert json.loads(run("get", "metadata", "hx", "-o", "json")[1]) == helm.get_metadata("hx")
    assert run("list", "-q", "-l", "team=t")[1] == "hx\n"
    out = run("status", "hx")[1]
    assert (
        "TEST SUITE:     hx-smoke\nLast Started:   TIME\nLast Completed: TIME\nPhase:          Succeeded\n"
        in out
    )
    hooks = helm.get_all("hx")["hooks"]
    assert run("get", "hooks", "hx")[1] == "".join(
        f"---\n# Source: {h['path']}\n{h['manifest']}\n" for h in hooks
    )
    history = json.loads(run("history", "hx", "-o", "json")[1])
    assert [(e["revision"], e["status"], e["description"]) for e in history] == [
        (1, "deployed", "Install complete")
    ]


@pytest.mark.helm
def test_helm_reads_chartist_test_runs(run, helm, tmp_path: Path) -> None:
    import json

    chart = write_chart(tmp_path, HOOKED)
    assert run("install", "cx", str(chart), "--set", "k=v")[0] == 0
    code, _, err = run("test", "cx", "--timeout", "20s")
    assert code == 0, err
    everything = helm.get_all("cx")
    assert [(h["name"], h["last_run"]["phase"], h["delete_policies"]) for h in everything["hooks"]] == [
        ("cx-smoke", "Succeeded", ["before-hook-creation"])
    ]
    assert json.loads(run("get", "metadata", "cx", "-o", "json")[1]) == helm.get_metadata("cx")
    # Helm runs the tests again over chartist's record (the old pod is replaced first).
    helm.test("cx", timeout=20)
    assert "Phase:          Succeeded\n" in run("status", "cx")[1]
