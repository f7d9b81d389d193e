package airlock.ui.navigate;

/** One row of the navigation results panel: a label (already escaped) and where it leads, if anywhere. */
record ResultItem(String label, Location target) {
    @Override
    public String toString() {
        return label;
    }
}
