package airlock.ui.history;

import airlock.core.text.VisibleText;
import javafx.scene.control.ListCell;

/** A ref in a chooser: short name, escaped (ref names come from the vendor). */
final class RefCell extends ListCell<String> {
    @Override
    protected void updateItem(String ref, boolean empty) {
        super.updateItem(ref, empty);
        setText(empty || ref == null ? null : shortName(ref));
    }

    static String shortName(String ref) {
        for (String prefix : new String[] {"refs/heads/", "refs/tags/"}) {
            if (ref.startsWith(prefix)) {
                return VisibleText.escape(ref.substring(prefix.length()));
            }
        }
        return VisibleText.escape(ref);
    }
}
