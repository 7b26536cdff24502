#!/usr/bin/env bash
# Issue 14's end-to-end comparison, as whole processes in one run on the same file:
#   wabill simulate (ledger; --no-ledger; --threads 1 and 2) through the ./wabill launcher and its batch JVM options,
#   DuckDB pricing the file in SQL (io.wabill.bench.e2e.SqlPricing, the DuckDB JDBC driver of the oracle test),
#   a plain Java program reading the file and splitting every line on commas (io.wabill.bench.e2e.ReadSplit).
# Each is timed with /usr/bin/time (wall, user, system, max RSS) and preceded by the 1-minute load average.
#
#   benchmarks/e2e/run.sh [ROWS] [REPEATS]      (default 2000000 rows, 1 repeat; the steps are interleaved per repeat)
#
# WABILL_BASELINE_JAR=path/to/older/wabill.jar also times that jar (same JVM options as the launcher, one thread,
# with the ledger) in the same run, and checks that its ledger, summary, accounting, daily and tiers files are
# byte-identical. WABILL_BASELINE_OPTS replaces the baseline's JVM options (those of its own launcher, say).
#
# The log (one business number, 50,000 customers, epoch seconds, October 2025 under PMP, CSW, US block, tiers, no
# entry points) and its tiered card are written once into ${WABILL_BENCH_DIR:-/tmp/wabill-bench}/e2e.
# Results: a table on stdout and in $DIR/results-<time>.txt; outputs of each run in $DIR/out-*.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROWS="${1:-2000000}"
REPEATS="${2:-1}"
DIR="${WABILL_BENCH_DIR:-/tmp/wabill-bench}/e2e"
mkdir -p "$DIR"
cd "$ROOT"

BENCH_JAR="$ROOT/benchmarks/target/benchmarks.jar"
if [ ! -f "$BENCH_JAR" ] || [ ! -f "$ROOT/cli/target/wabill.jar" ] \
   || [ -n "$(find "$ROOT" \( -name target -o -name .git \) -prune -o -name '*.java' -newer "$BENCH_JAR" -print -quit)" ]; then
  echo "building (mvnw package, no tests)..." >&2
  ./mvnw -B -o -q package -DskipTests -pl benchmarks -am >&2
fi
# The version the oracle test uses: the parent pom's duckdb.version property (dependencyManagement).
DUCKDB_VERSION="$(sed -n 's/.*<duckdb\.version>\([^<]*\)<.*/\1/p' pom.xml | head -1)"
DUCKDB_JAR="${HOME}/.m2/repository/org/duckdb/duckdb_jdbc/$DUCKDB_VERSION/duckdb_jdbc-$DUCKDB_VERSION.jar"
[ -f "$DUCKDB_JAR" ] || { echo "DuckDB JDBC $DUCKDB_VERSION not in ~/.m2: run the cli tests once (DuckDbOracleTest)" >&2; exit 3; }

LOG="$DIR/pmp-$ROWS.csv"
CARDS="$DIR/cards"
if [ ! -f "$LOG" ]; then
  echo "writing $LOG..." >&2
  java -cp "$BENCH_JAR" io.wabill.bench.e2e.PmpLog "$ROWS" 50000 "$LOG.partial" "$CARDS"
  mv "$LOG.partial" "$LOG"
fi
SIZE_MB=$(( $(stat -c %s "$LOG") / 1000000 ))

RESULTS="$DIR/results-$(date -u +%Y%m%dT%H%M%S).txt"
{
  echo "# $(date -u '+%F %T UTC'), $ROWS rows ($SIZE_MB MB), $(nproc) processors, $(java -version 2>&1 | head -1)"
  echo "# WABILL_JAVA_OPTS=${WABILL_JAVA_OPTS:-} (launcher batch options: see ./wabill)"
  printf '%-28s %8s %8s %8s %8s %9s %s\n' step wall_s user_s sys_s cpu_s maxrss_MB load1
} | tee "$RESULTS"

