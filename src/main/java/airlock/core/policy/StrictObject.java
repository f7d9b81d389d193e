package airlock.core.policy;

import airlock.core.AirlockException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the members of one JSON object by name and type; every error names the field by its
 * dotted path ({@code export.maxSnippetLinesPerFinding}). {@link #finish} refuses members that
 * were never asked for, so a misspelt or unknown rule is an error, never silently ignored.
 */
final class StrictObject {
    private final Map<?, ?> members;
    private final String path;
    private final Set<String> read = new HashSet<>();

    private StrictObject(Map<?, ?> members, String path) {
        this.members = members;
        this.path = path;
    }

    /** Opens an object whose members must all be among {@code known}; an unknown one is named first. */
    static StrictObject of(Object value, String path, String... known) throws AirlockException {
        if (!(value instanceof Map<?, ?> map)) {
            throw wrongType(path, "an object", value);
        }
        StrictObject object = new StrictObject(map, path);
        object.read.addAll(Set.of(known));
        object.finish();
        object.read.clear();
        return object;
    }

    StrictObject object(String name, String... known) throws AirlockException {
        return of(required(name), at(name), known);
    }

    String string(String name, int maxLength) throws AirlockException {
        Object value = required(name);
        if (!(value instanceof String s)) {
            throw wrongType(at(name), "a string", value);
        }
        if (s.length() > maxLength) {
            throw new AirlockException("policy.field.invalid", "Policy field " + at(name) + " is longer than "
                    + maxLength + " characters");
        }
        return s;
    }

    boolean bool(String name) throws AirlockException {
        Object value = required(name);
        if (!(value instanceof Boolean b)) {
            throw wrongType(at(name), "true or false", value);
        }
        return b;
    }

    int integer(String name, int min, int max) throws AirlockException {
        Object value = required(name);
        if (!(value instanceof Long n)) {
            throw wrongType(at(name), "an integer", value);
        }
        if (n < min || n > max) {
            throw new AirlockException("policy.field.invalid", "Policy field " + at(name) + " is " + n
                    + "; it must be between " + min + " and " + max);
        }
        return n.intValue();
    }

    List<String> strings(String name, int maxItems) throws AirlockException {
        Object value = required(name);
        if (!(value instanceof List<?> list)) {
            throw wrongType(at(name), "a list of strings", value);
        }
        if (list.size() > maxItems) {
            throw new AirlockException("policy.field.invalid", "Policy field " + at(name) + " has " + list.size()
                    + " items; at most " + maxItems + " are allowed");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s)) {
                throw wrongType(at(name) + "[" + i + "]", "a string", list.get(i));
            }
            out.add(s);
        }
        return out;
    }

    List<Object> list(String name, int maxItems) throws AirlockException {
        Object value = required(name);
        if (!(value instanceof List<?> list)) {
            throw wrongType(at(name), "a list", value);
        }
        if (list.size() > maxItems) {
            throw new AirlockException("policy.field.invalid", "Policy field " + at(name) + " has " + list.size()
                    + " items; at most " + maxItems + " are allowed");
        }
        return new ArrayList<>(list);
    }

    boolean has(String name) {
        return members.containsKey(name);
    }

    String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    void finish() throws AirlockException {
        Set<String> unknown = new TreeSet<>();
        for (Object key : members.keySet()) {
            if (!read.contains(key)) {
                unknown.add(String.valueOf(key));
            }
        }
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw new AirlockException("policy.field.unknown", "Policy field " + at(first)
                    + " is not a known rule (unknown fields are refused so that no rule is silently ignored)");
        }
    }

    private Object required(String name) throws AirlockException {
        read.add(name);
        if (!members.containsKey(name)) {
            throw new AirlockException("policy.field.missing", "Policy field " + at(name) + " is missing");
        }
        return members.get(name);
    }

    private static AirlockException wrongType(String field, String expected, Object value) {
        String actual = value == null ? "null" : value instanceof Map ? "an object" : value instanceof List ? "a list"
                : value instanceof String ? "a string" : value instanceof Boolean ? "a boolean" : "a number";
        return new AirlockException("policy.field.type", "Policy field " + (field.isEmpty() ? "(the document)" : field)
                + " must be " + expected + ", but is " + actual);
    }
}
