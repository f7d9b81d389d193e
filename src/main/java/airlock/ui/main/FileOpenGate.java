package airlock.ui.main;

import airlock.core.AirlockException;
import airlock.core.source.SourceEntry;

/**
 * Asked, off the FX thread, after a file's content is read and before it is shown. The session
 * feature records the {@code file.opened} entry here; if it throws, the file is not shown and the
 * user gets the exception's message (fail closed).
 */
@FunctionalInterface
public interface FileOpenGate {
    FileOpenGate OPEN = (tree, entry) -> { };

    void beforeShow(airlock.core.source.SourceTree tree, SourceEntry entry) throws AirlockException;
}
