// The header-missing-on-arch check: a SYNOPSIS header some ABIs do not have.
#pragma once

#include "audit/check.h"

namespace manaudit::audit {

class HeaderMissingOnArchCheck : public Check {
public:
    CheckInfo info() const override;
    void run(const manpages::Page& page, const AuditContext& context,
             std::vector<Finding>& findings) const override;
};

}  // namespace manaudit::audit
