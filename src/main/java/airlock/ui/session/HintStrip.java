package airlock.ui.session;

import airlock.ui.Texts;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;

/** First-run hints for a newcomer: the four steps of a session, until dismissed. */
final class HintStrip extends HBox {
    HintStrip(Texts texts, Runnable onDismiss) {
        super(18);
        setId("session-hints");
        getStyleClass().add("session-hints");
        setAlignment(Pos.CENTER_LEFT);
        Label title = new Label(texts.get("session.hints.title"));
        title.getStyleClass().add("session-hints-title");
        getChildren().add(title);
        for (String key : new String[] {"session.hints.intake", "session.hints.start", "session.hints.open", "session.hints.annotate", "session.hints.end"}) {
            Label step = new Label(texts.get(key));
            step.getStyleClass().add("session-hint");
            getChildren().add(step);
        }
        Pane spring = new Pane();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Button dismiss = new Button(texts.get("session.hints.dismiss"));
        dismiss.setId("session-hints-dismiss");
        dismiss.setOnAction(event -> {
            setVisible(false);
            setManaged(false);
            onDismiss.run();
        });
        getChildren().addAll(spring, dismiss);
    }
}
