#ifndef SVTK_CSV_BASELINE_H
#define SVTK_CSV_BASELINE_H
#include <stddef.h>

/// The yardstick for the CSV layer: a plain C loop that feeds a file to libcsv in 1 MB blocks and runs
/// strtod on every field. Returns the number of fields that parsed as numbers, or -1 if the file cannot be read.
long long svtk_baseline_parse(const char *path, size_t *rows);

#endif
