// Arch aliases: the arch table's Debian names and header triples, and the
// spellings of uname -m and the GNU toolchain that are not in the table.
#include "arch-data/arch_aliases.h"

#include <algorithm>
#include <cctype>

#include "arch-data/arch_table.h"

namespace manaudit::archdata {

namespace {

struct Alias {
    std::string_view name;
    std::string_view id;
};
constexpr Alias kAliases[] = {
    {"x86-64", "x86_64"},      {"x64", "x86_64"},          {"i486", "i386"},          {"i586", "i386"},
    {"i686", "i386"},          {"ia32", "i386"},           {"aarch64", "arm64"},      {"armv7", "arm"},
    {"armv7l", "arm"},         {"riscv", "riscv64"},       {"ppc", "powerpc"},        {"ppc64le", "powerpc64le"},
    {"ppc64", "powerpc64"},    {"mipsn32", "mips-n32"},    {"mips64", "mips64-n64"},  {"sparc64", "sparc64"},
    {"hppa", "parisc"},        {"sh4", "sh"},              {"loong64", "loongarch64"}, {"loongarch", "loongarch64"},
};

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

}  // namespace

std::string resolve_arch_alias(std::string_view name) {
    if (find_arch(name)) return std::string(name);
    const std::string key = lower(name);
    for (const ArchInfo& a : all_arches()) {
        if (lower(a.id) == key || a.debian_arch == key) return std::string(a.id);
        // The triple's first part: "aarch64" of aarch64-linux-gnu, "mips64el" of mips64el-linux-gnuabi64.
        if (a.triple.substr(0, a.triple.find('-')) == key) return std::string(a.id);
    }
    for (const Alias& a : kAliases)
        if (a.name == key) return std::string(a.id);
    return std::string(name);
}

}  // namespace manaudit::archdata
