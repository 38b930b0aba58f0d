#!/usr/bin/env bash
# isolation.sh - backend isolation end to end: one backend dies, the other must not notice.
#
# The gateway relays to two RW 2.0 backends, `healthy` (sink A) and `flaky` (sink B, a moderate
# queue, drop_oldest), both `rw-loadtest sink --count-only`, fed RW 1.0 by `rw-loadtest run
# --replay` at a fixed --rate. Every run starts fresh processes, sends WARMUP_SECONDS of the same
# load (not measured: JIT), waits for both queues to drain, then measures LEAD + 4 x PHASE:
#   baseline: both sinks up the whole run;
#   outage:   B up for LEAD, then killed (port closed) for PHASE, then restarted with
#             `--error-rate 1 --error-status 503` for PHASE, then restarted with `--latency
#             HANG_LATENCY` (a hang: longer than the flaky backend's `timeout: FLAKY_TIMEOUT`)
#             for PHASE, then restarted normal for the last PHASE.
# For each run: sender requests, non-2xx answers, latency p50/p99 (the gateway's answer time);
# samples/s delivered to A and the gateway's send p99 to A (rw_gateway_send_duration_seconds
# buckets, interpolated as histogram_quantile does); for B: accepted, sent, dropped by reason,
# queued, and the identity accepted == sent + dropped + queued (float samples and native
# histograms each, read once nothing moves any more). Then a table per phase, and pass/fail:
# 0 refusals; A's delivery rate within TOLERANCE (10%) of its pair's baseline and A's send p99 at
# most TOLERANCE above it (lower is fine); B dropped something; identity holds. Also printed: the
# CPU others used on the gateway's core (busy ticks of that core minus the gateway's), per run and
# phase, to tell a neighbour's burst from the gateway's own behaviour.
#
# Env (defaults): SERIES=20000 RATE=50000 (samples/s) PHASE=60s LEAD=20s WARMUP_SECONDS=15
# SAMPLES_PER_REQUEST=2000 CONCURRENCY=4 (sender connections) LABELS=2 SEND_TIMEOUT=10s (sender)
# FLAKY_QUEUE=32MiB HEALTHY_QUEUE=64MiB FLAKY_TIMEOUT=10s HANG_LATENCY=30s
# RUNS="baseline outage" PAIRS=1 (RUNS repeated) TOLERANCE=0.10 DRAIN_MAX_SECONDS=120
# DISTURBED=0.05 (a run during which others used more than this share of the gateway's core is
# flagged DISTURBED in the verdict: a neighbour's build, not the outage, moved its figures)
# PIN=1 GW_CPU=1 LOAD_CPU=0 (gateway on GW_CPU with -XX:ActiveProcessorCount=1; generator, sinks
# and the poller on LOAD_CPU) SINK_B_NICE=10 (B's restarts are JVM start-ups on LOAD_CPU: niced so
# that they do not take the core from the generator and sink A)
# LOAD_MAX=1.0 LOAD_WAIT_MAX=600 (before each run, wait until the 1-min load average is below
# LOAD_MAX, polling every 15 s, at most LOAD_WAIT_MAX s; LOAD_MAX=0 skips)
# BASE_PORT=19700 SINK_A_PORT=BASE+1 SINK_B_PORT=BASE+2 GW_PORT=BASE+10 (loopback)
# GW_JAVA_OPTS=-Xmx512m GW_JAR LT_JAR OUT_DIR=(mktemp -d /tmp/rw-isolation.XXXXXX)
# Exit status: 0 when every outage run passes, 1 otherwise (or on a harness error).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then sed -n '2,36p' "$0"; exit 0; fi

secs() {  # 60s | 2m | 60 -> seconds
  case "$1" in *m) echo $(( ${1%m} * 60 ));; *s) echo "${1%s}";; *) echo "$1";; esac
}
SERIES="${SERIES:-20000}"; RATE="${RATE:-50000}"
PHASE_S="$(secs "${PHASE:-60s}")"; LEAD_S="$(secs "${LEAD:-20s}")"; WARMUP_SECONDS="${WARMUP_SECONDS:-15}"
SAMPLES_PER_REQUEST="${SAMPLES_PER_REQUEST:-2000}"; CONCURRENCY="${CONCURRENCY:-4}"; LABELS="${LABELS:-2}"
SEND_TIMEOUT="${SEND_TIMEOUT:-10s}"
FLAKY_QUEUE="${FLAKY_QUEUE:-32MiB}"; HEALTHY_QUEUE="${HEALTHY_QUEUE:-64MiB}"
FLAKY_TIMEOUT="${FLAKY_TIMEOUT:-10s}"; HANG_LATENCY="${HANG_LATENCY:-30s}"
RUNS="${RUNS:-baseline outage}"; PAIRS="${PAIRS:-1}"; TOLERANCE="${TOLERANCE:-0.10}"; DISTURBED="${DISTURBED:-0.05}"
DRAIN_MAX_SECONDS="${DRAIN_MAX_SECONDS:-120}"
PIN="${PIN:-1}"; GW_CPU="${GW_CPU:-1}"; LOAD_CPU="${LOAD_CPU:-0}"; SINK_B_NICE="${SINK_B_NICE:-10}"
LOAD_MAX="${LOAD_MAX:-1.0}"; LOAD_WAIT_MAX="${LOAD_WAIT_MAX:-600}"
BASE_PORT="${BASE_PORT:-19700}"
SINK_A_PORT="${SINK_A_PORT:-$((BASE_PORT + 1))}"; SINK_B_PORT="${SINK_B_PORT:-$((BASE_PORT + 2))}"
GW_PORT="${GW_PORT:-$((BASE_PORT + 10))}"
GW_JAVA_OPTS="${GW_JAVA_OPTS:--Xmx512m}"
GW_JAR="${GW_JAR:-$ROOT/gateway/target/rw-gateway.jar}"; LT_JAR="${LT_JAR:-$ROOT/loadtest/target/rw-loadtest.jar}"
OUT_DIR="${OUT_DIR:-$(mktemp -d /tmp/rw-isolation.XXXXXX)}"; mkdir -p "$OUT_DIR"
RUN_S=$((LEAD_S + 4 * PHASE_S))
TICKS="$(getconf CLK_TCK)"

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

