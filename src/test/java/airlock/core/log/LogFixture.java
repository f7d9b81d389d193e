package airlock.core.log;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds deterministic session logs with the committed test keys. */
final class LogFixture {
    static final String MANIFEST = "9f2c4a1b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170615243a";
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    static Path resource(String name) {
        try {
            return Path.of(LogFixture.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey privateKey(String name) throws AirlockException {
        return Ed25519.readPrivatePem(resource("keys/log/" + name + ".key.pem"), null);
    }

    static PublicKey publicKey(String name) throws AirlockException {
        return Ed25519.readPublicPem(resource("keys/log/" + name + ".pub.pem"));
    }

    static WorkstationSigner signer() throws AirlockException {
        return new WorkstationSigner("ws-room1", privateKey("workstation"), publicKey("workstation"));
    }

    static PinnedKeys trust() throws AirlockException {
        return new PinnedKeys(List.of(new PinnedKeys.Pinned("workstation", publicKey("workstation"))),
                List.of(new PinnedKeys.Pinned("supervisor", publicKey("supervisor"))));
    }

    static SessionHeader header(String session) throws AirlockException {
        return new SessionHeader(SessionHeader.SESSION_FORMAT, session, "ws-room1", publicKey("workstation"),
                List.of("alice", "bob"), MANIFEST, null);
    }

    static SessionHeader ledgerHeader() throws AirlockException {
        return new SessionHeader(SessionHeader.LEDGER_FORMAT, SessionHeader.LEDGER_SESSION, "ws-room1",
                publicKey("workstation"), List.of(), null, null);
    }

    /** The data of the i-th scripted event: files opened, searches, annotations in turn. */
    static Map<String, Object> event(int i) {
        Map<String, Object> data = new LinkedHashMap<>();
        switch (i % 3) {
            case 0 -> {
                data.put("path", "drivers/net/e1000/e1000_main.c");
                data.put("blob", "4b825dc642cb6eb9a060e54bf8d69288fbee49" + String.format("%02d", i % 100));
            }
            case 1 -> {
                data.put("query", "memcpy\\(.*len");
                data.put("scope", "drivers/");
                data.put("results", (long) (i * 7));
            }
            default -> {
                data.put("id", "a-" + i);
                data.put("path", "net/core/skbuff.c");
                data.put("line", (long) (100 + i));
                data.put("severity", "high");
                data.put("cwe", "CWE-787");
                data.put("body", "Length not checked before copy (note " + i + ")");
            }
        }
        return data;
    }

    static EntryType eventType(int i) {
        return switch (i % 3) {
            case 0 -> EntryType.FILE_OPENED;
            case 1 -> EntryType.SEARCH_RUN;
            default -> EntryType.ANNOTATION_CREATED;
        };
    }

    /** Starts session {@code id}, records {@code events} events, ends it; returns the log (still open for sealing). */
    static SessionLog endedSession(LogStore store, String id, int events, int interval, StepClock clock) throws AirlockException {
        SessionLog log = SessionLog.start(store, header(id), "supervisor", signer(), clock, interval);
        for (int i = 0; i < events; i++) {
            log.append(i % 2 == 0 ? "alice" : "bob", eventType(i), event(i), SqlAction.NONE);
        }
        log.end("alice", Map.of("reason", "inspector ended the session"));
        return log;
    }

    static SessionLog ledger(LogStore store, StepClock clock) throws AirlockException {
        return SessionLog.start(store, ledgerHeader(), "workstation", signer(), clock, 1);
    }

    static LogVerification verify(byte[] entries, byte[] seal, PinnedKeys trust) {
        try (InputStream in = new ByteArrayInputStream(entries)) {
            return new LogVerifier(trust).verify(in, seal, true, airlock.core.progress.ProgressMonitor.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (airlock.core.progress.CancelledException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private LogFixture() {
    }
}
