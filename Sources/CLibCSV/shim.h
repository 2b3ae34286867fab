#include <csv.h>
#include <stdio.h>

/* The C library's standard output stream, which Swift's print also writes to (Swift 6 cannot read the
   global `stdout` variable directly under strict concurrency). */
static inline FILE *svtk_standard_output(void) { return stdout; }
