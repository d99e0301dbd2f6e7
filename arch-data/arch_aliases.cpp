// Arch aliases, case-insensitively: the arch table's ids, Debian names,
// triples and aliases (find_arch_alias holds them).
#include "arch-data/arch_aliases.h"

#include <algorithm>
#include <cctype>

#include "arch-data/arch_table.h"

namespace manaudit::archdata {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

}  // namespace

std::string resolve_arch_alias(std::string_view name) {
    if (const ArchInfo* a = find_arch_alias(name)) return std::string(a->id);
    if (const ArchInfo* a = find_arch_alias(lower(name))) return std::string(a->id);
    return std::string(name);
}

}  // namespace manaudit::archdata
