// What several checks work out from the facts alone, worked out once a run.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "arch-data/arch_facts.h"
#include "audit/check.h"
#include "audit/syscall_variants.h"

namespace manaudit::audit {

/// Made by the engine before the pages are audited; read by every worker.
/// Each ABI's part is worked out when first asked for.
class FactsMemo {
public:
    explicit FactsMemo(std::span<const archdata::ArchFacts> facts);

    /// The variants and renames of calls on the ABI facts[abi].
    const SyscallVariants& syscall_variants(std::size_t abi) const;

    /// Which ABIs define errno `name`: entry i is 1 where facts[i] does;
    /// empty when none does.
    std::span<const char> errno_presence(std::string_view name) const;

    /// How each ABI provides call `name`, entry i for facts[i]: kCallNumbered
    /// (a number of its own, as syscall() finds it), kCallImplemented (as
    /// implemented_syscall() finds it), kCallMultiplexed (as
    /// multiplexed_call() finds it); 0 where none. Empty when no ABI has it.
    static constexpr std::uint8_t kCallNumbered = 1, kCallImplemented = 2, kCallMultiplexed = 4;
    std::span<const std::uint8_t> call_presence(std::string_view name) const;
    /// Whether an entry of call_presence says the ABI can make the call, as
    /// evidence's can_call() decides: implemented, or multiplexed.
    static bool callable(std::uint8_t how) { return (how & (kCallImplemented | kCallMultiplexed)) != 0; }

    /// Whether this memo answers for `facts`.
    bool is_for(std::span<const archdata::ArchFacts> facts) const {
        return facts.data() == facts_.data() && facts.size() == facts_.size();
    }

private:
    std::span<const archdata::ArchFacts> facts_;
    std::unique_ptr<std::once_flag[]> variants_once_;
    std::unique_ptr<std::unique_ptr<const SyscallVariants>[]> variants_;
    mutable std::once_flag calls_once_;
    mutable std::unordered_map<std::string_view, std::vector<std::uint8_t>> call_presence_;
    mutable std::once_flag errnos_once_;
    mutable std::unordered_map<std::string_view, std::vector<char>> errno_presence_;
};

/// The context's facts memo when it is for the context's facts, else one
/// made in `own` (a check run on its own).
const FactsMemo& facts_memo(const AuditContext& context, std::unique_ptr<FactsMemo>& own);

}  // namespace manaudit::audit
