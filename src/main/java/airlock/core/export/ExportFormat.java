package airlock.core.export;

import airlock.core.media.SafeName;
import java.util.Locale;

/**
 * The export formats. Each file is named after its kind and the session it comes from
 * ({@code annotations-<session>.json}), in the safe alphabet, never after a repository path, so
 * that the exports of any number of sessions can be written to one stick.
 */
public enum ExportFormat {
    JSON("annotations", "json"),
    SARIF("annotations", "sarif"),
    HTML("report", "html"),
    MD("report", "md");

    private final String kind;
    private final String extension;

    ExportFormat(String kind, String extension) {
        this.kind = kind;
        this.extension = extension;
    }

    /** The file name of this format's export of {@code session}: {@code <kind>-<session stem>.<extension>}. */
    public String fileName(String session) {
        return kind + "-" + SafeName.stem(session) + "." + extension;
    }

    /** The names of this format's exports as a glob ({@code annotations-*.json}), for file choosers and help. */
    public String namePattern() {
        return kind + "-*." + extension;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
