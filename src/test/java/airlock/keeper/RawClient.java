package airlock.keeper;

import airlock.protocol.Answer;
import airlock.protocol.Codec;
import airlock.protocol.Frames;
import airlock.protocol.Limits;
import airlock.protocol.Request;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/** A client that sends whatever bytes a test gives it: the hostile workstation. */
final class RawClient implements AutoCloseable {
    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    private RawClient(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedInputStream(Channels.newInputStream(channel));
        this.out = Channels.newOutputStream(channel);
    }

    static RawClient connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return new RawClient(channel);
    }

    void hello() throws Exception {
        Answer a = send(Codec.encode(1, new Request.Hello(Limits.VERSION, "raw")));
        if (!(a instanceof Answer.Welcome)) {
            throw new AssertionError("no welcome: " + a);
        }
    }

    /** Sends {@code payload} as one well-formed frame and reads the answer. */
    Answer send(byte[] payload) throws Exception {
        sendFrame(payload);
        return read();
    }

    void sendFrame(byte[] payload) throws IOException {
        byte[] frame = new byte[4 + payload.length];
        int n = payload.length;
        frame[0] = (byte) (n >>> 24);
        frame[1] = (byte) (n >>> 16);
        frame[2] = (byte) (n >>> 8);
        frame[3] = (byte) n;
        System.arraycopy(payload, 0, frame, 4, n);
        out.write(frame);
        out.flush();
    }

    void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next answer, or null when the keeper closed the connection. */
    Answer read() throws Exception {
        Frames.Frame frame = Frames.read(in, Limits.MAX_ANSWER_FRAME);
        if (frame == null) {
            return null;
        }
        if (frame.refused()) {
            throw new AssertionError("the keeper sent a frame of " + frame.refusedLength() + " bytes");
        }
        return Codec.decodeAnswer(frame.payload()).message();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
