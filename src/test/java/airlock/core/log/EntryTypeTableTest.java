package airlock.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One list of event types: the table in docs/formats/session-log.md, {@link EntryType} and the set
 * verify_log.py accepts name the same types (an unknown type is invalid everywhere, so a type added
 * in one place only would split the verdicts).
 */
class EntryTypeTableTest {
    @Test
    void documentCodeAndScriptListTheSameTypes() throws Exception {
        Set<String> code = new TreeSet<>(Arrays.stream(EntryType.values()).map(EntryType::wireName).toList());

        String doc = Files.readString(Path.of("docs/formats/session-log.md"));
        int start = doc.indexOf("### Event types");
        String table = doc.substring(start, doc.indexOf("\n\n", doc.indexOf("| type |", start)));
        Set<String> documented = new TreeSet<>();
        for (String row : table.split("\n")) {
            if (row.startsWith("| `")) {
                Matcher names = Pattern.compile("`([a-z.]+)`").matcher(row.substring(0, row.indexOf(" |", 2)));
                while (names.find()) {
                    documented.add(names.group(1));
                }
            }
        }
        assertEquals(code, documented, "the format's event-type table");

        String script = Files.readString(Path.of("docs/verify/verify_log.py"));
        Matcher set = Pattern.compile("TYPES = \\{([^}]*)\\}").matcher(script);
        set.find();
        Set<String> accepted = new TreeSet<>();
        Matcher names = Pattern.compile("\"([a-z.]+)\"").matcher(set.group(1));
        while (names.find()) {
            accepted.add(names.group(1));
        }
        assertEquals(code, accepted, "verify_log.py's TYPES");
    }
}
