package airlock.core.syntax;

import airlock.core.text.ContentLimits;
import java.util.Optional;

/**
 * Chooses the engine per file: the full parser for supported languages up to the parser size limit,
 * the fast lexer for everything else. Synchronous and may take time: call it off the FX thread.
 */
public final class SyntaxHighlighter {
    private final Optional<TreeSitterHighlighter> parser;
    private final LexerHighlighter lexer = new LexerHighlighter();
    private final ContentLimits limits;

    public SyntaxHighlighter(Optional<TreeSitterHighlighter> parser, ContentLimits limits) {
        this.parser = parser;
        this.limits = limits;
    }

    /** Lexer-level highlighting: fast, for first paint and big files. */
    public Highlighting quick(Language language, String text) {
        return lexer.highlight(language, text);
    }

    /** The best highlighting available for this file (parser when possible). */
    public Highlighting best(Language language, String text) {
        if (parser.isPresent() && parser.get().supports(language) && text.length() <= limits.parserBytes()) {
            try {
                return parser.get().highlight(language, text);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(SyntaxHighlighter.class)
                        .warn("tree-sitter failed on a {} file, using the lexer: {}", language, e.toString());
            }
        }
        return lexer.highlight(language, text);
    }

    public boolean parserAvailable() {
        return parser.isPresent();
    }
}
