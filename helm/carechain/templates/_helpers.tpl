{{/* A name under this release, within the 63 characters Kubernetes allows. */}}
{{- define "carechain.name" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "carechain.labels" -}}
app.kubernetes.io/name: carechain
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: carechain
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}

{{/* Selects one workload's pods. */}}
{{- define "carechain.selector" -}}
app.kubernetes.io/name: carechain
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .workload.name }}
{{- end -}}

{{/*
Every workload as a JSON list: one per service, and one ledger-writer per Fabric
organisation. Each has name (unique, used in resource names), service (the image and
program), port, replicas, resources, autoscaling, kms (mounts the keyring) and, for
ledger-writer, org. Ports and needs come from files/services.json, generated from
libs/contracts' service catalogue (npm run chart:services).
*/}}
{{- define "carechain.workloads" -}}
{{- $catalogue := (.Files.Get "files/services.json" | fromJson).services -}}
{{- $out := list -}}
{{- range $name, $svc := .Values.services -}}
{{- $entry := index $catalogue $name | required (printf "services.%s: not a service of files/services.json" $name) -}}
{{- $out = append $out (dict "name" $name "service" $name "port" (int $entry.port) "replicas" $svc.replicas "resources" $svc.resources "autoscaling" ($svc.autoscaling | default dict) "kms" (has "kms" $entry.needs)) -}}
{{- end -}}
{{- $writer := index $catalogue "ledger-writer" -}}
{{- range $org := .Values.fabric.organisations -}}
{{- $out = append $out (dict "name" (printf "ledger-writer-%s" $org.name) "service" "ledger-writer" "port" (int $writer.port) "replicas" 1 "resources" $.Values.ledgerWriter.resources "autoscaling" dict "kms" (has "kms" $writer.needs) "org" $org) -}}
{{- end -}}
{{- toJson $out -}}
{{- end -}}

{{- define "carechain.image" -}}
{{ .root.Values.image.repository }}/{{ .service }}:{{ .root.Values.image.tag }}
{{- end -}}

{{/* The container security context every carechain container runs with. */}}
{{- define "carechain.containerSecurityContext" -}}
runAsNonRoot: true
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
capabilities: { drop: [ALL] }
{{- end -}}

{{/* An egress rule to the peers of one dependency (networkPolicy.<key>), failing when none is named: a rule with no peers would admit every destination. */}}
{{- define "carechain.egressRule" -}}
{{- $dep := index .root.Values.networkPolicy .key -}}
{{- if not $dep.to -}}
{{- fail (printf "networkPolicy.%s.to must name at least one peer when networkPolicy.enabled is true (an empty list would admit every destination)" .key) -}}
{{- end -}}
- to: {{- toYaml $dep.to | nindent 4 }}
  ports:
  {{- range $dep.ports }}
    - { protocol: TCP, port: {{ . }} }
  {{- end }}
{{- end -}}

{{/* "true" when a workload is audit running the completeness monitor: fabric.monitor on and at least one organisation's peer to read. */}}
{{- define "carechain.readsPeers" -}}
{{- if and (eq .workload.service "audit") .root.Values.fabric.monitor (gt (len .root.Values.fabric.organisations) 0) -}}true{{- end -}}
{{- end -}}

{{/*
The completeness monitor's network description (libs/ledger/fabric's network file):
each organisation's peer and the identity audit reads it with, mounted at
/fabric/<organisation name>/ from the organisation's Secrets.
*/}}
{{- define "carechain.monitorNetwork" -}}
{{- $orgs := dict -}}
{{- range .Values.fabric.organisations -}}
{{- $dir := printf "/fabric/%s" .name -}}
{{- $_ := set $orgs (trimSuffix "MSP" .mspId) (dict "mspId" .mspId "peer" (dict "endpoint" .peerEndpoint "tlsCaCert" (printf "%s/tls-ca.pem" $dir) "hostOverride" (.peerHostOverride | default "")) "user" (dict "certPath" (printf "%s/cert.pem" $dir) "keyPath" (printf "%s/key.pem" $dir))) -}}
{{- end -}}
{{- toJson (dict "channel" .Values.fabric.channel "chaincode" .Values.fabric.chaincode "orgs" $orgs) -}}
{{- end -}}
