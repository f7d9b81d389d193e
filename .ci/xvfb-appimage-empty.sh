#!/usr/bin/env bash
# The installed application on an empty home (issue 17): the app image started with no arguments,
# as the package and the kiosk start it, on an AIRLOCK_HOME that does not exist, must open the
# "This workstation is not set up" screen in a real X window, write nothing to that home, and
# never fall back to the demo. Saves target/screenshots/xvfb-image-not-set-up.png; look at it.
#
# Usage: .ci/xvfb-appimage-empty.sh [APP]   APP defaults to target/package/Airlock/bin/Airlock,
#        built with packaging/build-app-image.sh when missing (needs a full JDK 17 with jpackage).
# Needs: apt-get install -y xvfb xdotool imagemagick (openbox optional: XVFB_WM=none for none)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
APP=${1:-target/package/Airlock/bin/Airlock}
SHOTS=$ROOT/target/screenshots
DISPLAY_NUMBER=${XVFB_DISPLAY:-78}

fail() {
    echo "xvfb-appimage-empty: FAIL: $*" >&2
    [ -n "${DISPLAY:-}" ] && import -window root "$SHOTS/xvfb-image-failed.png" 2>/dev/null \
        && echo "xvfb-appimage-empty: the screen at the failure: $SHOTS/xvfb-image-failed.png" >&2
    exit 1
}
for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null || fail "'$tool' is not installed (apt-get install -y xvfb xdotool imagemagick)"
done
if [ ! -x "$APP" ] && [ "$APP" = target/package/Airlock/bin/Airlock ]; then
    echo "xvfb-appimage-empty: building the app image (packaging/build-app-image.sh)" >&2
    packaging/build-app-image.sh >&2 || fail "the app image did not build"
fi
[ -x "$APP" ] || fail "$APP is not an executable launcher"
mkdir -p "$SHOTS"

WORK=$(mktemp -d)
HOME_DIR=$WORK/room-home                        # does not exist: nothing is set up
Xvfb ":$DISPLAY_NUMBER" -screen 0 "${XVFB_SIZE:-1366x768}x24" -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
export DISPLAY=":$DISPLAY_NUMBER"
unset XAUTHORITY
PID=
WM=
cleanup() {
    [ -n "$PID" ] && kill "$PID" 2>/dev/null || true
    [ -n "$WM" ] && kill "$WM" 2>/dev/null || true
    kill "$XVFB" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
sleep 2
if [ "${XVFB_WM:-openbox}" != none ] && command -v openbox >/dev/null; then
    openbox >/dev/null 2>&1 &
    WM=$!
    sleep 1
fi

# no arguments: what the package's /usr/bin/airlock and a desktop start run
AIRLOCK_HOME=$HOME_DIR "$APP" >"$ROOT/target/xvfb-appimage-empty.out" 2>&1 &
PID=$!
found=
for ((i = 0; i < ${XVFB_WAIT:-180}; i++)); do
    if xdotool search --onlyvisible --name 'not set up' >/dev/null 2>&1; then
        found=1
        break
    fi
    kill -0 "$PID" 2>/dev/null || fail "the application exited (see target/xvfb-appimage-empty.out)"
    sleep 1
done
[ -n "$found" ] || fail "no window titled '... not set up' after ${XVFB_WAIT:-180}s (see target/xvfb-appimage-empty.out)"
sleep 3
import -window root "$SHOTS/xvfb-image-not-set-up.png"
echo "xvfb-appimage-empty: $SHOTS/xvfb-image-not-set-up.png"
xdotool search --onlyvisible --name 'demo' >/dev/null 2>&1 && fail "a window names the demo on a real workstation"
[ ! -e "$HOME_DIR" ] || fail "the not-set-up workstation wrote into $HOME_DIR: $(find "$HOME_DIR" | head -5 | tr '\n' ' ')"
grep -q "246810\|demo supervisor" "$ROOT/target/xvfb-appimage-empty.out" && fail "the output names a demo credential"
echo "xvfb-appimage-empty: PASS: the app image on an empty home shows the not-set-up screen, writes nothing and shows no demo"
