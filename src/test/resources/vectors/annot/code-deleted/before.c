#include <string.h>

static char buf[8];

int check(const char *p) {
    if (strlen(p) > 8) {
        return 1;
    }
    strcpy(buf, p);
    return 0;
}

int other(void) {
    return 0;
}
