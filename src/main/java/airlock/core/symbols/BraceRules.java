package airlock.core.symbols;

import airlock.core.syntax.Language;
import airlock.core.syntax.Language.Syntax;
import airlock.core.syntax.TokenKind;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Definitions in brace languages: keyword-led rules per language plus the C-family "name(...) {" rule. */
final class BraceRules {
    private final TagsExtractor.Walk w;
    private final Tokens t;
    private final Syntax syntax;
    private final Language language;

    /** Body-opening brace token → what it opens. */
    private final Map<Integer, Body> bodies = new HashMap<>();
    private Deque<Scope> scopes = new ArrayDeque<>();
    /** Open {@code #if} groups (C-like languages). */
    private final Deque<Cond> conds = new ArrayDeque<>();
    /** Code tokens right after an {@code #else}/{@code #elif} line. */
    private final BitSet elseAt = new BitSet();
    /** Code token after an {@code #else}/{@code #elif} line → code token after its {@code #endif}. */
    private final Map<Integer, Integer> elseEnd = new HashMap<>();
    /** The body brace of the function whose header is being read: names before it are annotations, not functions. */
    private int pendingBrace = -1;
    /** Parentheses open since the last brace (an enumerator list is at depth 0). */
    private int parens;
    private int deadDepth;

    /**
     * Keywords that start a declaration: seen between a {@code name(...)} and a '{', they show that
     * {@code name(...)} was a macro invocation (or annotation) ahead of another declaration, not a function header.
     */
    private static final Set<String> DECL_START = Set.of("struct", "union", "enum", "class", "static", "extern",
            "inline", "__inline__", "__inline", "typedef", "void", "int", "char", "short", "long", "unsigned", "signed",
            "float", "double", "bool", "_Bool", "auto", "register", "namespace", "template", "using", "virtual",
            "explicit", "friend", "constexpr", "typename", "_Noreturn", "_Static_assert", "static_assert", "asm");

    /**
     * An open {@code #if}: the scopes when it began, those at the end of its first branch, whether it is
     * {@code #if 0}; and for the definitions' mark, the conditions of its branches so far and the current
     * branch's label ({@code #ifdef X}, {@code #else of X}), "" for an include guard or an always-compiled branch.
     */
    private static final class Cond {
        final Deque<Scope> start;
        Deque<Scope> afterFirst;
        boolean dead;
        final java.util.List<String> conditions = new java.util.ArrayList<>(2);
        String label = "";
        boolean guard;

        Cond(Deque<Scope> start, boolean dead) {
            this.start = start;
            this.dead = dead;
        }
    }

    /** Longest condition text kept per branch, and for the whole nesting (vendor text: capped, never interpreted). */
    static final int CONDITION_MAX = 80;
    static final int CONDITIONS_MAX = 200;
    /** {@code #if} directive → its {@code #endif} directive, preprocessor token indexes (include guard detection). */
    private final Map<Integer, Integer> endifOf = new HashMap<>();
    private int firstDirective = -1;
    private int lastDirective = -1;

    private record Body(String name, SymbolKind kind, TagsExtractor.Def def) {
    }

    /** {@code block}: a JS statement block ({@code if (…) {}, {@code else {}, {@code try {}...), where no method stands. */
    private record Scope(String name, SymbolKind kind, boolean inFunction, TagsExtractor.Def def, boolean block) {
        Scope(String name, SymbolKind kind, boolean inFunction, TagsExtractor.Def def) {
            this(name, kind, inFunction, def, false);
        }
    }

    BraceRules(TagsExtractor.Walk w) {
        this.w = w;
        this.t = w.t;
        this.language = w.language;
        this.syntax = language.syntax();
    }

