package airlock.ui.tree;

import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/** A tree item whose children are created from the index the first time they are asked for. */
final class LazyTreeItem extends TreeItem<PathNode> {
    private final PathIndex index;
    private boolean loaded;

    LazyTreeItem(PathIndex index, PathNode node) {
        super(node);
        this.index = index;
    }

    @Override
    public boolean isLeaf() {
        return !getValue().isFolder();
    }

    @Override
    public ObservableList<TreeItem<PathNode>> getChildren() {
        if (!loaded) {
            loaded = true;
            if (getValue().isFolder()) {
                for (PathNode child : index.children(getValue().path())) {
                    super.getChildren().add(new LazyTreeItem(index, child));
                }
            }
        }
        return super.getChildren();
    }
}
