#!/usr/bin/env bash
# egress-real-traffic.sh - compressed bytes out of the gateway per compressed RW 1.0 byte in, on
# traffic from a real Prometheus 2.42 with its DEFAULT remote-write queue config (no queue_config,
# no metadata_config: 500 samples a request, 5 s deadline, metadata every minute).
#
# Prometheus scrapes itself, VictoriaMetrics, vmagent and prometheus-node-exporter (all from
# PEERS_DIR) every SCRAPE_INTERVAL and remote-writes RW 1.0 to the gateway, which forwards to one
# `rw-loadtest sink --count-only` per backend:
#   default:  rw2 (metadata: full, max_delay MAX_DELAY), rw2_tu (metadata: type_and_unit),
#             rw1, rw2_2s (concurrency: 2)
#   FLEET=N:  Prometheus also scrapes the node-exporter N times as N relabelled targets
#             (instance="host-NN:9100", zone, env; about N x 510 series more), backends
#             rw2 (full, MAX_DELAY), rw2_tu (type_and_unit, MAX_DELAY), rw2_5s (full, 5 s window)
# After DURATION seconds the scrape jobs are removed (a config reload; 2.42 writes no staleness
# markers for a removed job) and Prometheus' queue drains, its counters are read, it is stopped,
# the gateway's last windows are awaited, and the gateway's /metrics give the table: backend,
# protocol, settings, requests out, bytes out, out / in, samples out, lost. Exit 1 when a sample
# is lost anywhere: Prometheus' sent (samples_total - failed) != the gateway's received, or a
# backend's accepted / sent / sink-received differ, or anything was dropped or failed.
#
# Env (defaults): DURATION=480 (s) SCRAPE_INTERVAL=15s MAX_DELAY=5s (batch.max_delay of the
# backends; in the FLEET variant not of rw2_5s) FLEET=0 PORT_BASE=31000 (ports PORT_BASE..+19;
# two runs at once need different bases) QUEUE_MAX_BYTES= (backends' queue.max_bytes; empty:
# the gateway's default, 64MiB) GW_HEAP=1g KEEP=0 (1: keep the temp dir) PEERS_DIR
# (../shared/peers) GW_JAR LT_JAR (gateway/target/rw-gateway.jar, loadtest/target/rw-loadtest.jar).
# Everything runs on 127.0.0.1, under `timeout`, and is stopped by PID on exit.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then sed -n '2,26p' "$0"; exit 0; fi
PEERS_DIR="${PEERS_DIR:-$ROOT/../shared/peers}"
DURATION="${DURATION:-480}"; SCRAPE_INTERVAL="${SCRAPE_INTERVAL:-15s}"; MAX_DELAY="${MAX_DELAY:-5s}"
FLEET="${FLEET:-0}"; PORT_BASE="${PORT_BASE:-31000}"; QUEUE_MAX_BYTES="${QUEUE_MAX_BYTES:-}"
GW_HEAP="${GW_HEAP:-1g}"; KEEP="${KEEP:-0}"
GW_JAR="${GW_JAR:-$ROOT/gateway/target/rw-gateway.jar}"; LT_JAR="${LT_JAR:-$ROOT/loadtest/target/rw-loadtest.jar}"
PY=/usr/bin/python3

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[ -x "$PEERS_DIR/start-node-exporter.sh" ] || die "no peers in $PEERS_DIR (set PEERS_DIR)"
for jar in "$GW_JAR" "$LT_JAR"; do [ -f "$jar" ] || die "$jar not built (mvn -B -q package -DskipTests -pl gateway,loadtest -am)"; done
command -v prometheus >/dev/null || die "prometheus not installed ($PEERS_DIR/install.sh)"
[[ "$FLEET" =~ ^[0-9]+$ ]] || die "FLEET must be a number"
[[ "$SCRAPE_INTERVAL" =~ ^[0-9]+s$ ]] || die "SCRAPE_INTERVAL must be whole seconds, e.g. 15s"
INTERVAL_S="${SCRAPE_INTERVAL%s}"

