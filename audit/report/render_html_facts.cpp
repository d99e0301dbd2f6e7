// The report page's fact sections: syscalls, constants, layouts, kernel versions.
#include <fmt/format.h>

#include "audit/report/html_parts.h"

namespace manaudit::report::html {

namespace {

std::size_t reference_column(const Report& r) {
    for (std::size_t i = 0; i < r.columns.size(); ++i)
        if (r.columns[i].arch == "x86_64") return i;
    return 0;
}

void row_head(HtmlWriter& w, const std::string& name, const std::string& page, int line) {
    w.element("th", name, {{"scope", "row"}});
    w.element("td", fmt::format("{}:{}", page, line));
}

std::string syscall_label(const SyscallCell& c) {
    switch (c.state) {
        case SyscallState::available: return std::to_string(c.number);
        case SyscallState::multiplexed: return "\u21aa via " + c.via;
        case SyscallState::absent:
        case SyscallState::not_implemented: {
            std::string s = "\u2717 " + syscall_state_name(c.state);
            if (c.state == SyscallState::not_implemented) s += " (" + std::to_string(c.number) + ")";
            if (!c.replacement.empty()) s += ": " + c.replacement;
            return s;
        }
    }
    return "";
}

std::string layout_label(const LayoutCell& c) {
    if (!c.present) return "\u2717 undefined";
    std::string s = fmt::format("{} / {}", c.size, c.align);
    if (c.packed) s += " packed";
    if (c.approximate) s += " \u2248";
    return s;
}

void names_cell(HtmlWriter& w, const std::vector<std::string>& names) {
    w.open("td");
    if (!names.empty()) {
        std::string joined;
        for (const auto& n : names) joined += (joined.empty() ? "" : ", ") + n;
        w.open("details").element("summary", std::to_string(names.size())).element("p", joined).close();
    } else {
        w.text("0");
    }
    w.close();
}

}  // namespace

void syscall_section(HtmlWriter& w, const Report& r) {
    w.open("section", {{"id", "syscalls"}});
    w.element("h2", "Syscalls the pages document");
    w.element("p", fmt::format("{} syscalls: the number on each ABI, or its absence with the call used there "
                               "instead; calls reached through a multiplexer and reserved slots say so.",
                               r.syscalls.size()));
    filter_box(w, "syscall-matrix", "filter syscalls");
    w.open("label", {{"class", "toggle"}, {"hidden", "hidden"}});
    w.empty("input", {{"type", "checkbox"}, {"data-gaps", "syscall-matrix"}});
    w.text(" only calls missing somewhere").close();
    w.open("div", {{"class", "scroll"}});
    w.open("table", {{"id", "syscall-matrix"}, {"class", "matrix sortable"}});
    abi_table_head(w, {"Syscall", "Page"}, r.columns);
    w.open("tbody");
    for (const auto& row : r.syscalls) {
        bool gap = false;
        for (const auto& c : row.cells) gap = gap || c.state != SyscallState::available;
        w.open("tr", {{"class", gap ? "gap" : "same"}});
        row_head(w, row.name, row.page, row.line);
        for (const auto& c : row.cells) {
            CellState s = c.state == SyscallState::available   ? CellState::ok
                          : c.state == SyscallState::multiplexed ? CellState::other_way
                                                                 : CellState::missing;
            w.element("td", syscall_label(c), {{"class", state_class(s) + (s == CellState::ok ? " num" : "")}});
        }
        w.close();
    }
    w.close().close().close().close();
}

void constant_section(HtmlWriter& w, const Report& r) {
    const std::size_t ref = reference_column(r);
    w.open("section", {{"id", "constants"}});
    w.element("h2", "Constants and errnos whose values differ");
    w.element("p", fmt::format("{} names the pages document whose value is not the same on every ABI; "
                               "cells that differ from {} are marked.", r.constants.size(),
                               r.columns.empty() ? "" : r.columns[ref].arch));
    filter_box(w, "constant-matrix", "filter constants");
    w.open("div", {{"class", "scroll"}});
    w.open("table", {{"id", "constant-matrix"}, {"class", "matrix sortable"}});
    abi_table_head(w, {"Name", "Page"}, r.columns);
    w.open("tbody");
    for (const auto& row : r.constants) {
        w.open("tr");
        row_head(w, row.name, row.page, row.line);
        for (const auto& v : row.values) {
            CellState s = !v ? CellState::missing : v == row.values[ref] ? CellState::ok : CellState::differs;
            w.element("td", v ? *v : "\u2717 undefined", {{"class", state_class(s)}});
        }
        w.close();
    }
    w.close().close().close().close();
}

void layout_section(HtmlWriter& w, const Report& r) {
    const std::size_t ref = reference_column(r);
    w.open("section", {{"id", "layouts"}});
    w.element("h2", "Struct layouts that differ");
    w.element("p", "Size / alignment in bytes, field offsets one click away; \u2248 marks a layout computed for a "
                   "stand-in target or an approximated ABI.");
    w.open("div", {{"class", "scroll"}});
    w.open("table", {{"id", "layout-matrix"}, {"class", "matrix sortable"}});
    abi_table_head(w, {"Struct", "Page"}, r.columns);
    w.open("tbody");
    for (const auto& row : r.layouts) {
        w.open("tr");
        row_head(w, "struct " + row.name, row.page, row.line);
        for (const auto& c : row.cells) {
            const auto& base = row.cells[ref];
            bool same = c.present && c.size == base.size && c.align == base.align && c.packed == base.packed &&
                        c.offsets == base.offsets;
            CellState s = !c.present ? CellState::missing : same ? CellState::ok : CellState::differs;
            w.open("td", {{"class", state_class(s)}});
            if (!c.present) {
                w.text(layout_label(c));
            } else {
                // One line of offsets: a list element per field would double the page's elements.
                std::string offsets;
                for (const auto& [field, offset] : c.offsets)
                    offsets += fmt::format("{}{} @ {}", offsets.empty() ? "" : ", ", field, offset);
                w.open("details").element("summary", layout_label(c)).element("p", offsets).close();
            }
            w.close();
        }
        w.close();
    }
    w.close().close().close().close();
}

void kernel_section(HtmlWriter& w, const Report& r) {
    w.open("section", {{"id", "kernels"}});
    w.element("h2", "Kernel versions");
    if (!r.kernel_diff) {
        w.element("p", "Facts from one kernel generation (Linux " + r.kernel +
                           ") were given; with a second one (report --other-kernel DIR) this section lists the "
                           "syscalls each ABI gained, lost or renumbered.");
        w.close();
        return;
    }
    const auto& d = *r.kernel_diff;
    w.element("p", fmt::format("Syscalls from Linux {} to Linux {}, per ABI.", d.from_kernel, d.to_kernel));
    w.open("table", {{"id", "kernel-diff"}, {"class", "sortable"}});
    w.open("thead").open("tr");
    for (auto h : {"ABI", "Added", "Removed", "Renumbered"}) w.element("th", h, {{"scope", "col"}});
    w.close().close().open("tbody");
    for (const auto& col : d.arches) {
        w.open("tr", {{"data-arch", col.arch}}).element("th", col.arch, {{"scope", "row"}});
        names_cell(w, col.added);
        names_cell(w, col.removed);
        std::vector<std::string> moves;
        for (const auto& m : col.renumbered) moves.push_back(fmt::format("{} {} \u2192 {}", m.name, m.from, m.to));
        names_cell(w, moves);
        w.close();
    }
    w.close().close().close();
}

}  // namespace manaudit::report::html
