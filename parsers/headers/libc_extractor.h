// Extracting one ABI's C-library facts (declarations, headers, typedefs,
// constants) for what the pages document, with libclang for the ABI's target.
#pragma once

#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "arch-data/arch_table.h"
#include "arch-data/libc_facts.h"
#include "base/diagnostic.h"

namespace manaudit::headers {

using archdata::LibcWanted;

/// Where an ABI's C library headers are.
struct LibcSource {
    std::vector<std::string> include_dirs;  ///< in search order
    bool host = false;  ///< the machine's own /usr/include (then only libc and kernel headers count)
};

/// /usr/<triple>/include when the ABI's C library package is installed there
/// (Debian's -cross packages), else the host's /usr/include/<triple> and /usr/include when
/// they hold it; nullopt when the ABI has no C library installed.
std::optional<LibcSource> default_libc_source(const archdata::ArchInfo& arch);

/// Headers that belong to the kernel's uapi (linux/, asm/, ...): their
/// existence is recorded, but the probe does not include them, since they
/// clash with the C library's own definitions.
bool is_kernel_header(std::string_view header);

struct LibcExtractResult {
    std::string arch_id;
    std::optional<archdata::LibcFacts> facts;  ///< nullopt when the ABI failed
    Diagnostics diags;
};

/// Parses one probe for `arch` (every wanted header that exists, with
/// _GNU_SOURCE) once, and reads the facts from it.
LibcExtractResult extract_libc(const archdata::ArchInfo& arch, const LibcSource& source, const LibcWanted& wanted);

/// Several ABIs on `jobs` threads; results in the order of `arches`.
std::vector<LibcExtractResult> extract_libc_arches(std::span<const archdata::ArchInfo* const> arches,
                                                   const std::vector<LibcSource>& sources,
                                                   const LibcWanted& wanted, int jobs);

}  // namespace manaudit::headers
