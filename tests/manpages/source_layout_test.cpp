// Page::layout: what each source line is, as the parser read it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "manpages/page_builder.h"

using namespace manaudit;
using namespace manaudit::manpages;

namespace {

Page layout_fixture_page() {
    std::ifstream in(std::filesystem::path(MANAUDIT_FIXTURES) / "pages" / "layout.2", std::ios::binary);
    REQUIRE(in);  // a missing fixture fails
    std::ostringstream bytes;
    bytes << in.rdbuf();
    Diagnostics diags;
    return build_page("man2/layout.2", bytes.str(), diags);
}

struct ExpectedLine {
    int line;
    LineKind kind;
    std::string_view macro;
    bool binds_next;
    bool has_comment;
};

}  // namespace

TEST_CASE("every source line has the kind the parser gave it", "[manpages][layout]") {
    const Page page = layout_fixture_page();
    const SourceLayout& layout = page.layout;
    using K = LineKind;
    const ExpectedLine expected[] = {
        {1, K::control, "TH", false, false},   {2, K::comment, "", false, true},
        {3, K::control, "SH", false, false},   {4, K::text, "", false, false},
        {5, K::control, "SH", true, false},    {6, K::text, "", false, false},
        {7, K::control, "nf", false, false},   {8, K::control, "B", false, false},
        {9, K::control, "BI", false, false},   {10, K::control, "fi", false, false},
        {11, K::control, "SH", false, false},  {12, K::text, "", false, true},
        {13, K::text, "", false, false},       {14, K::continuation, "", false, false},
        {15, K::blank, "", false, false},      {16, K::control, "TP", true, false},
        {17, K::control, "B", false, false},   {18, K::text, "", false, false},
        {19, K::control, "IP", false, false},  {20, K::text, "", false, false},
        {21, K::control, "B", true, false},    {22, K::text, "", false, false},
        {23, K::text, "", false, false},       {24, K::control, "SS", false, false},
        {25, K::control, "TS", false, false},  {26, K::table_layout, "", false, false},
        {27, K::text, "", false, false},       {28, K::table_layout, "", false, false},
        {29, K::text, "", false, true},        {30, K::control, "TE", false, false},
        {31, K::empty_request, "", false, false}, {32, K::control, "ig", false, false},
        {33, K::continuation, "", false, false}, {34, K::continuation, "", false, false},
        {35, K::control, "BR", false, true},   {36, K::control, "SH", false, false},
        {37, K::comment, "", false, true},     {38, K::control, "BR", false, false},
        {39, K::control, "RS", false, false},  {40, K::text, "", false, false},
        {41, K::control, "RE", false, false},
    };
    REQUIRE(layout.line_count() == 41);
    for (const auto& e : expected) {
        INFO("line " << e.line << ": " << source_line(page, e.line));
        CHECK(layout.kind(e.line) == e.kind);
        CHECK(layout.macro(e.line) == e.macro);
        CHECK(layout.at(e.line).binds_next == e.binds_next);
        CHECK(layout.at(e.line).has_comment == e.has_comment);
    }
}

TEST_CASE("headings are the parser's, titles from the next line included", "[manpages][layout]") {
    const Page page = layout_fixture_page();
    const auto& headings = page.layout.headings;
    // The .SH inside .ig is no heading.
    REQUIRE(headings.size() == 5);
    const SourceHeading expected[] = {
        {3, false, "NAME"}, {5, false, "SYNOPSIS"}, {11, false, "DESCRIPTION"},
        {24, true, "Kept apart"}, {36, false, "SEE ALSO"},
    };
    for (std::size_t i = 0; i < headings.size(); ++i) {
        CHECK(headings[i].line == expected[i].line);
        CHECK(headings[i].subsection == expected[i].subsection);
        CHECK(headings[i].title == expected[i].title);
    }
}

TEST_CASE("comments are listed with their lines, without their marker", "[manpages][layout]") {
    const Page page = layout_fixture_page();
    const auto& comments = page.layout.comments;
    REQUIRE(comments.size() == 5);
    CHECK(comments[0].line == 2);
    CHECK(comments[0].text.find("to have its lines told apart") != std::string::npos);
    CHECK(comments[1].line == 12);
    CHECK(comments[1].text.find("with a remark after them") != std::string::npos);
    CHECK(comments[2].line == 29);
    CHECK(comments[2].text.find("a remark on a row") != std::string::npos);
    CHECK(comments[3].line == 35);
    CHECK(comments[3].text.find("after a macro") != std::string::npos);
    CHECK(comments[4].line == 37);
    CHECK(comments[4].text.find_first_not_of(" \t") == std::string::npos);
    for (const auto& c : comments) CHECK(c.text.find("\\\"") == std::string::npos);
    CHECK(page.layout.comment_on(12) == &comments[1]);
    CHECK(page.layout.comment_on(13) == nullptr);
}

TEST_CASE("source lines are the page's bytes, line by line", "[manpages][layout]") {
    const Page page = layout_fixture_page();
    CHECK(source_line(page, 1) == ".TH LAYOUT 2 2024-01-01 \"Fixture\" \"Fixture Manual\"");
    CHECK(source_line(page, 15).empty());
    CHECK(source_line(page, 38) == ".BR other (2)");
    CHECK(source_line(page, 41) == ".RE");  // the last line, without its newline
    std::string rebuilt;
    for (int l = 1; l <= page.layout.line_count(); ++l) rebuilt.append(source_line(page, l)).push_back('\n');
    CHECK(rebuilt == page.source);
}

TEST_CASE("a page without a final newline or with CRLF keeps its lines", "[manpages][layout]") {
    Diagnostics diags;
    Page page = build_page("man2/x.2", ".TH X 2\r\n.SH NAME\r\nx \\- y", diags);
    REQUIRE(page.layout.line_count() == 3);
    CHECK(source_line(page, 2) == ".SH NAME\r");
    CHECK(source_line(page, 3) == "x \\- y");
    CHECK(page.layout.kind(3) == LineKind::text);
    REQUIRE(page.layout.headings.size() == 1);
    CHECK(page.layout.headings[0].title == "NAME");
}

TEST_CASE("a control line continued on the next line holds it", "[manpages][layout]") {
    Diagnostics diags;
    Page page = build_page("man2/x.2", ".TH X 2\n.SH NAME\n.BR open (2), \\\nclose (2)\nnext\n", diags);
    REQUIRE(page.layout.line_count() == 5);
    CHECK(page.layout.kind(3) == LineKind::control);
    CHECK(page.layout.macro(3) == "BR");
    CHECK(page.layout.kind(4) == LineKind::continuation);
    CHECK(page.layout.kind(5) == LineKind::text);
}
