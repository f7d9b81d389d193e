package airlock.protocol;

import java.util.List;

/**
 * What the workstation may ask the keeper: the whole, enumerated set. No request carries a hash,
 * a sequence number, a time, a checkpoint or a signature: the keeper computes those itself. Each
 * record checks its limits ({@link Limits}) when built.
 */
public sealed interface Request {

    /** The wire name of the operation, e.g. {@code file.open}. */
    String op();

    /** The first frame of every connection: the protocol version the client speaks and its name. */
    record Hello(int version, String client) implements Request {
        public Hello {
            Check.range(version, "version", 0, 65_535);
            Check.name(client, "client", Limits.MAX_CLIENT_NAME);
        }

        public String op() {
            return "hello";
        }
    }

    /** The accepted bundles in the keeper's store (to choose one for a session). */
    record ListBundles() implements Request {
        public String op() {
            return "bundles.list";
        }
    }

    /**
     * Starts a session on an accepted bundle, confirmed as the room policy says: no confirmation, or
     * the room PIN typed by the supervisor. A supervisor key never crosses this channel.
     *
     * @param bundle the store id of an accepted bundle, as {@link Answer.Bundles} named it
     * @param pin        the room PIN, or null when the policy needs none
     * @param passphrase the inspector's own passphrase when the policy names its inspectors, else null
     */
    record StartSession(String inspector, String organisation, String badge, String bundle, String pin, String passphrase,
                        String challenge, String signature) implements Request {
        public StartSession(String inspector, String organisation, String badge, String bundle, String pin) {
            this(inspector, organisation, badge, bundle, pin, null);
        }

        public StartSession(String inspector, String organisation, String badge, String bundle, String pin, String passphrase) {
            this(inspector, organisation, badge, bundle, pin, passphrase, null, null);
        }

        public StartSession {
            // confirmation (room): the keeper's challenge and the supervisor's signature of its statement, never a key
            Check.optionalChallenge(challenge, "challenge");
            Check.optionalSignature(signature, "signature");
            Check.signedPair(challenge, signature);
            if (challenge != null && pin != null) {
                throw new IllegalArgumentException("a start confirmed by a signature carries no pin");
            }
            Check.name(inspector, "inspector", Limits.MAX_NAME);
            Check.name(organisation, "organisation", Limits.MAX_NAME);
            Check.optionalName(badge, "badge", Limits.MAX_NAME);
            Check.name(bundle, "bundle", Limits.MAX_BUNDLE_ID);
            Check.optionalName(pin, "pin", Limits.MAX_PIN);
            Check.optionalName(passphrase, "passphrase", Limits.MAX_PASSPHRASE);
        }

        public String op() {
            return "session.start";
        }

        @Override
        public String toString() {
            return "StartSession[inspector=" + inspector + ", organisation=" + organisation + ", badge=" + badge + ", bundle="
                    + bundle + ", pin=" + (pin == null ? "none" : "(" + pin.length() + " characters)")
                    + ", passphrase=" + (passphrase == null ? "none" : "(" + passphrase.length() + " characters)") + "]";
        }
    }

    /** The keeper's state: whether a session is open, locked, expired. */
    record Status() implements Request {
        public String op() {
            return "status";
        }
    }

    /** A page of the file list at {@code ref} (paths and sizes only: no content). Needs an open session. */
    record ListFiles(String ref, int offset, int limit) implements Request {
        public ListFiles {
            Check.name(ref, "ref", Limits.MAX_REF);
            Check.range(offset, "offset", 0, Integer.MAX_VALUE);
            Check.range(limit, "limit", 1, Limits.MAX_LISTING_PAGE);
        }

        public String op() {
            return "files.list";
        }
    }

    /** Opens a file: the keeper records {@code file.opened}, then answers its metadata. */
    record OpenFile(String ref, String path) implements Request {
        public OpenFile {
            Check.name(ref, "ref", Limits.MAX_REF);
            Check.text(path, "path", Limits.MAX_PATH);
        }

        public String op() {
            return "file.open";
        }
    }

    /** Bytes of a file opened earlier in this session. */
    record ReadPage(String ref, String path, long offset, int length) implements Request {
        public ReadPage {
            Check.name(ref, "ref", Limits.MAX_REF);
            Check.text(path, "path", Limits.MAX_PATH);
            Check.range(offset, "offset", 0, Limits.MAX_OFFSET);
            Check.range(length, "length", 1, Limits.MAX_PAGE_BYTES);
        }

