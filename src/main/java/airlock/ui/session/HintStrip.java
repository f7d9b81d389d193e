package airlock.ui.session;

import airlock.ui.Texts;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;

/** First-run hints for a newcomer: the steps of a session, wrapping on narrow windows, until dismissed. */
final class HintStrip extends BorderPane {
    HintStrip(Texts texts, Runnable onDismiss) {
        setId("session-hints");
        getStyleClass().add("session-hints");
        FlowPane steps = new FlowPane(18, 4);
        steps.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label(texts.get("session.hints.title"));
        title.getStyleClass().add("session-hints-title");
        steps.getChildren().add(title);
        for (String key : new String[] {"session.hints.intake", "session.hints.start", "session.hints.open",
            "session.hints.annotate", "session.hints.end"}) {
            Label step = new Label(texts.get(key));
            step.getStyleClass().add("session-hint");
            step.setMinWidth(Label.USE_PREF_SIZE);
            steps.getChildren().add(step);
        }
        Button dismiss = new Button(texts.get("session.hints.dismiss"));
        dismiss.setId("session-hints-dismiss");
        dismiss.setMinWidth(Button.USE_PREF_SIZE);
        dismiss.setOnAction(event -> {
            setVisible(false);
            setManaged(false);
            onDismiss.run();
        });
        BorderPane.setAlignment(dismiss, Pos.CENTER_RIGHT);
        setCenter(steps);
        setRight(dismiss);
    }
}
