#!/usr/bin/env bash
# compare-vmagent.sh [--rss] - the gateway against vmagent 1.79.5 on one core, same job, at several
# series counts (100k, 200k and 1M by default: above the gateway's relabel cache and every window).
#
# Each peer is pinned to core $PEER_CPU (gateway: taskset + -XX:ActiveProcessorCount=1; vmagent:
# taskset + GOMAXPROCS=1) with the same memory budget, MEM_MIB (gateway: the shipped
# gateway/jvm.options with -XX:MaxRAM=MEM_MIB, as a container limit would set it; vmagent:
# -memory.allowedBytes). Each fans out to its OWN two `rw-loadtest sink --count-only` on core
# $LOAD_CPU, started fresh and warmed with SINK_WARM_SECONDS of the protocol that peer sends (RW 2.0
# for the gateway, RW 1.0 for vmagent), so neither peer meets a cold sink. Both apply the same 5
# global relabel rules (keep, drop, labeldrop, replace, hashmod) to RW 1.0 from
# `rw-loadtest run --replay` (also on $LOAD_CPU). For each series count, each peer in turn:
#   1. a closed-loop probe gives a first guess of its capacity;
#   2. a warm-up: WARM_SECONDS open loop at WARM_RATE_FACTOR x the guess (the first step's rate),
#      not judged: a fresh JVM is still compiling minutes in (C2 took 10-25% of the gateway's core
#      2 minutes after start, JFR jdk.CompilerStatistics), and a step must not measure the JIT;
#      vmagent gets the same warm-up, so both peers are searched the same way;
#   3. SEARCH_STEPS open-loop steps (bisection) find the highest rate that is sustainable:
#      no failed request, the sender held the rate, the peer's queue did not grow (below), and
#      both sinks received every sample within DRAIN_OK_SECONDS after the step;
#   4. MEASURE_SECONDS at that rate: samples/s, CPU s per million samples (/proc/PID/stat
#      utime+stime, the drain included), max VmRSS, bytes in/out, and how busy the load core was
#      (a row whose load core was >= LOAD_CORE_MAX % busy, or whose generator starved, is marked:
#      its max is the generator's, a lower bound of the peer's);
# then, with both peers still running (the idle one does nothing), each gets P99_WARM_SECONDS and
# then HALF_SECONDS at ONE common rate, half of the lower of the two maxes, in Prometheus-sized
# requests (LAT_SAMPLES_PER_REQUEST=500): p50/p99/p999 of the answer time at the same load for both.
#
# "The queue did not grow": the queue gauge (gateway: rw_gateway_queue_bytes, vmagent:
# vmagent_remotewrite_pending_data_bytes, summed over the two backends) is polled every
# STEP_POLL_SECONDS during a step. The gateway's gauge includes the window being accumulated (the
# estimate reserved at admission, decoded RW 1.0 bytes, about 240 B/sample), so at a steady rate it
# is a sawtooth: up by rate x max_delay of traffic while a window fills, down to what is in flight
# when it flushes (measured at 68k samples/s, 1 s windows: 36-47 MB peaks, 5-14 MB troughs summed
# over two backends, one flush every 1.05 s; at 130k the windows flush at their size bound, 32 MiB
# each: 56-67 MB peaks, 7-17 MB troughs). One instantaneous sample lands anywhere on it, so
# "end minus middle" passed or failed by chance, and a 1 s poll nearly in step with a 1.05-1.3 s
# window cycle turned it into a slow false ramp. A step passes when the LOWEST sample of the last
# third of the step is at most QUEUE_GROWTH_BYTES above the lowest of the first third, and at most
# QUEUE_MAX_BYTES: a trough is what stays held across a flush, the backlog, whatever the window's
# phase. The thirds split the load's own duration (counted back from its end) after its first
# STEP_LEAD_SECONDS: new connections and a first window filling from empty, whose "trough" is 0
# (the gauge first moved 0.5-0.9 s into the load and first flushed about 1 s later). A third must
# hold a few flushes: keep STEP_SECONDS - STEP_LEAD_SECONDS >= 6 x max_delay (checked below);
# STEP_POLL_SECONDS must resolve the trough. Replayed on 40 s of the gateway's gauge recorded at
# 68k and 130k samples/s (1000 steps each, 0.27 s polls), the troughs' difference stayed within
# 8.4 MB (above 8 MiB in 0.1%, from the troughs' own spread on a busy machine), where end minus
# middle exceeded 8 MiB in 11-57% of steps and the end sample alone exceeded 32 MiB in 16-49%.
#
# Prints one markdown table per series count with both rows and gateway/vmagent ratios, then the
# growth of CPU per sample from the first series count to each other one.
#
# --rss: the gateway alone with RSS_SERIES (1M) active series at RSS_RATE samples/s for
# RSS_SECONDS, under the same MEM_MIB budget; prints max VmRSS and VmHWM against 512 MiB.
#
# Env (defaults): SERIES_LIST="100000 200000 1000000" (SERIES=N runs one count)
# LABEL_SHAPE=synthetic (rw-loadtest's rwlt_ names with a series_id label unique per series: the
# most distinct label values; `kubernetes` is the realistic shape, with its own 5 rules) LABELS=6
# for synthetic, else 0 (synthetic: => 10 labels per series) MIX (no native histograms: vmagent 1.79.5 cannot relay them)
# CONCURRENCY=8 SAMPLES_PER_REQUEST=2000 MEM_MIB=512 PROBE_SECONDS=8 WARM_SECONDS=30 (0: none)
# WARM_RATE_FACTOR=0.8 STEP_SECONDS=12
# SEARCH_STEPS=5 EXTRA_STEPS=4 (more steps up while none failed) STEP_RETRY=1 (a failed step is run
# once more before it counts: one stall from a neighbour on a shared machine should not end the
# search) MEASURE_SECONDS=30 HALF_SECONDS=15 P99_WARM_SECONDS=10 P99_RATE=(half the lower max)
# DRAIN_OK_SECONDS=3 QUEUE_MAX_BYTES=33554432 QUEUE_GROWTH_BYTES=8388608 STEP_POLL_SECONDS=0.25
# STEP_LEAD_SECONDS=3 POLL_SECONDS=1 (probe, warm-up, measurement: fewer scrapes of the peer while
# its CPU is counted) SINK_WARM_SECONDS=8
# LOAD_CORE_MAX=90 PEERS="gateway vmagent" RSS_SERIES=1000000 RSS_RATE=100000 RSS_SECONDS=90
# PEER_CPU=1 LOAD_CPU=0 BASE_PORT=19400 OUT_DIR=(mktemp under /tmp) GW_JAVA_OPTS= (after the
# shipped flags, e.g. "-XX:-UseG1GC -XX:+UseZGC": the shipped file selects G1, and the JVM refuses two collectors) JFR=0 (1: flight recording of the gateway during its max-rate
# measurement, top frames printed) LAT_SAMPLES_PER_REQUEST=500 GW_MAX_DELAY=1s (the gateway's batch.max_delay, as vmagent's
# -remoteWrite.flushInterval) GW_JAR / LT_JAR (built with mvn if missing). Temporary files only
# under OUT_DIR.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PEERS_DIR="${PEERS_DIR:-$ROOT/../shared/peers}"
MODE=compare
[ "${1:-}" = "--rss" ] && MODE=rss
if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0; fi

