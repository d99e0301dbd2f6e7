// The report as text for a terminal: tables within `width` columns, ABIs
// abbreviated to three letters with a legend, long lists wrapped.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "audit/report/abi_labels.h"
#include "audit/report/render.h"

namespace manaudit::report {

namespace {

// A cell is an abbreviation and a space: three letters, or two when the
// ABIs would not fit the width otherwise (render_text chooses).
std::size_t cell_of(const Report& r) {
    std::size_t longest = 1;
    for (const auto& c : r.columns) longest = std::max(longest, c.abbrev.size());
    return longest + 1;
}

// Appends `items` after `lead`, wrapping at `width` with `indent` spaces.
void wrap(std::string& out, const std::string& lead, const std::vector<std::string>& items, std::size_t width,
          std::size_t indent) {
    std::string line = lead;
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::string piece = items[i] + (i + 1 < items.size() ? "," : "");
        if (line.size() + 1 + piece.size() > width && line.size() > indent) {
            out += line + "\n";
            line = std::string(indent, ' ') + piece;
        } else {
            line += (line.empty() || line.back() == ' ' ? "" : " ") + piece;
        }
    }
    out += line + "\n";
}

// Appends `text`, broken at spaces so no line passes `width` (a word longer
// than a line stays whole); continuation lines start with `indent` spaces.
void wrap_words(std::string& out, const std::string& text, std::size_t width, std::size_t indent) {
    std::string line;
    for (std::size_t pos = 0; pos <= text.size();) {
        auto space = std::min(text.find(' ', pos), text.size());
        std::string word = text.substr(pos, space - pos);
        if (!line.empty() && line.size() + 1 + word.size() > width && line.size() > indent) {
            out += line + "\n";
            line = std::string(indent, ' ') + word;
        } else {
            line += (line.empty() ? "" : " ") + word;
        }
        pos = space + 1;
    }
    out += line + "\n";
}

// The first column's width: what is left after the ABI columns, at least 10.
std::size_t name_width(const Report& r, std::size_t width) {
    std::size_t abis = r.columns.size() * cell_of(r);
    return width > abis + 10 ? width - abis : 10;
}

std::string fit(const std::string& s, std::size_t n) {
    if (s.size() <= n) return s + std::string(n - s.size(), ' ');
    return s.substr(0, n - 2) + "~ ";
}

std::string abi_header(const Report& r, const std::string& first, std::size_t first_width) {
    std::string line = fit(first, first_width);
    for (const auto& c : r.columns) line += fmt::format("{:<{}}", c.abbrev, cell_of(r));
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line + "\n";
}

// "value: abbrevs" groups, in column order of first appearance.
std::vector<std::string> grouped(const Report& r, const std::vector<std::string>& per_column) {
    std::vector<std::string> order;
    std::map<std::string, std::string> members;
    for (std::size_t i = 0; i < per_column.size(); ++i) {
        if (!members.count(per_column[i])) order.push_back(per_column[i]);
        members[per_column[i]] += (members[per_column[i]].empty() ? "" : " ") + r.columns[i].abbrev;
    }
    std::vector<std::string> out;
    out.reserve(order.size());
    for (const auto& v : order) out.push_back(v + " [" + members[v] + "]");
    return out;
}

void header(std::string& out, const Report& r, std::size_t width) {
    out += fmt::format("manaudit report: {}{}\n", r.corpus, r.release.empty() ? "" : " (" + r.release + ")");
    out += fmt::format("Linux {} facts, {} ABIs, generated {} by manaudit {}\n", r.kernel, r.columns.size(),
                       r.generated, r.tool_version);
    std::vector<std::string> legend;
    for (const auto& c : r.columns) legend.push_back(c.abbrev + "=" + c.arch);
    wrap(out, "ABIs:", legend, width, 6);
    out += fmt::format("\nFindings: {} on {} of {} pages\n", r.findings.size(), r.pages.size(), r.pages_audited);
    for (const auto& c : r.checks)
        out += fmt::format("  {:<28} {:>5} findings on {:>4} pages\n", c.id, c.findings, c.pages);
    out += "\nPer ABI: findings, pages where something is missing / differs / is reached another way\n";
    for (std::size_t i = 0; i < r.columns.size(); ++i) {
        const auto& s = r.abi_summary[i];
        out += fmt::format("  {:<4}{:<14} {:>5} {:>5} {:>5} {:>5}\n", r.columns[i].abbrev, r.columns[i].arch,
                           s.findings, s.pages_missing, s.pages_differ, s.pages_other_way);
    }
}

void matrix(std::string& out, const Report& r, std::size_t width) {
    const std::size_t first = name_width(r, width);
    out += "\nPages x ABIs (";
    for (auto s : {CellState::ok, CellState::missing, CellState::differs, CellState::other_way,
                   CellState::not_applicable})
        out += fmt::format("{}{} {}", s == CellState::ok ? "" : ", ", cell_state_char(s), cell_state_name(s));
    out += ")\n" + abi_header(r, "page:line", first);
    for (const auto& row : r.pages) {
        std::string line = fit(fmt::format("{}:{}", row.page, row.line), first);
        for (const auto& c : row.cells) line += fmt::format("{:<{}}", cell_state_char(c.state), cell_of(r));
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    }
}

void syscalls(std::string& out, const Report& r, std::size_t width) {
    const std::size_t first = name_width(r, width);
    std::size_t gaps = 0;
    for (const auto& row : r.syscalls)
        gaps += std::any_of(row.cells.begin(), row.cells.end(),
                            [](const auto& c) { return c.state != SyscallState::available; });
    out += fmt::format("\nSyscalls the pages document: {}, {} not on every ABI\n"
                       "(. available, X absent, N not implemented, > reached another way)\n",
                       r.syscalls.size(), gaps);
    out += abi_header(r, "syscall", first);
    for (const auto& row : r.syscalls) {
        bool gap = false;
        std::string line = fit(row.name, first);
        std::map<std::string, std::string> instead;  // replacement -> abbrevs
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
            const auto& c = row.cells[i];
            char mark = c.state == SyscallState::available     ? '.'
                        : c.state == SyscallState::multiplexed ? '>'
                        : c.state == SyscallState::absent      ? 'X'
                                                               : 'N';
            gap = gap || mark != '.';
            if (!c.replacement.empty()) instead[c.replacement] += " " + r.columns[i].abbrev;
            if (c.state == SyscallState::multiplexed) instead["via " + c.via] += " " + r.columns[i].abbrev;
            line += fmt::format("{:<{}}", mark, cell_of(r));
        }
        if (!gap) continue;
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
        std::vector<std::string> uses;
        uses.reserve(instead.size());
        for (const auto& [call, abis] : instead) uses.push_back(call + " [" + abis.substr(1) + "]");
        if (!uses.empty()) wrap(out, "    instead:", uses, width, 6);
    }
}

