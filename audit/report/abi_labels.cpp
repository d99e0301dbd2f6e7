// Abbreviations that keep 17 and more ABI columns within a 100-column terminal.
#include "audit/report/abi_labels.h"

#include <string_view>

#include "arch-data/arch_table.h"

namespace manaudit::report {

namespace {

struct Abbrev {
    std::string_view arch;
    std::string_view abbrev;  ///< at most three characters
};
constexpr Abbrev kAbbrevs[] = {
    {"x86_64", "x64"},      {"i386", "i86"},       {"x32", "x32"},        {"arm64", "a64"},
    {"arm", "arm"},         {"riscv64", "rv"},     {"powerpc", "ppc"},    {"powerpc64le", "ple"},
    {"powerpc64", "p64"},   {"s390x", "s3x"},      {"mips-o32", "mo3"},   {"mips64-n32", "mn3"},
    {"mips64-n64", "mn6"},  {"sparc64", "sp6"},    {"alpha", "alp"},      {"parisc", "par"},
    {"m68k", "m68"},        {"sh", "sh"},          {"arc", "arc"},        {"loongarch64", "la6"},
    {"riscv32", "r32"},     {"sparc32", "sp3"},    {"parisc64", "p6"},    {"csky", "csk"},
    {"openrisc", "or1"},    {"nios2", "ni2"},      {"hexagon", "hex"},    {"xtensa", "xt"},
    {"microblaze", "mb"},   {"ia64", "i64"},
};

constexpr Abbrev kShort[] = {
    {"x86_64", "x6"},    {"i386", "i3"},     {"x32", "x2"},       {"arm64", "a6"},     {"arm", "ar"},
    {"riscv64", "r6"},   {"riscv32", "r2"},  {"powerpc", "pc"},   {"powerpc64", "p6"}, {"powerpc64le", "pl"},
    {"s390x", "s3"},     {"mips-o32", "mo"}, {"mips64-n32", "mn"}, {"mips64-n64", "m6"}, {"sparc64", "s6"},
    {"sparc32", "s2"},   {"alpha", "al"},    {"parisc", "pa"},    {"m68k", "m8"},      {"sh", "sh"},
    {"arc", "ac"},       {"loongarch64", "la"}, {"csky", "ck"},   {"openrisc", "or"},  {"nios2", "n2"},
    {"hexagon", "hx"},   {"xtensa", "xt"},   {"microblaze", "mb"}, {"parisc64", "p4"}, {"ia64", "ia"},
};

}  // namespace

std::string short_abbrev(const std::string& arch) {
    for (const auto& a : kShort)
        if (a.arch == arch) return std::string(a.abbrev);
    return arch.substr(0, 2);
}

Column make_column(const std::string& arch, const std::string& kernel) {
    Column c{arch, arch.substr(0, 3), arch, kernel};
    for (const auto& a : kAbbrevs)
        if (a.arch == arch) c.abbrev = a.abbrev;
    if (const auto* info = archdata::find_arch(arch)) c.display = info->display;
    return c;
}

}  // namespace manaudit::report