SERIES_LIST="${SERIES_LIST:-${SERIES:-100000 200000 1000000}}"; LABEL_SHAPE="${LABEL_SHAPE:-synthetic}"
if [ "$LABEL_SHAPE" = synthetic ]; then LABELS="${LABELS:-6}"; else LABELS="${LABELS:-0}"; fi
MIX="${MIX:-counter=45,gauge=40,histogram=10,summary=5}"
CONCURRENCY="${CONCURRENCY:-8}"; SAMPLES_PER_REQUEST="${SAMPLES_PER_REQUEST:-2000}"; MEM_MIB="${MEM_MIB:-512}"
PROBE_SECONDS="${PROBE_SECONDS:-8}"; WARM_SECONDS="${WARM_SECONDS:-30}"; WARM_RATE_FACTOR="${WARM_RATE_FACTOR:-0.8}"; STEP_RETRY="${STEP_RETRY:-1}"; STEP_SECONDS="${STEP_SECONDS:-12}"; SEARCH_STEPS="${SEARCH_STEPS:-5}"; EXTRA_STEPS="${EXTRA_STEPS:-4}"
MEASURE_SECONDS="${MEASURE_SECONDS:-30}"; HALF_SECONDS="${HALF_SECONDS:-15}"; P99_WARM_SECONDS="${P99_WARM_SECONDS:-10}"; P99_RATE="${P99_RATE:-}"; LAT_SAMPLES_PER_REQUEST="${LAT_SAMPLES_PER_REQUEST:-500}"
DRAIN_OK_SECONDS="${DRAIN_OK_SECONDS:-3}"; SINK_WARM_SECONDS="${SINK_WARM_SECONDS:-8}"; LOAD_CORE_MAX="${LOAD_CORE_MAX:-90}"
QUEUE_MAX_BYTES="${QUEUE_MAX_BYTES:-33554432}"; QUEUE_GROWTH_BYTES="${QUEUE_GROWTH_BYTES:-8388608}"
STEP_POLL_SECONDS="${STEP_POLL_SECONDS:-0.25}"; STEP_LEAD_SECONDS="${STEP_LEAD_SECONDS:-3}"; POLL_SECONDS="${POLL_SECONDS:-1}"
PEERS="${PEERS:-gateway vmagent}"; PEER_CPU="${PEER_CPU:-1}"; LOAD_CPU="${LOAD_CPU:-0}"
BASE_PORT="${BASE_PORT:-19400}"; GW_JAVA_OPTS="${GW_JAVA_OPTS:-}"; JFR="${JFR:-0}"; GW_MAX_DELAY="${GW_MAX_DELAY:-1s}"
RSS_SERIES="${RSS_SERIES:-1000000}"; RSS_RATE="${RSS_RATE:-100000}"; RSS_SECONDS="${RSS_SECONDS:-90}"
GW_JAR="${GW_JAR:-$ROOT/gateway/target/rw-gateway.jar}"; LT_JAR="${LT_JAR:-$ROOT/loadtest/target/rw-loadtest.jar}"
GW_JVM_OPTIONS="$ROOT/gateway/jvm.options"
OUT_DIR="${OUT_DIR:-$(mktemp -d /tmp/rw-compare.XXXXXX)}"; mkdir -p "$OUT_DIR"
TICKS="$(getconf CLK_TCK)"

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# The queue criterion compares troughs of thirds of a step: each third must span a few windows.
max_delay_ms() {  # GW_MAX_DELAY as milliseconds (250ms, 1s, 1m), empty when not understood
  case "$1" in
    *ms) echo "${1%ms}" ;; *s) echo $(( ${1%s} * 1000 )) ;; *m) echo $(( ${1%m} * 60000 )) ;;
  esac
}
md="$(max_delay_ms "$GW_MAX_DELAY" 2>/dev/null || true)"
if [ -n "$md" ] && [ $(((STEP_SECONDS - STEP_LEAD_SECONDS) * 1000)) -lt $((6 * md)) ]; then
  die "STEP_SECONDS - STEP_LEAD_SECONDS ($STEP_SECONDS - $STEP_LEAD_SECONDS s) is below 6 x GW_MAX_DELAY ($GW_MAX_DELAY): a third would not hold two windows"
