package airlock.cli;

import airlock.core.AirlockException;
import airlock.core.BuildInfo;
import airlock.core.annotate.store.AnnotationStore;
import airlock.core.bundle.BundleStore;
import airlock.core.cwe.CweCatalogueLoader;
import airlock.core.export.ExportService;
import airlock.core.home.AirlockHome;
import airlock.core.home.WorkstationId;
import airlock.core.media.SafeWriter;
import airlock.core.media.WriteHooks;
import airlock.core.media.WrittenFile;
import airlock.core.policy.PolicyLoader;
import airlock.core.policy.Violation;
import airlock.core.seal.OutgoingFile;
import airlock.core.seal.SealReview;
import airlock.core.seal.SupervisorKey;
import airlock.core.session.WorkstationKey;
import airlock.core.session.WorkstationLogs;
import airlock.core.trust.TrustStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code airlock log seal --session ID --key FILE --out DIR}: the supervisor's seal from the
 * command line. Lists every file that will leave with its size and SHA-256, refuses while a
 * room-policy check on the findings export fails (those need the supervisor screen's decisions, or
 * {@code --without-findings}), seals an ended session with the passphrase-protected supervisor key
 * and writes exports, log and seal to DIR with the safe-write protocol (the folder held open and
 * confirmed to be the same, mounted stick before each file). "OK" only once the log and seal read
 * back from DIR verify against the pinned keys; a log that does not verify as stored is refused
 * (exit 1) before anything is written. A session sealed earlier whose write failed is only written. The passphrase comes from the console or a file
 * ({@code -} = standard input), never from an argument.
 */
@Command(name = "seal", mixinStandardHelpOptions = true, description = {"Seal an ended session with the supervisor's key and write its exports, log and seal",
        "to a media folder (temp file, fsync, atomic rename, read back). A failed write leaves the session sealed",
        "on the workstation; run again with another --out."})
final class LogSealCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HomeOption home;

    @Option(names = "--session", required = true, paramLabel = "ID", description = "The ended session to seal.")
    String session;

    @Option(names = "--key", paramLabel = "FILE",
            description = "The supervisor's passphrase-protected PKCS#8 key (not needed when the session is already sealed).")
    Path key;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The media folder to write to.")
    Path out;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the key's passphrase from the first line of FILE ('-' for standard input) instead of the console.")
    String passphraseFile;

    /** Steps of each media write; tests pull the stick here (a real {@code umount -l}) or change a file. */
    WriteHooks hooks = WriteHooks.NONE;

    @Option(names = "--without-findings", description = "Keep every finding in the room: write only the log and the seal.")
    boolean withoutFindings;

    @Override
    public Integer call() throws AirlockException {
        PrintWriter text = spec.commandLine().getOut();
        AirlockHome opened = home.open();
        if (!Files.exists(opened.keys().resolve(WorkstationKey.PRIVATE_FILE))) {
            throw new AirlockException("seal.home.nokey", "The home " + opened.root() + " has no workstation key, so no session"
                    + " was recorded here; give the workstation's home with --home.");
        }
        String workstation = WorkstationId.loadOrCreate(opened, new SecureRandom());
        TrustStore trust = new TrustStore(opened);
        Clock clock = Clock.systemUTC();
        try (WorkstationLogs logs = WorkstationLogs.open(opened, WorkstationKey.loadOrCreate(opened, workstation), clock);
             AnnotationStore annotations = annotationsOf(logs)) {
            ExportService exports = new ExportService(new CweCatalogueLoader(new ObjectMapper()).loadBundled(),
                    new SafeWriter(WriteHooks.NONE));
            SealReview review = SealReview.open(logs, annotations, new BundleStore(opened), session,
                    new PolicyLoader(opened, trust).load().policy(), exports, clock, BuildInfo.version());
            if (withoutFindings) {
                review.keepFindingsInTheRoom();
            }
            if (!review.canSeal()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("REFUSED: the findings export breaks the room policy; nothing was sealed or written:");
                for (Violation v : review.resolution().unresolved()) {
                    err.println("  - " + TerminalText.escape(v.reason()));
                }
                err.println("Decide on each (redact, refuse or override with a reason) on the supervisor's screen in the app"
                        + " (Session > Review and seal...), or run again with --without-findings.");
                return AirlockCommand.CHECK_FAILED;
            }
            text.println("Files that will leave the room:");
            for (OutgoingFile f : review.files()) {
                text.printf("  %-40s %10d bytes  %s%n", TerminalText.of(f.name()), f.size(), f.pending() ? "(seal: after signing)" : f.sha256());
            }
            if ("ended".equals(review.status())) {
                if (key == null) {
                    throw new AirlockException("seal.key.missing", "Session '" + session + "' is not sealed yet: give the"
                            + " supervisor key with --key FILE.");
                }
                // a key or passphrase that does not hold is a ledger entry under the workstation's lockout (issue 16)
                SupervisorKey supervisor = new airlock.core.seal.SealAttempts(airlock.core.session.SupervisorLockout.fromLedger(logs),
                        clock).withKeyFile(review, key, passphrase(), trust);
                text.println("Sealed by " + TerminalText.escape(supervisor.label()) + " (key " + supervisor.id().hex() + ").");
            }
            List<WrittenFile> written;
            try {
                written = review.write(out, new StderrProgress(spec.commandLine().getErr()), hooks);
            } catch (AirlockException e) {
                if (!"seal.verify.refused".equals(e.code())) {
                    throw e;
                }
                spec.commandLine().getErr().println("REFUSED: " + TerminalText.escape(e.getMessage()) + " [" + e.code() + "]");
                return AirlockCommand.CHECK_FAILED;
            }
            for (WrittenFile f : written) {
                text.printf("  written and verified: %s  %s  (%s)%n", TerminalText.of(f.path().getFileName()),
                        f.sha256(), f.readBack().description());
            }
            text.println("OK: " + written.size() + " files in " + TerminalText.of(out)
                    + ", the log and seal verified as read back from there; verify again with 'airlock log verify "
                    + TerminalText.of(out.resolve(airlock.core.log.LogExport.stem(session) + ".log")) + "'.");
            return AirlockCommand.OK;
        }
    }

    /** The annotation tables, opened only on a store that passed its checks (never creating a missing database). */
    private static AnnotationStore annotationsOf(WorkstationLogs logs) throws AirlockException {
        logs.checkUsable();
        return AnnotationStore.open(logs.store().file());
    }

    private char[] passphrase() throws AirlockException {
        if (passphraseFile == null) {
            return Passphrases.ask("Passphrase of " + key, false);
        }
        if ("-".equals(passphraseFile)) {
            try {
                String line = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
                if (line.isEmpty()) {
                    throw new AirlockException("key.passphrase.empty", "No passphrase on standard input");
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new AirlockException("key.passphrase.unreadable", "Cannot read the passphrase from standard input: " + e, e);
            }
        }
        return Passphrases.fromFile(Path.of(passphraseFile));
    }
}
