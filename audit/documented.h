// "Already documented": whether a page already tells readers what a check would report.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "manpages/page.h"

namespace manaudit::audit {

/// What a check is about to report, and where the page talks about it.
struct DocumentedQuery {
    int block = -1;                   ///< the block the fact sits in (Page::blocks index), -1 if none
    std::vector<std::string> names;   ///< identifiers the fact goes by: "open", "O_DIRECT"
    std::vector<std::string> phrases; ///< extra case-insensitive phrases that refer to it: "this system call"
    std::set<std::string> arches;     ///< ABI ids the finding would name (missing, or differing)
    /// Where the fact does hold, when that is a strict subset of the audited
    /// arches: a page that names all of these (anywhere) says where it exists,
    /// which documents where it does not. Empty to skip this rule.
    std::set<std::string> present;
    /// When true, naming any architecture beside the fact counts (the page
    /// discusses its arch-specific nature, as MAP_32BIT's "only on x86-64"
    /// does); when false, the arches named must cover `arches`.
    bool any_arch_counts = true;
    /// When true, a sentence documents the fact only if it speaks of where
    /// the fact exists ("does not exist", "is available only", "instead"):
    /// "on i386, somewhat later on other architectures" dates a call, and
    /// "on some architectures ... in the vDSO" speaks of speed.
    bool about_existence = false;
    /// When true, a sentence documents the fact only if it speaks of how the
    /// call takes its arguments ("the order of the arguments", "register
    /// pairs"): "on some architectures there is no ipc()" speaks of another
    /// matter. A terse STANDARDS line placing the call does not count either.
    bool about_arguments = false;
    /// The fact is the page's only subject (its only call): every sentence
    /// of the page speaks of it, named or not ("On many other architectures
    /// it does not exist").
    bool only_subject = false;
};

/// True if the page already says it, decided per subject: the fact's own
/// block (its tagged paragraph) names the arches or says "on some
/// architectures"; or sentences about the fact (naming it, or one of the
/// query's phrases) cover the arches by name, by a word-size family
/// ("64-bit architectures") or by a generic phrase in that same sentence; or
/// an architecture subsection names it; or a terse STANDARDS/HISTORY line
/// places the page's calls. Roff comments never count.
bool already_documented(const manpages::Page& page, const DocumentedQuery& query);

/// True for blocks a reader sees (comments are not shown).
bool is_visible(const manpages::Block& block);

/// True for blocks under a section or subsection about architectures
/// (".SS Architecture-specific variants").
bool in_arch_subsection(const manpages::Block& block);

/// Index of the visible block holding `line`, or -1.
int block_at_line(const manpages::Page& page, int line);

}  // namespace manaudit::audit
