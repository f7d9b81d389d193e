package airlock.core.syntax;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The files mapped into this process, from {@code /proc/self/maps} (Linux): what was really dlopen'ed. */
public final class NativeMaps {
    private NativeMaps() {
    }

    /** Distinct mapped paths containing {@code fragment}, each with its " (deleted)" mark if the file is gone. */
    public static List<String> mapped(String fragment) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .map(line -> line.split("\\s+", 6))
                .filter(f -> f.length == 6 && f[5].contains(fragment))
                .map(f -> f[5].trim())
                .distinct()
                .toList();
    }

    /**
     * This code's private folders in the system temporary folder. Other names ({@code sqlite-*}, {@code *.so})
     * are not compared there: other programs on a shared machine create them at any time. That no library
     * came from the shared folder is shown by {@link #mapped} instead, and sqlite-jdbc's own extraction
     * folder is pointed at a test folder that must stay empty.
     */
    public static List<String> privateFolders() throws IOException {
        try (var list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return list.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("airlock-natives-"))
                    .sorted()
                    .toList();
        }
    }
}
