#include <stdio.h>
#include <zlib.h>

int main(int argc, char **argv) {
    FILE *f = fopen(argc > 1 ? argv[1] : "/dev/stdin", "r");
    if (!f) return 2;
    int c, lines = 0;
    while ((c = fgetc(f)) != EOF) if (c == '\n') lines++;
    printf("lines: %d (zlib %s)\n", lines, zlibVersion());
    return 0;
}
