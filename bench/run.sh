#!/usr/bin/env bash
# Benchmarks of plan-review, as whole processes (GNU time; `apt-get install time` if it is missing).
#   bench/run.sh bundled          a full run on the bundled data, 5 times
#   bench/run.sh streaming [ROWS] a run on a generated SAMPLE input of ROWS e-procedure rows (default
#                                 1,000,000) in a 256 MB heap: proves the input streams
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
  *) echo "usage: bench/run.sh bundled | streaming [ROWS]" >&2; exit 2 ;;
esac
