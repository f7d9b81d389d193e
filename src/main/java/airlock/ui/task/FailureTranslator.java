package airlock.ui.task;

import airlock.core.AirlockException;
import airlock.ui.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an exception from core into what the user reads: the error code picks a sentence from the
 * bundle ({@code error.<code>}, falling back to a generic one carrying core's own detail). The
 * technical detail, stack trace included, is logged here once and nowhere else.
 */
public final class FailureTranslator {
    private static final Logger LOG = LoggerFactory.getLogger(FailureTranslator.class);
    static final String INTERNAL = "internal";
    private final Texts texts;

    public FailureTranslator(Texts texts) {
        this.texts = texts;
    }

    public UserFailure translate(String taskTitle, Throwable failure) {
        if (failure instanceof AirlockException airlock) {
            LOG.warn("{} failed [{}]", taskTitle, airlock.code(), airlock);
            String key = "error." + airlock.code();
            String detail = airlock.getMessage() == null ? "" : airlock.getMessage();
            String message = texts.has(key)
                    ? texts.format(key, detail)
                    : texts.format("error.generic", detail);
            return new UserFailure(taskTitle, airlock.code(), message);
        }
        LOG.error("{} failed with an unexpected error", taskTitle, failure);
        return new UserFailure(taskTitle, INTERNAL, texts.format("error.internal", String.valueOf(failure)));
    }
}
