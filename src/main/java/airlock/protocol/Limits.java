package airlock.protocol;

/**
 * Every limit of the keeper protocol (docs/formats/keeper-protocol.md lists them). The decoder checks
 * each before a value is used; the records check them again when built, so neither side can even
 * construct a message the other would refuse.
 */
public final class Limits {
    /** The protocol version this build speaks; a hello with any other is refused. */
    public static final int VERSION = 5;
    /** Largest request frame (payload bytes after the 4-byte length). */
    public static final int MAX_REQUEST_FRAME = 512 * 1024;
    /** Largest answer frame. */
    public static final int MAX_ANSWER_FRAME = 4 * 1024 * 1024;
    /** A request frame declared larger than this is not skipped: the keeper answers and closes the connection. */
    public static final int MAX_DISCARD = 8 * 1024 * 1024;
    /** The client's correlation number, echoed in the answer. */
    public static final long MAX_REQUEST_ID = 2_147_483_647L;

    public static final int MAX_CLIENT_NAME = 64;
    public static final int MAX_NAME = 100;
    public static final int MAX_PIN = 64;
    /** A named inspector's passphrase (the policy's inspectors list), checked by the keeper, never logged. */
    public static final int MAX_PASSPHRASE = 256;
    // confirmation (issue 16/17, room): a keeper's challenge and the supervisor's signature over it
    /** A challenge's nonce: exactly 64 lowercase hex digits (32 random bytes). */
    public static final int CHALLENGE_HEX = 64;
    /** An Ed25519 signature in strict Base64: exactly 88 characters (64 bytes). */
    public static final int SIGNATURE_BASE64 = 88;
    /** The statement the supervisor signs (canonical JSON or the unlock's lines), as UTF-8 text. */
    public static final int MAX_STATEMENT = 4096;
    /** The room policy's media roots in the policy answer (issue 17). */
    public static final int MAX_MEDIA_ROOTS = 16;
    public static final int MAX_MEDIA_ROOT = 255;
    public static final int MAX_BUNDLE_ID = 64;
    public static final int MAX_REF = 255;
    public static final int MAX_PATH = 4096;
    public static final int MAX_LIST = 1000;
    /** Entries of one {@code files.list} page (version 5: a binary listing frame, issue 20). */
    public static final int MAX_LISTING_PAGE = 100_000;
    /** Bytes of one listing frame's entries: the keeper ends a page before it would pass them. */
    public static final int MAX_LISTING_BYTES = 3 * 1024 * 1024;
    /** Bytes of one file page (raw bytes in a binary page frame since version 2). */
    public static final int MAX_PAGE_BYTES = 2 * 1024 * 1024;
    /** A binary page frame's JSON header (ref ≤ 255 and path ≤ 4096 UTF-16 units, escaped, fit easily). */
    public static final int MAX_PAGE_HEADER = 64 * 1024;
    public static final long MAX_OFFSET = 1L << 40;
    public static final int MAX_PATTERN = 1000;
    public static final int MAX_GLOBS = 32;
    public static final int MAX_GLOB = 256;
    public static final int MAX_LANGUAGES = 32;
    public static final int MAX_LANGUAGE = 32;
    /** Hits per search page; a search keeps at most {@link #MAX_SEARCH_HITS} hits for paging. */
    public static final int MAX_HITS_PAGE = 500;
    public static final int MAX_SEARCH_HITS = 20_000;
    public static final int MAX_LINE_TEXT = 2000;
    public static final int MAX_SYMBOL = 256;
    /** A definition's preprocessor branch as the index keeps it (capped at 200 there, with room to spare). */
    public static final int MAX_CONDITION = 400;
    public static final int MAX_SYMBOL_RESULTS = 200;
    public static final int MAX_RANGES = 16;
    public static final int MAX_LINE = 100_000_000;
    public static final int MAX_TITLE = 500;
    public static final int MAX_BODY = 65_536;
    public static final int MAX_TAGS = 64;
    public static final int MAX_TAG = 64;
    public static final int MAX_ID = 128;
    public static final int MAX_MESSAGE = 2000;
    public static final int MAX_CODE = 64;
    public static final int MAX_REFS = 1000;
    public static final int MAX_BUNDLES = 1000;
    public static final int MAX_CHECKPOINT = 8192;
    // history/diff (issue 16, kread)
    /** Changed files per {@code history.changes} answer. */
    public static final int MAX_CHANGES_PAGE = 1000;
    /** Rows of a diff, or lines of a blame, per answer (fewer when their text is long: see {@link #PAGE_TEXT_BUDGET}). */
    public static final int MAX_DIFF_ROWS = 2000;
    /** One side of a diff row, or a blame line: a line longer than this is not sent (the file is answered as too large). */
    public static final int MAX_ROW_TEXT = 250_000;
    /** Intraline spans per side of a diff row. */
    public static final int MAX_ROW_SPANS = 4096;
    /** Commits of a file's history kept by the keeper, and per answer. */
    public static final int MAX_HISTORY = 2000;
    public static final int MAX_COMMITS_PAGE = 500;
    /** An author's name or e-mail address in history and blame. */
    public static final int MAX_AUTHOR = 256;
    /** A commit's summary line in history and blame. */
    public static final int MAX_SUMMARY = 1000;
    /**
     * The keeper fills a diff or blame page until its estimated encoded size (6 bytes per UTF-16 unit of
     * text, the worst JSON escape, plus each row's fixed part) would pass this: well under the 4 MiB frame.
     */
    public static final int PAGE_TEXT_BUDGET = 3_000_000;

