package airlock.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code openssl} binary for interoperability tests (test code only; src/main never
 * starts a process). Tests that use it are skipped, with a reason, when openssl is absent.
 */
public final class OpenSsl {
    private OpenSsl() {
    }

    public static void assumeAvailable() {
        assumeTrue(find() != null, "openssl binary not found on PATH; interop test skipped");
    }

    private static Path find() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "openssl");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The result of one openssl run. */
    public record Result(int exit, String output) {
    }

    public static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(find().toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("openssl did not finish: " + command);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Runs openssl and fails the test with its output when it exits non-zero. */
    public static String ok(Path workDir, String... args) throws IOException, InterruptedException {
        Result result = run(workDir, args);
        if (result.exit() != 0) {
            throw new AssertionError("openssl " + String.join(" ", args) + " failed (" + result.exit() + "): " + result.output());
        }
        return result.output();
    }
}
