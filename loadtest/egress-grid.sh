#!/usr/bin/env bash
# loadtest/egress-grid.sh - the egress ratio grid of issue 10: RW 2.0 bytes the gateway sends / RW 1.0
# bytes it receives (both snappy, metadata requests included) and the p99 delivery delay, for series x
# scrape interval x max_delay x metadata, measured by `rw-loadtest egress-grid` on the gateway's own
# egress code in virtual time (one JVM for the whole grid). Writes docs/egress-grid.csv, the table
# docs/egress-grid.md and the chart docs/egress-grid.svg. Builds the loadtest jar when it is missing
# or older than the sources.
#
# Knobs (environment):
#   SERIES=2000,100000,1000000  SCRAPES=1,15,30,60  DELAYS=5,15,30,60,120  METADATA=full,type_and_unit
#   DELAYS_FOR="1000000=5,30,60"  max_delay values for one series count (space-separated list of N=LIST)
#   OUT=docs  HEAP=8g  RW_LOADTEST_JAR=<jar>  GRID_ARGS="--short-windows 10 ..." (see egress-grid --help)
#   REPORT_ONLY=1  remake the .md and .svg from an existing $OUT/egress-grid.csv
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${RW_LOADTEST_JAR:-$REPO/loadtest/target/rw-loadtest.jar}"
SERIES="${SERIES:-2000,100000,1000000}"
SCRAPES="${SCRAPES:-1,15,30,60}"
DELAYS="${DELAYS:-5,15,30,60,120}"
METADATA="${METADATA:-full,type_and_unit}"
OUT="${OUT:-$REPO/docs}"
HEAP="${HEAP:-8g}"
mkdir -p "$OUT"

if [ -z "${RW_LOADTEST_JAR:-}" ] && { [ ! -f "$JAR" ] || [ -n "$(find "$REPO"/translators "$REPO"/config "$REPO"/gateway "$REPO"/loadtest \
    -path '*/src/main/*' -newer "$JAR" -print -quit)" ]; }; then
  echo "building $JAR" >&2
  (cd "$REPO" && mvn -B -q -o install -N && mvn -B -q -o package -DskipTests -pl loadtest -am)
fi

ARGS=(--series "$SERIES" --scrape "$SCRAPES" --max-delay "$DELAYS" --metadata "$METADATA"
  --csv "$OUT/egress-grid.csv" --md "$OUT/egress-grid.md" --svg "$OUT/egress-grid.svg")
for d in ${DELAYS_FOR:-}; do ARGS+=(--delays-for "$d"); done
# shellcheck disable=SC2206
EXTRA=(${GRID_ARGS:-})

if [ -n "${REPORT_ONLY:-}" ]; then
  exec java -jar "$JAR" egress-grid "${ARGS[@]}" "${EXTRA[@]}" --report-only \
    --note "${NOTE:-Remade from the CSV.}"
fi

START="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
LOAD0="$(cut -d' ' -f1-3 /proc/loadavg)"
T0=$(date +%s)
java -Xmx"$HEAP" -jar "$JAR" egress-grid "${ARGS[@]}" "${EXTRA[@]}"
T1=$(date +%s)
NOTE="Run ${START} for $((T1 - T0)) s wall (one JVM, -Xmx${HEAP}) on $(nproc) cores, \
loadavg $LOAD0 at the start and $(cut -d' ' -f1-3 /proc/loadavg) at the end (the machine was shared: \
CPU contention changes wall time, never bytes). Java $(java -version 2>&1 | head -1 | tr -d '"')."
java -jar "$JAR" egress-grid "${ARGS[@]}" "${EXTRA[@]}" --report-only --note "$NOTE"
echo "wrote $OUT/egress-grid.csv, $OUT/egress-grid.md, $OUT/egress-grid.svg ($NOTE)" >&2
