// The syscall-newer-than-facts check: a page documents a system call that no
// ABI of the facts knows, because the call is newer than the facts' kernel.
#pragma once

#include "audit/check.h"

namespace manaudit::audit {

class SyscallNewerThanFactsCheck : public Check {
public:
    CheckInfo info() const override;
    void run(const manpages::Page& page, const AuditContext& context,
             std::vector<Finding>& findings) const override;
};

}  // namespace manaudit::audit
