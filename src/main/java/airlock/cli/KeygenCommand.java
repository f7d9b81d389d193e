package airlock.cli;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.crypto.KeyId;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code airlock keygen --out PREFIX [--encrypt]}: writes PREFIX.key (PKCS#8) and PREFIX.pub (SPKI), PEM. */
@Command(name = "keygen", description = {
        "Make an Ed25519 key pair: PREFIX.key (PKCS#8 private key, mode 600) and PREFIX.pub (public key).",
        "Both are PEM files that openssl reads. Existing files are never overwritten."})
final class KeygenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "PREFIX", description = "Path prefix of the two files.")
    Path prefix;

    @Option(names = "--encrypt", description = "Protect the private key with a passphrase (asked twice on the console).")
    boolean encrypt;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the passphrase from the first line of FILE instead (implies --encrypt).")
    Path passphraseFile;

    @Override
    public Integer call() throws AirlockException {
        char[] passphrase = null;
        if (passphraseFile != null) {
            passphrase = Passphrases.fromFile(passphraseFile);
        } else if (encrypt) {
            passphrase = Passphrases.ask("Passphrase for the new private key", true);
        }
        KeyPair pair = Ed25519.generate();
        Path privateFile = Path.of(prefix + ".key");
        Path publicFile = Path.of(prefix + ".pub");
        if (Files.exists(privateFile) || Files.exists(publicFile)) {
            throw new AirlockException("keygen.exists", privateFile + " or " + publicFile
                    + " already exists; choose another --out prefix (keys are never overwritten)");
        }
        try {
            Path parent = privateFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(privateFile);
            }
            Files.writeString(privateFile, Ed25519.privatePem(pair.getPrivate(), passphrase), StandardCharsets.US_ASCII);
            Files.writeString(publicFile, Ed25519.publicPem(pair.getPublic()), StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            throw new AirlockException("keygen.exists", e.getFile() + " already exists; choose another --out prefix", e);
        } catch (IOException e) {
            throw new AirlockException("keygen.write", "Cannot write the key files at " + prefix + ": " + e, e);
        }
        KeyId id = Ed25519.keyId(pair.getPublic());
        PrintWriter out = spec.commandLine().getOut();
        out.println("private key: " + TerminalText.of(privateFile) + (passphrase != null ? " (encrypted)" : " (not encrypted)"));
        out.println("public key:  " + TerminalText.of(publicFile));
        out.println("key id:      " + id.hex());
        return AirlockCommand.OK;
    }
}
