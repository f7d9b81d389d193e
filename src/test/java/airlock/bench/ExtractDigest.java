package airlock.bench;

import airlock.core.symbols.FileMark;
import airlock.core.symbols.FileSymbols;
import airlock.core.symbols.Tag;
import airlock.core.symbols.TagsExtractor;
import airlock.core.syntax.Language;
import airlock.core.text.ContentLimits;
import airlock.core.text.DecodedContent;
import airlock.core.text.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Proof harness for extraction speed-ups (not a unit test): runs the symbol build's per-file path
 * (Decoder with ContentLimits.DEFAULT, FileMark.ofContent, Language.detect, TagsExtractor.extract) over every
 * regular file of a folder on one thread and prints one SHA-256 over all results (path, marks, language, every
 * tag's fields, every occurrence name with its packed positions, names sorted) plus the thread's CPU time spent
 * in that path (reading files and digesting excluded). A second digest covers the occurrence maps' iteration
 * order (the inserter numbers new names in that order). A change that keeps the digest keeps the results.
 *
 * <p>Usage: {@code ExtractDigest <folder> [passes]}; each pass prints its own line (later passes run JIT-warm).
 */
public final class ExtractDigest {
    private ExtractDigest() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(files::add);
        }
        List<String> rel = new ArrayList<>();
        for (Path p : files) {
            rel.add(root.relativize(p).toString().replace('\\', '/'));
        }
        // sorted by relative path: the digest does not depend on the file system's listing order
        TreeMap<String, Path> byPath = new TreeMap<>();
        for (int i = 0; i < files.size(); i++) {
            byPath.put(rel.get(i), files.get(i));
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int pass = 1; pass <= passes; pass++) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            // the occurrence map's iteration order: the inserter gives new names their ids in that order
            MessageDigest order = MessageDigest.getInstance("SHA-256");
            Decoder decoder = new Decoder(ContentLimits.DEFAULT);
            long decodeNs = 0;
            long marksNs = 0;
            long extractNs = 0;
            long tags = 0;
            long occ = 0;
            for (Map.Entry<String, Path> f : byPath.entrySet()) {
                byte[] bytes;
                long size;
                try {
                    size = Files.size(f.getValue());
                    bytes = read(f.getValue(), 32L << 20);
                } catch (IOException e) {
                    update(md, "unreadable " + f.getKey());
                    continue;
                }
                long c0 = mx.getCurrentThreadCpuTime();
                DecodedContent content = decoder.decode(bytes, size);
                long c1 = mx.getCurrentThreadCpuTime();
                int marks = FileMark.ofContent(content);
                long c2 = mx.getCurrentThreadCpuTime();
                FileSymbols fs = null;
                Language lang = null;
                if (content.isText()) {
                    lang = Language.detect(f.getKey(), content.text());
                    fs = new TagsExtractor().extract(lang, content.text());
                }
                long c3 = mx.getCurrentThreadCpuTime();
                decodeNs += c1 - c0;
                marksNs += c2 - c1;
                extractNs += c3 - c2;
                update(md, "F\u0000" + f.getKey() + "\u0000" + marks + "\u0000" + lang);
                if (fs == null) {
                    continue;
                }
                tags += digest(md, fs.definitions());
                update(order, f.getKey());
                for (String name : fs.occurrences().keySet()) {
                    update(order, name);
                }
                occ += digest(md, new TreeMap<>(fs.occurrences()));
            }
            System.out.printf("pass %d: files %d, tags %d, occurrence ints %d, digest %s%n", pass, byPath.size(), tags,
                    occ, HexFormat.of().formatHex(md.digest()));
            System.out.printf("pass %d: occurrence map order digest %s%n", pass, HexFormat.of().formatHex(order.digest()));
            System.out.printf("pass %d: cpu ms decode %d, marks %d, detect+extract %d, total %d%n", pass,
                    decodeNs / 1_000_000, marksNs / 1_000_000, extractNs / 1_000_000,
                    (decodeNs + marksNs + extractNs) / 1_000_000);
        }
    }

    /**
     * One chunk of files through the per-file path, for {@link ExtractAb} (called through a class loader of its
     * own per code version): returns the CPU nanoseconds of decode, marks and detect+extract, and feeds the
     * results into {@code md} as {@link #main} does.
     */
    public static long[] runChunk(String[] paths, byte[][] contents, long[] sizes, MessageDigest md) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Decoder decoder = new Decoder(ContentLimits.DEFAULT);
        long[] ns = new long[3];
        for (int i = 0; i < paths.length; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            DecodedContent content = decoder.decode(contents[i], sizes[i]);
            long c1 = mx.getCurrentThreadCpuTime();
            int marks = FileMark.ofContent(content);
            long c2 = mx.getCurrentThreadCpuTime();
            FileSymbols fs = null;
            Language lang = null;
            if (content.isText()) {
                lang = Language.detect(paths[i], content.text());
                fs = new TagsExtractor().extract(lang, content.text());
            }
            long c3 = mx.getCurrentThreadCpuTime();
            ns[0] += c1 - c0;
            ns[1] += c2 - c1;
            ns[2] += c3 - c2;
            update(md, "F\u0000" + paths[i] + "\u0000" + marks + "\u0000" + lang);
            if (fs == null) {
                continue;
            }
            digest(md, fs.definitions());
            digest(md, fs.occurrences()); // iteration order included
        }
        return ns;
    }

    /** Feeds every definition's fields into {@code md}; returns how many. */
    private static int digest(MessageDigest md, List<Tag> definitions) {
        for (Tag t : definitions) {
            update(md, "T\u0000" + t.name() + "\u0000" + t.kind() + "\u0000" + t.line() + "\u0000" + t.column()
                    + "\u0000" + t.endLine() + "\u0000" + t.scope() + "\u0000" + t.signature() + "\u0000"
                    + t.condition());
        }
        return definitions.size();
    }

    /** Feeds each name's positions into {@code md} in the map's iteration order; returns the ints fed. */
    private static long digest(MessageDigest md, Map<String, int[]> occurrences) {
        long ints = 0;
        for (Map.Entry<String, int[]> o : occurrences.entrySet()) {
            StringBuilder sb = new StringBuilder("O\u0000").append(o.getKey());
            for (int v : o.getValue()) {
                sb.append('\u0000').append(v);
            }
            update(md, sb.toString());
            ints += o.getValue().length;
        }
        return ints;
    }

    private static byte[] read(Path p, long max) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 16));
        }
    }

    private static void update(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update((byte) (b.length >>> 24));
        md.update((byte) (b.length >>> 16));
        md.update((byte) (b.length >>> 8));
        md.update((byte) b.length);
        md.update(b);
    }
}
