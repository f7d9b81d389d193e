#!/usr/bin/env bash
# Air-gap proof: run every CLI verb and the real GUI (headless) with no network interfaces
# (unshare -rn) and under strace, and fail if the process creates any socket other than AF_UNIX,
# talks to any non-local address, or starts any other process. See docs/airgap.md.
#
# Usage: .ci/airgap-check.sh            (from anywhere; needs root or unprivileged user namespaces,
#                                         strace, java and an offline-ready ~/.m2)
#        AIRGAP_NO_NAMESPACE=1 .ci/airgap-check.sh
#                                        (where unshare is not permitted: the same traced runs without
#                                         the empty network namespace; says so loudly)
# Output: $AIRLOCK_BUILD_DIR/airgap/ (default target/airgap): strace logs and the verdict.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${AIRLOCK_BUILD_DIR:-$ROOT/target}
OUT=$BUILD/airgap
LIMIT=${AIRGAP_TIME_LIMIT:-150}
PROBES=3
TCP_PROBES=5

fail() { echo "airgap-check: FAIL: $*" >&2; exit 1; }
say() { echo "airgap-check: $*"; }

for tool in strace java mvn timeout; do
    command -v "$tool" >/dev/null || fail "'$tool' is not installed (apt-get install strace util-linux; a JDK 17; Maven)"
done
NETNS=(unshare -rn --)
if [ "${AIRGAP_NO_NAMESPACE:-0}" = 1 ]; then
    NETNS=()
    say "############################################################################################"
    say "WARNING: AIRGAP_NO_NAMESPACE=1: the runs below are traced (no socket, no process) but NOT"
    say "inside an empty network namespace; this is weaker than the full air-gap check."
    say "############################################################################################"
else
    command -v unshare >/dev/null || fail "'unshare' is not installed (apt-get install util-linux)"
    unshare -rn true 2>/dev/null || fail "'unshare -rn true' does not work here: run as root or enable unprivileged user namespaces"
fi

# run NAME ARGS...: one JVM, no network namespace, every network and process system call traced.
run() {
    local name=$1; shift
    say "running $name without network, under strace"
    set +e
    timeout "$LIMIT" "${NETNS[@]}" \
        strace -f -qq -e trace=network,process -o "$OUT/$name.strace" \
        "$JAVA_BIN" "${JAVA_OPTS[@]}" -cp "$CP" "$@" >"$OUT/$name.out" 2>&1
    local rc=$?
    set -e
    [ $rc -eq 124 ] && fail "$name did not finish within ${LIMIT}s (see $OUT/$name.out)"
    [ $rc -eq 0 ] || { tail -n 30 "$OUT/$name.out" >&2; fail "$name exited with $rc (see $OUT/$name.out)"; }
    judge "$name" "$OUT/$name.strace"
}