fi

[ -f "$GW_JAR" ] || (cd "$ROOT" && mvn -B -q -o -pl gateway -am package -DskipTests)
[ -f "$LT_JAR" ] || (cd "$ROOT" && mvn -B -q -o -pl loadtest -am package -DskipTests)
command -v jq >/dev/null || die "jq is needed"
[ -f "$GW_JVM_OPTIONS" ] || die "$GW_JVM_OPTIONS not found"

# --- processes we start (stopped by pid on exit) ---------------------------------------
STARTED=()
VMA_PIDFILE=""
cleanup() {
  [ -n "$VMA_PIDFILE" ] && "$PEERS_DIR/stop.sh" "$VMA_PIDFILE" >/dev/null 2>&1 || true
  for p in "${STARTED[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  for p in "${STARTED[@]:-}"; do [ -n "$p" ] && wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_http() {  # wait_http URL PID
  for _ in $(seq 1 150); do
    curl -fsS -m 1 -o /dev/null "$1" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || die "pid $2 exited before $1 answered"
    sleep 0.2
  done
  die "$1 did not answer within 30 s"
}

# Per peer: its own port and sink pair (gateway: BASE+1/+2, port BASE+10; vmagent: BASE+3/+4,
# port BASE+20), so both can stay up for the common-rate latency runs.
peer_sinks() { if [ "$1" = gateway ]; then echo "$((BASE_PORT + 1)) $((BASE_PORT + 2))"; else echo "$((BASE_PORT + 3)) $((BASE_PORT + 4))"; fi; }
peer_out_protocol() { if [ "$1" = gateway ]; then echo rw2; else echo rw1; fi; }

declare -A SINK_PIDS
# start_sinks PEER: a fresh sink pair, warmed with the protocol the peer will send.
start_sinks() {
  local peer="$1" port proto; proto="$(peer_out_protocol "$peer")"
  for port in $(peer_sinks "$peer"); do
    taskset -c "$LOAD_CPU" java -jar "$LT_JAR" sink --count-only --listen "127.0.0.1:$port" >"$OUT_DIR/sink-$port.log" 2>&1 &
    STARTED+=($!); SINK_PIDS[$peer]="${SINK_PIDS[$peer]:-} $!"
    wait_http "http://127.0.0.1:$port/-/healthy" $!
  done
  for port in $(peer_sinks "$peer"); do
    taskset -c "$LOAD_CPU" java -jar "$LT_JAR" run --target "http://127.0.0.1:$port/api/v1/write" --protocol "$proto" \
      --series 10000 --label-shape "$LABEL_SHAPE" --labels "$LABELS" --mix "$MIX" --concurrency 2 --samples-per-request "$SAMPLES_PER_REQUEST" \
      --duration "${SINK_WARM_SECONDS}s" --timeout 10s --report "$OUT_DIR/sink-warm-$port.json" \
      >"$OUT_DIR/sink-warm-$port.out" 2>&1 || die "warming sink $port failed: $OUT_DIR/sink-warm-$port.out"
  done
}

SINKS=""  # the sink ports of the peer being measured
sink_total() {  # sink_total FIELD -> sum over the current peer's sinks (points, bytes, requests)
  local n=0 v port
  for port in $SINKS; do
    v="$(curl -fsS -m 2 "http://127.0.0.1:$port/stats" | jq ".total.$1")"; n=$((n + v))
  done
  echo "$n"
}

# The same 5 rules for both peers (Prometheus relabel_config list): keep, drop, labeldrop, replace,
# hashmod, written so that none drops a series (the sinks must receive twice what was sent) but
# each one really runs (its regex is evaluated, its label exists).
write_relabel_rules() {
  if [ "$LABEL_SHAPE" = synthetic ]; then
    cat >"$OUT_DIR/relabel.yml" <<'RULES'
- source_labels: [__name__]
  regex: rwlt_.*
  action: keep
- source_labels: [__name__]
  regex: go_gc_.*
  action: drop
- regex: label_5
  action: labeldrop
- source_labels: [instance]
  regex: (.+):\d+
  target_label: host
  replacement: $1
  action: replace
- source_labels: [series_id]
  modulus: 16
  target_label: shard
  action: hashmod
RULES
  else  # kubernetes / static shapes: job, instance="10.a.b.c:port", pod, container...
    cat >"$OUT_DIR/relabel.yml" <<'RULES'
- source_labels: [__name__]
  regex: '[a-z][a-z0-9_]*'
  action: keep
- source_labels: [__name__]
  regex: debug_.*
  action: drop
- regex: container
  action: labeldrop
- source_labels: [instance]
  regex: (.+):\d+
  target_label: host
  replacement: $1
  action: replace
- source_labels: [instance, __name__]
  modulus: 16
  target_label: shard
  action: hashmod
RULES
  fi
}

# Per peer, set by start_*: PID, write URL, queue metrics URL and the regex of its queue gauges.
declare -A PID URL QMETRICS QRE
VMA_PIDFILE=""

