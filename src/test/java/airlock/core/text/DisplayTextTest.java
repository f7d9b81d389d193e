package airlock.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DisplayTextTest {

    @Test
    void offsetsMapBothWaysAroundTokens() {
        String orig = "ab\u202Ecd";
        DisplayText d = DisplayText.of(orig);
        assertEquals("ab⟨U+202E⟩cd", d.display());
        assertEquals(0, d.toDisplay(0));
        assertEquals(2, d.toDisplay(2));
        assertEquals(10, d.toDisplay(3));
        assertEquals(11, d.toDisplay(4));
        assertEquals(12, d.toDisplay(5));
        assertEquals(2, d.toOriginal(2));
        assertEquals(2, d.toOriginal(5)); // inside the token
        assertEquals(3, d.toOriginal(10));
        assertEquals(5, d.toOriginal(12));
        assertEquals(1, d.tokenRanges().size());
        assertEquals(2, d.tokenRanges().get(0)[0]);
        assertEquals(10, d.tokenRanges().get(0)[1]);
    }

    @Test
    void crlfBecomesPlainLineBreakAndLeadingBomIsDropped() {
        String orig = "\uFEFFa\r\nb\r\nc";
        DisplayText d = DisplayText.of(orig);
        assertEquals("a\nb\nc", d.display());
        assertEquals(0, d.toDisplay(1));
        assertEquals(2, d.toDisplay(4)); // 'b'
        assertEquals(4, d.toOriginal(2));
        assertEquals(3, d.toOriginal(1)); // the line break maps to the LF
        assertEquals(7, d.toOriginal(4));
        assertEquals(0, d.tokenRanges().size());
    }

    @Test
    void everyOffsetRoundTripsOnMixedInput() {
        String tag = new String(Character.toChars(0xE0020));
        String orig = "\uFEFF\u202Ex\r\ny" + tag + "z\rw\u2028\u200B\u200Bq";
        DisplayText d = DisplayText.of(orig);
        for (int i = 0; i <= orig.length(); i++) {
            boolean low = i > 0 && i < orig.length() && Character.isLowSurrogate(orig.charAt(i));
            if (low) {
                continue;
            }
            int disp = d.toDisplay(i);
            int back = d.toOriginal(disp);
            boolean silent = i == 0 || (i < orig.length() && orig.charAt(i) == '\r' && orig.charAt(i + 1) == '\n');
            assertEquals(silent ? i + 1 : i, back, "offset " + i);
        }
        assertEquals(d.display().length(), d.toDisplay(orig.length()));
    }

    @Test
    void inlineEscapesLineBreaksTabsAndControlsInNames() {
        assertEquals("plain/path.c", DisplayText.inline("plain/path.c"));
        assertEquals("a⟨U+000A⟩b⟨U+0009⟩c⟨U+202E⟩d", DisplayText.inline("a\nb\tc\u202Ed"));
        assertEquals("${jndi:ldap://127.0.0.1:1389/a}", DisplayText.inline("${jndi:ldap://127.0.0.1:1389/a}"));
    }
}
