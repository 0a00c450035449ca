#!/usr/bin/env bash
# Benchmarks of plan-review, as whole processes (GNU time; `apt-get install time` if it is missing).
#   bench/run.sh bundled          a full run on the bundled data, 5 times
#   bench/run.sh streaming [ROWS] a run on a generated SAMPLE input of ROWS e-procedure rows (default
#                                 1,000,000) in a 256 MB heap: proves the input streams
#   bench/run.sh floor [ROWS]     the least it costs to store ROWS e-procedure rows (default 1,000,000) in the
#                                 embedded database, with the table's indexes and with none (bench/InsertFloor.java)
#   bench/run.sh receipts [ROWS] [FILES] [gzip]
#                                 SAMPLE receipt logs of ROWS applications (default 1,000,000) in FILES files
#                                 (default 8) under /tmp: the job's counting (heap 256 MB, peak RSS), DuckDB's
#                                 read_csv + GROUP BY and a bare two-core Java count on the same files, with ratios
# Build first: mvn -B -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case "${1:-bundled}" in
  bundled)
    for i in 1 2 3 4 5; do
      /usr/bin/time -f "run $i: wall %e s, user %U s, peak RSS %M KB" \
        java -jar target/plan-review.jar --output="$work/out" --plan-review.data-dir="$work/data" --force > /dev/null
    done ;;
  streaming)
    rows=${2:-1000000}
    java bench/SampleInputGenerator.java "$work/sample-input" "$rows"
    /usr/bin/time -f "wall %e s, user %U s, peak RSS %M KB" \
      java -Xmx256m -jar target/plan-review.jar --input="$work/sample-input" --output="$work/out" \
        --fiscal-year=2023 --plan-review.data-dir="$work/data" ;;
  receipts)
    rows=${2:-1000000}
    java bench/ReceiptLogGenerator.java "$work/receipt-input" "$rows" "${3:-8}" "${4:-plain}"
    du -sh "$work/receipt-input/receipts"
    # DuckDB's JDBC driver for the benchmark only: Maven Central through Maven, never a dependency of the jar
    mvn -B -q dependency:get -Dartifact=org.duckdb:duckdb_jdbc:1.5.6.0 > /dev/null
    jar=~/.m2/repository/org/duckdb/duckdb_jdbc/1.5.6.0/duckdb_jdbc-1.5.6.0.jar
    runs=${RUNS:-3}
    job="" bare="" duck=""
    for i in $(seq 1 "$runs"); do
      /usr/bin/time -v java -Xmx256m -jar target/plan-review.jar --input="$work/receipt-input" --output="$work/out" \
          --fiscal-year=2023 --plan-review.data-dir="$work/data" --force > "$work/job.log" 2> "$work/time.txt" || true
      log=$(ls -t "$work"/out/FY2023/*/run.log | head -1)
      # the job's counting: from the end of the step before it to the end of summariseReceiptsStep, in ms
      s=$(awk '/loadEprocedureFiguresStep/ {split($2, t, ":"); a = t[1] * 3600 + t[2] * 60 + t[3]}
               /summariseReceiptsStep/ {split($2, t, ":"); b = t[1] * 3600 + t[2] * 60 + t[3]}
               END {printf "%.3f", b - a}' "$log")
      job="$job${job:+,}$s"
      echo "round $i: job counting $s s; $(grep -E 'StepProgressListener - (countReceipts|hashReceiptLogs)Step' "$log" | sed 's/.*StepProgressListener - //; s/  */ /g' | tr '\n' ';')"
      echo "  job whole run: $(grep -E 'Elapsed \(wall' "$work/time.txt" | sed 's/.*: //') wall, peak RSS $(grep -E 'Maximum resident' "$work/time.txt" | sed 's/.*: //') KB; $(tail -1 "$work/job.log" | sed 's/.*COMPLETED in/COMPLETED in/; s/; results.*//')"
      line=$(java -cp "$jar" bench/ReceiptBenchmark.java "$work/receipt-input/receipts/FY2023")
      echo "  $line"
      bare="$bare${bare:+,}$(echo "$line" | sed 's/.*bare=\([0-9.]*\).*/\1/')"
      duck="$duck${duck:+,}$(echo "$line" | sed 's/.*duckdb=\([0-9.]*\).*/\1/')"
      total=$(echo "$line" | sed 's/rows=\([0-9]*\).*/\1/')
    done
    java bench/ReceiptBenchmark.java summary "$total" "$job" "$bare" "$duck" ;;
  floor)
    # the database driver the job itself runs with, from its jar
    unzip -q -o target/plan-review.jar 'BOOT-INF/lib/hsqldb-*.jar' -d "$work"
    for indexes in 0 99; do
      java -Xmx256m -cp "$(ls "$work"/BOOT-INF/lib/hsqldb-*.jar)" bench/InsertFloor.java "${2:-1000000}" "$indexes"
    done ;;
  *) echo "usage: bench/run.sh bundled | streaming [ROWS] | floor [ROWS] | receipts [ROWS] [FILES] [gzip]" >&2; exit 2 ;;
esac
