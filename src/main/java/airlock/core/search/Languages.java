package airlock.core.search;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The language filter: a file's language from its name, by extension or well-known file name. */
public final class Languages {
    private static final Map<String, String> BY_EXTENSION = new TreeMap<>();
    private static final Map<String, String> BY_NAME = Map.of(
            "makefile", "make", "kbuild", "make", "kconfig", "kconfig", "dockerfile", "docker",
            "cmakelists.txt", "cmake");

    static {
        register("c", "c", "h");
        register("cpp", "cc", "cpp", "cxx", "c++", "hh", "hpp", "hxx", "h++", "inl");
        register("java", "java");
        register("kotlin", "kt", "kts");
        register("python", "py", "pyi");
        register("javascript", "js", "mjs", "cjs", "jsx");
        register("typescript", "ts", "tsx", "mts", "cts");
        register("go", "go");
        register("rust", "rs");
        register("csharp", "cs");
        register("ruby", "rb");
        register("php", "php");
        register("perl", "pl", "pm");
        register("shell", "sh", "bash", "zsh", "ksh");
        register("asm", "s", "asm");
        register("make", "mk", "mak");
        register("cmake", "cmake");
        register("swift", "swift");
        register("xml", "xml", "xsd", "xsl");
        register("json", "json");
        register("yaml", "yaml", "yml");
        register("markdown", "md", "markdown");
        register("html", "html", "htm");
        register("css", "css");
        register("sql", "sql");
        register("proto", "proto");
    }

    private Languages() {
    }

    private static void register(String language, String... extensions) {
        for (String ext : extensions) {
            BY_EXTENSION.put(ext, language);
        }
    }

    /** Every language name the filter knows. */
    public static Set<String> names() {
        Set<String> out = new java.util.TreeSet<>(BY_EXTENSION.values());
        out.addAll(BY_NAME.values());
        return out;
    }

    /** The language of {@code path}, or null when unknown. */
    public static String of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String byName = BY_NAME.get(name.toLowerCase(Locale.ROOT));
        if (byName != null) {
            return byName;
        }
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        String ext = name.substring(dot + 1);
        // ".S" is preprocessed assembly; otherwise extensions are case-insensitive
        String language = BY_EXTENSION.get(ext);
        return language != null ? language : BY_EXTENSION.get(ext.toLowerCase(Locale.ROOT));
    }
}
