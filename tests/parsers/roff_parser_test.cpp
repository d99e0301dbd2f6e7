// The man(7) parser: golden trees for each macro family and both markup
// generations, and the structure of tricky constructs.
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <fstream>
#include <sstream>

#include "parsers/roff/man_macros.h"
#include "parsers/roff/man_parser.h"

using namespace manaudit;
using namespace manaudit::roff;

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

struct Parsed {
    std::unique_ptr<Node> root;
    Diagnostics diags;
};

Parsed parse(std::string_view source) {
    Parsed p;
    DiagnosticSink sink("t.7", p.diags);
    p.root = parse_man(source, sink);
    return p;
}

const Node* find(const Node& node, NodeType type, std::string_view name = {}) {
    if (node.type == type && (name.empty() || node.name == name)) return &node;
    for (const auto& child : node.children)
        if (const Node* found = find(*child, type, name)) return found;
    return nullptr;
}

}  // namespace

TEST_CASE("fixture pages parse to their golden trees", "[roff][parser]") {
    const std::filesystem::path dir = std::filesystem::path(MANAUDIT_FIXTURES) / "pages";
    int compared = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() == ".tree") continue;
        std::filesystem::path golden = entry.path();
        golden.replace_extension(".tree");
        if (!std::filesystem::exists(golden)) continue;
        SECTION(entry.path().filename().string()) {
            Parsed p = parse(read_file(entry.path()));
            CHECK(format_tree(*p.root) == read_file(golden));
            for (const auto& d : p.diags) CHECK(d.level != Severity::error);
        }
        ++compared;
    }
    CHECK(compared >= 9);
}

TEST_CASE("every node knows its line, column and section", "[roff][parser]") {
    Parsed p = parse(".TH X 2\n.SH ERRORS\n.TP\n.B EAGAIN\nTry again.\n");
    const Node* tagged = find(*p.root, NodeType::tagged);
    REQUIRE(tagged);
    CHECK(tagged->line == 3);
    CHECK(tagged->column == 2);
    CHECK(tagged->section == "ERRORS");
    REQUIRE(tagged->children.size() == 2);
    CHECK(tagged->children[0]->type == NodeType::head);
    CHECK(tagged->children[1]->type == NodeType::body);
    const Node* tag_text = find(*tagged->children[0], NodeType::text);
    REQUIRE(tag_text);
    CHECK(tag_text->text == "EAGAIN");
    CHECK(tag_text->line == 4);
    CHECK(tag_text->column == 4);
}

TEST_CASE("a heading without arguments takes the next line", "[roff][parser]") {
    Parsed p = parse(".SH\nSEE ALSO\ntext\n");
    const Node* section = find(*p.root, NodeType::section);
    REQUIRE(section);
    CHECK(section->text == "SEE ALSO");
    const Node* paragraph = find(*section, NodeType::paragraph);
    REQUIRE(paragraph);
    CHECK(paragraph->generated);
}

TEST_CASE("no-fill text is flagged, .PP inside .nf keeps no-fill", "[roff][parser]") {
    Parsed p = parse(".SH SYNOPSIS\n.nf\na\n.PP\nb\n.fi\nc\n");
    std::vector<const Node*> texts;
    std::function<void(const Node&)> walk = [&](const Node& n) {
        if (n.type == NodeType::text) texts.push_back(&n);
        for (const auto& c : n.children) walk(*c);
    };
    walk(*p.root);
    REQUIRE(texts.size() == 3);
    CHECK(texts[0]->nofill);
    CHECK(texts[1]->nofill);
    CHECK_FALSE(texts[2]->nofill);
}

