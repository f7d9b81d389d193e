package airlock.cli;

import airlock.core.AirlockException;
import airlock.core.home.AirlockHome;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Mixin for commands that use the workstation home: {@code --home DIR}, else {@code AIRLOCK_HOME},
 * else {@code ~/.airlock}.
 */
public final class HomeOption {
    @Option(names = "--home", paramLabel = "DIR",
            description = "Workstation home (default: $AIRLOCK_HOME, else ~/.airlock).")
    Path home;

    /** Opens (creating if needed) the selected workstation home. */
    public AirlockHome open() throws AirlockException {
        return AirlockHome.open(location());
    }

    /** The selected home's folder, without opening (creating or re-moding) it. */
    public Path location() {
        return home != null ? home : AirlockHome.defaultLocation(System.getenv(), System.getProperty("user.home"));
    }
}
