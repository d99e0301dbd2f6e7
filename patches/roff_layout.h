// The conventional order of a man page's sections, and heading lines to
// write. Where the headings of a given page are is in manpages::Page::layout.
#pragma once

#include <string>
#include <string_view>

namespace manaudit::patches {

/// The section order of a man-pages generation: 5.x has CONFORMING TO and
/// VERSIONS before ATTRIBUTES; 6.x has STANDARDS, then HISTORY.
enum class SectionOrder { before_6, since_6 };

/// Rank of a section in the order man-pages(7) prescribes; -1 if unknown.
int conventional_rank(std::string_view section_title, SectionOrder order = SectionOrder::since_6);

/// Section heading text as roff: quoted when it has a space.
std::string heading_line(std::string_view macro, std::string_view title);

}  // namespace manaudit::patches