TEST_CASE("unterminated .nf, .EX and .TS are reported with their line", "[roff][parser]") {
    // Running to the end of the file is an error: the rest of the page was code.
    Parsed nf = parse(".SH A\n.nf\ncode\n");
    REQUIRE(nf.diags.size() == 1);
    CHECK(nf.diags[0].level == Severity::error);
    CHECK(nf.diags[0].line == 2);
    CHECK(nf.diags[0].column == 2);
    CHECK(nf.diags[0].message == "no-fill mode opened with .nf here is not closed with .fi before the end of the file");

    Parsed ex_at_end = parse(".SH A\ntext\n.  EX\ncode\n.nf\nmore\n");
    REQUIRE(ex_at_end.diags.size() == 1);
    CHECK(ex_at_end.diags[0].level == Severity::error);
    CHECK(ex_at_end.diags[0].line == 3);
    CHECK(ex_at_end.diags[0].column == 4);
    CHECK(ex_at_end.diags[0].message.find("opened with .EX here is not closed with .EE") != std::string::npos);

    // A heading ends no-fill mode as a reader expects: only a warning.
    Parsed ex = parse(".SH A\n.EX\ncode\n.SH B\ntext\n");
    REQUIRE(ex.diags.size() == 1);
    CHECK(ex.diags[0].level == Severity::warning);
    CHECK(ex.diags[0].line == 4);
    const Node* b = nullptr;
    for (const auto& c : ex.root->children)
        if (c->type == NodeType::section && c->text == "B") b = c.get();
    REQUIRE(b);
    CHECK_FALSE(find(*b, NodeType::text)->nofill);

    Parsed ts = parse(".SH A\n.TS\nl l.\na\tb\n.SH B\nafter\n");
    REQUIRE(ts.diags.size() == 1);
    CHECK(ts.diags[0].level == Severity::error);
    CHECK(ts.diags[0].line == 2);
    // The page goes on after the broken table.
    const Node* table = find(*ts.root, NodeType::table);
    REQUIRE(table);
    CHECK(table->children.size() == 1);
    CHECK(ts.root->children.back()->text == "B");
}

TEST_CASE("an unterminated T{ block is an error, not a hang", "[roff][parser]") {
    Parsed p = parse(".TS\nl l.\na\tT{\nnever closed\n");
    bool found = false;
    for (const auto& d : p.diags) found = found || d.message.find("T{") != std::string::npos;
    CHECK(found);
}

TEST_CASE("unknown macros are kept as requests with a warning", "[roff][parser]") {
    Parsed p = parse(".SH A\n.XYZ arg\ntext\n");
    const Node* request = find(*p.root, NodeType::request, "XYZ");
    REQUIRE(request);
    REQUIRE(p.diags.size() == 1);
    CHECK(p.diags[0].message == "unknown macro .XYZ, ignored");
    CHECK(p.diags[0].line == 2);
}

TEST_CASE("a .RE without .RS is reported and ignored", "[roff][parser]") {
    Parsed p = parse(".SH A\n.RE\ntext\n");
    REQUIRE(p.diags.size() == 1);
    CHECK(p.diags[0].message.find(".RE") != std::string::npos);
}

TEST_CASE("deeply nested .RS is capped, not a stack overflow", "[roff][parser]") {
    std::string source = ".SH A\n";
    for (int i = 0; i < 200000; ++i) source += ".RS\n";
    source += "deep\n";
    for (int i = 0; i < 200000; ++i) source += ".RE\n";
    source += "shallow\n";
    Parsed p = parse(source);
    REQUIRE(p.diags.size() == 1);
    CHECK(p.diags[0].message.find("nested too deeply") != std::string::npos);
    CHECK(p.diags[0].line == 66);
    int depth = 0;
    for (const Node* n = find(*p.root, NodeType::text); n; n = n->parent) depth += n->type == NodeType::indent;
    CHECK(depth == 64);
    const Node& section = *p.root->children.back();
    CHECK(section.children.back()->type == NodeType::paragraph);
    CHECK(section.children.back()->children.back()->text == "shallow");
}

TEST_CASE("macro table: every macro man pages use is found by its name, and only by it", "[roff][macros]") {
    using manaudit::roff::find_macro;
    for (std::string_view name : {"TH", "SH", "SS", "PP", "P", "LP", "HP", "TP", "TQ", "IP", "RS", "RE", "B", "I",
                                  "BR", "BI", "IB", "IR", "RB", "RI", "SM", "SB", "nf", "fi", "EX", "EE", "UR", "UE",
                                  "MT", "ME", "TS", "TE", "sp", "br", "in", "ad", "na", "ft", "ne", "so"}) {
        INFO(name);
        const auto* info = find_macro(name);
        REQUIRE(info);
        CHECK(info->name == name);
    }
    for (std::string_view name : {"", "X", "ZZ", "Th", "bR", "PPP", "SH ", "nff", "\\\""}) {
        INFO(name);
        CHECK(find_macro(name) == nullptr);
    }
}
