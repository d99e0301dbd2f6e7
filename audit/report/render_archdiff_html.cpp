// `archdiff --format html`: two ABIs (or two kernels' files for one ABI) side
// by side, with the report's page frame and styles.
#include <fmt/format.h>

#include "audit/report/html_parts.h"
#include "audit/report/render.h"
#include "audit/report/syscall_status.h"

namespace manaudit::report {

namespace {

std::string side_name(const archdata::ArchFacts& f) {
    return f.provenance.arch_id + " (Linux " + f.provenance.kernel_version + ")";
}

// Syscalls only on one side, each with the call the other side uses instead.
void missing_table(HtmlWriter& w, const std::string& id, const std::string& title,
                   const std::vector<std::string>& names, const archdata::ArchFacts& has,
                   const archdata::ArchFacts& lacks) {
    w.element("h3", fmt::format("{} ({})", title, names.size()), {{"id", id + "-title"}});
    if (names.empty()) return;
    w.open("table", {{"id", id}, {"class", "sortable"}});
    w.open("thead").open("tr");
    for (const auto& h : {std::string("Syscall"), "Number on " + has.provenance.arch_id,
                   "Used instead on " + lacks.provenance.arch_id})
        w.element("th", h, {{"scope", "col"}});
    w.close().close().open("tbody");
    for (const auto& name : names) {
        const auto* s = has.syscall(name);
        std::string instead = replacement_for(lacks, name);
        w.open("tr").element("th", name, {{"scope", "row"}});
        w.element("td", s ? std::to_string(s->number) : "", {{"class", "num"}});
        w.element("td", instead.empty() ? "\u2717 none" : instead,
                  {{"class", html::state_class(instead.empty() ? CellState::missing : CellState::other_way)}});
        w.close();
    }
    w.close().close();
}

void names_list(HtmlWriter& w, const std::string& title, const std::vector<std::string>& names) {
    w.element("h3", fmt::format("{} ({})", title, names.size()));
    if (names.empty()) return;
    std::string joined;
    for (const auto& n : names) joined += (joined.empty() ? "" : ", ") + n;
    w.element("p", joined);
}

void changes_table(HtmlWriter& w, const std::string& id, const std::string& title,
                   const std::vector<archdata::ValueChange>& changes, const std::string& a, const std::string& b) {
    w.element("h3", fmt::format("{} ({})", title, changes.size()));
    if (changes.empty()) return;
    w.open("table", {{"id", id}, {"class", "sortable"}});
    w.open("thead").open("tr");
    for (const auto& h : {std::string("Name"), a, b}) w.element("th", h, {{"scope", "col"}});
    w.close().close().open("tbody");
    for (const auto& c : changes) {
        w.open("tr").element("th", c.name, {{"scope", "row"}});
        w.element("td", c.a, {{"class", "num"}}).element("td", c.b, {{"class", "num s-differs"}});
        w.close();
    }
    w.close().close();
}

void summary_table(HtmlWriter& w, const archdata::ArchDiff& d) {
    w.open("table", {{"id", "archdiff-summary"}});
    w.open("thead").open("tr");
    for (const auto& h : {std::string("Facts"), "Only in " + d.a_id, "Only in " + d.b_id, std::string("Differ")})
        w.element("th", h, {{"scope", "col"}});
    w.close().close().open("tbody");
    auto row = [&](const char* what, std::size_t a, std::size_t b, std::size_t changed) {
        w.open("tr").element("th", what, {{"scope", "row"}});
        for (auto n : {a, b, changed}) w.element("td", std::to_string(n), {{"class", "num"}});
        w.close();
    };
    row("syscalls", d.syscalls_only_a.size(), d.syscalls_only_b.size(), d.syscalls_renumbered.size());
    row("errnos", d.errnos_only_a.size(), d.errnos_only_b.size(), d.errnos_changed.size());
    row("constants", d.constants_only_a.size(), d.constants_only_b.size(), d.constants_changed.size());
    row("structs", d.structs_only_a.size(), d.structs_only_b.size(), d.structs_changed.size());
    w.close().close();
}

}  // namespace

std::string render_archdiff_html(const archdata::ArchDiff& d, const archdata::ArchFacts& a,
                                 const archdata::ArchFacts& b, const std::string& tool_version) {
    HtmlWriter w;
    const std::string title = "manaudit archdiff: " + side_name(a) + " and " + side_name(b);
    html::page_start(w, title);
    w.open("header").element("h1", title).close();
    w.open("main");
    w.open("section", {{"id", "summary"}}).element("h2", "Summary");
    summary_table(w, d);
    w.close();
    w.open("section", {{"id", "missing"}}).element("h2", "Syscalls missing on one side");
    missing_table(w, "only-a", "Only in " + d.a_id, d.syscalls_only_a, a, b);
    missing_table(w, "only-b", "Only in " + d.b_id, d.syscalls_only_b, b, a);
    w.close();
    w.open("section", {{"id", "other"}}).element("h2", "Other differences");
    changes_table(w, "renumbered", "Syscalls numbered differently", d.syscalls_renumbered, d.a_id, d.b_id);
    names_list(w, "Errnos only in " + d.a_id, d.errnos_only_a);
    names_list(w, "Errnos only in " + d.b_id, d.errnos_only_b);
    changes_table(w, "errnos", "Errnos valued differently", d.errnos_changed, d.a_id, d.b_id);
    names_list(w, "Constants only in " + d.a_id, d.constants_only_a);
    names_list(w, "Constants only in " + d.b_id, d.constants_only_b);
    changes_table(w, "constants", "Constants valued differently", d.constants_changed, d.a_id, d.b_id);
    names_list(w, "Structs only in " + d.a_id, d.structs_only_a);
    names_list(w, "Structs only in " + d.b_id, d.structs_only_b);
    w.element("h3", fmt::format("Struct layouts that differ ({})", d.structs_changed.size()));
    if (!d.structs_changed.empty()) {
        w.open("ul");
        for (const auto& c : d.structs_changed) {
            std::string all;
            for (const auto& line : c.differences) all += (all.empty() ? "" : "; ") + line;
            w.element("li", "struct " + c.name + ": " + all);
        }
        w.close();
    }
    w.close();
    w.close();
    return html::page_finish(w, "Made by manaudit " + tool_version + " from the arch data; nothing loaded from elsewhere.");
}

}  // namespace manaudit::report
