package airlock.ui.navigate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Back/forward history of jumps (Alt+Left / Alt+Right). No toolkit; tested with plain JUnit. */
public final class NavigationHistory {
    private static final int LIMIT = 200;
    private final Deque<Location> back = new ArrayDeque<>();
    private final Deque<Location> forward = new ArrayDeque<>();

    /** Records that the user jumps away from {@code from}; forward history is dropped. */
    public void jumped(Location from) {
        if (from == null || from.equals(back.peek())) {
            return;
        }
        back.push(from);
        if (back.size() > LIMIT) {
            back.removeLast();
        }
        forward.clear();
    }

    /** Where to go back to from {@code current}, remembering {@code current} for forward. */
    public Optional<Location> back(Location current) {
        if (back.isEmpty()) {
            return Optional.empty();
        }
        if (current != null) {
            forward.push(current);
        }
        return Optional.of(back.pop());
    }

    public Optional<Location> forward(Location current) {
        if (forward.isEmpty()) {
            return Optional.empty();
        }
        if (current != null) {
            back.push(current);
        }
        return Optional.of(forward.pop());
    }

    public boolean canGoBack() {
        return !back.isEmpty();
    }

    public boolean canGoForward() {
        return !forward.isEmpty();
    }
}
