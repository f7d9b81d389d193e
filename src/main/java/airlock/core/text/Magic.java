package airlock.core.text;

/** Recognises binary formats by their leading bytes, whatever the file is named. */
final class Magic {
    private static final Object[][] SIGNATURES = {
        {"PNG image", new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}},
        {"GIF image", new int[] {'G', 'I', 'F', '8', '9', 'a'}},
        {"GIF image", new int[] {'G', 'I', 'F', '8', '7', 'a'}},
        {"JPEG image", new int[] {0xFF, 0xD8, 0xFF}},
        {"ZIP archive", new int[] {'P', 'K', 3, 4}},
        {"gzip data", new int[] {0x1F, 0x8B}},
        {"ELF executable", new int[] {0x7F, 'E', 'L', 'F'}},
        {"Java class file", new int[] {0xCA, 0xFE, 0xBA, 0xBE}},
        {"PDF document", new int[] {'%', 'P', 'D', 'F', '-'}},
        {"xz data", new int[] {0xFD, '7', 'z', 'X', 'Z', 0}},
        {"7-zip archive", new int[] {'7', 'z', 0xBC, 0xAF, 0x27, 0x1C}},
        {"Windows executable", new int[] {'M', 'Z'}},
        {"WebAssembly module", new int[] {0, 'a', 's', 'm'}},
    };

    private Magic() {
    }

    /** The name of the binary format {@code b} starts with, or null. */
    static String binaryKind(byte[] b) {
        for (Object[] sig : SIGNATURES) {
            int[] m = (int[]) sig[1];
            if (b.length < m.length) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < m.length && match; i++) {
                match = (b[i] & 0xFF) == m[i];
            }
            if (match && !("Windows executable".equals(sig[0]) && !looksLikePe(b))) {
                return (String) sig[0];
            }
        }
        return null;
    }

    /** "MZ" alone starts ordinary text too (a file beginning "MZ_..."); require the PE header offset. */
    private static boolean looksLikePe(byte[] b) {
        return b.length >= 64 && b[2] != '\n' && (b[0x3C] != 0 || b[0x3D] != 0) && hasNulIn(b, 64);
    }

    private static boolean hasNulIn(byte[] b, int n) {
        for (int i = 0; i < Math.min(n, b.length); i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