        public String op() {
            return "file.page";
        }
    }

    /**
     * Runs a search: the keeper runs it to the end (at most {@link Limits#MAX_SEARCH_HITS} hits kept),
     * records {@code search.run}, then answers the first {@code limit} hits.
     *
     * @param ref the ref to search, or null for every ref of the bundle
     * @param diffFrom null, or the base ref: only lines of files that differ from it are searched (since version 3)
     */
    record Search(String pattern, boolean regex, boolean ignoreCase, boolean wholeWord, List<String> include,
                  List<String> exclude, List<String> languages, String ref, int limit, String diffFrom) implements Request {
        /** A search of whole files (no {@code diffFrom}). */
        public Search(String pattern, boolean regex, boolean ignoreCase, boolean wholeWord, List<String> include,
                      List<String> exclude, List<String> languages, String ref, int limit) {
            this(pattern, regex, ignoreCase, wholeWord, include, exclude, languages, ref, limit, null);
        }

        public Search {
            // history/diff (issue 16, kread): diffFrom, the base ref of a search of changed lines only, needs a ref
            Check.optionalName(diffFrom, "diffFrom", Limits.MAX_REF);
            if (diffFrom != null && ref == null) {
                throw new IllegalArgumentException("diffFrom needs a ref to compare with it");
            }
            Check.text(pattern, "pattern", Limits.MAX_PATTERN);
            if (pattern.isEmpty()) {
                throw new IllegalArgumentException("pattern is empty");
            }
            include = Check.texts(include, "include", Limits.MAX_GLOBS, Limits.MAX_GLOB);
            exclude = Check.texts(exclude, "exclude", Limits.MAX_GLOBS, Limits.MAX_GLOB);
            languages = Check.texts(languages, "languages", Limits.MAX_LANGUAGES, Limits.MAX_LANGUAGE);
            Check.optionalName(ref, "ref", Limits.MAX_REF);
            Check.range(limit, "limit", 1, Limits.MAX_HITS_PAGE);
        }

        public String op() {
            return "search.run";
        }
    }

    /** More hits of a search this session ran (already recorded). */
    record SearchPage(long search, int offset, int limit) implements Request {
        public SearchPage {
            Check.range(search, "search", 1, Integer.MAX_VALUE);
            Check.range(offset, "offset", 0, Limits.MAX_SEARCH_HITS);
            Check.range(limit, "limit", 1, Limits.MAX_HITS_PAGE);
        }

        public String op() {
            return "search.page";
        }
    }

    /** Where {@code name} is defined, each with its source line (a read: recorded before the answer). */
    record Definitions(String name, int limit) implements Request {
        public Definitions {
            Check.name(name, "name", Limits.MAX_SYMBOL);
            Check.range(limit, "limit", 1, Limits.MAX_SYMBOL_RESULTS);
        }

        public String op() {
            return "symbols.definitions";
        }
    }

    /** A page of the references to {@code name}, each with its source line (recorded before the answer). */
    record References(String name, long offset, int limit) implements Request {
        public References {
            Check.name(name, "name", Limits.MAX_SYMBOL);
            Check.range(offset, "offset", 0, Limits.MAX_OFFSET);
            Check.range(limit, "limit", 1, Limits.MAX_SYMBOL_RESULTS);
        }

        public String op() {
            return "symbols.references";
        }
    }

    // ----- history/diff: compare, commit diff, history, blame, callers, changed-lines search, line counts (issue 16, kread) -----

    /**
     * A page of the files changed from {@code from} to {@code to} (both refs of the bundle): paths, blob
     * ids, kinds and line counts, no content, nothing logged.
     */
    record Compare(String from, String to, int offset, int limit) implements Request {
        public Compare {
            Check.name(from, "from", Limits.MAX_REF);
            Check.name(to, "to", Limits.MAX_REF);
            Check.range(offset, "offset", 0, Integer.MAX_VALUE);
            Check.range(limit, "limit", 1, Limits.MAX_CHANGES_PAGE);
        }

        public String op() {
            return "history.compare";
        }
    }

