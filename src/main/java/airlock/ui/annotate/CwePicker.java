package airlock.ui.annotate;

import airlock.core.cwe.CweCatalogue;
import airlock.core.cwe.CweEntry;
import airlock.ui.Texts;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Picks a CWE from the whole shipped catalogue (MITRE CWE 4.8) by id or by words of its name: type
 * {@code 79}, {@code CWE-79} or {@code cross-site}, then choose from the list (Enter or
 * double-click). The chosen entry shows below; Clear leaves the finding uncategorised.
 */
final class CwePicker extends VBox {
    static final int RESULTS = 50;
    private final CweCatalogue catalogue;
    private final Texts texts;
    private final TextField query = new TextField();
    private final ListView<CweEntry> results = new ListView<>();
    private final Label chosenLabel = new Label();
    private final ObjectProperty<CweEntry> chosen = new SimpleObjectProperty<>(this, "chosen");

    CwePicker(CweCatalogue catalogue, Texts texts, Integer initial) {
        super(4);
        this.catalogue = catalogue;
        this.texts = texts;
        getStyleClass().add("cwe-picker");
        query.setId("cwe-query");
        query.setPromptText(texts.format("annot.cwe.prompt", catalogue.size()));
        results.setId("cwe-results");
        results.setPrefHeight(120);
        results.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(CweEntry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : describe(item));
            }
        });
        query.textProperty().addListener((obs, old, text) -> search(text));
        query.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                results.requestFocus();
                results.getSelectionModel().selectFirst();
            } else if (e.getCode() == KeyCode.ENTER && !results.getItems().isEmpty()) {
                choose(results.getItems().get(0));
            }
        });
        // a click or the arrow keys pick the entry at once (nothing is saved until the editor's Save)
        results.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> {
            if (entry != null) {
                choose(entry);
            }
        });
        Button clear = new Button(texts.get("annot.cwe.clear"));
        clear.setOnAction(e -> choose(null));
        chosenLabel.setId("cwe-chosen");
        chosenLabel.getStyleClass().add("cwe-chosen");
        chosenLabel.setWrapText(true);
        HBox.setHgrow(chosenLabel, Priority.ALWAYS);
        chosenLabel.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(query, results, new HBox(6, chosenLabel, clear));
        search("");
        choose(initial == null ? null : catalogue.byId(initial).orElse(null));
        if (initial != null && chosen.get() == null) {
            chosenLabel.setText(texts.format("annot.cwe.unknown", initial));
        }
    }

    static String describe(CweEntry e) {
        return e.label() + "  " + e.name() + (e.top25() ? "  \u2605" : "");
    }

    void search(String text) {
        results.getItems().setAll(text == null || text.isBlank() ? catalogue.topTwentyFive() : catalogue.search(text, RESULTS));
    }

    void choose(CweEntry entry) {
        chosen.set(entry);
        chosenLabel.setText(entry == null ? texts.get("annot.cwe.none") : describe(entry));
    }

    ObjectProperty<CweEntry> chosenProperty() {
        return chosen;
    }

    TextField queryField() {
        return query;
    }

    ListView<CweEntry> resultList() {
        return results;
    }
}
