package airlock.core.symbols;

import airlock.core.syntax.TokenKind;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;

/**
 * Python: {@code def} and {@code class} with scopes and body ends from indentation, and
 * {@code name = lambda ...} as a function. The lexer marks the soft keywords {@code match}, {@code case},
 * {@code type} and {@code self} as keywords everywhere (for highlighting); here they are identifiers
 * (definitions, references) except where they start a match/case/type statement.
 */
final class PythonRules {
    private final TagsExtractor.Walk w;
    private final Tokens t;

    PythonRules(TagsExtractor.Walk w) {
        this.w = w;
        this.t = w.t;
    }

    private record Open(int indent, String name, boolean isClass, TagsExtractor.Def def) {
    }

    void run() {
        softKeywords(statementStarts());
        Deque<Open> stack = new ArrayDeque<>();
        int parens = 0;
        int prevLine = 0;
        for (int i = 0; i < t.size; i++) {
            boolean firstOnLine = t.line[i] != (i == 0 ? 0 : t.line[i - 1]);
            if (firstOnLine && parens == 0) {
                int indent = t.col[i] - 1;
                while (!stack.isEmpty() && stack.peek().indent() >= indent) {
                    stack.pop().def().endLine = prevLine;
                }
                int k = t.isWord(i, "async") ? i + 1 : i;
                boolean isDef = t.isWord(k, "def");
                boolean isClass = t.isWord(k, "class");
                if ((isDef || isClass) && t.isIdent(k + 1)) {
                    Open parent = stack.peek();
                    SymbolKind kind = isClass ? SymbolKind.CLASS
                            : parent != null && parent.isClass() ? SymbolKind.METHOD : SymbolKind.FUNCTION;
                    TagsExtractor.Def d = w.define(k + 1, kind, scopeName(stack));
                    stack.push(new Open(indent, t.text(k + 1), isClass, d));
                } else if (t.kind[i] == TokenKind.KEYWORD && t.isWord(i, "type") && t.isIdent(i + 1)) {
                    w.define(i + 1, SymbolKind.TYPE, scopeName(stack)); // type X = ... (Python 3.12)
                } else if (t.isIdent(i) && t.is(i + 1, '=') && !t.is(i + 2, '=') && t.isWord(i + 2, "lambda")) {
                    Open parent = stack.peek();
                    w.define(i, parent != null && parent.isClass() ? SymbolKind.METHOD : SymbolKind.FUNCTION,
                            scopeName(stack));
                }
            }
            if (t.is(i, '(') || t.is(i, '[') || t.is(i, '{')) {
                parens++;
            } else if ((t.is(i, ')') || t.is(i, ']') || t.is(i, '}')) && parens > 0) {
                parens--;
            }
            prevLine = t.line[i];
        }
        while (!stack.isEmpty()) {
            stack.pop().def().endLine = prevLine;
        }
    }

    /** Tokens that begin a statement: the first of a logical line, or the one after a ';' outside brackets. */
    private BitSet statementStarts() {
        BitSet starts = new BitSet(t.size);
        int depth = 0;
        for (int i = 0; i < t.size; i++) {
            if (depth == 0 && (i == 0 || t.line[i] != t.line[i - 1] && !continued(i) || t.is(i - 1, ';'))) {
                starts.set(i);
            }
            if (t.is(i, '(') || t.is(i, '[') || t.is(i, '{')) {
                depth++;
            } else if ((t.is(i, ')') || t.is(i, ']') || t.is(i, '}')) && depth > 0) {
                depth--;
            }
        }
        return starts;
    }

    /** The line before token {@code i} ends with a backslash continuation. */
    private boolean continued(int i) {
        int e = t.start[i];
        while (e > 0 && t.text.charAt(e - 1) != '\n') {
            e--;
        }
        int k = e - 2; // before the newline ('\r' tolerated)
        while (k >= 0 && (t.text.charAt(k) == '\r' || t.text.charAt(k) == ' ' || t.text.charAt(k) == '\t')) {
            k--;
        }
        return k >= 0 && t.text.charAt(k) == '\\';
    }

    /**
     * {@code self} is always an identifier; {@code match}, {@code case} and {@code type} are identifiers unless
     * they start a statement of their own: {@code match subject:} / {@code case pattern:} (a ':' outside
     * brackets later on the logical line, and not an assignment, attribute or call) or {@code type X = ...}.
     */
    private void softKeywords(BitSet starts) {
        for (int i = 0; i < t.size; i++) {
            if (t.kind[i] != TokenKind.KEYWORD && t.kind[i] != TokenKind.IDENT) {
                continue;
            }
            boolean ident;
            if (t.isWord(i, "self")) {
                ident = true;
            } else if (t.isWord(i, "match") || t.isWord(i, "case")) {
                ident = !starts.get(i) || !opensBlock(i, starts);
            } else if (t.isWord(i, "type")) {
                ident = !starts.get(i) || !(t.isIdent(i + 1) && (t.is(i + 2, '=') && !t.is(i + 3, '=') || t.is(i + 2, '[')));
            } else {
                continue;
            }
            t.kind[i] = ident ? TokenKind.IDENT : TokenKind.KEYWORD;
        }
    }

    /** After a statement-start {@code match}/{@code case}: an operand (not an operator) and a block-opening ':'. */
    private boolean opensBlock(int i, BitSet starts) {
        int n = i + 1;
        if (n >= t.size || starts.get(n) || t.is(n, '=') || t.is(n, '.') || t.is(n, ',') || t.is(n, ')')
                || t.is(n, ':') || t.is(n, ']') || t.is(n, '}') || t.is(n, ';')
                || t.kind[n] == TokenKind.PUNCT && t.is(n + 1, '=') && t.line[n + 1] == t.line[n]) {
            return false;
        }
        int depth = 0;
        for (int j = n; j < t.size && !starts.get(j); j++) {
            if (t.is(j, '(') || t.is(j, '[') || t.is(j, '{')) {
                depth++;
            } else if (t.is(j, ')') || t.is(j, ']') || t.is(j, '}')) {
                depth--;
            } else if (depth == 0 && t.is(j, ':') && !t.is(j + 1, '=')) {
                return true;
            } else if (depth == 0 && t.isWord(j, "lambda")) {
                return false;
            }
        }
        return false;
    }

    private static String scopeName(Deque<Open> stack) {
        StringBuilder b = new StringBuilder();
        stack.descendingIterator().forEachRemaining(o -> {
            if (b.length() > 0) {
                b.append('.');
            }
            b.append(o.name());
        });
        return b.toString();
    }
}