PROM_PORT=$PORT_BASE; GW_PORT=$((PORT_BASE + 1)); NE_PORT=$((PORT_BASE + 2))
VM_PORT=$((PORT_BASE + 3)); VMA_PORT=$((PORT_BASE + 4)); SINK_PORT0=$((PORT_BASE + 10))
WORK="$(mktemp -d /tmp/rw-egress-real.XXXXXX)"
PEER_MAX_SECONDS=$((DURATION + 900)); export PEER_MAX_SECONDS

if [ "$FLEET" -gt 0 ]; then
  BACKENDS=(rw2 rw2_tu rw2_5s)
else
  BACKENDS=(rw2 rw2_tu rw1 rw2_2s)
fi
backend_protocol() { case "$1" in rw1) echo rw1 ;; *) echo rw2 ;; esac; }
backend_settings() {
  local q=""; [ -n "$QUEUE_MAX_BYTES" ] && q=", queue.max_bytes $QUEUE_MAX_BYTES"
  case "$1" in
    rw2) echo "metadata: full, concurrency 1, max_delay $MAX_DELAY$q" ;;
    rw2_tu) echo "metadata: type_and_unit, max_delay $MAX_DELAY$q" ;;
    rw1) echo "defaults, max_delay $MAX_DELAY$q" ;;
    rw2_2s) echo "concurrency: 2, max_delay $MAX_DELAY$q" ;;
    rw2_5s) echo "metadata: full, max_delay 5s (default)$q" ;;
  esac
}

# --- processes we start (stopped by PID on exit) -------------------------------------------
PIDS=(); PIDFILES=(); PROM_PID=""
stop_pid() {  # TERM, wait up to 15 s, KILL
  local pid="$1"
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$? p
  [ -n "$PROM_PID" ] && stop_pid "$PROM_PID"
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && stop_pid "$p"; done
  for p in "${PIDFILES[@]:-}"; do [ -n "$p" ] && [ -f "$p" ] && "$PEERS_DIR/stop.sh" "$p" >/dev/null 2>&1 || true; done
  if [ "$KEEP" = 1 ] || [ "$rc" -ne 0 ]; then log "files kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_http() {  # wait_http URL PID
  for _ in $(seq 1 300); do
    curl -fsS -m 1 -o /dev/null "$1" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || die "pid $2 exited before $1 answered"
    sleep 0.2
  done
  die "$1 did not answer within 60 s"
}

