// What several checks work out from the same page, worked out once per page.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "arch-data/arch_facts.h"
#include "audit/check.h"
#include "audit/facts_memo.h"
#include "audit/x86_claims.h"
#include "manpages/page.h"

namespace manaudit::audit {

/// Made by the engine for the page being audited, and read by its checks on
/// the one thread auditing that page.
class PageMemo {
public:
    /// `facts_memo`, when given, answers for `facts`.
    PageMemo(const manpages::Page& page, std::span<const archdata::ArchFacts> facts,
             const FactsMemo* facts_memo = nullptr)
        : page_(page), facts_(facts), facts_memo_(facts_memo) {}

    /// page_syscall_names for this page and these facts.
    const std::vector<std::string>& syscall_names() const;
    /// find_x86_existence_claims for this page and these facts.
    const std::vector<X86ExistenceClaim>& x86_existence_claims() const;

    /// Whether this memo answers for `page` audited against `facts`.
    bool is_for(const manpages::Page& page, std::span<const archdata::ArchFacts> facts) const {
        return &page == &page_ && facts.data() == facts_.data() && facts.size() == facts_.size();
    }

private:
    const manpages::Page& page_;
    std::span<const archdata::ArchFacts> facts_;
    const FactsMemo* facts_memo_;
    mutable std::optional<std::vector<std::string>> syscall_names_;
    mutable std::optional<std::vector<X86ExistenceClaim>> x86_claims_;
};

/// The page's syscall names, from the context's memos when they are this
/// page's and these facts', else worked out.
std::vector<std::string> page_syscall_names(const manpages::Page& page, const AuditContext& context);

/// The page's x86 existence claims, from the context's memo when it is this
/// page's, else worked out.
std::vector<X86ExistenceClaim> x86_existence_claims(const manpages::Page& page, const AuditContext& context);

}  // namespace manaudit::audit
