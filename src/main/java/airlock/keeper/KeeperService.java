package airlock.keeper;

import airlock.core.AirlockException;
import airlock.core.annotate.Anchor;
import airlock.core.annotate.AnchoredRange;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.AnnotationContent;
import airlock.core.annotate.Confidence;
import airlock.core.annotate.LineIndex;
import airlock.core.annotate.ReviewMark;
import airlock.core.annotate.Severity;
import airlock.core.annotate.TextRange;
import airlock.core.annotate.store.AnnotationService;
import airlock.core.annotate.store.AnnotationStore;
import airlock.core.bundle.BundleStore;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import airlock.core.log.SqlAction;
import airlock.core.search.FileMatches;
import airlock.core.search.InvalidQueryException;
import airlock.core.search.LineMatch;
import airlock.core.search.MatchRange;
import airlock.core.search.SearchIndex;
import airlock.core.search.SearchQuery;
import airlock.core.search.SearchSummary;
import airlock.core.search.Searcher;
import airlock.core.search.TextMatcher;
import airlock.core.session.ActiveSession;
import airlock.core.session.Confirmation;
import airlock.core.session.SessionManager;
import airlock.core.session.SessionRequest;
import airlock.core.session.SessionState;
import airlock.core.source.SourceEntry;
import airlock.core.source.SourceTree;
import airlock.core.symbols.Definition;
import airlock.core.symbols.DefinitionLines;
import airlock.core.symbols.IndexState;
import airlock.core.symbols.Reference;
import airlock.core.symbols.ReferencePage;
import airlock.core.symbols.SymbolIndex;
import airlock.core.text.ContentLimits;
import airlock.core.text.DecodedContent;
import airlock.core.text.Decoder;
import airlock.core.progress.ProgressMonitor;
import airlock.protocol.Answer;
import airlock.protocol.Codec;
import airlock.protocol.Errors;
import airlock.protocol.Limits;
import airlock.protocol.Request;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keeper's session state machine, on the core services: one request in, one answer out, one at a
 * time. Every answer that carries code (a page, search hits, definition and reference lines) is
 * given only inside an ACTIVE session and only after {@link ActiveSession#record} committed the entry
 * that records the read; if the entry cannot be written, the answer is the failure and no code.
 * Everything the log holds about a read (blob, commit, sequence, time, fingerprints) is computed
 * here from the keeper's own copy of the bundle, never taken from the client.
 */
public final class KeeperService {
    private static final Logger LOG = LoggerFactory.getLogger(KeeperService.class);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    /** Largest file an annotation can be made on (its text is decoded whole to compute the anchor). */
    static final long MAX_ANNOTATE_BYTES = 32L << 20;
    /** Searches kept for paging per session; the oldest is dropped first. */
    static final int MAX_KEPT_SEARCHES = 16;
    /** Largest file whose bytes are kept between its pages (one file at a time). */
    static final long MAX_PAGED_CACHE = 32L << 20;

    private final SessionManager manager;
    private final BundleStore bundles;
    private final AnnotationStore annotationStore;
    private final Path databases;
    private final Clock clock;
    private final String workstationId;
    private final ExecutorService workers;
    private final SecureRandom random = new SecureRandom();
    private Open open;
    /** Intake and index building (issue 16); null in a service built without them. */
    private KeeperIntake intake;
    /** Runs one search at a time, so a search's first page can be answered while the rest is found. */
    private ExecutorService searchThread;
    /**
     * Reads a lookup's answer (definition, reference and caller lines) from the bundle while the
     * connection's thread makes the lookup's entry durable; the answer leaves only after the entry is
     * committed (issue 16, kbench: see {@link #recordWhile}).
     */
    private ExecutorService answerThread;

    /** The open session and what the keeper holds for it. */
    private static final class Open {
        final ActiveSession session;
        final BundleStore.Imported bundle;
        final SourceTree source;
        final AnnotationService annotations;
        SearchIndex searchIndex;
        SymbolIndex symbols;
        /**
         * Whether {@link #symbols} said it is complete: a finished index never becomes partial again (a
         * build only ever marks it complete), so it is not asked again; each ask counts the index's
         * 70,000 file rows twice, about 5 ms of CPU per lookup on the kernel. Reset when the index is replaced.
         */
        boolean symbolsComplete;
        final Set<String> opened = new HashSet<>();
        final LinkedHashMap<Long, Running> searches = new LinkedHashMap<>();
        /** The search still running on the search thread, if any (stopped before the source or index closes). */
        Running running;
        long nextSearch = 1;
        LogEntry last;
        // history/diff (issue 16, kread): the reads already recorded in this session (key -> their entries),
        // and the last compare, diff, history and blame computed (paged from these, computed once)
        final Map<String, List<Long>> versionReads = new HashMap<>();
        String changesKey;
        List<airlock.core.history.FileChange> changes;
        String diffKey;
        KeptDiff diff;
        String historyKey;
        airlock.core.history.FileHistory history;
        String blameKey;
        airlock.core.history.Blame blame;
        /** The bytes of the file last paged (its blob id), so reading a file page by page inflates it once. */
        String pagedBlob;
        byte[] pagedBytes;
        // findings export/import (issue 16, kexport): the export last rendered (until reported written), the import under way
        List<airlock.core.annotate.store.LiveExport.Rendered> export;
        long importNo;
        int importHave;
        /** The import's bytes, exactly its announced size (the in-process importer reads the whole file too), or null. */
        byte[] importBytes;
        /** The files attached to the import for its check against its session log (version 5), by their upload number. */
        final Map<Long, ImportPart> importParts = new java.util.LinkedHashMap<>();
        /** Each ref's files by path, made from the source's listing at the first lookup (a path is found in O(1), not by a scan of the tree: the kernel has 70,000 files). */
        final Map<String, Map<String, SourceEntry>> byPath = new HashMap<>();

        Open(ActiveSession session, BundleStore.Imported bundle, SourceTree source, AnnotationService annotations,
             SearchIndex searchIndex, SymbolIndex symbols) {
            this.session = session;
            this.bundle = bundle;
            this.source = source;
            this.annotations = annotations;
            this.searchIndex = searchIndex;
            this.symbols = symbols;
        }
    }

    KeeperService(SessionManager manager, BundleStore bundles, AnnotationStore annotationStore, Path databases, Clock clock,
                  String workstationId, ExecutorService workers) {
        this.manager = manager;
        this.bundles = bundles;
        this.annotationStore = annotationStore;
        this.databases = databases;
        this.clock = clock;
        this.workstationId = workstationId;
        this.workers = workers;
    }

    /** Continues the session left open when the keeper last stopped (the log gets its recovery entry). */
    synchronized void resumeOpenSession() throws AirlockException {
        var id = manager.openSession();
        if (id.isPresent()) {
            ActiveSession session = manager.resume(id.get());
            open = attach(session, bundles.get(session.bundleManifestSha256()));
            LOG.info("resumed session {}", session.id());
        }
    }

    /** Answers one request; never throws: every failure is a {@link Answer.Failure} with a stable code. */
    public synchronized Answer handle(Request request) {
        try {
            return dispatch(request);
        } catch (AirlockException e) {
            return failure(e.code(), e.getMessage());
        } catch (IllegalArgumentException e) {
            return failure(Errors.FIELD, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("keeper failed on {}", request.op(), e);
            return failure(Errors.INTERNAL, "the keeper failed on " + request.op() + " (" + e.getClass().getSimpleName()
                    + "); see the keeper's log");
        }
    }

    static Answer.Failure failure(String code, String message) {
        String c = code == null || !code.matches("[a-z0-9._-]{1,64}") ? Errors.INTERNAL : code;
        String m = message == null ? c : message;
        if (m.length() > Limits.MAX_MESSAGE) {
            m = m.substring(0, Limits.MAX_MESSAGE - 1) + "…";
        }
        return new Answer.Failure(c, m.replace('\0', '\uFFFD'));
    }

    private Answer dispatch(Request request) throws AirlockException {
        if (request instanceof Request.Hello) {
            throw new AirlockException(Errors.ORDER, "hello is the first frame of a connection, and only the first");
        } else if (request instanceof Request.ListBundles) {
            return listBundles();
        } else if (request instanceof Request.StartSession s) {
            return start(s);
        } else if (request instanceof Request.Status) {
            return status();
        } else if (request instanceof Request.ListFiles l) {
            return listFiles(l);
        } else if (request instanceof Request.OpenFile o) {
            return openFile(o);
        } else if (request instanceof Request.ReadPage p) {
            return readPage(p);
        } else if (request instanceof Request.Search s) {
            return search(s);
        } else if (request instanceof Request.SearchPage p) {
            return searchPage(p);
        } else if (request instanceof Request.Definitions d) {
            return definitions(d);
        } else if (request instanceof Request.References r) {
            return references(r);
        } else if (request instanceof Request.Compare c) { // history/diff (issue 16, kread)
            return compare(c);
        } else if (request instanceof Request.Diff d) {
            return diff(d);
        } else if (request instanceof Request.History h) {
            return history(h);
        } else if (request instanceof Request.BlameFile b) {
            return blame(b);
        } else if (request instanceof Request.Callers c) {
            return callers(c);
        } else if (request instanceof Request.LineCounts l) {
            return lineCounts(l);
        } else if (request instanceof Request.CreateAnnotation c) {
            return createAnnotation(c);
        } else if (request instanceof Request.EditAnnotation e) {
            return editAnnotation(e);
        } else if (request instanceof Request.SetAnnotationStatus t) {
            Open o = active();
            return saved(o, o.annotations.setStatus(t.id(), airlock.core.annotate.Status.fromId(t.status())));
        } else if (request instanceof Request.ReplyToAnnotation y) {
            Open o = active();
            return saved(o, o.annotations.reply(y.id(), y.body()));
        } else if (request instanceof Request.ListFindings l) { // findings (issue 16, kwire)
            return listFindings(l);
        } else if (request instanceof Request.DeleteAnnotation d) {
            Open o = active();
            o.annotations.delete(d.id());
            return new Answer.FindingChanged(d.id(), o.last.seq());
        } else if (request instanceof Request.UnmarkReviewed u) {
            return unmark(u);
        } else if (request instanceof Request.AddBookmark b) {
            return addBookmark(b);
        } else if (request instanceof Request.MarkReviewed m) {
            return markReviewed(m);
        } else if (request instanceof Request.EndSession) {
            return end();
        } else if (request instanceof Request.SealSessions || request instanceof Request.ReviewSeal // seal (issue 16, kseal)
                || request instanceof Request.DecideSeal || request instanceof Request.SealStatement
                || request instanceof Request.SignSeal || request instanceof Request.SealFile
                || request instanceof Request.SealExported) {
            if (seal == null) {
                throw new AirlockException(Errors.INTERNAL, "This keeper has no seal desk.");
            }
            return seal.handle(request);
        } else if (request instanceof Request.FindingsExport x) { // findings export/import (issue 16, kexport)
            return exportFindings(x);
        } else if (request instanceof Request.FindingsFile f) {
            return exportFile(f);
        } else if (request instanceof Request.FindingsExported x) {
            return exported(x);
        } else if (request instanceof Request.FindingsImportBegin b) {
            return importBegin(b);
        } else if (request instanceof Request.FindingsImportChunk c) {
            return importChunk(c);
        } else if (request instanceof Request.FindingsImportAttach t) {
            return importAttach(t);
        } else if (request instanceof Request.FindingsImportCancel c) {
            return importCancel(c);
        } else if (request instanceof Request.FindingsImportFinish f) {
            return importFinish(f);
        } else if (request instanceof Request.CopyRefused c) { // refusals (issue 16, kseal)
            return copyRefused(c);
        } else if (request instanceof Request.LockSession) { // keeper-side ops of issue 16 (k2keeper)
            return lock();
        } else if (request instanceof Request.UnlockSession u) {
            return unlock(u);
        } else if (request instanceof Request.Activity) { // activity (issue 16, kwire): resets the idle timer, nothing logged
            active();
            return status();
        } else if (request instanceof Request.ImportBundle b) {
            return requireIntake().importBundle(b.path());
        } else if (request instanceof Request.UploadBegin b) { // intake (issue 16, kwire)
            return requireIntake().beginUpload(b);
        } else if (request instanceof Request.UploadChunk c) {
            return requireIntake().uploadChunk(c);
        } else if (request instanceof Request.UploadFinish f) {
            return requireIntake().finishUpload(f);
        } else if (request instanceof Request.UploadCancel c) {
            return requireIntake().cancelUpload(c);
        } else if (request instanceof Request.IndexStatus) {
            return new Answer.Indexes(requireIntake().indexes().states());
        } else if (request instanceof Request.SymbolSearch y) { // issue 16 (k4walk)
            return searchSymbols(y);
        } else if (request instanceof Request.Policy) { // issue 16 (k4walk); mediaRoots: issue 17 (room)
            var policy = manager.policy().policy();
            return new Answer.PolicyInfo(policy.name(), policy.confirmation().mode().wire(), !policy.inspectors().isEmpty(),
                    policy.mediaRoots().stream().map(Path::toString).toList());
        } else if (request instanceof Request.ConfirmStart c) { // confirmation (issue 16/17, room)
            return challengeStart(c);
        } else if (request instanceof Request.ConfirmUnlock) {
            if (open == null) {
                throw new AirlockException(Errors.NO_SESSION, "No session is open.");
            }
            return challenge(manager.challengeUnlock(open.session));
        }
        throw new AirlockException(Errors.UNKNOWN_OP, "unknown request " + request.op());
    }

    // ----- seal and refusals (issue 16, kseal) -----

    /** The supervisor's seal desk; null in a service built without it. */
    private KeeperSeal seal;

    /** Hands the service its seal desk (the keeper's composition root does, once). */
    synchronized void useSeal(KeeperSeal value) {
        this.seal = value;
    }

    /**
     * A refused copy, cut or drag: {@code copy.refused} in the open session's log, as the in-process
     * session records it — also while locked or expired (refusals are evidence), and not activity.
     */
    private Answer copyRefused(Request.CopyRefused c) throws AirlockException {
        if (open == null) {
            throw new AirlockException(Errors.NO_SESSION, "No session is open; the refusal had nothing to be recorded in.");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("path", c.path());
        data.put("kind", c.kind());
        data.put("selectedChars", c.selectedChars());
        data.put("view", c.view());
        LogEntry recorded = open.session.recordRefusal(EntryType.COPY_REFUSED, data);
        return new Answer.Recorded("copy.refused", open.session.state().name().toLowerCase(Locale.ROOT), recorded.seq());
    }

    // ----- lock, unlock, intake, indexes (issue 16, k2keeper) -----

    /** Hands the service its intake and index builder (the keeper's composition root does, once). */
    synchronized void useIntake(KeeperIntake value) {
        this.intake = value;
    }

    private KeeperIntake requireIntake() throws AirlockException {
        if (intake == null) {
            throw new AirlockException(Errors.INTERNAL, "This keeper has no intake.");
        }
        return intake;
    }

    private Answer lock() throws AirlockException {
        if (open == null) {
            throw new AirlockException(Errors.NO_SESSION, "No session is open.");
        }
        open.session.lockNow();
        return status();
    }

    /** Unlocks with the credential the room policy names; a wrong one is a ledger entry and counts towards the lockout. */
    private Answer unlock(Request.UnlockSession u) throws AirlockException {
        if (open == null) {
            throw new AirlockException(Errors.NO_SESSION, "No session is open.");
        }
        if (u.challenge() != null) { // confirmation (room): a supervisor's signature of the keeper's unlock challenge
            manager.unlockWithChallenge(open.session, u.challenge(), airlock.core.crypto.Base64Strict.decode(u.signature()));
            return status();
        }
        char[] pin = u.pin() == null ? null : u.pin().toCharArray();
        char[] passphrase = u.passphrase() == null ? null : u.passphrase().toCharArray();
        try {
            manager.unlock(open.session, pin == null ? new Confirmation.None() : new Confirmation.RoomPin(pin), passphrase);
        } finally {
            if (pin != null) {
                java.util.Arrays.fill(pin, '\0');
            }
            if (passphrase != null) {
                java.util.Arrays.fill(passphrase, '\0');
            }
        }
        return status();
    }

    /**
     * Called by the index builder when {@code bundleId}'s indexes are built: the open session on that
     * bundle answers from the finished ones from now on.
     */
    synchronized void indexesReady(String bundleId) {
        if (open == null || !open.bundle.id().equals(bundleId)) {
            return;
        }
        stopSearch(open); // the running search reads the index about to be replaced
        try {
            Path searchDir = databases.resolve("search").resolve(SearchIndex.keyOf(open.source));
            SearchIndex fresh = SearchIndex.exists(searchDir) ? SearchIndex.open(searchDir, 1) : null;
            Path symbolFile = SymbolIndex.fileFor(databases, open.source.commitOf(open.source.reviewRef()));
            SymbolIndex freshSymbols = SymbolIndex.exists(symbolFile) ? SymbolIndex.open(symbolFile) : null;
            if (open.searchIndex != null) {
                open.searchIndex.close();
            }
            if (open.symbols != null) {
                open.symbols.close();
            }
            open.searchIndex = fresh;
            open.symbols = freshSymbols;
            open.symbolsComplete = false;
        } catch (AirlockException | RuntimeException e) {
            LOG.warn("the session goes on with the indexes it had: the finished ones did not open", e);
        }
    }

    // ----- without a session -----

    private Answer listBundles() throws AirlockException {
        List<Answer.BundleInfo> list = new ArrayList<>();
        for (BundleStore.Imported b : bundles.list()) {
            if (list.size() == Limits.MAX_BUNDLES) {
                break;
            }
            list.add(new Answer.BundleInfo(b.id(), clip(b.label(), Limits.MAX_MESSAGE), clip(b.manifest().reviewRef(), Limits.MAX_REF)));
        }
        return new Answer.Bundles(list);
    }

    private Answer status() throws AirlockException {
        if (open == null) {
            return new Answer.Status("none", null, 0);
        }
        SessionState state = open.session.state();
        return new Answer.Status(state.name().toLowerCase(Locale.ROOT), info(open), open.session.entryCount());
    }

    // confirmation (issue 16/17, room): the keeper issues the statement, the supervisor's key signs it elsewhere

    private Answer challengeStart(Request.ConfirmStart c) throws AirlockException {
        if (open != null) {
            throw new AirlockException("session.already.open", "Session '" + open.session.id()
                    + "' is still open on this workstation; end it before starting another (one session at a time).");
        }
        BundleStore.Imported bundle = bundles.get(c.bundle());
        return challenge(manager.challengeStart(newRequest(c.inspector(), c.organisation(), c.badge(), bundle)));
    }

    private static Answer challenge(airlock.core.session.SessionManager.Challenge issued) {
        return new Answer.Challenge(issued.nonce(), new String(issued.statement(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private SessionRequest newRequest(String inspector, String organisation, String badge, BundleStore.Imported bundle) {
        String id = "S-" + ID_TIME.format(clock.instant()) + "-" + workstationId + "-"
                + String.format("%04x", random.nextInt(0x10000));
        return new SessionRequest(id.length() > 64 ? id.substring(0, 64) : id, inspector, organisation, badge, bundle.id());
    }

    private Answer start(Request.StartSession s) throws AirlockException {
        if (open != null) {
            throw new AirlockException("session.already.open", "Session '" + open.session.id()
                    + "' is still open on this workstation; end it before starting another (one session at a time).");
        }
        BundleStore.Imported bundle = bundles.get(s.bundle());
        SessionRequest request = newRequest(s.inspector(), s.organisation(), s.badge(), bundle);
        char[] pin = s.pin() == null ? null : s.pin().toCharArray();
        char[] passphrase = s.passphrase() == null ? null : s.passphrase().toCharArray();
        try {
            Confirmation confirmation = pin == null ? new Confirmation.None() : new Confirmation.RoomPin(pin);
            ActiveSession session = s.challenge() != null
                    ? manager.startWithChallenge(request, s.challenge(), airlock.core.crypto.Base64Strict.decode(s.signature()), passphrase)
                    : manager.start(request, confirmation, passphrase);
            open = attach(session, bundle);
        } finally {
            if (pin != null) {
                java.util.Arrays.fill(pin, '\0');
            }
            if (passphrase != null) {
                java.util.Arrays.fill(passphrase, '\0');
            }
        }
        return new Answer.SessionStarted(info(open));
    }

    private Open attach(ActiveSession session, BundleStore.Imported bundle) throws AirlockException {
        SourceTree source = bundles.open(bundle);
        SearchIndex searchIndex = null;
        SymbolIndex symbols = null;
        try {
            Path searchDir = databases.resolve("search").resolve(SearchIndex.keyOf(source));
            if (SearchIndex.exists(searchDir)) {
                searchIndex = SearchIndex.open(searchDir, 1);
            }
            Path symbolFile = SymbolIndex.fileFor(databases, source.commitOf(source.reviewRef()));
            if (SymbolIndex.exists(symbolFile)) {
                symbols = SymbolIndex.open(symbolFile);
            }
            Open[] holder = new Open[1];
            AnnotationService annotations = new AnnotationService(annotationStore, session.id(), (type, data, action) -> {
                LogEntry entry = session.record(type, data, action);
                holder[0].last = entry;
                return entry;
            }, clock, () -> UUID.randomUUID().toString(), session.inspector());
            holder[0] = new Open(session, bundle, source, annotations, searchIndex, symbols);
            return holder[0];
        } catch (AirlockException | RuntimeException e) {
            if (searchIndex != null) {
                searchIndex.close();
            }
            if (symbols != null) {
                symbols.close();
            }
            source.close();
            throw e;
        }
    }

    private static Answer.SessionInfo info(Open o) {
        return new Answer.SessionInfo(o.session.id(), clip(o.session.inspector(), Limits.MAX_NAME), o.bundle.id(),
                clip(o.source.label(), Limits.MAX_MESSAGE), clip(o.source.reviewRef(), Limits.MAX_REF),
                o.source.refs().stream().limit(Limits.MAX_REFS).map(r -> clip(r, Limits.MAX_REF)).toList(),
                o.session.started().toString(), o.session.policy().idleLockMinutes(), o.session.policy().maxSessionMinutes());
    }

    // ----- inside a session -----

    /** The open session, ACTIVE (neither locked, expired nor ended); counts as the inspector's activity. */
    private Open active() throws AirlockException {
        if (open == null) {
            throw new AirlockException(Errors.NO_SESSION, "No session is open: start one before reading code.");
        }
        open.session.touch();
        return open;
    }

    private String checkedRef(Open o, String ref) throws AirlockException {
        if (!o.source.refs().contains(ref)) {
            throw new AirlockException(Errors.NOT_FOUND, "The bundle under review has no ref '" + ref + "'.");
        }
        return ref;
    }

    private SourceEntry entry(Open o, String ref, String path) throws AirlockException {
        SourceEntry entry = files(o, ref).get(path);
        if (entry == null) {
            throw new AirlockException(Errors.NOT_FOUND, "There is no file '" + clip(path, 200) + "' at " + ref + ".");
        }
        return entry;
    }

    /** The files of {@code ref} by path (made at the first lookup, then kept for the session). */
    private Map<String, SourceEntry> files(Open o, String ref) throws AirlockException {
        Map<String, SourceEntry> files = o.byPath.get(ref);
        if (files == null) {
            List<SourceEntry> all = o.source.list(checkedRef(o, ref));
            files = new HashMap<>(all.size() * 2);
            for (SourceEntry e : all) {
                files.putIfAbsent(e.path(), e); // the first, as SourceTree.find gives
            }
            o.byPath.put(ref, files);
        }
        return files;
    }

    private static String key(String ref, String path) {
        return ref + '\0' + path;
    }

    private SourceEntry opened(Open o, String ref, String path) throws AirlockException {
        if (!o.opened.contains(key(ref, path))) {
            throw new AirlockException(Errors.NOT_OPENED, "The file '" + clip(path, 200) + "' at " + ref
                    + " was not opened in this session; open it first (that is what the log records).");
        }
        return entry(o, ref, path);
    }

    /** Each entry kind's name as {@code files} sends it, made once (not lower-cased per listed file). */
    private static final String[] KIND_NAMES = java.util.Arrays.stream(airlock.core.source.EntryKind.values())
            .map(k -> k.name().toLowerCase(Locale.ROOT).intern()).toArray(String[]::new); // Answer.KIND_* themselves

    private Answer listFiles(Request.ListFiles l) throws AirlockException {
        Open o = active();
        String ref = checkedRef(o, l.ref());
        List<SourceEntry> all = o.source.list(ref);
        List<Answer.FileInfo> page = new ArrayList<>();
        // a page ends at the limit or before its entries would pass the listing frame's byte budget (version 5,
        // issue 20); next says where the following page starts (a path over 4096 is left out, not sent)
        int i = l.offset();
        long bytes = 0;
        while (i < all.size() && page.size() < l.limit()) {
            SourceEntry e = all.get(i);
            if (e.path().length() <= Limits.MAX_PATH) {
                int bound = Codec.listingEntryBound(e.path());
                if (bytes + bound > Limits.MAX_LISTING_BYTES) {
                    break;
                }
                bytes += bound;
                page.add(new Answer.FileInfo(e.path(), KIND_NAMES[e.kind().ordinal()], e.size()));
            }
            i++;
        }
        return new Answer.Files(l.ref(), o.source.commitOf(ref), l.offset(), Math.max(i, l.offset()), all.size(), page);
    }

    private Answer openFile(Request.OpenFile r) throws AirlockException {
        Open o = active();
        SourceEntry entry = entry(o, r.ref(), r.path());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("path", entry.path());
        data.put("blob", entry.blobId());
        data.put("ref", r.ref());
        data.put("size", entry.size());
        LogEntry recorded = o.session.record(EntryType.FILE_OPENED, data, SqlAction.NONE);
        o.opened.add(key(r.ref(), r.path()));
        return new Answer.FileOpened(r.ref(), o.source.commitOf(r.ref()), entry.path(),
                entry.kind().name().toLowerCase(Locale.ROOT), entry.size(), entry.blobId(), recorded.seq());
    }

    private Answer readPage(Request.ReadPage r) throws AirlockException {
        Open o = active();
        SourceEntry entry = opened(o, r.ref(), r.path());
        byte[] bytes;
        if (r.offset() >= entry.size()) {
            bytes = new byte[0];
        } else if (entry.size() <= MAX_PAGED_CACHE) {
            // a file is read page by page from the start: decompress it once, not once per page
            if (!entry.blobId().equals(o.pagedBlob)) {
                o.pagedBytes = o.source.read(entry, entry.size());
                o.pagedBlob = entry.blobId();
            }
            // the page is a view of the kept bytes (replaced for another file, never written): written to
            // the socket from there, not copied first (issue 16, kfast: a 1 MB open)
            int from = (int) Math.min(r.offset(), o.pagedBytes.length);
            int length = (int) Math.min(o.pagedBytes.length - from, r.length());
            return Answer.Page.view(r.ref(), r.path(), r.offset(), o.pagedBytes, from, length,
                    r.offset() + length >= entry.size());
        } else {
            bytes = o.source.readRange(entry, r.offset(), r.length());
        }
        // a fresh array read for this page: no copy either
        return Answer.Page.view(r.ref(), r.path(), r.offset(), bytes, 0, bytes.length, r.offset() + bytes.length >= entry.size());
    }

    /**
     * Commits the {@code search.run} entry (the query: what the inspector asked, as the CLI records it)
     * and answers as soon as the first page is found or the search ended; later pages wait for their
     * hits the same way. The search starts on the keeper's search thread as the entry is being written
     * (issue 16, kbench: the entry's two synchronous writes and the search's first hits overlap instead
     * of following each other), but no hit leaves before the entry is committed: the search is known to
     * the session (pageable) only then, and if the entry cannot be written the search is stopped, its
     * hits are dropped and the answer is the failure. The counts travel in the answers ({@code finished}
     * says when they are final).
     */
    private Answer search(Request.Search s) throws AirlockException {
        Open o = active();
        if (s.ref() != null) {
            checkedRef(o, s.ref());
        }
        if (s.diffFrom() != null) { // history/diff (issue 16, kread): changed lines only
            checkedRef(o, s.diffFrom());
        }
        SearchQuery query = new SearchQuery(s.pattern(), s.regex(), s.ignoreCase(), s.wholeWord(), s.include(), s.exclude(),
                Set.copyOf(s.languages()), s.ref());
        try {
            TextMatcher.compile(query); // an invalid pattern is refused before anything is recorded
        } catch (InvalidQueryException e) {
            throw new AirlockException("search.invalid", e.getMessage());
        }
        stopSearch(o); // one search at a time: a new one supersedes the running one
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("query", s.pattern());
        data.put("regex", s.regex());
        data.put("ignoreCase", s.ignoreCase());
        data.put("wholeWord", s.wholeWord());
        data.put("paths", s.include());
        data.put("languages", List.copyOf(new TreeSet<>(s.languages())));
        data.put("ref", s.ref());
        if (s.diffFrom() != null) {
            data.put("diffFrom", s.diffFrom());
        }
        Running running = new Running();
        SourceTree source = o.source;
        SearchIndex index = o.searchIndex;
        String diffFrom = s.diffFrom();
        running.task = searchThread().submit(() -> running.run(new Searcher(running.gated(workers)), source, index, query,
                diffFrom));
        LogEntry recorded;
        try {
            recorded = o.session.record(EntryType.SEARCH_RUN, data, SqlAction.NONE);
        } catch (AirlockException | RuntimeException e) {
            running.cancelAndWait(); // not recorded: stopped, its hits dropped, never pageable
            throw e;
        }
        running.recorded(recorded.seq());
        long id = o.nextSearch++;
        o.searches.put(id, running);
        while (o.searches.size() > MAX_KEPT_SEARCHES) {
            o.searches.remove(o.searches.keySet().iterator().next());
        }
        o.running = running;
        return page(id, running, 0, s.limit());
    }

    private synchronized ExecutorService searchThread() {
        if (searchThread == null) {
            searchThread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "keeper-search-run");
                t.setDaemon(true);
                return t;
            });
        }
        return searchThread;
    }

    /** Cancels the session's running search and waits for it to stop (before its source or index is closed). */
    private static void stopSearch(Open o) {
        Running r = o.running;
        o.running = null;
        if (r != null) {
            r.cancelAndWait();
        }
    }

    /**
     * Lets the running search go on after the page being answered is written (called by the server
     * after each answer it writes, on the connection's thread; cheap and never blocking).
     */
    public void answered() {
        Running r = answering;
        if (r != null) {
            answering = null;
            r.openGate();
        }
    }

    /** The search whose workers wait while a page of its hits is being answered (see {@link Running#gated}). */
    private volatile Running answering;

    /** A search the keeper is running or ran: its hits so far, kept for paging, and its summary when done. */
    static final class Running {
        /**
         * Longest a page's answer holds the search's workers back (from the moment its hits are there):
         * a client that does not read its answer stalls the search at most this long.
         */
        static final long GATE_NANOS = 100_000_000L;
        /** The sequence number of the search's committed entry; -1 until it is committed (no page is answered before). */
        private long entry = -1;
        private final List<Answer.Hit> hits = new ArrayList<>();
        private boolean truncated;
        private SearchSummary summary;
        private String failure;
        private boolean done;
        private volatile boolean cancelled;
        java.util.concurrent.Future<?> task;
        /** How many hits a waiting page needs; 0 when no page waits. */
        private int awaited;
        /**
         * While a page's answer is being encoded and written, the search's workers start no new file
         * (nanoTime until which they wait; 0: open), so the answer does not share the cores with the
         * rest of the search (issue 16, k16lat: on 2 cores the search's 3 busy threads made the first page's
         * encode, write and the client's read wait for the CPU).
         */
        private volatile long gateUntil;
        private final Object gate = new Object();

        /** Holds the search back while a page of its hits is answered (bounded by {@link #GATE_NANOS}). */
        void closeGate() {
            closeGate(GATE_NANOS);
        }

        /** Holds the search back for at most {@code nanos} (tests give other bounds). */
        void closeGate(long nanos) {
            if (!done && !cancelled) {
                gateUntil = System.nanoTime() + nanos;
            }
        }

        void openGate() {
            if (gateUntil != 0) {
                synchronized (gate) {
                    gateUntil = 0;
                    gate.notifyAll();
                }
            }
        }

        /** Called by a worker before it verifies a file: waits while a page is being answered. */
        void passGate() {
            long until = gateUntil;
            if (until == 0) {
                return;
            }
            synchronized (gate) {
                while (gateUntil != 0 && !cancelled) {
                    long left = gateUntil - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    try {
                        gate.wait(left / 1_000_000L, (int) (left % 1_000_000L));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        /** {@code workers} for this search's files: each file waits at the gate before it is verified. */
        java.util.concurrent.ExecutorService gated(java.util.concurrent.ExecutorService workers) {
            return new java.util.concurrent.AbstractExecutorService() {
                @Override
                public void execute(Runnable command) {
                    workers.execute(() -> {
                        passGate();
                        command.run();
                    });
                }

                @Override
                public void shutdown() {
                    throw new UnsupportedOperationException("the keeper's workers are shared");
                }

                @Override
                public List<Runnable> shutdownNow() {
                    throw new UnsupportedOperationException("the keeper's workers are shared");
                }

                @Override
                public boolean isShutdown() {
                    return workers.isShutdown();
                }

                @Override
                public boolean isTerminated() {
                    return workers.isTerminated();
                }

                @Override
                public boolean awaitTermination(long timeout, java.util.concurrent.TimeUnit unit) throws InterruptedException {
                    return workers.awaitTermination(timeout, unit);
                }
            };
        }

        /** The search's entry is committed: from now on its hits may be answered. */
        synchronized void recorded(long seq) {
            entry = seq;
        }

        void run(Searcher searcher, SourceTree source, SearchIndex index, SearchQuery query, String diffFrom) {
            SearchSummary result = null;
            String failed = null;
            try {
                ProgressMonitor monitor = ProgressMonitor.cancelledWhen(() -> cancelled);
                result = diffFrom == null ? searcher.search(source, index, query, (FileMatches file) -> add(file), monitor)
                        : searcher.searchDiff(source, diffFrom, query, (FileMatches file) -> add(file), monitor);
            } catch (InvalidQueryException e) {
                failed = e.getMessage();
            } catch (airlock.core.progress.CancelledException e) {
                failed = "The search was superseded by a newer one or the session ended; run it again.";
            } catch (AirlockException | RuntimeException e) {
                LOG.warn("a search failed", e);
                failed = "The search failed on the keeper's side (" + e.getClass().getSimpleName() + "); see the keeper's log.";
            }
            synchronized (this) {
                openGate();
                summary = result;
                failure = cancelled && result == null ? "The search was superseded by a newer one or the session ended; run it again."
                        : failed;
                done = true;
                notifyAll();
            }
        }

        private synchronized void add(FileMatches file) {
            for (LineMatch line : file.lines()) {
                if (hits.size() >= Limits.MAX_SEARCH_HITS || file.path().length() > Limits.MAX_PATH) {
                    truncated = true;
                    return;
                }
                hits.add(hit(file.ref(), file.path(), line));
                if (hits.size() == awaited) {
                    closeGate(); // the waiting page has its hits: no new file until it is answered
                }
            }
            notifyAll();
        }

        /** Waits until {@code count} hits are found or the search ended. */
        synchronized void await(int count) throws AirlockException {
            awaited = count;
            try {
                while (!done && hits.size() < count) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AirlockException(Errors.INTERNAL, "The keeper was interrupted while searching.");
                    }
                }
            } finally {
                awaited = 0;
            }
            closeGate(); // its hits are there (or the search ended): the rest waits until this page is written
        }

        void cancelAndWait() {
            cancelled = true;
            openGate();
            java.util.concurrent.Future<?> t = task;
            if (t != null) {
                try {
                    t.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
                    LOG.debug("a stopped search ended with {}", e.toString());
                }
            }
        }
    }

    private static Answer.Hit hit(String ref, String path, LineMatch line) {
        String text = clip(line.text(), Limits.MAX_LINE_TEXT);
        List<Answer.Span> spans = new ArrayList<>();
        for (MatchRange m : line.ranges()) {
            if (spans.size() == 64 || m.start() >= text.length()) {
                break;
            }
            spans.add(new Answer.Span(m.start(), Math.min(m.end(), text.length())));
        }
        return new Answer.Hit(clip(ref, Limits.MAX_REF), path, Math.max(1, line.number()), text, spans);
    }

    private Answer page(long id, Running r, int offset, int limit) throws AirlockException {
        answering = r; // the server's answered() after this page is written lets the search go on
        r.await(offset + limit);
        synchronized (r) {
            if (r.entry < 0) {
                throw new IllegalStateException("a search's hits were asked for before its entry was committed");
            }
            if (r.failure != null) {
                throw new AirlockException(Errors.UNKNOWN_SEARCH, r.failure);
            }
            int from = Math.min(offset, r.hits.size());
            int to = Math.min(r.hits.size(), from + limit);
            List<Answer.Hit> page = List.copyOf(r.hits.subList(from, to));
            if (r.done) {
                SearchSummary s = r.summary;
                return new Answer.SearchResults(id, r.entry, s.filesMatched(), s.linesMatched(),
                        s.coverage().name().toLowerCase(Locale.ROOT), s.complete(), from, r.hits.size(), r.truncated, true, page);
            }
            long files = r.hits.stream().map(h -> h.ref() + '\0' + h.path()).distinct().count();
            return new Answer.SearchResults(id, r.entry, (int) files, r.hits.size(), "running", false, from, r.hits.size(),
                    r.truncated, false, page);
        }
    }

    private Answer searchPage(Request.SearchPage p) throws AirlockException {
        Open o = active();
        Running kept = o.searches.get(p.search());
        if (kept == null) {
            throw new AirlockException(Errors.UNKNOWN_SEARCH, "Search " + p.search() + " is not one of this session's last "
                    + MAX_KEPT_SEARCHES + " searches; run it again.");
        }
        return page(p.search(), kept, p.offset(), p.limit());
    }

    private static String indexState(Open o) throws AirlockException {
        if (o.symbols == null) {
            return "absent";
        }
        if (o.symbolsComplete) {
            return "complete";
        }
        IndexState state = o.symbols.state();
        o.symbolsComplete = state.status() == IndexState.Status.COMPLETE;
        return state.status().name().toLowerCase(Locale.ROOT);
    }

    /** Work that reads a lookup's answer from the bundle. */
    @FunctionalInterface
    interface AnswerWork<T> {
        T read() throws AirlockException;
    }

    /** A lookup's committed entry and the answer read for it. */
    record Recorded<T>(LogEntry entry, T answer) {
    }

    /**
     * Makes a lookup's entry durable ({@code record}, on this thread: the SQLite commit and the
     * high-water write) while {@code work} reads its answer from the bundle on the answer thread, and
     * returns the answer only once the entry is committed (issue 16, kbench: the wait for the disk and
     * the reading overlap instead of following each other). The answer stays in the keeper until then:
     * if the entry cannot be written, the work is waited for (it ends within its bounded reads, so no
     * read of the bundle outlives the failure), its answer is dropped and the failure is thrown: the
     * client gets the error and no code. A failure of the work after a committed entry is the answer's
     * failure, as when the lines were read after the entry.
     */
    <T> Recorded<T> recordWhile(AnswerWork<LogEntry> record, AnswerWork<T> work) throws AirlockException {
        java.util.concurrent.Future<T> pending = answerThread().submit(work::read);
        LogEntry entry;
        try {
            entry = record.read();
        } catch (AirlockException | RuntimeException e) {
            try {
                pending.get();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException ee) {
                e.addSuppressed(ee.getCause());
            }
            throw e;
        }
        try {
            return new Recorded<>(entry, pending.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AirlockException(Errors.INTERNAL, "The keeper was interrupted while reading the answer.");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AirlockException a) {
                throw a;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private synchronized ExecutorService answerThread() {
        if (answerThread == null) {
            answerThread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "keeper-answer");
                t.setDaemon(true);
                return t;
            });
        }
        return answerThread;
    }

    /**
     * The source lines of {@code ref}'s files: reads each file once (from the path map, not a scan of the
     * tree's listing per file as {@code SourceTree.find} does: the kernel has 70,000 files).
     */
    private static final class Lines {
        private final SourceTree source;
        private final Map<String, SourceEntry> files;
        private final Map<String, byte[]> read = new HashMap<>();

        Lines(SourceTree source, Map<String, SourceEntry> files) {
            this.source = source;
            this.files = files;
        }

        /** Line {@code number} of {@code path}; "" when the file is not in the tree or the line is past its end. */
        String line(String path, int number) throws AirlockException {
            if (!read.containsKey(path)) {
                SourceEntry e = files.get(path);
                read.put(path, e == null ? null : source.read(e, airlock.core.symbols.IndexBuilder.MAX_FILE_BYTES));
            }
            return DefinitionLines.line(read.get(path), number);
        }

        /** As {@code DefinitionLines.withLines}: the definitions, those the index gives no signature with their source line. */
        List<Definition> withLines(List<Definition> definitions) throws AirlockException {
            List<Definition> out = new ArrayList<>(definitions.size());
            for (Definition d : definitions) {
                out.add(!d.signature().isEmpty() ? d : new Definition(d.path(), d.name(), d.kind(), d.line(), d.column(),
                        d.endLine(), d.scope(), line(d.path(), d.line()), d.condition()));
            }
            return out;
        }
    }

    private static Answer.Definition definition(Definition def) {
        return new Answer.Definition(def.path(), clip(def.name(), Limits.MAX_SYMBOL), def.kind().name().toLowerCase(Locale.ROOT),
                Math.max(0, def.line()), Math.max(0, def.column()), clip(def.scope(), Limits.MAX_MESSAGE),
                clip(def.signature(), Limits.MAX_LINE_TEXT), clip(def.condition(), Limits.MAX_CONDITION));
    }

    /** The lines of the review ref's definitions, as the answer carries them (paths over the limit left out). */
    private AnswerWork<List<Answer.Definition>> definitionLines(Open o, List<Definition> shown) throws AirlockException {
        Lines lines = new Lines(o.source, files(o, o.source.reviewRef()));
        return () -> {
            List<Answer.Definition> out = new ArrayList<>();
            for (Definition def : lines.withLines(shown)) {
                if (def.path().length() <= Limits.MAX_PATH) {
                    out.add(definition(def));
                }
            }
            return out;
        };
    }

    private LogEntry recordLookup(Open o, String kind, String name, long found) throws AirlockException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("query", name);
        data.put("kind", kind);
        data.put("ref", o.source.reviewRef());
        data.put("finished", true);
        data.put("linesMatched", found);
        data.put("complete", true);
        return o.session.record(EntryType.SEARCH_RUN, data, SqlAction.NONE);
    }

    private Answer definitions(Request.Definitions d) throws AirlockException {
        Open o = active();
        List<Definition> found = o.symbols == null ? List.of() : o.symbols.definitions(d.name());
        List<Definition> shown = List.copyOf(found.subList(0, Math.min(found.size(), d.limit())));
        String state = indexState(o);
        // the definition lines are read while the entry is written; they leave only with the entry committed
        Recorded<List<Answer.Definition>> r = recordWhile(() -> recordLookup(o, "definitions", d.name(), shown.size()),
                definitionLines(o, shown));
        return new Answer.Definitions(d.name(), r.entry().seq(), state, r.answer());
    }

    /**
     * Go to symbol (issue 16, k4walk): the best-matching names' definitions, recorded as one
     * {@code search.run} {kind: symbols} before a line of the bundle is read for the answer.
     */
    private Answer searchSymbols(Request.SymbolSearch y) throws AirlockException {
        Open o = active();
        List<Definition> found = new ArrayList<>();
        if (o.symbols != null) {
            names:
            for (airlock.core.symbols.SymbolMatch m : o.symbols.searchSymbols(y.query(), y.limit())) {
                for (Definition def : o.symbols.definitions(m.name())) {
                    if (found.size() == y.limit()) {
                        break names;
                    }
                    found.add(def);
                }
            }
        }
        String state = indexState(o);
        Recorded<List<Answer.Definition>> r = recordWhile(() -> recordLookup(o, "symbols", y.query(), found.size()),
                definitionLines(o, found));
        return new Answer.Definitions(y.query(), r.entry().seq(), state, r.answer());
    }

    private Answer references(Request.References r) throws AirlockException {
        Open o = active();
        ReferencePage page = o.symbols == null ? new ReferencePage(List.of(), r.offset(), 0)
                : o.symbols.references(r.name(), r.offset(), r.limit());
        String state = indexState(o);
        Lines lines = new Lines(o.source, files(o, o.source.reviewRef()));
        // the reference lines are read while the entry is written; they leave only with the entry committed
        Recorded<List<Answer.Reference>> done = recordWhile(
                () -> recordLookup(o, "references", r.name(), page.references().size()), () -> {
                    List<Answer.Reference> out = new ArrayList<>();
                    for (Reference ref : page.references()) {
                        if (ref.path().length() <= Limits.MAX_PATH) {
                            out.add(new Answer.Reference(ref.path(), Math.max(0, ref.line()), Math.max(0, ref.column()),
                                    ref.call(), clip(lines.line(ref.path(), ref.line()), Limits.MAX_LINE_TEXT)));
                        }
                    }
                    return out;
                });
        return new Answer.References(r.name(), done.entry().seq(), state, page.offset(), page.total(), done.answer());
    }

    // ----- history/diff: compare, diffs, history, blame, callers, line counts (issue 16, kread) -----

    /** A diff as the keeper keeps it between pages: the change (null: the commit did not change the file) and its base. */
    private record KeptDiff(String from, String to, airlock.core.history.FileDiff diff) {
    }

    private static airlock.core.git.GitSource git(Open o) throws AirlockException {
        if (o.source instanceof airlock.core.git.GitSource git) {
            return git;
        }
        throw new AirlockException("history.none", "The bundle under review has no version history.");
    }

    /** A ref of the bundle, or a commit id (40 hex digits) of a commit in the bundle's repository, as its commit id. */
    private static String commitOfName(Open o, airlock.core.git.GitSource git, String name) throws AirlockException {
        if (o.source.refs().contains(name)) {
            return o.source.commitOf(name);
        }
        if (!name.matches("[0-9a-f]{40}")) {
            throw new AirlockException(Errors.NOT_FOUND, "'" + clip(name, 100) + "' is neither a ref of the bundle nor a commit id.");
        }
        try (org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(git.repository())) {
            return walk.parseCommit(org.eclipse.jgit.lib.ObjectId.fromString(name)).name();
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new AirlockException(Errors.NOT_FOUND, "The bundle has no commit " + name + ".");
        }
    }

    private List<airlock.core.history.FileChange> changesOf(Open o, String from, String to) throws AirlockException {
        String key = key(from, to);
        if (!key.equals(o.changesKey)) {
            o.changes = new airlock.core.history.VersionHistory(git(o)).changes(checkedRef(o, from), checkedRef(o, to),
                    ProgressMonitor.NONE);
            o.changesKey = key;
        }
        return o.changes;
    }

    /** The files changed between two refs: names, blob ids, kinds and line counts, no content; nothing is logged. */
    private Answer compare(Request.Compare c) throws AirlockException {
        Open o = active();
        List<airlock.core.history.FileChange> all = changesOf(o, c.from(), c.to());
        List<Answer.Change> page = new ArrayList<>();
        for (int i = c.offset(); i < all.size() && i < (long) c.offset() + c.limit(); i++) {
            airlock.core.history.FileChange ch = all.get(i);
            if (fits(ch.oldPath()) && fits(ch.newPath())) {
                page.add(change(ch));
            }
        }
        return new Answer.Changes(c.from(), c.to(), c.offset(), all.size(), page);
    }

    private static boolean fits(String path) {
        return path == null || path.length() <= Limits.MAX_PATH;
    }

    private static Answer.Change change(airlock.core.history.FileChange ch) {
        return new Answer.Change(ch.kind().name().toLowerCase(Locale.ROOT), ch.oldPath(), ch.newPath(), ch.oldBlob(), ch.newBlob(),
                Math.max(-1, ch.linesAdded()), Math.max(-1, ch.linesRemoved()), ch.verdict().name().toLowerCase(Locale.ROOT));
    }

    /**
     * A page of a diff. The first time this session asks for a diff, the keeper computes it, then
     * commits a {@code file.opened} entry (view {@code diff}) for each side that exists (as the
     * in-process window reports each version a diff shows), and only then answers rows; later pages
     * of the same diff name those entries. A line longer than a row may carry makes the file
     * {@code too_large} (no rows).
     */
    private Answer diff(Request.Diff d) throws AirlockException {
        Open o = active();
        airlock.core.git.GitSource git = git(o);
        String key = "diff" + '\0' + d.from() + '\0' + d.to() + '\0' + d.path();
        if (!key.equals(o.diffKey)) {
            var versions = new airlock.core.history.VersionHistory(git);
            KeptDiff kept;
            if (d.from() == null) {
                String commit = commitOfName(o, git, d.to());
                airlock.core.history.FileChange change = versions.changeAgainstParent(commit, d.path());
                kept = change == null ? new KeptDiff(null, commit, null)
                        : new KeptDiff(versions.parentOf(commit), commit, sendable(versions.diff(change, airlock.core.history.Versions.CONTEXT_LINES)));
            } else {
                airlock.core.history.FileChange change = null;
                for (airlock.core.history.FileChange ch : changesOf(o, d.from(), d.to())) {
                    if (d.path().equals(ch.path()) || (change == null && d.path().equals(ch.oldPath()))) {
                        change = ch;
                    }
                }
                if (change == null) {
                    throw new AirlockException(Errors.NOT_FOUND, "'" + clip(d.path(), 200) + "' did not change from " + d.from()
                            + " to " + d.to() + ".");
                }
                kept = new KeptDiff(d.from(), d.to(), sendable(versions.diff(change, airlock.core.history.Versions.CONTEXT_LINES)));
            }
            o.diffKey = key;
            o.diff = kept;
        }
        KeptDiff kept = o.diff;
        if (kept.diff() == null) {
            return new Answer.DiffPage(null, kept.to(), d.path(), null, "text", 0, 0, List.of(), d.offset(), 0, List.of());
        }
        airlock.core.history.FileDiff diff = kept.diff();
        airlock.core.history.FileChange change = diff.change();
        List<Long> entries = o.versionReads.get(key);
        if (entries == null) {
            List<Long> recorded = new ArrayList<>();
            if (change.oldPath() != null && kept.from() != null) {
                recorded.add(recordVersion(o, kept.from(), change.oldPath(), change.oldBlob(), diff.oldSize(), "diff"));
            }
            if (change.newPath() != null) {
                recorded.add(recordVersion(o, kept.to(), change.newPath(), change.newBlob(), diff.newSize(), "diff"));
            }
            entries = List.copyOf(recorded);
            o.versionReads.put(key, entries);
        }
        // only now, with both versions recorded, do rows of them leave the keeper
        List<Answer.Row> rows = new ArrayList<>();
        long budget = 0;
        for (int i = d.offset(); i < diff.rows().size() && rows.size() < d.limit(); i++) {
            airlock.core.history.DiffRow r = diff.rows().get(i);
            long cost = 200L + 6L * (length(r.leftText()) + length(r.rightText()))
                    + 24L * (r.leftSpans().size() + r.rightSpans().size());
            if (!rows.isEmpty() && budget + cost > Limits.PAGE_TEXT_BUDGET) {
                break;
            }
            budget += cost;
            rows.add(new Answer.Row(r.kind().name().toLowerCase(Locale.ROOT), r.leftLine(), r.leftText(), r.rightLine(),
                    r.rightText(), rowSpans(r.leftSpans()), rowSpans(r.rightSpans()), r.skipped()));
        }
        return new Answer.DiffPage(kept.from(), kept.to(), d.path(), change(change), diff.verdict().name().toLowerCase(Locale.ROOT),
                diff.oldSize(), diff.newSize(), entries, d.offset(), diff.rows().size(), rows);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    /** The diff as the protocol can carry it: a line (or a line's spans) beyond a row's limits makes it too large to send. */
    private static airlock.core.history.FileDiff sendable(airlock.core.history.FileDiff diff) {
        for (airlock.core.history.DiffRow r : diff.rows()) {
            if (length(r.leftText()) > Limits.MAX_ROW_TEXT || length(r.rightText()) > Limits.MAX_ROW_TEXT
                    || r.leftSpans().size() > Limits.MAX_ROW_SPANS || r.rightSpans().size() > Limits.MAX_ROW_SPANS
                    || (r.leftText() != null && r.leftText().indexOf('\0') >= 0)
                    || (r.rightText() != null && r.rightText().indexOf('\0') >= 0)) {
                return new airlock.core.history.FileDiff(diff.change(), airlock.core.history.DiffVerdict.TOO_LARGE, List.of(),
                        diff.oldSize(), diff.newSize());
            }
        }
        return diff;
    }

    private static List<Answer.RowSpan> rowSpans(List<airlock.core.history.Span> spans) {
        List<Answer.RowSpan> out = new ArrayList<>(spans.size());
        for (airlock.core.history.Span sp : spans) {
            out.add(new Answer.RowSpan(sp.start(), sp.end()));
        }
        return out;
    }

    /** Writes the {@code file.opened} entry of a file version a diff or blame shows (the in-process window's report). */
    private static long recordVersion(Open o, String ref, String path, String blob, long size, String view) throws AirlockException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("path", path);
        data.put("blob", blob);
        data.put("ref", ref);
        data.put("size", size);
        data.put("view", view);
        return o.session.record(EntryType.FILE_OPENED, data, SqlAction.NONE).seq();
    }

    /** A page of a file's history at the review ref; recorded once per file and session as a {@code search.run} (kind history). */
    private Answer history(Request.History h) throws AirlockException {
        Open o = active();
        String ref = o.source.reviewRef();
        String key = "history" + '\0' + ref + '\0' + h.path();
        if (!key.equals(o.historyKey)) {
            o.history = new airlock.core.history.FileTimeline(git(o)).history(ref, h.path(), Limits.MAX_HISTORY, ProgressMonitor.NONE);
            o.historyKey = key;
        }
        airlock.core.history.FileHistory history = o.history;
        List<Long> entries = o.versionReads.get(key);
        if (entries == null) {
            entries = List.of(recordLookup(o, "history", h.path(), history.commits().size()).seq());
            o.versionReads.put(key, entries);
        }
        List<Answer.Commit> page = new ArrayList<>();
        for (int i = h.offset(); i < history.commits().size() && page.size() < h.limit(); i++) {
            page.add(commit(history.commits().get(i)));
        }
        return new Answer.Commits(ref, h.path(), entries.get(0), history.truncated(), h.offset(), history.commits().size(), page);
    }

    private static Answer.Commit commit(airlock.core.history.CommitInfo c) {
        return new Answer.Commit(c.id(), clip(c.author(), Limits.MAX_AUTHOR), clip(c.email(), Limits.MAX_AUTHOR),
                c.when().toString(), clip(c.summary(), Limits.MAX_SUMMARY));
    }

    /**
     * A page of a file's blame at the review ref. A text file's blame is recorded once per session as
     * {@code file.opened} (view {@code blame}) before its first line leaves; a binary or too large file
     * has no lines and no entry ({@code entry} -1), as the window shows no blame of it.
     */
    private Answer blame(Request.BlameFile b) throws AirlockException {
        Open o = active();
        String ref = o.source.reviewRef();
        String key = "blame" + '\0' + ref + '\0' + b.path();
        if (!key.equals(o.blameKey)) {
            airlock.core.history.Blame blame = new airlock.core.history.FileTimeline(git(o)).blame(ref, b.path(), ProgressMonitor.NONE);
            for (airlock.core.history.BlameLine line : blame.lines()) {
                if (line.text().length() > Limits.MAX_ROW_TEXT || line.text().indexOf('\0') >= 0) {
                    blame = new airlock.core.history.Blame(ref, b.path(), airlock.core.history.DiffVerdict.TOO_LARGE, List.of());
                    break;
                }
            }
            o.blame = blame;
            o.blameKey = key;
        }
        airlock.core.history.Blame blame = o.blame;
        String verdict = blame.verdict().name().toLowerCase(Locale.ROOT);
        if (blame.verdict() != airlock.core.history.DiffVerdict.TEXT) {
            return new Answer.BlamePage(ref, b.path(), verdict, -1, b.offset(), 0, List.of(), List.of());
        }
        List<Long> entries = o.versionReads.get(key);
        if (entries == null) {
            SourceEntry entry = entry(o, ref, b.path());
            entries = List.of(recordVersion(o, ref, entry.path(), entry.blobId(), entry.size(), "blame"));
            o.versionReads.put(key, entries);
        }
        List<Answer.BlameRow> lines = new ArrayList<>();
        Map<String, Answer.Commit> commits = new LinkedHashMap<>();
        long budget = 0;
        for (int i = b.offset(); i < blame.lines().size() && lines.size() < b.limit(); i++) {
            airlock.core.history.BlameLine line = blame.lines().get(i);
            long cost = 300L + 6L * line.text().length() + (line.sourcePath() == null ? 0 : 6L * line.sourcePath().length());
            if (!lines.isEmpty() && budget + cost > Limits.PAGE_TEXT_BUDGET) {
                break;
            }
            budget += cost;
            String commit = null;
            if (line.commit() != null) {
                commit = line.commit().id();
                if (!commits.containsKey(commit)) {
                    commits.put(commit, commit(line.commit()));
                    budget += 6L * (Limits.MAX_AUTHOR * 2 + Limits.MAX_SUMMARY) / 4;
                }
            }
            lines.add(new Answer.BlameRow(line.line(), line.text(), commit,
                    line.sourcePath() == null || line.sourcePath().length() > Limits.MAX_PATH ? null : line.sourcePath()));
        }
        return new Answer.BlamePage(ref, b.path(), verdict, entries.get(0), b.offset(), blame.lines().size(),
                List.copyOf(commits.values()), lines);
    }

    /** Callers of a name: recorded as a {@code search.run} (kind callers) before the call lines are read. */
    private Answer callers(Request.Callers c) throws AirlockException {
        Open o = active();
        List<airlock.core.symbols.CallSite> sites = o.symbols == null ? List.of() : o.symbols.callers(c.name(), c.limit());
        String state = indexState(o);
        Lines lines = new Lines(o.source, files(o, o.source.reviewRef()));
        Recorded<List<Answer.Caller>> done = recordWhile(() -> recordLookup(o, "callers", c.name(), sites.size()), () -> {
            List<Answer.Caller> out = new ArrayList<>();
            for (airlock.core.symbols.CallSite site : sites) {
                Definition def = site.caller();
                Reference at = site.at();
                if (at.path().length() > Limits.MAX_PATH || def.path().length() > Limits.MAX_PATH || out.size() == c.limit()) {
                    continue;
                }
                String line = clip(lines.line(at.path(), at.line()), Limits.MAX_LINE_TEXT);
                out.add(new Answer.Caller(definition(def), at.path(), Math.max(0, at.line()), Math.max(0, at.column()), line));
            }
            return out;
        });
        return new Answer.Callers(c.name(), done.entry().seq(), state, done.answer());
    }

    /** Line counts kept by blob id (a count is the same at every ref that holds the blob). */
    private final Map<String, Integer> lineCountsByBlob = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A page of the line counts of every file at a ref, for the file tree's review coverage: counts,
     * not content, so nothing is logged (as {@code files.list} sends sizes). The keeper reads the blobs.
     */
    private Answer lineCounts(Request.LineCounts l) throws AirlockException {
        Open o = active();
        List<SourceEntry> all = o.source.list(checkedRef(o, l.ref()));
        List<Answer.LineCount> page = new ArrayList<>();
        for (int i = l.offset(); i < all.size() && i < (long) l.offset() + l.limit(); i++) {
            SourceEntry e = all.get(i);
            if (e.path().length() > Limits.MAX_PATH) {
                continue;
            }
            Integer lines = lineCountsByBlob.get(e.blobId());
            if (lines == null) {
                lines = e.kind() == airlock.core.source.EntryKind.SUBMODULE || e.kind() == airlock.core.source.EntryKind.SYMLINK ? 0
                        : airlock.core.annotate.LineCounting.count(o.source.read(e, airlock.core.annotate.LineCounting.MAX_BYTES));
                lineCountsByBlob.put(e.blobId(), lines);
            }
            page.add(new Answer.LineCount(e.path(), e.blobId(), Math.min(lines, Limits.MAX_LINE)));
        }
        return new Answer.LineCounts(l.ref(), l.offset(), all.size(), page);
    }

    private Answer createAnnotation(Request.CreateAnnotation c) throws AirlockException {
        Open o = active();
        SourceEntry entry = opened(o, c.ref(), c.path());
        if (entry.size() > MAX_ANNOTATE_BYTES) {
            throw new AirlockException("annotation.file.large", "Findings can be made on files up to "
                    + (MAX_ANNOTATE_BYTES >> 20) + " MiB; this one has " + entry.size() + " bytes.");
        }
        DecodedContent decoded = new Decoder(ContentLimits.DEFAULT).decode(o.source.read(entry, MAX_ANNOTATE_BYTES), entry.size());
        if (!decoded.isText()) {
            throw new AirlockException("annotation.file.binary", "The file is not text; a finding needs lines to point at.");
        }
        LineIndex text = new LineIndex(decoded.text());
        List<AnchoredRange> ranges = new ArrayList<>();
        for (Request.Range r : c.ranges()) {
            int start = text.offsetOf(r.startLine(), r.startColumn());
            int end = text.offsetOf(r.endLine(), r.endColumn());
            TextRange range = text.range(start, end);
            ranges.add(AnchoredRange.of(text, range));
        }
        Anchor anchor = new Anchor(c.ref(), o.source.commitOf(c.ref()), entry.path(), entry.blobId(), ranges);
        Annotation a = o.annotations.create(anchor, content(c.content()));
        return saved(o, a);
    }

    private Answer editAnnotation(Request.EditAnnotation e) throws AirlockException {
        Open o = active();
        return saved(o, o.annotations.edit(e.id(), content(e.content())));
    }

    private static AnnotationContent content(Request.Content c) {
        return new AnnotationContent(c.title(), c.body(), Severity.fromId(c.severity()), Confidence.fromId(c.confidence()),
                c.cweId(), c.tags());
    }

    private static Answer saved(Open o, Annotation a) {
        TextRange first = a.anchor().primary().range();
        return new Answer.AnnotationSaved(a.id(), a.anchor().ref(), a.anchor().commit(), a.anchor().path(), a.anchor().blobId(),
                first.startLine(), first.endLine(), a.title(), a.severity().id(), a.status().id(), o.last.seq());
    }

    // ----- findings (issue 16, kwire) -----

    /** A page of the session's findings, marks or bookmarks: their places and what the inspector wrote, no code. */
    private Answer listFindings(Request.ListFindings l) throws AirlockException {
        Open o = active();
        List<Answer.FindingInfo> annotations = new ArrayList<>();
        List<Answer.MarkInfo> marks = new ArrayList<>();
        List<Answer.BookmarkInfo> bookmarks = new ArrayList<>();
        int total;
        switch (l.kind()) {
            case "annotations" -> {
                List<Annotation> all = o.annotations.list();
                total = all.size();
                for (Annotation a : page(all, l.offset(), l.limit())) {
                    annotations.add(findingInfo(a));
                }
            }
            case "marks" -> {
                List<ReviewMark> all = o.annotations.reviewMarks();
                total = all.size();
                for (ReviewMark m : page(all, l.offset(), l.limit())) {
                    marks.add(new Answer.MarkInfo(m.id(), m.ref(), m.path(), m.blobId(), m.firstLine(), m.lastLine(),
                            clip(m.author(), Limits.MAX_NAME), m.created().toString()));
                }
            }
            default -> {
                List<airlock.core.annotate.Bookmark> all = o.annotations.bookmarks();
                total = all.size();
                for (airlock.core.annotate.Bookmark b : page(all, l.offset(), l.limit())) {
                    bookmarks.add(new Answer.BookmarkInfo(b.id(), b.ref(), b.path(), b.line(), clip(b.label(), Limits.MAX_TITLE),
                            clip(b.author(), Limits.MAX_NAME), b.created().toString()));
                }
            }
        }
        return new Answer.FindingsPage(l.kind(), l.offset(), Math.min(total, Limits.MAX_FINDINGS), annotations, marks, bookmarks);
    }

    private static <T> List<T> page(List<T> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        return all.subList(from, Math.min(all.size(), from + limit));
    }

    private static Answer.FindingInfo findingInfo(Annotation a) {
        List<Answer.RangeInfo> ranges = new ArrayList<>();
        for (AnchoredRange r : a.anchor().ranges()) {
            TextRange t = r.range();
            var f = r.fingerprint();
            ranges.add(new Answer.RangeInfo(t.startLine(), t.startColumn(), t.endLine(), t.endColumn(), t.startOffset(), t.endOffset(),
                    f.textHash(), f.linesHash(), f.headHash(), f.beforeHash(), f.afterHash(), f.lineCount()));
        }
        return new Answer.FindingInfo(a.id(), a.anchor().ref(), a.anchor().commit(), a.anchor().path(), a.anchor().blobId(),
                a.anchorState().name().toLowerCase(Locale.ROOT), ranges, a.title(), a.body(), a.severity().id(), a.confidence().id(),
                a.cweId(), a.tags(), a.status().id(), clip(a.author(), Limits.MAX_NAME), a.created().toString(),
                a.updated().toString(), a.replies().size());
    }

    // ----- findings export/import (issue 16, kexport) -----

    private airlock.core.cwe.CweCatalogue catalogue;
    private long nextImport = 1;

    /**
     * Renders the open session's findings as {@code LiveExport} does in process: the room policy
     * refuses the export when it keeps findings in the room and limits quoted code; nothing is
     * recorded until the workstation reports every file written and read back.
     */
    private Answer exportFindings(Request.FindingsExport x) throws AirlockException {
        Open o = active();
        java.util.EnumSet<airlock.core.export.ExportFormat> formats = java.util.EnumSet.noneOf(airlock.core.export.ExportFormat.class);
        for (String f : x.formats()) {
            formats.add(airlock.core.export.ExportFormat.valueOf(f.toUpperCase(Locale.ROOT)));
        }
        if (catalogue == null) {
            catalogue = new airlock.core.cwe.CweCatalogueLoader(new com.fasterxml.jackson.databind.ObjectMapper()).loadBundled();
        }
        String ref = o.source.reviewRef();
        String manifest = o.session.header().bundleManifestSha256();
        String shortRef = ref.startsWith("refs/tags/") ? ref.substring(10) : ref.startsWith("refs/heads/") ? ref.substring(11) : ref;
        airlock.core.export.BundleIdentity bundle = new airlock.core.export.BundleIdentity(manifest == null ? "" : manifest,
                o.source.label(), shortRef, ref, o.source.commitOf(ref));
        List<airlock.core.annotate.CoverageCalculator.FileLines> lines = new ArrayList<>();
        for (SourceEntry e : o.source.list(ref)) {
            Integer n = lineCountsByBlob.get(e.blobId());
            if (n == null) {
                n = e.kind() == airlock.core.source.EntryKind.SUBMODULE || e.kind() == airlock.core.source.EntryKind.SYMLINK ? 0
                        : airlock.core.annotate.LineCounting.count(o.source.read(e, airlock.core.annotate.LineCounting.MAX_BYTES));
                lineCountsByBlob.put(e.blobId(), n);
            }
            lines.add(new airlock.core.annotate.CoverageCalculator.FileLines(e.path(), e.blobId(), n));
        }
        o.export = null;
        List<airlock.core.annotate.store.LiveExport.Rendered> rendered = new airlock.core.annotate.store.LiveExport(catalogue,
                new airlock.core.media.SafeWriter(airlock.core.media.WriteHooks.NONE), clock, airlock.core.BuildInfo.version())
                .render(o.session, annotationStore, bundle, lines, formats);
        o.export = rendered;
        List<Answer.ExportFileInfo> files = new ArrayList<>();
        for (var r : rendered) {
            files.add(new Answer.ExportFileInfo(r.name(), r.format().id(), r.bytes().length, r.sha256()));
        }
        return new Answer.FindingsExport(files);
    }

    private airlock.core.annotate.store.LiveExport.Rendered rendered(Open o, String name) throws AirlockException {
        if (o.export != null) {
            for (var r : o.export) {
                if (r.name().equals(name)) {
                    return r;
                }
            }
        }
        throw new AirlockException("findings.file.unknown", "The export rendered last in this session has no file named "
                + clip(name, Limits.MAX_SEAL_FILE_NAME) + "; ask for the export first.");
    }

    private Answer exportFile(Request.FindingsFile f) throws AirlockException {
        Open o = active();
        var r = rendered(o, f.name());
        byte[] all = r.bytes();
        if (f.offset() > all.length) {
            throw new AirlockException(Errors.FIELD, "offset " + f.offset() + " is past the file's " + all.length + " bytes");
        }
        int from = (int) f.offset();
        int to = (int) Math.min(all.length, (long) from + f.length());
        return new Answer.FindingsFileData(r.name(), from, java.util.Arrays.copyOfRange(all, from, to), all.length, r.sha256(),
                to == all.length);
    }

    /** Records the export only when the workstation's list is exactly the keeper's rendered files, from the keeper's copies. */
    private Answer exported(Request.FindingsExported x) throws AirlockException {
        Open o = active();
        List<airlock.core.annotate.store.LiveExport.Rendered> mine = o.export;
        boolean same = mine != null && mine.size() == x.files().size();
        if (same) {
            Map<String, Request.WrittenFile> theirs = new HashMap<>();
            for (Request.WrittenFile w : x.files()) {
                theirs.put(w.name(), w);
            }
            for (var r : mine) {
                Request.WrittenFile w = theirs.get(r.name());
                same &= w != null && w.size() == r.bytes().length && w.sha256().equals(r.sha256());
            }
        }
        if (!same) {
            throw new AirlockException("findings.export.mismatch", "The files reported are not the export the keeper rendered"
                    + " (every file, same names, sizes and SHA-256); nothing was recorded.");
        }
        o.export = null;
        long last = 0;
        for (var r : mine) {
            last = recordWritten(o, r);
        }
        return new Answer.Recorded("findings.export", o.session.state().name().toLowerCase(Locale.ROOT), last);
    }

    private static long recordWritten(Open o, airlock.core.annotate.store.LiveExport.Rendered r) throws AirlockException {
        long[] seq = new long[1];
        airlock.core.export.ExportService.recordWritten((type, data, action) -> {
            LogEntry e = o.session.record(type, data, action);
            o.last = e;
            seq[0] = e.seq();
            return e;
        }, r.format(), r.name(), r.bytes().length, r.sha256(), r.annotations(), r.policy());
        return seq[0];
    }

    /** A file attached to an import (the session log's entries, seal or disclosures), filled by chunks as the import is. */
    static final class ImportPart {
        final String part;
        final byte[] bytes;
        int have;

        ImportPart(String part, int size) {
            this.part = part;
            this.bytes = new byte[size];
        }
    }

    /** The pinned keys' folder a log attached to an import is verified against; null: none (then such an import is refused). */
    private Path trustRoot;

    /** Hands the service the home's trust folder (the keeper's composition root does, once). */
    synchronized void useTrustRoot(Path value) {
        this.trustRoot = value;
    }

    /**
     * Attaches a file of the session log an import is checked against (version 5): one of each part per
     * import; its bytes come as the import's do, under the part's own upload number.
     */
    private Answer importAttach(Request.FindingsImportAttach t) throws AirlockException {
        Open o = importUnderWay(t.upload());
        for (ImportPart p : o.importParts.values()) {
            if (p.part.equals(t.part())) {
                throw new AirlockException("findings.import.part", "This import already has its " + t.part() + ".");
            }
        }
        long number = nextImport++;
        o.importParts.put(number, new ImportPart(t.part(), (int) t.size())); // at most 256 MiB, checked by the codec
        return new Answer.FindingsImportProgress(number, 0, t.size());
    }

    /** Begins an import: its bytes are kept by the keeper in memory, in one array of the announced size (as the in-process importer reads the whole file). */
    private Answer importBegin(Request.FindingsImportBegin b) throws AirlockException {
        Open o = active();
        o.importBytes = null;
        o.importParts.clear();
        o.importNo = nextImport++;
        o.importHave = 0;
        o.importBytes = new byte[(int) b.size()]; // at most Limits.MAX_IMPORT_BYTES (256 MiB), checked by the codec
        return new Answer.FindingsImportProgress(o.importNo, 0, b.size());
    }

    private Open importUnderWay(long number) throws AirlockException {
        Open o = active();
        if (o.importBytes == null || o.importNo != number) {
            throw new AirlockException("findings.import.unknown", "Import " + number + " is not the one under way in this session.");
        }
        return o;
    }

    private Answer importChunk(Request.FindingsImportChunk c) throws AirlockException {
        Open part = active();
        ImportPart attached = part.importBytes == null ? null : part.importParts.get(c.upload());
        if (attached != null) {
            attached.have = appended(part, attached.bytes, attached.have, c);
            return new Answer.FindingsImportProgress(c.upload(), attached.have, attached.bytes.length);
        }
        Open o = importUnderWay(c.upload());
        o.importHave = appended(o, o.importBytes, o.importHave, c);
        return new Answer.FindingsImportProgress(o.importNo, o.importHave, o.importBytes.length);
    }

    /**
     * Appends a chunk to the import's file or an attached part: the chunk must start where the bytes so
     * far end and stay within the size announced, or the whole import is discarded. Answers the new length.
     */
    private int appended(Open o, byte[] into, int have, Request.FindingsImportChunk c) throws AirlockException {
        if (c.offset() != have) {
            throw new AirlockException("findings.import.order", "The keeper has " + have + " bytes of this file, not "
                    + c.offset() + ".");
        }
        byte[] data = c.data();
        if ((long) have + data.length > into.length) {
            discardImport(o);
            throw new AirlockException("findings.import.size", "The file would grow past the " + into.length
                    + " bytes announced; the import is discarded.");
        }
        System.arraycopy(data, 0, into, have, data.length);
        return have + data.length;
    }

    /** Discards the import under way (nothing was recorded for it); answers how far it had got. */
    private Answer importCancel(Request.FindingsImportCancel c) throws AirlockException {
        Open o = active();
        ImportPart attached = o.importBytes == null ? null : o.importParts.get(c.upload());
        if (attached == null) {
            importUnderWay(c.upload());
        }
        Answer.FindingsImportProgress was = attached != null
                ? new Answer.FindingsImportProgress(c.upload(), attached.have, attached.bytes.length)
                : new Answer.FindingsImportProgress(o.importNo, o.importHave, o.importBytes.length);
        discardImport(o); // a part's cancel gives up the whole import: its check could not be made
        return was;
    }

    private static void discardImport(Open o) {
        o.importBytes = null;
        o.importHave = 0;
        o.importParts.clear();
    }

    /** Parses the keeper's own copy as hostile input, adopts and records every finding, then answers. */
    private Answer importFinish(Request.FindingsImportFinish f) throws AirlockException {
        Open o = importUnderWay(f.upload());
        byte[] bytes = o.importBytes;
        int have = o.importHave;
        Map<String, ImportPart> parts = new HashMap<>();
        o.importParts.values().forEach(p -> parts.put(p.part, p));
        discardImport(o);
        if (have != bytes.length) {
            throw new AirlockException("findings.import.incomplete", "The keeper has " + have + " of the "
                    + bytes.length + " bytes announced; nothing was imported.");
        }
        for (ImportPart p : parts.values()) {
            if (p.have != p.bytes.length) {
                throw new AirlockException("findings.import.incomplete", "The keeper has " + p.have + " of the " + p.bytes.length
                        + " bytes of the " + p.part + " announced; nothing was imported.");
            }
        }
        airlock.core.annotate.store.FindingsImport.LogBytes log = null;
        airlock.core.log.PinnedKeys keys = null;
        if (!parts.isEmpty()) {
            if (!parts.containsKey("log")) {
                throw new AirlockException("annotations.import.log", "A seal or disclosures file was attached without its session"
                        + " log; attach the log too, or neither. Nothing was imported.");
            }
            if (trustRoot == null) {
                throw new AirlockException(Errors.INTERNAL, "This keeper has no pinned keys to check a session log against.");
            }
            keys = airlock.core.log.PinnedKeys.load(trustRoot); // the keeper's own pinned keys, never the workstation's
            log = new airlock.core.annotate.store.FindingsImport.LogBytes("attached to this import", parts.get("log").bytes,
                    parts.containsKey("seal") ? parts.get("seal").bytes : null,
                    parts.containsKey("disclosures") ? parts.get("disclosures").bytes : null);
        }
        LogEntry before = o.last;
        var outcome = new airlock.core.annotate.store.FindingsImport(keys, clock, () -> UUID.randomUUID().toString())
                .runBytes(bytes, log, o.source, o.source.reviewRef(), o.annotations);
        int moved = (int) outcome.count(airlock.core.annotate.AnchorState.MOVED);
        int outdated = (int) outcome.count(airlock.core.annotate.AnchorState.OUTDATED);
        long entry = o.last != null && o.last != before ? o.last.seq() : 0;
        return new Answer.FindingsImported(outcome.added().size(), moved, outdated, entry,
                outcome.logCheck() == null ? null : clip(outcome.logCheck(), Limits.MAX_MESSAGE));
    }

    private Answer unmark(Request.UnmarkReviewed u) throws AirlockException {
        Open o = active();
        ReviewMark mark = o.annotations.reviewMarks().stream().filter(m -> m.id().equals(u.id())).findFirst()
                .orElseThrow(() -> new AirlockException("annotations.unknown", "There is no review mark " + u.id()
                        + " in this session (it may have been taken back)."));
        o.annotations.unmarkReviewed(mark);
        return new Answer.FindingChanged(mark.id(), o.last.seq());
    }

    private Answer addBookmark(Request.AddBookmark b) throws AirlockException {
        Open o = active();
        SourceEntry entry = opened(o, b.ref(), b.path());
        airlock.core.annotate.Bookmark saved = o.annotations.addBookmark(b.ref(), entry.path(), b.line(), b.label());
        return new Answer.BookmarkAdded(saved.id(), saved.ref(), saved.path(), saved.line(), saved.label(), o.last.seq());
    }

    private Answer markReviewed(Request.MarkReviewed m) throws AirlockException {
        Open o = active();
        SourceEntry entry = opened(o, m.ref(), m.path());
        ReviewMark mark = o.annotations.markReviewed(m.ref(), entry.path(), entry.blobId(), m.firstLine(), m.lastLine());
        return new Answer.Reviewed(mark.id(), m.ref(), entry.path(), entry.blobId(), m.firstLine(), m.lastLine(), o.last.seq());
    }

    private Answer end() throws AirlockException {
        if (open == null) {
            throw new AirlockException(Errors.NO_SESSION, "No session is open.");
        }
        Open o = open;
        int files = o.source.list(o.source.reviewRef()).size();
        ActiveSession.Ending ending = o.session.end(o.session.inspector(), files);
        long entries = o.session.entryCount();
        open = null;
        close(o);
        return new Answer.SessionEnded(o.session.id(), entries, ending.summary().filesOpened(), ending.summary().searches(),
                ending.finalCheckpoint().text());
    }

    private static void close(Open o) {
        stopSearch(o);
        if (o.searchIndex != null) {
            o.searchIndex.close();
        }
        if (o.symbols != null) {
            o.symbols.close();
        }
        o.source.close();
    }

    static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        String t = s.replace('\0', '\uFFFD');
        return t.length() <= max ? t : t.substring(0, max);
    }

    /** Closes what the open session holds; the session itself stays open in the log (resumed at the next start). */
    synchronized void close() {
        if (open != null) {
            close(open);
            open = null;
        }
        if (answerThread != null) {
            answerThread.shutdownNow();
        }
        if (searchThread != null) {
            searchThread.shutdownNow();
        }
    }
}
