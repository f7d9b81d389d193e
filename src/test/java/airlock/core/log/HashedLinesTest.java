package airlock.core.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The line splitting and hashing under the log verifier: buffer boundaries, the entry limit, look-ahead, errors. */
class HashedLinesTest {
    private final LogHashes hashes = new LogHashes();

    @Test
    void linesAcrossManyBuffersComeOutWholeWithTheirHashes() throws IOException {
        Random random = new Random(7);
        List<byte[]> lines = new ArrayList<>();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        while (file.size() < 3 * HashedLines.BUFFER_BYTES + 12_345) {
            int length = random.nextInt(10) == 0 ? random.nextInt(EntryCodec.MAX_ENTRY_BYTES + 1) : random.nextInt(400);
            byte[] line = new byte[length];
            for (int i = 0; i < length; i++) {
                byte b = (byte) (1 + random.nextInt(255));
                line[i] = b == '\n' ? (byte) 'y' : b;
            }
            lines.add(line);
            file.write(line, 0, line.length);
            file.write('\n');
        }
        for (InputStream in : List.of(new ByteArrayInputStream(file.toByteArray()), trickle(file.toByteArray(), 11))) {
            try (HashedLines reader = new HashedLines(in)) {
                byte[] hash = new byte[LogHashes.LENGTH];
                for (byte[] expected : lines) {
                    assertTrue(reader.advance());
                    assertTrue(reader.terminated());
                    assertFalse(reader.tooLong());
                    assertArrayEquals(expected, reader.bytes());
                    assertArrayEquals(expected, Arrays.copyOfRange(reader.buffer(), reader.offset(), reader.offset() + reader.length()));
                    reader.copyHash(hash);
                    assertArrayEquals(hashes.entryHash(expected), hash);
                }
                assertFalse(reader.advance());
                assertFalse(reader.advance());
            }
        }
    }

    @Test
    void aLineAtTheLimitIsReadAndOneByteMoreIsReportedAndEndsTheReading() throws IOException {
        byte[] atLimit = filled(EntryCodec.MAX_ENTRY_BYTES, 'a');
        byte[] over = filled(EntryCodec.MAX_ENTRY_BYTES + 1, 'b');
        byte[] file = concat(atLimit, "\n".getBytes(), over, "\nnever read\n".getBytes());
        try (HashedLines reader = new HashedLines(new ByteArrayInputStream(file))) {
            assertTrue(reader.advance());
            assertTrue(reader.terminated());
            assertEquals(EntryCodec.MAX_ENTRY_BYTES, reader.length());
            assertTrue(reader.advance());
            assertTrue(reader.tooLong());
            assertFalse(reader.terminated());
            assertFalse(reader.advance());
        }
    }

    @Test
    void anOverlongLineWithoutLineFeedIsReportedAsTooLongNotBuffered() throws IOException {
        byte[] file = filled(3 * HashedLines.BUFFER_BYTES, 'z');
        try (HashedLines reader = new HashedLines(new ByteArrayInputStream(file))) {
            assertTrue(reader.advance());
            assertTrue(reader.tooLong());
            assertFalse(reader.advance());
        }
    }

    @Test
    void theLastLineWithoutLineFeedIsReportedCut() throws IOException {
        try (HashedLines reader = new HashedLines(new ByteArrayInputStream("one\ntwo".getBytes()))) {
            assertTrue(reader.advance());
            assertTrue(reader.terminated());
            HashedLines.Line next = reader.peek();
            assertArrayEquals("two".getBytes(), next.bytes());
            assertFalse(next.terminated());
            assertTrue(reader.advance());
            assertFalse(reader.terminated());
            assertArrayEquals("two".getBytes(), reader.bytes());
            assertNull(reader.peek());
            assertFalse(reader.advance());
        }
    }

    @Test
    void emptyInputHasNoLinesAndALoneLineFeedIsOneEmptyLine() throws IOException {
        try (HashedLines reader = new HashedLines(new ByteArrayInputStream(new byte[0]))) {
            assertNull(reader.peek());
            assertFalse(reader.advance());
        }
        try (HashedLines reader = new HashedLines(new ByteArrayInputStream("\n".getBytes()))) {
            assertTrue(reader.advance());
            assertTrue(reader.terminated());
            assertEquals(0, reader.length());
            assertFalse(reader.advance());
        }
    }

    @Test
    void lookAheadAcrossABufferBoundaryDoesNotMoveAndKeepsTheCurrentLine() throws IOException {
        // the first line fills the first buffer but for a few bytes, so the second starts in the next buffer
        byte[] first = filled(EntryCodec.MAX_ENTRY_BYTES, 'p');
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        int lines = 0;
        while (file.size() + first.length + 1 <= HashedLines.BUFFER_BYTES) {
            file.write(first, 0, first.length);
            file.write('\n');
            lines++;
        }
        byte[] second = "second line".getBytes();
        file.write(second, 0, second.length);
        file.write('\n');
        try (HashedLines reader = new HashedLines(new ByteArrayInputStream(file.toByteArray()))) {
            for (int i = 0; i < lines; i++) {
                assertTrue(reader.advance());
            }
            assertArrayEquals(second, reader.peek().bytes());
            assertArrayEquals(second, reader.peek().bytes());
            assertArrayEquals(first, reader.bytes());
            assertTrue(reader.advance());
            assertArrayEquals(second, reader.bytes());
            assertFalse(reader.advance());
        }
    }

    @Test
    void aReadErrorComesAfterTheLinesBeforeIt() throws IOException {
        byte[] good = "a\nb\n".getBytes();
        InputStream failing = new InputStream() {
            private int at;

            @Override
            public int read() throws IOException {
                if (at < good.length) {
                    return good[at++];
                }
                throw new IOException("the medium was removed");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (at >= good.length) {
                    throw new IOException("the medium was removed");
                }
                int n = Math.min(len, good.length - at);
                System.arraycopy(good, at, b, off, n);
                at += n;
                return n;
            }
        };
        try (HashedLines reader = new HashedLines(failing)) {
            assertTrue(reader.advance());
            assertArrayEquals("a".getBytes(), reader.bytes());
            assertTrue(reader.advance());
            assertArrayEquals("b".getBytes(), reader.bytes());
            IOException e = assertThrows(IOException.class, reader::advance);
            assertTrue(e.getMessage().contains("the medium was removed"), e.getMessage());
        }
    }

    @Test
    void lineFeedSearchAgreesWithAPlainScan() {
        Random random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (random.nextInt(6) == 0 ? '\n' : random.nextInt(256));
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
            int expected = -1;
            for (int i = from; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    expected = i;
                    break;
                }
            }
            assertEquals(expected, HashedLines.indexOfLf(bytes, from, bytes.length), Arrays.toString(bytes) + " from " + from);
        }
    }

    private static InputStream trickle(byte[] bytes, int most) {
        return new ByteArrayInputStream(bytes) {
            private final Random random = new Random(3);

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(most)));
            }
        };
    }

    private static byte[] filled(int length, char c) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) c);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }
}
