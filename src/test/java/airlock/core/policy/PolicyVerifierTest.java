package airlock.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.crypto.Sha256;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.trust.TrustStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyVerifierTest {
    @TempDir
    Path dir;
    private TrustStore trust;
    private AirlockHome home;
    private final KeyPair admin = Ed25519.generate();

    @BeforeEach
    void pinAdmin() throws AirlockException {
        home = AirlockHome.open(dir.resolve("home"));
        trust = new TrustStore(home);
        trust.add(TrustPurpose.ROOM_ADMIN, admin.getPublic(), "admin");
    }

    @Test
    void aPolicySignedByThePinnedAdminIsValidAndHashed() throws AirlockException {
        PolicySigner.Result signed = PolicySigner.sign(PolicyCodecTest.sample(), admin.getPrivate());
        PolicyVerification v = new PolicyVerifier(trust).verify(signed.bytes(), signed.signature());
        assertTrue(v.isValid(), v.reason());
        SignedPolicy p = v.policy().orElseThrow();
        assertEquals(PolicyCodecTest.sample(), p.policy());
        assertEquals(Sha256.hex(Sha256.digest(signed.bytes())), p.sha256());
        assertEquals(Ed25519.keyId(admin.getPublic()), p.signer());
    }

    @Test
    void aPolicySignedByAnUnknownKeyIsRefusedWithAClearReason() throws AirlockException {
        KeyPair stranger = Ed25519.generate();
        PolicySigner.Result signed = PolicySigner.sign(PolicyCodecTest.sample(), stranger.getPrivate());
        PolicyVerification v = new PolicyVerifier(trust).verify(signed.bytes(), signed.signature());
        assertFalse(v.isValid());
        assertEquals("policy.signer.unknown", v.code());
        assertTrue(v.reason().contains("not signed by any pinned room administrator key"), v.reason());
        assertTrue(v.policy().isEmpty());
    }

    @Test
    void aVendorOrSupervisorKeyCannotSignAPolicy() throws AirlockException {
        KeyPair vendor = Ed25519.generate();
        trust.add(TrustPurpose.VENDOR, vendor.getPublic(), "vendor");
        PolicySigner.Result signed = PolicySigner.sign(PolicyCodecTest.sample(), vendor.getPrivate());
        assertEquals("policy.signer.unknown", new PolicyVerifier(trust).verify(signed.bytes(), signed.signature()).code());
    }

    @Test
    void oneChangedByteOrAPaddedSignatureIsRefused() throws AirlockException {
        PolicySigner.Result signed = PolicySigner.sign(PolicyCodecTest.sample(), admin.getPrivate());
        byte[] bytes = signed.bytes();
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\"clipboard\":false", "\"clipboard\":true ");
        PolicyVerifier verifier = new PolicyVerifier(trust);
        assertEquals("policy.signer.unknown", verifier.verify(text.getBytes(StandardCharsets.UTF_8), signed.signature()).code());
        byte[] padded = Arrays.copyOf(signed.signature(), 65);
        assertEquals("policy.signature.length", verifier.verify(bytes, padded).code());
        assertEquals("policy.signature.length", verifier.verify(bytes, new byte[0]).code());
    }

    @Test
    void aSignedButMalformedPolicyIsRefusedAfterTheSignature() throws AirlockException {
        byte[] notPolicy = "{\"type\":\"airlock-bundle-manifest/1\"}".getBytes(StandardCharsets.UTF_8);
        PolicyVerification v = new PolicyVerifier(trust).verify(notPolicy, Ed25519.sign(admin.getPrivate(), notPolicy));
        assertFalse(v.isValid());
        assertEquals("policy.type", v.code());
    }

    @Test
    void noPinnedAdminKeyIsNamedAsTheReason() throws AirlockException {
        TrustStore empty = new TrustStore(AirlockHome.open(dir.resolve("other")));
        PolicySigner.Result signed = PolicySigner.sign(PolicyCodecTest.sample(), admin.getPrivate());
        PolicyVerification v = new PolicyVerifier(empty).verify(signed.bytes(), signed.signature());
        assertEquals("policy.signer.none", v.code());
        assertTrue(v.reason().contains("airlock trust add room-admin"), v.reason());
    }

    @Test
    void theLoaderFallsBackToTheStrictestOnlyWhenNothingIsInstalled() throws Exception {
        PolicyLoader loader = new PolicyLoader(home, trust);
        EffectivePolicy none = loader.load();
        assertTrue(none.isDefault());
        assertEquals(RoomPolicy.strictest(), none.policy());

        PolicySigner.Result signed = PolicySigner.sign(PolicyCodecTest.sample(), admin.getPrivate());
        Path file = dir.resolve("p.json");
        PolicyFiles.write(file, signed.bytes(), signed.signature());
        loader.install(file);
        EffectivePolicy installed = loader.load();
        assertFalse(installed.isDefault());
        assertEquals(PolicyCodecTest.sample(), installed.policy());

        Files.write(PolicyFiles.installed(home), PolicyCodec.write(RoomPolicy.strictest()));
        AirlockException e = assertThrows(AirlockException.class, loader::load);
        assertEquals("policy.signer.unknown", e.code());
    }

    @Test
    void theSignerCanonicalisesAPrettyPolicyAndRefusesDuplicatesAndFloats() throws AirlockException {
        String pretty = "{\n  \"type\": \"airlock-room-policy/1\",\n  \"name\": \"R\", \"clipboard\": false,\n"
                + " \"idleLockMinutes\": 5, \"inspectorsSeeEachOther\": false, \"maxSessionMinutes\": 60,\n"
                + " \"confirmation\": {\"mode\": \"none\"},\n \"export\": {\"annotations\": true, \"snippets\": false,"
                + " \"maxSnippetLinesPerFinding\": 0, \"maxSnippetLinesPerFile\": 0, \"maxSnippetLinesPerSession\": 0,"
                + " \"searchStrings\": false, \"forbiddenPaths\": []}\n}\n";
        PolicySigner.Result r = PolicySigner.sign(pretty.getBytes(StandardCharsets.UTF_8), admin.getPrivate());
        assertEquals(SupervisorConfirmation.Mode.NONE, r.policy().confirmation().mode());
        assertTrue(new PolicyVerifier(trust).verify(r.bytes(), r.signature()).isValid());
        AirlockException dup = assertThrows(AirlockException.class, () -> PolicySigner.sign(
                pretty.replace("\"clipboard\": false", "\"clipboard\": false, \"clipboard\": true").getBytes(StandardCharsets.UTF_8),
                admin.getPrivate()));
        assertEquals("policy.json", dup.code());
        AirlockException flt = assertThrows(AirlockException.class, () -> PolicySigner.sign(
                pretty.replace("\"maxSessionMinutes\": 60", "\"maxSessionMinutes\": 6e1").getBytes(StandardCharsets.UTF_8),
                admin.getPrivate()));
        assertTrue(flt.getMessage().contains("maxSessionMinutes"), flt.getMessage());
        assertThrows(AirlockException.class, () -> PolicySigner.sign((pretty + "{}").getBytes(StandardCharsets.UTF_8), admin.getPrivate()));
    }
}
