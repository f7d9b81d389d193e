#!/bin/sh
# Code-navigation benchmark: Airlock's symbol index next to gtags / ctags / global on the Linux kernel
# (linux-source-6.1), all in one go, plus first paint and scrolling of large files in the code view (headless).
# Usage: flock /work/bench.lock bash bench/nav-bench.sh [kernel-folder]
# (default: /work/kernel/linux-source-6.1 if present, else the tarball unpacked under $NAV_BENCH_DIR).
# The kernel folder is only read: gtags and ctags write their tables under $NAV_BENCH_DIR.
# Needs: apt-get install linux-source-6.1 global universal-ctags; mvn test-compile.
set -eu
HERE=$(cd "$(dirname "$0")/.." && pwd)
WORK=${NAV_BENCH_DIR:-/tmp/airlock-nav-bench}
NAME=${NAV_BENCH_NAME:-mutex_lock}
mkdir -p "$WORK"
if [ $# -gt 0 ]; then
    SRC=$1
elif [ -d /work/kernel/linux-source-6.1 ]; then
    SRC=/work/kernel/linux-source-6.1
else
    SRC="$WORK/full/linux-source-6.1"
    [ -d "$SRC" ] || { mkdir -p "$WORK/full"; tar -C "$WORK/full" -xJf /usr/src/linux-source-6.1.tar.xz; }
fi
now() { date +%s%N; }
secs() { echo "$1 $(date +%s%N)" | awk '{ printf "%.1f", ($2 - $1) / 1e9 }'; }
ms() { echo "$1 $(date +%s%N)" | awk '{ printf "%.0f", ($2 - $1) / 1e6 }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
LOAD_START=$(load)
# a snapshot of the compiled classes, so a build in the work tree during the run cannot pull them away
rm -rf "$WORK/classes" "$WORK/test-classes"
cp -r "$HERE/target/classes" "$WORK/classes"; cp -r "$HERE/target/test-classes" "$WORK/test-classes"
CP="$WORK/classes:$WORK/test-classes:$(cd "$HERE" && mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
GT="$WORK/gtags-db"; rm -rf "$GT" "$WORK/tags"; mkdir -p "$GT"
cd "$SRC"
t=$(now); gtags "$GT" >/dev/null 2>&1; GTAGS_S=$(secs "$t")
t=$(now); ctags -R -f "$WORK/tags" . >/dev/null 2>&1; CTAGS_S=$(secs "$t")
export GTAGSROOT="$SRC" GTAGSDBPATH="$GT"
global -x "$NAME" >/dev/null
t=$(now); global -x "$NAME" >/dev/null; GDEF_MS=$(ms "$t")
t=$(now); GREFS=$(global -rx "$NAME" | wc -l); GREF_MS=$(ms "$t")
GTAGS_MB=$(du -cm "$GT"/G* | tail -1 | cut -f1)
rm -rf "$GT" "$WORK/tags"
# paint samples: a typical ~1 MB C file, a 1 MB single-line file, the tree's largest file
TYPICAL=$(find . -name '*.c' -size +900k -size -1100k | sort | head -1)
BIG=drivers/gpu/drm/amd/include/asic_reg/dcn/dcn_3_2_0_sh_mask.h
ONELINE="$WORK/one-line-1mb.c"
awk 'BEGIN { printf "static const int table[] = {"; for (i = 0; i < 150000; i++) printf "%d, ", i; print "};" }' > "$ONELINE"
SAMPLE=$(find kernel -name '*.c' -size +200k -size -1200k | sort | head -1)
t=$(now)
java -Xmx2g -cp "$CP" airlock.bench.NavBench "$SRC" "$WORK/symbols.sqlite" "$NAME" "$SAMPLE" > "$WORK/airlock.txt"
JAVA_S=$(secs "$t")
# as the workstation: the code view's start-up warm-up first; then once without it (a fresh JVM's first view)
java -Xmx2g -Djava.awt.headless=true -Dprism.order=sw -Dprism.text=t2k -Dglass.platform=Monocle -Dmonocle.platform=Headless \
    -Dpaint.warmup=true -cp "$CP" airlock.bench.PaintBench "$TYPICAL" "$ONELINE" "$BIG" > "$WORK/paint.txt" 2> "$WORK/paint.err" \
    || echo "paint harness failed: see $WORK/paint.err" >&2
java -Xmx2g -Djava.awt.headless=true -Dprism.order=sw -Dprism.text=t2k -Dglass.platform=Monocle -Dmonocle.platform=Headless \
    -cp "$CP" airlock.bench.PaintBench "$TYPICAL" > "$WORK/paint-cold.txt" 2> "$WORK/paint-cold.err" \
    || echo "paint harness (no warm-up) failed: see $WORK/paint-cold.err" >&2
java -Xmx2g -Djava.awt.headless=true -Dprism.order=sw -Dprism.text=t2k -Dglass.platform=Monocle -Dmonocle.platform=Headless \
    -cp "$CP" airlock.bench.ScrollBench "$TYPICAL" "$ONELINE" "$BIG" > "$WORK/scroll.txt" 2> "$WORK/scroll.err" \
    || echo "scroll harness failed: see $WORK/scroll.err" >&2
rm -f "$WORK/symbols.sqlite" "$WORK/symbols.sqlite-wal" "$WORK/symbols.sqlite-shm"
get() { awk -v k="$1" '$1==k { $1=""; sub(/^ /, ""); print }' "$WORK/airlock.txt"; }
paint() { awk -v f="$(basename "$1")" '$1=="paint_ms" && $2==f { printf "%s ms first, %s median, %s max %s", $3, $4, $5, $6 " " $7 }' "$WORK/paint.txt"; }
echo "tree: $SRC ($(find . -type f | wc -l) files, $(du -sh . | cut -f1)); $(nproc) cores; load at start: $LOAD_START, at end: $(load)"
printf '| %-44s | %-30s | %s |\n' "measure" "airlock" "anchor"
printf '|%s|%s|%s|\n' "----------------------------------------------" "--------------------------------" "-----------------------------"
printf '| %-44s | %-30s | %s |\n' "symbol index build (s)" "$(get index_build_s)" "gtags $GTAGS_S / ctags -R $CTAGS_S"
printf '| %-44s | %-30s | %s |\n' "files indexed (threads)" "$(get files_indexed)" "-"
printf '| %-44s | %-30s | %s |\n' "definition of $NAME (ms)" "$(get definition_ms)" "global -x $GDEF_MS (process start included)"
printf '| %-44s | %-30s | %s |\n' "all references (ms)" "$(get references_all_ms)" "global -rx $GREF_MS"
printf '| %-44s | %-30s | %s |\n' "references first page of 100 (ms)" "$(get references_first_page_ms)" "-"
printf '| %-44s | %-30s | %s |\n' "reference count" "$(get references)" "$GREFS"
printf '| %-44s | %-30s | %s |\n' "fuzzy symbol search (ms)" "$(get symbol_search_ms)" "-"
printf '| %-44s | %-30s | %s |\n' "heap after indexing, after GC (MB)" "$(get heap_after_index_mb)" "-"
printf '| %-44s | %-30s | %s |\n' "index file (MB)" "$(get index_file_mb)" "gtags files $GTAGS_MB"
printf '| %-44s | %-30s | %s |\n' "lexer highlight+escape $(basename "$SAMPLE")" "$(get lexer_highlight_plus_escape_ms)" "-"
printf '| %-44s | %-30s | %s |\n' "tree-sitter highlight, same file" "$(get treesitter_highlight_ms)" "-"
printf '| %-44s | %-30s | %s |\n' "first paint $(basename "$TYPICAL")" "$(paint "$TYPICAL")" "goal < 300 ms"
printf '| %-44s | %-30s | %s |\n' "first paint 1 MB single line" "$(paint "$ONELINE")" "goal < 300 ms"
printf '| %-44s | %-30s | %s |\n' "first paint $(basename "$BIG") (24 MB)" "$(paint "$BIG")" "goal < 2 s"
printf '| %-44s | %-30s | %s |\n' "start-up warm-up: rounds, ms, longest step" "$(awk '$1=="warmup_ms" { print $2 ", " $3 " ms, " $4 " ms" }' "$WORK/paint.txt")" "-"
printf '| %-44s | %-30s | %s |\n' "first paint $(basename "$TYPICAL"), no warm-up" "$(awk '$1=="paint_ms" { printf "%s ms first, %s median", $3, $4 }' "$WORK/paint-cold.txt")" "-"
echo "(index JVM wall time incl. queries: $JAVA_S s; index open + path map preload: $(get open_and_preload_ms) ms)"
echo "paint phases in ms (to-fx = read + decode + prepare + wait for the FX thread; show = CodeViewPane.show; snapshot = CSS, layout, render; cpu-before-fx / cpu-fx = CPU time of the opening thread / of the FX thread):"
grep '^phases' "$WORK/paint.err" || true
echo "highlighting handed to the view after the last open, ms (visible = hand-over and the next frame; all = until every line has its styles; stall = longest the FX thread was busy meanwhile):"
grep '^highlight_ms' "$WORK/paint.txt" || true
echo "scrolling, ms per step (scroll + CSS + layout of the new lines + software render of the 1280x800 scene), p50 / p95 / max:"
awk '$1=="scroll" && NF==6 { printf "  %-28s %-14s %6s %6s %6s\n", $2, $3, $4, $5, $6 } $1=="scroll" && NF==4 { printf "  %-28s %-14s %6s\n", $2, $3, $4 }' "$WORK/scroll.txt"
