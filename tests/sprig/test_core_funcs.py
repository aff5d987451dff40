"""The core Sprig groups as a whole: Go signatures, templates through the executor, random
functions, chartist's size limits, and Go's sharing of maps and slices.

Template rows hold Helm v4.2.3's output as literals (rendered with the values below).
"""

from __future__ import annotations

import time

import pytest

from chartist.gotemplate.template import Template
from chartist.gotemplate.values import FuncError, GoFunc, StrSlice
from chartist.sprig import conversion, defaults, dicts, encoding, lists, math, regex, strings, types
from chartist.sprig.lists import MAX_LIST_LEN
from chartist.sprig.strings import MAX_STRING_LEN

FUNCS: dict[str, GoFunc] = {}
for _group in (strings, conversion, regex, lists, dicts, math, defaults, types, encoding):
    FUNCS.update(_group.FUNCS)

# Each function's Go type as Sprig v3.3.0 declares it (functions.go and the files it refers to).
SIGNATURES = {
    "abbrev": "func(int, string) string",
    "abbrevboth": "func(int, int, string) string",
    "add": "func(...interface {}) int64",
    "add1": "func(interface {}) int64",
    "add1f": "func(interface {}) float64",
    "addf": "func(...interface {}) float64",
    "all": "func(...interface {}) bool",
    "any": "func(...interface {}) bool",
    "append": "func(interface {}, interface {}) []interface {}",
    "atoi": "func(string) int",
    "b32dec": "func(string) string",
    "b32enc": "func(string) string",
    "b64dec": "func(string) string",
    "b64enc": "func(string) string",
    "biggest": "func(interface {}, ...interface {}) int64",
    "camelcase": "func(string) string",
    "cat": "func(...interface {}) string",
    "ceil": "func(interface {}) float64",
    "chunk": "func(int, interface {}) [][]interface {}",
    "coalesce": "func(...interface {}) interface {}",
    "compact": "func(interface {}) []interface {}",
    "concat": "func(...interface {}) interface {}",
    "contains": "func(string, string) bool",
    "deepCopy": "func(interface {}) interface {}",
    "deepEqual": "func(interface {}, interface {}) bool",
    "default": "func(interface {}, ...interface {}) interface {}",
    "dict": "func(...interface {}) map[string]interface {}",
    "dig": "func(...interface {}) (interface {}, error)",
    "div": "func(interface {}, interface {}) int64",
    "divf": "func(interface {}, ...interface {}) float64",
    "empty": "func(interface {}) bool",
    "fail": "func(string) (string, error)",
    "first": "func(interface {}) interface {}",
    "float64": "func(interface {}) float64",
    "floor": "func(interface {}) float64",
    "get": "func(map[string]interface {}, string) interface {}",
    "has": "func(interface {}, interface {}) bool",
    "hasKey": "func(map[string]interface {}, string) bool",
    "hasPrefix": "func(string, string) bool",
    "hasSuffix": "func(string, string) bool",
    "hello": "func() string",
    "indent": "func(int, string) string",
    "initial": "func(interface {}) []interface {}",
    "initials": "func(string) string",
    "int": "func(interface {}) int",
    "int64": "func(interface {}) int64",
    "join": "func(string, interface {}) string",
    "kebabcase": "func(string) string",
    "keys": "func(...map[string]interface {}) []string",
    "kindIs": "func(string, interface {}) bool",
    "kindOf": "func(interface {}) string",
    "last": "func(interface {}) interface {}",
    "list": "func(...interface {}) []interface {}",
    "lower": "func(string) string",
    "max": "func(interface {}, ...interface {}) int64",
    "maxf": "func(interface {}, ...interface {}) float64",
    "merge": "func(map[string]interface {}, ...map[string]interface {}) interface {}",
    "mergeOverwrite": "func(map[string]interface {}, ...map[string]interface {}) interface {}",
    "min": "func(interface {}, ...interface {}) int64",
    "minf": "func(interface {}, ...interface {}) float64",
    "mod": "func(interface {}, interface {}) int64",
    "mul": "func(interface {}, ...interface {}) int64",
    "mulf": "func(interface {}, ...interface {}) float64",
    "mustAppend": "func(interface {}, interface {}) ([]interface {}, error)",
    "mustChunk": "func(int, interface {}) ([][]interface {}, error)",
    "mustCompact": "func(interface {}) ([]interface {}, error)",
    "mustDeepCopy": "func(interface {}) (interface {}, error)",
    "mustFirst": "func(interface {}) (interface {}, error)",
    "mustHas": "func(interface {}, interface {}) (bool, error)",
    "mustInitial": "func(interface {}) ([]interface {}, error)",
    "mustLast": "func(interface {}) (interface {}, error)",
    "mustMerge": "func(map[string]interface {}, ...map[string]interface {}) (interface {}, error)",
    "mustMergeOverwrite": "func(map[string]interface {}, ...map[string]interface {}) (interface {}, error)",
    "mustPrepend": "func(interface {}, interface {}) ([]interface {}, error)",
    "mustPush": "func(interface {}, interface {}) ([]interface {}, error)",
    "mustRegexFind": "func(string, string) (string, error)",
    "mustRegexFindAll": "func(string, string, int) ([]string, error)",
    "mustRegexMatch": "func(string, string) (bool, error)",
    "mustRegexReplaceAll": "func(string, string, string) (string, error)",
    "mustRegexReplaceAllLiteral": "func(string, string, string) (string, error)",
    "mustRegexSplit": "func(string, string, int) ([]string, error)",
    "mustRest": "func(interface {}) ([]interface {}, error)",
    "mustReverse": "func(interface {}) ([]interface {}, error)",
    "mustSlice": "func(interface {}, ...interface {}) (interface {}, error)",
    "mustUniq": "func(interface {}) ([]interface {}, error)",
    "mustWithout": "func(interface {}, ...interface {}) ([]interface {}, error)",
    "nindent": "func(int, string) string",
    "nospace": "func(string) string",
    "omit": "func(map[string]interface {}, ...string) map[string]interface {}",
    "pick": "func(map[string]interface {}, ...string) map[string]interface {}",
    "pluck": "func(string, ...map[string]interface {}) []interface {}",
    "plural": "func(string, string, int) string",
    "prepend": "func(interface {}, interface {}) []interface {}",
    "push": "func(interface {}, interface {}) []interface {}",
    "quote": "func(...interface {}) string",
    "randAlpha": "func(int) string",
    "randAlphaNum": "func(int) string",
    "randAscii": "func(int) string",
    "randInt": "func(int, int) int",
    "randNumeric": "func(int) string",
    "regexFind": "func(string, string) string",
    "regexFindAll": "func(string, string, int) []string",
    "regexMatch": "func(string, string) bool",
    "regexQuoteMeta": "func(string) string",
    "regexReplaceAll": "func(string, string, string) string",
    "regexReplaceAllLiteral": "func(string, string, string) string",
    "regexSplit": "func(string, string, int) []string",
    "repeat": "func(int, string) string",
    "replace": "func(string, string, string) string",
    "rest": "func(interface {}) []interface {}",
    "reverse": "func(interface {}) []interface {}",
    "round": "func(interface {}, int, ...float64) float64",
    "seq": "func(...int) string",
    "set": "func(map[string]interface {}, string, interface {}) map[string]interface {}",
    "shuffle": "func(string) string",
    "slice": "func(interface {}, ...interface {}) interface {}",
    "snakecase": "func(string) string",
    "sortAlpha": "func(interface {}) []string",
    "split": "func(string, string) map[string]string",
    "splitList": "func(string, string) []string",
    "splitn": "func(string, int, string) map[string]string",
    "squote": "func(...interface {}) string",
    "sub": "func(interface {}, interface {}) int64",
    "subf": "func(interface {}, ...interface {}) float64",
    "substr": "func(int, int, string) string",
    "swapcase": "func(string) string",
    "ternary": "func(interface {}, interface {}, bool) interface {}",
    "title": "func(string) string",
    "toDecimal": "func(interface {}) int64",
    "toString": "func(interface {}) string",
    "toStrings": "func(interface {}) []string",
    "trim": "func(string) string",
    "trimAll": "func(string, string) string",
    "trimall": "func(string, string) string",
    "trimPrefix": "func(string, string) string",
    "trimSuffix": "func(string, string) string",
    "trunc": "func(int, string) string",
    "tuple": "func(...interface {}) []interface {}",
    "typeIs": "func(string, interface {}) bool",
    "typeIsLike": "func(string, interface {}) bool",
    "typeOf": "func(interface {}) string",
    "uniq": "func(interface {}) []interface {}",
    "unset": "func(map[string]interface {}, string) map[string]interface {}",
    "until": "func(int) []int",
    "untilStep": "func(int, int, int) []int",
    "untitle": "func(string) string",
    "upper": "func(string) string",
    "values": "func(map[string]interface {}) []interface {}",
    "without": "func(interface {}, ...interface {}) []interface {}",
    "wrap": "func(int, string) string",
    "wrapWith": "func(int, string, string) string",
}


