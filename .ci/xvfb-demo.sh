#!/usr/bin/env bash
# Walks the built-in demo in a real X window, as a newcomer following the README would, and saves
# what the screen shows to target/screenshots/xvfb-*.png (xvfb-image-*.png for the app image):
#   1 the intake window on the demo media       2 the session start dialog (room PIN)
#   3 a file open from Go to file (Ctrl+P), breadcrumbs above it   4 find in file (Ctrl+F)
#   5 references grouped by file (Shift+F12)     6 search results grouped by file   7 a search hit opened
#   8 a history commit as a diff against its parent   9 next change (F7)   10 the unified diff
#  11-12 a finding   13 the End-session confirmation   14 the window once the session ended
#  15-16 the seal screen, sealed   17-20 a second session, ended and sealed to the same stick
# The screen is 1366x768 (XVFB_SIZE to change it); openbox manages the windows when it is installed
# (XVFB_WM=none for none), so dialogs get real frames and the window manager's sizing.
# It drives the keyboard with xdotool on its own Xvfb display and checks each window appears.
#
# Usage: .ci/xvfb-demo.sh [LAUNCHER]     LAUNCHER defaults to app/airlock; pass
#        target/package/Airlock/bin/Airlock to try the app image from packaging/build-app-image.sh
# Needs: apt-get install -y xvfb xdotool imagemagick libgtk-3-0 libgl1 libxtst6 libxxf86vm1 fonts-dejavu-core
# The demo's home is target/demo-home; delete it first for a first run (hints, fresh session). The demo
# supervisor's stick (target/demo-supervisor-stick) may stay: a new home pins the key it finds there.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
LAUNCHER=${1:-app/airlock}
# the app image's pictures are kept apart from the launcher's
PREFIX=xvfb; [ "$LAUNCHER" = app/airlock ] || PREFIX=xvfb-image
SHOTS=$ROOT/target/screenshots
DISPLAY_NUMBER=${XVFB_DISPLAY:-77}
WAIT=${XVFB_DEMO_WAIT:-600}

fail() {
    echo "xvfb-demo: FAIL: $*" >&2
    [ -n "${DISPLAY:-}" ] && import -window root "${SHOTS:-target}/xvfb-failed.png" 2>/dev/null \
        && echo "xvfb-demo: the screen at the failure: ${SHOTS:-target}/xvfb-failed.png" >&2
    exit 1
}
for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null || fail "'$tool' is not installed (apt-get install -y xvfb xdotool imagemagick)"
done
[ -x "$LAUNCHER" ] || fail "$LAUNCHER is not an executable launcher"
mkdir -p "$SHOTS"

Xvfb ":$DISPLAY_NUMBER" -screen 0 "${XVFB_SIZE:-1366x768}x24" -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
export DISPLAY=":$DISPLAY_NUMBER"
unset XAUTHORITY
APP=
WM=
cleanup() {
    [ -n "$APP" ] && kill "$APP" 2>/dev/null || true
    [ -n "$WM" ] && kill "$WM" 2>/dev/null || true
    kill "$XVFB" 2>/dev/null || true
}
trap cleanup EXIT
sleep 2
if [ "${XVFB_WM:-openbox}" != none ] && command -v openbox >/dev/null; then
    openbox >/dev/null 2>&1 &
    WM=$!
    sleep 1
fi

# 'demo' explicitly: the app image alone starts the real workstation (issue 17), app/airlock alone the demo
"$LAUNCHER" demo >"$ROOT/target/xvfb-demo.out" 2>&1 &
APP=$!

# window NAME-PATTERN SECONDS: the id of the first visible window whose title matches
window() {
    local pattern=$1 limit=$2 id
    for ((i = 0; i < limit; i++)); do
        id=$(xdotool search --onlyvisible --name "$pattern" 2>/dev/null | head -1 || true)
        [ -n "$id" ] && { echo "$id"; return 0; }
        kill -0 "$APP" 2>/dev/null || fail "the launcher exited (see target/xvfb-demo.out)"
        sleep 1
    done
    fail "no window titled '$pattern' after ${limit}s (see target/xvfb-demo.out)"
}
shot() {
    sleep "${2:-2}"
    import -window root "$SHOTS/$PREFIX-$1"
    echo "xvfb-demo: $SHOTS/$PREFIX-$1"
}
keys() { xdotool key --delay 120 "$@"; }
type_text() { xdotool type --delay 60 "$1"; }

# app/airlock runs the demo as two processes (issue 16): the keeper accepts the demo bundle before the
# window opens, which then shows the session start at once; the app image still runs one process,
# which shows the intake window first.
TWO_PROCESSES=
for ((i = 0; i < WAIT; i++)); do
    xdotool search --onlyvisible --name 'bundle intake' >/dev/null 2>&1 && break
    xdotool search --onlyvisible --name '^Start a session' >/dev/null 2>&1 && { TWO_PROCESSES=1; break; }
    kill -0 "$APP" 2>/dev/null || fail "the launcher exited (see target/xvfb-demo.out)"
    sleep 1
done
if [ -z "$TWO_PROCESSES" ]; then
    intake=$(window 'bundle intake' 5)
    shot 1-intake.png 5
    xdotool windowfocus "$intake"
    keys Return                                  # Verify is the default button
    sleep "${XVFB_DEMO_VERIFY:-20}"              # verification of the demo bundle (a few seconds; longer on a loaded machine)
    keys space                                   # "Accept and open" has the focus once accepted
