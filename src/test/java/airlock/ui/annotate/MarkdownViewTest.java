package airlock.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Markdown shown as inert styled text: nothing clickable, nothing fetched, HTML as typed, hidden characters visible. */
@ExtendWith(ApplicationExtension.class)
class MarkdownViewTest {
    @Start
    void start(Stage stage) {
        // the toolkit is all these tests need
    }

    @Test
    void linksImagesAndHtmlStayTextAndHiddenCharactersShow() {
        Node view = MarkdownView.render("# Title\nSee [the advisory](https://evil.example/x) and ![chart](http://evil.example/c.png).\n"
                + "<script>alert(1)</script> <img src=x onerror=y>\n\n"
                + "- **bold** and *em* and `code`\n\n> quoted \u202Eevil\n\n```\nint a;\tint b;\n```");
        String text = MarkdownView.textOf(view);
        assertTrue(text.contains("the advisory (https://evil.example/x)"), text);
        assertTrue(text.contains("[image: chart] (http://evil.example/c.png)"), text);
        assertTrue(text.contains("<script>alert(1)</script>"), "HTML is shown as typed: " + text);
        assertTrue(text.contains("\u27E8U+202E\u27E9evil"), "bidi control shown as a token: " + text);
        assertFalse(text.contains("\u202E"));
        assertTrue(text.contains("int a;    int b;"), "tabs in code blocks become spaces: " + text);
        List<Text> texts = new ArrayList<>();
        collect(view, texts);
        for (Text t : texts) {
            assertEquals(null, t.getOnMouseClicked(), "nothing reacts to a click");
        }
        assertTrue(texts.stream().anyMatch(t -> t.getStyleClass().contains("md-strong") && t.getText().equals("bold")));
        assertTrue(texts.stream().anyMatch(t -> t.getStyleClass().contains("md-link") && t.getText().equals("the advisory")));
    }

    @Test
    void intrawordUnderscoresAreNotEmphasisAsCommonMarkSays() {
        Node view = MarkdownView.render("Set SECRET_TYPED_TEXT and snake_case_name, but _this_ and *that* are emphasis.\n\n"
                + "1. first\n2. second\n\n<div onclick=x>raw</div>");
        List<Text> texts = new ArrayList<>();
        collect(view, texts);
        String text = MarkdownView.textOf(view);
        assertTrue(text.contains("Set SECRET_TYPED_TEXT and snake_case_name, but this and that are emphasis."), text);
        assertFalse(texts.stream().anyMatch(t -> t.getStyleClass().contains("md-em") && t.getText().contains("TYPED")),
                "no italic inside a word");
        assertTrue(texts.stream().anyMatch(t -> t.getStyleClass().contains("md-em") && t.getText().equals("this")));
        assertTrue(texts.stream().anyMatch(t -> t.getStyleClass().contains("md-em") && t.getText().equals("that")));
        assertTrue(text.contains("1. first") && text.contains("2. second"), text);
        assertTrue(text.contains("<div onclick=x>raw</div>"), "raw HTML is shown as typed: " + text);
    }

    private static void collect(Node node, List<Text> out) {
        if (node instanceof Text t) {
            out.add(t);
        } else if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collect(child, out));
        }
    }
}
