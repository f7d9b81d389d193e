package airlock.keeper;

import airlock.core.AirlockException;
import airlock.protocol.Answer;
import airlock.protocol.Codec;
import airlock.protocol.Errors;
import airlock.protocol.Frames;
import airlock.protocol.Limits;
import airlock.protocol.Request;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keeper's end of the channel: one AF_UNIX stream socket (no network socket exists in this
 * process), the socket file owned by the keeper, mode 600 or 660 with the allowed group. Every
 * connection's peer is checked with {@code SO_PEERCRED} before its first frame is read. Each
 * connection must begin with a hello of this protocol version; every frame gets exactly one answer,
 * and a malformed frame gets a failure and the connection goes on, except when the frame's length
 * cannot be skipped safely (then the answer is sent and the connection closed).
 */
public final class KeeperServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeeperServer.class);
    /** Connections served at once; more are answered with a failure and closed. */
    public static final int MAX_CONNECTIONS = 16;
    /** The send buffer asked for each connection: a whole page frame fits. */
    static final int SEND_BUFFER = Limits.MAX_PAGE_BYTES + Limits.MAX_PAGE_HEADER + 1024;
    private final ServerSocketChannel server;
    private final Path socket;
    private final KeeperService service;
    private final PeerPolicy peers;
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<SocketChannel> live = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private KeeperServer(ServerSocketChannel server, Path socket, KeeperService service, PeerPolicy peers) {
        this.server = server;
        this.socket = socket;
        this.service = service;
        this.peers = peers;
        this.acceptor = new Thread(this::acceptLoop, "keeper-accept");
    }

    /** Binds {@code socket} (a stale socket file left by a stopped keeper is replaced) and starts accepting. */
    public static KeeperServer start(KeeperService service, Path socket, PeerPolicy peers) throws AirlockException {
        Path file = socket.toAbsolutePath();
        prepare(file);
        ServerSocketChannel channel = null;
        // bound under a temporary name, given its mode and group, then renamed into place: the socket
        // is never reachable at its real name with the umask's mode
        Path staged = file.resolveSibling("." + file.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(UnixDomainSocketAddress.of(staged));
            // path-based chmod/chown: a socket cannot be opened for fchmod; the folder is the keeper's (checked above)
            PosixFileAttributeView view = Files.getFileAttributeView(staged, PosixFileAttributeView.class);
            view.setPermissions(PosixFilePermissions.fromString("rw-------"));
            if (peers.group().isPresent()) {
                GroupPrincipal group = file.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByGroupName(peers.group().get());
                view.setGroup(group);
                view.setPermissions(PosixFilePermissions.fromString("rw-rw----"));
            }
            Files.move(staged, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            closeQuietly(channel);
            try {
                Files.deleteIfExists(staged);
            } catch (IOException ignored) {
                LOG.debug("cannot remove {}", staged);
            }
            throw new AirlockException("keeper.socket", "Cannot listen on " + file + ": " + e.getMessage(), e);
        }
        KeeperServer server = new KeeperServer(channel, file, service, peers);
        server.acceptor.start();
        LOG.info("keeper listening on {} for {}", file, peers);
        return server;
    }

    /** The socket's folder must not let others replace the socket; an old socket file is removed, anything else refused. */
    private static void prepare(Path file) throws AirlockException {
        Path parent = file.getParent();
        try {
            PosixFileAttributes dir = Files.readAttributes(parent, PosixFileAttributes.class);
            Set<PosixFilePermission> perms = dir.permissions();
            if (perms.contains(PosixFilePermission.OTHERS_WRITE) || perms.contains(PosixFilePermission.GROUP_WRITE)) {
                throw new AirlockException("keeper.socket", "The socket's folder " + parent + " has mode "
                        + PosixFilePermissions.toString(perms) + ": others could replace the socket; use a folder only the"
                        + " keeper can write (e.g. /run/airlock, mode 750)");
            }
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                PosixFileAttributes existing = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!existing.isOther()) {
                    throw new AirlockException("keeper.socket", file + " exists and is not a socket; the keeper does not"
                            + " replace it");
                }
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new AirlockException("keeper.socket", "Cannot prepare the socket " + file + ": " + e.getMessage(), e);
        }
    }

    public Path socket() {
        return socket;
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("accepting a connection failed", e);
                }
                continue;
            }
            if (connections.incrementAndGet() > MAX_CONNECTIONS) {
                connections.decrementAndGet();
                refuse(channel, Errors.PEER_REFUSED, "the keeper serves at most " + MAX_CONNECTIONS + " connections at once");
                continue;
            }
            live.add(channel);
            Thread t = new Thread(() -> {
                try {
                    serve(channel);
                } finally {
                    live.remove(channel);
                    connections.decrementAndGet();
                    closeQuietly(channel);
                }
            }, "keeper-connection");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(SocketChannel channel) {
        String user;
        String group;
        try {
            UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
            user = peer.user().getName();
            group = peer.group().getName();
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("cannot tell who connected; refused", e);
            refuse(channel, Errors.PEER_REFUSED, "the keeper cannot tell who connected (SO_PEERCRED): refused");
            return;
        }
        if (!peers.allows(user, group)) {
            LOG.warn("connection from user {} group {} refused", user, group);
            refuse(channel, Errors.PEER_REFUSED, "account '" + user + "' (group '" + group + "') may not use this keeper");
            return;
        }
        try {
            // room in the kernel for a whole page answer (2 MiB and its header): the keeper hands it over in one
            // write instead of waiting for the client to drain the default ~200 KiB eight times (issue 16,
            // kfast); the kernel caps it at net.core.wmem_max, which is only a slower path, not an error
            channel.setOption(java.net.StandardSocketOptions.SO_SNDBUF, SEND_BUFFER);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot enlarge the send buffer: {}", e.getMessage());
        }
        try (InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
             OutputStream out = Channels.newOutputStream(channel)) {
            converse(in, out);
        } catch (EOFException e) {
            LOG.debug("a client closed its connection inside a frame: {}", e.getMessage());
        } catch (IOException e) {
            if (!closed) {
                LOG.debug("connection ended: {}", e.getMessage());
            }
        }
    }

    private void converse(InputStream in, OutputStream out) throws IOException {
        boolean greeted = false;
        while (!closed) {
            Frames.Frame frame = Frames.read(in, Limits.MAX_REQUEST_FRAME);
            if (frame == null) {
                return;
            }
            if (frame.refused()) {
                long length = frame.refusedLength();
                boolean skippable = length <= Limits.MAX_DISCARD;
                answer(out, -1, KeeperService.failure(Errors.FRAME_SIZE, "a request frame is 1 to " + Limits.MAX_REQUEST_FRAME
                        + " bytes, not " + length + (skippable ? "; it was skipped" : "; the connection is closed")));
                if (!skippable || !Frames.skip(in, length)) {
                    return;
                }
                continue;
            }
            Codec.Framed<Request> request;
            try {
                request = Codec.decodeRequest(frame.payload());
            } catch (Codec.DecodeException e) {
                answer(out, e.id(), KeeperService.failure(e.code(), e.getMessage()));
                continue;
            }
            Answer answer;
            if (request.message() instanceof Request.Hello hello) {
                if (greeted) {
                    answer = KeeperService.failure(Errors.ORDER, "this connection has already said hello");
                } else if (hello.version() != Limits.VERSION) {
                    answer = KeeperService.failure(Errors.VERSION, "this keeper speaks protocol version " + Limits.VERSION
                            + ", the client " + hello.version());
                } else {
                    greeted = true;
                    answer = new Answer.Welcome(Limits.VERSION, "airlock-keeper", Limits.MAX_REQUEST_FRAME, Limits.MAX_ANSWER_FRAME);
                }
            } else if (!greeted) {
                answer = KeeperService.failure(Errors.ORDER, "the first request of a connection is hello (protocol version "
                        + Limits.VERSION + ")");
            } else {
                answer = service.handle(request.message());
            }
            try {
                answer(out, request.id(), answer);
            } finally {
                service.answered(); // a search held back while its page was answered goes on
            }
        }
    }

    private static void answer(OutputStream out, long id, Answer answer) throws IOException {
        byte[] payload;
        try {
            if (answer instanceof Answer.Page page) {
                // a page (≤ 2 MiB, its header ≤ 64 KiB: within the answer limit) is written from the keeper's
                // copy of the file, not copied into a frame first
                Frames.writePage(out, Codec.pageHead(id, page), page, Limits.MAX_ANSWER_FRAME);
                return;
            }
            payload = Codec.encode(id, answer);
        } catch (IllegalArgumentException e) {
            // text from the bundle that JSON cannot carry (e.g. a lone surrogate): say so, never drop the answer
            LOG.warn("an answer could not be encoded: {}", e.getMessage());
            payload = Codec.encode(id, KeeperService.failure(Errors.INTERNAL, "the answer holds text the protocol cannot"
                    + " carry; see the keeper's log"));
        }
        if (payload.length > Limits.MAX_ANSWER_FRAME) {
            payload = Codec.encode(id, KeeperService.failure(Errors.INTERNAL, "the answer would exceed "
                    + Limits.MAX_ANSWER_FRAME + " bytes; ask for a smaller page"));
        }
        Frames.write(out, payload, Limits.MAX_ANSWER_FRAME);
    }

    private static void refuse(SocketChannel channel, String code, String message) {
        try (OutputStream out = Channels.newOutputStream(channel)) {
            answer(out, -1, KeeperService.failure(code, message));
        } catch (IOException e) {
            LOG.debug("could not tell a refused peer why: {}", e.getMessage());
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing a channel failed: {}", e.getMessage());
            }
        }
    }

    /** Stops accepting, closes the socket and removes its file; closes every connection. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        for (SocketChannel channel : live) {
            closeQuietly(channel);
        }
        try {
            acceptor.join(5_000);
            Files.deleteIfExists(socket);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("cannot remove the socket file {}", socket, e);
        }
    }
}
