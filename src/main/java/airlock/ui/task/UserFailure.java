package airlock.ui.task;

/**
 * A failure as the user sees it.
 *
 * @param taskTitle what was being done
 * @param code      the stable error code (from {@code AirlockException.code()}, or {@code internal})
 * @param message   a sentence from the resource bundle a person can act on, with the detail
 */
public record UserFailure(String taskTitle, String code, String message) {
}
