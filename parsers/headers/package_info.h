// Which Debian package (and version) installed a header tree.
#pragma once

#include <string>

#include "arch-data/arch_table.h"

namespace manaudit::headers {

struct PackageInfo {
    std::string name = "unknown";
    std::string version = "unknown";
};

/// For the default sysroot, the arch's linux-libc-dev-<debarch>-cross
/// package; otherwise whichever package owns <sysroot>/asm/unistd.h.
/// "unknown" for trees no package installed.
PackageInfo headers_package(const archdata::ArchInfo& arch, const std::string& sysroot, bool default_sysroot);

}  // namespace manaudit::headers
