// Reading syscall tables line by line; whitespace-separated columns, '#' comments.
#include "parsers/kernel/syscall_table.h"

#include <charconv>

namespace manaudit::kernel {

namespace {

std::vector<std::string_view> columns(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
        if (i >= line.size() || line[i] == '#') break;
        std::size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r' && line[i] != '#') ++i;
        out.push_back(line.substr(start, i - start));
    }
    return out;
}

}  // namespace

// sys_ni_syscall everywhere; SPARC's own stub, sys_nis_syscall, also only
// logs the attempt and returns ENOSYS.
bool is_unimplemented_entry(std::string_view entry) {
    for (std::string_view stub : {"sys_ni_syscall", "sys_nis_syscall"})
        if (entry == stub || (entry.ends_with(stub) && entry[entry.size() - stub.size() - 1] == '/')) return true;
    return entry.empty();
}

std::vector<TableEntry> parse_syscall_table(std::string_view text, const std::string& path, Diagnostics& diags) {
    std::vector<TableEntry> out;
    int line_number = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_number;
        std::vector<std::string_view> cols = columns(line);
        if (cols.empty()) continue;
        TableEntry e;
        e.line = line_number;
        auto [ptr, ec] = std::from_chars(cols[0].data(), cols[0].data() + cols[0].size(), e.number);
        if (ec != std::errc() || ptr != cols[0].data() + cols[0].size() || cols.size() < 3 || cols.size() > 6) {
            diags.push_back({path, line_number, 1, Severity::error,
                             "not a syscall table line (expected: number abi name [entry [compat-entry [noreturn]]])"});
            continue;
        }
        e.abi = cols[1];
        e.name = cols[2];
        // "-" holds a column's place (Linux 6.11 added a sixth, "noreturn").
        if (cols.size() > 3 && cols[3] != "-") e.entry = cols[3];
        if (cols.size() > 4 && cols[4] != "-") e.compat_entry = cols[4];
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace manaudit::kernel
