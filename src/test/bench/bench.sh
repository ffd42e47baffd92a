#!/usr/bin/env bash
# Whole-build benchmark of Kaiyuan on generated corpora (issue #7).
#
#   src/test/bench/bench.sh [SIZE ...]          # default sizes: 1000 10000 50000
#
# For each SIZE it generates (once; kept while size, seed and generator are unchanged) a project
# BENCH_WORK/corpus-SIZE with SIZE Markdown articles (dev.kaiyuan.bench.CorpusGenerator, test
# scope) plus this repository's knowledge base (seeds/data), then runs
#   target/kaiyuan build --project CORPUS --out OUT --no-cache [--base-url URL]
# (the launcher, with JAVA_OPTS as KAIYUAN_JAVA_OPTS; PLAIN_JAR=1: java $JAVA_OPTS -jar target/kaiyuan.jar)
# once to warm the file cache and RUNS times counted, each a cold JVM into an emptied OUT, and
# prints a Markdown table: median wall time, median CPU time (user + sys: steadier than wall time on
# a busy machine), pages per second (of wall time), peak RSS.
#
# Environment:
#   RUNS=3                                  counted runs per size (after 1 warm-up run)
#   BENCH_WORK=/dev/shm/kaiyuan-bench-own   corpora and outputs (tmpfs: measures the build, not the disk)
#   SEED=42                                 corpus seed (same seed, same bytes)
#   BASE_URL=https://bench.example.org/     passed as --base-url so feeds, sitemap and head metadata are
#                                           built as for a published site; BASE_URL= (empty) leaves it out
#   JAVA_OPTS=                              options for the build's JVM, e.g. -Xmx2g
#   PLAIN_JAR=0                             1: run java -jar instead of the launcher target/kaiyuan
#   CACHE=0                                 1: keep the build cache (.kaiyuan/) between runs, so counted
#                                           runs are rebuilds of an unchanged corpus; default: cold builds
#   REBUILD=0                               1: rebuild the jar and test classes first (default: only if missing)
#
# pages = .html files in the output (the build's "Built N articles, M pages" line counts the same);
# files = all files written (pages plus feeds, sitemap, search index, assets). Peak RSS is the largest of the
# counted runs (/usr/bin/time %M, or the kernel's ru_maxrss via python3 where GNU time is missing).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
ROOT=$PWD
RUNS=${RUNS:-3}
BENCH_WORK=${BENCH_WORK:-/dev/shm/kaiyuan-bench-own}
SEED=${SEED:-42}
BASE_URL=${BASE_URL-https://bench.example.org/}
JAVA_OPTS=${JAVA_OPTS:-}
CACHE=${CACHE:-0}
REBUILD=${REBUILD:-0}
JAR=$ROOT/target/kaiyuan.jar
if [ "${PLAIN_JAR:-0}" = 1 ]; then
    # shellcheck disable=SC2206 # JAVA_OPTS is a list of options
    KAIYUAN=(java $JAVA_OPTS -jar "$JAR")
else
    KAIYUAN=(env "KAIYUAN_JAVA_OPTS=$JAVA_OPTS" "$ROOT/target/kaiyuan")
fi
GENERATOR=$ROOT/target/test-classes/dev/kaiyuan/bench/CorpusGenerator.class
if [ "$#" -gt 0 ]; then SIZES=("$@"); else SIZES=(1000 10000 50000); fi

die() { echo "bench.sh: $*" >&2; exit 1; }

for n in "${SIZES[@]}"; do [[ $n =~ ^[0-9]+$ ]] || die "size must be a number: $n"; done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number: $RUNS"
command -v java >/dev/null || die "java not found"

# `package` compiles the test classes too (-DskipTests only skips running them), so one build
# gives both the jar and the generator.
if [ "$REBUILD" = 1 ] || [ ! -f "$JAR" ] || [ ! -x "$ROOT/target/kaiyuan" ] || [ ! -f "$GENERATOR" ]; then
    echo "building target/kaiyuan.jar and the test classes (mvn -q -B package -DskipTests) …" >&2
    mvn -q -B package -DskipTests >&2
fi
[ -f "$JAR" ] || die "no $JAR after mvn package"
[ -f "$GENERATOR" ] || die "no $GENERATOR after mvn package"

# time_cmd FILE CMD...: runs CMD (output to FILE.log), writes "WALL_S MAX_RSS_KIB CPU_S" into FILE.
if [ -x /usr/bin/time ]; then
    time_cmd() { local f=$1; shift; /usr/bin/time -f '%e %M %U %S' -o "$f" "$@" >"$f.log" 2>&1; }
else
    command -v python3 >/dev/null || die "need /usr/bin/time (GNU time) or python3 to measure runs"
    time_cmd() {
        local f=$1; shift
        python3 - "$f" "$@" <<'PY'
import os, subprocess, sys, time
out, cmd = sys.argv[1], sys.argv[2:]
with open(out + ".log", "wb") as log:
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
with open(out, "w") as f:
    f.write("%.2f %d %.2f\n" % (wall, ru.ru_maxrss, ru.ru_utime + ru.ru_stime))
sys.exit(os.waitstatus_to_exitcode(status))
PY
    }
fi

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

mkdir -p "$BENCH_WORK"
gen_hash=$(sha256sum "$GENERATOR" | cut -c1-16)
build_args=()
if [ -n "$BASE_URL" ]; then build_args=(--base-url "$BASE_URL"); fi
if [ "$CACHE" != 1 ]; then build_args+=(--no-cache); fi

echo "Kaiyuan $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src pom.xml templates 2>/dev/null || echo ' (modified)'), $(java -version 2>&1 | head -1), $(nproc) cores, JAVA_OPTS='${JAVA_OPTS}', $([ "${PLAIN_JAR:-0}" = 1 ] && echo 'java -jar' || echo 'target/kaiyuan'), runs: 1 warm-up + $RUNS, work: $BENCH_WORK" >&2

rows=()
for n in "${SIZES[@]}"; do
    corpus=$BENCH_WORK/corpus-$n
    out=$BENCH_WORK/out-$n
    stamp="$n $SEED $gen_hash"
    if [ "$(cat "$corpus/.generated" 2>/dev/null || true)" != "$stamp" ]; then
        echo "generating $n articles into $corpus …" >&2
        rm -rf "$corpus"
        java -cp "$ROOT/target/test-classes" dev.kaiyuan.bench.CorpusGenerator "$n" "$corpus/seeds" --seed "$SEED"
        echo "$stamp" >"$corpus/.generated"
    fi
    # The knowledge base is copied fresh each time: it is part of the repository being measured.
    rm -rf "$corpus/seeds/data" "$corpus/.kaiyuan"
    cp -r "$ROOT/seeds/data" "$corpus/seeds/data"

    walls=()
    cpus=()
    peak=0
    for ((run = 0; run <= RUNS; run++)); do
        rm -rf "$out"
        t=$BENCH_WORK/time-$n-$run
        # shellcheck disable=SC2086  # JAVA_OPTS is a list of options
        if ! time_cmd "$t" "${KAIYUAN[@]}" build --project "$corpus" --out "$out" ${build_args[@]+"${build_args[@]}"}; then
            tail -n 20 "$t.log" >&2
            die "build of $n articles failed (log: $t.log)"
        fi
        read -r wall rss user sys <"$t"
        cpu=$(awk -v u="$user" -v s="${sys:-0}" 'BEGIN { printf "%.2f", u + s }')
        label="warm-up"; [ "$run" -gt 0 ] && label="run $run"
        echo "  $n articles, $label: ${wall} s wall, ${cpu} s CPU, $((rss / 1024)) MiB — $(grep -m1 '^Built ' "$t.log" || echo 'no summary line')" >&2
        if [ "$run" -gt 0 ]; then
            walls+=("$wall")
            cpus+=("$cpu")
            [ "$rss" -gt "$peak" ] && peak=$rss
        fi
    done
    built=$(grep -m1 '^Built ' "$t.log" || true)
    articles=$(sed -nE 's/^Built ([0-9]+) articles?, .*/\1/p' <<<"$built")
    pages=$(find "$out" -type f -name '*.html' | wc -l)
    files=$(find "$out" -type f | wc -l)
    med=$(printf '%s\n' "${walls[@]}" | median)
    cpu_med=$(printf '%s\n' "${cpus[@]}" | median)
    range=$(printf '%s\n' "${walls[@]}" | sort -g | sed -n '1p;$p' | paste -sd'-' -)
    rows+=("$(awk -v n="$n" -v a="${articles:-?}" -v p="$pages" -v f="$files" -v m="$med" -v r="$range" -v c="$cpu_med" -v k="$peak" \
        'BEGIN { printf "| %d | %s | %d | %d | %.2f | %s | %.2f | %.0f | %.1f | %.0f |", n, a, p, f, m, r, c, p / m, a / m, k / 1024 }')")
done

echo
echo "| seeds | articles | pages (.html) | files | median wall s | min-max s | median CPU s | pages/s | articles/s | peak RSS MiB |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