# metric FILE NAME [LABEL=VALUE ...]: sum of the samples of NAME whose labels match (regex).
metric() {
  "$PY" - "$@" <<'PY'
import re, sys
path, name, filters = sys.argv[1], sys.argv[2], [f.split("=", 1) for f in sys.argv[3:]]
total = 0.0
for line in open(path):
    if line.startswith("#"):
        continue
    m = re.match(r'([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)', line)
    if not m or m.group(1) != name:
        continue
    labels = dict(re.findall(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"', m.group(3) or ""))
    if all(re.fullmatch(v, labels.get(k, "")) for k, v in filters):
        total += float(m.group(4))
print(int(total) if total == int(total) else total)
PY
}
scrape() { curl -fsS -m 5 "$1" >"$2"; }

# --- targets: node-exporter, VictoriaMetrics, vmagent (relaying to VictoriaMetrics) ----------
log "work dir $WORK; FLEET=$FLEET SCRAPE_INTERVAL=$SCRAPE_INTERVAL MAX_DELAY=$MAX_DELAY DURATION=${DURATION}s PORT_BASE=$PORT_BASE"
"$PEERS_DIR/start-node-exporter.sh" "$NE_PORT" "$WORK/ne" >"$WORK/start-ne.out" 2>&1 || { cat "$WORK/start-ne.out" >&2; die "node-exporter"; }
PIDFILES+=("$WORK/ne/node-exporter.pid")
"$PEERS_DIR/start-victoria-metrics.sh" "$VM_PORT" "$WORK/vm" >"$WORK/start-vm.out" 2>&1 || { cat "$WORK/start-vm.out" >&2; die "victoria-metrics"; }
PIDFILES+=("$WORK/vm/victoria-metrics.pid")
VMAGENT_DIR="$WORK/vmagent" "$PEERS_DIR/start-vmagent.sh" "$VMA_PORT" "http://127.0.0.1:$VM_PORT/api/v1/write" \
  >"$WORK/start-vmagent.out" 2>&1 || { cat "$WORK/start-vmagent.out" >&2; die "vmagent"; }
PIDFILES+=("$WORK/vmagent/vmagent.pid")

# --- sinks and gateway ---------------------------------------------------------------------
i=0
for b in "${BACKENDS[@]}"; do
  port=$((SINK_PORT0 + i)); i=$((i + 1))
  timeout -k 10 "$PEER_MAX_SECONDS" java -Xmx192m -XX:+UseSerialGC -jar "$LT_JAR" sink --count-only \
    --listen "127.0.0.1:$port" >"$WORK/sink-$b.log" 2>&1 &
  PIDS+=($!)
  wait_http "http://127.0.0.1:$port/-/healthy" $!
done
{
  echo "listen_address: 127.0.0.1:$GW_PORT"
  echo "stats_log_interval: 60s"
  echo "otlp: {grpc_listen_address: ''}"   # RW only: no OTLP/gRPC port to collide on
  echo "backends:"
  i=0
  for b in "${BACKENDS[@]}"; do
    port=$((SINK_PORT0 + i)); i=$((i + 1))
    delay="$MAX_DELAY"; [ "$b" = rw2_5s ] && delay=5s
    echo "  - name: $b"
    echo "    url: http://127.0.0.1:$port/api/v1/write"
    echo "    protocol: $(backend_protocol "$b")"
    echo "    batch: {max_delay: $delay}"
    [ "$b" = rw2_tu ] && echo "    metadata: type_and_unit"
    [ "$b" = rw2_2s ] && echo "    concurrency: 2"
    [ -n "$QUEUE_MAX_BYTES" ] && echo "    queue: {max_bytes: $QUEUE_MAX_BYTES}"
  done
} >"$WORK/gateway.yaml"
timeout -k 10 "$PEER_MAX_SECONDS" java "-Xmx$GW_HEAP" -jar "$GW_JAR" --config "$WORK/gateway.yaml" >"$WORK/gateway.log" 2>&1 &
GW_PID=$!; PIDS+=("$GW_PID")
wait_http "http://127.0.0.1:$GW_PORT/-/ready" "$GW_PID"

# --- Prometheus 2.42, default remote-write queue config ----------------------------------------
prom_config() {  # prom_config with|without scrape jobs
  local timeout_s=$INTERVAL_S; [ "$timeout_s" -gt 10 ] && timeout_s=10
  echo "global:"
  echo "  scrape_interval: $SCRAPE_INTERVAL"
  echo "  scrape_timeout: ${timeout_s}s"
  echo "  evaluation_interval: $SCRAPE_INTERVAL"
  if [ "$1" = without ]; then
    echo "scrape_configs: []"
  else
    echo "scrape_configs:"
    echo "  - job_name: prometheus"
    echo "    static_configs: [{targets: ['127.0.0.1:$PROM_PORT']}]"
    echo "  - job_name: victoria-metrics"
    echo "    static_configs: [{targets: ['127.0.0.1:$VM_PORT']}]"
    echo "  - job_name: vmagent"
    echo "    static_configs: [{targets: ['127.0.0.1:$VMA_PORT']}]"
    echo "  - job_name: node"
    echo "    static_configs: [{targets: ['127.0.0.1:$NE_PORT']}]"
    if [ "$FLEET" -gt 0 ]; then
      # One real node-exporter scraped as FLEET hosts: each target keeps its own address as
      # `instance` and is then pointed at the node-exporter, as service discovery + relabelling
      # would do for a fleet. Zones a, b, c; env prod for two thirds of the hosts.
      echo "  - job_name: node-fleet"
      echo "    static_configs:"
      for z in a b c; do
        echo "      - labels: {zone: eu-west-1$z}"
        echo "        targets:"
        for n in $(seq 1 "$FLEET"); do
          case $(( (n - 1) % 3 )) in 0) zz=a ;; 1) zz=b ;; *) zz=c ;; esac
          [ "$zz" = "$z" ] && printf "          - 'host-%03d:9100'\n" "$n"
        done
      done
      echo "    relabel_configs:"
      echo "      - source_labels: [__address__]"
      echo "        target_label: instance"
      echo "      - source_labels: [__address__]"
      echo "        regex: 'host-(\\d+):9100'"
      echo "        target_label: env"
      echo "        replacement: prod"
      echo "      - source_labels: [instance]"
      echo "        regex: 'host-\\d*[05]:9100'"
      echo "        target_label: env"
      echo "        replacement: staging"
      echo "      - target_label: __address__"
      echo "        replacement: '127.0.0.1:$NE_PORT'"
    fi
  fi
  echo "remote_write:"
  echo "  - url: 'http://127.0.0.1:$GW_PORT/api/v1/write'"
  echo "    name: gateway"
}
mkdir -p "$WORK/prometheus"
prom_config with >"$WORK/prometheus/prometheus.yml"
promtool check config "$WORK/prometheus/prometheus.yml" >"$WORK/promtool.out" 2>&1 || { cat "$WORK/promtool.out" >&2; die "bad Prometheus config"; }
timeout -k 10 "$PEER_MAX_SECONDS" prometheus --config.file="$WORK/prometheus/prometheus.yml" \
  --storage.tsdb.path="$WORK/prometheus/data" --storage.tsdb.retention.time=1d \
  --web.listen-address="127.0.0.1:$PROM_PORT" --web.enable-lifecycle --log.level=info \
  >"$WORK/prometheus.log" 2>&1 &
