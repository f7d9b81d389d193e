package airlock.core.git;

import java.io.File;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Keeps JGit away from the workstation's environment. By default JGit reads the user's and the
 * system's git configuration (which could weaken object checks) and may start a {@code git}
 * process to find the system configuration. Airlock replaces those with empty configurations.
 * JGit holds its SystemReader statically, so this is installed once, from the composition root
 * (and from tests), before any repository is opened.
 */
public final class IsolatedGit {
    private IsolatedGit() {
    }

    /** Installs the isolating SystemReader; calling it again is harmless. */
    public static synchronized void install() {
        if (SystemReader.getInstance() instanceof Reader) {
            return;
        }
        SystemReader.setInstance(new Reader(SystemReader.getInstance()));
    }

    private static final class Reader extends SystemReader.Delegate {
        Reader(SystemReader delegate) {
            super(delegate);
        }

        @Override
        public FileBasedConfig openSystemConfig(Config parent, FS fs) {
            return new EmptyConfig(parent, fs);
        }

        @Override
        public FileBasedConfig openUserConfig(Config parent, FS fs) {
            return new EmptyConfig(parent, fs);
        }

        @Override
        public FileBasedConfig openJGitConfig(Config parent, FS fs) {
            return new EmptyConfig(parent, fs);
        }

        @Override
        public String getHostname() {
            // the default looks the host up through the resolver; the air gap allows no lookups
            return "airlock-workstation";
        }

        @Override
        public java.nio.file.Path getXdgConfigDirectory(FS fs) {
            return null;
        }

        @Override
        public String getenv(String variable) {
            // GIT_* variables (GIT_DIR, GIT_CONFIG_*, GIT_OBJECT_DIRECTORY...) must not steer intake.
            return variable != null && variable.startsWith("GIT_") ? null : super.getenv(variable);
        }
    }

    /** A configuration with no file behind it: always empty, never outdated. */
    private static final class EmptyConfig extends FileBasedConfig {
        EmptyConfig(Config parent, FS fs) {
            super(parent, (File) null, fs);
        }

        @Override
        public void load() {
            // nothing to read: the environment's git configuration is deliberately ignored
        }

        @Override
        public boolean isOutdated() {
            return false;
        }

        @Override
        public void save() {
            // nothing is written either: JGit saves measured file-system timestamps here from a
            // background thread, and a config with no file behind it would fail with a NullPointerException
        }
    }
}