for jar in "$GW_JAR" "$LT_JAR"; do [ -f "$jar" ] || die "$jar not built (mvn -B -q -DskipTests package)"; done
command -v jq >/dev/null || die "jq is needed"
command -v python3 >/dev/null || die "python3 is needed"
# Prefixes, not functions: a backgrounded simple command execs taskset, which execs java, so $!
# is the java process itself and stopping it by pid stops what was started.
if [ "$PIN" = 1 ]; then
  command -v taskset >/dev/null || die "taskset is needed (or PIN=0)"
  [ "$(nproc)" -gt "$GW_CPU" ] && [ "$(nproc)" -gt "$LOAD_CPU" ] || die "GW_CPU/LOAD_CPU beyond nproc $(nproc)"
  ON_LOAD=(taskset -c "$LOAD_CPU"); ON_GW=(taskset -c "$GW_CPU"); GW_CPU_OPTS="-XX:ActiveProcessorCount=1"
else
  ON_LOAD=(); ON_GW=(); GW_CPU_OPTS=""
fi

# --- processes we start, stopped by pid on exit ------------------------------------------
GW_PID=""; A_PID=""; B_PID=""; POLL_PID=""; RUN_PID=""
stop_pid() {  # stop_pid PID: TERM, wait up to 10 s, KILL
  local p="$1"
  [ -n "$p" ] || return 0
  kill "$p" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$p" 2>/dev/null || true
  wait "$p" 2>/dev/null || true
}
cleanup() {
  for p in "$RUN_PID" "$POLL_PID" "$GW_PID" "$A_PID" "$B_PID"; do stop_pid "$p"; done
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
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
now_ms() { date +%s%3N; }
sleep_until() {  # sleep_until EPOCH_MS
  local d=$(( $1 - $(now_ms) ))
  [ "$d" -gt 0 ] && sleep "$(awk -v d="$d" 'BEGIN { printf "%.3f", d / 1000 }')"
  return 0
}
wait_quiet() {  # prints the 1-min load average it ends with
  local waited=0 l
  while :; do
    l="$(cut -d' ' -f1 /proc/loadavg)"
    awk -v l="$l" -v m="$LOAD_MAX" 'BEGIN { exit !(m <= 0 || l < m) }' && break
    if [ "$waited" -ge "$LOAD_WAIT_MAX" ]; then log "load $l still >= $LOAD_MAX after ${waited}s: going anyway"; break; fi
    log "load average $l >= $LOAD_MAX, waiting (${waited}s so far)"
    sleep 15; waited=$((waited + 15))
  done
  echo "$l"
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# cpu_snapshot: "gateway_ticks gw_core_busy_ticks gw_core_steal_ticks" (busy = user nice system irq
# softirq; with PIN=1 nothing of ours but the gateway runs on its core, so busy - gateway = others,
# plus kernel time not charged to the gateway, e.g. softirq for its own loopback traffic)
cpu_snapshot() {
  local line
  if [ "$PIN" = 1 ]; then line="$(grep "^cpu$GW_CPU " /proc/stat)"; else line="$(grep '^cpu ' /proc/stat)"; fi
  echo "$(cpu_ticks "$GW_PID") $(awk '{ print $2 + $3 + $4 + $7 + $8, $9 }' <<<"$line")"
}

# --- sinks and gateway -------------------------------------------------------------------
start_sink_a() {
  "${ON_LOAD[@]}" java -jar "$LT_JAR" sink --count-only --listen "127.0.0.1:$SINK_A_PORT" >>"$RUN_DIR/sink-a.log" 2>&1 &
  A_PID=$!
  wait_http "http://127.0.0.1:$SINK_A_PORT/-/healthy" "$A_PID"
}
start_sink_b() {  # start_sink_b [extra sink flags]: a fresh B on the same port
  local i
  for i in $(seq 1 50); do port_free "$SINK_B_PORT" && break; sleep 0.1; done
  echo "--- $(date -u +%H:%M:%S.%3N) start: $*" >>"$RUN_DIR/sink-b.log"
  "${ON_LOAD[@]}" nice -n "$SINK_B_NICE" java -jar "$LT_JAR" sink --count-only --listen "127.0.0.1:$SINK_B_PORT" "$@" \
    >>"$RUN_DIR/sink-b.log" 2>&1 &
  B_PID=$!
  wait_http "http://127.0.0.1:$SINK_B_PORT/-/healthy" "$B_PID"
}
stop_sink_b() {  # keeps B's last stats: B_POINTS accumulates what every incarnation received
  local pts
  pts="$(curl -fsS -m 2 "http://127.0.0.1:$SINK_B_PORT/stats" 2>/dev/null | jq .total.points 2>/dev/null || echo 0)"
  B_POINTS=$((B_POINTS + ${pts:-0}))
  kill -9 "$B_PID" 2>/dev/null || true   # the port closes at once, as a crashed backend's
  wait "$B_PID" 2>/dev/null || true
  B_PID=""
  echo "--- $(date -u +%H:%M:%S.%3N) killed (had received $pts points)" >>"$RUN_DIR/sink-b.log"
}
start_gateway() {
  cat >"$RUN_DIR/gateway.yaml" <<YAML
listen_address: 127.0.0.1:$GW_PORT
stats_log_interval: 10s
otlp: {grpc_listen_address: ''}   # RW only: no OTLP/gRPC port to collide on
backends:
  - name: healthy
    url: http://127.0.0.1:$SINK_A_PORT/api/v1/write
    protocol: rw2
    queue: {max_bytes: $HEALTHY_QUEUE, on_full: drop_oldest}
  - name: flaky
    url: http://127.0.0.1:$SINK_B_PORT/api/v1/write
    protocol: rw2
    timeout: $FLAKY_TIMEOUT
    queue: {max_bytes: $FLAKY_QUEUE, on_full: drop_oldest}
YAML
  # shellcheck disable=SC2086
  "${ON_GW[@]}" java $GW_CPU_OPTS $GW_JAVA_OPTS -jar "$GW_JAR" --config "$RUN_DIR/gateway.yaml" >"$RUN_DIR/gateway.log" 2>&1 &
  GW_PID=$!
  wait_http "http://127.0.0.1:$GW_PORT/-/ready" "$GW_PID"
}
metrics() { curl -fsS -m 5 "http://127.0.0.1:$GW_PORT/metrics"; }
gw_value() {  # gw_value NAME BACKEND -> sum of that series over other labels
  metrics | awk -v n="$1" -v b="backend=\"$2\"" 'index($0, n) == 1 && substr($0, length(n) + 1, 1) ~ /[{ ]/ && index($0, b) { s += $NF } END { printf "%.0f\n", s }'
}
drain() {  # waits until both routes hold nothing (or DRAIN_MAX_SECONDS); prints the seconds
  local start=$SECONDS
  while [ $((SECONDS - start)) -lt "$DRAIN_MAX_SECONDS" ]; do
    if [ "$(gw_value rw_gateway_queue_requests healthy)" = 0 ] && [ "$(gw_value rw_gateway_queue_bytes healthy)" = 0 ] \
      && [ "$(gw_value rw_gateway_queue_requests flaky)" = 0 ] && [ "$(gw_value rw_gateway_queue_bytes flaky)" = 0 ]; then
      echo $((SECONDS - start)); return
    fi
    sleep 1
  done
  echo timeout
}
# poller: one line a second "epoch_ms A_points healthy_sent healthy_queue_bytes flaky_queue_bytes
# flaky_queue_full_drops flaky_sent gateway_ticks gw_core_busy_ticks gw_core_steal_ticks"
poller() {
  while :; do
    local t a m
    t="$(now_ms)"
    a="$(curl -fsS -m 1 "http://127.0.0.1:$SINK_A_PORT/stats" 2>/dev/null | jq .total.points 2>/dev/null || echo NA)"
    m="$(metrics 2>/dev/null || true)"
    echo "$t ${a:-NA} $(awk '
      /^rw_gateway_sent_(samples|histograms)_total\{/ && /backend="healthy"/ { hs += $NF }
      /^rw_gateway_queue_bytes\{/ && /backend="healthy"/ { hq += $NF }
      /^rw_gateway_queue_bytes\{/ && /backend="flaky"/ { fq += $NF }
      /^rw_gateway_dropped_(samples|histograms)_total\{/ && /backend="flaky"/ && /reason="queue_full"/ { fd += $NF }
      /^rw_gateway_sent_(samples|histograms)_total\{/ && /backend="flaky"/ { fs += $NF }
      END { printf "%.0f %.0f %.0f %.0f %.0f", hs, hq, fq, fd, fs }' <<<"$m") $(cpu_snapshot)"
    sleep 1
  done
}

# --- one run -----------------------------------------------------------------------------
loadtest_run() {  # loadtest_run NAME SECONDS (background: sets RUN_PID)
  "${ON_LOAD[@]}" java -jar "$LT_JAR" run --target "http://127.0.0.1:$GW_PORT/api/v1/write" --protocol rw1 \
    --series "$SERIES" --labels "$LABELS" --rate "$RATE" --concurrency "$CONCURRENCY" \
    --samples-per-request "$SAMPLES_PER_REQUEST" --replay --duration "${2}s" --timeout "$SEND_TIMEOUT" \
    --report "$RUN_DIR/$1.json" >"$RUN_DIR/$1.out" 2>"$RUN_DIR/$1.log" &
  RUN_PID=$!
}

one_run() {  # one_run KIND(baseline|outage) NAME
  local kind="$1" name="$2" load0 t0 p
  RUN_DIR="$OUT_DIR/$name"; mkdir -p "$RUN_DIR"; B_POINTS=0
  for p in "$SINK_A_PORT" "$SINK_B_PORT" "$GW_PORT"; do port_free "$p" || die "port $p is taken (set BASE_PORT)"; done
  load0="$(wait_quiet)"
  log "$name: starting sinks (core $LOAD_CPU) and gateway (core $GW_CPU), load $load0"
  start_sink_a; start_sink_b; start_gateway
  log "$name: warm-up ${WARMUP_SECONDS}s at $RATE samples/s"
  loadtest_run warmup "$WARMUP_SECONDS"; wait "$RUN_PID" || die "warm-up failed: $RUN_DIR/warmup.log"; RUN_PID=""
  log "$name: warm-up drained in $(drain)s"
  sleep 3
  metrics >"$RUN_DIR/m0.prom"
  curl -fsS -m 2 "http://127.0.0.1:$SINK_A_PORT/stats" >"$RUN_DIR/a0.json"
  cpu_snapshot >"$RUN_DIR/cpu0"
  echo "start $(date -u '+%Y-%m-%d %H:%M:%S') $(cut -d' ' -f1-3 /proc/loadavg)" >"$RUN_DIR/info"
  echo "launch $load0" >>"$RUN_DIR/info"   # before our processes started, after the wait
  "${ON_LOAD[@]}" bash -c "$(declare -f poller metrics now_ms cpu_ticks cpu_snapshot); SINK_A_PORT=$SINK_A_PORT GW_PORT=$GW_PORT GW_PID=$GW_PID PIN=$PIN GW_CPU=$GW_CPU poller" >"$RUN_DIR/poll.txt" 2>/dev/null &
  POLL_PID=$!
  log "$name: measuring ${RUN_S}s ($kind)"
  loadtest_run run "$RUN_S"
  # t0 = the sender's first second: its first progress line is printed at 1.0 s.
  for _ in $(seq 1 300); do grep -q '^\[ *1\.[0-9]s\]' "$RUN_DIR/run.log" 2>/dev/null && break; sleep 0.05; done
  t0=$(( $(now_ms) - 1000 ))
  : >"$RUN_DIR/phases.tsv"
  phase() { echo "$1 $2" >>"$RUN_DIR/phases.tsv"; }
  phase up "$t0"
  sleep_until $((t0 + LEAD_S * 1000))
  if [ "$kind" = outage ]; then
    stop_sink_b; phase down "$(now_ms)"; log "$name: B killed (port closed)"
    sleep_until $((t0 + (LEAD_S + PHASE_S) * 1000))
    start_sink_b --error-rate 1 --error-status 503; phase 503 "$(now_ms)"; log "$name: B answers 503"
    sleep_until $((t0 + (LEAD_S + 2 * PHASE_S) * 1000))
    stop_sink_b; start_sink_b --latency "$HANG_LATENCY"; phase hang "$(now_ms)"; log "$name: B hangs ($HANG_LATENCY per answer)"
    sleep_until $((t0 + (LEAD_S + 3 * PHASE_S) * 1000))
    stop_sink_b; start_sink_b; phase recovered "$(now_ms)"; log "$name: B normal again"
  else
    # the same windows, B untouched, so phases compare one to one
    phase down $((t0 + LEAD_S * 1000)); phase 503 $((t0 + (LEAD_S + PHASE_S) * 1000))
    phase hang $((t0 + (LEAD_S + 2 * PHASE_S) * 1000)); phase recovered $((t0 + (LEAD_S + 3 * PHASE_S) * 1000))
  fi
  wait "$RUN_PID" || die "run failed: $RUN_DIR/run.log"; RUN_PID=""
  phase end "$(now_ms)"
  metrics >"$RUN_DIR/m1.prom"
  curl -fsS -m 2 "http://127.0.0.1:$SINK_A_PORT/stats" >"$RUN_DIR/a1.json"
  cpu_snapshot >"$RUN_DIR/cpu1"
  log "$name: load done; draining (up to ${DRAIN_MAX_SECONDS}s)"
  echo "drain $(drain)" >>"$RUN_DIR/info"
  sleep 2   # nothing in flight: the counters settle, then one quiescent scrape for the identity
  metrics >"$RUN_DIR/m2.prom"
  curl -fsS -m 2 "http://127.0.0.1:$SINK_A_PORT/stats" >"$RUN_DIR/a2.json"
  B_POINTS=$((B_POINTS + $(curl -fsS -m 2 "http://127.0.0.1:$SINK_B_PORT/stats" | jq .total.points)))
  echo "b_points $B_POINTS" >>"$RUN_DIR/info"
  echo "end $(date -u '+%Y-%m-%d %H:%M:%S') $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RUN_DIR/info"
  stop_pid "$POLL_PID"; POLL_PID=""
  stop_pid "$GW_PID"; GW_PID=""
  stop_pid "$A_PID"; A_PID=""; stop_pid "$B_PID"; B_PID=""
  python3 "$OUT_DIR/analyze.py" run "$RUN_DIR" "$kind" "$name" >"$RUN_DIR/result.json"
  log "$name: done"
}

# --- analysis (python3, standard library only) -------------------------------------------
cat >"$OUT_DIR/analyze.py" <<'PY'
import json, os, re, sys

LINE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)')
LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')

def prom(path):
    out = []
    for line in open(path):
        if line.startswith('#') or not line.strip():
            continue
        m = LINE.match(line)
        if m:
            out.append((m.group(1), dict(LABEL.findall(m.group(2) or '')), float(m.group(3))))
    return out

def val(ms, name, **lab):
    return sum(v for n, l, v in ms if n == name and all(l.get(k) == x for k, x in lab.items()))

def by(ms, name, key, **lab):
    d = {}
    for n, l, v in ms:
        if n == name and all(l.get(k) == x for k, x in lab.items()):
            d[l.get(key, '')] = d.get(l.get(key, ''), 0) + v
    return d

def quantile(q, m0, m1, backend):
    b0 = by(m0, 'rw_gateway_send_duration_seconds_bucket', 'le', backend=backend)
    b1 = by(m1, 'rw_gateway_send_duration_seconds_bucket', 'le', backend=backend)
    buckets = sorted((float('inf') if le == '+Inf' else float(le), b1[le] - b0.get(le, 0)) for le in b1)
    if not buckets or buckets[-1][1] <= 0:
        return None
    rank = q * buckets[-1][1]
    prev_le, prev_c = 0.0, 0.0
    for le, c in buckets:
        if c >= rank:
            if le == float('inf'):
                return prev_le * 1000
            return (prev_le + (le - prev_le) * (rank - prev_c) / (c - prev_c if c > prev_c else 1)) * 1000
        prev_le, prev_c = le, c
    return None

def run(d, kind, name):
    rep = json.load(open(os.path.join(d, 'run.json')))
    m0, m1, m2 = (prom(os.path.join(d, f)) for f in ('m0.prom', 'm1.prom', 'm2.prom'))
    a0, a1, a2 = (json.load(open(os.path.join(d, f)))['total']['points'] for f in ('a0.json', 'a1.json', 'a2.json'))
    info = {l.split()[0]: l.split()[1:] for l in open(os.path.join(d, 'info'))}
    codes = rep.get('status_codes', {})
    non2xx = sum(v for k, v in codes.items() if not str(k).startswith('2'))
    dur = rep['duration_s']
    tck = os.sysconf('SC_CLK_TCK')
    c0, c1 = ([int(x) for x in open(os.path.join(d, f)).read().split()] for f in ('cpu0', 'cpu1'))
    cpu = (c1[0] - c0[0]) / tck
    r = {
        'name': name, 'kind': kind,
        'start_utc': ' '.join(info['start'][:2]), 'end_utc': ' '.join(info['end'][:2]),
        'load_start': info['start'][2], 'load_end': info['end'][2], 'drain_s': info['drain'][0],
        'load_launch': info.get('launch', ['?'])[0],
        'duration_s': dur, 'requests': rep['requests'], 'non2xx': non2xx, 'status_codes': codes,
        'requests_failed': rep.get('requests_failed'),
        'samples_sent': rep['samples_sent'], 'samples_accepted': rep['samples_accepted'],
        'sender_rate': rep['samples_sent'] / dur,
        'p50_ms': rep['latency_ms']['p50'], 'p99_ms': rep['latency_ms']['p99'], 'p999_ms': rep['latency_ms']['p999'],
        'max_ms': rep['latency_ms']['max'],
        'p99_corrected_ms': (rep.get('latency_corrected_ms') or {}).get('p99'),
        'gw_codes': {k: v - by(m0, 'rw_gateway_received_requests_total', 'code').get(k, 0)
                     for k, v in by(m1, 'rw_gateway_received_requests_total', 'code').items()},
        'gw_backpressure': val(m1, 'rw_gateway_rejected_requests_total', reason='backpressure')
                           - val(m0, 'rw_gateway_rejected_requests_total', reason='backpressure'),
        'gw_cpu_s': cpu, 'gw_cpu_s_per_m': cpu / (rep['samples_sent'] / 1e6),
        'gw_core_foreign_s': (c1[1] - c0[1]) / tck - cpu, 'gw_core_steal_s': (c1[2] - c0[2]) / tck,
        'a_points_run': a1 - a0, 'a_rate': (a1 - a0) / dur, 'a_points_drained': a2 - a0,
        'a_send_p50_ms': quantile(0.50, m0, m1, 'healthy'), 'a_send_p99_ms': quantile(0.99, m0, m1, 'healthy'),
        'a_send_count': val(m1, 'rw_gateway_send_duration_seconds_count', backend='healthy')
                        - val(m0, 'rw_gateway_send_duration_seconds_count', backend='healthy'),
        'healthy_dropped': val(m2, 'rw_gateway_dropped_samples_total', backend='healthy')
                           + val(m2, 'rw_gateway_dropped_histograms_total', backend='healthy'),
        'healthy_sent_run': sum(val(m2, f'rw_gateway_sent_{k}_total', backend='healthy')
                                - val(m0, f'rw_gateway_sent_{k}_total', backend='healthy') for k in ('samples', 'histograms')),
        'b_sink_points': int(info['b_points'][0]),
        'b_queue_bytes_end_of_load': val(m1, 'rw_gateway_queue_bytes', backend='flaky'),
        'b_queue_points_end_of_load': val(m1, 'rw_gateway_queue_samples', backend='flaky')
                                      + val(m1, 'rw_gateway_queue_histograms', backend='flaky'),
        'b_retries': by(m2, 'rw_gateway_retries_total', 'reason', backend='flaky'),
        'b_sent_bytes': val(m2, 'rw_gateway_sent_bytes_total', backend='flaky', encoding='snappy'),
    }
    # B per kind over the run (m0: after the warm-up drained, m2: once nothing moves), and its
    # identity on the counters since the gateway started, at both quiescent scrapes
    ident = {}
    for k in ('samples', 'histograms', 'exemplars'):
        def at(m):
            acc = val(m, f'rw_gateway_accepted_{k}_total', backend='flaky')
            sent = val(m, f'rw_gateway_sent_{k}_total', backend='flaky')
            drop = by(m, f'rw_gateway_dropped_{k}_total', 'reason', backend='flaky')
            q = val(m, f'rw_gateway_queue_{k}', backend='flaky')
            return acc, sent, drop, q, acc - sent - sum(drop.values()) - q
        acc0, sent0, drop0, q0, diff0 = at(m0)
        acc, sent, drop, q, diff = at(m2)
        ident[k] = {'accepted': acc - acc0, 'sent': sent - sent0,
                    'dropped': {x: v - drop0.get(x, 0) for x, v in drop.items()}, 'queued': q,
                    'queued_at_start': q0, 'diff': diff, 'diff_at_start': diff0,
                    'accepted_total': acc, 'sent_total': sent, 'dropped_total': sum(drop.values())}
    r['b'] = ident
    r['b_points'] = {f: ident['samples'][f] + ident['histograms'][f] for f in ('accepted', 'sent', 'queued')}
    r['b_dropped'] = {}
    for k in ('samples', 'histograms'):
        for reason, v in ident[k]['dropped'].items():
            r['b_dropped'][reason] = r['b_dropped'].get(reason, 0) + v
    r['b_identity_ok'] = all(abs(ident[k]['diff']) < 0.5 and abs(ident[k]['diff_at_start']) < 0.5 for k in ident)
    # bytes per point on the wire to B (healthy: same encoding), to size B's queue
    hs = val(m2, 'rw_gateway_sent_samples_total', backend='healthy') + val(m2, 'rw_gateway_sent_histograms_total', backend='healthy')
    r['wire_bytes_per_point'] = val(m2, 'rw_gateway_sent_bytes_total', backend='healthy', encoding='snappy') / hs if hs else None
    # per phase: A's rate (poller), B's queue and drops, the sender's per-second p99 (timeline)
    phases = [l.split() for l in open(os.path.join(d, 'phases.tsv'))]
    t0 = int(phases[0][1])
    poll = []
    for l in open(os.path.join(d, 'poll.txt')):
        f = l.split()
        if len(f) == 10 and f[1] != 'NA':
            poll.append([int(f[0])] + [float(x) for x in f[1:]])
    drops = [x for x in poll if x[5] > (poll[0][5] if poll else 0)]
    r['b_first_drop_s'] = round((drops[0][0] - t0) / 1000) if drops else None
    tl = rep.get('timeline', [])
    per = []
    for (p, s), (_, e) in zip(phases, phases[1:]):
        s, e = int(s), int(e)
        pts = [x for x in poll if s <= x[0] <= e]
        row = {'phase': p, 'from_s': round((s - t0) / 1000), 'to_s': round((e - t0) / 1000)}
        if len(pts) >= 2:
            row['a_rate'] = (pts[-1][1] - pts[0][1]) / ((pts[-1][0] - pts[0][0]) / 1000)
            row['b_queue_max_mib'] = max(x[4] for x in pts) / 2**20
            row['b_dropped'] = pts[-1][5] - pts[0][5]
            row['b_sent'] = pts[-1][6] - pts[0][6]
            row['gw_cpu_s'] = (pts[-1][7] - pts[0][7]) / tck
            row['gw_core_foreign_s'] = (pts[-1][8] - pts[0][8]) / tck - row['gw_cpu_s']
            # worst 1-s delivery to A inside the phase
            row['a_rate_min_1s'] = min((b[1] - a[1]) / ((b[0] - a[0]) / 1000) for a, b in zip(pts, pts[1:]) if b[0] > a[0])
        secs = [x for x in tl if (s - t0) / 1000 < x['t_s'] <= (e - t0) / 1000 and x.get('latency_p99_ms') is not None]
        if secs:
            p99s = sorted(x['latency_p99_ms'] for x in secs)
            row['sender_p99_median_1s'] = p99s[len(p99s) // 2]
            row['sender_p99_max_1s'] = p99s[-1]
            row['sender_errors'] = sum(x.get('errors', 0) for x in tl if (s - t0) / 1000 < x['t_s'] <= (e - t0) / 1000)
        per.append(row)
    r['phases'] = per
    json.dump(r, sys.stdout, indent=1)

def fmt(x, nd=1):
    return '-' if x is None else (f'{x:,.{nd}f}' if isinstance(x, float) else f'{x:,}')

def disturbed(r, share):
    """others' CPU on the gateway core above share of the run, with the worst phase"""
    if r['gw_core_foreign_s'] <= share * r['duration_s']:
        return None
    worst = max(r['phases'], key=lambda p: p.get('gw_core_foreign_s') or 0)
    return (f"DISTURBED: {r['gw_core_foreign_s']:.1f} s of others' CPU on the gateway core in {r['duration_s']:.0f} s, "
            f"{worst.get('gw_core_foreign_s', 0):.1f} s in phase {worst['phase']}")

def summary(out, tol, share=0.05):
    rs = [json.load(open(os.path.join(out, n, 'result.json'))) for n in sorted(os.listdir(out))
          if os.path.isfile(os.path.join(out, n, 'result.json'))]
    rs.sort(key=lambda r: r['start_utc'])
    print('Load: the 1-min load average when the run was launched (after waiting for it to drop below LOAD_MAX) and when the measured window began (after our JVM start-ups and the warm-up, so partly ours).')
    print('B columns: samples + native histograms over the run; B queued: at the end of the load / once drained; identity: accepted = sent + dropped + queued on the counters since start, at the run\'s first and last scrape.')
    print()
    print('| run | UTC | load 1m at launch / after warm-up | sender requests | non-2xx | sender p50 / p99 ms | samples/s to A | gateway send p50 / p99 to A ms | A got all | B accepted | B sent | B dropped (reason) | B queued | B identity | B first drop at s | gateway CPU s / M samples | gateway core busy minus gateway CPU, s (others; ±0.5 s accounting skew) |')
    print('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|')
    for r in rs:
        dropped = ', '.join(f'{int(v):,} ({k})' for k, v in sorted(r['b_dropped'].items()) if v) or '0'
        print(f"| {r['name']} | {r['start_utc'][11:16]}-{r['end_utc'][11:16]} | {r['load_launch']} / {r['load_start']} | {r['requests']:,} | {r['non2xx']} "
              f"| {fmt(r['p50_ms'])} / {fmt(r['p99_ms'])} | {r['a_rate']:,.0f} | {fmt(r['a_send_p50_ms'], 2)} / {fmt(r['a_send_p99_ms'], 2)} "
              f"| {'yes' if r['healthy_sent_run'] == r['samples_accepted'] else 'NO: %d of %d' % (r['healthy_sent_run'], r['samples_accepted'])} "
              f"| {int(r['b_points']['accepted']):,} | {int(r['b_points']['sent']):,} | {dropped} | {int(r['b_queue_points_end_of_load']):,} / {int(r['b_points']['queued']):,} "
              f"| {'holds' if r['b_identity_ok'] else 'BROKEN ' + str({k: v['diff'] for k, v in r['b'].items()})} | {fmt(r['b_first_drop_s'])} | {r['gw_cpu_s_per_m']:.2f} | {r['gw_core_foreign_s']:.1f} |")
    print()
    print('Per phase (seconds from the sender\'s start; A = samples/s delivered to sink A, by the poller; sender p99 = median / worst of its per-second p99s):')
    print()
    print('| run | phase | s | A samples/s (worst 1 s) | sender p99 ms median / worst 1 s | sender errors | B queue max MiB | B dropped | B sent | gateway CPU s | gateway core busy minus gateway CPU, s |')
    print('|---|---|---|---|---|---|---|---|---|---|---|')
    for r in rs:
        for p in r['phases']:
            print(f"| {r['name']} | {p['phase']} | {p['from_s']}-{p['to_s']} | {fmt(p.get('a_rate'), 0)} ({fmt(p.get('a_rate_min_1s'), 0)}) "
                  f"| {fmt(p.get('sender_p99_median_1s'))} / {fmt(p.get('sender_p99_max_1s'))} | {p.get('sender_errors', '-')} "
                  f"| {fmt(p.get('b_queue_max_mib'))} | {fmt(p.get('b_dropped'), 0)} | {fmt(p.get('b_sent'), 0)} "
                  f"| {fmt(p.get('gw_cpu_s'))} | {fmt(p.get('gw_core_foreign_s'))} |")
    print()
    ok_all = True
    base = None
    for r in rs:
        if r['kind'] == 'baseline':
            base = r
            continue
        if base is None:
            print(f"{r['name']}: no baseline before it, nothing to compare")
            ok_all = False
            continue
        checks = []
        checks.append(('0 refusals', r['non2xx'] == 0 and r['gw_backpressure'] == 0,
                       f"non-2xx {r['non2xx']}, gateway backpressure refusals {int(r['gw_backpressure'])}"))
        dr = r['a_rate'] / base['a_rate'] - 1
        checks.append((f'A rate within {tol:.0%}', abs(dr) <= tol,
                       f"{r['a_rate']:,.0f} vs {base['a_rate']:,.0f} samples/s ({dr:+.1%})"))
        if r['a_send_p99_ms'] and base['a_send_p99_ms']:
            dp = r['a_send_p99_ms'] / base['a_send_p99_ms'] - 1
            checks.append((f'A send p99 at most {tol:.0%} above', dp <= tol,
                           f"{r['a_send_p99_ms']:.2f} vs {base['a_send_p99_ms']:.2f} ms ({dp:+.1%})"))
        else:
            checks.append(('A send p99', False, 'no histogram data'))
        bd = sum(r['b_dropped'].values())
        checks.append(('B drops > 0', bd > 0, f"{int(bd):,} dropped ({', '.join(sorted(k for k, v in r['b_dropped'].items() if v))})"))
        checks.append(('B identity', r['b_identity_ok'], 'accepted == sent + dropped + queued' if r['b_identity_ok'] else
                       str({k: v['diff'] for k, v in r['b'].items()})))
        ok = all(c[1] for c in checks)
        ok_all &= ok
        noise = [f"{x['name']} {disturbed(x, share)}" for x in (base, r) if disturbed(x, share)]
        print(f"{'PASS' if ok else 'FAIL'} {r['name']} vs {base['name']}: " +
              '; '.join(f"{c[0]}: {'ok' if c[1] else 'FAILED'} ({c[2]})" for c in checks) +
              ''.join(f"\n  {n} (rerun it)" for n in noise))
        print(f"  info: sender p99 {r['p99_ms']:.1f} vs {base['p99_ms']:.1f} ms ({r['p99_ms'] / base['p99_ms'] - 1:+.1%}), "
              f"p50 {r['p50_ms']:.1f} vs {base['p50_ms']:.1f} ms")
    bases = [r for r in rs if r['kind'] == 'baseline']
    for a, b in zip(bases, bases[1:]):
        print(f"noise reference, {b['name']} vs {a['name']} (no outage in either): samples/s to A {b['a_rate'] / a['a_rate'] - 1:+.1%}, "
              f"gateway send p99 to A {b['a_send_p99_ms']:.2f} vs {a['a_send_p99_ms']:.2f} ms ({b['a_send_p99_ms'] / a['a_send_p99_ms'] - 1:+.1%}), "
              f"sender p99 {b['p99_ms']:.1f} vs {a['p99_ms']:.1f} ms ({b['p99_ms'] / a['p99_ms'] - 1:+.1%})")
    return 0 if ok_all else 1

if __name__ == '__main__':
    if sys.argv[1] == 'run':
        run(*sys.argv[2:5])
    else:
        sys.exit(summary(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]) if len(sys.argv) > 4 else 0.05))
PY

# --- main --------------------------------------------------------------------------------
log "files in $OUT_DIR; $SERIES series at $RATE samples/s, run ${RUN_S}s (lead ${LEAD_S}s + 4 x ${PHASE_S}s), B queue $FLAKY_QUEUE"
for pair in $(seq 1 "$PAIRS"); do
  for kind in $RUNS; do one_run "$kind" "$pair-$kind"; done
done
set +e
{
  echo "machine: nproc $(nproc), $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(java -version 2>&1 | sed -n 2p)"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (working tree differs from HEAD)')"
  echo "workload: rw1 in, $SERIES series (--labels $LABELS), $RATE samples/s, $SAMPLES_PER_REQUEST samples/request, $CONCURRENCY connections, --replay; warm-up ${WARMUP_SECONDS}s, run ${RUN_S}s = lead ${LEAD_S}s + 4 x ${PHASE_S}s"
  echo "gateway: two rw2 backends, healthy queue $HEALTHY_QUEUE, flaky queue $FLAKY_QUEUE (drop_oldest) timeout $FLAKY_TIMEOUT; hang = sink --latency $HANG_LATENCY$([ "$PIN" = 1 ] && echo "; pinned: gateway core $GW_CPU (-XX:ActiveProcessorCount=1), generator + sinks + poller core $LOAD_CPU, B nice $SINK_B_NICE")"
  echo
  python3 "$OUT_DIR/analyze.py" summary "$OUT_DIR" "$TOLERANCE" "$DISTURBED"
} | tee "$OUT_DIR/summary.md"
status="${PIPESTATUS[0]}"
set -e
log "files in $OUT_DIR"
exit "$status"
