// Syscall changes between two kernel generations' facts, per ABI.
#include <charconv>
#include <utility>

#include "audit/report/build_report.h"

namespace manaudit::report {

namespace {

std::vector<long> version_parts(const std::string& v) {
    std::vector<long> parts;
    const char* p = v.data();
    const char* end = v.data() + v.size();
    while (p < end) {
        long n = 0;
        auto [next, ec] = std::from_chars(p, end, n);
        if (ec != std::errc()) break;
        parts.push_back(n);
        p = next;
        if (p < end && *p == '.') ++p;
        else break;
    }
    return parts;
}

const archdata::ArchFacts* find_arch(std::span<const archdata::ArchFacts> facts, const std::string& id) {
    for (const auto& f : facts)
        if (f.provenance.arch_id == id) return &f;
    return nullptr;
}

}  // namespace

bool kernel_older(const std::string& a, const std::string& b) { return version_parts(a) < version_parts(b); }

KernelDiff kernel_diff(std::span<const archdata::ArchFacts> one, std::span<const archdata::ArchFacts> other) {
    KernelDiff diff;
    if (one.empty() || other.empty()) return diff;
    auto older = one, newer = other;
    if (kernel_older(other.front().provenance.kernel_version, one.front().provenance.kernel_version))
        std::swap(older, newer);
    diff.from_kernel = older.front().provenance.kernel_version;
    diff.to_kernel = newer.front().provenance.kernel_version;
    for (const auto& from : older) {
        const auto* to = find_arch(newer, from.provenance.arch_id);
        if (!to) continue;
        KernelDiffColumn col{from.provenance.arch_id, {}, {}, {}};
        for (const auto& [name, s] : to->syscalls) {
            const auto* was = from.syscall(name);
            if (!was) col.added.push_back(name);
            else if (was->number != s.number) col.renumbered.push_back({name, was->number, s.number});
        }
        for (const auto& [name, s] : from.syscalls)
            if (!to->syscall(name)) col.removed.push_back(name);
        diff.arches.push_back(std::move(col));
    }
    return diff;
}

}  // namespace manaudit::report
