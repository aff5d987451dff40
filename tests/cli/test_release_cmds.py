"""The release commands end to end: ``chartist install/upgrade/rollback/uninstall`` against the API
test server, compared with what Helm v4.2.3 prints (pkg/cmd/testdata/output goldens)."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest
import yaml

_TESTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)

from action.fixtures import (  # noqa: E402
    CONFIGMAP,
    hook,
    kube,
    kubeconfig,
    release_server,
    server,
    write_chart,
)
from chartist.cli.main import main  # noqa: E402

__all__ = ["kube", "kubeconfig", "release_server", "server"]

ANSIC = re.compile(r"^LAST DEPLOYED: [A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}$", re.M)


@pytest.fixture
def run(kubeconfig: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path):
    monkeypatch.setenv("KUBECONFIG", kubeconfig)
    monkeypatch.setenv("HELM_DRIVER", "secret")
    monkeypatch.setenv("HOME", str(tmp_path))
    for var in ("HELM_NAMESPACE", "HELM_MAX_HISTORY", "NO_COLOR"):
        monkeypatch.delenv(var, raising=False)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, ANSIC.sub("LAST DEPLOYED: <time>", out), err

    return run


@pytest.fixture
def chart(tmp_path: Path) -> str:
    return str(write_chart(tmp_path, {"cm.yaml": CONFIGMAP, "NOTES.txt": "notes for {{ .Release.Name }}\n"}))


def status(name: str, status: str, revision: int, description: str, notes: str = "") -> str:
    text = (
        f"NAME: {name}\nLAST DEPLOYED: <time>\nNAMESPACE: default\nSTATUS: {status}\nREVISION: {revision}\n"
        f"DESCRIPTION: {description}\nTEST SUITE: None\n"
    )
    return text + (f"NOTES:\n{notes}\n" if notes else "")


def test_install_prints_the_release(run, chart: str) -> None:
    code, out, err = run("install", "aeneas", chart)
    assert (code, err) == (0, "")
    assert out == status("aeneas", "deployed", 1, "Install complete", "notes for aeneas")


@pytest.mark.parametrize(
    "argv, name",
    [
        (["install", "--wait", "waited", "CHART"], "waited"),
        (["install", "waited2", "--wait=legacy", "CHART", "--timeout", "30s"], "waited2"),
        (["install", "--name-template", '{{ printf "%s-%s" "from" "tpl" }}', "CHART"], "from-tpl"),
        (["install", "-g", "CHART", "--description", "hello", "-l", "team=a,tier=b"], None),
    ],
    ids=["bare-wait-before-name", "wait-value", "name-template", "generate-name"],
)
def test_install_flags(run, chart: str, kube, argv: list[str], name: str | None) -> None:
    code, out, err = run(*[chart if a == "CHART" else a for a in argv])
    assert code == 0, err
    got = out.split("\n", 1)[0].removeprefix("NAME: ")
    if name is None:
        assert re.fullmatch(r"demo-\d+", got)
        assert "DESCRIPTION: hello\n" in out
        secret = kube.get("v1", "Secret", f"sh.helm.release.v1.{got}.v1", "default")
        labels = secret["metadata"]["labels"]
        assert (labels["team"], labels["tier"]) == ("a", "b")
    else:
        assert got == name


def test_install_dry_run_prints_hooks_and_manifest(run, tmp_path: Path) -> None:
    # A test hook that never ran: Helm prints no TEST SUITE line at all.
    chart = write_chart(tmp_path / "h", {"cm.yaml": CONFIGMAP, "NOTES.txt": "notes for {{ .Release.Name }}\n",
                                         "test.yaml": hook("smoke", "test", kind="Pod")})  # fmt: skip
    code, out, err = run("install", "dry", str(chart), "--dry-run")
    assert code == 0
    assert err == "--dry-run is deprecated and should be replaced with '--dry-run=client'\n"
    assert out.startswith(
        status("dry", "pending-install", 1, "Dry run complete").replace("TEST SUITE: None\n", "")
    )
    assert "HOOKS:\n---\n# Source: demo/templates/test.yaml\n" in out
    assert "MANIFEST:\n---\n# Source: demo/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\n" in out
    assert out.endswith("NOTES:\nnotes for dry\n")


def test_install_output_formats(run, chart: str) -> None:
    code, out, _ = run("install", "js", chart, "-o", "json")
    doc = json.loads(out)
    assert (code, doc["name"], doc["version"], doc["info"]["status"]) == (0, "js", 1, "deployed")
    assert doc["chart"]["metadata"]["name"] == "demo" and doc["apply_method"] == "ssa"
    code, out, _ = run("install", "ym", chart, "-o", "yaml")
    doc = yaml.safe_load(out)
    assert (doc["name"], doc["info"]["description"], doc["namespace"]) == (
        "ym",
        "Install complete",
        "default",
    )
    code, _, err = run("install", "bad", chart, "-o", "xml")
    assert (code, err) == (1, 'Error: invalid argument "xml" for "-o, --output" flag: invalid format type\n')


@pytest.mark.parametrize(
    "argv, message",
    [
        (["install"], '"chartist install" requires at least 1 argument'),
        (["install", "a", "CHART", "--generate-name"], "INSTALLATION FAILED: cannot set --generate-name and also specify a name"),
        (["install", "CHART"], "INSTALLATION FAILED: must either provide a name or specify --generate-name"),
        (["install", "t", "CHART", "--timeout", "soon"], 'invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"'),
        (["install", "f", "CHART", "--force-replace", "--force-conflicts"],
         "if any flags in the group [force-replace force-conflicts] are set none of the others can be; "
         "[force-conflicts force-replace] were all set"),
        (["install", "h", "CHART", "--hide-secret"], "INSTALLATION FAILED: hiding Kubernetes secrets requires a dry-run mode"),
    ],
    ids=["no-args", "name-and-generate", "no-name", "bad-timeout", "exclusive-force", "hide-secret"],
)  # fmt: skip
def test_install_errors(run, chart: str, argv: list[str], message: str) -> None:
    code, out, err = run(*[chart if a == "CHART" else a for a in argv])
    assert (code, out) == (1, "")
    assert err.startswith(f"Error: {message}")


def test_install_twice_fails(run, chart: str) -> None:
    run("install", "twice", chart)
    code, _, err = run("install", "twice", chart)
    assert (code, err) == (
        1,
        "Error: INSTALLATION FAILED: release name check failed: cannot reuse a name that is still in use\n",
    )


def test_upgrade(run, chart: str) -> None:
    code, _, err = run("upgrade", "funny-bunny", chart)
    assert (code, err) == (1, 'Error: UPGRADE FAILED: "funny-bunny" has no deployed releases\n')
    code, out, err = run("upgrade", "--install", "funny-bunny", chart)
    assert (code, err) == (0, "")
    assert out == 'Release "funny-bunny" does not exist. Installing it now.\n' + status(
        "funny-bunny", "deployed", 1, "Install complete", "notes for funny-bunny"
    )
    code, out, err = run("upgrade", "funny-bunny", chart, "--set", "msg=x", "--hide-notes")
    assert out == 'Release "funny-bunny" has been upgraded. Happy Helming!\n' + status(
        "funny-bunny", "deployed", 2, "Upgrade complete"
    )
    code, out, _ = run("upgrade", "funny-bunny", chart, "-o", "json", "--reuse-values")
    doc = json.loads(out)
    assert (doc["version"], doc["config"]) == (3, {"msg": "x"})


def test_upgrade_install_after_keep_history(run, chart: str) -> None:
    run("install", "kh", chart)
    assert run("uninstall", "kh", "--keep-history")[1] == 'release "kh" uninstalled\n'
    code, out, err = run("upgrade", "-i", "kh", chart)
    assert code == 0, err
    assert out.startswith('Release "kh" does not exist. Installing it now.\nNAME: kh\n')
    assert "REVISION: 2\nDESCRIPTION: Install complete\n" in out


def test_rollback(run, chart: str) -> None:
    run("install", "rb", chart)
    run("upgrade", "rb", chart, "--set", "msg=two")
    assert run("rollback", "rb") == (0, "Rollback was a success! Happy Helming!\n", "")
    assert (
        run("rollback", "rb", "1", "--wait", "--timeout", "30s")[1]
        == "Rollback was a success! Happy Helming!\n"
    )
    assert run("rollback", "rb", "9") == (1, "", "Error: release has no 9 version\n")
    assert run("rollback", "rb", "x") == (
        1,
        "",
        'Error: could not convert revision to a number: strconv.Atoi: parsing "x": invalid syntax\n',
    )
    assert run("rollback", "nope") == (1, "", "Error: release: not found\n")


def test_uninstall(run, chart: str, tmp_path: Path) -> None:
    kept = write_chart(
        tmp_path / "k",
        {
            "cm.yaml": CONFIGMAP,
            "s.yaml": (
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: kept\n  annotations: {helm.sh/resource-policy: keep}\n"
            ),
        },
    )
    run("install", "aeneas", chart)
    run("install", "aeneas2", str(kept))
    code, out, err = run("uninstall", "aeneas", "aeneas2", "--wait")
    assert (code, err) == (0, "")
    assert out == (
        'release "aeneas" uninstalled\nThese resources were kept due to the resource policy:\n[Secret] kept\n\n'
        'release "aeneas2" uninstalled\n'
    )
    assert run("uninstall", "aeneas") == (
        1,
        "",
        "Error: uninstall: Release not loaded: aeneas: release: not found\n",
    )
    assert run("uninstall", "aeneas", "--ignore-not-found") == (0, 'release "aeneas" uninstalled\n', "")
    assert run("uninstall", "x", "--cascade", "sideways") == (
        1,
        "",
        'Error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan"\n',
    )


def test_namespace_flag_and_create_namespace(run, chart: str, kube) -> None:
    code, out, err = run(
        "install", "nsd", chart, "-n", "elsewhere", "--create-namespace", "--wait", "--wait-for-jobs"
    )
    assert code == 0, err
    assert "NAMESPACE: elsewhere\n" in out
    assert kube.get("v1", "ConfigMap", "nsd-cm", "elsewhere")
    assert run("uninstall", "nsd", "-n", "elsewhere")[0] == 0
