// The syscall-signature-differs check: a raw call whose kernel entry point
// takes its arguments differently on some ABIs.
#pragma once

#include "audit/check.h"

namespace manaudit::audit {

class SyscallSignatureDiffersCheck : public Check {
public:
    CheckInfo info() const override;
    void run(const manpages::Page& page, const AuditContext& context,
             std::vector<Finding>& findings) const override;
};

}  // namespace manaudit::audit
