package airlock.core.git;

import java.io.File;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FS_POSIX;
import org.slf4j.LoggerFactory;
import org.eclipse.jgit.util.SystemReader;

/**
 * Keeps JGit away from the workstation's environment. By default JGit reads the user's and the
 * system's git configuration (which could weaken object checks) and may start a {@code git}
 * process to find the system configuration. Airlock replaces those with empty configurations.
 * JGit holds its SystemReader statically, so this is installed once, from the composition root
 * (and from tests), before any repository is opened.
 */
public final class IsolatedGit {
    static final int STRICTEST_UMASK = 077;
    /** JGit reads this system property on every SHA-1 it makes; any value but "java" drops collision detection. */
    public static final String SHA1_IMPLEMENTATION_PROPERTY = "org.eclipse.jgit.util.sha1.implementation";

    private IsolatedGit() {
    }

    /**
     * Installs the isolating SystemReader and clears the system property that would choose a SHA-1
     * without collision detection; calling it again is harmless.
     */
    public static synchronized void install() {
        String sha1 = weakSha1Choice();
        if (sha1 != null) {
            LoggerFactory.getLogger(IsolatedGit.class).warn("ignoring -D{}={}: Airlock always uses JGit's collision-detecting SHA-1",
                    SHA1_IMPLEMENTATION_PROPERTY, sha1);
            System.clearProperty(SHA1_IMPLEMENTATION_PROPERTY);
        }
        if (FS.DETECTED instanceof FS_POSIX posix) {
            // Left unset, JGit learns the umask by running "sh -c umask" the first time it writes a file.
            posix.setUmask(umask(readProcStatus()));
        }
        if (SystemReader.getInstance() instanceof Reader) {
            return;
        }
        SystemReader.setInstance(new Reader(SystemReader.getInstance()));
    }

    /** The value of {@link #SHA1_IMPLEMENTATION_PROPERTY} when it chooses a SHA-1 without collision detection, else null. */
    public static String weakSha1Choice() {
        String choice = System.getProperty(SHA1_IMPLEMENTATION_PROPERTY);
        return choice == null || choice.equalsIgnoreCase("java") ? null : choice;
    }

    /** The process umask from {@code /proc/self/status} (Linux 4.7+); the strictest, 077, when it cannot be read. */
    static int umask(String procStatus) {
        for (String line : procStatus.split("\n")) {
            if (line.startsWith("Umask:")) {
                String value = line.substring("Umask:".length()).strip();
                if (value.matches("0?[0-7]{1,4}")) {
                    return Integer.parseInt(value, 8) & 0777;
                }
            }
        }
        return STRICTEST_UMASK;
    }

    private static String readProcStatus() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/status"), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException | RuntimeException e) {
            LoggerFactory.getLogger(IsolatedGit.class).info("cannot read the umask from /proc/self/status ({}); using 077", e.toString());
            return "";
        }
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

        /**
         * Answers JGit's question for a file system's timestamp resolution with its own fallback,
         * the coarsest (2 s): JGit then treats a file changed within that time as possibly changed
         * and reads it again, the safe side. Without an answer JGit measures the resolution once
         * per process by writing probe files next to the repository and waiting for their times to
         * tick, which stalled every intake and every first opening of a store for seconds (3.7 s of
         * a 16 s kernel intake).
         */
        @Override
        public long getTimeUnit(String section, String subsection, String name, long defaultValue, TimeUnit wantUnit) {
            if (ConfigConstants.CONFIG_FILESYSTEM_SECTION.equals(section) && subsection != null
                    && ConfigConstants.CONFIG_KEY_TIMESTAMP_RESOLUTION.equals(name)) {
                return wantUnit.convert(FS.FileStoreAttributes.FALLBACK_TIMESTAMP_RESOLUTION);
            }
            return super.getTimeUnit(section, subsection, name, defaultValue, wantUnit);
        }
    }
}
