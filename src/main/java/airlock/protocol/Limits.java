package airlock.protocol;

/**
 * Every limit of the keeper protocol (docs/formats/keeper-protocol.md lists them). The decoder checks
 * each before a value is used; the records check them again when built, so neither side can even
 * construct a message the other would refuse.
 */
public final class Limits {
    /** The protocol version this build speaks; a hello with any other is refused. */
    public static final int VERSION = 3;
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

    private Limits() {
    }
}
