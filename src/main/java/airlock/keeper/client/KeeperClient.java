package airlock.keeper.client;

import airlock.protocol.Answer;
import airlock.protocol.Codec;
import airlock.protocol.Frames;
import airlock.protocol.Limits;
import airlock.protocol.Request;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * The workstation's end of the channel: one AF_UNIX connection to the keeper, one request at a time.
 * It sends only the protocol's requests (never a hash, time, sequence or signature: there is no
 * field for them) and checks every answer as strictly as the keeper checks requests. A failure
 * answer becomes a {@link KeeperException} with the keeper's code and message.
 */
public final class KeeperClient implements AutoCloseable {
    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;
    private long nextId = 1;

    private KeeperClient(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedInputStream(Channels.newInputStream(channel));
        this.out = Channels.newOutputStream(channel);
    }

    /** Connects to the keeper's socket and says hello; fails when the keeper refuses this account or version. */
    public static KeeperClient connect(Path socket, String clientName) throws KeeperException {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new KeeperException("keeper.unreachable", "Cannot connect to the keeper at " + socket + ": " + e.getMessage(), e);
        }
        KeeperClient client = new KeeperClient(channel);
        try {
            client.call(new Request.Hello(Limits.VERSION, clientName), Answer.Welcome.class);
            return client;
        } catch (KeeperException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** Sends {@code request} and returns the keeper's answer, which may be a {@link Answer.Failure}. */
    public synchronized Answer exchange(Request request) throws KeeperException {
        long id = nextId++;
        try {
            Frames.write(out, Codec.encode(id, request), Limits.MAX_REQUEST_FRAME);
            Frames.Frame frame = Frames.read(in, Limits.MAX_ANSWER_FRAME);
            if (frame == null) {
                throw new KeeperException("keeper.closed", "The keeper closed the connection.");
            }
            if (frame.refused()) {
                throw new KeeperException("keeper.protocol", "The keeper sent a frame of " + frame.refusedLength()
                        + " bytes, above the protocol's limit; the connection is no longer usable.");
            }
            Codec.Framed<Answer> answer = Codec.decodeAnswer(frame.payload());
            if (answer.id() != id && answer.id() != -1) {
                throw new KeeperException("keeper.protocol", "The keeper answered request " + answer.id() + " to request " + id + ".");
            }
            return answer.message();
        } catch (IOException e) {
            throw new KeeperException("keeper.io", "The connection to the keeper failed: " + e.getMessage(), e);
        } catch (Codec.DecodeException e) {
            throw new KeeperException("keeper.protocol", "The keeper's answer is malformed: " + e.getMessage(), e);
        }
    }

    /** Sends {@code request}; returns the answer as {@code type}, throws the keeper's failure as a {@link KeeperException}. */
    public <T extends Answer> T call(Request request, Class<T> type) throws KeeperException {
        Answer answer = exchange(request);
        if (answer instanceof Answer.Failure f) {
            throw new KeeperException(f.code(), f.message());
        }
        if (!type.isInstance(answer)) {
            throw new KeeperException("keeper.protocol", "The keeper answered " + request.op() + " with " + answer.kind() + ".");
        }
        return type.cast(answer);
    }

    public List<Answer.BundleInfo> bundles() throws KeeperException {
        return call(new Request.ListBundles(), Answer.Bundles.class).bundles();
    }

    public Answer.SessionInfo startSession(String inspector, String organisation, String badge, String bundle, String pin)
            throws KeeperException {
        return startSession(inspector, organisation, badge, bundle, pin, null);
    }

    /** A start under a policy that names its inspectors: {@code passphrase} is the inspector's own. */
    public Answer.SessionInfo startSession(String inspector, String organisation, String badge, String bundle, String pin,
                                           String passphrase) throws KeeperException {
        return call(new Request.StartSession(inspector, organisation, badge, bundle, pin, passphrase),
                Answer.SessionStarted.class).session();
    }

    public Answer.Status status() throws KeeperException {
        return call(new Request.Status(), Answer.Status.class);
    }

    public Answer.Files files(String ref, int offset, int limit) throws KeeperException {
        return call(new Request.ListFiles(ref, offset, limit), Answer.Files.class);
    }

    public Answer.FileOpened open(String ref, String path) throws KeeperException {
        return call(new Request.OpenFile(ref, path), Answer.FileOpened.class);
    }

    public Answer.Page page(String ref, String path, long offset, int length) throws KeeperException {
        return call(new Request.ReadPage(ref, path, offset, length), Answer.Page.class);
    }

    /** Opens a file (recorded by the keeper) and reads at most {@code max} bytes of it, page by page. */
    public byte[] read(String ref, String path, long max) throws KeeperException {
        Answer.FileOpened opened = open(ref, path);
        long limit = Math.min(max, opened.size());
        if (limit > 0 && limit <= Limits.MAX_PAGE_BYTES) {
            Answer.Page page = page(ref, path, 0, (int) limit);
            if (page.length() == limit) {
                return page.bytes(); // the whole file in one page: no reassembly
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long offset = 0;
        while (offset < limit) {
            Answer.Page page = page(ref, path, offset, (int) Math.min(Limits.MAX_PAGE_BYTES, limit - offset));
            byte[] b = page.bytes();
            if (b.length == 0) {
                break;
            }
            bytes.write(b, 0, b.length);
            offset += b.length;
        }
        return bytes.toByteArray();
    }

    public Answer.SearchResults search(Request.Search search) throws KeeperException {
        return call(search, Answer.SearchResults.class);
    }

    public Answer.SearchResults searchPage(long search, int offset, int limit) throws KeeperException {
        return call(new Request.SearchPage(search, offset, limit), Answer.SearchResults.class);
    }

    public Answer.Definitions definitions(String name, int limit) throws KeeperException {
        return call(new Request.Definitions(name, limit), Answer.Definitions.class);
    }

    public Answer.References references(String name, long offset, int limit) throws KeeperException {
        return call(new Request.References(name, offset, limit), Answer.References.class);
    }

    public Answer.AnnotationSaved annotate(String ref, String path, List<Request.Range> ranges, Request.Content content)
            throws KeeperException {
        return call(new Request.CreateAnnotation(ref, path, ranges, content), Answer.AnnotationSaved.class);
    }

    public Answer.AnnotationSaved editAnnotation(String id, Request.Content content) throws KeeperException {
        return call(new Request.EditAnnotation(id, content), Answer.AnnotationSaved.class);
    }

    public Answer.AnnotationSaved setAnnotationStatus(String id, String status) throws KeeperException {
        return call(new Request.SetAnnotationStatus(id, status), Answer.AnnotationSaved.class);
    }

    public Answer.AnnotationSaved replyToAnnotation(String id, String body) throws KeeperException {
        return call(new Request.ReplyToAnnotation(id, body), Answer.AnnotationSaved.class);
    }

    // ----- findings (issue 16, kwire) -----

    public Answer.FindingsPage findings(String kind, int offset, int limit) throws KeeperException {
        return call(new Request.ListFindings(kind, offset, limit), Answer.FindingsPage.class);
    }

    public Answer.FindingChanged deleteAnnotation(String id) throws KeeperException {
        return call(new Request.DeleteAnnotation(id), Answer.FindingChanged.class);
    }

    public Answer.FindingChanged unmarkReviewed(String id) throws KeeperException {
        return call(new Request.UnmarkReviewed(id), Answer.FindingChanged.class);
    }

    public Answer.BookmarkAdded addBookmark(String ref, String path, int line, String label) throws KeeperException {
        return call(new Request.AddBookmark(ref, path, line, label), Answer.BookmarkAdded.class);
    }

    // ----- activity (issue 16, kwire) -----

    /** The inspector is at work: resets the keeper's idle timer (no content); answers the state. */
    public Answer.Status activity() throws KeeperException {
        return call(new Request.Activity(), Answer.Status.class);
    }

    public Answer.Reviewed markReviewed(String ref, String path, int firstLine, int lastLine) throws KeeperException {
        return call(new Request.MarkReviewed(ref, path, firstLine, lastLine), Answer.Reviewed.class);
    }

    /** Go to symbol (issue 16, k4walk): the definitions of the names best matching {@code query}; a logged read. */
    public Answer.Definitions searchSymbols(String query, int limit) throws KeeperException {
        return call(new Request.SymbolSearch(query, limit), Answer.Definitions.class);
    }

    /** The room policy's name and confirmation mode (issue 16, k4walk): no session needed, nothing logged. */
    public Answer.PolicyInfo policy() throws KeeperException {
        return call(new Request.Policy(), Answer.PolicyInfo.class);
    }

    public Answer.SessionEnded endSession() throws KeeperException {
        return call(new Request.EndSession(), Answer.SessionEnded.class);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing to do: the keeper sees the connection end either way
        }
    }
}
