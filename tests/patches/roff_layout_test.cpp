// Section order, heading lines, and the layout the planner reads from a Page.
#include <catch2/catch.hpp>

#include "manpages/page_builder.h"
#include "patches/roff_layout.h"
#include "patches/roff_text.h"
#include "patches/text_lines.h"

using namespace manaudit::patches;

namespace {

manaudit::manpages::Page page_of(const std::string& source) {
    manaudit::Diagnostics diags;
    return manaudit::manpages::build_page("man2/x.2", source, diags);
}

}  // namespace

TEST_CASE("the planner's headings come with their lines and titles", "[patches][roff]") {
    auto page = page_of(".TH x 2\n.SH NAME\nx \\- y\n.SH \"SEE ALSO\"\n.SS Architecture-specific details\n"
                        ".SH\nNOTES\n.  SH BUGS\n");
    const auto& h = page.layout.headings;
    REQUIRE(h.size() == 5);
    CHECK(h[0].line == 2);
    CHECK(h[0].title == "NAME");
    CHECK(h[1].title == "SEE ALSO");
    CHECK(h[2].subsection);
    CHECK(h[2].title == "Architecture-specific details");
    CHECK(h[3].line == 6);
    CHECK(h[3].title == "NOTES");  // the title on the next line
    CHECK(h[4].line == 8);
    CHECK(h[4].title == "BUGS");
}

TEST_CASE("section order follows man-pages(7)", "[patches][roff]") {
    CHECK(conventional_rank("NAME") < conventional_rank("ERRORS"));
    CHECK(conventional_rank("VERSIONS") < conventional_rank("NOTES"));
    CHECK(conventional_rank("STANDARDS") < conventional_rank("NOTES"));
    CHECK(conventional_rank("NOTES") < conventional_rank("SEE ALSO"));
    CHECK(conventional_rank("see also") == conventional_rank("SEE ALSO"));
    CHECK(conventional_rank("MADE UP") == -1);
    CHECK(heading_line("SH", "SEE ALSO") == ".SH \"SEE ALSO\"");
    CHECK(heading_line("SH", "NOTES") == ".SH NOTES");
}

TEST_CASE("macros that take the next line are told from those that do not", "[patches][roff]") {
    using manaudit::manpages::LineKind;
    auto page = page_of(".TH x 2\n.SH ERRORS\n.TP\n.B EBADF\n.TP 8\ntag\n.B\nbold\n.PP\ntext\n.\\\" comment\n.\n");
    const auto& layout = page.layout;
    CHECK(layout.at(3).binds_next);   // .TP
    CHECK(layout.at(5).binds_next);   // .TP 8
    CHECK(layout.at(7).binds_next);   // .B alone
    CHECK_FALSE(layout.at(4).binds_next);  // .B EBADF
    CHECK_FALSE(layout.at(9).binds_next);  // .PP
    CHECK_FALSE(layout.at(10).binds_next);
    CHECK(layout.macro(2) == "SH");
    CHECK(layout.macro(11).empty());
    CHECK(layout.kind(11) == LineKind::comment);
    CHECK(layout.kind(12) == LineKind::empty_request);
    CHECK(layout.kind(4) == LineKind::control);
}

TEST_CASE("control lines, table rows and short lines are never wrapped", "[patches][roff]") {
    std::string long_macro = ".BR " + std::string(90, 'x');
    CHECK(wrap_text_line(long_macro) == std::vector<std::string>{long_macro});
    std::string row = "\\fBx\\fP(2)\t1.0\t" + std::string(90, 'y');
    CHECK(wrap_text_line(row) == std::vector<std::string>{row});
    CHECK(wrap_text_line("short, line") == std::vector<std::string>{"short, line"});
}