    /**
     * A page of rows of the side-by-side diff of {@code path}: from ref {@code from} to ref {@code to},
     * or, with {@code from} null, what commit {@code to} (a 40-digit commit id of the bundle, as
     * {@code history.file} named it, or a ref) did to the file against its first parent. The keeper
     * records {@code file.opened} (view {@code diff}) for each side once per session before any row.
     */
    record Diff(String from, String to, String path, int offset, int limit) implements Request {
        public Diff {
            Check.optionalName(from, "from", Limits.MAX_REF);
            Check.name(to, "to", Limits.MAX_REF);
            Check.text(path, "path", Limits.MAX_PATH);
            Check.range(offset, "offset", 0, Limits.MAX_LINE);
            Check.range(limit, "limit", 1, Limits.MAX_DIFF_ROWS);
        }

        public String op() {
            return "history.diff";
        }
    }

    /** A page of the commits that touched {@code path} at the review ref (recorded once as a search.run, kind history). */
    record History(String path, int offset, int limit) implements Request {
        public History {
            Check.text(path, "path", Limits.MAX_PATH);
            Check.range(offset, "offset", 0, Limits.MAX_HISTORY);
            Check.range(limit, "limit", 1, Limits.MAX_COMMITS_PAGE);
        }

        public String op() {
            return "history.file";
        }
    }

    /** A page of the blame of {@code path} at the review ref (recorded once as file.opened, view blame). */
    record BlameFile(String path, int offset, int limit) implements Request {
        public BlameFile {
            Check.text(path, "path", Limits.MAX_PATH);
            Check.range(offset, "offset", 0, Limits.MAX_LINE);
            Check.range(limit, "limit", 1, Limits.MAX_DIFF_ROWS);
        }

        public String op() {
            return "history.blame";
        }
    }

    /** The functions that call {@code name}, each call with its line (a read: recorded before the answer). */
    record Callers(String name, int limit) implements Request {
        public Callers {
            Check.name(name, "name", Limits.MAX_SYMBOL);
            Check.range(limit, "limit", 1, Limits.MAX_SYMBOL_RESULTS);
        }

        public String op() {
            return "symbols.callers";
        }
    }

    /** A page of every file's line count at {@code ref}, for the tree's review coverage: counts only, no content. */
    record LineCounts(String ref, int offset, int limit) implements Request {
        public LineCounts {
            Check.name(ref, "ref", Limits.MAX_REF);
            Check.range(offset, "offset", 0, Integer.MAX_VALUE);
            Check.range(limit, "limit", 1, Limits.MAX_LIST);
        }

        public String op() {
            return "files.lines";
        }
    }

    /** A range of lines and columns (1-based, end exclusive, as the code view selects). */
    record Range(int startLine, int startColumn, int endLine, int endColumn) {
        public Range {
            Check.range(startLine, "startLine", 1, Limits.MAX_LINE);
            Check.range(startColumn, "startColumn", 1, Limits.MAX_LINE);
            Check.range(endLine, "endLine", 1, Limits.MAX_LINE);
            Check.range(endColumn, "endColumn", 1, Limits.MAX_LINE);
            if (endLine < startLine || (endLine == startLine && endColumn < startColumn)) {
                throw new IllegalArgumentException("range ends before it starts");
            }
        }
    }

    /** What the inspector types; severity and confidence by their ids ({@code high}, {@code medium}). */
    record Content(String title, String body, String severity, String confidence, Integer cweId, List<String> tags) {
        public Content {
            Check.text(title, "title", Limits.MAX_TITLE);
            Check.text(body, "body", Limits.MAX_BODY);
            Check.name(severity, "severity", 32);
            Check.name(confidence, "confidence", 32);
            if (cweId != null) {
                Check.range(cweId, "cweId", 1, 1_000_000);
            }
            tags = Check.texts(tags, "tags", Limits.MAX_TAGS, Limits.MAX_TAG);
        }
    }

    /** A finding on ranges of a file opened in this session; the keeper computes blob, commit and fingerprints. */
    record CreateAnnotation(String ref, String path, List<Range> ranges, Content content) implements Request {
        public CreateAnnotation {
            Check.name(ref, "ref", Limits.MAX_REF);
            Check.text(path, "path", Limits.MAX_PATH);
            ranges = Check.list(ranges, "ranges", Limits.MAX_RANGES);
            if (ranges.isEmpty()) {
                throw new IllegalArgumentException("ranges is empty");
            }
            java.util.Objects.requireNonNull(content, "content");
        }

        public String op() {
            return "annotation.create";
        }
    }

    /** New content for one of this session's findings. */
    record EditAnnotation(String id, Content content) implements Request {
        public EditAnnotation {
            Check.name(id, "id", Limits.MAX_ID);
            java.util.Objects.requireNonNull(content, "content");
        }

        public String op() {
            return "annotation.edit";
        }
    }