PROM_PID=$!
wait_http "http://127.0.0.1:$PROM_PORT/-/ready" "$PROM_PID"
PROM="http://127.0.0.1:$PROM_PORT"
log "running ${DURATION}s (Prometheus pid $PROM_PID, gateway pid $GW_PID)"

START=$SECONDS
while (( SECONDS - START < DURATION )); do
  sleep 30
  kill -0 "$PROM_PID" 2>/dev/null || die "Prometheus exited; see $WORK/prometheus.log"
  kill -0 "$GW_PID" 2>/dev/null || die "gateway exited; see $WORK/gateway.log"
  if scrape "$PROM/metrics" "$WORK/prom.metrics" 2>/dev/null; then
    log "t=$((SECONDS - START))s prometheus sent $(metric "$WORK/prom.metrics" prometheus_remote_storage_samples_total) samples, pending $(metric "$WORK/prom.metrics" prometheus_remote_storage_samples_pending), shards $(metric "$WORK/prom.metrics" prometheus_remote_storage_shards); load $(cut -d' ' -f1-3 /proc/loadavg)"
  fi
done

# --- stop scraping, let Prometheus' queue drain, read its counters, stop it ------------------
prom_config without >"$WORK/prometheus/prometheus.yml"
curl -fsS -m 10 -X POST "$PROM/-/reload" >/dev/null || die "Prometheus reload failed"
log "scrape jobs removed; waiting for Prometheus' queue to drain"
sleep 6
prev=-1; stable=0
for _ in $(seq 1 60); do
  scrape "$PROM/metrics" "$WORK/prom.metrics"
  now="$(metric "$WORK/prom.metrics" prometheus_remote_storage_samples_total)"
  pending="$(metric "$WORK/prom.metrics" prometheus_remote_storage_samples_pending)"
  if [ "$now" = "$prev" ] && [ "$pending" = 0 ]; then stable=$((stable + 1)); else stable=0; fi
  [ "$stable" -ge 2 ] && break
  prev="$now"; sleep 4
