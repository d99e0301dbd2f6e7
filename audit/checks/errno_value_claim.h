// The errno-value-claim check: a numeric errno value stated in a page that differs across arches.
#pragma once

#include "audit/check.h"

namespace manaudit::audit {

class ErrnoValueClaimCheck : public Check {
public:
    CheckInfo info() const override;
    void run(const manpages::Page& page, const AuditContext& context,
             std::vector<Finding>& findings) const override;
};

}  // namespace manaudit::audit
