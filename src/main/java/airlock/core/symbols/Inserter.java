package airlock.core.symbols;

import java.io.ByteArrayOutputStream;
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
    /** One name's occurrences in the current batch (writer thread). */
    private static final class Pending {
        final long id;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int count;

        Pending(long id) {
            this.id = id;
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
            int[][] positions) {
        static final Resolved NONE = new Resolved(List.of(), new long[0], new String[0], new long[0], new int[0][]);
    }

    Resolved resolve(FileSymbols fs) {
        List<Tag> defs = fs.definitions();
        String[] all = new String[defs.size() + fs.occurrences().size()];
        for (int i = 0; i < defs.size(); i++) {
            all[i] = defs.get(i).name();
        }
        String[] occNames = new String[fs.occurrences().size()];
        int[][] positions = new int[occNames.length][];
        int i = 0;
        for (Map.Entry<String, int[]> e : fs.occurrences().entrySet()) {
            occNames[i] = e.getKey();
            all[defs.size() + i] = e.getKey();
            positions[i++] = e.getValue();
        }
        long[] ids = names.idsOf(all);
        return new Resolved(defs, Arrays.copyOf(ids, defs.size()), occNames,
                Arrays.copyOfRange(ids, defs.size(), ids.length), positions);
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
            Occurrences.appendGroup(p.bytes, fileId, r.positions()[i]);
            p.count += r.positions()[i].length / 3;
        }
    }

    /**
     * Writes the batch: new names, definitions, then one reference record per name to the reference file
     * (before the batch commits); returns the reference file's new end, which the caller commits with it.
     */
    long flush(long batch) throws SQLException, airlock.core.AirlockException {
        insName.executeBatch();
        insDef.executeBatch();
        touched.sort(Comparator.comparingLong(p -> p.id));
        for (Pending p : touched) {
            refs.append(p.id, batch, p.count, p.bytes.toByteArray(), p.bytes.size());
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
        }
        return id;
    }
}
