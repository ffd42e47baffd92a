#!/usr/bin/env bash
# Cold builds (--no-cache) of one project by several launchers in interleaved rounds: each round
# builds once with every launcher in turn, so a machine that drifts within the hour drifts for all
# of them alike.
#
#   src/test/bench/cold-ab.sh PROJECT ROUNDS LAUNCHER...
#
# A launcher is a target/kaiyuan beside its own kaiyuan.jar, with its class-data archive recorded
# in its own folder (see add-one-ab.sh). Each build writes into BENCH_WORK/cold-ab/out (default
# BENCH_WORK /dev/shm/kaiyuan-bench-own), emptied before each build and not timed. Prints each
# launcher's median wall and CPU seconds, its walls in run order, its peak RSS, and in how many
# rounds it was faster than the first launcher. KAIYUAN_JAVA_OPTS reaches every launcher.
# PAUSE (seconds, default 0) is waited before each build: on a virtual machine whose balloon
# reports free pages to its host, memory freed by the build before is handed back after a few
# seconds, and a build that starts at once finds it still there, as a build in CI does not.
set -euo pipefail

PROJECT=${1:?usage: cold-ab.sh PROJECT ROUNDS LAUNCHER...}
ROUNDS=${2:?usage: cold-ab.sh PROJECT ROUNDS LAUNCHER...}
shift 2
[ "$#" -gt 0 ] || { echo "cold-ab.sh: name at least one launcher" >&2; exit 1; }
OUT=${BENCH_WORK:-/dev/shm/kaiyuan-bench-own}/cold-ab/out
TIME=$(mktemp)
LOG=$(mktemp)
trap 'rm -f "$TIME" "$LOG"' EXIT
mkdir -p "$(dirname "$OUT")"

source "$(dirname "${BASH_SOURCE[0]}")/ab-rounds.sh"
declare -a faster
for r in $(seq 1 "$ROUNDS"); do
    n=0
    first=
    for launcher in "$@"; do
        n=$((n + 1))
        rm -rf "$OUT"
        sleep "${PAUSE:-0}"
        if ! /usr/bin/time -f '%e %U %S %M' -o "$TIME" "$launcher" build --no-cache --project "$PROJECT" \
            --out "$OUT" >"$LOG" 2>&1; then
            tail -20 "$LOG" >&2
            echo "cold-ab.sh: the build with $launcher failed" >&2
            exit 1
        fi
        record "$n"
        if [ -z "$first" ]; then
            first=$last_wall
        elif awk -v a="$last_wall" -v b="$first" 'BEGIN { exit !(a < b) }'; then
            faster[n]=$((${faster[n]:-0} + 1))
        fi
    done
done
rm -rf "$OUT"
n=0
for launcher in "$@"; do
    n=$((n + 1))
    than=
    if [ "$n" -gt 1 ]; then than=", faster than the first in ${faster[n]:-0} of $ROUNDS"; fi
    echo "[$launcher]: wall median $(echo "${walls[n]}" | median) s, CPU median $(echo "${cpus[n]}" | median) s," \
        "peak $(echo "${rss[n]}" | largest) MiB (${walls[n]# })$than"
done
