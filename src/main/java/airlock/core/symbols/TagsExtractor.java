package airlock.core.symbols;

import airlock.core.syntax.Language;
import airlock.core.syntax.Language.Syntax;
import airlock.core.syntax.TokenKind;
import java.util.ArrayList;
import java.util.Arrays;
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

    static Map<String, int[]> occurrences(Tokens t, Walk w) {
        NameRanges names = new NameRanges(t.text, Math.max(16, t.size / 4));
        // every occurrence in text order: its name's number, then its line, column and flags
        int capacity = t.size + (t.pp == null ? 0 : t.pp.size);
        int[] nameOf = new int[capacity];
        int[] triples = new int[3 * capacity];
        int m = 0;
        Tokens pp = t.pp;
        int p = 0;
        for (int i = 0; i <= t.size; i++) {
            // preprocessor-line tokens sit before code token pp.at[p]: merge them in, in text order
            while (pp != null && p < pp.size && pp.at[p] <= i) {
                if (pp.kind[p] == TokenKind.IDENT && !w.isPpDefSite(p) && !pp.isWord(p, "defined")) {
                    nameOf[m] = names.number(pp.start[p], pp.end[p]);
                    triples[3 * m] = pp.line[p];
                    triples[3 * m + 1] = pp.col[p];
                    triples[3 * m + 2] = pp.is(p + 1, '(') && pp.at[p + 1] == pp.at[p] ? Occurrences.CALL : 0;
                    m++;
                }
                p++;
            }
            if (i == t.size || t.kind[i] != TokenKind.IDENT || w.isDefSite(i)) {
                continue;
            }
            nameOf[m] = names.number(t.start[i], t.end[i]);
            triples[3 * m] = t.line[i];
            triples[3 * m + 1] = t.col[i];
            triples[3 * m + 2] = t.is(i + 1, '(') ? Occurrences.CALL : 0;
            m++;
        }
        int[][] positions = new int[names.size][];
        int[] filled = new int[names.size];
        for (int k = 0; k < m; k++) {
            filled[nameOf[k]] += 3;
        }
        for (int n = 0; n < names.size; n++) {
            positions[n] = new int[filled[n]];
            filled[n] = 0;
        }
        for (int k = 0; k < m; k++) {
            int n = nameOf[k];
            System.arraycopy(triples, 3 * k, positions[n], filled[n], 3);
            filled[n] += 3;
        }
        // The map is built exactly as before (names entered by computeIfAbsent in first-occurrence order, then
        // copied into a map sized twice the count): the inserter numbers new names in the map's iteration order,
        // so the same order keeps the index's name ids the same.
        Map<String, int[]> by = new HashMap<>();
        for (int n = 0; n < names.size; n++) {
            int[] v = positions[n];
            by.computeIfAbsent(names.name(n), k -> v);
        }
        Map<String, int[]> out = new HashMap<>(by.size() * 2);
        by.forEach(out::put);
        return out;
    }

    /**
     * The distinct names of a file's identifier tokens, numbered in first-occurrence order, found by their
     * characters in the text (an open-addressing table of token ranges): one string per distinct name
     * instead of a substring, its hash and a map lookup per occurrence (those were a sixth of the
     * extraction's CPU).
     */
    static final class NameRanges {
        private final CharSequence text;
        /** Per slot: name number + 1, 0 when empty; at most half are used. */
        private int[] slots;
        private int[] hashes;
        private int[] starts;
        private int[] ends;
        int size;

        NameRanges(CharSequence text, int expected) {
            this.text = text;
            slots = new int[Integer.highestOneBit(Math.max(8, expected) * 2) * 2];
            hashes = new int[Math.max(8, expected)];
            starts = new int[hashes.length];
            ends = new int[hashes.length];
        }

        /** The number of the name {@code text[start, end)}, a new one for a name not seen before. */
        int number(int start, int end) {
            int h = 0;
            for (int i = start; i < end; i++) {
                h = 31 * h + text.charAt(i);
            }
            int mask = slots.length - 1;
            int len = end - start;
            int s = (h ^ (h >>> 16)) & mask;
            for (int v = slots[s]; v != 0; v = slots[s]) {
                int n = v - 1;
                if (hashes[n] == h && ends[n] - starts[n] == len && sameChars(starts[n], start, len)) {
                    return n;
                }
                s = (s + 1) & mask;
            }
            if (size == hashes.length) {
                int grown = size * 2;
                hashes = Arrays.copyOf(hashes, grown);
                starts = Arrays.copyOf(starts, grown);
                ends = Arrays.copyOf(ends, grown);
            }
            hashes[size] = h;
            starts[size] = start;
            ends[size] = end;
            slots[s] = ++size;
            if (size * 2 > slots.length) {
                rehash();
            }
            return size - 1;
        }

        String name(int n) {
            return text.subSequence(starts[n], ends[n]).toString();
        }

        private boolean sameChars(int a, int b, int len) {
            if (a == b) {
                return true;
            }
            for (int i = 0; i < len; i++) {
                if (text.charAt(a + i) != text.charAt(b + i)) {
                    return false;
                }
            }
            return true;
        }

        private void rehash() {
            int[] bigger = new int[slots.length * 2];
            int mask = bigger.length - 1;
            for (int n = 0; n < size; n++) {
                int h = hashes[n];
                int s = (h ^ (h >>> 16)) & mask;
                while (bigger[s] != 0) {
                    s = (s + 1) & mask;
                }
                bigger[s] = n + 1;
            }
            slots = bigger;
        }
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
