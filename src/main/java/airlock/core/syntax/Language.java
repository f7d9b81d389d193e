package airlock.core.syntax;

import java.util.Locale;
import java.util.Set;

/**
 * The languages Airlock knows, with what the fallback lexer needs: keywords, comment and string syntax.
 * Detection is by file name only (content is never executed or interpreted).
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

    Language(String label, Syntax syntax, Set<String> keywords) {
        this.label = label;
        this.syntax = syntax;
        this.keywords = keywords;
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
