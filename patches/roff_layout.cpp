// Heading scan and section order, read straight from the source lines.
#include "patches/roff_layout.h"

#include <array>
#include <cctype>

#include "patches/text_lines.h"

namespace manaudit::patches {

namespace {

// man-pages(7): the order of sections in a page; HISTORY is the newer layout's.
constexpr std::array<std::string_view, 23> kSectionOrder = {
    "NAME",        "LIBRARY", "SYNOPSIS", "CONFIGURATION", "DESCRIPTION", "OPTIONS",
    "EXIT STATUS", "RETURN VALUE", "ERRORS", "ENVIRONMENT", "FILES",       "ATTRIBUTES",
    "VERSIONS",    "STANDARDS",    "HISTORY", "NOTES",     "CAVEATS",     "BUGS",
    "EXAMPLES",    "AUTHORS",      "REPORTING BUGS", "COPYRIGHT", "SEE ALSO",
};

// man-pages(7) of the 5.x releases.
constexpr std::array<std::string_view, 20> kSectionOrderBefore6 = {
    "NAME",        "SYNOPSIS",   "CONFIGURATION", "DESCRIPTION",   "OPTIONS",     "EXIT STATUS", "RETURN VALUE",
    "ERRORS",      "ENVIRONMENT", "FILES",        "VERSIONS",      "ATTRIBUTES",  "CONFORMING TO", "NOTES",
    "BUGS",        "EXAMPLES",   "EXAMPLE",       "AUTHORS",       "COLOPHON",    "SEE ALSO",
};

// Font and heading macros that, given no arguments, set the next input line.
constexpr std::array<std::string_view, 16> kNextLineMacros = {
    "TP", "TQ", "B", "I", "BI", "IB", "BR", "RB", "IR", "RI", "SM", "SB", "SH", "SS", "HP", "IP",
};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// The arguments after the macro name, trimmed.
std::string_view macro_args(std::string_view body) {
    std::size_t i = 1;
    while (i < body.size() && (body[i] == ' ' || body[i] == '\t')) ++i;
    while (i < body.size() && body[i] != ' ' && body[i] != '\t') ++i;
    return trim(body.substr(std::min(i, body.size())));
}

std::string unquote(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != '"') out += c;
    return out;
}

}  // namespace

std::string macro_name(std::string_view body) {
    if (body.empty() || (body[0] != '.' && body[0] != '\'')) return {};
    std::size_t i = 1;
    while (i < body.size() && (body[i] == ' ' || body[i] == '\t')) ++i;
    std::size_t start = i;
    while (i < body.size() && body[i] != ' ' && body[i] != '\t') ++i;
    std::string name(body.substr(start, i - start));
    if (name.rfind("\\\"", 0) == 0 || name.rfind("\\#", 0) == 0) return {};
    return name;
}

bool is_comment_line(std::string_view body) {
    if (body.rfind("\\\"", 0) == 0 || body.rfind("\\#", 0) == 0) return true;
    if (body.empty() || (body[0] != '.' && body[0] != '\'')) return false;
    std::string_view rest = trim(body.substr(1));
    return rest.empty() || rest.rfind("\\\"", 0) == 0 || rest.rfind("\\#", 0) == 0;
}

bool binds_next_line(std::string_view body) {
    std::string name = macro_name(body);
    if (name.empty()) return false;
    for (auto m : kNextLineMacros)
        if (name == m) return name == "TP" || name == "TQ" || macro_args(body).empty();
    return false;
}

std::vector<Heading> scan_headings(const std::vector<std::string>& lines) {
    std::vector<Heading> out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view body = line_body(lines[i]);
        std::string name = macro_name(body);
        if (name != "SH" && name != "SS") continue;
        std::string title = unquote(macro_args(body));
        // `.SH` alone takes its title from the next line.
        if (title.empty() && i + 1 < lines.size()) title = unquote(trim(line_body(lines[i + 1])));
        out.push_back({int(i) + 1, name == "SS", title});
    }
    return out;
}

int conventional_rank(std::string_view title, SectionOrder order) {
    std::string upper;
    for (char c : title) upper += char(std::toupper(static_cast<unsigned char>(c)));
    if (order == SectionOrder::before_6) {
        for (std::size_t i = 0; i < kSectionOrderBefore6.size(); ++i)
            if (upper == kSectionOrderBefore6[i]) return int(i);
        return -1;
    }
    for (std::size_t i = 0; i < kSectionOrder.size(); ++i)
        if (upper == kSectionOrder[i]) return int(i);
    return -1;
}

std::string heading_line(std::string_view macro, std::string_view title) {
    std::string out = "." + std::string(macro) + " ";
    if (title.find(' ') != std::string_view::npos)
        out += "\"" + std::string(title) + "\"";
    else
        out += title;
    return out;
}

}  // namespace manaudit::patches
