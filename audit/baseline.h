// Baselines: accepted findings, so CI fails only on new ones.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "audit/finding.h"
#include "base/diagnostic.h"

namespace manaudit::audit {

/// Accepted findings, by what each finding is, not where it sits.
struct Baseline {
    std::set<std::string> identities;    ///< baseline_identity() of each entry (version 2 files)
    std::set<std::string> fingerprints;  ///< Finding::fingerprint() (version 1 files, path-bound)
};

/// What a finding is: the page's file name and section (so "man2/open.2",
/// "man/man2/open.2" and Debian's "man2/open.2.gz" are one page), the check,
/// the subject and the set of architectures the facts leave it absent on.
/// Line numbers, paths and wording are left out, so a moved, re-wrapped or
/// re-laid-out page keeps its accepted findings.
std::string baseline_identity(const Finding& finding);

/// Reads a baseline written by baseline_json. A file that is missing or does
/// not parse is reported in `diags` (file and line); returns nullopt then.
std::optional<Baseline> read_baseline(const std::string& path, Diagnostics& diags);

/// Parses baseline text; `name` is used in diagnostics.
std::optional<Baseline> parse_baseline(const std::string& text, const std::string& name, Diagnostics& diags);

/// The baseline file for `findings`: sorted, one entry per fingerprint.
std::string baseline_json(const std::vector<Finding>& findings);

/// Drops findings the baseline holds (by identity, or by a version 1 file's
/// fingerprint); returns how many were dropped.
std::size_t apply_baseline(std::vector<Finding>& findings, const Baseline& baseline);

}  // namespace manaudit::audit
