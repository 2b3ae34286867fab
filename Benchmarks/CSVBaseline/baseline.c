#include "baseline.h"
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

struct counts { long long numbers; size_t rows; };

static void on_field(void *s, size_t len, void *data) {
    struct counts *c = data;
    char *end;
    if (len == 0) return;
    strtod((const char *)s, &end);
    if (end == (char *)s + len) c->numbers++;
}

static void on_row(int ch, void *data) {
    (void)ch;
    ((struct counts *)data)->rows++;
}

long long svtk_baseline_parse(const char *path, size_t *rows) {
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    struct csv_parser p;
    csv_init(&p, CSV_STRICT | CSV_APPEND_NULL);
    struct counts c = {0, 0};
    static char buffer[1 << 20];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, f)) > 0) {
        if (csv_parse(&p, buffer, n, on_field, on_row, &c) != n) break;
    }
    csv_fini(&p, on_field, on_row, &c);
    csv_free(&p);
    fclose(f);
    *rows = c.rows;
    return c.numbers;
}
