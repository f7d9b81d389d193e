package airlock.core.search;

import airlock.core.AirlockException;

/** The query cannot be run as written (an invalid regular expression, a bad glob...). */
public final class InvalidQueryException extends AirlockException {
    private static final long serialVersionUID = 1L;

    public InvalidQueryException(String message) {
        super("search.query.invalid", message);
    }
}