    void run() {
        Tokens pp = t.pp;
        Deque<java.util.List<Integer>> open = new ArrayDeque<>();
        Deque<Integer> ifs = new ArrayDeque<>();
        for (int q = 0; pp != null && q < pp.size; q++) {
            if (pp.kind[q] != TokenKind.PREPROC) {
                continue;
            }
            if (firstDirective < 0) {
                firstDirective = q;
            }
            lastDirective = q;
            switch (pp.directiveCode(q)) {
                case Tokens.DIR_IF, Tokens.DIR_IFDEF -> {
                    open.push(new java.util.ArrayList<>());
                    ifs.push(q);
                }
                case Tokens.DIR_ELSE -> {
                    elseAt.set(pp.at[q]);
                    if (!open.isEmpty()) {
                        open.peek().add(pp.at[q]);
                    }
                }
                case Tokens.DIR_ENDIF -> {
                    if (!open.isEmpty()) {
                        for (int e : open.pop()) {
                            elseEnd.put(e, pp.at[q]);
                        }
                    }
                    if (!ifs.isEmpty()) {
                        endifOf.put(ifs.pop(), q);
                    }
                }
                default -> { }
            }
        }
        int p = 0;
        for (int i = 0; i < t.size; i++) {
            while (pp != null && p < pp.size && pp.at[p] <= i) {
                if (pp.kind[p] == TokenKind.PREPROC) {
                    directive(pp, p);
                }
                p++;
            }
            if (t.is(i, '(')) {
                parens++;
            } else if (t.is(i, ')')) {
                parens--;
            }
            if (t.is(i, '{')) {
                parens = 0;
                Body b = bodies.remove(i);
                Scope parent = scopes.peek();
                boolean inFn = parent != null && parent.inFunction();
                if (b == null) {
                    // "= {" opens data (an initializer): no function is defined inside it (KUNIT_CASE(x), ... {})
                    boolean data = t.is(i - 1, '=') && (language == Language.C || language == Language.CPP);
                    // JS: the body of an arrow function passed or assigned anywhere is a function body
                    boolean arrow = syntax == Syntax.JS && t.is(i - 1, '>') && t.is(i - 2, '=');
                    boolean block = syntax == Syntax.JS && (t.is(i - 1, ')') || t.isWord(i - 1, "else")
                            || t.isWord(i - 1, "try") || t.isWord(i - 1, "finally") || t.isWord(i - 1, "do"));
                    scopes.push(new Scope(null, null, inFn || data || arrow, null, block));
                } else {
                    // JS: a class body starts afresh inside a function (a UMD wrapper's or a factory's classes
                    // have methods ctags tags and a reader looks for)
                    boolean jsClass = syntax == Syntax.JS && b.kind() == SymbolKind.CLASS;
                    scopes.push(new Scope(b.name(), b.kind(), !jsClass && inFn || b.kind().isCallable(), b.def()));
                }
                continue;
            }
            if (t.is(i, '}')) {
                parens = 0;
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
        while (pp != null && p < pp.size) {
            if (pp.kind[p] == TokenKind.PREPROC) {
                directive(pp, p);
            }
            p++;
        }
    }

    /**
     * A preprocessor line: {@code #define} names a macro (its body is never read for definitions); conditionals
     * make every branch start from the scopes the {@code #if} began with, so both branches of
     * {@code #ifdef X / int f(a) { / #else / int f(a, b) { / #endif} are indexed and the braces stay balanced
     * (the first branch's nesting wins when the branches differ). {@code #if 0} groups are dead code: no definitions.
     */
    private void directive(Tokens pp, int p) {
        int d = pp.directiveCode(p);
        boolean sameLine = p + 1 < pp.size && pp.line[p + 1] == pp.line[p] && pp.at[p + 1] == pp.at[p];
        switch (d) {
            case Tokens.DIR_DEFINE -> {
                if (sameLine && (pp.kind[p + 1] == TokenKind.IDENT || pp.kind[p + 1] == TokenKind.KEYWORD)) {
                    w.definePp(p + 1, SymbolKind.MACRO);
                }
            }
            case Tokens.DIR_IF, Tokens.DIR_IFDEF -> {
                boolean dead = d == Tokens.DIR_IF && sameLine && pp.kind[p + 1] == TokenKind.NUMBER
                        && pp.text(p + 1).equals("0") && !(p + 2 < pp.size && pp.line[p + 2] == pp.line[p]
                        && pp.at[p + 2] == pp.at[p]);
                Cond c = new Cond(new ArrayDeque<>(scopes), dead);
                String word = directiveWord(pp, p);
                String expr = conditionText(pp, p);
                c.guard = conds.isEmpty() && word.equals("ifndef") && isIncludeGuard(pp, p, expr);
                c.conditions.add(word.equals("ifndef") ? "!" + expr : expr);
                c.label = c.guard || word.equals("if") && expr.equals("1") ? "" : "#" + word + " " + expr;
                conds.push(c);
                if (dead) {
                    deadDepth++;
                }
                w.condition = conditionSummary();
            }
            case Tokens.DIR_ELSE -> {
                Cond c = conds.peek();
                if (c != null) {
                    if (c.afterFirst == null) {
                        c.afterFirst = new ArrayDeque<>(scopes);
                    }
                    scopes = new ArrayDeque<>(c.start);
                    boolean wasDead = c.dead;
                    if (c.dead) {
                        c.dead = false;
                        deadDepth--;
                    }
                    String before = String.join(", ", c.conditions);
                    if (directiveWord(pp, p).equals("elif")) {
                        String expr = conditionText(pp, p);
                        c.label = "#elif " + expr + " (after " + before + ")";
                        c.conditions.add(expr);
                    } else {
                        // the #else of "#if 0" is always compiled: nothing to mark
                        c.label = c.guard || wasDead && c.conditions.size() == 1 ? "" : "#else of " + before;
                    }
                    w.condition = conditionSummary();
                }
                pendingBrace = -1;
            }
            case Tokens.DIR_ENDIF -> {
                Cond c = conds.poll();
                if (c != null) {
                    if (c.afterFirst != null && c.afterFirst.size() != scopes.size()) {
                        scopes = c.afterFirst;
                    }
                    if (c.dead) {
                        deadDepth--;
                    }
                    w.condition = conditionSummary();
                }
            }
            default -> { }
        }
        w.quiet = deadDepth > 0;
    }

    /** The directive's word ({@code ifdef}, {@code elif}, ...) without the {@code #} and blanks. */
    private static String directiveWord(Tokens pp, int p) {
        return pp.text(p).substring(1).strip();
    }

    /**
     * The text after directive {@code p} up to the end of its logical line, from its tokens (comments and
     * continuation backslashes dropped, runs of blanks as one space), cut to {@link #CONDITION_MAX} characters.
     */
    private static String conditionText(Tokens pp, int p) {
        StringBuilder b = new StringBuilder();
        for (int k = p + 1; k < pp.size && pp.at[k] == pp.at[p] && pp.kind[k] != TokenKind.PREPROC; k++) {
            if (pp.end[k] - pp.start[k] == 1 && pp.text.charAt(pp.start[k]) == '\\') {
                continue; // a line continuation
            }
            if (b.length() > 0 && pp.start[k] > pp.end[k - 1]) {
                b.append(' ');
            }
            b.append(pp.text, pp.start[k], Math.min(pp.end[k], pp.start[k] + CONDITION_MAX + 1));
            if (b.length() > CONDITION_MAX) {
                return b.substring(0, CONDITION_MAX) + "\u2026";
            }
        }
        return b.toString();
    }

    /**
     * {@code #ifndef X} as the file's first directive and before any code, followed by {@code #define X}, its
     * {@code #endif} the last directive and after all code: an include guard, which would otherwise mark every
     * definition of a header.
     */
    private boolean isIncludeGuard(Tokens pp, int p, String name) {
        Integer end = endifOf.get(p);
        if (p != firstDirective || pp.at[p] != 0 || end == null || end != lastDirective || pp.at[end] != t.size) {
            return false;
        }
        int k = p + 1;
        while (k < pp.size && pp.kind[k] != TokenKind.PREPROC) {
            k++;
        }
        return k + 1 < pp.size && pp.directiveCode(k) == Tokens.DIR_DEFINE && pp.text(k + 1).equals(name);
    }

    /** The open conditionals' labels, outermost first; deep nestings keep the innermost three. */
    private String conditionSummary() {
        java.util.List<String> labels = new java.util.ArrayList<>();
        for (java.util.Iterator<Cond> it = conds.descendingIterator(); it.hasNext(); ) {
            Cond c = it.next();
            if (!c.label.isEmpty()) {
                labels.add(c.label);
            }
        }
        if (labels.isEmpty()) {
            return "";
        }
        String out = labels.size() > 3 ? "\u2026 \u203a " + String.join(" \u203a ", labels.subList(labels.size() - 3,
                labels.size())) : String.join(" \u203a ", labels);
        return out.length() > CONDITIONS_MAX ? out.substring(0, CONDITIONS_MAX) + "\u2026" : out;
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
        if (language == Language.CPP) {
            return qualifiedScope();
        }
        Scope s = named();
        return s == null ? "" : s.name();
    }

    /** C++: every enclosing named scope, outermost first ({@code std::vector}). */
    private String qualifiedScope() {
        String q = "";
        for (Scope s : scopes) { // innermost first
            if (s.name() != null && !s.name().isEmpty()) {
                q = q.isEmpty() ? s.name() : s.name() + "::" + q;
            }
        }
        return q;
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
            default -> {
                if (syntax == Syntax.JS && keywordMethod(i)) {
                    return;
                }
                cFamilyKeyword(i, word);
            }
        }
    }

    /**
     * JS: a class method named like a keyword ({@code delete (key) {}}, {@code get (key) {}},
     * {@code static new (x) {}}): a keyword followed by a parameter list and a body, directly in a class body.
     */
    private boolean keywordMethod(int i) {
        Scope top = scopes.peek();
        if (top == null || top.kind() != SymbolKind.CLASS || top.inFunction() || !t.is(i + 1, '(')) {
            return false;
        }
        int close = t.matching(i + 1);
        int brace = jsBody(close + 1);
        if (brace < 0 || !(i == 0 || t.is(i - 1, '{') || t.is(i - 1, '}') || t.is(i - 1, ';') || t.is(i - 1, '*')
                || t.isWord(i - 1, "static") || t.isWord(i - 1, "async") || t.line[i - 1] != t.line[i])) {
            return false;
        }
        TagsExtractor.Def d = w.define(i, SymbolKind.METHOD, top.name());
        bodies.put(brace, new Body(null, SymbolKind.METHOD, d));
        return true;
    }

    /**
     * JS/TS: the '{' of a method or function body right after its parameter list (TypeScript: after a return
     * type annotation {@code ): Promise<T> {}), or -1: {@code String(x)} followed by {@code if (y) {} on the
     * next line is a call ending a statement, not a header.
     */
    private int jsBody(int j) {
        if (t.is(j, '{')) {
            return j;
        }
        if (language != Language.TYPESCRIPT || !t.is(j, ':')) {
            return -1;
        }
        for (int k = 0, n = j + 1; k < 48 && n < t.size; k++, n++) {
            if (t.is(n, '{') && !t.is(n - 1, ':') && !t.is(n - 1, '|') && !t.is(n - 1, '&') && !t.is(n - 1, '<')
                    && !t.is(n - 1, ',')) {
                return n;
            }
            if (t.is(n, ';') || t.is(n, '}') || t.is(n, '=') || t.is(n, ')')) {
                return -1;
            }
            if (t.is(n, '(') || t.is(n, '[') || t.is(n, '{')) {
                n = t.matching(n);
            }
        }
        return -1;
    }

    /**
     * JS: {@code module.exports = function (…) {}}, {@code Foo.prototype.bar = function …},
     * {@code a.b.c = async function …}, {@code exports.f = (x) => {…}} at a statement's start outside function
     * bodies: {@code exports} in scope {@code module}, {@code bar} a method of {@code Foo}, {@code c} in scope
     * {@code a.b} (ctags' names and scopes).
     */
    private boolean propertyFunction(int i) {
        if (!t.is(i - 1, '.') || !t.is(i + 1, '=') || t.is(i + 2, '=') || t.is(i + 2, '>') || !isFunctionValue(i + 2)
                || inFunction() && !t.isWord(i - 2, "prototype")) {
            return false; // in a function body only Foo.prototype.bar = function: ES5 classes in an IIFE
        }
        int s = i;
        while (t.is(s - 1, '.') && (t.isIdent(s - 2) || t.isWord(s - 2, "this"))) {
            s -= 2;
        }
        if (t.is(s - 1, '.') || !(s == 0 || t.is(s - 1, ';') || t.is(s - 1, '{') || t.is(s - 1, '}')
                || t.line[s - 1] != t.line[s])) {
            return false;
        }
        StringBuilder scope = new StringBuilder();
        for (int k = s; k < i - 1; k += 2) {
            if (scope.length() > 0) {
                scope.append('.');
            }
            scope.append(t.text(k));
        }
        String sc = scope.toString();
        SymbolKind kind = SymbolKind.FUNCTION;
        if (sc.endsWith(".prototype")) {
            sc = sc.substring(0, sc.length() - ".prototype".length());
            kind = SymbolKind.METHOD;
        }
        bodyAfter(i, w.define(i, kind, sc), i + 2);
        return true;
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
            boolean cOrCpp = language == Language.C || language == Language.CPP;
            if (cOrCpp && (t.is(i - 1, '<') || t.is(i - 1, ',') && kind != SymbolKind.NAMESPACE
                    || t.isWord(i - 1, "friend") || t.isWord(i - 1, "using"))) {
                return; // template parameter (template<class T>), elaborated type in an argument list, friend
            }
            if (kind == SymbolKind.NAMESPACE && cOrCpp) {
                namespace(i, n);
                return;
            }
            if (cOrCpp) {
                n = declaredName(n);
            }
            if (cOrCpp && kind == SymbolKind.ENUM && t.is(n, '{') || cOrCpp && kind == SymbolKind.ENUM
                    && t.is(n, ':') && !t.is(n + 1, ':')) {
                int brace = typeBody(n);
                if (brace >= 0) {
                    bodies.put(brace, new Body("", kind, null)); // anonymous enum: its enumerators are still definitions
                }
                return;
            }
            if (t.isIdent(n) && !t.is(i - 1, '.')) {
                int after = word.equals("record") && t.is(n + 1, '(') ? t.matching(n + 1) + 1 : n + 1;
                int brace = typeBody(after);
                if (brace >= 0) {
                    TagsExtractor.Def d = w.define(n, kind, scopeName());
                    bodies.put(brace, new Body(t.text(n), kind, d));
                    if (cOrCpp) {
                        pendingBrace = brace;
                    }
                }
            }
            return;
        }
        if (language == Language.CPP) {
            switch (word) {
                case "operator" -> {
                    operator(i);
                    return;
                }
                case "using" -> {
                    if (t.isIdent(i + 1) && t.is(i + 2, '=')) {
                        w.define(i + 1, SymbolKind.TYPEDEF, scopeName());
                    }
                    return;
                }
                default -> { }
            }
        }
        switch (word) {
            case "typedef" -> typedef(i);
            case "function" -> {
                int n = t.is(i + 1, '*') ? i + 2 : i + 1;
                if (t.isIdent(n)) {
                    bodyAfter(n, w.define(n, SymbolKind.FUNCTION, scopeName()), n + 1);
                } else if (syntax == Syntax.JS && t.is(n, '(') && t.is(t.matching(n) + 1, '{')) {
                    // an anonymous function expression: its body is a function body (no definitions in it)
                    bodies.putIfAbsent(t.matching(n) + 1, new Body(null, SymbolKind.FUNCTION, null));
                }
            }
            case "type" -> {
                if (language == Language.TYPESCRIPT && t.isIdent(i + 1) && (t.is(i + 2, '=') || t.is(i + 2, '<'))) {
                    w.define(i + 1, SymbolKind.TYPE, scopeName());
                }
            }
            case "const", "let", "var" -> {
                if (syntax == Syntax.JS && t.isIdent(i + 1) && t.is(i + 2, '=') && isFunctionValue(i + 3)) {
                    bodyAfter(i + 1, w.define(i + 1, SymbolKind.FUNCTION, scopeName()), i + 3);
                }
            }
            default -> { }
        }
    }

