#!/usr/bin/env bash
# loadtest/otlp-bytes.sh - what OTLP/HTTP (gzip, then identity) and RW 1.0 weigh coming in against
# what the gateway's RW 2.0 estimate says the same data weighs going out (docs/benchmarks.md,
# "OTLP in: bytes"). One gateway per protocol (default config: no backend, the egress estimator),
# the same rw-loadtest workload (10k series, a round every 10 s, 40 s). Needs the two jars
# (mvn -B -q package -DskipTests -pl gateway,loadtest -am). Work files in a temp dir.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d /tmp/otlp-bytes.XXXXXX)"
GW=""
trap '[ -n "$GW" ] && kill "$GW" 2>/dev/null; rm -rf "$WORK"' EXIT
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
metric() { curl -fsS "http://127.0.0.1:$1/metrics" | grep -E "^$2 " | awk '{print $2}'; }
for proto in "otlp --gzip" "otlp" "rw1"; do
  PORT=$(free_port)
  printf 'listen_address: 127.0.0.1:%s\nstats_log_interval: 0s\notlp: {grpc_listen_address: ""}\n' "$PORT" > $WORK/gw.yaml
  java -Xmx512m -jar $REPO/gateway/target/rw-gateway.jar --config $WORK/gw.yaml > $WORK/gw.log 2>&1 &
  GW=$!
  for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$PORT/-/ready" >/dev/null 2>&1 && break; sleep 0.2; done
  path=/v1/metrics; [ "$proto" = rw1 ] && path=/api/v1/write
  java -Xmx512m -jar $REPO/loadtest/target/rw-loadtest.jar run --target "http://127.0.0.1:$PORT$path" --protocol $proto \
    --series 10000 --rate 1000 --duration 40s --metadata --generators 1 --report $WORK/r.json > $WORK/run.log 2>&1
  sleep 7   # the estimator's window (batch.max_delay 5 s) flushes
  p=$(echo $proto | cut -d' ' -f1)
  inb=$(metric $PORT "rw_gateway_received_bytes_total\\{protocol=\"$p\"\\}")
  dec=$(metric $PORT "rw_gateway_received_decoded_bytes_total\\{protocol=\"$p\"\\}")
  out=$(metric $PORT 'rw_gateway_estimated_rw2_bytes_total\{encoding="snappy"\}')
  smp=$(metric $PORT "rw_gateway_received_samples_total\\{protocol=\"$p\"\\}")
  hist=$(metric $PORT "rw_gateway_received_histograms_total\\{protocol=\"$p\"\\}")
  echo "$proto: in $inb B (decoded $dec), samples $smp + histograms $hist, RW 2.0 estimate $out B, ratio $(python3 -c "print(round($out/$inb,3))"), in/sample $(python3 -c "print(round($inb/($smp+$hist),2))"), out/sample $(python3 -c "print(round($out/($smp+$hist),2))")"
  kill $GW; wait $GW 2>/dev/null || true; GW=""
done
