package airlock.cli;

import airlock.core.AirlockException;
import airlock.core.home.TrustPurpose;
import airlock.core.trust.TrustStore;
import airlock.core.trust.TrustedKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code airlock trust add PURPOSE FILE} and {@code airlock trust list}. */
@Command(name = "trust", description = "Pin public keys for one purpose each, and list them.",
        subcommands = {TrustCommand.Add.class, TrustCommand.ListKeys.class})
final class TrustCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", description = "Pin the Ed25519 public key in FILE (SPKI PEM) for PURPOSE.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOption home;
        @Parameters(index = "0", paramLabel = "PURPOSE", description = "vendor, supervisor, workstation or room-admin")
        String purpose;
        @Parameters(index = "1", paramLabel = "FILE", description = "public key, PEM")
        Path file;

        @Override
        public Integer call() throws AirlockException {
            TrustPurpose parsed;
            try {
                parsed = TrustPurpose.parse(purpose);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("airlock: " + TerminalText.of(e.getMessage()));
                return AirlockCommand.USAGE;
            }
            TrustedKey key = new TrustStore(home.open()).add(parsed, file);
            spec.commandLine().getOut().println("trusted " + parsed.folderName() + " key " + key.id().hex()
                    + " (" + TerminalText.of(key.label()) + ")");
            return AirlockCommand.OK;
        }
    }

    @Command(name = "list", description = "List the pinned keys of every purpose.")
    static final class ListKeys implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOption home;

        @Override
        public Integer call() throws AirlockException {
            TrustStore store = new TrustStore(home.open());
            PrintWriter out = spec.commandLine().getOut();
            for (TrustPurpose purpose : TrustPurpose.values()) {
                for (TrustedKey key : store.list(purpose)) {
                    out.println(purpose.folderName() + "\t" + key.id().hex() + "\t" + TerminalText.of(key.label()));
                }
            }
            return AirlockCommand.OK;
        }
    }
}
