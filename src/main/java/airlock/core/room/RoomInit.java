package airlock.core.room;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.crypto.KeyId;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.home.WorkstationId;
import airlock.core.policy.EffectivePolicy;
import airlock.core.policy.PolicyCodec;
import airlock.core.policy.PolicyFiles;
import airlock.core.policy.PolicyLoader;
import airlock.core.policy.RoomPolicy;
import airlock.core.session.WorkstationKey;
import airlock.core.trust.TrustStore;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Day one of a real workstation ({@code airlock room init} and the GUI's provisioning screen): creates
 * the workstation id and key, pins the room administrator's key, installs the room policy signed by
 * that key, pins the supervisor and vendor keys. Everything brought in is read and checked before the
 * first byte is written (each file an Ed25519 public key, the policy signed by exactly the
 * administrator key given and well-formed, no key given for two purposes, nothing of the demo in the
 * home); then every step is read back from the home, and the home's {@link RoomStatus} must be
 * complete, before the result says "done". Running it again on a set-up home with the same files
 * changes nothing (pins are idempotent) and says so.
 */
public final class RoomInit {
    /** The code of a failure after writing began (the message names the steps done); refusals before are {@code room.init.refused} or the key's own code. */
    public static final String FAILED = "room.init.failed";
    /**
     * What the administrator brings.
     *
     * @param adminKey       the room administrator's public key (SPKI PEM)
     * @param policy         the signed room policy ({@code NAME.json}, its signature {@code NAME.json.sig} beside it)
     * @param supervisorKeys the supervisors' public keys (at least one)
     * @param vendorKeys     the vendors' public keys (at least one)
     */
    public record Request(Path adminKey, Path policy, List<Path> supervisorKeys, List<Path> vendorKeys) {
        public Request {
            Objects.requireNonNull(adminKey, "adminKey");
            Objects.requireNonNull(policy, "policy");
            supervisorKeys = List.copyOf(supervisorKeys);
            vendorKeys = List.copyOf(vendorKeys);
        }
    }

    /**
     * What was done, one line a step, each read back from the home.
     *
     * @param steps  e.g. "created workstation key 3fa9… (owner-only, pinned)"
     * @param status the home's status afterwards (complete)
     */
    public record Result(List<String> steps, RoomStatus status) {
    }

    private RoomInit() {
    }

    /**
     * Provisions the home at {@code root} (created if absent).
     *
     * @throws AirlockException {@code room.init.refused} when a check refuses the request (nothing was
     *                          written then), or the failure of the step that could not be done
     */
    public static Result init(Path root, Request request, SecureRandom random) throws AirlockException {
        // 1. read and check everything first
        PublicKey admin = publicKey(request.adminKey(), "room administrator");
        byte[] policyBytes = PolicyFiles.readPolicy(request.policy());
        byte[] signature = PolicyFiles.readSignature(request.policy());
        if (!Ed25519.verify(admin, policyBytes, signature).isValid()) {
            throw refused("The policy " + request.policy() + " is not signed by the room administrator key "
                    + request.adminKey() + " (" + Ed25519.keyId(admin).hex() + "): it was changed after signing, or signed by"
                    + " another key. Sign it with 'airlock policy sign --key ADMIN.key --out " + request.policy() + " SOURCE'.");
        }
        RoomPolicy policy;
        try {
            policy = PolicyCodec.parse(policyBytes);
        } catch (AirlockException e) {
            throw new AirlockException("room.init.refused", "The policy " + request.policy() + " is signed but malformed: "
                    + e.getMessage(), e);
        }
        if (policy.name().equals(airlock.core.demo.DemoRoom.NAME)) {
            throw refused("The policy " + request.policy() + " is the demo room's policy; a real room needs its own.");
        }
        if (request.supervisorKeys().isEmpty()) {
            throw refused("Name at least one supervisor key: the supervisor seals every session with it.");
        }
        if (request.vendorKeys().isEmpty()) {
            throw refused("Name at least one vendor key: bundles are accepted only when signed by a pinned vendor key.");
        }
        Map<KeyId, String> purposeOf = new HashMap<>();
        purposeOf.put(Ed25519.keyId(admin), "room administrator");
        List<PublicKey> supervisors = keys(request.supervisorKeys(), "supervisor", purposeOf);
        List<PublicKey> vendors = keys(request.vendorKeys(), "vendor", purposeOf);
        RoomStatus before = RoomStatus.check(root);
        RoomStatus.Item demo = before.items().stream().filter(i -> i.what() == RoomStatus.What.NO_DEMO).findFirst().orElseThrow();
        if (!demo.ok()) {
            throw refused("The home " + before.root() + " is not for a real room: " + demo.detail()
                    + ". Give an empty folder (--home, or AIRLOCK_HOME).");
        }

        List<String> steps = new ArrayList<>();
        try {
            return write(root, request, random, before, admin, supervisors, vendors, steps);
        } catch (AirlockException e) {
            throw new AirlockException(FAILED, "Set-up stopped" + (steps.isEmpty() ? " before its first step"
                    : " after: " + String.join("; ", steps)) + ". " + e.getMessage()
                    + " See what is in place with 'airlock room status --home " + before.root() + "'.", e);
        }
    }

    private static Result write(Path root, Request request, SecureRandom random, RoomStatus before, PublicKey admin,
                                List<PublicKey> supervisors, List<PublicKey> vendors, List<String> steps) throws AirlockException {
        // 2. write, step by step
        boolean hadHome = before.items().get(0).ok();
        AirlockHome home = AirlockHome.open(root);
        steps.add((hadHome ? "kept home " : "created home ") + home.root() + " (mode 700)");
        boolean hadId = before.items().get(1).ok();
        String id = WorkstationId.loadOrCreate(home, random);
        boolean hadKey = before.items().get(2).ok();
        KeyId workstationKey = Ed25519.keyId(WorkstationKey.loadOrCreate(home, id).publicKey());
        TrustStore trust = new TrustStore(home);
        trust.add(TrustPurpose.ROOM_ADMIN, admin, label(request.adminKey()));
        PolicyLoader loader = new PolicyLoader(home, trust);
        loader.install(request.policy());
        for (int i = 0; i < supervisors.size(); i++) {
            trust.add(TrustPurpose.SUPERVISOR, supervisors.get(i), label(request.supervisorKeys().get(i)));
        }
        for (int i = 0; i < vendors.size(); i++) {
            trust.add(TrustPurpose.VENDOR, vendors.get(i), label(request.vendorKeys().get(i)));
        }

        // 3. read every step back
        if (!WorkstationId.loadOrCreate(home, random).equals(id)) {
            throw new AirlockException("room.init.readback", "The workstation id read back is not the one written");
        }
        steps.add((hadId ? "kept workstation id " : "created workstation id ") + id);
        KeyId checked = WorkstationKey.check(home);
        if (!checked.equals(workstationKey)) {
            throw new AirlockException("room.init.readback", "The workstation key read back is not the one made");
        }
        steps.add((hadKey ? "kept workstation key " : "created workstation key ") + checked.hex() + " (owner-only, pinned)");
        steps.add(pinned(trust, TrustPurpose.ROOM_ADMIN, admin, "room administrator"));
        EffectivePolicy installed = loader.load();
        if (installed.signer().isEmpty() || !installed.signer().get().equals(Ed25519.keyId(admin))) {
            throw new AirlockException("room.init.readback", "The installed policy read back is not signed by the room"
                    + " administrator key " + Ed25519.keyId(admin).hex());
        }
        steps.add("installed room policy '" + installed.policy().name() + "' sha256 " + installed.sha256() + ", signed by "
                + installed.signer().get().hex() + "; supervisor confirms with " + installed.policy().confirmation().mode().wire());
        for (PublicKey key : supervisors) {
            steps.add(pinned(trust, TrustPurpose.SUPERVISOR, key, "supervisor"));
        }
        for (PublicKey key : vendors) {
            steps.add(pinned(trust, TrustPurpose.VENDOR, key, "vendor"));
        }
        RoomStatus after = RoomStatus.check(root);
        if (!after.complete()) {
            throw new AirlockException("room.init.readback", "The home is still not complete after set-up: "
                    + after.missing().get(0).line());
        }
        return new Result(steps, after);
    }

    private static String pinned(TrustStore trust, TrustPurpose purpose, PublicKey key, String what) throws AirlockException {
        KeyId id = Ed25519.keyId(key);
        var found = trust.find(purpose, id).orElseThrow(() -> new AirlockException("room.init.readback",
                "The " + what + " key " + id.hex() + " is not on the " + purpose.folderName() + " trust list after pinning it"));
        return "pinned " + what + " key " + id.hex() + " (" + found.label() + ")";
    }

    private static List<PublicKey> keys(List<Path> files, String what, Map<KeyId, String> purposeOf) throws AirlockException {
        List<PublicKey> keys = new ArrayList<>();
        for (Path file : files) {
            PublicKey key = publicKey(file, what);
            String other = purposeOf.putIfAbsent(Ed25519.keyId(key), what);
            if (other != null) {
                throw new AirlockException("trust.purpose.conflict", "Key " + Ed25519.keyId(key).hex() + " (" + file
                        + ") is given as a " + what + " key and as a " + other + " key; one key serves one purpose."
                        + (other.equals(what) ? " Name it once." : " Make a separate key."));
            }
            keys.add(key);
        }
        return keys;
    }

    private static PublicKey publicKey(Path file, String what) throws AirlockException {
        try {
            return Ed25519.readPublicPem(file);
        } catch (AirlockException e) {
            throw new AirlockException(e.code(), "The " + what + " key " + file + ": " + e.getMessage(), e);
        }
    }

    private static String label(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".pem") || name.endsWith(".pub") ? name.substring(0, name.length() - 4) : name;
    }

    private static AirlockException refused(String message) {
        return new AirlockException("room.init.refused", message);
    }
}
