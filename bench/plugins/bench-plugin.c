/* A validator plugin for the benchmarks, in C so its own start-up and parsing cost next to nothing.
 *   bench-plugin noop  answers initialize and every request with no diagnostics
 *   bench-plugin echo  answers a request with about as many bytes of diagnostics as the request had
 * Run with no input at all, it exits at once: that is the "bare spawn" the host overhead is measured against. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *init =
    "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"protocolVersion\":1,\"plugin\":{\"name\":\"bench\",\"version\":\"1\"},"
    "\"capabilities\":{\"validate\":{\"rules\":[{\"code\":\"BEN001\",\"severity\":\"info\",\"summary\":\"bench\"}]}}}}\n";

int main(int argc, char **argv) {
    int echo = argc > 1 && strcmp(argv[1], "echo") == 0;
    char *line = NULL;
    size_t capacity = 0;
    ssize_t length;
    while ((length = getline(&line, &capacity, stdin)) > 0) {
        if (strstr(line, "\"method\":\"initialize\"")) {
            fputs(init, stdout);
        } else if (strstr(line, "\"id\":2")) {
            fputs("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"diagnostics\":[", stdout);
            if (echo) {
                char message[1001];
                memset(message, 'x', 1000);
                message[1000] = 0;
                long count = length / 1060;
                for (long i = 0; i < count; i++) {
                    printf("%s{\"severity\":\"info\",\"code\":\"BEN001\",\"message\":\"%s\"}", i ? "," : "", message);
                }
            }
            fputs("]}}\n", stdout);
        }
        fflush(stdout);
    }
    free(line);
    return 0;
}
