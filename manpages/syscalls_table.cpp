// syscalls(2)'s table: system call, kernel version, notes.
#include "manpages/page_extract.h"
#include "parsers/cdecl/c_tokens.h"

namespace manaudit::manpages {

void extract_syscalls_table(const PageText& text, Page& page) {
    for (const TableText& table : text.tables) {
        if (table.rows.empty() || table.rows.front().cells.empty() ||
            table.rows.front().cells.front().find("System call") == std::string::npos)
            continue;
        for (std::size_t r = 1; r < table.rows.size(); ++r) {
            const TableRowText& row = table.rows[r];
            if (row.cells.empty()) continue;
            std::string_view first = row.cells[0];
            std::size_t open = first.find('(');
            std::size_t close = first.find(')', open == std::string_view::npos ? 0 : open);
            if (open == std::string_view::npos || close == std::string_view::npos) continue;
            SyscallsTableRow out;
            out.name = cdecl::normalize_space(first.substr(0, open));
            out.section = std::string(first.substr(open + 1, close - open - 1));
            if (row.cells.size() > 1) out.kernel = cdecl::normalize_space(row.cells[1]);
            if (row.cells.size() > 2) out.notes = cdecl::normalize_space(row.cells[2]);
            out.line = row.line;
            if (!out.name.empty()) page.syscalls_table.push_back(std::move(out));
        }
    }
}

}  // namespace manaudit::manpages
