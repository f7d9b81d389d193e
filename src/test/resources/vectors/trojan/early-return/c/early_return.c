#include <stdio.h>

int check(const char *bank) {
    /* Say hello‮ ⁦*/ return 0; /*⁩ ⁦ */
    printf("checked %s\n", bank);
    return 1;
}
