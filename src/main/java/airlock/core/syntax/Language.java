package airlock.core.syntax;

import java.util.Locale;
import java.util.Set;

/**
 * The languages Airlock knows, with what the fallback lexer needs: keywords, comment and string syntax.
 * Detection is by file name, and for {@code .h} and extension-less files by a scan of the first lines
 * ({@link #detect}); content is never executed or interpreted.
 */
public enum Language {
    C("C", Syntax.C_LIKE, Keywords.C),
    CPP("C++", Syntax.C_LIKE, Keywords.CPP),
    JAVA("Java", Syntax.JAVA_LIKE, Keywords.JAVA),
    CSHARP("C#", Syntax.C_LIKE, Keywords.CSHARP),
    JAVASCRIPT("JavaScript", Syntax.JS, Keywords.JS),
    TYPESCRIPT("TypeScript", Syntax.JS, Keywords.TS),
    GO("Go", Syntax.GO, Keywords.GO),
    RUST("Rust", Syntax.RUST, Keywords.RUST),
    PYTHON("Python", Syntax.PYTHON, Keywords.PYTHON),
    SHELL("Shell", Syntax.SHELL, Keywords.SHELL),
    MAKE("Makefile", Syntax.SHELL, Set.of("ifeq", "ifneq", "ifdef", "ifndef", "else", "endif", "include", "define",
            "endef", "export", "override")),
    PLAIN("Text", Syntax.NONE, Set.of());

    /** Comment and string conventions shared by a family of languages. */
    public enum Syntax { C_LIKE, JAVA_LIKE, JS, GO, RUST, PYTHON, SHELL, NONE }

    private final String label;
    private final Syntax syntax;
    private final Set<String> keywords;

    /** The longest keyword's length. */
    private final int longestKeyword;
    /** The keywords in an open-addressing table by {@link #rangeHash} (a power of two, at most a quarter full). */
    private final String[] keywordSlots;

    Language(String label, Syntax syntax, Set<String> keywords) {
        this.label = label;
        this.syntax = syntax;
        this.keywords = keywords;
        int longest = 0;
        String[] slots = new String[Integer.highestOneBit(Math.max(1, keywords.size()) * 4) * 2];
        for (String k : keywords) {
            longest = Math.max(longest, k.length());
            int i = rangeHash(k, 0, k.length()) & (slots.length - 1);
            while (slots[i] != null) {
                i = (i + 1) & (slots.length - 1);
            }
            slots[i] = k;
        }
        this.longestKeyword = longest;
        this.keywordSlots = slots;
    }

