package airlock.keeper.client;

import airlock.core.AirlockException;

/** The keeper refused or failed a request (its code and message), or the channel to it broke. */
public final class KeeperException extends AirlockException {
    private static final long serialVersionUID = 1L;

    public KeeperException(String code, String message) {
        super(code, message);
    }

    public KeeperException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
