#!/usr/bin/env bash
# Before/after of the file tree's opening in one go (issue 20): tree-bench.sh with the classes of BEFORE_CLASSES
# (a build of the code before the change, with this tree's bench classes) and NO_INTAKE=1 (no listing written by
# intake, as before), then this build as it is. Both raw outputs go under bench/results/ as usual.
#
#   BEFORE_CLASSES=/path/to/before/classes bench/tree-bench-ab.sh HOME
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BEFORE_CLASSES:?a folder of classes built from the code before the change}"
echo "== before: $BEFORE_CLASSES, NO_INTAKE=1"
CLASSES="$BEFORE_CLASSES:target/test-classes" NO_INTAKE=1 bench/tree-bench.sh "$@"
echo "== after: target/classes"
bench/tree-bench.sh "$@"