    // ----- findings triage through the keeper (issue 16, k1gui) -----

    /** A new triage status for one of this session's findings; the keeper logs from and to. */
    record SetAnnotationStatus(String id, String status) implements Request {
        public SetAnnotationStatus {
            Check.name(id, "id", Limits.MAX_ID);
            Check.name(status, "status", 32);
            if (!status.matches("open|confirmed|disputed|resolved|false_positive")) {
                throw new IllegalArgumentException("status must be open, confirmed, disputed, resolved or false_positive");
            }
        }

        public String op() {
            return "annotation.status";
        }
    }

    /** A reply to one of this session's findings; the keeper makes its id and time. */
    record ReplyToAnnotation(String id, String body) implements Request {
        public ReplyToAnnotation {
            Check.name(id, "id", Limits.MAX_ID);
            Check.text(body, "body", Limits.MAX_BODY);
            if (body.isBlank()) {
                throw new IllegalArgumentException("body is blank");
            }
        }

        public String op() {
            return "annotation.reply";
        }
    }

    // ----- findings through the keeper (issue 16, kwire): list, delete, take back a mark, bookmarks -----

    /**
     * A page of the session's findings, review marks or bookmarks as the keeper holds them (a resumed
     * session's too). Nothing of the code is in the answer: no kept text of a range, no line.
     *
     * @param kind {@code annotations}, {@code marks} or {@code bookmarks}
     */
    record ListFindings(String kind, int offset, int limit) implements Request {
        public ListFindings {
            Check.name(kind, "kind", 32);
            if (!kind.matches("annotations|marks|bookmarks")) {
                throw new IllegalArgumentException("kind must be annotations, marks or bookmarks");
            }
            Check.range(offset, "offset", 0, Limits.MAX_FINDINGS);
            Check.range(limit, "limit", 1, kind.equals("annotations") ? Limits.MAX_FINDINGS_PAGE : Limits.MAX_LIST);
        }

        public String op() {
            return "findings.list";
        }
    }

    /** Deletes one of this session's findings; the keeper logs {@code annotation.deleted} with the row. */
    record DeleteAnnotation(String id) implements Request {
        public DeleteAnnotation {
            Check.name(id, "id", Limits.MAX_ID);
        }

        public String op() {
            return "annotation.delete";
        }
    }

    /** Takes back one of this session's review marks; the keeper logs {@code review.unmarked} with the mark's place. */
    record UnmarkReviewed(String id) implements Request {
        public UnmarkReviewed {
            Check.name(id, "id", Limits.MAX_ID);
        }

        public String op() {
            return "review.unmark";
        }
    }

    /** A bookmark on a line of a file opened in this session; the keeper logs {@code bookmark.added}. */
    record AddBookmark(String ref, String path, int line, String label) implements Request {
        public AddBookmark {
            Check.name(ref, "ref", Limits.MAX_REF);
            Check.text(path, "path", Limits.MAX_PATH);
            Check.range(line, "line", 1, Limits.MAX_LINE);
            Check.text(label, "label", Limits.MAX_TITLE);
        }

        public String op() {
            return "bookmark.add";
        }
    }

    /** Marks lines of a file opened in this session as reviewed. */
    record MarkReviewed(String ref, String path, int firstLine, int lastLine) implements Request {
        public MarkReviewed {
            Check.name(ref, "ref", Limits.MAX_REF);
            Check.text(path, "path", Limits.MAX_PATH);
            Check.range(firstLine, "firstLine", 1, Limits.MAX_LINE);
            Check.range(lastLine, "lastLine", firstLine, Limits.MAX_LINE);
        }

        public String op() {
            return "review.mark";
        }
    }

    /** Ends the open session; the keeper writes the summary and the final checkpoint. */
    record EndSession() implements Request {
        public String op() {
            return "session.end";
        }
    }

    // ----- seal: the supervisor's screen through the keeper (issue 16, kseal) -----
    // No request carries a hash, time or sequence number that goes into the record. The one value
    // the keeper cannot make itself is the supervisor's signature over the statement it sent
    // (seal.statement): the supervisor's key never crosses this channel, only that signature does.

    /** The sessions that ended but have no verified copy on media yet; no session needed. */
    record SealSessions() implements Request {
        public String op() {
            return "seal.sessions";
        }
    }

    /** The keeper builds (or returns the one it holds) the review of an ended session: everything the seal screen shows. */
    record ReviewSeal(String session) implements Request {
        public ReviewSeal {
            Check.name(session, "session", Limits.MAX_ID);
        }

