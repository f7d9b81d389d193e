int is_admin = 0;
int is_​admin = 1;

int check(void) {
    return is_​admin;
}
