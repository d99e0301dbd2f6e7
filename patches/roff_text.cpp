// Writing roff source lines the way man-pages keeps them.
#include "patches/roff_text.h"

namespace manaudit::patches {

std::vector<std::string> fixme_comment(const std::string& text) {
    // One line of words; roff comments cannot span lines, so wrap into several.
    std::string flat;
    for (char c : text) flat += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < flat.size()) {
        while (i < flat.size() && flat[i] == ' ') ++i;
        std::size_t j = i;
        while (j < flat.size() && flat[j] != ' ') ++j;
        if (j > i) words.push_back(flat.substr(i, j - i));
        i = j;
    }
    std::vector<std::string> lines;
    std::string current = ".\\\" FIXME:";
    bool has_word = false;
    for (const auto& w : words) {
        if (has_word && current.size() + 1 + w.size() > 78) {
            lines.push_back(current);
            current = ".\\\"";
        }
        current += " " + w;
        has_word = true;
    }
    lines.push_back(current);
    return lines;
}

std::vector<std::string> wrap_text_line(const std::string& line) {
    if (line.size() <= kMaxTextLine || line.empty() || line[0] == '.' || line[0] == '\'' ||
        line.find('\t') != std::string::npos)
        return {line};
    std::vector<std::string> out;
    std::string rest = line;
    while (rest.size() > kMaxTextLine) {
        std::size_t cut = rest.rfind(", ", kMaxTextLine - 1);
        if (cut != std::string::npos) {
            ++cut;  // keep the comma on this line
        } else {
            cut = rest.rfind(' ', kMaxTextLine);
            if (cut == std::string::npos || cut == 0) cut = rest.find(' ');
            if (cut == std::string::npos) break;
        }
        out.push_back(rest.substr(0, cut));
        std::size_t next = rest.find_first_not_of(' ', cut);
        if (next == std::string::npos) {
            rest.clear();
            break;
        }
        rest = rest.substr(next);
        // A continuation must not start with a control character.
        if (rest[0] == '.' || rest[0] == '\'') rest.insert(0, "\\&");
    }
    if (!rest.empty()) out.push_back(rest);
    return out;
}

}  // namespace manaudit::patches