start_gateway() {
  local port=$((BASE_PORT + 10)) sink
  {
    echo "listen_address: 127.0.0.1:$port"
    echo "stats_log_interval: 0s"
    echo "otlp: {grpc_listen_address: ''}"   # RW only: no OTLP/gRPC port to collide on
    echo "relabel_configs:"
    sed 's/^/  /' "$OUT_DIR/relabel.yml"
    echo "backends:"
    for sink in $(peer_sinks gateway); do
      echo "  - name: sink$sink"
      echo "    url: http://127.0.0.1:$sink/api/v1/write"
      echo "    protocol: rw2"
      # vmagent flushes every second (-remoteWrite.flushInterval=1s): the same deadline here, so
      # "every sample arrived within DRAIN_OK_SECONDS" means the same for both peers.
      echo "    batch: {max_delay: $GW_MAX_DELAY}"
    done
  } >"$OUT_DIR/gateway.yaml"
  # The shipped JVM flags (gateway/jvm.options), with MaxRAM standing in for a container's memory
  # limit: the heap is what a user gets in a MEM_MIB container, not a quarter of this machine.
  # shellcheck disable=SC2086
  taskset -c "$PEER_CPU" java @"$GW_JVM_OPTIONS" -XX:MaxRAM="${MEM_MIB}m" -XX:ActiveProcessorCount=1 $GW_JAVA_OPTS \
    -jar "$GW_JAR" --config "$OUT_DIR/gateway.yaml" >"$OUT_DIR/gateway.log" 2>&1 &
  PID[gateway]=$!; STARTED+=("${PID[gateway]}")
  wait_http "http://127.0.0.1:$port/-/ready" "${PID[gateway]}"
  URL[gateway]="http://127.0.0.1:$port/api/v1/write"
  QMETRICS[gateway]="http://127.0.0.1:$port/metrics"; QRE[gateway]='^rw_gateway_queue_bytes'
}

start_vmagent() {  # via shared/peers/start-vmagent.sh; the pidfile holds timeout(1), vmagent is its child
  local port=$((BASE_PORT + 20)) sinks; sinks=($(peer_sinks vmagent))
  export VMAGENT_DIR="$OUT_DIR/vmagent"
  export VMAGENT_EXTRA_ARGS="-remoteWrite.relabelConfig=$OUT_DIR/relabel.yml -memory.allowedBytes=${MEM_MIB}MiB"
  GOMAXPROCS=1 taskset -c "$PEER_CPU" "$PEERS_DIR/start-vmagent.sh" "$port" \
    "http://127.0.0.1:${sinks[0]}/api/v1/write" "http://127.0.0.1:${sinks[1]}/api/v1/write" >"$OUT_DIR/start-vmagent.out" 2>&1 \
    || { cat "$OUT_DIR/start-vmagent.out" >&2; die "cannot start vmagent"; }
  VMA_PIDFILE="$VMAGENT_DIR/vmagent.pid"
  PID[vmagent]="$(ps -o pid= --ppid "$(cat "$VMA_PIDFILE")" | tr -d ' ' | head -1)"
  [ -n "${PID[vmagent]}" ] || die "cannot find vmagent under pid $(cat "$VMA_PIDFILE")"
  URL[vmagent]="http://127.0.0.1:$port/api/v1/write"
  QMETRICS[vmagent]="http://127.0.0.1:$port/metrics"; QRE[vmagent]='^vmagent_remotewrite_pending_data_bytes'
}

stop_peer() {  # stop_peer PEER (and its sinks)
  local pid
  if [ "$1" = vmagent ]; then
    [ -n "$VMA_PIDFILE" ] && "$PEERS_DIR/stop.sh" "$VMA_PIDFILE" >/dev/null; VMA_PIDFILE=""
  else
    kill "${PID[gateway]}" 2>/dev/null || true; wait "${PID[gateway]}" 2>/dev/null || true
  fi
  for pid in ${SINK_PIDS[$1]:-}; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  SINK_PIDS[$1]=""
}

CUR=""  # the peer being measured: use_peer PEER
use_peer() { CUR="$1"; SINKS="$(peer_sinks "$1")"; PEER_PID="${PID[$1]}"; }

queue_bytes() {  # sum of the current peer's queue gauges; NA when the scrape failed (not 0: that would look like a trough)
  curl -fsS -m 2 "${QMETRICS[$CUR]}" 2>/dev/null | awk -v re="${QRE[$CUR]}" '$0 ~ re { s += $NF } END { if (NR) printf "%.0f\n", s; else print "NA" }'
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
hwm_kib() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }
core_ticks() {  # core_ticks CPU -> "busy total" jiffies of that core (/proc/stat)
  awk -v c="cpu$1" '$1 == c { t = 0; for (i = 2; i <= NF; i++) t += $i; print t - $5 - $6, t }' /proc/stat
}

