"""The release codec against releases Helm v4.2.3 wrote (testdata/golden, see make_golden.py)."""

from __future__ import annotations

import base64
import dataclasses
import gzip
import json
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from chartist.chart.model import Chart, File, Metadata
from chartist.release.codec import (
    CodecError,
    chart_from_json,
    chart_to_json,
    decode_release,
    encode_release,
    release_from_json,
    release_to_json,
)
from chartist.release.model import Hook, HookExecution, Info, Release
from chartist.release.status import Status
from chartist.release.times import parse_time

GOLDEN = Path(__file__).parent / "testdata" / "golden"
GOLDEN_FILES = sorted(GOLDEN.glob("*.json"))
GOLDEN_FILES.remove(GOLDEN / "rows.json")
# The time zone each golden was written in (Go writes local times with their offset).
ZONES = {"golden": "Asia/Kolkata", "plain": "UTC"}


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch):
    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


def _golden(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", GOLDEN_FILES, ids=lambda p: p.stem)
def test_golden_round_trip(path: Path) -> None:
    """A Helm-written release decodes and encodes back to Helm's bytes."""
    text = _golden(path)
    rel = release_from_json(text)
    assert release_to_json(rel) == text
    assert decode_release(encode_release(rel)) == rel


@pytest.mark.parametrize("path", GOLDEN_FILES, ids=lambda p: p.stem)
def test_golden_from_model(path: Path, zone) -> None:
    """Encoding from the model alone (not the stored chart document) gives Helm's bytes too."""
    text = _golden(path)
    rel = release_from_json(text)
    zone(ZONES[rel.name])
    doc = json.loads(text)["chart"]
    chart = rel.chart
    assert chart is not None
    # What the loader leaves in Raw: values.yaml (so values are a map, not nil) and the schema file.
    raw = []
    if doc["values"] is not None:
        raw.append(File("values.yaml", b""))
    if doc["schema"] is not None:
        t = parse_time(doc["schemamodtime"])
        raw.append(File("values.schema.json", b"", t.timestamp() if t else 0.0))
    rel.chart = dataclasses.replace(chart, raw=tuple(raw))
    assert rel.chart_source is not None and rel.chart_source[0] is not rel.chart
    assert release_to_json(rel) == text


def test_golden_fields() -> None:
    rel = release_from_json(_golden(GOLDEN / "sh.helm.release.v1.golden.v3.json"))
    assert (rel.name, rel.version, rel.namespace, rel.apply_method) == ("golden", 3, "default", "ssa")
    assert rel.info.status == Status.UNINSTALLED
    assert rel.info.description == "bye"
    assert rel.info.deleted is not None and rel.info.deleted.offset == 19800
    assert rel.info.first_deployed is not None and rel.info.last_deployed is not None
    assert rel.info.first_deployed < rel.info.last_deployed < rel.info.deleted
    assert rel.config["int"] == 42.0 and isinstance(rel.config["int"], float)  # Go's float64
    assert rel.config["user"] == "<admin> & \u2028"
    assert [h.name for h in rel.hooks] == ["golden-post", "golden-pre"]
    pre = rel.hooks[1]
    assert pre.events == ["pre-install", "pre-upgrade", "post-rollback"]
    assert (pre.weight, pre.delete_policies, pre.output_log_policies) == (
        -5,
        ["before-hook-creation", "hook-succeeded"],
        ["hook-failed"],
    )
    assert pre.last_run.phase == "Succeeded"
    chart = rel.chart
    assert chart is not None
    md = chart.metadata
    assert (md.name, md.version, md.app_version, md.deprecated) == (
        "golden",
        "1.2.3-rc.1+build.5",
        "2.0 <beta> & more",
        True,
    )
    assert md.maintainers[1] is not None and md.maintainers[1].url == "https://bob.example.com"
    assert md.dependencies is not None and md.dependencies[0] is not None
    assert md.dependencies[0].enabled and md.dependencies[0].alias == "subby"
    assert chart.lock is not None and chart.lock.generated == "2024-02-29T23:59:58.123456789+05:30"
    assert [f.name for f in chart.templates] == [
        "templates/NOTES.txt",
        "templates/_helpers.tpl",
        "templates/cm.yaml",
        "templates/hooks.yaml",
    ]
    assert dict((f.name, f.data) for f in chart.files)["files/data.bin"] == b"\x00\x01\xff binary\n"
    assert chart.schema is not None and b'"integer"' in chart.schema
    assert chart.dependencies == ()  # Helm does not store subcharts


def test_helm_compressed_body() -> None:
    """A body as Go's gzip wrote it decodes; ours has Go's gzip header and the same JSON."""
    body = (GOLDEN / "sh.helm.release.v1.plain.v1.b64").read_text().strip()
    text = _golden(GOLDEN / "sh.helm.release.v1.plain.v1.json")
    rel = decode_release(body)
    assert release_to_json(rel) == text
    ours = base64.b64decode(encode_release(rel))
    go = base64.b64decode(body)
    assert ours[:10] == go[:10] == bytes.fromhex("1f8b08000000000002ff")
    assert gzip.decompress(ours).decode() == text


@dataclass(frozen=True)
class EncodeCase:
    name: str
    release: Release
    want: str


def _hook(**kw) -> Hook:
    return Hook(**{"name": "", "kind": "", "path": "", "manifest": "", **kw})


T1 = parse_time("2024-05-01T10:00:00.5+02:00")
T2 = parse_time("2024-05-01T10:00:01Z")

# Expected JSON is what Go's encoding/json writes for Helm's release structs.
ENCODE_CASES = [
    EncodeCase("empty release", Release(), '{"info":{}}'),
    EncodeCase(
        "omitempty scalars",
        Release(name="a", version=0, namespace="", manifest="", apply_method=""),
        '{"name":"a","info":{}}',
    ),
    EncodeCase(
        "info in struct order",
        Release(
            name="r",
            info=Info(
                first_deployed=T1,
                last_deployed=T2,
                description="d <x>",
                status=Status.PENDING_UPGRADE,
                rollback_revision=2,
                notes="n",
            ),
            version=7,
            namespace="ns",
            apply_method="csa",
        ),
        '{"name":"r","info":{"first_deployed":"2024-05-01T10:00:00.5+02:00","last_deployed":"2024-05-01T10:00:01Z",'
        '"description":"d \\u003cx\\u003e","status":"pending-upgrade","rollback_revision":2,"notes":"n"},'
        '"version":7,"namespace":"ns","apply_method":"csa"}',
    ),
    EncodeCase(
        "config maps sorted, Go numbers",
        Release(config={"b": 1.0, "a": {"z": 1e21, "y": 1e6, "x": [True, None]}, "c": "\u2028&"}),
        '{"info":{},"config":{"a":{"x":[true,null],"y":1000000,"z":1e+21},"b":1,"c":"\\u2028\\u0026"}}',
    ),
    EncodeCase(
        "hook never run keeps last_run",
        Release(hooks=[_hook(name="h", kind="Job", events=["test"])]),
        '{"info":{},"hooks":[{"name":"h","kind":"Job","events":["test"],"last_run":{"phase":""}}]}',
    ),
    EncodeCase(
        "hook run",
        Release(
            hooks=[
                _hook(
                    name="h",
                    path="c/templates/h.yaml",
                    manifest="m",
                    weight=-1,
                    delete_policies=["hook-failed"],
                    output_log_policies=["hook-succeeded"],
                    last_run=HookExecution(T1, T2, "Failed"),
                )
            ]
        ),
        '{"info":{},"hooks":[{"name":"h","path":"c/templates/h.yaml","manifest":"m","last_run":'
        '{"started_at":"2024-05-01T10:00:00.5+02:00","completed_at":"2024-05-01T10:00:01Z","phase":"Failed"},'
        '"weight":-1,"delete_policies":["hook-failed"],"output_log_policies":["hook-succeeded"]}]}',
    ),
    EncodeCase(
        "chart without values.yaml",
        Release(chart=Chart(Metadata(name="c", version="1.0.0", api_version="v2"))),
        '{"info":{},"chart":{"metadata":{"name":"c","version":"1.0.0","apiVersion":"v2"},"lock":null,'
        '"templates":null,"values":null,"schema":null,"schemamodtime":"0001-01-01T00:00:00Z","files":null}}',
    ),
    EncodeCase(
        "chart files and schema",
        Release(
            chart=Chart(
                Metadata(name="c", annotations={"b": "2", "a": "1"}),
                values={"k": "v"},
                templates=(File("templates/x.yaml", b"x: 1\n"),),
                files=(File("empty", b""),),
                schema=b"{}",
            )
        ),
        '{"info":{},"chart":{"metadata":{"name":"c","annotations":{"a":"1","b":"2"}},"lock":null,'
        '"templates":[{"name":"templates/x.yaml","data":"eDogMQo="}],"values":{"k":"v"},"schema":"e30=",'
        '"schemamodtime":"0001-01-01T00:00:00Z","files":[{"name":"empty","data":""}]}}',
    ),
]


@pytest.mark.parametrize("case", ENCODE_CASES, ids=lambda c: c.name)
def test_encode(case: EncodeCase) -> None:
    assert release_to_json(case.release) == case.want
    back = release_from_json(case.want)
    back.chart_source = None
    assert release_to_json(back) == case.want


def test_labels_are_not_encoded() -> None:
    assert release_to_json(Release(name="x", labels={"team": "a"})) == '{"name":"x","info":{}}'


def test_unencodable_value() -> None:
    with pytest.raises(CodecError, match="unsupported value: NaN"):
        release_to_json(Release(config={"x": float("nan")}))


@dataclass(frozen=True)
class DecodeCase:
    name: str
    json: str
    check: str  # an expression over `rel`, or the error fragment when `ok` is False
    ok: bool = True


DECODE_CASES = [
    DecodeCase(
        "empty time strings are zero",
        '{"info":{"first_deployed":"","deleted":"","status":"deployed"}}',
        "rel.info.first_deployed is None and rel.info.deleted is None",
    ),
    DecodeCase("null info", '{"name":"x","info":null}', "rel.info == Info()"),
    DecodeCase(
        "hook empty times",
        '{"hooks":[{"name":"h","last_run":{"started_at":"","phase":"Unknown"}}]}',
        "rel.hooks[0].last_run == HookExecution(None, None, 'Unknown')",
    ),
    DecodeCase(
        "unknown fields ignored", '{"name":"x","future":{"a":1},"info":{"extra":true}}', "rel.name == 'x'"
    ),
    DecodeCase("numbers are float64", '{"config":{"n":1}}', "type(rel.config['n']) is float"),
    DecodeCase("null hook entries skipped", '{"hooks":[null]}', "rel.hooks == []"),
    DecodeCase("other status text kept", '{"info":{"status":"weird"}}', "rel.info.status == 'weird'"),
    DecodeCase(
        "not an object", "[1]", "json: cannot unmarshal array into Go value of type v1.Release", ok=False
    ),
    DecodeCase("bad json", '{"name":', "unexpected end of JSON input", ok=False),
    DecodeCase(
        "version not int",
        '{"version":"1"}',
        "json: cannot unmarshal string into Go struct field Release.version of type int",
        ok=False,
    ),
    DecodeCase("fractional version", '{"version":1.5}', "of type int", ok=False),
    DecodeCase(
        "name not string",
        '{"name":1}',
        "json: cannot unmarshal number into Go struct field Release.name of type string",
        ok=False,
    ),
    DecodeCase("bad time", '{"info":{"last_deployed":"yesterday"}}', 'parsing time "yesterday"', ok=False),
    DecodeCase("time not string", '{"info":{"deleted":5}}', "Info.deleted of type time.Time", ok=False),
    DecodeCase(
        "bad file data",
        '{"chart":{"templates":[{"name":"x","data":"!!"}]}}',
        "illegal base64 data at input byte 0",
        ok=False,
    ),
    DecodeCase(
        "annotations not strings",
        '{"chart":{"metadata":{"annotations":{"a":1}}}}',
        "Metadata.annotations of type string",
        ok=False,
    ),
]


@pytest.mark.parametrize("case", DECODE_CASES, ids=lambda c: c.name)
def test_decode(case: DecodeCase) -> None:
    if case.ok:
        rel = release_from_json(case.json)
        assert eval(case.check, {"Info": Info, "HookExecution": HookExecution}, {"rel": rel})
    else:
        with pytest.raises(CodecError) as err:
            release_from_json(case.json)
        assert case.check in str(err.value)


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


DECODE_ROWS = [
    ("plain json, no gzip", _b64(b'{"name":"p","version":2}'), None),
    ("gzip", _b64(gzip.compress(b'{"name":"p","version":2}', mtime=0)), None),
    (
        "newlines ignored",
        _b64(gzip.compress(b'{"name":"p","version":2}', mtime=0)).replace("A", "A\n", 1),
        None,
    ),
    ("bad character", "ab$d", "illegal base64 data at input byte 2"),
    ("bad padding", "abc", "illegal base64 data at input byte 0"),
    ("truncated gzip", _b64(gzip.compress(b'{"name":"p"}', mtime=0)[:15]), "gzip:"),
    ("empty", "", "unexpected end of JSON input"),
]


@pytest.mark.parametrize(("name", "data", "error"), DECODE_ROWS, ids=[r[0] for r in DECODE_ROWS])
def test_decode_release(name: str, data: str, error: str | None) -> None:
    if error is None:
        rel = decode_release(data)
        assert (rel.name, rel.version) == ("p", 2)
    else:
        with pytest.raises(CodecError, match=error.replace("(", r"\(")):
            decode_release(data)


def test_chart_json_round_trip() -> None:
    doc = json.loads(_golden(GOLDEN / "sh.helm.release.v1.plain.v1.json"))["chart"]
    chart = chart_from_json(doc)
    assert chart.metadata.name == "plain"
    assert json.loads(chart_to_json(chart))["metadata"] == doc["metadata"]


def test_release_copy_is_independent() -> None:
    rel = release_from_json(_golden(GOLDEN / "sh.helm.release.v1.golden.v1.json"))
    dup = rel.copy()
    dup.info.status = Status.FAILED
    dup.hooks[0].events.append("test")
    dup.hooks[0].last_run.phase = "Running"
    dup.config["user"] = "x"
    dup.labels["a"] = "b"
    assert rel.info.status == Status.SUPERSEDED
    assert rel.hooks[0].events == ["post-install", "post-upgrade"]
    assert rel.hooks[0].last_run.phase == "Succeeded"
    assert rel.config["user"] != "x" and rel.labels == {}
    assert dup.chart is rel.chart


def test_status_values() -> None:
    # Helm's release/common/status.go, in its order.
    assert [s.value for s in Status] == [
        "unknown",
        "deployed",
        "uninstalled",
        "superseded",
        "failed",
        "uninstalling",
        "pending-install",
        "pending-upgrade",
        "pending-rollback",
    ]
    assert [s.value for s in Status if s.is_pending] == [
        "pending-install",
        "pending-upgrade",
        "pending-rollback",
    ]
    assert Release(info=Info(status="pending-install")).is_pending


def test_loaded_chart_as_helm_stores_it(tmp_path: Path, zone) -> None:
    """chartist's loader and codec store a chart as Helm does (the 'plain' golden's chart)."""
    import os

    from chartist import load_chart

    zone("UTC")
    chart_dir = tmp_path / "plain"
    (chart_dir / "templates").mkdir(parents=True)
    (chart_dir / "Chart.yaml").write_text("apiVersion: v2\nname: plain\nversion: 0.0.1\n")
    (chart_dir / "templates" / "cm.yaml").write_text(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n"
    )
    # make_golden.py's FILE_TIMES: whole seconds, in sorted path order.
    for i, p in enumerate(sorted(x for x in chart_dir.rglob("*") if x.is_file())):
        os.utime(p, ns=((1_700_000_000 + i) * 10**9,) * 2)
    want = json.loads(_golden(GOLDEN / "sh.helm.release.v1.plain.v1.json"))["chart"]
    assert json.loads(chart_to_json(load_chart(str(chart_dir)))) == want
    text = _golden(GOLDEN / "sh.helm.release.v1.plain.v1.json")
    assert '"chart":' + chart_to_json(load_chart(str(chart_dir))) + ',"manifest"' in text


def test_resources_are_shown_not_stored() -> None:
    rel = Release(name="x", info=Info(status="deployed", resources={"v1/Pod": [{"kind": "Pod"}]}))
    assert (
        release_to_json(rel)
        == '{"name":"x","info":{"status":"deployed","resources":{"v1/Pod":[{"kind":"Pod"}]}}}'
    )
    stored = decode_release(encode_release(rel))
    assert stored.info.resources is None and rel.info.resources is not None