    /** A hash of {@code text[start, end)}, the same for a string and any range holding the same characters. */
    private static int rangeHash(CharSequence text, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + text.charAt(i);
        }
        return h ^ (h >>> 16);
    }

    public String label() {
        return label;
    }

    public Syntax syntax() {
        return syntax;
    }

    public boolean isKeyword(String word) {
        return keywords.contains(word);
    }

    /**
     * Whether {@code text[start, end)} is a keyword, without making a string of the word: the lexer asks
     * this for every identifier of every file the symbol index reads (a string per identifier was a few
     * percent of the build's CPU). The same answer as {@link #isKeyword(String)} for the same characters.
     */
    public boolean isKeyword(CharSequence text, int start, int end) {
        int length = end - start;
        if (length <= 0 || length > longestKeyword) {
            return false;
        }
        int mask = keywordSlots.length - 1;
        for (int i = rangeHash(text, start, end) & mask; keywordSlots[i] != null; i = (i + 1) & mask) {
            String k = keywordSlots[i];
            if (k.length() == length && sameChars(k, text, start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameChars(String keyword, CharSequence text, int start) {
        for (int i = 0; i < keyword.length(); i++) {
            if (keyword.charAt(i) != text.charAt(start + i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The language of a file from its path and, where the name does not settle it, its first 32 KiB: a
     * {@code .h} file with C++ constructs is C++; an extension-less file is C++ when its first lines carry an
     * Emacs {@code -*- C++ -*-} mode line, or when it has preprocessor lines and C++ constructs (libstdc++'s
     * {@code <vector>}, {@code <map>}). The text is only scanned, never executed.
     */
    public static Language detect(String path, CharSequence text) {
        Language byName = forPath(path);
        if (text == null || (byName != C && byName != PLAIN)) {
            return byName;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        boolean header = name.toLowerCase(Locale.ROOT).endsWith(".h");
        if (byName == C && !header) {
            return C;
        }
        if (byName == PLAIN && name.indexOf('.') >= 0) {
            return PLAIN; // README.md, notes.txt: only extension-less files are looked into
        }
        if (byName == PLAIN) {
            Language script = shebang(text);
            if (script != null) {
                return script;
            }
        }
        int n = Math.min(text.length(), 32 * 1024);
        boolean preproc = false;
        int cxxGuard = 0; // inside #ifdef __cplusplus: C++ lines there are for C++ includers of a C header
        int lineNo = 0;
        for (int i = 0; i < n; lineNo++) {
            int e = i;
            while (e < n && text.charAt(e) != '\n') {
                e++;
            }
            if (lineNo < 3 && modeLineCpp(text, i, e)) {
                return CPP;
            }
            if (e > i && text.charAt(i) == '#') {
                preproc = true;
                int k = i + 1;
                while (k < e && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
                    k++;
                }
                if (startsWith(text, k, e, "if")) {
                    cxxGuard += cxxGuard > 0 || contains(text, k, e, "__cplusplus") ? 1 : 0;
                } else if (cxxGuard > 0 && startsWith(text, k, e, "endif")) {
                    cxxGuard--;
                }
            } else if (cxxGuard == 0 && e > i && "ntcui".indexOf(text.charAt(i)) >= 0 && cppLine(text, i, e)) {
                if (byName == C || preproc) {
                    return CPP;
                }
            }
            i = e + 1;
        }
        return byName;
    }

    /**
     * The language an extension-less script's {@code #!} line names ({@code #!/usr/bin/env node},
     * {@code #!/usr/bin/python3}, {@code #!/bin/sh}): the interpreter's base name, after {@code env} and its
     * options. Only read, never run; null when there is no such line or it names something else.
     */
    static Language shebang(CharSequence text) {
        if (text.length() < 3 || text.charAt(0) != '#' || text.charAt(1) != '!') {
            return null;
        }
        int e = 2;
        while (e < text.length() && e < 256 && text.charAt(e) != '\n') {
            e++;
        }
        String[] words = text.subSequence(2, e).toString().strip().split("[ \t]+");
        int k = 0;
        if (words.length > 0 && (words[0].equals("/usr/bin/env") || words[0].equals("/bin/env"))) {
            k = 1;
            while (k < words.length && (words[k].startsWith("-") || words[k].contains("="))) {
                k++; // env -S, env NODE_OPTIONS=...
            }
        }
        if (k >= words.length) {
            return null;
        }
        String program = words[k].substring(words[k].lastIndexOf('/') + 1);
        if (program.equals("node") || program.equals("nodejs")) {
            return JAVASCRIPT;
        }
        if (program.matches("python[0-9.]*")) {
            return PYTHON;
        }
        return switch (program) {
            case "sh", "bash", "dash", "ksh", "zsh" -> SHELL;
            default -> null;
        };
    }

    private static boolean modeLineCpp(CharSequence s, int from, int to) {
        String line = s.subSequence(from, to).toString();
        int m = line.indexOf("-*-");
        return m >= 0 && line.indexOf("-*-", m + 3) > m && line.toLowerCase(Locale.ROOT).contains("c++");
    }

    /** A line starting in column 0 with a C++-only construct: namespace, template, class, using namespace. */
    private static boolean cppLine(CharSequence s, int from, int to) {
        String[] starts = {"namespace ", "template<", "template <", "class ", "using namespace ", "inline namespace "};
        for (String p : starts) {
            if (startsWith(s, from, to, p)) {
                if (p.equals("class ") || p.equals("namespace ")) {
                    // class/namespace followed by a name and then a body, base list or end: not prose
                    int k = from + p.length();
                    int nameStart = k;
                    while (k < to && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_')) {
                        k++;
                    }
                    if (k == nameStart && !(p.equals("namespace ") && k < to && s.charAt(k) == '{')) {
                        return false;
                    }
                    String rest = s.subSequence(k, to).toString().strip();
                    return rest.isEmpty() || rest.startsWith("{") || rest.startsWith(":") || rest.startsWith(";")
                            || rest.startsWith("_") || rest.startsWith("final");
                }
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(CharSequence s, int from, int to, String p) {
        if (to - from < p.length()) {
            return false;
        }
        for (int k = 0; k < p.length(); k++) {
            if (s.charAt(from + k) != p.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(CharSequence s, int from, int to, String p) {
        for (int k = from; k + p.length() <= to; k++) {
            if (startsWith(s, k, to, p)) {
                return true;
            }
        }
        return false;
    }

    /** The language of a repository path, PLAIN when unknown. */
    public static Language forPath(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("makefile") || lower.equals("gnumakefile") || lower.endsWith(".mk") || lower.equals("kbuild")) {
            return MAKE;
        }
        int dot = lower.lastIndexOf('.');
        String ext = dot < 0 ? "" : lower.substring(dot + 1);
        return switch (ext) {
            case "c", "h" -> C;
            case "cc", "cpp", "cxx", "c++", "hh", "hpp", "hxx", "h++", "ipp", "tcc", "inl" -> CPP;
            case "java" -> JAVA;
            case "cs" -> CSHARP;
            case "js", "mjs", "cjs", "jsx" -> JAVASCRIPT;
            case "ts", "tsx", "mts", "cts" -> TYPESCRIPT;
            case "go" -> GO;
            case "rs" -> RUST;
            case "py", "pyi", "pyw" -> PYTHON;
            case "sh", "bash", "zsh", "ksh" -> SHELL;
            default -> PLAIN;
        };
    }
}
