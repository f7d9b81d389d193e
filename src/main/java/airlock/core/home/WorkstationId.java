package airlock.core.home;

import airlock.core.AirlockException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The workstation's short identifier (e.g. {@code WS-7K3M-Q9TX}), shown in the status bar and
 * later written into session logs. Created once per home from a secure random source and kept in
 * {@code <home>/workstation-id}; never derived from the host name (no lookups in the air gap).
 */
public final class WorkstationId {
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"; // no 0/O, 1/I/L, U
    private static final Pattern VALID = Pattern.compile("WS-[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}");
    private static final String FILE = "workstation-id";

    private WorkstationId() {
    }

    /** Reads the home's id, creating it on first use. */
    public static String loadOrCreate(AirlockHome home, SecureRandom random) throws AirlockException {
        Path file = home.root().resolve(FILE);
        try {
            if (Files.exists(file)) {
                // read as Latin-1 so any byte decodes; anything but the expected ASCII form fails the pattern
                String id = Files.size(file) > 64 ? "" : Files.readString(file, StandardCharsets.ISO_8859_1).strip();
                if (!VALID.matcher(id).matches()) {
                    throw new AirlockException("home.workstation.id", "The file " + file
                            + " does not hold a workstation id of the form WS-XXXX-XXXX. Restore it from backup"
                            + " or delete it to make a new id.");
                }
                return id;
            }
            String id = "WS-" + chunk(random) + "-" + chunk(random);
            Files.writeString(file, id + "\n", StandardCharsets.US_ASCII);
            return id;
        } catch (IOException e) {
            throw new AirlockException("home.workstation.id", "Cannot read or create " + file + ": " + e.getMessage(), e);
        }
    }

    private static String chunk(SecureRandom random) {
        StringBuilder out = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
