package airlock.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExportPolicyTest {
    @Test
    void defaultAllowsNoCode() {
        assertNull(ExportPolicy.none().snippet("int x;"));
        assertNull(ExportPolicy.snippets(3).snippet(null));
    }

    @Test
    void longSnippetsAreCutAndSaySo() {
        ExportPolicy two = ExportPolicy.snippets(2);
        assertEquals("a\nb", two.snippet("a\nb"));
        assertEquals("a\nb\n[... 2 more lines cut by the room policy]", two.snippet("a\nb\nc\nd"));
    }

    @Test
    void contradictoryPoliciesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ExportPolicy(true, 0));
        assertThrows(IllegalArgumentException.class, () -> new ExportPolicy(false, -1));
    }
}
