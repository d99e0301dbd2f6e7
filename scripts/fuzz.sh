#!/bin/sh
# Runs each libFuzzer target for a bounded time (default 60 s each), seeded
# with real pages from /usr/share/man, the shipped arch data, and the inputs
# that once failed (tests/fixtures/fuzz/<target>/, replayed first). A crash,
# a timeout (25 s for one input: a hang, not a slow moment of a busy machine) or more than 2 GB of memory fails the run;
# the input is left in build-clang/fuzz-artifacts/.
#
# usage: scripts/fuzz.sh [-t SECONDS] [TARGET...]   (targets run side by side, FUZZ_JOBS at once)
#   targets: fuzz_page fuzz_strings fuzz_cdecl fuzz_corpus fuzz_arch_xml fuzz_fact_pack
set -eu
cd "$(dirname "$0")/.."
seconds=60
if [ "${1:-}" = "-t" ]; then seconds=$2; shift 2; fi
targets=${*:-fuzz_page fuzz_strings fuzz_cdecl fuzz_corpus fuzz_arch_xml fuzz_fact_pack}
work=build-clang/fuzz-work
mkdir -p "$work" build-clang/fuzz-artifacts

# Several targets: one process each, as many at once as there are cores
# (FUZZ_JOBS to change), each with its own time budget.
jobs=${FUZZ_JOBS:-$(nproc)}
if [ "$(echo $targets | wc -w)" -gt 1 ] && [ "$jobs" -gt 1 ]; then
    printf '%s\n' $targets | xargs -P "$jobs" -I{} sh "$0" -t "$seconds" {}
    exit $?
fi

# seeds TARGET DIR: fills DIR with starting inputs for TARGET (once).
seeds() {
    [ -n "$(ls -A "$2" 2>/dev/null)" ] && return 0
    mkdir -p "$2"
    pages=$(ls /usr/share/man/man2/*.2.gz 2>/dev/null | head -60)
    case $1 in
        fuzz_page|fuzz_strings)
            for p in $pages tests/fixtures/pages/*; do
                [ -f "$p" ] || continue
                case $p in *.gz) zcat "$p" ;; *) cat "$p" ;; esac > "$2/$(basename "$p" .gz)"
            done ;;
        fuzz_cdecl)
            n=0
            for p in $pages; do
                zcat "$p" | grep -E '^[a-z].*\(.*\);$' | while IFS= read -r line; do
                    printf '%s\n' "$line" > "$2/$(basename "$p" .2.gz)-$(printf '%s' "$line" | cksum | cut -d' ' -f1)"
                done
                n=$((n + 1))
            done ;;
        fuzz_corpus)
            for p in $(echo "$pages" | head -20); do cp "$p" "$2/"; done
            tar -czf "$2/pages.tar.gz" -C /usr/share/man man2/open.2.gz man2/openat.2.gz man2/creat.2.gz 2>/dev/null || true
            tar -cf "$2/pages.tar" -C /usr/share/man man2/read.2.gz 2>/dev/null || true ;;
        fuzz_arch_xml)
            cp arch-data/linux-6.1/*.xml "$2/" ;;
        fuzz_fact_pack)
            # A small pack: the build's own is 10 MB, beyond -max_len.
            printf 'manaudit fact pack 1\n\001a\012x86_64.xml\003' > "$2/header" ;;
    esac
}

status=0
for t in $targets; do
    bin=build-clang/tests/fuzz/$t
    [ -x "$bin" ] || { echo "fuzz: $bin is not built (scripts/build_clang.sh $t)" >&2; exit 2; }
    corpus=$work/$t
    mkdir -p "$corpus"
    seeds "$t" "$work/$t-seeds"
    fixtures=tests/fixtures/fuzz/$t
    if [ -d "$fixtures" ]; then
        # Every input that once failed must pass now.
        "$bin" -timeout=25 -rss_limit_mb=2048 "$fixtures"/* >"$work/$t-replay.log" 2>&1 ||
            { echo "fuzz: $t fails on a regression fixture; see $work/$t-replay.log" >&2; status=1; continue; }
    fi
    echo "fuzz: $t for ${seconds}s"
    if ! "$bin" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
            -artifact_prefix=build-clang/fuzz-artifacts/"$t"- "$corpus" "$work/$t-seeds" \
            >"$work/$t.log" 2>&1; then
        echo "fuzz: $t FAILED; see $work/$t.log and build-clang/fuzz-artifacts/" >&2
        tail -30 "$work/$t.log" >&2
        status=1
    else
        grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$work/$t.log" | tr '\n' ' '
        echo
    fi
done
exit $status
