#!/usr/bin/env bash
# A one-article site, variants interleaved: each round runs every variant once, in turn, so a
# machine that drifts within the hour drifts for all of them alike.
#
#   src/test/bench/one-ab.sh ROUNDS VARIANT...
#
# A variant is either JVM options, passed to target/kaiyuan as KAIYUAN_JAVA_OPTS ("" for none), or
# L=PATH, another launcher (e.g. the launcher of an older jar copied elsewhere with its own
# archive). Each run is `build --no-cache` of ONE (default /tmp/one, made from this repository's
# seeds/2025-08-05-gpt-oss-120b.md when missing). Prints each variant's median wall time and
# CPU time (user + system), and its wall times in run order.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
ROUNDS=${1:?usage: one-ab.sh ROUNDS VARIANT...}
shift
ONE=${ONE:-/tmp/one}
if [ ! -d "$ONE/seeds" ]; then
    mkdir -p "$ONE/seeds"
    cp seeds/2025-08-05-gpt-oss-120b.md "$ONE/seeds/"
fi
TIME=$(mktemp)
LOG=$(mktemp)
trap 'rm -f "$TIME" "$LOG"' EXIT
source src/test/bench/ab-rounds.sh
for _ in $(seq 1 "$ROUNDS"); do
    i=0
    for variant in "$@"; do
        launcher=$PWD/target/kaiyuan
        opts=$variant
        case $variant in L=*) launcher=${variant#L=}; opts= ;; esac
        if ! env KAIYUAN_JAVA_OPTS="$opts" /usr/bin/time -f '%e %U %S' -o "$TIME" \
            "$launcher" build --no-cache --project "$ONE" >"$LOG" 2>&1; then
            tail -20 "$LOG" >&2
            echo "one-ab.sh: the build failed: [$variant]" >&2
            exit 1
        fi
        record "$i"
        i=$((i + 1))
    done
done
i=0
for variant in "$@"; do
    echo "[$variant]: wall median $(echo "${walls[i]}" | median) s, CPU median $(echo "${cpus[i]}" | median) s (${walls[i]# })"
    i=$((i + 1))
done
