package airlock.ui.tree;

import airlock.core.symbols.FileMark;
import airlock.core.text.VisibleText;
import airlock.ui.Texts;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.animation.PauseTransition;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The left panel: a filter box over a lazy tree of the files under review. Names are escaped so
 * control and bidi characters are visible. Double-click or Enter opens a file.
 */
public final class FileTreePane extends BorderPane {
    /** With at most this many matches, a filtered tree is shown fully expanded. */
    private static final int EXPAND_FILTERED_UP_TO = 300;
    private final FileTreeViewModel model;
    private final Texts texts;
    private final TextField filterField = new TextField();
    private final TreeView<PathNode> tree = new TreeView<>();
    private final Label summary = new Label();
    private final java.util.List<java.util.function.Function<PathNode, javafx.scene.Node>> decorators =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public FileTreePane(FileTreeViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        getStyleClass().add("file-tree");
        filterField.setPromptText(texts.get("tree.filter.prompt"));
        // typing in a tree of 80,000 files rebuilds the index once the typing pauses, not per key
        PauseTransition pause = new PauseTransition(Duration.millis(150));
        pause.setOnFinished(event -> model.filterProperty().set(filterField.getText()));
        filterField.textProperty().addListener((obs, old, text) -> pause.playFromStart());
        model.filterProperty().addListener((obs, old, text) -> {
            String now = text == null ? "" : text;
            if (!now.equals(filterField.getText())) {
                filterField.setText(now);
            }
        });
        filterField.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.ENTER) {
                tree.requestFocus();
                if (tree.getSelectionModel().isEmpty()) {
                    tree.getSelectionModel().selectFirst();
                }
            } else if (event.getCode() == KeyCode.ESCAPE) {
                filterField.clear();
            }
        });
        summary.getStyleClass().add("tree-summary");
        tree.setShowRoot(false);
        tree.setCellFactory(view -> new NodeCell());
        tree.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
        tree.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                openSelected();
            }
        });
        VBox top = new VBox(4, filterField, summary);
        top.getStyleClass().add("tree-header");
        setTop(top);
        setCenter(tree);
        VBox.setVgrow(tree, Priority.ALWAYS);
        model.indexProperty().addListener((obs, old, index) -> show(index));
        model.contentMarksProperty().addListener((obs, old, marks) -> tree.refresh());
        show(model.indexProperty().get());
    }

    private void openSelected() {
        TreeItem<PathNode> item = tree.getSelectionModel().getSelectedItem();
        if (item != null) {
            model.open(item.getValue());
        }
    }

    private void show(PathIndex index) {
        LazyTreeItem root = new LazyTreeItem(index, new PathNode("", "", null));
        root.setExpanded(true);
        tree.setRoot(root);
        if (model.isFiltering()) {
            summary.setText(texts.format("tree.filter.matches", index.fileCount(), model.totalFiles()));
            if (index.fileCount() <= EXPAND_FILTERED_UP_TO) {
                expandAll(root);
            }
        } else {
            summary.setText(texts.format("tree.summary", index.fileCount(), index.folderCount()));
        }
    }

    private static void expandAll(TreeItem<PathNode> root) {
        Deque<TreeItem<PathNode>> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            TreeItem<PathNode> item = todo.pop();
            if (!item.isLeaf()) {
                item.setExpanded(true);
                item.getChildren().forEach(todo::push);
            }
        }
    }

    /** Expands the folders down to {@code path} and selects it; false when it is not in the tree. */
    public boolean reveal(String path) {
        TreeItem<PathNode> item = tree.getRoot();
        for (String segment : path.split("/")) {
            TreeItem<PathNode> next = null;
            for (TreeItem<PathNode> child : item.getChildren()) {
                if (child.getValue().name().equals(segment)) {
                    next = child;
                    break;
                }
            }
            if (next == null) {
                return false;
            }
            item.setExpanded(true);
            item = next;
        }
        tree.getSelectionModel().select(item);
        int row = tree.getRow(item);
        tree.scrollTo(Math.max(0, row - 3));
        return true;
    }

    /**
     * Adds marks shown after each name (review coverage, warnings); the function is called for every
     * visible node on the FX thread and returns null for no mark. Several features can add theirs.
     */
    public void addDecorator(java.util.function.Function<PathNode, javafx.scene.Node> decorator) {
        decorators.add(decorator);
        tree.refresh();
    }

    /** Redraws the visible rows' marks, after what a decorator shows has changed. */
    public void refreshDecorations() {
        tree.refresh();
    }

    /** The tree itself, for tests. */
    public TreeView<PathNode> treeView() {
        return tree;
    }

    public void focusFilter() {
        filterField.requestFocus();
        filterField.selectAll();
    }

    public void focusTree() {
        tree.requestFocus();
    }

    private final class NodeCell extends TreeCell<PathNode> {
        private void decorate(PathNode node) {
            javafx.scene.layout.HBox marks = null;
            for (var decorator : decorators) {
                javafx.scene.Node mark = decorator.apply(node);
                if (mark != null) {
                    if (marks == null) {
                        marks = new javafx.scene.layout.HBox(4);
                        marks.getStyleClass().add("tree-marks");
                    }
                    marks.getChildren().add(mark);
                }
            }
            setGraphic(marks);
            setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        }

        @Override
        protected void updateItem(PathNode node, boolean empty) {
            super.updateItem(node, empty);
            getStyleClass().removeAll("folder", "file", "link", "marked-invisible");
            setGraphic(null);
            setTooltip(null);
            if (empty || node == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            decorate(node);
            String name = VisibleText.escape(node.name());
            if (node.isFolder()) {
                getStyleClass().add("folder");
                setText(name + "/");
            } else if (node.entry().kind() == airlock.core.source.EntryKind.SYMLINK) {
                getStyleClass().add("link");
                setText(texts.format("tree.symlink", name));
            } else {
                getStyleClass().add("file");
                setText(name);
            }
            if (!node.isFolder()) {
                showMarks(model.marksOf(node.entry()));
            }
        }

        /** Badges after the name, a tooltip that says what each means. */
        private void showMarks(java.util.Set<FileMark> marks) {
            marks.remove(FileMark.SYMLINK); // the name already says "link, not followed"
            if (marks.isEmpty()) {
                return;
            }
            javafx.scene.layout.HBox badges = new javafx.scene.layout.HBox(3);
            StringBuilder tip = new StringBuilder();
            for (FileMark mark : marks) {
                Label badge = new Label(texts.get(badgeKey(mark)));
                badge.getStyleClass().addAll("tree-mark", "tree-mark-" + mark.name().toLowerCase(java.util.Locale.ROOT));
                badges.getChildren().add(badge);
                tip.append(tip.length() == 0 ? "" : "\n").append(texts.get(badgeKey(mark) + ".tip"));
            }
            if (marks.contains(FileMark.INVISIBLE)) {
                getStyleClass().add("marked-invisible");
            }
            setGraphic(badges);
            setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            setTooltip(new javafx.scene.control.Tooltip(tip.toString()));
        }
    }

    private static String badgeKey(FileMark mark) {
        return switch (mark) {
            case INVISIBLE -> "tree.mark.invisible";
            case BINARY -> "tree.mark.binary";
            case GENERATED -> "tree.mark.generated";
            case HUGE -> "tree.mark.huge";
            case SYMLINK -> "tree.mark.symlink";
            case SUBMODULE -> "tree.mark.submodule";
        };
    }
}
