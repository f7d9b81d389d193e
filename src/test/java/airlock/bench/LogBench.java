package airlock.bench;

import airlock.core.crypto.Ed25519;
import airlock.core.log.Checkpoint;
import airlock.core.log.EntryCodec;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import airlock.core.log.LogHashes;
import airlock.core.log.LogStore;
import airlock.core.log.MerkleAccumulator;
import airlock.core.log.NoteKeys;
import airlock.core.log.SessionHeader;
import airlock.core.log.SessionLog;
import airlock.core.log.SignaturePurpose;
import airlock.core.log.SignedNote;
import airlock.core.log.SqlAction;
import airlock.core.log.WorkstationSigner;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/**
 * Benchmark driver for bench/log-bench.sh (not a test; run from the script).
 * {@code append N DIR}: N durable appends through SessionLog next to a bare SQLite insert loop
 * with the same pragmas. {@code make-log N DIR}: writes a sealed N-entry log and its trust folder
 * for timing {@code airlock log verify} against sha256sum.
 */
public final class LogBench {
    private LogBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        Path dir = Path.of(args[2]);
        Files.createDirectories(dir);
        if (args[0].equals("append")) {
            long[] bare = bareInserts(dir.resolve("bare.db"), n);
            long[] log = logAppends(dir.resolve("log.db"), n);
            System.out.printf("%-34s %12s %10s %10s%n", "durable appends (" + n + ")", "entries/s", "p50 ms", "p99 ms");
            row("bare SQLite insert (WAL, FULL)", bare);
            row("SessionLog.append (acknowledged)", log);
            System.out.printf("p99 ratio log/bare: %.2f (goal <= 2.0)%n", percentile(log, 0.99) / (double) percentile(bare, 0.99));
        } else {
            makeLog(dir, n);
        }
    }

    private static void row(String name, long[] nanos) {
        long total = Arrays.stream(nanos).sum();
        System.out.printf("%-34s %12.0f %10.3f %10.3f%n", name, nanos.length / (total / 1e9),
                percentile(nanos, 0.50) / 1e6, percentile(nanos, 0.99) / 1e6);
    }

    private static long percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    private static long[] bareInserts(Path db, int n) throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Properties properties = config.toProperties();
        long[] nanos = new long[n];
        byte[] payload = new byte[260];
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db, properties)) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE t(session TEXT, seq INTEGER, bytes BLOB, hash BLOB, PRIMARY KEY(session, seq)) WITHOUT ROWID");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES ('s', ?, ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    long start = System.nanoTime();
                    c.setAutoCommit(false);
                    insert.setLong(1, i);
                    insert.setBytes(2, payload);
                    insert.setBytes(3, Arrays.copyOf(payload, 32));
                    insert.executeUpdate();
                    c.commit();
                    c.setAutoCommit(true);
                    nanos[i] = System.nanoTime() - start;
                }
            }
        }
        return nanos;
    }

    private static long[] logAppends(Path db, int n) throws Exception {
        KeyPair keys = Ed25519.generate();
        WorkstationSigner signer = new WorkstationSigner("bench", keys.getPrivate(), keys.getPublic());
        long[] nanos = new long[n];
        try (LogStore store = LogStore.open(db)) {
            SessionLog log = SessionLog.start(store, header("bench", keys), "supervisor", signer, Clock.systemUTC(),
                    SessionLog.DEFAULT_CHECKPOINT_INTERVAL);
            for (int i = 0; i < n; i++) {
                long start = System.nanoTime();
                log.append("alice", EntryType.FILE_OPENED, event(i), SqlAction.NONE);
                nanos[i] = System.nanoTime() - start;
            }
        }
        return nanos;
    }

    private static SessionHeader header(String session, KeyPair keys) {
        return new SessionHeader(SessionHeader.SESSION_FORMAT, session, "bench", keys.getPublic(), List.of("alice"),
                "0".repeat(64), null);
    }

    private static Map<String, Object> event(int i) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("path", "drivers/net/ethernet/intel/e1000/e1000_main.c");
        data.put("blob", String.format("%040x", i));
        return data;
    }

    /** Writes DIR/session-bench.log + .seal and DIR/trust/{workstation,supervisor}. */
    private static void makeLog(Path dir, int n) throws Exception {
        KeyPair ws = Ed25519.generate();
        KeyPair supervisor = Ed25519.generate();
        for (String purpose : new String[] {"workstation", "supervisor"}) {
            Files.createDirectories(dir.resolve("trust").resolve(purpose));
        }
        Files.writeString(dir.resolve("trust/workstation/ws.pem"), Ed25519.publicPem(ws.getPublic()));
        Files.writeString(dir.resolve("trust/supervisor/sup.pem"), Ed25519.publicPem(supervisor.getPublic()));
        WorkstationSigner signer = new WorkstationSigner("bench", ws.getPrivate(), ws.getPublic());
        SessionHeader header = header("bench", ws);
        EntryCodec codec = new EntryCodec();
        MerkleAccumulator tree = new MerkleAccumulator(new LogHashes());
        Instant time = Instant.parse("2026-03-02T09:00:00Z");
        byte[] prev = LogHashes.genesisPrev();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("session-bench.log")), 1 << 20)) {
            for (long seq = 0; seq < n; seq++) {
                LogEntry entry;
                if (seq == 0) {
                    entry = codec.encode(0, time, "supervisor", EntryType.SESSION_START, header.toData(), prev);
                } else if (seq == n - 1) {
                    entry = codec.encode(seq, time, "alice", EntryType.SESSION_END, Map.of(), prev);
                } else if (seq % 257 == 256) {
                    String note = signer.sign(new Checkpoint(header.origin(), seq, tree.root(), prev)).text();
                    entry = codec.encode(seq, time, "workstation", EntryType.CHECKPOINT, Map.of("note", note), prev);
                } else {
                    entry = codec.encode(seq, time.plusMillis(seq), "alice", EntryType.FILE_OPENED, event((int) seq), prev);
                }
                out.write(entry.bytes());
                out.write('\n');
                tree.add(entry.hash());
                prev = entry.hash();
            }
        }
        SignedNote note = signer.sign(new Checkpoint(header.origin(), n, tree.root(), prev));
        note = note.with(NoteKeys.sign(SignaturePurpose.SEAL, note.body(), supervisor.getPrivate(), supervisor.getPublic()));
        Files.writeString(dir.resolve("session-bench.seal"), note.text(), StandardCharsets.UTF_8);
    }
}
