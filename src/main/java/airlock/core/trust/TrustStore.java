package airlock.core.trust;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.crypto.KeyId;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The workstation's trust lists: {@code trust/<purpose>/<key id>.pem}, one SPKI PEM per pinned key,
 * preceded by a {@code # label:} comment line (openssl ignores text before the PEM block). A key is
 * pinned for one purpose only: adding a key that is already trusted for another purpose is refused,
 * so a vendor key can never sign a supervisor seal and the reverse.
 */
public final class TrustStore {
    private static final String LABEL_PREFIX = "# label: ";
    private final AirlockHome home;

    public TrustStore(AirlockHome home) {
        this.home = home;
    }

    /** Pins the Ed25519 public key in {@code pem} for {@code purpose}; the label is the file name. */
    public TrustedKey add(TrustPurpose purpose, Path pem) throws AirlockException {
        PublicKey key = Ed25519.readPublicPem(pem);
        String name = pem.getFileName().toString();
        String label = name.endsWith(".pem") || name.endsWith(".pub") ? name.substring(0, name.length() - 4) : name;
        return add(purpose, key, label);
    }

    /** Pins {@code key} for {@code purpose}; adding the same key twice for the same purpose is a no-op. */
    public TrustedKey add(TrustPurpose purpose, PublicKey key, String label) throws AirlockException {
        KeyId id = Ed25519.keyId(key);
        // UTF-8 labels ("Zoë", no longer "Zo?"); a control, bidi or invisible character (a file name can hold any) becomes
        // U+FFFD, so the label stays one line and shows the same wherever it is printed (the key id is the identity)
        StringBuilder visible = new StringBuilder();
        label.strip().codePoints().forEach(cp -> visible.appendCodePoint(airlock.core.text.VisibleText.needsEscape(cp) ? 0xFFFD : cp));
        String cleanLabel = visible.toString();
        for (TrustPurpose other : TrustPurpose.values()) {
            if (other != purpose && Files.exists(fileFor(other, id))) {
                throw new AirlockException("trust.purpose.conflict", "Key " + id + " is already trusted as a "
                        + other.folderName() + " key; one key serves one purpose. Make a separate key for "
                        + purpose.folderName() + ".");
            }
        }
        Path target = fileFor(purpose, id);
        if (Files.exists(target)) {
            return find(purpose, id).orElseThrow();
        }
        String content = LABEL_PREFIX + cleanLabel + "\n" + Ed25519.publicPem(key);
        try {
            Path temp = Files.createTempFile(home.trust(purpose), ".add-", ".tmp");
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
        } catch (IOException e) {
            throw new AirlockException("trust.write", "Cannot write to the trust list " + home.trust(purpose) + ": " + e, e);
        }
        return new TrustedKey(id, purpose, key, cleanLabel);
    }

    /** The keys pinned for {@code purpose}, by label then id. */
    public List<TrustedKey> list(TrustPurpose purpose) throws AirlockException {
        List<TrustedKey> keys = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(home.trust(purpose), "*.pem")) {
            for (Path file : files) {
                keys.add(load(purpose, file));
            }
        } catch (IOException e) {
            throw new AirlockException("trust.read", "Cannot read the trust list " + home.trust(purpose) + ": " + e, e);
        }
        keys.sort(Comparator.comparing(TrustedKey::label).thenComparing(k -> k.id().hex()));
        return keys;
    }

    public Optional<TrustedKey> find(TrustPurpose purpose, KeyId id) throws AirlockException {
        Path file = fileFor(purpose, id);
        return Files.isRegularFile(file) ? Optional.of(load(purpose, file)) : Optional.empty();
    }

    private TrustedKey load(TrustPurpose purpose, Path file) throws AirlockException {
        PublicKey key = Ed25519.readPublicPem(file);
        KeyId id = Ed25519.keyId(key);
        String expected = id.hex() + ".pem";
        if (!file.getFileName().toString().equals(expected)) {
            throw new AirlockException("trust.file.mismatch", "Trust file " + file + " holds key " + id
                    + ", not the key its name says; remove it and add the key again with 'airlock trust add'");
        }
        String label = "";
        try {
            String first = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().findFirst().orElse("");
            if (first.startsWith(LABEL_PREFIX)) {
                label = first.substring(LABEL_PREFIX.length()).strip();
            }
        } catch (IOException e) {
            throw new AirlockException("trust.read", "Cannot read trust file " + file + ": " + e, e);
        }
        return new TrustedKey(id, purpose, key, label);
    }

    private Path fileFor(TrustPurpose purpose, KeyId id) {
        return home.trust(purpose).resolve(id.hex() + ".pem");
    }
}
