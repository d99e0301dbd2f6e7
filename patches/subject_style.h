// The subject prefix a tree's own history uses for a page: "man/man2/open.2: "
// in today's checkout, "open.2: " in the 5.x history.
#pragma once

#include <string>
#include <vector>

namespace manaudit::patches {

enum class SubjectStyle {
    tree_path,     ///< the path from the tree root: "man/man2/open.2" (also the default)
    section_path,  ///< from the section folder: "man2/open.2"
    file_name,     ///< the page's file name: "open.2"
};

/// The style most of `subjects` (commit subject lines) use for a page
/// prefix; tree_path when none names a page.
SubjectStyle subject_style_of(const std::vector<std::string>& subjects);

/// The style of the git history of `tree_root` (its last few hundred
/// commits); tree_path when it is not a checkout or its log names no page.
SubjectStyle subject_style_of_tree(const std::string& tree_root);

/// `path` ("man/man2/open.2") written in `style`.
std::string subject_prefix(const std::string& path, SubjectStyle style);

}  // namespace manaudit::patches
