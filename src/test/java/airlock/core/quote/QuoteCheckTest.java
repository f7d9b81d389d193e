package airlock.core.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 18: a 200-line function of the tree is caught however it is dressed, and hostile text stays harmless. */
class QuoteCheckTest {
    private static QuoteCheck check;

    @BeforeAll
    static void index() throws Exception {
        check = QuoteFixture.check(QuoteRules.defaults());
    }

    private static QuotedFile only(QuoteCheck.TextScan scan) {
        assertEquals(1, scan.files().size(), () -> "files: " + scan.files());
        return scan.files().get(0);
    }

    private static String body(String quote) {
        return "The RX path trusts the descriptor length; see below.\n\n" + quote + "\nPlease check the bounds.";
    }

    @Test
    void verbatimFunctionIsFlaggedWithItsFile() throws Exception {
        QuotedFile q = only(check.scan(body(QuoteFixture.function())));
        assertEquals(QuoteFixture.FUNCTION_FILE, q.path());
        assertEquals(200, q.sourceLines(), q.describe());
        assertEquals(3, q.firstSourceLine());
        assertEquals(202, q.lastSourceLine());
        assertEquals(3, q.textLines()[0]); // the quote starts on the body's third line
        assertEquals(null, q.via());
    }

    @Test
    void reindentedAndRewrappedFunctionIsFlagged() throws Exception {
        String reindented = QuoteFixture.function().lines().map(l -> "        " + l.strip().replace(" = ", "=").replace(", ", " ,  "))
                .collect(Collectors.joining("\n"));
        QuotedFile q = only(check.scan(body(reindented)));
        assertEquals(QuoteFixture.FUNCTION_FILE, q.path());
        assertEquals(200, q.sourceLines());
        // all on one line: still every token in order
        QuotedFile oneLine = only(check.scan(QuoteFixture.function().replace('\n', ' ')));
        assertEquals(200, oneLine.sourceLines());
    }

    @Test
    void functionWithIdentifiersInOtherCaseIsFlagged() throws Exception {
        QuotedFile upper = only(check.scan(body(QuoteFixture.function().toUpperCase(Locale.ROOT))));
        assertEquals(QuoteFixture.FUNCTION_FILE, upper.path());
        assertEquals(200, upper.sourceLines());
        QuotedFile lower = only(check.scan(body(QuoteFixture.function().toLowerCase(Locale.ROOT))));
        assertEquals(200, lower.sourceLines());
    }

    @Test
    void functionAsBase64InFortyCharacterLinesIsFlagged() throws Exception {
        String b64 = Base64.getEncoder().encodeToString(QuoteFixture.function().getBytes(StandardCharsets.UTF_8));
        StringBuilder wrapped = new StringBuilder();
        for (int i = 0; i < b64.length(); i += 40) {
            wrapped.append(b64, i, Math.min(b64.length(), i + 40)).append('\n');
        }
        QuoteCheck.TextScan scan = check.scan(body(wrapped.toString()));
        QuotedFile q = only(scan);
        assertEquals(QuoteFixture.FUNCTION_FILE, q.path());
        assertEquals(EncodedText.Kind.BASE64, q.via());
        assertEquals(200, q.sourceLines());
        assertEquals(1, scan.blobs().size());
        assertEquals(b64.length(), scan.encodedBytes());
        assertTrue(q.describe().contains("decoded from Base64"), q.describe());
    }

