package airlock.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CodeLikeTextTest {
    private final CodeLikeText detector = new CodeLikeText();

    @ParameterizedTest
    @ValueSource(strings = {
        "memcpy(dst, src, len);",
        "if (len > max) {",
        "for (i = 0; i < n; i++)",
        "return -EINVAL;",
        "#include <linux/slab.h>",
        "static int parse_header(const char *buf, size_t len)",
        "buf[len] = '\\0';",
        "x->refcount -= 1;",
        "} else {",
        "while (p != NULL && p->next) { p = p->next; }",
        ";)fub(eerf",
        "{ )0 < nel( fi",
        "SGVsbG8gd29ybGQsIHRoaXMgaXMgYSBsb25nIGJhc2U2NCBibG9iIHRoYXQgaG9sZHMgY29kZQ==",
        "0x7f 0x45 0x4c 0x46 0x02 0x01 0x01 0x00 0x00 0x00 0x00 0x00 0x00 0x00 0x00 0x00 0x02 0x00 0x3e 0x00 0x01 0x00 0x00 0x00 0x10",
    })
    void codeIsFlagged(String line) {
        assertTrue(detector.find(line).isPresent(), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The length field is trusted without a bound check, so a crafted header overflows the buffer.",
        "Call chain: parse_header() calls copy_payload() with the attacker's length.",
        "Severity is high because the path is reachable before authentication (see CWE-787).",
        "Fixed in commit 3f2a9c1d4e5b6a7980123456789abcdef0123456; the tag v1.2 still has it.",
        "SHA-256 of the blob: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "Recommendation: validate len against the buffer size (and reject zero).",
        "- item one; item two",
        "",
        "short;",
    })
    void proseIsNotFlagged(String line) {
        assertEquals(java.util.Optional.empty(), detector.find(line), line);
    }

    @Test
    void theHitNamesTheLine() {
        CodeLikeText.Hit hit = detector.find("Prose first.\nStill prose here.\n  kfree(obj->buf);\n").orElseThrow();
        assertEquals(3, hit.line());
    }

    @Test
    void hostileInputIsHandledWithoutBlowingUp() {
        byte[] random = new byte[3000];
        new Random(7).nextBytes(random);
        String blob = Base64.getEncoder().encodeToString(random);
        assertTrue(detector.find("see " + blob).isPresent());
        String longLine = "a".repeat(CodeLikeText.MAX_LINE + 1);
        assertTrue(detector.find(longLine).orElseThrow().reason().contains("far longer than prose"));
        String manyLines = "plain words here\n".repeat(200_000);
        assertEquals(java.util.Optional.empty(), detector.find(manyLines));
        String nested = "(".repeat(1500) + ")".repeat(400);
        assertTrue(detector.find(nested).isPresent());
        assertEquals(java.util.Optional.empty(), detector.find("\u202e\u2066 hidden direction marks in a sentence \u2069"));
    }
}
