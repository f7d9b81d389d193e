package airlock.core.cwe;

/**
 * One weakness or category of the catalogue.
 *
 * @param id          the number, 79 for CWE-79
 * @param name        e.g. "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')"
 * @param description the short description, or the full one when there is no short one, or ""
 * @param top25       whether it is in the 2020 CWE Top 25
 */
public record CweEntry(int id, String name, String description, boolean top25) {

    /** {@code CWE-79}. */
    public String label() {
        return "CWE-" + id;
    }

    public boolean deprecated() {
        return name.startsWith("DEPRECATED:");
    }
}
