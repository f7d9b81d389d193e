package airlock.testutil;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks what an object holds, to show what a process does NOT hold: every field of Airlock's own
 * classes (lambdas included), the elements of collections, maps, arrays and optionals, and the
 * values of JavaFX observables. Classes outside {@code airlock.} are not opened further.
 */
public final class ObjectGraph {
    private ObjectGraph() {
    }

    /** Every reachable object that is an instance of one of {@code forbidden}, as "Type (via path)". */
    public static List<String> findInstances(Object root, List<Class<?>> forbidden) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object[]> todo = new ArrayDeque<>();
        todo.add(new Object[] {root, root.getClass().getSimpleName()});
        List<String> found = new ArrayList<>();
        while (!todo.isEmpty()) {
            Object[] next = todo.poll();
            Object o = next[0];
            String path = (String) next[1];
            if (o == null || !seen.add(o)) {
                continue;
            }
            for (Class<?> type : forbidden) {
                if (type.isInstance(o)) {
                    found.add(type.getSimpleName() + " via " + path);
                }
            }
            if (o instanceof Collection<?> c) {
                for (Object e : c.toArray()) {
                    todo.add(new Object[] {e, path + "[]"});
                }
            } else if (o instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : List.copyOf(m.entrySet())) {
                    todo.add(new Object[] {e.getKey(), path + "{key}"});
                    todo.add(new Object[] {e.getValue(), path + "{value}"});
                }
            } else if (o instanceof Object[] a) {
                for (Object e : a) {
                    todo.add(new Object[] {e, path + "[]"});
                }
            } else if (o instanceof Optional<?> opt) {
                opt.ifPresent(v -> todo.add(new Object[] {v, path + ".get"}));
            } else if (o instanceof javafx.beans.value.ObservableValue<?> v && !o.getClass().getName().startsWith("airlock.")) {
                todo.add(new Object[] {v.getValue(), path + ".value"});
            }
            if (o.getClass().getName().startsWith("airlock.")) {
                for (Class<?> c = o.getClass(); c != null && c.getName().startsWith("airlock."); c = c.getSuperclass()) {
                    for (Field f : c.getDeclaredFields()) {
                        if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                            continue;
                        }
                        try {
                            f.setAccessible(true);
                            todo.add(new Object[] {f.get(o), path + "." + f.getName()});
                        } catch (RuntimeException | IllegalAccessException e) {
                            found.add("unreadable field " + c.getName() + "." + f.getName() + " via " + path);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** How many objects the walk visits from {@code root} (to show it went somewhere). */
    public static int size(Object root) {
        return findInstances(root, List.of(Object.class)).size();
    }
}
