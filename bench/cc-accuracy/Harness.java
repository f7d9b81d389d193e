import airlock.core.symbols.*;
import airlock.core.syntax.Language;
import java.nio.file.*;
import java.nio.charset.StandardCharsets;
import java.io.*;
import java.util.*;
import java.util.stream.*;

public class Harness {
    public static void main(String[] a) throws Exception {
        // args: out.tsv base reps roots...
        String out = a[0]; Path base = Path.of(a[1]); int reps = Integer.parseInt(a[2]);
        List<Path> files = new ArrayList<>();
        for (int i = 3; i < a.length; i++) {
            try (Stream<Path> s = Files.walk(base.resolve(a[i]))) { s.filter(Files::isRegularFile).sorted().forEach(files::add); }
        }
        List<String> texts = new ArrayList<>(); List<String> rels = new ArrayList<>();
        for (Path p : files) {
            byte[] b = Files.readAllBytes(p);
            texts.add(new String(b, StandardCharsets.UTF_8)); rels.add(base.relativize(p).toString());
        }
        TagsExtractor x = new TagsExtractor();
        java.lang.reflect.Method detect = null;
        try { detect = Language.class.getMethod("detect", String.class, CharSequence.class); } catch (NoSuchMethodException e) { }
        long best = Long.MAX_VALUE;
        try (PrintWriter w = new PrintWriter(new BufferedWriter(new FileWriter(out)))) {
            for (int r = 0; r < reps; r++) {
                long t0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                for (int i = 0; i < texts.size(); i++) {
                    Language l = detect != null ? (Language) detect.invoke(null, rels.get(i), texts.get(i)) : Language.forPath(rels.get(i));
                    FileSymbols fs = x.extract(l, texts.get(i));
                    if (r == reps - 1) for (Tag t : fs.definitions()) w.println(t.name() + "\t" + rels.get(i) + "\t" + t.line() + "\t" + t.kind() + "\t" + t.scope() + "\t" + l);
                }
                long t1 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(); best = Math.min(best, t1 - t0);
                System.err.println("rep " + r + ": " + (t1 - t0) / 1_000_000 + " ms, files " + texts.size());
            }
        }
        System.err.println("best cpu ms " + best / 1_000_000);
    }
}
