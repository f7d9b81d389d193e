package airlock.core.symbols;

import airlock.core.syntax.Language;
import airlock.core.syntax.Language.Syntax;
import airlock.core.syntax.TokenKind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Definitions in brace languages: keyword-led rules per language plus the C-family "name(...) {" rule. */
final class BraceRules {
    private final TagsExtractor.Walk w;
    private final Tokens t;
    private final Syntax syntax;
    private final Language language;

    /** Body-opening brace token → what it opens. */
    private final Map<Integer, Body> bodies = new HashMap<>();
    private final Deque<Scope> scopes = new ArrayDeque<>();

    private record Body(String name, SymbolKind kind, TagsExtractor.Def def) {
    }

    private record Scope(String name, SymbolKind kind, boolean inFunction, TagsExtractor.Def def) {
    }

    BraceRules(TagsExtractor.Walk w) {
        this.w = w;
        this.t = w.t;
        this.language = w.language;
        this.syntax = language.syntax();
    }

    void run() {
        for (int i = 0; i < t.size; i++) {
            if (t.is(i, '{')) {
                Body b = bodies.remove(i);
                Scope parent = scopes.peek();
                boolean inFn = parent != null && parent.inFunction();
                if (b == null) {
                    scopes.push(new Scope(null, null, inFn, null));
                } else {
                    scopes.push(new Scope(b.name(), b.kind(), inFn || b.kind().isCallable(), b.def()));
                }
                continue;
            }
            if (t.is(i, '}')) {
                if (!scopes.isEmpty()) {
                    Scope s = scopes.pop();
                    if (s.def() != null) {
                        s.def().endLine = t.line[i];
                    }
                }
                continue;
            }
            if (t.kind[i] == TokenKind.KEYWORD || t.kind[i] == TokenKind.PREPROC) {
                keyword(i);
            } else if (t.kind[i] == TokenKind.IDENT) {
                ident(i);
            }
        }
    }

    private boolean inFunction() {
        return !scopes.isEmpty() && scopes.peek().inFunction();
    }

    /** The nearest named scope (class, namespace, impl, enum), or null. */
    private Scope named() {
        for (Scope s : scopes) {
            if (s.name() != null) {
                return s;
            }
        }
        return null;
    }

    private String scopeName() {
        Scope s = named();
        return s == null ? "" : s.name();
    }

    private void keyword(int i) {
        String word = t.text(i);
        if (t.kind[i] == TokenKind.PREPROC) {
            if (word.endsWith("define") && t.isIdent(i + 1) && t.line[i + 1] == t.line[i]) {
                w.define(i + 1, SymbolKind.MACRO, "");
            }
            return;
        }
        switch (syntax) {
            case GO -> goKeyword(i, word);
            case RUST -> rustKeyword(i, word);
            case SHELL -> {
                if (word.equals("function") && t.isIdent(i + 1)) {
                    bodyAfter(i + 1, w.define(i + 1, SymbolKind.FUNCTION, ""), i + 2);
                }
            }
            default -> cFamilyKeyword(i, word);
        }
    }

