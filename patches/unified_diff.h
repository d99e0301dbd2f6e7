// Line diffs and their unified (git) form, with 3 lines of context.
#pragma once

#include <string>
#include <vector>

namespace manaudit::patches {

/// One step of a line edit script.
struct DiffOp {
    enum class Kind { equal, remove, insert };
    Kind kind;
    int old_index;  ///< 0-based line in the old text (equal, remove)
    int new_index;  ///< 0-based line in the new text (equal, insert)
};

/// A shortest edit script from `old_lines` to `new_lines` (Myers' O(ND) algorithm).
std::vector<DiffOp> diff_lines(const std::vector<std::string>& old_lines,
                               const std::vector<std::string>& new_lines);

struct FileDiff {
    std::string text;  ///< "diff --git ..." through the last hunk; empty if no change
    int insertions = 0;
    int deletions = 0;
};

/// The git-style diff of one file at `path` (a/<path> b/<path>), with `index`
/// line of blob ids and mode 100644. Lines keep their endings; a last line
/// without one gets "\ No newline at end of file".
FileDiff unified_diff(const std::string& path, const std::string& old_text,
                      const std::string& new_text, int context = 3);

}  // namespace manaudit::patches
