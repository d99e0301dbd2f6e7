// The fact tables: syscalls the pages document, and the documented constants
// and structs whose values or layouts are not the same on every ABI.
#include <algorithm>
#include <set>

#include "audit/report/build_report.h"
#include "audit/report/syscall_status.h"
#include "audit/x86_claims.h"

namespace manaudit::report {

namespace {

// Pages in path order, so "the page that documents it" is the same each run.
std::vector<const manpages::Page*> by_path(std::span<const manpages::Page> pages) {
    std::vector<const manpages::Page*> out;
    for (const auto& p : pages) out.push_back(&p);
    std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) { return a->path < b->path; });
    return out;
}

int syscall_line(const manpages::Page& page, const std::string& name) {
    for (const auto& p : page.prototypes)
        if (p.name == name || p.syscall_name == name) return p.line;
    return page.name_line;
}

bool same_layout(const LayoutCell& a, const LayoutCell& b) {
    return a.present == b.present && a.size == b.size && a.align == b.align && a.packed == b.packed &&
           a.offsets == b.offsets;
}

LayoutCell layout_cell(const archdata::ArchFacts& facts, const std::string& name) {
    LayoutCell cell;
    const auto* l = facts.layout(name);
    if (!l) return cell;
    cell.present = true;
    cell.size = l->size;
    cell.align = l->align;
    cell.packed = l->packed;
    cell.approximate = l->approximate || facts.provenance.stand_in || facts.provenance.approximate_layouts;
    for (const auto& f : l->fields) cell.offsets.emplace_back(f.name, f.offset);
    return cell;
}

}  // namespace

std::vector<SyscallRow> syscall_rows(std::span<const manpages::Page> pages,
                                     std::span<const archdata::ArchFacts> facts) {
    std::vector<SyscallRow> rows;
    std::set<std::string> seen;
    for (const auto* page : by_path(pages)) {
        if (page->section != "2") continue;
        for (const auto& name : audit::page_syscall_names(*page, facts)) {
            if (!seen.insert(name).second) continue;
            SyscallRow row{name, page->path, syscall_line(*page, name), {}};
            for (const auto& f : facts) row.cells.push_back(syscall_status(f, name));
            rows.push_back(std::move(row));
        }
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return rows;
}

std::vector<ConstantRow> constant_rows(std::span<const manpages::Page> pages,
                                       std::span<const archdata::ArchFacts> facts) {
    std::vector<ConstantRow> rows;
    std::set<std::string> seen;
    auto consider = [&](const manpages::Page& page, const std::string& name, int line, bool is_errno) {
        if (!seen.insert(name).second) return;
        ConstantRow row{name, page.path, line, {}};
        for (const auto& f : facts) {
            const auto* c = is_errno ? f.errno_value(name) : f.constant(name);
            row.values.push_back(c ? std::optional<std::string>(c->text()) : std::nullopt);
        }
        bool known = std::any_of(row.values.begin(), row.values.end(), [](const auto& v) { return v.has_value(); });
        bool all_same = std::all_of(row.values.begin(), row.values.end(),
                                    [&](const auto& v) { return v == row.values.front(); });
        if (known && !all_same) rows.push_back(std::move(row));
    };
    for (const auto* page : by_path(pages)) {
        for (const auto& tag : page->errors)
            for (const auto& name : tag.names) consider(*page, name, tag.line, true);
        for (const auto& c : page->constants) consider(*page, c.name, c.line, false);
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return rows;
}

std::vector<LayoutRow> layout_rows(std::span<const manpages::Page> pages,
                                   std::span<const archdata::ArchFacts> facts) {
    std::vector<LayoutRow> rows;
    std::set<std::string> seen;
    for (const auto* page : by_path(pages)) {
        for (const auto& s : page->structs) {
            if (!seen.insert(s.name).second) continue;
            LayoutRow row{s.name, page->path, s.line, {}};
            for (const auto& f : facts) row.cells.push_back(layout_cell(f, s.name));
            bool known = std::any_of(row.cells.begin(), row.cells.end(), [](const auto& c) { return c.present; });
            bool all_same = std::all_of(row.cells.begin(), row.cells.end(),
                                        [&](const auto& c) { return same_layout(c, row.cells.front()); });
            if (known && !all_same) rows.push_back(std::move(row));
        }
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return rows;
}

}  // namespace manaudit::report
