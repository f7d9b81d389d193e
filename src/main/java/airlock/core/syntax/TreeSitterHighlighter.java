package airlock.core.syntax;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;
import org.treesitter.TreeSitterC;
import org.treesitter.TreeSitterJava;
import org.treesitter.TreeSitterPython;

/**
 * Highlighting from a real parser (tree-sitter, via io.github.bonede) for the files on screen, in the
 * languages whose grammar is bundled (C, Java, Python). If the native library cannot load on this
 * machine, {@link #create()} returns empty and the lexer is used everywhere; the reason is logged. The
 * native libraries come only from the application's jars (see {@code loadNatives}).
 */
public final class TreeSitterHighlighter {
    private static final Logger LOG = LoggerFactory.getLogger(TreeSitterHighlighter.class);
    private static final Set<String> STRINGS = Set.of("string_literal", "char_literal", "raw_string_literal",
            "string", "character_literal", "text_block", "system_lib_string", "concatenated_string");
    private static final Set<String> NUMBERS = Set.of("number_literal", "integer", "float",
            "decimal_integer_literal", "hex_integer_literal", "octal_integer_literal", "binary_integer_literal",
            "decimal_floating_point_literal", "hex_floating_point_literal");
    private static final Set<String> TYPES = Set.of("primitive_type", "type_identifier", "integral_type",
            "floating_point_type", "boolean_type", "void_type", "sized_type_specifier");
    private static final Set<String> FUNCTION_FIELDS = Set.of("declarator", "name", "function");
    /** io.github.bonede's loader takes its library folder from this property, else {@code ~/.tree-sitter}. */
    static final String STORE_PROPERTY = "tree-sitter-lib";
    /** The core first: the grammar libraries are loaded after it, as the bindings do. */
    static final List<String> LIBRARIES = List.of("tree-sitter", "tree-sitter-c", "tree-sitter-java",
            "tree-sitter-python");
    private static String loadResult;
    private final Map<Language, Supplier<TSLanguage>> grammars;

    private TreeSitterHighlighter(Map<Language, Supplier<TSLanguage>> grammars) {
        this.grammars = grammars;
    }

    /** The parser-backed highlighter, or empty when the native library does not load here. */
    public static Optional<TreeSitterHighlighter> create() {
        String failure = loadNatives();
        if (failure != null) {
            LOG.warn("tree-sitter is unavailable on this machine, using the lexer for all highlighting: {}", failure);
            return Optional.empty();
        }
        try {
            TSParser probe = new TSParser();
            probe.setLanguage(new TreeSitterC());
            probe.parseString(null, "int x;");
            return Optional.of(new TreeSitterHighlighter(Map.of(Language.C, TreeSitterC::new, Language.CPP,
                    TreeSitterC::new, Language.JAVA, TreeSitterJava::new, Language.PYTHON, TreeSitterPython::new)));
        } catch (LinkageError | RuntimeException e) {
            LOG.warn("tree-sitter is unavailable on this machine, using the lexer for all highlighting: {}",
                    e.toString());
            return Optional.empty();
        }
    }

    /**
     * Loads the tree-sitter core and grammar libraries once per JVM, only from the application's jars: each is
     * extracted into a private owner-only folder, verified (SHA-256 against the jar's bytes) and loaded by
     * absolute path before any binding class is initialised; the bindings' own loader is pointed at the same
     * folder ({@value #STORE_PROPERTY}) so it finds the verified copies and never looks in
     * {@code ~/.tree-sitter}, where it would reuse any file whose CRC32 matches. The folder is deleted once
     * everything is loaded. Returns null when loaded, else the reason (the same one on every later call).
     */
    private static synchronized String loadNatives() {
        if (loadResult != null) {
            return loadResult.isEmpty() ? null : loadResult;
        }
        Path folder = null;
        String previous = null;
        boolean propertySet = false;
        try {
            folder = PrivateNatives.newFolder();
            Path lib = PrivateNatives.subFolder(folder, "lib");
            List<Path> files = new ArrayList<>();
            for (String name : LIBRARIES) {
                String file = platformName(name);
                files.add(PrivateNatives.extract(TreeSitterHighlighter.class, "/lib/" + file, lib, file));
            }
            for (Path file : files) {
                System.load(file.toString());
            }
            previous = System.setProperty(STORE_PROPERTY, folder.toString());
            propertySet = true;
            ClassLoader loader = TreeSitterHighlighter.class.getClassLoader();
            for (Class<?> binding : List.of(TSParser.class, TreeSitterC.class, TreeSitterJava.class,
                    TreeSitterPython.class)) {
                Class.forName(binding.getName(), true, loader);
            }
            loadResult = "";
        } catch (IOException | LinkageError | RuntimeException | ClassNotFoundException e) {
            loadResult = e.toString();
        } finally {
            if (propertySet) {
                if (previous == null) {
                    System.clearProperty(STORE_PROPERTY);
                } else {
                    System.setProperty(STORE_PROPERTY, previous);
                }
            }
            if (folder != null) {
                PrivateNatives.deleteFolder(folder);
            }
        }
        return loadResult.isEmpty() ? null : loadResult;
    }

