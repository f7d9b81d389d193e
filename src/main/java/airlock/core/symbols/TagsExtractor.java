package airlock.core.symbols;

import airlock.core.syntax.Language;
import airlock.core.syntax.Language.Syntax;
import airlock.core.syntax.TokenKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lexer-level tags extractor: definitions (functions, methods, macros, structs/classes/enums/typedefs,
 * ...) and identifier occurrences, for C/C++, Java, C#, JavaScript/TypeScript, Go, Rust, Python and shell.
 * One pass over the fallback lexer's tokens with brace (or indentation) tracking; no full parse, so it
 * runs at lexer speed across a whole tree. Heuristic by design: see docs/navigation.md.
 */
public final class TagsExtractor {

    /** Extracts definitions and occurrences from one file's text. */
    public FileSymbols extract(Language language, CharSequence text) {
        if (language == Language.PLAIN || language == Language.MAKE) {
            return new FileSymbols(List.of(), Map.of());
        }
        Tokens t = Tokens.of(language, text);
        Walk w = new Walk(t, language);
        if (language.syntax() == Syntax.PYTHON) {
            new PythonRules(w).run();
        } else if (language == Language.JAVA) {
            new JavaRules(w).run();
        } else {
            new BraceRules(w).run();
        }
        return new FileSymbols(w.tags(), occurrences(t, w));
    }

    private static Map<String, int[]> occurrences(Tokens t, Walk w) {
        Map<String, Occurrences.Builder> by = new HashMap<>();
        Tokens pp = t.pp;
        int p = 0;
        for (int i = 0; i <= t.size; i++) {
            // preprocessor-line tokens sit before code token pp.at[p]: merge them in, in text order
            while (pp != null && p < pp.size && pp.at[p] <= i) {
                if (pp.kind[p] == TokenKind.IDENT && !w.isPpDefSite(p) && !pp.isWord(p, "defined")) {
                    by.computeIfAbsent(pp.text(p), k -> new Occurrences.Builder())
                            .add(pp.line[p], pp.col[p], pp.is(p + 1, '(') && pp.at[p + 1] == pp.at[p] ? Occurrences.CALL : 0);
                }
                p++;
            }
            if (i == t.size || t.kind[i] != TokenKind.IDENT || w.isDefSite(i)) {
                continue;
            }
            by.computeIfAbsent(t.text(i), k -> new Occurrences.Builder())
                    .add(t.line[i], t.col[i], t.is(i + 1, '(') ? Occurrences.CALL : 0);
        }
        Map<String, int[]> out = new HashMap<>(by.size() * 2);
        by.forEach((k, v) -> out.put(k, v.toArray()));
        return out;
    }

    /** Mutable state shared by the rule sets: definitions found so far and which tokens name them. */
    static final class Walk {
        final Tokens t;
        final Language language;
        private final List<Def> defs = new ArrayList<>();
        private final java.util.BitSet defSites = new java.util.BitSet();
        private final java.util.BitSet ppDefSites = new java.util.BitSet();

        Walk(Tokens t, Language language) {
            this.t = t;
            this.language = language;
        }

        /** Set while inside {@code #if 0}: definitions there are dead code and become plain references. */
        boolean quiet;

        /** The preprocessor branches the walk is in ({@link Tag#condition()}), "" outside any; set by the rules. */
        String condition = "";

        Def define(int token, SymbolKind kind, String scope) {
            Def d = new Def(t.text(token), kind, t.line[token], t.col[token], scope == null ? "" : scope,
                    t.lineText(token), condition);
            if (quiet) {
                return d;
            }
            defs.add(d);
            defSites.set(token);
            return d;
        }

        /** A definition named by preprocessor-line token {@code token} (a macro). */
        Def definePp(int token, SymbolKind kind) {
            Tokens pp = t.pp;
            Def d = new Def(pp.text(token), kind, pp.line[token], pp.col[token], "", pp.lineText(token), condition);
            if (quiet) {
                return d;
            }
            defs.add(d);
            ppDefSites.set(token);
            return d;
        }

        /** A definition whose displayed name differs from its token ({@code ~Foo}, {@code operator==}). */
        Def defineNamed(int token, String name, SymbolKind kind, String scope) {
            Def d = new Def(name, kind, t.line[token], t.col[token], scope == null ? "" : scope, t.lineText(token),
                    condition);
            if (quiet) {
                return d;
            }
            defs.add(d);
            defSites.set(token);
            return d;
        }

        boolean isPpDefSite(int token) {
            return ppDefSites.get(token);
        }

        boolean isDefSite(int token) {
            return defSites.get(token);
        }

        List<Tag> tags() {
            List<Tag> out = new ArrayList<>(defs.size());
            for (Def d : defs) {
                out.add(new Tag(d.name, d.kind, d.line, d.col, Math.max(d.line, d.endLine), d.scope, d.signature,
                        d.condition));
            }
            return out;
        }
    }

    /** A definition while its end line is still unknown. */
    static final class Def {
        final String name;
        final SymbolKind kind;
        final int line;
        final int col;
        final String scope;
        final String signature;
        final String condition;
        int endLine;

        Def(String name, SymbolKind kind, int line, int col, String scope, String signature, String condition) {
            this.name = name;
            this.kind = kind;
            this.line = line;
            this.col = col;
            this.scope = scope;
            this.signature = signature;
            this.condition = condition;
            this.endLine = line;
        }
    }
}
