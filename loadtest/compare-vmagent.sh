#!/usr/bin/env bash
# compare-vmagent.sh [--rss] - the gateway against vmagent 1.79.5 on one core, same job.
#
# Each peer in turn (never both at once) is pinned to core $PEER_CPU (gateway: taskset +
# -XX:ActiveProcessorCount=1; vmagent: taskset + GOMAXPROCS=1), fans out to TWO
# `rw-loadtest sink --count-only` on core $LOAD_CPU, with the same 5 global relabel rules
# (keep, drop, labeldrop, replace, hashmod), fed RW 1.0 by `rw-loadtest run --replay` (also on
# $LOAD_CPU). The gateway sends RW 2.0, vmagent relays RW 1.0. For each peer:
#   1. a closed-loop probe gives a first guess of its capacity;
#   2. SEARCH_STEPS open-loop steps (bisection) find the highest rate that is sustainable:
#      no failed request, the sender held the rate, the peer's queue did not grow, and both
#      sinks received every sample within DRAIN_OK_SECONDS after the step;
#   3. MEASURE_SECONDS at that rate: samples/s, CPU s per million samples (/proc/PID/stat
#      utime+stime, the drain included), max VmRSS, bytes in/out;
#   4. HALF_SECONDS at half that rate: p99 request latency.
# Prints one markdown table with both rows and gateway/vmagent ratios.
#
# --rss: the gateway alone with RSS_SERIES (1M) active series at RSS_RATE samples/s for
# RSS_SECONDS; prints max VmRSS and VmHWM against the 512 MiB target.
#
# Env (defaults): SERIES=100000 LABELS=6 (=> 10 labels per series) MIX (no native histograms:
# vmagent 1.79.5 cannot relay them) CONCURRENCY=8 SAMPLES_PER_REQUEST=2000
# PROBE_SECONDS=8 STEP_SECONDS=12 SEARCH_STEPS=5 EXTRA_STEPS=4 (more steps up while none failed) STEP_RETRY=1 (a failed step is run once more
# before it counts: one stall from a neighbour on a shared machine should not end the search)
# MEASURE_SECONDS=30 HALF_SECONDS=15 DRAIN_OK_SECONDS=3 QUEUE_MAX_BYTES=33554432
# QUEUE_GROWTH_BYTES=8388608 PEERS="gateway vmagent" RSS_SERIES=1000000 RSS_RATE=100000 RSS_SECONDS=90
# PEER_CPU=1 LOAD_CPU=0 BASE_PORT=19400 OUT_DIR=(mktemp under /tmp) GW_JAVA_OPTS= JFR=0
# GW_MAX_DELAY=1s (the gateway's batch.max_delay, as vmagent's -remoteWrite.flushInterval)
# (JFR=1: flight recording of the gateway during its max-rate measurement, top frames printed)
# GW_JAR / LT_JAR (built with mvn if missing). Temporary files only under OUT_DIR.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PEERS_DIR="${PEERS_DIR:-$ROOT/../shared/peers}"
MODE=compare
[ "${1:-}" = "--rss" ] && MODE=rss
if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then sed -n '2,29p' "$0"; exit 0; fi

