package airlock;

import airlock.cli.AirlockCommand;
import airlock.ui.AirlockApp;

/**
 * Entry point. Does not extend {@code Application}, so JavaFX on the class path starts normally.
 * No arguments, {@code workstation} and {@code demo} start the window in the mode they name
 * ({@link airlock.core.room.StartMode}); anything else is a command-line verb.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (airlock.core.room.StartMode.window(args)) {
            int usage = AirlockCommand.checkWindowMode(args);
            if (usage != AirlockCommand.OK) {
                System.exit(usage);
            }
            AirlockApp.launchApp(args);
            return;
        }
        System.exit(AirlockCommand.run(args));
    }
}
