package airlock.core.room;

import airlock.core.AirlockException;
import airlock.core.crypto.KeyId;
import airlock.core.demo.DemoRoom;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.home.WorkstationId;
import airlock.core.policy.EffectivePolicy;
import airlock.core.policy.PolicyFiles;
import airlock.core.policy.PolicyLoader;
import airlock.core.session.WorkstationKey;
import airlock.core.trust.TrustStore;
import airlock.core.trust.TrustedKey;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a real workstation's home has of its day-one set-up and what it lacks, read without creating
 * or changing anything ({@code airlock room status}, the not-set-up screen). One {@link Item} per
 * piece, in the order {@code airlock room init} makes them; the home is {@link #complete()} when every
 * item is {@link State#OK}. A home holding anything of the built-in demo (its policy, a key pinned by
 * the demo, the demo vendor key) is not complete: a real room never runs on demo credentials.
 */
public final class RoomStatus {
    /** The label prefix every key the demo pins carries ({@code DemoRoom}, {@code DemoSupervisor}, {@code DemoMedia}). */
    public static final String DEMO_LABEL = "Airlock demo";
    /** The demo vendor key {@code DemoMedia} keeps in the home's key folder. */
    public static final String DEMO_VENDOR_KEY = "demo-vendor.key";

    public enum State {
        OK("ok"), MISSING("missing"), REFUSED("refused");

        private final String word;

        State(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public enum What {
        HOME("home folder"),
        WORKSTATION_ID("workstation id"),
        WORKSTATION_KEY("workstation key"),
        ROOM_ADMIN("room administrator key"),
        POLICY("room policy"),
        SUPERVISOR("supervisor keys"),
        VENDOR("vendor keys"),
        NO_DEMO("no demo material");

        private final String label;

        What(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One piece of the set-up.
     *
     * @param what   which piece
     * @param state  set up, missing, or present but refused
     * @param detail what was found (key ids, the policy's name and hash) or what is wrong
     * @param fix    the command that sets it up (empty when {@code OK})
     */
    public record Item(What what, State state, String detail, String fix) {
        public boolean ok() {
            return state == State.OK;
        }

        /** {@code ok       room policy              'Lab 3' sha256 …} — one line, for the CLI. */
        public String line() {
            String text = String.format("%-8s %-24s %s", state.word(), what.label(), detail);
            return fix.isEmpty() ? text : text + "; " + fix;
        }
    }

    private final Path root;
    private final List<Item> items;

    private RoomStatus(Path root, List<Item> items) {
        this.root = root;
        this.items = List.copyOf(items);
    }

    public Path root() {
        return root;
    }

    public List<Item> items() {
        return items;
    }

    public boolean complete() {
        return items.stream().allMatch(Item::ok);
    }

    public List<Item> missing() {
        return items.stream().filter(i -> !i.ok()).toList();
    }

    /** The command that provisions {@code root} from nothing (the placeholders are files the administrator brings). */
    public static String initCommand(Path root) {
        return "airlock room init --home " + root + " --admin-key ADMIN.pub --policy room-policy.json"
                + " --supervisor-key SUPERVISOR.pub --vendor-key VENDOR.pub";
    }

    /** Reads the set-up of the home at {@code root}; creates and changes nothing. */
    public static RoomStatus check(Path root) {
        Path abs = root.toAbsolutePath();
        List<Item> items = new ArrayList<>();
        String init = "run: " + initCommand(abs);
        if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            items.add(new Item(What.HOME, State.MISSING, abs + " does not exist", init));
            for (What what : What.values()) {
                if (what != What.HOME) {
                    items.add(new Item(what, what == What.NO_DEMO ? State.OK : State.MISSING,
                            what == What.NO_DEMO ? "nothing of the demo" : "no home", what == What.NO_DEMO ? "" : init));
                }
            }
            return new RoomStatus(abs, items);
        }
        if (!Files.isReadable(abs) || !Files.isExecutable(abs)) {
            // a home owned by another account (the keeper's): its contents cannot be judged from here
            items.add(new Item(What.HOME, State.REFUSED, abs + " cannot be read by this account ("
                    + System.getProperty("user.name") + ")", "run as the account that owns the home"));
            for (What what : What.values()) {
                if (what != What.HOME) {
                    items.add(new Item(what, State.MISSING, "not readable", ""));
                }
            }
            return new RoomStatus(abs, items);
        }
        AirlockHome home = AirlockHome.existing(abs);
        TrustStore trust = new TrustStore(home);
        items.add(new Item(What.HOME, State.OK, abs.toString(), ""));
        items.add(workstationId(home, init));
        items.add(workstationKey(home, init));
        items.add(keys(trust, home, TrustPurpose.ROOM_ADMIN, What.ROOM_ADMIN, init));
        items.add(policy(home, trust, init));
        items.add(keys(trust, home, TrustPurpose.SUPERVISOR, What.SUPERVISOR,
                "run: airlock trust add supervisor SUPERVISOR.pub --home " + abs));
        items.add(keys(trust, home, TrustPurpose.VENDOR, What.VENDOR, "run: airlock trust add vendor VENDOR.pub --home " + abs));
        items.add(noDemo(home, trust));
        return new RoomStatus(abs, items);
    }

    private static Item workstationId(AirlockHome home, String init) {
        Path file = home.root().resolve("workstation-id");
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new Item(What.WORKSTATION_ID, State.MISSING, "no " + file, init);
        }
        try {
            return new Item(What.WORKSTATION_ID, State.OK, WorkstationId.loadOrCreate(home, null), "");
        } catch (AirlockException e) {
            return new Item(What.WORKSTATION_ID, State.REFUSED, e.getMessage(), "");
        }
    }

    private static Item workstationKey(AirlockHome home, String init) {
        if (!Files.exists(home.keys().resolve(WorkstationKey.PRIVATE_FILE), LinkOption.NOFOLLOW_LINKS)) {
            return new Item(What.WORKSTATION_KEY, State.MISSING, "no " + home.keys().resolve(WorkstationKey.PRIVATE_FILE), init);
        }
        try {
            KeyId id = WorkstationKey.check(home);
            return new Item(What.WORKSTATION_KEY, State.OK, id.hex() + " (owner-only, pinned)", "");
        } catch (AirlockException e) {
            return new Item(What.WORKSTATION_KEY, State.REFUSED, e.getMessage(), "");
        }
    }

    private static Item keys(TrustStore trust, AirlockHome home, TrustPurpose purpose, What what, String fix) {
        if (!Files.isDirectory(home.trust(purpose), LinkOption.NOFOLLOW_LINKS)) {
            return new Item(what, State.MISSING, "none pinned", fix);
        }
        try {
            List<TrustedKey> keys = trust.list(purpose);
            if (keys.isEmpty()) {
                return new Item(what, State.MISSING, "none pinned", fix);
            }
            return new Item(what, State.OK, keys.stream().map(k -> k.id().hex() + " (" + k.label() + ")")
                    .collect(Collectors.joining(", ")), "");
        } catch (AirlockException e) {
            return new Item(what, State.REFUSED, e.getMessage(), "");
        }
    }

    private static Item policy(AirlockHome home, TrustStore trust, String init) {
        Path file = PolicyFiles.installed(home);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new Item(What.POLICY, State.MISSING, "no " + file, init);
        }
        if (!Files.isDirectory(home.trust(TrustPurpose.ROOM_ADMIN), LinkOption.NOFOLLOW_LINKS)) {
            return new Item(What.POLICY, State.REFUSED, "installed, but no room administrator key is pinned to check it", init);
        }
        try {
            EffectivePolicy policy = new PolicyLoader(home, trust).load();
            return new Item(What.POLICY, State.OK, "'" + policy.policy().name() + "' sha256 " + policy.sha256()
                    + ", signed by " + policy.signer().map(KeyId::hex).orElse("nobody"), "");
        } catch (AirlockException e) {
            return new Item(What.POLICY, State.REFUSED, e.getMessage(), "");
        }
    }

    private static Item noDemo(AirlockHome home, TrustStore trust) {
        List<String> found = new ArrayList<>();
        if (Files.exists(home.keys().resolve(DEMO_VENDOR_KEY), LinkOption.NOFOLLOW_LINKS)) {
            found.add(home.keys().resolve(DEMO_VENDOR_KEY).toString());
        }
        for (TrustPurpose purpose : TrustPurpose.values()) {
            if (!Files.isDirectory(home.trust(purpose), LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                for (TrustedKey key : trust.list(purpose)) {
                    if (key.label().startsWith(DEMO_LABEL)) {
                        found.add(purpose.folderName() + " key " + key.id().hex() + " (" + key.label() + ")");
                    }
                }
            } catch (AirlockException e) {
                // the item of that purpose reports it
            }
        }
        try {
            if (Files.exists(PolicyFiles.installed(home), LinkOption.NOFOLLOW_LINKS)
                    && new PolicyLoader(home, trust).load().policy().name().equals(DemoRoom.NAME)) {
                found.add("the demo room policy");
            }
        } catch (AirlockException e) {
            // the policy item reports it
        }
        if (found.isEmpty()) {
            return new Item(What.NO_DEMO, State.OK, "nothing of the demo", "");
        }
        return new Item(What.NO_DEMO, State.REFUSED, "this home holds demo material: " + String.join(", ", found),
                "use an empty folder for a real workstation");
    }
}
