// The prototype-mismatch check: a SYNOPSIS prototype against glibc's declaration per ABI.
#pragma once

#include "audit/check.h"

namespace manaudit::audit {

class PrototypeMismatchCheck : public Check {
public:
    CheckInfo info() const override;
    void run(const manpages::Page& page, const AuditContext& context,
             std::vector<Finding>& findings) const override;
};

}  // namespace manaudit::audit
