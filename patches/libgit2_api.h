// The libgit2 functions patches/ calls, from the library opened at run time
// (base/shared_library.h): only the commands that write diffs load it.
#pragma once

#include <git2.h>

#include "base/shared_library.h"

namespace manaudit::patches {

// Every libgit2 function patches/ calls; one line each.
#define MANAUDIT_LIBGIT2_FUNCTIONS(X) \
    X(git_libgit2_init)               \
    X(git_error_last)                 \
    X(git_odb_hash)                   \
    X(git_oid_tostr)                  \
    X(git_diff_options_init)          \
    X(git_patch_from_buffers)         \
    X(git_patch_free)                 \
    X(git_patch_to_buf)               \
    X(git_patch_line_stats)           \
    X(git_buf_dispose)

struct Libgit2 {
    MANAUDIT_LIBGIT2_FUNCTIONS(MANAUDIT_FUNCTION_POINTER)
};

/// libgit2, loaded and initialised on the first call (thread-safe); throws
/// std::runtime_error when it cannot be loaded.
const Libgit2& libgit2();

}  // namespace manaudit::patches
