package airlock.ui.seal;

import airlock.core.seal.DisclosurePlan;
import airlock.core.text.VisibleText;
import airlock.ui.Texts;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The seal screen's list of committed log fields: per field, "disclosed" or "kept in the room" and
 * why, as the room policy and the supervisor's decisions on the findings leave it (updated after
 * each decision). Holds no node; FX thread only, like {@link SealViewModel} that owns it.
 */
public final class LogDisclosuresModel {
    /** One committed field as the supervisor reads it; {@code source} what the supervisor decides on. */
    public record Row(String entry, String field, boolean disclosed, String decision, String reason, DisclosurePlan.Field source) {
        /** The decisions the supervisor may still take on this field (keep in the room, or override a hold). */
        public java.util.Set<airlock.core.policy.SupervisorAction> actions() {
            return source.actions();
        }
    }

    private final Texts texts;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");

    LogDisclosuresModel(Texts texts) {
        this.texts = texts;
    }

    void update(List<DisclosurePlan.Field> fields) {
        rows.setAll(fields.stream().map(this::row).toList());
        long out = fields.stream().filter(DisclosurePlan.Field::disclosed).count();
        summary.set(fields.isEmpty() ? texts.get("seal.disclosures.none")
                : texts.format("seal.disclosures.summary", out, fields.size()));
    }

    private Row row(DisclosurePlan.Field f) {
        String type = f.type() == null ? "?" : f.type().wireName();
        // the time of day is enough next to the entry number (the date is the session's, in the headline)
        String time = f.time().length() >= 19 ? f.time().substring(11, 19) : f.time();
        String entry = f.disclosure().entry() + " " + type + " " + VisibleText.escape(time);
        String why = texts.get(f.why().key());
        if (f.decision() != null) {
            why = why + " " + texts.format("seal.disclosures.decided", VisibleText.escape(f.decision().supervisor()),
                    VisibleText.escape(f.decision().reason()));
        }
        return new Row(entry, VisibleText.escape(f.disclosure().field()), f.disclosed(),
                texts.get(f.disclosed() ? "seal.disclosures.disclosed" : "seal.disclosures.kept"), why, f);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public StringProperty summaryProperty() {
        return summary;
    }
}
