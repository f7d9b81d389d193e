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

    /** Opens the tree again (the bundle store's {@code open}). */
    public interface Opener {
        SourceTree open() throws AirlockException;
    }

    @Override
    public QuoteIndex.FileTexts texts() {
        return new Texts(() -> tree);
    }

    /** Where the texts are read from (the tree given, or one opened again). */
    private interface From {
        SourceTree tree() throws AirlockException;
    }

    /** The texts of the files, and their tokens made from the bytes read (no String in between for an ASCII file). */
    private final class Texts implements QuoteIndex.FileTexts {
        private final From from;

        Texts(From from) {
            this.from = from;
        }

        @Override
        public String text(int id) throws AirlockException {
            byte[] bytes = bytes(from.tree(), id);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public CodeTokens tokens(int id) throws AirlockException {
            return CodeTokens.ofUtf8(bytes(from.tree(), id));
        }
    }

    /**
     * The same texts, for use after this tree closes: read from a tree opened again at the first
     * read and kept open for the next ones (opening a bundle costs ~10 ms, and the seal screen's check
     * reads thousands of files), closed when the returned texts are no longer reachable.
     */
    public QuoteIndex.FileTexts reopening(Opener opener) {
        Reopened held = new Reopened(opener);
        QuoteIndex.FileTexts texts = new Texts(held::tree);
        CLEANER.register(texts, held::close); // the action holds the tree, never the texts
        return texts;
    }

    private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();

    /** A tree opened on first use and kept until closed (reads may come from several threads). */
    private static final class Reopened {
        private final Opener opener;
        private SourceTree tree;

        Reopened(Opener opener) {
            this.opener = opener;
        }

        synchronized SourceTree tree() throws AirlockException {
            if (tree == null) {
                tree = opener.open();
            }
            return tree;
        }

        synchronized void close() {
            if (tree != null) {
                tree.close();
                tree = null;
            }
        }
    }

    /** File {@code id}'s bytes; none for a binary file (a NUL byte). */
    private byte[] bytes(SourceTree from, int id) throws AirlockException {
        byte[] bytes = from.read(entries.get(id), MAX_BYTES);
        for (byte b : bytes) {
            if (b == 0) {
                return new byte[0];
            }
        }
        return bytes;
    }
}
