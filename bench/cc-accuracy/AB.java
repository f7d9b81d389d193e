import java.net.*;
import java.nio.file.*;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.stream.*;
import java.lang.reflect.*;
import java.lang.management.*;

public class AB {
    public static void main(String[] a) throws Exception {
        Path base = Path.of(a[2]); int rounds = Integer.parseInt(a[3]);
        List<Path> files = new ArrayList<>();
        for (int i = 4; i < a.length; i++) try (Stream<Path> s = Files.walk(base.resolve(a[i]))) { s.filter(Files::isRegularFile).sorted().forEach(files::add); }
        List<String> texts = new ArrayList<>(), rels = new ArrayList<>();
        for (Path p : files) { texts.add(new String(Files.readAllBytes(p), StandardCharsets.UTF_8)); rels.add(base.relativize(p).toString()); }
        String[] names = {"base", "new"}; Object[][] impl = new Object[2][];
        for (int k = 0; k < 2; k++) {
            URLClassLoader cl = new URLClassLoader(new URL[]{Path.of(a[k]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> lang = cl.loadClass("airlock.core.syntax.Language");
            Class<?> tx = cl.loadClass("airlock.core.symbols.TagsExtractor");
            Method forPath = lang.getMethod("forPath", String.class);
            Method detect = null; if (System.getenv("NODETECT") == null) try { detect = lang.getMethod("detect", String.class, CharSequence.class); } catch (NoSuchMethodException e) {}
            impl[k] = new Object[]{tx.getConstructor().newInstance(), tx.getMethod("extract", lang, CharSequence.class), forPath, detect};
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[][] cpu = new long[2][rounds];
        for (int r = 0; r < rounds; r++) for (int k = (r % 2); k < (r % 2) + 2; k++) {
            int m = k % 2; Object[] o = impl[m];
            long t0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < texts.size(); i++) {
                Object l = o[3] != null ? ((Method) o[3]).invoke(null, rels.get(i), texts.get(i)) : ((Method) o[2]).invoke(null, rels.get(i));
                ((Method) o[1]).invoke(o[0], l, texts.get(i));
            }
            cpu[m][r] = (mx.getCurrentThreadCpuTime() - t0) / 1_000_000;
        }
        for (int m = 0; m < 2; m++) { long[] c = cpu[m].clone(); Arrays.sort(c); System.out.println(names[m] + " cpu ms per round: " + Arrays.toString(cpu[m]) + " median " + c[c.length / 2] + " min " + c[0]); }
        System.out.println("files " + texts.size());
    }
}
