package airlock.protocol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the members of one decoded JSON object by name and type. {@link #finish} refuses any member
 * that was never asked for: a request that carries a {@code hash}, {@code time} or {@code seq} the
 * keeper did not ask for is refused, never silently ignored.
 */
final class Fields {
    private final Map<?, ?> members;
    private final String where;
    private final Set<String> read = new HashSet<>();

    Fields(Object value, String where) throws ProtocolException {
        if (!(value instanceof Map<?, ?> map)) {
            throw field(where + " must be an object");
        }
        this.members = map;
        this.where = where;
    }

    private Object raw(String name, boolean required) throws ProtocolException {
        read.add(name);
        Object v = members.get(name);
        if (v == null && required) {
            throw field(where + "." + name + " is required");
        }
        return v;
    }

    String text(String name) throws ProtocolException {
        Object v = raw(name, true);
        if (!(v instanceof String s)) {
            throw field(where + "." + name + " must be a string");
        }
        return s;
    }

    String optionalText(String name) throws ProtocolException {
        return members.get(name) == null ? mark(name) : text(name);
    }

    private String mark(String name) {
        read.add(name);
        return null;
    }

    long integer(String name) throws ProtocolException {
        Object v = raw(name, true);
        if (!(v instanceof Long n)) {
            throw field(where + "." + name + " must be an integer");
        }
        return n;
    }

    /** An int-valued member; the record constructor checks its range. */
    int small(String name) throws ProtocolException {
        long n = integer(name);
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw field(where + "." + name + " is out of range");
        }
        return (int) n;
    }

    Integer optionalSmall(String name) throws ProtocolException {
        if (members.get(name) == null) {
            read.add(name);
            return null;
        }
        return small(name);
    }

    boolean bool(String name) throws ProtocolException {
        Object v = raw(name, true);
        if (!(v instanceof Boolean b)) {
            throw field(where + "." + name + " must be true or false");
        }
        return b;
    }

    /** A list of at most {@code max} items (checked before any item is looked at). */
    List<?> list(String name, int max) throws ProtocolException {
        Object v = raw(name, true);
        if (!(v instanceof List<?> l)) {
            throw field(where + "." + name + " must be an array");
        }
        if (l.size() > max) {
            throw field(where + "." + name + " has more than " + max + " items");
        }
        return l;
    }

    List<String> texts(String name, int max) throws ProtocolException {
        List<String> out = new ArrayList<>();
        for (Object item : list(name, max)) {
            if (!(item instanceof String s)) {
                throw field(where + "." + name + " must hold strings");
            }
            out.add(s);
        }
        return out;
    }

    Fields object(String name) throws ProtocolException {
        return new Fields(raw(name, true), where + "." + name);
    }

    Fields optionalObject(String name) throws ProtocolException {
        if (members.get(name) == null) {
            read.add(name);
            return null;
        }
        return object(name);
    }

    Object value(String name) throws ProtocolException {
        return raw(name, true);
    }

    /** Any JSON value, null included (the member must be present). */
    Object optionalValue(String name) throws ProtocolException {
        if (!members.containsKey(name)) {
            throw field(where + "." + name + " is required");
        }
        read.add(name);
        return members.get(name);
    }

    /** Refuses members never read. */
    void finish() throws ProtocolException {
        for (Object key : members.keySet()) {
            if (!read.contains(key)) {
                throw field(where + " has an unknown member \"" + clip(String.valueOf(key)) + "\"");
            }
        }
    }

    static String clip(String s) {
        String head = s.length() > 64 ? s.substring(0, 64) + "…" : s;
        return airlock.core.text.VisibleText.escape(head);
    }

    static ProtocolException field(String message) {
        return new ProtocolException(Errors.FIELD, message);
    }
}
