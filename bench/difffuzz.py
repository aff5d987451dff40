"""Differential fuzzer: random charts rendered by chartist and by Helm v4 (helm_python), compared.

Run by hand (not collected by pytest)::

    python bench/difffuzz.py [--cases N] [--seed S] [--mode normal,hostile,unsafe]
                             [--timeout SEC] [--out DIR] [--no-minimise] [--replay DIR]

Each case is a small chart from ``difffuzz_gen.make_chart`` written to a temporary directory and
rendered by two long-lived worker processes, one importing only helm_python, one only chartist,
each under a memory limit; a worker that hangs past ``--timeout`` or dies is killed and restarted,
and that counts as the outcome of the case. Outcomes are compared:

* both succeed: the render maps must be equal (Helm's map has travelled through JSON, so invalid
  UTF-8 is replaced by U+FFFD per byte, as Go's encoding/json does; chartist's is normalised so);
* both fail: chartist's message must equal Helm's;
* one fails: a difference; chartist raising anything but a ChartistError is a difference;
* Helm crashes or times out (where it is unsafe): chartist must end with a ChartistError in time.

In ``unsafe`` mode Helm is not run at all (those inputs exhaust its memory or stack): chartist
alone must end quickly with a ChartistError.

Every difference is minimised (whole files dropped, then the failing template cut down token by
token while the same kind of difference remains) and written to ``--out`` as a chart directory
with ``outcome.json``; a summary groups them by kind and message shape. ``--replay DIR`` re-runs
the saved charts (after a fix, to see which still differ).
"""

from __future__ import annotations

import argparse
import ast
import codecs
import json
import os
import random
import re
import resource
import select
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
MEM_LIMIT = 6 * 1024**3  # bytes of address space per worker


# ---------------------------------------------------------------------------------------------
# Workers: one process per engine, fed chart directories on stdin, answering JSON lines.


def _worker_main(kind: str) -> None:
    if kind == "helm":
        import ctypes

        import helm_python as h
        from helm_python import _native

        h.disable_logging() if hasattr(h, "disable_logging") else None

        def take_string(ptr: int | None) -> str | None:
            # helm_python decodes Helm's C strings strictly; messages may quote invalid UTF-8
            if not ptr:
                return None
            try:
                return ctypes.string_at(ptr).decode("utf-8", "surrogateescape")
            finally:
                _native.lib.helm_free_string(ctypes.c_void_p(ptr))

        _native.take_string = take_string

        def render(d: str) -> dict[str, Any]:
            try:
                chart = h.Chart.load(d)
            except h.HelmError as err:
                return {"err": str(err), "cls": type(err).__name__, "stage": "load"}
            try:
                return {"ok": chart.render({}, name="rel", namespace="default")}
            except h.HelmError as err:
                return {"err": str(err), "cls": type(err).__name__}
            finally:
                chart.close()
    else:
        import chartist
        from chartist.errors import ChartistError

        def render(d: str) -> dict[str, Any]:
            try:
                out = chartist.render(d, {}, release_name="rel", namespace="default")
            except ChartistError as err:
                return {"err": str(err), "cls": type(err).__name__}
            except BaseException as err:  # the bug we are looking for
                return {"bug": f"{type(err).__name__}: {err}", "tb": traceback.format_exc()[-3000:]}
            return {"ok": {k: _go_json_text(v) for k, v in out.items()}}

    for line in sys.stdin:
        req = json.loads(line)
        t0 = time.perf_counter()
        res = render(req["dir"])
        res["secs"] = time.perf_counter() - t0
        sys.stdout.write(json.dumps(res) + "\n")
        sys.stdout.flush()


def _per_byte_replace(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeDecodeError)
    return "\ufffd" * (err.end - err.start), err.end


codecs.register_error("go_json", _per_byte_replace)


def _go_json_text(s: str) -> str:
    """S as it comes out of Go's encoding/json: each invalid UTF-8 byte becomes U+FFFD."""
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return s.encode("utf-8", "surrogateescape").decode("utf-8", "go_json")


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEM_LIMIT, MEM_LIMIT))


