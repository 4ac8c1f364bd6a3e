#include <stdio.h>
#include <string.h>
#include <openssl/sha.h>

int main(void) {
    char line[256] = {0};
    FILE *f = fopen("words.txt", "r");
    if (!f) { perror("words.txt"); return 1; }
    if (!fgets(line, sizeof line, f)) return 1;
    fclose(f);
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256((unsigned char *)line, strlen(line), digest);
    printf("%s", line);
    for (int i = 0; i < 4; i++) printf("%02x", digest[i]);
    printf("\n");
    return 0;
}
