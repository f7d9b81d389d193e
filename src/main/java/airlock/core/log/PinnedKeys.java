package airlock.core.log;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.home.TrustPurpose;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The keys a log verifier trusts: workstation keys (checkpoints) and supervisor keys (seals), read
 * from a trust folder laid out like the workstation home's ({@code workstation/*.pem},
 * {@code supervisor/*.pem}).
 */
public record PinnedKeys(List<Pinned> workstation, List<Pinned> supervisor) {
    public record Pinned(String label, PublicKey key) {
    }

    public PinnedKeys {
        workstation = List.copyOf(workstation);
        supervisor = List.copyOf(supervisor);
    }

    public static PinnedKeys load(Path trustRoot) throws AirlockException {
        if (!Files.isDirectory(trustRoot)) {
            throw new AirlockException("log.trust.missing", "The trust folder " + trustRoot
                    + " does not exist; give a folder with workstation/ and supervisor/ holding public keys (.pem)");
        }
        return new PinnedKeys(read(trustRoot.resolve(TrustPurpose.WORKSTATION.folderName())),
                read(trustRoot.resolve(TrustPurpose.SUPERVISOR.folderName())));
    }

    private static List<Pinned> read(Path folder) throws AirlockException {
        List<Pinned> keys = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return keys;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".pem")).sorted().toList();
        } catch (IOException e) {
            throw new AirlockException("log.trust.unreadable", "Cannot list the trust folder " + folder + ": " + e.getMessage(), e);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            keys.add(new Pinned(label(file, name.substring(0, name.length() - 4)), Ed25519.readPublicPem(file)));
        }
        return keys;
    }

    /** The "# label: ..." line that 'airlock trust add' writes, else the file name. */
    private static String label(Path file, String fallback) throws AirlockException {
        try {
            String first = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElse("");
            return first.startsWith("# label: ") && first.length() > 9 ? first.substring(9).strip() : fallback;
        } catch (IOException e) {
            throw new AirlockException("log.trust.unreadable", "Cannot read the trust file " + file + ": " + e.getMessage(), e);
        }
    }

    public Optional<Pinned> findWorkstation(PublicKey key) {
        return workstation.stream().filter(p -> Arrays.equals(p.key().getEncoded(), key.getEncoded())).findFirst();
    }

    public List<Pinned> supervisorsMatching(NoteSignature line) {
        return supervisor.stream().filter(p -> NoteKeys.matches(line, p.key())).toList();
    }
}
