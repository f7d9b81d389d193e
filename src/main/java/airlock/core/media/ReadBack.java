package airlock.core.media;

/** How a written file was read back for its SHA-256 check: what the comparison can vouch for. */
public enum ReadBack {
    /** With {@code O_DIRECT}: the bytes came from the device, not from the kernel's page cache. */
    DIRECT("read back from the device (O_DIRECT, past the page cache)"),
    /** The file system refused direct reads: the bytes may have come from the page cache. */
    CACHED("read back through the page cache (the file system refuses direct reads)"),
    /** A memory file system (tmpfs): the page cache is all there is, no device lies below it. */
    MEMORY("read back from memory (a memory file system has no device below the cache)");

    private final String description;

    ReadBack(String description) {
        this.description = description;
    }

    /** One phrase for the user: how the file was read back. */
    public String description() {
        return description;
    }
}
