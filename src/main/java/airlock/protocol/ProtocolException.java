package airlock.protocol;

/** A frame or message that breaks the protocol; {@link #code()} is one of {@link Errors}. */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;

    public ProtocolException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
