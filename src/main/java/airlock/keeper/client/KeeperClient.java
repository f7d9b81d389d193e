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
        long id = send(request);
        return receive(id);
    }

    /**
     * Sends {@code first} and {@code second} before reading either answer, and returns both answers in
     * order. The keeper answers each frame in order and handles the second only after the first, so a
     * read pipelined behind the {@code file.open} that records it still gets its bytes only after that
     * entry was committed (and {@code file.not.opened} if the open failed); it saves the round trip
     * between them (issue 16, kfast).
     */
    public synchronized Answer[] exchangeBoth(Request first, Request second) throws KeeperException {
        long a = send(first);
        long b = send(second);
        Answer answerA = receive(a);
        return new Answer[] {answerA, receive(b)};
    }

    private long send(Request request) throws KeeperException {
        long id = nextId++;
        try {
            Frames.write(out, Codec.encode(id, request), Limits.MAX_REQUEST_FRAME);
        } catch (IOException e) {
            throw new KeeperException("keeper.io", "The connection to the keeper failed: " + e.getMessage(), e);
        }
        return id;
    }

    private Answer receive(long id) throws KeeperException {
        try {
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
        return expect(request, exchange(request), type);
    }

    private static <T extends Answer> T expect(Request request, Answer answer, Class<T> type) throws KeeperException {
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

    /** A file opened and its first page read in one exchange ({@link #openAndPage}). */
    public record OpenedPage(Answer.FileOpened opened, Answer.Page page) {
    }

    /**
     * Opens a file (the keeper records {@code file.opened}) and asks for its first {@code length} bytes
     * from {@code offset} in the same exchange ({@link #exchangeBoth}): one round trip instead of two.
     * A refused open is thrown as the keeper's failure (the page request is then refused too, with no byte).
     */
    public OpenedPage openAndPage(String ref, String path, long offset, int length) throws KeeperException {
        Request open = new Request.OpenFile(ref, path);
        Request page = new Request.ReadPage(ref, path, offset, length);
        Answer[] both = exchangeBoth(open, page);
        Answer.FileOpened opened = expect(open, both[0], Answer.FileOpened.class);
        return new OpenedPage(opened, expect(page, both[1], Answer.Page.class));
    }

    /** Opens a file (recorded by the keeper) and reads at most {@code max} bytes of it, page by page. */
    public byte[] read(String ref, String path, long max) throws KeeperException {
        if (max <= 0) {
            open(ref, path);
            return new byte[0];
        }
        OpenedPage first = openAndPage(ref, path, 0, (int) Math.min(max, Limits.MAX_PAGE_BYTES));
        long limit = Math.min(max, first.opened().size());
        Answer.Page page = first.page();
        if (page.length() >= limit) {
            return page.length() == limit ? page.bytes() : java.util.Arrays.copyOf(page.bytes(), (int) limit);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(page.bytes(), 0, page.length());
        long offset = page.length();
        while (offset < limit && page.length() > 0) {
            page = page(ref, path, offset, (int) Math.min(Limits.MAX_PAGE_BYTES, limit - offset));
            byte[] b = page.bytes();
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

    // ----- history/diff (issue 16, kread) -----

    /** A page of the files changed between two refs (names and counts; nothing logged). */
    public Answer.Changes compare(String from, String to, int offset, int limit) throws KeeperException {
        return call(new Request.Compare(from, to, offset, limit), Answer.Changes.class);
    }

    /** A page of a diff (from null: a commit against its first parent); the keeper records both versions first. */
    public Answer.DiffPage diff(String from, String to, String path, int offset, int limit) throws KeeperException {
        return call(new Request.Diff(from, to, path, offset, limit), Answer.DiffPage.class);
    }

    /** A page of a file's history at the review ref (recorded as a search.run, kind history). */
    public Answer.Commits history(String path, int offset, int limit) throws KeeperException {
        return call(new Request.History(path, offset, limit), Answer.Commits.class);
    }

    /** A page of a file's blame at the review ref (recorded as file.opened, view blame). */
    public Answer.BlamePage blame(String path, int offset, int limit) throws KeeperException {
        return call(new Request.BlameFile(path, offset, limit), Answer.BlamePage.class);
    }

    /** The callers of {@code name} with their call lines (recorded as a search.run, kind callers). */
    public Answer.Callers callers(String name, int limit) throws KeeperException {
        return call(new Request.Callers(name, limit), Answer.Callers.class);
    }

    /** A page of every file's line count at {@code ref} (counts only; nothing logged). */
    public Answer.LineCounts lineCounts(String ref, int offset, int limit) throws KeeperException {
        return call(new Request.LineCounts(ref, offset, limit), Answer.LineCounts.class);
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
