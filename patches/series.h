// A patch series: one format-patch mail per planned page and a cover letter,
// and writing it to a directory all at once.
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "arch-data/arch_facts.h"
#include "base/diagnostic.h"
#include "patches/edit_plan.h"
#include "patches/identity.h"
#include "patches/subject_style.h"

namespace manaudit::patches {

struct SeriesOptions {
    Identity from;                    ///< the From: of every mail
    std::optional<Identity> signoff;  ///< Signed-off-by, only when someone gave one
    std::time_t date = 0;
    std::string trailer = "manaudit";  ///< the signature line: "manaudit 0.1.0"
    int pages_audited = 0;             ///< for the cover letter; 0 if not known
    SubjectStyle subject_style = SubjectStyle::tree_path;  ///< the tree's own page prefix
};

struct SeriesFile {
    std::string name;     ///< "0001-man2-readdir.2-....patch"
    std::string content;
};

struct Series {
    std::vector<SeriesFile> files;  ///< the cover letter first, then the patches in order
    int patches = 0;
    int findings = 0;  ///< findings the patches cover
    int documented = 0;  ///< of those, findings given user-visible text (fix mode)
    int flagged = 0;     ///< of those, findings marked with FIXME comments
};

/// Builds the series for `plans` (in the order given), with the evidence of
/// each finding and the provenance of each arch's facts in the mail bodies.
Series build_series(const std::vector<PagePlan>& plans, const std::vector<archdata::ArchFacts>& facts,
                    const SeriesOptions& options);

/// Writes `series` into `directory`: everything goes to a temporary directory
/// beside it first and is renamed into place at the end, so a failure leaves
/// nothing behind. A directory with files in it is refused unless `force`;
/// then its old *.patch files are replaced and other files are left alone.
bool write_series(const Series& series, const std::string& directory, bool force, Diagnostics& diags);

}  // namespace manaudit::patches
