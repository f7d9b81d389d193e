package airlock.ui.annotate;

import airlock.core.text.VisibleText;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Markdown shown as styled text, safely: headings, paragraphs, lists, quotes, emphasis, inline code
 * and fenced code blocks become {@link Text} nodes with style classes. Nothing is interpreted beyond
 * that: no HTML (tags are shown as typed), no link opens (its target is shown after the text), no
 * image or other remote content is fetched (an image is shown as its description). Every piece of
 * text is passed through {@link VisibleText#escape}, so control and bidi characters show as tokens.
 */
final class MarkdownView {
    private MarkdownView() {
    }

    /** A node showing {@code markdown}; plain labels, nothing selectable or clickable. */
    static Node render(String markdown) {
        VBox blocks = new VBox(4);
        blocks.getStyleClass().add("md-view");
        String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
        List<String> paragraph = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                flush(blocks, paragraph);
                String fence = trimmed.substring(0, 3);
                StringBuilder code = new StringBuilder();
                for (i++; i < lines.length && !lines[i].strip().startsWith(fence); i++) {
                    code.append(code.length() == 0 ? "" : "\n").append(escapeLine(lines[i]));
                }
                blocks.getChildren().add(flow("md-code-block", new Text(code.toString())));
            } else if (trimmed.isEmpty()) {
                flush(blocks, paragraph);
            } else if (trimmed.matches("#{1,6} .*")) {
                flush(blocks, paragraph);
                int level = trimmed.indexOf(' ');
                TextFlow heading = inline(trimmed.substring(level + 1));
                heading.getStyleClass().add("md-h" + Math.min(level, 3));
                blocks.getChildren().add(heading);
            } else if (trimmed.matches("([-*+]|\\d{1,9}[.)]) .*")) {
                flush(blocks, paragraph);
                int space = trimmed.indexOf(' ');
                String marker = Character.isDigit(trimmed.charAt(0)) ? trimmed.substring(0, space) + " " : "\u2022 ";
                TextFlow item = inline(trimmed.substring(space + 1));
                item.getChildren().add(0, new Text(marker));
                item.getStyleClass().add("md-list-item");
                blocks.getChildren().add(item);
            } else if (trimmed.startsWith(">")) {
                flush(blocks, paragraph);
                TextFlow quote = inline(trimmed.substring(1).strip());
                quote.getStyleClass().add("md-quote");
                blocks.getChildren().add(quote);
            } else {
                paragraph.add(trimmed);
            }
        }
        flush(blocks, paragraph);
        return blocks;
    }

    private static void flush(VBox blocks, List<String> paragraph) {
        if (!paragraph.isEmpty()) {
            TextFlow p = inline(String.join(" ", paragraph));
            p.getStyleClass().add("md-paragraph");
            blocks.getChildren().add(p);
            paragraph.clear();
        }
    }

    private static TextFlow flow(String styleClass, Text... texts) {
        TextFlow flow = new TextFlow(texts);
        flow.getStyleClass().add(styleClass);
        return flow;
    }

    private static String escapeLine(String line) {
        return VisibleText.escape(line.replace("\t", "    "));
    }

    /** Emphasis, strong, inline code and links of one paragraph. */
    static TextFlow inline(String text) {
        TextFlow flow = new TextFlow();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end;
            if (c == '`' && (end = text.indexOf('`', i + 1)) > i) {
                emit(flow, plain);
                flow.getChildren().add(styled(text.substring(i + 1, end), "md-code"));
                i = end + 1;
            } else if (text.startsWith("**", i) && (end = text.indexOf("**", i + 2)) > i + 2) {
                emit(flow, plain);
                flow.getChildren().add(styled(text.substring(i + 2, end), "md-strong"));
                i = end + 2;
            } else if ((c == '*' || c == '_') && (end = text.indexOf(c, i + 1)) > i + 1) {
                emit(flow, plain);
                flow.getChildren().add(styled(text.substring(i + 1, end), "md-em"));
                i = end + 1;
            } else if ((c == '[' || text.startsWith("![", i)) && (end = linkEnd(text, i)) > 0) {
                emit(flow, plain);
                boolean image = c == '!';
                int close = text.indexOf("](", i);
                String label = text.substring(i + (image ? 2 : 1), close);
                String target = text.substring(close + 2, end - 1);
                flow.getChildren().add(styled(image ? "[image: " + label + "]" : label, image ? "md-image" : "md-link"));
                flow.getChildren().add(styled(" (" + target + ")", "md-link-target"));
                i = end;
            } else {
                plain.append(c);
                i++;
            }
        }
        emit(flow, plain);
        return flow;
    }

    /** End (exclusive) of {@code [label](target)} starting at {@code at}, or -1. */
    private static int linkEnd(String text, int at) {
        int close = text.indexOf("](", at);
        if (close < 0 || text.indexOf('\n', at) >= 0 && text.indexOf('\n', at) < close) {
            return -1;
        }
        int paren = text.indexOf(')', close + 2);
        return paren < 0 ? -1 : paren + 1;
    }

    private static void emit(TextFlow flow, StringBuilder plain) {
        if (plain.length() > 0) {
            flow.getChildren().add(new Text(VisibleText.escape(plain.toString())));
            plain.setLength(0);
        }
    }

    private static Text styled(String content, String styleClass) {
        Text t = new Text(VisibleText.escape(content));
        t.getStyleClass().add(styleClass);
        return t;
    }

    /** The text a rendering shows, joined, for tests and the hover preview's length check. */
    static String textOf(Node node) {
        StringBuilder out = new StringBuilder();
        collect(node, out);
        return out.toString();
    }

    private static void collect(Node node, StringBuilder out) {
        if (node instanceof Text t) {
            out.append(t.getText());
        } else if (node instanceof javafx.scene.control.Labeled l) {
            out.append(l.getText()).append('\n');
        } else if (node instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
            if (node instanceof TextFlow) {
                out.append('\n');
            }
        }
    }
}
