package airlock.core.media;

import java.io.IOException;

/**
 * Points in the safe-write protocol where tests simulate a pulled stick. Production code uses
 * {@link #NONE}.
 */
public interface WriteHooks {
    WriteHooks NONE = new WriteHooks() { };

    /** Called after each chunk written to the temporary file. */
    default void afterChunk(long written, long total) throws IOException { }

    /** Called just before {@code force(true)}. */
    default void beforeForce() throws IOException { }

    /** Called just before the atomic move to the final name. */
    default void beforeMove() throws IOException { }
}
