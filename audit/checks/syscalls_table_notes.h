// The syscalls-table-notes check: the syscalls(2) table's notes checked against the facts.
#pragma once

#include "audit/check.h"

namespace manaudit::audit {

class SyscallsTableNotesCheck : public Check {
public:
    CheckInfo info() const override;
    void run(const manpages::Page& page, const AuditContext& context,
             std::vector<Finding>& findings) const override;
};

}  // namespace manaudit::audit
