#include <csv.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The C library's standard output stream, which Swift's print also writes to (Swift 6 cannot read the
   global `stdout` variable directly under strict concurrency). */
static inline FILE *svtk_standard_output(void) { return stdout; }

/* The rows that libcsv's field callback, svtk_row_add_field, assembles for the CSV module's RowParser: each
   field's bytes followed by a NUL, and where each field starts. The parser clears it after each row, or keeps
   appending rows when it reads a segment ahead for another thread. A field holding a NUL or a byte of 0x80 or above
   is left for the parser to check and decode, with the line it ended on. Written in C so that the callback, run
   once per field, is a plain copy. Offsets are 32-bit: what one buffer holds is under 4 GB. */
struct svtk_row {
    unsigned char *bytes;   /* the fields' bytes, each followed by a NUL */
    long byte_count;
    long byte_capacity;
    uint32_t *starts;       /* starts[i]: where field i starts; starts[field_count]: just past the last NUL */
    long *lines;            /* lines[i]: the line field i ended on, set only for a field with unusual bytes */
    long field_count;
    long field_capacity;
    long line;              /* the line being fed, set by the parser before each csv_parse */
    long first_unusual;     /* the first field with a NUL or a byte of 0x80 or above, or -1 */
    int out_of_memory;      /* set when a field could not be stored */
    void *owner;            /* the parser, for its row callback */
};

/* Makes room for a field of `length` bytes; 0 (and out_of_memory set) when memory runs out or the bytes would
   reach 4 GB. */
static inline int svtk_row_reserve(struct svtk_row *row, long length) {
    if (row->byte_count + length + 1 >= (long)UINT32_MAX) { row->out_of_memory = 1; return 0; }
    if (row->byte_count + length + 1 > row->byte_capacity) {
        long capacity = row->byte_capacity * 2;
        while (row->byte_count + length + 1 > capacity) capacity *= 2;
        unsigned char *bytes = realloc(row->bytes, (size_t)capacity);
        if (!bytes) { row->out_of_memory = 1; return 0; }
        row->bytes = bytes;
        row->byte_capacity = capacity;
    }
    if (row->field_count + 1 >= row->field_capacity) {
        long capacity = row->field_capacity * 2;
        uint32_t *starts = realloc(row->starts, (size_t)(capacity + 1) * sizeof(uint32_t));
        if (starts) row->starts = starts;
        long *lines = starts ? realloc(row->lines, (size_t)(capacity + 1) * sizeof(long)) : NULL;
        if (lines) row->lines = lines;
        if (!starts || !lines) { row->out_of_memory = 1; return 0; }
        row->field_capacity = capacity;
    }
    return 1;
}

/* Sets up an empty row; 0 when memory runs out. */
static inline int svtk_row_init(struct svtk_row *row, void *owner) {
    struct svtk_row empty = {0};
    *row = empty;
    row->owner = owner;
    row->first_unusual = -1;
    row->byte_capacity = 4096;
    row->field_capacity = 64;
    row->bytes = malloc((size_t)row->byte_capacity);
    row->starts = malloc((size_t)(row->field_capacity + 1) * sizeof(uint32_t));
    row->lines = malloc((size_t)(row->field_capacity + 1) * sizeof(long));
    if (!row->bytes || !row->starts || !row->lines) return 0;
    row->starts[0] = 0;
    return 1;
}

/* Empties the row, keeping its memory. */
static inline void svtk_row_clear(struct svtk_row *row) {
    row->byte_count = 0;
    row->field_count = 0;
    row->first_unusual = -1;
}

static inline void svtk_row_free(struct svtk_row *row) {
    free(row->bytes);
    free(row->starts);
    free(row->lines);
}

/* libcsv's field callback: appends the field to the row given as the context. */
static inline void svtk_row_add_field(void *field, size_t size, void *context) {
    struct svtk_row *row = (struct svtk_row *)context;
    long length = (long)size;
    if ((row->byte_count + length + 1 > row->byte_capacity || row->field_count + 1 >= row->field_capacity)
        && !svtk_row_reserve(row, length)) return;
    const unsigned char *source = (const unsigned char *)field;
    unsigned char *target = row->bytes + row->byte_count;
    /* Bit 7 of a byte of `unusual`: a byte of 0x80 or above, or a NUL (0 - 1 wraps to 0xFF). A word at a time,
       where a borrow reaches a byte only from a NUL below it, so a word's flags are set exactly when one of its
       bytes is unusual. A field's tail, and a field of four to seven bytes, is taken as two words that overlap, each
       within the field: no byte outside it is read or written, and a byte seen twice is flagged the same. */
    uint64_t unusual = 0;
    if (length >= 8) {
        uint64_t word;
        for (long i = 0; i + 8 <= length; i += 8) {
            memcpy(&word, source + i, 8);
            memcpy(target + i, &word, 8);
            unusual |= word | (word - 0x0101010101010101ULL);
        }
        memcpy(&word, source + length - 8, 8);
        memcpy(target + length - 8, &word, 8);
        unusual |= word | (word - 0x0101010101010101ULL);
    } else if (length >= 4) {
        uint32_t head, tail;
        memcpy(&head, source, 4);
        memcpy(&tail, source + length - 4, 4);
        memcpy(target, &head, 4);
        memcpy(target + length - 4, &tail, 4);
        unusual = (uint64_t)(head | (head - 0x01010101U)) | (tail | (tail - 0x01010101U));
    } else {
        for (long i = 0; i < length; i++) {
            unsigned char b = source[i];
            unusual |= b | (unsigned char)(b - 1);
            target[i] = b;
        }
    }
    target[length] = 0;
    if (unusual & 0x8080808080808080ULL) {
        row->lines[row->field_count] = row->line;
        if (row->first_unusual < 0) row->first_unusual = row->field_count;
    }
    row->byte_count += length + 1;
    row->field_count += 1;
    row->starts[row->field_count] = (uint32_t)row->byte_count;
}
