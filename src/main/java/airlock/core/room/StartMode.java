package airlock.core.room;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the workstation window starts, decided once from the command line and the environment before
 * anything is opened: the built-in {@linkplain Kind#DEMO demo} (only when asked, {@code airlock demo};
 * {@code app/airlock} with no arguments asks for it) or the {@linkplain Kind#WORKSTATION real
 * workstation} on the configured home ({@code airlock workstation [--home DIR]}, and {@code airlock}
 * with no arguments, which is what an installed package runs). The real workstation's home is
 * {@code --home}, else {@code AIRLOCK_HOME}, else {@value #SYSTEM_HOME}.
 *
 * @param kind the mode
 * @param home the real workstation's home (null for the demo, whose home is under the project's build folder)
 * @param keeper the keeper's socket ({@code airlock workstation --keeper SOCKET}, what the kiosk session
 *               runs): the window then opens no file of the home and reads everything through the keeper;
 *               null otherwise
 */
public record StartMode(Kind kind, Path home, Path keeper) {
    /** The home of an installed workstation when {@code AIRLOCK_HOME} is not set (the package creates it). */
    public static final String SYSTEM_HOME = "/var/lib/airlock";
    public static final String DEMO = "demo";
    public static final String WORKSTATION = "workstation";

    public enum Kind {
        DEMO, WORKSTATION
    }

    public StartMode(Kind kind, Path home) {
        this(kind, home, null);
    }

    public StartMode {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.WORKSTATION) != (home != null)) {
            throw new IllegalArgumentException("a home is given exactly for the real workstation");
        }
    }

    public boolean demo() {
        return kind == Kind.DEMO;
    }

    /** Whether {@code args} ask for the window (no arguments, {@code demo}, {@code workstation}), not for a command-line verb. */
    public static boolean window(String[] args) {
        return args.length == 0 || args[0].equals(DEMO) || args[0].equals(WORKSTATION);
    }

    /**
     * The mode {@code args} ask for: {@code []} and {@code [workstation]} the real workstation on the
     * configured home, {@code [workstation, --home, DIR]} on DIR, {@code [demo]} the demo.
     *
     * @throws IllegalArgumentException for anything else, with one line saying what is accepted
     */
    public static StartMode parse(List<String> args, Map<String, String> env) {
        if (args.size() == 1 && args.get(0).equals(DEMO)) {
            return new StartMode(Kind.DEMO, null);
        }
        if (args.isEmpty() || (args.size() == 1 && args.get(0).equals(WORKSTATION))) {
            return new StartMode(Kind.WORKSTATION, home(env));
        }
        if (args.size() == 3 && args.get(0).equals(WORKSTATION) && args.get(1).equals("--home") && !args.get(2).isBlank()) {
            return new StartMode(Kind.WORKSTATION, Path.of(args.get(2)).toAbsolutePath());
        }
        if (args.size() == 3 && args.get(0).equals(WORKSTATION) && args.get(1).equals("--keeper") && !args.get(2).isBlank()) {
            return new StartMode(Kind.WORKSTATION, home(env), Path.of(args.get(2)).toAbsolutePath());
        }
        throw new IllegalArgumentException("the window starts as 'airlock demo', 'airlock workstation [--home DIR | --keeper SOCKET]'"
                + " or 'airlock' alone (the workstation on $AIRLOCK_HOME, else " + SYSTEM_HOME + ")");
    }

    /** The real workstation's home: {@code AIRLOCK_HOME}, else {@value #SYSTEM_HOME}. */
    public static Path home(Map<String, String> env) {
        String configured = env.get("AIRLOCK_HOME");
        return configured != null && !configured.isBlank() ? Path.of(configured).toAbsolutePath() : Path.of(SYSTEM_HOME);
    }
}
