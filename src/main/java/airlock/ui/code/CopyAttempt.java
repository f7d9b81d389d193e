package airlock.ui.code;

/**
 * Someone tried to take text out of a code view (the room forbids it).
 *
 * @param documentPath   the repository path of the file shown
 * @param kind           how they tried
 * @param selectedChars  how much was selected at the time
 */
public record CopyAttempt(String documentPath, Kind kind, int selectedChars) {
    public enum Kind { COPY, CUT, DRAG }
}
