// Only the reentrant (_r) GEOS API is visible to Swift: every call takes an explicit
// context, so the wrappers stay thread-safe without process-wide state.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
