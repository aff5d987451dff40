"""Random charts for the differential fuzzer (bench/difffuzz.py): a grammar of real-world Helm.

``make_chart(rng, mode)`` returns a chart as {relative path: bytes}. Templates are drawn from a
typed grammar of Go text/template as charts use it: pipelines, if/else-if/range/with (with their
else branches, break/continue), variables, define/include/template/block/tpl, every Sprig and Helm
function with arguments of the type its Go signature asks for (and, now and then, of a wrong
type), printf verbs, comparisons of mixed types, index/slice, the built-in objects (.Values,
.Release, .Chart, .Files, .Capabilities, .Template, .Subcharts) and trim markers. Values come from
a values.yaml written in varied YAML styles, so the goyaml loader is exercised as well.

``mode`` is ``"normal"`` (mostly valid charts), ``"hostile"`` (malformed templates, weird YAML,
invalid UTF-8, deep nesting, recursion; Helm is still expected to survive them) or ``"unsafe"``
(inputs that make Helm run out of memory or overflow its stack: only chartist is run, and it must
stop quickly with a ChartistError).

Functions whose output differs from run to run (rand*, now, uuidv4, genCA, bcrypt...) are left out.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from typing import Any

# ---------------------------------------------------------------------------------------------
# Function signatures, in the categories the generator works with:
# S string, I int, F float64, B bool, L list, M map, A anything, T time.Time, N nil,
# X (result only) something odd ([]int, map[string]string, [][]interface {}, *semver.Version).

_GO_CAT = {
    "string": "S",
    "int": "I",
    "int64": "I",
    "uint32": "I",
    "float64": "F",
    "bool": "B",
    "interface {}": "A",
    "[]interface {}": "L",
    "[]string": "L",
    "map[string]interface {}": "M",
    "time.Time": "T",
    "[]int": "L",
    "[][]interface {}": "L",
    "map[string]string": "M",
    "*semver.Version": "X",
    "sprig.certificate": "X",
}

# Left out: output changes between runs, or not worth it (certificates need valid PEM input).
_SKIP = {
    "now", "ago", "uuidv4", "randAlpha", "randAlphaNum", "randAscii", "randBytes", "randInt",
    "randNumeric", "shuffle", "bcrypt", "htpasswd", "encryptAES", "genCA", "genCAWithKey",
    "genPrivateKey", "genSelfSignedCert", "genSelfSignedCertWithKey", "genSignedCert",
    "genSignedCertWithKey", "buildCustomCert", "dateModify", "date_modify", "mustDateModify",
    "must_date_modify", "env", "expandenv", "hello", "include", "tpl", "required", "fail",
    "lookup", "call", "getHostByName",
    # Go map iteration order: Helm's output is random
    "keys", "values",
    # engine/toml.py: error texts differ from BurntSushi/toml's (reported), not Sprig/gotemplate
    "fromToml",
}  # fmt: skip

# Go builtins (not in the Sprig map), as (params, variadic, result).
_BUILTINS: dict[str, tuple[tuple[str, ...], bool, str]] = {
    "and": (("A", "A"), True, "A"),
    "or": (("A", "A"), True, "A"),
    "not": (("A",), False, "B"),
    "len": (("A",), False, "I"),
    "index": (("A", "A"), True, "A"),
    "eq": (("A", "A"), True, "B"),
    "ne": (("A", "A"), False, "B"),
    "lt": (("A", "A"), False, "B"),
    "le": (("A", "A"), False, "B"),
    "gt": (("A", "A"), False, "B"),
    "ge": (("A", "A"), False, "B"),
    "print": (("A",), True, "S"),
    "printf": (("S", "A"), True, "S"),
    "println": (("A",), True, "S"),
    "html": (("A",), True, "S"),
    "js": (("A",), True, "S"),
    "urlquery": (("A",), True, "S"),
}


def _signatures() -> dict[str, tuple[tuple[str, ...], bool, str]]:
    """name -> (param categories, variadic, result category), from chartist's own registry."""
    from chartist import sprig
    from chartist.engine.funcs import helm_funcs

    funcs = sprig.funcs()
    funcs.update(helm_funcs())
    out = dict(_BUILTINS)
    for name, f in funcs.items():
        if name in _SKIP:
            continue
        params = tuple(_GO_CAT.get(p, "A") for p in f.params)
        out[name] = (params, f.variadic, _GO_CAT.get(f.result, "A"))
    return out


SIGS = _signatures()
BY_RESULT: dict[str, list[str]] = {}
for _n, (_p, _v, _r) in SIGS.items():
    BY_RESULT.setdefault(_r, []).append(_n)
FUNC_NAMES = sorted(SIGS)

# ---------------------------------------------------------------------------------------------
# Literal pools.

STRINGS = [
    "", "a", "abc", "hello world", "Hello-World_foo bar", "ünïcödé ✓", "日本語", "12", "-3", "1.5",
    "1e3", "0x1F", "true", "false", "null", "yes", "~", "a,b,c", " spaced ", "line1\nline2",
    "tab\there", "%d", "{{ .x }}", "x:y", "- item", "#comment", "a.b.c", "/path/to/file.txt",
    "C:\\dir", "foo@bar.com", "http://example.com:8080/a/b?q=1#frag", "'single'", '"double"',
    "CamelCaseString", "snake_case_string", "kebab-case-string", "UPPER", "  ", "\u00e9\u0301",
    "😀 emoji", "a\x01b", "<tag>&amp;", "key: value", "[1, 2]", "{a: 1}", "0", "007", "1_000",
    ".inf", "NaN", "release-name", "ab" * 40,
]  # fmt: skip
VALUE_STRINGS = [s for s in STRINGS if "\x01" not in s]
INTS = ["0", "1", "2", "3", "5", "-1", "-7", "10", "42", "63", "64", "100", "1000", "0x1F", "0o17",
        "0b101", "1_000", "'a'", "-0", "9223372036854775807"]  # fmt: skip
SMALL_INTS = ["0", "1", "2", "3", "4", "-1", "5", "10", "2", "1", "4"]
FLOATS = ["1.5", "0.0", "-0.5", "2.50", "1e3", "1e21", "3.14159", "1e-7", "100.0", "-2.5",
          "0x1p-2", "1.0e+2", "123456789.0", ".5"]  # fmt: skip