    private void cFamilyKeyword(int i, String word) {
        SymbolKind kind = switch (word) {
            case "struct" -> SymbolKind.STRUCT;
            case "union" -> SymbolKind.UNION;
            case "enum" -> SymbolKind.ENUM;
            case "class", "record" -> SymbolKind.CLASS;
            case "interface" -> SymbolKind.INTERFACE;
            case "namespace", "module" -> SymbolKind.NAMESPACE;
            default -> null;
        };
        if (kind != null) {
            int n = i + 1;
            if (kind == SymbolKind.ENUM && (t.isWord(n, "class") || t.isWord(n, "struct"))) {
                n++;
            }
            if (t.isWord(i - 1, "enum") || t.is(i - 1, '@') && kind != SymbolKind.INTERFACE) {
                return;
            }
            if (t.isIdent(n) && !t.is(i - 1, '.')) {
                int after = word.equals("record") && t.is(n + 1, '(') ? t.matching(n + 1) + 1 : n + 1;
                int brace = typeBody(after);
                if (brace >= 0) {
                    TagsExtractor.Def d = w.define(n, kind, scopeName());
                    bodies.put(brace, new Body(t.text(n), kind, d));
                }
            }
            return;
        }
        switch (word) {
            case "typedef" -> typedef(i);
            case "function" -> {
                int n = t.is(i + 1, '*') ? i + 2 : i + 1;
                if (t.isIdent(n)) {
                    bodyAfter(n, w.define(n, SymbolKind.FUNCTION, scopeName()), n + 1);
                }
            }
            case "type" -> {
                if (language == Language.TYPESCRIPT && t.isIdent(i + 1) && (t.is(i + 2, '=') || t.is(i + 2, '<'))) {
                    w.define(i + 1, SymbolKind.TYPE, scopeName());
                }
            }
            case "const", "let", "var" -> {
                if (syntax == Syntax.JS && t.isIdent(i + 1) && t.is(i + 2, '=') && isFunctionValue(i + 3)) {
                    w.define(i + 1, SymbolKind.FUNCTION, scopeName());
                }
            }
            default -> { }
        }
    }

    private boolean isFunctionValue(int j) {
        if (t.isWord(j, "function") || t.isWord(j, "async")) {
            return true;
        }
        if (t.isIdent(j) && t.is(j + 1, '=') && t.is(j + 2, '>')) {
            return true;
        }
        if (t.is(j, '(')) {
            int close = t.matching(j);
            return t.is(close + 1, '=') && t.is(close + 2, '>');
        }
        return false;
    }

    /** After a type name: the '{' of its body (allowing base lists and generics), or -1 for a use or declaration. */
    private int typeBody(int j) {
        for (int k = 0; k < 64 && j < t.size; k++, j++) {
            if (t.is(j, '{')) {
                return j;
            }
            if (t.is(j, ';') || t.is(j, '(') || t.is(j, ')') || t.is(j, '=') || t.is(j, '}') || t.is(j, '*')
                    || (t.is(j, ',') && syntax == Syntax.C_LIKE && language == Language.C)) {
                return -1;
            }
        }
        return -1;
    }

    private void typedef(int i) {
        int depth = 0;
        int last = -1;
        int pointerName = -1;
        for (int j = i + 1; j < t.size; j++) {
            if (t.is(j, '{') || t.is(j, '(') || t.is(j, '[')) {
                if (t.is(j, '(') && depth == 0 && t.is(j + 1, '*') && t.isIdent(j + 2) && pointerName < 0) {
                    pointerName = j + 2;
                }
                depth++;
            } else if (t.is(j, '}') || t.is(j, ')') || t.is(j, ']')) {
                depth--;
            } else if (depth == 0 && t.is(j, ';')) {
                break;
            } else if (depth == 0 && t.isIdent(j)) {
                last = j;
            }
        }
        int name = pointerName >= 0 ? pointerName : last;
        if (name >= 0) {
            w.define(name, SymbolKind.TYPEDEF, scopeName());
        }
    }

