package airlock.core.symbols;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The writing side of a build. Extraction threads resolve every name of a file to its id ({@link #resolve},
 * one {@link NameIds} call per file: the lookup of tens of millions of (name, file) pairs does not run on the
 * one writer thread) and encode the file's rows; the writer then only appends bytes: occurrences and
 * definitions gathered per name id, so a batch of 256 files costs one reference record and one definition
 * record per name ({@link RefsFile}), and the file's own definitions blob goes with its done mark.
 * New names are the writer's only rows ({@code names}), executed in chunks: sqlite-jdbc clears its whole
 * batch array on every {@code executeBatch}, which JFR showed as the writer's top Java frame.
 */
final class Inserter {
    /** One name's records in the current batch (writer thread): its files' encoded groups, appended. */
    private static final class Pending {
        final long id;
        byte[] bytes = new byte[64];
        int size;
        int count;

        Pending(long id) {
            this.id = id;
        }

        void append(byte[] src, int from, int len) {
            if (size + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(size + len, bytes.length * 2));
            }
            System.arraycopy(src, from, bytes, size, len);
            size += len;
        }
    }

    /** The pending records of one file (references or definitions), by name id. */
    private static final class Gather {
        private Pending[] pending = new Pending[1 << 16];
        private final List<Pending> touched = new ArrayList<>();

        Pending of(long id) {
            int k = (int) id;
            if (k >= pending.length) {
                pending = Arrays.copyOf(pending, Math.max(k + 1, pending.length * 2));
            }
            Pending p = pending[k];
            if (p == null) {
                p = new Pending(id);
                pending[k] = p;
                touched.add(p);
            }
            return p;
        }

        /** Appends one record per name, by ascending id, to {@code file}; returns its new end. */
        long flush(RefsFile.Writer file, long batch) throws airlock.core.AirlockException {
            touched.sort(Comparator.comparingLong(p -> p.id));
            for (Pending p : touched) {
                file.append(p.id, batch, p.count, p.bytes, p.size);
                pending[(int) p.id] = null;
            }
            touched.clear();
            return file.flush();
        }
    }

    private NameIds names;
    /** Ids whose names row is written (or part of the current batch). */
    private final BitSet written = new BitSet();
    private final PreparedStatement insName;
    private final RefsFile.Writer refs;
    private final RefsFile.Writer defs;
    private Gather refsPending = new Gather();
    private Gather defsPending = new Gather();
    /** Every name with its id, for the complete index's name file ({@link NameSlots}). */
    private NameSlots.Builder slots = new NameSlots.Builder();
    /** Name rows per executeBatch (see the class comment). */
    private static final int CHUNK_ROWS = 4096;
    private int nameRows;

    /** @param nextId the id the first new name gets */
    Inserter(long nextId, PreparedStatement insName, RefsFile.Writer refs, RefsFile.Writer defs) {
        this.names = new NameIds(nextId);
        this.insName = insName;
        this.refs = refs;
        this.defs = defs;
    }

    /** A name already in the index (a resumed build), before any file is resolved. */
    void existing(String name, long id) {
        names.put(name, id);
        written.set(Math.toIntExact(id));
        slots.add(name, id);
    }

    /**
     * One file's symbols with every name resolved to its id and encoded (built by an extraction thread):
     * the file's definitions blob, each definition's entry for its name's record ({@code definitionEnds[i]}
     * is where entry i ends in {@code definitionEntries}), each occurrence name's group.
     */
    record Resolved(String[] definitionNames, long[] definitionIds, byte[] fileDefinitions, byte[] definitionEntries,
            int[] definitionEnds, String[] occurrenceNames, long[] occurrenceIds, byte[][] groups, int[] counts) {
        static final Resolved NONE = new Resolved(new String[0], new long[0], null, new byte[0], new int[0],
                new String[0], new long[0], new byte[0][], new int[0]);
    }

    /** Resolves the names of file {@code fileId}'s symbols and encodes its rows. */
    Resolved resolve(long fileId, FileSymbols fs) {
        List<Tag> defs = fs.definitions();
        String[] all = new String[defs.size() + fs.occurrences().size()];
        for (int i = 0; i < defs.size(); i++) {
            all[i] = defs.get(i).name();
        }
        String[] occNames = new String[fs.occurrences().size()];
        byte[][] groups = new byte[occNames.length][];
        int[] counts = new int[occNames.length];
        int i = 0;
        for (Map.Entry<String, int[]> e : fs.occurrences().entrySet()) {
            occNames[i] = e.getKey();
            all[defs.size() + i] = e.getKey();
            groups[i] = Occurrences.group(fileId, e.getValue());
            counts[i++] = e.getValue().length / 3;
        }
        long[] ids = names.idsOf(all);
        long[] defIds = Arrays.copyOf(ids, defs.size());
        DefEntries.Out entries = new DefEntries.Out();
        int[] ends = new int[defs.size()];
        for (int d = 0; d < defs.size(); d++) {
            DefEntries.put(entries, fileId, defs.get(d));
            ends[d] = entries.size();
        }
        return new Resolved(Arrays.copyOf(all, defs.size()), defIds,
                defs.isEmpty() ? null : DefEntries.ofFile(defs, defIds), entries.toArray(), ends, occNames,
                Arrays.copyOfRange(ids, defs.size(), ids.length), groups, counts);
    }

    /** Adds one file's records to the batch (writer thread). */
    void insert(Resolved r) throws SQLException {
        int from = 0;
        for (int i = 0; i < r.definitionIds().length; i++) {
            Pending p = defsPending.of(written(r.definitionIds()[i], r.definitionNames()[i]));
            p.append(r.definitionEntries(), from, r.definitionEnds()[i] - from);
            p.count++;
            from = r.definitionEnds()[i];
        }
        for (int i = 0; i < r.occurrenceIds().length; i++) {
            Pending p = refsPending.of(written(r.occurrenceIds()[i], r.occurrenceNames()[i]));
            p.append(r.groups()[i], 0, r.groups()[i].length);
            p.count += r.counts()[i];
        }
    }

    /**
     * Writes the batch: new names, then one reference record and one definition record per name to their
     * files (before the batch commits); returns the files' new ends {refs, defs}, which the caller commits
     * with it.
     */
    long[] flush(long batch) throws SQLException, airlock.core.AirlockException {
        insName.executeBatch();
        nameRows = 0;
        return new long[] {refsPending.flush(refs, batch), defsPending.flush(defs, batch)};
    }

    /**
     * Writes the name file of every name written (the build is complete; no file is resolved or inserted
     * after it); returns its size. The name table and the pending arrays are let go first, and the slots
     * after: the files' directories are built next, and on four kernels they need that heap.
     */
    long writeNames(java.nio.file.Path file) throws airlock.core.AirlockException {
        names = null;
        refsPending = null;
        defsPending = null;
        long size = slots.write(file);
        slots = null;
        return size;
    }

    /** The id; its names row joins the batch the first time a row uses it (writer thread). */
    private long written(long id, String name) throws SQLException {
        int k = Math.toIntExact(id);
        if (!written.get(k)) {
            insName.setLong(1, id);
            insName.setString(2, name);
            insName.addBatch();
            written.set(k);
            slots.add(name, id);
            if (++nameRows >= CHUNK_ROWS) {
                insName.executeBatch();
                nameRows = 0;
            }
        }
        return id;
    }
}
