package airlock.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every bundle key the code names exists, so no label is ever blank or a stack trace. */
class TextsTest {
    /** Direct uses: texts.get("..."), texts.format("...", ...). */
    private static final Pattern DIRECT = Pattern.compile("texts\\.(?:get|format)\\(\\s*\"([^\"]+)\"");
    /** Any string literal that looks like a dotted key. */
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z0-9]*(?:\\.[a-z0-9]+)+)\"");

    @Test
    void everyKeyUsedInTheCodeExistsInTheBundle() throws IOException {
        ResourceBundle bundle = ResourceBundle.getBundle(Texts.BUNDLE, Locale.ROOT);
        Set<String> prefixes = new TreeSet<>();
        bundle.keySet().forEach(key -> prefixes.add(key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.'))));
        List<String> missing = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Set<String> keys = new TreeSet<>();
                collect(DIRECT, source, keys);
                // in core, dotted literals are error codes, not keys; only ui code names keys
                Matcher literal = LITERAL.matcher(file.startsWith(Path.of("src/main/java/airlock/ui")) ? source : "");
                while (literal.find()) {
                    String key = literal.group(1);
                    if (prefixes.contains(key.substring(0, key.indexOf('.'))) && !key.startsWith("airlock.")) {
                        keys.add(key);
                    }
                }
                for (String key : keys) {
                    checked++;
                    if (!bundle.containsKey(key)) {
                        missing.add(key + " (" + file + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(checked > 50, "the scan found the keys (" + checked + ")");
    }

    @Test
    void everyTextFormatsWithoutError() {
        Texts texts = Texts.load(Locale.ROOT);
        ResourceBundle bundle = ResourceBundle.getBundle(Texts.BUNDLE, Locale.ROOT);
        for (String key : bundle.keySet()) {
            String text = texts.format(key, 1, 2, 3);
            assertTrue(!text.contains("''"), key + " shows a doubled apostrophe: " + text);
        }
    }

    private static void collect(Pattern pattern, String source, Set<String> into) {
        Matcher matcher = pattern.matcher(source);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }
}
