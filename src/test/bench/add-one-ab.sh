#!/usr/bin/env bash
# The CI case of ci-add-one.sh (one article added to a large site, rebuilt with its cache), for
# launchers compared in interleaved rounds: each round rebuilds once with every launcher in turn,
# so a machine that drifts within the hour drifts for all of them alike.
#
#   src/test/bench/add-one-ab.sh PROJECT ROUNDS LAUNCHER...
#
# A launcher is a target/kaiyuan beside its own kaiyuan.jar, e.g. an older jar's copied with its
# jar into a folder of its own. Its class-data archive must be recorded there (the archive names
# the jar's path, and the JVM silently ignores one recorded for another): copy target/kaiyuan and
# target/kaiyuan.jar, then record the archive as the pom does, from a cached rebuild of a copy of
# src/cds whose seeds each got a line longer (java -XX:ArchiveClassesAtExit=DIR/kaiyuan.jsa -jar
# DIR/kaiyuan.jar build --project COPY).
# Each launcher gets its own copy of PROJECT in BENCH_WORK/ab-N/ (default /dev/shm/kaiyuan-bench-own),
# built cold with the cache on and then once more. In each round, for each launcher: the project's
# last Markdown seed is copied under a new name dated 2026-12-31, the rebuild is timed, and the
# article is removed again (rebuilding, untimed). Prints each launcher's median wall and CPU
# seconds, its walls in run order, and its peak RSS. KAIYUAN_JAVA_OPTS reaches every launcher.
# PAUSE (seconds, default 1) is waited before each timed rebuild (see cold-ab.sh).
set -euo pipefail

SOURCE=${1:?usage: add-one-ab.sh PROJECT ROUNDS LAUNCHER...}
ROUNDS=${2:?usage: add-one-ab.sh PROJECT ROUNDS LAUNCHER...}
shift 2
[ "$#" -gt 0 ] || { echo "add-one-ab.sh: name at least one launcher" >&2; exit 1; }
WORK=${BENCH_WORK:-/dev/shm/kaiyuan-bench-own}
TIME=$(mktemp)
LOG=$(mktemp)
trap 'rm -f "$TIME" "$LOG"' EXIT

n=0
for launcher in "$@"; do
    n=$((n + 1))
    project=$WORK/ab-$n/project
    rm -rf "$WORK/ab-$n" && mkdir -p "$WORK/ab-$n"
    cp -r "$SOURCE" "$project"
    rm -rf "$project/.kaiyuan"
    "$launcher" build --project "$project" --out "$WORK/ab-$n/site" >/dev/null 2>&1
    "$launcher" build --project "$project" --out "$WORK/ab-$n/site" >/dev/null 2>&1
done

source "$(dirname "${BASH_SOURCE[0]}")/ab-rounds.sh"
for r in $(seq 1 "$ROUNDS"); do
    n=0
    for launcher in "$@"; do
        n=$((n + 1))
        project=$WORK/ab-$n/project
        last=$(ls "$project/seeds" | grep -E '\.md$' | grep -v '^2026-12-31-added-article-' | sort | tail -1)
        added=$project/seeds/2026-12-31-added-article-$r.md
        sed -e "s/^slug:.*/slug: added-article-$r/" -e 's/^date:.*/date: 2026-12-31/' "$project/seeds/$last" >"$added"
        sleep "${PAUSE:-1}"
        if ! /usr/bin/time -f '%e %U %S %M' -o "$TIME" "$launcher" build --project "$project" \
            --out "$WORK/ab-$n/site" >"$LOG" 2>&1; then
            rm -f "$added"
            tail -20 "$LOG" >&2
            echo "add-one-ab.sh: the rebuild with $launcher failed" >&2
            exit 1
        fi
        record "$n"
        rm "$added"
        "$launcher" build --project "$project" --out "$WORK/ab-$n/site" >/dev/null 2>&1
    done
done
n=0
for launcher in "$@"; do
    n=$((n + 1))
    echo "[$launcher]: wall median $(echo "${walls[n]}" | median) s, CPU median $(echo "${cpus[n]}" | median) s," \
        "peak $(echo "${rss[n]}" | largest) MiB (${walls[n]# })"
done
