#!/bin/sh
# Code-navigation benchmark: Airlock's symbol index next to gtags / ctags / global on (a part of) the
# Linux kernel from linux-source-6.1, all in one go. Usage: bench/nav-bench.sh [subdir ...]
# (default: the whole tree). Needs: apt-get install linux-source-6.1 global universal-ctags; mvn test-compile.
set -eu
HERE=$(cd "$(dirname "$0")/.." && pwd)
WORK=${NAV_BENCH_DIR:-/tmp/airlock-nav-bench}
TARBALL=/usr/src/linux-source-6.1.tar.xz
NAME=${NAV_BENCH_NAME:-mutex_lock}
mkdir -p "$WORK"
SRC="$WORK/linux-source-6.1"
if [ ! -d "$SRC" ]; then
    if [ $# -gt 0 ]; then
        paths=""; for d in "$@"; do paths="$paths linux-source-6.1/$d"; done
        tar -C "$WORK" -xJf "$TARBALL" $paths
    else
        tar -C "$WORK" -xJf "$TARBALL"
    fi
fi
cd "$SRC"
now() { date +%s%N; }
secs() { echo "$1 $(date +%s%N)" | awk '{ printf "%.2f", ($2 - $1) / 1e9 }'; }
rm -f GTAGS GRTAGS GPATH tags
t=$(now); gtags >/dev/null 2>&1; GTAGS_S=$(secs "$t")
t=$(now); ctags -R -f tags . >/dev/null 2>&1; CTAGS_S=$(secs "$t")
t=$(now); global -x "$NAME" >/dev/null; GDEF_S=$(secs "$t")
t=$(now); GREFS=$(global -rx "$NAME" | wc -l); GREF_S=$(secs "$t")
rm -f GTAGS GRTAGS GPATH tags
SAMPLE=$(find . -name '*.c' -size +200k -size -1200k | head -1)
CP="$HERE/target/classes:$HERE/target/test-classes:$(cd "$HERE" && mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
java -Xmx2g -cp "$CP" airlock.bench.NavBench "$SRC" "$WORK/symbols.sqlite" "$NAME" "$SAMPLE" > "$WORK/airlock.txt"
get() { awk -v k="$1" '$1==k { $1=""; sub(/^ /, ""); print }' "$WORK/airlock.txt"; }
echo "tree: $SRC ($(du -sh --exclude='*.sqlite' . | cut -f1)), load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %-22s %s\n' "measure" "airlock" "anchor"
printf '%-34s %-22s %s\n' "symbol index build (s)" "$(get index_build_s)" "gtags $GTAGS_S / ctags -R $CTAGS_S"
printf '%-34s %-22s %s\n' "definition of $NAME (ms)" "$(get definition_ms)" "global -x $(echo "$GDEF_S" | awk '{ printf "%.0f", $1 * 1000 }')"
printf '%-34s %-22s %s\n' "all references (ms)" "$(get references_all_ms)" "global -rx $(echo "$GREF_S" | awk '{ printf "%.0f", $1 * 1000 }') ($GREFS refs)"
printf '%-34s %-22s %s\n' "references first page (ms)" "$(get references_first_page_ms)" "-"
printf '%-34s %-22s %s\n' "reference count" "$(get references)" "$GREFS"
printf '%-34s %-22s %s\n' "fuzzy symbol search (ms)" "$(get symbol_search_ms)" "-"
printf '%-34s %-22s %s\n' "heap after indexing (MB)" "$(get heap_after_index_mb)" "-"
printf '%-34s %-22s %s\n' "index file (MB)" "$(get index_file_mb)" "-"
printf '%-34s %-22s %s\n' "lexer highlight+escape, $(basename "$SAMPLE")" "$(get lexer_highlight_plus_escape_ms)" "-"
printf '%-34s %-22s %s\n' "tree-sitter highlight, same file" "$(get treesitter_highlight_ms)" "-"
