#!/bin/sh
# The report of the installed release: time to write it (manaudit report), its
# size, and the time headless Chromium takes to load, script and lay it out;
# medians of RUNS runs each.
# Usage: bench/report_bench.sh [path/to/manaudit] [runs]
set -eu

manaudit=${1:-build/cli/manaudit}
runs=${2:-3}
chromium=$(command -v chromium || command -v chromium-headless-shell || true)

if [ ! -x "$manaudit" ]; then
    echo "report_bench: no manaudit executable at '$manaudit' (pass its path)" >&2
    exit 2
fi

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
now_ms() { date +%s%3N; }

i=0
while [ "$i" -lt "$runs" ]; do
    start=$(now_ms)
    "$manaudit" report --exit-zero -j 2 -o "$dir/report.html"
    echo $(( $(now_ms) - start ))
    i=$((i + 1))
done > "$dir/write.ms"
echo "report: $(wc -c < "$dir/report.html") bytes, written in $(median < "$dir/write.ms") ms (median of $runs)"

if [ -z "$chromium" ]; then
    echo "report_bench: no chromium installed; render time not measured" >&2
    exit 0
fi
# A frame loads the report; its load handler forces layout and notes the time.
cat > "$dir/harness.html" <<'HTML'
<!DOCTYPE html>
<html><body><p id="result">pending</p>
<script>
var start = performance.now();
var frame = document.createElement('iframe');
frame.style.width = '1366px';
frame.style.height = '900px';
frame.onload = function () {
  frame.contentDocument.documentElement.getBoundingClientRect();
  document.getElementById('result').textContent = 'render-ms=' + (performance.now() - start).toFixed(0);
};
frame.src = 'report.html';
document.body.appendChild(frame);
</script></body></html>
HTML
i=0
while [ "$i" -lt "$runs" ]; do
    profile=$(mktemp -d -p "$dir")
    "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" --allow-file-access-from-files \
        --dump-dom "file://$dir/harness.html" 2>/dev/null | sed -n 's/.*render-ms=\([0-9]*\).*/\1/p'
    i=$((i + 1))
done > "$dir/render.ms"
echo "render in chromium: $(median < "$dir/render.ms") ms (median of $runs: $(tr '\n' ' ' < "$dir/render.ms"))"
