// The section order man-pages(7) prescribes, and heading lines.
#include "patches/roff_layout.h"

#include <array>
#include <cctype>

namespace manaudit::patches {

namespace {

// man-pages(7): the order of sections in a page; HISTORY is the newer layout's.
constexpr std::array<std::string_view, 23> kSectionOrder = {
    "NAME",        "LIBRARY", "SYNOPSIS", "CONFIGURATION", "DESCRIPTION", "OPTIONS",
    "EXIT STATUS", "RETURN VALUE", "ERRORS", "ENVIRONMENT", "FILES",       "ATTRIBUTES",
    "VERSIONS",    "STANDARDS",    "HISTORY", "NOTES",     "CAVEATS",     "BUGS",
    "EXAMPLES",    "AUTHORS",      "REPORTING BUGS", "COPYRIGHT", "SEE ALSO",
};

// man-pages(7) of the 5.x releases.
constexpr std::array<std::string_view, 20> kSectionOrderBefore6 = {
    "NAME",        "SYNOPSIS",   "CONFIGURATION", "DESCRIPTION",   "OPTIONS",     "EXIT STATUS", "RETURN VALUE",
    "ERRORS",      "ENVIRONMENT", "FILES",        "VERSIONS",      "ATTRIBUTES",  "CONFORMING TO", "NOTES",
    "BUGS",        "EXAMPLES",   "EXAMPLE",       "AUTHORS",       "COLOPHON",    "SEE ALSO",
};

}  // namespace

int conventional_rank(std::string_view title, SectionOrder order) {
    std::string upper;
    for (char c : title) upper += char(std::toupper(static_cast<unsigned char>(c)));
    if (order == SectionOrder::before_6) {
        for (std::size_t i = 0; i < kSectionOrderBefore6.size(); ++i)
            if (upper == kSectionOrderBefore6[i]) return int(i);
        return -1;
    }
    for (std::size_t i = 0; i < kSectionOrder.size(); ++i)
        if (upper == kSectionOrder[i]) return int(i);
    return -1;
}

std::string heading_line(std::string_view macro, std::string_view title) {
    std::string out = "." + std::string(macro) + " ";
    if (title.find(' ') != std::string_view::npos)
        out += "\"" + std::string(title) + "\"";
    else
        out += title;
    return out;
}

}  // namespace manaudit::patches