class Worker:
    """A long-lived renderer process; ``ask`` returns its answer, or a timeout/crash outcome."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.proc: subprocess.Popen[str] | None = None
        self.err_file = tempfile.TemporaryFile(mode="w+")

    def start(self) -> None:
        env = dict(os.environ, GOTRACEBACK="single", GOMAXPROCS="1")
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--worker", self.kind],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.err_file,
            text=True,
            env=env,
            preexec_fn=_limit_memory,
        )

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def send(self, d: str) -> None:
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        assert self.proc is not None and self.proc.stdin is not None
        self.proc.stdin.write(json.dumps({"dir": d}) + "\n")
        self.proc.stdin.flush()

    def receive(self, deadline: float) -> dict[str, Any]:
        assert self.proc is not None and self.proc.stdout is not None
        out = self.proc.stdout
        ready, _, _ = select.select([out], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            self.stop()
            return {"timeout": True}
        line = out.readline()
        if not line:
            self.err_file.seek(0)
            tail = self.err_file.read()[-2000:]
            self.err_file.seek(0)
            self.err_file.truncate()
            self.stop()
            return {"crash": tail}
        answer: dict[str, Any] = json.loads(line)
        return answer


@dataclass
class Pair:
    helm: Worker
    chartist: Worker
    timeout: float

    def run(self, d: str, with_helm: bool = True) -> tuple[dict[str, Any] | None, dict[str, Any]]:
        if with_helm:
            self.helm.send(d)
        self.chartist.send(d)
        deadline = time.monotonic() + self.timeout
        ours = self.chartist.receive(deadline)
        theirs = (
            self.helm.receive(deadline + (self.timeout if "timeout" in ours else 0)) if with_helm else None
        )
        return theirs, ours


# ---------------------------------------------------------------------------------------------
# Comparison.


# Differences already reported to the owners of areas this tool's author could not change;
# Helm's side is rewritten to chartist's before comparing unless --strict is given.
KNOWN: list[tuple[re.Pattern[str], str]] = [
    # engine: the top-level object, .Values and .Template are common.Values in Helm
    (re.compile(r"common\.Values"), "map[string]interface {}"),
    # helm_python is built without Helm's version ldflags ("v4.2"); the CLI says v4.2.3
    (re.compile(r"\bv4\.2\b(?!\.)"), "v4.2.3"),
    # chart/engine: .Chart.Annotations is a map[string]string, nil when Chart.yaml has none
    (re.compile(r"Annotations: null"), "Annotations: {}"),
    (re.compile(r'"Annotations":null'), '"Annotations":{}'),
]
# fmt prints a made-up address for pointers (Go a real one): outputs holding it are not compared
_FAKE_ADDRESS = re.compile(r"c000010000|C000010000|824633786368", re.I)
STRICT = False
_POINTER = re.compile(r"0x[0-9a-f]{8,}")


def _known(text: str) -> str:
    if STRICT:
        return text
    for rx, repl in KNOWN:
        text = rx.sub(repl, text)
    return _POINTER.sub("0xPTR", text)


def helm_message(msg: str) -> str:
    """Helm's own message inside helm_python's error text (the SDK may add a prefix)."""
    for prefix in ("render: ", "rendering: ", "helm_render: "):
        if msg.startswith(prefix):
            msg = msg[len(prefix) :]
            break
    return _known(msg)


def compare(theirs: dict[str, Any] | None, ours: dict[str, Any]) -> tuple[str, str] | None:
    """None when chartist agrees with Helm; else (kind, detail)."""
    if "bug" in ours:
        return "bug", ours["bug"] + "\n" + ours.get("tb", "")
    if "timeout" in ours:
        return "chartist-timeout", ""
    if "crash" in ours:
        return "chartist-crash", ours["crash"]
    if theirs is None or "timeout" in theirs or "crash" in theirs:
        # Helm is unsafe here; chartist must simply have ended cleanly
        return None
    if theirs.get("stage") == "load":
        if "err" in ours:
            return None if helm_message(theirs["err"]) == ours["err"] else ("load-msg", _msgs(theirs, ours))
        return "load-okerr", theirs["err"]
    if "ok" in theirs and "ok" in ours:
        helm_map = {k: _known(v) for k, v in theirs["ok"].items()}
        our_map = {k: _POINTER.sub("0xPTR", v) if not STRICT else v for k, v in ours["ok"].items()}
        for k, v in our_map.items():
            if k in helm_map and _FAKE_ADDRESS.search(v) and not _FAKE_ADDRESS.search(helm_map[k]):
                helm_map[k] = v
        if helm_map == our_map:
            return None
        return "output", _map_diff(helm_map, our_map)
    if "err" in theirs and "err" in ours:
        theirs_msg, ours_msg = helm_message(theirs["err"]), _known(ours["err"])
        if theirs_msg == ours_msg:
            return None
        if "\x00" in ours_msg and ours_msg.startswith(theirs_msg) and ours_msg[len(theirs_msg)] == "\x00":
            return None  # helm_python hands over C strings: Helm's text ends at a NUL byte
        return "msg", _msgs(theirs, ours)
    if "err" in theirs:
        return "helm-fails-only", theirs["err"]
    return "chartist-fails-only", ours["err"]


def _msgs(theirs: dict[str, Any], ours: dict[str, Any]) -> str:
    return f"helm:     {helm_message(theirs['err'])!r}\nchartist: {ours['err']!r}"


def first_difference(a: str, b: str, context: int = 120) -> str:
    """Where A and B part, with some context: for long outputs and messages."""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    lo = max(0, i - context)
    return f"at {i}: helm …{a[lo : i + context]!r}\n       chartist …{b[lo : i + context]!r}"


def _map_diff(a: dict[str, str], b: dict[str, str]) -> str:
    lines = []
    for k in sorted(set(a) | set(b)):
        if a.get(k) != b.get(k):
            if a.get(k) is None or b.get(k) is None:
                lines.append(f"{k}:\n  helm:     {a.get(k)!r}\n  chartist: {b.get(k)!r}")
            else:
                lines.append(f"{k}: " + first_difference(a[k], b[k]))
    return "\n".join(lines)


def _shape(msg: str) -> str:
    last = [ln for ln in msg.splitlines() if ln.strip()][-1:] or [""]
    shape = re.sub(r"\d+", "N", last[0])
    shape = re.sub(r'"[^"]*"', '""', shape)
    return re.sub(r"<.*>", "<>", shape).strip()[:120]


def signature(kind: str, detail: str) -> str:
    """A grouping key: the kind plus the shape of the messages (numbers and quotes blurred)."""
    if kind in ("msg", "load-msg"):
        helm, ours = ([*detail.split("\nchartist: ", 1), ""])[:2]
        theirs = _shape(ast.literal_eval(helm.removeprefix("helm:     ")))
        return f"{kind}: helm {theirs} | chartist {_shape(ast.literal_eval(ours))}"
    if kind in ("helm-fails-only", "chartist-fails-only"):
        return f"{kind}: {_shape(detail)}"
    if kind == "bug":
        return "bug: " + detail.splitlines()[0][:150]
    return kind


# ---------------------------------------------------------------------------------------------
# Cases on disk and minimisation.


def write_chart(root: Path, files: dict[str, bytes]) -> None:
    if root.exists():
        shutil.rmtree(root)
    for rel, data in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)


_TOKEN = re.compile(rb"\{\{-? ?|-?\}\}|\"(?:[^\"\\\n]|\\.)*\"|`[^`]*`|[()|]|\s+|[^\s(){}|\"`]+|.", re.S)


def _tokens(data: bytes) -> list[bytes]:
    return _TOKEN.findall(data)


class Minimiser:
    def __init__(self, pair: Pair, scratch: Path, with_helm: bool) -> None:
        self.pair, self.scratch, self.with_helm = pair, scratch, with_helm
        self.runs = 0

    def kind_of(self, files: dict[str, bytes]) -> tuple[str, str] | None:
        d = self.scratch / "min"
        write_chart(d, files)
        self.runs += 1
        theirs, ours = self.pair.run(str(d), self.with_helm)
        return compare(theirs, ours)

    def minimise(self, files: dict[str, bytes], sig: str, budget: int = 400) -> dict[str, bytes]:
        """FILES cut down while the difference keeps the signature SIG."""
        self.runs = 0

        def same(cand: dict[str, bytes]) -> bool:
            if self.runs >= budget or "Chart.yaml" not in cand:
                return False
            got = self.kind_of(cand)
            return got is not None and signature(*got) == sig

        # 1. drop whole files
        for rel in sorted(files, key=lambda p: (p == "Chart.yaml", p.startswith("templates/t"))):
            if rel == "Chart.yaml":
                continue
            cand = {k: v for k, v in files.items() if k != rel}
            if same(cand):
                files = cand
        # 2. values.yaml: drop top-level blocks
        if "values.yaml" in files:
            blocks = re.split(rb"\n(?=\S)", files["values.yaml"])
            i = 0
            while i < len(blocks) and len(blocks) > 1:
                cand_blocks = blocks[:i] + blocks[i + 1 :]
                cand = dict(files, **{"values.yaml": b"\n".join(cand_blocks) + b"\n"})
                if same(cand):
                    blocks, files = cand_blocks, cand
                else:
                    i += 1
        # 3. templates: ddmin over tokens, coarse to fine
        for rel in [k for k in files if k.endswith((".yaml", ".tpl", ".txt")) and "templates/" in k]:
            toks = _tokens(files[rel])
            chunk = max(1, len(toks) // 2)
            while chunk >= 1:
                i = 0
                while i < len(toks):
                    cand_toks = toks[:i] + toks[i + chunk :]
                    cand = dict(files, **{rel: b"".join(cand_toks)})
                    if same(cand):
                        toks, files = cand_toks, cand
                    else:
                        i += chunk
                chunk //= 2
        return files


# ---------------------------------------------------------------------------------------------
# Driver.


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--worker", choices=["helm", "chartist"])
    ap.add_argument("--cases", type=int, default=500)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--mode", default="normal,hostile")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per render and side")
    ap.add_argument("--out", default=str(HERE / "difffuzz-out"))
    ap.add_argument("--no-minimise", action="store_true")
    ap.add_argument("--max-per-sig", type=int, default=2, help="minimised examples kept per signature")
    ap.add_argument("--replay", default=None, help="re-run the charts saved in this directory")
    ap.add_argument("--strict", action="store_true", help="do not forgive the KNOWN differences")
    ap.add_argument("--shrink", default=None, help="minimise the saved chart directory given, in place")
    args = ap.parse_args()
    if args.worker:
        _worker_main(args.worker)
        return
    sys.path.insert(0, str(HERE))
    global STRICT
    STRICT = args.strict
    pair = Pair(Worker("helm"), Worker("chartist"), args.timeout)
    scratch = Path(tempfile.mkdtemp(prefix="difffuzz-"))
    out = Path(args.out)
    try:
        if args.replay:
            _replay(pair, Path(args.replay))
        elif args.shrink:
            _shrink(pair, scratch, Path(args.shrink))
        else:
            _fuzz(pair, scratch, out, args)
    finally:
        pair.helm.stop()
        pair.chartist.stop()
        shutil.rmtree(scratch, ignore_errors=True)


def _replay(pair: Pair, root: Path) -> None:
    dirs = (
        [root]
        if (root / "Chart.yaml").exists()
        else sorted(p for p in root.iterdir() if (p / "Chart.yaml").exists())
    )
    for d in dirs:
        outcome = d / "outcome.json"
        with_helm = json.loads(outcome.read_text()).get("with_helm", True) if outcome.exists() else True
        theirs, ours = pair.run(str(d), with_helm)
        diff = compare(theirs, ours)
        print(f"{'DIFF' if diff else 'same'} {d.name}" + (f"  {signature(*diff)}" if diff else ""))


def _read_chart(d: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(d)): p.read_bytes()
        for p in d.rglob("*")
        if p.is_file() and p.name != "outcome.json"
    }


def _shrink(pair: Pair, scratch: Path, d: Path) -> None:
    files = _read_chart(d)
    outcome = json.loads((d / "outcome.json").read_text()) if (d / "outcome.json").exists() else {}
    with_helm = outcome.get("with_helm", True)
    m = Minimiser(pair, scratch, with_helm)
    diff = m.kind_of(files)
    if diff is None:
        print("no difference")
        return
    files = m.minimise(files, signature(*diff), budget=2000)
    write_chart(d, files)
    theirs, ours = pair.run(str(d), with_helm)
    (d / "outcome.json").write_text(json.dumps(dict(outcome, helm=theirs, chartist=ours), indent=1))
    for rel in sorted(files):
        print(f"== {rel}\n{files[rel].decode('utf-8', 'replace')}")
    print(compare(theirs, ours))


def _fuzz(pair: Pair, scratch: Path, out: Path, args: argparse.Namespace) -> None:
    from difffuzz_gen import make_chart

    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    modes = args.mode.split(",")
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    sigs: dict[str, int] = {}
    stats = {"cases": 0, "both-ok": 0, "both-err": 0, "helm-unsafe": 0, "diffs": 0}
    t0 = time.monotonic()
    minimiser = Minimiser(pair, scratch, True)
    for n in range(args.cases):
        mode = modes[n % len(modes)]
        files = make_chart(rng, mode)
        d = scratch / "case"
        write_chart(d, files)
        with_helm = mode != "unsafe"
        theirs, ours = pair.run(str(d), with_helm)
        stats["cases"] += 1
        if theirs is None or "timeout" in theirs or "crash" in theirs:
            stats["helm-unsafe"] += 1
            if theirs is not None and stats["helm-unsafe"] <= args.max_per_sig * 5:
                # Helm hangs or dies here: keep the chart, chartist's answer must be a clean error
                dest = out / f"{seed}-{n:05d}-helm-{'timeout' if 'timeout' in theirs else 'crash'}"
                write_chart(dest, files)
                (dest / "outcome.json").write_text(
                    json.dumps({"mode": mode, "helm": theirs, "chartist": ours}, indent=1)
                )
                print(
                    f"[{n}] Helm unsafe ({', '.join(theirs)}); chartist: {str(ours)[:200]}\n    -> {dest}",
                    flush=True,
                )
        elif "ok" in theirs and "ok" in ours:
            stats["both-ok"] += 1
        elif "err" in theirs and "err" in ours:
            stats["both-err"] += 1
        diff = compare(theirs, ours)
        if diff is None:
            continue
        stats["diffs"] += 1
        sig = signature(*diff)
        sigs[sig] = sigs.get(sig, 0) + 1
        if sigs[sig] > (args.max_per_sig * 20 if sig == "output" else args.max_per_sig):
            continue
        if not args.no_minimise:
            minimiser.with_helm = with_helm
            files = minimiser.minimise(files, sig)
            write_chart(scratch / "min", files)
            theirs, ours = pair.run(str(scratch / "min"), with_helm)
            diff = compare(theirs, ours) or diff
        dest = out / f"{seed}-{n:05d}"
        write_chart(dest, files)
        (dest / "outcome.json").write_text(
            json.dumps(
                {
                    "kind": diff[0],
                    "sig": sig,
                    "mode": mode,
                    "with_helm": with_helm,
                    "helm": theirs,
                    "chartist": ours,
                },
                indent=1,
            )
        )
        print(f"[{n}] {sig}\n    -> {dest}", flush=True)
        for rel in files:
            if rel.startswith("templates/"):
                print(f"    {rel}: {files[rel][:300]!r}")
        if diff[0] == "msg":
            print("    " + first_difference(helm_message(theirs["err"]), _known(ours["err"])))
        print("    " + diff[1][:800].replace("\n", "\n    "), flush=True)
    secs = time.monotonic() - t0
    print(f"\nseed {seed}: {json.dumps(stats)} in {secs:.0f}s")
    for sig, count in sorted(sigs.items(), key=lambda kv: -kv[1]):
        print(f"{count:6d}  {sig}")


if __name__ == "__main__":
    main()
