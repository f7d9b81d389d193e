package airlock.core.bundle;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Writes git objects, packs and bundles byte by byte, with no checks, so tests can build exactly
 * the hostile input they need (unsafe tree entries, missing objects, bombs, odd headers).
 */
final class RawGit {
    static final int COMMIT = 1;
    static final int TREE = 2;
    static final int BLOB = 3;

    /** One object: its type and content. */
    record Obj(int type, byte[] content) {
        String id() {
            return HexFormat.of().formatHex(rawId());
        }

        byte[] rawId() {
            return sha1(header(type, content.length), content);
        }
    }

    private RawGit() {
    }

    static byte[] header(int type, long length) {
        String name = switch (type) {
            case COMMIT -> "commit";
            case TREE -> "tree";
            default -> "blob";
        };
        return (name + " " + length + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    static Obj blob(String text) {
        return new Obj(BLOB, text.getBytes(StandardCharsets.UTF_8));
    }

    /** One tree entry: octal mode text, raw name bytes, target object. */
    record Entry(String mode, byte[] name, byte[] rawId) {
        static Entry of(String mode, String name, Obj target) {
            return new Entry(mode, name.getBytes(StandardCharsets.UTF_8), target.rawId());
        }
    }

    /** A tree with entries written in the given order (no sorting, no checks). */
    static Obj tree(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Entry e : entries) {
            out.writeBytes(e.mode().getBytes(StandardCharsets.US_ASCII));
            out.write(' ');
            out.writeBytes(e.name());
            out.write(0);
            out.writeBytes(e.rawId());
        }
        return new Obj(TREE, out.toByteArray());
    }

    static Obj commit(Obj tree, String message) {
        return commit(tree.id(), message);
    }

    static Obj commit(String treeId, String message) {
        String text = "tree " + treeId + "\n"
                + "author Vendor <vendor@example.invalid> 1780000000 +0000\n"
                + "committer Vendor <vendor@example.invalid> 1780000000 +0000\n\n" + message + "\n";
        return new Obj(COMMIT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A version-2 pack of {@code objects}, whole objects only. */
    static byte[] pack(List<Obj> objects) {
        return pack(objects, objects.size());
    }

    static byte[] pack(List<Obj> objects, long declaredCount) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'P', 'A', 'C', 'K', 0, 0, 0, 2});
        out.writeBytes(new byte[] {(byte) (declaredCount >>> 24), (byte) (declaredCount >>> 16),
                (byte) (declaredCount >>> 8), (byte) declaredCount});
        for (Obj o : objects) {
            writeObjectHeader(out, o.type(), o.content().length);
            out.writeBytes(deflate(o.content()));
        }
        out.writeBytes(sha1(out.toByteArray()));
        return out.toByteArray();
    }

    static void writeObjectHeader(ByteArrayOutputStream out, int type, long size) {
        int c = (type << 4) | (int) (size & 0x0f);
        size >>>= 4;
        while (size != 0) {
            out.write(c | 0x80);
            c = (int) (size & 0x7f);
            size >>>= 7;
        }
        out.write(c);
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** A v2 bundle: header lines (e.g. "{@code <id> refs/heads/main}"), empty line, pack. */
    static byte[] bundle(List<String> headerLines, byte[] pack) {
        return bundle("# v2 git bundle", headerLines, pack);
    }

    static byte[] bundle(String firstLine, List<String> headerLines, byte[] pack) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((firstLine + "\n").getBytes(StandardCharsets.US_ASCII));
        for (String line : headerLines) {
            out.writeBytes((line + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write('\n');
        out.writeBytes(pack);
        return out.toByteArray();
    }

    static byte[] sha1(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            for (byte[] part : parts) {
                md.update(part);
            }
            return md.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