# run_load NAME SECONDS [RATE] [SERIES]: one rw-loadtest run against the current peer while a
# poller records "elapsed_s queue_bytes rss_kib" every RUN_POLL_SECONDS (default POLL_SECONDS);
# leaves $OUT_DIR/NAME.{json,poll,log}. The poller runs on the load core, not the peer's.
# LOAD_BUSY is set to how busy the load core was over the run, in %.
run_load() {
  local name="$1" secs="$2" rate="${3:-}" series="${4:-$CUR_SERIES}" args=() c0 c1 poll="${RUN_POLL_SECONDS:-$POLL_SECONDS}"
  [ -n "$rate" ] && args+=(--rate "$rate")
  ( t0="${EPOCHREALTIME/./}"
    while sleep "$poll"; do
      us=$(( ${EPOCHREALTIME/./} - t0 ))
      printf '%d.%03d %s %s\n' $((us / 1000000)) $((us % 1000000 / 1000)) "$(queue_bytes)" "$(rss_kib "$PEER_PID")"
    done ) >"$OUT_DIR/$name.poll" &
  local poller=$!
  taskset -cp "$LOAD_CPU" "$poller" >/dev/null
  c0="$(core_ticks "$LOAD_CPU")"
  taskset -c "$LOAD_CPU" java -jar "$LT_JAR" run --target "${URL[$CUR]}" --protocol rw1 --series "$series" \
    --label-shape "$LABEL_SHAPE" --labels "$LABELS" --mix "$MIX" --concurrency "$CONCURRENCY" --samples-per-request "${RUN_SAMPLES_PER_REQUEST:-$SAMPLES_PER_REQUEST}" \
    --replay --duration "${secs}s" --timeout 10s --report "$OUT_DIR/$name.json" "${args[@]}" \
    >"$OUT_DIR/$name.out" 2>"$OUT_DIR/$name.log" || { kill "$poller"; die "rw-loadtest run failed: $OUT_DIR/$name.log"; }
  c1="$(core_ticks "$LOAD_CPU")"
  kill "$poller" 2>/dev/null || true; wait "$poller" 2>/dev/null || true
  # Includes the generator's replay encoding before its measured window: an upper bound.
  LOAD_BUSY="$(awk -v a="$c0" -v b="$c1" 'BEGIN { split(a, x, " "); split(b, y, " "); d = y[2] - x[2];
    printf "%.0f", (d > 0 ? 100 * (y[1] - x[1]) / d : 0) }')"
}

# drain EXPECTED_POINTS BEFORE_POINTS: waits until the sinks got EXPECTED more points each
# (or nothing moved for 5 s, or 60 s passed); prints the seconds it took (or "timeout").
drain() {
  local want="$1" before="$2" start=$SECONDS last=-1 still=0 got
  while :; do
    got=$(( $(sink_total points) - before ))
    [ "$got" -ge "$want" ] && { echo $((SECONDS - start)); return; }
    if [ "$got" = "$last" ]; then still=$((still + 1)); else still=0; fi
    last="$got"
    { [ "$still" -ge 25 ] || [ $((SECONDS - start)) -ge 60 ]; } && { echo timeout; return; }
    sleep 0.2
  done
}

# queue_troughs POLL_FILE LOAD_SECONDS LEAD_SECONDS -> "first last peak": the lowest queue sample
# of the first and of the last third of the load after its lead, and the highest of all (bytes;
# "-1 -1 -1" when a third has no sample). The load is the last LOAD_SECONDS of the poll: the
# poller starts before the generator has built its requests and stops when it exits.
queue_troughs() {
  awk -v d="$2" -v lead="$3" '$2 != "NA" { n++; t[n] = $1; q[n] = $2 }
    END {
      e = t[n]; s = e - d + lead; third = (e - s) / 3; f = -1; l = -1; p = -1
      for (i = 1; i <= n; i++) {
        if (t[i] < s) continue
        if (q[i] > p) p = q[i]
        if (t[i] < s + third && (f < 0 || q[i] < f)) f = q[i]
        if (t[i] >= e - third && (l < 0 || q[i] < l)) l = q[i]
      }
      if (f < 0 || l < 0) { f = -1; l = -1 }
      printf "%.0f %.0f %.0f\n", f, l, p
    }' "$1"
}
mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

# step NAME SECONDS RATE -> 0 when the rate was sustained; sets STEP_WHY.
step() {
  local name="$1" secs="$2" rate="$3" before sent failed rate_sent took qfirst qlast qpeak
  before="$(sink_total points)"
  RUN_POLL_SECONDS="$STEP_POLL_SECONDS" run_load "$name" "$secs" "$rate"
  sent="$(jq .samples_sent "$OUT_DIR/$name.json")"; failed="$(jq .requests_failed "$OUT_DIR/$name.json")"
  rate_sent="$(jq .samples_per_s_sent "$OUT_DIR/$name.json")"
  read -r qfirst qlast qpeak < <(queue_troughs "$OUT_DIR/$name.poll" "$(jq .duration_s "$OUT_DIR/$name.json")" "$STEP_LEAD_SECONDS")
  took="$(drain $((2 * sent)) "$before")"
  STEP_WHY="sent $(printf %.0f "$rate_sent")/s failed=$failed queue trough first/last third $(mib "$qfirst")/$(mib "$qlast") MiB"
  STEP_WHY+=" (peak $(mib "$qpeak")) drain=${took}s load core ${LOAD_BUSY}%"
  [ "$failed" -eq 0 ] || return 1
  awk -v a="$rate_sent" -v r="$rate" 'BEGIN { exit !(a >= 0.97 * r) }' || return 1
  [ "$took" != timeout ] && [ "$took" -le "$DRAIN_OK_SECONDS" ] || return 1
  # Troughs, not single samples: a window's sawtooth is not growth (header).
  [ "$qlast" -ge 0 ] && [ "$qlast" -le "$QUEUE_MAX_BYTES" ] && [ $((qlast - qfirst)) -le "$QUEUE_GROWTH_BYTES" ] || return 1
  return 0
}

settle() {  # let a failed step's backlog go before the next one
  local q
  for _ in $(seq 1 60); do q="$(queue_bytes)"; [ "$q" != NA ] && [ "$q" -le 1048576 ] && break; sleep 1; done
  sleep 2
}

