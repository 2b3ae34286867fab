/* glibc's malloc settings (mallopt), which the Glibc module does not export: svtk's commands share one pool. */
#include <malloc.h>
