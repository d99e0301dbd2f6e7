// Rendering findings: compiler-style text, JSON with full evidence, SARIF 2.1.0.
#pragma once

#include <string>
#include <vector>

#include "audit/finding.h"

namespace manaudit::audit {

/// `man2/readdir.2:113:1: warning: message [check-id]`, then one indented
/// `note:` line per arch (none when `brief`). `color` adds terminal escapes.
std::string format_text(const std::vector<Finding>& findings, bool color, bool brief = false);

/// Every finding with its evidence and proposed edit, for tools and scripts.
/// `kernel_version` names the kernel the facts describe ("6.12").
std::string format_json(const std::vector<Finding>& findings, const std::vector<std::string>& arches,
                        const std::string& tool_version, const std::string& kernel_version = {});

/// SARIF 2.1.0 with the fields code scanning needs: rules, ruleId, level,
/// message, locations, partialFingerprints.
/// The run's properties name the kernel of the facts and the ABIs.
std::string format_sarif(const std::vector<Finding>& findings, const std::string& tool_version,
                         const std::string& kernel_version = {}, const std::vector<std::string>& arches = {});

}  // namespace manaudit::audit