void values(std::string& out, const Report& r, std::size_t width) {
    out += fmt::format("\nConstants and errnos whose values differ: {}\n", r.constants.size());
    for (const auto& row : r.constants) {
        std::vector<std::string> per_column;
        for (const auto& v : row.values) per_column.push_back(v ? *v : "undefined");
        wrap(out, fmt::format("  {} ({}:{}):", row.name, row.page, row.line), grouped(r, per_column), width, 6);
    }
    out += fmt::format("\nStruct layouts that differ: {} (size/align, ~ approximate)\n", r.layouts.size());
    for (const auto& row : r.layouts) {
        std::vector<std::string> per_column;
        for (const auto& c : row.cells)
            per_column.push_back(!c.present ? "undefined"
                                            : fmt::format("{}/{}{}{}", c.size, c.align, c.packed ? " packed" : "",
                                                          c.approximate ? "~" : ""));
        wrap(out, fmt::format("  struct {} ({}:{}):", row.name, row.page, row.line), grouped(r, per_column), width, 6);
    }
}

void kernels(std::string& out, const Report& r, std::size_t width) {
    if (!r.kernel_diff) {
        out += fmt::format("\nKernel versions: facts from Linux {} only (report --other-kernel DIR adds a second)\n",
                           r.kernel);
        return;
    }
    const auto& d = *r.kernel_diff;
    out += fmt::format("\nSyscalls from Linux {} to Linux {}:\n", d.from_kernel, d.to_kernel);
    for (const auto& col : d.arches) {
        out += fmt::format("  {}: {} added, {} removed, {} renumbered\n", col.arch, col.added.size(),
                           col.removed.size(), col.renumbered.size());
        if (!col.added.empty()) wrap(out, "    added:", col.added, width, 6);
        if (!col.removed.empty()) wrap(out, "    removed:", col.removed, width, 6);
        std::vector<std::string> moves;
        for (const auto& m : col.renumbered) moves.push_back(fmt::format("{} {}->{}", m.name, m.from, m.to));
        if (!moves.empty()) wrap(out, "    renumbered:", moves, width, 6);
    }
}

}  // namespace

std::string render_text(const Report& report, std::size_t width) {
    // Too many ABIs for three-letter columns: two-letter ones (the legend says which).
    Report narrow;
    const bool too_wide = report.columns.size() * 4 + 12 > width;
    if (too_wide) {
        narrow = report;
        for (auto& c : narrow.columns) c.abbrev = short_abbrev(c.arch);
    }
    const Report& r = too_wide ? narrow : report;
    std::string out;
    header(out, r, width);
    matrix(out, r, width);
    syscalls(out, r, width);
    values(out, r, width);
    kernels(out, r, width);
    out += fmt::format("\nFindings ({}):\n", r.findings.size());
    for (const auto& f : r.findings)
        wrap_words(out, fmt::format("{}:{}: {} [{}]", f.page, f.line, f.message, f.check_id), width, 4);
    return out;
}

}  // namespace manaudit::report
