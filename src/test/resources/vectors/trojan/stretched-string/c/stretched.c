#include <string.h>

int is_user(const char *level) {
    if (strcmp(level, "user‮ ⁦// Check if admin⁩ ⁦")) {
        return 1;
    }
    return 0;
}