# measure_peer PEER: fresh warm sinks, start, search, measure at max; the peer stays up.
# Appends a row to $OUT_DIR/rows-$CUR_SERIES.tsv.
measure_peer() {
  local peer="$1" lo=0 hi=0 rate probe i before_pts before_bytes cpu0 cpu1 sent pts out_bytes secs
  log "$peer @ $CUR_SERIES series: fresh sinks $(peer_sinks "$peer") warmed with $(peer_out_protocol "$peer") for ${SINK_WARM_SECONDS}s"
  start_sinks "$peer"
  if [ "$peer" = gateway ]; then start_gateway; else start_vmagent; fi
  use_peer "$peer"
  log "$peer: pid $PEER_PID on core $PEER_CPU, ${MEM_MIB} MiB budget; probe (closed loop, ${PROBE_SECONDS}s)"
  # vmagent answers 204 above what it can forward (architecture.md), so the guess is the lower of
  # what the peer accepted and what reached the sinks during the probe.
  before_pts="$(sink_total points)"
  run_load "$peer-$CUR_SERIES-probe" "$PROBE_SECONDS"
  probe="$(awk -v a="$(jq .samples_per_s_accepted "$OUT_DIR/$peer-$CUR_SERIES-probe.json")" -v d=$(( $(sink_total points) - before_pts )) \
    -v s="$(jq .duration_s "$OUT_DIR/$peer-$CUR_SERIES-probe.json")" 'BEGIN { f = d / 2 / s; printf "%.0f", f < a ? f : a }')"
  log "$peer: probe guess $probe samples/s (load core ${LOAD_BUSY}%)"
  settle
  if [ "$WARM_SECONDS" -gt 0 ]; then
    # Not judged: lets the JIT finish before any step counts (header), the same for every peer.
    local warm; warm="$(awk -v p="$probe" -v f="$WARM_RATE_FACTOR" 'BEGIN { printf "%.0f", p * f }')"
    log "$peer: warm-up ${WARM_SECONDS}s at $warm/s"
    run_load "$peer-$CUR_SERIES-warm" "$WARM_SECONDS" "$warm"
    log "$peer: warm-up done ($(jq .samples_per_s_sent "$OUT_DIR/$peer-$CUR_SERIES-warm.json" | xargs printf %.0f)/s sent, $(jq .requests_failed "$OUT_DIR/$peer-$CUR_SERIES-warm.json") failed, load core ${LOAD_BUSY}%)"
    settle
  fi
  rate="$(awk -v p="$probe" 'BEGIN { printf "%.0f", p * 0.8 }')"
  # SEARCH_STEPS steps, plus up to EXTRA_STEPS more while no step has failed yet: a closed-loop
  # probe is latency-bound and can guess low, and a search that never failed only has a lower bound.
  i=0
  while [ "$i" -lt "$SEARCH_STEPS" ] || { [ "$hi" = 0 ] && [ "$i" -lt $((SEARCH_STEPS + EXTRA_STEPS)) ]; }; do
    i=$((i + 1))
    if step "$peer-$CUR_SERIES-step$i" "$STEP_SECONDS" "$rate"; then
      log "$peer: step $i at $rate/s OK ($STEP_WHY)"; lo="$rate"
    elif [ "$STEP_RETRY" = 1 ] && log "$peer: step $i at $rate/s failed ($STEP_WHY), once more" && settle \
        && step "$peer-$CUR_SERIES-step${i}b" "$STEP_SECONDS" "$rate"; then
      log "$peer: step $i at $rate/s OK on retry ($STEP_WHY)"; lo="$rate"
    else
      log "$peer: step $i at $rate/s FAILED ($STEP_WHY)"; hi="$rate"; settle
    fi
    if [ "$hi" = 0 ]; then rate="$(awk -v r="$rate" 'BEGIN { printf "%.0f", r * 1.25 }')"
    elif [ "$lo" = 0 ]; then rate="$(awk -v r="$rate" 'BEGIN { printf "%.0f", r * 0.6 }')"
    else rate="$(awk -v a="$lo" -v b="$hi" 'BEGIN { printf "%.0f", (a + b) / 2 }')"; fi
  done
  [ "$lo" != 0 ] || die "$peer: no sustainable rate found (see $OUT_DIR/$peer-$CUR_SERIES-step*.log)"
  log "$peer: max sustainable rate $lo/s; measuring ${MEASURE_SECONDS}s"
  before_pts="$(sink_total points)"; before_bytes="$(sink_total bytes)"; cpu0="$(cpu_ticks "$PEER_PID")"
  if [ "$peer" = gateway ] && [ "$JFR" = 1 ]; then
    jcmd "$PEER_PID" JFR.start name=cmp duration="${MEASURE_SECONDS}s" filename="$OUT_DIR/gw-$CUR_SERIES.jfr" >/dev/null
  fi
  local name="$peer-$CUR_SERIES-max"
  run_load "$name" "$MEASURE_SECONDS" "$lo"
  sent="$(jq .samples_sent "$OUT_DIR/$name.json")"
  secs="$(drain $((2 * sent)) "$before_pts")"
  cpu1="$(cpu_ticks "$PEER_PID")"
  pts=$(( $(sink_total points) - before_pts )); out_bytes=$(( $(sink_total bytes) - before_bytes ))
  local rss_max hwm in_bytes accepted failed starved bound=""
  rss_max="$(awk '$3 > m { m = $3 } END { print m + 0 }' "$OUT_DIR/$name.poll")"; hwm="$(hwm_kib "$PEER_PID")"
  in_bytes="$(jq .bytes_sent "$OUT_DIR/$name.json")"; accepted="$(jq .samples_per_s_accepted "$OUT_DIR/$name.json")"
  failed="$(jq .requests_failed "$OUT_DIR/$name.json")"; starved="$(jq '.generator_starved_ms // 0' "$OUT_DIR/$name.json")"
  # The load core is shared by the generator and the four sinks: if it was (nearly) saturated, or
  # the generator could not keep its schedule, the peer was not the limit and its max is a floor.
  { [ "$LOAD_BUSY" -ge "$LOAD_CORE_MAX" ] || [ "${starved%.*}" -gt 0 ]; } && bound=" (load-bound: floor)"
  log "$peer: measured ($accepted samples/s accepted, $failed failed, sinks got $pts of $((2 * sent)), drain ${secs}s, load core ${LOAD_BUSY}%, generator starved ${starved} ms)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$peer" "$lo" "$accepted" \
    "$(awk -v c=$((cpu1 - cpu0)) -v t="$TICKS" -v s="$sent" 'BEGIN { printf "%.2f", c / t / (s / 1e6) }')" \
    "$((rss_max / 1024))" "$((hwm / 1024))" \
    "$(awk -v b="$in_bytes" -v s="$sent" 'BEGIN { printf "%.1f", b / s }')" \
    "$(awk -v b="$out_bytes" -v s="$sent" 'BEGIN { printf "%.1f", b / s / 2 }')" \
    "$pts" "$((2 * sent))" "$failed" "${LOAD_BUSY}%$bound" >>"$OUT_DIR/rows-$CUR_SERIES.tsv"
  settle
}

