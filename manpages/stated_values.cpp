// Numbers shown next to names: #define lines, "NAME (11)", table rows.
#include <cerrno>
#include <cstdlib>

#include "manpages/page_extract.h"

namespace manaudit::manpages {

namespace {

bool ident_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// Parses a C integer literal ("0x10", "011", "42UL", "-1"); false if it is not one.
bool parse_number(std::string_view text, long long& value) {
    while (!text.empty() && (text.back() == 'U' || text.back() == 'L' || text.back() == 'u' || text.back() == 'l'))
        text.remove_suffix(1);
    if (text.empty()) return false;
    std::string digits(text);
    char* end = nullptr;
    errno = 0;
    long long v = std::strtoll(digits.c_str(), &end, 0);
    if (errno != 0 || end == digits.c_str() || *end != '\0') return false;
    value = v;
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

void defines_in_code(const PageText& text, std::size_t index, Page& page) {
    const Block& block = text.blocks[index];
    std::string_view all = block.text;
    std::size_t pos = 0;
    while ((pos = all.find("#define", pos)) != std::string_view::npos) {
        std::size_t line_end = all.find('\n', pos);
        std::string_view line = all.substr(pos + 7, (line_end == std::string_view::npos ? all.size() : line_end) - pos - 7);
        std::size_t at = pos;
        pos = line_end == std::string_view::npos ? all.size() : line_end;
        line = trim(line);
        std::size_t name_end = 0;
        while (name_end < line.size() && ident_char(line[name_end])) ++name_end;
        std::string_view name = line.substr(0, name_end);
        std::string_view value = trim(line.substr(name_end));
        if (std::size_t comment = value.find("/*"); comment != std::string_view::npos) value = trim(value.substr(0, comment));
        if (value.size() > 2 && value.front() == '(' && value.back() == ')') value = value.substr(1, value.size() - 2);
        long long number = 0;
        if (name.empty() || !parse_number(value, number)) continue;
        page.stated_values.push_back({std::string(name), std::string(value), number,
                                      text.line_at(static_cast<int>(index), at), static_cast<int>(index)});
    }
}

// "SIGSEGV (11)" or "EAGAIN (11)" in running text.
void parenthesized_in_text(const PageText& text, std::size_t index, Page& page) {
    std::string_view all = text.blocks[index].text;
    std::size_t pos = 0;
    while ((pos = all.find('(', pos)) != std::string_view::npos) {
        std::size_t open = pos++;
        std::size_t close = all.find(')', open);
        if (close == std::string_view::npos || close - open > 24) continue;
        std::string_view value = all.substr(open + 1, close - open - 1);
        long long number = 0;
        if (value.empty() || !parse_number(value, number)) continue;
        std::size_t name_end = open;
        while (name_end > 0 && all[name_end - 1] == ' ') --name_end;
        std::size_t name_begin = name_end;
        while (name_begin > 0 && ident_char(all[name_begin - 1])) --name_begin;
        std::string_view name = all.substr(name_begin, name_end - name_begin);
        if (!looks_like_constant(name)) continue;
        page.stated_values.push_back({std::string(name), std::string(value), number,
                                      text.line_at(static_cast<int>(index), name_begin), static_cast<int>(index)});
    }
}

}  // namespace

void extract_stated_values(const PageText& text, Page& page) {
    for (std::size_t index = 0; index < text.blocks.size(); ++index) {
        const Block& block = text.blocks[index];
        if (block.kind == Block::Kind::code) defines_in_code(text, index, page);
        else if (block.kind == Block::Kind::paragraph || block.kind == Block::Kind::tagged)
            parenthesized_in_text(text, index, page);
    }
    // A table row naming a constant in one cell and a number in a later one.
    for (const TableText& table : text.tables) {
        for (const TableRowText& row : table.rows) {
            for (std::size_t c = 0; c + 1 < row.cells.size(); ++c) {
                std::string_view name = trim(row.cells[c]);
                if (!looks_like_constant(name)) continue;
                for (std::size_t v = c + 1; v < row.cells.size(); ++v) {
                    std::string_view value = trim(row.cells[v]);
                    long long number = 0;
                    if (!parse_number(value, number)) continue;
                    page.stated_values.push_back({std::string(name), std::string(value), number, row.line, row.block});
                    break;
                }
                break;
            }
        }
    }
}

}  // namespace manaudit::manpages
