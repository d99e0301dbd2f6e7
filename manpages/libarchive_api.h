// The libarchive functions the tarball reader calls, from the library opened
// at run time (base/shared_library.h): only runs that read a tarball load it.
#pragma once

#include <archive.h>
#include <archive_entry.h>

#include "base/shared_library.h"

namespace manaudit::manpages {

// Every libarchive function manpages/ calls; one line each.
#define MANAUDIT_LIBARCHIVE_FUNCTIONS(X)   \
    X(archive_read_new)                    \
    X(archive_read_support_filter_all)     \
    X(archive_read_support_format_tar)     \
    X(archive_read_support_format_gnutar)  \
    X(archive_read_open_filename)          \
    X(archive_read_next_header)            \
    X(archive_read_data)                   \
    X(archive_read_free)                   \
    X(archive_error_string)                \
    X(archive_entry_pathname)              \
    X(archive_entry_filetype)              \
    X(archive_entry_hardlink)              \
    X(archive_entry_symlink)

struct Libarchive {
    MANAUDIT_LIBARCHIVE_FUNCTIONS(MANAUDIT_FUNCTION_POINTER)
};

/// libarchive, loaded on the first call (thread-safe); throws
/// std::runtime_error when it cannot be loaded.
const Libarchive& libarchive();

}  // namespace manaudit::manpages