# judge NAME FILE: the verdict on one strace log.
judge() {
    local name=$1 log=$2 bad
    [ -s "$log" ] || fail "$name: strace wrote nothing to $log"
    local execs
    execs=$(grep -cE '^[0-9]+ +execve(at)?\(' "$log" || true)
    [ "$execs" -eq 1 ] || { grep -E '^[0-9]+ +execve(at)?\(' "$log" >&2; fail "$name: $execs program executions; only the initial java is allowed"; }
    grep -qE '^[0-9]+ +execve\("[^"]*/java"' "$log" || fail "$name: the one execution is not java"
    bad=$(grep -E '^[0-9]+ +(fork|vfork)\(|^[0-9]+ +clone3?\(' "$log" | grep -v 'CLONE_THREAD' || true)
    [ -z "$bad" ] || { echo "$bad" >&2; fail "$name: a new process was started (fork/vfork/clone without CLONE_THREAD)"; }
    # The JDK loads libnet the first time a FileChannel is used; its JNI_OnLoad probes for IPv6
    # (socket(AF_INET6, SOCK_STREAM)) and SO_REUSEPORT (socket(AF_INET, SOCK_STREAM)) and closes the
    # sockets unused. Those probes, at most $PROBES stream sockets, are the only non-AF_UNIX sockets
    # allowed; any other family or type, and any address use below, fails the check.
    # The first use of jdk.net.ExtendedSocketOptions (the keeper reads SO_PEERCRED; the client's socket
    # channel loads it too) runs LinuxSocketOptions' probes: socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)
    # and one getsockopt each for TCP_QUICKACK, TCP_KEEPIDLE, TCP_KEEPCNT, TCP_KEEPINTVL and
    # SO_INCOMING_NAPI_ID — at most $TCP_PROBES sockets, never bound, connected or sent on (checked below).
    bad=$(grep -E '^[0-9]+ +socket(pair)?\(' "$log" | grep -vE 'socket(pair)?\(AF_(UNIX|LOCAL),' \
        | grep -vE 'socket\(AF_INET6?, SOCK_STREAM, IPPROTO_IP\)' | grep -vE 'socket\(AF_INET, SOCK_STREAM, IPPROTO_TCP\)' || true)
    [ -z "$bad" ] || { echo "$bad" >&2; fail "$name: a socket other than AF_UNIX (or the JDK's load-time probe) was created"; }
    local probes
    probes=$(grep -cE '^[0-9]+ +socket\(AF_INET6?, SOCK_STREAM, IPPROTO_IP\)' "$log" || true)
    [ "$probes" -le "$PROBES" ] || fail "$name: $probes internet sockets; the JDK's libnet probe makes at most $PROBES"
    local tcp_probes
    tcp_probes=$(grep -cE '^[0-9]+ +socket\(AF_INET, SOCK_STREAM, IPPROTO_TCP\)' "$log" || true)
    [ "$tcp_probes" -le "$TCP_PROBES" ] || fail "$name: $tcp_probes TCP sockets; jdk.net's option probe makes at most $TCP_PROBES"
    probes=$((probes + tcp_probes))
    # listen/accept only on AF_UNIX sockets (the keeper's socket): the family of each descriptor is the
    # one its last socket() or accept() gave it; a blocked accept is split by strace -f into
    # "accept4(N, <unfinished ...>" and "<... accept4 resumed> ...) = M".
    bad=$(awk '
        function ret(line) { if (match(line, /= [0-9]+$/)) return substr(line, RSTART + 2); return "" }
        /^[0-9]+ +socket\(/ { split($0, a, /[(,]/); fd = ret($0); if (fd != "") fam[fd] = a[2]; next }
        /^[0-9]+ +(listen|accept4?)\(/ {
            match($0, /(listen|accept4?)\([0-9]+/); call = substr($0, RSTART, RLENGTH); split(call, c, "(")
            f = fam[c[2]]
            if (f != "AF_UNIX" && f != "AF_LOCAL") { print; next }
            if (c[1] != "listen") { fd = ret($0); if (fd != "") fam[fd] = f; else pending[$1] = f }
            next }
        /^[0-9]+ +<\.\.\. accept4? resumed>/ { fd = ret($0); if (fd != "" && ($1 in pending)) fam[fd] = pending[$1]; next }
    ' "$log")
    [ -z "$bad" ] || { echo "$bad" >&2; fail "$name: a socket other than AF_UNIX listened or accepted"; }
    bad=$(grep -E '^[0-9]+ +(connect|bind|sendto|sendmsg|sendmmsg)\(' "$log" | grep -vE 'sa_family=AF_(UNIX|LOCAL)' \
        | grep -E 'sa_family=' || true)
    [ -z "$bad" ] || { echo "$bad" >&2; fail "$name: a network address was used"; }
    local sockets threads
    sockets=$(grep -cE '^[0-9]+ +socket(pair)?\(AF_(UNIX|LOCAL)' "$log" || true)
    threads=$(grep -cE '^[0-9]+ +clone3?\(' "$log" || true)
    say "$name: 1 execve (java), $threads threads, $sockets AF_UNIX sockets, $probes libnet probe sockets (no address used),"\
" no network address, no child process"
}

# --self-test: the judge itself, on made-up traces (no Java needed): each bad trace must fail.
self_test() {
    mkdir -p "$OUT"
    java_exec='1 execve("/usr/bin/java", ["java"], 0x0 /* 1 vars */) = 0'
    thread='1 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD, exit_signal=0}, 88) = 2'
    printf '%s\n%s\n1 socket(AF_INET6, SOCK_STREAM, IPPROTO_IP) = 5\n' "$java_exec" "$thread" >"$OUT/good.strace"
    ( judge good "$OUT/good.strace" ) >/dev/null || fail "self-test: a clean trace was refused"
    # the keeper: an AF_UNIX socket bound, listened on and accepted from (a blocked accept split by strace -f)
    printf '%s\n%s\n%s\n%s\n%s\n%s\n%s\n' "$java_exec" "$thread" '1 socket(AF_UNIX, SOCK_STREAM, 0) = 9' \
        '1 bind(9, {sa_family=AF_UNIX, sun_path="/run/k/.k.sock.tmp"}, 110) = 0' '1 listen(9, 50) = 0' \
        '2 accept4(9, <unfinished ...>' '2 <... accept4 resumed>{sa_family=AF_UNIX}, [110 => 2], 0) = 10' >"$OUT/keeper.strace"
    ( judge keeper "$OUT/keeper.strace" ) >/dev/null || fail "self-test: a clean keeper trace (AF_UNIX listen/accept) was refused"
    i=0
    for bad in '1 execve("/usr/bin/sh", ["sh", "-c", "umask"], 0x0 /* 1 vars */) = 0' \
               '1 clone3({flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD, stack=0x1, stack_size=0x9000}, 88) = 3' \
               '1 vfork() = 3' \
               '1 socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP) = 5' \
               '1 socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE) = 5' \
               '1 connect(5, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.0.0.1")}, 16) = -1 ENETUNREACH' \
               '1 bind(5, {sa_family=AF_INET6, sin6_port=htons(0)}, 28) = 0' \
               '1 listen(5, 50) = 0' \
               $'1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 6\n1 listen(6, 50) = 0' \
               $'1 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 6\n1 socket(AF_INET6, SOCK_STREAM, IPPROTO_IP) = 6\n1 accept4(6, NULL, NULL, 0) = 7'; do
        i=$((i + 1))
        printf '%s\n%s\n%s\n' "$java_exec" "$thread" "$bad" >"$OUT/bad$i.strace"
        if ( judge "bad$i" "$OUT/bad$i.strace" ) >/dev/null 2>&1; then fail "self-test: accepted: $bad"; fi
    done
    printf '%s\n' "$java_exec" >"$OUT/probes.strace"
    for _ in 1 2 3 4; do echo '1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 5' >>"$OUT/probes.strace"; done
    if ( judge probes "$OUT/probes.strace" ) >/dev/null 2>&1; then fail "self-test: accepted 4 internet sockets"; fi
    printf '%s\n' "$java_exec" >"$OUT/tcp-probes.strace"
    for _ in 1 2 3 4 5 6; do echo '1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 60' >>"$OUT/tcp-probes.strace"; done
    if ( judge tcp-probes "$OUT/tcp-probes.strace" ) >/dev/null 2>&1; then fail "self-test: accepted 6 TCP probe sockets"; fi
    say "self-test PASS: 2 clean traces (one a keeper's) accepted, $((i + 2)) bad traces refused"
}

if [ "${1:-}" = "--self-test" ]; then
    self_test
    exit 0
fi

mkdir -p "$OUT"
say "building test classes and the class path (offline)"
mvn -B -o -q -Dairlock.build.dir="$BUILD" -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test >"$OUT/build.log" 2>&1 \
    || { cat "$OUT/build.log" >&2; fail "the build failed (see $OUT/build.log)"; }
CP="$BUILD/classes:$BUILD/test-classes:$(cat "$OUT/classpath.txt")"
JAVA_BIN=$(command -v java)
JAVA_OPTS=(-Xmx1g -Duser.home="$OUT/userhome" -Djava.awt.headless=true -Dprism.order=sw -Dprism.text=t2k
    -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dairlock.project.dir="$ROOT" -Djavafx.cachedir="$OUT/javafx-natives")

rm -rf "$OUT/work" "$OUT/userhome"
mkdir -p "$OUT/work" "$OUT/userhome"
self_test

# The network namespace really is empty: only a loopback device, and it is down.
if [ "${#NETNS[@]}" -gt 0 ]; then
    unshare -rn -- sh -c 'cat /proc/net/dev' >"$OUT/netdev.txt"
    devices=$(tail -n +3 "$OUT/netdev.txt" | awk -F: '{gsub(/ /,"",$1); print $1}' | tr '\n' ' ')
    [ "$devices" = "lo " ] || fail "the namespace has network devices other than lo: $devices"
    say "namespace network devices: $devices(down)"
fi

run launcher-version airlock.Launcher version
run smoke airlock.airgap.AirgapSmoke "$OUT/work"
grep -q 'airgap-smoke: GUI window shown' "$OUT/smoke.out" || fail "the GUI smoke run did not show its window"
[ ! -e "$OUT/userhome/.openjfx" ] || fail "JavaFX wrote its natives into the home ($OUT/userhome/.openjfx), not javafx.cachedir"

# Both processes of the two-process design: the keeper (the real 'airlock keeper') and a client, each
# in its own JVM, each traced and judged. The keeper may bind, listen and accept on its AF_UNIX socket.
KHOME="$OUT/work/keeper-home"
KRUN="$OUT/work/keeper-run"
run keeper-prepare airlock.airgap.KeeperAirgapSmoke prepare "$KHOME"
mkdir -p -m 700 "$KRUN"
say "running keeper without network, under strace (in the background)"
"${NETNS[@]}" strace -f -qq -e trace=network,process -o "$OUT/keeper.strace" \
    "$JAVA_BIN" "${JAVA_OPTS[@]}" -cp "$CP" airlock.Launcher keeper --home "$KHOME" --socket "$KRUN/keeper.sock" \
    >"$OUT/keeper.out" 2>&1 &
KEEPER_TRACE=$!
for _ in $(seq 1 240); do [ -S "$KRUN/keeper.sock" ] && break; sleep 0.5; done
[ -S "$KRUN/keeper.sock" ] || { kill "$KEEPER_TRACE" 2>/dev/null; fail "the keeper did not create its socket (see $OUT/keeper.out)"; }
run keeper-client airlock.airgap.KeeperAirgapSmoke client "$KRUN/keeper.sock"
grep -q 'keeper-smoke: session through the keeper ended' "$OUT/keeper-client.out" || fail "the keeper client smoke did not finish"
# The real JavaFX window in keeper mode (headless, Monocle, as app/airlock starts it with -Dairlock.keeper.socket):
# it reaches the keeper and starts a session through it from its start dialog; judged as its own JVM.
run keeper-gui airlock.airgap.KeeperAirgapSmoke gui "$KRUN/keeper.sock"
grep -q 'keeper-gui: the window started session' "$OUT/keeper-gui.out" || fail "the window in keeper mode did not start a session"
# stop the keeper JVM (the traced child of strace, by its pid) with SIGTERM: its shutdown hook closes the stores
KEEPER_JAVA=$(grep -m1 -E '^[0-9]+ +execve\("[^"]*/java"' "$OUT/keeper.strace" | awk '{print $1}')
[ -n "$KEEPER_JAVA" ] || fail "no java execve in the keeper's trace"
kill -TERM "$KEEPER_JAVA"
wait "$KEEPER_TRACE" || true
grep -qE '^[0-9]+ +listen\(' "$OUT/keeper.strace" || fail "the keeper's trace shows no listen: it did not serve"
judge keeper "$OUT/keeper.strace"

# The end-to-end test (TestFX, headless) in one traced JVM: bundle, session, findings, seal, media, verify.
# Its output lands in $BUILD/e2e; the auditor's Python script then checks the sealed log outside the trace
# (starting python3 is the script's doing, not Airlock's).
JAVA_OPTS+=(-Dtestfx.robot=glass -Dtestfx.headless=true -Dairlock.build.dir="$BUILD" -Dairlock.screenshots="$BUILD/screenshots")
LIMIT=${AIRGAP_E2E_TIME_LIMIT:-400} run e2e airlock.airgap.EndToEndUnderTrace
grep -q 'airgap-e2e: the end-to-end tests passed' "$OUT/e2e.out" || fail "the end-to-end test did not pass (see $OUT/e2e.out)"
if command -v python3 >/dev/null && command -v openssl >/dev/null; then
    e2e_log=$(ls "$BUILD"/e2e/media/session-*.log)
    python3 docs/verify/verify_log.py "$e2e_log" "${e2e_log%.log}.seal" --trust "$BUILD/e2e/home/trust" >"$OUT/e2e-python.txt" 2>&1 \
        || { cat "$OUT/e2e-python.txt" >&2; fail "verify_log.py refused the end-to-end test's sealed log"; }
    say "verify_log.py on the end-to-end output: $(head -c 120 "$OUT/e2e-python.txt")"
else
    say "WARNING: python3 or openssl missing: verify_log.py was NOT run on the end-to-end output"
fi
if [ "${#NETNS[@]}" -gt 0 ]; then
    say "PASS: no network address used, no socket but AF_UNIX and the JDK probe, no process spawned (logs in $OUT)"
else
    say "PASS (WITHOUT NETWORK NAMESPACE): no network address used, no socket but AF_UNIX and the JDK probe, no process"\
" spawned (logs in $OUT)"
fi