    private void ident(int i) {
        Scope top = scopes.peek();
        if (top != null && top.kind() == SymbolKind.ENUM && syntax != Syntax.JAVA_LIKE
                && (t.is(i - 1, '{') || t.is(i - 1, ',')) && (t.is(i + 1, ',') || t.is(i + 1, '=') || t.is(i + 1, '}'))) {
            w.define(i, SymbolKind.ENUMERATOR, top.name());
            return;
        }
        if (syntax == Syntax.SHELL) {
            if (t.is(i + 1, '(') && t.is(i + 2, ')') && t.is(i + 3, '{')
                    && (i == 0 || t.line[i - 1] != t.line[i] || t.is(i - 1, ';'))) {
                bodies.put(i + 3, new Body(t.text(i), SymbolKind.FUNCTION, w.define(i, SymbolKind.FUNCTION, "")));
            }
            return;
        }
        if (syntax == Syntax.GO || syntax == Syntax.RUST || inFunction() || !t.is(i + 1, '(') || w.isDefSite(i)) {
            return;
        }
        boolean initializer = t.is(i - 1, ':') && !t.is(i - 2, ':') || t.is(i - 1, ',');
        if (initializer || t.is(i - 1, '.') || t.is(i - 1, '=') || t.isWord(i - 1, "new") || t.is(i - 1, '>') && t.is(i - 2, '-')) {
            return;
        }
        int close = t.matching(i + 1);
        int brace = functionBody(close + 1);
        if (brace < 0) {
            return;
        }
        String scope = qualifier(i);
        Scope named = named();
        SymbolKind kind = SymbolKind.FUNCTION;
        if (!scope.isEmpty() && language == Language.CPP) {
            kind = SymbolKind.METHOD;
        } else if (named != null && named.kind() != SymbolKind.NAMESPACE) {
            kind = SymbolKind.METHOD;
            scope = named.name();
        } else if (named != null) {
            scope = scope.isEmpty() ? named.name() : named.name() + "::" + scope;
        }
        TagsExtractor.Def d = w.define(i, kind, scope);
        bodies.put(brace, new Body(null, kind, d));
    }

    /** {@code A::B::} before a C++ name, as "A::B". */
    private String qualifier(int i) {
        StringBuilder b = new StringBuilder();
        int j = i - 1;
        while (j >= 2 && t.is(j, ':') && t.is(j - 1, ':') && t.isIdent(j - 2)) {
            b.insert(0, b.length() == 0 ? t.text(j - 2) : t.text(j - 2) + "::");
            j -= 3;
        }
        return b.toString();
    }

    /** After a parameter list: the '{' of a function body, or -1 (declaration, call, initializer). */
    private int functionBody(int j) {
        for (int k = 0; k < 64 && j < t.size; k++) {
            if (t.is(j, '{')) {
                return j;
            }
            if (t.is(j, ';') || t.is(j, '}') || t.is(j, '=') || t.is(j, ')') || t.kind[j] == TokenKind.STRING
                    || t.kind[j] == TokenKind.PREPROC
                    || t.kind[j] == TokenKind.NUMBER && !t.is(j - 1, '(')) {
                return -1;
            }
            if (t.is(j, '(') || t.is(j, '[')) {
                j = t.matching(j);
            }
            j++;
        }
        return -1;
    }

    /** Registers the body of {@code def}: the next '{' before any ';' starting at {@code from}. */
    private void bodyAfter(int nameToken, TagsExtractor.Def def, int from) {
        for (int j = from, k = 0; j < t.size && k < 256; j++, k++) {
            if (t.is(j, '(')) {
                j = t.matching(j);
                continue;
            }
            if (t.is(j, '{')) {
                bodies.put(j, new Body(null, def.kind, def));
                return;
            }
            if (t.is(j, ';') || t.is(j, '}')) {
                return;
            }
        }
    }

