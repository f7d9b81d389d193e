#!/usr/bin/env bash
# Bundle intake benchmark (issue 3): the Linux kernel source committed as one commit, packed with
# `airlock bundle create --from-dir`, then verified and imported by Airlock, next to openssl dgst
# -sha256, sha256sum and an fsck-checked `git clone --bare` from the same bundle file, in one run.
# Prints a table: wall time, peak RSS (GNU time) and, for Airlock, the JVM heap cap it ran under.
#
#   apt-get install linux-source-6.1   (tarball under /usr/src; unpack once, e.g. to /work/kernel)
#   mvn -o -q package -DskipTests && bench/bundle-bench.sh [SOURCE_DIR]
#
# Environment: KERNEL (default /work/kernel/linux-source-6.1), WORK (default /tmp/airlock-bundle-bench),
# HEAP (default 1g: the run fails if Airlock needs more heap than that).
set -euo pipefail
cd "$(dirname "$0")/.."
SRC="${1:-${KERNEL:-/work/kernel/linux-source-6.1}}"
WORK="${WORK:-/tmp/airlock-bundle-bench}"
HEAP="${HEAP:-1g}"
BUILD="${AIRLOCK_BUILD_DIR:-target}"
[ -d "$SRC" ] || { echo "no source tree at $SRC (apt-get install linux-source-6.1 and unpack it)" >&2; exit 2; }
[ -d "$BUILD/classes/airlock" ] || { echo "build first: mvn -o -q package -DskipTests" >&2; exit 2; }
if [ ! -f "$BUILD/bench-classpath.txt" ] || [ pom.xml -nt "$BUILD/bench-classpath.txt" ]; then
  mvn -o -q dependency:build-classpath -Dmdep.outputFile="$BUILD/bench-classpath.txt" >/dev/null
fi
CP="$BUILD/classes:$(cat "$BUILD/bench-classpath.txt")"
# REUSE=1 keeps the bundle made by an earlier run and measures everything after "create" again.
if [ -n "${REUSE:-}" ] && ls -d "$WORK"/media/*.airlock >/dev/null 2>&1; then
  rm -rf "$WORK/home" "$WORK/git-clone.git"
else
  REUSE=""
  rm -rf "$WORK" && mkdir -p "$WORK"
fi
LOG="$WORK/log.txt"
: > "$LOG"

# run NAME CMD... : records wall seconds and max RSS (KiB) of one command
declare -A WALL RSS
run() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time.$name" "$@" >>"$LOG" 2>"$WORK/stderr.$name" || {
    echo "step '$name' failed; see $WORK/stderr.$name" >&2; tail -5 "$WORK/stderr.$name" >&2; exit 1; }
  read -r WALL[$name] RSS[$name] < "$WORK/time.$name"
}
airlock() { java -Xmx"$HEAP" -cp "$CP" airlock.Launcher "$@"; }
export -f airlock 2>/dev/null || true
AIRLOCK=(java -Xmx"$HEAP" -cp "$CP" airlock.Launcher)

[ -n "$REUSE" ] || "${AIRLOCK[@]}" keygen --out "$WORK/vendor" >>"$LOG"
"${AIRLOCK[@]}" trust add vendor "$WORK/vendor.pub" --home "$WORK/home" >>"$LOG"

[ -n "$REUSE" ] || run create "${AIRLOCK[@]}" bundle create --from-dir "$SRC" --review-ref refs/heads/main --vendor "Linux" \
  --product linux --version 6.1 --sequence 1 --key "$WORK/vendor.key" --out "$WORK/media"
B="$(ls -d "$WORK"/media/*.airlock)"
BUNDLE="$B/repo.bundle"
SIZE=$(stat -c %s "$BUNDLE")
REFS=$(grep -c . <(git bundle list-heads "$BUNDLE") || true)

sync
cat "$BUNDLE" > /dev/null   # same page-cache state for every reader below
run openssl openssl dgst -sha256 "$BUNDLE"
run sha256sum sha256sum "$BUNDLE"
run gitclone git -c transfer.fsckObjects=true clone -q --bare "$BUNDLE" "$WORK/git-clone.git"
run verify "${AIRLOCK[@]}" bundle verify "$B" --home "$WORK/home"
run import "${AIRLOCK[@]}" bundle import "$B" --home "$WORK/home"

phase() { # seconds of a named phase in an Airlock run's stderr
  grep -E "^  $2: done in" "$WORK/stderr.$1" | tail -1 | sed -E 's/.*done in ([0-9.]+) s/\1/'
}
HASH_S=$(phase verify "Checking the bundle hash")
MB=$(awk -v s="$SIZE" 'BEGIN { printf "%.1f", s / 1e6 }')
rate() { awk -v s="$SIZE" -v t="$1" 'BEGIN { if (t > 0) printf "%.2f GB/s", s / t / 1e9; else print "-" }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }'; }

echo
echo "Bundle intake benchmark — $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "source: $SRC ($(find "$SRC" -type f | wc -l) files); bundle: $MB MB, $REFS ref(s); Airlock JVM heap cap -Xmx$HEAP"
echo
printf "| %-52s | %9s | %12s | %10s |\n" "step" "wall s" "throughput" "peak RSS"
printf "|%s|%s|%s|%s|\n" "$(printf -- '-%.0s' {1..54})" "-----------" "--------------" "------------"
row() { printf "| %-52s | %9s | %12s | %10s |\n" "$1" "$2" "$3" "$4"; }
if [ -z "$REUSE" ]; then
  row "airlock bundle create --from-dir (commit+pack+sign)" "${WALL[create]}" "" "$(mib "${RSS[create]}")"
else
  row "airlock bundle create (bundle reused from an earlier run)" "-" "" ""
fi
row "openssl dgst -sha256 repo.bundle" "${WALL[openssl]}" "$(rate "${WALL[openssl]}")" "$(mib "${RSS[openssl]}")"
row "sha256sum repo.bundle" "${WALL[sha256sum]}" "$(rate "${WALL[sha256sum]}")" "$(mib "${RSS[sha256sum]}")"
row "airlock hash check (copy to staging + SHA-256)" "$HASH_S" "$(rate "$HASH_S")" ""
row "git -c transfer.fsckObjects=true clone --bare" "${WALL[gitclone]}" "" "$(mib "${RSS[gitclone]}")"
row "airlock bundle verify (every check)" "${WALL[verify]}" "" "$(mib "${RSS[verify]}")"
row "airlock bundle import (verify + import)" "${WALL[import]}" "" "$(mib "${RSS[import]}")"
echo
awk -v h="$HASH_S" -v o="${WALL[openssl]}" -v i="${WALL[import]}" -v g="${WALL[gitclone]}" 'BEGIN {
  if (h > 0) printf "hash check vs openssl throughput: %.2fx (goal >= 0.8x)\n", o / h;
  if (g > 0) printf "verify+import vs fsck-checked git clone: %.2fx (goal <= 1.5x)\n", i / g }'
echo "Airlock phases (import run):"
grep -E "^  .*: done in" "$WORK/stderr.import" | sed 's/^/  /'
