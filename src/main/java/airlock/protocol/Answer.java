package airlock.protocol;

import java.util.List;
import java.util.Objects;

/**
 * What the keeper answers: one answer per request, or a {@link Failure}. Code (page bytes, hit
 * lines, definition and reference lines) appears only in answers given after the entry that
 * records the read was committed.
 */
public sealed interface Answer {

    /** The wire name of the answer, e.g. {@code file.opened}. */
    String kind();

    record Welcome(int version, String keeper, int maxRequestFrame, int maxAnswerFrame) implements Answer {
        public Welcome {
            Check.range(version, "version", 0, 65_535);
            Check.name(keeper, "keeper", Limits.MAX_CLIENT_NAME);
            Check.range(maxRequestFrame, "maxRequestFrame", 1, Limits.MAX_ANSWER_FRAME);
            Check.range(maxAnswerFrame, "maxAnswerFrame", 1, Limits.MAX_ANSWER_FRAME);
        }

        public String kind() {
            return "welcome";
        }
    }

    record BundleInfo(String id, String label, String reviewRef) {
        public BundleInfo {
            Check.name(id, "id", Limits.MAX_BUNDLE_ID);
            Check.text(label, "label", Limits.MAX_MESSAGE);
            Check.text(reviewRef, "reviewRef", Limits.MAX_REF);
        }
    }

    record Bundles(List<BundleInfo> bundles) implements Answer {
        public Bundles {
            bundles = Check.list(bundles, "bundles", Limits.MAX_BUNDLES);
        }

        public String kind() {
            return "bundles";
        }
    }

    /** The open session as the keeper holds it. */
    record SessionInfo(String id, String inspector, String bundle, String label, String reviewRef, List<String> refs,
                       String started, int idleLockMinutes, int maxSessionMinutes) {
        public SessionInfo {
            Check.name(id, "id", Limits.MAX_ID);
            Check.text(inspector, "inspector", Limits.MAX_NAME);
            Check.text(bundle, "bundle", Limits.MAX_BUNDLE_ID);
            Check.text(label, "label", Limits.MAX_MESSAGE);
            Check.text(reviewRef, "reviewRef", Limits.MAX_REF);
            refs = Check.texts(refs, "refs", Limits.MAX_REFS, Limits.MAX_REF);
            Check.text(started, "started", 64);
            Check.range(idleLockMinutes, "idleLockMinutes", 0, 1_000_000);
            Check.range(maxSessionMinutes, "maxSessionMinutes", 0, 1_000_000);
        }
    }

    record SessionStarted(SessionInfo session) implements Answer {
        public SessionStarted {
            Objects.requireNonNull(session, "session");
        }

        public String kind() {
            return "session.started";
        }
    }

    /**
     * @param state   {@code none}, {@code active}, {@code locked}, {@code expired} or {@code ended}
     * @param session the open session, null when none
     * @param entries entries in the session's log so far (0 when none)
     */
    record Status(String state, SessionInfo session, long entries) implements Answer {
        public Status {
            Check.name(state, "state", 16);
            Check.range(entries, "entries", 0, Long.MAX_VALUE);
        }

        public String kind() {
            return "status";
        }
    }

    record FileInfo(String path, String kind, long size) {
        public FileInfo {
            Check.text(path, "path", Limits.MAX_PATH);
            Check.name(kind, "kind", 16);
            Check.range(size, "size", 0, Long.MAX_VALUE);
        }
    }

    record Files(String ref, int offset, int total, List<FileInfo> files) implements Answer {
        public Files {
            Check.text(ref, "ref", Limits.MAX_REF);
            Check.range(offset, "offset", 0, Integer.MAX_VALUE);
            Check.range(total, "total", 0, Integer.MAX_VALUE);
            files = Check.list(files, "files", Limits.MAX_LIST);
        }

        public String kind() {
            return "files";
        }
    }

    /** A file's metadata, after {@code file.opened} (entry {@code entry} of the log) was committed. */
    record FileOpened(String ref, String commit, String path, String fileKind, long size, String blob, long entry)
            implements Answer {
        public FileOpened {
            Check.text(ref, "ref", Limits.MAX_REF);
            Check.text(commit, "commit", 64);
            Check.text(path, "path", Limits.MAX_PATH);
            Check.name(fileKind, "fileKind", 16);
            Check.range(size, "size", 0, Long.MAX_VALUE);
            Check.text(blob, "blob", 64);
            Check.range(entry, "entry", 0, Long.MAX_VALUE);
        }

        public String kind() {
            return "file.opened";
        }
    }

