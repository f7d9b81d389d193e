package airlock.core.annotate.store;

import airlock.core.AirlockException;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.FolderCoverage;
import airlock.core.export.BundleIdentity;
import airlock.core.export.ExportDocument;
import airlock.core.export.SessionInfo;
import airlock.core.log.EntryCodec;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import airlock.core.log.LogStore;
import airlock.core.log.SessionHeader;
import airlock.core.log.SessionLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link ExportDocument} of a stored session: identity from the log's first entry (and
 * its end entry, if any), the bundle the session recorded, and its live annotations.
 */
public final class SessionExports {
    private final LogStore logStore;
    private final AnnotationStore store;
    private final Clock clock;

    public SessionExports(LogStore logStore, AnnotationStore store, Clock clock) {
        this.logStore = logStore;
        this.store = store;
        this.clock = clock;
    }

    /** What is known of a stored session, from its log. */
    public record StoredSession(SessionInfo info, boolean open) {
    }

    public StoredSession session(String id) throws AirlockException {
        if (!logStore.logIds().contains(id)) {
            throw new AirlockException("annotations.session.unknown", "There is no session '" + id + "' in this workstation's database");
        }
        List<LogEntry> entries = new ArrayList<>();
        EntryCodec codec = new EntryCodec();
        SessionLog.readEntries(logStore, id, bytes -> {
            LogEntry e = codec.decode(bytes);
            if (e.seq() == 0 || e.type() == EntryType.SESSION_END) {
                entries.add(e);
            }
        });
        SessionHeader header = SessionHeader.fromEntry(entries.get(0));
        if (header.isLedger()) {
            throw new AirlockException("annotations.session.unknown", "'" + id + "' is the workstation ledger, not a session");
        }
        LogEntry end = entries.stream().filter(e -> e.type() == EntryType.SESSION_END).findFirst().orElse(null);
        String inspector = header.inspectors().isEmpty() ? "unknown" : String.join(", ", header.inspectors());
        SessionInfo info = new SessionInfo(id, inspector, header.workstation(), Instant.parse(entries.get(0).time()),
                end == null ? null : Instant.parse(end.time()));
        return new StoredSession(info, end == null);
    }

    public ExportDocument document(String id, String toolVersion, List<FolderCoverage> coverage) throws AirlockException {
        StoredSession session = session(id);
        BundleIdentity bundle = store.bundle(id).orElseThrow(() -> new AirlockException("annotations.session.bundle",
                "Session '" + id + "' has no recorded bundle, so its findings cannot be tied to code; export it from the workstation window"));
        List<Annotation> annotations = store.list(id);
        return new ExportDocument(toolVersion, clock.instant(), session.info(), bundle, annotations, coverage);
    }
}
