package airlock.cli;

import airlock.core.AirlockException;
import airlock.core.bundle.BundleCreator;
import airlock.core.bundle.BundleFiles;
import airlock.core.bundle.BundleIntake;
import airlock.core.bundle.CreateRequest;
import airlock.core.bundle.ImportResult;
import airlock.core.bundle.IntakeLimits;
import airlock.core.bundle.VerificationResult;
import airlock.core.crypto.Ed25519;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.trust.TrustedKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code airlock bundle create|verify|import}. */
@Command(name = "bundle", description = "Pack and sign source bundles (vendor side); verify and import them (workstation side).",
        subcommands = {BundleCommand.Create.class, BundleCommand.Verify.class, BundleCommand.Import.class})
final class BundleCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Source {
        @Option(names = "--repo", paramLabel = "DIR", required = true, description = "A git repository (work tree or bare).")
        Path repo;
        @Option(names = "--from-dir", paramLabel = "DIR", required = true, description = "A plain source folder, packed as one commit.")
        Path fromDir;
    }

    @Command(name = "create", description = "Pack refs of a repository (or a folder) into a signed bundle folder on MEDIA_DIR.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;
        @Option(names = "--ref", paramLabel = "REF", description = "A branch or tag to carry (repeatable).")
        List<String> refs = new ArrayList<>();
        @Option(names = "--review-ref", paramLabel = "REF", required = true, description = "The ref under review.")
        String reviewRef;
        @Option(names = "--vendor", required = true, description = "Vendor name.")
        String vendor;
        @Option(names = "--product", required = true, description = "Product name.")
        String product;
        @Option(names = "--version", required = true, description = "Release version.")
        String version;
        @Option(names = "--sequence", required = true, description = "Release number, increasing per product.")
        long sequence;
        @Option(names = "--expires", paramLabel = "TIME", description = "Optional expiry, e.g. 2027-01-31T00:00:00Z.")
        String expires;
        @Option(names = "--key", required = true, paramLabel = "KEY", description = "Vendor private key (PKCS#8 PEM).")
        Path key;
        @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Passphrase of an encrypted key (first line).")
        Path passphraseFile;
        @Option(names = "--out", required = true, paramLabel = "MEDIA_DIR", description = "Where the bundle folder is written.")
        Path out;

        @Override
        public Integer call() throws AirlockException {
            PrintWriter err = spec.commandLine().getErr();
            Optional<Instant> expiry;
            try {
                expiry = Optional.ofNullable(expires).map(Instant::parse);
            } catch (DateTimeParseException e) {
                err.println("airlock: --expires '" + TerminalText.of(expires) + "' is not a time like 2027-01-31T00:00:00Z");
                return AirlockCommand.USAGE;
            }
            char[] passphrase = passphraseFile != null ? Passphrases.fromFile(passphraseFile) : null;
            PrivateKey privateKey;
            try {
                privateKey = Ed25519.readPrivatePem(key, passphrase);
            } catch (AirlockException e) {
                if (!"key.passphrase.required".equals(e.code())) {
                    throw e;
                }
                privateKey = Ed25519.readPrivatePem(key, Passphrases.ask("Passphrase of " + key, false));
            }
            CreateRequest request = new CreateRequest(Optional.ofNullable(source.repo), Optional.ofNullable(source.fromDir),
                    refs, reviewRef, vendor, product, version, sequence, expiry, privateKey, out);
            BundleCreator.Created created = new BundleCreator(Clock.systemUTC()).create(request, new StderrProgress(err));
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("bundle:    " + TerminalText.of(created.files().folder()));
            stdout.println("size:      " + created.manifest().bundleSize() + " bytes, SHA-256 " + created.manifest().bundleSha256());
            created.manifest().refs().forEach((ref, commit) -> stdout.println("ref:       " + TerminalText.of(commit) + " " + TerminalText.of(ref)));
            stdout.println("tree:      " + created.manifest().treeDigest());
            stdout.println("key id:    " + created.manifest().keyId().hex());
            return AirlockCommand.OK;
        }
    }

    @Command(name = "verify", description = "Verify a bundle folder; exit 0 if accepted, 1 if refused (the reason names the check).")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOption home;
        @Parameters(paramLabel = "PATH", description = "The bundle folder (holding manifest.json, manifest.sig, repo.bundle).")
        Path path;
        @Option(names = "--trust", paramLabel = "DIR", description = "Use the vendor public keys (*.pem, *.pub) in DIR instead of the home's trust list.")
        Path trustDir;
        @Option(names = "--product", paramLabel = "P", description = "Refuse the bundle unless it is for product P.")
        String product;

        @Override
        public Integer call() throws AirlockException {
            AirlockHome opened = home.open();
            BundleIntake intake = new BundleIntake(opened, Clock.systemUTC(), IntakeLimits.defaults());
            StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
            VerificationResult result = trustDir == null
                    ? intake.verify(new BundleFiles(path), Optional.ofNullable(product), progress)
                    : intake.verify(new BundleFiles(path), Optional.ofNullable(product), keysIn(trustDir), progress);
            BundleReport.print(result, spec.commandLine().getOut());
            return result.accepted() ? AirlockCommand.OK : AirlockCommand.CHECK_FAILED;
        }

        private static List<TrustedKey> keysIn(Path dir) throws AirlockException {
            List<TrustedKey> keys = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".pem") || name.endsWith(".pub")) {
                        var key = Ed25519.readPublicPem(file);
                        keys.add(new TrustedKey(Ed25519.keyId(key), TrustPurpose.VENDOR, key, name));
                    }
                }
            } catch (IOException e) {
                throw new AirlockException("trust.read", "Cannot read the trust folder " + dir + ": " + e, e);
            }
            return keys;
        }
    }

    @Command(name = "import", description = "Verify a bundle and, if accepted, import it into the workstation's read-only store.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOption home;
        @Parameters(paramLabel = "PATH", description = "The bundle folder.")
        Path path;
        @Option(names = "--product", paramLabel = "P", description = "Refuse the bundle unless it is for product P.")
        String product;

        @Override
        public Integer call() throws AirlockException {
            BundleIntake intake = new BundleIntake(home.open(), Clock.systemUTC(), IntakeLimits.defaults());
            ImportResult result = intake.importBundle(new BundleFiles(path), Optional.ofNullable(product),
                    new StderrProgress(spec.commandLine().getErr()));
            PrintWriter out = spec.commandLine().getOut();
            BundleReport.print(result.verification(), out);
            if (result.alreadyImported()) {
                out.println("imported:  already, in " + TerminalText.of(result.storeFolder().orElseThrow()) + " (nothing changed)");
            } else {
                result.storeFolder().ifPresent(folder -> out.println("imported:  " + TerminalText.of(folder)));
            }
            return result.verification().accepted() ? AirlockCommand.OK : AirlockCommand.CHECK_FAILED;
        }
    }
}
