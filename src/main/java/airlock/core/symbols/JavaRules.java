package airlock.core.symbols;

import airlock.core.syntax.TokenKind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Java: member declarations read at the level of a type body, so methods without a body (interface,
 * abstract, native, annotation elements), fields (every declarator of {@code int a, b = 1;}), enum
 * constants, records and their components are definitions, and an annotation's arguments
 * ({@code @SuppressWarnings("x")}) are never taken for a method. Local classes and the bodies of
 * anonymous classes (and of enum constants) are read as type bodies too, so their methods are found
 * (ctags leaves those out; see docs/navigation.md).
 */
final class JavaRules {
    private static final Set<String> MODIFIERS = Set.of("public", "protected", "private", "static", "final",
            "abstract", "native", "synchronized", "transient", "volatile", "strictfp", "default", "sealed",
            "non-sealed");
    /** Keywords that may stand in a type position: primitive types and {@code var}. */
    private static final Set<String> TYPE_WORDS = Set.of("boolean", "byte", "char", "short", "int", "long", "float",
            "double", "void", "var", "extends", "super");
    /** Contextual keywords the lexer marks as keywords but that are valid method and field names. */
    private static final Set<String> CONTEXTUAL = Set.of("record", "yield", "sealed", "permits", "var");

    private final TagsExtractor.Walk w;
    private final Tokens t;
    private final Deque<Frame> frames = new ArrayDeque<>();
    /** Body-opening brace token → the frame it opens. */
    private final Map<Integer, Frame> bodies = new HashMap<>();

    /** A brace level: a type body (named or anonymous) or code (method body, initializer, lambda, array). */
    private static final class Frame {
        final boolean type;
        final String name;
        final TagsExtractor.Def def;
        boolean enumConstants;
        int parens;
        /** Inside a field declaration: a ',' at this level may start another declarator. */
        boolean field;
        boolean memberStart = true;

        Frame(boolean type, String name, TagsExtractor.Def def) {
            this.type = type;
            this.name = name;
            this.def = def;
        }
    }

    JavaRules(TagsExtractor.Walk w) {
        this.w = w;
        this.t = w.t;
    }

    void run() {
        frames.push(new Frame(true, "", null)); // the compilation unit: top-level types
        for (int i = 0; i < t.size; i++) {
            Frame f = frames.peek();
            if (t.is(i, '{')) {
                Frame body = bodies.remove(i);
                if (body == null) {
                    body = anonymousClass(i) ? new Frame(true, enclosingTypeName(), null) : new Frame(false, null, null);
                }
                frames.push(body);
                continue;
            }
            if (t.is(i, '}')) {
                if (frames.size() > 1) {
                    Frame done = frames.pop();
                    if (done.def != null) {
                        done.def.endLine = t.line[i];
                    }
                    Frame outer = frames.peek();
                    if (outer.type && outer.parens == 0 && !outer.field && !outer.enumConstants) {
                        outer.memberStart = true;
                    }
                }
                continue;
            }
            if (!f.type) {
                if ((t.isWord(i, "class") || t.isWord(i, "interface") || t.isWord(i, "enum") || isRecord(i))
                        && !t.is(i - 1, '.') && f.parens == 0) {
                    typeDeclaration(i); // a local class
                }
                continue;
            }
            if (t.is(i, '(')) {
                f.parens++;
            } else if (t.is(i, ')')) {
                f.parens = Math.max(0, f.parens - 1);
            } else if (f.parens == 0 && t.is(i, ';')) {
                f.field = false;
                f.enumConstants = false;
                f.memberStart = true;
                continue;
            } else if (f.parens == 0 && t.is(i, ',')) {
                if (f.enumConstants) {
                    int n = skipAnnotations(i + 1);
                    if (t.isIdent(n)) {
                        enumConstant(n, f);
                    }
                } else if (f.field && isDeclarator(i + 1)) {
                    w.define(i + 1, SymbolKind.FIELD, f.name);
                }
                continue;
            }
            if (f.memberStart && f.parens == 0) {
                f.memberStart = false;
                if (f.enumConstants) {
                    int n = skipAnnotations(i);
                    if (t.isIdent(n)) {
                        enumConstant(n, f);
                    } else if (t.is(n, ';')) {
                        i = n - 1; // no constants: the members follow
                    }
                    continue;
                }
                i = member(i, f) - 1;
            }
        }
        while (frames.size() > 1) {
            Frame open = frames.pop();
            if (open.def != null) {
                open.def.endLine = t.line[t.size - 1];
            }
        }
    }

