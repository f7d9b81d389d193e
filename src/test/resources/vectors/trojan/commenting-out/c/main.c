#include <stdio.h>

int main(void) {
    int is_admin = 0;
    /*‮ } ⁦if (is_admin)⁩ ⁦ begin admins only */
        printf("You are an admin.\n");
    /* end admins only ‮ { ⁦*/
    return 0;
}
