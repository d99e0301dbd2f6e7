// The report as JSON: the same sections as the page, for scripts.
#include <nlohmann/json.hpp>

#include "audit/output.h"
#include "audit/report/render.h"

namespace manaudit::report {

namespace {

using json = nlohmann::ordered_json;

json finding_json(const audit::Finding& f) {
    json evidence = json::array();
    for (const auto& e : f.evidence)
        evidence.push_back({{"arch", e.arch}, {"present", e.present}, {"value", e.value}, {"header", e.header}});
    return {{"check", f.check_id}, {"severity", manaudit::severity_name(f.severity)}, {"page", f.page},
            {"line", f.line},      {"column", f.column},   {"subject", f.subject},
            {"message", f.message}, {"evidence", evidence}};
}

json syscall_cell_json(const SyscallCell& c) {
    json j = {{"state", syscall_state_name(c.state)}};
    if (c.state == SyscallState::available || c.state == SyscallState::not_implemented) j["number"] = c.number;
    if (!c.via.empty()) j["via"] = c.via;
    if (!c.replacement.empty()) j["replacement"] = c.replacement;
    return j;
}

json layout_cell_json(const LayoutCell& c) {
    if (!c.present) return nullptr;
    json offsets = json::object();
    for (const auto& [field, offset] : c.offsets) offsets[field] = offset;
    return {{"size", c.size}, {"align", c.align}, {"packed", c.packed}, {"approximate", c.approximate},
            {"offsets", offsets}};
}

}  // namespace

std::string render_json(const Report& r) {
    json doc;
    doc["tool"] = "manaudit";
    doc["version"] = r.tool_version;
    doc["corpus"] = r.corpus;
    doc["release"] = r.release;
    doc["kernel"] = r.kernel;
    doc["generated"] = r.generated;
    doc["pages_audited"] = r.pages_audited;
    json abis = json::array();
    for (std::size_t i = 0; i < r.columns.size(); ++i) {
        const auto& c = r.columns[i];
        const auto& s = r.abi_summary[i];
        abis.push_back({{"id", c.arch}, {"abbrev", c.abbrev}, {"display", c.display}, {"kernel", c.kernel},
                        {"findings", s.findings}, {"pages_missing", s.pages_missing},
                        {"pages_differ", s.pages_differ}, {"pages_other_way", s.pages_other_way}});
    }
    doc["abis"] = abis;
    json checks = json::array();
    for (const auto& c : r.checks)
        checks.push_back({{"id", c.id}, {"description", c.description}, {"findings", c.findings}, {"pages", c.pages}});
    doc["checks"] = checks;
    json pages = json::array();
    for (const auto& row : r.pages) {
        json cells = json::object();
        for (std::size_t i = 0; i < row.cells.size(); ++i) cells[r.columns[i].arch] = cell_state_name(row.cells[i].state);
        pages.push_back({{"page", row.page}, {"line", row.line}, {"findings", row.findings.size()}, {"cells", cells}});
    }
    doc["pages"] = pages;
    json syscalls = json::array();
    for (const auto& row : r.syscalls) {
        json cells = json::object();
        for (std::size_t i = 0; i < row.cells.size(); ++i) cells[r.columns[i].arch] = syscall_cell_json(row.cells[i]);
        syscalls.push_back({{"name", row.name}, {"page", row.page}, {"line", row.line}, {"abis", cells}});
    }
    doc["syscalls"] = syscalls;
    json constants = json::array();
    for (const auto& row : r.constants) {
        json values = json::object();
        for (std::size_t i = 0; i < row.values.size(); ++i)
            values[r.columns[i].arch] = row.values[i] ? json(*row.values[i]) : json(nullptr);
        constants.push_back({{"name", row.name}, {"page", row.page}, {"line", row.line}, {"values", values}});
    }
    doc["constants"] = constants;
    json layouts = json::array();
    for (const auto& row : r.layouts) {
        json cells = json::object();
        for (std::size_t i = 0; i < row.cells.size(); ++i) cells[r.columns[i].arch] = layout_cell_json(row.cells[i]);
        layouts.push_back({{"struct", row.name}, {"page", row.page}, {"line", row.line}, {"abis", cells}});
    }
    doc["layouts"] = layouts;
    if (r.kernel_diff) {
        json arches = json::array();
        for (const auto& col : r.kernel_diff->arches) {
            json moves = json::array();
            for (const auto& m : col.renumbered) moves.push_back({{"name", m.name}, {"from", m.from}, {"to", m.to}});
            arches.push_back({{"arch", col.arch}, {"added", col.added}, {"removed", col.removed}, {"renumbered", moves}});
        }
        doc["kernel_diff"] = {{"from", r.kernel_diff->from_kernel}, {"to", r.kernel_diff->to_kernel}, {"abis", arches}};
    } else {
        doc["kernel_diff"] = nullptr;
    }
    json findings = json::array();
    for (const auto& f : r.findings) findings.push_back(finding_json(f));
    doc["findings"] = findings;
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace manaudit::report
