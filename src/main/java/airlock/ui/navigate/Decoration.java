package airlock.ui.navigate;

import airlock.core.syntax.Highlighting;
import airlock.core.syntax.Language;
import airlock.core.text.DisplayText;
import airlock.core.text.HomoglyphFinding;
import java.util.List;

/** What is computed off the FX thread for one shown text: display form, highlighting, findings. */
record Decoration(long version, DisplayText display, Language language, Highlighting highlighting,
        List<HomoglyphFinding> homoglyphs) {
}
