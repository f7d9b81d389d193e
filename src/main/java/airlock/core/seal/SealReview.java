package airlock.core.seal;

import airlock.core.AirlockException;
import airlock.core.annotate.store.AnnotationStore;
import airlock.core.annotate.store.SessionExports;
import airlock.core.bundle.BundleManifest;
import airlock.core.bundle.BundleStore;
import airlock.core.export.BundleIdentity;
import airlock.core.export.ExportDocument;
import airlock.core.export.ExportFormat;
import airlock.core.export.ExportService;
import airlock.core.log.EntryCodec;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import airlock.core.log.LogExport;
import airlock.core.log.PinnedKeys;
import airlock.core.log.SessionLog;
import airlock.core.log.SignedNote;
import airlock.core.media.WrittenFile;
import airlock.core.policy.ExportResolution;
import airlock.core.policy.ExportResolver;
import airlock.core.policy.RoomPolicy;
import airlock.core.policy.SupervisorAction;
import airlock.core.policy.SupervisorDecision;
import airlock.core.policy.Violation;
import airlock.core.policy.ViolationKind;
import airlock.core.progress.ProgressMonitor;
import airlock.core.session.WorkstationLogs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The supervisor's end of a session: what will leave the room (each file's exact bytes, size and
 * SHA-256), the room-policy checks on the annotation export, the supervisor's redact / refuse /
 * override decisions (each recorded in the workstation ledger as it is made, because the
 * session's own log is closed by its end entry), the seal, and the safe write to media. A seal is
 * refused while any check fails without a decision; a failed write leaves the session sealed on
 * the workstation and can be retried onto another folder.
 */
public final class SealReview {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SealReview.class);
    private final WorkstationLogs logs;
    private final String session;
    private final RoomPolicy policy;
    private final ExportService exports;
    private final ExportDocument document;
    private final List<String> searchStrings;
    private final ExportResolver resolver;
    private final List<Violation> violations;
    private final DisclosurePlan disclosures;
    private final List<SupervisorDecision> decisions = new ArrayList<>();
    /** The supervisor's decisions on single committed log fields (issue 18), apart: they are no export check. */
    private final List<SupervisorDecision> fieldDecisions = new ArrayList<>();
    private ExportResolution resolution;
    private List<OutgoingFile> files;
    private boolean findingsStay;
    private final airlock.core.quote.QuoteCheck quotes;

    private SealReview(WorkstationLogs logs, String session, RoomPolicy policy, ExportService exports, ExportDocument document,
                       List<String> clearSearchStrings, airlock.core.quote.QuoteCheck quotes) throws AirlockException {
        this.disclosures = DisclosurePlan.load(logs.store(), session);
        List<String> searchStrings = disclosures.searchStrings(clearSearchStrings);
        this.logs = logs;
        this.session = session;
        this.policy = policy;
        this.exports = exports;
        this.document = document;
        this.searchStrings = List.copyOf(searchStrings);
        this.quotes = quotes;
        this.resolver = new ExportResolver(policy, quotes);
        this.resolution = resolver.resolve(document.annotations(), searchStrings, List.of());
        this.violations = resolution.unresolved();
        this.files = render();
    }

    /**
     * Opens the review of an ended session. Refused while the session is still open (it must be
     * ended first, so that the log that leaves is complete) and for an unknown id.
     */
    public static SealReview open(WorkstationLogs logs, AnnotationStore annotations, String session, RoomPolicy policy,
                                  ExportService exports, Clock clock, String toolVersion) throws AirlockException {
        return open(logs, annotations, null, session, policy, exports, clock, toolVersion);
    }

    /**
     * As {@link #open(WorkstationLogs, AnnotationStore, String, RoomPolicy, ExportService, Clock, String)}; the
     * bundle's product, release, ref and commit come from the session's own record or else from the
     * imported bundle named in entry 0 ({@code bundles} may be null).
     */
    public static SealReview open(WorkstationLogs logs, AnnotationStore annotations, BundleStore bundles, String session,
                                  RoomPolicy policy, ExportService exports, Clock clock, String toolVersion) throws AirlockException {
        return open(logs, annotations, bundles, session, policy, exports, clock, toolVersion,
                airlock.core.quote.QuoteCheck.withoutTree(policy.quotes()));
    }

    /**
     * As above, with {@code quotes} comparing every text that leaves with the reviewed tree (issue
     * 18; {@link airlock.core.quote.QuoteCheck#withoutTree} when the tree is not at hand: then only
     * encoded text is counted, and the quota table says the content was not compared).
     */
    public static SealReview open(WorkstationLogs logs, AnnotationStore annotations, BundleStore bundles, String session,
                                  RoomPolicy policy, ExportService exports, Clock clock, String toolVersion,
                                  airlock.core.quote.QuoteCheck quotes) throws AirlockException {
        String status = logs.status(session);
        if (status == null) {
            throw new AirlockException("seal.session.unknown", "There is no session '" + session + "' on this workstation.");
        }
        if ("open".equals(status)) {
            throw new AirlockException("seal.session.open", "Session '" + session + "' is still open: end it first (Session ▸"
                    + " End session…), so that the log that leaves the room is complete.");
        }
        SessionExports stored = new SessionExports(logs.store(), annotations, clock);
        SessionExports.StoredSession info = stored.session(session);
        BundleIdentity bundle = annotations.bundle(session).orElseGet(() -> fromEntryZero(logs, bundles, session));
        ExportDocument document = new ExportDocument(toolVersion, clock.instant(), info.info(), bundle, annotations.list(session),
                List.of());
        return new SealReview(logs, session, policy, exports, document, searchStrings(logs, session), quotes);
    }

    /** The bundle {@code session} reviewed: as recorded with its findings, else as named in entry 0 (for the quote check). */
    public static BundleIdentity reviewedBundle(WorkstationLogs logs, AnnotationStore annotations, BundleStore bundles,
                                                String session) throws AirlockException {
        return annotations.bundle(session).orElseGet(() -> fromEntryZero(logs, bundles, session));
    }

    /** The bundle named in entry 0, from the store of imported bundles; only its manifest hash if it is not there. */
    private static BundleIdentity fromEntryZero(WorkstationLogs logs, BundleStore bundles, String session) {
        String manifest = "unknown";
        try {
            List<String> found = new ArrayList<>();
            EntryCodec codec = new EntryCodec();
            SessionLog.readEntries(logs.store(), session, bytes -> {
                if (found.isEmpty()) {
                    Object value = codec.decode(bytes).data().get("bundleManifestSha256");
                    found.add(value == null ? "unknown" : value.toString());
                }
            });
            manifest = found.isEmpty() ? manifest : found.get(0);
        } catch (AirlockException e) {
            manifest = "unreadable (" + e.getMessage() + ")";
        }
        if (bundles != null && manifest.matches("[0-9a-f]{64}")) {
            try {
                BundleManifest m = bundles.get(manifest).manifest();
                return new BundleIdentity(manifest, m.product(), m.version(), m.reviewRef(),
                        m.refs().getOrDefault(m.reviewRef(), "unknown"));
            } catch (AirlockException e) {
                LOG.warn("bundle {} of session {} is not in the store: {}", manifest, session, e.getMessage());
            }
        }
        String none = "not recorded";
        return new BundleIdentity(manifest, none, none, none, none);
    }

    /** The queries of the session's searches, which the policy may keep in the room. */
    private static List<String> searchStrings(WorkstationLogs logs, String session) throws AirlockException {
        Set<String> out = new LinkedHashSet<>();
        EntryCodec codec = new EntryCodec();
        SessionLog.readEntries(logs.store(), session, bytes -> {
            LogEntry e = codec.decode(bytes);
            if (e.type() == EntryType.SEARCH_RUN && e.data().get("query") instanceof String query) {
                out.add(query);
            }
        });
        return List.copyOf(out);
    }

    public String session() {
        return session;
    }

    public ExportDocument document() {
        return document;
    }

    public RoomPolicy policy() {
        return policy;
    }

    /** Stored state of the session: ended, sealed or exported. */
    public String status() throws AirlockException {
        return logs.status(session);
    }

    /** Every violation the export had before any decision, in the checker's order. */
    public List<Violation> violations() {
        return violations;
    }

    public synchronized List<SupervisorDecision> decisions() {
        return List.copyOf(decisions);
    }

    /** The decision taken on {@code violation}, if any. */
    public synchronized Optional<SupervisorDecision> decisionOn(Violation violation) {
        return decisions.stream().filter(d -> d.violation().id().equals(violation.id())).findFirst();
    }

    public synchronized ExportResolution resolution() {
        return resolution;
    }

    /**
     * The cumulative quotas (quoted lines per file and per session, encoded bytes per session) used
     * by what leaves as decided so far, at most {@code maxFiles} file rows (issue 18): the findings
     * that leave (none when they stay or the export was refused) and the log fields disclosed on
     * the stick, among them search strings the supervisor let out over the content check. A
     * finding's own logged text is not counted twice (it is counted as the finding).
     */
    public synchronized List<airlock.core.quote.Quota> quotas(int maxFiles) {
        List<airlock.core.annotate.Annotation> leaving = annotationsLeave() ? resolution.annotations() : List.of();
        List<String[]> disclosed = new ArrayList<>();
        for (DisclosurePlan.Field f : logDisclosures()) {
            if (f.disclosed() && !"annotation".equals(f.disclosure().field()) && f.disclosure().value() instanceof String text) {
                disclosed.add(new String[] {"log entry " + f.disclosure().entry(), f.disclosure().field(), text});
            }
        }
        return resolver.quoteReport(leaving, disclosed).quotas(maxFiles);
    }

    /** Whether the texts were compared with the reviewed tree (false: only encoded text was counted). */
    public boolean quotesComparedWithTree() {
        return quotes.hasTree();
    }

    /**
     * Checks one more text that leaves with this export (a disclosed log field, issue 18's other
     * half): which files of the tree it quotes and which encoded blobs it carries.
     */
    public synchronized airlock.core.quote.QuoteCheck.TextScan scanOutgoingText(String text) throws AirlockException {
        return quotes.scan(text);
    }

    /** True when no check fails without a decision (or no finding leaves at all): the seal may be made. */
    public synchronized boolean canSeal() {
        return findingsStay || resolution.unresolved().isEmpty();
    }

    /**
     * Keeps every finding in the room: only the log and the seal leave, so no export check applies.
     * (The command line's {@code --without-findings}; the ledger's export entry lists what left.)
     */
    public synchronized void keepFindingsInTheRoom() throws AirlockException {
        findingsStay = true;
        files = render();
    }

    /**
     * Each committed field of the log, and whether its disclosure leaves with the log (policy and
     * the decisions so far); the room's archive keeps them all.
     */
    public synchronized List<DisclosurePlan.Field> logDisclosures() {
        List<SupervisorDecision> all = new ArrayList<>(decisions);
        all.addAll(fieldDecisions);
        return disclosures.decide(policy, annotationsLeave(), resolution, all, text -> {
            try {
                airlock.core.quote.QuoteCheck.TextScan scan = quotes.scan(text);
                return !scan.files().isEmpty() || !scan.blobs().isEmpty();
            } catch (AirlockException e) {
                return true; // a text that cannot be checked does not leave
            }
        });
    }

    /** What will leave the room, in writing order: annotation exports, disclosures, log, seal. */
    public synchronized List<OutgoingFile> files() {
        return files;
    }

    /**
     * Records {@code decision} in the workstation ledger, then applies it. A decision is final: a
     * violation already decided cannot be decided again (the ledger keeps what was decided).
     */
    public synchronized void decide(SupervisorDecision decision) throws AirlockException {
        if (!"ended".equals(status())) {
            throw new AirlockException("seal.decision.late", "Session '" + session + "' is already sealed; its export"
                    + " decisions were final at sealing.");
        }
        if (decisions.stream().anyMatch(d -> d.violation().id().equals(decision.violation().id()))) {
            throw new AirlockException("seal.decision.twice", "This violation has already been decided; decisions are final.");
        }
        if (violations.stream().noneMatch(v -> v.id().equals(decision.violation().id()))) {
            throw new AirlockException("seal.decision.unknown", "This export has no violation '" + decision.violation().id()
                    + "'.");
        }
        List<SupervisorDecision> next = new ArrayList<>(decisions);
        next.add(decision);
        ExportResolution resolved = resolver.resolve(document.annotations(), searchStrings, next);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("session", session);
        data.putAll(decision.logData());
        logs.recordInLedger("supervisor", EntryType.EXPORT_DECISION, data);
        decisions.add(decision);
        resolution = resolved;
        files = render();
    }

    /**
     * Records the supervisor's decision on one committed log field in the workstation ledger (an
     * {@code export.decision} entry, as a decision on a finding), then applies it: {@code refuse}
     * keeps a field the plan would disclose in the room, {@code override} (with a reason) lets out a
     * field the content check or the forbidden-path rule held back. Only the actions the field
     * offers ({@link DisclosurePlan.Field#actions()}) are accepted; a decision is final.
     */
    public synchronized void decideField(SupervisorDecision decision) throws AirlockException {
        if (!"ended".equals(status())) {
            throw new AirlockException("seal.decision.late", "Session '" + session + "' is already sealed; its export"
                    + " decisions were final at sealing.");
        }
        if (decision.violation().kind() != ViolationKind.LOG_FIELD) {
            throw new AirlockException("seal.decision.unknown", "This is not a decision on a committed log field.");
        }
        DisclosurePlan.Field field = logDisclosures().stream()
                .filter(f -> f.violation().id().equals(decision.violation().id())).findFirst()
                .orElseThrow(() -> new AirlockException("seal.decision.unknown", "The log has no committed field '"
                        + decision.violation().id() + "'."));
        if (field.decision() != null) {
            throw new AirlockException("seal.decision.twice", "This field has already been decided; decisions are final.");
        }
        if (!field.actions().contains(decision.action())) {
            throw new AirlockException("seal.decision.not-allowed", decision.action().wire() + " does not apply to this field: "
                    + field.reason() + ".");
        }
        SupervisorDecision recorded = new SupervisorDecision(field.violation(), decision.action(), decision.supervisor(),
                decision.reason());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("session", session);
        data.putAll(recorded.logData());
        logs.recordInLedger("supervisor", EntryType.EXPORT_DECISION, data);
        fieldDecisions.add(recorded);
        files = render();
    }

    /** The decisions on single committed log fields so far. */
    public synchronized List<SupervisorDecision> fieldDecisions() {
        return List.copyOf(fieldDecisions);
    }

    /**
     * Seals the session with the supervisor's key (already checked against the trust list). Refused
     * while a check fails without a decision. A session sealed before (an export that failed and
     * is being retried) is not sealed again.
     */
    public synchronized SignedNote seal(SupervisorKey key, List<PinnedKeys.Pinned> supervisors) throws AirlockException {
        if (!canSeal()) {
            throw new AirlockException("seal.blocked", "The seal cannot be made: " + resolution.blockReason());
        }
        SignedNote sealed;
        if ("ended".equals(status())) {
            sealed = logs.seal(session, key.key(), supervisors);
        } else {
            sealed = LogExport.sealNote(logs.store(), session);
        }
        files = render();
        return sealed;
    }

    /**
     * As {@link #seal}, with the supervisor's signature made in another process over
     * {@link #statement()} (issue 16: the keeper holds the log, the workstation the supervisor's key).
     * Refused while a check fails without a decision, and for a session already sealed.
     */
    public synchronized SignedNote sealWithSignature(byte[] signature, List<PinnedKeys.Pinned> supervisors)
            throws AirlockException {
        if (!canSeal()) {
            throw new AirlockException("seal.blocked", "The seal cannot be made: " + resolution.blockReason());
        }
        SignedNote sealed = logs.sealWithSignature(session, signature, supervisors);
        files = render();
        return sealed;
    }

    /** The exact bytes the supervisor signs to seal this (ended) session. */
    public byte[] statement() throws AirlockException {
        return logs.sealStatement(session);
    }

    /**
     * Writes every outgoing file to {@code folder} with the safe-write protocol and records them in
     * the ledger. On failure nothing is reported as exported, the files of this attempt are removed
     * where possible, and the session stays sealed here: call again with another folder.
     */
    public synchronized List<WrittenFile> write(Path folder, ProgressMonitor monitor) throws AirlockException {
        return write(folder, monitor, airlock.core.media.WriteHooks.NONE);
    }

    /**
     * As {@link #write(Path, ProgressMonitor)}, with {@code hooks} called at each step of each file
     * (tests pull the stick or corrupt a file there). The folder is opened once; the log and seal
     * are verified against the workstation's pinned keys as stored (before anything is written) and
     * as read back from the stick (before the export is recorded).
     */
    public synchronized List<WrittenFile> write(Path folder, ProgressMonitor monitor, airlock.core.media.WriteHooks hooks)
            throws AirlockException {
        String status = status();
        if (!"sealed".equals(status) && !"exported".equals(status)) {
            throw new AirlockException("seal.write.unsealed", "Session '" + session + "' is not sealed yet; seal it first.");
        }
        List<LogExport.Extra> extras = new ArrayList<>();
        long total = 0;
        for (OutgoingFile f : files) {
            total += f.size();
            if (f.kind() != OutgoingFile.Kind.LOG && f.kind() != OutgoingFile.Kind.SEAL) {
                extras.add(new LogExport.Extra(f.name(), f.content()));
            }
        }
        MediaProgress progress = new MediaProgress(monitor, hooks);
        monitor.beginTask("Writing " + files.size() + " files to " + folder, total);
        List<WrittenFile> written;
        try {
            written = logs.export(session, folder, progress, extras);
        } catch (AirlockException e) {
            if (progress.cancelled()) {
                throw new airlock.core.progress.CancelledException();
            }
            throw e; // no endTask: the task did not complete, and a monitor must not say "done"
        }
        monitor.endTask();
        return written;
    }

    private List<OutgoingFile> render() throws AirlockException {
        List<OutgoingFile> out = new ArrayList<>();
        if (annotationsLeave()) {
            ExportDocument approved = new ExportDocument(document.toolVersion(), document.exportedAt(), document.session(),
                    document.bundle(), resolution.annotations(), document.coverage());
            out.add(render(approved, ExportFormat.JSON, OutgoingFile.Kind.ANNOTATIONS_JSON));
            out.add(render(approved, ExportFormat.SARIF, OutgoingFile.Kind.SARIF));
            out.add(render(approved, ExportFormat.HTML, OutgoingFile.Kind.HTML_REPORT));
            out.add(render(approved, ExportFormat.MD, OutgoingFile.Kind.MARKDOWN_REPORT));
        }
        String stem = LogExport.stem(session);
        List<airlock.core.log.Disclosure> leaving = logDisclosures().stream().filter(DisclosurePlan.Field::disclosed)
                .map(DisclosurePlan.Field::disclosure).toList();
        if (!disclosures.all().isEmpty()) { // a log without committed fields has nothing to disclose: no file
            out.add(new OutgoingFile(stem + LogExport.DISCLOSURES, OutgoingFile.Kind.DISCLOSURES,
                    airlock.core.log.Disclosures.file(leaving), false));
        }
        out.add(new OutgoingFile(stem + ".log", OutgoingFile.Kind.LOG, LogExport.entriesFile(logs.store(), session), false));
        boolean sealed = !"ended".equals(status());
        SignedNote note = sealed ? LogExport.sealNote(logs.store(), session) : LogExport.finalNote(logs.store(), session);
        out.add(new OutgoingFile(stem + ".seal", OutgoingFile.Kind.SEAL, note.text().getBytes(StandardCharsets.UTF_8), !sealed));
        return List.copyOf(out);
    }

    private OutgoingFile render(ExportDocument doc, ExportFormat format, OutgoingFile.Kind kind) throws AirlockException {
        return new OutgoingFile(format.fileName(session), kind, exports.render(doc, format, policy.exportPolicy()), false);
    }

    /** Findings leave unless the export was refused, or the policy forbids them and no override says otherwise. */
    private boolean annotationsLeave() {
        if (findingsStay || resolution.refused()) {
            return false;
        }
        return policy.export().annotations() || decisions.stream().anyMatch(d -> d.violation().kind()
                == ViolationKind.ANNOTATIONS_FORBIDDEN && d.action() == SupervisorAction.OVERRIDE);
    }
}
