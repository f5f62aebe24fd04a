#!/bin/sh
# Batch-run benchmark (not a test): the calls per second of `webhook-designer-cli run`
# against the sandbox on 127.0.0.1, as a ratio to `wrk -c20` against the same sandbox
# process in the same run, once for answers at once (/enrich) and once for answers after
# 50 ms (/delay/50); and the peak memory (/usr/bin/time -v) of `run` over 100,000 leads
# from a CSV. Prints each run, then the median of RUNS.
#
#   tests/bench/batch-bench.sh [BUILD_DIR] [RUNS]
#
# Goals: ratio >= 0.10 at once, >= 0.95 after 50 ms, peak memory < 150 MB.
# `run` counts its calls per second from its first call to its last (the summary's
# throughputPerSecond), so the CSV import before the run is not counted; wrk counts over
# its own 5 s. Both keep 20 calls in flight, Marketo's limit.
set -eu

src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-"$src/build"}
runs=${2:-3}
cli="$build/app/webhook-designer-cli"
instant_leads=${WD_BENCH_INSTANT_LEADS:-20000}
delayed_leads=${WD_BENCH_DELAYED_LEADS:-2000}
memory_leads=${WD_BENCH_MEMORY_LEADS:-100000}

[ -x "$cli" ] || { echo "missing $cli: build webhook-designer-cli first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "batch-bench.sh needs wrk: apt-get install wrk" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "batch-bench.sh needs GNU time: apt-get install time" >&2; exit 1; }

tmp=$(mktemp -d)
sandbox_pid=
cleanup() {
    [ -z "$sandbox_pid" ] || kill "$sandbox_pid" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
export HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache"

# One sandbox process for everything; its log goes nowhere.
"$cli" sandbox --port 0 >"$tmp/url" 2>/dev/null &
sandbox_pid=$!
i=0
while [ ! -s "$tmp/url" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
url=$(head -n 1 "$tmp/url")
[ -n "$url" ] || { echo "the sandbox did not start" >&2; exit 1; }

cat >"$tmp/bench.webhooks.json" <<JSON
{
  "format": "webhook-designer/1",
  "webhooks": [
    {
      "name": "At once",
      "url": "$url/enrich",
      "requestType": "POST",
      "template": "{\"email\": {{lead.Email Address}}, \"first\": {{lead.First Name}}}",
      "requestTokenEncoding": "json",
      "responseType": "json",
      "headers": [{"name": "Content-Type", "value": "application/json"}],
      "responseMappings": [{"attribute": "data.company", "field": "company"},
                           {"attribute": "data.employees", "field": "numberOfEmployees"}]
    },
    {
      "name": "After 50 ms",
      "url": "$url/delay/50",
      "requestType": "POST",
      "template": "{\"email\": {{lead.Email Address}}, \"first\": {{lead.First Name}}}",
      "requestTokenEncoding": "json",
      "responseType": "json",
      "headers": [{"name": "Content-Type", "value": "application/json"}],
      "responseMappings": [{"attribute": "delayedMs", "field": "numberOfEmployees"}]
    }
  ]
}
JSON

# wrk sends the same request the webhook renders for a lead.
cat >"$tmp/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"email": "lead1@co1.com", "first": "Lead 1"}'
wrk.headers["Content-Type"] = "application/json"
LUA

leads_csv() {
    awk -v n="$1" 'BEGIN {
        print "Email Address,First Name,Last Name,Company Name,City,Lead Score"
        for (i = 0; i < n; i++)
            printf "lead%d@co%d.com,Lead %d,Tester,Company %d,City %d,%d\n", i, i % 97, i, i % 500, i % 50, i % 100
    }' >"$2"
}
leads_csv "$instant_leads" "$tmp/instant.csv"
leads_csv "$delayed_leads" "$tmp/delayed.csv"
leads_csv "$memory_leads" "$tmp/memory.csv"

wrk_rate() { # PATH
    wrk -t2 -c20 -d5s -s "$tmp/post.lua" "$url$1" | awk '/^Requests\/sec:/ {print $2}'
}
run_rate() { # WEBHOOK CSV
    "$cli" run "$tmp/bench.webhooks.json" --webhook "$1" --leads "$2" 2>/dev/null \
        | awk -F': ' '/"throughputPerSecond"/ {gsub(/[ ,]/, "", $2); print $2}'
}
peak_mb() { # CSV
    /usr/bin/time -v "$cli" run "$tmp/bench.webhooks.json" --webhook "At once" --leads "$1" \
        2>"$tmp/time.txt" >/dev/null || true
    awk '/Maximum resident set size/ {printf "%.1f\n", $NF / 1024}' "$tmp/time.txt"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f\n", (b > 0 ? a / b : 0)}'; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "batch-bench: $cli, sandbox at $url, $runs runs"
# A warm-up, so that first connections and page faults are not counted.
run_rate "At once" "$tmp/delayed.csv" >/dev/null

instant_ratios= delayed_ratios= peaks= run_rates= wrk_rates=
r=1
while [ $r -le "$runs" ]; do
    w1=$(wrk_rate /enrich)
    c1=$(run_rate "At once" "$tmp/instant.csv")
    w2=$(wrk_rate /delay/50)
    c2=$(run_rate "After 50 ms" "$tmp/delayed.csv")
    mb=$(peak_mb "$tmp/memory.csv")
    q1=$(ratio "$c1" "$w1")
    q2=$(ratio "$c2" "$w2")
    echo "run $r: at once: run $c1 calls/s, wrk $w1 calls/s, ratio $q1;" \
        "after 50 ms: run $c2, wrk $w2, ratio $q2; peak memory over $memory_leads leads $mb MB"
    instant_ratios="$instant_ratios $q1" delayed_ratios="$delayed_ratios $q2" peaks="$peaks $mb"
    run_rates="$run_rates $c1" wrk_rates="$wrk_rates $w1"
    r=$((r + 1))
done
echo "median: at once ratio $(median $instant_ratios) (run $(median $run_rates) calls/s, wrk $(median $wrk_rates) calls/s;" \
    "goal >= 0.10); after 50 ms ratio $(median $delayed_ratios) (goal >= 0.95);" \
    "peak memory $(median $peaks) MB (goal < 150 MB)"