    /** The file name io.github.bonede's loader gives {@code lib/<name>} on this system. */
    static String platformName(String name) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String system;
        String suffix;
        if (os.contains("linux")) {
            system = "linux-gnu";
            suffix = "so";
        } else if (os.contains("mac")) {
            system = "macos";
            suffix = "dylib";
        } else if (os.contains("windows")) {
            system = "windows";
            suffix = "dll";
        } else {
            throw new IllegalStateException("tree-sitter has no library for the system " + os);
        }
        String cpu;
        if (arch.contains("amd64") || arch.contains("x86_64")) {
            cpu = "x86_64";
        } else if (arch.contains("aarch64")) {
            cpu = "aarch64";
        } else {
            throw new IllegalStateException("tree-sitter has no library for the processor " + arch);
        }
        return cpu + "-" + system + "-" + name + "." + suffix;
    }

    public boolean supports(Language language) {
        return grammars.containsKey(language) && language != Language.CPP;
    }

    /** Highlights {@code text}; callers must pass decoded text within the parser size limit. */
    public Highlighting highlight(Language language, String text) {
        TSParser parser = new TSParser();
        parser.setLanguage(grammars.get(language).get());
        TSTree tree = parser.parseString(null, text);
        int[] byteToChar = byteToCharMap(text);
        Highlighting.Builder out = new Highlighting.Builder();
        TSTreeCursor cursor = new TSTreeCursor(tree.getRootNode());
        boolean descend = true;
        while (true) {
            TSNode node = cursor.currentNode();
            String cls = descend ? classify(node, cursor) : null;
            if (cls != null) {
                out.add(map(byteToChar, node.getStartByte()), map(byteToChar, node.getEndByte()), cls);
            }
            if (descend && cls == null && cursor.gotoFirstChild()) {
                continue;
            }
            if (cursor.gotoNextSibling()) {
                descend = true;
                continue;
            }
            if (!cursor.gotoParent()) {
                break;
            }
            descend = false;
        }
        return out.build("tree-sitter");
    }

    private static String classify(TSNode node, TSTreeCursor cursor) {
        String type = node.getType();
        if (type.equals("comment") || type.equals("line_comment") || type.equals("block_comment")) {
            return LexerHighlighter.COMMENT;
        }
        if (STRINGS.contains(type)) {
            return LexerHighlighter.STRING;
        }
        if (NUMBERS.contains(type)) {
            return LexerHighlighter.NUMBER;
        }
        if (TYPES.contains(type)) {
            return LexerHighlighter.TYPE;
        }
        if (type.startsWith("#") || type.equals("preproc_directive")) {
            return LexerHighlighter.PREPROC;
        }
        if (type.equals("identifier") && FUNCTION_FIELDS.contains(String.valueOf(cursor.currentFieldName()))) {
            String parent = node.getParent().getType();
            if (parent.equals("function_declarator") || parent.equals("call_expression")
                    || parent.equals("method_declaration") || parent.equals("method_invocation")
                    || parent.equals("function_definition") || parent.equals("call")) {
                return LexerHighlighter.FUNCTION;
            }
        }
        if (!node.isNamed() && node.getChildCount() == 0 && isWord(type)) {
            return LexerHighlighter.KEYWORD;
        }
        if (type.equals("true") || type.equals("false") || type.equals("null") || type.equals("none")) {
            return LexerHighlighter.KEYWORD;
        }
        return null;
    }

    private static boolean isWord(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetter(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Tree-sitter reports UTF-8 byte offsets; map them to UTF-16 offsets (null when the text is ASCII). */
    private static int[] byteToCharMap(String text) {
        boolean ascii = true;
        for (int i = 0; i < text.length() && ascii; i++) {
            ascii = text.charAt(i) < 0x80;
        }
        if (ascii) {
            return null;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int[] map = new int[utf8.length + 1];
        int b = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            for (int k = 0; k < len; k++) {
                map[b + k] = i;
            }
            b += len;
            i += Character.charCount(cp);
        }
        map[utf8.length] = text.length();
        return map;
    }

    private static int map(int[] byteToChar, int byteOffset) {
        if (byteToChar == null) {
            return byteOffset;
        }
        return byteToChar[Math.max(0, Math.min(byteOffset, byteToChar.length - 1))];
    }
}
