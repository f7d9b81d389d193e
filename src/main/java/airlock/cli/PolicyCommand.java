package airlock.cli;

import airlock.core.AirlockException;
import airlock.core.crypto.Base64Strict;
import airlock.core.crypto.CanonicalJson;
import airlock.core.crypto.Ed25519;
import airlock.core.home.AirlockHome;
import airlock.core.policy.EffectivePolicy;
import airlock.core.policy.PinHash;
import airlock.core.policy.PolicyDescription;
import airlock.core.policy.PolicyFiles;
import airlock.core.policy.PolicyLoader;
import airlock.core.policy.PolicySigner;
import airlock.core.policy.PolicyVerification;
import airlock.core.policy.PolicyVerifier;
import airlock.core.policy.SignedPolicy;
import airlock.core.trust.TrustStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code airlock policy show|verify|sign|install|pin-hash|inspector}: the room policy. */
@Command(name = "policy", description = "Show, verify, sign and install the room policy.",
        subcommands = {PolicyCommand.Show.class, PolicyCommand.Verify.class, PolicyCommand.Sign.class,
            PolicyCommand.Install.class, PolicyCommand.PinHashCommand.class, PolicyCommand.InspectorCommand.class})
final class PolicyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static void print(PrintWriter out, EffectivePolicy p) {
        PolicyDescription.lines(p.policy()).forEach(line -> out.println(TerminalText.escape(line)));
        out.println("policy sha256:           " + p.sha256());
        out.println("signed by:               " + p.signer().map(k -> "room administrator key " + k.hex())
                .orElse("nobody (built-in strictest defaults)"));
    }

    @Command(name = "show", description = "Show the policy in force on this workstation (the strictest defaults if none is installed).")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOption home;

        @Override
        public Integer call() throws AirlockException {
            AirlockHome h = home.open();
            print(spec.commandLine().getOut(), new PolicyLoader(h, new TrustStore(h)).load());
            return AirlockCommand.OK;
        }
    }

    @Command(name = "verify", description = "Check FILE and FILE.sig against the pinned room administrator keys. Exit 1 if refused.")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOption home;
        @Parameters(paramLabel = "FILE", description = "policy file (its signature is FILE.sig)")
        Path file;

        @Override
        public Integer call() throws AirlockException {
            PolicyVerification v = new PolicyVerifier(new TrustStore(home.open()))
                    .verify(PolicyFiles.readPolicy(file), PolicyFiles.readSignature(file));
            if (!v.isValid()) {
                spec.commandLine().getErr().println("airlock: policy refused [" + v.code() + "]: " + TerminalText.of(v.reason()));
                return AirlockCommand.CHECK_FAILED;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("policy valid: " + TerminalText.of(v.reason()));
            print(out, EffectivePolicy.of(v.policy().orElseThrow()));
            return AirlockCommand.OK;
        }
    }

    @Command(name = "sign", description = {"Canonicalise the policy SOURCE (JSON), check it and sign it with a room administrator key.",
        "Writes OUT (canonical bytes) and OUT.sig (64-byte Ed25519 signature)."})
    static final class Sign implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--key", required = true, paramLabel = "KEY", description = "room administrator private key (PEM)")
        Path key;
        @Option(names = "--passphrase-file", paramLabel = "FILE", description = "passphrase of an encrypted key (first line)")
        Path passphraseFile;
        @Option(names = "--out", required = true, paramLabel = "OUT", description = "signed policy file to write")
        Path out;
        @Parameters(paramLabel = "SOURCE", description = "policy JSON as written by the administrator")
        Path source;

        @Override
        public Integer call() throws AirlockException {
            byte[] json;
            try {
                json = Files.readAllBytes(source);
            } catch (IOException e) {
                throw new AirlockException("policy.file.unreadable", "Cannot read the policy source " + source + ": " + e, e);
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
            PolicySigner.Result signed = PolicySigner.sign(json, privateKey);
            PolicyFiles.write(out, signed.bytes(), signed.signature());
            PrintWriter w = spec.commandLine().getOut();
            w.println("signed policy: " + TerminalText.of(out) + " and " + TerminalText.of(PolicyFiles.signatureOf(out)));
            w.println("signed by key: " + Ed25519.keyId(Ed25519.publicKeyOf(privateKey)).hex());
            return AirlockCommand.OK;
        }
    }

    @Command(name = "install", description = "Verify FILE and FILE.sig and make them the policy in force on this workstation.")
    static final class Install implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOption home;
        @Parameters(paramLabel = "FILE", description = "signed policy file")
        Path file;

        @Override
        public Integer call() throws AirlockException {
            AirlockHome h = home.open();
            TrustStore trust = new TrustStore(h);
            PolicyVerification v = new PolicyVerifier(trust).verify(PolicyFiles.readPolicy(file), PolicyFiles.readSignature(file));
            if (!v.isValid()) {
                spec.commandLine().getErr().println("airlock: policy refused [" + v.code() + "]: " + TerminalText.of(v.reason()));
                return AirlockCommand.CHECK_FAILED;
            }
            SignedPolicy installed = new PolicyLoader(h, trust).install(file);
            spec.commandLine().getOut().println("installed policy " + installed.sha256() + " (signed by "
                    + installed.signer().hex() + ")");
            return AirlockCommand.OK;
        }
    }

    @Command(name = "pin-hash", description = "Print the policy's confirmation object for a room PIN read from FILE (first line).")
    static final class PinHashCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--pin-file", required = true, paramLabel = "FILE", description = "file whose first line is the PIN")
        Path pinFile;

        @Override
        public Integer call() throws AirlockException {
            char[] pin = Passphrases.fromFile(pinFile);
            PinHash hash;
            try {
                hash = PinHash.of(pin, new SecureRandom());
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("airlock: " + TerminalText.of(e.getMessage()));
                return AirlockCommand.USAGE;
            }
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("algorithm", "pbkdf2-hmac-sha256");
            h.put("salt", Base64Strict.encode(hash.salt()));
            h.put("iterations", hash.iterations());
            h.put("hash", Base64Strict.encode(hash.hash()));
            Map<String, Object> confirmation = new LinkedHashMap<>();
            confirmation.put("mode", "pin");
            confirmation.put("pin", h);
            spec.commandLine().getOut().println(new String(CanonicalJson.write(confirmation), StandardCharsets.UTF_8));
            return AirlockCommand.OK;
        }
    }

    @Command(name = "inspector", description = {"Print one entry of the policy's inspectors list: NAME and a verifier of the",
        "passphrase read from FILE (first line; at least 10 characters). The passphrase itself is not printed or stored."})
    static final class InspectorCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "the inspector's name as on their papers")
        String name;
        @Option(names = "--passphrase-file", required = true, paramLabel = "FILE", description = "file whose first line is the passphrase")
        Path passphraseFile;

        @Override
        public Integer call() throws AirlockException {
            char[] passphrase = Passphrases.fromFile(passphraseFile);
            airlock.core.policy.Inspector inspector;
            try {
                inspector = airlock.core.policy.Inspector.of(name, passphrase, new SecureRandom());
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("airlock: " + TerminalText.of(e.getMessage()));
                return AirlockCommand.USAGE;
            } finally {
                java.util.Arrays.fill(passphrase, '\0');
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", inspector.name());
            entry.put("passphrase", airlock.core.policy.PolicyCodec.hash(inspector.passphrase()));
            spec.commandLine().getOut().println(new String(CanonicalJson.write(entry), StandardCharsets.UTF_8));
            return AirlockCommand.OK;
        }
    }
}
