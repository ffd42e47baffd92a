#!/usr/bin/env bash
# The CI case of issue #7: a large site is rebuilt with its cache after one article was added.
#
#   src/test/bench/ci-add-one.sh PROJECT [RUNS]
#
# Copies PROJECT (a Kaiyuan project, e.g. a corpus of bench.sh or ../shared/bench/run.sh) to
# BENCH_WORK/ci/project, builds it once cold with the cache on (as the CI run before), then RUNS
# times (default 3): copies the last article under a new name dated 2026-12-31, rebuilds with the
# cache and removes the added article again (rebuilding, untimed, so each run starts from the same
# site). Prints the cold build, each timed rebuild (wall, CPU, peak RSS), how many output files the
# rebuild wrote (newer than the added article), and whether the rebuilt site is byte-identical to a
# cold --no-cache build of the same project.
#
# TOUCH=1 gives every seed a new time before each timed rebuild, settled (4 s before it), as a CI
# job's fresh checkout does: the rebuild then reads every seed again and keeps the new stamps.
# Builds run through the launcher target/kaiyuan, as users run them (PLAIN_JAR=1: java -jar instead).
# Environment: BENCH_WORK (/dev/shm/kaiyuan-bench-own), JAVA_OPTS (options for the build's JVM,
# passed to the launcher as KAIYUAN_JAVA_OPTS).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
JAR=$PWD/target/kaiyuan.jar
[ -f "$JAR" ] && [ -x target/kaiyuan ] || { echo "ci-add-one.sh: build the jar first: mvn -q -B package -DskipTests" >&2; exit 1; }
SOURCE=${1:?usage: ci-add-one.sh PROJECT [RUNS]}
RUNS=${2:-3}
WORK=${BENCH_WORK:-/dev/shm/kaiyuan-bench-own}/ci
JAVA_OPTS=${JAVA_OPTS:-}
if [ "${PLAIN_JAR:-0}" = 1 ]; then
    # shellcheck disable=SC2206 # JAVA_OPTS is a list of options
    KAIYUAN=(java $JAVA_OPTS -jar "$JAR")
else
    KAIYUAN=(env "KAIYUAN_JAVA_OPTS=$JAVA_OPTS" "$PWD/target/kaiyuan")
fi

rm -rf "$WORK" && mkdir -p "$WORK"
cp -r "$SOURCE" "$WORK/project"
rm -rf "$WORK/project/.kaiyuan"
P=$WORK/project
OUT=$WORK/site

# timed LABEL ARGS...: one build, its wall and CPU seconds and peak RSS on one line
timed() {
    local label=$1; shift
    /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" "${KAIYUAN[@]}" build --project "$P" "$@" \
        >"$WORK/build.log" 2>&1 || { tail -20 "$WORK/build.log" >&2; exit 1; }
    read -r wall user sys rss <"$WORK/time"
    printf '%-28s %7.2f s wall %7.2f s CPU %6d MiB   %s\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" \
        $((rss / 1024)) "$(grep -E '^Built' "$WORK/build.log" || true)"
}

timed "cold, cache on" --out "$OUT"
last=$(ls "$P/seeds" | grep -E '\.md$' | sort | tail -1)
for i in $(seq 1 "$RUNS"); do
    added=$P/seeds/2026-12-31-added-article-$i.md
    sed -e "s/^slug:.*/slug: added-article-$i/" -e 's/^date:.*/date: 2026-12-31/' "$P/seeds/$last" >"$added"
    if [ "${TOUCH:-0}" = 1 ]; then
        find "$P/seeds" -type f -exec touch {} +
        sleep 4
    fi
    sleep 1
    timed "one article added (run $i)" --out "$OUT"
    echo "  files written: $(find "$OUT" -newer "$added" -type f | wc -l) of $(find "$OUT" -type f | wc -l)"
    if [ "$i" = "$RUNS" ]; then
        "${KAIYUAN[@]}" build --project "$P" --out "$WORK/cold" --no-cache >/dev/null 2>&1
        if diff -rq "$OUT" "$WORK/cold" >/dev/null; then echo "  identical to a cold build"
        else echo "  DIFFERS from a cold build:"; diff -rq "$OUT" "$WORK/cold" | head; fi
    fi
    rm "$added"
    "${KAIYUAN[@]}" build --project "$P" --out "$OUT" >/dev/null 2>&1
done
