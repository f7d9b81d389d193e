package airlock.core.export;

import airlock.core.AirlockException;

/** A previous export that cannot be imported; the message names the file, the place and what to do. */
public final class ImportException extends AirlockException {
    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super("annotations.import.invalid", message);
    }

    public ImportException(String message, Throwable cause) {
        super("annotations.import.invalid", message, cause);
    }
}