    @Test
    void functionAsHexIsFlagged() throws Exception {
        String hex = HexFormat.of().formatHex(QuoteFixture.function().getBytes(StandardCharsets.UTF_8));
        StringBuilder wrapped = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 64) {
            wrapped.append(hex, i, Math.min(hex.length(), i + 64)).append('\n');
        }
        QuotedFile q = only(check.scan(body(wrapped.toString())));
        assertEquals(QuoteFixture.FUNCTION_FILE, q.path());
        assertEquals(EncodedText.Kind.HEX, q.via());
        assertEquals(200, q.sourceLines());
        // the same bytes as a C-style list of 0x pairs, 16 to a line
        String list = HexFormat.ofDelimiter(", ").withPrefix("0x").formatHex(QuoteFixture.function().getBytes(StandardCharsets.UTF_8));
        StringBuilder lines = new StringBuilder();
        String[] pairs = list.split(", ");
        for (int i = 0; i < pairs.length; i++) {
            lines.append(pairs[i]).append(i % 16 == 15 ? ",\n" : ", ");
        }
        assertEquals(QuoteFixture.FUNCTION_FILE, only(check.scan(lines.toString())).path());
    }

    @Test
    void proseAndShortRunsAreNotQuotes() throws Exception {
        assertEquals(List.of(), check.scan("The function ProcessRxRing reads 0x10 from the device and trusts it; "
                + "a > 1 is fine.").files());
        // but eight tokens of other.c in a row, spaced differently, are
        assertEquals("drivers/net/fixture/other.c", only(check.scan("we saw if(a>1)return a ; there")).path());
        // seven tokens of the tree in a row are below the default of eight
        assertEquals(List.of(), check.scan("x rxRing = ReadReg(Dev, y").files());
        assertEquals(List.of(), check.scan("").files());
        assertEquals(List.of(), check.scan(null).files());
    }

    @Test
    void aRunOfExactlyTheMinimumIsCaught() throws Exception {
        // "static int ProcessRxRing(struct NetDev *Dev," = 9 tokens; any 8 of them in a row are a quote
        QuoteCheck.TextScan scan = check.scan("see int ProcessRxRing ( struct NetDev * Dev , here");
        assertEquals(QuoteFixture.FUNCTION_FILE, only(scan).path());
        assertEquals(8, only(scan).tokens());
    }

    @Test
    void invisibleCharactersDoNotHideAQuoteAndPathsAreShownVisibly() throws Exception {
        String line = QuoteFixture.function().lines().skip(2).limit(3).collect(Collectors.joining("\n"));
        String hidden = line.replace("Dev", "D\u200Bev").replace("(", "\u202E(");
        assertEquals(QuoteFixture.FUNCTION_FILE, only(check.scan(hidden)).path());

        QuoteCheck bidi = QuoteFixture.check(QuoteRules.defaults(), "src/evil\u202Etxt.c", "int secret_value = compute_secret(key, 42);\n");
        QuotedFile q = only(bidi.scan("int secret_value = compute_secret(key, 42);"));
        assertFalse(q.describe().contains("\u202E"), q.describe());
        assertTrue(q.describe().contains("⟨U+202E⟩"), q.describe());
    }

    @Test
    void hostileTextsNeverThrow() throws Exception {
        StringBuilder huge = new StringBuilder();
        java.util.Random r = new java.util.Random(1);
        while (huge.length() < 4_000_000) {
            huge.append((char) (32 + r.nextInt(95)));
            if (r.nextInt(80) == 0) {
                huge.append('\n');
            }
        }
        check.scan(huge.toString());
        assertEquals(List.of(), check.scan(" \t\n".repeat(1_000_000)).files());
        assertEquals(List.of(), check.scan("\u0000\u0001\u202E\u200B\uFEFF\uDC00".repeat(100_000)).files());
        // pathological repetition against a tree file that repeats too
        QuoteCheck rep = QuoteFixture.check(QuoteRules.defaults(), "gen/table.c", "x;".repeat(200_000));
        QuoteCheck.TextScan scan = rep.scan("x;".repeat(500_000));
        assertEquals("gen/table.c", only(scan).path());
        for (String bad : List.of("====", "A", "@@@@@@@@@@@@@@@@@@@@@@@@", "QUJD\nRE\n=\n==\n=A==", "ZZZZZZZZZZZZZZZZZZZZZZZZ1=",
                "0x", "0xZZ, 0x1, 0xq1", "\\x4\\x41\\x", "01".repeat(10_001), "AAAA".repeat(50_000) + "!", "/+/+".repeat(20_000))) {
            check.scan(bad);
            check.scan(bad + "\n" + bad);
        }
    }

    @Test
    void encodedBlobsOfAnyLengthCountAgainstTheBudget() {
        String b64 = Base64.getEncoder().encodeToString("short secret".getBytes(StandardCharsets.UTF_8)); // 16 chars
        assertEquals(List.of(EncodedText.Kind.BASE64), EncodedText.find("value " + b64 + " here").stream().map(EncodedText.Blob::kind).toList());
        assertEquals(16, EncodedText.find("value " + b64 + " here").get(0).chars());
        assertEquals(List.of(EncodedText.Kind.DECIMAL_BYTES),
                EncodedText.find("bytes 104, 101, 108, 108, 111, 32, 119, 111, 114").stream().map(EncodedText.Blob::kind).toList());
        assertEquals(List.of(EncodedText.Kind.BINARY), EncodedText.find("0110100001100101").stream().map(EncodedText.Blob::kind).toList());
        // prose, identifiers, a commit id and a SHA-256 digest are not blobs
        assertEquals(List.of(), EncodedText.find("Initialization of the ring buffer is not thread safe in rx_ring_alloc."));
        assertEquals(List.of(), EncodedText.find("fixed in 3f9c1d2e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d and "
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    /** The report scanned on several threads (one check, its file cache shared) is the report scanned on one, in the same order. */
    @Test
    void reportOnSeveralThreadsEqualsReportOnOne() throws Exception {
        QuoteCheck shared = QuoteFixture.check(QuoteRules.defaults());
        String[] lines = QuoteFixture.function().split("\n");
        QuoteReport.Builder one = new QuoteReport.Builder(shared, 1);
        QuoteReport.Builder four = new QuoteReport.Builder(shared, 4);
        for (int i = 0; i < 400; i++) {
            int from = (i * 7) % (lines.length - 20);
            String quote = String.join("\n", java.util.Arrays.copyOfRange(lines, from, from + 1 + i % 20));
            String text = switch (i % 4) {
                case 0 -> body(quote);
                case 1 -> body(quote.toUpperCase(Locale.ROOT));
                case 2 -> Base64.getMimeEncoder(40, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(quote.getBytes(StandardCharsets.UTF_8));
                default -> "Prose only, finding " + i + ".";
            };
            one.add("f" + i, "body", text, i % 5 == 0);
            four.add("f" + i, "body", text, i % 5 == 0);
        }
        QuoteReport a = one.build();
        QuoteReport b = four.build();
        assertEquals(shown(a), shown(b));
        assertTrue(a.linesTotal() > 0);
        assertEquals(a.quotas(10), b.quotas(10));
    }

    private static List<String> shown(QuoteReport r) {
        return r.scanned().stream().map(s -> s.owner() + " " + s.field() + " " + s.snippet() + " " + s.problem() + " "
                + s.scan().files().stream().map(f -> f.describe() + java.util.Arrays.toString(f.textLines())).toList() + " "
                + s.scan().encodedBytes()).toList();
    }
}
