package airlock.core.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/** The few DER encodings needed to write an encrypted PKCS#8 key (definite lengths only). */
final class Der {
    static final byte[] NULL = {0x05, 0x00};

    private Der() {
    }

    static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            body.writeBytes(part);
        }
        return tagged(0x30, body.toByteArray());
    }

    static byte[] octetString(byte[] bytes) {
        return tagged(0x04, bytes);
    }

    static byte[] integer(long value) {
        return tagged(0x02, BigInteger.valueOf(value).toByteArray());
    }

    private static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] len = BigInteger.valueOf(length).toByteArray();
            int skip = len[0] == 0 ? 1 : 0;
            out.write(0x80 | (len.length - skip));
            out.write(len, skip, len.length - skip);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
