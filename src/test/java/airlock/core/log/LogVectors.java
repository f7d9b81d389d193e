package airlock.core.log;

import airlock.core.AirlockException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The golden vectors of src/test/resources/vectors/log: each case is a pair (entries file, seal)
 * and the verdict both verifiers must reach. Deterministic: fixed clock, committed test keys, and
 * Ed25519 signatures are deterministic.
 */
final class LogVectors {
    record Case(String name, byte[] entries, byte[] seal, String kind, Long entry) {
        String expectedJson() {
            return "{\"entry\":" + (entry == null ? "null" : entry) + ",\"kind\":" + (kind == null ? "null" : "\"" + kind + "\"")
                    + ",\"verdict\":\"" + (kind == null ? "VALID" : "INVALID") + "\"}\n";
        }
    }

    static final int EVENTS = 20;
    static final int INTERVAL = 8;

    static List<Case> build(Path scratch) throws Exception {
        Sealed a = sealed(scratch.resolve("a.db"), "s-2026-03-02-a", EVENTS, List.of());
        Sealed b = sealed(scratch.resolve("b.db"), "s-2026-03-02-b", 5, List.of());
        List<byte[]> lines = lines(a.entries);
        int n = lines.size();
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("valid-sealed", a.entries, a.seal, null, null));
        List<byte[]> edited = new ArrayList<>(lines);
        edited.set(5, edit(lines.get(5)));
        cases.add(new Case("entry-edited", join(edited), a.seal, "HASH_MISMATCH", 5L));
        List<byte[]> deleted = new ArrayList<>(lines);
        deleted.remove(5);
        cases.add(new Case("entry-deleted", join(deleted), a.seal, "SEQUENCE_GAP", 5L));
        List<byte[]> inserted = new ArrayList<>(lines);
        inserted.add(6, lines.get(5));
        cases.add(new Case("entry-inserted", join(inserted), a.seal, "SEQUENCE_GAP", 6L));
        List<byte[]> reordered = new ArrayList<>(lines);
        reordered.set(5, lines.get(6));
        reordered.set(6, lines.get(5));
        cases.add(new Case("entries-reordered", join(reordered), a.seal, "SEQUENCE_GAP", 5L));
        cases.add(new Case("tail-truncated", join(lines.subList(0, n - 3)), a.seal, "TRUNCATED", (long) (n - 3)));
        Sealed forged = sealed(scratch.resolve("forged.db"), "s-2026-03-02-a", EVENTS, List.of(12));
        SignedNote resigned = SignedNote.parse(new String(forged.finalNote, StandardCharsets.UTF_8))
                .with(SignedNote.parse(new String(a.seal, StandardCharsets.UTF_8)).signedAs(SignaturePurpose.SEAL).get(0));
        cases.add(new Case("truncated-reextended-resigned", forged.entries, LogFixture.utf8(resigned.text()),
                "SIGNATURE_INVALID", null));
        SignedNote stranger = SignedNote.parse(new String(a.finalNote, StandardCharsets.UTF_8));
        stranger = stranger.with(NoteKeys.sign(SignaturePurpose.SEAL, stranger.body(), LogFixture.privateKey("stranger"),
                LogFixture.publicKey("stranger")));
        cases.add(new Case("seal-unknown-key", a.entries, LogFixture.utf8(stranger.text()), "UNKNOWN_KEY", null));
        cases.add(new Case("seal-other-session", a.entries, b.seal, "SESSION_MISMATCH", null));
        Checkpoint real = Checkpoint.parse(SignedNote.parse(new String(a.seal, StandardCharsets.UTF_8)).body());
        Checkpoint wrong = new Checkpoint(real.origin(), real.size(), new LogHashes().entryHash(new byte[] {1}), real.head());
        SignedNote inconsistent = LogFixture.signer().sign(wrong);
        inconsistent = inconsistent.with(NoteKeys.sign(SignaturePurpose.SEAL, inconsistent.body(), LogFixture.privateKey("supervisor"),
                LogFixture.publicKey("supervisor")));
        cases.add(new Case("checkpoint-inconsistent", a.entries, LogFixture.utf8(inconsistent.text()),
                "CHECKPOINT_INCONSISTENT", null));
        cases.add(new Case("seal-missing", a.entries, a.finalNote, "SEAL_MISSING", null));
        return cases;
    }

    /** A sealed session; {@code divergeAt} lists event numbers whose data differs (for the forged re-extension). */
    record Sealed(byte[] entries, byte[] seal, byte[] finalNote) {
    }

    static Sealed sealed(Path db, String id, int events, List<Integer> divergeAt) throws AirlockException {
        StepClock clock = new StepClock(LogFixture.START);
        try (LogStore store = LogStore.open(db)) {
            SessionLog ledger = LogFixture.ledger(store, new StepClock(LogFixture.START));
            SessionLog log = SessionLog.start(store, LogFixture.header(id), "supervisor", LogFixture.signer(), clock, INTERVAL);
            for (int i = 0; i < events; i++) {
                Map<String, Object> data = new LinkedHashMap<>(LogFixture.event(i));
                if (!divergeAt.isEmpty() && i >= divergeAt.get(0)) {
                    data.put("forged", true);
                }
                log.append(i % 2 == 0 ? "alice" : "bob", LogFixture.eventType(i), data, SqlAction.NONE);
            }
            SignedNote finalNote = log.end("alice", Map.of("reason", "inspector ended the session"));
            SignedNote seal = new Sealer(store, ledger, LogFixture.trust().supervisor()).seal(id, LogFixture.privateKey("supervisor"));
            return new Sealed(LogExport.entriesFile(store, id), LogFixture.utf8(seal.text()), LogFixture.utf8(finalNote.text()));
        }
    }

    static List<byte[]> lines(byte[] file) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(file, start, i));
                start = i + 1;
            }
        }
        return lines;
    }

    static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.writeBytes(line);
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** Changes the actor of an entry and keeps it canonical (what a careless editor would do). */
    static byte[] edit(byte[] line) {
        String text = new String(line, StandardCharsets.UTF_8);
        String changed = text.replaceFirst("\"actor\":\"[^\"]*\"", "\"actor\":\"mallory\"");
        if (changed.equals(text)) {
            throw new IllegalStateException("nothing to edit");
        }
        return changed.getBytes(StandardCharsets.UTF_8);
    }

    static void write(Case c, Path root) throws java.io.IOException {
        Path dir = root.resolve(c.name());
        Files.createDirectories(dir);
        Files.write(dir.resolve("session.log"), c.entries());
        Files.write(dir.resolve("session.seal"), c.seal());
        Files.writeString(dir.resolve("expected.json"), c.expectedJson());
    }

    private LogVectors() {
    }
}
