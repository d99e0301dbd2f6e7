// Baselines: accepted findings, so CI fails only on new ones.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "audit/finding.h"
#include "parsers/diagnostic.h"

namespace manaudit::audit {

struct Baseline {
    std::set<std::string> fingerprints;
};

/// Reads a baseline written by baseline_json. A file that is missing or does
/// not parse is reported in `diags` (file and line); returns nullopt then.
std::optional<Baseline> read_baseline(const std::string& path, Diagnostics& diags);

/// Parses baseline text; `name` is used in diagnostics.
std::optional<Baseline> parse_baseline(const std::string& text, const std::string& name, Diagnostics& diags);

/// The baseline file for `findings`: sorted, one entry per fingerprint.
std::string baseline_json(const std::vector<Finding>& findings);

/// Drops findings the baseline holds; returns how many were dropped.
std::size_t apply_baseline(std::vector<Finding>& findings, const Baseline& baseline);

}  // namespace manaudit::audit
