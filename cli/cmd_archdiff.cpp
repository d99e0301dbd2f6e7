// `manaudit archdiff A B`: how two architectures' facts differ.
#include <cstdio>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "arch-data/archdiff.h"
#include "arch-data/store.h"
#include "cli/commands.h"

namespace manaudit::cli {

namespace {

struct ArchdiffOptions {
    std::string a, b;
    std::string format = "text";
    std::string arch_data;
};

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
    if (o.format != "text" && o.format != "json") {
        std::fprintf(stderr, "manaudit: archdiff: unknown format '%s' (text or json)\n", o.format.c_str());
        return 2;
    }
    Diagnostics diags;
    auto a = archdata::load_arch_operand(o.a, o.arch_data, diags);
    auto b = archdata::load_arch_operand(o.b, o.arch_data, diags);
    for (const auto& d : diags) std::fprintf(stderr, "manaudit: %s\n", format_diagnostic(d).c_str());
    if (!a || !b) return 2;
    archdata::ArchDiff diff = archdata::diff_arches(*a, *b);
    std::string out = o.format == "json" ? render_json(diff) : archdata::render_text(diff);
    std::fputs(out.c_str(), stdout);
    return diff.empty() ? 0 : 1;
}

}  // namespace

void add_archdiff_command(CLI::App& app, int& exit_code) {
    auto opts = std::make_shared<ArchdiffOptions>();
    auto* sub = app.add_subcommand("archdiff", "compare two architectures' facts (ids of the shipped data or "
                                               "arch-data XML files); exit 1 when they differ");
    sub->add_option("A", opts->a, "first ABI: an id or alias (arm64, aarch64), linux-VERSION/ID for another "
                                  "kernel's data (linux-6.1/arm64), or an arch-data XML file")
        ->required();
    sub->add_option("B", opts->b, "second ABI, in the same forms")->required();
    sub->add_option("--format", opts->format, "output format: text or json");
    sub->add_option("--arch-data", opts->arch_data, "directory of arch-data XML files (default: the shipped set)");
    sub->callback([opts, &exit_code] { exit_code = run(*opts); });
}

}  // namespace manaudit::cli
