package airlock.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The kiosk package's files, parsed: the keeper's systemd unit (every hardening directive the
 * issue requires, none it forbids, measured with systemd-analyze when present), the X session and
 * its script and openbox configuration (only Airlock, full screen, no way out), the polkit rule (run
 * under node when present: removable media only), and the package itself built with dpkg-deb.
 */
class KioskPackageTest {
    static final Path DEB = Path.of("packaging/deb");
    static final Path UNIT = DEB.resolve("airlock-keeper.service");

    /** A systemd unit: section -> directive -> values in order (a directive may repeat). */
    static Map<String, Map<String, List<String>>> parseUnit(Path file) throws IOException {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        String section = null;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            assertFalse(line.endsWith("\\"), "no continued lines, to keep this parser honest: " + line);
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                out.putIfAbsent(section, new LinkedHashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            assertTrue(section != null && eq > 0, "a directive inside a section: " + line);
            out.get(section).computeIfAbsent(line.substring(0, eq).strip(), k -> new ArrayList<>()).add(line.substring(eq + 1).strip());
        }
        return out;
    }

    @Test
    void theKeeperUnitHasEveryRequiredDirective() throws IOException {
        Map<String, List<String>> service = parseUnit(UNIT).get("Service");
        Map<String, String> required = new LinkedHashMap<>();
        required.put("User", "airlock-keeper");
        required.put("RestrictAddressFamilies", "AF_UNIX");
        required.put("PrivateNetwork", "yes");
        required.put("IPAddressDeny", "any");
        required.put("NoNewPrivileges", "yes");
        required.put("ProtectSystem", "strict");
        required.put("ProtectHome", "yes");
        required.put("PrivateTmp", "yes");
        required.put("CapabilityBoundingSet", "");
        required.put("AmbientCapabilities", "");
        required.put("ReadWritePaths", "/var/lib/airlock");
        required.put("StateDirectory", "airlock");
        required.put("StateDirectoryMode", "0700");
        required.put("RuntimeDirectory", "airlock");
        required.put("RuntimeDirectoryMode", "0755");
        required.put("UMask", "0077");
        required.put("PrivateDevices", "yes");
        required.put("ProtectKernelTunables", "yes");
        required.put("ProtectKernelModules", "yes");
        required.put("ProtectKernelLogs", "yes");
        required.put("ProtectControlGroups", "yes");
        required.put("ProtectClock", "yes");
        required.put("ProtectHostname", "yes");
        required.put("ProtectProc", "invisible");
        required.put("RestrictNamespaces", "yes");
        required.put("SystemCallArchitectures", "native");
        required.put("LockPersonality", "yes");
        required.put("RestrictRealtime", "yes");
        required.put("RestrictSUIDSGID", "yes");
        for (Map.Entry<String, String> e : required.entrySet()) {
            assertEquals(List.of(e.getValue()), service.get(e.getKey()), e.getKey() + " exactly once, as required");
        }
        assertTrue(service.get("SystemCallFilter").contains("@system-service"), "SystemCallFilter=@system-service");
        assertTrue(service.get("SystemCallFilter").stream().skip(1).allMatch(v -> v.startsWith("~")),
                "further SystemCallFilter lines only take calls away");
    }

    @Test
    void theKeeperUnitHasNoForbiddenDirective() throws IOException {
        Map<String, List<String>> service = parseUnit(UNIT).get("Service");
        // the JIT needs writable and executable memory
        assertFalse(service.containsKey("MemoryDenyWriteExecute"), "MemoryDenyWriteExecute breaks the JVM's JIT");
        // a private user namespace maps every other uid to nobody: SO_PEERCRED would then report every
        // inspector as 65534 and the socket could not be given the inspectors' group (docs/deployment.md)
        assertFalse(service.containsKey("PrivateUsers"), "PrivateUsers hides the peer's uid from SO_PEERCRED");
        for (String key : List.of("DynamicUser", "BindPaths", "ReadWritePaths", "InaccessiblePaths", "PermissionsStartOnly",
                "IPAddressAllow", "ExecStartPre")) {
            if (key.equals("ReadWritePaths")) {
                assertEquals(List.of("/var/lib/airlock"), service.get(key), "writable: the home only");
            } else {
                assertFalse(service.containsKey(key), key + " is not for the keeper");
            }
        }
        assertFalse(service.get("User").contains("root"));
        assertFalse(String.join(" ", service.get("RestrictAddressFamilies")).contains("INET"));
        assertFalse(service.getOrDefault("Environment", List.of()).stream().anyMatch(v -> v.contains("JAVA")),
                "no JVM options from the unit's environment");
    }