    // ----- seal (issue 16, kseal) -----
    /** An Ed25519 signature in Base64: 64 bytes are 88 characters. */
    public static final int SEAL_SIGNATURE_BASE64 = 88;
    /** An outgoing file's name ({@code session-<id>.log}, {@code <id>-annotations.sarif}, ...). */
    public static final int MAX_SEAL_FILE_NAME = 255;
    /** Bytes of one outgoing file per seal.file answer (Base64 in JSON: 1.4 MiB, under the answer frame). */
    public static final int MAX_SEAL_CHUNK = 1024 * 1024;
    /** Outgoing files of one review. */
    public static final int MAX_SEAL_FILES = 32;
    /** Checks, committed fields and quota rows of one review. */
    public static final int MAX_SEAL_ROWS = 10_000;
    /** The statement the supervisor signs (the context line and the final checkpoint's body). */
    public static final int MAX_SEAL_STATEMENT = MAX_CHECKPOINT;

    // ----- intake and findings through the keeper (issue 16, kwire) -----
    /** Bytes of one upload chunk (base64 in the request: 349,528 characters, within the request frame). */
    public static final int MAX_UPLOAD_CHUNK = 256 * 1024;
    /** An uploaded bundle's files: the intake limits' (manifest 64 KiB, signature 1 KiB, git bundle 4 GiB − 1). */
    public static final long MAX_UPLOAD_MANIFEST = 64 * 1024;
    public static final long MAX_UPLOAD_SIGNATURE = 1024;
    public static final long MAX_UPLOAD_BUNDLE = 4L * 1024 * 1024 * 1024 - 1;
    /** Findings, marks or bookmarks of one session the list op pages through. */
    public static final int MAX_FINDINGS = 100_000;
    /** Findings per page (each body up to 65,536 units, six bytes each when escaped, stays in the answer frame). */
    public static final int MAX_FINDINGS_PAGE = 8;

    // ----- findings export/import (issue 16, kexport) -----
    /** Formats of one export, and files of its report: one each of json, sarif, html, md. */
    public static final int MAX_EXPORT_FORMATS = 4;
    /** An imported annotations.json: the in-process importer's limit ({@code AnnotationsJsonReader.MAX_BYTES}, 256 MiB). */
    public static final long MAX_IMPORT_BYTES = 256L << 20;
    /** Largest seal attached to an import (version 5), as the in-process importer reads one. */
    public static final long MAX_IMPORT_SEAL_BYTES = 1L << 20;

    private Limits() {
    }
}