    /** Bytes {@code offset ..} of an opened file; {@code end} when the file ends within them. */
    record Page(String ref, String path, long offset, byte[] bytes, boolean end) implements Answer {
        public Page {
            Check.text(ref, "ref", Limits.MAX_REF);
            Check.text(path, "path", Limits.MAX_PATH);
            Check.range(offset, "offset", 0, Limits.MAX_OFFSET);
            Objects.requireNonNull(bytes, "bytes");
            Check.range(bytes.length, "bytes", 0, Limits.MAX_PAGE_BYTES);
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The number of bytes, without copying them. */
        public int length() {
            return bytes.length;
        }

        /** Copies the bytes into {@code target} at {@code at} (the page frame's encoder: one copy, no clone). */
        void copyTo(byte[] target, int at) {
            System.arraycopy(bytes, 0, target, at, bytes.length);
        }

        public String kind() {
            return "file.page";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Page p && p.ref.equals(ref) && p.path.equals(path) && p.offset == offset && p.end == end
                    && java.util.Arrays.equals(p.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ref, path, offset, end, java.util.Arrays.hashCode(bytes));
        }

        @Override
        public String toString() {
            return "Page[ref=" + ref + ", path=" + path + ", offset=" + offset + ", bytes=" + bytes.length + ", end=" + end + "]";
        }
    }

    /** A match within a hit's text: UTF-16 offsets, end exclusive. */
    record Span(int start, int end) {
        public Span {
            Check.range(start, "start", 0, Limits.MAX_LINE_TEXT);
            Check.range(end, "end", start, Limits.MAX_LINE_TEXT);
        }
    }

    /** One matching line; {@code text} is cut at {@link Limits#MAX_LINE_TEXT} characters. */
    record Hit(String ref, String path, int line, String text, List<Span> spans) {
        public Hit {
            Check.text(ref, "ref", Limits.MAX_REF);
            Check.text(path, "path", Limits.MAX_PATH);
            Check.range(line, "line", 1, Limits.MAX_LINE);
            Check.text(text, "text", Limits.MAX_LINE_TEXT);
            spans = Check.list(spans, "spans", 64);
        }
    }

    /**
     * A page of a search's hits.
     *
     * @param search    the search's number in this session (for {@link Request.SearchPage})
     * @param entry     the {@code search.run} entry that recorded it
     * @param total     hits kept for paging
     * @param truncated more lines matched than {@link Limits#MAX_SEARCH_HITS}
     * @param finished  the search ended: the counts and coverage are final (while it runs: the hits found
     *                  so far, coverage {@code running}, complete false)
     */
    record SearchResults(long search, long entry, int filesMatched, long linesMatched, String coverage, boolean complete,
                         int offset, int total, boolean truncated, boolean finished, List<Hit> hits) implements Answer {
        public SearchResults {
            Check.range(search, "search", 1, Integer.MAX_VALUE);
            Check.range(entry, "entry", 0, Long.MAX_VALUE);
            Check.range(filesMatched, "filesMatched", 0, Integer.MAX_VALUE);
            Check.range(linesMatched, "linesMatched", 0, Long.MAX_VALUE);
            Check.name(coverage, "coverage", 32);
            Check.range(offset, "offset", 0, Limits.MAX_SEARCH_HITS);
            Check.range(total, "total", 0, Limits.MAX_SEARCH_HITS);
            hits = Check.list(hits, "hits", Limits.MAX_HITS_PAGE);
        }

        public String kind() {
            return "search.results";
        }
    }

    /** A definition with its source line ({@code line} text cut at {@link Limits#MAX_LINE_TEXT}). */
    record Definition(String path, String name, String symbolKind, int line, int column, String scope, String text) {
        public Definition {
            Check.text(path, "path", Limits.MAX_PATH);
            Check.text(name, "name", Limits.MAX_SYMBOL);
            Check.text(symbolKind, "symbolKind", 32);
            Check.range(line, "line", 0, Limits.MAX_LINE);
            Check.range(column, "column", 0, Limits.MAX_LINE);
            Check.text(scope, "scope", Limits.MAX_MESSAGE);
            Check.text(text, "text", Limits.MAX_LINE_TEXT);
        }
    }

