package airlock.bench;

import airlock.core.source.EntryKind;
import airlock.core.source.SourceEntry;
import airlock.core.source.SourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Benchmark-only source: an unpacked folder read from disk (the product reads git objects instead). */
final class DirectorySource implements SourceTree {
    private final Path root;

    DirectorySource(Path root) {
        this.root = root;
    }

    @Override public String label() { return root.toString(); }
    @Override public List<String> refs() { return List.of("refs/heads/bench"); }
    @Override public String reviewRef() { return "refs/heads/bench"; }
    @Override public String commitOf(String ref) { return "0000000000000000000000000000000000000000"; }

    @Override
    public List<SourceEntry> list(String ref) {
        List<SourceEntry> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).sorted().forEach(p -> {
                try {
                    out.add(new SourceEntry(root.relativize(p).toString(), EntryKind.FILE, Files.size(p), ""));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public SourceEntry find(String ref, String path) {
        Path p = root.resolve(path);
        try {
            return Files.isRegularFile(p) ? new SourceEntry(path, EntryKind.FILE, Files.size(p), "") : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] read(SourceEntry entry, long maxBytes) {
        try {
            byte[] b = Files.readAllBytes(root.resolve(entry.path()));
            return b.length <= maxBytes ? b : java.util.Arrays.copyOf(b, (int) maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public void close() { }
}
