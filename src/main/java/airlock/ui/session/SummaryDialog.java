package airlock.ui.session;

import airlock.core.annotate.Severity;
import airlock.core.session.ReviewSession;
import airlock.core.session.SessionSummary;
import airlock.core.text.VisibleText;
import airlock.ui.Texts;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** What a session did, shown when it ends: the same figures the end entry carries. */
final class SummaryDialog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private SummaryDialog() {
    }

    static Alert create(Texts texts, ReviewSession.Ended ended, Window owner, List<String> stylesheets) {
        if (ended.local() == null) {
            return fromKeeper(texts, ended, owner, stylesheets);
        }
        SessionSummary s = ended.local().summary();
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(texts.get("session.summary.title"));
        alert.setHeaderText(texts.format("session.summary.header", s.session()));
        alert.getDialogPane().getStylesheets().setAll(stylesheets);
        alert.getDialogPane().getStyleClass().add("session-summary");
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        int row = 0;
        row = add(grid, row, texts.get("session.summary.inspector"), VisibleText.escape(s.inspector()));
        row = add(grid, row, texts.get("session.summary.time"), texts.format("session.summary.span",
                TIME.format(s.started()), TIME.format(s.ended()), s.minutes()));
        row = add(grid, row, texts.get("session.summary.opened"), Integer.toString(s.filesOpened()));
        row = add(grid, row, texts.get("session.summary.reviewed"), s.coveragePercent() < 0
                ? Integer.toString(s.filesReviewed())
                : texts.format("session.summary.coverage", s.filesReviewed(), s.bundleFiles(), s.coveragePercent()));
        StringBuilder findings = new StringBuilder();
        int total = 0;
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity severity = Severity.values()[i];
            int n = s.findingsBySeverity().getOrDefault(severity, 0);
            total += n;
            findings.append(findings.isEmpty() ? "" : ", ").append(severity.id()).append(' ').append(n);
        }
        row = add(grid, row, texts.get("session.summary.findings"), texts.format("session.summary.findings.value", total, findings));
        row = add(grid, row, texts.get("session.summary.searches"), Integer.toString(s.searches()));
        row = add(grid, row, texts.get("session.summary.refused"), Integer.toString(s.refusedAttempts()));
        row = add(grid, row, texts.get("session.summary.locks"), Integer.toString(s.locks()));
        Label next = new Label(texts.get("session.summary.next"));
        next.setWrapText(true);
        next.setMaxWidth(480);
        grid.add(next, 0, row, 2, 1);
        alert.getDialogPane().setContent(grid);
        return alert;
    }

    /** The keeper's end: the figures it sent with its final checkpoint (the full summary is in its log). */
    private static Alert fromKeeper(Texts texts, ReviewSession.Ended ended, Window owner, List<String> stylesheets) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(texts.get("session.summary.title"));
        alert.setHeaderText(texts.format("session.summary.header", VisibleText.escape(ended.id())));
        alert.getDialogPane().getStylesheets().setAll(stylesheets);
        alert.getDialogPane().getStyleClass().add("session-summary");
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        int row = 0;
        row = add(grid, row, texts.get("session.summary.opened"), Integer.toString(ended.filesOpened()));
        row = add(grid, row, texts.get("session.summary.searches"), Integer.toString(ended.searches()));
        row = add(grid, row, texts.get("session.summary.keeper.entries"), Long.toString(ended.entries()));
        Label next = new Label(texts.get("session.summary.keeper.next"));
        next.setWrapText(true);
        next.setMaxWidth(480);
        grid.add(next, 0, row, 2, 1);
        alert.getDialogPane().setContent(grid);
        return alert;
    }

    private static int add(GridPane grid, int row, String label, String value) {
        Label name = new Label(label);
        name.getStyleClass().add("summary-label");
        Label shown = new Label(value);
        shown.getStyleClass().add("summary-value");
        grid.addRow(row, name, shown);
        return row + 1;
    }
}
