// Extracting one architecture's facts from its kernel headers with libclang.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "arch-data/arch_facts.h"
#include "arch-data/arch_table.h"
#include "parsers/diagnostic.h"

namespace manaudit::headers {

struct ExtractResult {
    std::string arch_id;
    std::optional<archdata::ArchFacts> facts;  ///< nullopt when the arch failed
    Diagnostics diags;                         ///< why it failed, or notes
};

/// The include dir the arch's headers are read from by default: /usr/<triple>/include.
std::string default_sysroot(const archdata::ArchInfo& arch);

/// Extracts syscalls, errnos, constants and struct layouts for `arch` from the
/// headers under `sysroot` (default_sysroot(arch) when empty). Loads libclang
/// at the first call; if it cannot be loaded, the result says so.
ExtractResult extract_arch(const archdata::ArchInfo& arch, const std::string& sysroot = {});

/// Extracts several arches on `jobs` threads (one libclang index each);
/// results come back in the order of `arches`, whatever order they finish in.
std::vector<ExtractResult> extract_arches(std::span<const archdata::ArchInfo* const> arches, int jobs);

}  // namespace manaudit::headers
