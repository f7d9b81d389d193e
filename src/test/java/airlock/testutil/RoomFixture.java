package airlock.testutil;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.policy.PolicyFiles;
import airlock.core.policy.PolicySigner;
import airlock.core.policy.RoomPolicy;
import airlock.core.policy.SupervisorConfirmation;
import airlock.core.room.RoomInit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;

/**
 * What a room administrator brings on day one, made in a test: the administrator's key pair, a room
 * policy signed with it, a supervisor's key (passphrase-protected, on a folder playing the
 * supervisor's stick) and a vendor's key, each public half as a PEM file on the "admin stick".
 */
public final class RoomFixture {
    public static final String SUPERVISOR_PASSPHRASE = "correct horse supervisor";
    public final Path adminStick;
    public final Path supervisorStick;
    public final KeyPair admin = Ed25519.generate();
    public final KeyPair supervisor = Ed25519.generate();
    public final KeyPair vendor = Ed25519.generate();
    public final Path adminPub;
    public final Path adminKey;
    public final Path policy;
    public final Path supervisorPub;
    public final Path supervisorKey;
    public final Path vendorPub;
    public final Path vendorKey;

    public RoomFixture(Path dir, RoomPolicy roomPolicy) throws IOException, AirlockException {
        adminStick = Files.createDirectories(dir.resolve("admin-stick"));
        supervisorStick = Files.createDirectories(dir.resolve("supervisor-stick"));
        adminPub = write(adminStick.resolve("room-admin.pub"), Ed25519.publicPem(admin.getPublic()));
        adminKey = write(adminStick.resolve("room-admin.key"), Ed25519.privatePem(admin.getPrivate(), null));
        supervisorPub = write(adminStick.resolve("supervisor-ada.pub"), Ed25519.publicPem(supervisor.getPublic()));
        supervisorKey = write(supervisorStick.resolve("supervisor.key"),
                Ed25519.privatePem(supervisor.getPrivate(), SUPERVISOR_PASSPHRASE.toCharArray()));
        vendorPub = write(adminStick.resolve("vendor-acme.pub"), Ed25519.publicPem(vendor.getPublic()));
        vendorKey = write(dir.resolve("vendor-acme.key"), Ed25519.privatePem(vendor.getPrivate(), null));
        policy = adminStick.resolve("room-policy.json");
        PolicySigner.Result signed = PolicySigner.sign(roomPolicy, admin.getPrivate());
        PolicyFiles.write(policy, signed.bytes(), signed.signature());
    }

    /** A room whose supervisors confirm with their key and that locks after 15 idle minutes. */
    public static RoomPolicy keyRoom() {
        RoomPolicy strict = RoomPolicy.strictest();
        return new RoomPolicy("Transparency centre, room 2", strict.export(), false, 15, false, 240, SupervisorConfirmation.key());
    }

    public RoomInit.Request request() {
        return new RoomInit.Request(adminPub, policy, List.of(supervisorPub), List.of(vendorPub));
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        return file;
    }
}
