// The x86-only-statement check: a sentence naming x86 alone where the facts differ elsewhere.
#pragma once

#include "audit/check.h"

namespace manaudit::audit {

class X86OnlyStatementCheck : public Check {
public:
    CheckInfo info() const override;
    void run(const manpages::Page& page, const AuditContext& context,
             std::vector<Finding>& findings) const override;
};

}  // namespace manaudit::audit
