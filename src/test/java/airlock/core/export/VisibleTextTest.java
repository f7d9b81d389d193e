package airlock.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class VisibleTextTest {
    @Test
    void trojanSourceAndInvisibleCharactersBecomeTokens() {
        assertEquals("a<U+202E>b<U+2066>c<U+200B>d<U+FEFF>e<U+00AD>f<U+3164>g<U+000D>h<U+2028>i<U+E0041>j<U+061C>k",
                VisibleText.escape("a\u202eb\u2066c\u200bd\ufeffe\u00adf\u3164g\rh\u2028i\udb40\udc41j\u061ck"));
        assertEquals("<U+0000><U+001B><U+007F><U+0085><U+D800>x", VisibleText.escape("\0\u001b\u007f\u0085\ud800x"));
    }

    @Test
    void ordinaryTextIsReturnedAsIs() {
        String s = "tab\tnewline\nünïcode 漢字 emoji \ud83d\ude00";
        assertSame(s, VisibleText.escape(s));
    }
}
