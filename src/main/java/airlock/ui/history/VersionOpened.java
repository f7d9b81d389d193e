package airlock.ui.history;

/**
 * A file version shown by a diff or blame: where the session log records "file opened". The blob
 * id is null for the missing side of an added or deleted file.
 */
public record VersionOpened(String ref, String path, String blobId, String view) {
}
