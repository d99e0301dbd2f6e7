// Extracting one architecture's facts from its kernel headers with libclang.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "arch-data/arch_facts.h"
#include "arch-data/arch_table.h"
#include "base/diagnostic.h"
#include "parsers/kernel/kernel_tree.h"

namespace manaudit::headers {

struct ExtractResult {
    std::string arch_id;
    std::optional<archdata::ArchFacts> facts;  ///< nullopt when the arch failed
    Diagnostics diags;                         ///< why it failed, or notes
};

/// The include dir the arch's headers are read from by default: /usr/<triple>/include.
std::string default_sysroot(const archdata::ArchInfo& arch);

/// Where one arch's facts come from: an include dir (default_sysroot when
/// empty) and, optionally, the kernel source tree whose syscall tables say
/// which numbers are implemented (then `sysroot` is that tree's
/// `make headers_install` output for the arch).
struct Source {
    std::string sysroot;
    const kernel::KernelTree* tree = nullptr;
};

/// Extracts syscalls, errnos, constants and struct layouts for `arch` from the
/// headers under `sysroot` (default_sysroot(arch) when empty). Loads libclang
/// at the first call; if it cannot be loaded, the result says so.
ExtractResult extract_arch(const archdata::ArchInfo& arch, const std::string& sysroot = {});
ExtractResult extract_arch(const archdata::ArchInfo& arch, const Source& source);

/// Extracts several arches on `jobs` threads (one libclang index each);
/// results come back in the order of `arches`, whatever order they finish in.
std::vector<ExtractResult> extract_arches(std::span<const archdata::ArchInfo* const> arches, int jobs);
/// The same with a source per arch (`sources` parallel to `arches`).
std::vector<ExtractResult> extract_arches(std::span<const archdata::ArchInfo* const> arches, int jobs,
                                          const std::vector<Source>& sources);

}  // namespace manaudit::headers
