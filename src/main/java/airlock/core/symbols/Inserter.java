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
 * one writer thread); the writer then appends each file's rows without a map lookup: definitions as they
 * come, occurrences gathered per name id, so a batch of 256 files costs one reference record per name.
 * Statements are executed once per batch ({@link #flush}), not once per file: sqlite-jdbc clears its whole
 * batch array on every {@code executeBatch}, which JFR showed as the writer's top Java frame.
 */
final class Inserter {
    /** One name's occurrences in the current batch (writer thread): its files' encoded groups, appended. */
    private static final class Pending {
        final long id;
        byte[] bytes = new byte[64];
        int size;
        int count;

        Pending(long id) {
            this.id = id;
        }

        void append(byte[] group) {
            if (size + group.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(size + group.length, bytes.length * 2));
            }
            System.arraycopy(group, 0, bytes, size, group.length);
            size += group.length;
        }
    }

    private final NameIds names;
    /** Ids whose names row is written (or part of the current batch). */
    private final BitSet written = new BitSet();
    private Pending[] pending = new Pending[1 << 16];
    private final PreparedStatement insName;
    private final PreparedStatement insDef;
    private final RefsFile.Writer refs;
    private final List<Pending> touched = new ArrayList<>();
    /**
     * Rows per executeBatch: sqlite-jdbc keeps the batch array at its largest size and clears all of it on
     * every executeBatch, so one batch of a header with 50,000 macros made every later flush clear millions
     * of slots (JFR: clearBatch was the writer's top frame). Executed in chunks, the array stays small.
     */
    private static final int CHUNK_ROWS = 4096;
    private int defRows;
    private int nameRows;

    /** @param nextId the id the first new name gets */
    Inserter(long nextId, PreparedStatement insName, PreparedStatement insDef, RefsFile.Writer refs) {
        this.names = new NameIds(nextId);
        this.insName = insName;
        this.insDef = insDef;
        this.refs = refs;
    }

    /** A name already in the index (a resumed build), before any file is resolved. */
    void existing(String name, long id) {
        names.put(name, id);
        written.set(Math.toIntExact(id));
    }

    /** One file's symbols with every name resolved to its id (built by an extraction thread). */
    record Resolved(List<Tag> definitions, long[] definitionIds, String[] occurrenceNames, long[] occurrenceIds,
            byte[][] groups, int[] counts) {
        static final Resolved NONE = new Resolved(List.of(), new long[0], new String[0], new long[0], new byte[0][],
                new int[0]);
    }

    /** Resolves the names of file {@code fileId}'s symbols and encodes each name's occurrence group. */
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
        return new Resolved(defs, Arrays.copyOf(ids, defs.size()), occNames,
                Arrays.copyOfRange(ids, defs.size(), ids.length), groups, counts);
    }

    /** Adds one file's rows to the batch (writer thread). */
    void insert(long fileId, Resolved r) throws SQLException {
        for (int i = 0; i < r.definitionIds().length; i++) {
            Tag t = r.definitions().get(i);
            insDef.setLong(1, written(r.definitionIds()[i], t.name()));
            insDef.setLong(2, fileId);
            insDef.setString(3, t.kind().name());
            insDef.setInt(4, t.line());
            insDef.setInt(5, t.column());
            insDef.setInt(6, t.endLine());
            insDef.setString(7, t.scope());
            // the definition's line is read from the source when shown (DefinitionLines): kept here it was a
            // third of the index, written twice while building
            insDef.setString(8, "");
            insDef.setString(9, t.condition().isEmpty() ? null : t.condition());
            insDef.addBatch();
            if (++defRows >= CHUNK_ROWS) {
                insDef.executeBatch();
                defRows = 0;
            }
        }
        for (int i = 0; i < r.occurrenceIds().length; i++) {
            long id = written(r.occurrenceIds()[i], r.occurrenceNames()[i]);
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
            p.append(r.groups()[i]);
            p.count += r.counts()[i];
        }
    }

    /**
     * Writes the batch: new names, definitions, then one reference record per name to the reference file
     * (before the batch commits); returns the reference file's new end, which the caller commits with it.
     */
    long flush(long batch) throws SQLException, airlock.core.AirlockException {
        insName.executeBatch();
        insDef.executeBatch();
        nameRows = 0;
        defRows = 0;
        touched.sort(Comparator.comparingLong(p -> p.id));
        for (Pending p : touched) {
            refs.append(p.id, batch, p.count, p.bytes, p.size);
            pending[(int) p.id] = null;
        }
        touched.clear();
        return refs.flush();
    }

    /** The id; its names row joins the batch the first time a row uses it (writer thread). */
    private long written(long id, String name) throws SQLException {
        int k = Math.toIntExact(id);
        if (!written.get(k)) {
            insName.setLong(1, id);
            insName.setString(2, name);
            insName.addBatch();
            written.set(k);
            if (++nameRows >= CHUNK_ROWS) {
                insName.executeBatch();
                nameRows = 0;
            }
        }
        return id;
    }
}
