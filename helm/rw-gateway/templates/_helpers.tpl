{{/*
Names and labels (Kubernetes' recommended app.kubernetes.io labels).
*/}}
{{- define "rw-gateway.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "rw-gateway.fullname" -}}
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

{{- define "rw-gateway.selectorLabels" -}}
app.kubernetes.io/name: {{ include "rw-gateway.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "rw-gateway.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "rw-gateway.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
The gateway's drain deadline on SIGTERM (Gateway.DRAIN_DEADLINE_MS, not configurable; a test keeps
this figure equal to the gateway's).
*/}}
{{- define "rw-gateway.drainDeadlineSeconds" -}}10{{- end }}

{{/* Where the config file is mounted, and the file the gateway is started with. */}}
{{- define "rw-gateway.configDir" -}}/etc/rw-gateway{{- end }}
{{/* Where credentialSecrets are mounted, one directory per Secret, one file per key. */}}
{{- define "rw-gateway.secretsDir" -}}/var/run/secrets/rw-gateway{{- end }}
{{- define "rw-gateway.configKey" -}}rw-gateway.yaml{{- end }}
{{- define "rw-gateway.configFile" -}}
{{- printf "%s/%s" (include "rw-gateway.configDir" .) (include "rw-gateway.configKey" .) }}
{{- end }}

{{/* The port of an address "host:port" ("[::]:9201" too), the gateway's own syntax. */}}
{{- define "rw-gateway.addressPort" -}}
{{- $parts := splitList ":" (toString .) }}
{{- last $parts }}
{{- end }}

{{/* The main port: config.listen_address, else the gateway's default 9201 (config Defaults). */}}
{{- define "rw-gateway.httpPort" -}}
{{- include "rw-gateway.addressPort" (default "0.0.0.0:9201" (.Values.config).listen_address) }}
{{- end }}

{{/* The OTLP/gRPC port: config.otlp.grpc_listen_address, else the gateway's default 4317. */}}
{{- define "rw-gateway.otlpGrpcPort" -}}
{{- $otlp := default dict (.Values.config).otlp }}
{{- include "rw-gateway.addressPort" (default "0.0.0.0:4317" $otlp.grpc_listen_address) }}
{{- end }}

{{/*
The config file's text: the values' `config`, as is, except that with `otlp.grpc.enabled` off the
gateway is told not to listen for OTLP/gRPC (`otlp.grpc_listen_address: ""`): a port nobody can
reach (not in the Service) should not be open in the pod either.
*/}}
{{- define "rw-gateway.configYaml" -}}
{{- $config := deepCopy (default dict .Values.config) }}
{{- if not .Values.otlp.grpc.enabled }}
{{- $otlp := deepCopy (default dict $config.otlp) }}
{{- $_ := set $otlp "grpc_listen_address" "" }}
{{- $_ := set $config "otlp" $otlp }}
{{- end }}
{{- toYaml $config }}
{{- end }}

{{/* The object holding the config: an existing Secret, the chart's Secret, or the chart's ConfigMap. */}}
{{- define "rw-gateway.configVolumeSource" -}}
{{- if .Values.configSecret.existingSecret }}
secret:
  secretName: {{ .Values.configSecret.existingSecret }}
  defaultMode: 0440
{{- else if .Values.configSecret.enabled }}
secret:
  secretName: {{ include "rw-gateway.fullname" . }}
  defaultMode: 0440
{{- else }}
configMap:
  name: {{ include "rw-gateway.fullname" . }}
{{- end }}
{{- end }}

{{- define "rw-gateway.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
Cross-field rules the schema cannot express; each fails the render with one line that says what to
change.
*/}}
{{- define "rw-gateway.validate" -}}
{{- $drain := int (include "rw-gateway.drainDeadlineSeconds" .) }}
{{- $needed := add .Values.preStopSleepSeconds $drain }}
{{- if le (int .Values.terminationGracePeriodSeconds) (int $needed) }}
{{- fail (printf "terminationGracePeriodSeconds (%d) must exceed preStopSleepSeconds (%d) + the gateway's drain deadline (%d s), e.g. %d" (int .Values.terminationGracePeriodSeconds) (int .Values.preStopSleepSeconds) $drain (add $needed 5)) }}
{{- end }}
{{- if and (not .Values.otlp.grpc.enabled) ((.Values.config).otlp).grpc_listen_address }}
{{- fail "config.otlp.grpc_listen_address is set but otlp.grpc.enabled is false: set otlp.grpc.enabled: true to expose OTLP/gRPC" }}
{{- end }}
{{- if and .Values.configSecret.existingSecret .Values.configSecret.enabled }}
{{- fail "configSecret: set either enabled (the chart renders config into a Secret) or existingSecret (your Secret), not both" }}
{{- end }}
{{- if eq .Values.mode "sidecar" }}
{{- range $key := list "autoscaling" "serviceMonitor" "networkPolicy" }}
{{- if (index $.Values $key).enabled }}
{{- fail (printf "%s.enabled applies to mode standalone only: in sidecar mode the gateway is a container of the Prometheus pod" $key) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}

{{/*
The gateway container: the same in the Deployment (standalone) and in the snippet NOTES.txt prints
for the Prometheus pod (sidecar). Port and volume names are prefixed so that they cannot clash
with the Prometheus pod's own (Prometheus, config-reloader, Thanos sidecar's `http`).
*/}}
{{- define "rw-gateway.container" -}}
name: rw-gateway
image: {{ include "rw-gateway.image" . | quote }}
imagePullPolicy: {{ .Values.image.pullPolicy }}
command:
  - java
  - "@/app/jvm.options"
  {{- if .Values.jvm.maxRAMPercentage }}
  - -XX:MaxRAMPercentage={{ .Values.jvm.maxRAMPercentage }}
  {{- end }}
  {{- range .Values.jvm.flags }}
  - {{ . | quote }}
  {{- end }}
  - -jar
  - /app/rw-gateway.jar
args:
  - --config
  - {{ include "rw-gateway.configFile" . }}
ports:
  - name: rwgw-http
    containerPort: {{ include "rw-gateway.httpPort" . }}
    protocol: TCP
  {{- if .Values.otlp.grpc.enabled }}
  - name: rwgw-otlp-grpc
    containerPort: {{ include "rw-gateway.otlpGrpcPort" . }}
    protocol: TCP
  {{- end }}
startupProbe:
  httpGet:
    path: /-/healthy
    port: rwgw-http
  {{- toYaml .Values.probes.startup | nindent 2 }}
livenessProbe:
  httpGet:
    path: /-/healthy
    port: rwgw-http
  {{- toYaml .Values.probes.liveness | nindent 2 }}
readinessProbe:
  httpGet:
    path: /-/ready
    port: rwgw-http
  {{- toYaml .Values.probes.readiness | nindent 2 }}
{{- if gt (int .Values.preStopSleepSeconds) 0 }}
lifecycle:
  preStop:
    exec:
      command: ["sleep", "{{ .Values.preStopSleepSeconds }}"]
{{- end }}
resources:
  {{- toYaml .Values.resources | nindent 2 }}
securityContext:
  {{- toYaml .Values.securityContext | nindent 2 }}
volumeMounts:
  - name: rw-gateway-config
    mountPath: {{ include "rw-gateway.configDir" . }}
    readOnly: true
  - name: rw-gateway-tmp
    mountPath: /tmp
  {{- if .Values.credentials }}
  - name: rw-gateway-credentials
    mountPath: /var/run/secrets/rw-gateway/values
    readOnly: true
  {{- end }}
  {{- range .Values.credentialSecrets }}
  - name: rw-gateway-cred-{{ . }}
    mountPath: {{ include "rw-gateway.secretsDir" $ }}/{{ . }}
    readOnly: true
  {{- end }}
  {{- with .Values.extraVolumeMounts }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- end }}

{{/* The volumes the container mounts. */}}
{{- define "rw-gateway.volumes" -}}
- name: rw-gateway-config
  {{- include "rw-gateway.configVolumeSource" . | trim | nindent 2 }}
- name: rw-gateway-tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpSizeLimit }}
{{- if .Values.credentials }}
- name: rw-gateway-credentials
  secret:
    secretName: {{ include "rw-gateway.fullname" . }}-credentials
    defaultMode: 0400
{{- end }}
{{- range .Values.credentialSecrets }}
- name: rw-gateway-cred-{{ . }}
  secret:
    secretName: {{ . }}
    defaultMode: 0400
{{- end }}
{{- with .Values.extraVolumes }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
Sidecar: the kube-prometheus-stack values that add the gateway to the Prometheus pod and point
Prometheus' remote_write at it (Prometheus Operator `spec.containers`, `spec.volumes`,
`spec.remoteWrite`).
*/}}
{{- define "rw-gateway.sidecarValues" -}}
prometheus:
  prometheusSpec:
    containers:
      - {{ include "rw-gateway.container" . | nindent 8 | trim }}
    volumes:
      {{- include "rw-gateway.volumes" . | nindent 6 }}
    remoteWrite:
      - url: http://localhost:{{ include "rw-gateway.httpPort" . }}/api/v1/write
{{- end }}