    private boolean isRecord(int i) {
        return t.isWord(i, "record") && t.isIdent(i + 1) && (t.is(i + 2, '(') || t.is(i + 2, '<'));
    }

    private void enumConstant(int n, Frame f) {
        w.define(n, SymbolKind.ENUMERATOR, f.name);
        int after = t.is(n + 1, '(') ? t.matching(n + 1) + 1 : n + 1;
        if (t.is(after, '{')) {
            bodies.put(after, new Frame(true, f.name, null)); // the constant's class body
        }
    }

    /**
     * Reads one member declaration starting at {@code i} in a type body; returns where the main loop
     * continues (a body's '{', the initializer after a field name, the ';' of a declaration).
     */
    private int member(int i, Frame f) {
        int k = skipModifiers(i);
        if (t.is(k, '{') || t.is(k, ';') || t.is(k, '}')) {
            return k; // initializer block, empty declaration
        }
        if (t.isWord(k, "package") || t.isWord(k, "import")) {
            return k + 1;
        }
        if (t.is(k, '@') && t.isWord(k + 1, "interface") || t.isWord(k, "class") || t.isWord(k, "interface")
                || t.isWord(k, "enum") || isRecord(k)) {
            return typeDeclaration(t.is(k, '@') ? k + 1 : k);
        }
        if (t.is(k, '<')) {
            k = t.matching(k) + 1; // a generic method's type parameters
        }
        int angle = 0;
        for (int j = k; j < t.size && j < k + 96; j++) {
            if (t.is(j, '<')) {
                angle++;
            } else if (t.is(j, '>')) {
                angle--;
            } else if (t.is(j, '@') && t.isIdent(j + 1)) {
                j = skipAnnotations(j) - 1; // a type annotation
            } else if (angle == 0 && isName(j) && t.is(j + 1, '(')) {
                return method(j, f);
            } else if (angle == 0 && isName(j) && j > k && isTypeEnd(j - 1) && isFieldFollower(j + 1)) {
                w.define(j, SymbolKind.FIELD, f.name);
                f.field = true;
                return j + 1;
            } else if (angle <= 0 && !isTypePart(j)) {
                return j; // not a declaration the rules know: let the main loop go on
            }
        }
        return k + 1;
    }

    private int method(int name, Frame f) {
        TagsExtractor.Def d = w.define(name, SymbolKind.METHOD, f.name);
        int close = t.matching(name + 1);
        for (int j = close + 1; j < t.size && j < close + 128; j++) {
            if (t.is(j, '(')) {
                j = t.matching(j); // throws clause annotations, default value
            } else if (t.is(j, '{')) {
                if (!t.isWord(j - 1, "default") && !t.is(j - 1, '=')) {
                    bodies.put(j, new Frame(false, null, d));
                    return j;
                }
                return j; // an element's default array value: a code frame
            } else if (t.is(j, ';') || t.is(j, '}')) {
                return j;
            }
        }
        return close + 1;
    }

    /** {@code class|interface|enum|record Name ... {} }: defines it and registers its body; returns the '{'. */
    private int typeDeclaration(int k) {
        String word = t.text(k);
        if (!t.isIdent(k + 1) && !(k + 1 < t.size && t.kind[k + 1] == TokenKind.KEYWORD
                && CONTEXTUAL.contains(t.text(k + 1)))) {
            return k + 1;
        }
        SymbolKind kind = switch (word) {
            case "interface" -> SymbolKind.INTERFACE;
            case "enum" -> SymbolKind.ENUM;
            default -> SymbolKind.CLASS;
        };
        String scope = enclosingTypeName();
        TagsExtractor.Def d = w.define(k + 1, kind, scope);
        String name = t.text(k + 1);
        int j = k + 2;
        if (t.is(j, '<')) {
            j = t.matching(j) + 1;
        }
        if (word.equals("record") && t.is(j, '(')) {
            recordComponents(j, name);
            j = t.matching(j) + 1;
        }
        for (int n = 0; j < t.size && n < 256; j++, n++) {
            if (t.is(j, '{')) {
                Frame body = new Frame(true, name, d);
                body.enumConstants = kind == SymbolKind.ENUM;
                bodies.put(j, body);
                return j;
            }
            if (t.is(j, ';') || t.is(j, '}')) {
                return j;
            }
        }
        return j;
    }

