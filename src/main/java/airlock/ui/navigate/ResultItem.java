package airlock.ui.navigate;

/**
 * One row of the navigation results panel: a label (already escaped) and where it leads, if anywhere; a
 * reference also carries its code line, shown under its file's header with the name marked.
 */
record ResultItem(String label, Location target, CodeLine code) {
    ResultItem(String label, Location target) {
        this(label, target, null);
    }

    /**
     * The code line of a reference: columns [{@code from}, {@code to}) of {@code text} (repository text,
     * escaped only when drawn) are the name.
     */
    record CodeLine(String text, int from, int to) {
    }

    @Override
    public String toString() {
        return label;
    }
}
