#!/usr/bin/env bash
# Demo for issue 3: a Debian source package tree (glibc, `apt-get install glibc-source`) as a git
# repository with several tags — upstream release, then the Debian packaging on top — packed with
# `airlock bundle create`, then verified and imported with `airlock bundle verify|import`.
#   mvn -o -q package -DskipTests && bench/glibc-demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="${WORK:-/tmp/airlock-glibc-demo}"
BUILD="${AIRLOCK_BUILD_DIR:-target}"
TARBALL="$(ls /usr/src/glibc/glibc-*.tar.xz | head -1)"
[ -f "$TARBALL" ] || { echo "apt-get install glibc-source first" >&2; exit 2; }
[ -f "$BUILD/bench-classpath.txt" ] && [ ! pom.xml -nt "$BUILD/bench-classpath.txt" ] || mvn -o -q dependency:build-classpath -Dmdep.outputFile="$BUILD/bench-classpath.txt" >/dev/null
AIRLOCK=(java -Xmx1g -cp "$BUILD/classes:$(cat "$BUILD/bench-classpath.txt")" airlock.Launcher)
rm -rf "$WORK" && mkdir -p "$WORK/repo"
VERSION="$(basename "$TARBALL" .tar.xz | sed 's/glibc-//')"
tar -xJf "$TARBALL" -C "$WORK/repo" --strip-components=1
G=(git -C "$WORK/repo" -c user.name="Debian glibc team" -c user.email=glibc@example.invalid -c commit.gpgsign=false)
"${G[@]}" init -q -b main && "${G[@]}" add -A && "${G[@]}" commit -q -m "glibc $VERSION upstream"
"${G[@]}" tag -a "upstream/$VERSION" -m "upstream $VERSION"
cp -r /usr/src/glibc/debian "$WORK/repo/debian"
"${G[@]}" add -A && "${G[@]}" commit -q -m "Debian packaging"
DEBVER="$(dpkg-query -W -f '${Version}' glibc-source | tr '~:' '__')"
"${G[@]}" tag "debian/$DEBVER"
"${AIRLOCK[@]}" keygen --out "$WORK/vendor" >/dev/null
"${AIRLOCK[@]}" trust add vendor "$WORK/vendor.pub" --home "$WORK/home"
"${AIRLOCK[@]}" bundle create --repo "$WORK/repo" --ref "upstream/$VERSION" --ref main --review-ref "debian/$DEBVER" \
  --vendor "Debian" --product glibc --version "$DEBVER" --sequence 1 --key "$WORK/vendor.key" --out "$WORK/media" 2>/dev/null
B="$(ls -d "$WORK"/media/*.airlock)"
"${AIRLOCK[@]}" bundle verify "$B" --home "$WORK/home" 2>/dev/null
"${AIRLOCK[@]}" bundle import "$B" --home "$WORK/home" 2>/dev/null | tail -1