    /** Each component of {@code record R(int a, @A List<String> b)} is a field (and its accessor). */
    private void recordComponents(int open, String record) {
        int close = t.matching(open);
        int angle = 0;
        int parens = 0;
        int last = -1;
        for (int j = open + 1; j <= close && j < t.size; j++) {
            if (t.is(j, '<')) {
                angle++;
            } else if (t.is(j, '>')) {
                angle--;
            } else if (t.is(j, '@') && t.isIdent(j + 1)) {
                j = skipAnnotations(j) - 1;
            } else if (t.is(j, '(')) {
                parens++;
            } else if (t.is(j, ')') && parens > 0) {
                parens--;
            } else if (angle == 0 && parens == 0 && (t.is(j, ',') || j == close)) {
                if (last >= 0) {
                    w.define(last, SymbolKind.FIELD, record);
                }
                last = -1;
            } else if (angle == 0 && parens == 0 && isName(j)) {
                last = j;
            }
        }
    }

    private int skipModifiers(int i) {
        int k = skipAnnotations(i);
        while (k < t.size) {
            if (t.kind[k] == TokenKind.KEYWORD && MODIFIERS.contains(t.text(k))
                    && !(t.isWord(k, "default") && t.is(k + 1, ':'))) {
                k = skipAnnotations(k + 1);
            } else if (t.isWord(k, "non") && t.is(k + 1, '-') && t.isWord(k + 2, "sealed")) {
                k = skipAnnotations(k + 3);
            } else {
                return k;
            }
        }
        return k;
    }

    /** Skips {@code @A}, {@code @a.b.C}, {@code @A(...)} (not {@code @interface}); returns the next token. */
    private int skipAnnotations(int k) {
        while (t.is(k, '@') && t.isIdent(k + 1)) {
            k += 2;
            while (t.is(k, '.') && t.isIdent(k + 1)) {
                k += 2;
            }
            if (t.is(k, '(')) {
                k = t.matching(k) + 1;
            }
        }
        return k;
    }

    private boolean isName(int j) {
        return t.isIdent(j) || j < t.size && t.kind[j] == TokenKind.KEYWORD && CONTEXTUAL.contains(t.text(j))
                && !t.is(j - 1, '.');
    }

    /** Tokens a type is made of: names, dots, generic brackets, array brackets, '?', '&', primitive words. */
    private boolean isTypePart(int j) {
        return t.isIdent(j) || t.is(j, '.') || t.is(j, '[') || t.is(j, ']') || t.is(j, '?') || t.is(j, '&') || j < t.size && t.kind[j] == TokenKind.KEYWORD && TYPE_WORDS.contains(t.text(j));
    }

    private boolean isTypeEnd(int j) {
        return t.isIdent(j) || t.is(j, '>') || t.is(j, ']')
                || j < t.size && t.kind[j] == TokenKind.KEYWORD && TYPE_WORDS.contains(t.text(j));
    }

    private boolean isFieldFollower(int j) {
        return t.is(j, '=') || t.is(j, ';') || t.is(j, ',') || t.is(j, '[');
    }

    /** After a ',' in a field declaration: {@code name =}, {@code name,}, {@code name;} or {@code name[]}. */
    private boolean isDeclarator(int j) {
        return isName(j) && isFieldFollower(j + 1);
    }

    /** The '{' at {@code i} follows {@code new Type<...>(...)}: an anonymous class body. */
    private boolean anonymousClass(int i) {
        if (!t.is(i - 1, ')')) {
            return false;
        }
        int depth = 0;
        int j = i - 1;
        for (; j >= 0; j--) {
            if (t.is(j, ')')) {
                depth++;
            } else if (t.is(j, '(') && --depth == 0) {
                break;
            }
        }
        j--;
        if (t.is(j, '>')) {
            int angle = 0;
            for (; j >= 0; j--) {
                if (t.is(j, '>')) {
                    angle++;
                } else if (t.is(j, '<') && --angle == 0) {
                    break;
                }
            }
            j--;
        }
        while (t.isIdent(j) && t.is(j - 1, '.')) {
            j -= 2;
        }
        return t.isIdent(j) && t.isWord(j - 1, "new");
    }

    private String enclosingTypeName() {
        for (Frame f : frames) {
            if (f.type && f.name != null && !f.name.isEmpty()) {
                return f.name;
            }
        }
        return "";
    }
}
