"""Engine rows: chart files, user values and what Helm v4.2.3 renders (or its error).

Generated from helm-python-sdk (Helm v4.2.3) and kept as literals; ``helm=False`` rows are
deliberate differences (chartist bounds a runaway tpl; HelmVersion is the release's
"v4.2.3" where the SDK build says "v4.2"), ``known`` rows are differences owned elsewhere.
"""

from __future__ import annotations

from _engine_support import R, Tail

ROWS = [
    # --- include -----------------------------------------------------------------------------------
    R(
        "include",
        "nested",
        {
            "templates/x.yaml": '{{ define "a" }}A{{ include "b" . }}{{ end }}{{ define "b" }}B{{ .Values.x }}{{ end }}{{ include "a" . }}'
        },
        values={"x": 2.0},
        want={"c/templates/x.yaml": "AB2"},
    ),
    R(
        "include",
        "pipeline indent",
        {"templates/x.yaml": '{{ define "a" }}k: v\nl: w{{ end }}x:\n{{ include "a" . | indent 2 }}'},
        want={"c/templates/x.yaml": "x:\n  k: v\n  l: w"},
    ),
    R(
        "include",
        "with scope data",
        {"templates/x.yaml": '{{ define "a" }}{{ .n }}-{{ $.n }}{{ end }}{{ include "a" (dict "n" "N") }}'},
        want={"c/templates/x.yaml": "N-N"},
    ),
    R(
        "include",
        "missing template",
        {"templates/x.yaml": '{{ include "nope" . }}'},
        err='c/templates/x.yaml:1:3\n  executing "c/templates/x.yaml" at <include "nope" .>:\n    error calling include:\ntemplate: no template "nope" associated with template "gotpl"',
    ),
    R(
        "include",
        "recursion limit",
        {"templates/x.yaml": '{{ define "r" }}{{ include "r" . }}{{ end }}{{ include "r" . }}'},
        err=Tail(
            'template: c/templates/x.yaml:1:47: executing "c/templates/x.yaml" at <include "r" .>: error calling include: template: c/templates/x.yaml:1:19: executing "r" at',
            ' c/templates/x.yaml:1:19: executing "r" at <include "r" .>: error calling include: rendering template has a nested reference name: r: unable to execute template',
            92278,
        ),
    ),
    R(
        "include",
        "mutual recursion",
        {
            "templates/x.yaml": '{{ define "a" }}{{ include "b" . }}{{ end }}{{ define "b" }}{{ include "a" . }}{{ end }}{{ include "a" . }}'
        },
        err=Tail(
            'template: c/templates/x.yaml:1:91: executing "c/templates/x.yaml" at <include "a" .>: error calling include: template: c/templates/x.yaml:1:19: executing "a" at',
            ' c/templates/x.yaml:1:63: executing "b" at <include "a" .>: error calling include: rendering template has a nested reference name: a: unable to execute template',
            184370,
        ),
    ),
    R(
        "include",
        "bounded recursion ok",
        {
            "templates/x.yaml": '{{ define "r" }}{{ if gt (len .) 0 }}{{ len . }},{{ include "r" (rest .) }}{{ end }}{{ end }}{{ include "r" (list 1 2 3 4 5) }}'
        },
        want={"c/templates/x.yaml": "5,4,3,2,1,"},
    ),
    R(
        "include",
        "error in included",
        {"templates/x.yaml": '{{ define "a" }}{{ .Values.x.y.z }}{{ end }}{{ include "a" . }}'},
        values={"x": "str"},
        err='c/templates/x.yaml:1:47\n  executing "c/templates/x.yaml" at <include "a" .>:\n    error calling include:\nc/templates/x.yaml:1:26\n  executing "a" at <.Values.x.y.z>:\n    can\'t evaluate field y in type interface {}',
    ),
    R(
        "include",
        "error two levels",
        {
            "templates/x.yaml": '{{ define "a" }}{{ include "b" . }}{{ end }}{{ define "b" }}{{ index . 5 }}{{ end }}{{ include "a" . }}'
        },
        err='template: c/templates/x.yaml:1:87: executing "c/templates/x.yaml" at <include "a" .>: error calling include: template: c/templates/x.yaml:1:19: executing "a" at <include "b" .>: error calling include: template: c/templates/x.yaml:1:63: executing "b" at <index . 5>: error calling index: value has type int; should be string',
    ),
    R(
        "include",
        "template action error",
        {"templates/x.yaml": '{{ define "a" }}{{ .x.y }}{{ end }}{{ template "a" .Values }}'},
        values={"x": 1.0},
        err='c/templates/x.yaml:1:21\n  executing "a" at <.x.y>:\n    can\'t evaluate field y in type interface {}',
    ),
    R(
        "include",
        "template action missing",
        {"templates/x.yaml": '{{ template "nope" . }}'},
        err='c/templates/x.yaml:1:12\n  executing "c/templates/x.yaml" at <{{template "nope" .}}>:\n    template "nope" not defined',
    ),
    # --- tpl ---------------------------------------------------------------------------------------
    R(
        "tpl",
        "values text",
        {"templates/x.yaml": "{{ tpl .Values.t . }}"},
        values={"t": "{{ .Release.Name }}-{{ .Values.y }}", "y": "Y"},
        want={"c/templates/x.yaml": "rel-Y"},
    ),
    R(
        "tpl",
        "define inside tpl",
        {
            "templates/x.yaml": '{{ tpl "{{ define \\"z\\" }}Z{{ .Values.x }}{{ end }}{{ include \\"z\\" . }}" . }}'
        },
        values={"x": 3.0},
        want={"c/templates/x.yaml": "Z3"},
    ),
    R(
        "tpl",
        "include outer define",
        {"templates/x.yaml": '{{ define "o" }}O{{ end }}{{ tpl "{{ include \\"o\\" . }}" . }}'},
        want={"c/templates/x.yaml": "O"},
    ),
    R(
        "tpl",
        "tpl of tpl",
        {"templates/x.yaml": '{{ tpl "{{ tpl \\"{{ .Values.x }}\\" . }}" . }}'},
        values={"x": "deep"},
        want={"c/templates/x.yaml": "deep"},
    ),
    R(
        "tpl",
        "other data",
        {"templates/x.yaml": '{{ tpl "{{ .a }}|{{ .nope }}" (dict "a" 1) }}'},
        want={"c/templates/x.yaml": "1|"},
    ),
    R(
        "tpl",
        "template name",
        {"templates/x.yaml": '{{ tpl "{{ .Template.Name }}|{{ .Template.BasePath }}" . }}'},
        want={"c/templates/x.yaml": "c/templates/x.yaml|c/templates"},
    ),
    R(
        "tpl",
        "parse error",
        {"templates/x.yaml": '{{ tpl "{{ .x " . }}'},
        err='template: c/templates/x.yaml:1:3: executing "c/templates/x.yaml" at <tpl "{{ .x " .>: error calling tpl: cannot parse template "{{ .x ": template: gotpl:1: unclosed action',
    ),
    R(
        "tpl",
        "exec error",
        {"templates/x.yaml": '{{ tpl "{{ index .Values 1 }}" . }}'},
        err='template: c/templates/x.yaml:1:3: executing "c/templates/x.yaml" at <tpl "{{ index .Values 1 }}" .>: error calling tpl: error during tpl function execution for "{{ index .Values 1 }}": template: gotpl:1:3: executing "gotpl" at <index .Values 1>: error calling index: value has type int; should be string',
    ),
    R(
        "tpl",
        "fail inside",
        {"templates/x.yaml": '{{ tpl "{{ fail \\"boom\\" }}" . }}'},
        err="execution error at (c/templates/x.yaml:1:3): boom",
    ),
    R(
        "tpl",
        "defines do not leak",
        {"templates/x.yaml": '{{ tpl "{{ define \\"leak\\" }}L{{ end }}" . }}{{ include "leak" . }}'},
        err='c/templates/x.yaml:1:48\n  executing "c/templates/x.yaml" at <include "leak" .>:\n    error calling include:\ntemplate: no template "leak" associated with template "gotpl"',
    ),
    R(
        "tpl",
        "self recursion bounded",
        {"templates/a.yaml": "{{ tpl .Values.t . }}", "values.yaml": "t: '{{ tpl .Values.t . }}'\n"},
        err="execution error at (c/templates/a.yaml:1:3): tpl: more than 200 nested calls (a template that calls itself without end?)",
        helm=False,
    ),
    # --- required ----------------------------------------------------------------------------------
    R(
        "required",
        "present",
        {"templates/x.yaml": '{{ required "need x" .Values.x }}'},
        values={"x": 1.0},
        want={"c/templates/x.yaml": "1"},
    ),
    R(
        "required",
        "missing",
        {"templates/x.yaml": 'a: 1\nb: {{ required "need x" .Values.x }}'},
        err="execution error at (c/templates/x.yaml:2:6): need x",
    ),
    R(
        "required",
        "empty string",
        {"templates/x.yaml": '{{ required "need x" .Values.x }}'},
        values={"x": ""},
        err="execution error at (c/templates/x.yaml:1:3): need x",
    ),
    R(
        "required",
        "false and zero pass",
        {"templates/x.yaml": '{{ required "x" .Values.f }}|{{ required "y" .Values.z }}'},
        values={"f": False, "z": 0.0},
        want={"c/templates/x.yaml": "false|0"},
    ),
    R(
        "required",
        "in include",
        {
            "templates/x.yaml": '{{ define "a" }}{{ required "inner need" .Values.nope }}{{ end }}x\n  {{ include "a" . }}'
        },
        err="execution error at (c/templates/x.yaml:2:5): inner need",
    ),
    # --- fail --------------------------------------------------------------------------------------
    R(
        "fail",
        "message",
        {"templates/x.yaml": '{{ fail "boom!" }}'},
        err="execution error at (c/templates/x.yaml:1:3): boom!",
    ),
    R(
        "fail",
        "multi-line",
        {"templates/x.yaml": '{{ fail "line1\\nline2" }}'},
        err="execution error at (c/templates/x.yaml:1:3): line1\nline2",
    ),
    R(
        "fail",
        "in subchart",
        {
            "Chart.yaml": 'apiVersion: v2\nname: c\nversion: 0.1.0\nappVersion: "1.0"\ndescription: desc\nkeywords: [a, b]\nannotations:\n  x: y\nmaintainers:\n- name: m\n  email: e@x\ndependencies:\n- name: sub\n  version: 0.2.0\n  condition: sub.enabled\n',
            "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.2.0\n",
            "values.yaml": "g: 1\nglobal:\n  gv: top\nsub:\n  s: fromparent\n",
            "charts/sub/values.yaml": "s: default\nown: 2\nglobal:\n  gv: subdefault\n  gs: subonly\n",
            "templates/x.yaml": "x",
            "charts/sub/templates/y.yaml": '\n{{ fail (printf "sub says %s" .Values.s) }}',
        },
        err="execution error at (c/charts/sub/templates/y.yaml:2:3): sub says fromparent",
    ),
    # --- errors ------------------------------------------------------------------------------------
    R(
        "errors",
        "nil pointer",
        {"templates/x.yaml": "{{ .Values.nope.call }}"},
        err='c/templates/x.yaml:1:10\n  executing "c/templates/x.yaml" at <.Values.nope.call>:\n    nil pointer evaluating interface {}.call',
    ),
    R(
        "errors",
        "function error raw",
        {"templates/x.yaml": "x: {{ .Values.a | int | div 1 }}"},
        values={"a": 0.0},
        err='template: c/templates/x.yaml:1:24: executing "c/templates/x.yaml" at <div 1>: error calling div: runtime error: integer divide by zero',
    ),
    R(
        "errors",
        "incompatible eq",
        {"templates/x.yaml": "{{ eq .Values.n 42 }}"},
        values={"n": 42.0},
        err='template: c/templates/x.yaml:1:3: executing "c/templates/x.yaml" at <eq .Values.n 42>: error calling eq: incompatible types for comparison: float64 and int',
    ),
    R(
        "errors",
        "parse unclosed",
        {"templates/x.yaml": "a: {{ .Values.x"},
        err="parse error at (c/templates/x.yaml:1): unclosed action",
    ),
    R(
        "errors",
        "parse missing if value",
        {"templates/x.yaml": "{{ if }}{{ end }}"},
        err="parse error at (c/templates/x.yaml:1): missing value for if",
    ),
    R(
        "errors",
        "parse undefined function",
        {"templates/x.yaml": "{{ nofunc 1 }}"},
        err='parse error at (c/templates/x.yaml:1): function "nofunc" not defined',
    ),
    R(
        "errors",
        "parse error in partial",
        {"templates/x.yaml": "ok", "templates/_h.tpl": '{{ define "x" }}{{ end'},
        err="parse error at (c/templates/_h.tpl:1): unclosed action",
    ),
    R(
        "errors",
        "parse error line 3",
        {"templates/x.yaml": "a\nb\n{{ end }}"},
        err="parse error at (c/templates/x.yaml:3): unexpected {{end}}",
    ),
    R(
        "errors",
        "env removed",
        {"templates/x.yaml": '{{ env "HOME" }}'},
        err='parse error at (c/templates/x.yaml:1): function "env" not defined',
    ),
    R(
        "errors",
        "no duration helpers in v4.2.3",
        {"templates/x.yaml": "{{ mustToDuration 30 }}"},
        err='parse error at (c/templates/x.yaml:1): function "mustToDuration" not defined',
    ),
    # --- novalue -----------------------------------------------------------------------------------
    R(
        "novalue",
        "removed",
        {
            "templates/x.yaml": 'a: {{ .Values.nope }}|{{ print .Values.nope }}|{{ printf "%v" .Values.nope }}|{{ .Values.m.x }}'
        },
        values={"m": {}},
        want={"c/templates/x.yaml": "a: |<nil>|<nil>|"},
    ),
    R(
        "novalue",
        "literal text removed",
        {"templates/x.yaml": 'a: {{ "<no value>" }} b: <no value>'},
        want={"c/templates/x.yaml": "a:  b: "},
    ),
    R(
        "novalue",
        "in tpl",
        {"templates/x.yaml": '[{{ tpl "{{ .nope }}" .Values }}]'},
        want={"c/templates/x.yaml": "[]"},
    ),
    # --- files -------------------------------------------------------------------------------------
    R(
        "files",
        "get",
        {
            "templates/x.yaml": '{{ .Files.Get "files/a.txt" }}|{{ .Files.Get "nope" }}|{{ .Files.Get "empty.txt" }}',
            "files/a.txt": "hello\nworld\n",
            "files/b.cfg": "k=v",
            "files/sub/c.txt": "C",
            "data.bin": b"\x00\xff\x10",
            "empty.txt": "",
            "x.json": '{"a":1}',
            ".hidden": "h",
        },
        want={"c/templates/x.yaml": "hello\nworld\n||"},
    ),
    R(
        "files",
        "getbytes",
        {
            "templates/x.yaml": '{{ .Files.GetBytes "data.bin" }}|{{ .Files.GetBytes "nope" }}|{{ printf "%T" (.Files.GetBytes "files/a.txt") }}',
            "files/a.txt": "hello\nworld\n",
            "files/b.cfg": "k=v",
            "files/sub/c.txt": "C",
            "data.bin": b"\x00\xff\x10",
            "empty.txt": "",
            "x.json": '{"a":1}',
            ".hidden": "h",
        },
        want={"c/templates/x.yaml": "[0 255 16]|[]|[]uint8"},
    ),
    R(
        "files",
        "glob star",
        {
            "templates/x.yaml": '{{ range $k, $v := .Files.Glob "files/*" }}{{ $k }};{{ end }}',
            "files/a.txt": "hello\nworld\n",
            "files/b.cfg": "k=v",
            "files/sub/c.txt": "C",
            "data.bin": b"\x00\xff\x10",
            "empty.txt": "",
            "x.json": '{"a":1}',
            ".hidden": "h",
        },
        want={"c/templates/x.yaml": "files/a.txt;files/b.cfg;"},
    ),
    R(
        "files",
        "glob double star",
        {
            "templates/x.yaml": '{{ range $k, $v := .Files.Glob "**.txt" }}{{ $k }};{{ end }}|{{ range $k, $v := .Files.Glob "files/**" }}{{ $k }};{{ end }}',
            "files/a.txt": "hello\nworld\n",
            "files/b.cfg": "k=v",
            "files/sub/c.txt": "C",
            "data.bin": b"\x00\xff\x10",
            "empty.txt": "",
            "x.json": '{"a":1}',
            ".hidden": "h",
        },
        want={
            "c/templates/x.yaml": "empty.txt;files/a.txt;files/sub/c.txt;|files/a.txt;files/b.cfg;files/sub/c.txt;"
        },
    ),
    R(
        "files",
        "glob question",
        {
            "templates/x.yaml": '{{ range $k, $v := .Files.Glob "files/?.txt" }}{{ $k }};{{ end }}|{{ range $k, $v := .Files.Glob "files?a.txt" }}{{ $k }};{{ end }}',
            "files/a.txt": "hello\nworld\n",
            "files/b.cfg": "k=v",
            "files/sub/c.txt": "C",
            "data.bin": b"\x00\xff\x10",
            "empty.txt": "",
            "x.json": '{"a":1}',
            ".hidden": "h",
        },
        want={"c/templates/x.yaml": "files/a.txt;|"},
    ),
    R(
        "files",
        "glob classes",
        {
            "templates/x.yaml": '{{ range $k, $v := .Files.Glob "files/[a-b].*" }}{{ $k }};{{ end }}|{{ range $k, $v := .Files.Glob "files/[!a].*" }}{{ $k }};{{ end }}|{{ range $k, $v := .Files.Glob "files[!x]a.txt" }}{{ $k }};{{ end }}',
            "files/a.txt": "hello\nworld\n",
            "files/b.cfg": "k=v",
            "files/sub/c.txt": "C",
            "data.bin": b"\x00\xff\x10",
            "empty.txt": "",
            "x.json": '{"a":1}',
            ".hidden": "h",
        },
        want={"c/templates/x.yaml": "files/a.txt;files/b.cfg;|files/b.cfg;|files/a.txt;"},
    ),
    R(
        "files",
        "glob alternatives",
        {
            "templates/x.yaml": '{{ range $k, $v := .Files.Glob "files/{a.txt,b.cfg}" }}{{ $k }};{{ end }}|{{ range $k, $v := .Files.Glob "{files/{a,b}*,x.*}" }}{{ $k }};{{ end }}',
            "files/a.txt": "hello\nworld\n",
            "files/b.cfg": "k=v",
            "files/sub/c.txt": "C",
            "data.bin": b"\x00\xff\x10",
            "empty.txt": "",
            "x.json": '{"a":1}',
            ".hidden": "h",
        },
        want={"c/templates/x.yaml": "files/a.txt;files/b.cfg;|files/a.txt;files/b.cfg;x.json;"},
    ),
    R(
        "files",
        "glob escape",
        {
            "templates/x.yaml": '{{ range $k, $v := .Files.Glob "files/\\\\a.txt" }}{{ $k }};{{ end }}',
            "files/a.txt": "hello\nworld\n",
            "files/b.cfg": "k=v",
            "files/sub/c.txt": "C",
            "data.bin": b"\x00\xff\x10",
            "empty.txt": "",
            "x.json": '{"a":1}',
            ".hidden": "h",
        },
        want={"c/templates/x.yaml": "files/a.txt;"},
    ),
    R(
        "files",
        "glob bad pattern is all",
        {
            "templates/x.yaml": '{{ range $k, $v := .Files.Glob "files/[a" }}{{ $k }};{{ end }}',
            "files/a.txt": "hello\nworld\n",
            "files/b.cfg": "k=v",
            "files/sub/c.txt": "C",
            "data.bin": b"\x00\xff\x10",
            "empty.txt": "",
            "x.json": '{"a":1}',
            ".hidden": "h",
        },
        want={
            "c/templates/x.yaml": ".hidden;data.bin;empty.txt;files/a.txt;files/b.cfg;files/sub/c.txt;x.json;"
        },
    ),
    R(
        "files",
        "glob star top",
        {
            "templates/x.yaml": '{{ range $k, $v := .Files.Glob "*" }}{{ $k }};{{ end }}',
            "files/a.txt": "hello\nworld\n",
            "files/b.cfg": "k=v",
            "files/sub/c.txt": "C",
            "data.bin": b"\x00\xff\x10",
            "empty.txt": "",
            "x.json": '{"a":1}',
            ".hidden": "h",
        },
        want={"c/templates/x.yaml": ".hidden;data.bin;empty.txt;x.json;"},
    ),
    R(
        "files",
        "lines",
        {
            "templates/x.yaml": '{{ range .Files.Lines "files/a.txt" }}[{{ . }}]{{ end }}|{{ len (.Files.Lines "nope") }}',
            "files/a.txt": "hello\nworld\n",
            "files/b.cfg": "k=v",
            "files/sub/c.txt": "C",
            "data.bin": b"\x00\xff\x10",
            "empty.txt": "",
            "x.json": '{"a":1}',
            ".hidden": "h",
        },
        want={"c/templates/x.yaml": "[hello][world]|0"},
    ),
    R(
        "files",
        "lines of empty file",
        {
            "templates/x.yaml": '{{ .Files.Lines "empty.txt" }}',
            "files/a.txt": "hello\nworld\n",
            "files/b.cfg": "k=v",
            "files/sub/c.txt": "C",
            "data.bin": b"\x00\xff\x10",
            "empty.txt": "",
            "x.json": '{"a":1}',
            ".hidden": "h",
        },
        err='template: c/templates/x.yaml:1:9: executing "c/templates/x.yaml" at <.Files.Lines>: error calling Lines: runtime error: index out of range [-1]',
    ),
    R(
        "files",
        "asconfig",
        {
            "templates/x.yaml": '{{ (.Files.Glob "files/**").AsConfig }}',
            "files/a.txt": "hello\nworld\n",
            "files/b.cfg": "k=v",
            "files/sub/c.txt": "C",
            "data.bin": b"\x00\xff\x10",
            "empty.txt": "",
            "x.json": '{"a":1}',
            ".hidden": "h",
        },
        want={"c/templates/x.yaml": "a.txt: |\n  hello\n  world\nb.cfg: k=v\nc.txt: C"},
    ),
    R(
        "files",
        "assecrets",
        {
            "templates/x.yaml": '{{ (.Files.Glob "files/*").AsSecrets }}',
            "files/a.txt": "hello\nworld\n",
            "files/b.cfg": "k=v",
            "files/sub/c.txt": "C",
            "data.bin": b"\x00\xff\x10",
            "empty.txt": "",
            "x.json": '{"a":1}',
            ".hidden": "h",
        },
        want={"c/templates/x.yaml": "a.txt: aGVsbG8Kd29ybGQK\nb.cfg: az12"},
    ),
    R(
        "files",
        "asconfig empty",
        {
            "templates/x.yaml": '{{ (.Files.Glob "zzz/*").AsConfig }}|{{ (.Files.Glob "zzz/*").AsSecrets }}',
            "files/a.txt": "hello\nworld\n",
            "files/b.cfg": "k=v",
            "files/sub/c.txt": "C",
            "data.bin": b"\x00\xff\x10",
            "empty.txt": "",
            "x.json": '{"a":1}',
            ".hidden": "h",
        },
        want={"c/templates/x.yaml": "{}|{}"},
    ),
    R(
        "files",
        "asconfig binary",
        {
            "templates/x.yaml": '{{ (.Files.Glob "data.bin").AsConfig }}',
            "files/a.txt": "hello\nworld\n",
            "files/b.cfg": "k=v",
            "files/sub/c.txt": "C",
            "data.bin": b"\x00\xff\x10",
            "empty.txt": "",
            "x.json": '{"a":1}',
            ".hidden": "h",
        },
        want={"c/templates/x.yaml": 'data.bin: "\\0�\\x10"'},
    ),
    R(
        "files",
        "range and type",
        {
            "templates/x.yaml": '{{ range $k, $v := .Files }}{{ $k }};{{ end }}|{{ printf "%T" .Files }}|{{ printf "%T" (.Files.Glob "*") }}',
            "files/a.txt": "hello\nworld\n",
            "files/b.cfg": "k=v",
            "files/sub/c.txt": "C",
            "data.bin": b"\x00\xff\x10",
            "empty.txt": "",
            "x.json": '{"a":1}',
            ".hidden": "h",
        },
        want={
            "c/templates/x.yaml": ".hidden;data.bin;empty.txt;files/a.txt;files/b.cfg;files/sub/c.txt;x.json;|engine.files|engine.files"
        },
    ),
    R(
        "files",
        "not templates values chart",
        {
            "templates/x.yaml": '[{{ .Files.Get "Chart.yaml" }}][{{ .Files.Get "values.yaml" }}][{{ .Files.Get "templates/x.yaml" }}]',
            "values.yaml": "a: 1\n",
            "crds/a.yaml": "kind: CRD\n",
        },
        want={"c/templates/x.yaml": "[][][]"},
    ),
    R(
        "files",
        "crds are files",
        {"templates/x.yaml": '{{ .Files.Get "crds/a.yaml" }}', "crds/a.yaml": "kind: CRD\n"},
        want={"c/templates/x.yaml": "kind: CRD\n"},
    ),
    R(
        "files",
        "index",
        {
            "templates/x.yaml": '{{ index .Files "files/b.cfg" | toString }}',
            "files/a.txt": "hello\nworld\n",
            "files/b.cfg": "k=v",
            "files/sub/c.txt": "C",
            "data.bin": b"\x00\xff\x10",
            "empty.txt": "",
            "x.json": '{"a":1}',
            ".hidden": "h",
        },
        want={"c/templates/x.yaml": "k=v"},
    ),
    R(
        "files",
        "subchart has its own",
        {
            "Chart.yaml": 'apiVersion: v2\nname: c\nversion: 0.1.0\nappVersion: "1.0"\ndescription: desc\nkeywords: [a, b]\nannotations:\n  x: y\nmaintainers:\n- name: m\n  email: e@x\ndependencies:\n- name: sub\n  version: 0.2.0\n  condition: sub.enabled\n',
            "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.2.0\n",
            "values.yaml": "g: 1\nglobal:\n  gv: top\nsub:\n  s: fromparent\n",
            "charts/sub/values.yaml": "s: default\nown: 2\nglobal:\n  gv: subdefault\n  gs: subonly\n",
            "templates/x.yaml": '{{ .Files.Get "top.txt" }}|{{ .Files.Get "s.txt" }}',
            "charts/sub/templates/y.yaml": '{{ .Files.Get "top.txt" }}|{{ .Files.Get "s.txt" }}',
            "top.txt": "T",
            "charts/sub/s.txt": "S",
        },
        want={"c/charts/sub/templates/y.yaml": "|S", "c/templates/x.yaml": "T|"},
    ),
    # --- capabilities ------------------------------------------------------------------------------
    R(
        "capabilities",
        "kube version",
        {
            "templates/x.yaml": "{{ .Capabilities.KubeVersion }}|{{ .Capabilities.KubeVersion.Version }}|{{ .Capabilities.KubeVersion.Major }}|{{ .Capabilities.KubeVersion.Minor }}|{{ .Capabilities.KubeVersion.GitVersion }}|{{ .Capabilities.KubeVersion.String }}"
        },
        want={"c/templates/x.yaml": "v1.36.0|v1.36.0|1|36|v1.36.0|v1.36.0"},
    ),
    R(
        "capabilities",
        "kube version printf",
        {
            "templates/x.yaml": '{{ printf "%v" .Capabilities.KubeVersion }}|{{ printf "%+v" .Capabilities.KubeVersion }}|{{ printf "%T" .Capabilities.KubeVersion }}|{{ printf "%s" .Capabilities.KubeVersion }}'
        },
        want={
            "c/templates/x.yaml": "{v1.36.0 v1.36.0 1 36}|{Version:v1.36.0 normalizedVersion:v1.36.0 Major:1 Minor:36}|common.KubeVersion|{v1.36.0 v1.36.0 1 36}"
        },
    ),
    R(
        "capabilities",
        "kube version semver",
        {
            "templates/x.yaml": '{{ semverCompare ">=1.20-0" .Capabilities.KubeVersion.Version }}|{{ semverCompare "<1.20" .Capabilities.KubeVersion.GitVersion }}'
        },
        want={"c/templates/x.yaml": "true|false"},
    ),
    R(
        "capabilities",
        "kube version toYaml",
        {"templates/x.yaml": "{{ toYaml .Capabilities.KubeVersion }}"},
        want={"c/templates/x.yaml": 'Major: "1"\nMinor: "36"\nVersion: v1.36.0'},
    ),
    R(
        "capabilities",
        "kube version toJson",
        {"templates/x.yaml": "{{ toJson .Capabilities.KubeVersion }}"},
        want={"c/templates/x.yaml": '{"Version":"v1.36.0","Major":"1","Minor":"36"}'},
    ),
    R(
        "capabilities",
        "api versions has",
        {
            "templates/x.yaml": '{{ .Capabilities.APIVersions.Has "apps/v1" }}|{{ .Capabilities.APIVersions.Has "apps/v1/Deployment" }}|{{ .Capabilities.APIVersions.Has "monitoring.coreos.com/v1" }}|{{ .Capabilities.APIVersions.Has "v1" }}'
        },
        want={"c/templates/x.yaml": "true|false|false|true"},
    ),
    R(
        "capabilities",
        "api versions list",
        {
            "templates/x.yaml": '{{ range .Capabilities.APIVersions }}{{ . }},{{ end }}|{{ len .Capabilities.APIVersions }}|{{ printf "%T" .Capabilities.APIVersions }}'
        },
        want={
            "c/templates/x.yaml": "v1,admissionregistration.k8s.io/v1,admissionregistration.k8s.io/v1alpha1,admissionregistration.k8s.io/v1beta1,internal.apiserver.k8s.io/v1alpha1,apps/v1,apps/v1beta1,apps/v1beta2,authentication.k8s.io/v1,authentication.k8s.io/v1alpha1,authentication.k8s.io/v1beta1,authorization.k8s.io/v1,authorization.k8s.io/v1beta1,autoscaling/v1,autoscaling/v2,batch/v1,batch/v1beta1,certificates.k8s.io/v1,certificates.k8s.io/v1beta1,certificates.k8s.io/v1alpha1,coordination.k8s.io/v1alpha2,coordination.k8s.io/v1beta1,coordination.k8s.io/v1,discovery.k8s.io/v1,discovery.k8s.io/v1beta1,events.k8s.io/v1,events.k8s.io/v1beta1,extensions/v1beta1,flowcontrol.apiserver.k8s.io/v1,flowcontrol.apiserver.k8s.io/v1beta1,flowcontrol.apiserver.k8s.io/v1beta2,flowcontrol.apiserver.k8s.io/v1beta3,networking.k8s.io/v1,networking.k8s.io/v1beta1,node.k8s.io/v1,node.k8s.io/v1alpha1,node.k8s.io/v1beta1,policy/v1,policy/v1beta1,rbac.authorization.k8s.io/v1,rbac.authorization.k8s.io/v1beta1,rbac.authorization.k8s.io/v1alpha1,resource.k8s.io/v1,resource.k8s.io/v1beta2,resource.k8s.io/v1beta1,resource.k8s.io/v1alpha3,scheduling.k8s.io/v1alpha2,scheduling.k8s.io/v1beta1,scheduling.k8s.io/v1,storage.k8s.io/v1beta1,storage.k8s.io/v1,storage.k8s.io/v1alpha1,storagemigration.k8s.io/v1beta1,apiextensions.k8s.io/v1beta1,apiextensions.k8s.io/v1,|55|common.VersionSet"
        },
    ),
    R(
        "capabilities",
        "api versions print",
        {"templates/x.yaml": "{{ .Capabilities.APIVersions }}"},
        want={
            "c/templates/x.yaml": "[v1 admissionregistration.k8s.io/v1 admissionregistration.k8s.io/v1alpha1 admissionregistration.k8s.io/v1beta1 internal.apiserver.k8s.io/v1alpha1 apps/v1 apps/v1beta1 apps/v1beta2 authentication.k8s.io/v1 authentication.k8s.io/v1alpha1 authentication.k8s.io/v1beta1 authorization.k8s.io/v1 authorization.k8s.io/v1beta1 autoscaling/v1 autoscaling/v2 batch/v1 batch/v1beta1 certificates.k8s.io/v1 certificates.k8s.io/v1beta1 certificates.k8s.io/v1alpha1 coordination.k8s.io/v1alpha2 coordination.k8s.io/v1beta1 coordination.k8s.io/v1 discovery.k8s.io/v1 discovery.k8s.io/v1beta1 events.k8s.io/v1 events.k8s.io/v1beta1 extensions/v1beta1 flowcontrol.apiserver.k8s.io/v1 flowcontrol.apiserver.k8s.io/v1beta1 flowcontrol.apiserver.k8s.io/v1beta2 flowcontrol.apiserver.k8s.io/v1beta3 networking.k8s.io/v1 networking.k8s.io/v1beta1 node.k8s.io/v1 node.k8s.io/v1alpha1 node.k8s.io/v1beta1 policy/v1 policy/v1beta1 rbac.authorization.k8s.io/v1 rbac.authorization.k8s.io/v1beta1 rbac.authorization.k8s.io/v1alpha1 resource.k8s.io/v1 resource.k8s.io/v1beta2 resource.k8s.io/v1beta1 resource.k8s.io/v1alpha3 scheduling.k8s.io/v1alpha2 scheduling.k8s.io/v1beta1 scheduling.k8s.io/v1 storage.k8s.io/v1beta1 storage.k8s.io/v1 storage.k8s.io/v1alpha1 storagemigration.k8s.io/v1beta1 apiextensions.k8s.io/v1beta1 apiextensions.k8s.io/v1]"
        },
    ),
    R(
        "capabilities",
        "type",
        {"templates/x.yaml": '{{ printf "%T" .Capabilities }}|{{ printf "%T" .Capabilities.HelmVersion }}'},
        want={"c/templates/x.yaml": "*common.Capabilities|version.BuildInfo"},
    ),
    R(
        "capabilities",
        "helm version",
        {
            "templates/x.yaml": "{{ .Capabilities.HelmVersion }}|{{ .Capabilities.HelmVersion.Version }}|{{ .Capabilities.HelmVersion.GoVersion }}|{{ .Capabilities.HelmVersion.KubeClientVersion }}"
        },
        want={"c/templates/x.yaml": "{v4.2.3   go1.26.6 v1.36}|v4.2.3|go1.26.6|v1.36"},
        helm=False,
    ),
    R(
        "capabilities",
        "helm version toYaml",
        {"templates/x.yaml": "{{ toYaml .Capabilities.HelmVersion }}"},
        want={"c/templates/x.yaml": "go_version: go1.26.6\nkube_client_version: v1.36\nversion: v4.2.3"},
        helm=False,
    ),
    # --- objects -----------------------------------------------------------------------------------
    R(
        "objects",
        "chart fields",
        {
            "Chart.yaml": 'apiVersion: v2\nname: c\nversion: 0.1.0\nappVersion: "1.0"\ndescription: desc\nkeywords: [a, b]\nannotations:\n  x: y\nmaintainers:\n- name: m\n  email: e@x\ndependencies:\n- name: sub\n  version: 0.2.0\n  condition: sub.enabled\n',
            "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.2.0\n",
            "values.yaml": "g: 1\nglobal:\n  gv: top\nsub:\n  s: fromparent\n",
            "charts/sub/values.yaml": "s: default\nown: 2\nglobal:\n  gv: subdefault\n  gs: subonly\n",
            "templates/x.yaml": "{{ .Chart.Name }}|{{ .Chart.Version }}|{{ .Chart.AppVersion }}|{{ .Chart.Description }}|{{ .Chart.Keywords }}|{{ .Chart.Annotations }}|{{ .Chart.APIVersion }}|{{ .Chart.IsRoot }}|{{ .Chart.Type }}|{{ .Chart.Maintainers }}|{{ .Chart.Deprecated }}|{{ .Chart.KubeVersion }}|{{ .Chart.Home }}|{{ .Chart.Icon }}|{{ .Chart.Sources }}|{{ .Chart.Condition }}|{{ .Chart.Tags }}",
            "charts/sub/templates/y.yaml": "{{ .Chart.Name }}|{{ .Chart.IsRoot }}",
        },
        want={
            "c/charts/sub/templates/y.yaml": "sub|false",
            "c/templates/x.yaml": "c|0.1.0|1.0|desc|[a b]|map[x:true]|v2|true||[map[Email:e@x Name:m URL:]]|false||||[]||",
        },
    ),
    R(
        "objects",
        "chart dependencies",
        {
            "Chart.yaml": 'apiVersion: v2\nname: c\nversion: 0.1.0\nappVersion: "1.0"\ndescription: desc\nkeywords: [a, b]\nannotations:\n  x: y\nmaintainers:\n- name: m\n  email: e@x\ndependencies:\n- name: sub\n  version: 0.2.0\n  condition: sub.enabled\n',
            "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.2.0\n",
            "values.yaml": "g: 1\nglobal:\n  gv: top\nsub:\n  s: fromparent\n",
            "charts/sub/values.yaml": "s: default\nown: 2\nglobal:\n  gv: subdefault\n  gs: subonly\n",
            "templates/x.yaml": '{{ .Chart.Dependencies }}|{{ printf "%T" .Chart }}|{{ printf "%T" .Chart.Dependencies }}',
        },
        want={
            "c/templates/x.yaml": "[map[Alias: Condition:sub.enabled Enabled:true ImportValues:[] Name:sub Repository: Tags:[] Version:0.2.0]]|map[string]interface {}|[]interface {}"
        },
    ),
    R(
        "objects",
        "chart toYaml",
        {
            "Chart.yaml": 'apiVersion: v2\nname: c\nversion: 0.1.0\nappVersion: "1.0"\ndescription: desc\nkeywords: [a, b]\nannotations:\n  x: y\nmaintainers:\n- name: m\n  email: e@x\ndependencies:\n- name: sub\n  version: 0.2.0\n  condition: sub.enabled\n',
            "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.2.0\n",
            "values.yaml": "g: 1\nglobal:\n  gv: top\nsub:\n  s: fromparent\n",
            "charts/sub/values.yaml": "s: default\nown: 2\nglobal:\n  gv: subdefault\n  gs: subonly\n",
            "templates/x.yaml": "{{ toYaml .Chart }}",
        },
        want={
            "c/templates/x.yaml": 'APIVersion: v2\nAnnotations:\n  x: "true"\nAppVersion: "1.0"\nCondition: ""\nDependencies:\n- Alias: ""\n  Condition: sub.enabled\n  Enabled: true\n  ImportValues: []\n  Name: sub\n  Repository: ""\n  Tags: []\n  Version: 0.2.0\nDeprecated: false\nDescription: desc\nHome: ""\nIcon: ""\nIsRoot: true\nKeywords:\n- a\n- b\nKubeVersion: ""\nMaintainers:\n- Email: e@x\n  Name: m\n  URL: ""\nName: c\nSources: []\nTags: ""\nType: ""\nVersion: 0.1.0'
        },
    ),
    R(
        "objects",
        "chart toJson",
        {
            "Chart.yaml": 'apiVersion: v2\nname: c\nversion: 0.1.0\nappVersion: "1.0"\ndescription: desc\nkeywords: [a, b]\nannotations:\n  x: y\nmaintainers:\n- name: m\n  email: e@x\ndependencies:\n- name: sub\n  version: 0.2.0\n  condition: sub.enabled\n',
            "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.2.0\n",
            "values.yaml": "g: 1\nglobal:\n  gv: top\nsub:\n  s: fromparent\n",
            "charts/sub/values.yaml": "s: default\nown: 2\nglobal:\n  gv: subdefault\n  gs: subonly\n",
            "templates/x.yaml": "{{ toJson .Chart }}",
        },
        want={
            "c/templates/x.yaml": '{"APIVersion":"v2","Annotations":{"x":"true"},"AppVersion":"1.0","Condition":"","Dependencies":[{"Alias":"","Condition":"sub.enabled","Enabled":true,"ImportValues":[],"Name":"sub","Repository":"","Tags":[],"Version":"0.2.0"}],"Deprecated":false,"Description":"desc","Home":"","Icon":"","IsRoot":true,"Keywords":["a","b"],"KubeVersion":"","Maintainers":[{"Email":"e@x","Name":"m","URL":""}],"Name":"c","Sources":[],"Tags":"","Type":"","Version":"0.1.0"}'
        },
    ),
    R(
        "objects",
        "release",
        {
            "Chart.yaml": 'apiVersion: v2\nname: c\nversion: 0.1.0\nappVersion: "1.0"\ndescription: desc\nkeywords: [a, b]\nannotations:\n  x: y\nmaintainers:\n- name: m\n  email: e@x\ndependencies:\n- name: sub\n  version: 0.2.0\n  condition: sub.enabled\n',
            "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.2.0\n",
            "values.yaml": "g: 1\nglobal:\n  gv: top\nsub:\n  s: fromparent\n",
            "charts/sub/values.yaml": "s: default\nown: 2\nglobal:\n  gv: subdefault\n  gs: subonly\n",
            "templates/x.yaml": '{{ .Release.Name }}|{{ .Release.Namespace }}|{{ .Release.IsInstall }}|{{ .Release.IsUpgrade }}|{{ .Release.Revision }}|{{ .Release.Service }}|{{ printf "%T" .Release.Revision }}|{{ toJson .Release }}',
            "charts/sub/templates/y.yaml": "{{ .Release.Name }}",
        },
        want={
            "c/charts/sub/templates/y.yaml": "rel",
            "c/templates/x.yaml": 'rel|default|true|false|1|Helm|int|{"IsInstall":true,"IsUpgrade":false,"Name":"rel","Namespace":"default","Revision":1,"Service":"Helm"}',
        },
    ),
    R(
        "objects",
        "top level keys",
        {
            "Chart.yaml": 'apiVersion: v2\nname: c\nversion: 0.1.0\nappVersion: "1.0"\ndescription: desc\nkeywords: [a, b]\nannotations:\n  x: y\nmaintainers:\n- name: m\n  email: e@x\ndependencies:\n- name: sub\n  version: 0.2.0\n  condition: sub.enabled\n',
            "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.2.0\n",
            "values.yaml": "g: 1\nglobal:\n  gv: top\nsub:\n  s: fromparent\n",
            "charts/sub/values.yaml": "s: default\nown: 2\nglobal:\n  gv: subdefault\n  gs: subonly\n",
            "templates/x.yaml": "{{ keys . | sortAlpha }}",
            "charts/sub/templates/y.yaml": "{{ keys . | sortAlpha }}",
        },
        want={
            "c/charts/sub/templates/y.yaml": "[Capabilities Chart Files Release Subcharts Template Values]",
            "c/templates/x.yaml": "[Capabilities Chart Files Release Subcharts Template Values]",
        },
    ),
    R(
        "objects",
        "template name and base path",
        {
            "Chart.yaml": 'apiVersion: v2\nname: c\nversion: 0.1.0\nappVersion: "1.0"\ndescription: desc\nkeywords: [a, b]\nannotations:\n  x: y\nmaintainers:\n- name: m\n  email: e@x\ndependencies:\n- name: sub\n  version: 0.2.0\n  condition: sub.enabled\n',
            "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.2.0\n",
            "values.yaml": "g: 1\nglobal:\n  gv: top\nsub:\n  s: fromparent\n",
            "charts/sub/values.yaml": "s: default\nown: 2\nglobal:\n  gv: subdefault\n  gs: subonly\n",
            "templates/x.yaml": "{{ .Template.Name }}|{{ .Template.BasePath }}",
            "charts/sub/templates/y.yaml": "{{ .Template.Name }}|{{ .Template.BasePath }}",
        },
        want={
            "c/charts/sub/templates/y.yaml": "c/charts/sub/templates/y.yaml|c/charts/sub/templates",
            "c/templates/x.yaml": "c/templates/x.yaml|c/templates",
        },
    ),
    R(
        "objects",
        "subcharts",
        {
            "Chart.yaml": 'apiVersion: v2\nname: c\nversion: 0.1.0\nappVersion: "1.0"\ndescription: desc\nkeywords: [a, b]\nannotations:\n  x: y\nmaintainers:\n- name: m\n  email: e@x\ndependencies:\n- name: sub\n  version: 0.2.0\n  condition: sub.enabled\n',
            "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.2.0\n",
            "values.yaml": "g: 1\nglobal:\n  gv: top\nsub:\n  s: fromparent\n",
            "charts/sub/values.yaml": "s: default\nown: 2\nglobal:\n  gv: subdefault\n  gs: subonly\n",
            "templates/x.yaml": "{{ .Subcharts.sub.Values.s }}|{{ .Subcharts.sub.Chart.Name }}|{{ keys .Subcharts }}|{{ .Subcharts.sub.Template }}",
            "charts/sub/templates/y.yaml": "{{ .Subcharts }}",
        },
        want={
            "c/charts/sub/templates/y.yaml": "map[]",
            "c/templates/x.yaml": "fromparent|sub|[sub]|map[BasePath:c/charts/sub/templates Name:c/charts/sub/templates/y.yaml]",
        },
    ),
    R(
        "objects",
        "values type",
        {
            "Chart.yaml": 'apiVersion: v2\nname: c\nversion: 0.1.0\nappVersion: "1.0"\ndescription: desc\nkeywords: [a, b]\nannotations:\n  x: y\nmaintainers:\n- name: m\n  email: e@x\ndependencies:\n- name: sub\n  version: 0.2.0\n  condition: sub.enabled\n',
            "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.2.0\n",
            "values.yaml": "g: 1\nglobal:\n  gv: top\nsub:\n  s: fromparent\n",
            "charts/sub/values.yaml": "s: default\nown: 2\nglobal:\n  gv: subdefault\n  gs: subonly\n",
            "templates/x.yaml": '{{ printf "%T" .Values }}',
            "charts/sub/templates/y.yaml": '{{ printf "%T" .Values }}|{{ printf "%T" .Values.global }}',
        },
        want={
            "c/charts/sub/templates/y.yaml": "common.Values|map[string]interface {}",
            "c/templates/x.yaml": "common.Values",
        },
        known="value model: .Values is Helm's named map type common.Values",
    ),
    R(
        "objects",
        "release of an upgrade",
        {
            "templates/x.yaml": "{{ .Release.IsInstall }}|{{ .Release.IsUpgrade }}|{{ .Release.Revision }}|{{ typeOf .Release.Revision }}"
        },
        want={"c/templates/x.yaml": "false|true|3|int"},
        release={"revision": 3, "is_upgrade": True},
    ),
    # --- scoping -----------------------------------------------------------------------------------
    R(
        "scoping",
        "subchart values and globals",
        {
            "Chart.yaml": 'apiVersion: v2\nname: c\nversion: 0.1.0\nappVersion: "1.0"\ndescription: desc\nkeywords: [a, b]\nannotations:\n  x: y\nmaintainers:\n- name: m\n  email: e@x\ndependencies:\n- name: sub\n  version: 0.2.0\n  condition: sub.enabled\n',
            "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.2.0\n",
            "values.yaml": "g: 1\nglobal:\n  gv: top\nsub:\n  s: fromparent\n",
            "charts/sub/values.yaml": "s: default\nown: 2\nglobal:\n  gv: subdefault\n  gs: subonly\n",
            "templates/x.yaml": "{{ .Values.sub.s }}|{{ .Values.sub.own }}|{{ .Values.global.gv }}|{{ .Values.global.gs }}|{{ .Values.g }}",
            "charts/sub/templates/y.yaml": "{{ .Values.s }}|{{ .Values.own }}|{{ .Values.global.gv }}|{{ .Values.global.gs }}|{{ .Values.g }}",
        },
        want={
            "c/charts/sub/templates/y.yaml": "fromparent|2|top|subonly|",
            "c/templates/x.yaml": "fromparent|2|top||1",
        },
    ),
    R(
        "scoping",
        "user values",
        {
            "Chart.yaml": 'apiVersion: v2\nname: c\nversion: 0.1.0\nappVersion: "1.0"\ndescription: desc\nkeywords: [a, b]\nannotations:\n  x: y\nmaintainers:\n- name: m\n  email: e@x\ndependencies:\n- name: sub\n  version: 0.2.0\n  condition: sub.enabled\n',
            "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.2.0\n",
            "values.yaml": "g: 1\nglobal:\n  gv: top\nsub:\n  s: fromparent\n",
            "charts/sub/values.yaml": "s: default\nown: 2\nglobal:\n  gv: subdefault\n  gs: subonly\n",
            "templates/x.yaml": "{{ .Values.sub.s }}",
            "charts/sub/templates/y.yaml": "{{ .Values.s }}|{{ .Values.global.gv }}|{{ .Values.global.new }}",
        },
        values={"sub": {"s": "user"}, "global": {"new": "n"}},
        want={"c/charts/sub/templates/y.yaml": "user|top|n", "c/templates/x.yaml": "user"},
    ),
    R(
        "scoping",
        "disabled subchart",
        {
            "Chart.yaml": 'apiVersion: v2\nname: c\nversion: 0.1.0\nappVersion: "1.0"\ndescription: desc\nkeywords: [a, b]\nannotations:\n  x: y\nmaintainers:\n- name: m\n  email: e@x\ndependencies:\n- name: sub\n  version: 0.2.0\n  condition: sub.enabled\n',
            "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.2.0\n",
            "values.yaml": "g: 1\nglobal:\n  gv: top\nsub:\n  s: fromparent\n",
            "charts/sub/values.yaml": "s: default\nown: 2\nglobal:\n  gv: subdefault\n  gs: subonly\n",
            "templates/x.yaml": "x",
            "charts/sub/templates/y.yaml": "y",
        },
        values={"sub": {"enabled": False}},
        want={"c/templates/x.yaml": "x"},
    ),
    R(
        "scoping",
        "alias",
        {
            "Chart.yaml": "apiVersion: v2\nname: c\nversion: 0.1.0\ndependencies:\n- name: s\n  version: 0.1.0\n  alias: al\n",
            "charts/s/Chart.yaml": "apiVersion: v2\nname: s\nversion: 0.1.0\n",
            "charts/s/templates/y.yaml": "{{ .Chart.Name }}|{{ .Values.v }}|{{ .Template.Name }}",
            "templates/x.yaml": "{{ keys .Subcharts }}",
            "values.yaml": "al:\n  v: aliased\n",
        },
        want={
            "c/charts/al/templates/y.yaml": "al|aliased|c/charts/al/templates/y.yaml",
            "c/templates/x.yaml": "[al]",
        },
    ),
    R(
        "scoping",
        "nested subchart",
        {
            "Chart.yaml": "apiVersion: v2\nname: c\nversion: 0.1.0\n",
            "templates/x.yaml": "{{ .Values.s.t.v }}",
            "charts/s/Chart.yaml": "apiVersion: v2\nname: s\nversion: 0.1.0\n",
            "charts/s/templates/y.yaml": "{{ .Values.t.v }}|{{ .Template.BasePath }}",
            "charts/s/charts/t/Chart.yaml": "apiVersion: v2\nname: t\nversion: 0.1.0\n",
            "charts/s/charts/t/templates/z.yaml": "{{ .Values.v }}|{{ .Template.Name }}|{{ .Chart.IsRoot }}|{{ .Values.global.g }}",
            "charts/s/charts/t/values.yaml": "v: tv\n",
            "values.yaml": "global:\n  g: G\n",
        },
        want={
            "c/charts/s/charts/t/templates/z.yaml": "tv|c/charts/s/charts/t/templates/z.yaml|false|G",
            "c/charts/s/templates/y.yaml": "tv|c/charts/s/templates",
            "c/templates/x.yaml": "tv",
        },
    ),
    R(
        "scoping",
        "subchart without values",
        {
            "Chart.yaml": "apiVersion: v2\nname: c\nversion: 0.1.0\n",
            "charts/s/Chart.yaml": "apiVersion: v2\nname: s\nversion: 0.1.0\n",
            "charts/s/templates/y.yaml": "{{ .Values }}|{{ .Values.x }}",
        },
        want={"c/charts/s/templates/y.yaml": "map[global:map[]]|"},
    ),
    R(
        "scoping",
        "mutation is shared in render order",
        {
            "Chart.yaml": "apiVersion: v2\nname: c\nversion: 0.1.0\n",
            "templates/a.yaml": '{{ $_ := set .Values "x" "fromA" }}a={{ .Values.x }}',
            "templates/b.yaml": "b={{ .Values.x }}",
            "templates/sub/c.yaml": '{{ $_ := set .Values "x" "fromC" }}c={{ .Values.x }}',
        },
        want={
            "c/templates/a.yaml": "a=fromA",
            "c/templates/b.yaml": "b=fromC",
            "c/templates/sub/c.yaml": "c=fromC",
        },
    ),
    R(
        "scoping",
        "subchart mutation seen by parent",
        {
            "Chart.yaml": "apiVersion: v2\nname: c\nversion: 0.1.0\n",
            "templates/a.yaml": "a={{ .Values.s.y }}|{{ .Values.global.y }}",
            "charts/s/Chart.yaml": "apiVersion: v2\nname: s\nversion: 0.1.0\n",
            "charts/s/templates/y.yaml": '{{ $_ := set .Values "y" "fromSub" }}{{ $_ := set .Values.global "y" "g" }}',
            "values.yaml": "s:\n  z: 1\nglobal:\n  z: 1\n",
        },
        want={"c/charts/s/templates/y.yaml": "", "c/templates/a.yaml": "a=fromSub|"},
    ),
    # --- library -----------------------------------------------------------------------------------
    R(
        "library",
        "partials only",
        {
            "templates/x.yaml": '{{ include "lib.hello" . }}',
            "charts/lib/Chart.yaml": "apiVersion: v2\nname: lib\nversion: 0.1.0\ntype: library\n",
            "charts/lib/templates/_h.tpl": '{{ define "lib.hello" }}hello {{ .Chart.Name }} {{ .Values.v }}{{ end }}',
            "charts/lib/templates/cm.yaml": "kind: ShouldNotRender",
            "charts/lib/templates/NOTES.txt": "libnotes",
            "values.yaml": "v: top\n",
        },
        want={"c/templates/x.yaml": "hello c top"},
    ),
    R(
        "library",
        "defines in non-partial ignored",
        {
            "templates/x.yaml": '[{{ include "lib.x" . }}]',
            "charts/lib/Chart.yaml": "apiVersion: v2\nname: lib\nversion: 0.1.0\ntype: library\n",
            "charts/lib/templates/cm.yaml": '{{ define "lib.x" }}X{{ end }}',
        },
        err='c/templates/x.yaml:1:4\n  executing "c/templates/x.yaml" at <include "lib.x" .>:\n    error calling include:\ntemplate: no template "lib.x" associated with template "gotpl"',
    ),
    # --- order -------------------------------------------------------------------------------------
    R(
        "order",
        "parent define wins",
        {
            "templates/x.yaml": '{{ include "d" . }}',
            "templates/_a.tpl": '{{ define "d" }}parent{{ end }}',
            "charts/s/Chart.yaml": "apiVersion: v2\nname: s\nversion: 0.1.0\n",
            "charts/s/templates/_a.tpl": '{{ define "d" }}sub{{ end }}',
            "charts/s/templates/y.yaml": '{{ include "d" . }}',
        },
        want={"c/charts/s/templates/y.yaml": "parent", "c/templates/x.yaml": "parent"},
    ),
    R(
        "order",
        "same directory first name wins",
        {
            "templates/x.yaml": '{{ include "d" . }}',
            "templates/_a.tpl": '{{ define "d" }}a{{ end }}',
            "templates/_b.tpl": '{{ define "d" }}b{{ end }}',
        },
        want={"c/templates/x.yaml": "a"},
    ),
    R(
        "order",
        "template file defines",
        {
            "templates/x.yaml": '{{ define "d" }}x{{ end }}{{ include "d" . }}',
            "templates/_a.tpl": '{{ define "d" }}a{{ end }}',
            "templates/z.yaml": '{{ include "d" . }}',
        },
        want={"c/templates/x.yaml": "a", "c/templates/z.yaml": "a"},
    ),
    R(
        "order",
        "empty define does not replace",
        {
            "templates/x.yaml": '{{ include "d" . }}',
            "templates/_a.tpl": '{{ define "d" }}a{{ end }}',
            "templates/_b.tpl": '{{ define "d" }}{{ end }}',
        },
        want={"c/templates/x.yaml": "a"},
    ),
    R(
        "order",
        "deeper path parsed first",
        {
            "templates/x.yaml": '{{ include "d" . }}',
            "templates/sub/_a.tpl": '{{ define "d" }}deep{{ end }}',
            "templates/_z.tpl": '{{ define "d" }}shallow{{ end }}',
        },
        want={"c/templates/x.yaml": "shallow"},
    ),
    R(
        "order",
        "file names are templates",
        {
            "templates/x.yaml": '{{ template "c/templates/y.yaml" . }}|{{ include "c/charts/s/templates/y.yaml" . }}',
            "templates/y.yaml": "Y{{ .Template.Name }}",
            "charts/s/Chart.yaml": "apiVersion: v2\nname: s\nversion: 0.1.0\n",
            "charts/s/templates/y.yaml": "S{{ .Chart.Name }}",
        },
        want={
            "c/charts/s/templates/y.yaml": "Ss",
            "c/templates/x.yaml": "Yc/templates/x.yaml|Sc",
            "c/templates/y.yaml": "Yc/templates/y.yaml",
        },
    ),
    R(
        "order",
        "notes and empty templates",
        {
            "templates/NOTES.txt": "notes {{ .Release.Name }}",
            "charts/s/Chart.yaml": "apiVersion: v2\nname: s\nversion: 0.1.0\n",
            "charts/s/templates/NOTES.txt": "subnotes",
            "templates/empty.yaml": "",
            "templates/ws.yaml": "  \n",
            "templates/a.txt": "txt",
            "templates/_c.yaml": "partial",
        },
        want={
            "c/charts/s/templates/NOTES.txt": "subnotes",
            "c/templates/NOTES.txt": "notes rel",
            "c/templates/a.txt": "txt",
            "c/templates/empty.yaml": "",
            "c/templates/ws.yaml": "  \n",
        },
    ),
    # --- yaml --------------------------------------------------------------------------------------
    R(
        "yaml",
        "toYaml",
        {"templates/x.yaml": "{{ toYaml .Values.m }}"},
        values={
            "m": {
                "b": 1.0,
                "a": [1.0, "x", None, True, 1.5, {"z": "q"}],
                "s": "multi\nline",
                "e": {},
                "l": [],
                "n": None,
                "big": 1000000.0,
                "neg0": -0.0,
                "str": "yes",
                "num": "123",
                "html": "<a&b>",
            }
        },
        want={
            "c/templates/x.yaml": 'a:\n- 1\n- x\n- null\n- true\n- 1.5\n- z: q\nb: 1\nbig: 1000000\ne: {}\nhtml: <a&b>\nl: []\n"n": null\nneg0: 0\nnum: "123"\ns: |-\n  multi\n  line\nstr: "yes"'
        },
    ),
    R(
        "yaml",
        "toYaml scalars",
        {
            "templates/x.yaml": '{{ toYaml 1 }}|{{ toYaml "s" }}|{{ toYaml nil }}|{{ toYaml list }}|{{ toYaml dict }}|{{ toYaml true }}|{{ toYaml 1.5 }}|{{ toYaml "" }}'
        },
        want={"c/templates/x.yaml": '1|s|null|[]|{}|true|1.5|""'},
    ),
    R(
        "yaml",
        "toYaml nindent",
        {"templates/x.yaml": "x:\n{{ toYaml .Values.m | nindent 2 }}"},
        values={"m": {"a": {"b": [1.0, 2.0]}}},
        want={"c/templates/x.yaml": "x:\n\n  a:\n    b:\n    - 1\n    - 2"},
    ),
    R(
        "yaml",
        "toYamlPretty",
        {
            "templates/x.yaml": '{{ toYamlPretty (list 1 (list 2 3) (dict "a" (list 4))) }}|{{ toYamlPretty .Values.m }}'
        },
        values={"m": {"a": [{"b": 1.0}], "s": "x"}},
        want={"c/templates/x.yaml": "- 1\n- - 2\n  - 3\n- a:\n    - 4|a:\n  - b: 1\ns: x"},
    ),
    R(
        "yaml",
        "fromYaml",
        {
            "templates/x.yaml": '{{ $m := fromYaml "a: 1\\nb: [x, 2]\\nc: yes\\nd: 1e3" }}{{ $m.a }}|{{ $m.b }}|{{ $m.c }}|{{ $m.d }}|{{ typeOf $m.a }}'
        },
        want={"c/templates/x.yaml": "1|[x 2]|true|1000|float64"},
    ),
    R(
        "yaml",
        "fromYaml errors",
        {
            "templates/x.yaml": '{{ fromYaml "a: [" }}|{{ fromYaml "- 1\\n- 2" }}|{{ fromYaml "hello" }}|{{ fromYaml "a: 1\\na: 2" }}'
        },
        want={
            "c/templates/x.yaml": "map[Error:error converting YAML to JSON: yaml: line 1: did not find expected node content]|map[Error:error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}]|map[Error:error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type map[string]interface {}]|map[a:2]"
        },
    ),
    R(
        "yaml",
        "fromYaml empty and multi-doc",
        {"templates/x.yaml": '{{ fromYaml "" }}|{{ fromYaml "~" }}|{{ fromYaml "a: 1\\n---\\nb: 2" }}'},
        want={"c/templates/x.yaml": "map[]|map[]|map[a:1]"},
    ),
    R(
        "yaml",
        "fromYamlArray",
        {
            "templates/x.yaml": '{{ fromYamlArray "- 1\\n- a" }}|{{ fromYamlArray "a: 1" }}|{{ fromYamlArray "[" }}|{{ fromYamlArray "" }}'
        },
        want={
            "c/templates/x.yaml": "[1 a]|[error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}]|[error converting YAML to JSON: yaml: line 1: did not find expected node content]|[]"
        },
    ),
    # --- json --------------------------------------------------------------------------------------
    R(
        "json",
        "toJson",
        {"templates/x.yaml": "{{ toJson .Values.m }}|{{ mustToJson .Values.m }}|{{ toRawJson .Values.m }}"},
        values={"m": {"b": 1.0, "a": [1.0, None, True, 1.5e-07], "html": "<a&b>", "e": {}}},
        want={
            "c/templates/x.yaml": '{"a":[1,null,true,1.5e-7],"b":1,"e":{},"html":"\\u003ca\\u0026b\\u003e"}|{"a":[1,null,true,1.5e-7],"b":1,"e":{},"html":"\\u003ca\\u0026b\\u003e"}|{"a":[1,null,true,1.5e-7],"b":1,"e":{},"html":"<a&b>"}'
        },
    ),
    R(
        "json",
        "toJson scalars",
        {
            "templates/x.yaml": '{{ toJson 1 }}|{{ toJson "s<" }}|{{ toJson nil }}|{{ toJson 1.0 }}|{{ toJson (list) }}|{{ toJson .Values.x }}'
        },
        want={"c/templates/x.yaml": '1|"s\\u003c"|null|1|[]|null'},
    ),
    R(
        "json",
        "toPrettyJson",
        {"templates/x.yaml": "{{ toPrettyJson .Values.m }}"},
        values={"m": {"b": 1.0, "a": [1.0, {"c": []}]}},
        want={"c/templates/x.yaml": '{\n  "a": [\n    1,\n    {\n      "c": []\n    }\n  ],\n  "b": 1\n}'},
    ),
    R(
        "json",
        "fromJson",
        {
            "templates/x.yaml": '{{ $m := fromJson "{\\"a\\": 1, \\"b\\": [true]}" }}{{ $m.a }}|{{ $m.b }}|{{ typeOf $m.a }}'
        },
        want={"c/templates/x.yaml": "1|[true]|float64"},
    ),
    R(
        "json",
        "fromJson errors",
        {
            "templates/x.yaml": '{{ fromJson "{" }}|{{ fromJson "[1]" }}|{{ fromJson "1" }}|{{ fromJson "" }}|{{ fromJson "null" }}|{{ fromJson "{} x" }}'
        },
        want={
            "c/templates/x.yaml": "map[Error:unexpected end of JSON input]|map[Error:json: cannot unmarshal array into Go value of type map[string]interface {}]|map[Error:json: cannot unmarshal number into Go value of type map[string]interface {}]|map[Error:unexpected end of JSON input]|map[]|map[Error:invalid character 'x' after top-level value]"
        },
    ),
    R(
        "json",
        "fromJsonArray",
        {
            "templates/x.yaml": '{{ fromJsonArray "[1, \\"a\\"]" }}|{{ fromJsonArray "{}" }}|{{ fromJsonArray "[" }}|{{ fromJsonArray "null" }}'
        },
        want={
            "c/templates/x.yaml": "[1 a]|[json: cannot unmarshal object into Go value of type []interface {}]|[unexpected end of JSON input]|[]"
        },
    ),
    # --- toml --------------------------------------------------------------------------------------
    R(
        "toml",
        "toToml layout",
        {"templates/x.yaml": "{{ toToml .Values.m }}"},
        values={
            "m": {
                "a": 1.0,
                "b": "x",
                "s": {"k": [1.0, 2.0], "deep": {"x": "y", "z": {"q": 1.0}}},
                "arr": [{"x": 1.0}, {"x": 2.0, "t": {"u": 1.0}}],
                "f": 1.5,
                "big": 1e21,
                "small": 1e-07,
                "key with space": 1.0,
                "uni": "é\x01",
                "bl": True,
                "mixed": [1.0, "a"],
                "nested": [[1.0, 2.0], ["a"]],
                "emptyl": [],
                "emptym": {},
            }
        },
        want={
            "c/templates/x.yaml": 'a = 1.0\nb = "x"\nbig = 1e+21\nbl = true\nemptyl = []\nf = 1.5\n"key with space" = 1.0\nmixed = [1.0, "a"]\nnested = [[1.0, 2.0], ["a"]]\nsmall = 1e-07\nuni = "é\\u0001"\n\n[[arr]]\n  x = 1.0\n\n[[arr]]\n  x = 2.0\n  [arr.t]\n    u = 1.0\n\n[emptym]\n\n[s]\n  k = [1.0, 2.0]\n  [s.deep]\n    x = "y"\n    [s.deep.z]\n      q = 1.0\n'
        },
    ),
    R(
        "toml",
        "toToml template ints",
        {"templates/x.yaml": '{{ toToml (dict "a" 1 "b" (list 1 2) "c" (dict "d" 3) "n" nil) }}'},
        want={"c/templates/x.yaml": "a = 1\nb = [1, 2]\n\n[c]\n  d = 3\n"},
    ),
    R(
        "toml",
        "toToml nil element",
        {"templates/x.yaml": '{{ toToml (dict "a" (list nil 1)) }}'},
        want={"c/templates/x.yaml": "toml: cannot encode array with nil element"},
    ),
    R(
        "toml",
        "toToml non-documents",
        {
            "templates/x.yaml": '[{{ toToml "s" }}]|[{{ toToml (list 1 2) }}]|[{{ toToml 1.5 }}]|[{{ toToml (list (dict "a" 1)) }}]'
        },
        want={
            "c/templates/x.yaml": '["s"]|[[1, 2]]|[1.5]|[toml: top-level values must be Go maps or structs]'
        },
    ),
    R(
        "toml",
        "toToml nil fails",
        {"templates/x.yaml": "{{ toToml nil }}"},
        err='template: c/templates/x.yaml:1:3: executing "c/templates/x.yaml" at <toToml nil>: error calling toToml: reflect: call of reflect.Value.Type on zero Value',
    ),
    R(
        "toml",
        "mustToToml error",
        {"templates/x.yaml": '{{ mustToToml (dict "a" (list nil)) }}'},
        err='template: c/templates/x.yaml:1:3: executing "c/templates/x.yaml" at <mustToToml (dict "a" (list nil))>: error calling mustToToml: toml: cannot encode array with nil element',
    ),
    R(
        "toml",
        "toToml bytes and quoting",
        {
            "templates/x.yaml": '{{ toToml (dict "b" (.Files.GetBytes "f") "a b" "x\\u001ay\\u007f" "" 1 "é" "\\"q\\\\") }}',
            "f": "hi",
        },
        want={"c/templates/x.yaml": '"" = 1\n"a b" = "x\\u001ay\\u007f"\nb = [104, 105]\n"é" = "\\"q\\\\"\n'},
    ),
    R(
        "toml",
        "toToml inline tables",
        {"templates/x.yaml": '{{ toToml (dict "a" (list 1 (dict "b" 2 "c" (dict "d" 3) "z" nil))) }}'},
        want={"c/templates/x.yaml": "a = [1, {b = 2, c = {d = 3}}]\n"},
    ),
    R(
        "toml",
        "toToml arrays of tables",
        {
            "templates/x.yaml": '{{ toToml (dict "a" (list (dict "b" (list (dict "c" 1) (dict "c" 2))))) }}|{{ toToml (dict "a.b" (dict "c d" (dict "e" 1))) }}'
        },
        want={
            "c/templates/x.yaml": '[[a]]\n\n  [[a.b]]\n    c = 1\n\n  [[a.b]]\n    c = 2\n|["a.b"]\n  ["a.b"."c d"]\n    e = 1\n'
        },
    ),
    R(
        "toml",
        "toToml floats",
        {"templates/x.yaml": '{{ toToml (dict "a" 1e6 "b" 123456.0 "c" 1234567.0 "d" 0.000012 "e" 100.5) }}'},
        want={"c/templates/x.yaml": "a = 1e+06\nb = 123456.0\nc = 1.234567e+06\nd = 1.2e-05\ne = 100.5\n"},
    ),
    R(
        "toml",
        "toToml time and duration",
        {
            "templates/x.yaml": '{{ toToml (dict "t" (toDate "2006-01-02" "2020-03-04") "d" (durationRound "1h")) }}'
        },
        want={"c/templates/x.yaml": 'd = "60m"\nt = 2020-03-04T00:00:00Z\n'},
    ),
    R(
        "toml",
        "fromToml",
        {
            "templates/x.yaml": '{{ $m := fromToml "a = 1\\nb = \\"x\\"\\n[t]\\nk = [1, 2]\\nf = 1.5\\nd = 1979-05-27T07:32:00Z" }}{{ $m.a }}|{{ typeOf $m.a }}|{{ $m.t.k }}|{{ $m.t.f }}|{{ $m.t.d }}|{{ typeOf $m.t.d }}'
        },
        want={"c/templates/x.yaml": "1|int64|[1 2]|1.5|1979-05-27 07:32:00 +0000 UTC|time.Time"},
    ),
    R(
        "toml",
        "fromToml local times",
        {
            "templates/x.yaml": '{{ $m := fromToml "a = 1979-05-27T07:32:00\\nb = 1979-05-27\\nc = 07:32:00.5\\nd = 1979-05-27T07:32:00-07:00" }}{{ $m.a }}|{{ $m.b }}|{{ $m.c }}|{{ $m.d }}|{{ $m | toToml }}'
        },
        want={
            "c/templates/x.yaml": "1979-05-27 07:32:00 +0000 datetime-local|1979-05-27 00:00:00 +0000 date-local|0000-01-01 07:32:00.5 +0000 time-local|1979-05-27 07:32:00 -0700 -0700|a = 1979-05-27T07:32:00\nb = 1979-05-27\nc = 07:32:00.5\nd = 1979-05-27T07:32:00-07:00\n"
        },
    ),
    R(
        "toml",
        "fromToml empty",
        {"templates/x.yaml": '{{ fromToml "" }}'},
        want={"c/templates/x.yaml": "map[]"},
    ),
    R(
        "toml",
        "fromToml error",
        {"templates/x.yaml": '{{ fromToml "a = 1\\nb = [1,\\nc" }}'},
        want={
            "c/templates/x.yaml": 'map[Error:toml: line 3 (last key "b"): expected value but found "c" instead]'
        },
        known="engine.toml: syntax errors are tomllib's words, not BurntSushi's lexer messages",
    ),
    R(
        "toml",
        "fromToml arrays of tables type",
        {"templates/x.yaml": '{{ typeOf (fromToml "[[x]]\\ny = 1").x }}'},
        want={"c/templates/x.yaml": "[]map[string]interface {}"},
        known="value model: BurntSushi decodes arrays of tables as []map[string]interface {}",
    ),
    R(
        "toml",
        "fromToml time toJson",
        {"templates/x.yaml": '{{ fromToml "c = 1979-05-27T07:32:00Z" | toJson }}'},
        want={"c/templates/x.yaml": '{"c":"1979-05-27T07:32:00Z"}'},
    ),
    # --- cluster -----------------------------------------------------------------------------------
    R(
        "cluster",
        "lookup is empty",
        {
            "templates/x.yaml": '{{ lookup "v1" "Secret" "ns" "name" }}|{{ typeOf (lookup "v1" "Secret" "ns" "name") }}|{{ (lookup "v1" "Secret" "ns" "").items }}|{{ len (lookup "v1" "Pod" "" "") }}|{{ (lookup "v1" "Secret" "ns" "n").data.x | default "none" }}'
        },
        err='c/templates/x.yaml:1:196\n  executing "c/templates/x.yaml" at <"n">:\n    nil pointer evaluating interface {}.x',
    ),
    R(
        "cluster",
        "getHostByName without DNS",
        {"templates/x.yaml": '[{{ getHostByName "localhost" }}]'},
        want={"c/templates/x.yaml": "[]"},
    ),
]