SERIES="${SERIES:-100000}"; LABELS="${LABELS:-6}"
MIX="${MIX:-counter=45,gauge=40,histogram=10,summary=5}"
CONCURRENCY="${CONCURRENCY:-8}"; SAMPLES_PER_REQUEST="${SAMPLES_PER_REQUEST:-2000}"
PROBE_SECONDS="${PROBE_SECONDS:-8}"; STEP_RETRY="${STEP_RETRY:-1}"; STEP_SECONDS="${STEP_SECONDS:-12}"; SEARCH_STEPS="${SEARCH_STEPS:-5}"; EXTRA_STEPS="${EXTRA_STEPS:-4}"
MEASURE_SECONDS="${MEASURE_SECONDS:-30}"; HALF_SECONDS="${HALF_SECONDS:-15}"; DRAIN_OK_SECONDS="${DRAIN_OK_SECONDS:-3}"
QUEUE_MAX_BYTES="${QUEUE_MAX_BYTES:-33554432}"; QUEUE_GROWTH_BYTES="${QUEUE_GROWTH_BYTES:-8388608}"
PEERS="${PEERS:-gateway vmagent}"; PEER_CPU="${PEER_CPU:-1}"; LOAD_CPU="${LOAD_CPU:-0}"
BASE_PORT="${BASE_PORT:-19400}"; GW_JAVA_OPTS="${GW_JAVA_OPTS:-}"; JFR="${JFR:-0}"; GW_MAX_DELAY="${GW_MAX_DELAY:-1s}"
RSS_SERIES="${RSS_SERIES:-1000000}"; RSS_RATE="${RSS_RATE:-100000}"; RSS_SECONDS="${RSS_SECONDS:-90}"
GW_JAR="${GW_JAR:-$ROOT/gateway/target/rw-gateway.jar}"; LT_JAR="${LT_JAR:-$ROOT/loadtest/target/rw-loadtest.jar}"
OUT_DIR="${OUT_DIR:-$(mktemp -d /tmp/rw-compare.XXXXXX)}"; mkdir -p "$OUT_DIR"
SINK1=$((BASE_PORT + 1)); SINK2=$((BASE_PORT + 2)); GW_PORT=$((BASE_PORT + 10)); VMA_PORT=$((BASE_PORT + 20))
TICKS="$(getconf CLK_TCK)"

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[ -f "$GW_JAR" ] || (cd "$ROOT" && mvn -B -q -o -pl gateway -am package -DskipTests)
[ -f "$LT_JAR" ] || (cd "$ROOT" && mvn -B -q -o -pl loadtest -am package -DskipTests)
command -v jq >/dev/null || die "jq is needed"

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

start_sinks() {
  for port in $SINK1 $SINK2; do
    taskset -c "$LOAD_CPU" java -jar "$LT_JAR" sink --count-only --listen "127.0.0.1:$port" >"$OUT_DIR/sink-$port.log" 2>&1 &
    STARTED+=($!)
    wait_http "http://127.0.0.1:$port/-/healthy" $!
  done
}

sink_total() {  # sink_total FIELD -> sum over both sinks (points, bytes, requests)
  local n=0 v
  for port in $SINK1 $SINK2; do
    v="$(curl -fsS -m 2 "http://127.0.0.1:$port/stats" | jq ".total.$1")"; n=$((n + v))
  done
  echo "$n"
}

write_relabel_rules() {  # the same 5 rules for both peers (Prometheus relabel_config list)
  cat >"$OUT_DIR/relabel.yml" <<'EOF'
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
EOF
}

start_gateway() {  # sets PEER_PID, QUEUE_CMD
  {
    echo "listen_address: 127.0.0.1:$GW_PORT"
    echo "stats_log_interval: 0s"
    echo "otlp: {grpc_listen_address: ''}"   # RW only: no OTLP/gRPC port to collide on
    echo "relabel_configs:"
    sed 's/^/  /' "$OUT_DIR/relabel.yml"
    echo "backends:"
    for port in $SINK1 $SINK2; do
      echo "  - name: sink$port"
      echo "    url: http://127.0.0.1:$port/api/v1/write"
      echo "    protocol: rw2"
      # vmagent flushes every second (-remoteWrite.flushInterval=1s): the same deadline here, so
      # "every sample arrived within DRAIN_OK_SECONDS" means the same for both peers.
      echo "    batch: {max_delay: $GW_MAX_DELAY}"
    done
  } >"$OUT_DIR/gateway.yaml"
  # shellcheck disable=SC2086
  taskset -c "$PEER_CPU" java -XX:ActiveProcessorCount=1 $GW_JAVA_OPTS -jar "$GW_JAR" --config "$OUT_DIR/gateway.yaml" \
    >"$OUT_DIR/gateway.log" 2>&1 &
  PEER_PID=$!; STARTED+=("$PEER_PID")
  wait_http "http://127.0.0.1:$GW_PORT/-/ready" "$PEER_PID"
  PEER_URL="http://127.0.0.1:$GW_PORT/api/v1/write"
  QUEUE_METRICS="http://127.0.0.1:$GW_PORT/metrics"; QUEUE_RE='^rw_gateway_queue_bytes'
}