    /**
     * @param index {@code complete}, {@code partial} or {@code absent}: how much of the bundle the symbol index covers
     */
    record Definitions(String name, long entry, String index, List<Definition> definitions) implements Answer {
        public Definitions {
            Check.text(name, "name", Limits.MAX_SYMBOL);
            Check.range(entry, "entry", 0, Long.MAX_VALUE);
            Check.name(index, "index", 16);
            definitions = Check.list(definitions, "definitions", Limits.MAX_SYMBOL_RESULTS);
        }

        public String kind() {
            return "symbols.definitions";
        }
    }

    record Reference(String path, int line, int column, boolean call, String text) {
        public Reference {
            Check.text(path, "path", Limits.MAX_PATH);
            Check.range(line, "line", 0, Limits.MAX_LINE);
            Check.range(column, "column", 0, Limits.MAX_LINE);
            Check.text(text, "text", Limits.MAX_LINE_TEXT);
        }
    }

    record References(String name, long entry, String index, long offset, long total, List<Reference> references)
            implements Answer {
        public References {
            Check.text(name, "name", Limits.MAX_SYMBOL);
            Check.range(entry, "entry", 0, Long.MAX_VALUE);
            Check.name(index, "index", 16);
            Check.range(offset, "offset", 0, Long.MAX_VALUE);
            Check.range(total, "total", 0, Long.MAX_VALUE);
            references = Check.list(references, "references", Limits.MAX_SYMBOL_RESULTS);
        }

        public String kind() {
            return "symbols.references";
        }
    }

    /** A finding as saved, with what the keeper computed (blob, commit) and the entry that recorded it. */
    record AnnotationSaved(String id, String ref, String commit, String path, String blob, int firstLine, int lastLine,
                           String title, String severity, String status, long entry) implements Answer {
        public AnnotationSaved {
            Check.name(id, "id", Limits.MAX_ID);
            Check.text(ref, "ref", Limits.MAX_REF);
            Check.text(commit, "commit", 64);
            Check.text(path, "path", Limits.MAX_PATH);
            Check.text(blob, "blob", 64);
            Check.range(firstLine, "firstLine", 1, Limits.MAX_LINE);
            Check.range(lastLine, "lastLine", 1, Limits.MAX_LINE);
            Check.text(title, "title", Limits.MAX_TITLE);
            Check.name(severity, "severity", 32);
            Check.name(status, "status", 32);
            Check.range(entry, "entry", 0, Long.MAX_VALUE);
        }

        public String kind() {
            return "annotation.saved";
        }
    }

    record Reviewed(String id, String ref, String path, String blob, int firstLine, int lastLine, long entry) implements Answer {
        public Reviewed {
            Check.name(id, "id", Limits.MAX_ID);
            Check.text(ref, "ref", Limits.MAX_REF);
            Check.text(path, "path", Limits.MAX_PATH);
            Check.text(blob, "blob", 64);
            Check.range(firstLine, "firstLine", 1, Limits.MAX_LINE);
            Check.range(lastLine, "lastLine", 1, Limits.MAX_LINE);
            Check.range(entry, "entry", 0, Long.MAX_VALUE);
        }

        public String kind() {
            return "review.marked";
        }
    }

    /** The session ended: its entry count and the final checkpoint (a signed note) ready for the supervisor's seal. */
    record SessionEnded(String id, long entries, int filesOpened, int searches, String finalCheckpoint) implements Answer {
        public SessionEnded {
            Check.name(id, "id", Limits.MAX_ID);
            Check.range(entries, "entries", 0, Long.MAX_VALUE);
            Check.range(filesOpened, "filesOpened", 0, Integer.MAX_VALUE);
            Check.range(searches, "searches", 0, Integer.MAX_VALUE);
            Check.text(finalCheckpoint, "finalCheckpoint", Limits.MAX_CHECKPOINT);
        }

        public String kind() {
            return "session.ended";
        }
    }

    /** The request was refused or failed; {@code code} is stable (see {@link Errors}), {@code message} one line for people. */
    record Failure(String code, String message) implements Answer {
        public Failure {
            Check.name(code, "code", Limits.MAX_CODE);
            Check.text(message, "message", Limits.MAX_MESSAGE);
        }

