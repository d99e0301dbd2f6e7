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

/// The C library's development package for `arch` and its installed version:
/// libc6-dev for the host's own ABI, else the -cross package (alpha's is
/// libc6.1-dev-alpha-cross). "unknown" when it is not installed.
PackageInfo libc_package(const archdata::ArchInfo& arch, bool host);

}  // namespace manaudit::headers
