package airlock.core.symbols;

import java.util.ArrayDeque;
import java.util.Deque;

/** Python: {@code def} and {@code class} with scopes and body ends from indentation. */
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