    @Test
    void theKeeperIsStartedOnItsHomeAndSocketFolder() throws IOException {
        Map<String, List<String>> service = parseUnit(UNIT).get("Service");
        List<String> exec = List.of(service.get("ExecStart").get(0).split(" +"));
        assertEquals(List.of("/opt/airlock/bin/Airlock", "keeper", "--home", "/var/lib/airlock", "--socket",
                "/run/airlock/keeper.sock", "--allow-group", "airlock-inspectors"), exec);
        // the group given to the socket must be one of the keeper's groups (chown needs membership)
        assertEquals(List.of("airlock-inspectors"), service.get("SupplementaryGroups"));
    }

    @Test
    void theUnitsExposureIsSafeWhenSystemdAnalyzeIsHere() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        if (!Files.isExecutable(analyze)) {
            System.err.println("*** KioskPackageTest: systemd-analyze not installed: the unit's exposure was NOT measured ***");
            Assumptions.abort("systemd-analyze not installed");
        }
        String out = run(List.of(analyze.toString(), "security", "--offline=yes", UNIT.toAbsolutePath().toString()), 120);
        Matcher m = Pattern.compile("Overall exposure level for airlock-keeper\\.service: ([0-9.]+) (\\S+)").matcher(out);
        assertTrue(m.find(), out);
        double exposure = Double.parseDouble(m.group(1));
        assertTrue(exposure <= 1.0, "exposure " + exposure + " " + m.group(2));
        assertEquals("SAFE", m.group(2));
    }

    @Test
    void systemdKnowsEveryDirectiveOfTheUnit() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        if (!Files.isExecutable(analyze)) {
            System.err.println("*** KioskPackageTest: systemd-analyze not installed: the unit was NOT verified by systemd ***");
            Assumptions.abort("systemd-analyze not installed");
        }
        Process p = new ProcessBuilder(analyze.toString(), "verify", "--man=no", UNIT.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        // the one complaint allowed: the application is not installed on the machine running the tests
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                assertTrue(line.contains("Command /opt/airlock/bin/Airlock is not executable"), "systemd says: " + line);
            }
        }
    }

    @Test
    void theKioskSessionRunsTheSessionScriptOfThePackage() throws IOException {
        Map<String, List<String>> entry = parseUnit(DEB.resolve("kiosk/airlock-kiosk.desktop")).get("Desktop Entry");
        assertEquals(List.of("Application"), entry.get("Type"));
        assertEquals(List.of("/usr/libexec/airlock/airlock-kiosk-session"), entry.get("Exec"));
        assertEquals(entry.get("Exec"), entry.get("TryExec"));
        assertTrue(entry.get("Name").get(0).contains("Airlock"));
        String build = Files.readString(DEB.resolve("build-deb.sh"));
        assertTrue(build.contains("kiosk/airlock-kiosk-session\" \"$stage/usr/libexec/airlock/airlock-kiosk-session\""),
                "the package installs the script where the session runs it");
        assertTrue(build.contains("\"$stage/usr/share/xsessions/airlock-kiosk.desktop\""));
    }

    @Test
    void theSessionScriptStartsOnlyTheWindowManagerTheMounterAndAirlock() throws Exception {
        Path script = DEB.resolve("kiosk/airlock-kiosk-session");
        assertTrue(Files.isExecutable(script));
        Set<String> allowed = Set.of("set", "unset", "export", "xset", "openbox", "wm=$!", "if", "udiskie", "mounter=$!",
                "else", "mounter=", "fi", "/opt/airlock/bin/Airlock", "status=$?", "[", "kill", "exit", "LD_PRELOAD");
        List<String> commands = new ArrayList<>();
        for (String raw : Files.readAllLines(script)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String first = line.split("[ ;]")[0];
            commands.add(first);
            assertTrue(allowed.contains(first), "unexpected command in the kiosk session: " + line);
        }
        assertTrue(commands.contains("openbox") && commands.contains("/opt/airlock/bin/Airlock"));
        String text = Files.readString(script);
        for (String forbidden : List.of("xterm", "terminal", "urxvt", "bash", "pcmanfm", "nautilus", "thunar", "dolphin", "dmenu",
                "xdg-open", "tint2", "panel")) {
            assertFalse(text.replaceAll("(?m)^#.*$", "").contains(forbidden), forbidden);
        }
        assertTrue(text.contains("openbox --config-file /usr/share/airlock/kiosk/openbox-rc.xml"));
        assertTrue(text.contains("/opt/airlock/bin/Airlock workstation --keeper /run/airlock/keeper.sock\n"), "Airlock in the foreground: the session ends with it");
        if (Files.isExecutable(Path.of("/bin/sh"))) {
            run(List.of("/bin/sh", "-n", script.toString()), 30);
        }
    }

    @Test
    void openboxHasNoKeysNoMenuAndEveryWindowFullScreen() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(DEB.resolve("kiosk/openbox-rc.xml").toFile());
        assertEquals(0, doc.getElementsByTagNameNS("*", "keybind").getLength(), "no key bindings: no Alt+Tab, no terminal");
        assertEquals(0, doc.getElementsByTagNameNS("*", "mousebind").getLength(), "no mouse bindings: no root menu");
        assertEquals(0, doc.getElementsByTagNameNS("*", "file").getLength(), "no menu file");
        assertEquals(0, doc.getElementsByTagNameNS("*", "action").getLength(), "no actions at all (Execute included)");
        NodeList apps = doc.getElementsByTagNameNS("*", "application");
        boolean normal = false;
        for (int i = 0; i < apps.getLength(); i++) {
            Element app = (Element) apps.item(i);
            if ("normal".equals(app.getAttribute("type"))) {
                normal = true;
                assertEquals("yes", text(app, "fullscreen"));
                assertEquals("no", text(app, "decor"));
            }
        }
        assertTrue(normal, "a rule for normal windows");
        assertEquals("1", text(doc.getDocumentElement(), "number"), "one desktop");
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagNameNS("*", tag).item(0).getTextContent().strip();
    }

    static final Path RULE = DEB.resolve("polkit/50-airlock-inspectors.rules");

    @Test
    void thePolkitRuleNamesOnlyRemovableMediaActions() throws IOException {
        String rule = Files.readString(RULE);
        Matcher m = Pattern.compile("\"(org\\.freedesktop\\.[a-z0-9.-]+)\"").matcher(rule);
        List<String> actions = new ArrayList<>();
        while (m.find()) {
            actions.add(m.group(1));
        }
        assertEquals(List.of("org.freedesktop.udisks2.filesystem-mount", "org.freedesktop.udisks2.eject-media",
                "org.freedesktop.udisks2.power-off-drive"), actions);
        assertTrue(rule.contains("subject.isInGroup(\"airlock-inspectors\")"));
        assertTrue(rule.contains("return polkit.Result.NO;"), "everything else refused for inspectors");
    }

    @Test
    void thePolkitRuleDecidesAsIntendedUnderAJavaScriptEngine(@TempDir Path dir) throws Exception {
        Path node = Files.isExecutable(Path.of("/usr/bin/node")) ? Path.of("/usr/bin/node") : null;
        if (node == null) {
            System.err.println("*** KioskPackageTest: node not installed: the polkit rule was NOT run, only read ***");
            Assumptions.abort("node not installed");
        }
        // polkit's own JavaScript API, as far as the rule uses it (polkit(8): addRule, Result, subject)
        String harness = """
                var rules = [];
                var polkit = { Result: { YES: "yes", NO: "no", NOT_HANDLED: null }, addRule: function (f) { rules.push(f); } };
                eval(require("fs").readFileSync(process.argv[2], "utf8"));
                function decide(id, groups, local, active) {
                    var subject = { local: local, active: active, isInGroup: function (g) { return groups.indexOf(g) >= 0; } };
                    for (var i = 0; i < rules.length; i++) { var r = rules[i]({ id: id }, subject); if (r !== null && r !== undefined) return r; }
                    return "not-handled";
                }
                var I = ["airlock-inspectors"];
                var cases = [
                    ["org.freedesktop.udisks2.filesystem-mount", I, true, true],
                    ["org.freedesktop.udisks2.eject-media", I, true, true],
                    ["org.freedesktop.udisks2.power-off-drive", I, true, true],
                    ["org.freedesktop.udisks2.filesystem-mount", I, false, true],
                    ["org.freedesktop.udisks2.filesystem-mount", I, true, false],
                    ["org.freedesktop.udisks2.filesystem-mount-system", I, true, true],
                    ["org.freedesktop.udisks2.filesystem-mount-other-seat", I, true, true],
                    ["org.freedesktop.udisks2.encrypted-unlock", I, true, true],
                    ["org.freedesktop.udisks2.loop-setup", I, true, true],
                    ["org.freedesktop.udisks2.modify-device", I, true, true],
                    ["org.freedesktop.login1.reboot", I, true, true],
                    ["org.freedesktop.NetworkManager.network-control", I, true, true],
                    ["org.freedesktop.packagekit.package-install", I, true, true],
                    ["org.freedesktop.policykit.exec", I, true, true],
                    ["org.freedesktop.udisks2.filesystem-mount", ["users"], true, true]
                ];
                console.log(cases.map(function (c) { return decide(c[0], c[1], c[2], c[3]); }).join(","));
                """;
        Path js = Files.writeString(dir.resolve("harness.js"), harness);
        String out = run(List.of(node.toString(), js.toString(), RULE.toAbsolutePath().toString()), 60).strip();
        assertEquals("yes,yes,yes,no,no,no,no,no,no,no,no,no,no,no,not-handled", out);
    }

    @Test
    void theMaintainerScriptsCreateTheAccountAndAPrivateHome() throws IOException {
        String postinst = Files.readString(DEB.resolve("DEBIAN/postinst"));
        assertTrue(postinst.contains("adduser --system --group --home /var/lib/airlock --no-create-home"));
        assertTrue(postinst.contains("airlock-keeper"));
        assertTrue(postinst.contains("addgroup --system airlock-inspectors"));
        assertTrue(postinst.contains("install -d -o airlock-keeper -g airlock-keeper -m 0700 /var/lib/airlock"));
        String postrm = Files.readString(DEB.resolve("DEBIAN/postrm"));
        assertFalse(postrm.contains("rm -"), "the evidence in /var/lib/airlock is never removed by the package");
        assertFalse(postrm.contains("deluser"));
    }

    @Test
    void thePackageIsBuiltAndListed(@TempDir Path out) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/dpkg-deb"))) {
            System.err.println("*** KioskPackageTest: dpkg-deb not installed: the package was NOT built ***");
            Assumptions.abort("dpkg-deb not installed");
        }
        run(List.of("bash", DEB.resolve("build-deb.sh").toString(), "--without-app", "--out", out.toString()), 300);
        Path deb;
        try (var list = Files.list(out)) {
            deb = list.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
        }
        String contents = run(List.of("dpkg-deb", "-c", deb.toString()), 60);
        for (String file : List.of("./lib/systemd/system/airlock-keeper.service", "./usr/share/xsessions/airlock-kiosk.desktop",
                "./usr/libexec/airlock/airlock-kiosk-session", "./usr/share/airlock/kiosk/openbox-rc.xml",
                "./usr/share/polkit-1/rules.d/50-airlock-inspectors.rules", "./usr/share/man/man1/airlock.1.gz",
                "./usr/share/bash-completion/completions/airlock")) {
            assertTrue(contents.contains(" " + file + "\n"), file + " in\n" + contents);
        }
        assertTrue(contents.contains("-rwxr-xr-x root/root") && contents.contains("airlock-kiosk-session"));
        assertFalse(contents.contains("rw-rw-") || contents.contains("rwxrwx"), "nothing group- or world-writable");
        String control = run(List.of("dpkg-deb", "-f", deb.toString(), "Package", "Depends"), 60);
        assertTrue(control.contains("Package: airlock") && control.contains("polkitd") && control.contains("udisks2"), control);
        Path extracted = Files.createDirectories(out.resolve("control"));
        run(List.of("dpkg-deb", "-e", deb.toString(), extracted.toString()), 60);
        assertEquals(Files.readString(DEB.resolve("DEBIAN/postinst")), Files.readString(extracted.resolve("postinst")));
        assertTrue(Files.isExecutable(extracted.resolve("postinst")));
        System.err.println("KioskPackageTest: built " + deb.getFileName() + " (packaging files only, --without-app):\n" + contents);
    }

    /** Runs a tool of the build machine (tests only; the application never starts a process). */
    static String run(List<String> command, int seconds) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] bytes = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), "timed out: " + command);
        String out = new String(bytes, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), command + ":\n" + out);
        return out;
    }
}