        public String kind() {
            return "error";
        }
    }

    // ----- keeper-side answers of issue 16 (k2keeper) -----

    /** A bundle verified and imported (or found already imported) by the keeper. */
    record BundleImported(String bundle, String label, String reviewRef, boolean already) implements Answer {
        public BundleImported {
            Check.name(bundle, "bundle", Limits.MAX_BUNDLE_ID);
            Check.text(label, "label", Limits.MAX_MESSAGE);
            Check.text(reviewRef, "reviewRef", Limits.MAX_REF);
        }

        public String kind() {
            return "bundle.imported";
        }
    }

    /** One bundle's indexes: {@code queued}, {@code building}, {@code ready} or {@code failed} (with why). */
    record IndexInfo(String bundle, String state, String message) {
        public IndexInfo {
            Check.name(bundle, "bundle", Limits.MAX_BUNDLE_ID);
            if (!List.of("queued", "building", "ready", "failed").contains(state)) {
                throw new IllegalArgumentException("state must be queued, building, ready or failed");
            }
            Check.text(message, "message", Limits.MAX_MESSAGE);
        }
    }

    record Indexes(List<IndexInfo> indexes) implements Answer {
        public Indexes {
            indexes = Check.list(indexes, "indexes", Limits.MAX_BUNDLES);
        }

        public String kind() {
            return "indexes";
        }
    }

    /**
     * The keeper's room policy, as far as the start dialog needs it (issue 16, k4walk).
     *
     * @param name         the policy's name, for people (≤ 2000, may be empty)
     * @param confirmation {@code none}, {@code pin} or {@code key}
     * @param inspectors   whether the policy names its inspectors (a start then needs the inspector's passphrase)
     */
    record PolicyInfo(String name, String confirmation, boolean inspectors, List<String> mediaRoots) implements Answer {
        /** The default media roots (issue 17), as the policy has them when it names none. */
        public static final List<String> DEFAULT_MEDIA_ROOTS = List.of("/media", "/run/media");

        public PolicyInfo(String name, String confirmation) {
            this(name, confirmation, false);
        }

        public PolicyInfo(String name, String confirmation, boolean inspectors) {
            this(name, confirmation, inspectors, DEFAULT_MEDIA_ROOTS);
        }

        public PolicyInfo {
            Check.text(name, "name", Limits.MAX_MESSAGE);
            // media roots (issue 17, room): absolute folder paths the workstation looks for removable media under
            mediaRoots = Check.texts(mediaRoots, "mediaRoots", Limits.MAX_MEDIA_ROOTS, Limits.MAX_MEDIA_ROOT);
            if (mediaRoots.isEmpty()) {
                throw new IllegalArgumentException("mediaRoots names at least one folder");
            }
            for (String root : mediaRoots) {
                Check.name(root, "mediaRoots item", Limits.MAX_MEDIA_ROOT);
                if (!root.startsWith("/") || root.equals("/") || root.contains("//") || root.endsWith("/")
                        || java.util.Arrays.asList(root.split("/")).stream().anyMatch(x -> x.equals(".") || x.equals(".."))) {
                    throw new IllegalArgumentException("a media root is an absolute folder path in plain form, not '/'");
                }
            }
            if (!List.of("none", "pin", "key").contains(confirmation)) {
                throw new IllegalArgumentException("confirmation must be none, pin or key");
            }
        }

        public String kind() {
            return "policy";
        }
    }

    // confirmation (issue 16/17, room)

    /**
     * A one-use challenge: {@code challenge} is its nonce (64 hex digits), {@code statement} the exact
     * text the supervisor's key signs (UTF-8), naming the nonce and what is confirmed.
     */
    record Challenge(String challenge, String statement) implements Answer {
        public Challenge {
            Check.text(challenge, "challenge", Limits.CHALLENGE_HEX);
            Check.optionalChallenge(challenge, "challenge");
            Check.text(statement, "statement", Limits.MAX_STATEMENT);
            if (!statement.contains(challenge)) {
                throw new IllegalArgumentException("the statement names its challenge");
            }
        }

        public String kind() {
            return "confirm.challenge";
        }
    }
}
