package airlock.keeper;

import airlock.keeper.client.KeeperClient;
import airlock.protocol.Answer;
import airlock.protocol.Codec;
import airlock.protocol.Errors;
import airlock.protocol.Frames;
import airlock.protocol.Limits;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by {@link KeeperAccountsTest} in a child JVM under another account: what that account can and
 * cannot do. Prints one line per check ("ok ..." or "FAIL ...") and exits 0 only if every check held.
 *
 * <p>Usage: {@code KeeperProbe inspector SOCKET BUNDLE PIN FILE...} or {@code KeeperProbe outsider SOCKET FILE...}
 */
public final class KeeperProbe {
    private static final List<String> FAILURES = new ArrayList<>();

    private KeeperProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path socket = Path.of(args[1]);
        int files = mode.equals("inspector") ? 4 : 2;
        for (int i = files; i < args.length; i++) {
            cannotRead(Path.of(args[i]));
        }
        if (mode.equals("inspector")) {
            inspector(socket, args[2], args[3]);
        } else {
            outsider(socket);
        }
        System.out.println(FAILURES.isEmpty() ? "probe: every check held" : "probe: " + FAILURES.size() + " checks failed");
        System.exit(FAILURES.isEmpty() ? 0 : 1);
    }

    private static void check(boolean held, String what) {
        System.out.println((held ? "ok " : "FAIL ") + what);
        if (!held) {
            FAILURES.add(what);
        }
    }

    private static void cannotRead(Path file) {
        try {
            Files.readAllBytes(file);
            check(false, "cannot read " + file + " (it was read)");
        } catch (AccessDeniedException e) {
            check(true, "cannot read " + file + " (permission denied)");
        } catch (IOException e) {
            check(false, "cannot read " + file + " (unexpected: " + e + ")");
        }
    }

    private static void inspector(Path socket, String bundle, String pin) throws Exception {
        try (KeeperClient client = KeeperClient.connect(socket, "probe")) {
            check(client.status().state().equals("none"), "the inspector's account connects and says hello");
            Answer.SessionInfo info = client.startSession("Probe Inspector", "Probe Office", null, bundle, pin);
            Answer.FileOpened opened = client.open(info.reviewRef(), "README.md");
            byte[] bytes = client.page(info.reviewRef(), "README.md", 0, 4096).bytes();
            check(bytes.length == opened.size() && opened.entry() > 0, "code read through the keeper after its entry "
                    + opened.entry());
            client.endSession();
            System.out.println("session " + info.id());
        }
    }

    private static void outsider(Path socket) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            Frames.Frame frame = Frames.read(Channels.newInputStream(channel), Limits.MAX_ANSWER_FRAME);
            Answer answer = frame == null || frame.refused() ? null : Codec.decodeAnswer(frame.payload()).message();
            check(answer instanceof Answer.Failure f && f.code().equals(Errors.PEER_REFUSED),
                    "the keeper refuses the outsider's uid: " + answer);
        } catch (IOException e) {
            check(e.getMessage() != null && e.getMessage().contains("Permission denied"),
                    "the socket's mode refuses the outsider (" + e.getMessage() + ")");
        } catch (Codec.DecodeException e) {
            check(false, "malformed refusal: " + e.getMessage());
        }
    }
}
