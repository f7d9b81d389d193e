package airlock.archfixture.bad;

/** Deliberately breaks the inspector-chooser rule: an inspector's screen reaching the general file chooser. */
public final class BadInspectorScreen {
    public java.util.List<java.nio.file.Path> roots() {
        return airlock.ui.choose.PathChooser.sensibleRoots(java.util.List.of());
    }
}