start_vmagent() {  # via shared/peers/start-vmagent.sh; the pidfile holds timeout(1), vmagent is its child
  export VMAGENT_DIR="$OUT_DIR/vmagent" VMAGENT_EXTRA_ARGS="-remoteWrite.relabelConfig=$OUT_DIR/relabel.yml"
  GOMAXPROCS=1 taskset -c "$PEER_CPU" "$PEERS_DIR/start-vmagent.sh" "$VMA_PORT" \
    "http://127.0.0.1:$SINK1/api/v1/write" "http://127.0.0.1:$SINK2/api/v1/write" >"$OUT_DIR/start-vmagent.out" 2>&1 \
    || { cat "$OUT_DIR/start-vmagent.out" >&2; die "cannot start vmagent"; }
  VMA_PIDFILE="$VMAGENT_DIR/vmagent.pid"
  PEER_PID="$(ps -o pid= --ppid "$(cat "$VMA_PIDFILE")" | tr -d ' ' | head -1)"
  [ -n "$PEER_PID" ] || die "cannot find vmagent under pid $(cat "$VMA_PIDFILE")"
  PEER_URL="http://127.0.0.1:$VMA_PORT/api/v1/write"
  QUEUE_METRICS="http://127.0.0.1:$VMA_PORT/metrics"; QUEUE_RE='^vmagent_remotewrite_pending_data_bytes'
}

stop_peer() {
  if [ -n "$VMA_PIDFILE" ]; then "$PEERS_DIR/stop.sh" "$VMA_PIDFILE" >/dev/null; VMA_PIDFILE=""
  else kill "$PEER_PID" 2>/dev/null || true; wait "$PEER_PID" 2>/dev/null || true; fi
}

queue_bytes() {  # sum of the peer's queue gauges
  curl -fsS -m 2 "$QUEUE_METRICS" 2>/dev/null | awk -v re="$QUEUE_RE" '$0 ~ re { s += $NF } END { printf "%.0f\n", s }'
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
hwm_kib() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }

