package airlock.core.log;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks the workstation signatures of a log's checkpoints on a second thread while the main
 * thread hashes entries (Ed25519 verification costs far more than hashing an entry). One
 * {@link Signature} is initialised with the key once and reused. Results are read back in entry
 * order, so the first bad checkpoint is still the one reported.
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
    private final PublicKey key;
    private Signature verifier;

    SignatureBatch(PublicKey key) {
        this.key = key;
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

    private String check(byte[] message, byte[] signature) {
        if (signature.length != 64) {
            return "signature is " + signature.length + " bytes; an Ed25519 signature is exactly 64";
        }
        try {
            if (verifier == null) {
                verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(key);
            }
            verifier.update(message);
            return verifier.verify(signature) ? null : "workstation signature invalid";
        } catch (SignatureException e) {
            verifier = null;
            return "signature is malformed: " + e.getMessage();
        } catch (InvalidKeyException e) {
            return "the workstation key is not an Ed25519 key: " + e.getMessage();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks Ed25519", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