    /**
     * The token naming a C/C++ struct, union, class or enum after its keyword: attributes and macros standing
     * before the name are skipped ({@code struct __packed foo}, {@code class _GLIBCXX_VISIBILITY(default) foo},
     * {@code struct __attribute__((aligned(8))) foo}, {@code struct [[nodiscard]] foo}).
     */
    private int declaredName(int n) {
        for (int guard = 0; guard < 8 && n < t.size; guard++) {
            if ((t.isWord(n, "__attribute__") || t.isWord(n, "alignas") || t.isWord(n, "__declspec")
                    || t.isWord(n, "_Alignas")) && t.is(n + 1, '(')) {
                n = t.matching(n + 1) + 1;
            } else if (t.is(n, '[') && t.is(n + 1, '[')) {
                n = t.matching(n) + 1;
            } else if (t.isIdent(n) && t.isIdent(n + 1)) {
                n++; // struct __packed foo {
            } else if (t.isIdent(n) && t.is(n + 1, '(') && !t.is(n + 1 + 1, ')')) {
                int close = t.matching(n + 1);
                if (close + 1 < t.size && t.isIdent(close + 1)) {
                    n = close + 1; // class MACRO(args) foo
                } else {
                    return n;
                }
            } else {
                return n;
            }
        }
        return n;
    }

