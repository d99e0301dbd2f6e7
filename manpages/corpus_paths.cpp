// Path rules of man page trees: sections, section folders, .so redirects.
#include <cctype>
#include <vector>

#include "manpages/corpus_tree.h"

namespace manaudit::manpages::detail {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// "2", "3type", "2const": a digit 1-9 then lower-case letters.
bool is_section_name(std::string_view s) {
    if (s.empty() || s[0] < '1' || s[0] > '9') return false;
    for (char c : s.substr(1))
        if (!std::islower(static_cast<unsigned char>(c))) return false;
    return true;
}

bool is_blank(std::string_view line) {
    for (char c : line)
        if (c != ' ' && c != '\t' && c != '\r') return false;
    return true;
}

/// `.\" text`, `'\" text`, `\" text` and a lone `.`: lines a reader never sees.
bool is_comment_line(std::string_view line) {
    if (line.starts_with(".\\\"") || line.starts_with("'\\\"") || line.starts_with("\\\"")) return true;
    return line.starts_with('.') && is_blank(line.substr(1));
}

}  // namespace

std::string strip_gz(std::string_view name) {
    if (ends_with(name, ".gz")) name.remove_suffix(3);
    return std::string(name);
}

std::string page_section(std::string_view name) {
    auto slash = name.rfind('/');
    if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
    auto dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return {};
    auto section = name.substr(dot + 1);
    return is_section_name(section) ? std::string(section) : std::string();
}

bool is_section_dir(std::string_view name) {
    return name.size() > 3 && name.starts_with("man") && is_section_name(name.substr(3));
}

std::string upstream_page_path(std::string_view path) {
    std::string dir = dir_of(path);
    auto slash = dir.rfind('/');
    std::string_view folder =
        slash == std::string::npos ? std::string_view(dir) : std::string_view(dir).substr(slash + 1);
    std::string section = page_section(path);
    // Only a plain "manN" folder holding a page of section "N<suffix>" is Debian's folding.
    bool folded = folder.size() == 4 && is_section_dir(folder) && section.size() > 1 && section[0] == folder[3];
    if (!folded) return std::string(path);
    std::string parent = slash == std::string::npos ? std::string() : dir.substr(0, slash);
    return join_path(join_path(parent, "man" + section), path.substr(path.rfind('/') + 1));
}

bool section_selected(std::string_view section, const CorpusOptions& options) {
    if (options.section2 && section.starts_with('2')) return true;
    return options.section3type && section == "3type";
}

std::optional<std::string> normalize_relative(std::string_view path) {
    if (path.empty() || path.starts_with('/')) return std::nullopt;
    std::vector<std::string_view> parts;
    while (!path.empty()) {
        auto slash = path.find('/');
        auto part = path.substr(0, slash);
        path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
        if (part.empty() || part == ".") continue;
        if (part == "..") {
            if (parts.empty()) return std::nullopt;
            parts.pop_back();
            continue;
        }
        parts.push_back(part);
    }
    if (parts.empty()) return std::nullopt;
    std::string out;
    for (auto part : parts) {
        if (!out.empty()) out += '/';
        out += part;
    }
    return out;
}

std::string dir_of(std::string_view path) {
    auto slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

std::string man_root_of(std::string_view path) {
    std::string dir = dir_of(path);
    auto slash = dir.rfind('/');
    std::string_view last =
        slash == std::string::npos ? std::string_view(dir) : std::string_view(dir).substr(slash + 1);
    if (!is_section_dir(last)) return dir;  // a flat folder: .so paths are relative to it
    return dir_of(dir);
}

std::string join_path(std::string_view dir, std::string_view name) {
    if (dir.empty()) return std::string(name);
    return std::string(dir) + '/' + std::string(name);
}

std::optional<SoRedirect> find_so_redirect(std::string_view source) {
    std::optional<SoRedirect> found;
    int line_no = 0;
    while (!source.empty()) {
        auto eol = source.find('\n');
        auto line = source.substr(0, eol);
        source = eol == std::string_view::npos ? std::string_view() : source.substr(eol + 1);
        ++line_no;
        if (is_blank(line) || is_comment_line(line)) continue;
        // Anything beyond one .so line makes it a page that includes another, not an alias.
        if (found || !line.starts_with(".so") || line.size() < 4 || (line[3] != ' ' && line[3] != '\t'))
            return std::nullopt;
        auto target = line.substr(4);
        while (!target.empty() && (target.front() == ' ' || target.front() == '\t')) target.remove_prefix(1);
        while (!target.empty() && (target.back() == ' ' || target.back() == '\t' || target.back() == '\r'))
            target.remove_suffix(1);
        if (target.empty()) return std::nullopt;
        found = SoRedirect{std::string(target), line_no};
    }
    return found;
}

}  // namespace manaudit::manpages::detail
