package airlock.core.bundle;

import airlock.core.AirlockException;
import airlock.core.crypto.CanonicalJson;
import airlock.core.home.AirlockHome;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What this workstation has accepted, for the rollback check: per product the highest sequence,
 * its manifest hash, vendor and key; per vendor the key its bundles are signed with. Kept as
 * canonical JSON in {@code db/bundle-acceptance.json}, replaced atomically (temp file, fsync, rename).
 */
public final class AcceptedBundles {
    /** The last accepted release of one product. */
    public record Accepted(String product, String vendor, long sequence, String manifestSha256, String keyId) {
    }

    private final Path file;

    public AcceptedBundles(AirlockHome home) {
        this.file = home.databases().resolve("bundle-acceptance.json");
    }

    public synchronized Optional<Accepted> forProduct(String product) throws AirlockException {
        Map<String, Object> entry = section(load(), "products").get(product) instanceof Map<?, ?> m ? cast(m) : null;
        if (entry == null) {
            return Optional.empty();
        }
        return Optional.of(new Accepted(product, (String) entry.get("vendor"), (Long) entry.get("sequence"),
                (String) entry.get("manifestSha256"), (String) entry.get("keyId")));
    }

    /** The key id the vendor's bundles were accepted under, if any. */
    public synchronized Optional<String> keyOfVendor(String vendor) throws AirlockException {
        return Optional.ofNullable((String) section(load(), "vendors").get(vendor));
    }

    /** Records {@code manifest} as the product's newest accepted release. */
    public synchronized void record(BundleManifest manifest, String manifestSha256) throws AirlockException {
        Map<String, Object> all = load();
        Map<String, Object> entry = new TreeMap<>();
        entry.put("vendor", manifest.vendor());
        entry.put("sequence", manifest.sequence());
        entry.put("manifestSha256", manifestSha256);
        entry.put("keyId", manifest.keyId().hex());
        section(all, "products").put(manifest.product(), entry);
        section(all, "vendors").put(manifest.vendor(), manifest.keyId().hex());
        try {
            Path temp = Files.createTempFile(file.getParent(), ".acceptance-", ".tmp");
            Files.write(temp, CanonicalJson.write(all));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new AirlockException("bundle.acceptance.write", "Cannot record the accepted bundle in " + file + ": " + e, e);
        }
    }

    private Map<String, Object> load() throws AirlockException {
        if (!Files.exists(file)) {
            Map<String, Object> empty = new LinkedHashMap<>();
            empty.put("products", new TreeMap<String, Object>());
            empty.put("vendors", new TreeMap<String, Object>());
            return empty;
        }
        try {
            Object parsed = CanonicalJson.parseStrict(Files.readAllBytes(file));
            if (parsed instanceof Map<?, ?> map && map.get("products") instanceof Map && map.get("vendors") instanceof Map) {
                return new TreeMap<>(cast(map));
            }
        } catch (IOException e) {
            throw new AirlockException("bundle.acceptance.read", "Cannot read " + file + ": " + e, e);
        } catch (AirlockException e) {
            throw new AirlockException("bundle.acceptance.damaged", "The record of accepted bundles " + file
                    + " is damaged (" + e.getMessage() + "); restore it from the archive before importing", e);
        }
        throw new AirlockException("bundle.acceptance.damaged", "The record of accepted bundles " + file
                + " does not have the expected shape; restore it from the archive before importing");
    }

    private static Map<String, Object> section(Map<String, Object> all, String name) {
        Map<String, Object> section = new TreeMap<>(cast((Map<?, ?>) all.get(name)));
        all.put(name, section);
        return section;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
