int unrelated(void) {
    work();
    return 0;
}