REGEXES = ["a.c", "[0-9]+", "^h", "(\\w+)@(\\w+)", "(", "\\d", "(?i)H", "x*", "", "[a-z]+$",
           "(?P<first>\\w+) (?P<last>\\w+)", "\\pL+", "a|b", "[[:alpha:]]+", "\\b", ".*"]  # fmt: skip
REPLS = ["X", "$1", "${1}x", "$first", "", "<$0>", "$$"]
LAYOUTS = ["2006-01-02", "Jan 2, 2006 at 3:04pm (MST)", "15:04:05.000", "2006-01-02T15:04:05Z07:00",
           "Monday", "02/01/06 03PM", "", "_2 Jan", "2006-01-02 15:04:05.999999999 -0700 MST"]  # fmt: skip
DATE_STRS = ["2021-03-04", "2006-01-02", "bad", "", "2024-02-29", "1999-12-31"]
ZONES = ["UTC", "America/New_York", "Asia/Kathmandu", "Bad/Zone", "", "Local"]
VERSIONS = ["1.2.3", "v1.36.0", "1.2", "bad", "1.2.3-beta.1+build.5", "0.0.1", "v2", "1.2.3.4", ""]
CONSTRAINTS = [">=1.0", "~1.2", "^0.1", "1.x || >=2.0 <3.0", ">= 1.19-0", "!=1.2.3", "bad", "", "*", "<1"]
B64 = ["aGVsbG8=", "aGVsbG8", "!!!", "", "w7w=", "/w=="]
B32 = ["NBSWY3DP", "NBSWY3DPEE======", "bad!", ""]
DOCS = ['{"a": 1, "b": [1, 2]}', "a: 1\nb: [x, y]", "[1, 2, 3]", "- a\n- b", "not: [valid",
        "", "null", "42", '"str"', "a: {b: {c: d}}", "{bad json", "a = 1\nb = 'x'", "[t]\nk = 1",
        '{"n": 1e400}', "x: 010", "y: yes"]  # fmt: skip
URLS = ["http://user:pw@example.com:8080/a/b?q=1#frag", "https://example.com", "/relative", "::bad",
        "mailto:x@y.z", ""]  # fmt: skip
KINDS = ["string", "int", "float64", "map", "slice", "bool", "invalid", "int64", "[]interface {}",
         "map[string]interface {}", "ptr", "struct", "[]string"]  # fmt: skip
VERBS = ["%v", "%d", "%s", "%q", "%x", "%X", "%o", "%b", "%e", "%f", "%g", "%5.2f", "%-5s|", "%05d",
         "%+d", "%t", "%T", "%c", "%U", "%%", "%#v", "%+v", "%8.3e", "%.0f", "%x", "% x", "%#x", "%6q",
         "%.2s", "%!", "%[2]v", "%*d", "%.3g", "%G", "%E", "%O", "%10v|", "%-10v|", "%z"]  # fmt: skip
TEXTS = ["", "\n", "a: ", "kind: ConfigMap\n", "  - ", "x", " ", "\n\n", "data:\n  k: ", "# c\n",
         "---\n", "ü", "<no value>", "{ ", "}", "\t", "key: |\n  ", "\r\n"]  # fmt: skip
KEYS = ["name", "image", "tag", "port", "enabled", "replicas", "labels", "items", "config", "nested",
        "empty", "nothing", "num", "ratio", "flag", "list", "map", "text", "big", "neg"]  # fmt: skip
SUBCHART = "sub"


