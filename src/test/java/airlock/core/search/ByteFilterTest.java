package airlock.core.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte filter may only save work: every line the exact matcher finds in the decoded text must
 * be among the filter's candidate lines, and decoding a line's bytes alone must give that line of
 * the decoded whole. Checked on random bytes (ASCII, LF, CR, UTF-8, invalid sequences) and queries.
 */
class ByteFilterTest {
    private static final String[] PATTERNS = {
        "F:ab", "F:aB", "F:é", "F:\uFFFD", "F:b\nc", "I:ab", "I:k", "I:S", "W:ab", "R:a.b", "R:[0-9]{2}-[0-9]",
        "R:(ab|cd)+e?", "R:a\\w*b", "R:^ab$", "R:\\bab\\b", "R:[^a]b", "R:a{2,3}", "R:(?i)AB", "R:x*", "R:\\d\\d",
        "R:a(?=b)", "R:(a)\\1", "R:\\Qa.b\\E", "R:.é.", "R:[a-f]{20}",
        // start-state skipping (issue 20): few ASCII bytes leave the start state
        "R:[bc]{2}[0-9]", "R:\\bd(1|9)\\s+[a-e]+-", "R:e[^\\n]*b", "R:\\d{3}-", "R:[a-c]x|[019]y|-z",
        // required bytes (issue 20): the lines holding "ab " (or "b-é") are run through the automaton
        "R:ab [0-9]+\\s*c", "R:\\d+b-é\\b", "R:(?:a)b(?=c)c\\w",
        // supplementary characters (issue 20): known to the filter by their four UTF-8 bytes
        "F:\uD83D\uDE00", "F:a\uD83D\uDE00", "W:\uD83D\uDE00", "R:\uD83D\uDE00+b", "R:[\uD83D\uDE00-\uD83D\uDE02]b",
        "R:\\x{1F601}", "I:\uD83D\uDE00",
        // bracket classes with a byte set of their own (issue 20): negated, large, case-folded, predefined members
        "R:[^ -~\\t]{3}", "R:[^ -~\\t]", "R:[^a-c]b", "R:[^\\s]\u00e9", "R:(?i)[^a-c]{2}", "R:(?i)[^k]s",
        "R:[A-Z]{2,}_[0-9]", "R:0x[0-9a-fA-F]{2}", "R:(?i)[a-e]{3}", "R:[\\w-]{3}k", "R:[^\\x00-\\x7F]",
        "R:[\u00e9-\u00ef]a", "R:(?i)[K-S]s", "R:[\\d\\s]{2}b", "R:[^\\w\\s]{2}", "R:[a-z\u212a]{2}",
        "R:(?i)[\u212a]", "R:(?i)[^\u00e9]{2}",
        // leaving bytes of 0x80 or more as ranges of their own (issue 20: -i \u00b5s walked every byte)
        "I:\u00b5s", "I:j\u00e9", "R:\u0130x|\u00e9b", "R:[\u00e9\u212a]a", "R:(?i)\u00e9[0-9]",
        // line anchors the automaton knows (issue 20: ^\}$ made every line holding a } a candidate)
        "R:^a$", "R:^ab", "R:b$", "R:^$", "R:^\\s*$", "R:^a|b$", "R:(^|x)a", "R:a(b|$)", "R:^\\d+-$",
        "R:^[^a]*$", "R:$^", "R:^(?i)k$", "R:^\u00e9$", "R:(a$)+", "R:^(ab)*$",
        "R:^\\ta[b-e]+;\r?$", "R:^[^ -~\\t]{2}", "R:x(?=$)|^\\W", "R:^.$",
    };
    /** Whole supplementary characters the random bytes sometimes hold (single bytes of them come from ALPHABET). */
    private static final byte[][] ASTRAL = {
        "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8), "\uD83D\uDE01".getBytes(StandardCharsets.UTF_8),
        new String(Character.toChars(0x20000)).getBytes(StandardCharsets.UTF_8),
    };
    private static final byte[] ALPHABET = "abcdeABKkSs019-_é\u212a\u017f\u0130 \t\r\n\n\u0001\u007f".getBytes(StandardCharsets.UTF_8);

