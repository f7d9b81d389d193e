package airlock.ui.navigate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NavigationHistoryTest {
    private final Location a = new Location("a.c", 1);
    private final Location b = new Location("b.c", 20);
    private final Location c = new Location("c.c", 5);

    @Test
    void backAndForwardRetraceJumps() {
        NavigationHistory h = new NavigationHistory();
        assertFalse(h.canGoBack());
        h.jumped(a); // a -> b
        h.jumped(b); // b -> c
        assertEquals(Optional.of(b), h.back(c));
        assertEquals(Optional.of(a), h.back(b));
        assertTrue(h.back(a).isEmpty());
        assertEquals(Optional.of(b), h.forward(a));
        assertEquals(Optional.of(c), h.forward(b));
        assertFalse(h.canGoForward());
    }

    @Test
    void aNewJumpDropsForwardHistory() {
        NavigationHistory h = new NavigationHistory();
        h.jumped(a);
        h.back(b);
        assertTrue(h.canGoForward());
        h.jumped(a);
        assertFalse(h.canGoForward());
    }
}