def go_string(rng: random.Random, s: str) -> str:
    """S as a Go string literal: interpreted (escaped) or, when possible, raw."""
    if "`" not in s and "\r" not in s and rng.random() < 0.2:
        return "`" + s + "`"
    out = []
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 0x20 or ch == "\x7f":
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) > 0x7F and rng.random() < 0.1:
            out.append(f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


# ---------------------------------------------------------------------------------------------
# Values: a random tree, its YAML text, and typed paths into it.


@dataclass
class ValuesModel:
    tree: dict[str, Any]
    paths: dict[str, list[str]] = field(default_factory=dict)  # category -> ".a.b" paths

    def add(self, cat: str, path: str) -> None:
        self.paths.setdefault(cat, []).append(path)


def _rand_scalar(rng: random.Random) -> tuple[str, Any]:
    k = rng.randrange(10)
    if k < 4:
        return "S", rng.choice(VALUE_STRINGS)
    if k < 6:
        return "F", float(rng.choice([0, 1, 2, 3, 8080, -1, 1000000, 42, 10, 1e20, 2**53 + 1]))
    if k < 7:
        return "F", rng.choice([1.5, -0.25, 3.14159, 1e-7, 0.1, 2.5e10, -0.0])
    if k < 8:
        return "B", rng.random() < 0.5
    if k < 9:
        return "N", None
    return "S", rng.choice(["", "x"])


def _rand_value(rng: random.Random, depth: int) -> tuple[str, Any]:
    k = rng.randrange(10)
    if depth <= 0 or k < 6:
        return _rand_scalar(rng)
    if k < 8:
        return "L", [_rand_value(rng, depth - 1)[1] for _ in range(rng.randint(0, 4))]
    d: dict[str, Any] = {}
    for _ in range(rng.randint(0, 4)):
        d[rng.choice(KEYS)] = _rand_value(rng, depth - 1)[1]
    return "M", d


def _cat_of(v: Any) -> str:
    if v is None:
        return "N"
    if isinstance(v, bool):
        return "B"
    if isinstance(v, float | int):
        return "F"
    if isinstance(v, str):
        return "S"
    if isinstance(v, list):
        return "L"
    return "M"


def make_values(rng: random.Random) -> ValuesModel:
    tree: dict[str, Any] = {
        "name": rng.choice(["web", "ünï", "", "my-app"]),
        "replicas": float(rng.choice([1, 3, 0, 1000000])),
        "ratio": rng.choice([1.5, 0.25, -2.0]),
        "enabled": rng.random() < 0.5,
        "nothing": None,
        "list": [rng.choice(VALUE_STRINGS) for _ in range(rng.randint(0, 4))],
        "nums": [float(rng.randint(-3, 9)) for _ in range(rng.randint(0, 4))],
        "map": {k: _rand_scalar(rng)[1] for k in rng.sample(KEYS, rng.randint(0, 4))},
        "nested": {"a": {"b": {"c": rng.choice(VALUE_STRINGS)}}, "l": [{"x": 1.0}, None]},
        "text": rng.choice(VALUE_STRINGS),
        "empty": rng.choice(["", [], {}]),
    }
    for _ in range(rng.randint(0, 4)):
        tree[rng.choice(KEYS) + str(rng.randint(0, 9))] = _rand_value(rng, 3)[1]
    model = ValuesModel(tree)

    def walk(v: Any, path: str, depth: int) -> None:
        model.add(_cat_of(v), path)
        model.add("A", path)
        if isinstance(v, dict) and depth < 4:
            for k, sub in v.items():
                walk(sub, f"{path}.{k}", depth + 1)

    for k, v in tree.items():
        walk(v, "." + k, 0)
    return model


def _yaml_scalar(rng: random.Random, v: Any) -> str:
    if v is None:
        return rng.choice(["null", "~", "", "Null"])
    if isinstance(v, bool):
        return rng.choice(["true", "True"] if v else ["false", "FALSE"])
    if isinstance(v, float):
        if v == int(v) and abs(v) < 1e15 and rng.random() < 0.7:
            return str(int(v))
        return repr(v)
    s = str(v)
    if rng.random() < 0.5 or not s or s != s.strip() or any(c in s for c in ":#{}[],&*!|>'\"%@`\n\t-?"):
        # YAML refuses \u escapes of control characters and of surrogate halves (JSON's emoji)
        ascii_ok = all(ord(c) < 0x10000 for c in s) and "\x01" not in s
        return json.dumps(s, ensure_ascii=ascii_ok and rng.random() < 0.3)
    # plain scalars that YAML would read as something else must be quoted
    if s.lower() in ("true", "false", "null", "yes", "no", "on", "off", "~", "y", "n") or _numberish(s):
        return "'" + s.replace("'", "''") + "'"
    return s


def _numberish(s: str) -> bool:
    try:
        float(s.replace("_", ""))
        return True
    except ValueError:
        return s.startswith(("0x", "0o", "0b", ".", "+", "-")) or s[:1].isdigit()


def to_yaml(rng: random.Random, v: Any, indent: int = 0) -> str:
    """V as YAML, block or flow style at random."""
    pad = " " * indent
    if isinstance(v, dict):
        if not v:
            return " {}\n"
        if rng.random() < 0.15 and indent > 0:
            return " " + json.dumps(v, ensure_ascii=False) + "\n"
        lines = "\n"
        for k, sub in v.items():
            lines += f"{pad}{k}:" + to_yaml(rng, sub, indent + 2)
        return lines
    if isinstance(v, list):
        if not v:
            return " []\n"
        if rng.random() < 0.3:
            return " " + json.dumps(v, ensure_ascii=False) + "\n"
        lines = "\n"
        for item in v:
            lines += f"{pad}-" + to_yaml(rng, item, indent + 2)
        return lines
    return " " + _yaml_scalar(rng, v) + "\n"


WEIRD_YAML = [
    "anchors:\n  base: &b {x: 1, y: two}\n  copy: *b\n  merged:\n    <<: *b\n    y: 3\n",
    "bools: [yes, no, on, off, y, n, True, FALSE, Yes]\n",
    "bignum: 12345678901234567890\nneg: -9223372036854775809\nhex: 0x1F\noct: 0o17\nold8: 017\n",
    "floats: [1e3, .5, +1, -.inf, 1_000, 6.02e23, 0.1]\n",
    "stamp: 2001-12-14t21:59:43.10-05:00\ndate: 2002-12-14\n",
    "tagged: !!str 123\nbin: !!binary aGVsbG8=\nflt: !!float 3\n",
    "block: |\n  line1\n  line2\nfolded: >-\n  a\n  b\nkeep: |+\n  x\n\n",
    "dup: 1\ndup: 2\n",
    "1: numkey\ntrue: boolkey\n1.5: floatkey\nnull: nullkey\n",
    "uni: \"\\u00e9\\U0001F600\\x41\"\nsq: 'it''s'\n",
    "emptyval:\nemptylist: []\nemptymap: {}\n",
    "deep: [[[[[[[[[[1]]]]]]]]]]\n",
    "multi: a\n---\nother: b\n",
    "complexkey:\n  ? [a, b]\n  : c\n",
    "sets: !!set {a, b}\n",
    "mergelist:\n  - &x {a: 1}\n  - <<: [*x, {b: 2}]\n",
    "tabs:\t1\n",
    "crlf: 1\r\nnext: 2\r\n",
    "nbsp: \u00a0x\n",
    "octal: 0777\nsci: 1E+3\ninfs: [.inf, .Inf, -.INF]\n",
]


def values_yaml(rng: random.Random, model: ValuesModel, mode: str) -> str:
    text = ""
    if rng.random() < 0.2:
        text += "# values\n"
    for k, v in model.tree.items():
        text += f"{k}:" + to_yaml(rng, v, 2)
    if mode != "normal" or rng.random() < 0.1:
        for snippet in rng.sample(WEIRD_YAML, rng.randint(1, 3)):
            text += snippet
            for line in snippet.splitlines():
                if line and not line.startswith((" ", "-", "\t")) and ":" in line:
                    model.add("A", "." + line.split(":")[0])
    return text


# ---------------------------------------------------------------------------------------------
# Templates.


class TemplateGen:
    """Emits template text; ``vars`` holds the variables in scope with their categories."""

    def __init__(self, rng: random.Random, values: ValuesModel, defines: list[str], mode: str) -> None:
        self.r = rng
        self.values = values
        self.defines = defines
        self.mode = mode
        self.vars: list[tuple[str, str]] = [("$", "M")]
        self.in_range = 0
        self.dot_root = True  # false inside range/with, where . is something else
        self.budget = 30  # nodes left; keeps templates small

    # -- expressions --------------------------------------------------------------------------
    def literal(self, cat: str) -> str:
        r = self.r
        if cat == "S":
            return go_string(r, r.choice(STRINGS))
        if cat == "I":
            return r.choice(INTS)
        if cat == "F":
            return r.choice(FLOATS)
        if cat == "B":
            return r.choice(["true", "false"])
        if cat == "N":
            return "nil"
        if cat == "L":
            return "(list " + " ".join(self.expr(r.choice("SIFBA"), 1) for _ in range(r.randint(0, 3))) + ")"
        if cat == "M":
            parts = []
            for _ in range(r.randint(0, 3)):
                parts.append(go_string(r, r.choice(KEYS)) + " " + self.expr(r.choice("SIFBLM"), 1))
            return "(dict " + " ".join(parts) + ")"
        if cat == "T":
            return f"(toDate {go_string(r, '2006-01-02')} {go_string(r, r.choice(DATE_STRS))})"
        return self.literal(r.choice("SIFBNLM"))

    def value_ref(self, cat: str) -> str | None:
        r = self.r
        paths = self.values.paths.get(cat)
        if not paths:
            return None
        p = r.choice(paths)
        k = r.randrange(10)
        if k < 6:
            return (".Values" if self.dot_root or r.random() < 0.1 else "$.Values") + p
        if k < 8:
            return "$.Values" + p
        parts = p.strip(".").split(".")
        return "(index $.Values " + " ".join(go_string(r, x) for x in parts) + ")"

    def builtin_obj(self, cat: str) -> str | None:
        r = self.r
        table = {
            "S": [".Release.Name", ".Release.Namespace", ".Release.Service", ".Chart.Name", ".Chart.Version",
                  ".Chart.AppVersion", ".Template.Name", ".Template.BasePath", ".Capabilities.KubeVersion.Version",
                  ".Capabilities.KubeVersion.Major", ".Capabilities.KubeVersion.Minor", ".Capabilities.KubeVersion",
                  '.Files.Get "files/a.txt"', '.Files.Get "missing"', '(.Files.Glob "files/*").AsConfig',
                  '(.Files.Glob "files/**").AsSecrets', ".Chart.Description",
                  '.Files.Get "files/bad.bin"', ".Chart.Type", ".Chart.APIVersion", ".Chart.KubeVersion"],
            "I": [".Release.Revision"],
            "B": [".Release.IsInstall", ".Release.IsUpgrade", '.Capabilities.APIVersions.Has "apps/v1"',
                  '.Capabilities.APIVersions.Has "monitoring.coreos.com/v1"', ".Chart.IsRoot",
                  '.Capabilities.APIVersions.Has "apps/v1/Deployment"'],
            "L": ['.Files.Lines "files/a.txt"', ".Chart.Keywords", ".Chart.Maintainers", ".Capabilities.APIVersions",
                  ".Chart.Sources"],
            "M": [".", "$", ".Values", ".Release", ".Chart", ".Capabilities", ".Template", ".Files",
                  '.Files.Glob "files/*"', ".Subcharts", ".Capabilities.KubeVersion",
                  ".Chart.Dependencies"],
            "A": ['.Files.GetBytes "files/a.txt"', ".Chart.Home", ".Chart.Icon", ".Chart.Deprecated",
                  ".Capabilities.HelmVersion", ".Release.Missing", ".Values.nope.deeper", ".Chart.Nope",
                  '.Files.Get'],
        }  # fmt: skip
        options = table.get(cat)
        if not options:
            return None
        ref = r.choice(options)
        if not self.dot_root and ref.startswith(".") and r.random() < 0.9:
            ref = "$" + ref
        elif not self.dot_root and ref.startswith("(.") and r.random() < 0.9:
            ref = "($" + ref[1:]
        return "(" + ref + ")" if " " in ref and not ref.startswith("(") else ref

    def var_ref(self, cat: str) -> str | None:
        cands = [n for n, c in self.vars if c == cat or cat == "A"]
        if not cands:
            return None
        return self.r.choice(cands)

    def call(self, cat: str, depth: int) -> str:
        r = self.r
        names = BY_RESULT.get(cat, []) if cat != "A" else FUNC_NAMES
        if not names:
            names = FUNC_NAMES
        name = r.choice(names)
        args = self.args_for(name, depth)
        if args and r.random() < 0.3:
            # pipeline: the last argument comes in through the pipe
            return "(" + args[-1] + " | " + " ".join([name, *args[:-1]]) + ")"
        return "(" + " ".join([name, *args]) + ")"

    def args_for(self, name: str, depth: int) -> list[str]:
        r = self.r
        params, variadic, _ = SIGS[name]
        special = _special_args(self, name, depth)
        if special is not None and r.random() < 0.85:
            return special
        cats = list(params)
        if variadic and cats:
            last = cats.pop()
            cats.extend([last] * r.randint(0 if name not in ("and", "or", "eq") else 1, 3))
        out = []
        for c in cats:
            if r.random() < 0.03:
                c = r.choice("SIFBNLM")
            if name in _SIZE_FUNCS and c in "IFA":
                # counts and sizes stay small: Helm has no limit and runs out of memory
                out.append(r.choice(SMALL_INTS))
                continue
            out.append(self.expr(c, depth - 1))
        return out

    def expr(self, cat: str, depth: int = 2) -> str:
        """An expression of category CAT (mostly)."""
        r = self.r
        self.budget -= 1
        if depth <= 0 or self.budget <= 0:
            k = r.randrange(4)
        else:
            k = r.randrange(9)
        if cat == "A":
            cat = r.choice("SIFBNLMA")
        if k == 0 or k == 3:
            return self.literal(cat)
        if k == 1:
            ref = self.value_ref(cat)
            if ref:
                return ref
        if k == 2:
            ref = self.var_ref(cat) or self.builtin_obj(cat)
            if ref:
                return ref
        if k == 4:
            ref = self.builtin_obj(cat)
            if ref:
                return ref
        if k >= 4 and depth > 0:
            return self.call(cat, depth)
        return self.literal(cat)

    def head_expr(self, cat: str, depth: int) -> str:
        """An expression that may start a pipeline (a bare nil may not: "nil is not a command")."""
        for _ in range(5):
            e = self.expr(cat, depth)
            if e != "nil":
                return e
        return "(default nil nil)"

    def pipeline(self) -> str:
        """A pipeline for an action: a value through zero or more functions."""
        r = self.r
        head = self.head_expr(r.choice("SIFBLM"), 3)
        if head.startswith("(") and head.endswith(")") and r.random() < 0.5:
            head = head[1:-1]
        stages = []
        for _ in range(r.choice([0, 0, 1, 1, 2, 3])):
            name = r.choice(_PIPE_FUNCS)
            args = self.args_for(name, 1)
            if args:
                args = args[:-1]
            stages.append(" ".join([name, *args]))
        return " | ".join([head, *stages])

    # -- statements ---------------------------------------------------------------------------
    def open(self) -> str:
        return "{{- " if self.r.random() < 0.25 else "{{ " if self.r.random() < 0.8 else "{{"

    def close(self) -> str:
        return " -}}" if self.r.random() < 0.25 else " }}" if self.r.random() < 0.8 else "}}"

    def act(self, body: str) -> str:
        return self.open() + body + self.close()

    def block(self, depth: int) -> str:
        r = self.r
        out = []
        for _ in range(r.randint(1, 4)):
            if self.budget <= 0:
                break
            out.append(self.statement(depth))
        return "".join(out)

    def statement(self, depth: int) -> str:
        r = self.r
        k = r.randrange(20 if depth > 0 else 8)
        if k < 2:
            return r.choice(TEXTS)
        if k < 5:
            return self.act(self.pipeline()) + r.choice(["\n", "", " "])
        if k < 6:
            cat = r.choice("SIFBLM")
            name = f"$v{len(self.vars)}"
            text = self.act(f"{name} := {self.head_expr(cat, 2)}")
            self.vars.append((name, cat))
            return text
        if k < 7:
            assignable = [(n, c) for n, c in self.vars if n.startswith("$") and n != "$"]
            if assignable:
                name, cat = r.choice(assignable)
                return self.act(f"{name} = {self.head_expr(cat, 2)}")
            return r.choice(["{{/* c */}}", "{{- /* a comment */ -}}", "{{- /* x */}}"])
        if k < 8:
            return self.act(_helm_call(self))
        if k < 11:
            return self.if_(depth)
        if k < 14:
            return self.range_(depth)
        if k < 16:
            return self.with_(depth)
        if k < 17 and self.in_range:
            return self.act(r.choice(["break", "continue"]))
        if k < 18:
            return self.act(f"{r.choice(['printf', 'print'])} {_printf_args(self, 2)}")
        if k < 19:
            return self.act(f"{self.head_expr('A', 1)} | toYaml | nindent {r.choice(SMALL_INTS)}")
        return self.act(self.pipeline())

    def scoped(self, depth: int, new_vars: list[tuple[str, str]], dot_root: bool | None = None) -> str:
        saved, saved_root = len(self.vars), self.dot_root
        self.vars.extend(new_vars)
        if dot_root is not None:
            self.dot_root = dot_root
        body = self.block(depth - 1)
        del self.vars[saved:]
        self.dot_root = saved_root
        return body

    def cond(self) -> str:
        r = self.r
        k = r.randrange(6)
        if k == 0:
            return self.head_expr(r.choice("SIFBLMN"), 2)
        if k == 1:
            op = r.choice(["eq", "ne", "lt", "le", "gt", "ge"])
            a, b = r.choice("SIFB"), r.choice("SIFB") if r.random() < 0.3 else None
            return f"{op} {self.expr(a, 1)} {self.expr(b or a, 1)}"
        if k == 2:
            return f"{r.choice(['and', 'or'])} {self.expr('A', 1)} {self.expr('A', 1)}"
        if k == 3:
            return f"not {self.expr('A', 1)}"
        if k == 4:
            return f"hasKey {self.expr('M', 1)} {go_string(r, r.choice(KEYS))}"
        return self.expr("B", 2)

    def if_(self, depth: int) -> str:
        r = self.r
        text = self.act("if " + self.cond()) + self.scoped(depth, [])
        for _ in range(r.choice([0, 0, 1, 2])):
            text += self.act("else if " + self.cond()) + self.scoped(depth, [])
        if r.random() < 0.4:
            text += self.act("else") + self.scoped(depth, [])
        return text + self.act("end")

    def range_(self, depth: int) -> str:
        r = self.r
        k = r.randrange(6)
        if k == 0:
            over, kcat, vcat = self.expr("M", 2), "S", "A"
        elif k == 1:
            over, kcat, vcat = r.choice([*SMALL_INTS, "$.Values.replicas"]), "I", "I"
        elif k == 2:
            over, kcat, vcat = self.expr("A", 2), "A", "A"
        else:
            over, kcat, vcat = self.expr("L", 2), "I", "A"
        n = len(self.vars)
        decl = r.randrange(3)
        new: list[tuple[str, str]] = []
        head = "range "
        if decl == 1:
            new = [(f"$e{n}", vcat)]
            head += f"$e{n} := "
        elif decl == 2:
            new = [(f"$i{n}", kcat), (f"$e{n}", vcat)]
            head += f"$i{n}, $e{n} := "
        self.in_range += 1
        text = self.act(head + over) + self.scoped(depth, [*new, (".", vcat)], dot_root=False)
        self.in_range -= 1
        if r.random() < 0.3:
            text += self.act("else") + self.scoped(depth, [])
        return text + self.act("end")

    def with_(self, depth: int) -> str:
        r = self.r
        cat = r.choice("SIFBLMA")
        text = self.act("with " + self.head_expr(cat, 2)) + self.scoped(depth, [(".", cat)], dot_root=False)
        if r.random() < 0.2:
            text += self.act("else with " + self.head_expr(r.choice("SMA"), 2)) + self.scoped(
                depth, [], False
            )
        if r.random() < 0.3:
            text += self.act("else") + self.scoped(depth, [])
        return text + self.act("end")


_SIZE_FUNCS = {
    "repeat", "until", "untilStep", "seq", "indent", "nindent", "wrap", "wrapWith", "trunc", "abbrev",
    "abbrevboth", "substr", "chunk", "mustChunk", "round", "plural",
}  # fmt: skip

_PIPE_FUNCS = [
    "quote", "squote", "upper", "lower", "title", "trim", "default", "toYaml", "toJson", "indent",
    "nindent", "b64enc", "toString", "trunc", "replace", "len", "printf", "print", "sha256sum",
    "kebabcase", "snakecase", "camelcase", "typeOf", "kindOf", "int", "int64", "float64", "atoi",
    "first", "last", "join", "splitList", "sortAlpha", "uniq", "toStrings", "empty", "not",
    "trimSuffix", "trimPrefix", "contains", "hasPrefix", "repeat", "nospace", "abbrev", "wrap",
    "add1", "ceil", "floor", "round", "toDecimal", "semver", "urlquery", "html", "js", "b64dec",
    "fromYaml", "fromJson", "toPrettyJson", "toRawJson", "toToml", "mustToJson", "cat", "deepCopy",
    "compact", "reverse", "rest", "initial", "substr", "plural", "regexQuoteMeta", "initials",
    "swapcase", "untitle", "adler32sum", "sha1sum", "base", "dir", "ext", "clean", "isAbs",
    "fromYamlArray", "fromJsonArray", "toYamlPretty", "eq", "ne", "and", "or", "coalesce",
    "ternary", "index", "slice", "dig", "pluck", "has", "append", "without", "duration",
]  # fmt: skip


def _printf_args(g: TemplateGen, depth: int) -> str:
    r = g.r
    verbs = [r.choice(VERBS) for _ in range(r.randint(0, 3))]
    sep = r.choice([" ", "-", "", ":"])
    fmt = sep.join(verbs) + r.choice(["", "!", "\n"])
    nargs = len(verbs) + r.choice([0, 0, 0, 1, -1])
    return " ".join(
        [go_string(r, fmt), *(g.expr(r.choice("SIFBNLMA"), depth - 1) for _ in range(max(0, nargs)))]
    )


def _special_args(g: TemplateGen, name: str, depth: int) -> list[str] | None:
    """Arguments with meaning for functions that want more than a random value of their type."""
    r = g.r
    q = lambda pool: go_string(r, r.choice(pool))  # noqa: E731
    s = lambda: g.expr("S", depth - 1)  # noqa: E731
    small = lambda: r.choice(SMALL_INTS)  # noqa: E731
    if name in ("regexMatch", "mustRegexMatch", "regexFind", "mustRegexFind"):
        return [q(REGEXES), s()]
    if name in ("regexFindAll", "mustRegexFindAll", "regexSplit", "mustRegexSplit"):
        return [q(REGEXES), s(), small()]
    if name.startswith(("regexReplaceAll", "mustRegexReplaceAll")):
        return [q(REGEXES), s(), q(REPLS)]
    if name in ("date", "htmlDate"):
        t = r.choice(["1700000000", "0", '(toDate "2006-01-02" "2021-03-04")', "1.7e9", '"x"', "nil"])
        return [q(LAYOUTS), t] if name == "date" else [t]
    if name in ("dateInZone", "date_in_zone"):
        return [q(LAYOUTS), r.choice(["1700000000", '(toDate "2006-01-02" "2021-03-04")']), q(ZONES)]
    if name == "htmlDateInZone":
        return ["1700000000", q(ZONES)]
    if name in ("toDate", "mustToDate"):
        return [q(LAYOUTS[:3]), q(DATE_STRS)]
    if name == "unixEpoch":
        return ['(toDate "2006-01-02" ' + q(DATE_STRS) + ")"]
    if name == "semver":
        return [q(VERSIONS)]
    if name == "semverCompare":
        return [q(CONSTRAINTS), q(VERSIONS)]
    if name == "b64dec":
        return [q(B64)]
    if name == "b32dec":
        return [q(B32)]
    if name in ("fromYaml", "fromJson", "fromYamlArray", "fromJsonArray", "mustFromJson"):
        return [q(DOCS)]
    if name == "urlParse":
        return [q(URLS)]
    if name == "urlJoin":
        return ['(dict "scheme" "https" "host" "h.io" "path" "/p" "query" "a=b")']
    if name in ("kindIs", "typeIs", "typeIsLike"):
        return [q(KINDS), g.expr("A", depth - 1)]
    if name in ("seq",):
        return [small() for _ in range(r.randint(1, 3))]
    if name in ("until",):
        return [small()]
    if name == "untilStep":
        return [small(), r.choice([*SMALL_INTS, "20"]), r.choice(["1", "2", "-1", "3"])]
    if name == "repeat":
        return [small(), s()]
    if name == "index":
        k = r.randrange(3)
        if k == 0:
            return [g.expr("L", depth - 1), r.choice(["0", "1", "2", "-1", "5"])]
        if k == 1:
            return [g.expr("M", depth - 1), q(KEYS)]
        return [".Values", q(["nested", "map"]), q(["a", "b", "l", "name"])]
    if name in ("slice", "mustSlice"):
        return [g.expr("L", depth - 1), *(small() for _ in range(r.randint(0, 2)))]
    if name in ("printf",):
        return [_printf_args(g, depth)]
    if name == "derivePassword":
        return ["1", q(["long", "maximum", "medium", "basic", "short", "pin", "bad"]), s(), s(), s()]
    if name in ("duration", "durationRound"):
        return [r.choice(["95", "3600", '"1h30m"', '"bad"', "1.5", '"2h"', "0", "-61"])]
    if name in ("dig",):
        keys = [q([*KEYS, "a", "b", "c"]) for _ in range(r.randint(1, 3))]
        return [
            *keys,
            g.expr("A", depth - 1),
            r.choice([".Values", ".Values.nested", g.expr("M", depth - 1)]),
        ]
    if name in ("get", "hasKey", "unset"):
        return [g.expr("M", depth - 1), q(KEYS)]
    if name in ("set",):
        return [g.expr("M", depth - 1), q(KEYS), g.expr("A", depth - 1)]
    if name in ("pick", "omit"):
        return [g.expr("M", depth - 1), *(q(KEYS) for _ in range(r.randint(0, 3)))]
    if name in ("substr",):
        return [small(), small(), s()]
    if name in ("round",):
        return [
            g.expr(r.choice("FIS"), depth - 1),
            small(),
            *([r.choice(FLOATS)] if r.random() < 0.3 else []),
        ]
    return None


def _helm_call(g: TemplateGen) -> str:
    """include / template / tpl / required / fail / lookup, the functions tied to the engine."""
    r = g.r
    k = r.randrange(8)
    name = go_string(r, r.choice([*g.defines, *g.defines, "missing.tpl"] if g.defines else ["missing.tpl"]))
    ctx = r.choice([".", "$", ".Values", "nil", '(dict "x" 1)', "(list 1 2)", '"s"'])
    if k == 0:
        return f"include {name} {ctx}" + r.choice(["", " | nindent 2", " | quote", " | upper"])
    if k == 1:
        return f"template {name} {ctx}" if r.random() < 0.8 else f"template {name}"
    if k == 2:
        inner = TemplateGen(r, g.values, g.defines, g.mode)
        inner.budget = 8
        body = inner.block(1)
        return f"tpl {go_string(r, body)} {r.choice(['.', '$', '.Values', 'nil', '(dict)'])}"
    if k == 3:
        return f"required {go_string(r, r.choice(['need x', '', 'ü!']))} {g.expr('A', 1)}"
    if k == 4 and r.random() < 0.3:
        return "fail " + go_string(r, r.choice(["boom", "", "multi\nline"]))
    if k == 5:
        return f'lookup "v1" "ConfigMap" {go_string(r, "ns")} "" | toYaml'
    if k == 6:
        return 'getHostByName "localhost" | quote'
    return f"include {name} {ctx} | fromYaml | toJson"


# ---------------------------------------------------------------------------------------------
# Hostile and unsafe material.


def _mutate(r: random.Random, text: str) -> str:
    """Character-level damage: deletions, duplications, stray delimiters."""
    chars = list(text)
    for _ in range(r.randint(1, 3)):
        k = r.randrange(6)
        pos = r.randrange(len(chars) + 1)
        if k == 0 and chars:
            del chars[min(pos, len(chars) - 1)]
        elif k == 1:
            chars.insert(
                pos, r.choice(["{{", "}}", "(", ")", "|", '"', "`", "$", ".", "-", "/*", "*/", " end "])
            )
        elif k == 2 and chars:
            i = min(pos, len(chars) - 1)
            chars.insert(i, chars[i])
        elif k == 3:
            chars.insert(pos, r.choice(["{{ end }}", "{{ else }}", "{{ break }}", '{{ define "x" }}']))
        elif k == 4:
            chars.insert(pos, r.choice(["\x00", "\ufeff", "\u2028", "\t", "\r"]))
        else:
            chars.insert(pos, "{{ " + r.choice(FUNC_NAMES) + " }}")
    return "".join(chars)


HOSTILE_TEMPLATES = [
    "{{ " + "(" * 300 + "1" + ")" * 300 + " }}",
    "{{ " + "(list " * 200 + ")" * 200 + " }}",
    "{{ if true }}" * 300 + "x" + "{{ end }}" * 300,
    "{{ range until 3 }}" * 6 + "x" + "{{ end }}" * 6,
    '{{ define "r" }}{{ include "r" . }}{{ end }}{{ include "r" . }}',
    '{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}',
    '{{ define "a" }}{{ include "b" . }}{{ end }}{{ define "b" }}{{ include "a" . }}{{ end }}{{ include "a" . }}',
    '{{ define "r" }}{{ if gt (len .) 0 }}{{ include "r" (rest .) }}{{ end }}{{ end }}{{ include "r" (until 50) }}',
    '{{ repeat 100000 "ab" | len }}',
    "{{ until 100000 | len }}",
    "{{ seq 1 50000 | len }}",
    "{{ $x := list }}{{ range until 2000 }}{{ $x = append $x . }}{{ end }}{{ len $x }}",
    "{{ .Values | toYaml }}",
    "{{ .Values | toJson }}",
    "{{ toYaml .Values.anchors }}",
    '{{ printf "%v" .Values }}',
    "{{ range $k, $v := .Values }}{{ $k }}={{ typeOf $v }} {{ end }}",
    '{{ .Files.Get "files/bad.bin" | b64enc }}',
    '{{ .Files.Get "files/bad.bin" | len }}',
    '{{ .Files.Get "files/bad.bin" | upper | len }}',
    '{{ .Files.Get "files/bad.bin" | quote }}',
    '{{ .Files.Get "files/bad.bin" | toJson }}',
    '{{ .Files.Get "files/bad.bin" | toYaml }}',
    '{{ .Files.Get "files/bad.bin" | printf "%q" }}',
    '{{ .Files.Get "files/bad.bin" | substr 0 2 | len }}',
    '{{ (.Files.Glob "files/*").AsSecrets }}',
    '{{ (.Files.Glob "files/*").AsConfig }}',
    '{{ index .Files "files/a.txt" }}',
    '{{ .Files.Lines "files/bad.bin" | len }}',
    '{{ "\\xff\\xfe" | len }}',
    '{{ "\\xff" | quote }}',
    '{{ "\\xff" | toJson }}',
    '{{ "\\xffé" | upper }}',
    '{{ "\\xff" | printf "%q %x %v %U" }}',
    '{{ "\\xe2\\x82" | trunc 1 }}',
    "{{ 1e400 }}",
    "{{ 99999999999999999999 }}",
    "{{ 0x1p1000000 }}",
    "{{ -9223372036854775808 }}",
    '{{ printf "%d" 9223372036854775807 | atoi }}',
    "{{ add 9223372036854775807 1 }}",
    "{{ mul 9223372036854775807 2 }}",
    "{{ div 1 0 }}",
    "{{ mod 1 0 }}",
    "{{ divf 1 0 }}",
    "{{ int 1e300 }}",
    '{{ int64 "99999999999999999999" }}',
    '{{ float64 "1e400" }}',
    "{{ round 1e300 400 }}",
    '{{ toDecimal "0777777777777777777777777" }}',
    '{{ "x" | trunc -5 }}',
    '{{ substr -5 -1 "hello" }}',
    '{{ abbrev 2 "hello" }}',
    '{{ wrap 0 "a b c" }}',
    '{{ indent -3 "a" }}',
    "{{ slice (list 1 2 3) 2 1 }}",
    "{{ slice (list 1 2 3) 1 2 3 4 }}",
    "{{ index (list 1 2) 5 }}",
    "{{ index .Values.nums -1 }}",
    '{{ regexFind "(?=x)" "x" }}',
    '{{ regexMatch "\\\\C" "x" }}',
    '{{ regexReplaceAll "a*" "baaac" "<$0>" }}',
    '{{ regexSplit "" "abc" -1 }}',
    '{{ splitn "" 3 "abc" }}',
    '{{ split "" "abc" }}',
    '{{ semverCompare ">=1.0.0-0" "1.0.0-alpha" }}',
    '{{ tpl "{{ ." . }}',
    "{{ tpl (toString 5) . }}",
    '{{ tpl "{{ define \\"zz\\" }}x{{ end }}{{ include \\"zz\\" . }}" . }}',
    '{{ template "nope" }}',
    '{{ define "x" }}{{ end }}{{ define "x" }}y{{ end }}{{ template "x" }}',
    "{{ $ := 1 }}",
    "{{ $x }}",
    "{{ .Values.name.x.y }}",
    "{{ .Values.list.x }}",
    "{{ .Release.Name.x }}",
    "{{ (1).x }}",
    "{{ nil }}",
    "{{ nil | quote }}",
    "{{ .Nope | toString }}",
    "{{ break }}",
    "{{ else }}",
    "{{ end }}",
    '{{ range .Values.list }}{{ define "q" }}{{ end }}{{ end }}',
    "{{ with $x := 1 }}{{ $x }}{{ end }}{{ $x }}",
    "{{ 'ab' }}",
    "{{ '\\400' }}",
    '{{ "\\q" }}',
    "{{ 1.e }}",
    "{{ 0x }}",
    "{{ 1i }}",
    '{{ printf "%v %v" 1i 2.5i }}',
    "{{ 3i | typeOf }}",
    "{{ eq 1i 1i }}",
    "{{ /* bad comment */ }}",
    "{{/* unclosed",
    '{{ "unterminated }}',
    "{{ `raw",
    "{{ .Values.x | }}",
    "{{ | upper }}",
    "{{ (upper) }}",
    "{{ upper }}",
    "{{ call .Values.name }}",
    "{{ call nil }}",
    "{{ and }}",
    "{{ eq }}",
    "{{ eq 1 }}",
    "{{ index }}",
    "{{ len 3 }}",
    "{{ len nil }}",
    "{{ not }}",
    '{{ html (dict "a" 1) }}',
    '{{ js "<\\u2028>" }}',
    '{{ urlquery "a b&c" }}',
    '{{ printf "%[3]*.[2]*[1]f" 12.0 2 6 }}',
    '{{ printf "%-+ #0v" 3.5 }}',
    '{{ printf "%.*d" -1 5 }}',
    '{{ printf "%!" }}',
    '{{ printf "%10000000d" 1 | len }}',
    '{{ printf "%.100000f" 1.0 | len }}',
]

UNSAFE_TEMPLATES = [
    '{{ tpl "{{ tpl \\"x\\" . }}{{ tpl (index .Values \\"t\\") . }}" . }}',
    '{{ define "r" }}{{ tpl "{{ include \\"r\\" . }}" . }}{{ end }}{{ include "r" . }}',
    "{{ until 1000000000 | len }}",
    '{{ repeat 10000000000 "x" | len }}',
    '{{ repeat 100000000 "xxxxxxxxxx" | len }}',
    "{{ untilStep 0 2000000000 1 | len }}",
    "{{ seq 0 1000000000 | len }}",
    "{{ $t := tpl .Values.self . }}",
    '{{ define "a" }}{{ include "b" . }}{{ include "b" . }}{{ end }}{{ define "b" }}{{ include "c" . }}'
    '{{ include "c" . }}{{ end }}{{ define "c" }}{{ include "a" . }}{{ end }}{{ include "a" . }}',
    '{{ printf "%2000000000d" 1 | len }}',
    "{{ $l := list 1 }}{{ range until 40 }}{{ $l = concat $l $l }}{{ end }}{{ len $l }}",
    '{{ $s := "ab" }}{{ range until 40 }}{{ $s = print $s $s }}{{ end }}{{ len $s }}',
    '{{ wrap 1 (repeat 200000000 "a ") | len }}',
]


def make_chart(rng: random.Random, mode: str = "normal") -> dict[str, bytes]:
    """A random chart as {path relative to the chart dir: content}."""
    model = make_values(rng)
    files: dict[str, bytes] = {}
    meta = "apiVersion: v2\nname: c\nversion: 0.1.0\n"
    if rng.random() < 0.5:
        meta += "appVersion: " + rng.choice(["1.0", '"2.3.4"', "v1", "1.10"]) + "\n"
    if rng.random() < 0.3:
        meta += "description: A chart ü\nkeywords: [a, b]\nannotations:\n  x: y\nhome: https://h.io\n"
    if rng.random() < 0.1:
        meta += "kubeVersion: '>=1.20.0-0'\nmaintainers:\n  - name: m\n    email: m@x.io\n"
    files["Chart.yaml"] = meta.encode()
    files["values.yaml"] = values_yaml(rng, model, mode).encode()
    files["files/a.txt"] = rng.choice([b"line one\nline two\n", b"", b"x", b"k: v\nn: 1\n", "ü\r\n".encode()])
    files["files/b.json"] = b'{"a": 1}'
    if mode != "normal" or rng.random() < 0.2:
        files["files/bad.bin"] = rng.choice([b"\xff\xfeab", b"a\x80b\xc3", b"\xe2\x82", b"ok\xed\xa0\x80"])
    defines = []
    if rng.random() < 0.6:
        helpers = ""
        for i in range(rng.randint(1, 3)):
            name = rng.choice([f"c.name{i}", f"c.labels{i}", f"helper-{i}"])
            defines.append(name)
        for name in defines:
            g = TemplateGen(rng, model, [d for d in defines if d != name], mode)
            g.budget = 15
            helpers += '{{- define "' + name + '" -}}\n' + g.block(2) + "\n{{- end }}\n"
        files["templates/_helpers.tpl"] = helpers.encode()
    if rng.random() < 0.15:
        files["charts/sub/Chart.yaml"] = b"apiVersion: v2\nname: sub\nversion: 1.0.0\n"
        files["charts/sub/values.yaml"] = b"x: 1\nname: subname\nlist: [a, b]\n"
        g = TemplateGen(rng, make_values(rng), defines, mode)
        files["charts/sub/templates/s.yaml"] = g.block(2).encode()
        model.tree.setdefault(SUBCHART, {})
        files["values.yaml"] += b"sub:\n  x: 2\n  extra: [1, 2]\n"
    for i in range(rng.choice([1, 1, 1, 2, 3])):
        g = TemplateGen(rng, model, defines, mode)
        text = g.block(3)
        if mode == "hostile":
            if rng.random() < 0.5:
                text = rng.choice(HOSTILE_TEMPLATES)
            if rng.random() < 0.4:
                text = _mutate(rng, text)
        elif mode == "unsafe":
            text = rng.choice(UNSAFE_TEMPLATES)
            files["values.yaml"] += b"self: '{{ tpl .Values.self . }}'\nt: '{{ tpl .Values.t . }}'\n"
        data = text.encode("utf-8", errors="surrogatepass")
        if mode == "hostile" and rng.random() < 0.1:
            data += rng.choice([b"\xff", b'{{ "\xc3" }}', b"\xe2\x82"])
        files[f"templates/t{i}.yaml"] = data
    if rng.random() < 0.1:
        g = TemplateGen(rng, model, defines, mode)
        files["templates/NOTES.txt"] = g.block(1).encode()
    return files
