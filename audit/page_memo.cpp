// Per-page results shared between checks.
#include "audit/page_memo.h"

namespace manaudit::audit {

const std::vector<X86ExistenceClaim>& PageMemo::x86_existence_claims() const {
    if (!x86_claims_) x86_claims_ = find_x86_existence_claims(page_, facts_);
    return *x86_claims_;
}

std::vector<X86ExistenceClaim> x86_existence_claims(const manpages::Page& page, const AuditContext& context) {
    if (context.page_memo && context.page_memo->is_for(page, context.facts))
        return context.page_memo->x86_existence_claims();
    return find_x86_existence_claims(page, context.facts);
}

}  // namespace manaudit::audit
