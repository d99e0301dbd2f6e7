// The check registry: every check manaudit runs, in one explicit list.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "audit/check.h"

namespace manaudit::audit {

/// A fresh instance of every check, in registry order.
std::vector<std::unique_ptr<Check>> make_all_checks();

/// Id, description and severity of every check, in registry order.
std::vector<CheckInfo> all_check_infos();

/// The info of the check with this id, or nullptr.
const CheckInfo* find_check_info(std::string_view id);

}  // namespace manaudit::audit
