// The constant-value-differs check: a constant's stated value that differs on other arches.
#pragma once

#include "audit/check.h"

namespace manaudit::audit {

class ConstantValueDiffersCheck : public Check {
public:
    CheckInfo info() const override;
    void run(const manpages::Page& page, const AuditContext& context,
             std::vector<Finding>& findings) const override;
};

}  // namespace manaudit::audit