# run_load NAME SECONDS [RATE] [SERIES]: one rw-loadtest run against the peer while a poller
# records "elapsed queue_bytes rss_kib" once a second; leaves $OUT_DIR/NAME.{json,poll,log}.
run_load() {
  local name="$1" secs="$2" rate="${3:-}" series="${4:-$SERIES}" args=()
  [ -n "$rate" ] && args+=(--rate "$rate")
  ( t=0; while sleep 1; do t=$((t + 1)); echo "$t $(queue_bytes) $(rss_kib "$PEER_PID")"; done ) >"$OUT_DIR/$name.poll" &
  local poller=$!
  taskset -c "$LOAD_CPU" java -jar "$LT_JAR" run --target "$PEER_URL" --protocol rw1 --series "$series" \
    --labels "$LABELS" --mix "$MIX" --concurrency "$CONCURRENCY" --samples-per-request "$SAMPLES_PER_REQUEST" \
    --replay --duration "${secs}s" --timeout 10s --report "$OUT_DIR/$name.json" "${args[@]}" \
    >"$OUT_DIR/$name.out" 2>"$OUT_DIR/$name.log" || { kill "$poller"; die "rw-loadtest run failed: $OUT_DIR/$name.log"; }
  kill "$poller" 2>/dev/null || true; wait "$poller" 2>/dev/null || true
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

# step NAME SECONDS RATE -> 0 when the rate was sustained; sets STEP_WHY.
step() {
  local name="$1" secs="$2" rate="$3" before sent failed rate_sent took qmid qend
  before="$(sink_total points)"
  run_load "$name" "$secs" "$rate"
  sent="$(jq .samples_sent "$OUT_DIR/$name.json")"; failed="$(jq .requests_failed "$OUT_DIR/$name.json")"
  rate_sent="$(jq .samples_per_s_sent "$OUT_DIR/$name.json")"
  qmid="$(awk -v h=$((secs / 2)) '$1 == h { print $2 }' "$OUT_DIR/$name.poll")"; qend="$(tail -1 "$OUT_DIR/$name.poll" | awk '{ print $2 }')"
  took="$(drain $((2 * sent)) "$before")"
  STEP_WHY="sent $(printf %.0f "$rate_sent")/s failed=$failed queue mid=${qmid:-?} end=${qend:-?} drain=${took}s"
  [ "$failed" -eq 0 ] || return 1
  awk -v a="$rate_sent" -v r="$rate" 'BEGIN { exit !(a >= 0.97 * r) }' || return 1
  [ "$took" != timeout ] && [ "$took" -le "$DRAIN_OK_SECONDS" ] || return 1
  [ "${qend:-0}" -le "$QUEUE_MAX_BYTES" ] && [ $(( ${qend:-0} - ${qmid:-0} )) -le "$QUEUE_GROWTH_BYTES" ] || return 1
  return 0
}

settle() {  # let a failed step's backlog go before the next one
  for _ in $(seq 1 60); do [ "$(queue_bytes)" -le 1048576 ] && break; sleep 1; done
  sleep 2
}

# measure_peer NAME: search + measurement; appends a row to $OUT_DIR/rows.tsv
measure_peer() {
  local peer="$1" lo=0 hi=0 rate probe i before_pts before_bytes cpu0 cpu1 sent pts out_bytes secs
  log "$peer: starting (core $PEER_CPU), sinks on core $LOAD_CPU"
  if [ "$peer" = gateway ]; then start_gateway; else start_vmagent; fi
  log "$peer: pid $PEER_PID, probe (closed loop, ${PROBE_SECONDS}s)"
  # vmagent answers 204 above what it can forward (architecture.md), so the guess is the lower of
  # what the peer accepted and what reached the sinks during the probe.
  before_pts="$(sink_total points)"
  run_load "$peer-probe" "$PROBE_SECONDS"
  probe="$(awk -v a="$(jq .samples_per_s_accepted "$OUT_DIR/$peer-probe.json")" -v d=$(( $(sink_total points) - before_pts )) \
    -v s="$(jq .duration_s "$OUT_DIR/$peer-probe.json")" 'BEGIN { f = d / 2 / s; printf "%.0f", f < a ? f : a }')"
  log "$peer: probe guess $probe samples/s"
  settle
  rate="$(awk -v p="$probe" 'BEGIN { printf "%.0f", p * 0.8 }')"
  # SEARCH_STEPS steps, plus up to EXTRA_STEPS more while no step has failed yet: a closed-loop
  # probe is latency-bound and can guess low, and a search that never failed only has a lower bound.
  i=0
  while [ "$i" -lt "$SEARCH_STEPS" ] || { [ "$hi" = 0 ] && [ "$i" -lt $((SEARCH_STEPS + EXTRA_STEPS)) ]; }; do
    i=$((i + 1))
    if step "$peer-step$i" "$STEP_SECONDS" "$rate"; then
      log "$peer: step $i at $rate/s OK ($STEP_WHY)"; lo="$rate"
    elif [ "$STEP_RETRY" = 1 ] && log "$peer: step $i at $rate/s failed ($STEP_WHY), once more" && settle \
        && step "$peer-step${i}b" "$STEP_SECONDS" "$rate"; then
      log "$peer: step $i at $rate/s OK on retry ($STEP_WHY)"; lo="$rate"
    else
      log "$peer: step $i at $rate/s FAILED ($STEP_WHY)"; hi="$rate"; settle
    fi
    if [ "$hi" = 0 ]; then rate="$(awk -v r="$rate" 'BEGIN { printf "%.0f", r * 1.25 }')"
    elif [ "$lo" = 0 ]; then rate="$(awk -v r="$rate" 'BEGIN { printf "%.0f", r * 0.6 }')"
    else rate="$(awk -v a="$lo" -v b="$hi" 'BEGIN { printf "%.0f", (a + b) / 2 }')"; fi
  done
  [ "$lo" != 0 ] || die "$peer: no sustainable rate found (see $OUT_DIR/$peer-step*.log)"
  log "$peer: max sustainable rate $lo/s; measuring ${MEASURE_SECONDS}s"
  before_pts="$(sink_total points)"; before_bytes="$(sink_total bytes)"; cpu0="$(cpu_ticks "$PEER_PID")"
  if [ "$peer" = gateway ] && [ "$JFR" = 1 ]; then
    jcmd "$PEER_PID" JFR.start name=cmp duration="${MEASURE_SECONDS}s" filename="$OUT_DIR/gw.jfr" >/dev/null
  fi
  run_load "$peer-max" "$MEASURE_SECONDS" "$lo"
  sent="$(jq .samples_sent "$OUT_DIR/$peer-max.json")"
  secs="$(drain $((2 * sent)) "$before_pts")"
  cpu1="$(cpu_ticks "$PEER_PID")"
  pts=$(( $(sink_total points) - before_pts )); out_bytes=$(( $(sink_total bytes) - before_bytes ))
  local rss_max hwm p99 in_bytes accepted failed
  rss_max="$(awk '$3 > m { m = $3 } END { print m + 0 }' "$OUT_DIR/$peer-max.poll")"; hwm="$(hwm_kib "$PEER_PID")"
  in_bytes="$(jq .bytes_sent "$OUT_DIR/$peer-max.json")"; accepted="$(jq .samples_per_s_accepted "$OUT_DIR/$peer-max.json")"
  failed="$(jq .requests_failed "$OUT_DIR/$peer-max.json")"
  log "$peer: measured ($accepted samples/s accepted, $failed failed, sinks got $pts of $((2 * sent)), drain ${secs}s); half rate ${HALF_SECONDS}s"
  settle
  local half; half="$(awk -v r="$lo" 'BEGIN { printf "%.0f", r / 2 }')"
  # A fresh run's first second (new connections, the sender's own JIT) reads ~0.4 s at p99 against
  # either peer: 3 s at the same rate first, so the p99 below is the steady state.
  run_load "$peer-halfwarm" 3 "$half"
  run_load "$peer-half" "$HALF_SECONDS" "$half"
  p99="$(jq .latency_ms.p99 "$OUT_DIR/$peer-half.json")"
  drain "$((2 * ($(jq .samples_sent "$OUT_DIR/$peer-halfwarm.json") + $(jq .samples_sent "$OUT_DIR/$peer-half.json"))))" \
    "$(( before_pts + pts ))" >/dev/null
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$peer" "$lo" "$accepted" \
    "$(awk -v c=$((cpu1 - cpu0)) -v t="$TICKS" -v s="$sent" 'BEGIN { printf "%.2f", c / t / (s / 1e6) }')" \
    "$((rss_max / 1024))" "$((hwm / 1024))" "$p99" \
    "$(awk -v b="$in_bytes" -v s="$sent" 'BEGIN { printf "%.1f", b / s }')" \
    "$(awk -v b="$out_bytes" -v s="$sent" 'BEGIN { printf "%.1f", b / s / 2 }')" \
    "$pts" "$((2 * sent))" "$failed" >>"$OUT_DIR/rows.tsv"
  stop_peer
  log "$peer: stopped"
}

print_table() {
  echo "| peer (1 core, 2 sinks, 5 rules) | max sustained samples/s | measured samples/s | CPU s / M samples | RSS max MiB (VmHWM) | p99 ms at half load | bytes in / sample | bytes out / sample / sink | sinks got / expected | failed requests |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  while IFS=$'\t' read -r peer lo acc cpu rss hwm p99 bin bout got want failed; do
    printf '| %s | %s | %.0f | %s | %s (%s) | %s | %s | %s | %s / %s | %s |\n' "$peer" "$lo" "$acc" "$cpu" "$rss" "$hwm" "$p99" "$bin" "$bout" "$got" "$want" "$failed"
  done <"$OUT_DIR/rows.tsv"
  local g v
  g="$(awk -F'\t' '$1 == "gateway"' "$OUT_DIR/rows.tsv")"; v="$(awk -F'\t' '$1 == "vmagent"' "$OUT_DIR/rows.tsv")"
  if [ -n "$g" ] && [ -n "$v" ]; then
    paste <(echo "$g") <(echo "$v") | awk -F'\t' '{
      printf "| **gateway / vmagent** | %.2fx | %.2fx | %.2fx | %.2fx | %.2fx | %.2fx | %.2fx | | |\n",
        $2 / $14, $3 / $15, $4 / $16, $5 / $17, $7 / $19, $8 / $20, $9 / $21 }'
  fi
}