    /**
     * {@code namespace name [MACRO(args) | __attribute__((...)) | more::names] {}: a named scope;
     * {@code namespace {} is an anonymous one (its contents are at file level for the index).
     */
    private void namespace(int i, int n) {
        if (t.is(n, '{')) {
            bodies.put(n, new Body(null, SymbolKind.NAMESPACE, null));
            return;
        }
        if (!t.isIdent(n)) {
            return;
        }
        int last = n;
        int j = n + 1;
        while (j < t.size && t.is(j, ':') && t.is(j + 1, ':') && t.isIdent(j + 2)) {
            last = j + 2; // namespace a::b {
            j += 3;
        }
        for (int k = 0; k < 16 && j < t.size; k++) {
            if (t.is(j, '{')) {
                String scope = scopeName();
                for (int q = n; q < last; q += 3) {
                    scope = scope.isEmpty() ? t.text(q) : scope + "::" + t.text(q);
                }
                TagsExtractor.Def d = w.define(last, SymbolKind.NAMESPACE, scope);
                StringBuilder full = new StringBuilder();
                for (int q = n; q <= last; q += 3) {
                    full.append(full.length() == 0 ? "" : "::").append(t.text(q));
                }
                bodies.put(j, new Body(full.toString(), SymbolKind.NAMESPACE, d));
                pendingBrace = j; // the macro in the opener is not a function
                return;
            }
            if (t.isIdent(j) || t.isWord(j, "__attribute__")) {
                j++;
            } else if (t.is(j, '(')) {
                j = t.matching(j) + 1;
            } else {
                return; // namespace alias (namespace a = b;) or a use
            }
        }
    }

