// Which call an ABI uses instead of one it lacks: openat for open, clone for fork.
#pragma once

#include <map>
#include <set>
#include <span>
#include <string>

#include "arch-data/arch_facts.h"

namespace manaudit::audit {

/// The call each of `abis` uses instead of `name`, where one is known: from
/// the table of the kernel's legacy-call families (open -> openat, fork ->
/// clone, stat -> newfstatat or fstatat64 or statx), then from the facts
/// (a variant of the name, `name` + "64", "_time64", "2", ..., implemented
/// there). ABIs with no known replacement are left out of the map.
std::map<std::string, std::string> replacements_for(const std::string& name, const std::set<std::string>& abis,
                                                    std::span<const archdata::ArchFacts> facts);

}  // namespace manaudit::audit