measure() { # name command...
  local name="$1"; shift
  local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  local tf; tf="$(mktemp)"
  if ! /usr/bin/time -o "$tf" -f '%e %U %S %M' "$@" > "$DIR/$name.stdout" 2> "$DIR/$name.stderr"; then
    echo "$name failed: see $DIR/$name.stderr" >&2; cat "$DIR/$name.stderr" >&2; rm -f "$tf"; return 1
  fi
  read -r wall user sys rss < <(tail -1 "$tf")
  rm -f "$tf"
  printf '%-28s %8.2f %8.2f %8.2f %8.2f %9d %s\n' "$name" "$wall" "$user" "$sys" "$(echo "$user + $sys" | bc)" \
      "$((rss / 1024))" "$load" | tee -a "$RESULTS"
}

# The launcher's batch options (collector, young generation, JIT), from its own lines, for the baseline jar.
# WABILL_BASELINE_OPTS replaces them (the options of the baseline's own launcher, say).
BATCH_OPTS="${WABILL_BASELINE_OPTS:-}"
[ -n "$BATCH_OPTS" ] || BATCH_OPTS="$(sed -n '/^BATCH_GC=/,/^set -euo pipefail/p' wabill | grep -v '^set ' | bash -c 'eval "$(cat)"; echo "$BATCH_GC $BATCH_HEAP $BATCH_JIT"')"
for r in $(seq 1 "$REPEATS"); do
  measure "read-split" java -cp "$BENCH_JAR" io.wabill.bench.e2e.ReadSplit "$LOG"
  measure "duckdb-sql" java -cp "$BENCH_JAR:$DUCKDB_JAR" io.wabill.bench.e2e.SqlPricing "$LOG" "$CARDS/meta-rates-USD-2025-07-01.csv"
  measure "simulate-ledger-t1" ./wabill simulate "$LOG" --rates "$CARDS" --out "$DIR/out-ledger-t1" --quiet --threads 1
  measure "simulate-ledger-t2" ./wabill simulate "$LOG" --rates "$CARDS" --out "$DIR/out-ledger-t2" --quiet --threads 2
  measure "simulate-noledger-t1" ./wabill simulate "$LOG" --rates "$CARDS" --out "$DIR/out-noledger-t1" --quiet --threads 1 --no-ledger
  if [ -n "${WABILL_BASELINE_JAR:-}" ]; then
    measure "baseline-jar-ledger-t1" java $BATCH_OPTS ${WABILL_JAVA_OPTS:-} -jar "$WABILL_BASELINE_JAR" \
        simulate "$LOG" --rates "$CARDS" --out "$DIR/out-baseline-t1" --quiet --threads 1
  fi
done
if [ -n "${WABILL_BASELINE_JAR:-}" ]; then
  for f in ledger.csv summary.csv accounting.csv daily.csv tiers.csv; do
    cmp -s "$DIR/out-ledger-t1/$f" "$DIR/out-baseline-t1/$f" && echo "# $f byte-identical to the baseline jar's" | tee -a "$RESULTS" \
        || echo "WARNING: $f differs from the baseline jar's" | tee -a "$RESULTS"
  done
fi
for f in ledger.csv summary.csv accounting.csv; do
  cmp -s "$DIR/out-ledger-t1/$f" "$DIR/out-ledger-t2/$f" || echo "WARNING: $f differs between 1 and 2 threads" | tee -a "$RESULTS"
done
# DuckDB's table against wabill's summary.csv (month, market, category, pricing type -> messages, amount)
awk -F, 'NR > 1 { a = $7; if (a ~ /\./) { sub(/0+$/, "", a); sub(/\.$/, "", a) } print $1 "," $3 "," $4 "," $5 "," $6 "," a }' \
    "$DIR/out-ledger-t1/summary.csv" | sort > "$DIR/wabill-cells.txt"
sort "$DIR/duckdb-sql.stdout" > "$DIR/duckdb-cells.txt"
if cmp -s "$DIR/wabill-cells.txt" "$DIR/duckdb-cells.txt"; then
  echo "# DuckDB's prices equal wabill's summary.csv on all $(wc -l < "$DIR/duckdb-cells.txt") cells" | tee -a "$RESULTS"
else
  echo "WARNING: DuckDB's prices differ from wabill's summary.csv: diff $DIR/wabill-cells.txt $DIR/duckdb-cells.txt" | tee -a "$RESULTS"
fi
echo "# results in $RESULTS; DuckDB's table in $DIR/duckdb-sql.stdout, wabill's in $DIR/out-ledger-t1/summary.csv" >&2
