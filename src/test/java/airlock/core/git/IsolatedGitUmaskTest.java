package airlock.core.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The umask is read from /proc so that JGit never runs "sh -c umask" (see .ci/airgap-check.sh). */
class IsolatedGitUmaskTest {
    @Test
    void readsTheUmaskLine() {
        assertEquals(022, IsolatedGit.umask("Name:\tjava\nUmask:\t0022\nState:\tR (running)\n"));
        assertEquals(077, IsolatedGit.umask("Umask:\t0077\n"));
        assertEquals(0, IsolatedGit.umask("Umask:\t0000\n"));
    }

    @Test
    void fallsBackToTheStrictestOnAnythingElse() {
        for (String status : new String[] {"", "Name:\tjava\n", "Umask:\t\n", "Umask:\t0x22\n", "Umask:\t99999999999\n",
                "Umask:\t-22\n", "umask: 0022\n"}) {
            assertEquals(IsolatedGit.STRICTEST_UMASK, IsolatedGit.umask(status), status);
        }
    }
}
