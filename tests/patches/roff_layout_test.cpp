// Tests for reading headings and line kinds from roff source.
#include <catch2/catch.hpp>

#include "patches/roff_layout.h"
#include "patches/roff_text.h"
#include "patches/text_lines.h"

using namespace manaudit::patches;

TEST_CASE("headings are found with their lines and unquoted titles", "[patches][roff]") {
    auto lines = split_lines(".TH x 2\n.SH NAME\nx \\- y\n.SH \"SEE ALSO\"\n.SS Architecture-specific details\n"
                             ".SH\nNOTES\n.  SH BUGS\n");
    auto h = scan_headings(lines);
    REQUIRE(h.size() == 5);
    CHECK(h[0].line == 2);
    CHECK(h[0].title == "NAME");
    CHECK(h[1].title == "SEE ALSO");
    CHECK(h[2].subsection);
    CHECK(h[2].title == "Architecture-specific details");
    CHECK(h[3].title == "NOTES");  // the title on the next line
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

TEST_CASE("macros that take the next line are recognised", "[patches][roff]") {
    CHECK(binds_next_line(".TP"));
    CHECK(binds_next_line(".TP 8"));
    CHECK(binds_next_line(".B"));
    CHECK_FALSE(binds_next_line(".B EBADF"));
    CHECK_FALSE(binds_next_line(".PP"));
    CHECK_FALSE(binds_next_line("text"));
    CHECK(macro_name(".  SH x") == "SH");
    CHECK(macro_name(".\\\" comment").empty());
    CHECK(is_comment_line(".\\\" comment"));
    CHECK(is_comment_line("\\\" comment"));
    CHECK(is_comment_line("."));
    CHECK_FALSE(is_comment_line(".B x"));
}

TEST_CASE("control lines, table rows and short lines are never wrapped", "[patches][roff]") {
    std::string long_macro = ".BR " + std::string(90, 'x');
    CHECK(wrap_text_line(long_macro) == std::vector<std::string>{long_macro});
    std::string row = "\\fBx\\fP(2)\t1.0\t" + std::string(90, 'y');
    CHECK(wrap_text_line(row) == std::vector<std::string>{row});
    CHECK(wrap_text_line("short, line") == std::vector<std::string>{"short, line"});
}
