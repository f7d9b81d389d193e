package airlock.core.media;

import java.nio.file.Path;

/** A file written and verified on media: where, how big, and the SHA-256 read back from it. */
public record WrittenFile(Path path, long size, String sha256) {
}
