{{- define "golden.name" -}}{{ .Chart.Name }}{{- end -}}
