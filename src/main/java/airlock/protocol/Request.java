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
            Check.range(limit, "limit", 1, Limits.MAX_LIST);
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
     */
    record Search(String pattern, boolean regex, boolean ignoreCase, boolean wholeWord, List<String> include,
                  List<String> exclude, List<String> languages, String ref, int limit) implements Request {
        public Search {
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

    // ----- keeper-side ops of issue 16 (k2keeper): lock, unlock, intake, index state -----

    /** Locks the open session now (the inspector steps out); answered with {@link Answer.Status}. */
    record LockSession() implements Request {
        public String op() {
            return "session.lock";
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
