package airlock.core.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The lexer's table-driven identifier end answers as the character predicate it was built from, for every char. */
class LexerIdentEndTest {
    @Test
    void everyCharacterInEveryLanguage() {
        for (Language language : Language.values()) {
            Lexer lexer = new Lexer(language);
            for (int c = 0; c <= 0xFFFF; c++) {
                String text = "a" + (char) c + "b";
                boolean part = Lexer.isIdentPart((char) c, language.syntax());
                assertEquals(part ? 3 : 1, lexer.identEndForTest(text, 1), language + " U+" + Integer.toHexString(c));
            }
        }
    }

    @Test
    void thePredicateIsTheOneTheLexerAlwaysUsed() {
        // the original chain of ranges, written out independently
        for (Language.Syntax syntax : Language.Syntax.values()) {
            for (int i = 0; i <= 0xFFFF; i++) {
                char c = (char) i;
                boolean expected = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '_' || (c == '$' && syntax != Language.Syntax.SHELL && syntax != Language.Syntax.PYTHON)
                        || (c >= 0x80 && (Character.isUnicodeIdentifierPart(c) || Character.isSurrogate(c)));
                assertEquals(expected, Lexer.isIdentPart(c, syntax), syntax + " U+" + Integer.toHexString(i));
            }
        }
    }
}
