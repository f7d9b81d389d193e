package airlock.ui.history;

import airlock.core.history.DiffVerdict;
import airlock.core.history.FileChange;
import airlock.core.text.VisibleText;
import airlock.ui.Texts;
import java.util.Locale;
import javafx.scene.control.ListCell;

/** A changed file in the compare list: kind letter, escaped path(s), line counts or why there are none. */
final class ChangeCell extends ListCell<FileChange> {
    private final Texts texts;

    ChangeCell(Texts texts) {
        this.texts = texts;
    }

    @Override
    protected void updateItem(FileChange item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().removeIf(c -> c.startsWith("change-"));
        if (empty || item == null) {
            setText(null);
            return;
        }
        setText(describe(texts, item));
        getStyleClass().add("change-" + item.kind().name().toLowerCase(Locale.ROOT));
    }

    static String describe(Texts texts, FileChange change) {
        String path = switch (change.kind()) {
            case RENAMED, COPIED -> VisibleText.escape(change.oldPath()) + " \u2192 " + VisibleText.escape(change.newPath());
            default -> VisibleText.escape(change.path());
        };
        String counts = change.verdict() == DiffVerdict.TEXT
                ? texts.format("versions.change.counts", change.linesAdded(), change.linesRemoved())
                : texts.get(switch (change.verdict()) {
                    case BINARY -> "versions.verdict.binary";
                    case TOO_LARGE -> "versions.verdict.too_large";
                    case SPECIAL, TEXT -> "versions.verdict.special";
                });
        String kind = texts.get(switch (change.kind()) {
            case ADDED -> "versions.kind.added";
            case DELETED -> "versions.kind.deleted";
            case MODIFIED -> "versions.kind.modified";
            case RENAMED -> "versions.kind.renamed";
            case COPIED -> "versions.kind.copied";
        });
        return kind + "  " + path + "   " + counts;
    }
}
