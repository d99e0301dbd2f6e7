// FactsMemo: per-ABI indexes of the facts, built on first use.
#include "audit/facts_memo.h"

namespace manaudit::audit {

FactsMemo::FactsMemo(std::span<const archdata::ArchFacts> facts)
    : facts_(facts),
      variants_once_(std::make_unique<std::once_flag[]>(facts.size())),
      variants_(std::make_unique<std::unique_ptr<const SyscallVariants>[]>(facts.size())) {}

const SyscallVariants& FactsMemo::syscall_variants(std::size_t abi) const {
    std::call_once(variants_once_[abi], [&] { variants_[abi] = std::make_unique<SyscallVariants>(facts_[abi]); });
    return *variants_[abi];
}

std::span<const std::uint8_t> FactsMemo::call_presence(std::string_view name) const {
    // Every ABI's calls at once: pages name their calls over and over, and
    // asking each ABI about each would cost a lookup per ABI every time.
    std::call_once(calls_once_, [&] {
        auto row = [&](std::string_view call) -> std::vector<std::uint8_t>& {
            auto& r = call_presence_[call];
            r.resize(facts_.size(), 0);
            return r;
        };
        for (std::size_t abi = 0; abi < facts_.size(); ++abi) {
            for (const auto& [call, syscall] : facts_[abi].syscalls)
                row(call)[abi] |= syscall.implemented ? kCallNumbered | kCallImplemented : kCallNumbered;
            for (const auto& [call, multiplexed] : facts_[abi].multiplexed) row(call)[abi] |= kCallMultiplexed;
        }
    });
    auto it = call_presence_.find(name);
    return it == call_presence_.end() ? std::span<const std::uint8_t>() : std::span<const std::uint8_t>(it->second);
}

std::span<const char> FactsMemo::errno_presence(std::string_view name) const {
    // Every ABI's errno names at once: ERRORS sections name a few dozen
    // errnos each, and asking each ABI about each would cost far more.
    std::call_once(errnos_once_, [&] {
        for (std::size_t abi = 0; abi < facts_.size(); ++abi)
            facts_[abi].errnos.for_each_name([&](std::string_view errno_name) {
                auto& row = errno_presence_[errno_name];
                row.resize(facts_.size(), 0);
                row[abi] = 1;
            });
    });
    auto it = errno_presence_.find(name);
    return it == errno_presence_.end() ? std::span<const char>() : std::span<const char>(it->second);
}

const FactsMemo& facts_memo(const AuditContext& context, std::unique_ptr<FactsMemo>& own) {
    if (context.facts_memo && context.facts_memo->is_for(context.facts)) return *context.facts_memo;
    own = std::make_unique<FactsMemo>(context.facts);
    return *own;
}

}  // namespace manaudit::audit
