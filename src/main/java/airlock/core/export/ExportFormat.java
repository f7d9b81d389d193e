package airlock.core.export;

import java.util.Locale;

/** The export formats, each with its fixed file name (a safe alphabet, never a repository path). */
public enum ExportFormat {
    JSON("annotations.json"),
    SARIF("annotations.sarif"),
    HTML("report.html"),
    MD("report.md");

    private final String fileName;

    ExportFormat(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