def _signature(f: GoFunc) -> str:
    params = list(f.params)
    if f.variadic:
        params[-1] = "..." + params[-1]
    result = f"({f.result}, error)" if f.error else f.result
    return f"func({', '.join(params)}) {result}"


def test_every_function_has_its_go_signature():
    assert set(FUNCS) == set(SIGNATURES)
    assert {name: _signature(f) for name, f in FUNCS.items()} == SIGNATURES


VALUES = {
    "name": "my-very-long-release-name-that-exceeds-the-limit-of-sixty-three-chars-",
    "port": 8080.0,
    "ratio": 0.25,
    "labels": {"app": "web"},
    "nested": {"labels": {"app": "api"}},
    "items": [1.0, 2.0, 2.0, 0.0],
    "version": "v1.23.4",
}

TEMPLATE_ROWS = [
    ('{{ "héllo wörld" | trunc 4 | quote }}', '"hél"'),
    ('{{ trunc 3.0 "abcdef" }}', "abc"),
    (
        '{{ .Values.name | default "chart" | trunc 63 | trimSuffix "-" }}',
        "my-very-long-release-name-that-exceeds-the-limit-of-sixty-three",
    ),
    ('{{ list "b" "a" "c" | sortAlpha | join "," }}', "a,b,c"),
    ('{{ dict "b" 2 "a" 1 | keys | sortAlpha | toStrings }}', "[a b]"),
    ("{{ range $i, $v := until 3 }}{{ $i }}={{ $v }};{{ end }}", "0=0;1=1;2=2;"),
    ('{{ range seq 3 | splitList " " }}[{{ . }}]{{ end }}', "[1][2][3]"),
    ('{{ $d := dict "a" 1 }}{{ $_ := set $d "b" 2 }}{{ $d | toString }}', "map[a:1 b:2]"),
    (
        "{{ .Values.port | add 1 }} {{ .Values.port | int }} {{ .Values.port | toString }} {{ typeOf .Values.port }}",
        "8081 8080 8080 float64",
    ),
    (
        '{{ get .Values.labels "app" }} {{ hasKey .Values.labels "tier" }} {{ .Values.labels | keys | sortAlpha | join "," }}',
        "web false app",
    ),
    ('{{ merge (dict "a" 1) .Values.labels | toString }}', "map[a:1 app:web]"),
    ('{{ pluck "app" .Values.labels (dict "app" "x") | toString }}', "[web x]"),
    ('{{ dig "labels" "app" "none" .Values.nested }}', "api"),
    (
        "{{ .Values.items | has 2.0 }} {{ .Values.items | has 2 }} {{ .Values.items | first }} {{ .Values.items | last | typeOf }}",
        "true false 1 float64",
    ),
    (
        "{{ .Values.items | without 1.0 | toString }} {{ .Values.items | uniq | len }} {{ .Values.items | compact | len }}",
        "error calling without: Cannot find without on type float64",
    ),
    (
        '{{ .Values.missing | empty }} {{ .Values.missing | default "d" }} {{ coalesce .Values.missing .Values.port }}',
        "true d 8080",
    ),
    ('{{ toString .Values.missing }} {{ quote .Values.missing }} {{ cat .Values.missing "x" }}', "<nil>  x"),
    ('{{ regexReplaceAll "[^a-z0-9-]" (lower "My_Chart.Name") "-" }}', "my-chart-name"),
    (
        '{{ regexFindAll "[0-9]+" .Values.version -1 | toString }} {{ regexSplit "\\\\." .Values.version -1 | last }}',
        "[1 23 4] 4",
    ),
    ('{{ .Values.version | regexMatch "^v?[0-9]+\\\\.[0-9]+" }}', "true"),
    ('{{ nindent 4 "a: 1\\nb: 2" }}', "\n    a: 1\n    b: 2"),
    ("{{ indent 2 (toString .Values.labels) }}", "  map[app:web]"),
    ('{{ b64enc "user:pass" | b64dec }}', "user:pass"),
    ('{{ ternary "yes" "no" (eq .Values.port 8080.0) }}', "yes"),
    (
        "{{ until 5 | reverse | toString }} {{ until 5 | rest | initial | toString }} {{ slice (until 5) 1 3 | toString }}",
        "[4 3 2 1 0] [1 2 3] [1 2]",
    ),
    ("{{ chunk 2 (until 5) | toString }}", "[[0 1] [2 3] [4]]"),
    ('{{ tuple 1 "a" | toString }} {{ list | empty }}', "[1 a] true"),
    ('{{ .Values.port | toDecimal }} {{ "0755" | toDecimal }}', "0 493"),
    (
        "{{ add1 .Values.port | sub 1 | mul 2 | div 3 | mod 7 }}",
        "error calling mod: runtime error: integer divide by zero",
    ),
    (
        '{{ max .Values.port 10 100 }} {{ maxf .Values.ratio 0.3 }} {{ minf .Values.ratio "0.1" }}',
        "8080 0.3 0.1",
    ),
    (
        '{{ "HelloWorld" | snakecase }} {{ "hello_world" | camelcase }} {{ "HelloWorld" | kebabcase }} {{ "hello world" | title }} {{ "Hello" | swapcase }}',
        "hello_world HelloWorld hello-world Hello World hELLO",
    ),
    ('{{ wrap 5 "aaa bbb ccc" }}', "aaa\nbbb\nccc"),
    (
        '{{ abbrev 8 "hello world" }} {{ "abc" | repeat 2 }} {{ "a b c" | nospace }} {{ "Alice Bob" | initials }}',
        "hello... abcabc abc AB",
    ),
    (
        '{{ deepEqual .Values.labels (dict "app" "web") }} {{ typeIs "float64" .Values.port }} {{ kindOf .Values.items }}',
        "true true slice",
    ),
    (
        '{{ $m := deepCopy .Values.labels }}{{ $_ := set $m "x" 1 }}{{ .Values.labels | toString }}',
        "map[app:web]",
    ),
    ("{{ mustFirst (list) }}|{{ first .Values.items }}", "|1"),
    (
        '{{ int64 "42" | typeOf }} {{ float64 "1.5" | typeOf }} {{ atoi "7" | typeOf }} {{ toStrings .Values.items | toString }}',
        "int64 float64 int [1 2 2 0]",
    ),
    (
        '{{ "x" | regexFind "(" }}',
        "error calling regexFind: regexp: Compile(`(`): error parsing regexp: missing closing ): `(`",
    ),
    ("{{ until 5 | mustSlice 6 }}", "error calling mustSlice: list should be type of slice or array but int"),
]


