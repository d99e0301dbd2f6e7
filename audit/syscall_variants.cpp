// Variants and renames of system calls, by name and filed per ABI.
#include "audit/syscall_variants.h"

#include "arch-data/arch_table.h"

namespace manaudit::audit {

namespace {

constexpr std::string_view kServiceVariantSuffixes[] = {"64", "2", "64_64", "_time64", "_time32"};
constexpr std::string_view kHeaderRenamePrefixes[] = {"new", "_new", "_", "u"};

// "arm" in arm_fadvise64_64: the arch prefix before the first underscore,
// or nothing.
std::string_view leading_arch_prefix(std::string_view candidate) {
    const auto underscore = candidate.find('_');
    if (underscore == std::string_view::npos || underscore == 0) return {};
    const auto prefix = candidate.substr(0, underscore);
    return archdata::find_arch_name(prefix) ? prefix : std::string_view();
}

}  // namespace

bool is_variant_of(std::string_view candidate, std::string_view name) {
    // Every variant spells the name inside it: most candidates fail here.
    if (candidate.size() <= name.size() || candidate.find(name) == std::string_view::npos) return false;
    if (candidate.starts_with(name)) {
        const auto suffix = candidate.substr(name.size());
        for (auto known : kServiceVariantSuffixes)
            if (suffix == known) return true;
    }
    if (candidate.size() == name.size() + 3 && candidate.starts_with("rt_") && candidate.ends_with(name)) return true;
    // An arch prefix: arm_fadvise64_64 for fadvise64_64, riscv_flush_icache.
    if (const auto prefix = leading_arch_prefix(candidate); !prefix.empty()) {
        const auto rest = candidate.substr(prefix.size() + 1);
        if (rest == name || is_variant_of(rest, name)) return true;
    }
    return false;
}

bool is_rename_of(std::string_view candidate, std::string_view name) {
    if (!candidate.ends_with(name)) return false;
    const auto prefix = candidate.substr(0, candidate.size() - name.size());
    for (auto known : kHeaderRenamePrefixes)
        if (prefix == known) return true;
    return false;
}

std::vector<std::string_view> variant_bases(std::string_view candidate) {
    // is_variant_of's rules read backwards: each takes a suffix or a prefix off.
    std::vector<std::string_view> bases;
    for (auto suffix : kServiceVariantSuffixes)
        if (candidate.size() > suffix.size() && candidate.ends_with(suffix))
            bases.push_back(candidate.substr(0, candidate.size() - suffix.size()));
    if (candidate.size() > 3 && candidate.starts_with("rt_")) bases.push_back(candidate.substr(3));
    if (const auto prefix = leading_arch_prefix(candidate); !prefix.empty() && candidate.size() > prefix.size() + 1) {
        const auto rest = candidate.substr(prefix.size() + 1);
        bases.push_back(rest);
        for (auto base : variant_bases(rest)) bases.push_back(base);
    }
    return bases;
}

SyscallVariants::SyscallVariants(const archdata::ArchFacts& facts) {
    for (const auto& [name, call] : facts.syscalls) {
        if (!call.implemented) continue;
        const std::string_view candidate = name;
        for (auto base : variant_bases(candidate)) variants_[base].push_back(candidate);
        for (auto prefix : kHeaderRenamePrefixes)
            if (candidate.size() > prefix.size() && candidate.starts_with(prefix))
                renames_[candidate.substr(prefix.size())].push_back(candidate);
    }
}

}  // namespace manaudit::audit