    private void goKeyword(int i, String word) {
        switch (word) {
            case "func" -> {
                if (t.is(i + 1, '(')) {
                    int close = t.matching(i + 1);
                    String recv = "";
                    for (int j = close - 1; j > i + 1; j--) {
                        if (t.isIdent(j)) {
                            recv = t.text(j);
                            break;
                        }
                    }
                    if (t.isIdent(close + 1)) {
                        bodyAfter(close + 1, w.define(close + 1, SymbolKind.METHOD, recv), close + 2);
                    }
                } else if (t.isIdent(i + 1)) {
                    bodyAfter(i + 1, w.define(i + 1, SymbolKind.FUNCTION, ""), i + 2);
                }
            }
            case "type", "const" -> {
                SymbolKind base = word.equals("type") ? SymbolKind.TYPE : SymbolKind.CONSTANT;
                if (t.isIdent(i + 1)) {
                    w.define(i + 1, goTypeKind(base, i + 2), "");
                } else if (t.is(i + 1, '(') && !inFunction()) {
                    int close = t.matching(i + 1);
                    int depth = 0;
                    for (int j = i + 2; j < close; j++) {
                        if (t.is(j, '(') || t.is(j, '{') || t.is(j, '[')) {
                            depth++;
                        } else if (t.is(j, ')') || t.is(j, '}') || t.is(j, ']')) {
                            depth--;
                        } else if (depth == 0 && t.isIdent(j) && t.line[j] != t.line[j - 1]) {
                            w.define(j, goTypeKind(base, j + 1), "");
                        }
                    }
                }
            }
            default -> { }
        }
    }

    private SymbolKind goTypeKind(SymbolKind base, int next) {
        if (base == SymbolKind.TYPE && t.isWord(next, "struct")) {
            return SymbolKind.STRUCT;
        }
        if (base == SymbolKind.TYPE && t.isWord(next, "interface")) {
            return SymbolKind.INTERFACE;
        }
        return base;
    }

    private void rustKeyword(int i, String word) {
        switch (word) {
            case "fn" -> {
                if (t.isIdent(i + 1)) {
                    Scope named = named();
                    boolean method = named != null && (named.kind() == SymbolKind.CLASS || named.kind() == SymbolKind.TRAIT);
                    TagsExtractor.Def d = w.define(i + 1, method ? SymbolKind.METHOD : SymbolKind.FUNCTION,
                            named == null ? "" : named.name());
                    bodyAfter(i + 1, d, i + 2);
                }
            }
            case "struct", "enum", "union", "trait", "type", "mod", "const", "static" -> {
                int n = t.isWord(i + 1, "mut") ? i + 2 : i + 1;
                if (!t.isIdent(n) || inFunction() && !word.equals("const")) {
                    return;
                }
                SymbolKind kind = switch (word) {
                    case "struct" -> SymbolKind.STRUCT;
                    case "enum" -> SymbolKind.ENUM;
                    case "union" -> SymbolKind.UNION;
                    case "trait" -> SymbolKind.TRAIT;
                    case "type" -> SymbolKind.TYPE;
                    case "mod" -> SymbolKind.MODULE;
                    default -> SymbolKind.CONSTANT;
                };
                TagsExtractor.Def d = w.define(n, kind, scopeName());
                if (kind == SymbolKind.TRAIT || kind == SymbolKind.MODULE) {
                    int brace = typeBody(n + 1);
                    if (brace >= 0) {
                        bodies.put(brace, new Body(t.text(n), kind, d));
                    }
                }
            }
            case "macro_rules" -> {
                if (t.is(i + 1, '!') && t.isIdent(i + 2)) {
                    w.define(i + 2, SymbolKind.MACRO, "");
                }
            }
            case "impl" -> impl(i);
            default -> { }
        }
    }

    private void impl(int i) {
        int depth = 0;
        String name = null;
        for (int j = i + 1; j < t.size && j < i + 128; j++) {
            if (t.is(j, '<')) {
                depth++;
            } else if (t.is(j, '>') && !t.is(j - 1, '-')) {
                depth--;
            } else if (t.is(j, '{')) {
                if (name != null) {
                    bodies.put(j, new Body(name, SymbolKind.CLASS, null));
                }
                return;
            } else if (t.is(j, ';')) {
                return;
            } else if (depth == 0 && t.isWord(j, "for")) {
                name = null;
            } else if (depth == 0 && t.isWord(j, "where")) {
                depth = 100;
            } else if (depth == 0 && t.isIdent(j) && (name == null || t.is(j - 1, ':'))) {
                name = t.text(j);
            }
        }
    }
}
