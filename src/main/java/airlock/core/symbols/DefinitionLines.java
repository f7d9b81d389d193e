package airlock.core.symbols;

import airlock.core.AirlockException;
import airlock.core.source.SourceEntry;
import airlock.core.source.SourceTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The source line of a definition, read from the code under review when it is shown. The index does not
 * keep it: six million definition lines were a third of the kernel's 1.5 GB index, written twice (WAL
 * and checkpoint) while building, for a hover card that shows five at a time.
 */
public final class DefinitionLines {
    private DefinitionLines() {
    }

    /**
     * {@code definitions} with the first {@code max} given their source line as signature when the index
     * has none (those after {@code max} are returned as they are). A file that cannot be found or read at
     * {@code ref}, or a line past its end, leaves the signature empty.
     */
    public static List<Definition> withLines(List<Definition> definitions, SourceTree source, String ref, int max)
            throws AirlockException {
        Map<String, byte[]> files = new HashMap<>();
        List<Definition> out = new ArrayList<>(definitions.size());
        for (int i = 0; i < definitions.size(); i++) {
            Definition d = definitions.get(i);
            if (i >= max || !d.signature().isEmpty()) {
                out.add(d);
                continue;
            }
            if (!files.containsKey(d.path())) {
                SourceEntry entry = source.find(ref, d.path());
                files.put(d.path(), entry == null ? null : source.read(entry, IndexBuilder.MAX_FILE_BYTES));
            }
            byte[] bytes = files.get(d.path());
            out.add(new Definition(d.path(), d.name(), d.kind(), d.line(), d.column(), d.endLine(), d.scope(),
                    bytes == null ? "" : line(bytes, d.line()), d.condition()));
        }
        return out;
    }

    /** Line {@code number} (1-based) of UTF-8 {@code bytes} without its line end; "" past the end, below 1 or without bytes. */
    public static String line(byte[] bytes, int number) {
        if (bytes == null || number < 1) {
            return "";
        }
        int start = 0;
        for (int line = 1; line < number; line++) {
            int end = indexOf(bytes, start);
            if (end < 0) {
                return "";
            }
            start = end + 1;
        }
        int end = indexOf(bytes, start);
        int stop = end < 0 ? bytes.length : end;
        if (stop > start && bytes[stop - 1] == '\r') {
            stop--;
        }
        return new String(bytes, start, stop - start, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
