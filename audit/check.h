// The interface every check implements, and what a check may look at.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "arch-data/arch_facts.h"
#include "arch-data/libc_facts.h"
#include "audit/finding.h"
#include "manpages/page.h"

namespace manaudit::audit {

class FactsMemo;
class PageMemo;

/// What a check says about itself: a stable id, one line of description, a severity.
struct CheckInfo {
    std::string_view id;           ///< kebab-case, stable: "syscall-missing-on-arch"
    std::string_view description;  ///< one line, lower-case start
    Severity severity = Severity::warning;
};

/// The facts a check audits against: one ArchFacts per audited arch, in
/// table order, and the C library's facts for those of them that have one
/// (empty when none were loaded; see audit/libc_view.h).
struct AuditContext {
    std::span<const archdata::ArchFacts> facts;
    std::span<const archdata::LibcFacts> libc = {};
    /// Every page of the release, for what a page defers to another for
    /// (the forms a function's own page accepts).
    std::span<const manpages::Page> release = {};
    /// What the checks share of the page being audited (set by the engine;
    /// null when a check runs on its own).
    const PageMemo* page_memo = nullptr;
    /// What the checks share of the facts (set by the engine; null when a
    /// check runs on its own).
    const FactsMemo* facts_memo = nullptr;
};

/// One check: reads one page and the facts, appends findings. Never writes files.
class Check {
public:
    virtual ~Check() = default;
    virtual CheckInfo info() const = 0;
    virtual void run(const manpages::Page& page, const AuditContext& context,
                     std::vector<Finding>& findings) const = 0;
};

}  // namespace manaudit::audit
