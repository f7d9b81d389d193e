package airlock.core.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The lexer's allocation-free keyword check answers as the set does, for every language. */
class LanguageKeywordRangeTest {
    @Test
    void rangesAnswerAsTheSetDoes() {
        String[] words = {"if", "int", "return", "static", "_Bool", "__attribute__", "def", "lambda", "fn", "impl",
            "func", "class", "x", "spin_lock_irqsave", "IF", "Int", "ifx", "i", "", "\u00e9t\u00e9", "\uD83D\uDE00",
            "synchronized", "constexpr", "reinterpret_cast", "nonlocal", "elif", "then", "fi", "esac"};
        Random random = new Random(6);
        for (Language language : Language.values()) {
            for (String word : words) {
                String text = "(" + word + ")";
                assertEquals(language.isKeyword(word), language.isKeyword(text, 1, 1 + word.length()),
                        language + " " + word);
            }
            for (int n = 0; n < 5_000; n++) {
                StringBuilder b = new StringBuilder();
                for (int len = random.nextInt(14); len > 0; len--) {
                    b.append("abcdefghilmnoprstuwy_EIT\u00e9".charAt(random.nextInt(25)));
                }
                String word = b.toString();
                assertEquals(language.isKeyword(word), language.isKeyword("<<" + word + ">>", 2, 2 + word.length()),
                        language + " " + word);
            }
        }
        for (Language language : Language.values()) { // every keyword of every language, found in place
            for (java.lang.reflect.Field f : Keywords.class.getDeclaredFields()) {
                if (!java.util.Set.class.isAssignableFrom(f.getType())) {
                    continue;
                }
                f.setAccessible(true);
                java.util.Set<?> set;
                try {
                    set = (java.util.Set<?>) f.get(null);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
                for (Object k : set) {
                    String word = (String) k;
                    assertEquals(language.isKeyword(word), language.isKeyword(" " + word + " ", 1, 1 + word.length()),
                            language + " " + word);
                }
            }
        }
        assertTrue(Language.C.isKeyword("x if y", 2, 4));
        assertFalse(Language.C.isKeyword("x if y", 2, 2), "an empty range");
        assertFalse(Language.PLAIN.isKeyword("if", 0, 2), "plain text has no keywords");
    }
}