    /** {@code operator==(...) {...}}, {@code operator()(...)}, {@code operator bool() const {...}}: named as ctags does. */
    private void operator(int i) {
        if (inFunction() || t.is(i - 1, '.') || t.is(i - 1, '>') && t.is(i - 2, '-')) {
            return;
        }
        StringBuilder name = new StringBuilder("operator ");
        int j = i + 1;
        boolean word = false;
        boolean call = t.is(j, '(') && t.is(j + 1, ')');
        if (call) {
            name.append("()"); // operator()(...)
            j += 2;
        }
        for (int k = 0; k < 8 && j < t.size && !call; k++, j++) {
            if (t.is(j, '(')) {
                break; // the parameter list
            }
            if (t.is(j, ';') || t.is(j, '{') || t.is(j, '}')) {
                return;
            }
            boolean isWord = t.kind[j] == TokenKind.IDENT || t.kind[j] == TokenKind.KEYWORD;
            if (isWord && word) {
                name.append(' ');
            }
            name.append(t.text(j));
            word = isWord;
        }
        if (!t.is(j, '(') || j == i + 1) {
            return;
        }
        int brace = functionBody(t.matching(j) + 1);
        if (brace < 0) {
            return;
        }
        String qual = qualifier(i);
        String scope = scopeName();
        if (!qual.isEmpty()) {
            scope = scope.isEmpty() ? qual : scope + "::" + qual;
        }
        TagsExtractor.Def d = w.defineNamed(i, name.toString(), scope.isEmpty() ? SymbolKind.FUNCTION
                : SymbolKind.METHOD, scope);
        bodies.put(brace, new Body(null, d.kind, d));
        pendingBrace = brace;
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
            if (language == Language.CPP && t.is(j, '<')) {
                int close = angleEnd(j);
                if (close < 0) {
                    return -1;
                }
                j = close;
                continue;
            }
            if (t.is(j, ';') || t.is(j, '(') || t.is(j, ')') || t.is(j, '=') || t.is(j, '}') || t.is(j, '*')
                    || (t.is(j, ',') && syntax == Syntax.C_LIKE && language == Language.C)) {
                return -1;
            }
        }
        return -1;
    }

    /** The '>' closing the template argument list opened at {@code j}, or -1 (bounded, stops at ; { }). */
    private int angleEnd(int j) {
        int depth = 0;
        for (int k = 0; k < 256 && j < t.size; k++, j++) {
            if (t.is(j, '(') || t.is(j, '[')) {
                j = t.matching(j);
            } else if (t.is(j, '<')) {
                depth++;
            } else if (t.is(j, '>') && !t.is(j - 1, '-')) {
                if (--depth == 0) {
                    return j;
                }
            } else if (t.is(j, ';') || t.is(j, '{') || t.is(j, '}')) {
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
                if (t.is(j, '(') && depth == 0 && pointerName < 0) {
                    int k = j + 1;
                    while (t.is(k, '*') || t.is(k, '^') || t.is(k, '&')) {
                        k++;
                    }
                    if (t.isIdent(k) && (k > j + 1 || t.is(k + 1, ')') && t.is(k + 2, '('))) {
                        pointerName = k; // typedef int (*fn)(...); typedef void (fn_t)(...);
                    }
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
        if (top != null && top.kind() == SymbolKind.ENUM && syntax != Syntax.JAVA_LIKE && parens == 0
                && (t.is(i - 1, '{') || t.is(i - 1, ',')) && (t.is(i + 1, ',') || t.is(i + 1, '=') || t.is(i + 1, '}')
                        || syntax == Syntax.RUST && (t.is(i + 1, '(') || t.is(i + 1, '{')))) { // Rust: V(T), V { f: T }
            w.define(i, SymbolKind.ENUMERATOR, language == Language.CPP ? scopeName() : top.name());
            return;
        }
        if (syntax == Syntax.SHELL) {
            if (t.is(i + 1, '(') && t.is(i + 2, ')') && t.is(i + 3, '{')
                    && (i == 0 || t.line[i - 1] != t.line[i] || t.is(i - 1, ';'))) {
                bodies.put(i + 3, new Body(t.text(i), SymbolKind.FUNCTION, w.define(i, SymbolKind.FUNCTION, "")));
            }
            return;
        }
        if (syntax == Syntax.JS && propertyFunction(i)) {
            return;
        }
        if (syntax == Syntax.JS && t.is(i + 1, ':') && (t.is(i - 1, '{') || t.is(i - 1, ',')) && !inFunction()
                && !scopes.isEmpty() && !scopes.peek().block() && (t.isWord(i + 2, "function") || t.isWord(i + 2, "async")
                        && t.isWord(i + 3, "function"))) {
            // an object literal's "key: function (…) {" (proc-log's "standard: function (...args) {"): a method
            int f = t.isWord(i + 2, "async") ? i + 3 : i + 2;
            if (!t.isIdent(f + 1)) {
                bodyAfter(i, w.define(i, SymbolKind.METHOD, ""), f + 1);
            }
            return;
        }
        int paren = i + 1;
        if (elseAt.get(i + 1) && t.isIdent(i + 1) && t.is(i + 2, '(') && (language == Language.C || language == Language.CPP)) {
            paren = i + 2; // "void *\n#ifndef X\n__memrchr\n#else\nMEMRCHR\n#endif\n(...)": the name of the first branch
        }
        if (language == Language.CSHARP && t.is(i + 1, '<') && !t.is(i - 1, '.')) {
            int gt = t.matching(i + 1);
            if (gt < t.size && gt - i < 24 && t.is(gt + 1, '(')) {
                paren = gt + 1; // a generic method: T Find<T>(string key)
            }
        }
        if (syntax == Syntax.GO || syntax == Syntax.RUST || inFunction() || !t.is(paren, '(') || w.isDefSite(i)
                || i < pendingBrace) {
            return; // i < pendingBrace: an annotation between a function's parameters and its body (__releases(x))
        }
        boolean access = t.isWord(i - 2, "public") || t.isWord(i - 2, "private") || t.isWord(i - 2, "protected");
        // a C++ constructor's initializer list; in JS a ',' separates an object literal's methods
        boolean initializer = (t.is(i - 1, ':') && !t.is(i - 2, ':') && !access || t.is(i - 1, ',') && syntax != Syntax.JS)
                && !elseAt.get(i);
        if (initializer || t.is(i - 1, '.') || t.is(i - 1, '=') || t.isWord(i - 1, "new") || t.is(i - 1, '>') && t.is(i - 2, '-')
                || t.isWord(i - 1, "operator") || language == Language.CPP && t.is(i - 1, '<')) {
            return; // ...or a function type in template arguments: result_of<_Fn(_Args...)>
        }
        int close = cOrCpp() ? headerClose(paren) : t.matching(paren);
        if (cOrCpp() && t.isIdent(paren + 1) && t.is(paren + 2, '(') && t.matching(paren + 2) + 1 == close
                && t.is(close + 1, '{')) {
            i = paren + 1; // __NTH (__feof_unlocked (FILE *s)) {: the wrapped name is the function
            paren = i + 1;
        }
        if (close == paren + 2 && t.kind[paren + 1] == TokenKind.NUMBER || close > paren + 2 && constantsOnly(paren, close)) {
            return; // __printf(3, 4), __aligned(8), __section(".x"): an attribute macro ahead of the real name
        }
        if (syntax == Syntax.JS && !scopes.isEmpty() && scopes.peek().block()) {
            return; // JS: "name(…) {" in a statement block is a call followed by a block, never a method
        }
        if (language == Language.CSHARP && (t.is(close + 1, ']') || t.is(close + 1, ','))) {
            return; // an attribute: [Guid("…")], [DllImport("x"), Obsolete("y")]
        }
        int brace = syntax == Syntax.JS ? jsBody(close + 1) : functionBody(close + 1);
        if (brace < 0) {
            if (language == Language.CPP) {
                memberDeclaration(i, close);
            } else if (language == Language.CSHARP) {
                csharpDeclaration(i, close);
            }
            return;
        }
        boolean destructor = language == Language.CPP && t.is(i - 1, '~');
        String scope = qualifier(destructor ? i - 1 : i);
        Scope named = named();
        SymbolKind kind = SymbolKind.FUNCTION;
        if (language == Language.CPP) {
            String outer = qualifiedScope();
            if (!scope.isEmpty() || named != null && named.kind() != SymbolKind.NAMESPACE) {
                kind = SymbolKind.METHOD;
            }
            scope = outer.isEmpty() ? scope : scope.isEmpty() ? outer : outer + "::" + scope;
        } else if (!scope.isEmpty() && language == Language.CPP) {
            kind = SymbolKind.METHOD;
        } else if (named != null && named.kind() != SymbolKind.NAMESPACE) {
            kind = SymbolKind.METHOD;
            scope = named.name();
        } else if (named != null) {
            scope = scope.isEmpty() ? named.name() : named.name() + "::" + scope;
        }
        TagsExtractor.Def d = destructor ? w.defineNamed(i, "~" + t.text(i), kind, scope) : w.define(i, kind, scope);
        bodies.put(brace, new Body(null, kind, d));
        pendingBrace = brace;
    }

    /**
     * C#: a method without a body, directly in a class, struct or interface body: interface methods
     * ({@code void Reset();}), {@code abstract} and {@code extern} methods, expression-bodied members
     * ({@code int Count() => n;}). By shape, as {@link JavaRules} reads Java's: a type before the name (an
     * identifier, a built-in type keyword, {@code >} of a generic, {@code ]} of an array, {@code ?}), the
     * parameter list, then {@code ;}, {@code =>} or a {@code where} constraint; delegates are not methods.
     */
    private void csharpDeclaration(int i, int close) {
        Scope top = scopes.peek();
        if (top == null || top.name() == null || top.inFunction() || close >= t.size
                || !(top.kind() == SymbolKind.CLASS || top.kind() == SymbolKind.STRUCT
                        || top.kind() == SymbolKind.INTERFACE)) {
            return;
        }
        boolean typed = t.isIdent(i - 1) || t.kind[i - 1] == TokenKind.KEYWORD && !t.isWord(i - 1, "return")
                && !t.isWord(i - 1, "new") || t.is(i - 1, '>') || t.is(i - 1, ']') || t.is(i - 1, '?');
        boolean ends = t.is(close + 1, ';') || t.is(close + 1, '=') && t.is(close + 2, '>')
                || t.isWord(close + 1, "where");
        if (!typed || !ends) {
            return;
        }
        for (int k = i - 1; k >= 0 && k > i - 16; k--) {
            if (t.is(k, ';') || t.is(k, '{') || t.is(k, '}') || t.is(k, ']')) {
                break;
            }
            if (t.isWord(k, "delegate") || t.isWord(k, "event")) {
                return;
            }
        }
        w.define(i, SymbolKind.METHOD, top.name());
    }

    /** Words that may follow a member function's parameter list in a declaration, before its ';'. */
    private static final Set<String> DECLARATION_TAIL = new java.util.HashSet<>(java.util.List.of("const", "volatile",
            "noexcept", "override", "final", "throw", "default", "delete", "__attribute__", "__THROW", "_GLIBCXX_NOEXCEPT"));

    /**
     * A C++ member function declared in a class body without its body ({@code void draw() const;},
     * {@code virtual void paint() = 0;}, {@code Widget(const Widget &) = delete;}, {@code auto w() -> int;}):
     * indexed as a {@link SymbolKind#PROTOTYPE} in the class's scope. By shape, not by name: the name needs a
     * type before it unless it is the class's constructor or destructor (so {@code DISALLOW_COPY(Widget);}
     * after {@code private:} is a macro call), friends are not members, and only qualifiers, {@code = 0},
     * {@code = default}/{@code delete}, {@code noexcept(…)} or a trailing return type may stand before the ';'.
     */
    private void memberDeclaration(int i, int close) {
        Scope top = scopes.peek();
        if (top == null || top.name() == null || top.inFunction() || close >= t.size
                || !(top.kind() == SymbolKind.CLASS || top.kind() == SymbolKind.STRUCT || top.kind() == SymbolKind.UNION)) {
            return;
        }
        boolean destructor = t.is(i - 1, '~');
        boolean constructor = t.text(i).equals(top.name());
        int before = destructor ? i - 2 : i - 1;
        boolean boundary = before < 0 || t.is(before, ';') || t.is(before, '{') || t.is(before, '}')
                || t.is(before, ':') && !t.is(before - 1, ':') || t.is(before, '(') || t.is(before, ',');
        if (boundary && !destructor && !constructor) {
            return; // no type before the name: a macro invocation in the class body
        }
        for (int k = before; k >= 0 && k > before - 24; k--) {
            if (t.is(k, ';') || t.is(k, '{') || t.is(k, '}') || t.is(k, ':') && !t.is(k - 1, ':') && !t.is(k + 1, ':')) {
                break;
            }
            if (t.isWord(k, "friend") || t.isWord(k, "typedef") || t.isWord(k, "using")) {
                return; // not a member of this class
            }
        }
        int j = close + 1;
        for (int n = 0; ; n++, j++) {
            if (n > 48 || j >= t.size || t.is(j, '{') || t.is(j, '}')) {
                return;
            }
            if (t.is(j, ';')) {
                break;
            }
            if (t.is(j, '-') && (t.text(j).equals("->") || t.is(j + 1, '>'))) {
                continue; // a trailing return type: its tokens up to the ';' are the type
            }
            if (t.is(j, '(') || t.is(j, '[')) {
                j = t.matching(j); // noexcept(…), throw(), __attribute__((…)), [[nodiscard]]
                continue;
            }
            boolean tail = t.is(j, '=') || t.is(j, '&') || t.kind[j] == TokenKind.NUMBER && t.text(j).equals("0")
                    || (t.kind[j] == TokenKind.IDENT || t.kind[j] == TokenKind.KEYWORD) && DECLARATION_TAIL.contains(t.text(j));
            if (!tail && !arrowBefore(close + 1, j)) {
                return;
            }
        }
        String scope = qualifiedScope();
        if (destructor) {
            w.defineNamed(i, "~" + t.text(i), SymbolKind.PROTOTYPE, scope);
        } else {
            w.define(i, SymbolKind.PROTOTYPE, scope);
        }
    }

    /** Whether a {@code ->} stands between {@code from} and {@code j} (the tokens after it are a type). */
    private boolean arrowBefore(int from, int j) {
        for (int k = from; k < j; k++) {
            if (t.is(k, '-') && (t.text(k).equals("->") || t.is(k + 1, '>'))) {
                return true;
            }
        }
        return false;
    }

    private boolean cOrCpp() {
        return language == Language.C || language == Language.CPP;
    }

    /**
     * The ')' closing a parameter list opened at {@code open}, reading only the first branch of an
     * {@code #if/#else} inside it (glibc: {@code f (a, b,\n#ifdef W\n wchar_t c,\n#else\n char c,\n#endif\n int d)}).
     */
    private int headerClose(int open) {
        int depth = 0;
        for (int j = open; j < t.size; j++) {
            if (j > open && elseAt.get(j)) {
                Integer end = elseEnd.get(j);
                if (end != null && end > j) {
                    j = end - 1;
                    continue;
                }
            }
            if (t.is(j, '(')) {
                depth++;
            } else if (t.is(j, ')') && --depth == 0) {
                return j;
            } else if (t.is(j, '{') || t.is(j, '}') || t.is(j, ';')) {
                return t.matching(open); // not a header: the plain reading
            }
        }
        return t.size;
    }

    /** Whether the parentheses hold only numbers and strings separated by commas. */
    private boolean constantsOnly(int open, int close) {
        for (int j = open + 1; j < close; j++) {
            if (!(t.kind[j] == TokenKind.NUMBER || t.kind[j] == TokenKind.STRING || t.is(j, ','))) {
                return false;
            }
        }
        return true;
    }

    /** {@code A::B::} (or {@code vector<T, A>::}) before a C++ name, as "A::B". */
    private String qualifier(int i) {
        StringBuilder b = new StringBuilder();
        int j = i - 1;
        while (j >= 2 && t.is(j, ':') && t.is(j - 1, ':')) {
            int k = j - 2;
            if (t.is(k, '>')) {
                k = angleStart(k);
            }
            if (k < 0 || !t.isIdent(k)) {
                break;
            }
            b.insert(0, b.length() == 0 ? t.text(k) : t.text(k) + "::");
            j = k - 1;
        }
        return b.toString();
    }

    /** The name before the '<' that the '>' at {@code j} closes, or -1 (bounded). */
    private int angleStart(int j) {
        int depth = 0;
        for (int k = 0; k < 128 && j >= 0; k++, j--) {
            if (t.is(j, '>')) {
                depth++;
            } else if (t.is(j, '<') && --depth == 0) {
                return j - 1;
            } else if (t.is(j, ';') || t.is(j, '{') || t.is(j, '}')) {
                return -1;
            }
        }
        return -1;
    }

    /** After a parameter list: the '{' of a function body, or -1 (declaration, call, initializer). */
    private int functionBody(int j) {
        boolean cOrCpp = language == Language.C || language == Language.CPP;
        boolean free = false; // after "->" (a trailing return type) any shape may follow
        for (int k = 0; k < 64 && j < t.size; k++) {
            if (cOrCpp && elseAt.get(j)) {
                // a header split over #if/#else continues after the #endif (the first branch is the one read)
                Integer end = elseEnd.get(j);
                if (end == null || end <= j) {
                    return -1;
                }
                j = end;
                continue;
            }
            if (t.is(j, '{')) {
                return j;
            }
            if (t.is(j, ';') || t.is(j, '}') || t.is(j, '=') || t.is(j, ')') || t.kind[j] == TokenKind.STRING
                    || t.kind[j] == TokenKind.PREPROC
                    || t.kind[j] == TokenKind.NUMBER && !t.is(j - 1, '(')) {
                return -1;
            }
            if (language == Language.C && t.is(j, ',')) {
                return -1; // MACRO(a), MACRO(b), ... in an initializer list
            }
            if (cOrCpp) {
                free |= t.is(j, '>') && t.is(j - 1, '-');
                if (!free && notAHeader(j)) {
                    return -1;
                }
            }
            if (t.is(j, '(') || t.is(j, '[')) {
                j = t.matching(j);
            }
            j++;
        }
        return -1;
    }

    /**
     * Between {@code name(...)} and a '{': a token showing that {@code name(...)} was a macro invocation before
     * another declaration rather than a function header: a declaration keyword ({@code static}, {@code struct},
     * {@code int}...), a pointer star, or another header {@code type name(} (annotations such as
     * {@code __releases(x)} follow a ')' and pass).
     */
    private boolean notAHeader(int j) {
        if (t.kind[j] == TokenKind.KEYWORD) {
            return declStart(j);
        }
        if (t.is(j, '*')) {
            return true;
        }
        return t.isIdent(j) && t.is(j + 1, '(') && (t.isIdent(j - 1) || t.kind[j - 1] == TokenKind.KEYWORD
                && declStart(j - 1));
    }

    private boolean declStart(int j) {
        // the qualifiers that may follow a parameter list are the common keywords there: no string for them
        if (t.isWord(j, "const") || t.isWord(j, "noexcept") || t.isWord(j, "__attribute__")) {
            return false;
        }
        return DECL_START.contains(t.text(j));
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
                boolean item = word.equals("const") || word.equals("static")
                        ? t.is(n + 1, ':') && !t.is(n + 2, ':') // not *const T, ~const Trait, const fn
                                && !t.is(i - 1, '<') && !t.is(i - 1, ',') && !t.is(i - 1, '[') // nor <const N: usize>
                        : !inFunction() || !word.equals("mod"); // items inside fn bodies are items too
                if (!t.isIdent(n) || !item) {
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
                if (kind == SymbolKind.TRAIT || kind == SymbolKind.MODULE || kind == SymbolKind.ENUM) {
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
