// The struct-layout-differs check: a struct shown in a page whose layout differs across arches.
#pragma once

#include "audit/check.h"

namespace manaudit::audit {

class StructLayoutDiffersCheck : public Check {
public:
    CheckInfo info() const override;
    void run(const manpages::Page& page, const AuditContext& context,
             std::vector<Finding>& findings) const override;
};

}  // namespace manaudit::audit