# latency_at PEER RATE: P99_WARM_SECONDS then HALF_SECONDS at RATE; appends "peer rate p50 p99 p999".
latency_at() {
  local peer="$1" rate="$2" before n
  use_peer "$peer"
  before="$(sink_total points)"
  # Prometheus-sized requests (its default max_samples_per_send is 500): the added latency a
  # Prometheus in front of the peer sees.
  RUN_SAMPLES_PER_REQUEST="$LAT_SAMPLES_PER_REQUEST"
  run_load "$peer-$CUR_SERIES-latwarm" "$P99_WARM_SECONDS" "$rate"
  run_load "$peer-$CUR_SERIES-lat" "$HALF_SECONDS" "$rate"
  RUN_SAMPLES_PER_REQUEST=""
  n=$(( $(jq .samples_sent "$OUT_DIR/$peer-$CUR_SERIES-latwarm.json") + $(jq .samples_sent "$OUT_DIR/$peer-$CUR_SERIES-lat.json") ))
  drain "$((2 * n))" "$before" >/dev/null
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$peer" "$rate" "$(jq .latency_ms.p50 "$OUT_DIR/$peer-$CUR_SERIES-lat.json")" \
    "$(jq .latency_ms.p99 "$OUT_DIR/$peer-$CUR_SERIES-lat.json")" "$(jq .latency_ms.p999 "$OUT_DIR/$peer-$CUR_SERIES-lat.json")" \
    "$(jq .requests_failed "$OUT_DIR/$peer-$CUR_SERIES-lat.json")" >>"$OUT_DIR/lat-$CUR_SERIES.tsv"
  log "$peer: at $rate/s p50/p99/p999 $(tail -1 "$OUT_DIR/lat-$CUR_SERIES.tsv" | cut -f3-5 | tr '\t' '/') ms"
}

print_table() {  # print_table SERIES
  local rows="$OUT_DIR/rows-$1.tsv" lat="$OUT_DIR/lat-$1.tsv"
  echo "#### $1 active series"
  echo
  echo "| peer (1 core, ${MEM_MIB} MiB, 2 sinks, 5 rules) | max sustained samples/s | measured samples/s | CPU s / M samples | RSS max MiB (VmHWM) | p50 / p99 / p999 ms at the common rate, ${LAT_SAMPLES_PER_REQUEST}-sample requests | bytes in / sample | bytes out / sample / sink | sinks got / expected | failed requests | load core busy |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  while IFS=$'\t' read -r peer lo acc cpu rss hwm bin bout got want failed busy; do
    local l; l="$(awk -F'\t' -v p="$peer" '$1 == p { printf "%s / %s / %s (at %s/s)", $3, $4, $5, $2 }' "$lat" 2>/dev/null)"
    printf '| %s | %s | %.0f | %s | %s (%s) | %s | %s | %s | %s / %s | %s | %s |\n' "$peer" "$lo" "$acc" "$cpu" "$rss" "$hwm" "${l:--}" "$bin" "$bout" "$got" "$want" "$failed" "$busy"
  done <"$rows"
  local g v gl vl
  g="$(awk -F'\t' '$1 == "gateway"' "$rows")"; v="$(awk -F'\t' '$1 == "vmagent"' "$rows")"
  gl="$(awk -F'\t' '$1 == "gateway" { print $4 }' "$lat" 2>/dev/null)"; vl="$(awk -F'\t' '$1 == "vmagent" { print $4 }' "$lat" 2>/dev/null)"
  if [ -n "$g" ] && [ -n "$v" ]; then
    paste <(echo "$g") <(echo "$v") | awk -F'\t' -v gl="${gl:-0}" -v vl="${vl:-0}" '{
      printf "| **gateway / vmagent** | %.2fx | %.2fx | %.2fx (vmagent/gateway %.2fx) | %.2fx | p99 %s | %.2fx | %.2fx | | | |\n",
        $2 / $14, $3 / $15, $4 / $16, $16 / $4, $5 / $17, (vl > 0 ? sprintf("%.2fx", gl / vl) : "-"), $7 / $19, $8 / $20 }'
  fi
  echo
}

