package airlock.core;

/**
 * Root of every checked failure that core reports. The {@link #code()} is a stable, dotted
 * identifier (for example {@code bundle.signature.invalid}) that the UI maps to a message from
 * the resource bundle and the command line prints next to the detail.
 */
public class AirlockException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;

    public AirlockException(String code, String message) {
        super(message);
        this.code = code;
    }

    public AirlockException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** Stable error code, e.g. {@code bundle.signature.invalid}. */
    public String code() {
        return code;
    }
}