else
    grep -q "under ONE account" "$ROOT/target/xvfb-demo.out" || fail "the launcher did not say that the demo runs under one account"
    pgrep -f "airlock.Launcher keeper" >/dev/null || fail "no keeper process is running beside the window"
    echo "xvfb-demo: two processes: the keeper accepted the demo bundle; the window starts at the session dialog"
fi
start=$(window 'session' 120)
xdotool windowfocus "$start"
type_text "Demo Inspector"; keys Tab; type_text "Demo Office"
keys Tab Tab Tab; type_text "246810"         # badge (optional), bundle, then the room PIN
shot 2-session-start.png 1
keys Return
sleep 4
main=$(window '^Airlock — ' 30)
xdotool windowfocus "$main"
keys ctrl+p; sleep 1; type_text "Launcher.java"; sleep 2; keys Return
shot 3-file-open-breadcrumbs.png 5             # breadcrumbs above the code: folders and the definition at the caret
keys ctrl+f; sleep 1; type_text "Launcher"; sleep 2; keys Return
shot 4-find-in-file.png 3                      # the find bar: count, the current match marked
keys Escape; sleep 1
keys shift+F12                                 # references to the name at the caret, grouped by file
shot 5-references-grouped.png 6
keys ctrl+shift+f; sleep 1; type_text "SessionLog"; keys Return
shot 6-search-grouped.png 6                    # search results grouped by file, matches highlighted
keys F4                                        # the first result opens, the match marked in the code view
shot 7-search-hit-opened.png 4
if [ -z "$TWO_PROCESSES" ]; then                 # history and diff read git directly: not through the keeper yet
    keys alt+shift+h                               # history of the file: the versions window
    versions=$(window 'versions' 60)
    xdotool windowfocus "$versions"; sleep 3
    keys Return                                    # the newest commit opens as a diff against its parent
    shot 8-history-commit-diff.png 6
    keys F7                                        # the next change
    shot 9-next-change.png 2
    keys alt+shift+u                               # the unified form
    shot 10-unified-diff.png 2
    keys ctrl+w; sleep 2
fi
xdotool windowfocus "$main"
keys ctrl+alt+a                                # a finding on the current line
editor=$(window '^New finding' 30)
xdotool windowfocus "$editor"; sleep 1
type_text "The demo walk annotates this line."     # the description has the focus
# the title field, by where it is at 1366x768 (the windows are maximised there)
xdotool mousemove 716 76 click 1; sleep 1; type_text "Demo finding from the xvfb walk"
shot 11-annotation-editor.png 2
keys Return                                    # Save is the default button
shot 12-annotation-saved.png 4
xdotool windowfocus "$main"
keys ctrl+alt+e                                # end the session: the confirmation shows its text and buttons
window '^End session' 30 >/dev/null
shot 13-end-confirm.png 2
keys Return                                    # OK
shot 14-session-ended.png 4
# --- seal (issue 16, kseal): through the keeper too since protocol version 3. The keeper builds the
# review and verifies the signature; the window signs with the demo supervisor's key and writes the stick.
if [ -n "$TWO_PROCESSES" ]; then
    echo "xvfb-demo: two processes: the seal screen, through the keeper"
fi
seal=$(window 'what leaves the room' 60)
shot 15-seal-screen.png 5
seal_it() {                                    # SEAL-WINDOW SHOT-NAME: the demo supervisor seals to the demo stick
    xdotool windowfocus "$1"; sleep 1
    # the supervisor and passphrase fields, by where they are at 1366x768 (the screen opens maximised there)
    xdotool mousemove 370 346 click 1; sleep 1; type_text "Demo Supervisor"
    xdotool mousemove 677 610 click 1; sleep 1; type_text "demo supervisor"; keys Return
    sleep "${XVFB_DEMO_SEAL:-25}"
    shot "$2" 1
    keys Escape; sleep 2
}
seal_it "$seal" 16-sealed.png
if [ -n "$TWO_PROCESSES" ]; then
    # the second session's start dialog is not yet driven reliably in the two-process walk (its keys went
    # to the main window's search field in the kseal run); KeeperSealTest seals a second session through
    # the keeper to the same stick folder
    echo "xvfb-demo: PASS (two processes): session start, breadcrumbs, find in file, references, search, a finding, end, and the seal through the keeper (written and verified on the demo stick) appeared; history/diff are not wired through the keeper yet and the second session is not walked in this mode; look at each screenshot"
    exit 0
fi
echo "xvfb-demo: a second session, sealed to the same stick"
xdotool windowfocus "$main"
keys ctrl+alt+s
start=$(window 'session' 60)
xdotool windowfocus "$start"
type_text "Second Inspector"; keys Tab; type_text "Demo Office"
keys Tab Tab Tab; type_text "246810"
shot 17-second-session-start.png 1
keys Return; sleep 4
xdotool windowfocus "$main"
keys ctrl+p; sleep 1; type_text "README"; sleep 2; keys Return
shot 18-second-session-file.png 4
keys ctrl+alt+e
window '^End session' 30 >/dev/null
keys Return
seal=$(window 'what leaves the room' 60)
shot 19-second-seal-screen.png 5
seal_it "$seal" 20-second-sealed.png
echo "xvfb-demo: PASS: intake, session, breadcrumbs, find in file, references, search, history diff, unified diff, a finding, end, seal, and a second session sealed to the same stick all appeared; look at each screenshot"
