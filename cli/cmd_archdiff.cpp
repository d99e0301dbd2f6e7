// `manaudit archdiff A B`: how two architectures' facts differ.
#include <cstdio>
#include <memory>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "arch-data/arch_aliases.h"
#include "arch-data/archdiff.h"
#include "arch-data/store.h"
#include "audit/report/render.h"
#include "base/output_file.h"
#include "cli/commands.h"
#include "cli/diagnostic_printer.h"

namespace manaudit::cli {

namespace {

struct ArchdiffOptions {
    std::string a, b;
    std::string format = "text";
    std::string arch_data;
    std::string output;
    bool only_missing = false;
};

// --only-missing: what exists on one side only, without renumberings and values.
void keep_only_missing(archdata::ArchDiff& d) {
    d.syscalls_renumbered.clear();
    d.errnos_changed.clear();
    d.constants_changed.clear();
    d.structs_changed.clear();
}

// Counts first, so 56 missing calls are not buried under 279 renumberings.
std::string summary_text(const archdata::ArchDiff& d) {
    const std::string a = "only in " + d.a_id, b = "only in " + d.b_id;
    std::string out = fmt::format("{:<12}{:>20}{:>20}{:>10}\n", "summary", a, b, "differ");
    auto row = [&](const char* kind, std::size_t only_a, std::size_t only_b, std::size_t changed) {
        out += fmt::format("  {:<10}{:>20}{:>20}{:>10}\n", kind, only_a, only_b, changed);
    };
    row("syscalls", d.syscalls_only_a.size(), d.syscalls_only_b.size(), d.syscalls_renumbered.size());
    row("errnos", d.errnos_only_a.size(), d.errnos_only_b.size(), d.errnos_changed.size());
    row("constants", d.constants_only_a.size(), d.constants_only_b.size(), d.constants_changed.size());
    row("structs", d.structs_only_a.size(), d.structs_only_b.size(), d.structs_changed.size());
    return out + "\n";
}

// An arch id as typed (amd64, aarch64) becomes the table id; file paths stay.
std::string operand(const std::string& given) {
    if (given.find('/') != std::string::npos || given.ends_with(".xml")) return given;
    return archdata::resolve_arch_alias(given);
}

nlohmann::ordered_json names_json(const std::vector<std::string>& names) {
    return {{"count", names.size()}, {"names", names}};
}

nlohmann::ordered_json changes_json(const std::vector<archdata::ValueChange>& changes) {
    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    for (const auto& c : changes) items.push_back({{"name", c.name}, {"a", c.a}, {"b", c.b}});
    return {{"count", changes.size()}, {"items", items}};
}

std::string render_json(const archdata::ArchDiff& d) {
    nlohmann::ordered_json layouts = nlohmann::ordered_json::array();
    for (const auto& c : d.structs_changed) layouts.push_back({{"name", c.name}, {"differences", c.differences}});
    nlohmann::ordered_json j = {
        {"a", d.a_id},
        {"a_kernel", d.a_kernel},
        {"b_kernel", d.b_kernel},
        {"b", d.b_id},
        {"syscalls", {{"only_a", names_json(d.syscalls_only_a)},
                      {"only_b", names_json(d.syscalls_only_b)},
                      {"renumbered", changes_json(d.syscalls_renumbered)}}},
        {"errnos", {{"only_a", names_json(d.errnos_only_a)},
                    {"only_b", names_json(d.errnos_only_b)},
                    {"changed", changes_json(d.errnos_changed)}}},
        {"constants", {{"only_a", names_json(d.constants_only_a)},
                       {"only_b", names_json(d.constants_only_b)},
                       {"changed", changes_json(d.constants_changed)}}},
        {"structs", {{"only_a", names_json(d.structs_only_a)},
                     {"only_b", names_json(d.structs_only_b)},
                     {"changed", {{"count", d.structs_changed.size()}, {"items", layouts}}}}},
    };
    return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

int run(const ArchdiffOptions& o) {
    if (o.format != "text" && o.format != "json" && o.format != "html") {
        print_error("archdiff: unknown format '" + o.format + "' (text, json or html)");
        return 2;
    }
    Diagnostics diags;
    auto a = archdata::load_arch_operand(operand(o.a), o.arch_data, diags);
    auto b = archdata::load_arch_operand(operand(o.b), o.arch_data, diags);
    print_diagnostics(diags);
    if (!a || !b) return 2;
    archdata::ArchDiff diff = archdata::diff_arches(*a, *b);
    if (o.only_missing) keep_only_missing(diff);
    std::string out = o.format == "json"   ? render_json(diff)
                      : o.format == "html" ? report::render_archdiff_html(diff, *a, *b, MANAUDIT_VERSION)
                                           : summary_text(diff) + archdata::render_text(diff);
    if (o.output.empty() || o.output == "-") {
        std::fputs(out.c_str(), stdout);
    } else if (std::string error; !write_output_file(o.output, out, error)) {
        print_file_error(o.output, error);
        return 2;
    }
    return diff.empty() ? 0 : 1;
}

}  // namespace

void add_archdiff_command(CLI::App& app, int& exit_code) {
    auto opts = std::make_shared<ArchdiffOptions>();
    auto* sub = app.add_subcommand("archdiff", "compare two architectures' facts (ids of the shipped data or "
                                               "arch-data XML files); exit 1 when they differ");
    sub->add_option("A", opts->a, "first ABI: an id or alias (arm64, aarch64, ppc64el), linux-VERSION/ID for "
                                  "another kernel's data (linux-6.1/arm64), or an arch-data XML file")
        ->required();
    sub->add_option("B", opts->b, "second ABI, in the same forms")->required();
    sub->add_option("--format", opts->format, "text, json or html")
        ->check(CLI::IsMember({"text", "json", "html"}));
    sub->add_flag("--only-missing", opts->only_missing,
                  "only what exists on one side: no renumberings, values or layouts");
    sub->add_option("-o,--output", opts->output, "write to FILE instead of standard output");
    sub->add_option("--arch-data", opts->arch_data, "directory of arch-data XML files (default: the shipped set)");
    sub->callback([opts, &exit_code] { exit_code = run(*opts); });
}

}  // namespace manaudit::cli
