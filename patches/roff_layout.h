// Where things are in a page's roff source: section and subsection headings,
// the conventional section order, and lines that bind the line after them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace manaudit::patches {

/// A `.SH` or `.SS` line.
struct Heading {
    int line = 0;  ///< 1-based
    bool subsection = false;
    std::string title;  ///< unquoted: "SEE ALSO"
};

/// All headings, in source order. `lines` keep their endings (see split_lines).
std::vector<Heading> scan_headings(const std::vector<std::string>& lines);

/// The section order of a man-pages generation: 5.x has CONFORMING TO and
/// VERSIONS before ATTRIBUTES; 6.x has STANDARDS, then HISTORY.
enum class SectionOrder { before_6, since_6 };

/// Rank of a section in the order man-pages(7) prescribes; -1 if unknown.
int conventional_rank(std::string_view section_title, SectionOrder order = SectionOrder::since_6);

/// The macro name of a control line (".TP" -> "TP", ".  SH x" -> "SH"); empty
/// for text lines and comments.
std::string macro_name(std::string_view line_body);

bool is_comment_line(std::string_view line_body);

/// A macro line that applies to the next input line (`.TP`, `.B` alone, ...),
/// so nothing should be put between it and that line.
bool binds_next_line(std::string_view line_body);

/// Section heading text as roff: quoted when it has a space.
std::string heading_line(std::string_view macro, std::string_view title);

}  // namespace manaudit::patches
