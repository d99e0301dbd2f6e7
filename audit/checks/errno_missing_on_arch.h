// The errno-missing-on-arch check: an errno in ERRORS that some arch does not define.
#pragma once

#include "audit/check.h"

namespace manaudit::audit {

class ErrnoMissingOnArchCheck : public Check {
public:
    CheckInfo info() const override;
    void run(const manpages::Page& page, const AuditContext& context,
             std::vector<Finding>& findings) const override;
};

}  // namespace manaudit::audit
