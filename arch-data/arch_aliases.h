// Names users type for an ABI (Debian arch, GNU triple, uname -m) and the id they mean.
#pragma once

#include <string>
#include <string_view>

namespace manaudit::archdata {

/// The ABI id `name` stands for: "amd64" and "x86-64" give "x86_64",
/// "aarch64" gives "arm64", "ppc64el" "powerpc64le", "armhf" "arm",
/// "loong64" "loongarch64". Case does not matter. An id, or a name this
/// table does not know, comes back unchanged.
std::string resolve_arch_alias(std::string_view name);

}  // namespace manaudit::archdata
