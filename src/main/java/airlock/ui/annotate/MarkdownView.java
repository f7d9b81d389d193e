package airlock.ui.annotate;

import airlock.core.text.VisibleText;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Markdown shown as styled text, safely. The text is parsed by commonmark-java (CommonMark: so
 * {@code SECRET_TYPED_TEXT} is not emphasis, issue 19) and its syntax tree is walked into {@link Text}
 * nodes with style classes: headings, paragraphs, lists, quotes, emphasis, inline code and code blocks.
 * Nothing is interpreted beyond that: no HTML (tags are shown as typed), no link opens (its target is
 * shown after the text), no image or other remote content is fetched (an image is shown as its
 * description). Every piece of text is passed through {@link VisibleText#escape}, so control and bidi
 * characters show as tokens.
 */
final class MarkdownView {
    /** The parser keeps HTML as nodes (shown as typed below); nothing it produces is ever fetched. */
    private static final Parser PARSER = Parser.builder().build();

    private MarkdownView() {
    }

    /** A node showing {@code markdown}; plain labels, nothing selectable or clickable. */
    static Node render(String markdown) {
        VBox blocks = new VBox(4);
        blocks.getStyleClass().add("md-view");
        org.commonmark.node.Node document = PARSER.parse(markdown);
        for (org.commonmark.node.Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            block(blocks, block, null);
        }
        return blocks;
    }

    /** Adds {@code block}'s flows to {@code blocks}; {@code extra} is a style class of an enclosing quote. */
    private static void block(VBox blocks, org.commonmark.node.Node block, String extra) {
        if (block instanceof Heading heading) {
            add(blocks, inline(heading), "md-h" + Math.min(heading.getLevel(), 3), extra);
        } else if (block instanceof Paragraph paragraph) {
            add(blocks, inline(paragraph), "md-paragraph", extra);
        } else if (block instanceof FencedCodeBlock code) {
            add(blocks, codeFlow(code.getLiteral()), "md-code-block", extra);
        } else if (block instanceof IndentedCodeBlock code) {
            add(blocks, codeFlow(code.getLiteral()), "md-code-block", extra);
        } else if (block instanceof HtmlBlock html) {
            // shown as typed, never rendered
            add(blocks, new TextFlow(new Text(VisibleText.escape(strip(html.getLiteral())))), "md-paragraph", extra);
        } else if (block instanceof ThematicBreak) {
            add(blocks, new TextFlow(new Text("\u2014\u2014\u2014")), "md-paragraph", extra);
        } else if (block instanceof BlockQuote quote) {
            for (org.commonmark.node.Node child = quote.getFirstChild(); child != null; child = child.getNext()) {
                block(blocks, child, "md-quote");
            }
        } else if (block instanceof BulletList || block instanceof OrderedList) {
            int number = block instanceof OrderedList ordered ? startOf(ordered) : 0;
            char delimiter = block instanceof OrderedList ordered ? delimiterOf(ordered) : '.';
            for (org.commonmark.node.Node item = block.getFirstChild(); item != null; item = item.getNext()) {
                String marker = block instanceof OrderedList ? (number++) + String.valueOf(delimiter) + " " : "\u2022 ";
                listItem(blocks, (ListItem) item, marker, extra);
            }
        } else {
            // anything else (a future node type) is shown as its text
            add(blocks, inline(block), "md-paragraph", extra);
        }
    }

    private static void listItem(VBox blocks, ListItem item, String marker, String extra) {
        boolean first = true;
        for (org.commonmark.node.Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (first && child instanceof Paragraph paragraph) {
                TextFlow flow = inline(paragraph);
                flow.getChildren().add(0, new Text(marker));
                add(blocks, flow, "md-list-item", extra);
            } else if (first) {
                add(blocks, new TextFlow(new Text(marker)), "md-list-item", extra);
                block(blocks, child, extra);
            } else {
                block(blocks, child, extra);
            }
            first = false;
        }
        if (first) {
            add(blocks, new TextFlow(new Text(marker)), "md-list-item", extra);
        }
    }

    @SuppressWarnings("deprecation")
    private static int startOf(OrderedList list) {
        return list.getStartNumber();
    }

    @SuppressWarnings("deprecation")
    private static char delimiterOf(OrderedList list) {
        return list.getDelimiter();
    }

    private static void add(VBox blocks, TextFlow flow, String styleClass, String extra) {
        flow.getStyleClass().add(styleClass);
        if (extra != null) {
            flow.getStyleClass().add(extra);
        }
        blocks.getChildren().add(flow);
    }

    private static TextFlow codeFlow(String literal) {
        String[] lines = strip(literal).split("\n", -1);
        StringBuilder code = new StringBuilder();
        for (String line : lines) {
            code.append(code.length() == 0 ? "" : "\n").append(VisibleText.escape(line.replace("\t", "    ")));
        }
        return new TextFlow(new Text(code.toString()));
    }

    private static String strip(String literal) {
        return literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
    }

    /** The inline content of one block (emphasis, strong, inline code, links, images) as one flow. */
    static TextFlow inline(org.commonmark.node.Node block) {
        TextFlow flow = new TextFlow();
        for (org.commonmark.node.Node child = block.getFirstChild(); child != null; child = child.getNext()) {
            inline(flow, child, List.of());
        }
        return flow;
    }

    /** One paragraph of Markdown's inline syntax (for callers with a single line of text). */
    static TextFlow inline(String text) {
        org.commonmark.node.Node first = PARSER.parse(text).getFirstChild();
        return first == null ? new TextFlow() : inline(first);
    }

    private static void inline(TextFlow flow, org.commonmark.node.Node node, List<String> styles) {
        if (node instanceof org.commonmark.node.Text text) {
            flow.getChildren().add(styled(text.getLiteral(), styles));
        } else if (node instanceof Code code) {
            flow.getChildren().add(styled(code.getLiteral(), with(styles, "md-code")));
        } else if (node instanceof HtmlInline html) {
            flow.getChildren().add(styled(html.getLiteral(), styles));
        } else if (node instanceof SoftLineBreak) {
            flow.getChildren().add(styled(" ", styles));
        } else if (node instanceof HardLineBreak) {
            flow.getChildren().add(new Text("\n"));
        } else if (node instanceof Emphasis) {
            children(flow, node, with(styles, "md-em"));
        } else if (node instanceof StrongEmphasis) {
            children(flow, node, with(styles, "md-strong"));
        } else if (node instanceof Link link) {
            children(flow, node, with(styles, "md-link"));
            flow.getChildren().add(styled(" (" + link.getDestination() + ")", List.of("md-link-target")));
        } else if (node instanceof Image image) {
            flow.getChildren().add(styled("[image: " + plainText(image) + "]", with(styles, "md-image")));
            flow.getChildren().add(styled(" (" + image.getDestination() + ")", List.of("md-link-target")));
        } else {
            children(flow, node, styles);
        }
    }

    private static void children(TextFlow flow, org.commonmark.node.Node node, List<String> styles) {
        for (org.commonmark.node.Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            inline(flow, child, styles);
        }
    }

    private static String plainText(org.commonmark.node.Node node) {
        StringBuilder out = new StringBuilder();
        for (org.commonmark.node.Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof org.commonmark.node.Text t) {
                out.append(t.getLiteral());
            } else if (child instanceof Code c) {
                out.append(c.getLiteral());
            } else {
                out.append(plainText(child));
            }
        }
        return out.toString();
    }

    private static List<String> with(List<String> styles, String style) {
        List<String> out = new ArrayList<>(styles);
        out.add(style);
        return out;
    }

    private static Text styled(String content, List<String> styles) {
        Text t = new Text(VisibleText.escape(content));
        t.getStyleClass().addAll(styles);
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
