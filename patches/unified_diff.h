// Unified (git) diffs of one file and git blob ids, made by libgit2.
#pragma once

#include <string>
#include <string_view>

namespace manaudit::patches {

/// The id git gives a file with these contents: SHA-1 of "blob <size>\0" + data.
std::string git_blob_id(std::string_view data);

struct FileDiff {
    std::string text;  ///< "diff --git ..." through the last hunk; empty if no change
    int insertions = 0;
    int deletions = 0;
};

/// The git-style diff of one file at `path` (a/<path> b/<path>), with `index`
/// line of 12-digit blob ids and mode 100644. Lines keep their endings; a last
/// line without one gets "\ No newline at end of file". The bytes are always
/// diffed as text, whatever their encoding.
FileDiff unified_diff(const std::string& path, const std::string& old_text,
                      const std::string& new_text, int context = 3);

}  // namespace manaudit::patches