done
[ "$stable" -ge 2 ] || log "WARNING: Prometheus' queue did not settle (pending $pending)"
cp "$WORK/prom.metrics" "$WORK/prom-final.metrics"
stop_pid "$PROM_PID"; PROM_PID=""
P="$WORK/prom-final.metrics"
PROM_SAMPLES="$(metric "$P" prometheus_remote_storage_samples_total)"
PROM_FAILED="$(metric "$P" prometheus_remote_storage_samples_failed_total)"
PROM_RETRIED="$(metric "$P" prometheus_remote_storage_samples_retried_total)"
PROM_DROPPED="$(metric "$P" prometheus_remote_storage_samples_dropped_total)"
PROM_BYTES="$(metric "$P" prometheus_remote_storage_bytes_total)"
PROM_META_BYTES="$(metric "$P" prometheus_remote_storage_metadata_bytes_total)"
PROM_METADATA="$(metric "$P" prometheus_remote_storage_metadata_total)"
PROM_META_FAILED="$(metric "$P" prometheus_remote_storage_metadata_failed_total)"
PROM_SERIES="$(metric "$P" prometheus_tsdb_head_series)"
PROM_DELIVERED=$((PROM_SAMPLES - PROM_FAILED))

# --- wait for the gateway's last windows ------------------------------------------------------
log "Prometheus stopped; waiting for the gateway's last windows"
G="$WORK/gateway.metrics"
max_delay_s() { "$PY" -c 'import re,sys; m=re.fullmatch(r"(\d+)(ms|s|m)",sys.argv[1]); print(int(m.group(1))*{"ms":0.001,"s":1,"m":60}[m.group(2)])' "$1"; }
deadline=$((SECONDS + $(printf '%.0f' "$(max_delay_s "$MAX_DELAY")") + 60))
while :; do
  scrape "http://127.0.0.1:$GW_PORT/metrics" "$G"
  done_all=1
  for b in "${BACKENDS[@]}"; do
    acc="$(metric "$G" rw_gateway_accepted_samples_total backend="$b")"
    sent="$(metric "$G" rw_gateway_sent_samples_total backend="$b")"
    drop="$(metric "$G" rw_gateway_dropped_samples_total backend="$b")"
    q="$(metric "$G" rw_gateway_queue_samples backend="$b")"
    [ "$q" = 0 ] && [ "$acc" = $((sent + drop)) ] || done_all=0
  done
  [ "$done_all" = 1 ] && break
  (( SECONDS < deadline )) || { log "WARNING: the gateway still holds samples"; break; }
  sleep 2
done
sleep 1; scrape "http://127.0.0.1:$GW_PORT/metrics" "$G"