jfr_top() {  # top 10 leaf frames of the gateway's execution samples
  [ -f "$OUT_DIR/gw.jfr" ] || return 0
  echo
  echo "JFR top frames (jdk.ExecutionSample, leaf method), $OUT_DIR/gw.jfr:"
  jfr print --events jdk.ExecutionSample --stack-depth 1 "$OUT_DIR/gw.jfr" | awk '
    /stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); n[$0]++; total++ }
    END { for (m in n) printf "%6.2f%%  %s\n", 100 * n[m] / total, m }' | sort -rn | head -10
}

write_relabel_rules
start_sinks
if [ "$MODE" = rss ]; then
  start_gateway
  log "rss: gateway pid $PEER_PID, $RSS_SERIES series at $RSS_RATE samples/s for ${RSS_SECONDS}s"
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
: >"$OUT_DIR/rows.tsv"
for peer in $PEERS; do measure_peer "$peer"; done
echo "machine: nproc $(nproc), $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(java -version 2>&1 | sed -n 2p)"
echo "started $START_INFO; ended $(date -u '+%H:%M:%S UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "workload: $SERIES series, --labels $LABELS, mix $MIX, $CONCURRENCY connections, $SAMPLES_PER_REQUEST samples/request, rw1 in, --replay"
echo
print_table
[ "$JFR" = 1 ] && jfr_top
log "files in $OUT_DIR"
