// `manaudit parse`: reads pages, a release tree or a tarball and prints the Page model of each.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/parallel_for.h"
#include "cli/commands.h"
#include "cli/diagnostic_printer.h"
#include "manpages/corpus.h"
#include "manpages/page_builder.h"

namespace manaudit::cli {

namespace {

using nlohmann::ordered_json;
using namespace manaudit::manpages;

struct ParseOptions {
    std::vector<std::string> inputs;
    std::string format = "text";
    bool tree = false;
    bool with_source = false;
    unsigned jobs = 0;  ///< 0: one per hardware thread
};

/// What parsing one page gives.
struct ParsedPage {
    Page page;
    Diagnostics diagnostics;
    std::string tree;
};

struct Totals {
    std::size_t pages = 0, aliases = 0, prototypes = 0, errnos = 0, constants = 0, arch_mentions = 0;
};

std::size_t errno_count(const Page& page) {
    std::size_t n = 0;
    for (const auto& tag : page.errors) n += tag.names.size();
    return n;
}

const char* block_kind_name(Block::Kind kind) {
    switch (kind) {
        case Block::Kind::paragraph:
            return "paragraph";
        case Block::Kind::tagged:
            return "tagged";
        case Block::Kind::table_row:
            return "table_row";
        case Block::Kind::code:
            return "code";
        case Block::Kind::comment:
            return "comment";
    }
    return "paragraph";
}

ordered_json prototype_json(const Prototype& p) {
    ordered_json params = ordered_json::array();
    for (const auto& param : p.params)
        params.push_back({{"type", param.type}, {"name", param.name}, {"text", param.text}});
    return {{"text", p.text},         {"return_type", p.return_type},   {"name", p.name}, {"params", params},
            {"variadic", p.variadic}, {"syscall_name", p.syscall_name}, {"line", p.line}};
}

ordered_json struct_json(const CodeStruct& s) {
    ordered_json fields = ordered_json::array();
    for (const auto& f : s.fields)
        fields.push_back({{"type", f.type}, {"name", f.name}, {"array", f.array}, {"line", f.line}});
    return {{"name", s.name}, {"text", s.text},  {"fields", fields}, {"attributes", s.attributes},
            {"line", s.line}, {"block", s.block}};
}

ordered_json page_json(const Page& page, const PageFile& file) {
    ordered_json j;
    j["path"] = page.path;
    j["origin"] = file.origin;
    j["reached_by_alias"] = file.reached_by_alias;
    j["title"] = page.title;
    j["section"] = page.section;
    j["names"] = page.names;
    j["name_line"] = page.name_line;
    j["summary"] = page.summary;
    j["aliases"] = page.aliases;
    j["includes"] = ordered_json::array();
    for (const auto& inc : page.includes) j["includes"].push_back({{"header", inc.header}, {"line", inc.line}});
    j["prototypes"] = ordered_json::array();
    for (const auto& p : page.prototypes) j["prototypes"].push_back(prototype_json(p));
    j["feature_test_macros"] = page.feature_test_macros;
    j["errors"] = ordered_json::array();
    for (const auto& e : page.errors)
        j["errors"].push_back(
            {{"names", e.names}, {"qualifier", e.qualifier}, {"text", e.text}, {"line", e.line}, {"block", e.block}});
    j["constants"] = ordered_json::array();
    for (const auto& c : page.constants)
        j["constants"].push_back({{"name", c.name}, {"line", c.line}, {"block", c.block}, {"in_tag", c.in_tag}});
    j["structs"] = ordered_json::array();
    for (const auto& s : page.structs) j["structs"].push_back(struct_json(s));
    j["arch_mentions"] = ordered_json::array();
    for (const auto& a : page.arch_mentions)
        j["arch_mentions"].push_back({{"mention_id", a.mention_id},
                                      {"spelling", a.spelling},
                                      {"sentence", a.sentence},
                                      {"line", a.line},
                                      {"block", a.block},
                                      {"in_comment", a.in_comment}});
    j["stated_values"] = ordered_json::array();
    for (const auto& v : page.stated_values)
        j["stated_values"].push_back(
            {{"name", v.name}, {"value_text", v.value_text}, {"value", v.value}, {"line", v.line}, {"block", v.block}});
    j["syscalls_table"] = ordered_json::array();
    for (const auto& r : page.syscalls_table)
        j["syscalls_table"].push_back(
            {{"name", r.name}, {"section", r.section}, {"kernel", r.kernel}, {"notes", r.notes}, {"line", r.line}});
    j["blocks"] = ordered_json::array();
    for (const auto& b : page.blocks)
        j["blocks"].push_back({{"kind", block_kind_name(b.kind)},
                               {"section", b.section},
                               {"subsection", b.subsection},
                               {"tag", b.tag},
                               {"text", b.text},
                               {"first_line", b.first_line},
                               {"last_line", b.last_line}});
    return j;
}

ordered_json totals_json(const Totals& t, int unreadable) {
    return {{"pages", t.pages},        {"aliases", t.aliases},     {"prototypes", t.prototypes},
            {"errnos", t.errnos},      {"constants", t.constants}, {"arch_mentions", t.arch_mentions},
            {"unreadable", unreadable}};
}

void print_summary(const Page& page) {
    std::string title = page.title.empty() ? std::string("?") : fmt::format("{}({})", page.title, page.section);
    fmt::print("{}: {}: {} names, {} aliases, {} prototypes, {} errnos, {} constants, {} arch mentions\n", page.path,
               title, page.names.size(), page.aliases.size(), page.prototypes.size(), errno_count(page),
               page.constants.size(), page.arch_mentions.size());
}

/// Parses `file`, taking its source (the page keeps it: copying every page's
/// source would cost more than some of the parsing).
ParsedPage parse_one(PageFile& file, bool with_tree) {
    ParsedPage parsed;
    try {
        parsed.page = build_page(file.path, std::move(file.source), parsed.diagnostics);
        if (with_tree) {
            Diagnostics tree_diagnostics;  // the same problems build_page already reported
            parsed.tree = dump_tree(file.path, parsed.page.source, tree_diagnostics);
        }
    } catch (const std::exception& e) {
        // One page that breaks the parser must not stop the others.
        parsed.diagnostics.push_back(
            Diagnostic{file.path, 0, 0, Severity::error, fmt::format("cannot parse: {}", e.what())});
    }
    parsed.page.aliases = file.aliases;
    // Name the file that was read (a .gz, a tarball entry): inputs from several trees share relative paths.
    for (auto& d : parsed.diagnostics)
        if (d.file == file.path) d.file = file.origin;
    return parsed;
}

/// Parses every page, spread over `jobs` threads; results keep the corpus order.
/// Each file's source moves into its page.
std::vector<ParsedPage> parse_all(std::vector<PageFile>& files, bool with_tree, unsigned jobs) {
    std::vector<ParsedPage> parsed(files.size());
    parallel_for(files.size(), static_cast<int>(jobs),
                 [&](std::size_t i) { parsed[i] = parse_one(files[i], with_tree); });
    return parsed;
}

int run_parse(const ParseOptions& options) {
    std::vector<std::string> inputs = options.inputs;
    if (inputs.empty()) inputs.push_back(installed_release_root());
    Corpus corpus = read_corpus(inputs);
    std::vector<ParsedPage> parsed = parse_all(corpus.pages, options.tree, options.jobs);

    Diagnostics diagnostics = corpus.diagnostics;
    int pages_with_errors = 0;
    Totals totals;
    bool json = options.format == "json";
    ordered_json pages_json = ordered_json::array();
    for (std::size_t i = 0; i < corpus.pages.size(); ++i) {
        const PageFile& file = corpus.pages[i];
        const Page& page = parsed[i].page;
        bool has_error = false;
        for (auto& d : parsed[i].diagnostics) has_error = has_error || d.level == Severity::error;
        pages_with_errors += has_error;
        diagnostics.insert(diagnostics.end(), parsed[i].diagnostics.begin(), parsed[i].diagnostics.end());

        ++totals.pages;
        totals.aliases += page.aliases.size();
        totals.prototypes += page.prototypes.size();
        totals.errnos += errno_count(page);
        totals.constants += page.constants.size();
        totals.arch_mentions += page.arch_mentions.size();

        if (json) {
            auto j = page_json(page, file);
            if (options.tree) j["tree"] = parsed[i].tree;
            if (options.with_source) j["source"] = page.source;
            pages_json.push_back(std::move(j));
        } else {
            print_summary(page);
            if (options.tree) std::fputs(parsed[i].tree.c_str(), stdout);
        }
    }

    print_diagnostics(diagnostics);
    int unreadable = corpus.unreadable + pages_with_errors;
    if (json) {
        ordered_json out;
        out["pages"] = std::move(pages_json);
        out["totals"] = totals_json(totals, unreadable);
        out["diagnostics"] = ordered_json::array();
        for (const auto& d : diagnostics)
            out["diagnostics"].push_back({{"file", d.file},
                                          {"line", d.line},
                                          {"column", d.column},
                                          {"level", severity_name(d.level)},
                                          {"message", d.message}});
        // Pages may hold Latin-1 bytes: replace what is not UTF-8 rather than fail.
        std::cout << out.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
    } else {
        fmt::print("total: {} pages, {} aliases, {} prototypes, {} errnos, {} constants, {} arch mentions\n",
                   totals.pages, totals.aliases, totals.prototypes, totals.errnos, totals.constants,
                   totals.arch_mentions);
        if (unreadable > 0) fmt::print("{} inputs could not be read\n", unreadable);
    }
    std::fflush(stdout);
    return unreadable > 0 ? 3 : 0;
}

}  // namespace

void add_parse_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<ParseOptions>();
    auto* sub = app.add_subcommand("parse", "parse man pages and print their model (default: the installed release)");
    sub->add_option("inputs", options->inputs,
                    "page files (plain or .gz), directories (a tree root or a man2/ folder) or release tarballs");
    sub->add_option("--format", options->format, "output format")->check(CLI::IsMember({"text", "json"}));
    sub->add_flag("--tree", options->tree, "also print each page's node tree with line:col per node");
    sub->add_flag("--source", options->with_source, "with --format json, include each page's source text");
    sub->add_option("-j,--jobs", options->jobs, "pages parsed in parallel (default: one per CPU)");
    sub->callback([options, &exit_code] { exit_code = run_parse(*options); });
}

}  // namespace manaudit::cli
