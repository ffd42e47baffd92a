# Shared by one-ab.sh, add-one-ab.sh and cold-ab.sh, which source it: the lists of each launcher's
# (or variant's) runs, and their medians.
declare -a walls cpus rss
# record N: adds the run that /usr/bin/time -f '%e %U %S %M' described in $TIME (%M may be left out)
# to the lists of launcher N: its wall and CPU (user + system) seconds and its peak in MiB; the
# wall is also left in last_wall
record() {
    local wall user sys peak
    read -r wall user sys peak <"$TIME"
    walls[$1]="${walls[$1]:-} $wall"
    cpus[$1]="${cpus[$1]:-} $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"
    rss[$1]="${rss[$1]:-} $((${peak:-0} / 1024))"
    last_wall=$wall
}
# the middle value of the numbers on stdin (separated by spaces), or the mean of the two middle ones
median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); print (NR % 2 ? v[m] : (v[m] + v[m + 1]) / 2) }'; }
# the largest of the numbers on stdin (separated by spaces)
largest() { tr ' ' '\n' | grep . | sort -n | tail -1; }
