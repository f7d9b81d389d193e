#!/usr/bin/env bash
# Builds the kiosk package target/package/airlock_<version>_amd64.deb with dpkg-deb from a staged tree:
#
#   packaging/deb/build-deb.sh                 the app image (packaging/build-app-image.sh, built
#                                              if missing) under /opt/airlock, plus everything below
#   packaging/deb/build-deb.sh --without-app --out DIR
#                                              the same tree WITHOUT the application, for tests of the
#                                              packaging files only; not installable as a workstation
#
# Installs: /opt/airlock (app), /usr/bin/airlock, the keeper unit airlock-keeper.service, the X
# session airlock-kiosk.desktop and its script, the kiosk's openbox configuration, the polkit rule
# for airlock-inspectors, the man page and bash completion. Needs dpkg-deb (no fakeroot: files are
# owned by root in the package through --root-owner-group). Prints the package's contents at the end.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/../.." && pwd)"
build="${AIRLOCK_BUILD_DIR:-$project/target}"
out="$build/package"
app="$out/Airlock"
with_app=true
while [[ $# -gt 0 ]]; do
    case "$1" in
        --without-app) with_app=false ;;
        --out) out="$2"; shift ;;
        --app-image) app="$2"; shift ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "build-deb: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
    shift
done
command -v dpkg-deb >/dev/null || { echo "build-deb: dpkg-deb not found (apt-get install dpkg)" >&2; exit 3; }

version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$project/pom.xml" | head -1)"
# Debian versions may not hold '-SNAPSHOT' as upstream text with a hyphen; use '~' (sorts before the release)
deb_version="${version/-/\~}"
# the app image first: build-app-image.sh starts by emptying target/package
if $with_app && [[ ! -x "$app/bin/Airlock" ]]; then
    "$project/packaging/build-app-image.sh"
fi
stage="$out/deb-stage"
rm -rf "$stage"
mkdir -p "$stage/DEBIAN"

if $with_app; then
    mkdir -p "$stage/opt"
    cp -a "$app" "$stage/opt/airlock"
    install -d "$stage/usr/bin"
    ln -s /opt/airlock/bin/Airlock "$stage/usr/bin/airlock"
    arch=amd64
else
    echo "build-deb: *** WITHOUT the application (--without-app): a package of the packaging files only, for tests ***" >&2
    arch=all
fi

install -D -m 0644 "$here/airlock-keeper.service" "$stage/lib/systemd/system/airlock-keeper.service"
install -D -m 0644 "$here/kiosk/airlock-kiosk.desktop" "$stage/usr/share/xsessions/airlock-kiosk.desktop"
install -D -m 0755 "$here/kiosk/airlock-kiosk-session" "$stage/usr/libexec/airlock/airlock-kiosk-session"
install -D -m 0644 "$here/kiosk/openbox-rc.xml" "$stage/usr/share/airlock/kiosk/openbox-rc.xml"
install -D -m 0644 "$here/polkit/50-airlock-inspectors.rules" "$stage/usr/share/polkit-1/rules.d/50-airlock-inspectors.rules"
install -d -m 0755 "$stage/usr/share/man/man1" "$stage/usr/share/bash-completion/completions" "$stage/usr/share/doc/airlock"
gzip -9n < "$project/packaging/man/airlock.1" > "$stage/usr/share/man/man1/airlock.1.gz"
install -m 0644 "$project/packaging/completion/airlock" "$stage/usr/share/bash-completion/completions/airlock"
for doc in deployment.md architecture.md airgap.md; do
    [[ -f "$project/docs/$doc" ]] && install -m 0644 "$project/docs/$doc" "$stage/usr/share/doc/airlock/$doc"
done

sed -e "s/@VERSION@/$deb_version/" -e "s/@ARCH@/$arch/" "$here/DEBIAN/control.in" > "$stage/DEBIAN/control"
for script in postinst prerm postrm; do
    install -m 0755 "$here/DEBIAN/$script" "$stage/DEBIAN/$script"
done
chmod -R go-w "$stage"

deb="$out/airlock_${deb_version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >&2
echo "build-deb: package at $deb; contents:" >&2
dpkg-deb -c "$deb"