def _render(text: str) -> str:
    t = Template("t", funcs=FUNCS).parse(text)
    return t.execute({"Values": __import__("copy").deepcopy(VALUES)}).replace("<no value>", "")


@pytest.mark.parametrize(("text", "want"), TEMPLATE_ROWS, ids=[r[0] for r in TEMPLATE_ROWS])
def test_template(text, want):
    if want.startswith("error calling "):
        with pytest.raises(Exception, match=r"error calling ") as info:
            _render(text)
        assert str(info.value).endswith(want)
    else:
        assert _render(text) == want


# -- random functions: only their shape can be compared --------------------------------------


@pytest.mark.parametrize(
    ("name", "alphabet"),
    [
        ("randAlphaNum", set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")),
        ("randAlpha", set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")),
        ("randNumeric", set("0123456789")),
        ("randAscii", {chr(c) for c in range(32, 127)}),
    ],
)
def test_random_strings(name, alphabet):
    fn = FUNCS[name].fn
    s = fn(200)
    assert len(s) == 200 and set(s) <= alphabet
    assert fn(0) == "" and fn(-3) == ""  # goutils' error for a negative count is dropped
    assert len({fn(16) for _ in range(5)}) == 5


def test_shuffle_keeps_runes():
    s = "héllo wörld 😀"
    out = FUNCS["shuffle"].fn(s)
    assert sorted(out) == sorted(s)
    assert FUNCS["shuffle"].fn("") == ""
    assert FUNCS["shuffle"].fn("a\udcc3") in ("a\ufffd", "\ufffda")  # invalid bytes become U+FFFD


def test_rand_int():
    got = {FUNCS["randInt"].fn(-2, 3) for _ in range(300)}
    assert got == {-2, -1, 0, 1, 2}
    with pytest.raises(FuncError, match="invalid argument to Intn"):
        FUNCS["randInt"].fn(5, 5)


# -- limits: where Helm runs out of memory, chartist fails quickly --------------------------


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("until", (1_000_000_000,)),
        ("until", (-1_000_000_000,)),
        ("untilStep", (0, 10**15, 1)),
        ("seq", (1, 2_000_000_000)),
        ("seq", (0, -1, -(10**12))),
        ("repeat", (10_000_000_000, "x")),
        ("repeat", (60_000_000, "ab")),
        ("indent", (1_000_000_000, "x")),
        ("nindent", (100, "\n" * 2_000_000)),
        ("randAlphaNum", (1_000_000_000,)),
        ("wrapWith", (1, "-" * 1000, "x " * 1_000_000)),
        ("replace", ("", "-" * 1000, "x" * 1_000_000)),
    ],
)
def test_limits_end_runaway_results_quickly(name, args):
    start = time.monotonic()
    with pytest.raises(FuncError, match="exceed"):
        FUNCS[name].fn(*args)
    assert time.monotonic() - start < 2


