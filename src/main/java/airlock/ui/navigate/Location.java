package airlock.ui.navigate;

/** A place in the code: a path of the reviewed ref and a 1-based line. */
public record Location(String path, int line) {
}
