package airlock.airgap;

import airlock.cli.AirlockCommand;
import airlock.ui.AirlockApp;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * The workload {@code .ci/airgap-check.sh} runs under {@code unshare -rn} and {@code strace}: every
 * CLI verb on real inputs, then the real GUI (headless, Monocle) until its window is shown and
 * the demo has had time to open. Exits non-zero if any verb does not give its expected exit code.
 * It checks behaviour only; the script judges the system calls.
 *
 * <p>Usage: {@code AirgapSmoke WORK_DIR}
 */
public final class AirgapSmoke {
    private static final long GUI_SETTLE_MILLIS = 8_000;
    private static final long GUI_START_LIMIT_MILLIS = 90_000;
    private final Path work;
    private final List<String> failures = new ArrayList<>();

    private AirgapSmoke(Path work) {
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: AirgapSmoke WORK_DIR");
            System.exit(2);
        }
        AirgapSmoke smoke = new AirgapSmoke(Path.of(args[0]).toAbsolutePath());
        smoke.cli();
        smoke.gui();
        if (!smoke.failures.isEmpty()) {
            smoke.failures.forEach(f -> System.err.println("airgap-smoke: FAILED " + f));
            System.exit(1);
        }
        System.out.println("airgap-smoke: every CLI verb and the GUI ran");
        System.exit(0);
    }

    private void cli() throws IOException, URISyntaxException {
        String home = work.resolve("home").toString();
        Path src = Files.createDirectories(work.resolve("src"));
        Files.writeString(src.resolve("main.c"), "int main(void) { return 0; }\n");
        Files.writeString(work.resolve("pass"), "airgap passphrase\n");
        Files.writeString(work.resolve("pin"), "902148\n");
        Files.writeString(work.resolve("policy-source.json"), "{\"type\":\"airlock-room-policy/1\",\"name\":\"smoke\","
                + "\"clipboard\":false,\"idleLockMinutes\":5,\"inspectorsSeeEachOther\":false,\"maxSessionMinutes\":60,"
                + "\"confirmation\":{\"mode\":\"key\"},\"export\":{\"annotations\":true,\"snippets\":false,"
                + "\"maxSnippetLinesPerFinding\":0,\"maxSnippetLinesPerFile\":0,\"maxSnippetLinesPerSession\":0,"
                + "\"searchStrings\":false,\"forbiddenPaths\":[]}}");
        Path vectors = Path.of(AirgapSmoke.class.getResource("/vectors/log/valid-sealed").toURI());
        Path logTrust = Path.of(AirgapSmoke.class.getResource("/vectors/log/trust").toURI());

        run(0, "version");
        run(0, "--help");
        run(0, "keygen", "--out", work.resolve("vendor").toString());
        run(0, "keygen", "--out", work.resolve("admin").toString(), "--passphrase-file", work.resolve("pass").toString());
        run(0, "trust", "add", "vendor", work.resolve("vendor.pub").toString(), "--home", home);
        run(0, "trust", "add", "room-admin", work.resolve("admin.pub").toString(), "--home", home);
        run(0, "trust", "list", "--home", home);
        run(0, "bundle", "create", "--from-dir", src.toString(), "--review-ref", "refs/tags/v1", "--vendor", "smoke",
                "--product", "smoke", "--version", "1", "--sequence", "1", "--key", work.resolve("vendor.key").toString(),
                "--out", work.resolve("media").toString());
        Path bundle = onlyFolder(work.resolve("media"));
        run(0, "bundle", "verify", bundle.toString(), "--home", home);
        run(0, "bundle", "import", bundle.toString(), "--home", home);
        run(0, "log", "verify", vectors.toString(), "--trust", logTrust.toString(), "--home", home);
        run(0, "policy", "sign", "--key", work.resolve("admin.key").toString(), "--passphrase-file",
                work.resolve("pass").toString(), "--out", work.resolve("policy.json").toString(),
                work.resolve("policy-source.json").toString());
        run(0, "policy", "verify", work.resolve("policy.json").toString(), "--home", home);
        run(0, "policy", "install", work.resolve("policy.json").toString(), "--home", home);
        run(0, "policy", "show", "--home", home);
        run(0, "policy", "pin-hash", "--pin-file", work.resolve("pin").toString());
    }

    private void run(int expected, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AirlockCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        System.out.println("airgap-smoke: airlock " + String.join(" ", args) + " -> " + exit);
        if (exit != expected) {
            failures.add("airlock " + String.join(" ", args) + ": exit " + exit + " (expected " + expected + ")\n" + err);
        }
    }

    private static Path onlyFolder(Path dir) throws IOException {
        try (var list = Files.list(dir)) {
            return list.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new UncheckedIOException(new IOException("no bundle folder in " + dir)));
        }
    }

    private void gui() throws InterruptedException {
        System.setProperty("airlock.project.dir", System.getProperty("airlock.project.dir", "."));
        Thread fx = new Thread(() -> AirlockApp.launchApp(new String[0]), "airgap-gui");
        fx.setDaemon(true);
        fx.start();
        long waited = 0;
        while (!windowShowing() && waited < GUI_START_LIMIT_MILLIS) {
            Thread.sleep(250);
            waited += 250;
        }
        if (!windowShowing()) {
            failures.add("the GUI window did not show within " + GUI_START_LIMIT_MILLIS / 1000 + " s");
            return;
        }
        System.out.println("airgap-smoke: GUI window shown");
        Thread.sleep(GUI_SETTLE_MILLIS);
        Platform.exit();
        fx.join(10_000);
    }

    private static boolean windowShowing() {
        try {
            return Window.getWindows().stream().anyMatch(Window::isShowing);
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
