// The other names a system call goes by on some ABI: variants of the same
// service (fstatat64, rt_sigaction, arm_fadvise64_64) and a header's other
// spellings (_newselect, ugetrlimit, newfstatat).
#pragma once

#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "arch-data/arch_facts.h"

namespace manaudit::audit {

/// Whether `candidate` is a variant of the call `name`: `name` with a known
/// suffix (64, 2, 64_64, _time64, _time32), rt_ before it, or an arch's
/// prefix before either.
bool is_variant_of(std::string_view candidate, std::string_view name);

/// Whether `candidate` is `name` under a header's other spelling: new, _new,
/// _ or u before it.
bool is_rename_of(std::string_view candidate, std::string_view name);

/// Every name `candidate` is a variant of: is_variant_of(candidate, n) holds
/// exactly for the non-empty names n listed, in no particular order.
std::vector<std::string_view> variant_bases(std::string_view candidate);

/// One ABI's implemented system calls filed under the calls they are
/// variants or renames of, so that finding them is a lookup instead of a
/// walk over every call of the ABI. Views into the facts' names: the facts
/// must outlive it.
class SyscallVariants {
public:
    explicit SyscallVariants(const archdata::ArchFacts& facts);
    /// The index keeps views into the facts: a temporary would leave them dangling.
    explicit SyscallVariants(archdata::ArchFacts&&) = delete;

    /// The ABI's implemented calls that are variants of `name`, in name order.
    std::span<const std::string_view> variants_of(std::string_view name) const { return in(variants_, name); }
    /// The ABI's implemented calls that are renames of `name`, in name order.
    std::span<const std::string_view> renames_of(std::string_view name) const { return in(renames_, name); }

private:
    using Filed = std::unordered_map<std::string_view, std::vector<std::string_view>>;
    static std::span<const std::string_view> in(const Filed& filed, std::string_view name) {
        auto it = filed.find(name);
        return it == filed.end() ? std::span<const std::string_view>() : std::span<const std::string_view>(it->second);
    }

    Filed variants_;
    Filed renames_;
};

}  // namespace manaudit::audit
