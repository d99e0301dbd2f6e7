// Parsing a probe held in memory with libclang, and reading its errors.
#pragma once

#include <string>
#include <vector>

#include "arch-data/arch_table.h"
#include "base/diagnostic.h"
#include "parsers/headers/clang_handles.h"

namespace manaudit::headers {

/// The name the in-memory probe has in diagnostics and source locations.
inline constexpr const char* kProbeFile = "manaudit-probe.c";

/// The compiler arguments for `arch` with headers from `sysroot` only.
std::vector<std::string> clang_args(const archdata::ArchInfo& arch, const std::string& sysroot);

/// The clang builtin headers' dir (stddef.h, stdarg.h), which -nostdinc
/// drops; empty when it was not found at build time.
std::string clang_resource_include_dir();

struct Location {
    std::string file;
    unsigned line = 0;
    unsigned column = 0;
};
Location expansion_location(CXSourceLocation loc);

/// Parses `source` as the probe file; false with `error` set when libclang fails.
bool parse(CXIndex index, const std::vector<std::string>& args, const std::string& source, unsigned options,
           TranslationUnit& tu, std::string& error);

/// Errors of a parse as diagnostics naming the header and line.
Diagnostics errors_of(CXTranslationUnit tu);

}  // namespace manaudit::headers
