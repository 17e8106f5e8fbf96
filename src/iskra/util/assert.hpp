#pragma once

#include <cstdio>
#include <cstdlib>

/// Checks one of our own invariants (never user input). On in debug and sanitizer builds.
#if defined(ISKRA_DEBUG_ASSERTS)
#define ISKRA_ASSERT(cond, what)                                                                \
    do {                                                                                        \
        if (!(cond)) {                                                                          \
            std::fprintf(                                                                       \
                stderr, "%s:%d: assertion failed: %s (%s)\n", __FILE__, __LINE__, #cond, what); \
            std::abort();                                                                       \
        }                                                                                       \
    } while (false)
#else
#define ISKRA_ASSERT(cond, what) \
    do {                         \
        (void)sizeof(cond);      \
    } while (false)
#endif
