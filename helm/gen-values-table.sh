#!/usr/bin/env bash
# Writes the values table of helm/rw-gateway/README.md from the `# --` comments of values.yaml
# (ValuesTable.java, run as a single source file: only a JDK is needed). `--check` changes nothing
# and exits 1 when the table is out of date (HelmValuesTableTest runs it so in `mvn verify`).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec java "$here/src/main/java/io/rwgateway/helm/ValuesTable.java" "$here/rw-gateway" "$@"