        public String op() {
            return "seal.review";
        }
    }

    /**
     * A supervisor's decision on one check of the review the keeper holds ({@code violation}: its id
     * as the review named it); the keeper records it in its ledger. {@code action}: redact, refuse or override.
     */
    record DecideSeal(String session, String violation, String action, String supervisor, String reason) implements Request {
        public DecideSeal {
            Check.name(session, "session", Limits.MAX_ID);
            Check.text(violation, "violation", Limits.MAX_PATH + 64);
            if (violation.isEmpty()) {
                throw new IllegalArgumentException("violation is empty");
            }
            Check.name(action, "action", 16);
            if (!action.matches("redact|refuse|override")) {
                throw new IllegalArgumentException("action must be redact, refuse or override");
            }
            Check.name(supervisor, "supervisor", Limits.MAX_NAME);
            Check.text(reason, "reason", Limits.MAX_MESSAGE);
        }

        public String op() {
            return "seal.decide";
        }
    }

    /** The exact bytes the supervisor's key must sign to seal {@code session} (the keeper makes them from its log). */
    record SealStatement(String session) implements Request {
        public SealStatement {
            Check.name(session, "session", Limits.MAX_ID);
        }

        public String op() {
            return "seal.statement";
        }
    }

    /**
     * The supervisor's Ed25519 signature (Base64, 64 bytes) over the statement of {@code session}; the
     * keeper verifies it against its pinned supervisor keys before it writes the seal.
     */
    record SignSeal(String session, String signature) implements Request {
        public SignSeal {
            Check.name(session, "session", Limits.MAX_ID);
            Check.name(signature, "signature", Limits.SEAL_SIGNATURE_BASE64);
            if (signature.length() != Limits.SEAL_SIGNATURE_BASE64 || !signature.matches("[A-Za-z0-9+/]{86}==")) {
                throw new IllegalArgumentException("signature is the Base64 of 64 bytes (88 characters)");
            }
        }

        public String op() {
            return "seal.sign";
        }
    }

    /** A piece of one outgoing file of the review the keeper holds (its bytes, for the preview and the write). */
    record SealFile(String session, String name, long offset, int length) implements Request {
        public SealFile {
            Check.name(session, "session", Limits.MAX_ID);
            Check.name(name, "name", Limits.MAX_SEAL_FILE_NAME);
            Check.range(offset, "offset", 0, Limits.MAX_OFFSET);
            Check.range(length, "length", 1, Limits.MAX_SEAL_CHUNK);
        }

        public String op() {
            return "seal.file";
        }
    }

