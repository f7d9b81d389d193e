#!/usr/bin/env bash
# Builds a self-contained Linux app image of Airlock (jlinked runtime + jars) with jpackage.
#
#   packaging/build-app-image.sh          -> target/package/Airlock/bin/Airlock
#   packaging/build-app-image.sh --deb    -> also target/package/airlock_<version>_amd64.deb
#
# Needs a full JDK 17 (jdeps, jlink, jpackage and its jmods). The .deb also needs dpkg-deb and
# fakeroot. Run the image from a clone of this repository to see the demo (it reads ./.git).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/.." && pwd)"
build="${AIRLOCK_BUILD_DIR:-$project/target}"
out="$build/package"
want_deb=false
for arg in "$@"; do
    case "$arg" in
        --deb) want_deb=true ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "build-app-image: unknown option $arg (try --help)" >&2; exit 2 ;;
    esac
done

for tool in jdeps jlink jpackage; do
    command -v "$tool" >/dev/null || { echo "build-app-image: $tool not found; install a full JDK 17" >&2; exit 3; }
done

version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$project/pom.xml" | head -1)"
jar="$build/airlock-$version.jar"
if [[ ! -f "$jar" || ! -d "$build/lib" ]]; then
    (cd "$project" && mvn -B -q -DskipTests -Dairlock.build.dir="$build" package)
fi

rm -rf "$out"
mkdir -p "$out/input"
cp "$jar" "$out/input/"
# the empty javafx-*.jar stubs are only POM glue; the -linux jars hold the classes and natives
find "$build/lib" -name '*.jar' ! -regex '.*/javafx-[a-z]*-[0-9.]*\.jar' -exec cp {} "$out/input/" \;

classpath="$(find "$out/input" -name '*.jar' ! -name "airlock-$version.jar" | sort | tr '\n' ':')"
modules="$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps --class-path "$classpath" "$jar")"
# jdeps cannot see providers loaded by name: Ed25519 lives in jdk.crypto.ec on Java 17
modules="$modules,jdk.crypto.ec"
echo "build-app-image: runtime modules: $modules"

jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
    --output "$out/runtime"

jpackage --type app-image --name Airlock --app-version "$version" \
    --input "$out/input" --main-jar "airlock-$version.jar" --main-class airlock.Launcher \
    --runtime-image "$out/runtime" --dest "$out" \
    --description "Offline source-code review workstation" \
    --java-options "-Xmx2g"
echo "build-app-image: app image at $out/Airlock (start with $out/Airlock/bin/Airlock)"

if $want_deb; then
    jpackage --type deb --name airlock --app-version "$version" \
        --app-image "$out/Airlock" --dest "$out" \
        --linux-package-deps "libgtk-3-0, libgl1" --linux-app-category devel \
        --description "Offline source-code review workstation"
    echo "build-app-image: package at $(ls "$out"/*.deb)"
fi
