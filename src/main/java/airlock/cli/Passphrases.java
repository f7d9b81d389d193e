package airlock.cli;

import airlock.core.AirlockException;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Passphrases from a file (first line, for scripts) or typed at the console without echo. */
final class Passphrases {
    private Passphrases() {
    }

    static char[] fromFile(Path file) throws AirlockException {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            String line = newline >= 0 ? text.substring(0, newline) : text;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                throw new AirlockException("key.passphrase.empty", "The passphrase file " + file + " is empty");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new AirlockException("key.passphrase.unreadable", "Cannot read the passphrase file " + file + ": " + e, e);
        }
    }

    /** Asks for a passphrase on the console; {@code confirm} asks twice and compares. */
    static char[] ask(String prompt, boolean confirm) throws AirlockException {
        Console console = System.console();
        if (console == null) {
            throw new AirlockException("key.passphrase.noconsole",
                    "No console to ask for the passphrase; use --passphrase-file FILE");
        }
        char[] first = console.readPassword("%s: ", prompt);
        if (first == null || first.length == 0) {
            throw new AirlockException("key.passphrase.empty", "No passphrase given");
        }
        if (confirm) {
            char[] second = console.readPassword("Repeat the passphrase: ");
            if (!Arrays.equals(first, second)) {
                throw new AirlockException("key.passphrase.mismatch", "The two passphrases differ; nothing was written");
            }
        }
        return first;
    }
}