print_growth() {  # CPU per sample at each series count against the first one
  local first="" s
  echo "#### CPU per sample against $(echo "$SERIES_LIST" | awk '{ print $1 }') series"
  echo
  echo "| peer | $(echo "$SERIES_LIST" | sed 's/ / | /g') |"
  echo "|---|$(echo "$SERIES_LIST" | sed 's/[0-9]*/---|/g; s/ //g')"
  for peer in $PEERS; do
    printf '| %s |' "$peer"; first=""
    for s in $SERIES_LIST; do
      local c; c="$(awk -F'\t' -v p="$peer" '$1 == p { print $4 }' "$OUT_DIR/rows-$s.tsv" 2>/dev/null)"
      [ -z "$first" ] && first="$c"
      if [ -n "$c" ] && [ -n "$first" ]; then printf ' %s s/M (%sx) |' "$c" "$(awk -v a="$c" -v b="$first" 'BEGIN { printf "%.2f", a / b }')"
      else printf ' - |'; fi
    done
    echo
  done
}

jfr_top() {  # top 10 leaf frames of the gateway's execution samples
  local f="$OUT_DIR/gw-$1.jfr"
  [ -f "$f" ] || return 0
  echo
  echo "JFR top frames at $1 series (jdk.ExecutionSample, leaf method), $f:"
  jfr print --events jdk.ExecutionSample --stack-depth 1 "$f" | awk '
    /stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); n[$0]++; total++ }
    END { for (m in n) printf "%6.2f%%  %s\n", 100 * n[m] / total, m }' | sort -rn | head -10
}

write_relabel_rules
if [ "$MODE" = rss ]; then
  CUR_SERIES="$RSS_SERIES"
  start_sinks gateway; start_gateway; use_peer gateway
  log "rss: gateway pid $PEER_PID (shipped jvm.options, MaxRAM ${MEM_MIB}m), $RSS_SERIES series at $RSS_RATE samples/s for ${RSS_SECONDS}s"
  before="$(sink_total points)"
  run_load rss "$RSS_SECONDS" "$RSS_RATE" "$RSS_SERIES"
  sent="$(jq .samples_sent "$OUT_DIR/rss.json")"; took="$(drain $((2 * sent)) "$before")"
  rss_max="$(awk '$3 > m { m = $3 } END { print m + 0 }' "$OUT_DIR/rss.poll")"; hwm="$(hwm_kib "$PEER_PID")"
  echo "| series | rate samples/s | accepted samples/s | duration s | failed requests | sinks got / expected | RSS max MiB | VmHWM MiB | target |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '| %s | %s | %.0f | %s | %s | %s / %s | %s | %s | %s |\n' "$RSS_SERIES" "$RSS_RATE" \
    "$(jq .samples_per_s_accepted "$OUT_DIR/rss.json")" "$RSS_SECONDS" \
    "$(jq .requests_failed "$OUT_DIR/rss.json")" "$(( $(sink_total points) - before ))" "$((2 * sent))" \
    "$((rss_max / 1024))" "$((hwm / 1024))" "$([ $((hwm / 1024)) -le 512 ] && echo "<= 512 MiB: met" || echo "> 512 MiB: MISSED")"
  log "rss: done (drain ${took}s); files in $OUT_DIR"
  exit 0
fi
START_INFO="$(date -u '+%Y-%m-%d %H:%M:%S UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
for CUR_SERIES in $SERIES_LIST; do
  : >"$OUT_DIR/rows-$CUR_SERIES.tsv"; : >"$OUT_DIR/lat-$CUR_SERIES.tsv"
  for peer in $PEERS; do measure_peer "$peer"; done
  # One common rate for every peer's latency: half the lower max (or P99_RATE).
  common="${P99_RATE:-$(awk -F'\t' 'NR == 1 || $2 < m { m = $2 } END { printf "%.0f", m / 2 }' "$OUT_DIR/rows-$CUR_SERIES.tsv")}"
  log "latency at one common rate for every peer: $common samples/s"
  for peer in $PEERS; do latency_at "$peer" "$common"; done
  for peer in $PEERS; do stop_peer "$peer"; done
  print_table "$CUR_SERIES" | tee "$OUT_DIR/table-$CUR_SERIES.md" >&2
done
echo "machine: nproc $(nproc), $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(java -version 2>&1 | sed -n 2p)"
echo "started $START_INFO; ended $(date -u '+%H:%M:%S UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "workload: SERIES_LIST=$SERIES_LIST, --label-shape $LABEL_SHAPE --labels $LABELS, mix $MIX, $CONCURRENCY connections, $SAMPLES_PER_REQUEST samples/request, rw1 in, --replay; gateway: $(grep -v '^#' "$GW_JVM_OPTIONS" | tr '\n' ' ')-XX:MaxRAM=${MEM_MIB}m $GW_JAVA_OPTS; vmagent: -memory.allowedBytes=${MEM_MIB}MiB"
echo
for s in $SERIES_LIST; do cat "$OUT_DIR/table-$s.md"; done
print_growth
if [ "$JFR" = 1 ]; then for s in $SERIES_LIST; do jfr_top "$s"; done; fi
log "files in $OUT_DIR"
