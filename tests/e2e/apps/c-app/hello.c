/* Tiny single-threaded HTTP server: answers every request with a fixed line. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    const char *env = getenv("PORT");
    int port = env ? atoi(env) : 18086;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(fd, 16) < 0) {
        perror("c-app");
        return 1;
    }
    printf("c-app listening on 127.0.0.1:%d\n", port);
    fflush(stdout);
    const char *body = "hello from c-app (gcc " __VERSION__ ")\n";
    char head[256], buf[4096];
    for (;;) {
        int c = accept(fd, NULL, NULL);
        if (c < 0) continue;
        (void)read(c, buf, sizeof buf);
        int n = snprintf(head, sizeof head,
                         "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                         "Content-Length: %zu\r\nConnection: close\r\n\r\n",
                         strlen(body));
        (void)write(c, head, n);
        (void)write(c, body, strlen(body));
        close(c);
    }
}
