package airlock.ui.history;

import airlock.core.history.Blame;
import airlock.core.history.BlameLine;
import airlock.core.history.CommitInfo;
import airlock.core.text.VisibleText;
import airlock.ui.Texts;
import airlock.ui.code.CodeViewPane;
import airlock.ui.code.CopyAttemptListener;
import airlock.ui.code.DocumentContent;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** A file at a ref with, beside each line, the commit, author and date that last changed it. */
final class BlameView extends BorderPane {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private final CodeViewPane code;

    BlameView(Texts texts, Blame blame, String header, CopyAttemptListener copyListener) {
        getStyleClass().add("airlock-blame");
        Label title = new Label(header);
        title.getStyleClass().add("diff-header");
        title.setMaxWidth(Double.MAX_VALUE);
        setTop(title);
        code = new CodeViewPane(texts, blame.path(), copyListener);
        code.setId("blame-code");
        StringBuilder text = new StringBuilder();
        List<BlameLine> lines = blame.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                text.append('\n');
            }
            text.append(lines.get(i).text());
        }
        code.show(new DocumentContent(text.toString(), DocumentContent.Kind.TEXT, text.length(), text.length()));
        int digits = String.valueOf(Math.max(1, lines.size())).length();
        code.codeArea().setParagraphGraphicFactory(line -> gutter(lines, line, digits));
        setCenter(code);
    }

    private static HBox gutter(List<BlameLine> lines, int index, int digits) {
        Label who = new Label();
        who.getStyleClass().add("blame-commit");
        Label number = new Label(String.format("%" + digits + "d", index + 1));
        number.getStyleClass().add("diff-lineno");
        if (index < lines.size()) {
            CommitInfo commit = lines.get(index).commit();
            CommitInfo above = index > 0 ? lines.get(index - 1).commit() : null;
            if (commit != null && (above == null || !above.id().equals(commit.id()))) {
                who.setText(commit.shortId().substring(0, 8) + " " + DAY.format(commit.when()) + " "
                        + clip(VisibleText.escape(commit.author()), 14));
            }
        }
        HBox box = new HBox(who, number);
        box.getStyleClass().add("blame-gutter");
        return box;
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    CodeViewPane code() {
        return code;
    }
}
