package airlock.core.quote;

import airlock.core.AirlockException;
import airlock.core.source.EntryKind;
import airlock.core.source.SourceEntry;
import airlock.core.source.SourceTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of one ref of a {@link SourceTree} as a {@link QuoteIndex.Source}: every regular file
 * of at most {@value #MAX_BYTES} bytes, read from the object store (nothing is checked out). A
 * file with a NUL byte is binary and reads as empty text; larger files are not fingerprinted
 * (docs/session.md names this limit).
 */
public final class TreeTexts implements QuoteIndex.Source {
    public static final long MAX_BYTES = 8L << 20;
    private final SourceTree tree;
    private final List<SourceEntry> entries = new ArrayList<>();

    public TreeTexts(SourceTree tree, String ref) throws AirlockException {
        this.tree = tree;
        for (SourceEntry e : tree.list(ref)) {
            if (e.kind() == EntryKind.FILE && e.size() <= MAX_BYTES) {
                entries.add(e);
            }
        }
    }

    @Override
    public List<String> paths() {
        return entries.stream().map(SourceEntry::path).toList();
    }

    @Override
    public QuoteIndex.FileTexts texts() {
        return id -> {
            byte[] bytes = tree.read(entries.get(id), MAX_BYTES);
            for (byte b : bytes) {
                if (b == 0) {
                    return "";
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        };
    }
}
