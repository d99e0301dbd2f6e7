// The kernel's syscall tables (`*.tbl`):
// `<number> <abi> <name> [<entry> [<compat entry> [noreturn]]]`, "-" for an empty column.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace manaudit::kernel {

struct TableEntry {
    std::int64_t number = 0;   ///< as written, before the ABI's offset
    std::string abi;           ///< "common", "64", "i386", "time32", ...
    std::string name;          ///< "openat"
    std::string entry;         ///< "sys_openat"; empty for a reserved slot
    std::string compat_entry;  ///< "compat_sys_openat"; often empty
    int line = 0;
};

/// Parses a table's text. A malformed line gets a diagnostic naming `path`
/// and its line, and is skipped; the rest is read.
std::vector<TableEntry> parse_syscall_table(std::string_view text, const std::string& path, Diagnostics& diags);

/// True when an entry point means "not implemented": none, or sys_ni_syscall.
bool is_unimplemented_entry(std::string_view entry);

}  // namespace manaudit::kernel
