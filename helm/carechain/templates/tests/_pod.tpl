{{/*
A `helm test` pod running a Node script (the service image has Node, no shell tools)
against every workload's URL, given in TARGETS. Arguments: root, name, script, env.
*/}}
{{- define "carechain.testPod" -}}
{{- $root := .root -}}
{{- $targets := list -}}
{{- range $w := include "carechain.workloads" $root | fromJsonArray -}}
{{- $targets = append $targets (printf "http://%s:%v" (include "carechain.name" (dict "root" $root "name" $w.name)) $w.port) -}}
{{- end -}}
apiVersion: v1
kind: Pod
metadata:
  name: {{ include "carechain.name" (dict "root" $root "name" (printf "test-%s" .name)) }}
  labels:
    {{- include "carechain.labels" $root | nindent 4 }}
    app.kubernetes.io/component: test-{{ .name }}
  annotations:
    helm.sh/hook: test
    helm.sh/hook-delete-policy: before-hook-creation
spec:
  restartPolicy: Never
  serviceAccountName: {{ include "carechain.name" (dict "root" $root "name" "tests") }}
  automountServiceAccountToken: false
  securityContext: {{- toYaml $root.Values.podSecurityContext | nindent 4 }}
  containers:
    - name: {{ .name }}
      image: {{ include "carechain.image" (dict "root" $root "service" "identity") | quote }}
      imagePullPolicy: {{ $root.Values.image.pullPolicy }}
      command: [node, -e, {{ .script | quote }}]
      env:
        - { name: TARGETS, value: {{ join " " $targets | quote }} }
        {{- with .env }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      resources:
        requests: { cpu: 10m, memory: 64Mi }
        limits: { memory: 128Mi }
      securityContext: {{- include "carechain.containerSecurityContext" $root | nindent 8 }}
{{- end -}}
