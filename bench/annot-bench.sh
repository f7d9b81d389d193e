#!/usr/bin/env bash
# Exports N (default 10,000) annotations in each format (JSON, SARIF, HTML, Markdown) through the
# same service as the app (render + safe-write to a temp folder), then imports the JSON back.
# Prints one table row per format with wall-clock and thread-CPU milliseconds (CPU is the number
# to compare on a shared, loaded machine). Goal: each export < 5 s. Also: filter+sort of the
# panel over the same findings, and re-anchoring N whole-line ranges (no text) in a 20,000-line
# file after 50 lines were inserted at its top; "panel" is the Annotations panel's view model over
# the N findings (filter typed/cleared, severity, every sort order): its render-ms column is the
# slowest step, total the mean. Run it as: flock /work/bench.lock bash bench/annot-bench.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000}"
BUILD="${AIRLOCK_BUILD_DIR:-target}"
mvn -B -o -q test-compile -Dairlock.build.dir="$PWD/$BUILD" >/dev/null
CP_FILE="$BUILD/bench-classpath.txt"
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
echo "load: $(uptime)"
java -Xmx1g -cp "$BUILD/classes:$BUILD/test-classes:$(cat "$CP_FILE")" airlock.bench.AnnotBench "$N"
echo "load: $(uptime)"
