// Escape sequences: visible text, font runs, strings, comments, bad input.
#include <catch2/catch.hpp>

#include "parsers/roff/roff_escape.h"

using namespace manaudit;
using namespace manaudit::roff;

namespace {

struct Result {
    Rendered rendered;
    Diagnostics diags;
};

Result render(std::string_view input, EscapeState state = {}) {
    Result r;
    DiagnosticSink sink("t.2", r.diags);
    render_escapes(input, state, r.rendered, sink, {7, 1});
    return r;
}

}  // namespace

TEST_CASE("font escapes produce font spans over the visible text", "[roff][escape]") {
    Result r = render("a \\fBbold\\fP b \\fIit\\fR c \\f(CWmono\\f[] d \\f[BI]x\\f[R]");
    CHECK(r.rendered.text == "a bold b it c mono d x");
    REQUIRE(r.rendered.spans.size() == 4);
    CHECK(r.rendered.spans[0].font == Font::bold);
    CHECK(r.rendered.text.substr(r.rendered.spans[0].begin, 4) == "bold");
    CHECK(r.rendered.spans[1].font == Font::italic);
    CHECK(r.rendered.spans[2].font == Font::mono);
    CHECK(r.rendered.spans[3].font == Font::bold_italic);
    CHECK(r.diags.empty());
}

TEST_CASE("a font change carries over to the next line", "[roff][escape]") {
    EscapeState state;
    Diagnostics diags;
    DiagnosticSink sink("t.2", diags);
    Rendered first, second;
    render_escapes("start \\fBbold", state, first, sink, {1, 1});
    render_escapes("still bold\\fR", state, second, sink, {2, 1});
    REQUIRE(second.spans.size() == 1);
    CHECK(second.spans[0].end == 10);
}

TEST_CASE("special characters in all three forms", "[roff][escape]") {
    CHECK(render("\\(em\\[en]\\[aq]\\(lq\\(rq\\-\\[u00E9]\\C'bu'").rendered.text ==
          "\u2014\u2013'\u201c\u201d-\u00e9\u2022");
}

TEST_CASE("predefined and defined strings", "[roff][escape]") {
    EscapeState state;
    state.strings["Xy"] = "\\fBdefined\\fP";
    CHECK(render("\\*(lqq\\*(rq \\*[Xy] \\*R", state).rendered.text == "\u201cq\u201d defined \u00ae");
}

TEST_CASE("zero-width, spacing and backslash escapes", "[roff][escape]") {
    CHECK(render("a\\&b\\%c\\:d\\ e\\~f\\e\\\\g\\|h\\^i\\0j").rendered.text == "abcd e f\\\\ghi j");
    CHECK(render("x\\s-1small\\s0 y\\s+2z").rendered.text == "xsmall yz");
    CHECK(render("w\\h'2n'v\\w'abc'").rendered.text == "wv");
}

TEST_CASE("the c escape joins the next line and the quote escape starts a comment", "[roff][escape]") {
    Result joined = render("word\\c");
    CHECK(joined.rendered.text == "word");
    CHECK(joined.rendered.joins_next);
    Result commented = render("text \\\" a note");
    CHECK(commented.rendered.text == "text ");
    CHECK(commented.rendered.has_comment);
    CHECK(commented.rendered.comment == " a note");
    CHECK(commented.rendered.comment_column == 6);
}

TEST_CASE("broken escapes are reported with file and line, the rest still read", "[roff][escape]") {
    Result r = render("ok \\[unterminated and \\f");
    CHECK(r.rendered.text.rfind("ok ", 0) == 0);
    REQUIRE(!r.diags.empty());
    CHECK(r.diags[0].file == "t.2");
    CHECK(r.diags[0].line == 7);
    CHECK(r.diags[0].level == Severity::warning);
    CHECK(r.diags[0].message.find("broken escape") != std::string::npos);
}

TEST_CASE("unknown special characters and undefined strings are warnings", "[roff][escape]") {
    Result r = render("\\[nosuchchar] \\*(Qq");
    REQUIRE(r.diags.size() == 2);
    CHECK(r.diags[0].message.find("nosuchchar") != std::string::npos);
    CHECK(r.diags[1].message.find("Qq") != std::string::npos);
}

TEST_CASE("NUL bytes are dropped and invalid UTF-8 replaced, once reported per line", "[roff][escape]") {
    std::string input = std::string("a\0b\0c", 5) + "\xff\xfe" + "\xc3\xa9";
    Result r = render(input);
    CHECK(r.rendered.text == "abc\uFFFD\uFFFD\u00e9");
    REQUIRE(r.diags.size() == 2);
    CHECK(r.diags[0].message.find("NUL") != std::string::npos);
    CHECK(r.diags[1].message.find("UTF-8") != std::string::npos);
}

TEST_CASE("a self-referencing string does not recurse forever", "[roff][escape]") {
    EscapeState state;
    state.strings["Lp"] = "x\\*(Lp";
    Result r = render("\\*(Lp", state);
    CHECK(r.rendered.text.size() < 20);
    CHECK(!r.diags.empty());
}
