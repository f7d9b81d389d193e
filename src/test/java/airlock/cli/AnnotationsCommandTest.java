package airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.annotate.Anchor;
import airlock.core.annotate.AnchoredRange;
import airlock.core.annotate.AnnotationContent;
import airlock.core.annotate.Confidence;
import airlock.core.annotate.LineIndex;
import airlock.core.annotate.Severity;
import airlock.core.annotate.store.AnnotationService;
import airlock.core.annotate.store.AnnotationStore;
import airlock.core.export.BundleIdentity;
import airlock.core.home.AirlockHome;
import airlock.core.log.LogStore;
import airlock.core.log.SessionHeader;
import airlock.core.log.SessionLog;
import airlock.core.log.WorkstationSigner;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationsCommandTest {
    static final String CODE = "int f(char *p) {\n    strcpy(buf, p);\n}\n";
    static final String COMMIT = "fedcba9876543210fedcba9876543210fedcba98";

    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return AirlockCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    KeyPair keys;

    void session(Path home, boolean end) throws Exception {
        Path db = AirlockHome.open(home).databases().resolve(AnnotationsCommand.DATABASE);
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        try (LogStore logStore = LogStore.open(db); AnnotationStore store = AnnotationStore.open(db)) {
            SessionLog log = SessionLog.start(logStore, new SessionHeader(SessionHeader.SESSION_FORMAT, "s1", "ws-1", keys.getPublic(),
                    List.of("alice"), "ab".repeat(32), null), "supervisor",
                    new WorkstationSigner("ws-1", keys.getPrivate(), keys.getPublic()), Clock.systemUTC(), 16);
            store.recordBundle("s1", new BundleIdentity("ab".repeat(32), "demo", "1.0", "refs/tags/v1", COMMIT));
            AnnotationService service = new AnnotationService(store, log, Clock.systemUTC(), () -> UUID.randomUUID().toString(), "alice");
            LineIndex idx = new LineIndex(CODE);
            int at = CODE.indexOf("strcpy");
            service.create(new Anchor("refs/tags/v1", COMMIT, "src/f.c", "0123456789abcdef0123456789abcdef01234567",
                    List.of(AnchoredRange.of(idx, idx.range(at, at + 15)))),
                    new AnnotationContent("Unbounded copy", "", Severity.HIGH, Confidence.HIGH, 120, List.of()));
            if (end) {
                log.end("alice", Map.of());
            }
        }
    }

    @Test
    void exportsAnEndedSessionInEveryFormatWithoutCode() throws Exception {
        Path home = dir.resolve("home");
        session(home, true);
        Path stick = Files.createDirectories(dir.resolve("stick"));
        assertEquals(0, run("annotations", "export", "--home", home.toString(), "--session", "s1", "--format", "json,sarif,html,md",
                "--out", stick.toString()), err.toString());
        for (String name : List.of("annotations-s1.json", "annotations-s1.sarif", "report-s1.html", "report-s1.md")) {
            assertTrue(Files.isRegularFile(stick.resolve(name)), name);
            assertFalse(Files.readString(stick.resolve(name)).contains("strcpy(buf"), name);
        }
        assertTrue(out.toString().contains("annotations-s1.sarif"));
        var sarif = new ObjectMapper().readTree(stick.resolve("annotations-s1.sarif").toFile());
        assertEquals("CWE-120", sarif.at("/runs/0/results/0/ruleId").asText());
        assertEquals(0, run("annotations", "check", stick.resolve("annotations-s1.json").toString()));
        assertTrue(out.toString().contains("OK: 1 findings from session s1"));
    }

    @Test
    void checkVerifiesTheExportAgainstItsSessionLog() throws Exception {
        Path home = dir.resolve("home");
        session(home, true);
        Path stick = Files.createDirectories(dir.resolve("stick"));
        assertEquals(0, run("annotations", "export", "--home", home.toString(), "--session", "s1", "--format", "json", "--out", stick.toString()));
        Path db = home.resolve("db").resolve(AnnotationsCommand.DATABASE);
        Path entries = dir.resolve("s1.log");
        try (LogStore logStore = LogStore.open(db)) {
            Files.write(entries, airlock.core.log.LogExport.entriesFile(logStore, "s1"));
        }
        Path pem = Files.writeString(dir.resolve("ws.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        assertEquals(0, run("trust", "add", "--home", home.toString(), "workstation", pem.toString()), err.toString());
        Path json = stick.resolve("annotations-s1.json");
        assertEquals(0, run("annotations", "check", "--home", home.toString(), json.toString(), "--log", entries.toString()), out + "" + err);
        assertTrue(out.toString().contains("MATCHES LOG: all 1 findings match"), out.toString());
        Files.writeString(json, Files.readString(json).replace("\"high\"", "\"low\""));
        assertEquals(1, run("annotations", "check", "--home", home.toString(), json.toString(), "--log", entries.toString()));
        assertTrue(out.toString().contains("DIFFERS FROM LOG: finding"), out.toString());
    }

    @Test
    void listsFilteredFindings() throws Exception {
        Path home = dir.resolve("home");
        session(home, false);
        assertEquals(0, run("annotations", "list", "--home", home.toString(), "--session", "s1", "--severity", "high", "--text", "COPY"));
        assertTrue(out.toString().contains("high          open           CWE-120  src/f.c:2  Unbounded copy"), out.toString());
        assertTrue(out.toString().endsWith("1 findings\n"));
        assertEquals(0, run("annotations", "list", "--home", home.toString(), "--session", "s1", "--status", "resolved"));
        assertTrue(out.toString().endsWith("0 findings\n"));
        assertEquals(2, run("annotations", "list", "--home", home.toString(), "--session", "s1", "--severity", "urgent"));
        assertTrue(err.toString().contains("allowed: informational, low, medium, high, critical"), err.toString());
    }

    @Test
    void refusesOpenSessionsUnknownSessionsAndBadArguments() throws Exception {
        Path home = dir.resolve("home");
        session(home, false);
        Path stick = Files.createDirectories(dir.resolve("stick"));
        assertEquals(1, run("annotations", "export", "--home", home.toString(), "--session", "s1", "--format", "json", "--out", stick.toString()));
        assertTrue(err.toString().contains("still open"), err.toString());
        assertEquals(3, run("annotations", "export", "--home", home.toString(), "--session", "nope", "--format", "json", "--out", stick.toString()));
        assertTrue(err.toString().contains("no session 'nope'"), err.toString());
        assertEquals(2, run("annotations", "export", "--home", home.toString(), "--session", "s1", "--format", "pdf", "--out", stick.toString()));
        assertEquals(2, run("annotations", "export", "--home", home.toString(), "--session", "s1", "--format", "json", "--out", dir.resolve("missing").toString()));
        try (var files = Files.list(stick)) {
            assertEquals(0, files.count(), "nothing written");
        }
    }

    @Test
    void checkNamesWhatIsWrongInAHostileFile() throws Exception {
        Path bad = Files.writeString(dir.resolve("annotations.json"), "{\"format\":\"airlock-annotations\",\"formatVersion\":1,\"tool\":7}");
        assertEquals(1, run("annotations", "check", bad.toString()));
        assertTrue(out.toString().startsWith("INVALID: annotations.json: $"), out.toString());
        assertEquals(1, run("annotations", "check", dir.toString()));
    }
}
