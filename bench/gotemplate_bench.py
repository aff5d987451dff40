"""Benchmark of chartist's Go template engine on a realistic Helm chart (not collected by pytest).

Parses, compiles and executes a chart's worth of templates (helpers, a deployment, a service, a
config map, an ingress: the shapes ``helm create`` produces, with include/nindent/toYaml/default
and range/with/if) many times and prints templates per second for each stage.

    python bench/gotemplate_bench.py [--seconds 2] [--profile parse|execute]

The template functions are small stand-ins with Sprig's Go signatures, so the numbers measure
the engine, not Sprig.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import time
from collections.abc import Callable
from typing import Any

from chartist.gotemplate.compile import compile_tree
from chartist.gotemplate.template import Template
from chartist.gotemplate.values import INT, INTERFACE, STRING, FuncError, GoFunc

HELPERS = """{{/* Expand the name of the chart. */}}
{{- define "app.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "app.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "app.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "app.labels" -}}
helm.sh/chart: {{ include "app.chart" . }}
{{ include "app.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "app.selectorLabels" -}}
app.kubernetes.io/name: {{ include "app.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "app.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "app.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}
"""

DEPLOYMENT = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "app.fullname" . }}
  labels:
    {{- include "app.labels" . | nindent 4 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "app.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      {{- with .Values.podAnnotations }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      labels:
        {{- include "app.labels" . | nindent 8 }}
        {{- with .Values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      {{- with .Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      serviceAccountName: {{ include "app.serviceAccountName" . }}
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          ports:
            {{- range $name, $port := .Values.ports }}
            - name: {{ $name }}
              containerPort: {{ $port.containerPort }}
              protocol: {{ $port.protocol | default "TCP" }}
            {{- end }}
          env:
            {{- range $key, $value := .Values.env }}
            - name: {{ $key | upper | quote }}
              value: {{ $value | quote }}
            {{- end }}
          {{- with .Values.livenessProbe }}
          livenessProbe:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          {{- if and .Values.persistence.enabled (not .Values.persistence.existingClaim) }}
          volumeMounts:
            - name: data
              mountPath: {{ .Values.persistence.mountPath | default "/data" }}
          {{- end }}
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
"""

SERVICE = """apiVersion: v1
kind: Service
metadata:
  name: {{ include "app.fullname" . }}
  labels:
    {{- include "app.labels" . | nindent 4 }}
spec:
  type: {{ .Values.service.type }}
  ports:
    {{- range $i, $p := .Values.service.ports }}
    - port: {{ $p.port }}
      targetPort: {{ $p.targetPort | default $p.port }}
      protocol: TCP
      name: {{ $p.name | default (printf "port-%d" $i) }}
    {{- end }}
  selector:
    {{- include "app.selectorLabels" . | nindent 4 }}
"""

CONFIGMAP = """{{- if .Values.config }}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "app.fullname" . }}-config
  labels:
    {{- include "app.labels" . | nindent 4 }}
data:
  {{- range $k, $v := .Values.config }}
  {{ $k }}: {{ $v | toString | quote }}
  {{- end }}
  {{- if eq .Values.service.type "ClusterIP" }}
  mode: "internal"
  {{- else if eq .Values.service.type "NodePort" }}
  mode: "node"
  {{- else }}
  mode: "external"
  {{- end }}
{{- end }}
"""

INGRESS = """{{- if .Values.ingress.enabled -}}
{{- $fullName := include "app.fullname" . -}}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ $fullName }}
  labels:
    {{- include "app.labels" . | nindent 4 }}
  {{- with .Values.ingress.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- if .Values.ingress.tls }}
  tls:
    {{- range .Values.ingress.tls }}
    - hosts:
        {{- range .hosts }}
        - {{ . | quote }}
        {{- end }}
      secretName: {{ .secretName }}
    {{- end }}
  {{- end }}
  rules:
    {{- range .Values.ingress.hosts }}
    - host: {{ .host | quote }}
      http:
        paths:
          {{- range .paths }}
          - path: {{ .path }}
            pathType: {{ .pathType | default "Prefix" }}
            backend:
              service:
                name: {{ $fullName }}
                port:
                  number: {{ $.Values.service.port }}
          {{- end }}
    {{- end }}
{{- end }}
"""

FILES = {
    "app/templates/_helpers.tpl": HELPERS,
    "app/templates/deployment.yaml": DEPLOYMENT,
    "app/templates/service.yaml": SERVICE,
    "app/templates/configmap.yaml": CONFIGMAP,
    "app/templates/ingress.yaml": INGRESS,
}
RENDERED = [n for n in FILES if not n.split("/")[-1].startswith("_")]

VALUES: dict[str, Any] = {
    "replicaCount": 3.0,
    "image": {"repository": "nginx", "pullPolicy": "IfNotPresent", "tag": ""},
    "imagePullSecrets": [{"name": "regcred"}],
    "nameOverride": "",
    "fullnameOverride": "",
    "serviceAccount": {"create": True, "name": ""},
    "podAnnotations": {"prometheus.io/scrape": "true", "prometheus.io/port": "9090"},
    "podLabels": {},
    "ports": {"http": {"containerPort": 80.0}, "metrics": {"containerPort": 9090.0, "protocol": "TCP"}},
    "env": {"log_level": "info", "workers": "4", "region": "eu-west-1"},
    "livenessProbe": {"httpGet": {"path": "/", "port": "http"}},
    "resources": {
        "limits": {"cpu": "100m", "memory": "128Mi"},
        "requests": {"cpu": "100m", "memory": "128Mi"},
    },
    "persistence": {"enabled": True, "existingClaim": "", "mountPath": ""},
    "autoscaling": {"enabled": False},
    "nodeSelector": {"kubernetes.io/os": "linux"},
    "tolerations": [],
    "service": {
        "type": "ClusterIP",
        "port": 80.0,
        "ports": [{"port": 80.0, "name": "http"}, {"port": 9090.0, "targetPort": 9091.0}],
    },
    "config": {"a": "1", "b": 2.0, "c": True, "d": "text with spaces"},
    "ingress": {
        "enabled": True,
        "annotations": {"kubernetes.io/ingress.class": "nginx"},
        "hosts": [
            {"host": "a.example.com", "paths": [{"path": "/"}, {"path": "/api", "pathType": "Exact"}]},
            {"host": "b.example.com", "paths": [{"path": "/"}]},
        ],
        "tls": [{"secretName": "tls", "hosts": ["a.example.com", "b.example.com"]}],
    },
}


def _strval(v: Any) -> str:
    return v if isinstance(v, str) else json.dumps(v)


def _to_yaml(v: Any, indent: int = 0) -> str:
    """A tiny YAML writer, enough for the benchmark's values."""
    pad = " " * indent
    if isinstance(v, dict):
        if not v:
            return pad + "{}"
        lines = []
        for k in sorted(v):
            x = v[k]
            if isinstance(x, dict | list) and x:
                lines.append(f"{pad}{k}:\n{_to_yaml(x, indent + 2)}")
            else:
                lines.append(f"{pad}{k}: {_to_yaml(x).strip()}")
        return "\n".join(lines)
    if isinstance(v, list):
        if not v:
            return pad + "[]"
        return "\n".join(f"{pad}- {_to_yaml(x, indent + 2).strip()}" for x in v)
    return pad + _strval(v)


def _funcs(tmpl: list[Template]) -> dict[str, Any]:
    def include(name: str, data: Any) -> str:
        return tmpl[0].execute_template(name, data)

    def default(d: Any, *given: Any) -> Any:
        return given[0] if given and given[0] else d

    def required(msg: str, v: Any) -> Any:
        if v is None or v == "":
            raise FuncError(msg)
        return v

    def quote(*args: Any) -> str:
        return " ".join('"' + _strval(a).replace('"', '\\"') + '"' for a in args if a is not None)

    def nindent(n: int, s: str) -> str:
        pad = " " * n
        return "\n" + "\n".join(pad + line for line in s.split("\n"))

    return {
        "include": GoFunc(include, (STRING, INTERFACE), result=STRING, error=True),
        "default": GoFunc(default, (INTERFACE, INTERFACE), variadic=True),
        "required": GoFunc(required, (STRING, INTERFACE), error=True),
        "quote": GoFunc(quote, (INTERFACE,), variadic=True, result=STRING),
        "nindent": GoFunc(nindent, (INT, STRING), result=STRING),
        "toYaml": GoFunc(lambda v: _to_yaml(v), (INTERFACE,), result=STRING),
        "toString": GoFunc(_strval, (INTERFACE,), result=STRING),
        "trunc": GoFunc(lambda n, s: s[:n] if n >= 0 else s[n:], (INT, STRING), result=STRING),
        "trimSuffix": GoFunc(
            lambda a, s: s[: -len(a)] if a and s.endswith(a) else s, (STRING, STRING), result=STRING
        ),
        "contains": GoFunc(lambda sub, s: sub in s, (STRING, STRING), result="bool"),
        "replace": GoFunc(lambda old, new, s: s.replace(old, new), (STRING, STRING, STRING), result=STRING),
        "upper": GoFunc(lambda s: s.upper(), (STRING,), result=STRING),
    }


def build() -> Template:
    """Parse the chart into one template set, as Helm's engine does."""
    ref: list[Template] = []
    t = Template("app", options=("missingkey=zero",))
    ref.append(t)
    t.funcs(_funcs(ref))
    for name, text in FILES.items():
        t.new(name).parse(text)
    return t


DATA = {
    "Values": VALUES,
    "Chart": {"Name": "app", "Version": "1.2.3", "AppVersion": "1.16.0"},
    "Release": {"Name": "rel", "Namespace": "default", "Service": "Helm"},
}


def render(t: Template) -> dict[str, str]:
    return {n: t.execute_template(n, DATA).replace("<no value>", "") for n in RENDERED}


def _rate(fn: Callable[[], Any], seconds: float) -> tuple[float, int]:
    n = 0
    start = time.perf_counter()
    while True:
        fn()
        n += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return n / elapsed, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seconds", type=float, default=2.0)
    ap.add_argument("--profile", choices=("parse", "execute", "compile"))
    args = ap.parse_args()

    ntpl = len(FILES)
    t = build()
    out = render(t)
    assert "nginx" in out["app/templates/deployment.yaml"], out

    def parse_all() -> None:
        build()

    def compile_all() -> None:
        for tm in t.templates():
            assert tm.tree is not None
            compile_tree.__wrapped__(tm.tree) if hasattr(compile_tree, "__wrapped__") else _fresh_compile(tm)

    def execute_all() -> None:
        render(t)

    if args.profile:
        fn = {"parse": parse_all, "execute": execute_all, "compile": compile_all}[args.profile]
        prof = cProfile.Profile()
        prof.enable()
        _rate(fn, args.seconds)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
        return

    rate, _ = _rate(parse_all, args.seconds)
    print(f"parse:   {rate * ntpl:10.0f} templates/s  ({ntpl} files per chart, {rate:.1f} charts/s)")
    rate, _ = _rate(compile_all, args.seconds)
    ncomp = len(t.templates())
    print(f"compile: {rate * ncomp:10.0f} templates/s  ({ncomp} trees per chart)")
    rate, _ = _rate(execute_all, args.seconds)
    nexe = len(RENDERED)
    print(f"execute: {rate * nexe:10.0f} templates/s  ({nexe} rendered files per chart, {rate:.1f} charts/s)")
    size = sum(len(v) for v in out.values())
    print(f"         {rate * size / 1e6:10.2f} MB/s of output")


def _fresh_compile(tm: Template) -> None:
    from chartist.gotemplate.compile import _compile

    assert tm.tree is not None
    _compile(tm.tree)


if __name__ == "__main__":
    main()
