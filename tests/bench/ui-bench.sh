#!/bin/sh
# UI benchmark (not a test): start-up to a shown window, idle memory, preview update for a
# 10 KB template, and the longest UI-thread stall while a 50 MB response is received and
# shown. Runs everything under one private Xvfb display.
#
#   tests/bench/ui-bench.sh [BUILD_DIR] [RUNS]
#
# Goals: start < 0.5 s median, idle RSS < 100 MB, preview update < 5 ms,
# longest stall < 50 ms (median of 5 runs).
set -eu

src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-"$src/build"}
runs=${2:-7}
app="$build/app/webhook-designer"
panes="$build/tests/bench/bench_ui_panes"
sample="$src/resources/sample.webhooks.json"

command -v Xvfb >/dev/null || { echo "ui-bench.sh runs under Xvfb: apt-get install xvfb" >&2; exit 1; }
for f in "$app" "$panes"; do
    [ -x "$f" ] || { echo "missing $f: build webhook-designer and bench_ui_panes first" >&2; exit 1; }
done

# A private display number that is free, and a settings/recovery sandbox so the runs
# neither read nor write the user's own.
display=:$(( ($$ % 500) + 100 ))
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
home=$(mktemp -d)
cleanup() { kill "$xvfb_pid" 2>/dev/null || true; rm -rf "$home"; }
trap cleanup EXIT INT TERM
sleep 1
export DISPLAY="$display" QT_QPA_PLATFORM=xcb HOME="$home" XDG_CONFIG_HOME="$home/config" \
    XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home"

now_ns() { date +%s%N; }

# 1. Start-up to a shown window (median of RUNS; the first run warms the disk cache).
"$app" --quit-after-show "$sample" >/dev/null 2>&1 || true
times=""
i=0
while [ "$i" -lt "$runs" ]; do
    start=$(now_ns)
    "$app" --quit-after-show "$sample" >/dev/null 2>&1
    end=$(now_ns)
    times="$times $(( (end - start) / 1000000 ))"
    i=$((i + 1))
done
median=$(printf '%s\n' $times | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "startup_to_shown_median ${median} ms (runs:${times})"

# 2. Resident memory once idle: the window open on the sample workspace for 3 s.
"$app" "$sample" >/dev/null 2>&1 &
app_pid=$!
sleep 3
rss=$(awk '/VmRSS/ {print $2}' "/proc/$app_pid/status" 2>/dev/null || echo 0)
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
echo "idle_rss $(( rss / 1024 )) MB"

# 3 and 4. Preview update and the 50 MB response stall, measured inside the process.
"$panes" 5 2>/dev/null
