#!/usr/bin/env bash
# Benchmarks of plan-review, as whole processes (GNU time; `apt-get install time` if it is missing).
#   bench/run.sh bundled          a full run on the bundled data, 5 times
#   bench/run.sh streaming [ROWS] a run on a generated SAMPLE input of ROWS e-procedure rows (default
#                                 1,000,000) in a 256 MB heap: proves the input streams; then DuckDB on the same
#                                 file (load, every rate, the sub-row check), its counts checked against the job's
#   bench/run.sh floor [ROWS]     the least it costs to store ROWS e-procedure rows (default 1,000,000) in the
#                                 embedded database, with the table's indexes and with none (bench/InsertFloor.java):
#                                 why the job keeps the 主な手続 rows in memory and stores only the others
#   bench/run.sh receipts [ROWS] [FILES] [gzip]
#                                 SAMPLE receipt logs of ROWS applications (default 1,000,000) in FILES files
#                                 (default 8) under /tmp: the job's counting (heap 256 MB, peak RSS), DuckDB's
#                                 read_csv + GROUP BY and a bare two-core Java count on the same files, with ratios
#   bench/run.sh receipts-compare ROWS A.jar [B.jar]
#                                 the job's counting window of two builds in turn (RUNS rounds, default 4) on the
#                                 same SAMPLE logs: before/after a change on a machine whose load moves
# Build first: mvn -B -q -DskipTests package. JAR=<path> runs another build of the application (to compare two).
set -euo pipefail
cd "$(dirname "$0")/.."
app=${JAR:-target/plan-review.jar}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# DuckDB's JDBC driver for the benchmark only: Maven Central through Maven, never a dependency of the jar; and
# bench/'s Java compiled once (the benchmarks share DuckDb.java)
duckdb_jar=~/.m2/repository/org/duckdb/duckdb_jdbc/1.5.6.0/duckdb_jdbc-1.5.6.0.jar
bench_classes() {
  mvn -B -q dependency:get -Dartifact=org.duckdb:duckdb_jdbc:1.5.6.0 > /dev/null
  javac -d "$work/classes" bench/DuckDb.java bench/ReceiptBenchmark.java bench/EProcedureBenchmark.java
}
case "${1:-bundled}" in
  bundled)
    for i in 1 2 3 4 5; do
      /usr/bin/time -f "run $i: wall %e s, user %U s, peak RSS %M KB" \
        java -jar "$app" --output="$work/out" --plan-review.data-dir="$work/data" --force > /dev/null
    done ;;
  streaming)
    rows=${2:-1000000}
    java bench/SampleInputGenerator.java "$work/sample-input" "$rows"
    bench_classes
    /usr/bin/time -v java -Xmx256m -jar "$app" --input="$work/sample-input" --output="$work/out" \
        --fiscal-year=2023 --plan-review.data-dir="$work/data" > "$work/job.log" 2> "$work/time.txt" || true
    tail -1 "$work/job.log"
    echo "wall $(grep -E 'Elapsed \(wall' "$work/time.txt" | sed 's/.*: //'), user $(grep -E 'User time' "$work/time.txt" | sed 's/.*: //') s, peak RSS $(grep -E 'Maximum resident' "$work/time.txt" | sed 's/.*: //') KB"
    # the run's log: in its published folder, or in .failed-<run-id> when the run did not complete
    log=$(ls -t "$work"/out/FY2023/*/run.log "$work"/out/.failed-*/run.log 2>/dev/null | head -1 || true)
    published=$(dirname "$log")
    case "$published" in */.failed-*) published="" ;; esac
    # then DuckDB on the same file, in a fresh JVM: the loading, every rate and the sub-row check, compared with the job's
    java -cp "$duckdb_jar:$work/classes" EProcedureBenchmark "$work/sample-input/eprocedure-figures.csv" 2023 \
        "$log" "$work/job.log" "$work/time.txt" "$published" ;;
  receipts)
    rows=${2:-1000000}
    java bench/ReceiptLogGenerator.java "$work/receipt-input" "$rows" "${3:-8}" "${4:-plain}"
    du -sh "$work/receipt-input/receipts"
    bench_classes
    jar=$duckdb_jar
    runs=${RUNS:-3}
    job="" bare="" duck=""
    for i in $(seq 1 "$runs"); do
      /usr/bin/time -v java -Xmx256m -jar "$app" --input="$work/receipt-input" --output="$work/out" \
          --fiscal-year=2023 --plan-review.data-dir="$work/data" --force > "$work/job.log" 2> "$work/time.txt" || true
      log=$(ls -t "$work"/out/FY2023/*/run.log | head -1)
      # the job's counting: from the end of the step just before countReceiptsStep to the end of
      # summariseReceiptsStep (run.log's millisecond times). Until 2026-12-01 the window began at the end of
      # loadEprocedureFiguresStep, which since the measures' load steps came in also held four of them: printed
      # beside it as "from loadEprocedureFigures" for comparison with the older figures
      s=$(awk '/StepProgressListener - / {split($2, t, ":"); now = t[1] * 3600 + t[2] * 60 + t[3]}
               /StepProgressListener - countReceiptsStep/ {a = prev}
               /StepProgressListener - summariseReceiptsStep/ {b = now}
               /StepProgressListener - / {prev = now}
               END {printf "%.3f", b - a}' "$log")
      old=$(awk '/loadEprocedureFiguresStep/ {split($2, t, ":"); a = t[1] * 3600 + t[2] * 60 + t[3]}
               /summariseReceiptsStep/ {split($2, t, ":"); b = t[1] * 3600 + t[2] * 60 + t[3]}
               END {printf "%.3f", b - a}' "$log")
      job="$job${job:+,}$s"
      echo "round $i: job counting $s s (from loadEprocedureFigures $old s); $(grep -E 'StepProgressListener - (countReceipts|hashReceiptLogs)Step' "$log" | sed 's/.*StepProgressListener - //; s/  */ /g' | tr '\n' ';')"
      echo "  job whole run: $(grep -E 'Elapsed \(wall' "$work/time.txt" | sed 's/.*: //') wall, peak RSS $(grep -E 'Maximum resident' "$work/time.txt" | sed 's/.*: //') KB; $(tail -1 "$work/job.log" | sed 's/.*COMPLETED in/COMPLETED in/; s/; results.*//')"
      line=$(java -cp "$jar:$work/classes" ReceiptBenchmark "$work/receipt-input/receipts/FY2023")
      echo "  $line"
      bare="$bare${bare:+,}$(echo "$line" | sed 's/.*bare=\([0-9.]*\).*/\1/')"
      duck="$duck${duck:+,}$(echo "$line" | sed 's/.*duckdb=\([0-9.]*\).*/\1/')"
      total=$(echo "$line" | sed 's/rows=\([0-9]*\).*/\1/')
    done
    java -cp "$work/classes" ReceiptBenchmark summary "$total" "$job" "$bare" "$duck" ;;
  receipts-compare)
    # two builds in turn on the same generated logs: the job's counting window of each run (as above)
    rows=${2:-10000000}
    a=${3:?a build to compare, e.g. /tmp/before.jar}
    b=${4:-target/plan-review.jar}
    java bench/ReceiptLogGenerator.java "$work/receipt-input" "$rows" 8 plain
    for i in $(seq 1 "${RUNS:-4}"); do
      for build in "$a" "$b"; do
        rm -rf "$work/out" "$work/data"
        java -Xmx256m -jar "$build" --input="$work/receipt-input" --output="$work/out" --fiscal-year=2023 \
            --plan-review.data-dir="$work/data" --force > /dev/null 2>&1 || true
        log=$(ls "$work"/out/FY2023/*/run.log)
        s=$(awk '/StepProgressListener - / {split($2, t, ":"); now = t[1] * 3600 + t[2] * 60 + t[3]}
                 /StepProgressListener - countReceiptsStep/ {a = prev}
                 /StepProgressListener - summariseReceiptsStep/ {b = now}
                 /StepProgressListener - / {prev = now}
                 END {printf "%.3f", b - a}' "$log")
        echo "round $i $build: job counting $s s, load $(cut -d' ' -f1 /proc/loadavg)"
      done
    done ;;
  floor)
    # the database driver the job itself runs with, from its jar
    unzip -q -o target/plan-review.jar 'BOOT-INF/lib/hsqldb-*.jar' -d "$work"
    for indexes in 0 99; do
      java -Xmx256m -cp "$(ls "$work"/BOOT-INF/lib/hsqldb-*.jar)" bench/InsertFloor.java "${2:-1000000}" "$indexes"
    done ;;
  *) echo "usage: bench/run.sh bundled | streaming [ROWS] | receipts [ROWS] [FILES] [gzip] | receipts-compare ROWS A.jar [B.jar] | floor [ROWS]" >&2; exit 2 ;;
esac
