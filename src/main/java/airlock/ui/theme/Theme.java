package airlock.ui.theme;

import javafx.scene.paint.Color;

/** The two themes: a light default and a high-contrast one. Colours live in CSS. */
public enum Theme {
    LIGHT("/airlock/ui/light.css", Color.web("#eef3fb")),
    HIGH_CONTRAST("/airlock/ui/high-contrast.css", Color.web("#003a7a"));

    /** Layout and sizes shared by both themes. */
    public static final String BASE = "/airlock/ui/base.css";
    private final String stylesheet;
    private final Color currentLine;

    Theme(String stylesheet, Color currentLine) {
        this.stylesheet = stylesheet;
        this.currentLine = currentLine;
    }

    /** The resource URL of this theme's stylesheet. */
    public String stylesheetUrl() {
        return url(stylesheet);
    }

    public static String baseUrl() {
        return url(BASE);
    }

    private static String url(String resource) {
        java.net.URL found = Theme.class.getResource(resource);
        if (found == null) {
            throw new IllegalStateException("stylesheet " + resource + " is missing from the class path");
        }
        return found.toExternalForm();
    }

    /** The current-line highlight, which RichTextFX takes as a paint rather than from CSS. */
    public Color currentLine() {
        return currentLine;
    }
}
