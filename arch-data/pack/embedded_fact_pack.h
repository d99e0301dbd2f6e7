// The fact pack of the shipped data as this build made it.
#pragma once

#include <string_view>

namespace manaudit::archdata {

/// The pack's bytes, to give to install_fact_pack().
std::string_view embedded_fact_pack();

}  // namespace manaudit::archdata
