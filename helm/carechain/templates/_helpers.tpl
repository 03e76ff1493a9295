{{- define "carechain.labels" -}}
app.kubernetes.io/part-of: carechain
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}
