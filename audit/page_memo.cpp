// Per-page results shared between checks.
#include "audit/page_memo.h"

namespace manaudit::audit {

const std::vector<std::string>& PageMemo::syscall_names() const {
    if (!syscall_names_)
        syscall_names_ = facts_memo_ ? page_syscall_names(page_, *facts_memo_) : page_syscall_names(page_, facts_);
    return *syscall_names_;
}

const std::vector<X86ExistenceClaim>& PageMemo::x86_existence_claims() const {
    if (!x86_claims_) x86_claims_ = find_x86_existence_claims(page_, syscall_names());
    return *x86_claims_;
}

std::vector<std::string> page_syscall_names(const manpages::Page& page, const AuditContext& context) {
    if (context.page_memo && context.page_memo->is_for(page, context.facts)) return context.page_memo->syscall_names();
    if (context.facts_memo && context.facts_memo->is_for(context.facts))
        return page_syscall_names(page, *context.facts_memo);
    return page_syscall_names(page, context.facts);
}

std::vector<X86ExistenceClaim> x86_existence_claims(const manpages::Page& page, const AuditContext& context) {
    if (context.page_memo && context.page_memo->is_for(page, context.facts))
        return context.page_memo->x86_existence_claims();
    return find_x86_existence_claims(page, context.facts);
}

}  // namespace manaudit::audit