    @Test
    void aCaseInsensitiveNonAsciiCharacterIsKnownByItsFoldSet() throws Exception {
        // MICRO SIGN folds with GREEK SMALL and CAPITAL MU in java.util.regex; it was "any character",
        // so every line with an s was a candidate of -i "\u00b5s" (half the kernel's lines)
        String text = "\u00b5s\n\u03bcs\n\u039cS\nxs\nus\nms\n\u00b5\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (SearchQuery q : List.of(SearchQuery.literal("\u00b5s", "r").withIgnoreCase(true),
                SearchQuery.regex("(?i)\u00b5s", "r"), SearchQuery.regex("(?i)\u03bcs", "r"))) {
            int[] lines = ByteFilter.of(q).candidateLines(bytes);
            List<Integer> numbers = new ArrayList<>();
            for (int i = 0; i < lines.length; i += 3) {
                numbers.add(lines[i]);
            }
            assertEquals(List.of(1, 2, 3), numbers, q.pattern());
            // exactly the lines java.util.regex matches
            List<Integer> matched = new ArrayList<>();
            for (LineMatch m : TextMatcher.compile(q).matchLines(text, () -> false)) {
                matched.add(m.number());
            }
            assertEquals(List.of(1, 2, 3), matched, q.pattern());
        }
    }

    @Test
    void aNegatedClassHasARealByteSetAndRulesOutLinesWithoutItsBytes() throws Exception {
        // issue 20: [^ -~\t]{3} was "any character" three times, so every line of three characters
        // or more was a candidate; now only lines with three bytes in a row outside printable ASCII
        // (a superset: the filter does not know where a character's bytes begin, so "\u00e4\u00f6"
        // is a candidate too)
        String text = "int x = 1;\n\tcopyright \u00a9 2009\n\u00e4\u00f6\u00fc\n\u00e4 b \u00f6\nab\u0001\u0002\u0003\n"
                + "plain\n\u00ff\u00fe\u00ff\u00fe\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        SearchQuery q = SearchQuery.regex("[^ -~\t]{3}", "r");
        int[] lines = ByteFilter.of(q).candidateLines(bytes);
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < lines.length; i += 3) {
            numbers.add(lines[i]);
        }
        assertEquals(List.of(3, 5, 7), numbers);
        List<Integer> matched = new ArrayList<>();
        for (LineMatch m : TextMatcher.compile(q).matchLines(text, () -> false)) {
            matched.add(m.number());
        }
        assertEquals(numbers, matched);
        // invalid bytes decode to U+FFFD, which the class matches too
        byte[] invalid = {'a', (byte) 0xA4, (byte) 0xA4, (byte) 0xFF, '\n', 'b', (byte) 0xE4, 'c', '\n'};
        int[] found = ByteFilter.of(q).candidateLines(invalid);
        assertEquals(1, found.length / 3);
        assertEquals(1, TextMatcher.compile(q).matchLines(DecodedText.decode(invalid).text(), () -> false).size());
    }

    @Test
    void aLargeClassIsKnownByItsBytesAndCaseFoldingWidensIt() {
        RegexNode.Class cls = (RegexNode.Class) single("[A-Z]", false);
        assertTrue(cls.has('A') && cls.has('Z') && !cls.has('a') && !cls.nonAscii());
        RegexNode.Class folded = (RegexNode.Class) single("[A-Z]", true);
        assertTrue(folded.has('a') && folded.has('Z') && folded.nonAscii(), "KELVIN SIGN folds to k");
        RegexNode.Class negated = (RegexNode.Class) single("[^ -~\t]", false);
        assertTrue(negated.nonAscii() && negated.has(1) && negated.has(0x7F) && !negated.has('a') && !negated.has('\t'));
        RegexNode.Class negatedFolded = (RegexNode.Class) single("[^a-c]", true);
        assertTrue(negatedFolded.has('a') && negatedFolded.has('C'), "a folded negated class excludes no letter");
        RegexNode.Class word = (RegexNode.Class) single("[\\w-]", false);
        assertTrue(word.has('_') && word.has('-') && word.has('q') && !word.has(' ') && word.nonAscii());
        // small classes stay known characters (trigrams), a class under folding with a non-ASCII member is unknown
        assertTrue(single("[0-9]", false) instanceof RegexNode.Chars);
        assertTrue(RegexParser.parse("[\u212a-\u212b]x", true) instanceof RegexNode.Concat c
                && c.parts().get(0) instanceof RegexNode.AnyChar);
    }

    /** The one node of a pattern that is one class. */
    private static RegexNode single(String pattern, boolean ignoreCase) {
        RegexNode node = RegexParser.parse(pattern, ignoreCase);
        return node instanceof RegexNode.Concat c && c.parts().size() == 1 ? c.parts().get(0) : node;
    }

    @Test
    void everyExactMatchIsACandidateLineAndLinesDecodeAlike() throws Exception {
        Random random = new Random(42);
        for (String spec : PATTERNS) {
            SearchQuery query = parse(spec);
            TextMatcher matcher = TextMatcher.compile(query);
            ByteFilter filter = ByteFilter.of(query);
            assertNotNull(filter, spec);
            for (int round = 0; round < 400; round++) {
                byte[] bytes = randomBytes(random);
                String text = DecodedText.decode(bytes).text();
                List<LineMatch> exact = matcher.matchLines(text, () -> false);
                int[] candidates = filter.candidateLines(bytes);
                assertNotNull(candidates, "no NUL was generated");
                if (candidates == ByteFilter.EVERY_LINE) {
                    continue;
                }
                List<Integer> numbers = new ArrayList<>();
                String[] decodedLines = text.split("\n", -1);
                for (int i = 0; i < candidates.length; i += 3) {
                    numbers.add(candidates[i]);
                    int from = candidates[i + 1];
                    if (from == 0 && DecodedText.hasUtf8Bom(bytes)) {
                        from = 3;
                    }
                    String alone = new String(bytes, from, candidates[i + 2] - from, StandardCharsets.UTF_8);
                    assertEquals(decodedLines[candidates[i] - 1], alone, spec + " line " + candidates[i]);
                }
                for (LineMatch line : exact) {
                    assertTrue(numbers.contains(line.number()), spec + ": line " + line.number() + " '"
                            + line.text() + "' matched but was ruled out; bytes " + java.util.Arrays.toString(bytes));
                }
                int[] nums = numbers.stream().mapToInt(Integer::intValue).toArray();
                StringBuilder joined = new StringBuilder();
                for (int i = 0; i < nums.length; i++) {
                    joined.append(i == 0 ? "" : "\n").append(decodedLines[nums[i] - 1]);
                }
                assertEquals(joined.toString(), DecodedText.joinedLines(bytes, candidates), spec + ": decoded in one go");
                assertEquals(exact, matcher.matchSelectedLines(joined.toString(), nums, bytes.length, () -> false), spec);
                // every line selected, as when no filter applies: lines without a match in between
                int[] all = new int[decodedLines.length - (text.isEmpty() || text.endsWith("\n") ? 1 : 0)];
                for (int i = 0; i < all.length; i++) {
                    all[i] = i + 1;
                }
                String allLines = all.length == decodedLines.length ? text : text.substring(0, Math.max(0, text.length() - 1));
                assertEquals(exact, matcher.matchSelectedLines(allLines, all, bytes.length, () -> false), spec + " all lines");
            }
        }
    }

    @Test
    void twoInterleavedLanesAndTheSkippingPassFindTheSameLinesAsOnePass() throws Exception {
        Random random = new Random(7);
        for (String spec : PATTERNS) {
            ByteFilter filter = ByteFilter.of(parse(spec));
            for (int round = 0; round < 40; round++) {
                java.io.ByteArrayOutputStream big = new java.io.ByteArrayOutputStream();
                int parts = 1 + random.nextInt(60);
                for (int p = 0; p < parts; p++) {
                    big.writeBytes(randomBytes(random));
                }
                if (round % 10 == 9) {
                    big.write(0);
                }
                byte[] bytes = big.toByteArray();
                int[] one = filter.candidateLines(bytes, Integer.MAX_VALUE, false);
                int[] two = filter.candidateLines(bytes, 0, false);
                int[] skipping = filter.candidateLines(bytes, Integer.MAX_VALUE, true);
                if (one == ByteFilter.EVERY_LINE) {
                    assertTrue(two == ByteFilter.EVERY_LINE, spec);
                    assertTrue(skipping == ByteFilter.EVERY_LINE, spec);
                } else {
                    assertArrayEquals(one, two, spec + " on " + bytes.length + " bytes");
                    // a regex with required bytes names only lines that hold them: a subset of the
                    // automaton's lines (every exact match is among them, checked above); else the same
                    assertTrue(skipping != null || one == null, spec);
                    if (one == null || !filter.usesRequired()) {
                        assertArrayEquals(one, skipping, spec + " skipping, on " + bytes.length + " bytes");
                    } else if (one != null) {
                        java.util.Set<Integer> all = new java.util.HashSet<>();
                        for (int i = 0; i < one.length; i += 3) {
                            all.add(one[i]);
                        }
                        for (int i = 0; i < skipping.length; i += 3) {
                            assertTrue(all.contains(skipping[i]), spec + " line " + skipping[i]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void lineFeedsAreCountedExactlyEightBytesAtATime() {
        Random random = new Random(3);
        for (int round = 0; round < 2000; round++) {
            byte[] bytes = new byte[random.nextInt(100)];
            for (int i = 0; i < bytes.length; i++) {
                // LF among its neighbours in value (0x09, 0x0B, 0x8A) and arbitrary bytes
                int pick = random.nextInt(6);
                bytes[i] = (byte) (pick == 0 ? 0x0A : pick == 1 ? 0x0B : pick == 2 ? 0x8A : pick == 3 ? 0x09 : random.nextInt(256));
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int expected = 0;
            for (int i = from; i < bytes.length; i++) {
                expected += bytes[i] == '\n' ? 1 : 0;
            }
            assertEquals(expected, ByteFilter.countLf(bytes, from, bytes.length));
        }
    }

    @Test
    void requiredBytesAreTheExactRunOfTheTopLevelSequenceWithTheRarestByte() {
        assertEquals("_init(void)", new String(ByteFilter.requiredBytes(RegexParser.parse(
                "static int __init [a-z_0-9]+_init\\(void\\)", false)), StandardCharsets.UTF_8));
        assertEquals("];", new String(ByteFilter.requiredBytes(RegexParser.parse(
                "\\bu(8|16|32|64)\\s+[a-z_]+\\[[0-9]+\\];", false)), StandardCharsets.UTF_8));
        assertEquals("abcd", new String(ByteFilter.requiredBytes(RegexParser.parse("^ab\\bc(?=x)d.e?", false)),
                StandardCharsets.UTF_8));
        assertEquals(0, ByteFilter.requiredBytes(RegexParser.parse("abc|abd", false)).length);
        assertEquals(0, ByteFilter.requiredBytes(RegexParser.parse("[qxz]{2}[0-9]{2}", false)).length);
    }

    @Test
    void lineAnchorsRuleOutLinesAtTheBytesAndHoldAtTheFilesEdges() throws Exception {
        // found by the rare }, checked by the automaton over its line
        ByteFilter found = ByteFilter.of(SearchQuery.regex("^\\}$", "r"));
        assertTrue(found.usesRequired());
        // no required bytes: each line is walked from its start
        ByteFilter walked = ByteFilter.of(SearchQuery.regex("^(\\}|\\})$", "r"));
        assertTrue(walked.walksLines());
        assertTrue(ByteFilter.of(SearchQuery.regex("^\\treturn -E[A-Z]+;$", "r")).walksLines());
        for (ByteFilter brace : List.of(found, walked)) {
            braceLines(brace);
        }
    }

    private static void braceLines(ByteFilter brace) {
        // only the lines that are exactly "}": not "};", not " }", not "}\r" (a CR stays in the line)
        byte[] text = "}\n};\n }\n}\r\n\n}\n{\n}".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(new int[] {1, 0, 1, 6, 12, 13, 8, 16, 17}, brace.candidateLines(text));
        // the same lines by every pass
        assertArrayEquals(brace.candidateLines(text), brace.candidateLines(text, Integer.MAX_VALUE, false));
        assertArrayEquals(brace.candidateLines(text), brace.candidateLines(text, 0, false));
        assertArrayEquals(new int[0], brace.candidateLines("}}\n }\n".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(new int[] {1, 0, 1}, brace.candidateLines("}".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(new int[0], brace.candidateLines(new byte[0]));
        // a NUL after the last candidate still makes the file binary, also when the line walk skips it
        assertNull(brace.candidateLines("}\nabc\0def\n".getBytes(StandardCharsets.UTF_8)));
        // a UTF-8 byte-order mark is dropped by the decoder: such a file is left to the matcher
        assertTrue(brace.candidateLines("\uFEFF}\n".getBytes(StandardCharsets.UTF_8)) == ByteFilter.EVERY_LINE);
    }

    @Test
    void anchorsAtTheEndsOfLinesAndFiles() throws Exception {
        // invalid UTF-8 bytes are one U+FFFD each: "^.$" takes a line of one invalid byte, not of two
        ByteFilter dot = ByteFilter.of(SearchQuery.regex("^.$", "r"));
        assertArrayEquals(new int[] {1, 0, 1, 3, 5, 7}, dot.candidateLines(new byte[] {(byte) 0xFF, '\n', 'a', 'b', '\n', (byte) 0xC3, (byte) 0xA9}));
        // empty lines for ^$, the last line without LF, no line after a final LF
        ByteFilter empty = ByteFilter.of(SearchQuery.regex("^$", "r"));
        assertArrayEquals(new int[] {2, 2, 2, 4, 5, 5}, empty.candidateLines("a\n\nb\n\n".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(new int[0], empty.candidateLines("a\nb".getBytes(StandardCharsets.UTF_8)));
        // $ at the end of a file without a final LF, in every pass
        ByteFilter end = ByteFilter.of(SearchQuery.regex("ab;$", "r"));
        byte[] last = "ab; x\nxx ab;".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(new int[] {2, 6, 12}, end.candidateLines(last));
        assertArrayEquals(new int[] {2, 6, 12}, end.candidateLines(last, 0, false));
        assertArrayEquals(new int[] {2, 6, 12}, end.candidateLines(last, Integer.MAX_VALUE, false));
        // a flag turned off inside the pattern leaves the anchors unknown (every line holding b is a candidate)
        assertArrayEquals(new int[] {1, 0, 2, 2, 3, 4}, ByteFilter.of(SearchQuery.regex("(?-d)^b", "r"))
                .candidateLines("ab\nb".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aNulByteMakesTheFileBinaryAndTheEmptyMatchRulesOutNothing() throws Exception {
        ByteFilter literal = ByteFilter.of(SearchQuery.literal("ab", "r"));
        assertNull(literal.candidateLines("xx\nab\0".getBytes(StandardCharsets.UTF_8)));
        assertNull(literal.candidateLines("\0ab".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(new int[] {2, 3, 7}, literal.candidateLines("xx\nq ab\nz".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(new int[0], literal.candidateLines("a\nb\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(ByteFilter.of(SearchQuery.regex("x*", "r")).candidateLines("abc".getBytes(StandardCharsets.UTF_8))
                == ByteFilter.EVERY_LINE);
    }

    private static byte[] randomBytes(Random random) {
        int n = random.nextInt(60);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(10);
            out[i] = pick == 0 ? (byte) (0x80 + random.nextInt(0x7f)) : ALPHABET[random.nextInt(ALPHABET.length)];
            if (out[i] == 0) {
                out[i] = 'z';
            }
            if (pick == 1 && i + 4 <= n) {
                byte[] astral = ASTRAL[random.nextInt(ASTRAL.length)];
                System.arraycopy(astral, 0, out, i, 4);
                i += 3;
            }
        }
        if (n > 3 && random.nextInt(20) == 0) {
            out[0] = (byte) 0xEF;
            out[1] = (byte) 0xBB;
            out[2] = (byte) 0xBF;
        }
        return out;
    }

    private static SearchQuery parse(String spec) {
        String text = spec.substring(2);
        return switch (spec.charAt(0)) {
            case 'R' -> SearchQuery.regex(text, "r");
            case 'I' -> SearchQuery.literal(text, "r").withIgnoreCase(true);
            case 'W' -> SearchQuery.literal(text, "r").withWholeWord(true);
            default -> SearchQuery.literal(text, "r");
        };
    }
}
