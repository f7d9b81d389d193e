package airlock.protocol;

/** The error codes a {@link Answer.Failure} carries (besides the core's own codes, e.g. {@code session.locked}). */
public final class Errors {
    /** The frame's declared length is 0 or above the limit. */
    public static final String FRAME_SIZE = "protocol.frame.size";
    /** The payload is not canonical JSON (invalid UTF-8, syntax, duplicate key, not canonical). */
    public static final String JSON = "protocol.json";
    /** The envelope's version is not {@link Limits#VERSION}. */
    public static final String VERSION = "protocol.version";
    /** The op is not one of the protocol's. */
    public static final String UNKNOWN_OP = "protocol.op.unknown";
    /** A field is missing, unknown, of the wrong type or outside its limit. */
    public static final String FIELD = "protocol.field";
    /** A request before the hello, or a second hello. */
    public static final String ORDER = "protocol.order";
    /** The request needs an open session and there is none. */
    public static final String NO_SESSION = "session.none";
    /** The file was not opened in this session (page read, annotation, review mark). */
    public static final String NOT_OPENED = "file.not.opened";
    /** No such ref or file in the bundle under review. */
    public static final String NOT_FOUND = "file.not.found";
    /** The search id is not one of this session's searches. */
    public static final String UNKNOWN_SEARCH = "search.unknown";
    /** The keeper failed on its side; the message says what, the log has the details. */
    public static final String INTERNAL = "keeper.internal";
    /** The peer is not allowed to connect. */
    public static final String PEER_REFUSED = "keeper.peer.refused";

    private Errors() {
    }
}
