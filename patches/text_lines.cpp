// Line splitting that keeps line endings byte for byte.
#include "patches/text_lines.h"

namespace manaudit::patches {

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
        lines.emplace_back(text.substr(start, end - start));
        start = end;
    }
    return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l;
    return out;
}

std::string_view line_body(std::string_view line) {
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

std::string dominant_line_ending(const std::vector<std::string>& lines) {
    std::size_t crlf = 0;
    std::size_t lf = 0;
    for (const auto& l : lines) {
        if (l.size() >= 2 && l.compare(l.size() - 2, 2, "\r\n") == 0)
            ++crlf;
        else if (!l.empty() && l.back() == '\n')
            ++lf;
    }
    return crlf > lf ? "\r\n" : "\n";
}

std::vector<std::string> text_to_lines(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& l : split_lines(text)) {
        std::string_view body = line_body(l);
        out.emplace_back(body);
    }
    return out;
}

}  // namespace manaudit::patches
