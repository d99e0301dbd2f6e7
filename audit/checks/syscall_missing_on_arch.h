// The syscall-missing-on-arch check: a documented syscall with no number on some arches, the page silent about it.
#pragma once

#include "audit/check.h"

namespace manaudit::audit {

class SyscallMissingOnArchCheck : public Check {
public:
    CheckInfo info() const override;
    void run(const manpages::Page& page, const AuditContext& context,
             std::vector<Finding>& findings) const override;
};

}  // namespace manaudit::audit
