package airlock.core.log;

import airlock.core.crypto.Ed25519;
import airlock.core.crypto.SignatureCheck;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks the workstation signatures of a log's checkpoints on a second thread while the main
 * thread hashes entries (Ed25519 verification costs far more than hashing an entry). The key is
 * decoded once ({@link Ed25519.Verifier}), on the second thread as soon as the batch is made: the
 * first use of the Ed25519 code loads it from a signed jar, whose signature check takes a
 * cold JVM about half a second that the main thread then spends hashing instead of waiting.
 * Results are read back in entry order, so the first bad checkpoint is still the one reported.
 */
final class SignatureBatch implements AutoCloseable {
    /** A failed check: which entry and why. */
    record Failure(long entry, String reason) {
    }

    private record Pending(long entry, Future<String> result) {
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "log-signature-check");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Pending> pending = new ArrayList<>();
    /** Made by the checking thread's first task, so every check (a later task on that one thread) finds it done. */
    private final Future<Ed25519.Verifier> verifier;

    SignatureBatch(PublicKey key) {
        this.verifier = executor.submit(() -> Ed25519.verifier(key));
    }

    void submit(long entry, byte[] message, byte[] signature) {
        pending.add(new Pending(entry, executor.submit(() -> check(message, signature))));
    }

    /** The first failure among checkpoints before {@code limit}, waiting for their checks. */
    Failure firstFailureBefore(long limit) throws InterruptedException {
        for (Pending item : pending) {
            if (item.entry() >= limit) {
                break;
            }
            try {
                String reason = item.result().get();
                if (reason != null) {
                    return new Failure(item.entry(), reason);
                }
            } catch (ExecutionException e) {
                return new Failure(item.entry(), "the signature could not be checked: " + e.getCause());
            }
        }
        return null;
    }

    private String check(byte[] message, byte[] signature) throws ExecutionException, InterruptedException {
        SignatureCheck check = verifier.get().verify(message, signature);
        return check.isValid() ? null : check.reason();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
