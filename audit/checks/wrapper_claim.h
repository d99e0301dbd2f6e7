// The wrapper-claim check: what the page says about glibc's wrapper against glibc.
#pragma once

#include "audit/check.h"

namespace manaudit::audit {

class WrapperClaimCheck : public Check {
public:
    CheckInfo info() const override;
    void run(const manpages::Page& page, const AuditContext& context,
             std::vector<Finding>& findings) const override;
};

}  // namespace manaudit::audit