# --- the table --------------------------------------------------------------------------------
IN_BYTES="$(metric "$G" rw_gateway_received_bytes_total protocol=rw1)"
IN_REQ="$(metric "$G" rw_gateway_received_requests_total protocol=rw1)"
IN_REQ_OK="$(metric "$G" rw_gateway_received_requests_total protocol=rw1 code='2..')"
IN_SAMPLES="$(metric "$G" rw_gateway_received_samples_total protocol=rw1)"
IN_META="$(metric "$G" rw_gateway_received_metadata_total protocol=rw1)"
REJ_REQ="$(metric "$G" rw_gateway_rejected_requests_total)"
REJ_SAMPLES="$(metric "$G" rw_gateway_rejected_samples_total)"
status=0
fmt() { "$PY" -c 'import sys; print(f"{int(float(sys.argv[1])):,}")' "$1"; }
echo
echo "## egress-real-traffic: scrape $SCRAPE_INTERVAL, FLEET=$FLEET, MAX_DELAY=$MAX_DELAY, ${DURATION}s ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "Prometheus: $(fmt "$PROM_SERIES") head series at the end, sent $(fmt "$PROM_SAMPLES") samples in $(fmt "$PROM_BYTES") bytes (failed $PROM_FAILED, retried $PROM_RETRIED, dropped $PROM_DROPPED), $(fmt "$PROM_METADATA") metadata in $(fmt "$PROM_META_BYTES") bytes (failed $PROM_META_FAILED)."
echo "Gateway in: $(fmt "$IN_REQ") RW 1.0 requests ($(fmt "$IN_REQ_OK") 2xx), $(fmt "$IN_BYTES") bytes, $(fmt "$IN_SAMPLES") samples, $(fmt "$IN_META") metadata; rejected requests $REJ_REQ, rejected samples $REJ_SAMPLES."
echo
echo "| backend | protocol | settings | requests out | bytes out | out / in | samples out | lost |"
echo "|---|---|---|---:|---:|---:|---:|---:|"
i=0
for b in "${BACKENDS[@]}"; do
  port=$((SINK_PORT0 + i)); i=$((i + 1))
  req="$(metric "$G" rw_gateway_sent_requests_total backend="$b" code="2..")"
  bytes="$(metric "$G" rw_gateway_sent_bytes_total backend="$b" encoding=snappy)"
  sent="$(metric "$G" rw_gateway_sent_samples_total backend="$b")"
  acc="$(metric "$G" rw_gateway_accepted_samples_total backend="$b")"
  drop="$(metric "$G" rw_gateway_dropped_samples_total backend="$b")"
  failed_req="$(metric "$G" rw_gateway_sent_requests_total backend="$b" code='[^2].*')"
  curl -fsS -m 5 "http://127.0.0.1:$port/stats" >"$WORK/sink-$b.json"
  sink_points="$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"]["points"])' "$WORK/sink-$b.json")"
  ratio="$("$PY" -c 'import sys; print("%.3f" % (float(sys.argv[1]) / float(sys.argv[2])))' "$bytes" "$IN_BYTES")"
  lost=$((PROM_DELIVERED - sink_points))
  SAMPLE_RATIOS="${SAMPLE_RATIOS:-}${SAMPLE_RATIOS:+, }$b $("$PY" -c 'import sys; print("%.3f" % (float(sys.argv[1]) / max(1.0, float(sys.argv[2]))))' "$bytes" "$PROM_BYTES")"
  echo "| $b | $(backend_protocol "$b") | $(backend_settings "$b") | $(fmt "$req") | $(fmt "$bytes") | **$ratio** | $(fmt "$sink_points") | $lost |"
  if [ "$lost" != 0 ] || [ "$acc" != "$IN_SAMPLES" ] || [ "$sent" != "$acc" ] || [ "$sink_points" != "$sent" ] || [ "$drop" != 0 ] || [ "$failed_req" != 0 ]; then
    echo "  $b: LOSS: prometheus delivered $PROM_DELIVERED, gateway received $IN_SAMPLES, accepted $acc, sent $sent, dropped $drop, sink received $sink_points, non-2xx requests $failed_req" >&2
    status=1
  fi
done
echo
echo "out / Prometheus' sample bytes only (its metadata requests left out of the input): $SAMPLE_RATIOS"
if [ "$PROM_DELIVERED" != "$IN_SAMPLES" ] || [ "$PROM_FAILED" != 0 ] || [ "$REJ_SAMPLES" != 0 ]; then
  echo "LOSS: Prometheus delivered $PROM_DELIVERED samples (failed $PROM_FAILED), the gateway received $IN_SAMPLES (rejected $REJ_SAMPLES)" >&2
  status=1
fi
if [ "$status" = 0 ]; then
  echo "zero loss: Prometheus sent $(fmt "$PROM_DELIVERED") samples, the gateway received them all, every backend delivered them all to its sink"
else
  echo "SAMPLES LOST (see above)"
fi
exit "$status"
