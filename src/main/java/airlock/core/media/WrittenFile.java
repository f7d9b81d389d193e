package airlock.core.media;

import java.nio.file.Path;

/**
 * A file written and verified on media: where, how big, the SHA-256 read back from it, and how it
 * was read back (from the device, or only through the page cache where the file system allows no
 * better).
 */
public record WrittenFile(Path path, long size, String sha256, ReadBack readBack) {
}
