#include <stdio.h>

int main(void) {
    char line[128] = {0};
    FILE *f = fopen("/etc/greet.conf", "r");
    if (!f) { perror("/etc/greet.conf"); return 1; }
    if (!fgets(line, sizeof line, f)) return 1;
    printf("%s", line);
    return 0;
}