def test_limits_leave_room_for_real_use():
    assert len(FUNCS["until"].fn(MAX_LIST_LEN)) == MAX_LIST_LEN
    assert len(FUNCS["repeat"].fn(MAX_STRING_LEN // 4, "abcd")) == MAX_STRING_LEN


# -- sharing: Go's maps and slices are references, and Sprig changes some in place ----------


def test_merge_changes_and_shares_maps():
    nested = {"y": 1}
    src = {"x": nested, "l": [1]}
    dst = {"x": {"w": 1}}
    out = FUNCS["merge"].fn(dst, src)
    assert out is dst and dst == {"x": {"w": 1, "y": 1}, "l": [1]}
    assert dst["l"] is src["l"]  # not copied
    fresh: dict = {}
    FUNCS["mergeOverwrite"].fn(fresh, src)
    assert fresh["x"] is nested  # a map taken whole is the source's own map


def test_set_and_unset_change_the_map():
    d = {"a": 1}
    assert FUNCS["set"].fn(d, "b", 2) is d and d == {"a": 1, "b": 2}
    assert FUNCS["unset"].fn(d, "a") is d and d == {"b": 2}


def test_sort_alpha_sorts_a_string_slice_in_place():
    s = StrSlice(["b", "a"])
    assert FUNCS["sortAlpha"].fn(s) is s and s == ["a", "b"]
    lst = ["b", "a"]
    assert FUNCS["sortAlpha"].fn(lst) == ["a", "b"] and lst == ["b", "a"]


def test_deep_copy_copies_and_keeps_types():
    src = {"a": [1, {"b": StrSlice(["x"])}]}
    src["self"] = src  # Go would overflow its stack; a copy keeps the cycle
    out = FUNCS["deepCopy"].fn(src)
    assert out is not src and out["a"] is not src["a"] and out["self"] is out
    assert type(out["a"][1]["b"]) is StrSlice


def test_merge_of_a_map_containing_itself_fails_cleanly():
    d: dict = {}
    d["self"] = d  # `merge $d $d` recurses forever in Go
    with pytest.raises(FuncError, match="nest too deeply"):
        FUNCS["merge"].fn(d, d)
