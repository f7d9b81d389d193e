package airlock.core.media;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Points in the safe-write protocol where tests simulate a pulled stick or a stick that stores
 * other bytes than it was given. Production code uses {@link #NONE}.
 */
public interface WriteHooks {
    WriteHooks NONE = new WriteHooks() { };

    /** Called before each file is started (after nothing of it exists yet), with its final name. */
    default void beforeFile(String name) throws IOException { }

    /** Called after each chunk written to the temporary file. */
    default void afterChunk(long written, long total) throws IOException { }

    /** Called just before {@code force(true)}. */
    default void beforeForce() throws IOException { }

    /** Called just before the atomic move to the final name. */
    default void beforeMove() throws IOException { }

    /**
     * Called once the file is under its final name and synced, just before it is read back:
     * {@code file} is where it is (the folder's path and the name).
     */
    default void afterSync(Path file) throws IOException { }
}
