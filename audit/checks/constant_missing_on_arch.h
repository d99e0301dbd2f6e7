// The constant-missing-on-arch check: a documented constant undefined on some arches.
#pragma once

#include "audit/check.h"

namespace manaudit::audit {

class ConstantMissingOnArchCheck : public Check {
public:
    CheckInfo info() const override;
    void run(const manpages::Page& page, const AuditContext& context,
             std::vector<Finding>& findings) const override;
};

}  // namespace manaudit::audit
