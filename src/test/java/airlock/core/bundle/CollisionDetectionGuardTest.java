package airlock.core.bundle;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.git.IsolatedGit;
import org.eclipse.jgit.util.sha1.SHA1;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The environment cannot switch intake to a SHA-1 without collision detection (JGit reads a system property for it). */
class CollisionDetectionGuardTest {
    private static final String PROPERTY = IsolatedGit.SHA1_IMPLEMENTATION_PROPERTY;

    @AfterEach
    void clear() {
        System.clearProperty(PROPERTY);
    }

    @Test
    void startUpClearsAPropertyThatWouldTurnDetectionOff() {
        System.setProperty(PROPERTY, "JDKNATIVE");
        IsolatedGit.install();
        assertNull(System.getProperty(PROPERTY));
        assertEquals("SHA1Java", SHA1.newInstance().getClass().getSimpleName(), "JGit's collision-detecting SHA-1 is in use");
    }

    @Test
    void intakeRefusesToParseWhenThePropertyIsSetAgain() {
        System.setProperty(PROPERTY, "jdknative");
        AirlockException e = assertThrows(AirlockException.class, ObjectFetch::requireCollisionDetection);
        assertTrue(e.getMessage().contains("turns off SHA-1 collision detection"), e.getMessage());
        assertTrue(e.getMessage().contains("JAVA_TOOL_OPTIONS"), e.getMessage());
    }

    @Test
    void theDefaultAndAnExplicitJavaChoiceAreAccepted() {
        assertDoesNotThrow(ObjectFetch::requireCollisionDetection);
        System.setProperty(PROPERTY, "java");
        assertDoesNotThrow(ObjectFetch::requireCollisionDetection);
    }
}
