package airlock.core.symbols;

import java.io.ByteArrayOutputStream;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writing side of a build. Extraction threads resolve every name to its {@link Entry} ({@link #resolve},
 * a concurrent map: the lookup of tens of millions of (name, file) pairs no longer runs on the one writer
 * thread); the writer then appends each file's rows without a single map lookup: definitions as they
 * come, occurrences gathered per name in the entry itself, so a batch of 256 files costs one reference row
 * per name. Statements are executed once per batch ({@link #flush}), not once per file: sqlite-jdbc clears
 * its whole batch array on every {@code executeBatch}, which JFR showed as the writer's top Java frame.
 */
final class Inserter {
    /** A name: its id and, for the writer only, whether its row is written and this batch's occurrences. */
    static final class Entry {
        final String name;
        final long id;
        private boolean written;
        private ByteArrayOutputStream pending;
        private int count;

        Entry(String name, long id, boolean written) {
            this.name = name;
            this.id = id;
            this.written = written;
        }
    }

    private final ConcurrentHashMap<String, Entry> names = new ConcurrentHashMap<>();
    private final AtomicLong nextId;
    private final PreparedStatement insName;
    private final PreparedStatement insDef;
    private final RefsFile.Writer refs;
    private final List<Entry> touched = new ArrayList<>();

    /** @param existing the names already in the index (a resumed build), by name */
    Inserter(Map<String, Long> existing, PreparedStatement insName, PreparedStatement insDef, RefsFile.Writer refs) {
        long max = 0;
        for (Map.Entry<String, Long> e : existing.entrySet()) {
            names.put(e.getKey(), new Entry(e.getKey(), e.getValue(), true));
            max = Math.max(max, e.getValue());
        }
        this.nextId = new AtomicLong(max + 1);
        this.insName = insName;
        this.insDef = insDef;
        this.refs = refs;
    }

    /** The entry of {@code name}, created with a new id if needed (any thread). */
    Entry resolve(String name) {
        Entry e = names.get(name);
        return e != null ? e : names.computeIfAbsent(name, n -> new Entry(n, nextId.getAndIncrement(), false));
    }

    /** One file's symbols with every name resolved (built by an extraction thread). */
    record Resolved(List<Tag> definitions, Entry[] definitionNames, Entry[] occurrenceNames, int[][] positions) {
        static final Resolved NONE = new Resolved(List.of(), new Entry[0], new Entry[0], new int[0][]);
    }

    Resolved resolve(FileSymbols fs) {
        List<Tag> defs = fs.definitions();
        Entry[] defNames = new Entry[defs.size()];
        for (int i = 0; i < defNames.length; i++) {
            defNames[i] = resolve(defs.get(i).name());
        }
        Entry[] occNames = new Entry[fs.occurrences().size()];
        int[][] positions = new int[occNames.length][];
        int i = 0;
        for (Map.Entry<String, int[]> e : fs.occurrences().entrySet()) {
            occNames[i] = resolve(e.getKey());
            positions[i++] = e.getValue();
        }
        return new Resolved(defs, defNames, occNames, positions);
    }

    /** Adds one file's rows to the batch (writer thread). */
    void insert(long fileId, Resolved r) throws SQLException {
        for (int i = 0; i < r.definitionNames().length; i++) {
            Tag t = r.definitions().get(i);
            insDef.setLong(1, written(r.definitionNames()[i]));
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
        for (int i = 0; i < r.occurrenceNames().length; i++) {
            Entry e = r.occurrenceNames()[i];
            written(e);
            if (e.pending == null) {
                e.pending = new ByteArrayOutputStream();
                touched.add(e);
            }
            Occurrences.appendGroup(e.pending, fileId, r.positions()[i]);
            e.count += r.positions()[i].length / 3;
        }
    }

    /**
     * Writes the batch: new names, definitions, then one reference record per name to the reference file
     * (before the batch commits); returns the reference file's new end, which the caller commits with it.
     */
    long flush(long batch) throws SQLException, airlock.core.AirlockException {
        insName.executeBatch();
        insDef.executeBatch();
        touched.sort(Comparator.comparingLong(e -> e.id));
        for (Entry e : touched) {
            refs.append(e.id, batch, e.count, e.pending.toByteArray(), e.pending.size());
            e.pending = null;
            e.count = 0;
        }
        touched.clear();
        return refs.flush();
    }

    /** The entry's id; its names row joins the batch the first time a row uses it (writer thread). */
    private long written(Entry e) throws SQLException {
        if (!e.written) {
            insName.setLong(1, e.id);
            insName.setString(2, e.name);
            insName.addBatch();
            e.written = true;
        }
        return e.id;
    }
}