    /** One file the workstation wrote to the medium, read back and found equal to the keeper's (name, size, SHA-256). */
    record WrittenFile(String name, long size, String sha256) {
        public WrittenFile {
            Check.name(name, "name", Limits.MAX_SEAL_FILE_NAME);
            Check.range(size, "size", 0, Limits.MAX_OFFSET);
            Check.name(sha256, "sha256", 64);
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("sha256 is 64 lower-case hex digits");
            }
        }
    }

    /**
     * The workstation wrote every outgoing file of sealed {@code session} to the medium and read each
     * back. The keeper compares the list with its own files (same names, sizes and SHA-256, all of
     * them) and only then records the export in its ledger, from its own copy.
     */
    record SealExported(String session, List<WrittenFile> files) implements Request {
        public SealExported {
            Check.name(session, "session", Limits.MAX_ID);
            files = Check.list(files, "files", Limits.MAX_SEAL_FILES);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("files is empty");
            }
        }

        public String op() {
            return "seal.exported";
        }
    }

    // ----- findings export/import through the keeper (issue 16, kexport) -----
    // As with the seal: the keeper renders the files of an export (its policy, its tables), the
    // workstation writes them to the medium, reads each back and reports name, size and SHA-256; the
    // keeper records only a report that is exactly its own files. An import is the file's bytes in
    // chunks; the keeper parses its own copy as hostile input. No hash, time or sequence number of
    // the record is sent.

    /** Renders the open session's findings in {@code formats} (ids of {@code ExportFormat}: json, sarif, html, md). */
    record FindingsExport(List<String> formats) implements Request {
        public FindingsExport {
            formats = Check.texts(formats, "formats", Limits.MAX_EXPORT_FORMATS, 8);
            if (formats.isEmpty()) {
                throw new IllegalArgumentException("formats is empty");
            }
            for (String f : formats) {
                if (!f.matches("json|sarif|html|md")) {
                    throw new IllegalArgumentException("a format is json, sarif, html or md");
                }
            }
            if (new java.util.HashSet<>(formats).size() != formats.size()) {
                throw new IllegalArgumentException("a format is named twice");
            }
        }

        public String op() {
            return "findings.export";
        }
    }

    /** A piece of one file of the export the keeper rendered last in this session. */
    record FindingsFile(String name, long offset, int length) implements Request {
        public FindingsFile {
            Check.name(name, "name", Limits.MAX_SEAL_FILE_NAME);
            Check.range(offset, "offset", 0, Limits.MAX_OFFSET);
            Check.range(length, "length", 1, Limits.MAX_SEAL_CHUNK);
        }

        public String op() {
            return "findings.file";
        }
    }

    /** The workstation wrote every file of the export to the medium and read each back equal to the keeper's. */
    record FindingsExported(List<WrittenFile> files) implements Request {
        public FindingsExported {
            files = Check.list(files, "files", Limits.MAX_EXPORT_FORMATS);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("files is empty");
            }
        }

        public String op() {
            return "findings.exported";
        }
    }

    /** Begins an import of a previous export's {@code annotations-*.json} ({@code name}: its name on the medium). */
    record FindingsImportBegin(String name, long size) implements Request {
        public FindingsImportBegin {
            Check.name(name, "name", Limits.MAX_SEAL_FILE_NAME);
            Check.range(size, "size", 1, Limits.MAX_IMPORT_BYTES);
        }

        public String op() {
            return "findings.import.begin";
        }
    }

    /** Bytes {@code offset}.. of the file being imported ({@code offset}: exactly the bytes the keeper has). */
    record FindingsImportChunk(long upload, long offset, byte[] data) implements Request {
        public FindingsImportChunk {
            Check.range(upload, "upload", 1, Integer.MAX_VALUE);
            Check.range(offset, "offset", 0, Limits.MAX_IMPORT_BYTES);
            java.util.Objects.requireNonNull(data, "data");
            Check.range(data.length, "data", 1, Limits.MAX_UPLOAD_CHUNK);
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        public String op() {
            return "findings.import.chunk";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FindingsImportChunk c && c.upload == upload && c.offset == offset
                    && java.util.Arrays.equals(c.data, data);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(upload, offset, java.util.Arrays.hashCode(data));
        }
    }

    /**
     * Attaches to import {@code upload} the file its check needs (protocol version 5): the session log's
     * entries file ({@code part} {@code log}), its seal ({@code seal}, at most 1 MiB) or its disclosures
     * file ({@code disclosures}); the keeper answers with the part's own upload number, whose bytes come
     * with {@code findings.import.chunk} as the export's do.
     */
    record FindingsImportAttach(long upload, String part, long size) implements Request {
        /** The parts an import may carry. */
        public static final java.util.List<String> PARTS = java.util.List.of("log", "seal", "disclosures");

        public FindingsImportAttach {
            Check.range(upload, "upload", 1, Integer.MAX_VALUE);
            java.util.Objects.requireNonNull(part, "part");
            if (!PARTS.contains(part)) {
                throw new IllegalArgumentException("part must be one of " + PARTS);
            }
            Check.range(size, "size", 1, "seal".equals(part) ? Limits.MAX_IMPORT_SEAL_BYTES : Limits.MAX_IMPORT_BYTES);
        }

        public String op() {
            return "findings.import.attach";
        }
    }

    /** Every byte was sent: the keeper parses its copy, adopts the findings and writes their entries, then answers. */
    record FindingsImportFinish(long upload) implements Request {
        public FindingsImportFinish {
            Check.range(upload, "upload", 1, Integer.MAX_VALUE);
        }

        public String op() {
            return "findings.import.finish";
        }
    }

    /**
     * The workstation gives up an import under way (the inspector cancelled, or the stick's file could not
     * be read to its end): the keeper discards its copy at once instead of holding up to 256 MiB until the
     * next import or the session's end; nothing was recorded for it (issue 16, kbench).
     */
    record FindingsImportCancel(long upload) implements Request {
        public FindingsImportCancel {
            Check.range(upload, "upload", 1, Integer.MAX_VALUE);
        }

        public String op() {
            return "findings.import.cancel";
        }
    }

    // ----- refusals through the keeper (issue 16, kseal) -----

    /**
     * A refused copy, cut or drag in the workstation: the keeper writes {@code copy.refused} in the open
     * session's log (also while locked: refusals are evidence), as the in-process session does.
     */
    record CopyRefused(String path, String kind, int selectedChars, String view) implements Request {
        public CopyRefused {
            Check.text(path, "path", Limits.MAX_PATH);
            Check.name(kind, "kind", 8);
            if (!kind.matches("copy|cut|drag")) {
                throw new IllegalArgumentException("kind must be copy, cut or drag");
            }
            Check.range(selectedChars, "selectedChars", 0, Integer.MAX_VALUE);
            Check.name(view, "view", Limits.MAX_NAME);
        }

        public String op() {
            return "refusal.copy";
        }
    }

    // ----- keeper-side ops of issue 16 (k2keeper): lock, unlock, intake, index state -----

    /** Locks the open session now (the inspector steps out); answered with {@link Answer.Status}. */
    record LockSession() implements Request {
        public String op() {
            return "session.lock";
        }
    }

    /**
     * The inspector is at work in the window (scrolling, typing) without asking for anything: resets the
     * keeper's idle timer (issue 16, kwire). No field: no key, no text, no place. Sent at most once per
     * {@code airlock.keeper.client.KeeperSession#ACTIVITY_INTERVAL}; answered with {@link Answer.Status},
     * nothing logged (as in-process, where input resets the timer without an entry).
     */
    record Activity() implements Request {
        public String op() {
            return "session.activity";
        }
    }

    /**
     * Unlocks an idle-locked session with the credential the room policy names (confirmation mode
     * {@code none}: nothing; {@code pin}: the room PIN); answered with {@link Answer.Status}.
     *
     * @param pin the room PIN, or null when the policy needs none
     */
    record UnlockSession(String pin, String passphrase, String challenge, String signature) implements Request {
        public UnlockSession(String pin) {
            this(pin, null, null, null);
        }

        public UnlockSession {
            Check.optionalName(pin, "pin", Limits.MAX_PIN);
            // confirmation (room): the named inspector's passphrase, or the keeper's challenge signed by a supervisor
            Check.optionalName(passphrase, "passphrase", Limits.MAX_PASSPHRASE);
            Check.optionalChallenge(challenge, "challenge");
            Check.optionalSignature(signature, "signature");
            Check.signedPair(challenge, signature);
            if ((pin != null ? 1 : 0) + (passphrase != null ? 1 : 0) + (challenge != null ? 1 : 0) > 1) {
                throw new IllegalArgumentException("an unlock carries one credential: a pin, a passphrase or a signed challenge");
            }
        }

        public String op() {
            return "session.unlock";
        }

        @Override
        public String toString() {
            return "UnlockSession[pin=" + (pin == null ? "none" : "(" + pin.length() + " characters)") + ", passphrase="
                    + (passphrase == null ? "none" : "(" + passphrase.length() + " characters)") + ", challenge="
                    + (challenge == null ? "none" : challenge) + "]";
        }
    }

    // confirmation (issue 16/17, room): the keeper issues a one-use challenge; the supervisor signs its statement

    /**
     * Asks for a challenge to confirm a session start under a {@code key} policy: the keeper answers
     * with {@link Answer.Challenge}, the statement naming this inspector, organisation, badge and bundle,
     * the session id, the time and a fresh nonce; the start then names the challenge and a supervisor's
     * signature of the statement. One challenge is outstanding at a time; it is used once.
     */
    record ConfirmStart(String inspector, String organisation, String badge, String bundle) implements Request {
        public ConfirmStart {
            Check.name(inspector, "inspector", Limits.MAX_NAME);
            Check.name(organisation, "organisation", Limits.MAX_NAME);
            Check.optionalName(badge, "badge", Limits.MAX_NAME);
            Check.name(bundle, "bundle", Limits.MAX_BUNDLE_ID);
        }

        public String op() {
            return "confirm.start";
        }
    }

    /** Asks for a challenge to unlock the open session under a {@code key} policy (same rules). */
    record ConfirmUnlock() implements Request {
        public String op() {
            return "confirm.unlock";
        }
    }

    /**
     * Verifies the bundle folder at {@code path} (on the stick, as the keeper's account sees it) against
     * the keeper's own trust list and imports it into the keeper's store; the keeper then builds its
     * indexes. The client names a folder only: it never writes the store.
     */
    record ImportBundle(String path) implements Request {
        public ImportBundle {
            Check.text(path, "path", Limits.MAX_PATH);
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path must be absolute");
            }
            for (int i = 0; i < path.length(); i++) {
                if (Character.isISOControl(path.charAt(i))) {
                    throw new IllegalArgumentException("path holds a control character");
                }
            }
        }

        public String op() {
            return "bundle.import";
        }
    }

    // ----- intake from the workstation's medium (issue 16, kwire) -----

    /**
     * Begins an upload of a bundle folder the workstation read from its medium (the keeper's account
     * cannot read the inspector's stick): the sizes of its three files, and the folder's name for the
     * ledger. The keeper makes a staging folder of its own; a new begin discards an unfinished upload.
     * The bytes are only bytes to the keeper: it verifies them itself, against its own trust list.
     */
    record UploadBegin(String name, long manifestSize, long signatureSize, long bundleSize) implements Request {
        public UploadBegin {
            Check.name(name, "name", Limits.MAX_REF);
            Check.range(manifestSize, "manifestSize", 1, Limits.MAX_UPLOAD_MANIFEST);
            Check.range(signatureSize, "signatureSize", 1, Limits.MAX_UPLOAD_SIGNATURE);
            Check.range(bundleSize, "bundleSize", 1, Limits.MAX_UPLOAD_BUNDLE);
        }

        public String op() {
            return "bundle.upload.begin";
        }
    }

    /**
     * The next bytes of one file of the upload, in order: {@code offset} must be the number of bytes of
     * that file the keeper already has. {@code data} is sent as base64 (canonical: padded, no other
     * encoding of the same bytes is accepted).
     *
     * @param file {@code manifest}, {@code signature} or {@code bundle}
     */
    record UploadChunk(long upload, String file, long offset, byte[] data) implements Request {
        public UploadChunk {
            Check.range(upload, "upload", 1, Integer.MAX_VALUE);
            Check.name(file, "file", 16);
            if (!file.matches("manifest|signature|bundle")) {
                throw new IllegalArgumentException("file must be manifest, signature or bundle");
            }
            Check.range(offset, "offset", 0, Limits.MAX_UPLOAD_BUNDLE);
            java.util.Objects.requireNonNull(data, "data");
            Check.range(data.length, "data", 1, Limits.MAX_UPLOAD_CHUNK);
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        public String op() {
            return "bundle.upload.chunk";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof UploadChunk c && c.upload == upload && c.file.equals(file) && c.offset == offset
                    && java.util.Arrays.equals(c.data, data);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(upload, file, offset, java.util.Arrays.hashCode(data));
        }

        @Override
        public String toString() {
            return "UploadChunk[upload=" + upload + ", file=" + file + ", offset=" + offset + ", " + data.length + " bytes]";
        }
    }

    /**
     * Every byte is there: the keeper verifies the staged folder against its own trust list, writes
     * {@code bundle.verified}, imports, writes {@code bundle.imported} and answers {@link Answer.BundleImported}.
     */
    record UploadFinish(long upload) implements Request {
        public UploadFinish {
            Check.range(upload, "upload", 1, Integer.MAX_VALUE);
        }

        public String op() {
            return "bundle.upload.finish";
        }
    }

    /** The inspector cancelled: the keeper discards the staged bytes. */
    record UploadCancel(long upload) implements Request {
        public UploadCancel {
            Check.range(upload, "upload", 1, Integer.MAX_VALUE);
        }

        public String op() {
            return "bundle.upload.cancel";
        }
    }

    /** The state of the keeper's search and symbol indexes, per bundle. */
    record IndexStatus() implements Request {
        public String op() {
            return "indexes.status";
        }
    }

    /**
     * The room policy's name and how a session start (and an unlock) is confirmed, so the start
     * dialog offers the right credential (issue 16, k4walk). No session needed; nothing is logged.
     */
    record Policy() implements Request { // policy op of issue 16 (k4walk)
        public String op() {
            return "policy";
        }
    }

    /**
     * Go to symbol (issue 16, k4walk): the definitions of the symbols whose names best match
     * {@code query} (the index's fuzzy name search), at most {@code limit} rows, each with its line;
     * answered with {@link Answer.Definitions} named by the query, after the entry that records it.
     */
    record SymbolSearch(String query, int limit) implements Request {
        public SymbolSearch {
            Check.name(query, "query", Limits.MAX_SYMBOL);
            Check.range(limit, "limit", 1, Limits.MAX_SYMBOL_RESULTS);
        }

        public String op() {
            return "symbols.search";
        }
    }
}
